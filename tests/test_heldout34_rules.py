"""Rules added after held-out set 34 (ho211-ho216: wire stories, NGO roundups, state media), each
on a sentence of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)

from eventledger.models import Report


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2025-06-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def run_undated(pipe, text: str):
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Test Wire"))


def days(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def test_an_ambiguous_numeric_date_beside_a_24_hour_clock_reads_day_first(pipe):
    doc = run_undated(pipe, "Posted 03/05/2025 - 21:40\n\nPolice on Saturday detained four teachers in Yazd, "
                            "their union said.\n")
    assert days(doc) == {("Yazd", "arrest", dt.date(2025, 5, 3), dt.date(2025, 5, 3))}


def test_ihr_is_iran_human_rights(pipe):
    doc = run(pipe, "According to IHR, 57 prisoners were hanged in Shiraz last year.\n")
    assert "Iran Human Rights" in {c.attributed_to for c in doc.claims if c.value == 57}


def test_a_towns_toll_since_a_weekday_is_its_act_not_a_tally(pipe):
    doc = run(pipe, "A local monitor said at least nine people had been detained in Bojnurd since Sunday.\n")
    assert ("Bojnurd", "arrest") in summary(doc)


def test_a_history_date_closing_the_subject_does_not_date_the_verb(pipe):
    doc = run(pipe, "A prisoner convicted of a robbery in Yazd in 2019 was hanged at dawn on Tuesday in Kerman prison.\n")
    assert ("Kerman", "execution") in summary(doc)


def test_a_bracketed_gloss_before_from_keeps_the_town_an_origin(pipe):
    doc = run(pipe, "On Monday, a man, a Baluch sukhtbar (fuel porter) from Saravan, was executed in Zahedan prison.\n")
    assert summary(doc) == {("Zahedan", "execution")}


def test_a_digit_age_before_from_keeps_the_town_an_origin(pipe):
    doc = run(pipe, "On Monday, agents detained a 19-year-old from Bam in Kerman.\n")
    assert summary(doc) == {("Kerman", "arrest")}


def test_relatives_facing_execution_are_no_execution(pipe):
    doc = run(pipe, "On Sunday, mothers of prisoners facing execution gathered outside the court in Qazvin.\n")
    assert summary(doc) == {("Qazvin", "demonstration")}


def test_an_act_alleged_in_a_charge_is_no_event(pipe):
    doc = run(pipe, "On Monday, a court in Arak sentenced a student to death for allegedly setting fire to a "
                    "police car.\n")
    assert summary(doc) == {("Arak", "sentence")}


def test_a_summons_to_collect_belongings_is_no_arrest(pipe):
    doc = run(pipe, "On Friday, the families in Yasuj were summoned to collect the belongings of the dead men.\n")
    assert summary(doc) == set()


def test_where_a_detainee_is_held_is_no_new_arrest(pipe):
    doc = run(pipe, "On Monday, agents arrested a poet at his home in Ilam. He is held in a detention centre "
                    "of the IRGC in Kermanshah.\n")
    assert summary(doc) == {("Ilam", "arrest")}


def test_a_denied_report_is_no_event(pipe):
    doc = run(pipe, "On Friday, the mayor of Dehdasht denied reports on \"foreign channels\" that a teenager had been "
                    "shot dead by police.\n")
    assert not any(sub == "killing" for _, sub in summary(doc))


def test_a_crowd_that_dispersed_of_itself_met_no_intervention(pipe):
    doc = run(pipe, "On Monday, dozens of bakers gathered outside the governorate in Zanjan. They dispersed after "
                    "an official met them.\n")
    assert summary(doc) == {("Zanjan", "demonstration")}


def test_a_killing_named_as_the_reason_of_unrest_is_no_event_there(pipe):
    doc = run(pipe, "Police fired tear gas at protesters in Dorud on Sunday, the second day of unrest over the "
                    "killing of a student.\n")
    assert summary(doc) == {("Dorud", "protest_with_intervention")}


def test_an_arrest_apposition_with_commas_in_a_sentence_is_no_arrest(pipe):
    doc = run(pipe, "On Monday, a court in Ardabil sentenced three men arrested during the strikes, Farhad Rahimi, "
                    "Navid Salehi and Omid Tavana, to death.\n")
    assert summary(doc) == {("Ardabil", "sentence")}


def test_repeated_outages_as_a_grievance_are_no_habit(pipe):
    doc = run(pipe, "On Monday, residents gathered in front of the governorate in Sirjan to complain about "
                    "repeated power outages.\n")
    assert summary(doc) == {("Sirjan", "demonstration")}


def test_a_sentence_naming_the_gathering_takes_its_town_not_the_datelines(pipe):
    doc = run(pipe, "TABRIZ, June 11 (Test Wire) - On Monday, residents gathered in front of the governorate in "
                    "Marand over water cuts.\n\nOn Tuesday, men who had joined the gathering set fire to a bank, "
                    "an official said.\n")
    assert ("Marand", "property_attack") in summary(doc)
    assert ("Tabriz", "property_attack") not in summary(doc)


def test_the_citys_street_is_the_town_told_before(pipe):
    doc = run(pipe, "TABRIZ, June 11 (Test Wire) - On Monday night, crowds chanted slogans in the streets of Ahar."
                    "\n\nOn Tuesday night, youths set fire to a bank on the city's main boulevard, police said.\n")
    assert ("Ahar", "property_attack") in summary(doc)
