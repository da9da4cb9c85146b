"""YAML front matter of .txt/.md reports: a ``---`` line, YAML, then ``---`` (or ``...``).

The report text is the body after the closing fence, so offsets are relative to the body.
Safety: ``yaml.safe_load`` semantics (no Python objects) after a scan of the parser
events that refuses anchors and aliases (the "billion laughs" bomb needs them), plus a
size limit and a guard against deep nesting. Unknown keys are ignored; known keys must be scalars.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ..errors import BadReportError

__all__ = ["split_front_matter", "FRONT_MATTER_KEYS", "MAX_FRONT_MATTER_CHARS"]

FRONT_MATTER_KEYS = ("id", "url", "publisher", "published", "title", "language")
#: a front matter is a handful of keys; anything bigger is a mistake or an attack
MAX_FRONT_MATTER_CHARS = 65_536

_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


# libyaml (C) when available: the pure-Python parser costs ~0.3 ms per front matter
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: front matter is flat; a deep structure only costs time (libyaml + construction are
#: superlinear on deeply nested flow collections)
MAX_FRONT_MATTER_DEPTH = 8


def _check_events(source: str) -> None:
    """Scan the parser events (nothing is constructed or expanded yet) and refuse anchors
    and aliases -- without them a YAML document cannot grow beyond its own size -- and
    nesting deeper than MAX_FRONT_MATTER_DEPTH."""
    depth = 0
    for event in yaml.parse(source, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            raise BadReportError("front matter uses YAML aliases (refused)")
        if getattr(event, "anchor", None) is not None:
            raise BadReportError("front matter uses YAML anchors (refused)")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise BadReportError("front matter is nested too deeply")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _parse_yaml(source: str) -> Any:
    try:
        _check_events(source)
        return yaml.load(source, Loader=_BaseLoader)  # noqa: S506 - a SafeLoader
    except BadReportError:
        raise
    except RecursionError:
        raise BadReportError("front matter is nested too deeply") from None
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem or ""):
            # libyaml >= 0.2.6 stops at its own depth limit before our event scan sees it
            raise BadReportError("front matter is nested too deeply") from None
        where = f" (line {exc.problem_mark.line + 2})" if exc.problem_mark else ""
        raise BadReportError(f"front matter is not valid YAML{where}") from None
    except (yaml.YAMLError, ValueError, TypeError):
        # ValueError: e.g. an impossible date such as 2021-02-30
        raise BadReportError("front matter is not valid YAML") from None


def _scalar(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key == "published":
        if isinstance(value, (dt.date, str)):
            return value
        raise BadReportError("front matter: 'published' must be a date")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadReportError(f"front matter: '{key}' must be text, not {type(value).__name__}")
    return str(value)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Stored text (NFC, LF) -> (known metadata, body). No front matter -> ({}, text).

    A file that opens with ``---`` but never closes it has no front matter (a Markdown
    horizontal rule); an opened and closed block must be a valid YAML mapping."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return {}, text
    if closing.start() - opening.end() > MAX_FRONT_MATTER_CHARS:
        raise BadReportError(f"front matter longer than {MAX_FRONT_MATTER_CHARS:,} characters")
    data = _parse_yaml(text[opening.end():closing.start()])
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BadReportError(f"front matter is not a mapping of keys to values ({type(data).__name__})")
    meta = {key: _scalar(key, data[key]) for key in FRONT_MATTER_KEYS if key in data}
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return meta, text[body_start:]
