"""Stage ``dates``: the report's anchor date and every date expression, resolved.

* **Anchor** (``doc.anchor``): ``Report.published``; else the dateline ("Iran, August 30,
  2020—", "Aug. 5, 2020 —", "TEHRAN (Reuters) -" with a full date near it, "BANDAR ABBAS,
  Iran, May 24 (Agency) -" whose year comes from a header timestamp or the latest full date
  in the text); else a publication timestamp line at the top ("Tuesday, 24 May 2022 09:12
  GMT"; source ``timestamp``); else the end of the period a title or early heading states
  ("Weekly report ..., 13–19 November 2023", "Monthly report for February 2025"; source
  ``heading``); else the latest full date (day, month and year written) in the captions or
  the body; else none. The dateline's place ("BANDAR ABBAS") is left in
  ``doc.extras["dateline_place_span"]`` for the assembler (absent when there is none).
* **Mentions** (``doc.dates``): found and parsed by :mod:`.dates_extract`, resolved by
  :mod:`.dates_resolve` against a reference date — the anchor, or in a report dated only by
  its captions (a compilation of excerpts) the date of the caption that opens the excerpt.
* **Roles**: ``dateline``; ``period`` after "since"; ``other`` for "as of", "every", "next",
  future dates and an anniversary in a sentence that also has a written date; ``history``
  for dates ending more than :data:`HISTORY_DAYS` before the anchor ("in 1988", "the
  November 2019 uprising" in a 2020 report); ``event`` otherwise.
* **Bare weekdays** take the day the text already gave for that weekday (within two weeks
  before the reference date: "On Saturday, November 13, and Sunday, November 14 ... In the
  early hours of Sunday"), else the most recent such day on or before the reference date.
* **Ongoing actions** ("for a third day on Tuesday", "since Sunday", "for the past two
  days"): a range from the start to the day stated in the sentence (else the reference
  date); the stated day's mention gets the same range, flag ``ongoing``.
* **Scope** — which date an event gets — is :func:`event_date_for` (see :mod:`.dates_scope`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from dataclasses import dataclass, replace
from functools import lru_cache

from ..config import Options
from ..doc import Anchor, DateMention, Doc
from ..models import DateRange, Span
from ..textutil import is_name_words, make_view
from .dates_extract import Atom, extract
from .dates_lexicon import lexicon
from .dates_resolve import (month_range, nearest_year, resolve_anniversary, resolve_atom_range, resolve_month_day, resolve_relative,
                            resolve_weekday, resolve_weekday_near, resolve_weekday_pair)
from .dates_scope import INDEX_KEY, NUMBER_WORDS, POST_REACH, block_class, build_index, event_date_for, is_post_stamp, paragraph_spans
from .told_in_passing import KIN_OF_DEAD, dates_a_death_in_apposition

__all__ = ["DatesStage", "event_date_for", "find_anchor", "HISTORY_DAYS", "DATELINE_PLACE_KEY"]

#: ``doc.extras`` key of the dateline's place span ("BANDAR ABBAS" in "BANDAR ABBAS, Iran, May 24 (Agency) -")
DATELINE_PLACE_KEY = "dateline_place_span"
#: a weekday the text has already dated counts for a bare weekday this many days back
WEEKDAY_MEMORY_DAYS = 13
#: paragraphs at the top of a report searched for a timestamp or a heading period
_TOP_PARAGRAPHS = 6
#: a first line this short, without a date, may be a masthead (the publisher's name) above the title
_MASTHEAD_CHARS = 60

#: a date that ends this many days before the anchor is background, not the report's news
HISTORY_DAYS = 180

# "Iran, August 30, 2020—", "Aug. 5, 2020 —": a place (optional) then the date, then a dash
_DATELINE_HEAD = re.compile(r"[A-Z][\w .,'’()/-]{0,40},\s*$|\s*$")
# (an agency in brackets may stand before the dash: "Tehran, Aug 5, 2025 (AFP) - ")
#: a closing date line: an optional place and weekday before the date, nothing after it
_CLOSING_HEAD = re.compile(r"(?:[A-Z][\w .'’()/-]{0,40},\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?")
_CLOSING_LINE_CHARS = 60
_DATELINE_DASH = re.compile(r"\s*(?:\([A-Z][^()\n]{1,30}\)\s*)?(?:[—–-]{1,2}|:)\s*")
#: "NCRI - ", "Hengaw – ": a name, then a dash or a bar, before a date that ends its line
_PUBLISHER_DASH = re.compile(r"([A-Z][\w&'’./ ]{1,40}?)\s*[—–|-]\s*")
# "TEHRAN (Reuters) -", "PARIS, France (AFP) —", "BANDAR ABBAS, Iran, May 24 (Gulf Desk News) -",
# "SHAHR-E KORD, January 30, 2024 (PON) -", "KERMAN, May 4 —": a place in capitals, optional
# ", Region" and ", <date>", an optional agency in brackets, then a dash
_WIRE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.]*(?:[ -][A-Z][A-Z'’.]*){0,4})(?![\w-])(?P<mid>,[^()\n—–]{1,60}?)?"
    r"\s*(?P<agency>\([^()\n]{2,40}\))?\s*[—–-]{1,2}\s")
# "Tuesday, 24 May 2022 09:12 GMT", "Published: 3 March 2021", "Updated May 4, 2021, 10:02 a.m."
_STAMP_BEFORE = re.compile(r"\s*(?:(?:published|updated|posted|last\s+updated|date)\b\s*(?:on|at)?\s*[:\-–]?\s*)?\Z", re.I)
_STAMP_AFTER = re.compile(
    r"(?:\s*[,|·•\-–—]?\s*(?:at\s+)?[0-2]?[0-9][:.][0-5][0-9](?:[:.][0-5][0-9])?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:GMT|UTC|IRST|IRDT|CET|CEST|EST|EDT|BST|[A-Z]{3,4})\)?)?(?:\s*[+-][0-9]{1,2}(?::?[0-9]{2})?)?)?\s*\.?\s*",
    re.I)
_HAS_TIME = re.compile(r"[0-2]?[0-9][:.][0-5][0-9]")
#: "Published" opening a sentence, then the date ("... 2026. Published Saturday, January 17, 2026 by"),
#: or opening a masthead line's field after a separator ("2–8 November 2025 | Published 9 November 2025")
_PUBLISHED_OPENS = re.compile(r"(?:^|[.!?]\s+|\n|\s[|·•]\s+)Published\s+(?:on\s+)?\Z")


def _retweeted_at(view: str, start: int) -> int:
    """Where a retweet's words ("RT @handle: Per HRANA, ... tonight") stand in the post it
    repeats, when the compilation holds that post too; else ``start`` itself."""
    line = view.rfind("\n", 0, start) + 1
    if not view.startswith("RT @", line):
        return start
    colon = view.find(": ", line, start)
    if colon == -1:
        return start
    words = view[colon + 2 : start]
    if len(words) < 12:
        return start
    first = view.find(words, 0, line)
    return first + len(words) if first != -1 else start


def _post_stamps(view: str, atoms: list[Atom]) -> list[tuple[int, dt.date]]:
    """The platform time lines of a compilation of posts: (start, day), in text order."""
    out: list[tuple[int, dt.date]] = []
    for a in atoms:
        if a.kind == "date" and _full(a) and is_post_stamp(view, a.start):
            r = resolve_atom_range(a, None)
            if r.start is not None and r.precision == "day":
                out.append((a.start, r.start))
    return out
_STAMP_WORD = re.compile(r"\s*(?:published|updated|posted|last\s+updated|date)\b", re.I)
_SAME_SENTENCE_GAP = 400
#: anchors outside this window are data errors (and would overflow date arithmetic)
_PLAUSIBLE = (dt.date(1800, 1, 1), dt.date(2200, 12, 31))


def _full(a: Atom) -> bool:
    """A written day, month and year (Gregorian or Jalali)."""
    return a.kind == "date" and a.b is None and a.a is not None and a.a.y is not None and a.a.d is not None and not a.a.sub


def _week_range(a: Atom) -> bool:
    """A written range of days of at most a fortnight ("April 5–11, 2025", "March 28 – April 3,
    2025"): a weekly report's dateline, anchored on its last day."""
    if a.kind != "date" or a.a is None or a.b is None or a.b.y is None or a.b.d is None or a.a.d is None:
        return False
    if a.a.sub or a.b.sub or a.a.cal != "g" or a.b.cal != "g":
        return False
    r = resolve_atom_range(a, None)
    return r.start is not None and r.end is not None and 0 < (r.end - r.start).days <= 14


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

        bisect_right = bisect.bisect_right

        def par(offset: int) -> int:  # (called for every date, several times: kept lean)
            i = bisect_right(starts, offset) - 1
            return i if i > 0 else 0

        line = _find_dateline(view, atoms, spans, par)
        if line.par is not None:
            classes[line.par] = "body"  # a dateline lede is body text whatever its shape
        if line.place is not None:
            doc.extras[DATELINE_PLACE_KEY] = line.place
        else:
            doc.extras.pop(DATELINE_PLACE_KEY, None)
        top = _Top(view, atoms, spans, kinds, par)
        anchor = find_anchor(doc, atoms, line.atom, classes, par, top)
        doc.anchor = anchor
        doc.dates = _resolve_all(doc, view, atoms, anchor, line.atom, classes, par)
        period = top.period if anchor.source == "heading" else None
        doc.extras[INDEX_KEY] = build_index(doc, classes, line.par, period, spans)


@dataclass(frozen=True)
class _Dateline:
    atom: Atom | None = None  # its date (None: a wire dateline without one near it)
    par: int | None = None
    place: Span | None = None


def _find_dateline(view: str, atoms: list[Atom], spans: list[Span], par) -> _Dateline:
    """The first paragraph (of the first twelve) that opens with "[Place,] <full date> —", or a
    wire dateline "CITY[, Region][, <date>] [(Agency)] -" — its date is the month-day in it
    (the year may be missing), else a full date in it or in the paragraph before."""
    by_par: dict[int, list[Atom]] = {}
    for a in atoms:
        by_par.setdefault(par(a.start), []).append(a)
    for i, sp in enumerate(spans[:12]):
        if sp.end - sp.start < 60:
            continue  # a short line with a date is a caption, not a dateline
        for a in by_par.get(i, ()):
            if a.start - sp.start > 60:
                break
            if (_full(a) or _week_range(a)) and _DATELINE_HEAD.fullmatch(view, sp.start, a.start) \
                    and _DATELINE_DASH.match(view, a.end):
                return _Dateline(a, i, _head_place(view, sp.start, a.start))
        if not _may_open_wire_dateline(view, sp.start):
            continue
        m = _WIRE_DATELINE.match(view, sp.start, sp.end)
        if m is None or len(m.group("place")) < 3 or not (m.group("agency") or m.group("mid")):
            continue
        place = Span(m.start("place"), m.end("place"))
        inside = [a for a in by_par.get(i, ()) if a.end <= m.end() and a.kind == "date" and a.b is None
                  and a.a is not None and a.a.d is not None and a.a.m is not None and not a.a.sub]
        if inside:
            return _Dateline(inside[0], i, place)
        if not m.group("agency"):
            continue  # "KERMAN, Iran — ..." without a date or an agency: not sure enough
        near = [a for a in by_par.get(i, []) + by_par.get(i - 1, []) if _full(a)]
        return _Dateline(near[0] if near else None, i, place)
    return _Dateline()


def _may_open_wire_dateline(view: str, start: int) -> bool:
    """Whether ``_WIRE_DATELINE`` can match at ``start``: its place is in capitals, so a
    paragraph that opens with a capital and a lower-case letter ("On Monday ...", most of
    them) cannot start one (the place would end after one letter, before a word character)."""
    c0, c1 = view[start : start + 1], view[start + 1 : start + 2]
    return "A" <= c0 <= "Z" and not (c1.isalnum() and not "A" <= c1 <= "Z")


def _head_place(view: str, start: int, date_start: int) -> Span | None:
    """"Kerman" in "Kerman, May 4, 2021—" (the text before the first comma)."""
    head = view[start:date_start]
    cut = head.find(",")
    if cut <= 0:
        return None
    name = head[:cut].rstrip()
    return Span(start, start + len(name)) if name and name[:1].isupper() else None


def _gloss_after(tail: str, b: Atom, view: str) -> bool:
    """Is ``tail`` (the rest of a date line after its date) only a Persian-calendar date in
    brackets, ``b``: "(17 Aban 1404)"?"""
    return b.a is not None and b.a.cal == "j" and tail.replace(" ", "") == "(" + view[b.start:b.end].replace(" ", "") + ")"


class _Top:
    """What the top of a report says about its date: a publication timestamp line, the
    period a title or early heading states, and the latest full date written anywhere
    (the year of a yearless dateline or heading)."""

    def __init__(self, view: str, atoms: list[Atom], spans: list[Span], kinds: list[str], par):
        self.view, self.atoms, self.spans, self.kinds, self.par = view, atoms, spans, kinds, par
        self.period: DateRange | None = None
        self.period_span: Span | None = None
        self._latest: tuple[dt.date | None] | None = None

    def _by_par(self) -> dict[int, list[Atom]]:
        out: dict[int, list[Atom]] = {}
        for a in self.atoms:
            out.setdefault(self.par(a.start), []).append(a)
        return out

    def latest_full(self) -> dt.date | None:
        if self._latest is None:
            best = None
            for a in self.atoms:
                if _full(a) and _role_before(self.view, a.start) is None:
                    r = resolve_atom_range(a, None)
                    if r.start is not None and _PLAUSIBLE[0] <= r.start <= _PLAUSIBLE[1] and (best is None or r.start > best):
                        best = r.start
            self._latest = (best,)
        return self._latest[0]

    def year_hint(self) -> dt.date | None:
        """A date to take a missing year from: the latest full date, else the latest bare year."""
        latest = self.latest_full()
        if latest is not None:
            return latest
        years = [a.a.y for a in self.atoms if a.kind == "year" and a.a is not None and a.a.y is not None
                 and _role_before(self.view, a.start) is None]
        return dt.date(max(years), 7, 1) if years else None

    def timestamp(self) -> tuple[dt.date, Atom] | None:
        """"Tuesday, 24 May 2022 09:12 GMT" alone on a line near the top. A bare date line
        counts only when no later line is one too (a compilation dates its excerpts so)."""
        view, found = self.view, None
        bare_lines = 0
        for i, line_atoms in sorted(self._by_par().items()):
            if len(line_atoms) != 1:
                # a title and its date line run together into one heading ("Five activists to
                # stand trial on 12 May ...\n2 May 2024"): the line that is only a date stamps it
                lone = self._lone_date_line(i, line_atoms) if i < _TOP_PARAGRAPHS else None
                if lone is None:
                    continue
                a, sp = lone
            elif not _full(line_atoms[0]):
                continue
            else:
                sp, a = self.spans[i], line_atoms[0]
            if not _STAMP_BEFORE.match(view, sp.start, a.start):
                continue
            tail = _STAMP_AFTER.match(view, a.end, sp.end)
            if tail is None or tail.end() != sp.end:
                continue
            worded = _HAS_TIME.search(view, a.end, sp.end) or _STAMP_WORD.match(view, sp.start, a.start)
            if not worded:
                bare_lines += 1
            if found is None and i < _TOP_PARAGRAPHS:
                r = resolve_atom_range(a, None)
                if r.start is not None and _PLAUSIBLE[0] <= r.start <= _PLAUSIBLE[1]:
                    found = (r.start, a, bool(worded))
        if found is None:
            return self._published_sentence()
        if not found[2] and bare_lines > 1:
            return None
        return found[0], found[1]

    def closing_date_line(self) -> tuple[dt.date, Atom] | None:
        """A report dated only in its closing line ("Iran, Friday, January 17, 2025" as the
        last paragraph): that line is its dateline, written at the foot instead of the head."""
        if not self.spans or not self.atoms:
            return None
        sp, last = self.spans[-1], self.atoms[-1]
        if not _full(last) or last.start < sp.start or sp.end - sp.start > _CLOSING_LINE_CHARS \
                or "\n" in self.view[sp.start : sp.end].strip():
            return None
        if not _CLOSING_HEAD.fullmatch(self.view, sp.start, last.start) or self.view[last.end : sp.end].strip(" .") \
                or (len(self.atoms) > 1 and self.atoms[-2].start >= sp.start):
            return None
        r = resolve_atom_range(last, None)
        if r.start is None or r.precision != "day" or not _PLAUSIBLE[0] <= r.start <= _PLAUSIBLE[1]:
            return None
        return r.start, last

    def _lone_date_line(self, i: int, atoms: list[Atom]) -> tuple[Atom, Span] | None:
        """The full date that is alone on a later line of heading paragraph ``i``, and that line."""
        if self.kinds[i] != "heading":
            return None
        sp, view = self.spans[i], self.view
        for a in atoms:
            lo = view.rfind("\n", sp.start, a.start) + 1
            if lo <= sp.start or not _full(a):
                continue  # (the first line is the title, whose dates are its story's)
            hi = view.find("\n", a.end, sp.end)
            hi = sp.end if hi == -1 else hi
            if sum(1 for b in atoms if lo <= b.start < hi) == 1:
                return a, Span(lo, len(view[:hi].rstrip()))
        return None

    def _published_sentence(self) -> tuple[dt.date, Atom] | None:
        """"Published Saturday, January 17, 2026 by the Monitor." opening a sentence near the
        top: the publication date, though the line says more."""
        view = self.view
        if "ublished" not in view[:1500]:
            return None
        for a in self.atoms:
            if a.start > 1500 or self.par(a.start) >= _TOP_PARAGRAPHS:
                break
            if _full(a) and _PUBLISHED_OPENS.search(view, max(0, a.start - 20), a.start):
                r = resolve_atom_range(a, None)
                if r.start is not None and r.precision == "day" and _PLAUSIBLE[0] <= r.start <= _PLAUSIBLE[1]:
                    return r.start, a
        return None

    def heading_period(self, title_atoms: list[Atom], title: str) -> DateRange | None:
        """The period a title or one of the first headings states: a range, a week, a month or
        a day; its year, when the heading omits it, from the text."""
        sources: list[tuple[list[Atom], str, bool]] = []
        by_par = self._by_par() if self.atoms else {}
        for i, sp in enumerate(self.spans[:_TOP_PARAGRAPHS]):
            # the first line is the title whatever its shape ("..., 13–19 November 2023" reads
            # like a caption); later ones must be headings (captions date their photos)
            title_line = (i == 0 or i == 1 and (self._masthead(by_par) or self._week_subtitle(by_par))) \
                and self.kinds[i] in ("heading", "caption") and sp.end - sp.start <= 200
            if (title_line or self.kinds[i] == "heading" or self._publisher_date_line(sp, by_par.get(i))) and sp.start < 1500 \
                    and " | " not in self.view[sp.start : sp.end]:  # (a table's row is no heading)
                sources.append((by_par.get(i, []), self.view, True))
        if title_atoms:
            sources.append((title_atoms, title, False))
        latest = self.latest_full()
        for atoms, text, in_doc in sources:
            for a in atoms:
                if a.kind != "date" or a.a is None or a.a.m is None or _role_before(text, a.start) is not None:
                    continue
                if _event_noun_after(text, a.end):
                    continue  # "Remembering the November 2019 uprising": an event's name, not a period
                r = self._resolve_heading_atom(a)
                if r is None or (latest is not None and latest > r.end + dt.timedelta(days=7)):
                    continue  # the text dates things after it: not the period the report covers
                if r.precision == "month":
                    # a title's month ("The Empty Ballot Boxes of June 2021") over the page's own
                    # date line inside it ("PMOI/MEK - Sunday, June 20, 2021"): the essay is of that
                    # day, and its weekdays count back from it, not from the month's last day
                    day = self._publisher_day_in(r, by_par)
                    if day is not None:
                        r, a, in_doc = day[0], day[1], True
                self.period = r
                self.period_span = Span(a.start, a.end) if in_doc else None
                return r
        return None

    def _publisher_day_in(self, month: DateRange, by_par: dict[int, list[Atom]]) -> tuple[DateRange, Atom] | None:
        """The day of a top publisher's date line ("NCRI - Sunday, June 20, 2021") inside ``month``."""
        for i, sp in enumerate(self.spans[:_TOP_PARAGRAPHS]):
            line = by_par.get(i)
            if i == 0 or not self._publisher_date_line(sp, line):
                continue
            r = resolve_atom_range(line[0], None)
            if r.start is not None and r.precision == "day" and month.start <= r.start <= month.end:
                return r, line[0]
        return None

    def _publisher_date_line(self, sp: Span, atoms: list[Atom] | None) -> bool:
        """A top line that is only a known publisher's name and a date ("NCRI - October 11,
        2024"), read as a caption for its shortness: the page's date line, not a photo's. The
        date may carry its weekday and a Persian-calendar gloss in brackets ("NCRI – Saturday,
        November 8, 2025 (17 Aban 1404)"): only the name before it must be short."""
        if not atoms or not _full(atoms[0]) or atoms[0].start - sp.start > _MASTHEAD_CHARS:
            return False
        a = atoms[0]
        tail = self.view[a.end : sp.end].strip(" .")
        if len(atoms) == 2 and _gloss_after(tail, atoms[1], self.view):
            tail = ""
        if len(atoms) > 2 or tail or not (m := _PUBLISHER_DASH.fullmatch(self.view, sp.start, a.start)):
            return False
        from ..publishers import load_publishers, names_an_organisation  # (a lazy import: the stage loads without the table)
        from ..textutil import fold_name
        # (a name the table does not know counts when it ends in an organisation word: "Iran
        # Freedom Monitor – Thursday, January 8, 2026"; a photo's place and date do not)
        return fold_name(m.group(1)) in load_publishers() or names_an_organisation(m.group(1).strip())

    def _week_subtitle(self, by_par: dict[int, list[Atom]]) -> bool:
        """Is the second line the period under an undated title ("Campus Bulletin | weekly
        digest" over "Week 9 — Saturday 28 February to Friday 6 March 2026")? A written range of
        at most a fortnight on a short line: a caption dates its photo by a day, not a week."""
        if len(self.spans) < 2 or self.kinds[0] != "heading" or by_par.get(0):
            return False
        line = by_par.get(1, [])
        return len(line) == 1 and _week_range(line[0])

    def _masthead(self, by_par: dict[int, list[Atom]]) -> bool:
        """Is the first line a publisher's name above the title ("Hengaw Organization for
        Human Rights")? A short heading without a date: the title is the line after it."""
        sp = self.spans[0] if self.spans else None
        if sp is None or self.kinds[0] != "heading" or sp.end - sp.start > _MASTHEAD_CHARS or by_par.get(0):
            return False
        # a name: every word capitalised but the small ones ("Activists defy the ban" is a title)
        words = self.view[sp.start : sp.end].split()
        return is_name_words(words)

    def _resolve_heading_atom(self, a: Atom) -> DateRange | None:
        if a.a.y is None or (a.b is not None and a.b.y is None):
            near = self.year_hint()
            if near is None:
                return None
            a = Atom(a.start, a.end, a.kind, nearest_year(a.a, near), nearest_year(a.b, near) if a.b else None,
                     a.rel, a.n, a.joined)
        r = resolve_atom_range(a, None)
        if r.start is None or not _PLAUSIBLE[0] <= r.start <= r.end <= _PLAUSIBLE[1]:
            return None
        return r


#: what makes an Iranian year the report's own: "since the start of the Iranian year 1405"
_CURRENT_SOLAR_YEAR = re.compile(
    r"(?:(?:start|beginning|first\s+\w+\s+months?)\s+of\s+the|this|the\s+current)\s+(?:current\s+)?(?:(?:Iranian|Persian|solar)"
    r"\s+(?:calendar\s+)?)?year\s*,?\s*\Z", re.I)


def _current_solar_year(view: str, part) -> int | None:
    """The Gregorian year of a yearless dateline ("ZAHEDAN, Oct. 14 (Agency)") in a report that
    names its own Iranian year ("since the start of the Iranian year 1405"): the Gregorian year
    that day falls in within that Iranian year (which begins on March 20 or 21)."""
    i = view.find("year 1")
    while i != -1:
        digits = view[i + 5:i + 9]
        if digits.isdigit() and digits[:2] in ("13", "14") and not view[i + 9:i + 10].isdigit() \
                and _CURRENT_SOLAR_YEAR.search(view, max(0, i - 60), i + 4):
            sh = int(digits)
            if part.cal != "g":  # a Persian month-day ("TEHRAN, Esfand 12 (IRNA) -"): that year itself
                return sh
            return sh + 621 if (part.m, part.d or 1) >= (3, 21) else sh + 622
        i = view.find("year 1", i + 6)
    return None


#: what makes a Gregorian year the report's own: "so far in 2025", "since the start of 2025",
#: "so far this year (2025)" are the year the story is told in, not history
_CURRENT_GREGORIAN_YEAR = re.compile(
    r"\b(?:so\s+far\s+in|since\s+the\s+(?:start|beginning)\s+of|earlier\s+in)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\d)", re.I)


def _current_gregorian_year(view: str) -> int | None:
    """The year a yearless wire dateline ("DUBAI, Nov 18 (Reuters) -") is in when the story
    counts something "so far in 2025": the latest such year written (a story that tells
    "so far in 2025, up from 41 in 2024" is told in 2025, whatever weekday its lede names)."""
    years = [int(m.group(1)) for m in _CURRENT_GREGORIAN_YEAR.finditer(view)]
    return max(years) if years else None


#: a weekday a plan is told for, in the same clause ("rallies are planned in Paris on Saturday"):
#: the plan's day, which neither dates an act nor carries to the next sentence
_PLANNED_BEFORE = re.compile(r"\b(?:are|is)\s+(?:also\s+)?(?:planned|scheduled|due|expected)\b[^.;:!?\n]{0,50}?\bon\s+\Z", re.I)


#: a yearless dateline this far from the only full date written gets its year by guess
_FAR_YEAR_HINT_DAYS = 90
_LEDE_CHARS = 700
#: how many years from the latest history year a yearless dateline's weekday is looked for: a
#: story that recalls only history recalls that of the last few years ("DUBAI, Dec 30" with "on
#: Tuesday" after "2019" is 2025); a weekday that fits only later ("LONDON, Oct 16" with "on Tuesday"
#: after "2022" would be 2029) more likely names a day before the dateline's, and the year stays open
_HISTORY_YEARS_AHEAD = 7
#: how many years after the start of the story's own period ("since mid-September 2022") its
#: yearless dateline's weekday is looked for, the day before the dateline's counting too
_SINCE_YEARS_AHEAD = 2
_LEDE_WEEKDAY = re.compile(r"\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_INDEX = {w: i for i, w in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}


def _year_by_lede_weekday(view: str, dateline: Atom, near: dt.date, years: int = 8,
                          offsets: tuple[int, ...] = (0,)) -> DateRange | None:
    """A yearless wire dateline ("ZAHEDAN, Iran, Jan 16 (Agency) -") whose only full date is
    far off (a past event the story recalls): the lede names the dateline's day by its weekday
    ("... on Friday, killing ..."), so the year is the first one from that date on in which the
    day falls on that weekday; ``offsets`` (0, 1) also takes the lede's weekday for the day
    before the dateline's (a wire lede tells yesterday as often as today)."""
    p = dateline.a
    if p.m is None or p.d is None or p.cal != "g":
        return None
    # (the lede, or the write-through's lede under a one-line flash)
    m = _LEDE_WEEKDAY.search(view, dateline.end, dateline.end + _LEDE_CHARS)
    if m is None:
        return None
    wd = _WEEKDAY_INDEX[m.group(1)]
    for y in range(near.year, near.year + years):
        try:
            day = dt.date(y, p.m, p.d)
        except ValueError:
            continue
        if day > near and (day.weekday() - wd) % 7 in offsets:
            return resolve_atom_range(replace(dateline, a=p._replace(y=y)), None)
    return None


#: "since the protests erupted in (mid-September 2022)": the start of the story's own period
_SINCE_BEGAN = re.compile(r"\bsince\s+(?:[\w'-]+\s+){1,4}?(?:began|erupted|started|broke\s+out)\s+(?:in\s+)?\Z", re.I)


def _latest_written_year(atoms: list[Atom], view: str) -> tuple[dt.date, bool, dt.date] | None:
    """The first day of the latest month-year or bare year written ("November 2019", "1979",
    "since mid-September 2022"), whether it opens a period ("since ..."), and its last day."""
    best = None
    for a in atoms:
        p = a.a
        if a.kind not in ("date", "year") or p is None or p.y is None or p.cal != "g" or a.b is not None:
            continue
        # ("the protests that have swept Iran since mid-September 2022": a period's start is
        # history too, the story later than it)
        role = _role_before(view, a.start)
        if role not in (None, "period") or not _PLAUSIBLE[0].year <= p.y <= _PLAUSIBLE[1].year:
            continue
        day = dt.date(p.y, p.m or 1, 1)
        if best is None or day > best[0]:
            last = month_range(p.y, p.m)[1] if p.m else dt.date(p.y, 12, 31)
            best = (day, role == "period" or _SINCE_BEGAN.search(view, max(0, a.start - 60), a.start) is not None, last)
    return best


def find_anchor(doc: Doc, atoms: list[Atom], dateline: Atom | None, classes: list[str], par,
                top: _Top | None = None) -> Anchor:
    published = doc.report.published  # a date: the readers parse it (ingest/report.py)
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not _PLAUSIBLE[0] <= published <= _PLAUSIBLE[1]:
        doc.notes.append(f"date: published date {published.isoformat()} is implausible, ignored as anchor")
        published = None
    if published is not None:
        return Anchor(published, "published", None)
    stamp = top.timestamp() if top is not None else None
    if dateline is not None:
        if dateline.a is not None and dateline.a.y is None and top is not None:
            if stamp is not None:
                r = resolve_atom_range(dateline, stamp[0])  # never after the publication
            else:
                near = top.latest_full()
                r = resolve_atom_range(replace(dateline, a=nearest_year(dateline.a, near)), None) if near else None
                if r is not None and r.start is not None and abs((r.start - near).days) > _FAR_YEAR_HINT_DAYS:
                    r = _year_by_lede_weekday(doc.view or doc.text, dateline, near) or r
                if near is None and dateline.a.m is not None and dateline.a.cal == "g":
                    y = _current_gregorian_year(doc.view or doc.text)
                    if y is not None:
                        r = resolve_atom_range(replace(dateline, a=dateline.a._replace(y=y)), None)
                if near is None and r is None:
                    # no full date at all, only history's months and years ("in June 2018", "in
                    # November 2019"): the story is later than the latest of them, and the lede's
                    # weekday for the dateline's day says which year (never a guess without it)
                    floor = _latest_written_year(atoms, doc.view or doc.text)
                    r = None
                    if floor is not None and floor[1]:
                        # the latest history opens the story's own period ("at least 141 protesters
                        # have been killed since ... mid-September 2022"): the story is within a
                        # year or so of it, and a wire lede's weekday may be the dateline's day or
                        # the day before ("PARIS, Oct 27 (AFP) - ... on Wednesday" is 2022, a
                        # Thursday, not 2027)
                        r = _year_by_lede_weekday(doc.view or doc.text, dateline, floor[0], _SINCE_YEARS_AHEAD, (0, 1))
                    # (within a few years of it: _HISTORY_YEARS_AHEAD)
                    # (after the recalled month or year has ended: "Iran was shaken by protests in
                    # November 2019" in a story datelined "Nov 19" is not told on November 19, 2019)
                    if r is None and floor is not None:
                        r = _year_by_lede_weekday(doc.view or doc.text, dateline, floor[2], _HISTORY_YEARS_AHEAD)
                if r is None and dateline.a.m is not None:
                    y = _current_solar_year(doc.view or doc.text, dateline.a)
                    if y is not None:
                        r = resolve_atom_range(replace(dateline, a=dateline.a._replace(y=y)), None)
        else:
            r = resolve_atom_range(dateline, None)
        if r is not None and r.start is not None:
            day = r.end if dateline.b is not None and r.end is not None else r.start  # a week's last day
            return Anchor(day, "dateline", Span(dateline.start, dateline.end))
    if stamp is not None:
        return Anchor(stamp[0], "timestamp", Span(stamp[1].start, stamp[1].end))
    closing = top.closing_date_line() if top is not None else None
    if closing is not None:
        return Anchor(closing[0], "dateline", Span(closing[1].start, closing[1].end))
    if top is not None:
        title = doc.report.title or ""
        title_atoms = extract(title) if title and title.strip() not in (doc.view or doc.text)[:1500] else []
        period = top.heading_period(title_atoms, title)
        if period is not None:
            return Anchor(period.end, "heading", top.period_span)
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


#: the offence a sentence or an execution is for, told with its own day: the deed's date, not the court's
_OFFENCE_BEFORE = re.compile(r"\b(?:over|for)\s+(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){0,6}?(?:on|in)\s+$", re.I)
_PUNISHED_BEFORE = re.compile(r"\b(?:sentenc(?:ed|ing)|executed|hanged|convicted)\b", re.I)


def _offence_date(view: str, start: int) -> bool:
    lo = max(0, start - 80)
    window = view[lo:start]
    if "over " not in window and "for " not in window:
        return False
    m = _OFFENCE_BEFORE.search(window)
    sent_lo = max(view.rfind(". ", 0, start), view.rfind("\n", 0, start), start - 300)
    if m is None:
        # ('arrested in Zahedan for "attacking police posts" during a protest at the end of October':
        # the protest the charge is placed in, not the arrest's day)
        m = _CHARGED_DURING_BEFORE.search(window) if "during " in window else None
        return m is not None and _ARRESTED_FOR_BEFORE.search(view, sent_lo, lo + m.start()) is not None
    return _PUNISHED_BEFORE.search(view, sent_lo, lo + m.start()) is not None


_CHARGED_DURING_BEFORE = re.compile(
    r"\bduring\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:protests?|rall(?:y|ies)|demonstrations?|unrest|riots?|gatherings?)\s+"
    r"(?:(?:on|in|at|at\s+the\s+(?:end|start|beginning)\s+of|in\s+(?:early|late|mid-?))\s+)?(?:the\s+)?$", re.I)
_ARRESTED_FOR_BEFORE = re.compile(r"\b(?:arrested|detained|charged|sentenced|convicted|executed|hanged)\b[^.;]{0,160}?\bfor\b", re.I)


#: the gap between a day and "the previous night" joined to it ("On Wednesday, 16 Mehr, the festival of
#: Mehregan, and the previous night"): an apposition may stand between them, no clause break
_AND_THE_NIGHT_BEFORE = re.compile(r"(?:,[^.;:!?\n]{0,60})?,?\s+and\s+")
#: a relative clause telling when someone took office ("Raisi, ..., who took office last month,"): its
#: date is that of the office, no act of the report's sentence
_TOOK_OFFICE_BEFORE = re.compile(r"\bwho\s+(?:took\s+office|came\s+to\s+power|was\s+(?:elected|appointed|sworn\s+in)|"
                                 r"became\s+(?:president|prosecutor|governor|minister|judiciary\s+chief))\s+(?:in\s+|on\s+)?\Z", re.I)
_RESTATED_BY_DATE = re.compile(r",?\s*(?:on|in)?\s*")
#: "the festival of water that falls on 13 Tir", "its annual celebration of 12 Farvardin": the
#: occasion's calendar day, told to name it, not the day of the acts the sentence reports
_OCCASION_DAY_BEFORE = re.compile(r"\b(?:(?:that|which)\s+)?falls\s+on\s+\Z|\bcelebrations?\s+of\s+\Z", re.I)
#: "last year", "a month ago", "last week" before the full date they point at
_BACK_RELS = frozenset({"ly", "lm", "lw", "yago", "mago", "wago"})
#: between them at most an occasion's name: ", on Sizdah Bedar, "
_RESTATED_BY_NAMED_DATE = re.compile(r",?\s*(?:on|in)?\s*(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},?\s*)?")
#: the longest quotation read as a slogan (a date inside one is no date of the act)
_SLOGAN_CHARS = 60


def _in_slogan(view: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a short quotation on its line (a slogan: posters reading
    "18 Tir is alive" were put up on Sunday: the day the slogan names is not the act's). A long
    quotation (a witness's words) keeps its dates."""
    lo = max(0, start - _SLOGAN_CHARS)
    before = view[lo:start]
    cut = before.rfind("\n")
    if cut >= 0:
        before = before[cut + 1 :]
    # (straight quotes pair from the line's start: a window cut between a pair's marks would count
    # a closing mark as an opening one; '... for "attacking police posts" and "disturbing public
    # order" during a protest at the end of October')
    line_start = view.rfind("\n", max(0, start - 2000), start) + 1
    if '"' in before and view.count('"', line_start, start) % 2 == 1:
        close = view.find('"', end, end + 2 * _SLOGAN_CHARS)
    elif before.rfind("\u201c") > before.rfind("\u201d"):
        close = view.find("\u201d", end, end + 2 * _SLOGAN_CHARS)
    else:
        return False
    if close < 0 or "\n" in view[end:close]:
        return False
    opened = start - len(before) + max(before.rfind('"'), before.rfind("\u201c"))
    # (a chant or a banner's words may run longer: 'chanted "This year is the year of blood, Seyyed
    # Ali will be overthrown"')
    return close - opened <= _SLOGAN_CHARS or close - opened <= 2 * _SLOGAN_CHARS and _quoted_as_slogan(view, start)


#: after "this year": the occasion's own day ("this year it fell in ...", "this year Nowruz falls on a Friday")
_OCCASION_FELL_AFTER = re.compile(r",?\s+(?:it|the\s+(?:day|occasion|anniversary|holiday)|[A-Z][\w'’-]+(?:\s+(?:Day|Night))?)\s+"
                                  r"(?:fell|falls|coincided|coincides)\b")


def _year_names_an_event(view: str, a: Atom) -> bool:
    """"killed in the 2022 protests": a year before an event noun names that past event (its
    history role voids the acts told of it)."""
    return a.kind == "year" and _event_noun_after(view, a.end)


def _event_noun_after(text: str, end: int) -> bool:
    """Is the word right after ``end`` an event noun ("uprising", "protests")?"""
    after = text[end : end + 30].lower().split()
    if not after:
        return False
    # (only the punctuation and a possessive at the word's end: a strip of "s" from both ends
    # read "strikes" as "trike")
    word = re.sub(r"['’]s$", "", after[0].rstrip(".,;:)"))
    return word in lexicon().event_nouns or word.rstrip("s") in lexicon().event_nouns


_FOR_OCCASION_RE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_SLOGAN_WORD_RE = re.compile(r"\b(?:slogans?|reading|read|words|chant(?:ed|ing)?|wrote|writing)\s*:?\s*$", re.I)


#: a quotation listed after another ('chanted "Death to the dictator" and "This year ..."')
_AFTER_QUOTATION_RE = re.compile(r"[\"\u201d]\s*(?:,\s*)?(?:and\s+)?\Z")


def _quoted_as_slogan(view: str, start: int, depth: int = 0) -> bool:
    """Whether the quotation around ``start`` is introduced as a slogan ("the slogan", "reading",
    "chanted"), not as someone's words; a quotation listed after one that is counts as well."""
    lo = max(0, start - _SLOGAN_CHARS)
    opened = max(view.rfind('"', lo, start), view.rfind("\u201c", lo, start))
    if opened <= 0:
        return False
    if _SLOGAN_WORD_RE.search(view, max(0, opened - 30), opened):
        return True
    prev = _AFTER_QUOTATION_RE.search(view, max(0, opened - 8), opened)
    return prev is not None and depth < 3 and _quoted_as_slogan(view, prev.start(), depth + 1)


def _names_an_event(view: str, a: Atom) -> bool:
    """"of the November 2019 uprising": a month and year in a genitive before an event noun
    name a past event (what is remembered), not the time of the sentence's acts."""
    return view[max(0, a.start - 8) : a.start].lower().endswith("of the ") and _event_noun_after(view, a.end)


_DEAD_OF_RE = re.compile(r"\b(?:martyrs|victims|dead|fallen|heroes)\s+of\s+(?:the\s+)?$"
                         # "graffiti honouring the students of 1999": whom the act honours
                         r"|\b(?:honou?ring|commemorating|remembering)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?of\s+(?:the\s+)?$", re.I)


def _names_the_dead(view: str, a: Atom) -> bool:
    """"the martyrs of June 1981", "the victims of 1988": a date after the dead it names says
    whom an act honours, not when the act was done."""
    return bool(_DEAD_OF_RE.search(view[max(0, a.start - 44) : a.start]))


#: the day of their death after the dead whose kin or graves a sentence is about: "the families
#: of three prisoners executed in Qezelhesar last month went to ..."
# (the killers may be named between: "the father of a young man who was shot dead by security forces in 2022")
_KIN_OF_DEAD_RE = re.compile(KIN_OF_DEAD + r"(?:\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:forces|police|guards|agents|officers|regime|IRGC|Basij))?"
                             r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?\s+(?:on\s+|in\s+)?$", re.I)


def _dates_the_death_of_kin(view: str, a: Atom) -> bool:
    """A date right after the dead whose kin or graves a sentence is about dates their death,
    not the act of the sentence ("the families of prisoners executed last month gathered on
    Friday": Friday)."""
    window = view[max(0, a.start - 120) : a.start]
    if " of " not in window and " whose " not in window:
        return False
    # the pattern (re.I, led by \b: an attempt at every character) ends on a death participle:
    # without one in the window it cannot match (casefold covers what re.I equates)
    folded = window.casefold()
    return any(w in folded for w in _KIN_DEATH_WORDS) and bool(_KIN_OF_DEAD_RE.search(window))


_KIN_DEATH_WORDS = ("executed", "killed", "hanged", "shot", "slain", "murdered")  # KIN_OF_DEAD's last words


def _role_before(view: str, start: int) -> str | None:
    """"since X" is a period; "as of X", "every Friday", "ahead of X" are not event dates."""
    if view.startswith("since ", start - 6) and _HUNGER_STRIKE_SINCE_RE.search(view, max(0, start - 80), start):
        return "event"  # "on hunger strike since November 10": the day the strike began
    return _role_of_tail(view[max(0, start - 24) : start])


# (the prison between: "has been on hunger strike in Evin prison since Saturday")
_HUNGER_STRIKE_SINCE_RE = re.compile(r"hunger strikes? (?:(?:in|at) (?:the )?[A-Z][\w'’-]*(?: [\w'’-]+){0,4} )?since $")


@lru_cache(maxsize=8192)
def _role_of_tail(tail: str) -> str | None:
    # a pure function of the 24 characters before a date (the lexicon is loaded once):
    # memoised, as the same few lead-ins ("on ", "since early ") recur across a corpus
    tail = tail.lower()
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
            if phrase == "every" and words[-2:-1] == ["as"]:
                return None  # "gathered, as every Sunday, ...": this Sunday, likened to the habit
            return "other"
    return None


#: anchor sources whose date is every paragraph's reference date
_ANCHOR_IS_REF = ("published", "dateline", "timestamp", "heading", "none")


def _local_ref(i: int, classes: list[str], label_days: dict[int, dt.date], anchor: Anchor) -> dt.date | None:
    """Reference date for the paragraph ``i``. In a report dated by publication, dateline,
    timestamp or the period its title states it is the anchor. In one dated only by captions
    (a compilation of excerpts), it is the date of the caption/heading block that opens the
    excerpt, when that block has one."""
    if anchor.source in _ANCHOR_IS_REF:
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
    label_mentions: dict[int, DateMention] = {}  # (the mentions behind label_days)
    prev_event: DateMention | None = None
    prev_day: dt.date | None = None
    prev_fine: DateMention | None = None  # the last event date of day or range precision
    fine_par = -1  # the paragraph prev_fine stands in
    seen = _Weekdays()
    ongoing: list[tuple[int, Atom, dt.date | None]] = []  # (index in out, atom, reference date)
    sentence_has_date: set[int] = set()
    sentence_dated_otherwise: set[int] = set()  # (sentences with a date that is no anniversary)
    if any(a.kind == "anniversary" for a in atoms):  # only anniversaries need to know
        for a in atoms:
            if a.kind == "date" and (a.a is None or a.a.d is not None):
                sentence_has_date.add(_sentence_key(doc, a.start))
            if a.kind != "anniversary":
                sentence_dated_otherwise.add(_sentence_key(doc, a.start))
    history_before = anchor.date - dt.timedelta(days=HISTORY_DAYS) if anchor.date else None
    # sentences with a day of their own (a date with its day, or a weekday): a recent year naming
    # an event in them ("the women who led the 2022 uprising") says what is recalled, not when
    day_sentences = {_sentence_key(doc, a.start) for a in atoms
                     if a.kind == "weekday" or a.kind == "date" and a.a is not None and a.a.d is not None}
    sentences = doc.sentences
    sent_starts = [x.span.start for x in sentences]
    text = doc.text
    # (loop invariants, read once: neither the anchor nor the classes change in the loop)
    local_ref = bool(classes) and anchor.source not in _ANCHOR_IS_REF
    anchor_date = anchor.date
    # a report without a dateline is anchored on the latest full date it writes, not on its
    # publication: a later yearless day ("on Tuesday, June 3") or weekday is still reported
    undated = anchor.source in _ANCHOR_NOT_PUBLICATION
    spans = _ParagraphSpans()
    lede_week: DateRange | None = None  # a span of days the dateline's paragraph states ("the week of July 6 to 12")
    # a weekly report whose heading states its week ("Our week: 15-21 February 2026"): "this
    # week" is that week, not the Monday-to-anchor span of the calendar week
    heading_week = None
    if anchor.source == "heading" and anchor.span is not None:
        for a in atoms:
            if a.start == anchor.span.start and _week_range(a):
                heading_week = resolve_atom_range(a, None)
                break
    stamps = _post_stamps(view, atoms) if "·" in view else []
    stamp_starts = [x[0] for x in stamps]
    # "Two days later, on July 11, 1999, ...": the relative day restates the full date written
    # right after it, which alone dates the sentence
    restated = {id(a) for a, b in zip(atoms, atoms[1:])
                if b.kind == "date" and b.a is not None and b.a.y is not None and b.a.d is not None
                and ((a.kind == "same" and _RESTATED_BY_DATE.fullmatch(view, a.end, b.start))
                     # ("Last year, on Sizdah Bedar, April 2, 2025, ...": the year back, then the day itself)
                     or (a.kind == "relative" and a.rel in _BACK_RELS and _RESTATED_BY_NAMED_DATE.fullmatch(view, a.end, b.start)))}
    restated |= {id(a) for a, o, b in zip(atoms, atoms[1:], atoms[2:])  # ("Last year, on Nowruz, March 21, 2023")
                 if a.kind == "relative" and a.rel in _BACK_RELS and o.kind == "anniversary" and b.kind == "date"
                 and b.a is not None and b.a.y is not None and b.a.d is not None
                 and _RESTATED_BY_NAMED_DATE.fullmatch(view, a.end, b.start)}
    # "on the 5th of this month", "the 12th of last month": the month the day is in, told after it
    # (the month's own atom then says nothing more; last month's day is sought before this month)
    month_of_day = {id(a): b.rel for a, b in zip(atoms, atoms[1:])
                    if a.kind == "monthday" and b.kind == "relative" and b.rel in ("tm", "lm")
                    and view[a.end : b.start] == " of "}
    if month_of_day:
        restated = restated | {id(b) for a, b in zip(atoms, atoms[1:]) if id(a) in month_of_day}
    for a in atoms:
        i = par(a.start)
        if restated and id(a) in restated:
            continue
        ref = _local_ref(i, classes, label_days, anchor) if local_ref else anchor_date
        if month_of_day and month_of_day.get(id(a)) == "lm" and ref is not None:
            ref = ref.replace(day=1) - dt.timedelta(days=1)  # (the last day of the month before)
        if stamps and a.kind == "relative":  # "tonight" in a post: the day of the post's time line
            k = bisect.bisect_right(stamp_starts, _retweeted_at(view, a.start))
            if k < len(stamps) and stamps[k][0] - a.start <= POST_REACH:
                ref = stamps[k][1]
        role = _role_before(view, a.start) or "event"
        if role == "event" and a.kind in ("date", "relative", "year", "anniversary") and ('"' in view[max(0, a.start - _SLOGAN_CHARS):a.start]
                                                     or "\u201c" in view[max(0, a.start - _SLOGAN_CHARS):a.start]) \
                and _in_slogan(view, a.start, a.end) \
                and (a.kind != "anniversary" or (_sentence_key(doc, a.start) in sentence_dated_otherwise
                                                 and _quoted_as_slogan(view, a.start))):
            # (an occasion a slogan names, "projected the slogan 'Nowruz without Khamenei' ... on
            # Wednesday night", dates nothing when its sentence tells its own day; alone, or in an
            # official's quoted words, it may be the occasion of the act)
            role = "other"
        elif role == "event" and a.kind == "anniversary" and _FOR_OCCASION_RE.search(view, max(0, a.start - 9), a.start) \
                and _sentence_key(doc, a.start) in sentence_dated_otherwise:
            # "a banner that had been put up for Nowruz, on Thursday afternoon": the occasion is the
            # banner's purpose; the sentence's own day dates the act
            role = "other"
        fine = prev_fine
        if a.kind == "same" and label_mentions and fine_par != i:
            # "- Rasht: ... detained two workers, who were released later that night" under the
            # heading "Tuesday, November 4": that item's day is the heading's, not the day a
            # sibling item above it told ("- Bandar Abbas: ... the strike continued until Thursday")
            head = _heading_above(doc, i)
            if head is not None and head < fine_par and head in label_mentions:
                fine = label_mentions[head]
        try:
            role, rng = _resolve_one(a, role, ref, prev_day, prev_event, doc, sentence_has_date, seen, fine,
                                     spans.before(i) if a.kind == "same" and a.rel == "period" else None,
                                     prev_day if undated else None)
        except (ValueError, OverflowError):  # arithmetic at the edge of the calendar
            rng = DateRange.unresolved("invalid_date")
        if rng is None:
            continue
        eve = a.kind == "same" and view[a.end - 3 : a.end].lower() == "eve"
        if eve and out and (sent := doc.sentence_at(a.start)) is not None and out[-1].span.start >= sent.span.start:
            continue  # "On June 3, 2022, on the eve of the same anniversary": the sentence's own date
        if a.kind == "same" and a.n == -1 and anchor_date is not None and rng.precision == "day" \
                and (entry := timed_entry_start(view, a.start)) is not None \
                and not any(m.span.start >= entry for m in out):
            # a live blog's "12:10 – The day before, ...": the day before the blog's own day, not
            # before the day the entry above told ("10:50 – ... shot dead in Shush on Saturday night")
            day = anchor_date - dt.timedelta(days=1)
            rng = DateRange(day, day, "day", min(rng.confidence, 0.9), rng.flags + ("timed_entry",))
        elif a.kind == "same" and a.n == -1 and out and (before := _day_before_occasion(doc, view, out, a)) is not None:
            rng = before  # "the night before the families' gathering": the eve of the day that gathering was told on
        elif eve:
            continue  # "the eve of the anniversary" of no day the report told: no day of its own
        elif a.kind == "same" and out and out[-1].role == "history" and a.rel in _DAY_UNITS:
            rng, role = _same_as_history(out[-1], prev_fine, rng, role)
        elif a.kind == "same" and a.n == -1 and out and rng.precision == "day" and rng.start is not None \
                and out[-1].role == "event" and out[-1].range.precision == "day" \
                and out[-1].range.start == rng.start + dt.timedelta(days=1) \
                and _AND_THE_NIGHT_BEFORE.fullmatch(view, out[-1].span.end, a.start):
            # "On Wednesday, 16 Mehr, ..., and the previous night": the day and the night before it, one range
            rng = DateRange(rng.start, out[-1].range.start, "range", rng.confidence, rng.flags + ("and_night_before",))
        if a.kind == "relative" and a.rel == "tw" and rng.start is not None and rng.end is not None and out \
                and _HELD_THIS_WEEK.search(view, max(0, a.start - 90), a.end) is not None \
                and (told := next((m for m in reversed(out) if m.role == "event"), None)) is not None \
                and told.range.precision == "day" and told.range.start is not None \
                and rng.start <= told.range.start <= rng.end:
            # "On Tuesday, June 10, prisoners in 46 prisons refused food. ... the hunger strike was
            # held this week in Evin, ...": the act just told, on its day, not the whole week
            rng = DateRange(told.range.start, told.range.end, "day", min(rng.confidence, told.range.confidence),
                            rng.flags + ("held_this_week",))
        elif heading_week is not None and a.kind == "relative" and a.rel == "tw" and rng.start is not None:
            rng = DateRange(heading_week.start, heading_week.end, "week", rng.confidence, rng.flags + ("heading_week",))
        if a.kind in ("date", "anniversary") and rng.precision == "day" and rng.start is not None \
                and (_EVE_OF if a.kind == "date" else _EVE_OF_OCCASION).search(view, max(0, a.start - 20), a.start):
            # "on the eve of 16 Azar", "on the eve of Nowruz": the day before it
            day = rng.start - dt.timedelta(days=1)
            rng = DateRange(day, day, "day", rng.confidence, rng.flags + ("eve",))
        if undated and a.kind == "date" and anchor_date is not None:
            rng = _undated_ahead(a, rng, anchor_date)
        elif a.kind == "same" and a.rel in ("days", "week") and (
                rng.start is not None or (a.rel == "days" and "same" not in view[a.start : a.end].lower())):
            bare_days = a.rel == "days" and "same" not in view[a.start : a.end].lower()
            rng = _same_span(out, a, rng, view)
            if bare_days and "days_told" not in rng.flags:
                continue  # "during the two days" with no such days told before: left to the sentence's other cues
        elif a.kind == "same" and a.rel in ("theweek", "thatweek"):
            rng = _the_week(out, a.rel == "thatweek")
            if rng is None:
                continue  # "over the week" with no week named before: left to the sentence's other cues
        if a is dateline:
            role = "dateline"
        elif role == "period" and rng.start is not None and anchor_date is not None and rng.start <= anchor_date:
            rng = DateRange(rng.start, anchor_date, "range", rng.confidence, rng.flags + ("open_end",))
        elif role == "event" and rng.start is not None and anchor_date is not None:
            if rng.start > anchor_date and not (undated and rng.start <= anchor_date + _UNDATED_AHEAD):
                role = "other"
                rng = DateRange(rng.start, rng.end, rng.precision, rng.confidence, rng.flags + ("after_anchor",))
            elif a.kind in ("date", "year") and _names_the_dead(view, a):
                role = "other"  # "posters of the martyrs of June 1981": whom they honour, not when
            elif a.kind in ("date", "relative", "weekday", "year") and not _year_names_an_event(view, a) and (
                    _dates_the_death_of_kin(view, a) or dates_a_death_in_apposition(view, a.start)):
                # "the families of prisoners executed last month went ... on Friday"; however long
                # ago the death, it dates the dead, not the act: no history that would void the act
                role = "other"
            elif a.kind == "relative" and a.rel == "ty" and _OCCASION_FELL_AFTER.match(view, a.end):
                # "this year it fell in the third month of the uprising": when the occasion fell,
                # said in passing; left as a date, the year dates the next paragraph's acts
                role = "other"
            elif a.kind == "year" and _year_names_an_event(view, a) and rng.end >= history_before \
                    and _sentence_key(doc, a.start) in day_sentences:
                # "On Wednesday, March 8, the units paid tribute to the women who led the 2022
                # uprising": the recent year names the uprising; left as the sentence's date, it
                # would date the next sentences' acts (which take the sentence's day)
                role = "other"
            elif rng.end < history_before and not (a.kind == "anniversary" and a.n):
                role = "history"  # (an ordinal anniversary, "the 44th anniversary of", dates itself)
            elif rng.precision == "month" and a.kind == "date" and _names_an_event(view, a):
                role = "other"  # "the martyrs of the November 2019 uprising": a name, not when
            elif view.find("who ", max(0, a.start - 60), a.start) >= 0 \
                    and _TOOK_OFFICE_BEFORE.search(view, max(0, a.start - 60), a.start):
                role = "other"  # "Ebrahim Raisi, ..., who took office last month, ...": when he took office, not when
            elif a.kind in ("date", "weekday") and _offence_date(view, a.start):
                role = "other"  # "sentenced ... to death over an arson at a police station on October 10"
            elif a.kind == "weekday" and a.b is None and _PLANNED_BEFORE.search(view, max(0, a.start - 70), a.start):
                role = "other"  # "Further rallies are planned in Paris and Toronto on Saturday": a plan's day
            elif a.kind == "date" and ("fall" in view[max(0, a.start - 20) : a.start]
                                       or "celebration" in view[max(0, a.start - 20) : a.start]) \
                    and _OCCASION_DAY_BEFORE.search(view, max(0, a.start - 30), a.start):
                role = "other"  # "the festival of water that falls on 13 Tir": the occasion's day, not the acts'
        k = bisect.bisect_right(sent_starts, a.start) - 1
        scope = sentences[k].span if k >= 0 and a.start < sentences[k].span.end else None
        # (the act's date may be an ongoing one, which is no prev_event: "have been on strike since
        # Saturday ..., a workers' council said on Tuesday")
        told = prev_event if prev_event is not None or not ongoing else out[ongoing[-1][0]]
        if role == "event" and told is not None and view.startswith(" on ", a.start - 4) \
                and scope is not None and told.span.start >= doc.paragraphs[i].span.start \
                and (_TRAILING_SAID.search(view, max(scope.start, a.start - 140), a.start - 3)
                     or _TRAILING_SAID.search(view, max(scope.start, a.start - 140), a.start - 4)) \
                and _SENTENCE_END.match(view, a.end):
            role = "other"  # "..., the Tehran police said in a statement carried by Tasnim on Tuesday."
        if role == "event" and _ARREST_APPOSITION_BEFORE.search(view, max(0, a.start - 70), a.start) \
                and _ARREST_APPOSITION_AFTER.match(view, a.end):
            role = "other"  # "sentenced three prisoners, arrested in Divandarreh in July 2025, to death": the arrest's date
        if role == "event" and _OPENING_STATEMENT.search(view, max(0, a.start - 60), a.start) \
                and _SAID_THAT_AFTER.match(view, a.end):
            role = "other"  # "In a statement on 18 August, the Shiraz prosecutor ... said that ...": the statement's day
        if classes and classes[i] == "label":
            scope = Span(doc.paragraphs[i].span.start, doc.paragraphs[i].span.end) if doc.paragraphs else scope
        if (a.kind == "weekday" and role == "event" and scope is not None and out and out[-1].role == "history"
                and out[-1].scope == scope and (out[-1].range.precision in ("month", "year")
                                                 or (out[-1].range.precision == "day" and a.a is not None
                                                     and out[-1].range.start is not None
                                                     and out[-1].range.start.weekday() == a.a.wd))
                and _PRAYERS_AFTER_WEEKDAY.match(view, a.end)):
            role = "history"  # "In September 2022, ... after Friday prayers": a Friday of that month
            # (or of that day: "On September 30, 2022, ... after Friday prayers", which it is)
            if out[-1].range.precision == "day":
                rng = DateRange(out[-1].range.start, out[-1].range.end, "day", rng.confidence, rng.flags)
        if role == "event" and a.kind == "date" and rng.precision == "day" and "year_from_anchor" in rng.flags:
            told = _month_told_before(out, scope, rng, a.a.wd if a.a is not None else None)
            if told is not None:
                role, rng = "history", told  # "In July 2021, ... shot dead a young man in Shadegan on July 16"
        if lede_week is not None and a.kind == "weekday" and a.b is None and a.rel == "on" and role == "event" \
                and classes and classes[i] == "label" and rng.start is not None \
                and not lede_week.start <= rng.start <= lede_week.end:
            # "During the week of July 6 to 12, ..." then a section headed "Sunday": that week's Sunday
            day = next((d for d in (lede_week.start + dt.timedelta(days=k)
                                    for k in range((lede_week.end - lede_week.start).days + 1)) if d.weekday() == a.a.wd), None)
            if day is not None:
                rng = DateRange(day, day, "day", rng.confidence, rng.flags + ("lede_week",))
        mention = DateMention(Span(a.start, a.end), text[a.start : a.end], rng, role, scope)
        out.append(mention)
        if lede_week is None and role == "event" and dateline is not None and rng.start is not None \
                and rng.end is not None and 1 <= (rng.end - rng.start).days <= 6 and i == par(dateline.start):
            lede_week = rng
        for flag in ("weekday_mismatch", "inverted_range") if rng.flags else ():
            if flag in rng.flags and "same_as_previous" not in rng.flags:
                doc.notes.append(f"date: {flag.replace('_', ' ')} in {mention.text!r} at {a.start}")
        if role == "event" and rng.start is not None and _is_ongoing(a):
            head = _heading_above(doc, i) if label_days else None
            # ("Sunday, November 2" / "- Shush: ... on strike for the third day in a row": the
            # streak ends on the heading's day, not on the report's date)
            ongoing.append((len(out) - 1, a, label_days.get(head, ref) if head is not None else ref))
            continue  # the stated day, not the start of a streak, is what "the same day" means
        if role == "event" and rng.start is not None:
            prev_event = mention
            if not (classes and classes[i] == "label") and rng.precision in ("day", "range"):
                spans.add(i, rng)
            if rng.precision in ("day", "range") and not (
                    prev_fine is not None and _STATED_ON.search(view, max(0, a.start - 24), a.start)) \
                    and not (prev_fine is not None and "anniversary" in rng.flags
                             and _HELD_APPOSITIVE.search(view, max(0, a.start - 60), a.start)):
                prev_fine = mention  # (not the day a source spoke: "arrested 14, the group said Wednesday")
                fine_par = i
            if rng.precision == "day":
                prev_day = rng.start
                seen.add(rng.start, named=a.kind == "weekday" or (a.a is not None and a.a.wd is not None))
                if classes and classes[i] == "label" and i not in label_days:
                    label_days[i] = rng.start
                    label_mentions[i] = mention
            elif a.kind == "date" and a.b is not None and rng.precision == "range":
                seen.add(rng.start)  # "On Saturday, November 13, and Sunday, November 14": both days
                seen.add(rng.end)
    if ongoing:
        _extend_ongoing(doc, out, ongoing)
        _extend_starts(view, out, ongoing)
    elif "joined" in view:  # (a town that joined a strike told as continued, with no day count)
        _extend_starts(view, out, ongoing)
    if " day of " in view:
        _nth_day_of_strike_after(view, out)
    if "-day " in view and ("ended" in view or "called off" in view or "suspended" in view):
        _ended_n_day_action(view, out)
    _weekdays_told_by_the_date_after(atoms, out)
    if anchor_date is not None and len(out) > 1:
        _weekday_run_before_dateline(atoms, out, anchor_date)
    if len(out) > 1 and " and " in view:
        out = _join_same_and_day(view, text, out)
        out = _months_sharing_year(view, text, out)
    if len(out) > 1 and " (" in view:
        _glosses_follow(view, out)
    if len(out) > 1 and " in " in view:
        out = _that_day_in_year(view, text, out)
    return out


def _month_told_before(out: list[DateMention], scope: Span | None, rng: DateRange, weekday: int | None = None) -> DateRange | None:
    """"In July 2021, during the water protests, security forces shot dead a young man on July
    16": a yearless day of the month that a history mention of its own sentence named with its
    year ("July 2021", or the year alone) is that day of that year, not of the report's year."""
    if scope is None or rng.start is None:
        return None
    for m in reversed(out):
        if m.scope != scope:
            break
        r = m.range
        # (or a year alone: "the deadliest day of the 2022 unrest, when security forces killed at
        # least 66 people on Sept. 30")
        if m.role == "history" and r.start is not None and "year_from_anchor" not in r.flags and r.start.year != rng.start.year \
                and (r.precision == "month" and r.start.month == rng.start.month or r.precision == "year"):
            try:
                day = rng.start.replace(year=r.start.year)
            except ValueError:  # February 29 in a year without one
                return None
            if weekday is not None and day.weekday() != weekday:
                # ("a worker, arrested during the 2022 uprising, to death on Sunday, October 6": the
                # weekday written with the day fits the report's year, not the one told before)
                return None
            return DateRange(day, day, "day", rng.confidence, rng.flags + ("month_told_before",))
    return None


def _months_sharing_year(view: str, text: str, out: list[DateMention]) -> list[DateMention]:
    """"In July and August 1988": a bare month joined by "and" to a month with its year takes
    that year (not the report's), and the two are one range with the second's role."""
    res: list[DateMention] = []
    k = 0
    while k < len(out):
        m = out[k]
        if k + 1 < len(out) and m.range.precision == "month" and "year_from_anchor" in m.range.flags \
                and m.range.start is not None:
            n = out[k + 1]
            if n.range.precision == "month" and n.range.start is not None and "year_from_anchor" not in n.range.flags \
                    and n.range.start.year != m.range.start.year and _AND_ON_GAP.fullmatch(view, m.span.end, n.span.start):
                start = m.range.start.replace(year=n.range.start.year)
                if start < n.range.start:
                    r = DateRange(start, n.range.end, "range", min(m.range.confidence, n.range.confidence), n.range.flags)
                    res.append(DateMention(Span(m.span.start, n.span.end), text[m.span.start : n.span.end], r, n.role,
                                           n.scope))
                    k += 2
                    continue
        res.append(m)
        k += 1
    return res


#: "On that day in 2022": the day just told, in the year named after it
_IN_YEAR_GAP = re.compile(r"[ \u00a0]+in[ \u00a0]+")


def _that_day_in_year(view: str, text: str, out: list[DateMention]) -> list[DateMention]:
    """"On Monday, September 30, crowds marked the anniversary ... On that day in 2022, security
    forces opened fire": "that day" with another year after it is the same day of that year,
    history recalled, not the news day told before."""
    def join(m: DateMention, n: DateMention) -> DateMention | None:
        if n.range.precision != "year" or n.range.start is None or n.range.start.year == m.range.start.year \
                or not _IN_YEAR_GAP.fullmatch(view, m.span.end, n.span.start):
            return None
        try:
            day = m.range.start.replace(year=n.range.start.year)
        except ValueError:  # February 29 in a year without one
            return None
        r = DateRange(day, day, "day", min(m.range.confidence, n.range.confidence), ("same_as_previous",))
        return DateMention(Span(m.span.start, n.span.end), text[m.span.start : n.span.end], r, "history", n.scope)
    return _join_after_same_day(out, join)


def _join_after_same_day(out: list[DateMention], join) -> list[DateMention]:  # noqa: ANN001
    """Each "the same day" / "that day" (an event day repeated from before) with the mention right
    after it made one by ``join(m, n)`` where it returns a mention (else both are kept)."""
    res: list[DateMention] = []
    k = 0
    while k < len(out):
        m = out[k]
        if k + 1 < len(out) and m.role == "event" and "same_as_previous" in m.range.flags \
                and m.range.precision == "day" and m.range.start is not None:
            joined = join(m, out[k + 1])
            if joined is not None:
                res.append(joined)
                k += 2
                continue
        res.append(m)
        k += 1
    return res


def _same_as_history(last: DateMention, prev_fine: DateMention | None, rng: DateRange, role: str) -> tuple[DateRange, str]:
    """"On September 30, 2022, security forces opened fire ... At least 66 people were killed
    that day": "that day" right after a past day (the last date written) is that day, history
    too, not the last news day."""
    r = last.range
    if r.precision != "day" or r.start is None or (prev_fine is not None and prev_fine.span.start > last.span.start):
        return rng, role
    return DateRange(r.start, r.end, "day", r.confidence, r.flags + ("same_as_previous",)), "history"


def _glosses_follow(view: str, out: list[DateMention]) -> None:
    """"since 1 Azar (22 November)", "on 5 Aban (27 October)": a date in brackets right after
    another that names the same day is its gloss in the other calendar; it plays the same role
    (a period's start stays a period's start)."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if b.role == a.role or a.range.start is None or b.range.start != a.range.start:
            continue
        if view[a.span.end : b.span.start].strip() != "(" or not view[b.span.end : b.span.end + 1] == ")":
            continue
        out[k] = replace(b, role=a.role, range=a.range)


#: a trailing attribution clause ending in its date (", the police said in a statement carried by
#: Tasnim on Tuesday."): the day the statement was made, not the day of the act told before it
#: (only when the paragraph has dated the act already). Searched back from the date's " on".
_TRAILING_SAID = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?[\w'’. -]{2,60}?\s+(?:said|announced|reported|stated|confirmed|added)"
    r"(?:\s+in\s+a\s+(?:statement|report|post)(?:\s+(?:carried|published|quoted|posted)\s+by\s+[\w'’. -]{2,40}?)?)?\Z", re.I)
# (or a clause of another speaker or a gloss: "..., a workers' council said on Tuesday, while the
# ministry insisted ...")
_SENTENCE_END = re.compile(r"\s*(?:[.;]|$|,\s+(?:while|whereas|as|but|adding)\s)")

#: the earlier arrest an apposition recalls between a sentence's object and its term ("sentenced three
#: Kurdish prisoners, arrested in Divandarreh in July 2025, to death on 18 November"): its date is
#: the arrest's, and the sentence's own date comes after
_ARREST_APPOSITION_BEFORE = re.compile(
    r",\s+(?:who\s+(?:were|was|had\s+been)\s+)?(?:arrested|detained|captured|seized)"
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+(?:in|on|during)\s+\Z")
_ARREST_APPOSITION_AFTER = re.compile(r",\s+to\s+(?:death|life|(?:[\w-]+\s+){1,4}(?:years?|months?))\b")

#: a statement dated at the head of its sentence ("In a statement on 18 August, the Shiraz prosecutor,
#: Ali Mirzaei, said that ..."): the day it was said, not the day of the acts it reports
_OPENING_STATEMENT = re.compile(
    r"(?:^|[.\n]\s*)In\s+an?\s+(?:[\w-]+\s+)?(?:statement|press\s+release|interview|letter|post|press\s+conference|speech|message)"
    r"(?:\s+(?:issued|published|released|posted|given|carried))?\s+on\s+\Z", re.I)
#: ... whose source speaks right after the date: ", <up to about ten words>, said/announced ... that"
_SAID_THAT_AFTER = re.compile(
    r",\s+(?:[\w'’.-]+,?\s+){1,10}?(?:said|says|announced|stated|claimed|confirmed|denied|added|wrote|told\s+[\w'’. -]{2,40}?)\s+that\b", re.I)


#: "On the same day and on Friday, October 16": the day told before and the day named, one range
_AND_ON_GAP = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:on[ \u00a0]+)?")


def _join_same_and_day(view: str, text: str, out: list[DateMention]) -> list[DateMention]:
    def join(m: DateMention, n: DateMention) -> DateMention | None:
        if n.role != "event" or n.range.precision != "day" or n.range.start is None \
                or not 0 < (n.range.start - m.range.start).days <= 7 or not _AND_ON_GAP.fullmatch(view, m.span.end, n.span.start):
            return None
        r = DateRange(m.range.start, n.range.start, "range", min(m.range.confidence, n.range.confidence),
                      tuple(dict.fromkeys(m.range.flags + n.range.flags)))
        return DateMention(Span(m.span.start, n.span.end), text[m.span.start : n.span.end], r, "event", n.scope)
    return _join_after_same_day(out, join)


#: how far after a bare weekday the date that states its day may start ("after Friday prayers on 20 November")
_WEEKDAY_DATE_GAP = 24


def _weekdays_told_by_the_date_after(atoms: list[Atom], out: list[DateMention]) -> None:
    """"dispersed a gathering after Friday prayers on 20 November": a bare weekday followed closely,
    in its sentence, by a date that falls on it is that date (not the latest such weekday)."""
    weekday_at = {a.start: a for a in atoms if a.kind == "weekday" and a.b is None and a.a is not None}
    if not weekday_at:
        return
    for j in range(len(out) - 1):
        m, nxt = out[j], out[j + 1]
        a = weekday_at.get(m.span.start)
        if a is None or m.role != "event" or nxt.role != "event" or nxt.range.precision != "day" \
                or nxt.range.start is None or m.scope is None or m.scope != nxt.scope \
                or not 0 <= nxt.span.start - m.span.end <= _WEEKDAY_DATE_GAP:
            continue
        if nxt.range.start.weekday() == a.a.wd and nxt.range.start != m.range.start:
            r = nxt.range
            out[j] = DateMention(m.span, m.text, DateRange(r.start, r.end, "day", r.confidence,
                                                           ("weekday", "same_as_following")), m.role, m.scope)


def _weekday_run_before_dateline(atoms: list[Atom], out: list[DateMention], anchor: dt.date) -> None:
    """A Saturday dateline over "a week of activities: on Saturday in A; on Sunday in B; on Monday
    in C": bare weekdays told in order in one sentence are one run of days, so the first, read as
    the dateline's own day, is the week before (it comes before the Sunday that follows it)."""
    for j in range(len(out) - 1):
        m, nxt = out[j], out[j + 1]
        if m.range.start != anchor or m.range.precision != "day" or m.role != "event" or nxt.role != "event" \
                or m.scope is None or m.scope != nxt.scope or nxt.range.precision != "day" \
                or nxt.range.start is None or not nxt.range.start < anchor \
                or "weekday" not in m.range.flags or "weekday" not in nxt.range.flags:
            continue
        # (a run: two more weekdays after it in the sentence, each later than the one before;
        # "State media on Saturday quoted ... after unrest following Friday prayers" is no run)
        run = [x for x in out[j + 1 : j + 4] if x.scope == m.scope and x.role == "event"
               and x.range.precision == "day" and x.range.start is not None and "weekday" in x.range.flags]
        if len(run) < 2 or any(not a.range.start < b.range.start for a, b in zip(run, run[1:])) \
                or run[-1].range.start >= anchor:
            continue
        day = anchor - dt.timedelta(days=7)
        if day < nxt.range.start:
            r = m.range
            out[j] = DateMention(m.span, m.text, DateRange(day, day, "day", r.confidence, r.flags + ("run_before",)),
                                 m.role, m.scope)


#: "the group said Wednesday", "announced on Monday": the day a source spoke, not an act's day
#: "The rally, held on the eve of the anniversary of the 1979 revolution, was ...": an act already told,
#: described by the occasion it fell near; "the same day" after it is still the day the act was told on
_HELD_APPOSITIVE = re.compile(r"\b[Tt]he\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,\s+(?:which\s+was\s+)?held\s+(?:on\s+)?(?:the\s+)?"
                              r"(?:(?:eve|day|night)\s+of\s+(?:the\s+)?)?\Z")
#: (or "the Berlin police, in a statement on Sunday, spoke of ...": the statement's day)
_STATED_ON = re.compile(r"\b(?:(?:said|says|announced|stated|reported)\s+|in\s+a\s+(?:statement|communiqu[eé])\s+)(?:on\s+)?\Z", re.I)
#: "after Friday prayers": the day told by the prayers, not by a date
_PRAYERS_AFTER_WEEKDAY = re.compile(r"\s+prayers?\b", re.I)
#: the act just told, named again with "this week" ("the hunger strike was held this week in ...")
_HELD_THIS_WEEK = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:hunger\s+strike|strike|protest|rally|gathering|sit-in|march|vigil)\s+"
    r"(?:was|were|had\s+been)\s+(?:held|staged|observed)\s+this\s+week\Z", re.I)
#: a live blog's entry: a paragraph opening with its clock time and a dash ("11:30 – Students ...")
TIMED_ENTRY = re.compile(r"[0-2]?[0-9][:.][0-5][0-9]\s*[\u2013\u2014-]\s+\S")


def timed_entry_start(view: str, at: int) -> int | None:
    """The start of the live-blog entry (see ``TIMED_ENTRY``) whose paragraph holds ``at``, else None."""
    start = view.rfind("\n", 0, at) + 1
    return start if TIMED_ENTRY.match(view, start) else None


#: the "of" after "the eve" ("the eve of the anniversary")
_OF_AFTER_EVE = re.compile(r"\s+of(?=\s)")
#: "on the eve of 16 Azar", "the eve of March 1": the day before the date that follows
_EVE_OF = re.compile(r"\bthe[ \u00a0]+eve[ \u00a0]+of[ \u00a0]+\Z", re.I)
#: an occasion's name may follow its article ("the eve of the anniversary of ...")
_EVE_OF_OCCASION = re.compile(r"\bthe[ \u00a0]+eve[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\Z", re.I)


#: "The strike began on Sunday", "spread on Monday to Sirjan": the day an action started
_STARTED_BEFORE = re.compile(r"\b(?:began|begun|started|spread|broke\s+out|erupted)\s+(?:(?:on|from)\s+)?$", re.I)
#: "By Monday, it said, the strike had spread to Kangan": the day opens the clause, the verb follows
_BY_DAY_SPREAD_AFTER = re.compile(r",\s+(?:[\w'’-]+,?\s+){0,6}?(?:had|has|have)\s+(?:also\s+)?(?:spread|extended)\s+to\b", re.I)
#: the day a town joined an action still going on ("Drivers in Bushehr joined the strike on Sunday")
_JOINED_BEFORE = re.compile(r"\bjoined\s+(?:them|(?:the|their)\s+(?:strike|stoppage|walkout))\s+(?:on\s+)?$", re.I)
#: a strike told as going on, right before its day ("continued their strike for the second week on Tuesday")
_CONTINUED_STRIKE = re.compile(r"\bcontinu(?:ed|es|ing)\s+(?:their|the|its)\s+(?:strike|stoppage|walkout)\b[^.;]{0,30}?\s(?:on\s+)?$", re.I)
#: how far before the day of joining the ongoing action it joins is told
_JOINED_REACH = 400
#: how long after its start an ongoing action still counts as the same one
_START_TO_STREAK_DAYS = 14


def _extend_starts(view: str, out: list[DateMention], ongoing: list[tuple[int, Atom, dt.date | None]]) -> None:
    """In a report of an action still going on ("kept their trucks parked for a third day on
    Tuesday"), the day another sentence says it began or spread to a place ("The strike began
    on Sunday in Bandar Abbas") starts a range that ends where the ongoing one does."""
    ends = [out[idx].range.end for idx, _, _ in ongoing if out[idx].range.end is not None]
    last = max(ends) if ends else None
    skip = {idx for idx, _, _ in ongoing}
    for j, m in enumerate(out):
        r = m.range
        if j in skip or m.role != "event" or r.precision != "day" or r.start is None:
            continue
        if _JOINED_BEFORE.search(view, max(0, m.span.start - 40), m.span.start):
            # (joined: the range ends where the ongoing action told just before it ends, not
            # where another action of the report does)
            told = sorted([out[idx] for idx, _, _ in ongoing
                           if out[idx].span.end <= m.span.start <= out[idx].span.end + _JOINED_REACH]
                          # (or a strike told as continued on its day: "continued their strike for the
                          # second week on Tuesday. ... workers in Gachsaran had joined the strike on Monday")
                          + [c for c in out[:j] if c.role == "event" and c.range.end is not None
                             and c.span.end <= m.span.start <= c.span.end + _JOINED_REACH
                             and _CONTINUED_STRIKE.search(view, max(0, c.span.start - 60), c.span.start)],
                          key=lambda c: c.span.start)
            end = told[-1].range.end if told else None
            if end is not None and r.start < end and (end - r.start).days <= _START_TO_STREAK_DAYS:
                rng = DateRange(r.start, end, "range", min(r.confidence, 0.9), r.flags + ("ongoing", "joined"))
                out[j] = DateMention(m.span, m.text, rng, m.role, m.scope)
            continue
        if last is None or not (r.start < last and (last - r.start).days <= _START_TO_STREAK_DAYS):
            continue
        if _STARTED_BEFORE.search(view, max(0, m.span.start - 30), m.span.start) or (
                m.text[:3].lower() == "by " and _BY_DAY_SPREAD_AFTER.match(view, m.span.end)) or any(
                _began_then_ongoing(view, m, out[idx]) for idx, _, _ in ongoing):
            # ("began": the first day told; a later day told for the same act ends its span there)
            rng = DateRange(r.start, last, "range", min(r.confidence, 0.9), r.flags + ("ongoing", "began"))
            out[j] = DateMention(m.span, m.text, rng, m.role, m.scope)


#: the start of an action told after its day ("On Tuesday, February 17, 3,000 workers went on strike")
_WENT_ON_STRIKE = re.compile(r"\b(?:went|go|goes|walked)\s+(?:out\s+)?on\s+strike\b|\bwalked\s+out\b|\bbegan\s+(?:a|an|their|its)\s+(?:[\w-]+\s+)?strike\b", re.I)


def _began_then_ongoing(view: str, m: DateMention, streak: DateMention) -> bool:
    """"On Tuesday, February 17, about 3,000 workers went on strike, and the strike was in its third
    day yesterday": the day the strike began, then its ongoing count in the same sentence."""
    if not (m.span.end <= streak.span.start <= m.span.end + 240):
        return False
    gap = view[m.span.end : streak.span.start]
    return ". " not in gap and "\n" not in gap and _WENT_ON_STRIKE.search(gap) is not None


#: anchor sources that are not the publication date but the latest date the text writes
_ANCHOR_NOT_PUBLICATION = ("caption", "body")


def _undated_ahead(a: Atom, rng: DateRange, anchor_date: dt.date) -> DateRange:
    """In a report without a dateline, a yearless day a few days after the latest full date
    ("... the June 28 election. On July 3, three prisoners were hanged") is in that year, not
    the year before: the anchor is only the last date the text wrote out in full."""
    if a.a is None or a.a.y is not None or (a.b is not None and a.b.y is not None) or rng.start is None \
            or rng.end is None or "year_from_anchor" not in rng.flags or rng.end >= anchor_date:
        return rng
    try:
        start, end = rng.start.replace(year=rng.start.year + 1), rng.end.replace(year=rng.end.year + 1)
    except ValueError:  # February 29
        return rng
    if not (anchor_date < start <= anchor_date + _UNDATED_AHEAD):
        return rng
    return DateRange(start, end, rng.precision, rng.confidence, rng.flags)
#: how far after such an anchor a yearless or weekday date is still a reported day
_UNDATED_AHEAD = dt.timedelta(days=14)


class _ParagraphSpans:
    """The first and last event day of each body paragraph, for "in the same period": the
    period the preceding paragraph told ("On Sunday, June 1 ... Two days later, on Tuesday,
    June 3 ... In the same period, ...")."""

    def __init__(self) -> None:
        self.by_par: dict[int, DateRange] = {}

    def add(self, i: int, r: DateRange) -> None:
        old = self.by_par.get(i)
        if old is None:
            self.by_par[i] = r
        else:
            self.by_par[i] = DateRange(min(old.start, r.start), max(old.end, r.end), "range",
                                       min(old.confidence, r.confidence), ())

    def before(self, i: int) -> DateRange | None:
        earlier = [k for k in self.by_par if k < i]
        return self.by_par[max(earlier)] if earlier else None


class _Weekdays:
    """The last day the text stated for each weekday (for a later bare "on Sunday")."""

    def __init__(self) -> None:
        self.days: dict[int, dt.date] = {}
        self.named: set[int] = set()  # weekdays whose last day was written as a weekday
        # the latest day stated after each weekday's last day ("Friday, Nov. 19 ... before dawn
        # on Thursday [Nov 25] ... on Friday afternoon": the story has moved on to the next Friday)
        self.after: dict[int, dt.date] = {}

    def add(self, day: dt.date, named: bool = True) -> None:
        wd = day.weekday()
        old = self.days.get(wd)
        if not named and wd in self.named and old is not None and old > day:
            # "On Thursday ... The protests began on July 15": a bare month-day recalled from
            # the week before does not re-point the "Thursday" the report already used
            return
        for k, v in self.after.items():
            if v < day:
                self.after[k] = day
        for k in self.days:
            if k != wd and k not in self.after:
                self.after[k] = day
        self.days[wd] = day
        self.after.pop(wd, None)
        if named:
            self.named.add(wd)
        else:
            self.named.discard(wd)

    def get(self, wd: int | None, ref: dt.date | None) -> dt.date | None:
        day = self.days.get(wd) if wd is not None else None
        if day is None or ref is None or not ref - dt.timedelta(days=WEEKDAY_MEMORY_DAYS) <= day <= ref:
            return None
        later = self.after.get(wd)
        if later is not None and later > day + dt.timedelta(days=3):
            return None  # a day stated since then is nearer the next such weekday
        return day


def _heading_above(doc: Doc, i: int) -> int | None:
    """The heading paragraph right above list item ``i`` and its sibling items, if any."""
    paras = doc.paragraphs
    if not paras or i >= len(paras) or paras[i].kind != "list_item":
        return None
    k = i - 1
    while k >= 0 and paras[k].kind == "list_item":
        k -= 1
    return k if k >= 0 and paras[k].kind == "heading" else None


#: ", the second day of the strike" right after a stated day: the strike began that many days before
_NTH_DAY_OF_STRIKE = re.compile(
    r"(?:[ \u00a0]+(?:morning|afternoon|evening|night))?,[ \u00a0]+the[ \u00a0]+(?P<ord>second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth)[ \u00a0]+(?:(?:straight|consecutive|successive)[ \u00a0]+)?day[ \u00a0]+of[ \u00a0]+(?:the|their|its)[ \u00a0]+"
    r"(?:[\w'’-]+[ \u00a0]+){0,2}?(?:strikes?|shutdowns?|closures?|boycotts?|sit-ins?)\b", re.I)


def _nth_day_of_strike_after(view: str, out: list[DateMention]) -> None:
    """"Rasht's bazaar stayed shut on Wednesday, the third day of the merchants' strike": the
    stated day ends a range of the strike's days (as "for a third day on Wednesday" does). Only a
    strike or a closure, which is the act that goes on; "the 61st day of the uprising" counts the wave."""
    for k, m in enumerate(out):
        r = m.range
        if m.role != "event" or r.precision != "day" or r.start is None:
            continue
        g = _NTH_DAY_OF_STRIKE.match(view, m.span.end)
        if g is None:
            continue
        n = _ORDINAL_DAYS[g.group("ord").lower()]
        rng = DateRange(r.start - dt.timedelta(days=n - 1), r.end, "range", min(r.confidence, 0.9), r.flags + ("ongoing",))
        out[k] = DateMention(m.span, m.text, rng, m.role, m.scope)


_ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


#: a clause of its own between a stated day and an ongoing action ("claimed that a Basij member was
#: stabbed on Tuesday night and that 14 officers had been injured since Sunday"): the day is not its end
_OWN_CLAUSE_BREAK = re.compile(r";|\band that\b|,\s+(?:while|whereas)\b")


def _is_ongoing(a: Atom) -> bool:
    return a.kind == "streak" or (a.kind == "weekday" and a.rel == "since" and a.b is None)


#: the act a day count is told of, as its subject ("The strike of the Tehran bazaar entered its third day")
_COUNTED_ACTION_BEFORE = re.compile(
    r"\b(?:strikes?|sit-ins?|closures?|boycotts?|stoppages?|walkouts?)\s+(?:(?:of|in|at|by)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?)?\Z",
    re.I)


#: an action told by its length on the day it ended ("Workers in Bijar ended a five-day strike on Sunday")
_ENDED_N_DAY = re.compile(
    r"\b(?:ended|called off|suspended) (?:a|an|their|the|its|his|her) (?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day "
    r"(?:[\w-]+ )?(?:strike|sit-in|hunger strike|protest|boycott|stoppage|walkout|closure)s? (?:on |late on |early on )?\Z", re.I)


def _ended_n_day_action(view: str, out: list[DateMention]) -> None:
    """"ended a five-day strike on Sunday": the strike spans the five days that end on Sunday."""
    for idx, m in enumerate(out):
        r = m.range
        if m.role != "event" or r.precision != "day" or r.start is None:
            continue
        hit = _ENDED_N_DAY.search(view, max(0, m.span.start - 80), m.span.start)
        if hit is None:
            continue
        n = NUMBER_WORDS.get(hit.group("n").lower()) or int(hit.group("n"))
        if not 2 <= n <= 60:
            continue
        rng = DateRange(r.start - dt.timedelta(days=n - 1), r.end, "range", min(r.confidence, 0.9), r.flags + ("ongoing",))
        out[idx] = DateMention(m.span, m.text, rng, m.role, m.scope)


def _extend_ongoing(doc: Doc, out: list[DateMention], ongoing: list[tuple[int, Atom, dt.date | None]]) -> None:
    """"for a third day on Tuesday", "since Sunday", "for the past two days": a range from the
    start to the day stated in the same sentence (else, for "a third day", the day stated
    earlier in the paragraph; else the reference date). The stated day's mention gets the
    same range: the sentence describes one continuing action."""
    skip = {idx for idx, _, _ in ongoing}
    starts = [x.span.start for x in out]
    counted: list[tuple[int, Atom]] = []  # "on the 16th night": dated once the count's start is known
    firsts: list[dt.date] = []  # day 1 of a count ("entered its 18th day on Monday": Monday - 17)
    for idx, a, ref in ongoing:
        m = out[idx]
        sent = m.scope
        if a.rel == "nth":
            counted.append((idx, a))
            continue
        if a.kind == "weekday" and m.text.startswith("since ") and m.range.start is not None \
                and _HUNGER_STRIKE_SINCE_RE.search(doc.view or doc.text, max(0, m.span.start - 80), m.span.start + 6):
            # "has been on hunger strike since Saturday": the day it began, as with a full date (not
            # a range to the report's day: the strike is the act of that day, its going on a state)
            out[idx] = DateMention(m.span, m.text, DateRange(m.range.start, m.range.start, "day", m.range.confidence,
                                                             ("weekday",)), m.role, m.scope)
            continue
        stated_idx = None
        if sent is not None:
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            cands = [j for j in range(lo, hi) if j not in skip and out[j].role == "event"
                     and out[j].range.precision == "day"
                     and not _OWN_CLAUSE_BREAK.search(doc.view or doc.text, min(out[j].span.end, m.span.end),
                                                      max(out[j].span.start, m.span.start))]
            if cands:
                stated_idx = min(cands, key=lambda j: (abs(out[j].span.start - m.span.start), -out[j].span.start))
        end = out[stated_idx].range.start if stated_idx is not None else None
        confidence = min(out[stated_idx].range.confidence, 0.9) if stated_idx is not None else 0.7
        if end is None and a.kind == "streak" and a.rel == "ordinal":
            para = doc.paragraph_at(m.span.start)
            lo = bisect.bisect_left(starts, para.span.start) if para is not None else idx
            earlier = [x for x in out[lo:idx] if x.role == "event" and x.range.precision == "day"]
            end = earlier[-1].range.start if earlier else None
        if end is None:
            end = ref
        if end is None:
            continue
        start = end - dt.timedelta(days=a.n - 1) if a.kind == "streak" else min(m.range.start, end)
        if a.rel == "count" and not _COUNTED_ACTION_BEFORE.search(doc.view or doc.text, max(0, m.span.start - 90), m.span.start):
            # the wave's count, not the span of the acts its sentence tells: the mention keeps the day
            # (but a strike that "entered its third day on Tuesday" is the act itself: it spans them)
            firsts.append(start)
            out[idx] = DateMention(m.span, m.text, DateRange(end, end, "day", confidence, ("day_count",)), m.role, m.scope)
            continue
        flags = ("ongoing",) + (("weekday",) if a.kind == "weekday" else ())
        rng = DateRange(start, end, "range" if start < end else "day", confidence, flags)
        # (direct construction: dataclasses.replace costs several microseconds)
        out[idx] = DateMention(m.span, m.text, rng, m.role, m.scope)
        if stated_idx is not None:
            x = out[stated_idx]
            out[stated_idx] = DateMention(x.span, x.text, rng, x.role, x.scope)
    if counted:
        _date_counted_days(out, counted, firsts, starts, skip)


def _date_counted_days(out: list[DateMention], counted: list[tuple[int, Atom]], firsts: list[dt.date],
                       starts: list[int], skip: set[int]) -> None:
    """"On the 16th night of the uprising": the 16th day of the count that the report states
    elsewhere ("the uprising entered its 18th day on Monday": day 1 = Monday - 17). A day
    stated in the same sentence beats the count (codebook: a stated date beats a frame). With
    neither, the mention stays what it was resolved to (a streak up to the reference date)."""
    first = firsts[0] if firsts else None
    for idx, a in counted:
        m = out[idx]
        stated = None
        if m.scope is not None:
            lo, hi = bisect.bisect_left(starts, m.scope.start), bisect.bisect_left(starts, m.scope.end)
            stated = next((out[j].range for j in range(lo, hi) if j not in skip and out[j].role == "event"
                           and out[j].range.precision == "day"), None)
        if stated is not None:
            rng = stated
        elif first is not None:
            day = first + dt.timedelta(days=a.n - 1)
            rng = DateRange(day, day, "day", 0.8, ("day_count",))
        else:
            continue
        out[idx] = DateMention(m.span, m.text, rng, m.role, m.scope)


#: "the night before the anniversary", "the day before the families' gathering": an occasion named
#: after the relative day, which then counts from that occasion's day, not from the last day told
_BEFORE_OCCASION = re.compile(r"\s+the\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>gathering|funeral|burial|anniversary|rally|"
                              r"ceremony|festival|march|vigil|commemoration)\b", re.I)
#: the words a sentence tells each occasion by ("families gathered at the cemetery on Friday")
#: (not a vote: "the night before the vote" is told from the day just named, see _vote_date)
_OCCASION_TOLD = {"gathering": r"\bgather(?:ed|ing|s)?\b", "funeral": r"\b(?:funeral|burial|buried)\b", "burial": r"\b(?:funeral|burial|buried)\b",
                  "anniversary": r"\banniversary\b", "rally": r"\brall(?:y|ied|ies)\b", "ceremony": r"\bceremon(?:y|ies)\b", "festival": r"\bfestival\b",
                  "march": r"\b(?-i:march(?:ed|es)?)\b", "vigil": r"\bvigils?\b", "commemoration": r"\bcommemorat\w*"}


#: how near its day the occasion's word must be (a marcher's "march", not the month, is lower case)
_OCCASION_NEAR = 60


def _day_before_occasion(doc: Doc, view: str, out: list[DateMention], a: Atom) -> DateRange | None:
    """The day before the occasion "the night/day before" names, from the latest event day (told
    before) whose sentence tells that occasion; None when the phrase names none or none was dated."""
    words = view[a.start : a.end].lower()
    if "before" not in words and not words.endswith("eve"):
        return None
    at = a.end
    if words.endswith("eve"):  # ("the eve of the anniversary": the occasion after "of")
        of = _OF_AFTER_EVE.match(view, at)
        if of is None:
            return None
        at = of.end()
    m = _BEFORE_OCCASION.match(view, at)
    if m is None:
        return None
    told = re.compile(_OCCASION_TOLD[m.group("noun").lower()], re.I)
    for x in reversed(out):
        r = x.range
        if x.role != "event" or r.precision != "day" or r.start is None or "before_occasion" in r.flags:
            continue  # (nor the eve another "the night before the rally" told: "Ahvaz: the night before the rally")
        sent = doc.sentence_at(x.span.start)
        # (the occasion's word close to its day, not anywhere in a caption's slogan)
        if sent is not None and sent.span.end <= a.start and told.search(
                view, max(sent.span.start, x.span.start - _OCCASION_NEAR), min(sent.span.end, x.span.end + _OCCASION_NEAR)):
            day = r.start - dt.timedelta(days=1)
            return DateRange(day, day, "day", r.confidence, tuple(dict.fromkeys(r.flags + ("before_occasion",))))
    return None


def _resolve_one(a: Atom, role: str, ref: dt.date | None, prev_day: dt.date | None,
                 prev_event: DateMention | None, doc: Doc, sentence_has_date: set[int], seen: _Weekdays,
                 prev_fine: DateMention | None = None, prev_paragraph: DateRange | None = None,
                 narrative_day: dt.date | None = None):
    """The role (possibly changed) and the DateRange of one expression (None: skip it).
    ``prev_paragraph``: the span of the dates of the last dated body paragraph (for "in the
    same period"); ``narrative_day``: in a report without a dateline, the last day stated,
    which a bare weekday is read next to."""
    if a.kind in ("date", "year"):
        if a.kind == "date" and ref is not None and _ahead_of(a, ref, doc):
            # "calling for a boycott of the regime's February 10 celebrations" (told on January 22):
            # the coming day, not the one a year before
            return "other", resolve_atom_range(replace(a, a=a.a._replace(y=ref.year)), None)
        return role, resolve_atom_range(a, ref)
    if a.kind == "monthday":
        return role, resolve_month_day(a, ref, prev_day)
    if a.kind == "decade":
        return role, DateRange(dt.date(a.a.y, 1, 1), dt.date(a.a.y + 9, 12, 31), "range", 1.0, ("decade",))
    if a.kind == "relative":
        return role, resolve_relative(a, ref)
    if a.kind == "streak":
        if ref is None:
            return role, DateRange.unresolved("no_anchor")
        return role, DateRange(ref - dt.timedelta(days=a.n - 1), ref, "range", 0.7, ("ongoing",))
    if a.kind == "weekday":
        if a.rel in ("every", "each"):
            return "other", DateRange.unresolved("habitual")
        if a.rel == "next":
            return "other", DateRange.unresolved("future")
        if a.b is not None:
            return role, resolve_weekday_pair(a.a, a.b, a.rel, ref, seen.get(a.b.wd, ref), seen.get(a.a.wd, ref))
        previous = seen.get(a.a.wd, ref) if a.rel != "last" else prev_day
        if narrative_day is not None and a.rel in ("on", "this"):
            return role, resolve_weekday_near(a.a.wd, narrative_day)
        return role, resolve_weekday(a.a.wd, a.rel, ref, previous)
    if a.kind == "anniversary":
        if _sentence_key(doc, a.start) in sentence_has_date:
            role = "other"  # "on Monday, August 3, ... commemorated the anniversary of ..."
        return role, resolve_anniversary(a, ref)
    if a.kind == "same":
        # "the same morning/day/night" points at a day, not at "last year" or "in 2023"
        year_back = _YEAR_BACK.match(doc.view or doc.text, a.end)
        if not year_back and prev_paragraph is not None and prev_paragraph.start != prev_paragraph.end:
            return role, DateRange(prev_paragraph.start, prev_paragraph.end, "range", prev_paragraph.confidence,
                                   ("same_as_previous",))
        if a.rel == "days":  # "over the same four days": not four days after the last date
            a = Atom(a.start, a.end, a.kind, rel=a.rel)
        rng = _same_as(prev_fine if a.rel in _DAY_UNITS else prev_event, a)
        if rng.start is not None and year_back:
            rng = _year_earlier(rng)  # "the same period last year": a year before the one just named
        return role, rng
    return role, None


#: words that name a coming occasion before its yearless day ("a boycott of the regime's February
#: 10 celebrations", "ahead of the March 1 elections", "the rally planned for June 12")
_AHEAD_BEFORE = re.compile(r"\b(?:boycott(?:s|ing)?\s+of|ahead\s+of|upcoming|planned\s+for|scheduled\s+for|set\s+for|"
                           r"called\s+for|due\s+on|the\s+coming)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}\Z", re.I)
#: how far past the reference such a coming day may be
_AHEAD_DAYS = 62


def _ahead_of(a: Atom, ref: dt.date, doc: Doc) -> bool:
    """A yearless month-day a few weeks after the reference, named as a coming occasion."""
    p = a.a
    if p is None or a.b is not None or p.y is not None or p.m is None or p.d is None or p.cal != "g":
        return False
    try:
        day = dt.date(ref.year, p.m, p.d)
    except ValueError:
        return False
    if not 0 < (day - ref).days <= _AHEAD_DAYS:
        return False
    view = doc.view or doc.text
    return _AHEAD_BEFORE.search(view, max(0, a.start - 60), a.start) is not None


#: "in the same period last year", "the same week a year earlier"
_YEAR_BACK = re.compile(r"\s*,?\s*(?:of\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago))\b", re.I)


def _year_earlier(r: DateRange) -> DateRange:
    def back(d: dt.date) -> dt.date:
        return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else d.replace(year=d.year - 1, day=28)
    return DateRange(back(r.start), back(r.end), r.precision, r.confidence, r.flags + ("year_earlier",))


def _sentence_key(doc: Doc, offset: int) -> int:
    s = doc.sentence_at(offset)
    return s.span.start if s is not None else -1 - offset // _SAME_SENTENCE_GAP


_DAY_UNITS = frozenset({"day", "date", "morning", "afternoon", "evening", "night"})


def _same_span(out: list[DateMention], a: Atom, rng: DateRange, view: str = "") -> DateRange:
    """"Over the same four days" after "from Sunday, March 3, to Wednesday, March 6" (and a day
    told between them) is that span of four days; "during the same week" after "the first week of
    January" and "on Monday, January 6" is that week, not the Monday."""
    for m in reversed(out):
        r = m.range
        if m.role != "event" or r.start is None or r.end is None:
            continue
        if (a.rel == "days" and (r.end - r.start).days + 1 == a.n) or (
                a.rel == "week" and r.precision == "week" and r.start <= rng.start <= r.end and rng.end <= r.end):
            return DateRange(r.start, r.end, r.precision, r.confidence, tuple(dict.fromkeys(r.flags + ("same_as_previous",))))
    if a.rel == "days" and a.n:
        # ("on the two nights" after "On the evening of Tuesday, June 2" and "on Wednesday night", said
        # "on June 5"): the latest run of that many days told one by one that follow one another, the
        # nights among them when the phrase counts nights
        nights = view[a.start : a.end].lower().endswith("nights")
        days = sorted({m.range.start for m in out if m.role == "event" and m.range.precision == "day"
                       and m.range.start is not None
                       and (not nights or _NIGHT_AFTER.match(view, m.span.end)
                            or _NIGHT_BEFORE.search(view, max(0, m.span.start - 24), m.span.start))},
                      reverse=True)
        for k in range(len(days) - a.n + 1):
            if (days[k] - days[k + a.n - 1]).days == a.n - 1:
                return DateRange(days[k + a.n - 1], days[k], "range", rng.confidence,
                                 tuple(dict.fromkeys(rng.flags + ("same_as_previous", "days_told"))))
    return rng


#: a day told as a night: "on Wednesday night", "On the evening of Tuesday, June 2"
_NIGHT_AFTER = re.compile(r"\s*(?:night|evening)\b", re.I)
_NIGHT_BEFORE = re.compile(r"\b(?:night|evening)\s+of\s+(?:the\s+)?\Z", re.I)


def _the_week(out: list[DateMention], named: bool = False) -> DateRange | None:
    """"Protests were also held during the week in ..." after "Between Saturday, November 21, and
    Friday, November 27": the week (or the seven-day range) the report named last. ``named``
    ("during that week") also takes a range a heading called a week ("Fourth week (October
    22–31)": a month's last week of five to eleven days)."""
    for m in reversed(out):
        r = m.range
        if m.role != "event" or r.start is None or r.end is None:
            continue
        if r.precision == "week" or (r.precision == "range" and (
                (r.end - r.start).days == 6 or (named and 4 <= (r.end - r.start).days <= 10))):
            return DateRange(r.start, r.end, r.precision, r.confidence, tuple(dict.fromkeys(r.flags + ("same_as_previous",))))
    return None


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
