"""Rules added after held-out set 48 (ho295-ho300: PMOI/MEK Resistance Units and protest reports of
2025 on a blackout wave, a prisoners' hunger-strike week, a bazaar strike, Cyrus Day, a petrol price
tier and Khomeini's death anniversary), each on text of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.models import Report


def run(pipe, text: str, published: str | None = "2025-09-10"):
    day = dt.date.fromisoformat(published) if published else None
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="PMOI/MEK", published=day))


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def on(town: str, sub: str, day: dt.date) -> tuple:
    return town, sub, day, day


def test_a_yearless_day_of_a_month_named_with_its_year_before_it_is_that_years(pipe):
    # the sentence opens with "In August 2019": "on August 12" is that August, history, not this year's
    doc = run(pipe, "Iran, September 10, 2025 - Workers gathered in Arak on Monday.\n\n"
                    "In August 2019, during the strikes of the sugar workers, police beat a worker in Shush on August 12.\n")
    got = rows(doc)
    assert on("Arak", "demonstration", dt.date(2025, 9, 8)) in got
    assert not any(c == "Shush" and s == dt.date(2025, 8, 12) for c, _, s, _ in got)


def test_a_day_of_another_month_keeps_the_reports_year(pipe):
    # "In August 2019" names another month: "on September 2" is still this year's
    doc = run(pipe, "Iran, September 10, 2025 - In August 2019 the factory was sold; "
                    "its workers gathered in Arak on September 2.\n")
    assert on("Arak", "demonstration", dt.date(2025, 9, 2)) in rows(doc)


def test_a_clause_with_its_own_wider_place_does_not_give_its_act_to_the_towns_before(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Posters of the units appeared on Monday in Zanjan and Sari, "
                    "and in other cities banners of Khamenei were set on fire.\n")
    got = {(c, s) for c, s, *_ in rows(doc)}
    assert {("Zanjan", "symbolic_action"), ("Sari", "symbolic_action")} <= got
    assert not any(s == "property_attack" for _, s in got)


def test_an_act_told_for_the_towns_after_and_in_keeps_them(pipe):
    # ", and in Sari" names a town: its act is Sari's (the rule is for unnamed wider places only)
    doc = run(pipe, "Iran, September 10, 2025 - Posters appeared on Monday in Zanjan, "
                    "and in Sari a banner of Khamenei was set on fire.\n")
    assert ("Sari", "property_attack") in {(c, s) for c, s, *_ in rows(doc)}


def test_bare_plural_banners_burned_in_the_passive_are_no_banner_put_up(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Karaj and Qazvin, banners of Khomeini and Khamenei "
                    "were burned on Monday night.\n")
    got = {(c, s) for c, s, *_ in rows(doc)}
    assert {("Karaj", "property_attack"), ("Qazvin", "property_attack")} <= got
    assert not any(s == "symbolic_action" for _, s in got)


def test_words_excluded_alone_inside_the_slogan_an_act_wrote_keep_the_act(pipe):
    # "hunger strike" alone is a state, no act; inside the slogan written on walls it is the slogan's
    doc = run(pipe, "Iran, September 10, 2025 - On Monday, Resistance Units in Tabriz wrote "
                    "\"Every Tuesday a hunger strike, every day an execution\" on walls.\n")
    assert on("Tabriz", "symbolic_action", dt.date(2025, 9, 8)) in rows(doc)


def test_hunger_strike_alone_stays_no_act(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Prisoners in Tabriz prison have been on hunger strike for two weeks.\n")
    assert not any(s == "strike" for _, s, *_ in rows(doc))


def test_a_weekday_that_ends_a_sentence_is_not_joined_to_the_next_sentences_date(pipe):
    # "on Monday.\n\nIn August 2019" is two dates, not "Monday, August 2019"
    doc = run(pipe, "Iran, September 10, 2025 - Workers gathered in Arak on Monday.\n\n"
                    "In August 2019, the factory in Shush was sold.\n")
    assert on("Arak", "demonstration", dt.date(2025, 9, 8)) in rows(doc)


def test_a_paragraphs_town_label_places_its_later_sentences_under_a_province_heading(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Bazaars closed.\n\nEast Azerbaijan\n\n"
                    "Tabriz: The bazaar was closed on Monday. On Tuesday, merchants gathered in the Amir caravanserai.\n\n"
                    "Ardabil: Shops were shut on Tuesday.\n")
    got = rows(doc)
    assert on("Tabriz", "demonstration", dt.date(2025, 9, 9)) in got
    assert not any(c == "East Azerbaijan" for c, *_ in got)


def test_a_count_told_in_reported_speech_after_a_protest_is_its_arrests(pipe):
    # "said at least 23 had been arrested": the pluperfect of reported speech, one act, no tally
    doc = run(pipe, "Iran, September 10, 2025 - Protests.\n\n"
                    "- Mashhad: Hundreds of people gathered outside a petrol station on Monday. Security forces "
                    "fired tear gas, and the police chief, quoted by Tasnim, said at least 23 \"rioters\" had been arrested.\n"
                    "- Rasht: Workers gathered on Monday.\n")
    got = rows(doc)
    assert on("Mashhad", "arrest", dt.date(2025, 9, 8)) in got
    assert on("Mashhad", "protest_with_intervention", dt.date(2025, 9, 8)) in got


def test_a_running_count_in_reported_speech_stays_a_tally(pipe):
    # "have been arrested" (present perfect) in reported speech is still a running total
    doc = run(pipe, "Iran, September 10, 2025 - Workers gathered in Arak on Monday. HRANA said that "
                    "at least 300 people have been arrested.\n")
    assert not any(s == "arrest" for _, s, *_ in rows(doc))


def test_honking_and_banging_pots_are_demonstrations(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Tabriz, motorists honked their horns on Valiasr Street on Monday. "
                    "In Rasht, women banged pots on their balconies on Monday night.\n")
    got = rows(doc)
    assert {on("Tabriz", "demonstration", dt.date(2025, 9, 8)), on("Rasht", "demonstration", dt.date(2025, 9, 8))} <= got


def test_a_caption_in_the_present_tells_a_gathering(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Protests over water cuts.\n\n"
                    "Residents of Sabzevar gather in front of the governorate – September 7, 2025\n\n"
                    "The cuts went on all week.\n")
    assert on("Sabzevar", "demonstration", dt.date(2025, 9, 7)) in rows(doc)


def test_people_who_gather_in_a_warning_are_no_gathering(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The prosecutor warned on Monday that families who gather "
                    "outside Dastgerd prison in Isfahan will be dealt with.\n")
    assert not any(s == "demonstration" for _, s, *_ in rows(doc))


def test_a_walk_turned_back_at_a_checkpoint_is_a_protest_with_intervention(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - On Monday, families who tried to walk to the shrine were "
                    "turned back at a police checkpoint outside Pasargad.\n")
    assert ("Pasargad", "protest_with_intervention") in {(c, s) for c, s, *_ in rows(doc)}


def test_detainees_named_by_their_university_are_not_placed_there(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Marvdasht, police detained six young men on Monday, "
                    "among them two students of Shiraz University.\n")
    got = rows(doc)
    assert on("Marvdasht", "arrest", dt.date(2025, 9, 8)) in got
    assert not any(c == "Shiraz" for c, *_ in got)


def test_a_count_since_a_weekday_for_a_province_and_a_town_stays_a_tally(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Workers gathered in Arak on Monday. HRANA said on Tuesday that "
                    "at least 31 people had been detained in Khuzestan and Kerman since Saturday.\n")
    assert not any(s == "arrest" for _, s, *_ in rows(doc))


def test_a_count_since_a_weekday_in_one_town_is_that_towns_arrests(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - HRANA said on Tuesday that "
                    "at least 31 people had been detained in Izeh since Saturday.\n")
    assert ("Izeh", "arrest") in {(c, s) for c, s, *_ in rows(doc)}


def test_the_day_a_strike_began_then_its_span_gives_the_span(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - A strike that began in Tabriz's bazaar on Sunday spread to other cities.\n\n"
                    "Tabriz: Shops in the bazaar stayed shut from Sunday to Tuesday. The head of the guilds said "
                    "most shops were closed on Monday.\n\nArdabil: Shops were shut on Tuesday.\n")
    got = {(c, s, a, b) for c, s, a, b in rows(doc) if c == "Tabriz" and s == "strike"}
    assert got == {("Tabriz", "strike", dt.date(2025, 9, 7), dt.date(2025, 9, 9))}


def test_a_town_listed_with_a_range_is_still_narrowed_by_its_own_day(pipe):
    # no "began": the list's range for several towns yields to a town's own day told again
    doc = run(pipe, "Iran, September 10, 2025 - Shops were shut in Tabriz and Ardabil on Sunday and Monday.\n\n"
                    "In Tabriz, shopkeepers closed their shops on Sunday.\n")
    assert on("Tabriz", "strike", dt.date(2025, 9, 7)) in rows(doc)


def test_shopkeepers_who_followed_the_closures_strike(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Bazaars closed.\n\nTabriz: The bazaar was shut on Monday.\n\n"
                    "Marand and Ahar: Shopkeepers followed on Tuesday.\n")
    got = rows(doc)
    assert {on("Marand", "strike", dt.date(2025, 9, 9)), on("Ahar", "strike", dt.date(2025, 9, 9))} <= got


def test_followed_with_another_object_is_no_strike(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Tabriz, merchants followed the news of the rial on Monday.\n")
    assert not any(s == "strike" for _, s, *_ in rows(doc))


def test_a_hanging_after_an_opening_weekday_with_the_prisoners_age_is_an_execution(pipe):
    # "On Sunday, the regime hanged X, 28, ...": "Sunday, the regime" is no name in apposition
    doc = run(pipe, "Iran, September 10, 2025 - On Sunday, the regime hanged Ali Moradi, 28, from Izeh, "
                    "in Sepidar prison in Ahvaz.\n")
    got = rows(doc)
    assert on("Ahvaz", "execution", dt.date(2025, 9, 7)) in got
    assert not any(c == "Izeh" for c, *_ in got)


def test_an_opening_town_then_the_regime_executed_a_named_prisoner(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Ahvaz, the regime executed Ali Moradi, 28, on Monday, his family said.\n")
    assert on("Ahvaz", "execution", dt.date(2025, 9, 8)) in rows(doc)


def test_a_death_in_apposition_after_a_name_is_still_no_act(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Youths in Tabriz set fire to a banner of Soleimani, "
                    "the commander killed in 2020, on Monday.\n")
    assert not any(s == "killing" for _, s, *_ in rows(doc))


def test_a_hanging_after_an_opening_persian_date_is_an_execution(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - On Monday, 17 Shahrivar, the regime executed three prisoners in "
                    "Ghezel Hesar prison, among them Hossein Rahimi, 34, from Kermanshah.\n")
    got = rows(doc)
    assert on("Karaj", "execution", dt.date(2025, 9, 8)) in got


def test_lower_case_march_after_to_is_the_verb_not_the_month(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Police fired tear gas in Isfahan on Monday when farmers "
                    "tried to march to the governorate.\n")
    assert on("Isfahan", "protest_with_intervention", dt.date(2025, 9, 8)) in rows(doc)


def test_march_the_month_still_dates(pipe):
    doc = run(pipe, "Iran, March 10, 2025 - Workers gathered in Arak on march 5. Retirees rallied in Qom in March.\n",
              published="2025-03-10")
    assert on("Arak", "demonstration", dt.date(2025, 3, 5)) in rows(doc)
    assert ("Qom", "demonstration", dt.date(2025, 3, 1), dt.date(2025, 3, 31)) in rows(doc)


def test_faces_projected_onto_walls_are_a_projection(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Sanandaj, a unit projected the faces of executed prisoners "
                    "onto walls on Monday. In Marivan, youths projected the Lion and Sun onto the wall of a school on Monday.\n")
    got = rows(doc)
    assert {on("Sanandaj", "symbolic_action", dt.date(2025, 9, 8)), on("Marivan", "symbolic_action", dt.date(2025, 9, 8))} <= got
    assert not any(s == "execution" for _, s, *_ in got)


def test_a_verbless_caption_of_candles_for_the_martyrs_is_a_commemoration(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Resistance Units marked the day in several cities.\n\n"
                    "Kermanshah – candles for the martyrs of the uprising – September 7, 2025\n\n"
                    "The regime stepped up its security measures.\n")
    assert on("Kermanshah", "symbolic_action", dt.date(2025, 9, 7)) in rows(doc)


def test_the_prison_a_detainee_was_transferred_to_is_not_the_arrests_place(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - Intelligence agents arrested a worker at his home in Shahriar on "
                    "Sunday and transferred him to Evin prison two days later.\n")
    got = rows(doc)
    assert on("Shahriar", "arrest", dt.date(2025, 9, 7)) in got
    assert not any(c == "Tehran" for c, *_ in got)


def test_an_act_in_his_home_town_of_x_happens_there(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The regime hanged Navid Karimi in Ghezel Hesar on Monday. "
                    "The next day, his family held a mourning ceremony in his home town of Izeh, where dozens "
                    "chanted \"Death to the dictator\".\n")
    assert ("Izeh", "demonstration") in {(c, s) for c, s, *_ in rows(doc)}


def test_a_bare_home_town_stays_an_origin(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The regime hanged Navid Karimi, whose home town is Izeh, "
                    "in Ghezel Hesar on Monday.\n")
    assert not any(c == "Izeh" for c, *_ in rows(doc))


def test_a_strike_that_entered_its_third_day_spans_the_three_days(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The strike of the Tabriz bazaar entered its third day on Tuesday.\n")
    assert ("Tabriz", "strike", dt.date(2025, 9, 7), dt.date(2025, 9, 9)) in rows(doc)


def test_the_uprisings_day_count_still_dates_only_the_day(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The uprising entered its third day on Tuesday, with a strike in Tabriz.\n")
    assert on("Tabriz", "strike", dt.date(2025, 9, 9)) in rows(doc)


def test_a_crowd_attacked_with_batons_the_sentence_after_is_a_protest_with_intervention(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - In Tabriz, merchants marched through the bazaar on Monday. "
                    "Riot police attacked them with batons.\n")
    got = rows(doc)
    assert on("Tabriz", "protest_with_intervention", dt.date(2025, 9, 8)) in got
    assert not any(s == "attack_on_civilians" for _, s, *_ in got)


def test_prisoners_who_joined_the_hunger_strike_strike(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - On Tuesday, inmates of Urmia Central Prison joined the hunger strike.\n")
    assert on("Urmia", "strike", dt.date(2025, 9, 9)) in rows(doc)


def test_a_town_near_another_without_a_comma_keeps_the_other_a_bearing(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - On Monday, Resistance Units put up posters in Rask near Saravan.\n")
    got = {c for c, *_ in rows(doc)}
    assert len(got) == 1 and "Saravan" not in got  # (Rask is "Rasak" in the gazetteer)


def test_a_town_whose_own_clause_says_its_shops_reopened_has_no_strike(pipe):
    doc = run(pipe, "Iran, September 10, 2025 - The bazaars of Tabriz and Isfahan stayed closed on Tuesday, while in "
                    "Shiraz shopkeepers reopened after the police threatened to seal their shops.\n")
    got = {(c, s) for c, s, *_ in rows(doc)}
    assert {("Tabriz", "strike"), ("Isfahan", "strike")} <= got and ("Shiraz", "strike") not in got
