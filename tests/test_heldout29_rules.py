"""Rules added after held-out set 29 (ho181-ho186), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)

from eventledger.models import Report
from eventledger.stages.segment import paragraph_kind


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_a_year_inside_a_quoted_slogan_does_not_date_the_act(pipe):
    doc = run(pipe, 'In Qazvin, a banner with the words "A free Iran in 1403" was hung from a bridge on Tuesday, May 7.\n',
              published="2024-05-09")
    assert [(e.date.start, e.date.end) for e in doc.events] == [(dt.date(2024, 5, 7), dt.date(2024, 5, 7))]


def test_a_year_named_as_a_noun_does_not_override_the_sentences_days(pipe):
    doc = run(pipe, "Between Sunday, March 3, and Wednesday, March 6, as people prepared for the end of the "
                    "Iranian year 1402, activists wrote slogans in Arak and Semnan.\n")
    assert {(e.date.start, e.date.end) for e in doc.events} == {(dt.date(2024, 3, 3), dt.date(2024, 3, 6))}


def test_candles_lit_for_the_dead_and_names_read_out_are_commemorations(pipe):
    doc = run(pipe, "On Friday, young people lit candles beside the photos of the victims in a park in Zanjan.\n")
    assert summary(doc) == {("Zanjan", "symbolic_action")}
    assert "commemoration" in doc.events[0].tactics
    doc = run(pipe, "On Thursday, families in Ilam read out the names of their children outside the mosque.\n")
    assert summary(doc) == {("Ilam", "symbolic_action")}


def test_a_commemoration_told_after_a_list_of_other_acts_is_its_own_event(pipe):
    doc = run(pipe, "From Monday, March 4, to Thursday, March 7, activists put up posters in Arak and Semnan.\n\n"
                    "In Arak, on Tuesday, March 5, they lit candles around the pictures of the victims.\n")
    arak = sorted((e.date.start, e.date.end) for e in doc.events if e.location.canonical == "Arak")
    assert arak == [(dt.date(2024, 3, 4), dt.date(2024, 3, 7)), (dt.date(2024, 3, 5), dt.date(2024, 3, 5))]


def test_a_named_garden_is_a_place_in_its_town_not_a_village(pipe):
    doc = run(pipe, "On Thursday, families gathered in the Delgosha garden in Shiraz.\n")
    assert summary(doc) == {("Shiraz", "demonstration")}


def test_a_second_date_of_the_victims_does_not_make_the_gathering_history(pipe):
    doc = run(pipe, "At the cemetery in Tabriz, on Thursday, mothers of young people killed in the 2022 uprising "
                    "and in November 2019 gathered at the graves of their children. Agents took away two of the mothers.\n")
    assert summary(doc) == {("Tabriz", "protest_with_intervention"), ("Tabriz", "arrest")}


def test_a_gathering_forces_stopped_is_no_protest(pipe):
    doc = run(pipe, "On Wednesday, police closed the road to the cemetery in Sari to stop families from gathering "
                    "there, and detained a young man.\n")
    assert summary(doc) == {("Sari", "arrest")}


def test_that_day_after_a_past_day_is_that_day(pipe):
    doc = run(pipe, "On Friday, March 8, relatives met at a mosque in Khash. On September 30, 2022, police opened fire "
                    "on worshippers after Friday prayers in Khash. At least 15 people were killed that day.\n")
    assert not any(e.sub_event_type == "killing" and e.date.start == dt.date(2024, 3, 8) for e in doc.events)


def test_a_habit_in_a_relative_clause_does_not_make_the_main_act_generic(pipe):
    doc = run(pipe, "On Tuesday, farmers, whose crops have been drying up for months, gathered in front of the "
                    "governorate in Shadegan.\n")
    assert summary(doc) == {("Shadegan", "demonstration")}


def test_a_road_named_by_towns_keeps_the_act_in_the_town_told_about(pipe):
    doc = run(pipe, "Dezful — Saturday, March 2: Residents gathered in front of the water company. On Sunday they "
                    "returned and blocked the Dezful-Andimeshk road for an hour.\n")
    assert sorted((e.location.canonical, e.date.start) for e in doc.events) == [
        ("Dezful", dt.date(2024, 3, 2)), ("Dezful", dt.date(2024, 3, 3))]


def test_a_publisher_and_date_line_dates_the_page_not_a_photo_caption(pipe):
    text = ('"Stop the executions": a week of protests\n\nNCRI - March 9, 2024\n\n'
            'A banner in Yazd, March 6, 2024\n\n'
            "On Friday, March 8, families gathered outside the prison in Yazd.\n")
    doc = pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest()))
    assert doc.anchor.date == dt.date(2024, 3, 9)
    assert any(e.sub_event_type == "demonstration" and e.date.start == dt.date(2024, 3, 8) for e in doc.events)


def test_a_company_after_while_is_the_source_of_its_clause(pipe):
    doc = run(pipe, "The governor said that only 10 percent of the town was affected, while the city's power company "
                    "admitted that 70 percent of homes had no electricity.\n")
    got = {c.value: c.attributed_to for c in doc.claims}
    assert got.get(70) is not None and "company" in got[70]


def test_a_short_line_ending_in_a_place_and_a_date_after_a_comma_is_a_caption():
    assert paragraph_kind("Posters of the executed in Rasht, May 3, 2024", False) == "caption"
    assert paragraph_kind("Rasht, May 3, 2024", False) != "caption"
