"""Rules added after held-out set 38 (ho235-ho240: PMOI/MEK reports on night-time arsons by
"rebellious youths"), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)


def run(pipe, text: str):
    return test_assemble.run(pipe, text, publisher="PMOI/MEK", published="2023-04-12")


def kinds(doc):
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_a_banner_of_two_names_burnt_in_the_passive_is_no_banner_put_up(pipe):
    doc = run(pipe, "On Monday night, in Bojnurd, a big banner of Khomeini and Khamenei was set on fire near the bazaar.\n")
    assert kinds(doc) == {("Bojnurd", "property_attack")}


def test_slogans_written_by_a_subject_of_their_own_after_a_passive_burning_are_graffiti(pipe):
    doc = run(pipe, "On Monday night in Semnan, a portrait of Soleimani was burned, and the young men wrote "
                    "\"Down with the tyrant\" on the wall next to it.\n")
    assert kinds(doc) == {("Semnan", "property_attack"), ("Semnan", "symbolic_action")}


def test_an_attack_named_as_the_cause_of_arrests_is_not_a_new_attack(pipe):
    doc = run(pipe, "On Tuesday, police in Yazd said they had detained four men over the attack on the "
                    "Friday prayer office.\n")
    assert kinds(doc) == {("Yazd", "arrest")}


def test_the_arson_an_announcement_came_hours_after_is_not_a_new_arson(pipe):
    doc = run(pipe, "Hours after the arson in Zanjan, the governor announced that three people had been detained.\n")
    assert ("Zanjan", "property_attack") not in kinds(doc)


def test_people_who_had_attacked_the_named_site_are_its_earlier_attackers(pipe):
    doc = run(pipe, "On Sunday, the prosecutor of Ilam said the youths who had set fire to the seminary "
                    "had been arrested.\n")
    assert ("Ilam", "property_attack") not in kinds(doc)
    # (an indefinite site is told here for the first time: "who had set fire to a bank in Ilam on Friday")
    doc = run(pipe, "Police arrested six people on Sunday who had set fire to a bank in Ilam on Friday night.\n")
    assert ("Ilam", "property_attack") in kinds(doc)
