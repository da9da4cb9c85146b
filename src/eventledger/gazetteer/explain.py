"""``eventledger places NAME``: how a name resolves and why.

:func:`explain` returns one record per candidate (best first) with its score and the
reasons; :func:`format_explanation` renders them for a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import get_gazetteer
from .normalize import name_key
from .resolve import rank

__all__ = ["CandidateRecord", "explain", "format_explanation"]


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    rank: int
    canonical: str
    country: str | None
    admin1: str | None
    precision: int
    feature: str
    population: int
    lat: float | None
    lon: float | None
    matched: str
    is_main: bool
    source: str
    poi: str | None
    score: float
    reasons: tuple[str, ...]
    chosen: bool


def explain(name: str, options=None, gazetteer=None, province: str | None = None,
            limit: int = 20) -> list[CandidateRecord]:
    """Candidates for ``name`` best first; ``province`` acts like "Name (Province)"."""
    g = gazetteer or get_gazetteer(options)
    default_country = getattr(options, "default_country", "IR") if options is not None else "IR"
    key = name_key(name)
    if g.is_stopped(key):
        return []
    ranked = rank(g.lookup_key(key), default_country, province)
    out = []
    for i, s in enumerate(ranked[:limit]):
        c, p = s.candidate, s.candidate.place
        out.append(CandidateRecord(i + 1, p.canonical, p.country, p.admin1, p.precision, p.feature, p.population,
                                   p.lat, p.lon, c.matched, c.is_main, c.source, c.poi, s.score, s.reasons,
                                   i == 0 and s.score >= 0))
    return out


_SOURCES = {"gn": "GeoNames", "gnA1": "GeoNames admin1", "gnA1+cur": "GeoNames admin1 + curated name",
            "gnA2": "GeoNames admin2", "gnC": "GeoNames country", "cur": "curated", "user": "your alias file"}


def format_explanation(name: str, records: list[CandidateRecord], options=None, gazetteer=None) -> str:
    g = gazetteer or get_gazetteer(options)
    key = name_key(name)
    lines = [f"{name!r}  (match key {key!r})"]
    if g.is_stopped(key):
        lines.append("  on the stop list (data/stoplist.tsv): never matched as a place on its own;")
        lines.append("  add it to an alias file (--alias-file) to force it.")
        return "\n".join(lines)
    from . import names_before

    if key in names_before():
        words = ", ".join(sorted(names_before()[key]))
        lines.append(f"  not a place when the next word is one of: {words} (data/names_before.tsv)")
    if not records:
        lines.append("  no gazetteer entry; add one with an alias file: alias<TAB>canonical<TAB>country[<TAB>admin1]")
        return "\n".join(lines)
    for r in records:
        mark = "=>" if r.chosen else "  "
        where = ", ".join(x for x in (r.admin1, r.country) if x)
        poi = f" [{r.poi} in]" if r.poi else ""
        coords = f"{r.lat:.4f},{r.lon:.4f}" if r.lat is not None and r.lon is not None else "no coordinates"
        lines.append(f"{mark} {r.rank:>2}. {poi}{r.canonical} ({where}) precision {r.precision}, {r.feature}, "
                     f"pop {r.population:,}, {coords}  score {r.score:.2f}")
        lines.append(f"        matched {r.matched!r} ({'main name' if r.is_main else 'alternate name'}, "
                     f"{_SOURCES.get(r.source, r.source)}): {'; '.join(r.reasons)}")
    if not any(r.chosen for r in records):
        lines.append("  every candidate scored below 0: the name is not matched in text")
    return "\n".join(lines)
