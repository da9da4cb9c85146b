"""A tiny hand-written database for the web app's tests and demos.

The texts are invented for these tests (none comes from the dev corpus). One report carries
``<script>`` and HTML in its title, text and slogans so that the tests can check that every
page renders it as text.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Engine, insert

from eventledger.models import DateRange, Event, Evidence, Location, Span
from eventledger.store import schema as s
from eventledger.store.migrations import doc_events
from eventledger.store.rows import event_to_json

HOSTILE = '<script>alert("x")</script><b onmouseover="alert(1)">bold</b>'

_DOCS = [
    ("doc-a", "Agency A", date(2024, 3, 2), "Workers gather in Northtown",
     "On Saturday about 300 workers gathered in front of the factory in Northtown. "
     "They carried banners. Police detained 4 people, the union said."),
    ("doc-b", "Monitor B", date(2024, 3, 3), "Northtown gathering and detentions",
     "Monitor B reports that 6 people were detained after the gathering in Northtown on Saturday. "
     "Students held a march in Southport on 5 March."),
    ("doc-c", "Outlet C", date(2024, 3, 20), "Report " + HOSTILE,
     "Posters appeared in Eastvale. " + HOSTILE + " The posters read: freedom now. "
     "A court in Eastvale sentenced two people."),
]

_EVENTS: list[dict[str, Any]] = [
    dict(id="ev-protest-1", doc_id="doc-a", event_type="protest", sub_event_type="demonstration",
         date_start=date(2024, 3, 2), date_end=date(2024, 3, 2), location_name="Northtown",
         canonical="Northtown", admin1="North Province", country="XA", lat=36.3, lon=52.1,
         tactics=["rally", "banner"], actor1="Workers", count_kind="participants", count_value=300,
         count_qualifier="about", reported_by="Agency A", stance="news_agency", corroboration=2),
    dict(id="ev-repr-1", doc_id="doc-a", event_type="repression", sub_event_type="arrest",
         date_start=date(2024, 3, 2), date_end=date(2024, 3, 2), location_name="Northtown",
         canonical="Northtown", admin1="North Province", country="XA", lat=36.31, lon=52.12,
         tactics=[], actor1="Police", actor2="Workers", count_kind="arrested", count_value=4,
         count_qualifier="exact", reported_by="Agency A", attributed_to="the union",
         stance="news_agency,rights_monitor", corroboration=2),
    dict(id="ev-protest-2", doc_id="doc-b", event_type="protest", sub_event_type="demonstration",
         date_start=date(2024, 3, 5), date_end=date(2024, 3, 5), location_name="Southport",
         canonical="Southport", admin1="South Province", country="XA", lat=29.6, lon=52.5,
         tactics=["march"], actor1="Students", reported_by="Monitor B", stance="rights_monitor"),
    dict(id="ev-protest-3", doc_id="doc-c", event_type="protest", sub_event_type="symbolic_action",
         date_start=date(2024, 3, 19), date_end=date(2024, 3, 19), location_name="Eastvale " + HOSTILE,
         canonical="Eastvale", admin1="East Province", country="XA", lat=34.1, lon=58.2,
         tactics=["poster"], actor1="Unidentified " + HOSTILE, slogans=["freedom now", HOSTILE],
         reported_by="Outlet C", stance="unknown"),
    dict(id="ev-repr-2", doc_id="doc-c", event_type="repression", sub_event_type="sentence",
         date_start=date(2024, 3, 20), date_end=date(2024, 3, 20), location_name="Eastvale",
         canonical="Eastvale", admin1="East Province", country="XA", lat=34.12, lon=58.22,
         actor1="Court", reported_by="Outlet C", stance="unknown"),
    dict(id="ev-undated", doc_id="doc-b", event_type="other", sub_event_type="other",
         date_start=None, date_end=None, date_precision="unresolved", location_name=None,
         reported_by="Monitor B", stance="rights_monitor"),
]


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _member_row(e: dict[str, Any], doc_id: str, local_id: str, spans: list[tuple[int, int, str]]) -> dict[str, Any]:
    """The ``doc_events`` row of one document's report of sample event ``e``: a key of its
    own (never re-clustered) and the evidence ``spans`` in that document."""
    ev = Event(id=local_id, doc_id=doc_id, event_type=e["event_type"], sub_event_type=e["sub_event_type"],
               location=Location(e.get("location_name"), e.get("canonical"), e.get("admin1"), e.get("country"),
                                 e.get("lat"), e.get("lon"), 1),
               date=DateRange(e.get("date_start"), e.get("date_end"), e.get("date_precision", "day")),
               evidence=tuple(Evidence(doc_id, Span(a, b), role) for a, b, role in spans))
    return {"doc_id": doc_id, "local_id": local_id, "dedupe_key": f"~{doc_id}\x1f{local_id}",
            "date_start": e.get("date_start"), "date_end": e.get("date_end"), "event_id": e["id"],
            "publisher": None, "stance": None, "actor1": None, "actor2": None, "data": event_to_json(ev)}


def seed_sample(engine: Engine) -> dict[str, str]:
    """Insert the sample rows; returns {doc id: text} for span checks in tests."""
    now = datetime.now(timezone.utc)
    texts = {d[0]: d[4] for d in _DOCS}
    with engine.begin() as conn:
        conn.execute(insert(s.publishers), [{"name": "Agency A", "stance": "news_agency"},
                                            {"name": "Monitor B", "stance": "rights_monitor"},
                                            {"name": "Outlet C", "stance": "unknown"}])
        conn.execute(insert(s.documents), [
            {"id": i, "content_hash": f"{n:064d}", "publisher": p, "published": d, "title": t,
             "text": x, "ingested_at": now, "language": "en", "source": f"{i}.txt"}
            for n, (i, p, d, t, x) in enumerate(_DOCS)])
        rows = []
        for e in _EVENTS:
            r = {c.name: None for c in s.events.columns}
            r |= {"date_precision": "day", "date_confidence": 1.0, "confidence": 0.8, "corroboration": 1,
                 "status": "machine", "notes": "[]", "slogans": [], "tactics": []}
            r.update(e)
            r["tactics"] = json.dumps(r["tactics"])
            r["slogans"] = json.dumps(r["slogans"], ensure_ascii=False)
            rows.append(r)
        conn.execute(insert(s.events), rows)
        links = [(e["id"], e["doc_id"], e["id"] + "@" + e["doc_id"]) for e in _EVENTS]
        links += [("ev-protest-1", "doc-b", "b1"), ("ev-repr-1", "doc-b", "b2")]
        conn.execute(insert(s.event_documents), [{"event_id": a, "doc_id": b, "local_id": c} for a, b, c in links])
        ev_spans = [("ev-protest-1", "doc-a", "about 300 workers gathered", "sentence"),
                    ("ev-protest-1", "doc-a", "gathered", "trigger"),
                    ("ev-protest-1", "doc-b", "the gathering in Northtown", "sentence"),
                    ("ev-repr-1", "doc-a", "Police detained 4 people", "sentence"),
                    ("ev-repr-1", "doc-b", "6 people were detained", "sentence"),
                    ("ev-protest-2", "doc-b", "Students held a march in Southport", "sentence"),
                    ("ev-protest-3", "doc-c", HOSTILE, "sentence"),
                    ("ev-protest-3", "doc-c", "Posters appeared in Eastvale.", "sentence"),
                    ("ev-repr-2", "doc-c", "A court in Eastvale sentenced two people.", "sentence")]
        # the per-document events behind each link: they carry the evidence spans
        events_by_id = {e["id"]: e for e in _EVENTS}
        conn.execute(insert(doc_events), [
            _member_row(events_by_id[e], d, local, [(*_span(texts[d], n), r) for e2, d2, n, r in ev_spans
                                                    if (e2, d2) == (e, d)])
            for e, d, local in links])
        a0, a1 = _span(texts["doc-a"], "Police detained 4 people, the union said.")
        b0, b1 = _span(texts["doc-b"], "6 people were detained")
        conn.execute(insert(s.claims), [
            {"id": "cl-1", "doc_id": "doc-a", "start": a0, "end": a1, "text": texts["doc-a"][a0:a1],
             "kind": "arrested", "value": 4, "qualifier": "exact", "attributed_to": "the union",
             "reported_by": "Agency A", "stance": "news_agency", "period": "2024-03-02", "place": "Northtown",
             "said_on": date(2024, 3, 2), "event_ids": json.dumps(["ev-repr-1"])},
            {"id": "cl-2", "doc_id": "doc-b", "start": b0, "end": b1, "text": texts["doc-b"][b0:b1],
             "kind": "arrested", "value": 6, "qualifier": "exact", "attributed_to": "Monitor B",
             "reported_by": "Monitor B", "stance": "rights_monitor", "period": "2024-03-02",
             "place": "Northtown", "said_on": date(2024, 3, 3), "event_ids": json.dumps(["ev-repr-1"])},
        ])
    return texts


#: users of the sample database: name -> (password, role)
SAMPLE_USERS = {"rita": ("reader-pass-1", "reader"), "rev": ("reviewer-pass-1", "reviewer"),
                "ada": ("admin-pass-1", "admin")}


def build_sample_db(path: Any) -> Engine:
    """Open (migrating) a store at ``path``, insert the sample rows and users; the engine."""
    from eventledger.store import open_store
    from eventledger.store.review import add_user

    store = open_store(path)
    seed_sample(store.engine)
    for name, (pw, role) in SAMPLE_USERS.items():
        add_user(store.engine, name, pw, role)
    return store.engine
