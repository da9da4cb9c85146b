"""Rules added after held-out set 24 (ho151-ho156), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_the_last_weekday_of_the_year_is_no_relative_day(pipe):
    doc = run(pipe, "On the evening of Tuesday, March 5, the eve of the last Wednesday of the year, "
                    "young people in Qazvin chanted slogans around bonfires.\n")
    assert summary(doc) == {("Qazvin", "demonstration")}
    assert doc.events[0].date.start == dt.date(2024, 3, 5)


def test_a_neighbourhood_of_rasht_is_rasht(pipe):
    doc = run(pipe, "On Thursday, residents of Golsar gathered outside the municipality and chanted slogans.\n")
    assert {e.location.canonical for e in doc.events} == {"Rasht"}


def test_named_dormitories_in_a_city_are_that_city(pipe):
    doc = run(pipe, "On Wednesday, students gathered in front of the Amir Abad dormitories in Tehran "
                    "and chanted slogans.\n")
    assert summary(doc) == {("Tehran", "demonstration")}


def test_a_town_on_the_edge_of_a_city_is_a_bearing(pipe):
    doc = run(pipe, "On Friday, in Shahin Shahr, on the northern edge of Isfahan, youths set fire to the "
                    "gate of a Basij base.\n")
    assert summary(doc) == {("Shahin Shahr", "property_attack")}
