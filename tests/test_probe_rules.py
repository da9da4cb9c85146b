"""Rules found by probing (rewritten dev-genre texts and held-out misses left open), each on a
sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_torches_shone_by_police_are_no_arson_torched_is(pipe):
    doc = run(pipe, "On Sunday night riot police drove through the streets of Arak, shining torches at the windows.\n")
    assert ("Arak", "property_attack") not in summary(doc)
    doc = run(pipe, "On Sunday night youths torched a Basij base in Arak.\n")
    assert summary(doc) == {("Arak", "property_attack")}


def test_an_undated_march_in_a_town_of_a_day_by_day_list_is_that_towns_rally(pipe):
    # "In Semnan, they marched ..." has no day of its own; the day before it (Sunday) is Qom's
    doc = run(pipe, "On Sunday in Qom and Kashan, and on Monday in Semnan, retirees held rallies in front of the "
                    "governorates.\n\nIn Qom, the retirees stood outside the governorate on Sunday morning. In Semnan, "
                    "they marched to the office of the pension fund.\n")
    semnan = [e for e in doc.events if e.location.canonical == "Semnan"]
    assert [(e.sub_event_type, e.date.start.isoformat()) for e in semnan] == [("demonstration", "2024-03-04")]
