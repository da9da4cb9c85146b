"""Rules added after held-out set 66 (ho403-ho408: IRNA, Tasnim, Fars and Mizan items on "rioters",
"terrorist teams" and "elements affiliated with the hypocrites", a prosecutor's indictments, a police
chief's denial, officials' casualty figures, and two monitoring-desk notes that set the PMOI's figures
against state media's), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)

from eventledger.stages.segment import paragraph_kind


def test_fars_that_reports_is_the_agency_not_the_province(pipe):
    doc = run(pipe, "Fars reported on Tuesday that two Basij members were killed in Aligudarz when gunmen "
                    "fired on a Basij base.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Aligudarz", "attack_on_people") in got
    assert not any(town == "Fars" for town, *_ in rows(doc))


def test_fars_told_is_the_agency_too(pipe):
    doc = run(pipe, "A judiciary official told Fars that nine people were arrested in Lahijan on Sunday.")
    assert not any(town == "Fars" for town, *_ in rows(doc))
    assert on("Lahijan", "arrest", dt.date(2025, 6, 1)) in rows(doc)


def test_fars_the_province_stays_a_place(pipe):
    doc = run(pipe, "Farmers rallied outside the governorate in Fars on Monday.")
    assert any(town == "Fars" for town, *_ in rows(doc))


def test_the_past_two_nights_are_the_nights_before_the_statement(pipe):
    # said on Tuesday, June 3: the nights of Sunday and Monday
    doc = run(pipe, "The police chief said on Tuesday that 21 people had been arrested in Ilam "
                    "over the past two nights.", published="2025-06-03")
    assert ("Ilam", "arrest", dt.date(2025, 6, 1), dt.date(2025, 6, 2)) in rows(doc)


def test_the_shooting_of_a_basij_member_is_an_attack_on_security_personnel(pipe):
    doc = run(pipe, "The statement said the group carried out the shooting of a Basij member in Saqqez "
                    "on Saturday night.")
    assert on("Saqqez", "attack_on_people", dt.date(2025, 5, 31)) in rows(doc)


def test_the_shooting_of_porters_is_no_attack_on_the_forces(pipe):
    doc = run(pipe, "Residents gathered in Saravan on Sunday to protest the shooting of two fuel porters.")
    assert not any(sub == "attack_on_people" for _, sub, *_ in rows(doc))


def test_acts_detainees_were_tasked_with_are_no_acts(pipe):
    doc = run(pipe, "The statement said the detainees had been \"tasked by their handlers abroad\" with writing "
                    "slogans on walls, burning pictures of officials and setting fire to public property in Qom.")
    assert not rows(doc)


def test_leaflets_seized_were_not_handed_out(pipe):
    doc = run(pipe, "Police said laptops, printed leaflets and a printer were seized in Qazvin on Monday.")
    assert not any(sub == "symbolic_action" for _, sub, *_ in rows(doc))


def test_a_lede_arrest_dated_by_the_statement_is_the_bodys_arrest(pipe):
    # the lede's day is the day it was announced; the body tells the arrest's own day
    doc = run(pipe, "The Intelligence Ministry announced on Tuesday that four members of a cell had been "
                    "arrested in Marivan.\n\nTwo of them were arrested in Marivan on Saturday, the statement said.",
              published="2025-06-03")
    got = [r for r in rows(doc) if r[0] == "Marivan" and r[1] == "arrest"]
    assert got == [on("Marivan", "arrest", dt.date(2025, 5, 31))]


def test_an_arrest_on_the_statement_day_a_fortnight_later_stays_its_own(pipe):
    doc = run(pipe, "Two teachers were arrested in Marivan on Saturday, May 17.\n\n"
                    "Police announced on Tuesday that three more people had been arrested in Marivan.",
              published="2025-06-03")
    got = {r for r in rows(doc) if r[0] == "Marivan" and r[1] == "arrest"}
    assert on("Marivan", "arrest", dt.date(2025, 5, 17)) in got and on("Marivan", "arrest", dt.date(2025, 6, 3)) in got


def test_people_arrested_after_they_blocked_a_road_are_an_arrest_and_a_protest(pipe):
    doc = run(pipe, "In Shahreza, 14 people were arrested on Friday after they blocked a road.")
    got = rows(doc)
    assert on("Shahreza", "arrest", dt.date(2025, 5, 30)) in got
    assert on("Shahreza", "protest_with_intervention", dt.date(2025, 5, 30)) in got


def test_a_question_headline_is_a_heading():
    assert paragraph_kind("Fact check: How many died in the Borujerd protests?", False) == "heading"
    assert paragraph_kind("What happened in Izeh on Wednesday night?", False) == "heading"
    # (a transcript's question keeps its speaker; a sentence with a stop before its question is prose)
    assert paragraph_kind("QUESTION: How many were arrested in Zahedan?", False) == "body"
    assert paragraph_kind("Police fired on the crowd. Why did they do it?", False) == "body"


def test_damage_to_be_compensated_is_no_attack(pipe):
    doc = run(pipe, "The governor said shopkeepers in Ahvaz whose shops had been damaged would be compensated "
                    "within a month.")
    assert not any(sub == "property_attack" for _, sub, *_ in rows(doc))


def test_this_week_restating_the_day_just_told_is_that_day(pipe):
    # (found while looking for what held the dates down: a weekly campaign's statement)
    doc = run(pipe, "On Tuesday, June 3, 2025, prisoners in 30 prisons refused food. The campaign said the strike "
                    "was held this week in Vakilabad in Mashhad and Lakan in Rasht.", published="2025-06-04")
    got = {r for r in rows(doc) if r[1] == "strike"}
    assert on("Mashhad", "strike", dt.date(2025, 6, 3)) in got and on("Rasht", "strike", dt.date(2025, 6, 3)) in got


def test_this_week_with_no_day_just_told_stays_the_week(pipe):
    doc = run(pipe, "Nurses in Mashhad held a strike this week over unpaid wages.", published="2025-06-04")
    assert ("Mashhad", "strike", dt.date(2025, 6, 2), dt.date(2025, 6, 4)) in rows(doc)
