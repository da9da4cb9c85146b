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
