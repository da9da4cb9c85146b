"""Case-insensitive cue patterns of the assembler, with a substring pre-check.

Python's regex engine has no fast scan for a case-insensitive alternation behind ``\\b``: it
tries every alternative at every position, some 10-15 µs for one sentence, and the assembler
asks such questions of most sentences ("is this a tally?", "does it speak of the crowd?").
Every match of such a cue contains one of a few literal words; ``str.find`` of those words in
the lower-cased text rules out most sentences at C speed, and the regex still decides for the
others, so the answers are the regex's own.
"""

from __future__ import annotations

import re

__all__ = ["Cue", "lowered"]

# the last texts lower-cased (the view and the raw text of the document being assembled)
_lowered: list[tuple[str, str | None]] = []


def lowered(text: str) -> str | None:
    """``text.lower()`` when it lines up character for character with ``text`` and finding a
    lower-case word in it finds every case-insensitive regex match of that word; else None.

    ``İ`` lowers to two characters; ``ı`` and ``ſ`` match ``i`` and ``s`` in a case-insensitive
    regex but do not lower to them: texts with those take the plain regex."""
    for seen, low in _lowered:
        if seen is text:
            return low
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        low = None
    _lowered.insert(0, (text, low))
    del _lowered[2:]
    return low


class Cue:
    """A compiled case-insensitive pattern and the lower-case words one of which each of its
    matches contains (kept next to the pattern: the two must be changed together)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = re.I) -> None:
        self.pattern = re.compile(pattern, flags)
        self.words = words
        assert all(w == w.lower() for w in words)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        if end is None:
            end = len(text)
        low = lowered(text)
        if low is not None:
            for w in self.words:
                if low.find(w, start, end) >= 0:
                    break
            else:
                return None
        return self.pattern.search(text, start, end)
