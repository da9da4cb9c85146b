"""Find gazetteer names in a text: spans plus the candidates each could mean.

Place names in English reports are capitalised (``Tehran``, ``Bandar-e Anzali``) and
Persian-script names have no case, so the matcher looks only at *runs*: maximal
sequences of capitalised Latin words or Arabic-script words, joined by a space, a hyphen
or an ezafe (``-e``, ``-ye``). Inside a run it tries the longest token n-gram first and
looks its folded key up in a hash table, which is the same job an Aho-Corasick automaton
does, but on whole tokens: word boundaries come for free ("Kerman" can never match inside
"Kermanshah") and spelling variants fold to one key before the lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import Candidate, Gazetteer
from .normalize import first_token_key, is_arabic_script, key_from_tokens

__all__ = ["NameMatch", "find_names", "name_hits", "MAX_TOKENS"]

MAX_TOKENS = 5

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_WORD = rf"(?:[{_UPPER}][^\W_]*|[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]+)"
_LINK = r"(?:[ \-]+(?:e|ye|i|ol|al|od|os|and|va)[ \-]+|-| )"
# the character class comes first (cheap rejection of most positions), then "not inside a word"
_RUN_RE = re.compile(
    rf"(?:[{_UPPER}]|[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc])(?<![^\W_][^\W_])[^\W_]*(?:{_LINK}{_WORD})*"
)
_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]
    persian: bool = False
    #: the run around the match has capitalised words that are not part of it
    in_longer_run: bool = False
    #: one all-capitals token of at most 5 letters ("IRNA"): likely an acronym
    all_caps_short: bool = False


# A frozen dataclass's __init__ sets each field through object.__setattr__; setting the slots
# directly builds the same object in half the time
_NEW = object.__new__
_SET_FIELDS = tuple(NameMatch.__dict__[f].__set__ for f in NameMatch.__slots__)


def _new_match(start: int, end: int, key: str, candidates: tuple, persian: bool, loose: bool,
               caps: bool) -> NameMatch:
    m = _NEW(NameMatch)
    s0, s1, s2, s3, s4, s5, s6 = _SET_FIELDS
    s0(m, start), s1(m, end), s2(m, key), s3(m, candidates), s4(m, persian), s5(m, loose), s6(m, caps)
    return m


def find_names(gazetteer: Gazetteer, text: str) -> list[NameMatch]:
    """Every non-overlapping gazetteer name in ``text`` (a same-length view), longest first."""
    return [_new_match(*hit) for hit in name_hits(gazetteer, text)]


def name_hits(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str, tuple[Candidate, ...], bool, bool, bool]]:
    """:func:`find_names` as plain tuples ``(start, end, key, candidates, persian, in_longer_run,
    all_caps_short)``: the places stage reads them without a :class:`NameMatch` per name."""
    out: list[tuple] = []
    # runs repeat across documents ("The", "Tehran", "Resistance Units"): each distinct run is
    # analysed once per process and its hits (relative offsets) remembered
    cache = gazetteer.__dict__.setdefault("_run_cache", {})
    if len(cache) > 200_000:
        cache.clear()
    get = cache.get
    for run in _RUN_RE.finditer(text):
        rs = run.group()
        hits = get(rs)
        if hits is None:
            hits = cache[rs] = _analyse_run(gazetteer, rs)
        if hits:
            base = run.start()
            for s, e, key, cands, persian, loose, caps in hits:
                out.append((base + s, base + e, key, cands, persian, loose, caps))
    return out


#: a capitalised preposition opening a sentence never starts a longer name: "In Kerman, ..." is
#: Kerman, not Inkerman (Crimea); "At Tabriz ..." is Tabriz
_PREPOSITIONS = frozenset({"in", "at", "on", "near", "from", "to", "of", "for", "by", "and", "or",
                           "inside", "outside", "across", "throughout"})


def _analyse_run(gazetteer: Gazetteer, rs: str) -> tuple:
    lookup = gazetteer.lookup_key
    if " " not in rs and "-" not in rs:  # one word: most runs
        key = first_token_key(rs)
        cands = lookup(key)
        if not cands:
            return ()
        return ((0, len(rs), key, cands, is_arabic_script(rs[0]), False, len(rs) <= 5 and rs.isupper()),)
    starts = gazetteer.starts
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(rs)]
    n = len(toks)
    i = 0
    found: list[tuple[int, int, str, tuple[Candidate, ...]]] = []
    while i < n:
        first = toks[i][2]
        if not _capitalised(first):  # a link word ("e", "and") never starts a name
            i += 1
            continue
        fkey = first_token_key(first)
        hit = None
        longest = min(MAX_TOKENS, n - i) if fkey in starts and fkey not in _PREPOSITIONS else 1
        for size in range(longest, 0, -1):
            if size > 1:
                if not _capitalised(toks[i + size - 1][2]):
                    continue
                key = key_from_tokens([t[2] for t in toks[i : i + size]])
            else:
                key = fkey
            cands = lookup(key)
            if cands:
                hit = (size, key, cands)
                break
        if hit is None:
            i += 1
            continue
        size, key, cands = hit
        found.append((i, i + size, key, cands))
        i += size
    covered = set()
    for a, b, _, _ in found:
        covered.update(range(a, b))
    hits = []
    for a, b, key, cands in found:
        # a capitalised neighbour that is not itself a place: "Navid <Afkari>", "<Tehran> Times"
        # (not a capitalised preposition opening the sentence: "In Asaluyeh, strikers gathered")
        loose = any(0 <= j < n and j not in covered and _capitalised(toks[j][2])
                    and not (j == a - 1 and first_token_key(toks[j][2]) in _PREPOSITIONS) for j in (a - 1, b))
        s, e = toks[a][0], toks[b - 1][1]
        surface = rs[s:e]
        caps = b - a == 1 and len(surface) <= 5 and surface.isupper()
        hits.append((s, e, key, cands, is_arabic_script(rs[s]), loose, caps))
    return tuple(hits)


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or is_arabic_script(token[:1])
