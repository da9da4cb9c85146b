"""Rules added after held-out set 39 (ho241-ho246: "No to Execution Tuesdays" statements and
NCRI execution reports with prisoners' names, ages and home towns), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "NCRI", published: str | None = "2025-03-20"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def places(doc):
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_two_names_with_two_ages_before_from_give_a_home_town(pipe):
    doc = run(pipe, "On Monday, March 17, two cousins, Arash and Omid Karimi, 25 and 31, from Khoy, "
                    "were hanged in the central prison of Tabriz.")
    assert ("Tabriz", "execution") in places(doc)
    assert not any(p == "Khoy" for p, _ in places(doc))


def test_a_named_person_from_a_town_closing_the_sentence_is_a_home_town(pipe):
    doc = run(pipe, "On Tuesday, March 18, three prisoners were executed in Sepidar Prison in Ahvaz, "
                    "among them Hamed Sayahi, 29, from Shadegan.")
    assert ("Ahvaz", "execution") in places(doc)
    assert not any(p == "Shadegan" for p, _ in places(doc))


def test_a_person_named_by_his_people_from_a_town_is_a_home_town(pipe):
    doc = run(pipe, "On Sunday, March 16, a Kurd from Bukan, 33, was hanged in Urmia Central Prison.")
    assert ("Urmia", "execution") in places(doc)
    assert not any(p == "Bukan" for p, _ in places(doc))
