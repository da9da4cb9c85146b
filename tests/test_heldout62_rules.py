"""Rules added after held-out set 62 (ho379-ho384: NCRI "Iran News in Brief" digests and PMOI/MEK
roundups of livelihood protests: sit-ins, strikes "for the third consecutive day", towns that "joined
the strike", retirees' Sunday rallies, dispersals with arrests, deck lines that sum up the items),
each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def subs(doc) -> set[tuple[str, str]]:
    return {(town, sub) for town, sub, *_ in rows(doc)}


def test_protesting_the_arrest_of_colleagues_is_a_reason_not_an_arrest(pipe):
    doc = run(pipe, "Teachers held sit-ins in Ilam and Dehloran on Monday. The union said they were "
                    "protesting the arrest of a colleague in the spring.")
    got = subs(doc)
    assert ("Ilam", "demonstration") in got and ("Dehloran", "demonstration") in got
    assert not any(sub in ("arrest", "protest_with_intervention") for _, sub in got)


def test_workers_of_a_site_who_joined_them_strike(pipe):
    doc = run(pipe, "Contract workers at the Kangan gas refinery stopped work on Sunday, June 1. "
                    "Workers at the Bandar Abbas oil refinery joined them on Monday.")
    assert on("Bandar Abbas", "strike", dt.date(2025, 6, 2)) in rows(doc)


def test_a_road_named_by_two_towns_with_an_en_dash_is_blocked(pipe):
    doc = run(pipe, "Villagers in Shadegan blocked the Ahvaz–Abadan highway with burning tyres on Monday.")
    assert ("Shadegan", "demonstration") in subs(doc)


def test_and_people_in_a_town_with_their_own_verb_open_its_clause(pipe):
    doc = run(pipe, "Retired teachers in Yazd held a rally on Saturday over their pensions, and bakers in "
                    "Kerman stopped work on Sunday.")
    got = rows(doc)
    assert on("Kerman", "strike", dt.date(2025, 6, 1)) in got
    assert not any(town == "Kerman" and sub == "demonstration" for town, sub, *_ in got)


def test_a_deck_line_reports_only_the_items_its_date_is_in(pipe):
    doc = run(pipe, "Iran News in Brief – June 3, 2025\n\n"
                    "Nurses hold sit-ins, farmers rally on Sunday, bakers strike in Zanjan\n\n"
                    "NCRI Staff\n\n"
                    "Bakers in Zanjan went on strike for the third consecutive day on Monday over flour quotas.\n")
    got = rows(doc)
    assert ("Zanjan", "strike", dt.date(2025, 5, 31), dt.date(2025, 6, 2)) in got
    assert not any(town == "Zanjan" and sub == "demonstration" for town, sub, *_ in got)


def test_people_taken_to_a_named_prison_are_detained(pipe):
    doc = run(pipe, "Police broke up a gathering of farmers in Shahr-e Kord on Monday. Several were beaten "
                    "and three were taken to Shahr-e Kord Central Prison.")
    assert ("Shahr-e Kord", "arrest") in subs(doc)


def test_a_prisoner_taken_to_prison_for_execution_is_no_arrest(pipe):
    doc = run(pipe, "On Monday the prisoner was taken to Ghezel Hesar prison for execution, his family said.")
    assert not any(sub == "arrest" for _, sub in subs(doc))


def test_the_day_a_town_joined_the_strike_runs_to_the_strikes_last_day(pipe):
    doc = run(pipe, "Bakers in Ardabil kept their shops closed for the third consecutive day on Tuesday. "
                    "Bakers in Meshginshahr joined the strike on Monday, the guild said.")
    assert ("Meshgin Shahr", "strike", dt.date(2025, 6, 2), dt.date(2025, 6, 3)) in rows(doc)


def test_a_town_whose_own_clause_tells_only_a_threat_takes_no_act(pipe):
    doc = run(pipe, "In Arak, police detained two teachers on Sunday, and in Saveh security agents threatened "
                    "the teachers with dismissal, HRANA reported.")
    got = subs(doc)
    assert ("Arak", "arrest") in got
    assert not any(town == "Saveh" for town, _ in got)


def test_strikers_named_as_the_object_of_an_arrest_are_no_strike_that_day(pipe):
    doc = run(pipe, "Truck drivers in Qazvin stopped work on Friday. Police detained three striking drivers "
                    "in Qazvin on Sunday.")
    got = rows(doc)
    assert on("Qazvin", "arrest", dt.date(2025, 6, 1)) in got
    assert not any(town == "Qazvin" and sub == "strike" and start == dt.date(2025, 6, 1) for town, sub, start, _ in got)


def test_joining_a_strike_told_as_continued_runs_to_that_day(pipe):
    doc = run(pipe, "Miners in Kerman continued their strike for the second week on Monday, their union said. "
                    "Miners in Zarand had joined the strike on Sunday.")
    assert ("Zarand", "strike", dt.date(2025, 6, 1), dt.date(2025, 6, 2)) in rows(doc)
