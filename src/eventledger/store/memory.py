"""An in-memory Store for tests: the same behaviour as the SQL store (same dedupe, same
row conversions, same export dicts), no database. Not for production data."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..dedupe import Member, dedupe_key, merge_members
from ..doc import Doc
from ..errors import StoreError
from ..textutil import fold_name
from . import rows as R
from .base import HIDDEN_STATUSES
from .migrations import load_publishers
from .reports import review_carry_over, side_by_side, summary_dict

__all__ = ["MemoryStore"]

_FILTERS = {"event_type", "sub_event_type", "country", "admin1", "canonical", "doc_id",
            "date_from", "date_to", "status", "include_hidden"}


class MemoryStore:
    dialect = "memory"

    def __init__(self, publishers: dict[str, str] | None = None):
        self.publishers = {fold_name(k): v for k, v in (publishers if publishers is not None
                                                          else load_publishers()).items()}
        self.documents: dict[str, dict[str, Any]] = {}
        self.place_mentions: dict[str, list[dict[str, Any]]] = {}
        self.claims: dict[str, list[dict[str, Any]]] = {}
        self.members: dict[tuple[str, str], tuple[str, Member]] = {}  # (doc, local) -> key, member
        self.by_key: dict[str, set[tuple[str, str]]] = {}
        self.member_event: dict[tuple[str, str], str] = {}
        self.events: dict[str, dict[str, Any]] = {}  # database form (JSON text lists)
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.evidence: dict[str, list[dict[str, Any]]] = {}
        self.overrides: dict[tuple[str, str], tuple[str, dt.datetime]] = {}

    def close(self) -> None:
        pass

    def document_hash(self, doc_id: str) -> str | None:
        row = self.documents.get(doc_id)
        return row["content_hash"] if row else None

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.documents.get(doc_id)
        if row is None:
            return None
        out = dict(row)
        for key in ("published", "anchor_date", "ingested_at"):
            out[key] = out[key].isoformat() if out[key] else None
        return out

    def _stance(self, publisher: str | None) -> str | None:
        return self.publishers.get(fold_name(publisher), "unknown") if publisher else None

    def save_docs(self, docs: Sequence[Doc], *, force: bool = False) -> list[str]:
        unique: dict[str, Doc] = {}
        for d in docs:
            unique[d.id] = d
        changed = [d for d in unique.values()
                   if force or self.document_hash(d.id) != d.report.content_hash]
        now = dt.datetime.now(dt.timezone.utc)
        affected: set[str] = set()
        stale: set[str] = set()
        for d in changed:
            for mk in [mk for mk in self.members if mk[0] == d.id]:
                key, _ = self.members.pop(mk)
                self.by_key[key].discard(mk)
                affected.add(key)
                stale.add(self.member_event.pop(mk))
            self.documents[d.id] = R.document_row(d, now)
            self.place_mentions[d.id] = R.place_mention_rows(d)
            stance = self._stance(d.report.publisher)
            self.claims[d.id] = R.claim_rows(d, stance)
            for ev, local in zip(d.events, R.local_ids(d.events)):
                key = dedupe_key(d.id, ev)
                self.members[(d.id, local)] = (key, Member(d.id, local, ev, d.report.publisher, stance))
                self.by_key.setdefault(key, set()).add((d.id, local))
                affected.add(key)
        group: list[Member] = []
        old_members: dict[str, set[tuple[str, str]]] = {}
        for key in affected:
            for mk in self.by_key.get(key, ()):
                group.append(self.members[mk][1])
                if mk in self.member_event:
                    stale.add(self.member_event[mk])
                    old_members.setdefault(self.member_event[mk], set()).add(mk)
        merged = merge_members(group)
        carry = review_carry_over(merged, old_members, set())
        kept = {i: (self.events[i]["status"], self.events[i]["merged_into"])
                for i in stale | {m.id for m in merged}
                if i in self.events and self.events[i]["status"] != "machine"}
        for new_id, old_id in sorted(carry.items()):
            if old_id in kept and new_id not in kept:
                kept[new_id] = kept[old_id]
            for (e, f), v in list(self.overrides.items()):
                if e == old_id:
                    self.overrides[(new_id, f)] = self.overrides.pop((e, f))
        for i in stale | {m.id for m in merged}:
            self.events.pop(i, None)
            self.links.pop(i, None)
            self.evidence.pop(i, None)
        for m in merged:
            row = R.db_event_row(m.row)
            if m.id in kept:
                row["status"], row["merged_into"] = kept[m.id]
            self.events[m.id] = row
            self.links[m.id] = m.links
            self.evidence[m.id] = [dict(e) for e in m.evidence]
            for link in m.links:
                self.member_event[link] = m.id
            self._apply_overrides(m.id)
        written = {d.id for d in changed}
        return [d.id for d in unique.values() if d.id in written]

    def set_publishers(self, stances: dict[str, str]) -> None:
        self.publishers.update({fold_name(k): v for k, v in stances.items()})

    def _apply_overrides(self, event_id: str) -> None:
        row = self.events.get(event_id)
        if row is None:
            return
        found = sorted(((at, f, v) for (e, f), (v, at) in self.overrides.items() if e == event_id))
        for _, field, value in found:
            row.update(R.apply_override(field, value))

    def set_status(self, event_id: str, status: str, merged_into: str | None = None) -> None:
        if event_id in self.events:
            self.events[event_id].update(status=status, merged_into=merged_into)

    def set_override(self, event_id: str, field: str, value: Any, user: str) -> None:
        if not R.override_columns(field) and field not in ("location", "count"):
            raise StoreError(f"field {field!r} cannot be overridden")
        self.overrides[(event_id, field)] = (json.dumps(value, ensure_ascii=False, default=str),
                                             dt.datetime.now(dt.timezone.utc))
        self._apply_overrides(event_id)

    def _matches(self, row: dict[str, Any], f: dict[str, Any]) -> bool:
        for name in ("event_type", "sub_event_type", "country", "admin1", "canonical"):
            if f.get(name) is not None and row[name] != f[name]:
                return False
        if f.get("status") is not None:
            if row["status"] != f["status"]:
                return False
        elif not f.get("include_hidden") and row["status"] in HIDDEN_STATUSES:
            return False
        if f.get("doc_id") is not None and f["doc_id"] not in {d for d, _ in self.links[row["id"]]}:
            return False
        if f.get("date_from") is not None and (row["date_end"] is None or row["date_end"] < R.to_date(f["date_from"])):
            return False
        if f.get("date_to") is not None and (row["date_start"] is None or row["date_start"] > R.to_date(f["date_to"])):
            return False
        return True

    def _rows(self, filters: dict[str, Any]) -> list[dict[str, Any]]:
        unknown = set(filters) - _FILTERS
        if unknown:
            raise StoreError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        rows = [r for r in self.events.values() if self._matches(r, filters)]
        rows.sort(key=lambda r: (r["date_start"] is None, r["date_start"] or dt.date.min, r["id"]))
        return rows

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        for row in self._rows(filters):
            yield R.event_dict_from_rows(row, [d for d, _ in self.links[row["id"]]], self.evidence[row["id"]])

    def count_events(self, **filters: Any) -> int:
        return len(self._rows(filters))

    def iter_claims(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        rows = [r for rs in self.claims.values() for r in rs if kind is None or r["kind"] == kind]
        rows.sort(key=lambda r: (r["doc_id"], r["start"], r["id"]))
        for r in rows:
            refs = json.loads(r["event_ids"] or "[]")
            yield R.claim_dict_from_row(r, {self.member_event.get((r["doc_id"], x), x) for x in refs})

    def claims_side_by_side(self, kind: str) -> list[dict[str, Any]]:
        return side_by_side(self.iter_claims(kind), kind)

    def summary(self) -> dict[str, Any]:
        visible = [r for r in self.events.values() if r["status"] not in HIDDEN_STATUSES]
        by_type: dict[tuple[str, str], int] = {}
        places: dict[tuple[str, str | None], int] = {}
        for r in visible:
            by_type[(r["event_type"], r["sub_event_type"])] = by_type.get((r["event_type"], r["sub_event_type"]), 0) + 1
            if r["canonical"] is not None:
                places[(r["canonical"], r["country"])] = places.get((r["canonical"], r["country"]), 0) + 1
        starts = [r["date_start"] for r in visible if r["date_start"]]
        ends = [r["date_end"] for r in visible if r["date_end"]]
        return summary_dict(len(self.documents), sum(len(v) for v in self.claims.values()),
                            [(t, s, n) for (t, s), n in by_type.items()],
                            [(p, c, n) for (p, c), n in places.items()],
                            min(starts) if starts else None, max(ends) if ends else None)

    def backup(self, out_path: str | Path) -> None:
        raise StoreError("the in-memory store cannot be backed up")

    def check(self) -> list[str]:
        problems = []
        for eid, spans in self.evidence.items():
            for e in spans:
                doc = self.documents.get(e["doc_id"])
                if doc is None:
                    problems.append(f"evidence of {eid} points to missing document {e['doc_id']}")
                elif e["end"] > len(doc["text"]):
                    problems.append(f"evidence of {eid} outside document {e['doc_id']}")
        return problems
