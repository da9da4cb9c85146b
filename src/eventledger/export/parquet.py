"""Parquet export (pyarrow): one row per event with the export dict's structure
(``location`` and ``count`` as structs, ``provenance`` as a list of structs), written in
row groups so memory stays bounded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["PARQUET_SCHEMA", "write_parquet"]

_ROW_GROUP = 10_000

PARQUET_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("doc", pa.string()),
    ("documents", pa.list_(pa.string())),
    ("date_start", pa.date32()),
    ("date_end", pa.date32()),
    ("date_precision", pa.string()),
    ("location", pa.struct([("name", pa.string()), ("canonical", pa.string()), ("admin1", pa.string()),
                            ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
                            ("precision", pa.int32())])),
    ("event_type", pa.string()),
    ("sub_event_type", pa.string()),
    ("tactics", pa.list_(pa.string())),
    ("actor1", pa.string()),
    ("actor2", pa.string()),
    ("count", pa.struct([("kind", pa.string()), ("value", pa.int64()), ("qualifier", pa.string()),
                         ("qualifier_text", pa.string())])),
    ("slogans", pa.list_(pa.string())),
    ("provenance", pa.list_(pa.struct([("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                       ("role", pa.string())]))),
    ("reported_by", pa.string()),
    ("attributed_to", pa.string()),
    ("corroboration", pa.int32()),
    ("stance", pa.string()),
    ("status", pa.string()),
    ("confidence", pa.float64()),
    ("notes", pa.list_(pa.string())),
])


def _prepare(event: dict[str, Any]) -> dict[str, Any]:
    row = dict(event)
    for key in ("date_start", "date_end"):
        row[key] = dt.date.fromisoformat(row[key]) if row.get(key) else None
    if row.get("count") is not None:
        row["count"] = {"qualifier_text": None, **row["count"]}
    return row


def write_parquet(events: Iterable[dict[str, Any]], fp: BinaryIO | str) -> int:
    """Write events to a Parquet file (path or binary file object); returns the count."""
    n = 0
    with pq.ParquetWriter(fp, PARQUET_SCHEMA) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(_prepare(event))
            if len(batch) >= _ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=PARQUET_SCHEMA))
            n += len(batch)
    return n
