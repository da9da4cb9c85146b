"""Event rules for hunger strikes, outlets and Persian compound names, and tallies, on texts
written for these tests (not taken from any corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventledger.doc import Doc
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)
from test_assemble import run as _run


def run(pipe, text: str, published: str = "2022-11-20") -> Doc:
    return _run(pipe, text, published=published)


def test_a_village_after_a_persian_ezafe_is_part_of_a_name(pipe):
    doc = run(pipe, "On Monday, November 14, the units sent video messages to the satellite television, "
                    "Simay-e Azadi.\n")
    assert "Azadi" not in {p.place.canonical for p in doc.places}
    assert "Azadi" not in {e.location.canonical for e in doc.events}


def test_a_province_named_before_news_agency_is_an_outlet(pipe):
    doc = run(pipe, "According to the Fars news agency, police arrested 40 people in Isfahan on Monday, "
                    "November 14.\n")
    fars = [p for p in doc.places if p.name == "Fars"]
    assert fars and all(p.role == "other" for p in fars)
    assert summary(doc) == {("Isfahan", "arrest")}


def test_refusing_food_is_a_hunger_strike(pipe):
    doc = run(pipe, "In Evin Prison, 30 inmates refused food on Tuesday, November 15, their families said.\n")
    assert summary(doc) == {("Tehran", "strike")}


def test_on_hunger_strike_since_a_day_dates_the_strike_to_that_day(pipe):
    doc = run(pipe, "Nine political prisoners in Evin Prison have been on hunger strike since November 10 "
                    "to protest death sentences.\n")
    strikes = [e for e in doc.events if e.sub_event_type == "strike"]
    assert len(strikes) == 1 and strikes[0].date.start == strikes[0].date.end == dt.date(2022, 11, 10)


def test_on_hunger_strike_without_a_start_is_a_state(pipe):
    doc = run(pipe, "Nine political prisoners in Evin Prison have been on hunger strike for two weeks, "
                    "their families said on Monday, November 14.\n")
    assert not [e for e in doc.events if e.sub_event_type == "strike"]


def test_flowers_laid_at_a_memorial_are_a_commemoration(pipe):
    doc = run(pipe, "In Rasht, young people laid flowers at a memorial wall on Friday, November 18.\n")
    events = [e for e in doc.events if e.location.canonical == "Rasht"]
    assert len(events) == 1 and "commemoration" in events[0].tactics


def test_a_court_upholding_a_sentence_before_an_execution_is_no_new_sentence(pipe):
    doc = run(pipe, "Two men were hanged in Isfahan on Tuesday, November 15, after the Supreme Court upheld "
                    "their sentences, the judiciary said.\n")
    assert summary(doc) == {("Isfahan", "execution")}


@pytest.mark.parametrize("text,sub", [
    # a tally is not placed by the next sentence
    ("At least 80 women have been summoned or arrested over hijab rules across the country since the start of the "
     "year. Police in Qom said on November 14 that 900 warnings had been sent to drivers.", "arrest"),
    # a month's count of arrests is a tally
    ("On Monday, November 14, a rights group published its monthly report. Security forces arrested 214 people for "
     "political reasons during the month, it said.", "arrest"),
    # strikers named are people, not a strike
    ("On Monday, officials told the families of four strikers in Vakilabad Prison in Mashhad that the men had been "
     "moved.", "strike"),
])
def test_no_event_of_the_kind(pipe, text, sub):
    assert not [e for e in run(pipe, text + "\n").events if e.sub_event_type == sub]


def test_a_monitors_count_of_executions_is_a_tally(pipe):
    doc = run(pipe, "In Yazd, a rights group counted 57 executions between January and March, and its register "
                    "lists 212 arrests.\n", published="2022-04-10")
    assert not [e for e in doc.events if e.event_type == "repression"]


def test_an_execution_told_of_or_a_transfer_to_it_is_no_execution(pipe):
    doc = run(pipe, "On Monday, four men held in Qezel Hesar Prison in Karaj were informed of their imminent execution. "
                    "On Tuesday, guards in Birjand beat prisoners who opposed the transfer of a fellow prisoner to execution.\n")
    assert not [e for e in doc.events if e.sub_event_type == "execution"]
    assert [e.sub_event_type for e in doc.events if e.location and e.location.canonical == "Birjand"]


def test_an_age_at_arrest_and_those_arrested_earlier_are_no_new_arrests(pipe):
    doc = run(pipe, "On Sunday, a man who had been arrested at 16 was hanged in Qazvin. On Monday, the court in Ilam "
                    "said 40 of those arrested in the town had been released on bail.\n")
    assert [e.sub_event_type for e in doc.events] == ["execution"]


def test_the_place_of_exile_and_strikers_named_in_solidarity_are_not_event_places(pipe):
    doc = run(pipe, "On Sunday, a court in Bushehr sentenced a teacher to two years in prison and exile to Iranshahr. "
                    "On Monday, nine prisoners in Evin Prison in Tehran refused food in solidarity with the Lakan strikers.\n")
    places = {e.location.canonical for e in doc.events if e.location}
    assert "Bushehr" in places and "Tehran" in places
    assert "Iranshahr" not in places and "Rasht" not in places


def test_a_day_named_right_after_a_place_is_that_places_day(pipe):
    doc = run(pipe, "Nurses gathered in Sari on Sunday, November 13, and in Gorgan on Monday, November 14. "
                    "On Friday, a court in Yasuj jailed a man for setting fire to a bank in Dehdasht on October 2.\n")
    days = {(e.location.canonical, e.sub_event_type): e.date.start for e in doc.events}
    assert days[("Sari", "demonstration")] == dt.date(2022, 11, 13)
    assert days[("Gorgan", "demonstration")] == dt.date(2022, 11, 14)
    assert days[("Dehdasht", "property_attack")] == dt.date(2022, 10, 2)


def test_a_trigger_after_and_governs_the_place_of_its_own_clause(pipe):
    doc = run(pipe, "On Sunday, November 13, shops in Mahabad and neighbouring Bukan stayed closed, and residents of "
                    "Bukan gathered in the town's main square.\n")
    assert summary(doc) == {("Mahabad", "strike"), ("Bukan", "strike"), ("Bukan", "demonstration")}
