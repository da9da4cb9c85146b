"""Pure computations over store contents, shared by the SQL store and the in-memory fake
so both give the same answers: the summary dict, claims of one kind side by side, and
which reviewed event a recomputed merged event inherits its review from. Nothing here
touches a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import rows as R

__all__ = ["review_carry_over", "side_by_side", "summary_dict"]

def review_carry_over(fresh: Sequence[Any], old_members: dict[str, set[tuple[str, str]]],
                      unchanged: set[str]) -> dict[str, str]:
    """New merged id -> the old id whose review (status, overrides) it inherits.

    A merged id is the hash of the cluster's smallest member, so a newly arrived document
    with a smaller id renames an event. When every surviving member of an old event now
    sits in one new cluster, that cluster inherits the old event's review (the smallest
    such old id when several qualify)."""
    persisting = set(unchanged) | {m.id for m in fresh}
    old_of = {mk: e for e, members in old_members.items() for mk in members}
    carry: dict[str, str] = {}
    for m in fresh:
        if m.id in old_members:
            continue  # the id persists: it keeps its own review
        links = set(m.links)
        candidates = sorted({e for e in (old_of.get(mk) for mk in links)
                             if e is not None and e not in persisting and old_members[e] <= links})
        if candidates:
            carry[m.id] = candidates[0]
    return carry


def side_by_side(claim_dicts: Iterable[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Group claims of one kind by (place, period): the numbers different sources give."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in claim_dicts:
        if c["kind"] != kind:
            continue
        groups.setdefault((c["place"] or "", c["period"] or ""), []).append(c)
    out = []
    for (place, period), items in sorted(groups.items()):
        items.sort(key=lambda c: (c["reported_by"] or "", c["attributed_to"] or "", c["doc"], c["span"]))
        sources = {(c["attributed_to"] or c["reported_by"] or c["doc"]) for c in items}
        out.append({"kind": kind, "place": place or None, "period": period or None,
                    "sources": len(sources), "claims": [
                        {k: c[k] for k in ("value", "qualifier", "qualifier_text", "attributed_to",
                                           "reported_by", "stance", "said_on", "doc", "span", "text")}
                        for c in items]})
    return out


def summary_dict(n_docs: int, n_claims: int, by_type: Iterable[Any], places: Iterable[Any],
                 lo: Any, hi: Any) -> dict[str, Any]:
    types = {f"{t}/{s}": n for t, s, n in sorted(by_type, key=lambda r: (r[0], r[1]))}
    top = sorted(places, key=lambda r: (-r[2], r[0], r[1] or ""))[:10]
    return {
        "documents": n_docs,
        "events": sum(types.values()),
        "claims": n_claims,
        "events_by_type": types,
        "top_places": [{"place": p, "country": c, "events": n} for p, c, n in top],
        "date_span": [R.to_date(lo).isoformat() if lo else None, R.to_date(hi).isoformat() if hi else None],
    }
