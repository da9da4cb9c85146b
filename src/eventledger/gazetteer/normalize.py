"""Match keys for place names, insensitive to the ways reports romanise Persian names.

The same function builds the keys stored in ``data/places.tsv`` (at build time) and the
keys looked up for the words of a report (at run time), so both sides always agree.

A key is built from a name's *tokens* (runs of letters/digits; hyphens, apostrophes,
spaces and punctuation separate tokens):

* each token is lower-cased and stripped of diacritics (``Esfarāyen`` -> ``esfarayen``);
  the few Latin letters that do not decompose are mapped by a small table (``ł`` -> ``l``,
  ``ı`` -> ``i``); Persian and
  Arabic letter variants are unified (Arabic ``ي``/``ك`` -> Persian ``ی``/``ک``);
* ezafe / linking tokens between two tokens are dropped (``Bandar-e Anzali`` ->
  ``bandar anzali``, ``Masjid-i-Sulaiman``);
* the tokens are joined *without* spaces (``Homayoun Shahr`` == ``Homayounshahr``);
* vowel spellings are unified: ``ou``/``oo`` -> ``u``, ``ee`` -> ``i``, ``ei`` -> ``ey``,
  ``iy`` before a vowel -> ``i`` (``Shahriyar`` == ``Shahriar``), and doubled letters are
  single (``Massouleh`` -> ``masuleh``, ``Abbas`` -> ``abas``);
* the two romanisations of Persian qaf/ghain are one letter: ``gh`` -> ``q``
  (``Ghaemshahr`` == ``Qaemshahr``, ``Ghezel Hesar`` == ``Qezel Hesar``, ``Saghez`` ==
  ``Saqez``). Both sides of the lookup fold the same way, so English names with "gh"
  ("Edinburgh") still match themselves.

Hand-written because no library romanisation-folds Persian place names this way
(``unidecode`` would do the per-character part but is not a dependency; the table below
covers the letters GeoNames' Latin names use).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "token_key", "name_key", "key_from_tokens", "tokenize_name", "first_token_key", "split_compound",
    "EZAFE", "is_arabic_script",
]

#: linking words dropped between two tokens of a name
EZAFE = frozenset({"e", "ye", "i", "ie", "ol", "ul", "al", "el", "od", "os", "ad"})
# "al"/"el"/"ol" only count as links *between* tokens ("Bandar ol Amir"); a name that
# starts with them ("Al Amarah") keeps them because only inner tokens are dropped.

_ARABIC_VARIANTS = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
        "\u0649": "\u06cc",  # alef maksura -> Persian yeh
        "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0640": None,  # tatweel
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0622": "\u0627",
        "\u0671": "\u0627",
        "\u0624": "\u0648",
        "\u06c0": "\u0647",
        "\u200c": None,
        "\u200d": None,
    }
)

_LATIN_EXTRA = str.maketrans(
    {"ł": "l", "ı": "i", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
     "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŉ": "n", "ſ": "s", "ə": "e", "ɨ": "i", "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": ""}
)

_TOKEN_RE = re.compile(r"[^\W_]+")
_VOWEL_RULES = (("gh", "q"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "ey"))
_IY_RE = re.compile(r"iy(?=[aeiou])")
_DOUBLE_RE = re.compile(r"(.)\1+")


def is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" or "\u0750" <= ch <= "\u077f"


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """Fold one token (no squashing of vowels: that happens on the joined key)."""
    if token.isascii():
        return token.lower()
    if any(is_arabic_script(c) for c in token):
        t = unicodedata.normalize("NFKC", token).translate(_ARABIC_VARIANTS)
        return "".join(c for c in t if not unicodedata.combining(c) and unicodedata.category(c)[0] in "LN")
    decomposed = unicodedata.normalize("NFKD", token)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = out.lower().translate(_LATIN_EXTRA)
    return "".join(c for c in out.lower() if c.isalnum())


@lru_cache(maxsize=131072)
def _squash(joined: str) -> str:
    if not joined.isascii():
        return joined
    s = joined
    for a, b in _VOWEL_RULES:
        s = s.replace(a, b)
    s = _IY_RE.sub("i", s)
    return _DOUBLE_RE.sub(r"\1", s)


def tokenize_name(name: str) -> list[str]:
    """Tokens of a name; apostrophes are dropped inside tokens (``Qal`eh`` -> ``Qaleh``)."""
    cleaned = name.replace("'", "").replace("`", "").replace("\u2019", "").replace("\u02bf", "").replace("\u02bc", "")
    return _TOKEN_RE.findall(cleaned)


def key_from_tokens(tokens: list[str] | tuple[str, ...]) -> str:
    """Key of a sequence of raw tokens (drops inner ezafe tokens)."""
    folded = [token_key(t) for t in tokens]
    if len(folded) > 2:
        folded = [folded[0], *(f for f in folded[1:-1] if f not in EZAFE), folded[-1]]
    return _squash("".join(folded))


def name_key(name: str) -> str:
    """Key of a whole name string: ``name_key("Bandar-e Anzali") == name_key("Bandar Anzali")``."""
    return key_from_tokens(tokenize_name(name))


@lru_cache(maxsize=65536)
def first_token_key(token: str) -> str:
    """Key of one token as it starts a name (== ``name_key`` of the token alone)."""
    return _squash(token_key(token))


#: second halves of Persian compound names, which reports write joined or apart
#: ("Homayounshahr" / "Homayoun Shahr", "Sadatabad" / "Saadat Abad")
COMPOUND_TAILS = ("shahr", "abad", "dasht", "rud", "gerd", "kuh", "sar", "deh", "bandar", "kord", "zar")


def split_compound(key: str) -> str | None:
    """The head of a one-word compound key ("homayunshahr" -> "homayun"), else None."""
    for tail in COMPOUND_TAILS:
        if key.endswith(tail) and len(key) - len(tail) >= 3:
            return key[: -len(tail)]
    return None
