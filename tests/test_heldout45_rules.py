"""Rules added after held-out set 45 (ho277-ho282: Iranian state and semi-official media items), each on
a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)


def run(pipe, text: str, publisher: str | None = "IRNA", published: str = "2025-03-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def subtypes(doc):
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_verdicts_issued_for_defendants_are_a_sentence(pipe):
    doc = run(pipe, "The judiciary spokesman said Branch 4 of the Revolutionary Court of Tabriz had on Monday "
                    "issued verdicts for nine defendants.\n")
    assert ("Tabriz", "sentence") in subtypes(doc)


def test_sentence_carried_out_is_an_execution(pipe):
    doc = run(pipe, "He said the qisas sentence of a prisoner convicted of murdering a guard in 2021 had been "
                    "carried out on Sunday in Arak prison.\n")
    assert ("Arak", "execution") in subtypes(doc)
    assert ("Arak", "sentence") not in subtypes(doc)


def test_a_crowd_that_dispersed_after_talks_is_no_intervention(pipe):
    doc = run(pipe, "In Yasuj, farmers gathered outside the governorate on Tuesday over water shares and "
                    "dispersed after the deputy governor met their representatives.\n")
    assert ("Yasuj", "demonstration") in subtypes(doc)
    assert ("Yasuj", "protest_with_intervention") not in subtypes(doc)


def test_forces_that_dispersed_a_crowd_still_intervene(pipe):
    doc = run(pipe, "In Yasuj, farmers gathered outside the governorate on Tuesday, and police arrived and "
                    "dispersed them with tear gas.\n")
    assert ("Yasuj", "protest_with_intervention") in subtypes(doc)


def numbers(doc):
    return {(c.value, c.attributed_to) for c in doc.claims if c.value is not None}


def test_list_items_take_the_source_of_the_line_introducing_them(pipe):
    doc = run(pipe, "The police chief listed the items seized from the detainees:\n- 11 Molotov cocktails\n- 4 knives\n")
    assert numbers(doc) == {(11, "police chief"), (4, "police chief")}
    doc = run(pipe, "The Intelligence Ministry's directorate in Khuzestan province announced on Sunday that three teams "
                    "had been dismantled.\n\nAccording to the statement:\n\n1. A four-member team was arrested in "
                    "Ahvaz on Friday.\n\n2. Five people were detained in Dezful.\n")
    got = numbers(doc)
    assert (4, "Intelligence Ministry's directorate in Khuzestan province") in got
    assert (5, "Intelligence Ministry's directorate in Khuzestan province") in got
    # a list whose introducing line names no source is the publisher's
    doc = run(pipe, "Items seized:\n- 11 Molotov cocktails\n", publisher=None)
    assert numbers(doc) == {(11, None)}


def test_a_source_that_goes_on_speaking_covers_the_clause_before(pipe):
    doc = run(pipe, "In Rudsar, about 40 shopkeepers closed their shops on Wednesday in protest at the arrest of a "
                    "merchant, the police chief said, adding that the shops had reopened by the evening.\n")
    assert numbers(doc) == {(40, "police chief")}


def test_acts_a_source_rejects_as_reports_of_others_are_no_events(pipe):
    doc = run(pipe, "On Tuesday the governor rejected reports by \"hostile media\" that security forces had fired on "
                    "protesters in Aligudarz and killed four people.\n")
    assert not doc.events


def test_a_petrol_bomb_thrown_at_a_base_is_arson(pipe):
    doc = run(pipe, "On Thursday night youths threw a petrol bomb at the Basij base in Izeh.\n")
    assert subtypes(doc) == {("Izeh", "property_attack")}


def test_the_date_of_an_offence_does_not_date_the_sentence_passed_for_it(pipe):
    doc = run(pipe, "On Sunday, three people accused of leading the riots of 30 September 2022 in Zahedan were "
                    "sentenced by the same court.\n", published="2024-09-17")
    assert subtypes(doc) == {("Zahedan", "sentence")}
    # a past wave the sentence tells of keeps its date: history
    doc = run(pipe, "During the water protests of 2021, at least nine people were killed in Shadegan.\n",
              published="2024-09-17")
    assert not doc.events


def test_he_is_not_a_channel_the_speaker_named(pipe):
    doc = run(pipe, "The judiciary spokesman, Ali Karimi, told reporters on Monday that 38 detainees had been "
                    "released.\n\nHe rejected a report by a London-based channel that seven men had been hanged.\n\n"
                    "Since March, 212 people have been indicted in Fars province, he said.\n")
    assert (212, "Ali Karimi") in numbers(doc)


def test_a_possessive_in_the_target_of_an_attack_or_a_fire(pipe):
    for text in ("On Tuesday night in Borujerd, a group set the municipality's service building on fire.\n",
                 "On Tuesday night in Borujerd, protesters attacked the governor's office.\n"):
        assert subtypes(run(pipe, text, published="2026-04-30")) == {("Borujerd", "property_attack")}
