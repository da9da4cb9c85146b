"""Cross-document deduplication: the same event told by several documents becomes one event.

A pure function over per-document extracted events (``Member``); the store calls it for
every dedupe key a batch touches, always with *all* members of that key whose dates
overlap (transitively) those of the members the batch adds or removes (:func:`in_reach`)
— so the result depends only on the set of documents stored, never on the order in
which they arrived (ingest A then B == B then A).

Rules (decided here, documented for the lead and the README):

* **Key.** Two events can merge only if they share ``sub_event_type``, the canonical
  place (``country``, ``admin1``, ``canonical``) and the *time tile*: the calendar month
  of the midpoint of their date range (``YYYY-MM``). Events without a canonical place or
  without resolved dates never merge (they get a key of their own): we cannot tell that
  they are the same event.

  Why the tile (a performance decision, issue 7): greedy clustering cascades through
  every member whose dates overlap, transitively, so without a tile adding one event
  could re-cluster a key's whole history (a year-long "this year" range overlaps
  everything), and the store had to re-read ever more of the database per document as
  the corpus grew. With the tile a key's members are one bounded group: the store
  re-reads exactly the groups a batch touches, whatever the corpus size. The cost: two
  reports of one event whose ranges have midpoints in different months stay separate
  (e.g. "on 1 April" and "in the week to 3 April" starting 27 March). The midpoint
  (rather than the start) halves that loss for short ranges, and two vague reports that
  give the same range ("earlier this year") still share a tile. Order independence is
  unaffected: the tile is a function of one event alone.
* **Cluster.** Members are visited in ``(doc_id, local_id)`` order; each joins the first
  cluster it is compatible with, otherwise starts a new one. Compatible = the dates
  overlap *every* member's dates (on intervals, pairwise overlap means a common
  intersection exists), actors are compatible (None / "unknown…" / "unidentified…"
  matches anything; otherwise equal after normalisation — case, whitespace, a leading
  "the", the "(per X)" attribution suffix), and the cluster has no member from the same
  document (the extractor already decided that two events of one report are distinct).
* **Merged values.** The representative is the member with the smallest
  ``(doc_id, local_id)``: it gives ``doc_id``, the types, the location and the id
  (``ev-`` + sha256 of its key, so the id is stable while that member exists). Dates are
  the *intersection* of the members' ranges (the most specific reading all sources
  allow); its precision is that of a member whose range equals it, otherwise ``day`` or
  ``range``. Tactics: sorted union. Slogans, notes: union in member order. Actors: the
  first known one in member order. Count: the representative's, else the first member's
  that has one; differing counts are listed in ``notes``. ``reported_by``,
  ``attributed_to``, ``stance``: distinct values, sorted, joined.
* **Corroboration** = number of distinct publishers (the event's ``reported_by``, else the
  report's publisher; case- and accent-folded); a document with no
  publisher counts as an independent source of its own (by document id) — we cannot
  show it is a copy of another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .models import Event
from .textutil import fold_name

__all__ = ["Member", "Merged", "dedupe_key", "time_tile", "merge_members", "cluster_members", "build_merged",
           "normalize_actor", "merged_event_id", "is_singleton_key", "in_reach"]

_SINGLETON_PREFIX = "~"


class Member:
    """One event as one document's extraction produced it.

    Clustering reads only ``key``, ``start``, ``end`` and the normalised actors; the full
    ``event`` is needed only to build a merged row, so a store may pass a ``loader``
    (e.g. parsing stored JSON) instead of the Event and pay for it only when needed.
    Treat instances as immutable values."""

    __slots__ = ("doc_id", "local_id", "publisher", "stance", "key", "start", "end",
                 "actor1", "actor2", "_event", "_loader")

    def __init__(self, doc_id: str, local_id: str, event: Event | None = None,
                 publisher: str | None = None, stance: str | None = None, *,
                 key: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
                 actor1: str | None = None, actor2: str | None = None,
                 loader: Callable[[], Event] | None = None):
        self.doc_id, self.local_id, self.publisher, self.stance = doc_id, local_id, publisher, stance
        self._event, self._loader = event, loader
        if event is not None:
            key = dedupe_key(doc_id, event)
            start, end = event.date.start, event.date.end
            actor1, actor2 = normalize_actor(event.actor1), normalize_actor(event.actor2)
        elif loader is None or key is None:
            raise ValueError("a Member needs an event, or a loader with its key")
        self.key: str = key  # type: ignore[assignment]
        self.start, self.end, self.actor1, self.actor2 = start, end, actor1, actor2

    @property
    def event(self) -> Event:
        if self._event is None:
            self._event = self._loader()  # type: ignore[misc]
        return self._event

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.doc_id, self.local_id)

    def _values(self) -> tuple:
        return (self.doc_id, self.local_id, self.publisher, self.stance, self.key, self.start,
                self.end, self.actor1, self.actor2)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Member) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Member({self.doc_id!r}, {self.local_id!r}, key={self.key!r})"


@dataclass(frozen=True, slots=True)
class Merged:
    """One merged event: ``row`` has the ``events`` table's columns (values in Python
    types: dates as ``date``, lists as lists); ``links`` are ``(doc_id, local_id)`` pairs."""

    id: str
    row: dict[str, Any]
    members: tuple[Member, ...]

    @property
    def links(self) -> list[tuple[str, str]]:
        return [(m.doc_id, m.local_id) for m in self.members]

    @property
    def evidence(self) -> tuple[dict[str, Any], ...]:
        """The distinct evidence spans of all members, as dicts with ``doc_id, start, end,
        role``, sorted. Computed on demand: the SQL store reads spans from the members it
        links (eventledger.store.evidence) and never asks."""
        spans = sorted({(m.doc_id, e.span.start, e.span.end, e.role) for m in self.members for e in m.event.evidence})
        return tuple({"doc_id": d, "start": s, "end": e, "role": r} for d, s, e, r in spans)


def dedupe_key(doc_id: str, event: Event) -> str:
    """The key that decides which events may merge; unique for unmergeable events."""
    loc = event.location
    if not loc.canonical or event.date.start is None or event.date.end is None:
        return f"{_SINGLETON_PREFIX}{doc_id}\x1f{event.id}"
    return "\x1f".join((event.sub_event_type, loc.country or "", loc.admin1 or "", loc.canonical,
                        time_tile(event.date.start, event.date.end)))


def time_tile(start: dt.date, end: dt.date) -> str:
    """The month (``YYYY-MM``) of the midpoint of ``start..end`` (see the module doc)."""
    mid = dt.date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    return f"{mid.year:04d}-{mid.month:02d}"


def is_singleton_key(key: str) -> bool:
    return key.startswith(_SINGLETON_PREFIX)


@lru_cache(maxsize=65536)
def merged_event_id(doc_id: str, local_id: str) -> str:
    digest = hashlib.sha256(f"{doc_id}\x1f{local_id}".encode("utf-8")).hexdigest()
    return "ev-" + digest[:24]


_PER_SUFFIX = re.compile(r"\s*\((?:per|according to)\b[^)]*\)\s*$", re.IGNORECASE)
_UNKNOWN = re.compile(r"^(?:unknown|unidentified|unnamed|none|n/?a)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def normalize_actor(actor: str | None) -> str | None:
    """Comparable form of an actor name; None for unknown actors."""
    if actor is None:
        return None
    text = _PER_SUFFIX.sub("", actor)
    text = " ".join(text.casefold().split())
    if text.startswith("the "):
        text = text[4:]
    if not text or _UNKNOWN.match(text):
        return None
    return text


def _publisher_identity(m: Member) -> str:
    # the extractor's reported_by is the canonical publisher name (aliases resolved)
    pub = m.event.reported_by or m.publisher
    if pub and pub.strip():
        return "pub:" + fold_name(pub)
    return "doc:" + m.doc_id


class _Cluster:
    __slots__ = ("members", "docs", "start", "end", "actor1", "actor2")

    def __init__(self, m: Member):
        self.members = [m]
        self.docs = {m.doc_id}
        self.start: dt.date = m.start  # type: ignore[assignment]
        self.end: dt.date = m.end  # type: ignore[assignment]
        self.actor1 = m.actor1
        self.actor2 = m.actor2

    def accepts(self, m: Member) -> bool:
        if m.doc_id in self.docs:
            return False
        if not (m.start <= self.end and self.start <= m.end):  # type: ignore[operator]
            return False
        if not _comparable_spans(self.start, self.end, m.start, m.end):  # type: ignore[arg-type]
            return False
        for mine, other in ((self.actor1, m.actor1), (self.actor2, m.actor2)):
            if mine is not None and other is not None and mine != other:
                return False
        return True

    def add(self, m: Member) -> None:
        self.members.append(m)
        self.docs.add(m.doc_id)
        self.start = max(self.start, m.start)  # type: ignore[type-var]
        self.end = min(self.end, m.end)  # type: ignore[type-var]
        self.actor1 = self.actor1 or m.actor1
        self.actor2 = self.actor2 or m.actor2


#: a range this many times longer than another's (and longer than two weeks) is a period's
#: total, not the same act: "14 arrested in Sanandaj in November" and "three arrested in Sanandaj
#: on November 5" stay two events (merged, the month would shrink to the day)
_SPAN_RATIO = 10
_SPAN_WIDE = 14


def _comparable_spans(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> bool:
    la, lb = (a1 - a0).days + 1, (b1 - b0).days + 1
    longer, shorter = max(la, lb), min(la, lb)
    return longer <= _SPAN_WIDE or longer <= _SPAN_RATIO * shorter


#: ranges longer than this are not indexed by day (checked against every cluster instead)
_WIDE_DAYS = 62


def _cluster_group(group: list[Member]) -> list[list[Member]]:
    """Greedy clustering of one key's members (sorted): each joins the first compatible
    cluster in creation order. A day index only skips clusters that cannot overlap —
    the result is exactly that of scanning every cluster."""
    clusters: list[_Cluster] = []
    by_day: dict[int, list[int]] = {}
    wide: list[int] = []
    for m in group:
        lo, hi = m.start.toordinal(), m.end.toordinal()  # type: ignore[union-attr]
        if hi - lo > _WIDE_DAYS:
            candidates: Iterable[int] = range(len(clusters))
        else:
            found = set(wide)
            for day in range(lo, hi + 1):
                found.update(by_day.get(day, ()))
            candidates = sorted(found)
        for i in candidates:
            if clusters[i].accepts(m):
                clusters[i].add(m)
                break
        else:
            index = len(clusters)
            clusters.append(_Cluster(m))
            if hi - lo > _WIDE_DAYS:
                wide.append(index)
            else:  # a cluster's dates only shrink: its creator's days cover it for good
                for day in range(lo, hi + 1):
                    by_day.setdefault(day, []).append(index)
    return [c.members for c in clusters]


def cluster_members(members: Iterable[Member]) -> list[list[Member]]:
    """The clusters (each sorted by ``(doc_id, local_id)``; its first member is the
    representative), without building merged rows — for callers that skip clusters
    they already have."""
    by_key: dict[str, list[Member]] = {}
    for m in members:
        by_key.setdefault(m.key, []).append(m)
    out: list[list[Member]] = []
    for key, group in by_key.items():
        group.sort(key=lambda m: m.sort_key)
        if is_singleton_key(key) or len(group) == 1:
            out.extend([m] for m in group)
        else:
            out.extend(_cluster_group(group))
    return out


def in_reach(stored: Sequence[tuple[str, dt.date, dt.date]],
             seeds: Iterable[tuple[str, dt.date, dt.date]]) -> list[int]:
    """The positions (ascending) of the ``stored`` ``(key, start, end)`` members that lie in
    a date-overlap component of their key that contains a seed — the members whose
    clusters can change when members with the seeds' ranges are added or removed.

    Why re-clustering only these gives exactly the clusters of re-clustering the whole key:
    join two members of a key when their ranges overlap; the connected components of that
    graph are maximal runs of ranges, sorted by start, where each start is at most the
    largest end so far (the sweep below). A cluster's members overlap pairwise, so every
    cluster lies in one component; and a member never joins a cluster of another
    component (their ranges, hence the cluster's intersection, miss its range), so the
    greedy visit of :func:`cluster_members` makes inside a component exactly the choices it
    would make with the component alone. Clustering is therefore per component. Adding the
    seeds' ranges (new members and removed ones) as members can only join components, so
    each seeded component of stored ∪ seeds is a union of whole components both before
    and after the change: re-clustering its members (and the new ones) gives exactly their
    clusters under full re-clustering, and every cluster outside it — its component gained
    and lost nothing — is the one already stored. Tested against full re-clustering on
    random members (tests/test_dedupe.py)."""
    by_key: dict[str, list[tuple[dt.date, dt.date, int]]] = {}
    for key, start, end in seeds:
        by_key.setdefault(key, []).append((start, end, -1))
    for i, (key, start, end) in enumerate(stored):
        ranges = by_key.get(key)
        if ranges is not None:  # a key without a seed has nothing in reach
            ranges.append((start, end, i))
    out: list[int] = []
    for ranges in by_key.values():
        ranges.sort(key=lambda r: r[0])
        component: list[int] = []
        seeded = False
        reach_end = ranges[0][1]
        for start, end, i in ranges:
            if start > reach_end:  # a gap: the component so far is complete
                if seeded:
                    out.extend(component)
                component, seeded = [], False
                reach_end = end
            elif end > reach_end:
                reach_end = end
            if i < 0:
                seeded = True
            else:
                component.append(i)
        if seeded:
            out.extend(component)
    out.sort()
    return out


def build_merged(cluster: Sequence[Member]) -> Merged:
    """The merged event of one cluster (as returned by :func:`cluster_members`)."""
    return _build(cluster)


def merge_members(members: Iterable[Member]) -> list[Merged]:
    """Cluster members and build one merged event per cluster (sorted by id).

    Members with different keys never merge, so a caller may pass several keys at once.
    """
    merged = [_build(c) for c in cluster_members(members)]
    merged.sort(key=lambda x: x.id)
    return merged


def _distinct(values: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def _dates(members: Sequence[Member]) -> tuple[dt.date | None, dt.date | None, str, float]:
    first = members[0].event.date
    if len(members) == 1 or first.start is None:
        return first.start, first.end, first.precision, first.confidence
    start = max(m.event.date.start for m in members)  # type: ignore[type-var]
    end = min(m.event.date.end for m in members)  # type: ignore[type-var]
    exact = [m.event.date for m in members if (m.event.date.start, m.event.date.end) == (start, end)]
    if exact:
        return start, end, exact[0].precision, max(d.confidence for d in exact)
    precision = "day" if start == end else "range"
    return start, end, precision, min(m.event.date.confidence for m in members)


def _build_single(m: Member) -> Merged:
    """_build for a one-member cluster, without the merging work (the common case)."""
    ev, loc, date, count = m.event, m.event.location, m.event.date, m.event.count
    event_id = merged_event_id(m.doc_id, m.local_id)
    row: dict[str, Any] = {
        "id": event_id, "doc_id": m.doc_id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "date_start": date.start, "date_end": date.end, "date_precision": date.precision,
        "date_confidence": date.confidence, "location_name": loc.name, "canonical": loc.canonical,
        "admin1": loc.admin1, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
        "geo_precision": loc.precision, "tactics": sorted(set(ev.tactics)), "actor1": ev.actor1,
        "actor2": ev.actor2, "count_kind": count.kind if count else None,
        "count_value": count.value if count else None, "count_qualifier": count.qualifier if count else None,
        "count_qualifier_text": count.qualifier_text if count else None,
        "slogans": list(dict.fromkeys(s for s in ev.slogans if s)),
        "reported_by": ev.reported_by or m.publisher or None, "attributed_to": ev.attributed_to or None,
        "stance": m.stance or None, "confidence": ev.confidence, "corroboration": 1, "status": "machine",
        "merged_into": None, "notes": list(dict.fromkeys(n for n in ev.notes if n)),
    }
    return Merged(event_id, row, (m,))


def _build(members: Sequence[Member]) -> Merged:
    if len(members) == 1:
        return _build_single(members[0])
    rep = members[0]
    ev = rep.event
    loc = ev.location
    start, end, precision, date_conf = _dates(members)
    counts = [(m, m.event.count) for m in members if m.event.count is not None]
    count = ev.count if ev.count is not None else (counts[0][1] if counts else None)
    notes = _distinct(n for m in members for n in m.event.notes)
    distinct_counts = _distinct(
        f"{c.kind} {c.value if c.value is not None else c.qualifier_text} ({c.qualifier})" for _, c in counts)
    if len(distinct_counts) > 1:
        notes.append("counts differ between documents: " + "; ".join(
            f"{m.doc_id}: {c.kind} {c.value if c.value is not None else c.qualifier_text}" for m, c in counts))
    publishers = {_publisher_identity(m) for m in members}
    event_id = merged_event_id(rep.doc_id, rep.local_id)
    row: dict[str, Any] = {
        "id": event_id,
        "doc_id": rep.doc_id,
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_confidence": date_conf,
        "location_name": loc.name,
        "canonical": loc.canonical,
        "admin1": loc.admin1,
        "country": loc.country,
        "lat": loc.lat,
        "lon": loc.lon,
        "geo_precision": loc.precision,
        "tactics": sorted({t for m in members for t in m.event.tactics}),
        "actor1": next((m.event.actor1 for m in members if m.actor1), ev.actor1),
        "actor2": next((m.event.actor2 for m in members if m.actor2), ev.actor2),
        "count_kind": count.kind if count else None,
        "count_value": count.value if count else None,
        "count_qualifier": count.qualifier if count else None,
        "count_qualifier_text": count.qualifier_text if count else None,
        "slogans": _distinct(s for m in members for s in m.event.slogans),
        "reported_by": "; ".join(sorted(set(_distinct(m.event.reported_by or m.publisher for m in members)))) or None,
        "attributed_to": "; ".join(sorted(set(_distinct(m.event.attributed_to for m in members)))) or None,
        "stance": ",".join(sorted(set(_distinct(m.stance for m in members)))) or None,
        "confidence": max(m.event.confidence for m in members),
        "corroboration": len(publishers),
        "status": "machine",
        "merged_into": None,
        "notes": notes,
    }
    return Merged(id=event_id, row=row, members=tuple(members))
