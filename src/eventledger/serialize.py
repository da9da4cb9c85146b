"""Doc <-> JSON-able record, for moving pipeline results between processes and machines.

The Dask engine writes one record per document into Parquet partitions; the loader turns
them back into :class:`~eventledger.doc.Doc` objects for ``Store.save_docs``. A record
carries what the store needs (the report with its text and metadata, the anchor, the place
mentions, events, claims, notes) and nothing of the intermediate mentions (segments,
triggers, dates), which the store does not keep.

Values are plain JSON types: dates as ISO strings, tuples as lists, frozen dataclasses as
dicts of their fields. Decoding is driven by the dataclasses' own type hints, so a field
added to the contract in :mod:`eventledger.models` round-trips without a change here.
Hand-written rather than a library (cattrs, msgspec) because the mapping is ~60 lines and
avoids a dependency for one job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import cache
from typing import Any, Callable, Union

from .doc import Anchor, Doc, PlaceMention
from .models import Claim, Event, Report

__all__ = ["RECORD_VERSION", "doc_to_record", "record_to_doc", "dumps_record", "loads_record",
           "to_jsonable", "from_jsonable"]

#: bump when the record layout changes incompatibly (partitions on disk carry it)
RECORD_VERSION = 1


def to_jsonable(value: Any) -> Any:
    """A dataclass / tuple / date tree as JSON types (dicts, lists, str, numbers, None)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    names = _field_names(type(value))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    raise TypeError(f"cannot serialise {type(value).__name__}: {value!r}")


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """Field names of a dataclass type (None for other types), looked up once per type."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def from_jsonable(tp: Any, value: Any) -> Any:
    """Rebuild a value of type ``tp`` (a type hint) from :func:`to_jsonable` output."""
    return _decoder(tp)(value)


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(tp: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of type ``tp``; built once per type from the type
    hints (the client loads every record of a Dask run, so decoding must be cheap)."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if all(a in (int, float, str, bool) for a in args):  # JSON keeps these as they are
            return _identity
        if len(args) == 1:
            inner = _decoder(args[0])
            return lambda v: None if v is None else inner(v)
        members = [_decoder(a) for a in args]

        def first_that_fits(v: Any) -> Any:
            if v is None:
                return None
            for decode in members:
                try:
                    return decode(v)
                except (TypeError, ValueError):
                    continue
            raise TypeError(f"no member of {tp} accepts {v!r}")

        return first_that_fits
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _identity:
                return tuple
            return lambda v: tuple(item(x) for x in v)
        items = [_decoder(a) for a in args]
        return lambda v: tuple(d(x) for d, x in zip(items, v))
    if origin is list:
        item = _decoder(typing.get_args(tp)[0])
        return lambda v: [item(x) for x in v]
    if origin is dict or tp is Any or tp in (str, int, float, bool):
        return _identity
    if tp is dt.date:
        return dt.date.fromisoformat
    if tp is dt.datetime:
        return dt.datetime.fromisoformat
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(tp)}
        plain = {k for k, d in fields.items() if d is _identity}
        typed = [(k, d) for k, d in fields.items() if d is not _identity]

        def build(v: dict[str, Any]) -> Any:
            if v is None:
                return None
            kwargs = {k: v[k] for k in plain if k in v}
            for k, decode in typed:
                if k in v:
                    x = v[k]
                    kwargs[k] = None if x is None else decode(x)
            return tp(**kwargs)

        return build
    raise TypeError(f"cannot rebuild type {tp!r}")


def doc_to_record(doc: Doc) -> dict[str, Any]:
    """What the store needs from a processed Doc, as JSON-able values."""
    return {
        "version": RECORD_VERSION,
        "report": to_jsonable(doc.report),
        "anchor": to_jsonable(doc.anchor),
        "places": to_jsonable(doc.places),
        "events": to_jsonable(doc.events),
        "claims": to_jsonable(doc.claims),
        "notes": list(doc.notes),
        "done": list(doc.done),
        "error": doc.extras.get("error"),
    }


def record_to_doc(record: dict[str, Any]) -> Doc:
    """The inverse of :func:`doc_to_record` (the intermediate mentions stay empty)."""
    version = record.get("version", RECORD_VERSION)
    if version != RECORD_VERSION:
        raise ValueError(f"record version {version} is not {RECORD_VERSION}; re-run the engine")
    doc = Doc(report=from_jsonable(Report, record["report"]))
    doc.anchor = from_jsonable(Anchor, record["anchor"])
    doc.places = [from_jsonable(PlaceMention, p) for p in record["places"]]
    doc.events = [from_jsonable(Event, e) for e in record["events"]]
    doc.claims = [from_jsonable(Claim, c) for c in record["claims"]]
    doc.notes = list(record.get("notes", ()))
    doc.done = list(record.get("done", ()))
    if record.get("error"):
        doc.extras["error"] = record["error"]
    return doc


def dumps_record(doc: Doc) -> str:
    """One Doc as a compact JSON string (what a Parquet partition stores per row)."""
    return json.dumps(doc_to_record(doc), ensure_ascii=False, separators=(",", ":"))


def loads_record(text: str) -> Doc:
    return record_to_doc(json.loads(text))
