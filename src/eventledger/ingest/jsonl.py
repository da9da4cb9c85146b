"""JSONL reports: one JSON object per line, read line by line (never the whole file).

Required: ``id`` and ``text`` (strings). Optional: ``url``, ``publisher``, ``published``
(ISO date string), ``title``, ``language`` (strings or null); other keys are ignored.
A bad line becomes a Skip for that line and reading goes on. Each line is one report, so
``max_file_bytes`` bounds a line; an over-long line is drained without being held in memory.
Encoding: UTF-8 (RFC 8259), an optional UTF-8 BOM; a UTF-16/32 BOM is honoured too.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import IO, Any

from ..config import Options
from ..errors import BadReportError
from ..models import Report
from .report import Skip, check_line_length, human_size, make_report

__all__ = ["iter_jsonl", "OPTIONAL_KEYS"]

OPTIONAL_KEYS = ("url", "publisher", "published", "title", "language")
_DRAIN_CHUNK = 1 << 20

_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _as_line_stream(stream: IO[Any]) -> IO[Any]:
    """A binary stream with a UTF-16/32 BOM becomes a text stream in that codec; UTF-8 stays
    binary (decoded per line, so one bad line does not spoil the rest)."""
    if isinstance(stream, io.TextIOBase) or not hasattr(stream, "peek"):
        return stream
    head = stream.peek(4)[:4]
    for bom, codec in _WIDE_BOMS:
        if head.startswith(bom):
            return io.TextIOWrapper(stream, encoding=codec)
    return stream


def _bounded_lines(stream: IO[Any], limit: int) -> Iterator[tuple[int, str | bytes | None]]:
    """(line number, line) with None for a line longer than ``limit`` (drained, not kept)."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        newline = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > limit and not line.endswith(newline):
            while True:
                rest = stream.readline(_DRAIN_CHUNK)
                if not rest or rest.endswith(newline):
                    break
            yield lineno, None
        else:
            yield lineno, line


def _optional(obj: dict[str, Any], key: str) -> Any:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise BadReportError(f"'{key}' must be a string or null, not {_type(value)}")
    return value


def _type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _row_to_report(obj: Any, source: str, options: Options) -> Report:
    if not isinstance(obj, dict):
        raise BadReportError(f"not a JSON object ({_type(obj)})")
    if "id" not in obj:
        raise BadReportError("missing 'id'")
    if "text" not in obj:
        raise BadReportError("missing 'text'")
    doc_id, text = obj["id"], obj["text"]
    if not isinstance(doc_id, str):
        raise BadReportError(f"'id' must be a string, not {_type(doc_id)}")
    if not isinstance(text, str):
        raise BadReportError(f"'text' must be a string, not {_type(text)}")
    meta = {key: _optional(obj, key) for key in OPTIONAL_KEYS}
    report = make_report(doc_id, text, source=source, **meta)
    check_line_length(report.text, options.max_line_chars)
    return report


def iter_jsonl(stream: IO[Any], source: str, options: Options) -> Iterator[tuple[Report | Skip, int]]:
    """Reports (or Skips) from a JSONL stream, each with its line number."""
    stream = _as_line_stream(stream)
    for lineno, raw in _bounded_lines(stream, options.max_file_bytes):
        if raw is None:
            yield Skip(source, f"line {lineno}: larger than max_file_bytes "
                               f"({human_size(options.max_file_bytes)})"), lineno
            continue
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Skip(source, f"line {lineno}: not valid UTF-8"), lineno
                continue
        else:
            line = raw
        if lineno == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue  # blank lines carry nothing; not a loss
        try:
            obj = json.loads(line)
        except RecursionError:
            yield Skip(source, f"line {lineno}: JSON nested too deeply"), lineno
            continue
        except ValueError:
            yield Skip(source, f"line {lineno}: not valid JSON"), lineno
            continue
        try:
            yield _row_to_report(obj, source, options), lineno
        except BadReportError as exc:
            label = f"line {lineno}"
            if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                label += f" (id {obj['id'][:60]!r})"
            yield Skip(source, f"{label}: {exc.reason}"), lineno
