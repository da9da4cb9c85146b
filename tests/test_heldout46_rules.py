"""Rules added after held-out set 46 (ho283-ho288: wire-agency and newsroom stories on Iran 2022-2024),
each on a sentence of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.models import Report
from eventledger.stages.dates_extract import extract
from eventledger.stages.quotes import normalise_source


def run(pipe, text: str, published: str | None = "2022-10-05"):
    if published is not None:
        return test_assemble.run(pipe, text, publisher="Test Wire", published=published)
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Test Wire"))


def subtypes(doc):
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def days(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start) for e in doc.events}


def test_a_hyphenated_part_of_the_month_is_a_date():
    atoms = extract("the strikes that have spread since mid-November 2023, he said")
    assert [(a.a.y, a.a.m, a.a.sub) for a in atoms] == [(2023, 11, "mid")]


def test_yearless_dateline_takes_the_year_of_the_period_it_reports(pipe):
    # Nov 3 was a Thursday in 2022; "on Wednesday" is the day before the dateline's
    doc = run(pipe, "ROME, Nov 3 (Wire) - Riot police fired tear gas at students who marched in Arak on "
                    "Wednesday, a rights group said.\n\nAt least 300 people have been killed since the "
                    "unrest began in mid-September 2022, the group said.\n", published=None)
    assert ("Arak", "protest_with_intervention", dt.date(2022, 11, 2)) in days(doc)


def test_yearless_dateline_weekday_of_its_own_day_after_a_since_period(pipe):
    doc = run(pipe, "ROME, Nov 5 (Wire) - Hundreds of people marched in Arak on Saturday, the latest "
                    "of the protests that have spread since mid-September 2022.\n", published=None)
    assert ("Arak", "demonstration", dt.date(2022, 11, 5)) in days(doc)


def test_protests_that_a_death_sparked_are_recalled_not_reported(pipe):
    doc = run(pipe, "Police detained 12 women in Qazvin on Monday, a year after the death of a student "
                    "in custody sparked months of protests.\n")
    assert subtypes(doc) == {("Qazvin", "arrest")}


def test_protests_that_a_sentence_is_linked_to_are_no_protest(pipe):
    doc = run(pipe, "On Tuesday, a court in Qazvin issued the first death sentence linked to the protests.\n")
    assert ("Qazvin", "demonstration") not in subtypes(doc)
    assert ("Qazvin", "sentence") in subtypes(doc)


def test_the_place_a_journalist_reported_on_is_not_the_sentence_place(pipe):
    doc = run(pipe, "Last week, a Revolutionary Court in Tabriz sentenced the journalist Sara Amini to two "
                    "years in prison for \"propaganda\" over her reporting on a funeral in Ardabil, her lawyer said.\n")
    assert ("Tabriz", "sentence") in subtypes(doc)
    assert ("Ardabil", "sentence") not in subtypes(doc)


def test_a_dispersed_gathering_of_its_own_day_at_the_place_just_told(pipe):
    doc = run(pipe, "Classes were cancelled on Tuesday at Tabriz University, where students had held "
                    "protests.\n\nOn Sunday night, police surrounded the campus, where hundreds of students "
                    "had gathered, and fired tear gas.\n")
    assert ("Tabriz", "protest_with_intervention", dt.date(2022, 10, 2)) in days(doc)


def test_slogans_shouted_are_chanting(pipe):
    doc = run(pipe, "On Monday in Zanjan, schoolgirls shout \"Get lost!\" at the principal in a video.\n")
    assert {s for (_, s) in subtypes(doc)} & {"demonstration", "symbolic_action"}
    doc = run(pipe, "On Monday, a man shouted at a guard in Zanjan.\n")
    assert not doc.events


def test_state_news_agency_named_after_its_descriptors():
    assert normalise_source("State news agency IRNA") == "IRNA"
    assert normalise_source("the state news agency IRNA") == "IRNA"
    assert normalise_source("State Department") == "State Department"


def test_saying_clause_of_a_described_agency_is_the_agency(pipe):
    doc = run(pipe, "Riot police dispersed a crowd in Arak on Tuesday. State news agency IRNA gave a different "
                    "account, saying protesters had set fire to three cars in Arak.\n")
    assert any(c.attributed_to == "IRNA" for c in doc.claims if c.value == 3)
