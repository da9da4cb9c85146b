"""``view.lower()`` of the document being processed, computed once for the places and dates
stages (both search the lower-cased view; lower-casing a report with curly quotes or dashes,
i.e. not pure ASCII, costs about 30 µs).

The last result is kept with the view it came from and reused only for that very object
(``is``), so it depends on nothing but its input.
"""

from __future__ import annotations

__all__ = ["lowered"]

_last: tuple[str, str] = ("", "")


def lowered(view: str) -> str:
    """``view.lower()`` (remembered for the last view asked for)."""
    global _last
    last = _last  # (one read: another thread may replace it)
    if last[0] is view:
        return last[1]
    low = view.lower()
    _last = (view, low)
    return low
