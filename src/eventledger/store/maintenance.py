"""Maintenance of a SQL database: a consistent backup copy (SQLite) and a health check
(integrity, orphaned rows, spans outside their document's text). Used by
:class:`~eventledger.store.sql.SqlStore`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, func, or_, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import StoreError
from .evidence import spans_from_event_json
from .migrations import doc_events
from .schema import claims, documents, event_documents, events, place_mentions
from .sql_io import chunks, one_line

__all__ = ["backup_sqlite", "database_problems"]


def backup_sqlite(engine: Engine, out: Path) -> None:
    """Copy a SQLite database with the online backup API while it is in use (written to a
    temporary file, then renamed into place); raises StoreError with one line."""
    tmp = out.with_name(out.name + ".tmp")
    try:
        with engine.connect() as conn:
            source = conn.connection.driver_connection
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        os.replace(tmp, out)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"backup to {out} failed: {one_line(exc)}") from None


def database_problems(conn: Connection) -> list[str]:
    """Problems found (empty = healthy): integrity, orphans, spans outside their text."""
    problems: list[str] = []
    if conn.dialect.name == "sqlite":
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity: {line}")
        for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: table {row[0]} rowid {row[1]} -> {row[2]}")
        try:
            conn.exec_driver_sql(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        except DBAPIError as exc:
            problems.append(f"full-text index: {one_line(exc)}")
    orphan_checks = [
        ("event_documents", event_documents.c.event_id, events.c.id),
        ("event_documents", event_documents.c.doc_id, documents.c.id),
        ("place_mentions", place_mentions.c.doc_id, documents.c.id),
        ("claims", claims.c.doc_id, documents.c.id),
        ("doc_events", doc_events.c.doc_id, documents.c.id),
        ("events", events.c.doc_id, documents.c.id),
    ]
    for name, col, target in orphan_checks:
        n = conn.execute(select(func.count()).select_from(col.table)
                         .where(col.not_in(select(target)))).scalar()
        if n:
            problems.append(f"{n} {name} row(s) whose {col.name} points nowhere")
    no_docs = conn.execute(select(func.count()).select_from(events).where(
        events.c.id.not_in(select(event_documents.c.event_id)))).scalar()
    if no_docs:
        problems.append(f"{no_docs} event(s) without documents")
    length = func.length(documents.c.text)
    outside = _evidence_outside_text(conn)
    if outside:
        problems.append(f"{outside} evidence span(s) outside their document's text")
    for name, table in (("place_mentions", place_mentions), ("claims", claims)):
        n = conn.execute(select(func.count()).select_from(table.join(documents, table.c.doc_id == documents.c.id))
                         .where(or_(table.c.start < 0, table.c.end < table.c.start, table.c.end > length))).scalar()
        if n:
            problems.append(f"{n} {name} span(s) outside their document's text")
    return problems


def _evidence_outside_text(conn: Connection) -> int:
    """Evidence spans (inside the stored per-document events) that do not fit their
    document's text; read one chunk of documents at a time."""
    doc_ids = [d for (d,) in conn.execute(select(doc_events.c.doc_id).distinct().order_by(doc_events.c.doc_id))]
    bad = 0
    for chunk in chunks(doc_ids):
        length = dict(conn.execute(select(documents.c.id, func.length(documents.c.text))
                                   .where(documents.c.id.in_(chunk))).all())
        for doc_id, data in conn.execute(select(doc_events.c.doc_id, doc_events.c.data)
                                         .where(doc_events.c.doc_id.in_(chunk))):
            n = length.get(doc_id)
            if n is None:
                continue  # an orphan, reported above
            try:
                spans = spans_from_event_json(data)
            except (ValueError, TypeError, IndexError):
                bad += 1
                continue
            bad += sum(1 for s, e, _ in spans if s < 0 or e < s or e > n)
    return bad
