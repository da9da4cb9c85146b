"""Regular expressions and small parsers for the ``dates`` stage (see :mod:`.dates_extract`).

Every pattern is applied at (``match``) or next to (``search`` within a few dozen characters)
a trigger word the extractor has located: run over a whole report, twenty such patterns cost
about 20 ms per document in CPython.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .dates_lexicon import DateLexicon, lexicon

__all__ = ["Part", "Atom", "patterns", "Patterns"]


class Part(NamedTuple):
    """One end of a date expression as written: whatever the text gives, nothing inferred.

    A named tuple rather than a frozen dataclass: a report makes a few dozen (cheaper to
    build) and :func:`~.dates_resolve.resolve_part` memoises on them (cheaper to hash)."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None  # weekday written next to the date, 0 = Monday
    cal: str = "g"  # g (Gregorian) | j (Jalali)
    sub: str | None = None  # part of the month: first|second|third|fourth|last (week), early|mid|late


@dataclass(slots=True)
class Atom:
    """A candidate date expression. ``kind``: date | year | decade | weekday | relative | same |
    anniversary | streak | monthday ("on the 24th": ``a.d`` only, the month from the context). ``b`` is the end of a written range (two weekdays: "on Thursday and
    Friday"). A ``streak`` is an action that has lasted ``n`` days up to a stated day ("for a
    third day", "for the past two days"): ``rel`` ordinal | past | nth ("on the 16th night": that
    day of a count) | count ("the uprising entered its 18th day on Monday": the wave's count,
    which dates "the 16th night" but not the acts of its sentence).

    Never changed once made, but not frozen: a frozen dataclass costs three times as much to
    build, and the extractor builds dozens per report."""

    start: int
    end: int
    kind: str
    a: Part | None = None
    b: Part | None = None
    rel: str = ""  # relative: day|pastweek|prevweek|...; same: unit; anniversary: key; weekday: mode
    n: int = 0  # relative offset (days) or anniversary ordinal
    joined: str = ""  # how a range was written: dash|to|and|between


_YEAR = r"(?P<y>1[89][0-9]{2}|20[0-9]{2})(?![0-9])"
_WEEK_WORDS = {"first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third",
               "3rd": "third", "fourth": "fourth", "4th": "fourth", "last": "last", "final": "last"}
_PART_WORDS = {"early": "early", "beginning of": "early", "start of": "early", "mid": "mid",
               "middle of": "mid", "late": "late", "end of": "late"}
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_I = re.IGNORECASE


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns, built once from the lexicon."""

    month_token: re.Pattern[str]  # the month word at a found stem
    left: re.Pattern[str]  # what may stand before a month name, searched up to it
    left_token: re.Pattern[str]  # accepts every token ``left`` can consume (see _token_regex)
    right: re.Pattern[str]  # what may follow a month name
    jright: re.Pattern[str]  # what may follow a Jalali month name
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    #: the patterns run around a trigger word by ``_windowed``; ``*_words``: their vocabularies
    relative: re.Pattern[str]
    relative_words: frozenset[str]
    same: re.Pattern[str]
    same_words: frozenset[str]
    streak: re.Pattern[str]
    streak_words: frozenset[str]
    decade: re.Pattern[str]
    weekday_left: re.Pattern[str]
    ordinal_left: re.Pattern[str]
    anniversary_at: re.Pattern[str]  # lexicon anniversaries, one named group (a<index>) each
    anniversary_near: re.Pattern[str]
    range_gap: re.Pattern[str]
    and_gap: re.Pattern[str]
    from_before: re.Pattern[str]


def _anniversary_regex(L: DateLexicon, keep) -> re.Pattern[str]:
    groups = []
    for i, a in enumerate(L.anniversaries):
        chosen = [raw for raw in a.raw if keep(raw)]
        if chosen:
            groups.append(f"(?P<a{i}>{'|'.join(chosen)})")
    return re.compile(r"\b(?:" + ("|".join(groups) or "(?!)") + r")\b", _I)


def _token_regex(rx: re.Pattern[str], punctuation: str = "") -> re.Pattern[str]:
    """A regex for every whitespace-free piece of text a match of ``rx`` can contain, and
    more: runs of digits, of the ``punctuation`` ``rx`` matches and of the ASCII words in its
    source, in any order. Read from the source so that it follows changes to the word lists;
    the group names and escapes it picks up too (``wd``, the ``s`` of ``\\s``) only make it
    accept more. The extractor relies on it rejecting nothing a match can contain, to skip
    the text before a rejected token (see :func:`.dates_extract._left_context`)."""
    source = re.sub(r"\(\?P<\w+>", "(", rx.pattern)
    words = sorted(set(re.findall(r"[A-Za-z]+", source)), key=len, reverse=True)
    return re.compile(rf"(?:[0-9{re.escape(punctuation)}]|" + "|".join(words) + ")+", re.I)


def pattern_words(rx: re.Pattern[str]) -> frozenset[str]:
    """The ASCII words written in the source of ``rx``, lower-cased (with the group names and
    the letters of escapes such as ``\\s``, which only add harmless words): for a pattern of
    whole words separated by whitespace, a word outside this set and not starting with a
    digit cannot be part of a match (see :func:`.dates_extract._windowed`)."""
    source = re.sub(r"\(\?P<\w+>", "(", rx.pattern)
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", source))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    L = lexicon()
    wd = L.wd
    left = re.compile(
        # (a period only after a short form, "Tues. 4 March": "on Monday. In August 2019" is two sentences)
        rf"(?<!\w)(?:(?P<wd>{wd})(?:(?<![Dd][Aa][Yy])\.)?,?\s+)?(?:the\s+)?"
        r"(?:(?P<ld>[0-3]?[0-9])(?:st|nd|rd|th)?(?:\s*(?P<lsep>-|–|—|to|and|&)\s*(?P<ld2>[0-3]?[0-9])(?:st|nd|rd|th)?)?\s*(?:of\s+)?"
        r"|(?P<w>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+(?:the\s+month\s+of\s+)?"
        r"|(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s\-]+"
        r"|(?P<prep>in|during|since|until|till|by|last|this|of|from|throughout|through|between|and|to|before|after)\s+(?:the\s+month\s+of\s+)?)?\Z",
        _I,
    )
    relative = re.compile(
        r"(?<!\w)(?:(?P<yest>the\s+day\s+before\s+yesterday|yesterday|last\s+night)|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
        r"|(?P<past>(?:(?:in|over|during|within)\s+)?the\s+(?:past|last)\s+(?:few|several|couple\s+of|two|three|four|five|six|seven|7)\s+days|(?:in|over)\s+recent\s+days"
        r"|(?:(?:in|over|during)\s+)?the\s+(?:past|last)\s+week|in\s+the\s+latest\s+(?:instance|case|incident|round|wave)"
        # ("answered the latest wave of hangings": a wave named as what an act answers is no date of the act)
        r"|the\s+latest\s+(?:instance|case|incident|round|wave)(?!\s+of\b))"
        r"|(?P<h24>(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?P<hours>24|48|72|96)\s+hours)"
        # ("38 rioters had been arrested over the past two nights", said on a Wednesday: Monday and
        # Tuesday nights, the nights before the day it is said)
        r"|(?P<pnights>(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?P<nights>two|three|four|five|2|3|4|5)\s+nights)"
        r"|(?P<ago>(?P<n>[0-9]{1,2}|two|three|four|five|six|seven)\s+days\s+ago)"
        # ("He had been sentenced to death five years ago": a year, a month or a week before the report's day)
        r"|(?P<uago>(?P<un>[0-9]{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>years?|months?|weeks?)\s+ago)"
        r"|(?P<lw>last\s+week)|(?P<tw>this\s+week|earlier\s+this\s+week)|(?P<lm>last\s+month)|(?P<tm>this\s+month|earlier\s+this\s+month)"
        r"|(?P<ly>last\s+year)|(?P<ty>this\s+year|earlier\s+this\s+year)"
        r"|(?P<wk>(?:(?:over|during|at)\s+the|last|this\s+past|(?:over\s+)?the\s+(?:past|last))\s+weekend)"
        r"|last\s+(?P<season>spring|summer|autumn|fall|winter))(?!\w)",
        _I,
    )
    same = re.compile(
        r"(?<!\w)(?:(?:on|in|during|at|over)\s+)?(?:that|the)\s+(?:very\s+)?same\s+(?P<u>day|date|night|evening|morning|afternoon|period|week)(?!\w)"
        # "that night", "later that day", "late that evening": the day just named
        r"|(?<!\w)(?:(?:later|earlier|late|early)\s+)?(?:(?:on|in|during|at|by)\s+)?that\s+(?P<u2>day|night|evening|morning|afternoon)(?!\w)"
        r"|(?<!\w)(?:(?:on|in|during)\s+)?the\s+(?P<n>following|next|previous|preceding)\s+(?:day|morning|evening|night|afternoon)(?!\w)"
        r"|(?<!\w)the\s+day\s+(?P<ba>before|after)(?!\s+(?:yesterday|tomorrow))(?!\w)"
        # "on the night before the vote": the evening of the day before the one just named
        r"|(?<!\w)the\s+(?:night|evening)\s+(?P<nb>before)(?!\s+(?:last|yesterday))(?!\w)"
        # "On the eve of the anniversary": the day before an occasion the report has dated (see
        # dates._day_before_occasion; no such occasion told, the phrase dates nothing)
        # (only "of" is looked ahead to: the matching window ends a few words after the spot)
        r"|(?<!\w)the\s+(?P<ev>eve)(?=\s+of\s+the\s)"
        # "A day earlier, in Karaj, ...": the day before the one just named
        r"|(?<!\w)(?:a|one)\s+day\s+(?P<el>earlier|later)(?!\w)"
        # "Two days later, in Dezful, ...": that many days after (before) the day just named
        r"|(?<!\w)(?P<nl>two|three|four|five|six|[2-6])\s+days\s+(?P<el2>earlier|later)(?!\w)"
        # "During that week, ..." under a heading "Fourth week (October 22–31)": the week just named
        r"|(?<!\w)(?:during|over|in|for)\s+that\s+(?P<u4>week)(?!\w)"
        # "Protests were also held during the week in ...": the week (or a range of up to seven days) just named
        r"|(?<!\w)(?:during|over|in)\s+the\s+(?P<u3>week)(?!\s+(?:of|before|after|ending|to|that|when)\b)(?!\w)"
        # "over the same four days": the span of that many days just named
        # ("arrested in Ahvaz on the two nights" after a protest on Tuesday and again on Wednesday night)
        r"|(?<!\w)(?:(?:on|in|during|over)\s+)?the\s+(?:same\s+)?(?P<nd>two|three|four|five|six|seven|[2-9])\s+(?:days|nights)(?!\w)",
        _I,
    )
    # an ongoing action: "for a third day", "for the second consecutive night", "for the
    # past two days", "for three straight days"; the stage ends it on the stated day
    streak = re.compile(
        # "on the 16th night (of the uprising)": one day of a count (``nth``), not a streak
        # ("the strike was in its third day there on Monday": in, as into)
        r"(?<!\w)(?:(?P<on>on)|for|into|in(?=\s+(?:its|their)\s)|(?P<entered>entered\s+(?:its|their)))\s+(?:a|the|its|their)?\s*(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|[2-9](?:nd|rd|th)|[1-9][0-9]th|[2-9]1st|[2-9]2nd|[2-9]3rd)\s+(?:(?:straight|consecutive|successive|running)\s+)?(?:day|night)"
        r"(?:\s+in\s+a\s+row|\s+running)?(?!\w)"
        # ("runs out on the tenth day of the month": a day of the calendar month, not of a wave)
        r"(?!\s+of\s+(?:the|each|every|this|that|a)\s+(?:[\w’']+\s+)?month\b)"
        r"|(?<!\w)(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(?P<pn>two|three|four|five|six|seven|[2-9]|1[0-4])\s+days(?!\w)"
        r"|(?<!\w)for\s+(?P<cn>two|three|four|five|six|seven|[2-9])\s+(?:straight|consecutive|successive)\s+(?:days|nights)(?!\w)",
        _I,
    )
    return Patterns(
        month_token=re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?"),
        left=left,
        left_token=_token_regex(left, ".,&-–—"),
        # (a day is not the hour of a time, "10:30"; a colon ending a sentence, "on May 27 and
        # 28:", does not stop it)
        # (the day may follow its month across a hard-wrapped line's break, but not as the number of
        # a numbered line: "Karaj – leaflets – 10 May" over "2) Qazvin – graffiti – 11 May")
        right=re.compile(
            r"\.?(?:(?:[^\S\n]*|[^\S\n]*\n[^\S\n]*(?![0-9]{1,2}[).]))(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9])(?!,[0-9]{3}(?![0-9]))"
            rf"(?:\s*(?P<sep>-|–|—|to|through|thru|until|till|and|&)\s*(?:(?P<wd2>{wd})\.?,?\s+)?(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9]))?)?"
            rf"(?:(?:\s*,\s*|\s+){_YEAR})?",
            _I,
        ),
        jright=re.compile(r"(?:\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?,?(?![0-9]))?(?:\.?,?\s+(?P<y>1[2-4][0-9]{2})(?![0-9]))?", _I),
        iso=re.compile(r"(?P<y>[12][0-9]{3})(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12][0-9]|3[01])(?![\w/.\-])"),
        numeric=re.compile(r"(?<![\w/.\-])(?P<p>[0-9]{1,2})(?P<sep>[/.])(?P<q>[0-9]{1,2})(?P=sep)(?P<y>[12][0-9]{3})(?![\w/\-])(?!\.\w)"),
        relative=relative,
        relative_words=pattern_words(relative),
        same=same,
        same_words=pattern_words(same),
        streak=streak,
        streak_words=pattern_words(streak),
        decade=re.compile(r"(?:the\s+)?(?P<y>1[89][0-9]0|20[0-9]0)'?s(?!\w)", _I),
        weekday_left=re.compile(r"(?<!\w)(?P<pre>on|last|this|next|every|each|since|until|till|by|past)\s+\Z", _I),
        ordinal_left=re.compile(r"(?<!\w)([0-9]{1,3})(?:st|nd|rd|th)\s+(?:[\w’']+\s+){0,2}\Z"),
        # anniversary patterns that start with "anniversary" are tried AT that word; the others
        # ("founding anniversary", "Student Day", "16 Azar") in a short window around their key
        anniversary_at=_anniversary_regex(L, lambda raw: raw.startswith("anniversary")),
        anniversary_near=_anniversary_regex(L, lambda raw: not raw.startswith("anniversary")),
        # "August 30 - September 2", "from X to Y"; a dash followed by words is a dateline, not a range
        range_gap=re.compile(r"\s?[-–—]\s?|\s*,?\s*(?:to|until|till|through|thru)\s+(?:on\s+)?", _I),
        and_gap=re.compile(r"\s*,?\s*(?:and|&)\s*(?:on\s+)?", _I),
        from_before=re.compile(r"(?:from|between)\s+(?:the\s+)?$", _I),
    )


_SEASONS = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _ok_token(L: DateLexicon, token: str, strong: bool) -> bool:
    """Ambiguous words ("may", "sat", "dey") count only capitalised, or lower-case inside a
    full date (``strong``); other tokens count in any case (lower-case alt text)."""
    if not L.is_ambiguous(token):
        return True
    return strong or token[:1].isupper() or not token[:1].isascii()


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _wd(L: DateLexicon, m: re.Match[str], group: str = "wd") -> int | None:
    tok = m.group(group) if group in m.re.groupindex else None
    return L.weekday_of(tok) if tok else None


def _parse_relative(s: int, e: int, g: dict) -> Atom:
    if g.get("yest"):
        n = -2 if "before" in g["yest"].lower() else -1
        return Atom(s, e, "relative", rel="day", n=n)
    if g.get("today"):
        return Atom(s, e, "relative", rel="day", n=0)
    if g.get("past"):
        return Atom(s, e, "relative", rel="pastweek")
    if g.get("h24"):  # "over the past 72 hours": the days they reach back to, up to the reference day
        return Atom(s, e, "relative", rel="h24", n=int(g.get("hours") or 24) // 24)
    if g.get("pnights"):
        raw = g["nights"].lower()
        return Atom(s, e, "relative", rel="pnights", n=_NUM_WORDS.get(raw) or int(raw))
    if g.get("ago"):
        raw = g["n"].lower()
        n = _NUM_WORDS.get(raw) or int(raw)
        return Atom(s, e, "relative", rel="day", n=-n)
    if g.get("uago"):  # "five years ago": rel yago / mago / wago, n units back
        raw = g["un"].lower()
        n = 1 if raw in ("a", "an", "one") else _NUM_WORDS.get(raw) or int(raw)
        return Atom(s, e, "relative", rel=g["u"].lower()[0] + "ago", n=n)
    if g.get("season"):  # "last spring": n is the season's index (spring 0 ... winter 3)
        return Atom(s, e, "relative", rel="season", n=_SEASONS[g["season"].lower()])
    for key in ("lw", "tw", "lm", "tm", "ly", "ty", "wk"):
        if g.get(key):
            return Atom(s, e, "relative", rel=key)
    return Atom(s, e, "relative", rel="day", n=0)


def _year_context(L: DateLexicon, text: str, s: int, e: int) -> bool:
    """A bare year counts after a preposition ("in 2023"), before an event noun ("the 2022
    uprising") or right after a capitalised name ("Free Iran 2023"); otherwise it may be a count."""
    before = text[max(0, s - 16) : s].split()
    prev = before[-1].lower().strip("(,") if before else ""
    if prev in L.year_before:
        return True
    after = text[e : e + 30].lower().split()
    nxt = " ".join(after[:2])
    if after and (after[0].strip(".,;:)") in L.event_nouns or after[0] in ("nationwide", "presidential") or nxt in L.event_nouns):
        return True
    if prev and before[-1][:1].isupper() and before[-1].isalpha() and not (after and after[0].isalpha() and after[0].endswith("s")):
        return True
    if s == 0 or text[s - 1] in "\n(":
        return True
    return False


@lru_cache(maxsize=1024)
def _numeric_part(raw: str, day_first: bool = False) -> tuple[int, int, int] | None:
    """``29/08/2020``, ``08/29/2020``, ``29.08.2020``: unambiguous orders are read directly;
    when both numbers could be the month, ``day_first`` (a cue the caller found beside the
    date) reads the day first, else dateparser's English rules decide (month first)."""
    nums = re.split(r"[/.]", raw)
    a, b, y = int(nums[0]), int(nums[1]), int(nums[2])
    if not 1800 <= y <= 2099:
        return None
    if a > 12 and 1 <= b <= 12:
        return (y, b, a)
    if b > 12 and 1 <= a <= 12:
        return (y, a, b)
    if day_first and 1 <= a <= 31 and 1 <= b <= 12:
        return (y, b, a)
    import dateparser  # only here: slow to import, and only the ambiguous form needs it

    parsed = dateparser.parse(raw, languages=["en"], settings={"DATE_ORDER": "MDY", "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None
    return (parsed.year, parsed.month, parsed.day)


def _parse_numeric(s: int, e: int, raw: str, day_first: bool = False) -> Atom | None:
    got = _numeric_part(raw, day_first)
    if got is None:
        return None
    y, mo, d = got
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return Atom(s, e, "date", Part(y, mo, d))


def _parse_iso(m: re.Match[str]) -> Atom | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    cal = "j" if 1200 <= y < 1500 else "g"
    if cal == "g" and not 1800 <= y <= 2099:
        return None
    return Atom(m.start(), m.end(), "date", Part(y, mo, d, cal=cal))


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}


def _parse_streak(m: re.Match[str]) -> Atom:
    s, e = m.span()
    g = m.groupdict()
    if g.get("ord"):
        raw = g["ord"].lower()
        n = _ORDINALS.get(raw) or int(raw.rstrip("ndrth"))
        return Atom(s, e, "streak", rel="nth" if g.get("on") else "count" if g.get("entered") else "ordinal", n=n)
    raw = (g.get("pn") or g.get("cn") or "2").lower()
    return Atom(s, e, "streak", rel="past" if g.get("pn") else "ordinal", n=_NUM_WORDS.get(raw) or int(raw))


_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _parse_same(m: re.Match[str]) -> Atom:
    s, e = m.span()
    g = m.groupdict()
    if g.get("nd"):
        return Atom(s, e, "same", rel="days", n=_SMALL_NUMBERS.get(g["nd"].lower()) or int(g["nd"]))
    if g.get("u3"):
        return Atom(s, e, "same", rel="theweek", n=0)
    if g.get("u4"):
        return Atom(s, e, "same", rel="thatweek", n=0)
    if g.get("nl"):
        n = _SMALL_NUMBERS.get(g["nl"].lower()) or int(g["nl"])
        return Atom(s, e, "same", rel="day", n=-n if g["el2"].lower() == "earlier" else n)
    if g.get("u") or g.get("u2"):
        return Atom(s, e, "same", rel=(g.get("u") or g["u2"]).lower(), n=0)
    if g.get("n"):
        return Atom(s, e, "same", rel="day", n=1 if g["n"].lower() in ("following", "next") else -1)
    if g.get("el"):
        return Atom(s, e, "same", rel="day", n=-1 if g["el"].lower() == "earlier" else 1)
    if g.get("nb") or g.get("ev"):
        return Atom(s, e, "same", rel="day", n=-1)
    return Atom(s, e, "same", rel="day", n=-1 if g["ba"].lower() == "before" else 1)
