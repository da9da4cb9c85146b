"""Rules added after held-out set 25 (ho157-ho162), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest
import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)
from eventledger.stages.dates_extract import extract
from eventledger.stages.dates_resolve import resolve_atom_range


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2025-12-20"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


@pytest.mark.parametrize("text, start, end", [
    ("Bulletin for 3 to 9 Dey 1404", dt.date(2025, 12, 24), dt.date(2025, 12, 30)),
    ("the week of 3-9 Dey 1404", dt.date(2025, 12, 24), dt.date(2025, 12, 30)),
])
def test_a_range_of_days_in_a_persian_month(text, start, end):
    atoms = [a for a in extract(text) if a.kind == "date"]
    assert len(atoms) == 1
    r = resolve_atom_range(atoms[0], None)
    assert (r.start, r.end) == (start, end)
