"""Rules added after held-out set 40 (ho247-ho252: HRANA-style daily digests, Hengaw-style Kurdish
items and a Tasnim-style state item), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)


def run(pipe, text: str, publisher: str | None = "HRANA", published: str = "2025-06-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def kinds(doc):
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def sources(doc, value):
    return {c.attributed_to for c in doc.claims if c.value == value}


def test_the_statistics_of_this_news_agency_are_the_publishers_own(pipe):
    doc = run(pipe, "According to the statistics of this human rights news agency, at least 44 workers "
                    "have died in workplace accidents this year.\n")
    assert sources(doc, 44) == {"HRANA"}


def test_reporting_to_a_prison_is_no_statement(pipe):
    doc = run(pipe, "The lawyer Reza Karimi reported to Evin prison on Saturday to begin serving a three-year sentence.\n")
    assert sources(doc, 36) == {None}


def test_the_minister_said_after_a_prosecutor_is_the_minister(pipe):
    doc = run(pipe, "The city's prosecutor, Ali Rahimi, told Tasnim that the trial would start soon.\n\n"
                    "Since the start of the year, the ministry has dismantled 41 teams across the country, "
                    "the minister said in March.\n", publisher="Tasnim")
    assert sources(doc, 41) == {"the minister"}


def test_an_animal_shot_dead_is_no_killing(pipe):
    doc = run(pipe, "In Baneh on Monday, a kolbar was beaten by border guards and his pack horse was shot dead.\n")
    assert ("Baneh", "killing") not in kinds(doc)
    assert ("Baneh", "attack_on_civilians") in kinds(doc)


def test_an_execution_feared_as_imminent_is_no_execution(pipe):
    doc = run(pipe, "On Saturday, a prisoner was moved to solitary confinement in Birjand prison, which his "
                    "family fears is a sign that his execution is imminent.\n")
    assert ("Birjand", "execution") not in kinds(doc)


def test_the_detention_centre_detainees_were_taken_to_is_no_arrest_place(pipe):
    doc = run(pipe, "On Tuesday security forces raided a home in Piranshahr and arrested three men. "
                    "The detainees were taken to the Intelligence Ministry's detention centre in Urmia.\n")
    assert kinds(doc) == {("Piranshahr", "arrest")}


def test_bakers_keeping_their_bakeries_closed_is_a_strike(pipe):
    doc = run(pipe, "Bakers in the city of Bukan kept their bakeries closed on Sunday over flour quotas.\n")
    assert ("Bukan", "strike") in kinds(doc)
