"""JSON API (described by FastAPI's /openapi.json) and the data helpers the pages share."""

from __future__ import annotations

import io
import json
import time
from datetime import date
from typing import Any

from fastapi import APIRouter, Body, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import and_, func, or_, select, true

from eventledger.export.csv import write_csv
from eventledger.export.geojson import write_geojson
from eventledger.store import query as Q
from eventledger.store import review as R
from eventledger.store import schema as s
from eventledger.store.evidence import event_spans
from eventledger.web import auth

router = APIRouter(prefix="/api")

#: the filter parameters of the table, the map, the timeline and the downloads
FILTER_PARAMS = ("date_from", "date_to", "event_type", "sub_event_type", "tactic", "place", "admin1",
                 "actor", "stance", "status", "min_corroboration", "q", "include_merged")


def request_filter(request: Request) -> Q.EventFilter:
    try:
        return Q.filter_from_params(request.query_params)
    except Q.FilterError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


def event_page_for(request: Request, page: int, per_page: int, after: str | None) -> tuple[Any, Any]:
    """The request's filter and one page of events (a bad filter is a 400, not a 500)."""
    flt = request_filter(request)
    with request.app.state.engine.connect() as conn:
        try:
            return flt, Q.list_events(conn, flt, page=page, per_page=per_page, after=after)
        except Q.FilterError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc


def fast_json(obj: Any) -> Response:
    """JSON without FastAPI's per-value encoder pass (slow for 100k map points)."""
    return Response(json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str),
                    media_type="application/json")


FACETS_TTL_S = 30.0


def cached_facets(request: Request) -> dict[str, list[str]]:
    """Filter choices, cached briefly: computing them scans the events table."""
    hit = getattr(request.app.state, "facets_cache", None)
    now = time.monotonic()
    if hit is None or now - hit[0] > FACETS_TTL_S:
        with request.app.state.engine.connect() as conn:
            hit = (now, Q.facets(conn))
        request.app.state.facets_cache = hit
    return hit[1]


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def _row(row: Any) -> dict[str, Any]:
    return {k: _iso(v) for k, v in row._mapping.items()}


# ------------------------------------------------------------------ shared data helpers

def event_detail(conn, event_id: str) -> dict[str, Any] | None:
    """An event with its reporting documents (with evidence spans), claims, reviews and
    overrides."""
    row = conn.execute(select(s.events).where(s.events.c.id == event_id)).first()
    if row is None:
        return None
    ev = Q.event_row_to_dict(row)
    ed = s.event_documents
    links = {r.doc_id: r.local_id for r in conn.execute(select(ed).where(ed.c.event_id == event_id))}
    links.setdefault(ev["doc_id"], None)
    docs = []
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for e in event_spans(conn, [event_id]).get(event_id, []):
        by_doc.setdefault(e["doc_id"], []).append({"start": e["start"], "end": e["end"], "role": e["role"]})
    for d in conn.execute(select(s.documents).where(s.documents.c.id.in_(list(links)))):
        spans = by_doc.get(d.id, [])
        dd = _row(d)
        dd.pop("ingested_at", None)
        dd.update(local_id=links.get(d.id), evidence=spans)
        docs.append(dd)
    docs.sort(key=lambda d: (d["id"] != ev["doc_id"], d.get("published") or "", d["id"]))
    c = s.claims
    same_place = and_(c.c.doc_id.in_(list(links)), c.c.place == ev["canonical"]) if ev.get("canonical") else None
    mention = c.c.event_ids.like(Q._like(json.dumps(event_id)), escape="\\")
    claims = [_row(r) for r in conn.execute(
        select(c).where(or_(mention, same_place) if same_place is not None else mention)
        .order_by(c.c.kind, c.c.said_on))]
    for cl in claims:
        cl["event_ids"] = json.loads(cl["event_ids"] or "[]")
    o = s.overrides
    overrides = [_row(r) for r in conn.execute(select(o).where(o.c.event_id == event_id))]
    merged_here = [r.id for r in conn.execute(select(s.events.c.id).where(s.events.c.merged_into == event_id))]
    return {"event": ev, "documents": docs, "claims": claims, "reviews": R.list_reviews(conn, event_id),
            "overrides": overrides, "merged_from": merged_here}


def list_claims(conn, kind: str | None = None, place: str | None = None, doc_id: str | None = None,
                event_id: str | None = None, limit: int = 500, offset: int = 0) -> list[dict[str, Any]]:
    """Claims ordered so that the same kind, period and place sit together (side by side)."""
    c = s.claims.c
    cond = []
    if kind:
        cond.append(c.kind == kind)
    if place:
        cond.append(c.place.ilike(Q._like(place), escape="\\"))
    if doc_id:
        cond.append(c.doc_id == doc_id)
    if event_id:
        cond.append(c.event_ids.like(Q._like(json.dumps(event_id)), escape="\\"))
    stmt = (select(s.claims, s.documents.c.publisher, s.documents.c.title)
            .join(s.documents, s.documents.c.id == c.doc_id, isouter=True)
            .where(and_(true(), *cond))
            .order_by(c.kind, c.place, c.period, c.said_on, c.id).limit(min(limit, 5000)).offset(offset))
    out = []
    for r in conn.execute(stmt):
        d = _row(r)
        d["event_ids"] = json.loads(d["event_ids"] or "[]")
        out.append(d)
    return out


def group_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group claims by (kind, period, place): each group lists every source's number."""
    groups: dict[tuple, dict[str, Any]] = {}
    for cl in claims:
        key = (cl["kind"], cl.get("period") or "", cl.get("place") or "")
        g = groups.setdefault(key, {"kind": key[0], "period": key[1], "place": key[2], "claims": []})
        g["claims"].append(cl)
    return list(groups.values())


# ------------------------------------------------------------------ read endpoints

@router.get("/events", summary="Events matching the table's filters, one page")
def api_events(request: Request, page: int = Query(1, ge=1, le=Q.MAX_BOUND), per_page: int = Query(50, ge=1, le=500),
               after: str | None = Query(None, description="next_cursor of the previous page"),
               date_from: date | None = None, date_to: date | None = None, event_type: str | None = None,
               sub_event_type: str | None = None, tactic: str | None = None, place: str | None = None,
               admin1: str | None = None, actor: str | None = None, stance: str | None = None,
               status: str | None = None, min_corroboration: int | None = None, q: str | None = None,
               include_merged: bool = False) -> Response:
    auth.require_read(request)
    flt, p = event_page_for(request, page, per_page, after)
    return fast_json({"total": p.total, "page": p.page, "per_page": p.per_page, "pages": p.pages,
                      "next_cursor": p.next_cursor, "filter": flt.as_params(), "events": p.rows})


def _download(request: Request, kind: str) -> Response:
    auth.require_read(request)
    flt = request_filter(request)
    buf = io.StringIO()
    with request.app.state.engine.connect() as conn:
        # the package's exporters, so a download equals `eventledger export` of the same filter
        (write_csv if kind == "csv" else write_geojson)(Q.iter_export_dicts(conn, flt), buf)
    media = "text/csv" if kind == "csv" else "application/geo+json"
    return Response(buf.getvalue(), media_type=media + "; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="events.{kind}"'})


@router.get("/events.csv", summary="CSV download of the events matching the filters")
def api_events_csv(request: Request) -> Response:
    return _download(request, "csv")


@router.get("/events.geojson", summary="GeoJSON download of the events matching the filters")
def api_events_geojson(request: Request) -> Response:
    return _download(request, "geojson")


@router.get("/points", summary="[id, lat, lon, event_type] of located events (for the map)")
def api_points(request: Request) -> Response:
    auth.require_read(request)
    flt = request_filter(request)
    with request.app.state.engine.connect() as conn:
        return fast_json(Q.map_points(conn, flt))


@router.get("/timeline", summary="Events per day and type (for the timeline)")
def api_timeline(request: Request) -> Response:
    auth.require_read(request)
    flt = request_filter(request)
    with request.app.state.engine.connect() as conn:
        return fast_json(Q.timeline(conn, flt))


@router.get("/facets", summary="Values present in the database, for filter choices")
def api_facets(request: Request) -> dict[str, list[str]]:
    auth.require_read(request)
    return cached_facets(request)


@router.get("/events/{event_id}", summary="One event with documents, evidence, claims, reviews")
def api_event(request: Request, event_id: str) -> dict[str, Any]:
    auth.require_read(request)
    with request.app.state.engine.connect() as conn:
        detail = event_detail(conn, event_id)
    if detail is None:
        raise HTTPException(status_code=404, detail="no such event")
    return detail


@router.get("/claims", summary="The claims ledger")
def api_claims(request: Request, kind: str | None = None, place: str | None = None,
               doc_id: str | None = None, event_id: str | None = None, grouped: bool = False,
               limit: int = Query(500, ge=1, le=5000), offset: int = Query(0, ge=0, le=Q.MAX_BOUND)) -> Any:
    auth.require_read(request)
    with request.app.state.engine.connect() as conn:
        claims = list_claims(conn, kind, place, doc_id, event_id, limit, offset)
    return group_claims(claims) if grouped else claims


@router.get("/documents", summary="Documents (without their text)")
def api_documents(request: Request, publisher: str | None = None, q: str | None = None,
                  limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=Q.MAX_BOUND)) -> list[dict[str, Any]]:
    auth.require_read(request)
    d = s.documents.c
    with request.app.state.engine.connect() as conn:
        cond = []
        if publisher:
            cond.append(d.publisher == publisher)
        if q and q.strip():
            ids = Q._text_search_doc_ids(conn, q.strip())
            cond.append(d.id.in_(ids) if ids is not None else False)
        stmt = (select(d.id, d.title, d.publisher, d.published, d.url, d.language, func.length(d.text).label("chars"))
                .where(and_(true(), *cond)).order_by(d.published.desc(), d.id).limit(limit).offset(offset))
        return [_row(r) for r in conn.execute(stmt)]


@router.get("/documents/{doc_id:path}", summary="One document with its text")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    auth.require_read(request)
    with request.app.state.engine.connect() as conn:
        row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
        if row is None:
            raise HTTPException(status_code=404, detail="no such document")
        ev_ids = [r.event_id for r in conn.execute(
            select(s.event_documents.c.event_id).where(s.event_documents.c.doc_id == doc_id))]
    out = _row(row)
    out["event_ids"] = ev_ids
    return out


@router.get("/reviews", summary="The audit log of review actions")
def api_reviews(request: Request, event_id: str | None = None, limit: int = Query(200, ge=1, le=1000),
                offset: int = Query(0, ge=0, le=Q.MAX_BOUND)) -> list[dict[str, Any]]:
    auth.require_read(request)
    with request.app.state.engine.connect() as conn:
        return R.list_reviews(conn, event_id, limit, offset)


@router.get("/session", summary="The current user and the CSRF token to send with writes")
def api_session(request: Request) -> dict[str, Any]:
    user = auth.current_user(request)
    return {"user": user.name if user else None, "role": user.role if user else None,
            "csrf_token": auth.csrf_token(request)}


# ------------------------------------------------------------------ write endpoints

class ReviewIn(BaseModel):
    action: str = Field(description="confirm | reject | edit | merge | split")
    field: str | None = None
    value: Any = None
    other_id: str | None = Field(None, description="merge: the event merged into this one")
    doc_ids: list[str] = Field(default_factory=list, description="split: documents moved to a new event")
    note: str | None = None


def apply_review(request: Request, event_id: str, action: str, user: R.User, *, field: str | None = None,
                 value: Any = None, other_id: str | None = None, doc_ids: list[str] | None = None,
                 note: str | None = None) -> dict[str, Any]:
    """Run one review action in a transaction; ReviewError -> 400, unknown event -> 404."""
    out: dict[str, Any] = {"ok": True}
    try:
        with request.app.state.engine.begin() as conn:
            if action == "confirm":
                R.confirm(conn, event_id, user.name, note)
            elif action == "reject":
                R.reject(conn, event_id, user.name, note)
            elif action == "edit":
                R.edit_field(conn, event_id, field or "", value, user.name, note)
            elif action == "merge":
                R.merge(conn, event_id, (other_id or "").strip(), user.name, note)
            elif action == "split":
                out["new_event"] = R.split(conn, event_id, doc_ids or [], user.name, note)
            else:
                raise R.ReviewError(f"unknown action {action!r}")
    except R.ReviewError as exc:
        raise HTTPException(status_code=404 if str(exc).startswith("no event") else 400, detail=str(exc)) from exc
    request.app.state.facets_cache = None  # an edit may add a province or a status
    return out


@router.post("/events/{event_id}/review", summary="Confirm, reject, edit, merge or split an event")
def api_review(request: Request, event_id: str, body: ReviewIn) -> dict[str, Any]:
    user = auth.require_role(request, "reviewer")
    auth.check_csrf(request, None)
    return apply_review(request, event_id, body.action, user, field=body.field, value=body.value,
                        other_id=body.other_id, doc_ids=body.doc_ids, note=body.note)


class UserIn(BaseModel):
    name: str
    password: str
    role: str = "reviewer"


@router.get("/users", summary="Users (admin only)")
def api_users(request: Request) -> list[dict[str, Any]]:
    auth.require_role(request, "admin")
    with request.app.state.engine.connect() as conn:
        return R.list_users(conn)


@router.post("/users", summary="Create a user or reset a password (admin only)")
def api_add_user(request: Request, body: UserIn = Body(...)) -> dict[str, Any]:
    auth.require_role(request, "admin")
    auth.check_csrf(request, None)
    try:
        u = R.add_user(request.app.state.engine, body.name, body.password, body.role)
    except R.ReviewError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    return {"name": u.name, "role": u.role}
