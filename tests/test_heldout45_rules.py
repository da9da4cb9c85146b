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
