"""The SQL store (SQLAlchemy 2 Core): SQLite by default, PostgreSQL by URL.

One transaction per ``save_docs`` batch, bulk ``executemany`` writes, bound parameters
everywhere. Cross-document dedupe is recomputed for every dedupe key a batch touches from
all per-document extractions of that key (``doc_events``), so the stored events do not
depend on the order documents arrived in; see :mod:`eventledger.dedupe`.

This module holds the store itself (saving, re-clustering, review hooks, reads); its
low-level SQL plumbing is in :mod:`.sql_io`, backup and health check in
:mod:`.maintenance`, and the computations it shares with the in-memory fake in
:mod:`.reports`.

Write cost (issue 7; decisions and their reasons):

* Bounded re-clustering. The dedupe key carries a time tile (the month of the range's
  midpoint), so a batch looks only at the keys it touches (one ``dedupe_key IN (...)``
  query per 500 keys). The earlier design grew date windows transitively to a fixed
  point with a query per step; with dense overlapping ranges (a "this year" report
  overlaps everything at its place) that re-read ever more of the database per document
  (measured: 4.5 ms/doc into an empty database, 11.5 ms/doc at 3,000 documents).
  But a key's members still grow with the corpus, so of those only the members in reach
  of the batch's added and removed ones (dates overlapping, transitively, decided in
  Python from the ranges that ``ix_doc_events_reach`` gives without the table) are read
  and re-clustered — exactly the clusters full re-clustering gives
  (:func:`eventledger.dedupe.in_reach`, :mod:`.members`; measured in docs/scaling.md).
  Clusters whose member set did not change are not rebuilt, and only the stored JSON of
  members of rebuilt clusters is read.
* SQLite writes go to the driver's ``executemany`` with tuples (SQLAlchemy's per-row
  parameter processing cost a third of the time). Overrides are looked up only when the
  ``overrides`` table has rows. Evidence spans are not copied into a table of their own:
  they are read from the linked per-document events (:mod:`.evidence`, migration 4).
* PRAGMAs: WAL with ``synchronous=NORMAL``: a commit does not wait for fsync, only
  checkpoints do. The database never corrupts, and a process crash (kill -9) loses
  nothing committed; a power cut or OS crash may lose the last committed batches — and
  re-running ingest re-saves them (unchanged documents are skipped by content hash).
  ``temp_store=MEMORY`` and a 64 MB page cache keep index maintenance off the disk.
* Indexes: ``ix_events_status`` is dropped (migration 3): nothing can use it (filters are
  ``!=`` / ``NOT IN``). The other ``events`` indexes serve the web app's filters and sort
  (:mod:`eventledger.store.query`) and stay. The FTS5 triggers stay: tokenising the
  text is the cost (about 0.3 ms per 3 KB document), and a per-batch rebuild would pay it
  just the same.

Concurrency: on SQLite a write transaction starts with ``BEGIN IMMEDIATE`` (writers queue
on the busy timeout instead of deadlocking); on PostgreSQL a batch takes transaction-level
advisory locks — first on its documents, then on its dedupe keys, each set in sorted order
so two writers cannot deadlock — and retries on a deadlock or serialization failure.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from functools import partial
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, bindparam, create_engine, delete, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from ..dedupe import Member, build_merged, cluster_members, is_singleton_key, merged_event_id
from ..doc import Doc
from ..errors import MigrationError, StoreError
from ..textutil import fold_name
from . import rows as R
from .base import HIDDEN_STATUSES
from .maintenance import backup_sqlite, database_problems
from .members import key_rows, member_payloads, rows_in_reach
from .migrations import doc_events, migrate
# (the pure helpers live in .reports)
from .reports import review_carry_over, side_by_side, summary_dict
from .evidence import event_spans
from .schema import (claims, documents, event_documents, events, overrides, place_mentions,
                     publishers)
from .sql_io import CHUNK, bulk_insert, chunks, lock_key, one_line, reads, sqlite_engine

__all__ = ["SqlStore", "open_store", "one_line"]


def _from_payload(payload: dict[tuple[str, str], str], key: tuple[str, str]) -> Any:
    return R.event_from_json(payload[key])


def open_store(target: str | Path, *, migrate_schema: bool = True) -> "SqlStore":
    """Open (creating if needed) the database at ``target`` and bring its schema up to date.

    ``target``: a file path or ``sqlite:///path`` (SQLite, WAL, foreign keys on), or
    ``postgresql://…`` / ``postgresql+psycopg://…`` (psycopg 3). Raises StoreError with
    one line when the database cannot be used, MigrationError when its schema is newer.
    """
    shown = str(target)
    try:
        if isinstance(target, Path) or "://" not in str(target):
            engine = sqlite_engine(Path(target).expanduser())
        else:
            url = make_url(str(target))
            shown = url.render_as_string(hide_password=True)
            backend = url.get_backend_name()
            if backend == "sqlite":
                if not url.database or url.database == ":memory:":
                    raise StoreError("an in-memory SQLite database is not supported; give a file path")
                engine = sqlite_engine(Path(url.database).expanduser())
            elif backend in ("postgresql", "postgres"):
                url = url.set(drivername="postgresql+psycopg")
                shown = url.render_as_string(hide_password=True)
                engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
            else:
                raise StoreError(f"unsupported database URL {shown}: use a file path, sqlite:/// or postgresql://")
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"bad database URL {shown}: {one_line(exc)}") from None
    except ImportError as exc:
        raise StoreError(f"database driver missing for {shown}: {one_line(exc)}") from None
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        if migrate_schema:
            migrate(engine)
    except MigrationError as exc:
        engine.dispose()
        raise MigrationError(f"{shown}: {exc}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot use database {shown}: {one_line(exc)}") from None
    return SqlStore(engine)


class SqlStore:
    """A Store over a SQLAlchemy engine (see :class:`eventledger.store.base.Store`)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect: str = engine.dialect.name

    # --- plumbing --------------------------------------------------------------------

    def _write(self, fn, *args: Any) -> Any:  # noqa: ANN001
        """Run ``fn(conn, *args)`` in one write transaction; retry PostgreSQL deadlocks."""
        for attempt in range(6):
            try:
                with self.engine.connect() as conn:
                    conn = conn.execution_options(sqlite_immediate=True)
                    with conn.begin():
                        return fn(conn, *args)
            except DBAPIError as exc:
                code = getattr(exc.orig, "sqlstate", None)
                if code in ("40P01", "40001") and attempt < 5:  # deadlock, serialization failure
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise StoreError(f"database write failed: {one_line(exc)}") from None
            except SQLAlchemyError as exc:
                raise StoreError(f"database write failed: {one_line(exc)}") from None
        raise StoreError("database write failed: too many retries")  # pragma: no cover

    def _read(self):  # noqa: ANN202
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "SqlStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pg_lock(self, conn: Connection, keys: Iterable[tuple[int, int]]) -> None:
        if self.dialect != "postgresql":
            return
        for kind, value in sorted(set(keys)):
            conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": kind, "b": value})

    # --- documents -------------------------------------------------------------------

    def document_hash(self, doc_id: str) -> str | None:
        try:
            with self._read() as conn:
                return conn.execute(
                    select(documents.c.content_hash).where(documents.c.id == doc_id)).scalar()
        except SQLAlchemyError as exc:
            raise StoreError(f"database read failed: {one_line(exc)}") from None

    @reads
    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        out = dict(row)
        for key in ("published", "anchor_date"):
            out[key] = out[key].isoformat() if out[key] else None
        out["ingested_at"] = out["ingested_at"].isoformat() if out["ingested_at"] else None
        return out

    # --- saving ----------------------------------------------------------------------

    def save_docs(self, docs: Sequence[Doc], *, force: bool = False) -> list[str]:
        """Write a batch of processed documents in one transaction (see Store)."""
        unique: dict[str, Doc] = {}
        for d in docs:  # the same id twice in one batch: the last one wins
            unique[d.id] = d
        if not unique:
            return []
        return self._write(self._save, list(unique.values()), force)

    def _save(self, conn: Connection, docs: list[Doc], force: bool) -> list[str]:
        ids = sorted(d.id for d in docs)
        self._pg_lock(conn, (lock_key(1, i) for i in ids))
        existing: dict[str, str] = {}
        for chunk in chunks(ids):
            existing.update({i: h for i, h in conn.execute(
                select(documents.c.id, documents.c.content_hash).where(documents.c.id.in_(chunk)))})
        changed = [d for d in docs if force or existing.get(d.id) != d.report.content_hash]
        if not changed:
            return []
        changed.sort(key=lambda d: d.id)
        changed_ids = [d.id for d in changed]
        old_ids = [i for i in changed_ids if i in existing]

        # the keys the changed documents contributed to before are recomputed too, as far
        # as their old members' ranges reach (see _recluster)
        seeds: set[str] = set()
        reach: list[tuple[str, dt.date, dt.date]] = []
        stale_events: set[str] = set()
        c = doc_events.c
        for chunk in chunks(old_ids):
            for key, event_id, start, end in conn.execute(
                    select(c.dedupe_key, c.event_id, c.date_start, c.date_end).where(c.doc_id.in_(chunk))):
                seeds.add(key)
                stale_events.add(event_id)
                if not is_singleton_key(key):
                    reach.append((key, start, end))
            for table in (place_mentions, claims, doc_events, event_documents):
                conn.execute(delete(table).where(table.c.doc_id.in_(chunk)))

        now = dt.datetime.now(dt.timezone.utc)
        stance_of = self._stances(conn)
        doc_rows = [R.document_row(d, now) for d in changed]
        updates = [dict(r, b_id=r["id"]) for r in doc_rows if r["id"] in existing]
        inserts = [r for r in doc_rows if r["id"] not in existing]
        if updates:
            conn.execute(update(documents).where(documents.c.id == bindparam("b_id"))
                         .values({c: bindparam(c) for c in doc_rows[0] if c != "id"}), updates)
        bulk_insert(conn, documents, inserts)

        pm_rows: list[dict[str, Any]] = []
        claim_rows: list[dict[str, Any]] = []
        de_rows: list[dict[str, Any]] = []
        batch_members: dict[tuple[str, str], Member] = {}
        singletons: list[Member] = []
        for d in changed:
            publisher = d.report.publisher
            stance = stance_of(publisher)
            pm_rows.extend(R.place_mention_rows(d))
            claim_rows.extend(R.claim_rows(d, stance))
            for ev, local in zip(d.events, R.local_ids(d.events)):
                member = Member(d.id, local, ev, publisher, stance)
                key = member.key
                de_rows.append({
                    "doc_id": d.id, "local_id": local, "dedupe_key": key,
                    "date_start": ev.date.start, "date_end": ev.date.end,
                    "event_id": None, "publisher": publisher,  # (the merged event: filled in below)
                    "actor1": member.actor1, "actor2": member.actor2,
                    "stance": stance, "data": R.event_to_json(ev),
                })
                if is_singleton_key(key):
                    singletons.append(member)
                else:
                    batch_members[(d.id, local)] = member
                    seeds.add(key)
                    reach.append((key, member.start, member.end))
        bulk_insert(conn, place_mentions, pm_rows)
        bulk_insert(conn, claims, claim_rows)
        # re-cluster before the batch's own doc_events rows exist: the rows read back are
        # the other documents' only, and each new row is written once, with its merged event
        placed = self._recluster(conn, sorted(k for k in seeds if not is_singleton_key(k)),
                                 batch_members, singletons, stale_events, reach)
        for row in de_rows:
            row["event_id"] = placed[(row["doc_id"], row["local_id"])]
        bulk_insert(conn, doc_events, de_rows)
        written = set(changed_ids)
        return [d.id for d in docs if d.id in written]

    def _recluster(self, conn: Connection, keys: list[str], batch_members: dict[tuple[str, str], Member],
                   singletons: list[Member], stale_events: set[str],
                   reach: list[tuple[str, dt.date, dt.date]] | None = None) -> dict[tuple[str, str], str]:
        """Recompute the merged events of ``keys`` from their members — the stored
        ``doc_events`` rows of other documents and the batch's members, whose rows the
        caller writes afterwards — and rewrite the clusters that changed. Returns the
        merged event of each batch member (and singleton).

        ``reach``: the ``(key, start, end)`` of the members added and removed; only the
        stored members whose ranges overlap them, transitively, are re-clustered — exactly
        the clusters full re-clustering would give (proof: :func:`eventledger.dedupe.in_reach`).
        A key's members grow with the corpus (the synthetic one keeps adding documents to
        the same place-months), the members in reach of a batch much less. None: all
        members of ``keys`` (rebuilding merges)."""
        self._pg_lock(conn, (lock_key(2, k) for k in keys))
        members: list[Member] = list(singletons)
        members.extend(batch_members.values())
        payload: dict[tuple[str, str], str] = {}  # doc_events.data, loaded only for clusters rebuilt
        current_event: dict[tuple[str, str], str] = {}  # stored members -> their merged event now
        old_events: set[str] = set(stale_events)
        rows = key_rows(conn, keys) if reach is None else rows_in_reach(conn, keys, reach)
        for row in rows:
            mk = (row.doc_id, row.local_id)
            if mk in batch_members:  # (only when the caller wrote the batch's rows already)
                continue
            current_event[mk] = row.event_id
            old_events.add(row.event_id)
            members.append(Member(row.doc_id, row.local_id, None, row.publisher, row.stance,
                                  key=row.dedupe_key, start=row.date_start, end=row.date_end,
                                  actor1=row.actor1, actor2=row.actor2,
                                  loader=partial(_from_payload, payload, mk)))
        # clusters that neither gained nor lost a member keep their rows untouched
        old_sizes = Counter(current_event.values())
        todo: list[list[Member]] = []
        unchanged: set[str] = set()
        for cluster in cluster_members(members):
            rep = cluster[0]
            cid = merged_event_id(rep.doc_id, rep.local_id)
            if (cid not in stale_events and old_sizes.get(cid) == len(cluster)
                    and all(current_event.get((m.doc_id, m.local_id)) == cid for m in cluster)):
                unchanged.add(cid)
            else:
                todo.append(cluster)
        payload.update(member_payloads(
            conn, [(m.doc_id, m.local_id) for c in todo for m in c if (m.doc_id, m.local_id) in current_event]))
        fresh = sorted((build_merged(c) for c in todo), key=lambda x: x.id)
        old_members: dict[str, set[tuple[str, str]]] = {}
        for mk, e in current_event.items():
            old_members.setdefault(e, set()).add(mk)
        carry = review_carry_over(fresh, old_members, unchanged)
        self._replace_events(conn, old_events - unchanged, fresh, carry)

        # remember which merged event each member belongs to now
        placed: dict[tuple[str, str], str] = {}
        moves = []
        for x in fresh:
            for mk in x.links:
                now_in = current_event.get(mk)
                if now_in is None:
                    placed[mk] = x.id
                elif now_in != x.id:
                    moves.append({"b_doc": mk[0], "b_local": mk[1], "event_id": x.id})
        if moves:
            conn.execute(update(doc_events).where(and_(doc_events.c.doc_id == bindparam("b_doc"),
                                                       doc_events.c.local_id == bindparam("b_local")))
                         .values(event_id=bindparam("event_id")), moves)
        return placed

    def _replace_events(self, conn: Connection, stale: set[str], merged: list[Any],
                        carry: dict[str, str]) -> None:
        """Delete the events a recomputation supersedes and write the merged ones,
        keeping the review status of ids that persist (or that ``carry`` says were
        absorbed into a new id) and re-applying overrides."""
        new_ids = [m.id for m in merged]
        # a merged id that already has a row always belongs to a member whose old event is
        # in ``stale`` (see _save), so deleting ``stale`` is enough
        touched = sorted(stale)
        kept: dict[str, tuple[str, str | None]] = {}
        for chunk in chunks(touched):
            kept.update((i, (s, into)) for i, s, into in conn.execute(
                select(events.c.id, events.c.status, events.c.merged_into)
                .where(events.c.id.in_(chunk), events.c.status != "machine")))
            conn.execute(delete(event_documents).where(event_documents.c.event_id.in_(chunk)))
            conn.execute(delete(events).where(events.c.id.in_(chunk)))
        if not merged:
            return
        event_rows, link_rows = [], []
        for m in merged:
            row = R.db_event_row(m.row)
            if m.id in kept:
                row["status"], row["merged_into"] = kept[m.id]
            elif carry.get(m.id) in kept:
                row["status"], row["merged_into"] = kept[carry[m.id]]
            event_rows.append(row)
            link_rows.extend({"event_id": m.id, "doc_id": d, "local_id": l} for d, l in m.links)
        for new_id, old_id in sorted(carry.items()):  # reviewed values follow the event to its new id
            conn.execute(delete(overrides).where(
                overrides.c.event_id == new_id,
                overrides.c.field.in_(select(overrides.c.field).where(overrides.c.event_id == old_id))))
            conn.execute(update(overrides).where(overrides.c.event_id == old_id).values(event_id=new_id))
        bulk_insert(conn, events, event_rows)
        bulk_insert(conn, event_documents, link_rows)
        if conn.execute(select(overrides.c.event_id).limit(1)).first() is not None:
            self._apply_overrides(conn, new_ids)  # most databases have no reviews: skip the lookups

    def _apply_overrides(self, conn: Connection, ids: Sequence[str]) -> None:
        for chunk in chunks(sorted(ids)):
            found = conn.execute(select(overrides.c.event_id, overrides.c.field, overrides.c.value)
                                 .where(overrides.c.event_id.in_(chunk))
                                 .order_by(overrides.c.event_id, overrides.c.at, overrides.c.field)).all()
            for event_id, field, value in found:
                values = R.apply_override(field, value)
                if values:
                    conn.execute(update(events).where(events.c.id == event_id).values(values))

    def _stances(self, conn: Connection):  # noqa: ANN202
        table = {fold_name(n): s for n, s in conn.execute(select(publishers.c.name, publishers.c.stance))}

        seen: dict[str, str] = {}  # a batch names few publishers: fold each name once

        def stance_of(publisher: str | None) -> str | None:
            if not publisher:
                return None
            stance = seen.get(publisher)
            if stance is None:
                stance = seen[publisher] = table.get(fold_name(publisher), "unknown")
            return stance

        return stance_of

    # --- review hooks ----------------------------------------------------------------

    def set_publishers(self, stances: dict[str, str]) -> None:
        """Add or replace publisher stances (e.g. from ``Options.publishers_file``); they
        apply to documents saved afterwards."""
        def run(conn: Connection) -> None:
            for name, stance in sorted(stances.items()):
                conn.execute(delete(publishers).where(publishers.c.name == name))
                conn.execute(insert(publishers).values(name=name, stance=stance))
        self._write(run)

    def set_status(self, event_id: str, status: str, merged_into: str | None = None) -> None:
        def run(conn: Connection) -> None:
            conn.execute(update(events).where(events.c.id == event_id)
                         .values(status=status, merged_into=merged_into))
        self._write(run)

    def set_override(self, event_id: str, field: str, value: Any, user: str) -> None:
        """Record a reviewed field value (kept across re-runs) and apply it now."""
        if not R.override_columns(field) and field not in ("location", "count"):
            raise StoreError(f"field {field!r} cannot be overridden")
        value_json = json.dumps(value, ensure_ascii=False, default=str)

        def run(conn: Connection) -> None:
            conn.execute(delete(overrides).where(overrides.c.event_id == event_id, overrides.c.field == field))
            conn.execute(insert(overrides).values(event_id=event_id, field=field, value=value_json, user=user,
                                                  at=dt.datetime.now(dt.timezone.utc)))
            self._apply_overrides(conn, [event_id])
        self._write(run)

    # --- reading ---------------------------------------------------------------------

    def _event_where(self, filters: dict[str, Any]) -> list[Any]:
        c = events.c
        unknown = set(filters) - {"event_type", "sub_event_type", "country", "admin1", "canonical",
                                  "doc_id", "date_from", "date_to", "status", "include_hidden"}
        if unknown:
            raise StoreError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        where: list[Any] = []
        for name in ("event_type", "sub_event_type", "country", "admin1", "canonical"):
            if filters.get(name) is not None:
                where.append(getattr(c, name) == filters[name])
        if filters.get("status") is not None:
            where.append(c.status == filters["status"])
        elif not filters.get("include_hidden"):
            where.append(c.status.not_in(HIDDEN_STATUSES))
        if filters.get("doc_id") is not None:
            where.append(c.id.in_(select(event_documents.c.event_id)
                                  .where(event_documents.c.doc_id == filters["doc_id"])))
        if filters.get("date_from") is not None:
            where.append(c.date_end >= R.to_date(filters["date_from"]))
        if filters.get("date_to") is not None:
            where.append(c.date_start <= R.to_date(filters["date_to"]))
        return where

    @reads
    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        where = self._event_where(filters)
        query = (select(events).where(*where)
                 .order_by(events.c.date_start.asc().nulls_last(), events.c.id))
        with self._read() as conn:
            with conn.begin():  # PostgreSQL server-side cursors live inside a transaction
                result = conn.execution_options(yield_per=CHUNK).execute(query).mappings()
                for part in result.partitions():
                    yield from self._dicts(conn, part)

    def _dicts(self, conn: Connection, part: Sequence[Any]) -> Iterator[dict[str, Any]]:
        ids = [r["id"] for r in part]
        docs: dict[str, list[str]] = {}
        for eid, did in conn.execute(select(event_documents.c.event_id, event_documents.c.doc_id)
                                     .where(event_documents.c.event_id.in_(ids))):
            docs.setdefault(eid, []).append(did)
        spans = event_spans(conn, ids)
        for r in part:
            yield R.event_dict_from_rows(r, docs.get(r["id"], ()), spans.get(r["id"], ()))

    @reads
    def count_events(self, **filters: Any) -> int:
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(events)
                                .where(*self._event_where(filters))).scalar() or 0

    @reads
    def iter_claims(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        query = select(claims).order_by(claims.c.doc_id, claims.c.start, claims.c.id)
        if kind is not None:
            query = query.where(claims.c.kind == kind)
        with self._read() as conn:
            with conn.begin():
                result = conn.execution_options(yield_per=CHUNK).execute(query).mappings()
                for part in result.partitions():
                    doc_ids = sorted({r["doc_id"] for r in part})
                    local: dict[tuple[str, str], str] = {}
                    for d, l, e in conn.execute(
                            select(event_documents.c.doc_id, event_documents.c.local_id,
                                   event_documents.c.event_id)
                            .where(event_documents.c.doc_id.in_(doc_ids))):
                        local[(d, l)] = e
                    for r in part:
                        refs = json.loads(r["event_ids"] or "[]")
                        yield R.claim_dict_from_row(r, {local.get((r["doc_id"], x), x) for x in refs})

    def claims_side_by_side(self, kind: str) -> list[dict[str, Any]]:
        return side_by_side(self.iter_claims(kind), kind)

    @reads
    def summary(self) -> dict[str, Any]:
        c = events.c
        visible = c.status.not_in(HIDDEN_STATUSES)
        with self._read() as conn:
            n_docs = conn.execute(select(func.count()).select_from(documents)).scalar() or 0
            n_claims = conn.execute(select(func.count()).select_from(claims)).scalar() or 0
            by_type = conn.execute(select(c.event_type, c.sub_event_type, func.count())
                                   .where(visible).group_by(c.event_type, c.sub_event_type)).all()
            places = conn.execute(select(c.canonical, c.country, func.count().label("n"))
                                  .where(visible, c.canonical.is_not(None))
                                  .group_by(c.canonical, c.country)).all()
            lo, hi = conn.execute(select(func.min(c.date_start), func.max(c.date_end)).where(visible)).one()
        return summary_dict(n_docs, n_claims, by_type, places, lo, hi)

    # --- maintenance -----------------------------------------------------------------

    def backup(self, out_path: str | Path) -> None:
        """A consistent copy of a SQLite database (online backup API) while it is in use."""
        if self.dialect != "sqlite":
            raise StoreError("backup is for SQLite; use pg_dump for PostgreSQL")
        backup_sqlite(self.engine, Path(out_path))

    @reads
    def check(self) -> list[str]:
        """Problems found (empty = healthy): integrity, orphans, spans outside their text."""
        with self._read() as conn:
            return database_problems(conn)


def rebuild_merges(conn: Connection) -> None:
    """Recompute every merged event from ``doc_events`` (used by migration 3, which
    changed the dedupe key). Reviews and overrides follow as in a normal save. Keys are
    handled a few thousand at a time, all tiles of one place and sub-type together (an
    old merged event never spanned two places or sub-types)."""
    store = SqlStore(conn.engine)
    keys = sorted(k for (k,) in conn.execute(select(doc_events.c.dedupe_key).distinct())
                  if not is_singleton_key(k))
    chunk: list[str] = []
    for i, key in enumerate(keys):
        chunk.append(key)
        base = key.rsplit("\x1f", 1)[0]
        following = keys[i + 1].rsplit("\x1f", 1)[0] if i + 1 < len(keys) else None
        if len(chunk) >= 2000 and following != base or following is None:
            store._recluster(conn, chunk, {}, [], set())
            chunk = []
