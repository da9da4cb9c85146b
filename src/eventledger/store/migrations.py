"""Schema migrations, recorded in the database (the sqlite-utils pattern).

``MIGRATIONS`` is an ordered list of ``(version, name, fn)``; :func:`migrate` applies the
ones newer than the database's version, in order, in one transaction, and records each
in ``schema_migrations``. A database recorded at a version newer than this program
knows is refused (:class:`MigrationError`) instead of being written with an old layout.

Rules for whoever adds a step: never edit a step that has shipped; add a new one. A step
receives a SQLAlchemy ``Connection`` inside the migration transaction and must work on
SQLite and PostgreSQL (branch on ``conn.dialect.name``). Step 1 creates a *fixed list*
of tables, so a table later added to ``schema.py`` needs its own step.
"""

from __future__ import annotations

import datetime as dt
import logging
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from sqlalchemy import (Column, Connection, Date, Engine, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, bindparam, func, insert, select, text)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MigrationError
from . import schema

__all__ = ["MIGRATIONS", "LATEST_VERSION", "migrate", "current_version", "doc_events",
           "load_publishers", "extra_metadata"]

log = logging.getLogger(__name__)

#: tables this module adds beyond schema.py (ask the lead to move them into schema.py)
extra_metadata = MetaData()

#: per-document extracted events, kept so that cross-document dedupe can be recomputed
#: from all documents of a key whatever order they arrived in (see eventledger.dedupe)
doc_events = Table(
    "doc_events", extra_metadata,
    Column("doc_id", String(300), ForeignKey(schema.documents.c.id), primary_key=True),
    Column("local_id", String(64), primary_key=True),
    Column("dedupe_key", Text, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("event_id", String(64), nullable=False),  # the merged event it belongs to now
    Column("actor1", Text),  # normalised (dedupe.normalize_actor): clustering without parsing data
    Column("actor2", Text),
    Column("publisher", String(300)),
    Column("stance", String(40)),
    Column("data", Text, nullable=False),  # JSON of the models.Event (rows.event_to_json)
    # the ranges of a key's members, read without touching the table (store.members);
    # replaced ix_doc_events_key (dedupe_key, date_start) in step 5
    Index("ix_doc_events_reach", "dedupe_key", "date_start", "date_end", "doc_id", "local_id"),
)

#: tables an earlier step created and a later one dropped, defined here so that the steps
#: that shipped still do what they did (step 1 creates ``evidence``, step 4 drops it)
legacy_metadata = MetaData()
_legacy_evidence = Table(
    "evidence", legacy_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey(schema.events.c.id), nullable=False),
    Column("doc_id", String(300), ForeignKey(schema.documents.c.id), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("role", String(20), nullable=False, default="sentence"),
    Index("ix_evidence_event", "event_id"),
    Index("ix_evidence_doc", "doc_id"),
)

_V1_TABLES = ("documents", "events", "event_documents", "place_mentions", "claims",
              "reviews", "overrides", "users", "publishers")

_STANCES = ("party_to_conflict", "state_media", "rights_monitor", "news_agency", "unknown")


def load_publishers(path: str | Path | None = None) -> dict[str, str]:
    """Publisher name -> stance from a TOML lexicon; {} when there is none.

    Default: ``eventledger/lexicons/publishers.toml`` (written by the events team). Accepted
    shapes: ``[publishers]`` / top-level ``name = "stance"``; tables ``[X] stance = ...``
    (with optional ``aliases`` / ``name``); or an array ``[[publisher]]`` of tables with
    ``name``, ``stance`` and optional ``aliases``.
    """
    try:
        if path is not None:
            raw = Path(path).read_text(encoding="utf-8")
        else:
            res = resources.files("eventledger").joinpath("lexicons/publishers.toml")
            if not res.is_file():
                return {}
            raw = res.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, ModuleNotFoundError) as exc:
        log.warning("publishers lexicon not loaded: %s", exc)
        return {}
    out: dict[str, str] = {}

    def add(name: object, stance: object, aliases: object = ()) -> None:
        if not isinstance(name, str) or not isinstance(stance, str):
            return
        out[name] = stance
        if isinstance(aliases, list):
            for alias in aliases:
                if isinstance(alias, str):
                    out.setdefault(alias, stance)

    def walk(table: dict) -> None:
        for key, value in table.items():
            if isinstance(value, str) and value in _STANCES:
                add(key, value)
            elif isinstance(value, dict):
                if "stance" in value:
                    add(value.get("name", key), value["stance"], value.get("aliases", ()))
                else:
                    walk(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and "stance" in item:
                        add(item.get("name"), item["stance"], item.get("aliases", ()))

    walk(data)
    return out


def _v1_create_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.metadata.tables[n] for n in _V1_TABLES])
    _legacy_evidence.create(conn)
    if conn.dialect.name == "sqlite":
        # external-content FTS over documents(title, text); triggers keep it in sync with
        # every insert/update/delete the store makes (the pattern from the SQLite FTS5 docs)
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "title, text, content='documents', content_rowid='rowid')")
        conn.exec_driver_sql(
            "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
        conn.exec_driver_sql(
            "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END")
        conn.exec_driver_sql(
            "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); "
            "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "CREATE INDEX ix_documents_fts ON documents USING gin (to_tsvector('simple', text))")
    seed = load_publishers()
    if seed:
        conn.execute(insert(schema.publishers),
                     [{"name": n[:300], "stance": s[:40]} for n, s in sorted(seed.items())])


def _v2_doc_events(conn: Connection) -> None:
    extra_metadata.create_all(conn, tables=[doc_events])


def _v3_time_tiles(conn: Connection) -> None:
    """The dedupe key gained a time tile (see eventledger.dedupe): re-key the stored
    per-document events and recompute the merged events; drop ``ix_events_status``
    (no query can use it: the web app and the store filter with ``!=`` / ``NOT IN``, and
    every index on ``events`` is paid on each write of a merged event)."""
    from ..dedupe import is_singleton_key, time_tile
    from .sql import rebuild_merges  # here, not at the top: sql imports this module

    c = doc_events.c
    rows = conn.execute(select(c.doc_id, c.local_id, c.dedupe_key, c.date_start, c.date_end)).all()
    rekeyed = [{"b_doc": d, "b_local": l, "k": f"{k}\x1f{time_tile(s, e)}"}
               for d, l, k, s, e in rows if not is_singleton_key(k) and s is not None and e is not None]
    if rekeyed:
        conn.execute(doc_events.update()
                     .where(c.doc_id == bindparam("b_doc"), c.local_id == bindparam("b_local"))
                     .values(dedupe_key=bindparam("k")), rekeyed)
        rebuild_merges(conn)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_status")


def _v4_evidence_from_members(conn: Connection) -> None:
    """Drop the ``evidence`` table: a merged event's spans are read from the per-document
    events it links to (``doc_events.data`` holds each one's evidence; see
    eventledger.store.evidence), so the table was a copy written on every save (about 60
    rows and three B-tree inserts per document)."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS evidence")


def _v5_reach_index(conn: Connection) -> None:
    """Replace ``ix_doc_events_key`` (dedupe_key, date_start) by ``ix_doc_events_reach``
    (dedupe_key, date_start, date_end, doc_id, local_id): a batch re-clusters only the
    stored members in reach of its own (eventledger.dedupe.in_reach), and deciding which
    ones needs only these columns, which the index now gives without reading the table's
    rows (eventledger.store.members). Same prefix: whatever used the old index can use
    this one. (A database that step 2 creates now gets the new index at once, from the
    table's definition; this step brings the older ones to the same state.)"""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_doc_events_key")
    next(ix for ix in doc_events.indexes if ix.name == "ix_doc_events_reach").create(conn, checkfirst=True)


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: list[Migration] = [
    (1, "create tables, full-text index, seed publishers", _v1_create_tables),
    (2, "doc_events: per-document extracted events for order-independent dedupe", _v2_doc_events),
    (3, "dedupe key with a time tile (bounded re-clustering); drop ix_events_status", _v3_time_tiles),
    (4, "evidence read from the linked per-document events; drop the evidence table", _v4_evidence_from_members),
    (5, "doc_events: index the members' ranges for re-clustering only what a batch reaches", _v5_reach_index),
]
LATEST_VERSION = MIGRATIONS[-1][0]

#: arbitrary constant for the PostgreSQL advisory lock that serialises migrations
_PG_MIGRATION_LOCK = 0x6576_6C67


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_migrations"):
        return 0
    return conn.execute(select(func.max(schema.schema_migrations.c.version))).scalar() or 0


def migrate(engine: Engine) -> list[int]:
    """Apply pending migrations in one transaction; returns the versions applied."""
    applied: list[int] = []
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
                version = current_version(conn)
                if version > LATEST_VERSION:
                    raise MigrationError(
                        f"database schema version {version} is newer than this eventledger "
                        f"(knows up to {LATEST_VERSION}); upgrade eventledger")
                if version == LATEST_VERSION:
                    return applied
                schema.schema_migrations.create(conn, checkfirst=True)
                for number, name, step in MIGRATIONS:
                    if number <= version:
                        continue
                    step(conn)
                    conn.execute(insert(schema.schema_migrations).values(
                        version=number, name=name, applied_at=dt.datetime.now(dt.timezone.utc)))
                    applied.append(number)
    except MigrationError:
        raise
    except SQLAlchemyError as exc:
        first = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        raise MigrationError(f"migration failed: {first}") from None
    return applied
