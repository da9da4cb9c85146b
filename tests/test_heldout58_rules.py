"""Rules added after held-out set 58 (ho355-ho360: NCRI/PMOI long essays with sample reports of
2020-2026), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def sourced(doc, value: float, source_part: str = "") -> bool:
    """Whether a claim of ``value`` is attributed to a source whose name holds ``source_part``."""
    return any(c.value == value and (not source_part or source_part in (c.attributed_to or "")) for c in doc.claims)


def test_a_town_and_day_heading_dates_the_paragraph_under_it(pipe):
    # "Kerman – Tuesday, May 6" over a sample report whose paragraph tells no day; a photo's
    # lower-case alt text may stand between them
    doc = run(pipe, "Activities of the Resistance Units\n\nMay 9, 2025 - The units marked the week across Iran.\n\n"
                    "Kerman – Tuesday, May 6\n\nresistance units graffiti kerman may\n\n"
                    "Units wrote slogans on the walls of a school in Kerman.\n\n"
                    "Yazd – Wednesday, May 7\n\nPosters of the Resistance leader were put up in Yazd.\n\n"
                    "Arak — Thursday night, May 8\n\nYouths set fire to a Basij base in Arak.",
              published="2025-05-09")
    got = rows(doc)
    assert on("Kerman", "symbolic_action", dt.date(2025, 5, 6)) in got
    assert on("Yazd", "symbolic_action", dt.date(2025, 5, 7)) in got
    assert on("Arak", "property_attack", dt.date(2025, 5, 8)) in got


def test_striking_as_an_adjective_is_no_strike(pipe):
    doc = run(pipe, "On Saturday, the most striking images of the rally did not come from Paris, Berlin or Rome.")
    assert not any(e.sub_event_type == "strike" for e in doc.events)


def test_striking_workers_are_still_a_strike(pipe):
    doc = run(pipe, "On Saturday, more striking workers gathered outside the refinery in Abadan.")
    assert any(e.location.canonical == "Abadan" for e in doc.events)


def test_a_boycott_named_by_a_speaker_or_as_grounds_is_no_strike(pipe):
    doc = run(pipe, "On Friday, a cleric in Qom called a boycott \"a sin\". Police arrested four people in Kashan "
                    "on Saturday for inciting a boycott.")
    got = {(e.location.canonical, e.sub_event_type) for e in doc.events}
    assert ("Kashan", "arrest") in got
    assert not any(sub == "strike" for _, sub in got)


def test_towns_something_did_not_come_from_are_no_event_places(pipe):
    doc = run(pipe, "On Saturday, thousands joined the online gathering. The images did not come from Paris, "
                    "Berlin or Washington.")
    assert not {e.location.canonical for e in doc.events} & {"Paris", "Berlin", "Washington"}


def test_a_day_the_report_gives_its_election_dates_election_day(pipe):
    doc = run(pipe, "The presidential election of Friday, May 30, was boycotted.\n\n"
                    "On election day, Resistance Units in Yazd wrote slogans on walls.", published="2025-06-03")
    assert on("Yazd", "symbolic_action", dt.date(2025, 5, 30)) in rows(doc)


def test_a_wall_of_posters_set_on_fire_is_no_poster_put_up(pipe):
    doc = run(pipe, "On Monday, youths set fire to a wall of candidates' posters in Qom.")
    got = {(e.location.canonical, e.sub_event_type) for e in doc.events}
    assert ("Qom", "property_attack") in got and ("Qom", "symbolic_action") not in got


def test_mourners_named_at_length_prevented_from_reaching_a_grave_met_an_intervention(pipe):
    doc = run(pipe, "In Bukan, security forces surrounded the cemetery on Monday and prevented the Karimi family "
                    "and dozens of mourners from reaching his grave.")
    assert on("Bukan", "protest_with_intervention", dt.date(2025, 6, 2)) in rows(doc)


def test_what_relatives_do_on_anniversaries_is_no_one_event(pipe):
    doc = run(pipe, "In Tabriz, relatives who visit the graves on anniversaries are filmed by plainclothes agents.")
    assert not doc.events


def test_a_year_in_a_second_chanted_slogan_dates_nothing(pipe):
    # the second quotation of a chant, over 60 characters long: its "This year" is the slogan's
    doc = run(pipe, "On Tuesday night, residents of Zanjan chanted \"Death to the dictator\" and \"This year is "
                    "the year of blood, Seyyed Ali will be overthrown at last\". Security forces fired tear gas "
                    "and arrested several young people in Zanjan.", published="2025-03-20")
    assert on("Zanjan", "arrest", dt.date(2025, 3, 18)) in rows(doc)


def test_the_next_sentence_naming_the_slogans_dates_them(pipe):
    doc = run(pipe, "In Arak, Resistance Units wrote on walls: \"Down with the dictator\". The slogans appeared "
                    "on Thursday and Friday, May 29 and 30.", published="2025-06-03")
    assert ("Arak", "symbolic_action", dt.date(2025, 5, 29), dt.date(2025, 5, 30)) in rows(doc)


def test_a_figure_in_graffiti_whose_wall_comes_after_it_is_the_slogans(pipe):
    doc = run(pipe, "On Sunday, Resistance Units in Qom wrote \"3,000 martyrs for freedom\" on walls in busy streets.")
    assert sourced(doc, 3000, "slogan")


def test_a_source_citing_others_before_its_verb_speaks_for_itself(pipe):
    doc = run(pipe, "The Interior Minister said turnout was 42 percent. The PMOI/MEK, citing reports from 1,600 "
                    "polling stations, put national turnout at less than 15 percent.")
    assert sourced(doc, 15, "PMOI/MEK")


def test_a_thousand_counts_like_a_hundred(pipe):
    doc = run(pipe, "On Saturday, more than a thousand locations in 40 countries joined the online conference.")
    assert sourced(doc, 1000)


def test_she_said_after_a_call_is_the_caller(pipe):
    doc = run(pipe, "Addressing the rally on Saturday, Leila Ahmadi called on the youths to join the protests. She "
                    "said that more than 300 members of the network had been arrested in a year.")
    assert sourced(doc, 300, "Leila Ahmadi")


def test_a_forces_commander_placed_by_of_is_a_source(pipe):
    doc = run(pipe, "The Basij commander of Fars province said his forces had identified 400 troublemakers.")
    assert sourced(doc, 400, "commander")


def test_similar_activities_after_a_dated_sample_in_its_paragraph_share_the_samples_period(pipe):
    doc = run(pipe, "The units were active in 90 cities between May 20 and May 27, the PMOI said.\n\n"
                    "In Ilam, on Sunday, May 25, units projected images onto a wall. Similar activities were "
                    "reported in Bushehr and Yasuj.", published="2025-05-28")
    got = rows(doc)
    assert on("Ilam", "symbolic_action", dt.date(2025, 5, 25)) in got
    assert ("Bushehr", "symbolic_action", dt.date(2025, 5, 20), dt.date(2025, 5, 27)) in got


def test_a_town_and_day_heading_places_a_paragraph_that_names_no_town(pipe):
    doc = run(pipe, "Activities of the Resistance Units\n\nJune 24, 2024 - The units marked the anniversary.\n\n"
                    "Tabriz and Urmia – Sunday, June 23\n\nUnits wrote slogans on walls.\n\n"
                    "Qom – Saturday, June 22\n\nresistance units qom posters\n\n"
                    "Units put up posters of the Resistance leader.", published="2024-06-24")
    got = rows(doc)
    assert on("Tabriz", "symbolic_action", dt.date(2024, 6, 23)) in got
    assert on("Urmia", "symbolic_action", dt.date(2024, 6, 23)) in got
    assert on("Qom", "symbolic_action", dt.date(2024, 6, 22)) in got
