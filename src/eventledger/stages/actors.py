"""Actor mentions from the alias list in ``lexicons/actors.tsv``.

All aliases are compiled into one case-insensitive alternation (longest alias first), so a
document is scanned once. The stored name is the list's neutral name, never the source's
wording ("rebellious youths" -> "unidentified youths").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..doc import ActorMention, Doc
from ..models import Span
from .lexmatch import KeyedPatterns

__all__ = ["ActorEntry", "find_actors", "actor_entries", "normalise_actor_name", "needs_attribution"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    alias: str
    name: str
    category: str
    per: bool  # the name is the publisher's characterisation: store "(per <publisher>)"


@lru_cache(maxsize=1)
def actor_entries() -> tuple[ActorEntry, ...]:
    text = resources.files("eventledger").joinpath("lexicons/actors.tsv").read_text(encoding="utf-8")
    rows: list[ActorEntry] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("alias\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            raise ValueError(f"lexicons/actors.tsv line {lineno}: expected 4 tab-separated columns")
        alias, name, category, per = cols
        rows.append(ActorEntry(alias, name, category, per.strip() == "per"))
    return tuple(rows)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], tuple[ActorEntry, ...]]:
    """One alternation, for matching a whole phrase (:func:`normalise_actor_name`)."""
    entries = actor_entries()
    order = sorted(range(len(entries)), key=lambda i: -len(entries[i].alias))
    parts = [f"(?P<a{i}>{entries[i].alias})" for i in order]
    pat = re.compile(r"(?<![\w/])(?:" + "|".join(parts) + r")(?![\w/])", re.I)
    return pat, entries


@lru_cache(maxsize=1)
def _keyed() -> KeyedPatterns:
    """Prefix-indexed patterns for scanning documents (see :mod:`.lexmatch`)."""
    return KeyedPatterns([(i, f"(?:{e.alias})(?!/)") for i, e in enumerate(actor_entries())])


@lru_cache(maxsize=1)
def _ascii_aliases() -> bool:
    return all(e.alias.isascii() for e in actor_entries())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, ActorEntry]:
    return {e.name.casefold(): e for e in actor_entries()}


def find_actors(doc: Doc) -> list[ActorMention]:
    entries = actor_entries()
    view = doc.view or doc.text
    out: list[ActorMention] = []
    for s, e_, key in _keyed().finditer(view):
        if s > 0 and view[s - 1] == "/":
            continue
        e = entries[key]  # type: ignore[index]
        role = "actor2" if e.category == "target" else "actor1"
        out.append(ActorMention(Span(s, e_), e.name, e.category, role))
    first = next((a.span.end for a in out if a.name == _UNITS_NAME), None)
    if first is not None and "unit" in view[first:]:
        out = _bare_units(view, first, out)
    return out


_UNITS_NAME = "MEK Resistance Units"
#: "a unit", "the units", ", units in Ahvaz": the Resistance Units a report named before, by their
#: short name (led by an article, a number or a clause start; not "security units", "units of the IRGC")
# (led by the literal, its boundary checked behind it, so the engine skips to each "unit")
_BARE_UNITS = re.compile(r"unit(?<![\w-]unit)s?\b(?!\s+of\b)(?!-)")
_UNITS_LEAD = frozenset({"a", "the", "one", "two", "three", "four", "five", "six", "several", "other", "these", "those",
                         "their", "our"})


def _led_as_units(view: str, at: int) -> bool:
    """The word before is an article or a number, or a clause starts there ("On Sunday, units in ...")."""
    before = view[max(0, at - 12) : at]
    if not before.strip() or before.rstrip(" ")[-1:] in (",", ";", ":", ".", "\n"):
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _UNITS_LEAD


def _bare_units(view: str, first: int, out: list[ActorMention]) -> list[ActorMention]:
    """The short name of the Resistance Units after their full name (see _BARE_UNITS)."""
    taken = [a.span for a in out]
    extra = [ActorMention(Span(m.start(), m.end()), _UNITS_NAME, "opposition", "actor1")
             for m in _BARE_UNITS.finditer(view, first)
             if not any(sp.start <= m.start() < sp.end for sp in taken) and _led_as_units(view, m.start())]
    return sorted(out + extra, key=lambda a: a.span.start) if extra else out


def normalise_actor_name(text: str, categories: tuple[str, ...] | None = None) -> str | None:
    """The list's name when the whole of ``text`` is one alias (``"Amnesty"`` -> ``"Amnesty International"``),
    optionally only for actors of the given categories."""
    phrase = " ".join(text.split())
    # most source phrases begin with no alias's literal prefix: the prefix index of the
    # document scan rules them out without trying the alternation of every alias. Only for
    # ASCII phrases and aliases: there re.I matching is lower-casing, which the index assumes.
    if phrase.isascii() and _ascii_aliases() and not _keyed().may_match_at_start(phrase):
        return None
    pat, entries = _compiled()
    m = pat.fullmatch(phrase)
    if m is None:
        return None
    e = entries[int(m.lastgroup[1:])]  # type: ignore[index]
    if categories is not None and e.category not in categories:
        return None
    return e.name


def needs_attribution(name: str) -> bool:
    e = _by_name().get(name.casefold())
    return bool(e and e.per)
