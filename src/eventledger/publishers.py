"""Publisher stance: who a publisher is in the conflict a report describes.

The table lives in ``lexicons/publishers.toml`` (reviewable, editable); a run can point
``Options.publishers_file`` at its own table, which is read *instead of* the shipped one.
Lookup folds case and accents, and accepts any alias of a publisher.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .textutil import fold_name

__all__ = ["STANCES", "stance", "load_publishers", "canonical_publisher"]

STANCES: tuple[str, ...] = ("party_to_conflict", "state_media", "rights_monitor", "news_agency", "unknown")


def _parse(text: str, origin: str) -> dict[str, tuple[str, str]]:
    """folded alias -> (canonical name, stance)"""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"publishers table {origin} is not valid TOML: {exc}") from None
    table: dict[str, tuple[str, str]] = {}
    for row in data.get("publisher", []):
        name = row.get("name")
        st = row.get("stance", "unknown")
        if not name or st not in STANCES:
            raise ConfigError(f"publishers table {origin}: bad row {row!r} (stance must be one of {', '.join(STANCES)})")
        for alias in [name, *row.get("aliases", [])]:
            table[fold_name(alias)] = (name, st)
    return table


@lru_cache(maxsize=8)
def load_publishers(path: Path | None = None) -> dict[str, tuple[str, str]]:
    if path is None:
        text = resources.files("eventledger").joinpath("lexicons/publishers.toml").read_text(encoding="utf-8")
        return _parse(text, "lexicons/publishers.toml")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read publishers table {path}: {exc.strerror or exc}") from None
    return _parse(text, str(path))


def canonical_publisher(publisher: str | None, path: Path | None = None) -> str | None:
    """The table's name for ``publisher`` (``"MEK"`` -> ``"PMOI/MEK"``), or the input unchanged."""
    if not publisher:
        return publisher
    hit = load_publishers(path).get(fold_name(publisher))
    return hit[0] if hit else publisher


def stance(publisher: str | None, path: Path | None = None) -> str:
    """``party_to_conflict`` | ``state_media`` | ``rights_monitor`` | ``news_agency`` | ``unknown``."""
    if not publisher:
        return "unknown"
    hit = load_publishers(path).get(fold_name(publisher))
    return hit[1] if hit else "unknown"
