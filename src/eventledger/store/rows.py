"""Conversions between model objects, database rows and the codebook export dict.

Shared by the SQL store, the in-memory fake and the web app, so that every path gives
byte-identical exports. Rows are plain mappings keyed by the column names of
:mod:`eventledger.store.schema` (plus ``doc_events`` from the migrations); list-valued
columns (``tactics``, ``slogans``, ``notes``, ``event_ids``) hold JSON text in the
database and may be given either as JSON text or as Python lists here.

For the web app: ``event_dict_from_rows(event_row, documents, evidence_rows)`` turns one
``events`` row, the ``doc_id`` values of its ``event_documents`` rows and its
``evidence`` rows into the export dict (the JSONL line).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..doc import Doc
from ..models import Count, DateRange, Event, Evidence, Location, Span

__all__ = [
    "EVENT_LIST_COLUMNS",
    "event_dict_from_rows",
    "claim_dict_from_row",
    "event_to_json",
    "event_from_json",
    "document_row",
    "place_mention_rows",
    "claim_rows",
    "claim_row_id",
    "local_ids",
    "override_columns",
    "apply_override",
    "to_date",
    "db_event_row",
    "iso_date",
]

#: events columns stored as JSON text
EVENT_LIST_COLUMNS = ("tactics", "slogans", "notes")


def to_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


#: date -> its ISO text. ``date.isoformat`` formats through ``PyUnicode_FromFormat`` (about
#: 2,000 instructions a call, counted with callgrind); the SQL store writes about 75 dates per
#: document (each event's JSON and its rows), of few distinct values
_ISO: dict[dt.date, str] = {}


def iso_date(d: dt.date) -> str:
    """``d.isoformat()``, remembered for plain dates (anything else is formatted each time)."""
    if d.__class__ is not dt.date:
        return d.isoformat()
    s = _ISO.get(d)
    if s is None:
        if len(_ISO) >= 100_000:  # bounded: a corpus's dates are few, but not by contract
            _ISO.clear()
        s = _ISO[d] = d.isoformat()
    return s


def _iso(value: Any) -> str | None:
    d = to_date(value)
    return d.isoformat() if d else None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return list(json.loads(value)) if value else []
    return list(value)


#: one encoder reused: json.dumps with non-default options builds a new encoder per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _c_encoder() -> Any:
    """The C encoder that ``_ENCODER.encode`` builds on every call (``JSONEncoder.iterencode``
    with ``_one_shot``), built once: the set-up (a markers dict, a closure, the C object) was
    about half of the encoding time of the short lists stored here (≈ 22 per document).
    The same arguments as ``iterencode`` gives it, except no markers dict (the circular-
    reference check: the values stored are lists of strings, numbers and None, built fresh,
    so they cannot contain themselves); the C encoder writes floats with ``float.__repr__``
    as ``iterencode``'s ``floatstr`` does, so the text is the same. None without the C
    extension (then ``_ENCODER.encode`` is used)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython always has _json
        return None
    e = _ENCODER
    return make(None, e.default, json.encoder.encode_basestring, e.indent, e.key_separator,
                e.item_separator, e.sort_keys, e.skipkeys, e.allow_nan)


_C_ENCODE = _c_encoder()


def _dumps(value: Any) -> str:
    if not value and isinstance(value, (list, tuple)):
        return "[]"  # most notes, slogans and event_ids lists: skip the encoder's set-up (~4 µs)
    if _C_ENCODE is None:  # pragma: no cover
        return _ENCODER.encode(value)
    return "".join(_C_ENCODE(value, 0))


# --- the export dict --------------------------------------------------------------------

def event_dict_from_rows(
    event: Mapping[str, Any],
    documents: Iterable[str],
    evidence: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The codebook export dict for one ``events`` row.

    ``documents``: the doc ids of the event's ``event_documents`` rows (any order);
    ``evidence``: its ``evidence`` rows (mappings with ``doc_id, start, end, role``).
    """
    count = None
    if event.get("count_kind"):
        count = {"kind": event["count_kind"], "value": event.get("count_value"),
                 "qualifier": event.get("count_qualifier")}
        if event.get("count_qualifier_text"):
            count["qualifier_text"] = event["count_qualifier_text"]
    docs = sorted(set(documents) | {event["doc_id"]})
    provenance = sorted(
        ({"doc": e["doc_id"], "start": int(e["start"]), "end": int(e["end"]), "role": e["role"]}
         for e in evidence),
        key=lambda p: (p["doc"], p["start"], p["end"], p["role"]),
    )
    return {
        "id": event["id"],
        "doc": event["doc_id"],
        "documents": docs,
        "date_start": _iso(event.get("date_start")),
        "date_end": _iso(event.get("date_end")),
        "date_precision": event.get("date_precision"),
        "location": {
            "name": event.get("location_name"),
            "canonical": event.get("canonical"),
            "admin1": event.get("admin1"),
            "country": event.get("country"),
            "lat": event.get("lat"),
            "lon": event.get("lon"),
            "precision": event.get("geo_precision"),
        },
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "tactics": _list(event.get("tactics")),
        "actor1": event.get("actor1"),
        "actor2": event.get("actor2"),
        "count": count,
        "slogans": _list(event.get("slogans")),
        "provenance": provenance,
        "reported_by": event.get("reported_by"),
        "attributed_to": event.get("attributed_to"),
        "corroboration": event.get("corroboration"),
        "stance": event.get("stance"),
        "status": event.get("status"),
        "confidence": event.get("confidence"),
        "notes": _list(event.get("notes")),
    }


def claim_dict_from_row(row: Mapping[str, Any], event_ids: Iterable[str] | None = None) -> dict[str, Any]:
    """Export dict for one ``claims`` row; ``event_ids`` are the merged event ids (when the
    caller resolved the extractor's local ids), else the stored ids are given back."""
    value = row.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {
        "id": row["id"],
        "doc": row["doc_id"],
        "text": row["text"],
        "span": [int(row["start"]), int(row["end"])],
        "kind": row["kind"],
        "value": value,
        "qualifier": row.get("qualifier"),
        "qualifier_text": row.get("qualifier_text"),
        "attributed_to": row.get("attributed_to"),
        "reported_by": row.get("reported_by"),
        "stance": row.get("stance"),
        "period": row.get("period"),
        "place": row.get("place"),
        "said_on": _iso(row.get("said_on")),
        "event_ids": sorted(event_ids) if event_ids is not None else _list(row.get("event_ids")),
    }


# --- per-document events as JSON (the doc_events table) -----------------------------

#: layout version of the per-document event JSON (a positional list: compact and fast)
_EVENT_JSON_V = 1


def event_to_json(event: Event) -> str:
    loc, date, count = event.location, event.date, event.count
    return _dumps([
        _EVENT_JSON_V, event.id, event.doc_id, event.event_type, event.sub_event_type,
        [loc.name, loc.canonical, loc.admin1, loc.country, loc.lat, loc.lon, loc.precision],
        [iso_date(date.start) if date.start else None, iso_date(date.end) if date.end else None,
         date.precision, date.confidence, list(date.flags)],
        list(event.tactics), event.actor1, event.actor2,
        None if count is None else [count.kind, count.value, count.qualifier, count.qualifier_text],
        list(event.slogans), [[e.doc_id, e.span.start, e.span.end, e.role] for e in event.evidence],
        event.reported_by, event.attributed_to, list(event.documents), event.confidence, list(event.notes),
    ])


def event_from_json(text: str) -> Event:
    (version, eid, doc_id, etype, sub, location, date, tactics, actor1, actor2, count, slogans, evidence,
     reported_by, attributed_to, documents, confidence, notes) = json.loads(text)
    if version != _EVENT_JSON_V:
        raise ValueError(f"unknown per-document event layout {version}")
    name, canonical, admin1, country, lat, lon, precision = location
    start, end, dprec, dconf, flags = date
    return Event(
        id=eid, doc_id=doc_id, event_type=etype, sub_event_type=sub,
        location=Location(name, canonical, admin1, country, lat, lon, precision),
        date=DateRange(to_date(start), to_date(end), dprec, dconf, tuple(flags)),
        tactics=tuple(tactics), actor1=actor1, actor2=actor2,
        count=None if count is None else Count(*count), slogans=tuple(slogans),
        evidence=tuple(Evidence(d, Span(s, e), role) for d, s, e, role in evidence),
        reported_by=reported_by, attributed_to=attributed_to, documents=tuple(documents),
        confidence=confidence, notes=tuple(notes),
    )


# --- rows written for one Doc -------------------------------------------------------

def document_row(doc: Doc, now: dt.datetime) -> dict[str, Any]:
    r = doc.report
    return {
        "id": r.id, "content_hash": r.content_hash, "source": r.source, "url": r.url,
        "publisher": r.publisher, "published": r.published, "title": r.title, "language": r.language,
        "anchor_date": doc.anchor.date, "anchor_source": doc.anchor.source if doc.anchor.date else None,
        "text": r.text, "ingested_at": now,
    }


def place_mention_rows(doc: Doc) -> list[dict[str, Any]]:
    rows = []
    for pm in doc.places:
        p = pm.place
        rows.append({
            "doc_id": doc.id, "start": pm.span.start, "end": pm.span.end, "name": pm.name,
            "canonical": p.canonical, "admin1": p.admin1, "country": p.country, "lat": p.lat,
            "lon": p.lon, "precision": p.precision, "role": pm.role,
        })
    return rows


def local_ids(events: Iterable[Event]) -> list[str]:
    """The ``local_id`` each of a document's events is stored under: the extractor's
    ``Event.id``, made unique (``#2``…) when repeated, hashed when longer than the column."""
    import hashlib

    out: list[str] = []
    seen: set[str] = set()
    for ev in events:
        base = ev.id if len(ev.id) <= 60 else "h-" + hashlib.sha256(ev.id.encode()).hexdigest()[:40]
        local, n = base, 2
        while local in seen:
            local, n = f"{base}#{n}", n + 1
        seen.add(local)
        out.append(local)
    return out


def claim_row_id(doc_id: str, claim_id: str) -> str:
    """Claims ids are unique per document only; the stored id joins both (hashed when long)."""
    joined = f"{doc_id}:{claim_id}"
    if len(joined) <= 64:
        return joined
    import hashlib

    return "cl-" + hashlib.sha256(f"{doc_id}\x1f{claim_id}".encode()).hexdigest()[:40]


def claim_rows(doc: Doc, stance: str | None) -> list[dict[str, Any]]:
    rows = []
    seen: set[str] = set()
    for c in doc.claims:
        local, n = c.id, 2
        while local in seen:  # the extractor repeated an id: keep both claims
            local, n = f"{c.id}#{n}", n + 1
        seen.add(local)
        rows.append({
            "id": claim_row_id(doc.id, local), "doc_id": doc.id, "start": c.span.start, "end": c.span.end,
            "text": c.text, "kind": c.kind, "value": None if c.value is None else float(c.value),
            "qualifier": c.qualifier, "qualifier_text": c.qualifier_text,
            "attributed_to": c.attributed_to, "reported_by": c.reported_by or doc.report.publisher,
            "stance": stance, "period": c.period, "place": c.place, "said_on": c.said_on,
            "event_ids": _dumps(c.event_ids),
        })
    return rows


def db_event_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A merged-event row (Python lists) in the database's form (JSON text)."""
    out = dict(row)
    for col in EVENT_LIST_COLUMNS:
        value = out.get(col)
        if not isinstance(value, str):
            out[col] = _dumps(value) if value else "[]"
    return out


# --- reviewer overrides ------------------------------------------------------------

#: override ``field`` names (export-dict names, dotted for location) -> events columns
_FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "location.name": ("location_name",), "location.canonical": ("canonical",),
    "location.admin1": ("admin1",), "location.country": ("country",), "location.lat": ("lat",),
    "location.lon": ("lon",), "location.precision": ("geo_precision",),
    "location": ("location_name", "canonical", "admin1", "country", "lat", "lon", "geo_precision"),
    "count": ("count_kind", "count_value", "count_qualifier", "count_qualifier_text"),
}
_OVERRIDABLE = frozenset({
    "event_type", "sub_event_type", "date_start", "date_end", "date_precision", "date_confidence",
    "location_name", "canonical", "admin1", "country", "lat", "lon", "geo_precision", "tactics",
    "actor1", "actor2", "count_kind", "count_value", "count_qualifier", "count_qualifier_text",
    "slogans", "reported_by", "attributed_to", "stance", "confidence", "notes",
    "status", "merged_into",  # a reviewer's confirm/reject/merge survives a re-run too
})


def override_columns(field_name: str) -> tuple[str, ...]:
    """Which ``events`` columns an override field sets ("" tuple when unknown)."""
    if field_name in _FIELD_COLUMNS:
        return _FIELD_COLUMNS[field_name]
    return (field_name,) if field_name in _OVERRIDABLE else ()


def apply_override(field_name: str, value_json: str | None) -> dict[str, Any]:
    """The column values (database form) an ``overrides`` row sets.

    ``field`` is an ``events`` column name (``actor1``, ``date_start``, ``tactics``…) or an
    export-dict name (``location.canonical``, ``location``, ``count``); ``value`` is JSON
    as the export dict would show it (ISO dates, lists, a ``count`` object). Unknown fields
    set nothing.
    """
    value = json.loads(value_json) if value_json not in (None, "") else None
    if field_name == "location":
        v = value or {}
        return {"location_name": v.get("name"), "canonical": v.get("canonical"), "admin1": v.get("admin1"),
                "country": v.get("country"), "lat": v.get("lat"), "lon": v.get("lon"),
                "geo_precision": v.get("precision")}
    if field_name == "count":
        v = value or {}
        return {"count_kind": v.get("kind"), "count_value": v.get("value"),
                "count_qualifier": v.get("qualifier"), "count_qualifier_text": v.get("qualifier_text")}
    cols = override_columns(field_name)
    if not cols:
        return {}
    col = cols[0]
    if col in ("date_start", "date_end"):
        return {col: to_date(value)}
    if col in EVENT_LIST_COLUMNS:
        return {col: _dumps(list(value or []))}
    return {col: value}
