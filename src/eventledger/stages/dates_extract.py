"""Find date expressions in a text and parse them into parts, before any anchor is known.

Trigger words (month and weekday names, Jalali months, "yesterday", "anniversary" ...) are
located with ``str.split`` + a set intersection + ``str.find``; the regexes of
:mod:`.dates_patterns` then run only at or next to them. They give the day/month/year
directly: a general parser such as ``dateparser`` costs about a millisecond per call and
reads ordinary words ("may", "march", "sat") as dates, so it is used only for numeric forms
whose day/month order needs its locale rules (``04/05/2021``), and only on that span.

Expressions are taken in priority order (numeric dates, month-name dates, Jalali dates,
anniversaries, relative dates, "the same day", bare years, weekdays); a later one cannot
take text an earlier one took. Adjacent single dates joined by "to", "-", "between … and",
"from … to" or, for days, "and" ("on Monday May 6, and Friday, May 10") become
one range.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from operator import attrgetter

from .dates_lexicon import DateLexicon, lexicon
from .dates_patterns import (
    _PART_WORDS, _PLURAL_AFTER, _WEEK_WORDS, Atom, Part, _int, _ok_token, _parse_iso, _parse_numeric,
    _parse_relative, _parse_same, _parse_streak, _year_context,
)
from .dates_patterns import Patterns as _Patterns
from .dates_patterns import patterns as _patterns
from .lowered import lowered

__all__ = ["Part", "Atom", "extract"]


def _is_word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _is_word_end(text: str, i: int) -> bool:
    return i >= len(text) or not (text[i].isalnum() or text[i] == "_")


class _Taken:
    """Which characters an accepted expression already covers."""

    def __init__(self, n: int):
        self.mask = bytearray(n)

    def free(self, s: int, e: int) -> bool:
        return self.mask.find(1, s, e) == -1

    def take(self, s: int, e: int) -> None:
        self.mask[s:e] = b"\x01" * (e - s)


def _hits(L: DateLexicon, view: str, low: str) -> dict[str, list[tuple[int, int, str, int]]]:
    """Every trigger word, by category, as (start, end, token as written, number).

    ``str.split`` plus a set intersection (C speed) says which trigger words occur — the
    vocabulary includes the forms with common punctuation attached ("August,", "(Nov.") —
    and ``str.find`` locates each of those. Running the date regexes over the whole text
    costs about twenty times more in CPython."""
    # a dash glues a dateline to the first word ("2021—Monday night's ..."): split there too
    found = L.trigger_forms.intersection((low.replace("—", " ").replace("–", " ") if "—" in low or "–" in low
                                          else low).split())
    if "-" in low:
        # a part of the month hyphenated to its name ("since mid-September 2022", "late-October"):
        # the month is a separate word to the left-context pattern, so find it too
        found |= L.trigger_forms.intersection(_PART_HYPHENATED.findall(low))
    if not found:
        return {}
    table = L.trigger_words
    out: dict[str, list[tuple[int, int, str, int]]] = {}
    size = len(low)
    for w in {L.trigger_core[f] for f in found}:
        n = len(w)
        i = low.find(w)
        while i != -1:
            j = i + n
            if (i == 0 or not low[i - 1].isalpha()) and (j >= size or not low[j].isalpha()):
                for cat, number, first in table[w]:
                    start = i
                    if first:  # second word of a two-word name ("سه شنبه")
                        k = i - len(first) - 1
                        if k < 0 or low[k:i] != first + " ":
                            continue
                        start = k
                    out.setdefault(cat, []).append((start, j, view[start:j], number))
            i = low.find(w, j)
    for cat, items in out.items():
        items.sort(key=lambda it: (it[0], -it[1]))
        kept, last_end = [], -1
        for item in items:  # "شنبه" inside "سه شنبه" is not a second weekday
            if item[0] >= last_end:
                kept.append(item)
                last_end = item[1]
        out[cat] = kept
    return out


#: a part-of-month word glued to the month name by a hyphen: the month's token
_PART_HYPHENATED = re.compile(r"(?<![a-z])(?:mid|early|late)-([a-z]+\.?,?)")

_LEFT_WORDS = frozenset({"the", "of", "early", "mid", "late", "end", "beginning", "start", "middle", "in", "during",
                         "since", "until", "till", "by", "last", "this", "from", "through", "throughout", "between", "and", "to",
                         "before", "after", "&", "-", "–", "—"})


def _left_worth_trying(L: DateLexicon, view: str, p: int) -> bool:
    """Whether anything that can stand before a month name (a day, a weekday, "week of",
    "early", a preposition) is there: most month names have none, and the left-context
    search is the costliest pattern."""
    if p and view[p - 1] == "-":
        return True
    words = view[max(0, p - 24) : p].split()
    if not words:
        return False
    prev = words[-1].lower().strip(",.([")
    return prev[:1].isdigit() or prev in _LEFT_WORDS or prev in L.weekdays


def _left_context(P: _Patterns, view: str, p: int) -> re.Match[str] | None:
    """``P.left.search(view, p - 48, p)``: what stands before the month name at ``p``.

    The search tries the pattern's alternations at every word of the window (about 16 µs);
    the same leftmost match is found by trying ``P.left.match`` only where a match can
    start, from right to left over the window's tokens until one no match can contain
    (:func:`_in_left_context`): at each token, and after each non-alphanumeric character
    inside one (a word starts there: "6" in "5-6"); a match cannot start before that token.
    The pattern may also match nothing, at ``p`` itself."""
    lo = max(0, p - 48)
    seg = view[lo:p]
    end = len(seg)
    starts = [end]  # where a match may start, latest first
    for tok in reversed(seg.split()):
        at = seg.rfind(tok, 0, end)
        if not tok.isalnum():
            starts.extend(at + k for k in range(len(tok) - 1, 0, -1) if not tok[k - 1].isalnum())
        if not _in_left_context(tok):
            break
        starts.append(at)
        end = at
    left = P.left
    for k in reversed(starts):
        m = left.match(view, lo + k, p)
        if m is not None:
            return m
    return None


@lru_cache(maxsize=4096)
def _in_left_context(token: str) -> bool:
    """Whether a whitespace-separated token can lie inside a match of the left-context
    pattern (a token with non-ASCII letters is given the benefit of the doubt: case-blind
    matching may read some as ASCII letters)."""
    return not token.isascii() or _patterns().left_token.fullmatch(token) is not None


#: a first weekday before the one a two-day date names: "Monday and Tuesday, January 12 and 13"
_WEEKDAY_AND = re.compile(r"\b([A-Za-z]+day)\s+(?:and|&)\s+$")


def _month_dates(L: DateLexicon, view: str, hits, taken: _Taken, out: list[Atom]) -> None:
    P = _patterns()
    for p, q, tok, mo in hits.get("month", ()):
        if not taken.free(p, q):
            continue
        r = P.right.match(view, q)
        lm = _left_context(P, view, p) if _left_worth_trying(L, view, p) else None
        if lm and not taken.free(lm.start(), p):
            lm = None
        g = lm.groupdict() if lm else {}
        d, d2, y = _int(r.group("d")), _int(r.group("d2")), _int(r.group("y"))
        wd_tok = g.get("wd")
        end = r.end() if (d or y) else q + (1 if view[q : q + 1] == "." else 0)
        if d is None and g.get("ld"):
            d, d2 = int(g["ld"]), _int(g.get("ld2"))
        elif d is not None:
            g["ld"] = None
        sub = None
        if d is None and g.get("w"):
            sub = _WEEK_WORDS.get(" ".join(g["w"].lower().split()))
        elif d is None and g.get("part"):
            sub = _PART_WORDS.get(" ".join(g["part"].lower().split()))
        strong = bool(y) or bool(wd_tok)
        if not _ok_token(L, tok, strong):
            continue
        if d is None and y is None and sub is None and not g.get("prep"):
            continue  # a month name alone ("Rebellious August") is not a date
        if d is None and y is None and tok == "march":
            continue  # the verb or the noun in lower case ("farmers tried to march to the governorate")
        if d is not None and not 1 <= d <= 31 or d2 is not None and not 1 <= d2 <= 31:
            continue
        if d2 is not None and r.group("sep") and r.group("sep").lower() in ("and", "&") and (
                _PLURAL_AFTER.match(view, r.end("d2")) or d2 <= d):
            d2 = None  # "on August 3 and 5 protesters ...": not a range
            end = r.end("d") if r.group("d") else end
        elif d2 is not None and g.get("lsep") and g["lsep"].lower() in ("and", "&") and d2 <= d:
            d2 = None
        start = p
        if lm and (wd_tok or g.get("ld") or sub):
            start = lm.start()
            if g.get("prep") and not (wd_tok or g.get("ld") or sub):
                start = p
        wdn = L.weekday_of(wd_tok) if wd_tok else None
        wd2n = None
        if d2 is not None and wd_tok and (w1 := _WEEKDAY_AND.search(view, max(0, start - 24), start)) is not None \
                and L.weekday_of(w1.group(1)) is not None and taken.free(w1.start(), start):
            # "on Monday and Tuesday, January 12 and 13": two weekdays for the two days
            start, wdn, wd2n = w1.start(), L.weekday_of(w1.group(1)), wdn
        if y is None and (ty := _THAT_YEAR_AFTER.match(view, end)) is not None \
                and (yb := _last_year_before(view, start)) is not None:
            # "when tens of thousands marched in Berlin in October of that year" after "the 2022
            # protests": the year just named, not the report's
            y, end = yb, ty.end()
        a = Part(y, mo, d, wdn, "g", sub)
        b = None
        if d2 is not None:
            wd2 = r.group("wd2") if r.group("d2") else None
            b = Part(y, mo, d2, L.weekday_of(wd2) if wd2 else wd2n)
        out.append(Atom(start, end, "date", a, b, joined="to" if b else ""))
        taken.take(start, end)


_THAT_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)
_YEAR_RE = re.compile(r"(?<![\w.,/-])(?:19[5-9][0-9]|20[0-9]{2})(?![\w/-])")


def _last_year_before(view: str, start: int) -> int | None:
    """The last four-digit year written in the 600 characters before ``start``."""
    found = None
    for m in _YEAR_RE.finditer(view, max(0, start - 600), start):
        found = int(m.group(0))
    return found


def _yearless_month_day(view: str, r: re.Match[str]) -> bool:
    """A Persian month then a day with no year ("TEHRAN, Esfand 12 (IRNA) -", "on Bahman 22,"):
    a date when nothing but a bracket, comma, dash or the line's end follows the day (not "Mehr
    12 percent" or "Dey 9 people")."""
    if not r.group("d"):
        return False
    nxt = view[r.end("d"):r.end("d") + 3].lstrip(" ")
    return not nxt or nxt[0] in "(),.;–—-\n"


_IN_BEFORE = re.compile(r"(?<![\w-])(?:in|since|during)[ \u00a0]+\Z", re.I)


def _month_alone(view: str, p: int, q: int, tok: str) -> bool:
    """A capitalised Persian month after "in", "since" or "during" with only a clause's end after
    it ("in Mehr.", "in Aban, ..."): that month; not a name ("Mehr News Agency", "in Azar Karimi's
    case")."""
    if not tok[:1].isupper() or _IN_BEFORE.search(view, max(0, p - 8), p) is None:
        return False
    nxt = view[q : q + 2]
    return not nxt or nxt[0] in ".,;:)\n" or nxt == " ("


def _jalali_dates(L: DateLexicon, view: str, hits, taken: _Taken, out: list[Atom]) -> None:
    P = _patterns()
    for p, q, tok, mo in hits.get("jalali", ()):
        if not taken.free(p, q):
            continue
        r = P.jright.match(view, q)
        lm = P.left.search(view, max(0, p - 30), p)
        ld = _int(lm.group("ld")) if lm and taken.free(lm.start(), p) else None
        d = ld if ld is not None else (_int(r.group("d")) if r.group("y") or _yearless_month_day(view, r) else None)
        if d is None and ld is None and r.group("y") and not r.group("d") and tok[:1].isupper():
            # "Shiraz, Farvardin 1405": a month of a year (a month name and a year count without a day)
            y = _int(r.group("y"))
            out.append(Atom(p, r.end("y"), "date", Part(y, mo, None, None, "j")))
            taken.take(p, r.end("y"))
            continue
        if d is None and ld is None and not r.group("y") and _month_alone(view, p, q, tok):
            # "He was arrested in Dezful in Mehr.": a month alone after "in", ending its clause
            out.append(Atom(p, q, "date", Part(None, mo, None, None, "j")))
            taken.take(p, q)
            continue
        if d is None or not 1 <= d <= 31:
            continue  # "Mehr News Agency": a Jalali month name counts only with a day
        y = _int(r.group("y"))
        start = lm.start() if ld is not None else p
        end = r.end("y") if y else (q if ld is not None else r.end())
        wdt = lm.group("wd") if ld is not None else None
        # "13 to 18 Azar 1405", "13-18 Azar": a range of days, as the Gregorian months have it
        d2 = _int(lm.group("ld2")) if ld is not None else None
        if d2 is not None and (not 1 <= d2 <= 31 or d2 <= d and lm.group("lsep").lower() in ("and", "&")):
            d2 = None
        b = Part(y, mo, d2, None, "j") if d2 is not None and d2 != d else None
        out.append(Atom(start, end, "date", Part(y, mo, d, L.weekday_of(wdt) if wdt else None, "j"), b,
                        joined="to" if b else ""))
        taken.take(start, end)


def _numbers(view: str, years: list[int], taken: _Taken, out: list[Atom], final: bool) -> None:
    """Four-digit runs: ISO and numeric dates first (``final=False``), then decades and
    bare years once every other expression has had its chance (``final=True``)."""
    P = _patterns()
    L = lexicon()
    for s in years:
        e = s + 4
        number = int(view[s:e])
        if not final:
            im = P.iso.match(view, s) if view[e : e + 1] in ("-", "/", ".") else None
            if im and _is_word_start(view, s) and taken.free(*im.span()):
                atom = _parse_iso(im)
                if atom:
                    out.append(atom)
                    taken.take(atom.start, atom.end)
                continue
            nm = P.numeric.search(view, max(0, s - 6), e + 2) if view[s - 1 : s] in ("/", ".") else None
            if nm and taken.free(*nm.span()):
                atom = _parse_numeric(nm.start(), nm.end(), nm.group(0), _day_first_cue(view, nm.end()))
                if atom:
                    out.append(atom)
                    taken.take(atom.start, atom.end)
            continue
        if 1300 <= number <= 1499 and taken.free(s, e) and _solar_year(view, s, e):
            out.append(Atom(s, e, "year", Part(number, cal="j")))  # "arrested in 1399": an Iranian year
            taken.take(s, e)
            continue
        if not taken.free(s, e) or not 1800 <= number <= 2099:
            continue
        dm = P.decade.match(view, s)
        if dm and view[s + 3] == "0" and _is_word_start(view, s):
            ds = s - 4 if view[max(0, s - 4) : s].lower() == "the " else s
            out.append(Atom(ds, dm.end(), "decade", Part(number)))
            taken.take(ds, dm.end())
            continue
        if not _is_word_start(view, s) or view[s - 1 : s] in ("$", "#", "/", "-", ".", ",") or not _is_word_end(view, e):
            continue
        if view[e : e + 2] in (",0", ",1", ",2", ",3", ",4", ",5", ",6", ",7", ",8", ",9") or view[e : e + 1] == "%":
            continue
        if _year_context(L, view, s, e):
            out.append(Atom(s, e, "year", Part(number)))
            taken.take(s, e)


#: a 24-hour clock right after a numeric date ("Published on 12/08/2024 - 18:21"): the house
#: style that writes the day first (AFP, France 24, European and Iranian sites); the US style
#: that writes the month first puts "6:21 PM" after its dates
_CLOCK_24_AFTER = re.compile(r"\s*[-\u2013\u2014|,]?\s*(?:at\s+)?(?:[01]?[0-9]|2[0-3])[:h][0-5][0-9](?![0-9])(?!\s*(?:[AaPp]\.?[Mm]\b))")


def _day_first_cue(view: str, e: int) -> bool:
    """Whether an ambiguous ``dd/mm/yyyy`` ending at ``e`` reads day first: the clock after it
    is a 24-hour one (see ``_CLOCK_24_AFTER``)."""
    return _CLOCK_24_AFTER.match(view, e, min(len(view), e + 16)) is not None


#: the words before a bare Iranian year ("arrested in 1399", "held since 1398")
_SOLAR_YEAR_BEFORE = frozenset({"in", "since", "year", "until"})


def _solar_year(view: str, s: int, e: int) -> bool:
    """A bare 13xx/14xx number read as an Iranian (solar hijri) year: after "in", "since",
    "year" or "until", and not followed by a word it would count ("in 1400 villages")."""
    if not _is_word_start(view, s) or not _is_word_end(view, e) or view[s - 1 : s] in ("$", "#", "/", "-", ".", ","):
        return False
    before = view[max(0, s - 8) : s].split()
    if not before or before[-1].lower() not in _SOLAR_YEAR_BEFORE:
        return False
    nxt = view[e : e + 1]
    if nxt in (",", "%") and view[e + 1 : e + 2].isdigit():
        return False
    after = view[e : e + 20].split()
    return not after or not after[0][:1].isalpha() or after[0].lower() in ("and", "or", "for", "on", "in", "after", "when", "to")


#: a run of exactly four digits starting with 1 or 2, one pattern per first digit: a pattern
#: that starts with a literal is searched for at C speed, one that starts with a character
#: class (``[12]``) is tried at every character, which costs four times as much
_FOUR_DIGITS = (re.compile(r"1(?<![0-9]1)[0-9]{3}(?![0-9])"),
                re.compile(r"2(?<![0-9]2)[0-9]{3}(?![0-9])"))


def _four_digit_runs(view: str) -> list[int]:
    """Start offsets of the runs of exactly four digits starting with 1 or 2 (years, mostly)."""
    ones, twos = ([m.start() for m in rx.finditer(view)] for rx in _FOUR_DIGITS)
    return sorted(ones + twos) if ones and twos else ones or twos


def _windowed(rx: re.Pattern[str], words: frozenset[str], view: str, spots, taken: _Taken, before: int,
              after: int):
    """Matches of ``rx`` that contain one of the trigger words ``spots``: for each spot, the
    first match containing it among those ``rx.finditer`` finds in the window ``before``
    characters back and ``after`` ahead.

    A regex scan costs about a third of a microsecond per position, so the scan is replayed
    with ``rx.match`` at the few positions where a match can start. The patterns tried here
    (relative dates, "the same day", streaks) match whole words (``(?<!\\w)...(?!\\w)``)
    separated by whitespace: words of their vocabulary ``words`` (see
    :func:`.dates_patterns.pattern_words`) or starting with a digit, nothing else. So a
    match containing the spot starts at one of the words just before it (or at the spot),
    after the last character or word no match can contain, and no earlier match runs
    across that point."""
    last_end = -1
    size = len(view)
    for i, _, _, _ in spots:
        if i < last_end:
            continue
        lo = max(0, i - before)
        seg = view[lo:i]
        tokens = seg.split()
        glued = bool(tokens) and not seg[-1].isspace()  # the spot's word starts before it ("2days")
        starts = [] if glued and seg[-1].isalnum() else [i]  # where a match may start, latest first
        end = len(seg)
        for n, tok in enumerate(reversed(tokens)):
            at = seg.rfind(tok, 0, end)
            if not tok.isalnum():  # punctuation: a match may start only after its last one
                k = len(tok)
                while tok[k - 1].isalnum():
                    k -= 1
                if k < len(tok):
                    starts.append(lo + at + k)
                break
            if (n or not glued) and tok.isascii() and not tok[0].isdigit() and tok.lower() not in words:
                break
            starts.append(lo + at)
            end = at
        hi = min(size, i + after)
        cursor = -1
        for p in reversed(starts):
            m = rx.match(view, p, hi) if p >= cursor else None
            if m is None:
                continue
            if m.end() <= i:
                cursor = m.end()  # a match before the spot: the scan goes on after it
                continue
            if taken.free(*m.span()):
                last_end = m.end()
                yield m
            break


_FRIDAY = 4  # date.weekday() numbering
_PRAYERS_AFTER = re.compile(r"[ \u00a0]+(?:prayers?|sermons?|prayer[ \u00a0]+leaders?|imams?)\b", re.I)
#: "after Friday prayers", "during the Friday sermon": the prayers of one Friday, a day
_AT_PRAYERS_BEFORE = re.compile(r"\b(?:after|following|during|at|on|before|since)\s+(?:the\s+)?$", re.I)


#: a weekday in the name of a past event ("Bloody Friday", "Black Friday"): no day of this report
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Bloody|Black)[ \u00a0]+$")


def _institution_friday(view: str, p: int, q: int) -> bool:
    """"Friday prayers" as an institution ("a boycott of the regime's Friday prayers", "the
    Friday prayer leader of Zahedan"), not one Friday; "after Friday prayers" names a day."""
    return _PRAYERS_AFTER.match(view, q) is not None and _AT_PRAYERS_BEFORE.search(view, max(0, p - 14), p) is None


def _weekdays(L: DateLexicon, view: str, hits, taken: _Taken, out: list[Atom]) -> None:
    P = _patterns()
    for p, q, tok, wdn in hits.get("weekday", ()):
        if not taken.free(p, q):
            continue
        low_tok = tok.lower()
        plural = low_tok not in L.weekdays and low_tok[:-1] in L.weekdays
        if len(tok) <= 4 and tok[:1].isascii() and not tok[:1].isupper():
            continue  # "sat", "wed", "sun" in lower case are words
        lm = P.weekday_left.search(view, max(0, p - 8), p)
        pre = lm.group("pre").lower() if lm else ""
        if tok[:1].isascii() and (not tok[:1].isupper() or len(tok) <= 4) and not pre:
            continue  # lower-case or abbreviated weekday ("the Sun") only after "on", "last" ...
        if wdn == _FRIDAY and _institution_friday(view, p, q):
            continue  # "the regime's Friday prayers", "the Friday prayer leader": not a day
        if _NAMED_DAY_BEFORE.search(view, max(0, p - 8), p):
            continue  # "Zahedan's Bloody Friday", "Black Friday": the name of a past event
        if pre == "last" and view[q:q + 4].lower() == " of " and view[max(0, lm.start() - 4):lm.start()].lower() == "the ":
            continue  # "the eve of the last Wednesday of the year": a day of the calendar, not last week's
        mode = "every" if plural else (pre or "on")
        if mode == "every" and lm is not None and lm.start() >= 3 and view[lm.start() - 3:lm.start()].lower() == "as ":
            mode = "on"  # "gathered, as every Sunday, ...": this Sunday's act, likened to the habit
        start = lm.start() if lm and mode != "on" else p
        out.append(Atom(start, q, "weekday", Part(wd=wdn), rel=mode))
        taken.take(start, q)


#: "on the 24th", "from the 3rd to the 5th": a day of the month with no month written (the
#: month comes from the context when resolved). Searched in the lower-cased view, led by the
#: literal "the" (the engine skips to it); the word before it is checked by _MONTH_DAY_BEFORE.
#: Only where the ordinal ends a phrase (a comma, a full stop, "and", "in" ...): "on the 16th
#: night", "the 3rd floor", "the 2nd anniversary" are no days of a month
_MONTH_DAY = re.compile(
    r"the\s+(?P<d>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b"
    r"(?:\s*(?P<sep>-|–|—|to|and|&|through|until)\s*(?:the\s+)?(?P<d2>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b)?"
    r"(?=\s*(?:[,.;:!?)\n]|$)|\s+(?:and|in|at|when|while|as|with|near|outside|across|during|after|before|for|of\s+(?:this|that|the|last|the\s+previous)\s+month)\b"
    # (a purpose after the day: "gathered ... on the 24th to protest a death sentence")
    r"|\s+to\s+(?!the\b)[a-z]{3,}\b)"
)
#: ... after "on", "by" ... or a part of the day ("on the night of the 25th", "on the evening of the 24th")
_MONTH_DAY_BEFORE = re.compile(r"(?:(?<!\w)(?:on|by|since|until|till|from|before|after)|\b(?:night|evening|morning|afternoon)\s+of)\s+\Z")


def _month_days(view: str, low: str, taken: _Taken, out: list[Atom]) -> None:
    """Days of the month written alone ("on the 24th"), as ``monthday`` atoms (Part.d only)."""
    if "the " not in low:
        return
    for m in _MONTH_DAY.finditer(low):
        s, e = m.span()
        if not _is_word_start(view, s) or not taken.free(s, e) or not _MONTH_DAY_BEFORE.search(low, max(0, s - 16), s):
            continue
        d2 = m.group("d2")
        b = Part(d=int(d2)) if d2 else None
        out.append(Atom(s, e, "monthday", Part(d=int(m.group("d"))), b, joined="and" if m.group("sep") in ("and", "&") else "to" if b else ""))
        taken.take(s, e)


def _anniversaries(L: DateLexicon, view: str, hits, taken: _Taken, out: list[Atom]) -> None:
    P = _patterns()
    for i, j, tok, _ in hits.get("anniversary", ()):
        if not taken.free(i, j):
            continue
        low_tok = tok.lower()
        if low_tok == "day" and not any(k in view[max(0, i - 14) : i].lower() for k in _DAY_NAME_KEYS):
            continue  # "day" names a commemoration only in "Workers' Day", "Student Day" ...
        m = P.anniversary_at.match(view, i) if low_tok.startswith("anniversar") else None
        if m is None:
            for cand in P.anniversary_near.finditer(view, max(0, i - 60), min(len(view), j + 40)):
                if cand.start() <= i < cand.end():
                    m = cand
                    break
        if m is None or not taken.free(*m.span()) or not m.lastgroup:
            continue
        s, e = m.span()
        key = L.anniversaries[int(m.lastgroup[1:])].key
        ordinal = 0
        im = _ORDINAL_IN.search(m.group(0))
        om = P.ordinal_left.search(view, max(0, s - 40), s)
        if im:
            ordinal = int(im.group(1))
        elif om and taken.free(om.start(), s):
            ordinal, s = int(om.group(1)), om.start()
        out.append(Atom(s, e, "anniversary", rel=key, n=ordinal))
        taken.take(s, e)


_DAY_NAME_KEYS = ("worker", "teacher", "student", "women", "constitution")
_ORDINAL_IN = re.compile(r"([0-9]{1,3})(?:st|nd|rd|th)\s")


def extract(view: str) -> list[Atom]:
    """All date expressions in ``view``, sorted by position, ranges joined."""
    L = lexicon()
    P = _patterns()
    low = lowered(view)
    if len(low) != len(view):  # a few characters change length when lower-cased ("İ")
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in view)
    taken = _Taken(len(view))
    atoms: list[Atom] = []
    hits = _hits(L, view, low)
    years = _four_digit_runs(view)
    _numbers(view, years, taken, atoms, final=False)
    _month_dates(L, view, hits, taken, atoms)
    _jalali_dates(L, view, hits, taken, atoms)
    _anniversaries(L, view, hits, taken, atoms)
    for m in _windowed(P.streak, P.streak_words, view, _streak_spots(low, hits.get("streak", ())), taken, 60, 24):
        atoms.append(_parse_streak(m))
        taken.take(*m.span())
    relative_spots = _relative_spots(low, hits.get("relative", ()))
    for m in _windowed(P.relative, P.relative_words, view, relative_spots, taken, 36, 26):
        atoms.append(_parse_relative(m.start(), m.end(), m.groupdict()))
        taken.take(*m.span())
    for m in _windowed(P.same, P.same_words, view, _same_spots(low, hits.get("same", ())), taken, 28, 16):
        if m.group("el") or m.group("el2"):
            if _RELEASED_BEFORE.search(view, max(0, m.start() - 60), m.start()):
                taken.take(*m.span())  # the day of the release, not of the act: no date for the clause's acts
                continue
        atoms.append(_parse_same(m))
        taken.take(*m.span())
    _numbers(view, years, taken, atoms, final=True)
    _month_days(view, low, taken, atoms)
    _weekdays(L, view, hits, taken, atoms)
    if any(w in low for w in _STREET_KEYS):
        atoms = [a for a in atoms if not (a.kind in ("date", "anniversary") and _STREET_AFTER.match(view, a.end))]
    atoms.sort(key=attrgetter("start"))
    return _join_ranges(atoms, view, P)


# "detained four of the mothers, who were released on bail two days later": a day counted from the
# act in a clause that tells the detainees' release dates the release; the act keeps the day told
# (set 69: the arrest had been moved two days on)
_RELEASED_BEFORE = re.compile(r"\b(?:released|freed|let\s+go)\b(?:\s+[\w'’-]+){0,4}\s+\Z", re.I)


# A date that names a street or a square ("on 22 Bahman Street", "in 7 Tir Square", "17 Shahrivar
# Boulevard"): Iranian streets are often named after days; such a name is a place, not a date.
_STREET_KEYS = ("street", "square", "avenue", "boulevard", "blvd", "highway", "expressway", "alley")
_STREET_AFTER = re.compile(r"[ \u00a0]+(?:Street|St\.|Square|Sq\.|Avenue|Ave\.|Boulevard|Blvd\.?|Highway|Expressway|Alley)\b")


# words that must stand just before "week", "days", "year" ... for a relative date
_RELATIVE_CUES = ("last", "this", "past", "recent", "few", "several", "couple of", "two", "three", "four", "five",
                  "six", "seven", "7", "24", "48", "72", "96", "latest", "earlier this")
_RELATIVE_SELF = frozenset({"yesterday", "today", "tonight", "latest", "ago", "weekend"})


def _relative_spots(low: str, spots):
    """Cheap filter: "year", "week", "days" ... only when a cue word precedes them."""
    for spot in spots:
        word = spot[2].lower()
        if word in _RELATIVE_SELF:
            yield spot
            continue
        before = low[max(0, spot[0] - 16) : spot[0]].rstrip()
        if before.endswith(_RELATIVE_CUES) or word == "days" and low.startswith(" ago", spot[1]):
            yield spot


#: "On Monday night, the day before the execution, ...": "the day before" names the weekday
#: just written by another event (an appositive), not a day before it (on the lower-cased view)
_APPOSITIVE_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:night|evening|morning|afternoon))?,\s+the\s+$")
_TIME_OF_DAY = frozenset({"day", "night", "evening", "morning", "afternoon"})
_SAME_CUES = ("that", "following", "next", "previous", "preceding")


def _same_spots(low: str, spots):
    """"day", "night" ... start a reference to the previous date only after "that", "the
    following" ... or in "the day before/after", "a day earlier/later" (after "same" the spot is
    "same" itself)."""
    for spot in spots:
        word = spot[2].lower()
        if word not in _TIME_OF_DAY:
            yield spot
        elif low[max(0, spot[0] - 12) : spot[0]].rstrip().endswith(_SAME_CUES) or (
                (low.startswith((" before", " after", " earlier", " later"), spot[1]) if word == "day"
                 # ("on the night before the vote": the evening of the day before the one just named)
                 else word in ("night", "evening") and low.startswith(" before", spot[1]))
                and not _APPOSITIVE_DAY.search(low, max(0, spot[0] - 40), spot[0])):
            yield spot


_STREAK_CUE = re.compile(r"(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9](?:st|nd|rd|th)|straight"
                         r"|consecutive|successive|running)|(?:past|last|previous)\s+(?:two|three|four|five|six|seven|[0-9]+))"
                         r"\s+$")


def _streak_spots(low: str, spots):
    """"day(s)", "night(s)" end an ongoing-action phrase only after an ordinal, "consecutive",
    "past" ... (checked on a short window before them)."""
    for spot in spots:
        if _STREAK_CUE.search(low, max(0, spot[0] - 20), spot[0]):
            yield spot


def _precision_class(a: Atom) -> str:
    if a.kind == "year":
        return "year"
    if a.kind != "date" or a.b is not None or a.a is None or a.a.sub:
        return ""
    return "day" if a.a.d is not None else "month"


_PAIR_FIRST = ("on", "last", "this", "past")
#: a part of the first day written inside a weekday pair ("Thursday night and Friday")
_PART_OF_DAY_GAP = re.compile(r"\A[ \u00a0]+(?:night|evening|morning|afternoon)(?=\s*,?\s*(?:and|&|to|until|till|through)\s)", re.I)


#: "on Friday evening and again on Saturday": one act told on two days of the week (weekdays only:
#: "first protested on June 1, 2019 and again on May 3, 2021" are two acts years apart)
_AGAIN_GAP = re.compile(r"\s*,?\s*and\s+(?:again|also)\s+(?:on\s+)?", re.I)


def _weekday_pair(a: Atom, b: Atom, view: str, P: _Patterns) -> Atom | None:
    """"on Thursday and Friday", "from Saturday to Monday": one range of days."""
    if not (a.kind == b.kind == "weekday" and a.b is None and a.rel in _PAIR_FIRST and b.rel == "on"):
        return None
    gap = _PART_OF_DAY_GAP.sub("", view[a.end : b.start], count=1)  # "on Thursday night and Friday"
    if P.range_gap.fullmatch(gap):
        joined = "to"
    elif "," in gap and _second_clause(view, a.start, b.end, gap, _OWN_PAST_AFTER, _PAST_IN_CLAUSE):
        return None  # "a unit projected ... on Tuesday, and on Wednesday young people ... burned a poster": two days
    elif P.and_gap.fullmatch(gap) or _AGAIN_GAP.fullmatch(gap):
        joined = "and"
    else:
        return None
    head = P.from_before.search(view, max(0, a.start - 14), a.start)  # only for a pair (it costs)
    return Atom(head.start() if head else a.start, b.end, "weekday", a.a, b.a, rel=a.rel, joined=joined)


_LIST_COMMA = re.compile(r"[ \u00a0]*,[ \u00a0]*")


def _weekday_run(atoms: list[Atom], i: int, view: str, P: _Patterns) -> tuple[Atom, int] | None:
    """"On Sunday, Monday and Tuesday" (or four or more: "Saturday, Sunday, Monday and Tuesday"): days
    in a row written as a list, one range of days, and how many atoms it took (days that do not
    follow one another are left to the pairs)."""
    a = atoms[i]
    if a.b is not None or a.rel not in _PAIR_FIRST or a.a is None or a.a.wd is None:
        return None
    j = i
    while j + 1 < len(atoms):
        x, y = atoms[j], atoms[j + 1]
        if y.kind != "weekday" or y.b is not None or y.a is None or y.a.wd != (x.a.wd + 1) % 7:
            return None
        if P.and_gap.fullmatch(view[x.end : y.start]):
            # (the list ends at "and": three days at least, the one before it listed with a comma)
            return (Atom(a.start, y.end, "weekday", a.a, y.a, rel=a.rel, joined="and"), j + 2 - i) if j > i else None
        if not _LIST_COMMA.fullmatch(view, x.end, y.start):
            return None
        j += 1
    return None


def _may_join(view: str, end: int, start: int) -> bool:
    """Whether the gap can be one of ``range_gap``/``and_gap`` (tested on its first character
    before the gap, often a paragraph long, is sliced): a space, a dash, a comma, "&", or the
    "t"/"u"/"a" of "to", "until", "and" (letters case-blind matching pairs with no others)."""
    return end < start and (view[end].isspace() or view[end] in ",-–—&tTuUaA")


#: the clause before a date already has its verb ("two shopkeepers were arrested on the night of")
_VERB_IN_CLAUSE = re.compile(r"\b(?:was|were|is|are|had|has|have)\b|\b[a-z]{3,}ed\b")
_CLAUSE_START = re.compile(r"[.;:!?\n]")
#: ... and the second date opens a clause with a subject and a verb of its own ("and on 17 August
#: three more were arrested")
_OWN_VERB_AFTER = re.compile(r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){1,5}?(?:was|were|had|has|have)\b")


#: ... or, after a weekday, a past-tense verb of the second clause's own subject ("and on Wednesday young
#: people in the Tollab district burned a poster", "and on Tuesday they projected")
_OWN_PAST_AFTER = re.compile(r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){1,6}?(?:was|were|had|has|have|[a-z]{2,}ed|set|burnt|put|hung|"
                             r"wrote|held|took|beat|tore|threw|lit)\b")


#: (the first clause's verb, irregular past tenses too: "units put up posters on Sunday")
_PAST_IN_CLAUSE = re.compile(r"\b(?:was|were|is|are|had|has|have|put|set|hung|wrote|held|took|beat|tore|threw|lit|burnt)\b|\b[a-z]{3,}ed\b")


def _second_clause(view: str, start: int, end: int, gap: str, own_verb: re.Pattern[str] = _OWN_VERB_AFTER,
                   verb_before: re.Pattern[str] = _VERB_IN_CLAUSE) -> bool:
    """"Two were arrested on the night of 16 August, and on 17 August three more were arrested in Yazd":
    ", and on" between a clause that told its act before its date and a clause with its own subject
    and verb gives each clause its own day, not a range ("honored her memory on Monday, September 11,
    and Tuesday, September 12." stays one)."""
    if "," not in gap or not own_verb.match(view, end):
        return False
    lo = max(0, start - 200)
    left = view[lo:start]
    cut = max((m.end() for m in _CLAUSE_START.finditer(left)), default=0)
    return verb_before.search(left, cut) is not None


def _join_ranges(atoms: list[Atom], view: str, P: _Patterns) -> list[Atom]:
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.kind == "weekday" and i + 2 < len(atoms) and (run := _weekday_run(atoms, i, view, P)):
            out.append(run[0])
            i += run[1]
            continue
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            pair = _weekday_pair(a, b, view, P) if a.kind == "weekday" else None
            if pair is not None:
                out.append(pair)
                i += 2
                continue
            ca, cb = _precision_class(a), _precision_class(b)
            if ca == "day" and b.kind == "weekday" and (end := _weekday_after(a, b, view, P)) is not None:
                out.append(Atom(a.start, b.end, "date", a.a, end, joined="to"))
                i += 2
                continue
            if ca and ca == cb and a.a.cal == b.a.cal and _may_join(view, a.end, b.start):
                gap = view[a.end : b.start]
                joined = ""
                head = None
                # the "from"/"between" before the pair is looked for only when the gap joins them
                if P.range_gap.fullmatch(gap):
                    joined = "to"
                    head = P.from_before.search(view, max(0, a.start - 14), a.start)
                elif P.and_gap.fullmatch(gap) and not _second_clause(view, a.start, b.end, gap):
                    head = P.from_before.search(view, max(0, a.start - 14), a.start)
                    if ca == "day" or (head and head.group(0).lower().startswith("between")):
                        joined = "between" if head and head.group(0).lower().startswith("between") else "and"
                    elif ca == "month" and a.a.y is None and b.a.y is not None and b.a.m == a.a.m % 12 + 1:
                        joined = "and"  # two months in a row, the year written once ("in July and August 1988")
                if joined:
                    start = head.start() if head else a.start
                    pa, pb = _inherit(a.a, b.a)
                    out.append(Atom(start, b.end, a.kind if a.kind == b.kind else "date", pa, pb, joined=joined))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _weekday_after(a: Atom, b: Atom, view: str, P: _Patterns) -> Part | None:
    """"on the night of Tuesday, March 11, to Wednesday": the weekday that ends a range begun on a
    dated weekday is that day of the same week (Gregorian, within the month or into the next)."""
    if a.a is None or a.a.wd is None or a.a.cal != "g" or b.b is not None or b.a is None or b.a.wd is None \
            or b.rel != "on" or not P.range_gap.fullmatch(view[a.end : b.start]):
        return None
    delta = (b.a.wd - a.a.wd) % 7
    if not delta or a.a.m is None or a.a.d is None:
        return None
    last = calendar.monthrange(a.a.y or 2001, a.a.m)[1]
    if a.a.y is None and a.a.m == 2 and a.a.d + delta > 28:
        return None  # (a yearless February: its length is unknown)
    d, m, y = a.a.d + delta, a.a.m, a.a.y
    if d > last:
        d, m = d - last, m % 12 + 1
        y = y + 1 if y is not None and m == 1 else y
    return Part(y=y, m=m, d=d, wd=b.a.wd)


def _inherit(a: Part, b: Part) -> tuple[Part, Part]:
    """Years written once for both ends ("August 30 to September 2, 2020")."""
    if a.y is None and b.y is not None:
        y = b.y - 1 if a.m and b.m and a.m - b.m >= 6 else b.y
        a = a._replace(y=y)
    elif b.y is None and a.y is not None:
        y = a.y + 1 if a.m and b.m and a.m - b.m >= 6 else a.y
        b = b._replace(y=y)
    return a, b
