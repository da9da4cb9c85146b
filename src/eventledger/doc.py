"""``Doc``: the working container that flows through the pipeline stages.

A stage reads the attributes it ``requires`` and fills the ones it ``assigns``
(see :mod:`eventledger.pipeline`). The mention classes below are what the
recognisers produce; the assembler turns them into :class:`~eventledger.models.Event`
and :class:`~eventledger.models.Claim` objects.

All spans are offsets into ``doc.text`` (== ``doc.report.text``). ``doc.view`` is a
same-length copy of the text normalised character by character (Persian/Arabic digits
to ASCII, no-break and zero-width spaces to spaces, curly apostrophes to ``'``) so that
patterns can run on it and their offsets remain valid against ``doc.text``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from .frozen import fast_init
from .models import Claim, Count, DateRange, Event, Place, Report, Span

__all__ = [
    "Segment",
    "PlaceMention",
    "DateMention",
    "Anchor",
    "Trigger",
    "ActorMention",
    "Quantity",
    "Quote",
    "Attribution",
    "Doc",
]


@fast_init
@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or a sentence.

    ``kind`` for paragraphs: ``body`` | ``heading`` | ``caption`` | ``list_item`` |
    ``quote`` (a line that is one quotation, e.g. a slogan) | ``boilerplate``. Sentences inherit their paragraph's kind.
    ``repeat_of`` is the index of an earlier paragraph with the same (whitespace-
    normalised) text: its events are not produced twice.
    """

    span: Span
    kind: str = "body"
    index: int = 0
    paragraph: int = 0  # for sentences: index of the paragraph they belong to
    repeat_of: int | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in the text and its resolution.

    ``role``: ``event`` (where something happened) | ``origin`` ("a prisoner from X")
    | ``possessive`` ("Tehran's regime") | ``route`` ("the road to X") | ``qualifier``
    (the "(Gilan)" in "Hashtpar (Gilan)") | ``other``. Only ``event`` mentions make events.
    ``name`` is the surface to store as ``location.name`` (may be wider than the
    matched gazetteer name: "Mashhad's Vakilabad Prison"). ``candidates`` is how many
    gazetteer entries the name could have meant.
    """

    span: Span
    name: str
    place: Place
    role: str = "event"
    score: float = 1.0
    matched: str = ""  # the gazetteer name that matched
    candidates: int = 1


@fast_init
@dataclass(frozen=True, slots=True)
class Anchor:
    """The report's reference date. ``source``: published | dateline | timestamp (a header
    line such as "Tuesday, 24 May 2022 09:12 GMT") | heading (a period stated in the title or a
    heading) | caption | body | none."""

    date: dt.date | None
    source: str = "none"
    span: Span | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and what it resolves to.

    ``role``: ``event`` (when something happened) | ``period`` ("since April 21, 2023",
    a claim period) | ``history`` (a past year/era recalled: "in 1981") | ``dateline``
    | ``other``. ``scope`` is the span the date governs (its sentence, or the rest of the
    paragraph for a date that carries forward).
    """

    span: Span
    text: str
    range: DateRange
    role: str = "event"
    scope: Span | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event type (and tactics)."""

    span: Span
    event_type: str
    sub_event_type: str
    tactics: tuple[str, ...] = ()
    negated: bool = False
    modality: str = "asserted"  # asserted | planned | threatened | called_for | quoted | generic | context


@fast_init
@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    name: str  # normalised actor name, e.g. "MEK Resistance Units"
    category: str = ""  # opposition | state | civilian | unknown | ...
    role: str = "actor1"  # actor1 | actor2 | unknown


@fast_init
@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    count: Count


@fast_init
@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted text (slogan or statement) and its span, quote marks excluded."""

    span: Span
    text: str
    kind: str = "slogan"  # slogan | statement | term (a short scare-quoted word: the so-called "experts")


@fast_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a statement is attributed to ("according to Amnesty International")."""

    span: Span
    source: str
    cue: str = ""  # the verb or phrase: "reports", "according to", "quoted ... as saying"
    scope: Span | None = None  # the statement it covers


@dataclass
class Doc:
    """Mutable container; stages fill it in order. Core values inside are frozen."""

    report: Report
    view: str = ""
    boilerplate: list[tuple[Span, str]] = field(default_factory=list)  # span, reason
    paragraphs: list[Segment] = field(default_factory=list)
    sentences: list[Segment] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    anchor: Anchor = field(default_factory=lambda: Anchor(None))
    dates: list[DateMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: names of the stages that have run, in order
    done: list[str] = field(default_factory=list)
    #: free-form notes stages leave for debugging / the UI ("date: weekday mismatch")
    notes: list[str] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    #: start offsets of a segment list, by the list's id (see _segment_at); not state
    _starts: dict[int, tuple[list[Segment], list[int]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.report.id

    @property
    def text(self) -> str:
        return self.report.text

    def sentence_at(self, offset: int) -> Segment | None:
        """The sentence containing ``offset`` (bisect; sentences are sorted)."""
        return _segment_at(self.sentences, offset, self._starts)

    def paragraph_at(self, offset: int) -> Segment | None:
        """The paragraph containing ``offset`` (bisect; paragraphs are sorted)."""
        return _segment_at(self.paragraphs, offset, self._starts)

    def is_boilerplate(self, span: Span) -> bool:
        return any(b.overlaps(span) for b, _ in self.boilerplate)

    def snippet(self, span: Span) -> str:
        return self.report.text[span.start : span.end]


def _segment_at(segments: list[Segment], offset: int,
                cache: dict[int, tuple[list[Segment], list[int]]]) -> Segment | None:
    """The segment of a sorted, non-overlapping list that contains ``offset``. The start
    offsets are listed once per list (the stages ask for thousands of offsets) and
    rebuilt when the list object or its length changes."""
    got = cache.get(id(segments))
    if got is None or got[0] is not segments or len(got[1]) != len(segments):
        got = cache[id(segments)] = (segments, [s.span.start for s in segments])
    i = bisect_right(got[1], offset) - 1
    if i >= 0 and offset < segments[i].span.end:
        return segments[i]
    return None
