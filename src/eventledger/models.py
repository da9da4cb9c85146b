"""The core model: frozen dataclasses that every stage, the store and the exports share.

Offsets are always code-point offsets into ``Report.text`` (the decoded, NFC-normalised
text that ingest stores). Nothing downstream ever rewrites that text, so a ``Span`` stays
valid from recognition to export to the web page that highlights it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .frozen import fast_init

__all__ = [
    "Span",
    "Report",
    "Place",
    "Location",
    "DateRange",
    "Count",
    "Evidence",
    "Event",
    "Claim",
    "EVENT_TYPES",
    "TACTICS",
    "COUNT_KINDS",
    "CLAIM_KINDS",
    "QUALIFIERS",
    "DATE_PRECISIONS",
]

#: codebook v1.2 event types and their sub-types
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "protest": ("demonstration", "strike", "symbolic_action", "protest_with_intervention"),
    "riot": ("property_attack", "attack_on_people"),
    "repression": ("arrest", "sentence", "execution", "killing", "attack_on_civilians"),
    "other": ("other",),
}
TACTICS: tuple[str, ...] = (
    "graffiti", "banner", "poster", "leaflet", "projection", "video_message", "chanting",
    "commemoration", "grave_visit", "arson", "image_burning", "rally", "march", "strike", "online",
)
COUNT_KINDS: tuple[str, ...] = (
    "killed", "injured", "arrested", "executed", "sentenced_to_death", "sentenced_months",
    "participants", "sites_attacked", "video_messages", "other",
)
#: a claim may count things no event counts (the dev annotation's claims policy)
CLAIM_KINDS: tuple[str, ...] = COUNT_KINDS + (
    "indicted", "operations", "cities", "uprisings", "percent_change", "duration", "statement",
)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "at_most", "about", "more_than")
DATE_PRECISIONS: tuple[str, ...] = ("day", "range", "week", "month", "year", "unresolved")


@fast_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` code-point offsets into a report's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@fast_init
@dataclass(frozen=True, slots=True)
class Report:
    """One ingested document. ``id`` is the caller's id (or file stem); ``content_hash``
    is the sha256 of the stored text and decides whether a re-ingest is a change."""

    id: str
    text: str
    content_hash: str
    source: str | None = None  # path or URL it was read from
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    title: str | None = None
    language: str | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``precision`` follows the codebook: 1 town or finer,
    2 part of a province / near a town, 3 province only, 4 country only."""

    canonical: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int = 1
    geonameid: int | None = None
    population: int = 0
    feature: str = "city"  # city | admin1 | country | poi


@fast_init
@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: the place as written plus its resolution."""

    name: str  # as written in the text (finer names such as streets kept here)
    canonical: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: int

    @classmethod
    def from_place(cls, name: str, place: Place) -> "Location":
        return cls(name, place.canonical, place.admin1, place.country, place.lat, place.lon, place.precision)


@fast_init
@dataclass(frozen=True, slots=True)
class DateRange:
    """Resolved dates. ``start``/``end`` are None when ``precision == 'unresolved'``.
    ``confidence`` drops below 1.0 when the text contradicts itself (weekday mismatch,
    inverted range); ``flags`` names why."""

    start: dt.date | None
    end: dt.date | None
    precision: str = "day"
    confidence: float = 1.0
    flags: tuple[str, ...] = ()

    @classmethod
    def unresolved(cls, *flags: str) -> "DateRange":
        return cls(None, None, "unresolved", 0.0, tuple(flags))

    def overlaps(self, other: "DateRange") -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return False
        return self.start <= other.end and other.start <= self.end  # type: ignore[operator]


@fast_init
@dataclass(frozen=True, slots=True)
class Count:
    kind: str
    value: int | None
    qualifier: str | None = "exact"
    qualifier_text: str | None = None  # the words of a vague amount ("thousands") or a range ("between 20 and 30")

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "value": self.value, "qualifier": self.qualifier}
        if self.qualifier_text:
            d["qualifier_text"] = self.qualifier_text
        return d


@fast_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of text an event or claim came from. ``role`` is what the span is:
    sentence | place | date | trigger | actor | count | slogan."""

    doc_id: str
    span: Span
    role: str = "sentence"


@fast_init
@dataclass(frozen=True, slots=True)
class Event:
    """One codebook event: one kind of action, by one actor, at one location, on one
    date or date range. ``documents`` lists every document that reports it."""

    id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    location: Location
    date: DateRange
    tactics: tuple[str, ...] = ()
    actor1: str | None = None
    actor2: str | None = None
    count: Count | None = None
    slogans: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    reported_by: str | None = None
    attributed_to: str | None = None
    documents: tuple[str, ...] = ()
    confidence: float = 1.0
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        subs = EVENT_TYPES.get(self.event_type)
        if subs is None or self.sub_event_type not in subs:
            raise ValueError(f"invalid type {self.event_type}/{self.sub_event_type}")


@fast_init
@dataclass(frozen=True, slots=True)
class Claim:
    """A statement of fact with a number or an attribution, as the report makes or quotes it."""

    id: str
    doc_id: str
    text: str
    span: Span
    kind: str  # one of CLAIM_KINDS; 'statement' for an attributed statement without a number
    value: int | float | None = None
    qualifier: str | None = None
    qualifier_text: str | None = None
    attributed_to: str | None = None
    reported_by: str | None = None
    period: str | None = None  # ISO where possible: "2023-04-21/..", "2019-11"
    place: str | None = None
    said_on: dt.date | None = None
    event_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
