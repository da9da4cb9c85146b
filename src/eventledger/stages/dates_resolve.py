"""Calendar arithmetic: turn the parts the text gives into a :class:`DateRange`.

A missing year comes from the reference date (the report's anchor, or an excerpt's own
date) and is never in the future relative to it: a month-day after the reference rolls
back one year. Jalali dates go through ``jdatetime``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

import jdatetime

from ..models import DateRange
from .dates_extract import Atom, Part
from .dates_lexicon import Anniversary, lexicon

__all__ = ["resolve_part", "resolve_atom_range", "resolve_month_day", "resolve_relative", "resolve_weekday", "resolve_weekday_pair",
           "resolve_anniversary", "month_range", "week_ending", "nearest_year"]

#: confidence of dates that are read correctly but rest on an inference
WEEKDAY_MISMATCH = 0.6
INVERTED = 0.7
ANNIVERSARY = 0.7
VAGUE = 0.6


def month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def week_ending(day: dt.date) -> tuple[dt.date, dt.date]:
    return day - dt.timedelta(days=6), day


def _jalali_month_range(jy: int, jm: int) -> tuple[dt.date, dt.date]:
    first = jdatetime.date(jy, jm, 1)
    last_day = jdatetime.j_days_in_month[jm - 1] + (1 if jm == 12 and first.isleap() else 0)
    return first.togregorian(), jdatetime.date(jy, jm, last_day).togregorian()


def _sub_month(start: dt.date, end: dt.date, sub: str) -> tuple[dt.date, dt.date, str, float]:
    """first/second/.../last week of a month (days 1-7, 8-14, ..., last 7); early/mid/late
    thirds of a month (a range with lower confidence: the text is vague)."""
    weeks = {"first": 0, "second": 1, "third": 2, "fourth": 3}
    if sub in weeks:
        s = start + dt.timedelta(days=7 * weeks[sub])
        return s, min(end, s + dt.timedelta(days=6)), "week", 1.0
    if sub == "last":
        return end - dt.timedelta(days=6), end, "week", 1.0
    if sub == "early":
        return start, start + dt.timedelta(days=9), "range", VAGUE
    if sub == "mid":
        return start + dt.timedelta(days=10), start + dt.timedelta(days=19), "range", VAGUE
    return start + dt.timedelta(days=20), end, "range", VAGUE


@lru_cache(maxsize=8192)  # a pure function of immutable values; a date is resolved several times per report
def resolve_part(p: Part, ref: dt.date | None) -> DateRange:
    """One written date; a missing year from ``ref`` (rolled back if it would be after it)."""
    flags: list[str] = []
    try:
        if p.cal == "j":
            start, end, precision = _resolve_jalali(p, ref, flags)
        else:
            start, end, precision = _resolve_gregorian(p, ref, flags)
    except ValueError:  # 31 June, 30 Esfand in a common year ...
        return DateRange.unresolved("invalid_date")
    if start is None:
        return DateRange.unresolved(*flags)
    confidence = 1.0
    if p.sub:
        start, end, precision, confidence = _sub_month(start, end, p.sub)
    if p.wd is not None and precision == "day" and start.weekday() != p.wd:
        flags.append("weekday_mismatch")
        confidence = min(confidence, WEEKDAY_MISMATCH)
    return DateRange(start, end, precision, confidence, tuple(flags))


def _resolve_gregorian(p: Part, ref: dt.date | None, flags: list[str]):
    y = p.y
    if y is None:
        if ref is None:
            flags.append("no_year")
            return None, None, "unresolved"
        y = ref.year
        flags.append("year_from_anchor")
    if p.m is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if p.d is None:
        start, end = month_range(y, p.m)
        if p.y is None and start > ref:
            start, end = month_range(y - 1, p.m)
        return start, end, "month"
    day = dt.date(y, p.m, p.d)
    if p.y is None and day > ref and not _weekday_keeps_year(day, ref, p):
        day = dt.date(y - 1, p.m, p.d)
    return day, day, "day"


#: how far past the reference a month-day whose weekday fits may stay in the reference's year
_WEEKDAY_FIT_DAYS = 31


def _weekday_keeps_year(day: dt.date, ref: dt.date, p: Part) -> bool:
    """"Friday, March 7" told after a reference of March 5, 2025: March 7, 2025 is a Friday
    and March 7, 2024 is not, so the written weekday keeps the reference's year instead of
    rolling it back (only for a day shortly after the reference)."""
    return p.wd is not None and day.weekday() == p.wd and (day - ref).days <= _WEEKDAY_FIT_DAYS


def _resolve_jalali(p: Part, ref: dt.date | None, flags: list[str]):
    flags.append("jalali")
    jy = p.y
    if jy is None:
        if ref is None:
            flags.append("no_year")
            return None, None, "unresolved"
        jy = jdatetime.date.fromgregorian(date=ref).year
        flags.append("year_from_anchor")
    if p.m is None:
        return jdatetime.date(jy, 1, 1).togregorian(), jdatetime.date(jy + 1, 1, 1).togregorian() - dt.timedelta(days=1), "year"
    if p.d is None:
        start, end = _jalali_month_range(jy, p.m)
        if p.y is None and start > ref:
            start, end = _jalali_month_range(jy - 1, p.m)
        return start, end, "month"
    day = jdatetime.date(jy, p.m, p.d).togregorian()
    if p.y is None and day > ref and not _weekday_keeps_year(day, ref, p):
        day = jdatetime.date(jy - 1, p.m, p.d).togregorian()
    return day, day, "day"


def _month_day(d: int, ref: dt.date, prev_day: dt.date | None) -> dt.date:
    """Day ``d`` of the month the context gives: the month of the day just told when ``d``
    comes later in it and not after ``ref`` ("On March 28 ... on the 30th"), else the last
    such day at or before ``ref`` (the reference's month, or the one before it)."""
    if prev_day is not None and prev_day.day <= d <= calendar.monthrange(prev_day.year, prev_day.month)[1]:
        day = prev_day.replace(day=d)
        if day <= ref:
            return day
    if d <= ref.day:
        return ref.replace(day=d)
    y, m = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
    return dt.date(y, m, d)  # (ValueError for a 31st after a 30-day month: an invalid date)


def resolve_month_day(atom: Atom, ref: dt.date | None, prev_day: dt.date | None) -> DateRange:
    """"on the 24th", "from the 3rd to the 5th": days of a month that is not written."""
    if ref is None:
        return DateRange.unresolved("no_anchor")
    start = _month_day(atom.a.d, ref, prev_day)
    end = start if atom.b is None else _month_day(atom.b.d, ref, start)
    flags = ("month_from_context",)
    if end < start:
        return DateRange.unresolved("inverted_range")
    return DateRange(start, end, "day" if start == end else "range", 0.9, flags)


def resolve_atom_range(atom: Atom, ref: dt.date | None) -> DateRange:
    """A written date or range (``atom.a`` .. ``atom.b``)."""
    ra = resolve_part(atom.a, ref)
    if atom.b is None:
        return ra
    rb = resolve_part(atom.b, ref)
    if ra.start is None or rb.start is None:
        return DateRange.unresolved(*(ra.flags + rb.flags))
    flags = [f for f in dict.fromkeys(ra.flags + rb.flags)]
    confidence = min(ra.confidence, rb.confidence)
    start, end = ra.start, rb.end
    if start > end:
        # written the wrong way round ("between June 26 and June 24"): repair, say so
        start, end = rb.start, ra.end
        flags.append("inverted_range")
        confidence = min(confidence, INVERTED)
    if start == end:
        return DateRange(start, end, "day", confidence, tuple(flags))
    return DateRange(start, end, "range", confidence, tuple(flags))


#: a season's first and last day in a year (winter runs into the next year)
_SEASON_SPANS = (
    lambda y: (dt.date(y, 3, 20), dt.date(y, 6, 20)),
    lambda y: (dt.date(y, 6, 21), dt.date(y, 9, 22)),
    lambda y: (dt.date(y, 9, 23), dt.date(y, 12, 20)),
    lambda y: (dt.date(y - 1, 12, 21), dt.date(y, 3, 19)),
)


def resolve_relative(atom: Atom, ref: dt.date | None) -> DateRange:
    """yesterday, today, last week, in the past few days ... counted from ``ref``."""
    if ref is None:
        return DateRange.unresolved("no_anchor")
    rel, flags = atom.rel, ("relative",)
    if rel == "day":
        day = ref + dt.timedelta(days=atom.n)
        return DateRange(day, day, "day", 0.9, flags)
    if rel == "pastweek":
        s, e = week_ending(ref)
        return DateRange(s, e, "week", VAGUE, flags + ("past_few_days",))
    if rel == "h24":
        return DateRange(ref - dt.timedelta(days=atom.n or 1), ref, "range", 0.9, flags)
    if rel == "pnights":  # the n nights before the day it is said (that day's night is yet to come)
        return DateRange(ref - dt.timedelta(days=atom.n), ref - dt.timedelta(days=1), "range", 0.9, flags)
    if rel == "season":
        # "last spring": the latest such season (northern, by the Persian calendar's quarters:
        # spring from March 20) that ended before the reference day
        for year in (ref.year, ref.year - 1, ref.year - 2):
            start, end = _SEASON_SPANS[atom.n](year)
            if end < ref:
                return DateRange(start, end, "range", VAGUE, flags)
        return DateRange.unresolved("unknown_relative")
    if rel == "wk":
        # "over the weekend": the Saturday and Sunday before the reference day (the Western
        # weekend; captions in the dev genre bear it out, though Iran's weekend is Thu-Fri)
        sunday = ref - dt.timedelta(days=(ref.weekday() - 6) % 7 or 7)
        return DateRange(sunday - dt.timedelta(days=1), sunday, "range", 0.7, flags)
    monday = ref - dt.timedelta(days=ref.weekday())
    if rel == "lw":
        s = monday - dt.timedelta(days=7)
        return DateRange(s, s + dt.timedelta(days=6), "week", 0.8, flags)
    if rel == "tw":
        return DateRange(monday, ref, "week", 0.8, flags)
    if rel in ("lm", "tm"):
        y, m = (ref.year, ref.month) if rel == "tm" else ((ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12))
        s, e = month_range(y, m)
        return DateRange(s, min(e, ref) if rel == "tm" else e, "month", 0.9, flags)
    if rel in ("ly", "ty"):
        y = ref.year - (1 if rel == "ly" else 0)
        return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.9, flags)
    if rel == "yago":  # "five years ago": that year (a round figure: low confidence)
        y = ref.year - atom.n
        return DateRange(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", VAGUE, flags)
    if rel == "mago":  # "two months ago": that month
        k = ref.year * 12 + ref.month - 1 - atom.n
        s, e = month_range(k // 12, k % 12 + 1)
        return DateRange(s, e, "month", VAGUE, flags)
    if rel == "wago":  # "three weeks ago": the week of the day that many weeks back
        s, e = week_ending(ref - dt.timedelta(days=7 * atom.n))
        return DateRange(s, e, "week", VAGUE, flags)
    return DateRange.unresolved("unknown_relative")


def resolve_weekday(wd: int, mode: str, ref: dt.date | None, previous: dt.date | None) -> DateRange:
    """A weekday alone. "On Tuesday" is the most recent Tuesday ON OR BEFORE the reference
    date: news style uses the weekday of the dateline for that same day. When the text just
    named a day that falls on this weekday ("On Tuesday, August 4 ... Also on Tuesday"), it
    is that day. "last Tuesday" is strictly before the reference date."""
    if ref is None:
        return DateRange.unresolved("no_anchor")
    if previous is not None and previous.weekday() == wd and previous <= ref and mode in ("on", "this"):
        return DateRange(previous, previous, "day", 0.9, ("weekday", "same_as_previous"))
    back = (ref.weekday() - wd) % 7
    if mode == "last" and back == 0:
        back = 7
    day = ref - dt.timedelta(days=back)
    return DateRange(day, day, "day", 0.8, ("weekday",))


def resolve_weekday_near(wd: int, day: dt.date) -> DateRange:
    """A weekday in a report without a dateline: the such weekday nearest the day the text
    last stated ("On Tuesday, June 3 ... On Wednesday" is June 4, not the week before);
    up to three days ahead, else back."""
    ahead = (wd - day.weekday()) % 7
    found = day + dt.timedelta(days=ahead) if ahead <= 3 else day - dt.timedelta(days=7 - ahead)
    return DateRange(found, found, "day", 0.8, ("weekday", "near_previous"))


def resolve_weekday_pair(a: Part, b: Part, mode: str, ref: dt.date | None, previous_b: dt.date | None,
                         previous_a: dt.date | None) -> DateRange:
    """"on Thursday and Friday", "from Saturday to Monday": the second day as a bare weekday,
    the first the latest such weekday on or before it."""
    end = resolve_weekday(b.wd, "on" if mode != "last" else "last", ref, previous_b)
    if end.start is None:
        return end
    back = (b.wd - a.wd) % 7
    start = end.start - dt.timedelta(days=back)
    if previous_a is not None and previous_a.weekday() == a.wd and start - dt.timedelta(days=7) < previous_a <= end.start:
        start = previous_a
    if start == end.start:
        return end
    return DateRange(start, end.start, "range", end.confidence, end.flags)


def nearest_year(p: Part, near: dt.date) -> Part:
    """A yearless month(-day) given the year that puts it nearest to ``near`` (a date written
    elsewhere in the text: "Jan 12" near "January 3, 2025" is 2025, "Dec 30" is 2024)."""
    if p.y is not None or p.m is None or p.cal != "g":
        return p
    best, gap = near.year, None
    for y in (near.year - 1, near.year, near.year + 1):
        try:
            day = dt.date(y, p.m, min(p.d or 15, calendar.monthrange(y, p.m)[1]))
        except ValueError:
            continue
        g = abs((day - near).days)
        if gap is None or g < gap:
            best, gap = y, g
    return Part(best, p.m, p.d, p.wd, p.cal, p.sub)


def _occurrence(ann: Anniversary, gy: int) -> dt.date:
    """The day the commemoration falls on in Gregorian year ``gy``."""
    day = _fixed_day(ann, gy)
    if ann.last_weekday_before is not None:
        day -= dt.timedelta(days=(day.weekday() - ann.last_weekday_before - 1) % 7 + 1)
    return day + dt.timedelta(days=ann.offset_days)


def _fixed_day(ann: Anniversary, gy: int) -> dt.date:
    if ann.calendar == "jalali":
        for jy in (gy - 622, gy - 621):
            g = jdatetime.date(jy, ann.month, ann.day).togregorian()
            if g.year == gy:
                return g
        raise ValueError("no occurrence")
    return dt.date(gy, ann.month, ann.day)


def resolve_anniversary(atom: Atom, ref: dt.date | None) -> DateRange:
    """"on the anniversary of <event>": that day in the reference year (an ordinal such as
    "57th" fixes the year from the event's year). Lower confidence: the text names the
    occasion, not the day."""
    ann = next((a for a in lexicon().anniversaries if a.key == atom.rel), None)
    if ann is None:
        return DateRange.unresolved("unknown_anniversary")
    flags = ("anniversary", ann.key)
    try:
        if atom.n and ann.year:
            day = _occurrence(ann, ann.year + atom.n)
        elif ref is not None:
            day = _occurrence(ann, ref.year)
        else:
            return DateRange.unresolved("no_anchor", *flags)
    except ValueError:
        return DateRange.unresolved("invalid_date", *flags)
    return DateRange(day, day, "day", ANNIVERSARY, flags)
