"""CSV export: ACLED's column names first where a column has an ACLED equivalent, then ours.

Values: ``event_type``/``sub_event_type`` keep our codebook values (the ACLED mapping is
in the codebook table); ``time_precision`` follows ACLED (1 = a day, 2 = a range of up to
a week, 3 = longer or month/year); ``fatalities`` is the count's value when its kind is
``killed`` or ``executed``, empty when the count is vague ("dozens"), else 0. List fields
use ``;`` for closed vocabularies (tactics, documents) and JSON where free text could
contain any separator (slogans, provenance, notes is ``; ``-joined prose as in ACLED).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["CSV_COLUMNS", "ACLED_COLUMNS", "write_csv", "csv_row", "time_precision"]

ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location",
                 "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities")
OUR_COLUMNS = ("event_id", "date_start", "date_end", "date_precision", "location_name", "canonical", "country",
               "tactics", "count_kind", "count_value", "count_qualifier", "count_qualifier_text", "slogans",
               "documents", "doc", "provenance", "reported_by", "attributed_to", "corroboration", "stance",
               "status", "confidence")
CSV_COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

_FATAL_KINDS = ("killed", "executed")


def time_precision(event: dict[str, Any]) -> int | None:
    precision = event.get("date_precision")
    if precision == "day":
        return 1
    if precision in ("range", "week") and event.get("date_start") and event.get("date_end"):
        days = (dt.date.fromisoformat(event["date_end"]) - dt.date.fromisoformat(event["date_start"])).days
        return 1 if days == 0 else 2 if days <= 7 else 3
    if precision in ("month", "year", "range", "week"):
        return 3
    return None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell. Report text is hostile input: a string that a spreadsheet would run as a
    formula ("=HYPERLINK(...)") gets a leading apostrophe (OWASP's CSV-injection advice)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            float(value)  # "-3.5" is a number, not a formula
        except ValueError:
            return "'" + value
    return value


def csv_row(event: dict[str, Any]) -> dict[str, Any]:
    loc = event.get("location") or {}
    count = event.get("count") or {}
    fatalities: Any = 0
    if count.get("kind") in _FATAL_KINDS:
        fatalities = count.get("value") if count.get("value") is not None else ""
    row = {
        "event_date": event.get("date_start"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": event.get("actor1"),
        "actor2": event.get("actor2"),
        "admin1": loc.get("admin1"),
        "location": loc.get("canonical") or loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "time_precision": time_precision(event),
        "source": event.get("reported_by"),
        "notes": "; ".join(event.get("notes") or []),
        "fatalities": fatalities,
        "event_id": event.get("id"),
        "date_start": event.get("date_start"),
        "date_end": event.get("date_end"),
        "date_precision": event.get("date_precision"),
        "location_name": loc.get("name"),
        "canonical": loc.get("canonical"),
        "country": loc.get("country"),
        "tactics": ";".join(event.get("tactics") or []),
        "count_kind": count.get("kind"),
        "count_value": count.get("value"),
        "count_qualifier": count.get("qualifier"),
        "count_qualifier_text": count.get("qualifier_text"),
        "slogans": json.dumps(event.get("slogans") or [], ensure_ascii=False),
        "documents": ";".join(event.get("documents") or []),
        "doc": event.get("doc"),
        "provenance": json.dumps(event.get("provenance") or [], ensure_ascii=False, separators=(",", ":")),
        "reported_by": event.get("reported_by"),
        "attributed_to": event.get("attributed_to"),
        "corroboration": event.get("corroboration"),
        "stance": event.get("stance"),
        "status": event.get("status"),
        "confidence": event.get("confidence"),
    }
    return {k: _cell(v) for k, v in row.items()}


def write_csv(events: Iterable[dict[str, Any]], fp: TextIO) -> int:
    """Write a header and one row per event; ``fp`` should be opened with ``newline=""``."""
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(csv_row(event))
        n += 1
    return n
