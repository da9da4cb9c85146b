"""GeoJSON export: a FeatureCollection with one Point per located event (RFC 7946 order:
longitude, latitude); properties are the full event dict. Written as a stream."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

__all__ = ["write_geojson", "feature"]


def feature(event: dict[str, Any]) -> dict[str, Any] | None:
    loc = event.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    return {"type": "Feature", "id": event.get("id"),
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": event}


def write_geojson(events: Iterable[dict[str, Any]], fp: TextIO) -> int:
    """Write the collection; returns the number of features (unlocated events are left out)."""
    fp.write('{"type":"FeatureCollection","features":[')
    n = 0
    for event in events:
        f = feature(event)
        if f is None:
            continue
        fp.write(",\n" if n else "\n")
        fp.write(json.dumps(f, ensure_ascii=False, separators=(",", ":")))
        n += 1
    fp.write("\n]}\n")
    return n
