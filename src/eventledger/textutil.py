"""Character-level text helpers shared by the stages.

Two kinds of normalisation, both keeping offsets valid:

* :func:`make_view` returns a string of the *same length* as its input (one character
  out for each character in), so a regex match on the view has the same offsets in the
  original text.
* :func:`fold` returns a shorter, matching-friendly string (lower case, accents and
  marks removed, punctuation to spaces) **and** an offset map from each folded
  character back to the original. Hand-written because no library returns such a map
  (``unicodedata``/``unidecode`` give strings only).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["make_view", "fold", "fold_name", "normalize_ws", "is_name_words", "DIGITS"]

# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits -> ASCII
DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)} | {chr(0x0660 + i): str(i) for i in range(10)}

_VIEW_MAP = {
    **DIGITS,
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u200b": " ",  # zero-width space
    "\u200c": " ",  # zero-width non-joiner (Persian)
    "\u200d": " ",
    "\u200e": " ",  # left-to-right mark
    "\u200f": " ",  # right-to-left mark
    "\u2060": " ",
    "\ufeff": " ",
    "\t": " ",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u066c": ",",  # Arabic thousands separator
    "\u066b": ".",  # Arabic decimal separator
    "\u2010": "-",
    "\u2011": "-",
}
_VIEW_KEYS = frozenset(_VIEW_MAP)
_VIEW_CHARS = re.compile("[" + re.escape("".join(sorted(_VIEW_KEYS))) + "]")
#: a bracketed gloss in Persian script after a Latin letter ("bazaar (بازار)", "governorate (فرمانداری)")
_PERSIAN_GLOSS = re.compile(r" \([\u0600-\u06ff][\u0600-\u06ff\u200c ]*\)")


def _blank_gloss(m: re.Match) -> str:
    before = m.string[m.start() - 1 : m.start()]
    # (a filler word, not spaces: the patterns read words one space apart, "bazaar ____ is closed")
    return " " + "_" * (len(m.group(0)) - 1) if before.isascii() and before.isalpha() else m.group(0)


def make_view(text: str) -> str:
    """Same-length normalised copy of ``text`` (see module doc)."""
    # str.translate with a dict table costs ~100 ns a character; a report holds only a few
    # of the mapped characters, and str.replace per character present is ~20x faster. The
    # characters present are found by one regex scan (3x faster than a set intersection,
    # which builds a string object per character of the text)
    for ch in set(_VIEW_CHARS.findall(text)):
        text = text.replace(ch, _VIEW_MAP[ch])
    if " (" in text and _PERSIAN_GLOSS.search(text):
        # a Persian gloss in brackets after an English word ("the bazaar (بازار) is closed"):
        # one filler word, so the English reads on across it
        text = _PERSIAN_GLOSS.sub(_blank_gloss, text)
    return text


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        return "'" if ch == "'" else " "
    if ch in DIGITS:
        return DIGITS[ch]
    if ch in ("\u2019", "\u2018", "\u02bc"):
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not out:
        return ""
    if out.isascii():
        return "".join(c.lower() if c.isalnum() else " " for c in out)
    cat = unicodedata.category(ch)
    if cat[0] in "LN":
        return out.lower()
    if cat == "Mn":
        return ""
    return " "


def fold(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; return the folded string and, for each of its
    characters, the offset of the original character it came from."""
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        if f:
            out.append(f)
            idx.extend([i] * len(f))
    return "".join(out), idx


def fold_name(name: str) -> str:
    """Fold a name to a key: folded, apostrophes dropped, single spaces."""
    folded, _ = fold(name)
    return " ".join(folded.replace("'", "").split())


def normalize_ws(text: str) -> str:
    """Collapse every run of whitespace (incl. no-break spaces) to one space."""
    return " ".join(make_view(text).split())


#: the small words a name may hold in lower case ("Organization for Human Rights")
_NAME_SMALL_WORDS = frozenset({"for", "of", "the", "and", "in", "on", "al", "de", "&", "-", "–"})


def is_name_words(words: list[str]) -> bool:
    """Do these words read as a name rather than a sentence — every one capitalised (or a
    number, or an "(ACRONYM)") except the small connecting words? ("Zagros Human Rights
    Center" does, "Activists defy the ban" does not.) Used to tell a masthead line."""
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_SMALL_WORDS
                               or (w.startswith("(") and w[1:2].isupper()) for w in words)
