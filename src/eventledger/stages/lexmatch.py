"""Fast matching of many lexicon regexes: try a pattern only where its literal prefix occurs.

One alternation of a hundred patterns makes Python's backtracking ``re`` try every branch at
every word boundary (tens of milliseconds per page). Here each pattern's possible literal
prefixes (up to six characters, lower case) are computed once from its parsed form; the
candidate positions of a document (word starts followed by a prefix of any lexicon) are found
in one regex pass shared by every lexicon (they all scan the same view), and a pattern is
tried (``pattern.match(view, pos)``) only where the next characters are one of its own
prefixes (one dict lookup per position for all lexicons, keyed by the longest prefix there).
Hand-written because no maintained library does prefix-indexed regex sets for Python's ``re``
(pyahocorasick indexes literal strings only; our lexicon entries are regexes).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from itertools import islice
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]

from .lowered import lowered

__all__ = ["KeyedPatterns", "literal_prefixes", "candidate_positions", "SentenceIndex", "sentence_index", "first_letters"]

_K = 6
_Prefixes = set[tuple[str, bool]]  # (literal prefix, the item was matched completely)


def _seq(items, k: int) -> _Prefixes:
    cur: _Prefixes = {("", True)}
    for op, av in items:
        item = _item(op, av, k)
        nxt: _Prefixes = set()
        for p, complete in cur:
            if not complete or len(p) >= k:
                nxt.add((p[:k], False))
                continue
            for s, c in item:
                q = p + s
                nxt.add((q[:k], c and len(q) < k))
        cur = nxt
    return cur


def _item(op, av, k: int) -> _Prefixes:
    if op is _C.LITERAL:
        return {(chr(av).lower(), True)}
    if op is _C.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is _C.LITERAL:
                chars.add(chr(sub_av).lower())
            elif sub_op is _C.RANGE and sub_av[1] - sub_av[0] < 40:
                chars.update(chr(c).lower() for c in range(sub_av[0], sub_av[1] + 1))
            elif sub_op is _C.CATEGORY and sub_av is _C.CATEGORY_DIGIT:
                chars.update("0123456789")  # ASCII only: the view maps Persian/Arabic digits
            elif sub_op is _C.NEGATE:
                return {("", False)}
            else:
                return {("", False)}
        return {(c, True) for c in chars} or {("", False)}
    if op is _C.SUBPATTERN:
        return _seq(av[-1], k)
    if op is _C.BRANCH:
        out: _Prefixes = set()
        for branch in av[1]:
            out |= _seq(branch, k)
        return out
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        inner = _seq(sub, k)
        if lo == 0:
            if hi == 1:
                return inner | {("", True)}
            return {(s, False) for s, _ in inner} | {("", True)}
        if lo == hi == 1:
            return inner
        return {(s, False) for s, _ in inner}
    if op is _C.ASSERT and av[0] == 1:
        # a lookahead constrains the same characters the rest of the pattern reads:
        # its literal prefix is a necessary prefix here (but consumes nothing)
        return {(s, False) for s, _ in _seq(av[1], k)}
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {("", True)}
    return {("", False)}


def literal_prefixes(pattern: str) -> frozenset[str] | None:
    """Lower-case literal prefixes every match of ``pattern`` starts with; None when some
    match can start with anything (the pattern must be tried everywhere)."""
    try:
        tree = _P.parse(pattern, re.I)
    except re.error:
        return None
    prefixes = {p for p, _ in _seq(list(tree), _K)}
    if not prefixes or "" in prefixes:
        return None
    return frozenset(prefixes)


def first_letters(alternatives: Sequence[str]) -> str:
    """The lower-case first characters of regex alternatives that each begin with a literal
    letter or digit, for a ``(?=[...])`` look-ahead before their case-insensitive alternation: one
    character test where the engine would otherwise enter every branch to reject a word
    (``re.I`` literals have no quick reject). Under ``re.I`` the class admits exactly the
    characters the alternatives' first letters match (tested over every character)."""
    bad = [a for a in alternatives if not a[:1].isalnum()]
    if bad:
        raise ValueError(f"alternatives must begin with a literal letter or digit: {bad}")
    return "".join(sorted({a[0].lower() for a in alternatives}))


def trie_regex(strings: set[str] | frozenset[str]) -> str:
    """A regex alternation of literal strings shaped as a character trie, so that the
    engine rejects a position on its first character instead of trying every string."""
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class KeyedPatterns:
    """A set of (key, regex) entries matched leftmost, longest-first, without overlaps.

    Every pattern is anchored at a word start and must end on a word boundary.
    """

    def __init__(self, entries: Sequence[tuple[object, str]], flags: int = re.I) -> None:
        self.keys = [k for k, _ in entries]
        self.compiled = [re.compile(rf"(?:{p})(?!\w)", flags) for _, p in entries]
        # the bound match methods, looked up once: matches() calls one per candidate position
        self._match = [c.match for c in self.compiled]
        self.by_prefix: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, p) in enumerate(entries):
            prefixes = literal_prefixes(p)
            if prefixes is None:
                self.always.append(i)
                continue
            for pre in prefixes:
                self.by_prefix.setdefault(pre, []).append(i)
        self.rid = _register(self)

    def _candidates(self, key: str) -> tuple[int, ...]:
        """Patterns whose prefix starts ``key`` (the next ``_K`` lower-case characters)."""
        out = list(self.always)
        for n in range(len(key), 0, -1):
            out.extend(self.by_prefix.get(key[:n], ()))
        return tuple(sorted(set(out)))

    def may_match_at_start(self, text: str) -> bool:
        """Whether some pattern may match at the start of ``text``: one none of whose prefixes
        begins the lower-cased text cannot (sound for ASCII text, where ``re.I`` is plain
        lower-casing; see :func:`literal_prefixes` for digits)."""
        if self.always:
            return True
        key = text[:_K].lower()
        by_prefix = self.by_prefix
        return any(key[:n] in by_prefix for n in range(1, len(key) + 1))

    def finditer(self, view: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, object]]:
        """``(start, end, key)`` of each match of :meth:`matches` (a match tried at ``s``
        starts at ``s``)."""
        for m, key in self.matches(view, start, end):
            yield m.start(), m.end(), key

    def matches(self, view: str, start: int = 0, end: int | None = None) -> Iterator[tuple[re.Match[str], object]]:
        """Like :meth:`finditer`, with the winning match object (for its groups)."""
        end = len(view) if end is None else end
        positions = candidate_positions(view)[self.rid]
        match = self._match
        keys = self.keys
        pos_min = start
        if start:  # (islice: no copy of the list's tail for a window)
            positions = islice(positions, bisect.bisect_left(positions, (start,)), None)
        for s, cands in positions:
            if s >= end:
                break
            if s < pos_min:
                continue
            if len(cands) == 1:  # most positions: one pattern, nothing to compare
                i = cands[0]
                mm = match[i](view, s, end)
                if mm is not None:
                    e = mm.end()
                    if e > s:
                        yield mm, keys[i]
                        pos_min = e
                continue
            best, best_end, best_key = None, s, None
            for i in cands:
                mm = match[i](view, s, end)
                if mm is not None and mm.end() > best_end:
                    best, best_end, best_key = mm, mm.end(), keys[i]
            if best is not None:
                yield best, best_key
                pos_min = best_end


class SentenceIndex:
    """Sentence lookups by offset for one document: a sorted array of sentence starts and a
    bisect, instead of a search per call (the recognisers ask for thousands of offsets)."""

    __slots__ = ("sentences", "starts", "ends")

    def __init__(self, sentences: Sequence) -> None:
        self.sentences = sentences
        self.starts = [s.span.start for s in sentences]
        self.ends = [s.span.end for s in sentences]

    def index(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return i
        return None

    def at(self, offset: int):
        i = self.index(offset)
        return None if i is None else self.sentences[i]

    def bounds(self, offset: int, default_width: int, text_len: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``offset``, else a window around it."""
        i = self.index(offset)
        if i is None:
            return max(0, offset - default_width), min(text_len, offset + default_width)
        return self.starts[i], self.ends[i]


_last_index: list = [None, None]


def sentence_index(doc) -> SentenceIndex:
    """The :class:`SentenceIndex` of ``doc`` (built once per sentence list and reused)."""
    sents = doc.sentences
    if _last_index[0] is sents and len(_last_index[1].starts) == len(sents):
        return _last_index[1]
    idx = SentenceIndex(sents)
    _last_index[0], _last_index[1] = sents, idx
    return idx


#: every KeyedPatterns built; their prefixes together make the one scan all of them share
_registry: list["KeyedPatterns"] = []
#: the shared scan (see _union_scan) and its table, rebuilt when a lexicon registers
_union: list = [None]
#: (view, per-lexicon candidate positions) of the last document scanned: every recogniser
#: scans the same view, so the candidate positions are found once per document
_last_scan: tuple[str, list[list[tuple[int, tuple[int, ...]]]]] = ("", [])


def _register(kp: "KeyedPatterns") -> int:
    global _last_scan
    _registry.append(kp)
    _union[0] = None
    _last_scan = ("", [])
    return len(_registry) - 1


class _UnionScan:
    """The one scan shared by every lexicon, and what each lexicon tries where it matches.

    ``rest`` matches a non-word character and, in a look-ahead, the longest prefix of any
    lexicon that starts right after it: a word start, found without the regex engine being
    started at every letter (its search loop skips the characters that are not ``\\W`` in a
    tight loop; ``\\b(?=...)`` starts a match attempt at every position). ``first`` is the
    same look-ahead at offset 0, which has no character before it. Position 0 and the
    characters after a non-word character are exactly the places where ``(?<!\\w)`` holds,
    and ``\\b`` before a prefix that starts with a word character means the same.

    ``table`` maps that longest prefix to ((lexicon id, its pattern indexes), ...). A
    lexicon's candidates at a position are its patterns whose prefix starts the next ``_K``
    characters; every such prefix is a prefix of the longest one there, so the candidates
    depend on the longest prefix alone and are computed once per prefix, when the scan is
    built (and not per distinct word beginning of the documents).
    """

    __slots__ = ("first", "rest", "table")

    def __init__(self, registry: Sequence["KeyedPatterns"]) -> None:
        prefixes: set[str] = set()
        for kp in registry:
            prefixes.update(kp.by_prefix)
        trie = trie_regex(frozenset(prefixes))
        if any(kp.always for kp in registry):
            # some pattern may start anywhere: every word start is a candidate, with an empty
            # longest prefix where no prefix matches (only the "always" patterns are tried)
            look = r"(?=\w)(?=(" + trie + "|))"
            prefixes.add("")
        else:
            look = "(?=(" + trie + "))"
        self.first = re.compile(look)
        self.rest = re.compile(r"\W" + look)
        self.table: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {
            p: tuple((rid, c) for rid, kp in enumerate(registry) if (c := kp._candidates(p))) for p in prefixes
        }


def _union_scan() -> _UnionScan:
    scan = _union[0]
    if scan is None:
        scan = _union[0] = _UnionScan(_registry)
    return scan


def candidate_positions(view: str) -> list[list[tuple[int, tuple[int, ...]]]]:
    """For each registered lexicon, the (offset, pattern indexes) where one of its prefixes
    begins a word: one regex pass per document for all the lexicons together."""
    global _last_scan
    last = _last_scan
    if last[0] is view and len(last[1]) == len(_registry):
        return last[1]
    # (the lower-cased view that the places, dates and trigger rules search too, made once)
    low = lowered(view)
    if len(low) != len(view):  # a few characters lower-case to two ("İ"): keep offsets valid
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in view)
    out: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in _registry]
    scan = _union_scan()
    table = scan.table
    # the lists' bound append methods, looked up once per document rather than once per
    # word start (the same appends in the same order); m[1] is m.group(1) without the call
    appends = [lst.append for lst in out]
    m0 = scan.first.match(low)
    if m0 is not None:
        for rid, cands in table[m0[1]]:
            appends[rid]((0, cands))
    for m in scan.rest.finditer(low):
        s = m.end()  # the match is the one character before the word
        for rid, cands in table[m[1]]:
            appends[rid]((s, cands))
    _last_scan = (view, out)
    return out
