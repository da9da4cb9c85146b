"""Stage ``dates``: the report's anchor date and every date expression, resolved.

* **Anchor** (``doc.anchor``): ``Report.published``; else the dateline ("Iran, August 30,
  2020—", "Aug. 5, 2020 —", "TEHRAN (Reuters) -" with a full date near it); else the latest
  full date (day, month and year written) in the captions or the body; else none.
* **Mentions** (``doc.dates``): found and parsed by :mod:`.dates_extract`, resolved by
  :mod:`.dates_resolve` against a reference date — the anchor, or in a report dated only by
  its captions (a compilation of excerpts) the date of the caption that opens the excerpt.
* **Roles**: ``dateline``; ``period`` after "since"; ``other`` for "as of", "every", "next",
  future dates and an anniversary in a sentence that also has a written date; ``history``
  for dates ending more than :data:`HISTORY_DAYS` before the anchor ("in 1988", "the
  November 2019 uprising" in a 2020 report); ``event`` otherwise.
* **Scope** — which date an event gets — is :func:`event_date_for` (see :mod:`.dates_scope`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..config import Options
from ..doc import Anchor, DateMention, Doc
from ..models import DateRange, Span
from ..textutil import make_view
from .dates_extract import Atom, extract
from .dates_lexicon import lexicon
from .dates_resolve import (resolve_anniversary, resolve_atom_range, resolve_relative, resolve_weekday)
from .dates_scope import INDEX_KEY, block_class, build_index, event_date_for, paragraph_spans

__all__ = ["DatesStage", "event_date_for", "find_anchor", "HISTORY_DAYS"]

#: a date that ends this many days before the anchor is background, not the report's news
HISTORY_DAYS = 180

# "Iran, August 30, 2020—", "Aug. 5, 2020 —": a place (optional) then the date, then a dash
_DATELINE_HEAD = re.compile(r"[A-Z][\w .,'’()/-]{0,40},\s*$|\s*$")
_DATELINE_DASH = re.compile(r"\s*(?:[—–-]{1,2}|:)\s*")
# "TEHRAN (Reuters) -", "PARIS, France (AFP) —"
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*\([A-Za-z .&]{2,30}\)\s*[—–-]")
_SAME_SENTENCE_GAP = 400
#: anchors outside this window are data errors (and would overflow date arithmetic)
_PLAUSIBLE = (dt.date(1800, 1, 1), dt.date(2200, 12, 31))


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _full(a: Atom) -> bool:
    """A written day, month and year (Gregorian or Jalali)."""
    return a.kind == "date" and a.b is None and a.a is not None and a.a.y is not None and a.a.d is not None and not a.a.sub


class DatesStage:
    name = "dates"
    requires: tuple[str, ...] = ("view", "sentences", "paragraphs")
    assigns: tuple[str, ...] = ("anchor", "dates")

    def __call__(self, doc: Doc, options: Options | None = None) -> None:
        text = doc.text
        view = doc.view if len(doc.view) == len(text) else make_view(text)
        atoms = extract(view)
        spans, kinds = paragraph_spans(doc)
        classes = [block_class(k) for k in kinds]
        starts = [s.start for s in spans]

        def par(offset: int) -> int:
            return max(bisect.bisect_right(starts, offset) - 1, 0)

        dateline_atom, dateline_par = _find_dateline(view, atoms, spans, par)
        if dateline_par is not None:
            classes[dateline_par] = "body"  # a dateline lede is body text whatever its shape
        anchor = find_anchor(doc, atoms, dateline_atom, classes, par)
        doc.anchor = anchor
        doc.dates = _resolve_all(doc, view, atoms, anchor, dateline_atom, classes, par)
        doc.extras[INDEX_KEY] = build_index(doc, classes, dateline_par)


def _find_dateline(view: str, atoms: list[Atom], spans: list[Span], par) -> tuple[Atom | None, int | None]:
    """The first paragraph (of the first twelve) that opens with "[Place,] <full date> —", or a
    wire dateline "CITY (Agency) -" with a full date in it or in the paragraph before."""
    by_par: dict[int, list[Atom]] = {}
    for a in atoms:
        by_par.setdefault(par(a.start), []).append(a)
    for i, sp in enumerate(spans[:12]):
        para = view[sp.start : sp.end]
        if len(para) < 60:
            continue  # a short line with a date is a caption, not a dateline
        for a in by_par.get(i, ()):
            if a.start - sp.start > 60:
                break
            if _full(a) and _DATELINE_HEAD.fullmatch(view, sp.start, a.start) and _DATELINE_DASH.match(view, a.end):
                return a, i
        if _WIRE_DATELINE.match(para):
            near = [a for a in by_par.get(i, []) + by_par.get(i - 1, []) if _full(a)]
            if near:
                return near[0], i
    return None, None


def find_anchor(doc: Doc, atoms: list[Atom], dateline: Atom | None, classes: list[str], par) -> Anchor:
    published = _as_date(doc.report.published)
    if published is not None and not _PLAUSIBLE[0] <= published <= _PLAUSIBLE[1]:
        doc.notes.append(f"date: published date {published.isoformat()} is implausible, ignored as anchor")
        published = None
    if published is not None:
        return Anchor(published, "published", None)
    if dateline is not None:
        r = resolve_atom_range(dateline, None)
        if r.start is not None:
            return Anchor(r.start, "dateline", Span(dateline.start, dateline.end))
    best: tuple[dt.date, Atom] | None = None
    for a in atoms:
        if not _full(a) or _role_before(doc.view or doc.text, a.start) is not None:
            continue
        r = resolve_atom_range(a, None)
        if r.start is not None and (best is None or r.start > best[0]):
            best = (r.start, a)
    if best is None:
        return Anchor(None, "none", None)
    day, a = best
    source = "caption" if classes and classes[par(a.start)] == "label" else "body"
    return Anchor(day, source, Span(a.start, a.end))


def _role_before(view: str, start: int) -> str | None:
    """"since X" is a period; "as of X", "every Friday", "ahead of X" are not event dates."""
    tail = view[max(0, start - 24) : start].lower()
    L = lexicon()
    if not any(cue in tail for cue in L.role_cues):
        return None
    words = tail.split()
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return None
    for n in (1, 2, 3, 4):
        if len(words) < n:
            break
        phrase = " ".join(words[-n:])
        if phrase in L.period_before_set:
            return "period"
        if phrase in L.other_before_set:
            return "other"
    return None


def _local_ref(i: int, classes: list[str], label_days: dict[int, dt.date], anchor: Anchor) -> dt.date | None:
    """Reference date for the paragraph ``i``. In a report dated by publication or dateline it
    is the anchor. In one dated only by captions (a compilation of excerpts), it is the date
    of the caption/heading block that opens the excerpt, when that block has one."""
    if anchor.source in ("published", "dateline", "none"):
        return anchor.date
    k = i - 1
    while k >= 0 and classes[k] != "label":
        k -= 1
    while k >= 0 and classes[k] in ("label", "skip"):
        if k in label_days:
            return label_days[k]
        k -= 1
    return anchor.date


def _resolve_all(doc: Doc, view: str, atoms: list[Atom], anchor: Anchor, dateline: Atom | None,
                 classes: list[str], par) -> list[DateMention]:
    out: list[DateMention] = []
    label_days: dict[int, dt.date] = {}
    prev_event: DateMention | None = None
    prev_day: dt.date | None = None
    sentence_has_date: set[int] = set()
    if any(a.kind == "anniversary" for a in atoms):  # only anniversaries need to know
        for a in atoms:
            if a.kind == "date" and (a.a is None or a.a.d is not None):
                sentence_has_date.add(_sentence_key(doc, a.start))
    history_before = anchor.date - dt.timedelta(days=HISTORY_DAYS) if anchor.date else None
    sent_starts = [x.span.start for x in doc.sentences]
    for a in atoms:
        i = par(a.start)
        ref = _local_ref(i, classes, label_days, anchor) if classes else anchor.date
        role = _role_before(view, a.start) or "event"
        try:
            role, rng = _resolve_one(a, role, ref, prev_day, prev_event, doc, sentence_has_date)
        except (ValueError, OverflowError):  # arithmetic at the edge of the calendar
            rng = DateRange.unresolved("invalid_date")
        if rng is None:
            continue
        if a is dateline:
            role = "dateline"
        elif role == "period" and rng.start is not None and anchor.date is not None and rng.start <= anchor.date:
            rng = DateRange(rng.start, anchor.date, "range", rng.confidence, rng.flags + ("open_end",))
        elif role == "event" and rng.start is not None and anchor.date is not None:
            if rng.start > anchor.date:
                role = "other"
                rng = DateRange(rng.start, rng.end, rng.precision, rng.confidence, rng.flags + ("after_anchor",))
            elif rng.end < history_before and not (a.kind == "anniversary" and a.n):
                role = "history"  # (an ordinal anniversary, "the 44th anniversary of", dates itself)
        k = bisect.bisect_right(sent_starts, a.start) - 1
        scope = doc.sentences[k].span if k >= 0 and a.start < doc.sentences[k].span.end else None
        if classes and classes[i] == "label":
            scope = Span(doc.paragraphs[i].span.start, doc.paragraphs[i].span.end) if doc.paragraphs else scope
        mention = DateMention(Span(a.start, a.end), doc.text[a.start : a.end], rng, role, scope)
        out.append(mention)
        for flag in ("weekday_mismatch", "inverted_range"):
            if flag in rng.flags and "same_as_previous" not in rng.flags:
                doc.notes.append(f"date: {flag.replace('_', ' ')} in {mention.text!r} at {a.start}")
        if role == "event" and rng.start is not None:
            prev_event = mention
            if rng.precision == "day":
                prev_day = rng.start
                if classes and classes[i] == "label" and i not in label_days:
                    label_days[i] = rng.start
    return out


def _resolve_one(a: Atom, role: str, ref: dt.date | None, prev_day: dt.date | None,
                 prev_event: DateMention | None, doc: Doc, sentence_has_date: set[int]):
    """The role (possibly changed) and the DateRange of one expression (None: skip it)."""
    if a.kind in ("date", "year"):
        return role, resolve_atom_range(a, ref)
    if a.kind == "decade":
        return role, DateRange(dt.date(a.a.y, 1, 1), dt.date(a.a.y + 9, 12, 31), "range", 1.0, ("decade",))
    if a.kind == "relative":
        return role, resolve_relative(a, ref)
    if a.kind == "weekday":
        if a.rel in ("every", "each"):
            return "other", DateRange.unresolved("habitual")
        if a.rel == "next":
            return "other", DateRange.unresolved("future")
        return role, resolve_weekday(a.a.wd, a.rel, ref, prev_day)
    if a.kind == "anniversary":
        if _sentence_key(doc, a.start) in sentence_has_date:
            role = "other"  # "on Monday, August 3, ... commemorated the anniversary of ..."
        return role, resolve_anniversary(a, ref)
    if a.kind == "same":
        return role, _same_as(prev_event, a)
    return role, None


def _sentence_key(doc: Doc, offset: int) -> int:
    s = doc.sentence_at(offset)
    return s.span.start if s is not None else -1 - offset // _SAME_SENTENCE_GAP


def _same_as(prev: DateMention | None, a: Atom) -> DateRange:
    """"the same day", "in the same period", "the following day": from the last event date."""
    if prev is None or prev.range.start is None:
        return DateRange.unresolved("no_previous_date")
    r = prev.range
    flags = tuple(dict.fromkeys(r.flags + ("same_as_previous",)))
    if a.n and r.precision == "day":
        day = r.start + dt.timedelta(days=a.n)
        return DateRange(day, day, "day", r.confidence, flags)
    return DateRange(r.start, r.end, r.precision, r.confidence, flags)
