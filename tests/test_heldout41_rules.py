"""Rules added after held-out set 41 (ho253-ho258: PMOI/MEK Resistance Units activity reports of
2020-2021), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.stages.place_roles import _based_in


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2021-03-10"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def places(doc):
    return {e.location.canonical for e in doc.events}


def test_seat_of_a_source_is_not_an_event_place(pipe):
    doc = run(pipe, "Hengaw, a Kurdish rights group based in Oslo, said on Monday that security forces "
                    "arrested five young men in Baneh.\n")
    assert "Oslo" not in places(doc)
    assert _based_in("the watchdog, headquartered in")
    assert not _based_in("protesters gathered in")
