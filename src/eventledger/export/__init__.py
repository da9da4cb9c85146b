"""Exports of the event table: JSONL (codebook fields), CSV (ACLED column names first),
GeoJSON, Parquet.

Each writer takes any iterable of export dicts (``Store.iter_events`` or a web filter)
and streams. ``export(store, fmt, out)`` writes a whole store to a path (atomically: a
temporary file renamed into place, so a failed export never leaves half a file) or to
standard output when ``out`` is None or ``"-"``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import ExportError, StoreError
from .csv import write_csv
from .geojson import write_geojson
from .jsonl import write_jsonl

__all__ = ["FORMATS", "export", "write_events", "write_csv", "write_geojson", "write_jsonl",
           "write_parquet"]

#: format -> (writer, binary?)
FORMATS: dict[str, tuple[str, bool]] = {
    "jsonl": ("write_jsonl", False),
    "csv": ("write_csv", False),
    "geojson": ("write_geojson", False),
    "parquet": ("write_parquet", True),
}


def write_parquet(events: Iterable[dict[str, Any]], fp: Any) -> int:
    from .parquet import write_parquet as _write  # pyarrow is heavy: import on use

    return _write(events, fp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _writer(fmt: str) -> tuple[Callable[[Iterable[dict[str, Any]], Any], int], bool]:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    name, binary = FORMATS[fmt]
    return globals()[name], binary


def write_events(events: Iterable[dict[str, Any]], fmt: str, fp: Any) -> int:
    """Write ``events`` in ``fmt`` to an open file object (text, or binary for parquet)."""
    writer, _ = _writer(fmt)
    return writer(events, fp)


def export(store: Any, fmt: str, out: str | Path | None = None, **filters: Any) -> int:
    """Export the store's events (``iter_events(**filters)``) to ``out`` (None/"-": stdout).
    Returns the number of events (features for GeoJSON) written."""
    writer, binary = _writer(fmt)
    try:
        if out is None or str(out) == "-":
            if binary:
                stream = sys.stdout.buffer
                n = writer(store.iter_events(**filters), stream)
            else:
                n = writer(store.iter_events(**filters), sys.stdout)
            sys.stdout.flush()
            return n
        path = Path(out)
        if path.is_dir():
            raise ExportError(f"cannot write export to {path}: it is a directory")
        if not path.parent.exists():
            raise ExportError(f"cannot write export to {path}: directory {path.parent} does not exist")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            if binary:
                with os.fdopen(fd, "wb") as fp:
                    n = writer(store.iter_events(**filters), fp)
            else:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
                    n = writer(store.iter_events(**filters), fp)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return n
    except OSError as exc:
        raise ExportError(f"cannot write export to {out}: {exc.strerror or exc}") from None
    except StoreError as exc:
        raise ExportError(f"export failed: {exc}") from None

