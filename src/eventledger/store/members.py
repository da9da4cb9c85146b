"""Reading the stored per-document events (``doc_events``) that re-clustering needs: the
clustering columns of every member of some dedupe keys, or of only those in reach of a
batch, and the JSON of the members whose merged events are rebuilt.

Why two reads for the members in reach (issue 7): a key's stored members grow with the
corpus, and reading each one's row costs a random page of the ``doc_events`` table (its
rows hold the JSON and are ~0.7 KB). The ranges alone — all that deciding reach needs —
come from ``ix_doc_events_reach`` (``dedupe_key, date_start, date_end, doc_id,
local_id``; migration 5) without touching the table, a key's entries side by side; the
table rows are then read only for the members in reach, by rowid on SQLite (every
SQLite index holds it) and by primary key on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select, tuple_

from ..dedupe import in_reach
from .migrations import doc_events
from .sql_io import ComponentRow, as_date, chunks

__all__ = ["key_rows", "rows_in_reach", "member_payloads"]

_COLUMNS = ("dedupe_key", "doc_id", "local_id", "event_id", "publisher", "stance", "date_start",
            "date_end", "actor1", "actor2")


def _sqlite_rows(conn: Connection, where: str, values: Sequence[Any]) -> Iterator[ComponentRow]:
    # straight to the driver: SQLAlchemy's per-row date processing was half the read cost
    sql = f"SELECT {', '.join(_COLUMNS)} FROM doc_events WHERE {where} IN ({','.join('?' * len(values))})"
    for r in conn.exec_driver_sql(sql, tuple(values)).fetchall():  # (one call, not one per row)
        yield ComponentRow(r[0], r[1], r[2], r[3], r[4], r[5], as_date(r[6]), as_date(r[7]), r[8], r[9])


def key_rows(conn: Connection, keys: Sequence[str]) -> Iterator[Any]:
    """Every ``doc_events`` row of ``keys`` (clustering columns only, no JSON)."""
    cols = [doc_events.c[name] for name in _COLUMNS]
    for chunk in chunks(keys):
        if conn.dialect.name == "sqlite":
            yield from _sqlite_rows(conn, "dedupe_key", chunk)
        else:
            yield from conn.execute(select(*cols).where(doc_events.c.dedupe_key.in_(chunk)))


def rows_in_reach(conn: Connection, keys: Sequence[str],
                  reach: Sequence[tuple[str, dt.date, dt.date]]) -> Iterator[Any]:
    """The ``doc_events`` rows of ``keys`` in reach of the ``(key, start, end)`` ranges
    (:func:`eventledger.dedupe.in_reach`), clustering columns only."""
    c = doc_events.c
    sqlite = conn.dialect.name == "sqlite"
    ranges: list[tuple[str, dt.date, dt.date]] = []
    locators: list[Any] = []  # rowid on SQLite, (doc_id, local_id) elsewhere
    for chunk in chunks(keys):
        if sqlite:
            sql = ("SELECT dedupe_key, date_start, date_end, rowid FROM doc_events "
                   f"WHERE dedupe_key IN ({','.join('?' * len(chunk))})")
            for key, start, end, rowid in conn.exec_driver_sql(sql, tuple(chunk)).fetchall():
                ranges.append((key, as_date(start), as_date(end)))
                locators.append(rowid)
        else:
            for key, start, end, doc_id, local_id in conn.execute(
                    select(c.dedupe_key, c.date_start, c.date_end, c.doc_id, c.local_id)
                    .where(c.dedupe_key.in_(chunk))):
                ranges.append((key, start, end))
                locators.append((doc_id, local_id))
    wanted = [locators[i] for i in in_reach(ranges, reach)]
    cols = [c[name] for name in _COLUMNS]
    for chunk in chunks(wanted):
        if sqlite:
            yield from _sqlite_rows(conn, "rowid", chunk)
        else:
            yield from conn.execute(select(*cols).where(tuple_(c.doc_id, c.local_id).in_(chunk)))


def member_payloads(conn: Connection, members: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The stored JSON (``doc_events.data``) of ``(doc_id, local_id)`` members."""
    wanted: dict[str, set[str]] = {}
    for doc_id, local_id in members:
        wanted.setdefault(doc_id, set()).add(local_id)
    c = doc_events.c
    out: dict[tuple[str, str], str] = {}
    for chunk in chunks(sorted(wanted)):
        for doc_id, local_id, data in conn.execute(
                select(c.doc_id, c.local_id, c.data).where(c.doc_id.in_(chunk))):
            if local_id in wanted[doc_id]:
                out[(doc_id, local_id)] = data
    return out
