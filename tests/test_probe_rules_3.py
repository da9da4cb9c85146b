"""Rules found by probing on 2026-12-08, second session (sentences in the dev genre's voice,
written for the probe), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)


def run(pipe, text: str, published: str = "2025-06-03", publisher: str | None = "PMOI/MEK"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_people_who_wrote_slogans_made_no_statement(pipe):
    doc = run(pipe, "Youths wrote slogans in Tabriz on Tuesday. Young people wrote \"Down with Khamenei\" "
                    "on walls in Rasht. Resistance Units wrote on the walls of Karaj.")
    assert not [c for c in doc.claims if c.kind == "statement"]
    assert len(doc.events) == 3


def test_a_source_that_wrote_that_still_speaks(pipe):
    doc = run(pipe, "HRANA wrote that 12 workers were detained in Ahvaz.")
    assert {(c.kind, c.value, c.attributed_to) for c in doc.claims} == {("arrested", 12, "HRANA")}


def test_a_messaging_channel_before_a_clause_is_no_phone_number(pipe):
    doc = run(pipe, "An activist wrote on Telegram that 40 people were arrested in Karaj.")
    assert {(c.kind, c.value) for c in doc.claims} == {("arrested", 40)}
    # a number the channel gives as a contact stays no count
    doc = run(pipe, "Families can reach the committee on Telegram at 0912 345 6789 or call 110.")
    assert not [c for c in doc.claims if c.value is not None]


def test_a_contrasting_clause_has_its_own_source(pipe):
    doc = run(pipe, "Iran Human Rights said at least 1,000 people were executed in 2025, while Amnesty "
                    "International put the figure at 972.", published="2026-01-10", publisher="NCRI")
    assert {(c.value, c.attributed_to) for c in doc.claims} == {(1000, "Iran Human Rights"), (972, "Amnesty International")}
    doc = run(pipe, "At least 40 people were arrested in Zahedan, but the police said only 12 were held.",
              published="2026-01-10", publisher="NCRI")
    assert {(c.value, c.attributed_to) for c in doc.claims} == {(40, None), (12, "police")}


def test_the_acts_of_a_past_event_told_in_its_relative_clause_are_history(pipe):
    doc = run(pipe, "Between November 14 and 16, Resistance Units in Tehran and Mashhad marked the anniversary of "
                    "the November 2019 uprising, in which 1,500 protesters were killed by the regime's forces.",
              published="2025-11-18")
    assert {e.sub_event_type for e in doc.events} == {"symbolic_action"}
    doc = run(pipe, "Youths in Tehran commemorated the victims of the 1988 massacre, in which 30,000 political "
                    "prisoners were executed.", published="2025-11-18")
    assert {e.sub_event_type for e in doc.events} == {"symbolic_action"}


def test_a_relative_clause_of_this_years_events_is_news(pipe):
    doc = run(pipe, "The November 2025 protests, in which 40 people were arrested in Tabriz, continued.",
              published="2025-11-18")
    assert "arrest" in {e.sub_event_type for e in doc.events}


def test_a_protest_that_was_held_is_a_demonstration(pipe):
    doc = run(pipe, "A protest was held in Tabriz on Friday. A protest took place outside the governorate in Arak on Saturday.")
    assert {(e.location.canonical, e.sub_event_type) for e in doc.events} == {("Tabriz", "demonstration"), ("Arak", "demonstration")}
    assert not run(pipe, "No protest was held in Tabriz on Friday.").events


def test_people_shot_and_not_told_dead_were_attacked(pipe):
    doc = run(pipe, "Two kolbars were shot near Baneh on Saturday.")
    assert [(e.sub_event_type, e.count.kind, e.count.value) for e in doc.events] == [("attack_on_civilians", "injured", 2)]
    doc = run(pipe, "Border guards shot two kolbars near Baneh on Sunday.")
    assert [(e.sub_event_type, e.count.value) for e in doc.events] == [("attack_on_civilians", 2)]
    assert not run(pipe, "Footage was shot in Tehran on Friday.").events


def test_people_shot_dead_with_the_object_between_were_killed(pipe):
    doc = run(pipe, "Border guards shot two kolbars dead near Baneh on Sunday.")
    assert [(e.sub_event_type, e.count.kind, e.count.value) for e in doc.events] == [("killing", "killed", 2)]
    doc = run(pipe, "Security forces shot dead nine kolbars and wounded 17 near Sardasht on Sunday.")
    assert {(e.sub_event_type, e.count.value) for e in doc.events} == {("killing", 9), ("attack_on_civilians", 17)}


def test_the_landmark_town_of_an_apposition_is_no_event_place(pipe):
    for text in ("Youths wrote slogans in Pardis, a suburb of Tehran, on Friday.",
                 "Youths wrote slogans in Pardis, a town near Tehran, on Friday.",
                 "Youths wrote slogans in Eslamshahr, in the south of Tehran, on Friday."):
        assert {e.location.canonical for e in run(pipe, text).events} <= {"Pardis", "Eslamshahr"}, text
    # a part of the town itself stays its place
    assert {e.location.canonical for e in run(pipe, "Youths wrote slogans in the south of Tehran on Friday.").events} == {"Tehran"}


def test_people_rallying_somewhere_hold_a_rally(pipe):
    doc = run(pipe, "Police tear-gassed retirees rallying in Shush on Sunday.")
    assert [(e.location.canonical, e.sub_event_type) for e in doc.events] == [("Shush", "protest_with_intervention")]
    assert not run(pipe, "The union is rallying support in Tehran.").events


def test_people_assaulted_were_attacked_and_security_men_assaulted_by_protesters_a_riot(pipe):
    doc = run(pipe, "Plainclothes agents assaulted women at a metro station in Tehran on Monday.")
    assert [e.sub_event_type for e in doc.events] == ["attack_on_civilians"]
    doc = run(pipe, "Protesters assaulted a Basij member in Tabriz on Monday.")
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in doc.events] == [("riot", "attack_on_people", "protesters")]
    doc = run(pipe, "Protesters injured two IRGC members in Tabriz on Monday.")
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [("riot", "attack_on_people")]


def _days(doc):
    return {(e.location.canonical, e.date.start.isoformat(), e.date.end.isoformat()) for e in doc.events}


def test_respectively_pairs_the_places_with_the_days_in_order(pipe):
    doc = run(pipe, "Resistance Units put up posters in Tehran and Mashhad on Monday and Tuesday, respectively.",
              published="2025-11-18")
    assert _days(doc) == {("Tehran", "2025-11-17", "2025-11-17"), ("Mashhad", "2025-11-18", "2025-11-18")}
    doc = run(pipe, "Retirees rallied in Shush, Ahvaz and Arak on November 10, November 11 and November 12, respectively.",
              published="2025-11-18")
    assert _days(doc) == {("Shush", "2025-11-10", "2025-11-10"), ("Ahvaz", "2025-11-11", "2025-11-11"),
                          ("Arak", "2025-11-12", "2025-11-12")}
    # without it the towns share the range
    doc = run(pipe, "Resistance Units put up posters in Tehran and Mashhad on Monday and Tuesday.", published="2025-11-18")
    assert _days(doc) == {("Tehran", "2025-11-17", "2025-11-18"), ("Mashhad", "2025-11-17", "2025-11-18")}


def test_a_date_in_brackets_or_after_a_dash_is_its_towns(pipe):
    doc = run(pipe, "Resistance Units in Tehran (November 10), Mashhad (November 11) and Tabriz (November 12) wrote slogans.",
              published="2025-11-18")
    assert _days(doc) == {("Tehran", "2025-11-10", "2025-11-10"), ("Mashhad", "2025-11-11", "2025-11-11"),
                          ("Tabriz", "2025-11-12", "2025-11-12")}
    doc = run(pipe, "Resistance Units wrote slogans in Tehran – November 10, Mashhad – November 11.", published="2025-11-18")
    assert _days(doc) == {("Tehran", "2025-11-10", "2025-11-10"), ("Mashhad", "2025-11-11", "2025-11-11")}


def test_a_reported_toll_with_its_town_and_day_is_that_days_act(pipe):
    doc = run(pipe, "Hengaw said at least four protesters had been killed in Dezful on Sunday night, a figure "
                    "that officials denied.", published="2025-11-18")
    assert [(e.location.canonical, e.sub_event_type, e.date.start.isoformat()) for e in doc.events] == \
        [("Dezful", "killing", "2025-11-16")]
    # a province's total with no day stays a claim
    doc = run(pipe, "The police chief said at least 300 people had been arrested in Tehran province.", published="2025-11-18")
    assert not doc.events and {c.value for c in doc.claims} == {300}


def test_an_agency_desk_dateline_is_no_home_when_the_lead_names_other_towns(pipe):
    text = ("TEHRAN (Tasnim) – The police chief of Khuzestan province announced on Tuesday that 45 people had "
            "been arrested in Ahvaz, Dezful and Shush over the past three days.\n\n"
            "He said that the detainees had set fire to two police cars.")
    towns = {e.location.canonical for e in run(pipe, text, published="2025-11-18", publisher="Tasnim").events}
    assert "Tehran" not in towns and {"Ahvaz", "Dezful", "Shush"} <= towns
    # a dateline whose lead names no other town stays the story's town
    text = ("SHAHR-E KORD, November 18, 2025 (PON) - Retired steelworkers rallied in front of the governorate.\n\n"
            "Security forces later detained three of them.")
    assert {e.location.canonical for e in run(pipe, text, published="2025-11-18", publisher="PON").events} == {"Shahr-e Kord"}


def test_units_after_the_resistance_units_are_named_are_theirs(pipe):
    text = ("Resistance Units were active in 12 cities.\n\nIn Tabriz, youths wrote slogans.\n\nIn Yazd, posters were put up.\n\n"
            "In Qom, leaflets were handed out.\n\nOn Sunday, units in Ahvaz torched a Basij base. In Karaj, a unit hung a "
            "banner from an overpass.")
    got = {e.location.canonical: e.actor1 for e in run(pipe, text).events}
    assert got["Ahvaz"] == got["Karaj"] == "MEK Resistance Units"
    doc = run(pipe, "Resistance Units were active in Tehran. Security units arrested two people in Karaj on Monday.")
    assert [e.actor1 for e in doc.events if e.sub_event_type == "arrest"] == ["Iranian security forces"]


def test_a_sentence_that_says_according_to_keeps_its_own_source(pipe):
    doc = run(pipe, "The rial fell to a record low of 1,200,000 to the dollar in October, according to traders. "
                    "Official inflation stands at 48 percent, the Statistical Centre of Iran said.", published="2025-11-20")
    by_value = {c.value: c.attributed_to for c in doc.claims}
    assert by_value[48] == "Statistical Centre of Iran" and by_value[1200000] != "Statistical Centre of Iran"


def test_a_team_dismantled_is_an_arrest_of_its_members(pipe):
    doc = run(pipe, "ISFAHAN (IRNA) – Intelligence forces of Isfahan province dismantled a five-member team "
                    "affiliated with the MKO on Monday.", published="2025-11-18", publisher="IRNA")
    assert [(e.location.canonical, e.sub_event_type, e.count.value, e.actor1) for e in doc.events] == \
        [("Isfahan", "arrest", 5, "Iranian security forces")]
    doc = run(pipe, "A terrorist cell of four members was dismantled in Zahedan on Sunday.", published="2025-11-18")
    assert [(e.location.canonical, e.sub_event_type, e.count.value) for e in doc.events] == [("Zahedan", "arrest", 4)]


def test_the_article_of_a_source_is_no_count(pipe):
    doc = run(pipe, "According to an activist network, shopkeepers marched through the main street in Kermanshah.")
    assert not [c for c in doc.claims if c.value is not None]
    assert all(e.count is None for e in doc.events)
    doc = run(pipe, "According to a lawyer, a protester was arrested in Karaj.")
    assert {(c.kind, c.value) for c in doc.claims} == {("arrested", 1)}


def test_a_bullets_streak_and_force_stay_in_the_bullet(pipe):
    text = ("Protests across Iran on Tuesday\n\n- Ahvaz: retirees rallied outside the pension fund office.\n"
            "- Shush: Haft Tappeh workers went on strike for a third day.\n"
            "- Rasht: nurses gathered in front of the governorate; police detained two of them.\n"
            "- Zahedan: a Baluch prisoner was executed at dawn.\n")
    doc = run(pipe, text, published="2025-11-18", publisher="NCRI")
    got = {(e.location.canonical, e.sub_event_type): e for e in doc.events}
    assert (got["Ahvaz", "demonstration"].date.start, got["Ahvaz", "demonstration"].date.end) == (
        dt.date(2025, 11, 18), dt.date(2025, 11, 18))
    assert got["Shush", "strike"].date.start == dt.date(2025, 11, 16)
    assert got["Zahedan", "execution"].actor1 == "Iranian authorities"


def test_a_crowd_estimated_at_a_number_is_about_that_number(pipe):
    doc = run(pipe, "A crowd estimated at 5,000 gathered in Mashhad on Monday.")
    assert [(e.count.value, e.count.qualifier) for e in doc.events] == [(5000, "about")]


def test_a_superlatives_since_is_no_period_of_the_figure(pipe):
    doc = run(pipe, "Iran executed at least 975 people last year, the highest number since 2015, Iran Human Rights said.",
              published="2025-03-10", publisher="NCRI")
    assert [(c.value, c.period) for c in doc.claims] == [(975, "2024")]
    doc = run(pipe, "Since 2015, at least 9,000 people have been executed, Iran Human Rights said.",
              published="2025-03-10", publisher="NCRI")
    assert [c.period for c in doc.claims] == ["2015-01-01/.."]


def test_an_act_people_were_barred_from_is_not_told(pipe):
    assert not run(pipe, "Students were barred from holding a memorial at Tehran University on Monday.").events
    assert not run(pipe, "Authorities banned families from holding a ceremony in Izeh on Monday.").events
    doc = run(pipe, "Students held a memorial at Tehran University on Monday after being barred from the campus.")
    assert [e.sub_event_type for e in doc.events] == ["symbolic_action"]


def test_a_second_weapon_fired_at_a_crowd_is_still_force_on_a_protest(pipe):
    doc = run(pipe, "Security forces fired tear gas and live ammunition at protesters in Izeh on Wednesday night, "
                    "killing a 10-year-old boy.", published="2025-11-18")
    assert {e.sub_event_type for e in doc.events} == {"killing", "protest_with_intervention"}


def test_a_death_after_a_beating_is_a_killing(pipe):
    doc = run(pipe, "A 16-year-old girl died after being beaten by security forces in Tehran, her family said.",
              published="2025-11-18")
    assert [e.sub_event_type for e in doc.events] == ["killing"]


def test_slogans_written_near_a_place_are_graffiti(pipe):
    doc = run(pipe, 'In Tehran, slogans reading "Students, rise up" were written near Tehran University on Saturday.',
              published="2025-12-09")
    assert [(e.sub_event_type, e.tactics, e.date.start) for e in doc.events] == [
        ("symbolic_action", ("graffiti",), dt.date(2025, 12, 6))]


def test_a_sentence_overturned_is_no_sentence(pipe):
    assert not run(pipe, "The Supreme Court overturned the death sentence of a protester in Isfahan.").events
    assert not run(pipe, "The court quashed the prison sentences of two teachers in Arak on Monday.").events
    doc = run(pipe, "The Supreme Court upheld the death sentence of a protester in Isfahan.")
    assert [e.sub_event_type for e in doc.events] == ["sentence"]


def test_one_person_hanged_on_a_day_is_a_country_level_execution(pipe):
    for text in ("Iran on Tuesday hanged a man, Mizan said.", "Iran executed Mohammad Ghobadlou on Tuesday, Mizan said."):
        doc = run(pipe, text, published="2025-01-07", publisher="Reuters")
        assert [(e.location.precision, e.sub_event_type) for e in doc.events] == [(4, "execution")], text
    assert not run(pipe, "Iran hanged a man in 2019 for drug offences.", published="2025-01-07").events


def test_the_men_in_a_charge_did_not_execute(pipe):
    doc = run(pipe, "Iran on Tuesday hanged a man convicted of killing a member of the Basij militia, Mizan said.",
              published="2025-01-07", publisher="Reuters")
    assert [e.actor1 for e in doc.events] == ["Iranian authorities"]


def test_people_who_took_to_the_streets_are_its_participants(pipe):
    doc = run(pipe, "About 500 people took to the streets in Bukan on Saturday.", published="2025-11-18")
    assert [(e.count.kind, e.count.value, e.count.qualifier) for e in doc.events] == [("participants", 500, "about")]


def test_the_people_an_arrest_takes_of_a_crowd_are_its_count(pipe):
    doc = run(pipe, "Riot police attacked striking workers in Ahvaz on Sunday and detained five of them.", published="2025-11-18")
    assert [(e.count.kind, e.count.value) for e in doc.events if e.sub_event_type == "arrest"] == [("arrested", 5)]
