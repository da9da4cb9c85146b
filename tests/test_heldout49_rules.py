"""Rules added after held-out set 49 (ho301-ho306: opposition and activist voices: a news-in-brief
daily, an uprising day report, a Telegram channel roundup, a Kurdish party's strike statement, a
student union's statement and a diaspora network's rally report), each on text of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.models import Report


def run(pipe, text: str, published: str | None = "2025-06-03"):
    day = dt.date.fromisoformat(published) if published else None
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Monitor", published=day))


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def towns(doc):
    """The events' places, by canonical name and as written."""
    return {e.location.canonical for e in doc.events} | {e.location.name for e in doc.events}


def on(town: str, sub: str, day: dt.date) -> tuple:
    return town, sub, day, day


def test_a_call_on_the_people_of_a_list_of_towns_is_no_strike(pipe):
    # the people called on are named by a list with commas: still a call, no strike in those towns
    doc = run(pipe, "Shops stayed closed in Bukan and Baneh on Monday. The party calls on the people of "
                    "Ilam, Kermanshah and Dehloran to join the next general strike.")
    assert {"Bukan", "Baneh"} <= towns(doc)
    assert not towns(doc) & {"Ilam", "Kermanshah", "Dehloran"}


def test_a_human_chain_is_a_demonstration(pipe):
    doc = run(pipe, "About 300 people formed a human chain along the river in Ahvaz on Sunday.")
    assert on("Ahvaz", "demonstration", dt.date(2025, 6, 1)) in rows(doc)


def test_a_protest_said_not_to_have_happened_is_no_event(pipe):
    doc = run(pipe, "On Monday, teachers gathered outside the education office in Arak. Reports that teachers "
                    "in Qom held a similar gathering are not correct.")
    assert "Arak" in towns(doc)
    assert "Qom" not in towns(doc)


def test_a_town_in_a_clause_of_a_planned_act_does_not_take_the_act_before(pipe):
    # "would join next week's rally": the town's own act is planned; the chanting told before is not its
    doc = run(pipe, "Retirees gathered outside the governorate in Arak on Tuesday to demand the pension increases. "
                    "Holding placards that read \"Our tables are empty,\" the retirees chanted \"Only in the street will "
                    "we win our rights.\" Retirees in Khomein said they would join next Tuesday's rally if the payments "
                    "were not made.")
    assert "Arak" in towns(doc)
    assert "Khomein" not in towns(doc)


def test_a_town_whose_clause_tells_a_future_act_does_not_take_the_act_before(pipe):
    # (the act before names no place of its own and would otherwise wait for the next town)
    doc = run(pipe, "About 400 people rallied on Saturday against the executions. Organisers in "
                    "Gothenburg will hold theirs next Saturday.", published="2025-10-20")
    assert "Gothenburg" not in towns(doc)


def test_a_protest_town_told_with_a_count_of_arrests_still_takes_the_arrests(pipe):
    # a count's noun ("put the number of arrests at 31 in A") is no act to come: the town keeps the
    # arrests the sentence before told without a place
    doc = run(pipe, "The governor told state television that 14 people had been detained on Monday. "
                    "A rights group put the number of arrests at 31 in Shadegan, without a breakdown.")
    assert ("Shadegan", "arrest") in {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_sahand_before_a_surname_is_a_person(pipe):
    doc = run(pipe, "On Monday, the Revolutionary Court of Tabriz sentenced Sahand Karimi, a student, to one year in prison.")
    assert "Tabriz" in towns(doc)
    assert "Sahand" not in towns(doc)


STATEMENT = ("Statement of the party\n\nFriday, 16 Aban 1404 (7 November 2025)\n\n"
             "Yesterday, Thursday, the towns of Kurdistan answered the call with a general strike, in protest at the "
             "execution of a prisoner in Urmia Central Prison last week and at the death sentences issued against "
             "three other activists.\n\nShops stayed closed in Sanandaj, Saqqez and Baneh.\n")


def test_a_reason_date_is_not_carried_to_the_paragraphs_after(pipe):
    # "last week" dates the execution the strike answers; the list paragraph takes "Yesterday, Thursday"
    doc = run(pipe, STATEMENT, published=None)
    for town in ("Sanandaj", "Saqqez", "Baneh"):
        assert on(town, "strike", dt.date(2025, 11, 6)) in rows(doc)


def test_a_second_reason_joined_to_the_first_is_no_sentence(pipe):
    doc = run(pipe, STATEMENT, published=None)
    assert not any(e.sub_event_type in ("sentence", "execution") for e in doc.events)


def test_an_unknown_organisation_and_a_date_under_the_title_date_the_report(pipe):
    # a date line "<Name ending in an organisation word> – <full date>": the page's date, so a bare
    # weekday is the one before it, not one near the last date the body named ("began on December 28")
    doc = run(pipe, "Iran Protests: Day 12 – Night marches spread as death toll rises\n\n"
                    "Example Freedom Monitor – Thursday, January 8, 2026\n\n"
                    "The protests that began on December 28 entered their twelfth day on Thursday. Our correspondents "
                    "reported protests in at least 40 cities on Wednesday night.\n\nTehran\n\n"
                    "On Wednesday night, residents of Narmak in Tehran took to the streets and chanted slogans.\n",
              published=None)
    assert ("Tehran", "demonstration", dt.date(2026, 1, 7), dt.date(2026, 1, 7)) in rows(doc)


def test_a_post_headed_by_its_time_and_weekday_takes_that_day(pipe):
    # a channel roundup over two days: "23:10 (Friday)" dates the post below it, not the title's two days
    doc = run(pipe, "Channel posts of Friday night and Saturday, 21–22 Azar 1404\n\n"
                    "Roundup for Saturday, 13 December 2025.\n\n23:10 (Friday)\n\n"
                    "Video received. Ekbatan, Tehran: residents chanting \"Azadi\" from their balconies.\n",
              published=None)
    assert on("Tehran", "demonstration", dt.date(2025, 12, 12)) in rows(doc)


def test_a_persian_month_alone_after_in_dates_its_clause(pipe):
    # "in Mehr" (23 Sep-22 Oct 2025), not the day of the sentence before
    doc = run(pipe, "Roundup for Saturday, 13 December 2025.\n\nHis family say he was beaten by guards in Ahvaz on "
                    "Thursday. He was arrested in Dezful in Mehr.\n", published=None)
    assert ("Dezful", "arrest", dt.date(2025, 9, 23), dt.date(2025, 10, 22)) in rows(doc)


def test_a_persian_month_before_a_name_is_no_date(pipe):
    doc = run(pipe, "On Sunday, police arrested two journalists in Tabriz, Mehr News Agency reported.")
    assert on("Tabriz", "arrest", dt.date(2025, 6, 1)) in rows(doc)


def test_a_chanted_place_name_is_not_the_town_of_the_districts_after_it(pipe):
    # "chants of "Azadi" ... in the Abresan and Roshdiyeh districts": the districts are Tabriz's,
    # not those of a village called Azadi
    doc = run(pipe, "Tabriz, tonight: chants of \"Azadi\" from rooftops in the Abresan and Roshdiyeh districts.")
    assert towns(doc) & {"Tabriz"}
    assert all(e.location.canonical == "Tabriz" for e in doc.events)


def test_a_vigil_for_the_executed_is_no_execution_and_no_tactic_of_another_towns_rally(pipe):
    doc = run(pipe, "London. Protesters gathered outside the embassy on Saturday.\n\n"
                    "Toronto. On Sunday evening, several hundred people held a candlelight vigil at Mel Lastman "
                    "Square for the prisoners executed this month.\n", published="2025-10-20")
    got = rows(doc)
    assert on("Toronto", "symbolic_action", dt.date(2025, 10, 19)) in got
    assert not any(e.sub_event_type == "execution" for e in doc.events)


def test_a_title_that_opens_with_a_quoted_phrase_reports_no_event(pipe):
    doc = run(pipe, "Solidarity Network – Weekly report\n\n\"No to executions\": a weekend of rallies from Paris "
                    "to Toronto, and answers from inside Iran\n\nMonday, 20 October 2025\n\n"
                    "In Paris, about 6,000 people rallied on Saturday.\n", published=None)
    assert "Toronto" not in towns(doc)
    assert on("Paris", "demonstration", dt.date(2025, 10, 18)) in rows(doc)


def claim_sources(doc):
    return {(c.value, c.attributed_to) for c in doc.claims if c.value is not None}


def test_a_trailing_activist_lawyer_or_council_member_is_the_source(pipe):
    doc = run(pipe, "In Karaj, agents arrested at least 35 people on Tuesday, a local activist said. Branch 1 of the "
                    "court sentenced her to five years in prison on Sunday, her lawyer said. Six farmers were "
                    "detained in Isfahan on Monday, a local council member told the channel.")
    got = {v: a for v, a in claim_sources(doc)}
    assert "activist" in (got.get(35) or "")
    assert "lawyer" in (got.get(60) or "")
    assert "council member" in (got.get(6) or "")


def test_a_police_headquarters_after_a_semicolon_is_its_own_source(pipe):
    doc = run(pipe, "Organisers estimated the crowd in Paris at about 6,000; the Paris police headquarters put it at 2,300.",
              published="2025-10-20")
    got = {v: a for v, a in claim_sources(doc)}
    assert "police headquarters" in (got.get(2300) or "")


def test_a_death_in_an_apposition_that_ends_the_sentence_places_nothing(pipe):
    doc = run(pipe, "Weekly report, Monday, 20 October 2025\n\nParis. The largest rally took place on Saturday at "
                    "the square, chanting \"Say no to executions\". Speakers included Leila Sobhani, sister of Navid "
                    "Sobhani, a protester from Bukan executed in Urmia in September.\n", published=None)
    assert "Paris" in towns(doc)
    assert not towns(doc) & {"Urmia", "Bukan"}


def test_a_gathering_on_one_day_and_again_on_the_next_is_a_range(pipe):
    doc = run(pipe, "London. Protesters gathered outside the Iranian embassy in Kensington on Friday evening and "
                    "again on Saturday.", published="2025-10-20")
    assert ("London", "demonstration", dt.date(2025, 10, 17), dt.date(2025, 10, 18)) in rows(doc)


def test_families_stopped_on_their_way_to_the_cemetery_and_sent_home_met_an_intervention(pipe):
    doc = run(pipe, "Zahedan: families of executed prisoners were stopped by security forces on their way to the "
                    "cemetery on Sunday and sent home.", published="2025-10-20")
    assert on("Zahedan", "protest_with_intervention", dt.date(2025, 10, 19)) in rows(doc)


def test_people_shown_with_wounds_are_injured(pipe):
    doc = run(pipe, "On Wednesday night, security forces fired pellet guns at the crowd in Tehranpars in Tehran; a "
                    "video sent to us shows at least three people with wounds to the legs.", published="2026-01-08")
    assert on("Tehran", "attack_on_civilians", dt.date(2026, 1, 7)) in rows(doc)


def test_the_nth_day_of_a_strike_after_a_stated_day_is_a_range(pipe):
    doc = run(pipe, "Shops in the Kermanshah bazaar remained closed on Thursday morning, the second day of the strike "
                    "there.", published="2026-01-08")
    assert ("Kermanshah", "strike", dt.date(2026, 1, 7), dt.date(2026, 1, 8)) in rows(doc)


def test_the_nth_day_of_an_uprising_keeps_the_stated_day(pipe):
    # the count of a wave dates the wave, not the act of its sentence
    doc = run(pipe, "Students gathered at the university in Tabriz on Thursday, the third day of the uprising.",
              published="2026-01-08")
    assert on("Tabriz", "demonstration", dt.date(2026, 1, 8)) in rows(doc)


def test_an_ongoing_count_in_a_clause_of_its_own_does_not_stretch_the_stated_day(pipe):
    doc = run(pipe, "State television claimed that a Basij member was stabbed to death by \"rioters\" in Shahrekord "
                    "on Tuesday night and that 14 police officers had been injured across the country since Sunday.",
              published="2026-01-08")
    assert ("Shahr-e Kord", "attack_on_people", dt.date(2026, 1, 6), dt.date(2026, 1, 6)) in rows(doc)


def test_a_post_headed_only_by_its_clock_time_is_of_the_roundups_day(pipe):
    # the night before is marked "(Friday)"; an unmarked post of the Saturday roundup is Saturday's,
    # not the title's two days
    doc = run(pipe, "Channel posts of Friday night and Saturday, 21–22 Azar 1404\n\n"
                    "Roundup for Saturday, 13 December 2025.\n\n23:10 (Friday)\n\n"
                    "Ekbatan, Tehran: residents chanting \"Azadi\" from their balconies.\n\n10:40\n\n"
                    "Rasht, Shahrdari Square: about fifty retirees gathered holding copies of their pay slips.\n",
              published=None)
    got = rows(doc)
    assert on("Tehran", "demonstration", dt.date(2025, 12, 12)) in got
    assert on("Rasht", "demonstration", dt.date(2025, 12, 13)) in got


def test_a_count_of_countries_is_a_figure(pipe):
    doc = run(pipe, "By our count, rallies were held in 23 cities in 14 countries between Friday and Sunday.",
              published="2025-10-20")
    assert {14, 23} <= {c.value for c in doc.claims}


def test_two_full_dates_joined_by_and_again_stay_two_dates(pipe):
    # "and again" joins two weekdays of one act, not two full dates years apart
    doc = run(pipe, "Teachers held a sit-in in Arak. They first protested there on June 1, 2019 and again on May 3, 2025.",
              published="2025-05-04")
    assert not any(e.date.start is not None and e.date.start.year == 2019 and e.date.end.year == 2025 for e in doc.events)


def test_a_weekday_then_a_definite_clause_closing_the_sentence_is_news(pipe):
    # "On Sunday, the regime hanged a prisoner in Zanjan.": no apposition after a name
    doc = run(pipe, "On Sunday, the regime hanged a prisoner in Zanjan.")
    assert on("Zanjan", "execution", dt.date(2025, 6, 1)) in rows(doc)
