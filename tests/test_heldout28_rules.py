"""Rules added after held-out set 28 (ho175-ho180), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_a_list_of_towns_the_messages_came_from_is_dated_by_the_range_not_the_rally(pipe):
    doc = run(pipe, "Between March 1 and March 7, activists recorded video messages for the conference "
                    "held in Paris on Tuesday, March 5. The messages came from Arak, Semnan and Ilam.\n")
    got = {e.location.canonical: (e.date.start, e.date.end) for e in doc.events if e.location.canonical != "Paris"}
    assert got == {c: (dt.date(2024, 3, 1), dt.date(2024, 3, 7)) for c in ("Arak", "Semnan", "Ilam")}


def test_slogans_with_a_qualifier_before_their_verb_are_graffiti(pipe):
    doc = run(pipe, "On Monday, slogans in support of the striking bakers were sprayed on the wall of a bank in Zanjan.\n")
    assert summary(doc) == {("Zanjan", "symbolic_action")}


def test_a_billboard_that_went_up_in_flames_is_a_property_attack(pipe):
    doc = run(pipe, "On Thursday night, a billboard of the Basij near the main square of Marand went up in flames.\n",
              publisher="PMOI/MEK")
    assert summary(doc) == {("Marand", "property_attack")}


def test_a_neighbourhood_named_as_a_boulevard_is_the_sentence_town(pipe):
    doc = run(pipe, "On Friday, in Karaj, youths set fire to a Basij base on Golshahr Boulevard.\n", publisher="PMOI/MEK")
    assert summary(doc) == {("Karaj", "property_attack")}


def test_friday_prayers_on_a_past_friday_are_that_day_not_this_week(pipe):
    doc = run(pipe, "On September 29, 2023, police in Khash fired on worshippers after Friday prayers.\n",
              published="2024-03-09")
    assert not any(e.date.start == dt.date(2024, 3, 8) for e in doc.events)


def test_families_going_to_a_cemetery_is_a_grave_visit(pipe):
    doc = run(pipe, "On Thursday, the families of the victims went to the Vadi-e Rahmat cemetery in Tabriz.\n")
    assert summary(doc) == {("Tabriz", "symbolic_action")}
    assert "grave_visit" in doc.events[0].tactics
