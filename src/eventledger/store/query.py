"""Event filters, pagination, full-text search and timeline/map aggregates.

Shared by the web app (table, map, timeline, API) and the exports (download of the current
filter). Every filter value reaches the database as a bound parameter: no SQL is built from
user text. Full-text search uses the FTS5 table ``documents_fts`` on SQLite, ``to_tsvector``
on PostgreSQL, and a ``LIKE`` scan when neither is available.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, create_engine, func, literal, or_, select, text, true
from sqlalchemy.engine import Connection

from eventledger.store import schema as s

__all__ = ["EventFilter", "Page", "resolve_engine", "filter_from_params", "event_conditions",
           "list_events", "iter_events_filtered", "iter_export_dicts", "count_events", "map_points", "timeline",
           "facets", "event_row_to_dict", "fts_match_expression", "bench_table"]

EV = s.events
JSON_LIST_FIELDS = ("tactics", "slogans", "notes")
MAX_PER_PAGE = 500
#: a bound for numbers from a request that reach SQL (SQLite binds 64-bit integers only)
MAX_BOUND = 10**9


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The table's filters; ``None``/empty means "no constraint"."""

    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    tactic: str | None = None
    place: str | None = None       # matches location name, canonical place or province
    admin1: str | None = None      # province, exact
    actor: str | None = None       # substring of actor1/actor2
    stance: str | None = None      # publisher stance (events.stance is comma-joined)
    status: str | None = None
    min_corroboration: int | None = None
    q: str | None = None           # full-text search over report text and titles
    include_merged: bool = False   # events merged into another are hidden unless asked for

    def as_params(self) -> dict[str, str]:
        """Non-empty filters as query-string parameters (for links and downloads)."""
        out: dict[str, str] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or v == "" or v is False:
                continue
            out[f.name] = "1" if v is True else str(v)
        return out


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    total: int
    page: int
    per_page: int
    next_cursor: str | None = None  # keyset cursor for the page after this one

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class FilterError(ValueError):
    """A filter value that cannot be parsed (shown to the user, never a traceback)."""


def _parse_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise FilterError(f"{name}: expected a date YYYY-MM-DD, got {value[:40]!r}") from exc


def filter_from_params(params: Mapping[str, str]) -> EventFilter:
    """Build a filter from query-string parameters; unknown keys are ignored."""
    vals: dict[str, Any] = {}
    for f in fields(EventFilter):
        raw = params.get(f.name)
        if raw is None or str(raw).strip() == "":
            continue
        raw = str(raw).replace("\x00", "").strip()  # SQLite would cut a bound string at NUL
        if not raw:
            continue
        if f.name in ("date_from", "date_to"):
            vals[f.name] = _parse_date(f.name, raw)
        elif f.name == "min_corroboration":
            try:
                # bounded: SQLite binds 64-bit integers only, and no event has more sources
                vals[f.name] = max(-MAX_BOUND, min(int(raw), MAX_BOUND))
            except ValueError as exc:
                raise FilterError(f"min_corroboration: expected an integer, got {raw[:40]!r}") from exc
        elif f.name == "include_merged":
            vals[f.name] = raw.lower() in ("1", "true", "yes", "on")
        else:
            vals[f.name] = raw[:500]
    return EventFilter(**vals)


def resolve_engine(store_or_url: Any) -> Engine:
    """Accept a Store (``.engine``), an Engine, a database URL or a SQLite file path."""
    if isinstance(store_or_url, Engine):
        return store_or_url
    eng = getattr(store_or_url, "engine", None)
    if isinstance(eng, Engine):
        return eng
    target = str(store_or_url)
    try:  # the store module's opener runs migrations (FTS table, indexes)
        from eventledger.store import open_store  # type: ignore[attr-defined]
    except ImportError:
        open_store = None
    if open_store is not None:
        return open_store(target).engine
    url = target if "://" in target else f"sqlite:///{Path(target)}"
    engine = create_engine(url)
    s.metadata.create_all(engine)
    return engine


def fts_match_expression(q: str) -> str:
    """Turn user text into an FTS5 query of quoted terms (AND), so that FTS5 operators and
    punctuation in the input are searched as words, never parsed as query syntax."""
    terms = [t for t in q.split() if t.strip('"')]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms[:20])


def _has_fts(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'")).first()
    return row is not None


def _text_search_doc_ids(conn: Connection, q: str):
    """A subquery of document ids whose text or title matches ``q``."""
    d = s.documents
    q = q.replace("\x00", "").strip()  # NUL ends a string inside SQLite's FTS5 parser
    if not q:
        return None
    if _has_fts(conn):
        expr = fts_match_expression(q)
        if not expr:
            return None
        return select(d.c.id).where(text(
            "documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_q)"
        ).bindparams(fts_q=expr))
    if conn.dialect.name == "postgresql":
        return select(d.c.id).where(
            func.to_tsvector(literal("simple"), d.c.text).op("@@")(
                func.plainto_tsquery(literal("simple"), q)))
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return select(d.c.id).where(or_(d.c.text.ilike(pattern, escape="\\"),
                                    d.c.title.ilike(pattern, escape="\\")))


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def event_conditions(conn: Connection, f: EventFilter) -> list[Any]:
    """SQLAlchemy conditions for a filter (all values bound as parameters)."""
    c = EV.c
    cond: list[Any] = []
    if f.date_from:  # overlaps [date_from, date_to]
        cond.append(func.coalesce(c.date_end, c.date_start) >= f.date_from)
    if f.date_to:
        cond.append(c.date_start <= f.date_to)
    if f.event_type:
        cond.append(c.event_type == f.event_type)
    if f.sub_event_type:
        cond.append(c.sub_event_type == f.sub_event_type)
    if f.tactic:  # tactics is a JSON list of codes: match the quoted code
        cond.append(c.tactics.like(_like(json.dumps(f.tactic)), escape="\\"))
    if f.place:
        pat = _like(f.place)
        cond.append(or_(c.location_name.ilike(pat, escape="\\"), c.canonical.ilike(pat, escape="\\"),
                        c.admin1.ilike(pat, escape="\\")))
    if f.admin1:
        cond.append(c.admin1 == f.admin1)
    if f.actor:
        pat = _like(f.actor)
        cond.append(or_(c.actor1.ilike(pat, escape="\\"), c.actor2.ilike(pat, escape="\\")))
    if f.stance:
        cond.append(c.stance.like(_like(f.stance), escape="\\"))
    if f.status:
        cond.append(c.status == f.status)
    elif not f.include_merged:
        cond.append(c.status != "merged")
    if f.min_corroboration is not None:
        cond.append(c.corroboration >= f.min_corroboration)
    if f.q and f.q.strip():
        docs = _text_search_doc_ids(conn, f.q.strip())
        if docs is None:
            cond.append(literal(False))
        else:
            ed = s.event_documents
            cond.append(or_(c.doc_id.in_(docs),
                            c.id.in_(select(ed.c.event_id).where(ed.c.doc_id.in_(docs)))))
    return cond


def event_row_to_dict(row: Any) -> dict[str, Any]:
    """An ``events`` row as a JSON-ready dict (JSON list columns decoded, dates ISO)."""
    d = dict(row._mapping)
    for k in JSON_LIST_FIELDS:
        v = d.get(k)
        try:
            d[k] = json.loads(v) if isinstance(v, str) else (v or [])
        except json.JSONDecodeError:
            d[k] = [v]
    for k in ("date_start", "date_end"):
        if isinstance(d.get(k), date):
            d[k] = d[k].isoformat()
    return d


def _ordered(stmt):
    # date_start DESC walks ix_events_date; id breaks ties within one day. NULL dates last.
    return stmt.order_by(EV.c.date_start.desc().nulls_last(), EV.c.id.desc())


def count_events(conn: Connection, f: EventFilter) -> int:
    return conn.execute(select(func.count()).select_from(EV)
                        .where(and_(true(), *event_conditions(conn, f)))).scalar_one()


def _cursor_of(row: dict[str, Any]) -> str:
    return f"{row.get('date_start') or ''}|{row['id']}"


def list_events(conn: Connection, f: EventFilter, page: int = 1, per_page: int = 50,
                after: str | None = None) -> Page:
    """One page of events, newest first, with the exact total.

    ``after`` (a ``next_cursor`` of the previous page) pages by key: the query seeks in
    ``ix_events_date`` instead of skipping rows, so "next" stays fast however deep.
    ``page`` uses LIMIT/OFFSET (for jumps to a page number). See :func:`bench_table`.
    """
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page = max(1, min(int(page), MAX_BOUND))  # past the last page is empty; the OFFSET must bind
    c = EV.c
    conds = event_conditions(conn, f)
    total = conn.execute(select(func.count()).select_from(EV).where(and_(true(), *conds))).scalar_one()
    rows: list[dict[str, Any]] = []
    if after:
        day_s, _, cid = after.partition("|")
        if day_s:
            day = _parse_date("after", day_s)
            # a range seek (no OR, which would defeat the index): date <= day, minus the
            # rows of that day already shown
            seek = [c.date_start <= day, ~and_(c.date_start == day, c.id >= cid)]
            rows = [event_row_to_dict(r) for r in conn.execute(
                _ordered(select(EV).where(and_(true(), *conds, *seek))).limit(per_page))]
            null_seek = [c.date_start.is_(None)]
        else:
            null_seek = [c.date_start.is_(None), c.id < cid]
        if len(rows) < per_page:  # continue into the undated events
            rows += [event_row_to_dict(r) for r in conn.execute(
                select(EV).where(and_(true(), *conds, *null_seek)).order_by(c.id.desc())
                .limit(per_page - len(rows)))]
    else:
        rows = [event_row_to_dict(r) for r in conn.execute(
            _ordered(select(EV).where(and_(true(), *conds))).limit(per_page)
            .offset((page - 1) * per_page))]
    nxt = _cursor_of(rows[-1]) if len(rows) == per_page else None
    return Page(rows, total, page, per_page, nxt)


def iter_events_filtered(conn: Connection, f: EventFilter, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every event matching the filter, as dicts (for CSV/GeoJSON/JSONL downloads)."""
    result = conn.execution_options(yield_per=batch).execute(
        _ordered(select(EV).where(and_(true(), *event_conditions(conn, f)))))
    for row in result:
        yield event_row_to_dict(row)


def iter_export_dicts(conn: Connection, f: EventFilter, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Events matching the filter as codebook export dicts (the JSONL/CSV/GeoJSON shape),
    with their documents and evidence fetched per batch."""
    from eventledger.store.rows import event_dict_from_rows

    from eventledger.store.evidence import event_spans

    ed = s.event_documents
    rows = conn.execute(_ordered(select(EV).where(and_(true(), *event_conditions(conn, f))))).mappings().all()
    for i in range(0, len(rows), batch):
        part = rows[i:i + batch]
        ids = [r["id"] for r in part]
        docs: dict[str, list[str]] = {}
        for r in conn.execute(select(ed.c.event_id, ed.c.doc_id).where(ed.c.event_id.in_(ids))):
            docs.setdefault(r.event_id, []).append(r.doc_id)
        spans = event_spans(conn, ids)
        for r in part:
            yield event_dict_from_rows(r, docs.get(r["id"], []), spans.get(r["id"], []))


def map_points(conn: Connection, f: EventFilter, limit: int = 200_000) -> list[list[Any]]:
    """``[id, lat, lon, event_type]`` for located events (compact for the map)."""
    c = EV.c
    stmt = select(c.id, c.lat, c.lon, c.event_type).where(
        and_(c.lat.is_not(None), c.lon.is_not(None), *event_conditions(conn, f))).limit(limit)
    return [[r.id, r.lat, r.lon, r.event_type] for r in conn.execute(stmt)]


def timeline(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events per start day and type; the browser buckets days into weeks when needed."""
    c = EV.c
    stmt = (select(c.date_start, c.event_type, func.count().label("n"))
            .where(and_(c.date_start.is_not(None), *event_conditions(conn, f)))
            .group_by(c.date_start, c.event_type).order_by(c.date_start))
    out = []
    for r in conn.execute(stmt):
        d = r.date_start.isoformat() if isinstance(r.date_start, date) else str(r.date_start)
        out.append({"day": d, "event_type": r.event_type, "n": r.n})
    return out


def facets(conn: Connection) -> dict[str, list[str]]:
    """Values for the filter drop-downs (distinct values present in the database)."""
    c = EV.c

    def distinct(col) -> list[str]:
        return [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col)) if v]

    stances: set[str] = set()
    for v in distinct(c.stance):
        stances.update(p.strip() for p in v.split(",") if p.strip())
    return {"event_type": distinct(c.event_type), "sub_event_type": distinct(c.sub_event_type),
            "status": distinct(c.status), "admin1": distinct(c.admin1), "stance": sorted(stances)}


# --------------------------------------------------------------------------- benchmark

def _populate_synthetic(engine: Engine, n: int) -> None:
    """Insert ``n`` synthetic events (with one document per 50 events) for the benchmark."""
    import random
    from datetime import datetime, timedelta, timezone

    from eventledger.models import EVENT_TYPES, TACTICS

    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    types = list(EVENT_TYPES)
    provinces = [f"Province {i}" for i in range(30)]
    words = ["street", "gathering", "square", "workers", "students", "court", "city", "night",
             "report", "statement", "poster", "banner", "crowd", "station", "market", "school"]
    with engine.begin() as conn:
        docs, evs = [], []
        for i in range(n):
            if i % 50 == 0:
                did = f"bench-doc-{i // 50}"
                docs.append({"id": did, "content_hash": f"{i:064d}"[-64:], "publisher": f"pub{i % 7}",
                             "title": f"Report {i // 50}", "ingested_at": now,
                             "text": " ".join(rng.choice(words) for _ in range(80))})
            et = rng.choice(types)
            d0 = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
            evs.append({"id": f"bench-ev-{i:07d}", "doc_id": f"bench-doc-{i // 50}", "event_type": et,
                        "sub_event_type": rng.choice(EVENT_TYPES[et]), "date_start": d0, "date_end": d0,
                        "date_precision": "day", "date_confidence": 1.0,
                        "location_name": f"Town {i % 500}", "canonical": f"Town {i % 500}",
                        "admin1": rng.choice(provinces), "country": "IR",
                        "lat": 25 + rng.random() * 14, "lon": 44 + rng.random() * 18,
                        "tactics": json.dumps([rng.choice(TACTICS)]), "actor1": "Protesters",
                        "slogans": "[]", "stance": "news_agency", "confidence": 0.8,
                        "corroboration": rng.randint(1, 3), "status": "machine", "notes": "[]"})
            if len(evs) >= 5000:
                conn.execute(s.documents.insert(), docs) if docs else None
                conn.execute(EV.insert(), evs)
                docs, evs = [], []
        if docs:
            conn.execute(s.documents.insert(), docs)
        if evs:
            conn.execute(EV.insert(), evs)
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            if _has_fts(conn):  # external-content FTS: rebuild the index after bulk insert
                conn.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"))
            conn.execute(text("ANALYZE"))


def bench_table(db: str | Path | Any | None = None, n: int = 100_000, repeat: int = 5) -> dict[str, float]:
    """Time the event table's queries (milliseconds, median of ``repeat``).

    ``db``: a database (path, URL or Store); when it holds fewer than ``n`` events, ``n``
    synthetic events are added first, so pass a scratch file. ``None`` uses a temp file.
    """
    import statistics
    import tempfile

    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = Path(tmp.name) / "bench.db"
    engine = resolve_engine(db)
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(EV)).scalar_one()
    if have < n:
        _populate_synthetic(engine, n - have)
    cases = {
        "first_page": (EventFilter(), 1),
        "page_1000_offset": (EventFilter(), 1000),
        "next_page_keyset": (EventFilter(), "2021-06-01|bench-ev-0050000"),
        "type_filter": (EventFilter(event_type="protest"), 1),
        "type_province_dates": (EventFilter(event_type="repression", admin1="Province 3",
                                            date_from=date(2020, 1, 1), date_to=date(2021, 12, 31)), 2),
        "actor_substring": (EventFilter(actor="protest"), 5),
        "full_text": (EventFilter(q="banner crowd"), 3),
    }
    out: dict[str, float] = {}
    with engine.connect() as conn:
        out["events"] = float(conn.execute(select(func.count()).select_from(EV)).scalar_one())
        for name, (flt, page) in cases.items():
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                if isinstance(page, str):
                    list_events(conn, flt, after=page, per_page=50)
                else:
                    list_events(conn, flt, page=page, per_page=50)
                times.append((time.perf_counter() - t0) * 1000)
            out[name + "_ms"] = round(statistics.median(times), 2)
    engine.dispose()
    if tmp is not None:
        tmp.cleanup()
    return out
