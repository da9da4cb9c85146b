"""Values every reader shares: the ``Skip`` outcome and ``make_report``, which turns decoded
text into the stored form (NFC, LF newlines) and hashes it.

The stored text is the single source of offsets (see ``models``), so the only changes made
here are the two that are needed for stable offsets across platforms: CRLF/CR -> LF and
Unicode NFC. Everything else (spaces, RTL marks, control characters other than NUL) is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import BadReportError
from ..models import Report

__all__ = ["Skip", "make_report", "normalize_text", "content_hash", "parse_published",
           "check_line_length", "human_size", "MAX_ID_CHARS"]

#: ids end up in URLs, file names of exports and the summary; a longer one is a mistake
MAX_ID_CHARS = 500


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not ingested. ``source`` is the path (or ``<stdin>``) and
    ``reason`` a one-line, human reason for the summary."""

    source: str
    reason: str


def normalize_text(text: str) -> str:
    """Decoded text -> stored text: CRLF and lone CR become LF, then Unicode NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def content_hash(stored_text: str) -> str:
    return hashlib.sha256(stored_text.encode("utf-8")).hexdigest()


def parse_published(value: Any) -> dt.date | None:
    """A date, a datetime or an ISO 8601 string (date or timestamp) -> date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(s).date()
        except ValueError:
            raise BadReportError(f"'published' is not an ISO date: {s[:40]!r}") from None
    raise BadReportError(f"'published' must be a date or an ISO date string, not {type(value).__name__}")


def human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def check_line_length(text: str, max_line_chars: int) -> None:
    """Raise BadReportError when one line of ``text`` is longer than the limit.

    Very long lines are what makes regexes and sentence splitters slow; a 10 MB line is a
    dump, not a report."""
    if len(text) <= max_line_chars:
        return
    start = 0
    lineno = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > max_line_chars:
            raise BadReportError(
                f"line {lineno} is longer than max_line_chars ({max_line_chars:,} characters)")
        if end < 0:
            return
        start = end + 1
        lineno += 1


def _clean_meta(value: Any) -> str | None:
    if value is None:
        return None
    s = unicodedata.normalize("NFC", str(value)).strip()
    return s or None


def make_report(id: str, text: str, *, source: str | None = None, url: str | None = None,
                publisher: str | None = None, published: dt.date | str | None = None,
                title: str | None = None, language: str | None = None) -> Report:
    """Build a Report from decoded text: stored text = NFC with LF newlines, hash = sha256 of it.

    Raises BadReportError for an unusable id or text (empty, NUL characters, lone surrogates
    from JSON escapes: none of these can be stored faithfully in SQLite/PostgreSQL)."""
    if not isinstance(id, str) or not id.strip():
        raise BadReportError("empty id")
    doc_id = unicodedata.normalize("NFC", id.strip())
    if len(doc_id) > MAX_ID_CHARS:
        raise BadReportError(f"id longer than {MAX_ID_CHARS} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in doc_id):
        # ids are printed one per line in summaries and used in URLs and file names
        raise BadReportError("id contains control characters")
    stored = normalize_text(text)
    if not stored.strip():
        raise BadReportError("empty text")
    if "\x00" in stored:
        raise BadReportError("text contains NUL characters")
    try:
        digest = content_hash(stored)
    except UnicodeEncodeError:
        raise BadReportError("text contains invalid Unicode (lone surrogates)") from None
    for name, value in (("id", doc_id), ("url", url), ("publisher", publisher),
                        ("title", title), ("language", language)):
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise BadReportError(f"'{name}' contains invalid Unicode (lone surrogates)") from None
    return Report(
        id=doc_id,
        text=stored,
        content_hash=digest,
        source=source,
        url=_clean_meta(url),
        publisher=_clean_meta(publisher),
        published=parse_published(published),
        title=_clean_meta(title),
        language=_clean_meta(language),
    )
