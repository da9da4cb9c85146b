"""Fast matching of many lexicon regexes: try a pattern only where its literal prefix occurs.

One alternation of a hundred patterns makes Python's backtracking ``re`` try every branch at
every word boundary (tens of milliseconds per page). Here each pattern's possible literal
prefixes (up to six characters, lower case) are computed once from its parsed form; a
document is scanned word by word and a pattern is tried (``pattern.match(view, pos)``) only
where the text starts with one of its prefixes. Hand-written because no maintained library
does prefix-indexed regex sets for Python's ``re`` (pyahocorasick indexes literal strings
only; our lexicon entries are regexes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser as _P  # type: ignore[attr-defined]

__all__ = ["KeyedPatterns", "literal_prefixes"]

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
        self.by_prefix: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, p) in enumerate(entries):
            prefixes = literal_prefixes(p)
            if prefixes is None:
                self.always.append(i)
                continue
            for pre in prefixes:
                self.by_prefix.setdefault(pre, []).append(i)
        self.memo: dict[str, tuple[int, ...]] = {}
        # candidate positions: a word start followed by one of the prefixes (on lower-cased text)
        if self.always:
            self.starts = re.compile(r"(?<!\w)(?=\w)")
        else:
            self.starts = re.compile(r"(?<!\w)(?=" + trie_regex(frozenset(self.by_prefix)) + ")")

    def _candidates(self, key: str) -> tuple[int, ...]:
        """Patterns whose prefix starts ``key`` (the next ``_K`` lower-case characters)."""
        out = list(self.always)
        for n in range(len(key), 0, -1):
            out.extend(self.by_prefix.get(key[:n], ()))
        return tuple(sorted(set(out)))

    def finditer(self, view: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, object]]:
        end = len(view) if end is None else end
        lowered = view.lower()
        by_prefix = self.by_prefix
        memo = self.memo
        compiled = self.compiled
        pos_min = start
        for m in self.starts.finditer(lowered, start, end):
            s = m.start()
            if s < pos_min:
                continue
            key = lowered[s : s + _K]
            cands = memo.get(key)
            if cands is None:
                cands = memo[key] = self._candidates(key)
            if not cands:
                continue
            best_end, best_key = -1, None
            for i in cands:
                mm = compiled[i].match(view, s, end)
                if mm is not None and mm.end() > best_end and mm.end() > s:
                    best_end, best_key = mm.end(), self.keys[i]
            if best_end > s:
                yield s, best_end, best_key
                pos_min = best_end
