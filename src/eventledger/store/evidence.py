"""Evidence spans of merged events, read from the per-document extractions they link to.

A merged event's evidence is the union of the evidence of its members: the per-document
events (``doc_events.data``, the JSON of :func:`eventledger.store.rows.event_to_json`) that
``event_documents`` links to it. Nothing else stores spans (migration 4 dropped the
``evidence`` table, which held a copy of exactly this union: about 60 rows and three
B-tree inserts per document on every write, a tenth of the store's time). Spans therefore
follow the links: a reviewer's merge or split moves a document's evidence with its link.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, select

from .migrations import doc_events
from .schema import event_documents
from .sql_io import chunks

__all__ = ["spans_from_event_json", "event_spans"]

#: position of the evidence list in the per-document event JSON (see rows.event_to_json)
_EVIDENCE_AT = 12


def spans_from_event_json(data: str) -> list[tuple[int, int, str]]:
    """``(start, end, role)`` of every evidence span of one stored per-document event."""
    return [(int(s), int(e), role) for _, s, e, role in json.loads(data)[_EVIDENCE_AT]]


def event_spans(conn: Connection, event_ids: Sequence[str],
                doc_ids: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Evidence of each merged event as rows ``{doc_id, start, end, role}`` — distinct,
    sorted by ``(doc_id, start, end, role)`` — optionally only from ``doc_ids``."""
    ed, de = event_documents.c, doc_events.c
    wanted = set(doc_ids) if doc_ids is not None else None
    found: dict[str, set[tuple[str, int, int, str]]] = {}
    for chunk in chunks(list(event_ids)):
        query = (select(ed.event_id, ed.doc_id, de.data)
                 .join_from(event_documents, doc_events, and_(de.doc_id == ed.doc_id, de.local_id == ed.local_id))
                 .where(ed.event_id.in_(chunk)))
        for event_id, doc_id, data in conn.execute(query):
            if wanted is not None and doc_id not in wanted:
                continue
            spans = found.setdefault(event_id, set())
            spans.update((doc_id, s, e, role) for s, e, role in spans_from_event_json(data))
    return {eid: [{"doc_id": d, "start": s, "end": e, "role": r} for d, s, e, r in sorted(spans)]
            for eid, spans in found.items()}
