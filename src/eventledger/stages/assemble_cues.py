"""Case-insensitive cue patterns of the assembler, with a substring pre-check.

Python's regex engine has no fast scan for a case-insensitive alternation behind ``\\b``: it
tries every alternative at every position, some 10-15 µs for one sentence, and the assembler
asks such questions of most sentences ("is this a tally?", "does it speak of the crowd?").
Every match of such a cue contains one of a few literal words; finding none of them in the
lower-cased text rules the text out at C speed, and the regex still decides for the others,
so the answers are the regex's own.
"""

from __future__ import annotations

import re

__all__ = ["Cue"]


class Cue:
    """A compiled case-insensitive pattern and the lower-case words one of which each of its
    matches contains (kept next to the pattern: the two must be changed together)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = re.I) -> None:
        self.pattern = re.compile(pattern, flags)
        self.words = words
        assert all(w.isascii() and w == w.lower() for w in words)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        if end is None:
            end = len(text)
        segment = text[start:end]
        # a case-insensitive match of an ASCII word is a match in the lower-cased text, but for
        # "İ" (lowers to two characters), "ı" and "ſ" (match "i" and "s", lower to themselves)
        if segment.isascii() or not ("İ" in segment or "ı" in segment or "ſ" in segment):
            low = segment.lower()
            for w in self.words:
                if w in low:
                    break
            else:
                return None
        return self.pattern.search(text, start, end)
