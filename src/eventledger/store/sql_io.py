"""Low-level SQL plumbing of the SQL store: one-line database errors, chunked ``IN (...)``
lists, bulk ``executemany`` (straight to the SQLite driver, see :func:`bulk_insert`),
PostgreSQL advisory-lock keys, and the SQLite engine with its PRAGMAs and transaction hooks.
None of it knows the store's tables beyond what it is given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Date, DateTime, Engine, Table, create_engine, event, insert
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .rows import iso_date

__all__ = ["CHUNK", "ComponentRow", "as_date", "bulk_insert", "chunks", "lock_key",
           "one_line", "reads", "sqlite_engine"]

CHUNK = 500  # ids per IN (...) list


def one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).strip()
    return msg.splitlines()[0] if msg else type(exc).__name__


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def reads(fn):  # noqa: ANN001, ANN202
    """Turn database errors of a read method (or generator) into a one-line StoreError."""
    import functools
    import inspect

    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(*args, **kwargs):  # noqa: ANN202
            try:
                yield from fn(*args, **kwargs)
            except SQLAlchemyError as exc:
                raise StoreError(f"database read failed: {one_line(exc)}") from None
        return gen

    @functools.wraps(fn)
    def plain(*args, **kwargs):  # noqa: ANN202
        try:
            return fn(*args, **kwargs)
        except SQLAlchemyError as exc:
            raise StoreError(f"database read failed: {one_line(exc)}") from None
    return plain


class ComponentRow(NamedTuple):
    dedupe_key: str
    doc_id: str
    local_id: str
    event_id: str
    publisher: str | None
    stance: str | None
    date_start: dt.date
    date_end: dt.date
    actor1: str | None
    actor2: str | None


def as_date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany of rows that all have the same keys.

    On SQLite this goes straight to the driver with rows as tuples: SQLAlchemy's per-row
    parameter processing was a third of the save time. Values stay bound parameters; only
    schema identifiers are put into the statement, and the columns whose type has a bind
    processor (dates, timestamps) are converted by SQLAlchemy's own processors, so reads
    through SQLAlchemy see exactly what an ORM-style insert would have stored."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    cols = tuple(rows[0])
    sql, processors = _sqlite_insert(conn, table, cols)
    get = itemgetter(*cols) if len(cols) > 1 else (lambda r, c=cols[0]: (r[c],))
    data = list(map(get, rows))
    if processors:
        # column-wise: one list comprehension per converted column, then back to rows
        columns = list(zip(*data))
        for i, process, is_date in processors:
            if is_date:  # a date's isoformat is SQLAlchemy's SQLite DATE format (remembered: iso_date)
                columns[i] = [iso_date(v) if v.__class__ is dt.date else None if v is None else process(v)
                              for v in columns[i]]  # type: ignore[call-overload]
            else:
                columns[i] = [None if v is None else process(v) for v in columns[i]]  # type: ignore[call-overload]
        data = list(zip(*columns))
    conn.exec_driver_sql(sql, data)


_Processors = list[tuple[int, Any, bool]]
_INSERTS: dict[tuple[int, str, tuple[str, ...]], tuple[str, _Processors]] = {}


def _sqlite_insert(conn: Connection, table: Table, cols: tuple[str, ...]) -> tuple[str, _Processors]:
    """The INSERT statement for ``cols`` of ``table`` and the (position, bind processor,
    is a plain Date column) of the columns that need one; built once per dialect, table
    and column list."""
    key = (id(conn.dialect), table.name, cols)
    got = _INSERTS.get(key)
    if got is None:
        quote = conn.dialect.identifier_preparer.quote
        sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
               f"VALUES ({', '.join('?' for _ in cols)})")
        dialect = conn.dialect
        processors = [(i, p, isinstance(table.c[c].type, Date) and not isinstance(table.c[c].type, DateTime))
                      for i, c in enumerate(cols)
                      if (p := table.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
        got = _INSERTS[key] = (sql, processors)
    return got


def lock_key(kind: int, value: str) -> tuple[int, int]:
    # 4096 buckets per kind: bounded number of locks per batch; a collision only serialises
    return kind, int.from_bytes(hashlib.blake2b(value.encode(), digest_size=4).digest(), "big") % 4096


def _bind_none_without_lookups() -> None:
    """Make binding a None parameter a registry hit in the ``sqlite3`` module.

    The module binds int, float, str and bytearray (exactly those types) as they are; any
    other value, None included, goes through its adaptation: a look-up in the adapter
    registry, then ``__adapt__`` asked of its PrepareProtocol type, which raises and clears an
    AttributeError (about 2,000 instructions, counted with callgrind), then ``__conform__``.
    The store binds about 170 None values per document (empty actors, counts, periods ...).
    An adapter registered for NoneType that returns None (an empty dict's ``get``: C, no
    Python frame) ends that at the registry: the same NULL is bound (≈ 0.2 µs less per None,
    measured). Process-wide, like every ``sqlite3`` adapter, and harmless to other users of the
    module for the same reason."""
    sqlite3.register_adapter(type(None), {}.get)


def sqlite_engine(path: Path) -> Engine:
    _bind_none_without_lookups()
    if path.is_dir():
        raise StoreError(f"cannot use {path} as a database: it is a directory")
    if not path.parent.exists():
        raise StoreError(f"cannot create database {path}: directory {path.parent} does not exist")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        # isolation_level=None hands transaction control to the "begin" hook below
        # (the SQLAlchemy recipe for correct SQLite transactions, DDL included)
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=60000")
        cur.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: never corrupts; a power cut (not a process crash) may lose the last batches
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-65536")  # 64 MB page cache: the events indexes are written at random
        cur.execute("PRAGMA temp_store=MEMORY")  # sorts and temporary tables never touch the disk
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
