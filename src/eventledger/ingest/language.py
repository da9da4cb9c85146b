"""Is a report written in English, the only language the extraction rules read?

A report in Persian, Arabic or French is still stored (its text is searchable and can be
reviewed), but no rule can read an event from it: ingest says so for each such report
instead of counting it as a report without events (a silent loss).

Hand-written because the question is narrow: a script count and a share of English function
words answer it; a general language identifier (langdetect, lingua) would add a dependency
and model data for one yes/no decision, and is unreliable on the short texts this must also
judge. Mixed reports (English with Persian captions or slogans) pass.
"""

from __future__ import annotations

__all__ = ["unreadable_language"]

#: the words English text cannot do without; a few per hundred words in any English prose
_FUNCTION_WORDS = frozenset(
    "the of and to in a on at for with by from was were is are has have had that which who "
    "said this their they he she it its as an or not".split())
#: below this many words the function-word share says too little
_MIN_WORDS = 30
_MIN_SHARE = 0.10  # (English reports here: 0.25 and more)


def _arabic_script(ch: str) -> bool:
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def unreadable_language(text: str) -> str | None:
    """Why the extraction rules cannot read ``text`` (not English), or None when they can."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if _arabic_script(ch):
                arabic += 1
    if letters == 0:
        return None  # (no words at all: nothing to read either way; other checks report empty text)
    if arabic * 2 > letters:
        return "the text is mostly in Arabic script (Persian or Arabic); the rules read English only"
    words = text.lower().split()
    if len(words) >= _MIN_WORDS:
        share = sum(1 for w in words if w.strip(".,;:!?\"'()“”‘’") in _FUNCTION_WORDS) / len(words)
        if share < _MIN_SHARE:
            return "the text does not read as English (almost none of its words are English function words); the rules read English only"
    return None
