"""JSONL export: one codebook event dict per line (UTF-8, no ASCII escaping)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["write_jsonl"]


def write_jsonl(events: Iterable[dict[str, Any]], fp: TextIO) -> int:
    """Write each event on its own line; returns the number written."""
    n = 0
    for event in events:
        fp.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
        fp.write("\n")
        n += 1
    return n
