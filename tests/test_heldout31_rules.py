"""Rules added after held-out set 31 (ho193-ho198), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2025-06-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def sources(doc, value):
    return [c.attributed_to for c in doc.claims if c.value == value]


def test_an_act_a_detainee_confessed_to_is_no_event(pipe):
    doc = run(pipe, "On Tuesday, the governor of Yazd said the three suspects had \"confessed\" to torching "
                    "a bank in the city.\n")
    assert summary(doc) == set()


def test_a_lower_case_quote_after_a_reported_quote_is_still_the_reporters(pipe):
    doc = run(pipe, "The Tasnim agency reported on Monday that \"armed elements\" had burned \"some 25 police "
                    "posts\" in the province since May.\n")
    assert sources(doc, 25) == ["Tasnim"]


def test_a_town_opening_the_sentence_is_not_part_of_the_speaker(pipe):
    doc = run(pipe, "In Saravan, Mowlana Gholam Rasoul, a local cleric, said on Friday that 14 young men had been "
                    "detained.\n")
    assert sources(doc, 14) == ["Mowlana Gholam Rasoul"]


def test_a_commander_of_a_body_named_by_its_acronym_in_a_province_speaks(pipe):
    doc = run(pipe, "The commander of the FARAJA in Gilan province said that 31 people had been detained.\n")
    assert sources(doc, 31) == ["commander of the FARAJA in Gilan province"]


def test_a_day_of_the_month_before_that_is_no_count(pipe):
    doc = run(pipe, "HRANA said on June 9 that six workers had been detained in Arak.\n")
    assert sources(doc, 9) == []
    assert sources(doc, 6) == ["HRANA"]


def test_the_units_speak_when_they_say_and_act_when_they_record(pipe):
    doc = run(pipe, "Resistance Units put up posters in Ilam on Monday. The units said they had been active in "
                    "33 towns. In Ilam, the units also recorded 12 video messages.\n", publisher="PMOI/MEK")
    assert sources(doc, 33) == ["units"]
    assert sources(doc, 12) == [None]


def test_a_year_ending_its_line_is_no_count_of_the_people_below(pipe):
    doc = run(pipe, "Teachers gather in Ilam, Monday, June 9, 2025\nTeachers rallied in Ilam on Monday.\n")
    assert sources(doc, 2025) == []


def test_a_family_of_four_is_a_household_size(pipe):
    doc = run(pipe, "The poverty line for a family of four has passed 40 million tomans, the Majlis Research Center said.\n")
    assert sources(doc, 4) == []
