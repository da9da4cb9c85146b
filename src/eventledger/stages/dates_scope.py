"""Which date an event gets: the scope rules over ``doc.dates``.

Rules, in order (news structure: a dateline lede gives the period, later paragraphs list the
places, single incidents carry their own day):

1. a date in the same sentence governs it (the last one before the span; else the first
   inside or after it);
2. a date stated earlier in the paragraph carries forward;
3. a date in an earlier body paragraph of the same section carries forward until another
   date appears; a heading or caption stops it (quotes and boilerplate lines are passed over);
4. a caption or heading is dated only by its own date;
5. otherwise the document frame: in a report dated by a heading's period ("Weekly report,
   13–19 November 2023"), that period; in a report with a dateline, publication date or
   timestamp, the lede's date (the first dated paragraph), else the week ending on the
   anchor (low confidence); in a report dated only by its captions, the month of the caption dates when
   they agree on one month; else ``DateRange.unresolved()``.

Only mentions with role ``event`` govern; ``history``, ``period``, ``dateline`` and ``other``
never do.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..doc import DateMention, Doc
from ..models import DateRange, Span
from .dates_resolve import month_range, week_ending
from .lowered import lowered

#: a social-media post's platform time line under its text ("10:45 PM · Jan 8, 2026"): read
#: back from the date, on its own line. It dates the post above it: "tonight" is that day's, and
#: so is the post's first sentence, which names no day ("BREAKING: Security forces fired tear gas ...")
POST_STAMP_BEFORE = re.compile(r"(?:^|\n)[ \t]*[0-2]?[0-9]:[0-5][0-9](?:[ \u00a0]?[AaPp]\.?[Mm]\.?)?[ \u00a0]*·[ \u00a0]*\Z")

__all__ = ["NUMBER_WORDS", "DateIndex", "build_index", "event_date_for", "block_class", "INDEX_KEY", "split_by_aside",
           "dated_by_next_sentence", "dated_in_own_after_clause", "next_day_after", "next_day_before", "counted_from_another_day", "is_post_stamp", "POST_REACH"]

INDEX_KEY = "dates.index"
#: confidence of a date that comes from the document frame rather than the text near the event
FRAME_CONFIDENCE = 0.7
ANCHOR_WEEK_CONFIDENCE = 0.3
CAPTION_MONTH_CONFIDENCE = 0.5


def block_class(kind: str) -> str:
    """label (heading/caption: dated only by itself, stops carry-forward) | skip (quote,
    boilerplate: passed over) | body."""
    if kind in ("heading", "caption"):
        return "label"
    if kind in ("quote", "boilerplate"):
        return "skip"
    return "body"


@dataclass(frozen=True)
class DateIndex:
    starts: tuple[int, ...]  # paragraph start offsets
    ends: tuple[int, ...]
    classes: tuple[str, ...]  # block_class per paragraph
    governing: dict[int, tuple[DateMention, ...]]  # paragraph index -> event-role mentions
    frame: DateRange
    frame_spans: tuple[Span, ...]
    #: paragraph index -> its governing mentions' start offsets, for bisection (None when they
    #: are not in order); derived from ``governing``, so left out of the repr and comparisons
    governing_starts: dict[int, tuple[int, ...] | None] = field(default_factory=dict, repr=False, compare=False)
    #: "since Dec 28, when shopkeepers ...": (clause start, sentence end, the day) of each such clause
    since_when: tuple[tuple[int, int, DateRange, Span], ...] = field(default=(), repr=False, compare=False)
    #: "The raids came a week after a court sentenced ...": (clause start, sentence end, days, where the
    #: subject is) of each such clause; its day is counted from the subject's
    counted_from: tuple[tuple[int, int, int, int], ...] = field(default=(), repr=False, compare=False)

    def paragraph_of(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 else None


def paragraph_spans(doc: Doc) -> tuple[list[Span], list[str]]:
    """The lead's paragraphs, or lines when the segment stage has not run (tests, tools)."""
    if doc.paragraphs:
        return [p.span for p in doc.paragraphs], [p.kind for p in doc.paragraphs]
    spans, kinds, pos = [], [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append(Span(pos + lead, pos + len(line.rstrip())))
            kinds.append("body")
        pos += len(line) + 1
    return spans, kinds


def build_index(doc: Doc, classes: list[str] | None = None, dateline_par: int | None = None,
                period: DateRange | None = None, spans: list[Span] | None = None) -> DateIndex:
    """The index :func:`event_date_for` reads; ``spans`` and ``classes``: the paragraphs'
    spans and block classes when the caller has them (else from ``doc``)."""
    if spans is None or classes is None:
        spans, kinds = paragraph_spans(doc)
        if classes is None:
            classes = [block_class(k) for k in kinds]
    starts = tuple(s.start for s in spans)
    ends = tuple(s.end for s in spans)
    governing: dict[int, list[DateMention]] = {}
    period_days = (period.end - period.start).days if period is not None and period.start and period.end else None
    lede = {k for k, c in enumerate(classes) if c == "body"}
    # (a heading dated by one day, "Iran News in Brief – October 18, 2022", is no period a
    # lede's "on Monday and Tuesday" could restate)
    lede = set(sorted(lede)[:2]) if period_days else set()
    for m in doc.dates:
        if m.role != "event":
            continue
        i = bisect.bisect_right(starts, m.span.start) - 1
        if i in lede and _restates_period(m.range, period, period_days):  # type: ignore[arg-type]
            continue
        governing.setdefault(max(i, 0), []).append(m)
    gov = {k: tuple(v) for k, v in governing.items()}
    frame, frame_spans = _frame(doc, classes, gov, dateline_par, period)
    gov_starts = {}
    for k, ms in gov.items():
        offsets = tuple(m.span.start for m in ms)
        gov_starts[k] = offsets if all(a <= b for a, b in zip(offsets, offsets[1:])) else None
    return DateIndex(starts, ends, tuple(classes), gov, frame, frame_spans, gov_starts, _since_when(doc),
                     _counted_from(doc))


#: "came a week after", "followed two days after", "came three days before"
# ("five students were arrested a day after a sit-in on the campus": the sit-in the day before)
_CAME_AFTER = re.compile(r"\b(?:came|comes|come|followed|arrested|detained|summoned)\s+(?:just\s+|only\s+)?(?P<n>a|one|two|three|four|five|six|seven|"
                         r"eight|nine|ten|[1-9][0-9]?)\s+(?P<u>days?|weeks?)\s+(?P<ba>after|before)\s+", re.I)
#: small numbers written as words, for day counts ("four days after", "a five-day strike")
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


def _came_after_matches(view: str) -> list[re.Match[str]]:
    """``_CAME_AFTER.finditer(view)``, tried only where its verbs begin a word: under re.I a
    leading \\b gives the engine no literal to skip to, and the scan ran over every document."""
    low = lowered(view)
    if len(low) != len(view):  # (a few characters lower-case to two: offsets would not agree)
        return list(_CAME_AFTER.finditer(view))
    starts: set[int] = set()
    for verb in ("came", "come", "followed", "arrested", "detained", "summoned"):  # ("come" also finds "comes")
        pos = low.find(verb)
        while pos != -1:
            if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] == "_"):
                starts.add(pos)
            pos = low.find(verb, pos + 1)
    out = []
    end = -1
    for pos in sorted(starts):
        if pos < end:
            continue  # (finditer's matches do not overlap)
        m = _CAME_AFTER.match(view, pos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _counted_from(doc: Doc) -> tuple[tuple[int, int, int, int], ...]:
    """"The raids came a week after a Revolutionary Court in Isfahan sentenced X": what the clause
    after "a week after" tells happened a week before the raids' day."""
    view = doc.view or doc.text
    if " after " not in view and " before " not in view:
        return ()
    out = []
    for m in _came_after_matches(view):
        n = m.group("n").lower()
        days = (NUMBER_WORDS.get(n) or int(n)) * (7 if m.group("u").lower().startswith("week") else 1)
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        out.append((m.end(), sent.span.end, -days if m.group("ba").lower() == "after" else days, sent.span.start))
    # ("died on 24 April in a detention centre in Mahabad, four days after he was arrested at his
    # home": the arrest told after the count is that many days before the day of the clause before)
    if " days after " in view or " day after " in view:
        for m in _DAYS_AFTER_ARREST.finditer(view):
            sent = doc.sentence_at(m.start())
            if sent is not None:
                days = NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
                out.append((m.end(), sent.span.end, -days, sent.span.start))
    return tuple(out)


_DAYS_AFTER_ARREST = re.compile(r",\s+(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|[1-9][0-9]?)\s+days?\s+after\s+"
                                r"(?=(?:he|she|they)\s+(?:was|were|had\s+been)\s+(?:arrested|detained)\b"
                                # (the noun as well, set 69: "died in custody on January 16, four days
                                # after his arrest in the city")
                                r"|(?:his|her|their)\s+(?:arrest|detention)\b)", re.I)


def counted_from_another_day(doc: Doc, span: Span) -> bool:
    """Whether ``span`` is inside the clause after "came a week after", "arrested a day after"
    (an act of a day counted from the sentence's own)."""
    return any(lo <= span.start < hi for lo, hi, _, _ in _index(doc).counted_from)


#: ", when" right after a "since" date: the clause it opens tells what happened on that day
_WHEN_AFTER = re.compile(r",?\s+when\s")


def _since_when(doc: Doc) -> tuple[tuple[int, int, DateRange, Span], ...]:
    """"at least 11 journalists have been arrested since Dec 28, when shopkeepers in the
    bazaar shut their stores": the "since" date is the claim's period, and the day of the act
    the "when" clause tells."""
    view = doc.view or doc.text
    out = []
    for m in doc.dates:
        if m.role != "period" or m.range.start is None or "when" not in view[m.span.end : m.span.end + 8]:
            continue
        w = _WHEN_AFTER.match(view, m.span.end)
        if w is None:
            continue
        sent = doc.sentence_at(m.span.start)
        end = sent.span.end if sent is not None else w.end()
        s = m.range.start
        if any(c.isdigit() for c in m.text.replace(str(s.year), "")):
            r = DateRange(s, s, "day", m.range.confidence, ("since_when",))
        else:
            a, b = month_range(s.year, s.month)
            r = DateRange(a, b, "month", m.range.confidence, ("since_when",))
        out.append((w.end(), end, r, m.span))
    return tuple(out)


def _restates_period(r: DateRange, period: DateRange, period_days: int) -> bool:
    """In a report dated by a heading's period ("Activities, 28 December 2023 – 3 January
    2024"), a vaguer date in the lede that overlaps it ("in the last days of December and the
    first days of January") restates the period: it does not govern, so that the events it
    would date take the period (the frame) instead."""
    return (r.precision != "day" and r.start is not None and r.end is not None and r.overlaps(period)
            and (r.end - r.start).days > period_days)


def _frame(doc: Doc, classes: list[str], gov: dict[int, tuple[DateMention, ...]],
           dateline_par: int | None, period: DateRange | None = None) -> tuple[DateRange, tuple[Span, ...]]:
    anchor = doc.anchor
    if anchor.date is None:
        return DateRange.unresolved("no_anchor"), ()
    if anchor.source == "heading" and period is not None and period.start is not None:
        # "Weekly report ..., 13–19 November 2023": the period the report says it covers
        flags = tuple(dict.fromkeys(period.flags + ("document_frame", "heading_period")))
        return (DateRange(period.start, period.end, period.precision, min(period.confidence, FRAME_CONFIDENCE), flags),
                (anchor.span,) if anchor.span else ())
    if anchor.source in ("published", "dateline", "timestamp", "heading"):
        # the lede: the dateline paragraph, else the first two body paragraphs
        if dateline_par is not None:
            lede = [dateline_par]
        else:
            # (not a bullet's own streak: "- Shush: workers went on strike for a third day" under
            # "Protests across Iran on Tuesday" is that item's, the title's day the list's)
            lede = [i for i, c in enumerate(classes) if c == "body"][:2]
            if any(_is_list_item(doc, i) for i in lede):
                lede = [i for i in lede if not _is_list_item(doc, i)]
        for i in lede:
            for m in gov.get(i, ()):
                r = m.range
                if r.start is not None and r.precision in ("day", "range", "week"):
                    flags = tuple(dict.fromkeys(r.flags + ("document_frame",)))
                    return DateRange(r.start, r.end, r.precision, min(r.confidence, FRAME_CONFIDENCE), flags), (m.span,)
        # ("HRANA Daily Report – 14 January 2026" over "Published 15 January 2026"): the day a title
        # line names, shortly before the publication, is the day the report covers
        for i, c in enumerate(classes[:4]):
            if c == "body":
                break
            for m in gov.get(i, ()):
                r = m.range
                if r.start is not None and r.precision == "day" and 0 <= (anchor.date - r.start).days <= 3:
                    flags = tuple(dict.fromkeys(r.flags + ("document_frame", "title_day")))
                    return DateRange(r.start, r.end, "day", min(r.confidence, FRAME_CONFIDENCE), flags), (m.span,)
        s, e = week_ending(anchor.date)
        return DateRange(s, e, "week", ANCHOR_WEEK_CONFIDENCE, ("anchor_week",)), ((anchor.span,) if anchor.span else ())
    # dated only by captions/body dates: the month they agree on
    label_ms, body_ms = [], []
    for i, ms in gov.items():
        for m in ms:
            if m.range.start is None:
                continue
            (label_ms if classes[i] == "label" else body_ms).append(m)
    chosen = label_ms or body_ms
    months = {(m.range.start.year, m.range.start.month) for m in chosen} | {
        (m.range.end.year, m.range.end.month) for m in chosen}
    if len(months) == 1:
        y, mo = months.pop()
        s, e = month_range(y, mo)
        return DateRange(s, e, "month", CAPTION_MONTH_CONFIDENCE, ("caption_month",)), tuple(m.span for m in chosen)
    return DateRange.unresolved("no_date_in_scope"), ()


def _index(doc: Doc) -> DateIndex:
    idx = doc.extras.get(INDEX_KEY)
    if not isinstance(idx, DateIndex):
        idx = build_index(doc)
        doc.extras[INDEX_KEY] = idx
    return idx


def _in_sentence(cands: list[DateMention] | tuple[DateMention, ...], span: Span) -> DateMention:
    inside = [m for m in cands if span.contains(m.span)]
    if inside:
        return inside[0]  # an evidence clause that states its own date ("on August 6, they ...")
    before = [m for m in cands if m.span.start <= span.start]
    if before:
        return before[-1]
    return cands[0]  # inside or after the span


def _in_sentence_sorted(mentions: tuple[DateMention, ...], offsets: tuple[int, ...], lo: int, hi: int,
                        span: Span) -> DateMention:
    """:func:`_in_sentence` of ``mentions[lo:hi]`` when ``offsets`` (their starts) are in order:
    the same choice by bisection (assembly asks for dozens of spans per report)."""
    k = bisect.bisect_left(offsets, span.start, lo, hi)
    while k < hi and offsets[k] < span.end:  # the first mention inside the span
        if mentions[k].span.end <= span.end:
            return mentions[k]
        k += 1
    k = bisect.bisect_right(offsets, span.start, lo, hi) - 1  # else the last one before it
    return mentions[k if k >= lo else lo]


#: "announced ... on Monday", "said on Sunday": the date a statement was made ("The police chief,
#: quoted by IRNA on June 5, said ...")
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|stated|declared|confirmed|quoted|told\s+[\w ]{1,30}?)\b[^.;:,\n]{0,80}$", re.I)


def _act_date_after_statement(doc: Doc, in_sent: tuple[DateMention, ...], span: Span, m: DateMention) -> DateMention:
    """"It was announced on Monday that 43 people had been arrested in Zahedan over the past 72
    hours": the date after the place is the act's; the one before it, the statement's."""
    for after in in_sent:  # (a loop, not next() over a generator: this runs for most dated acts)
        if after.span.start >= span.end:
            break
    else:
        return m
    view = doc.view or doc.text
    if not _STATEMENT_BEFORE.search(view, max(0, m.span.start - 110), m.span.start):
        return m
    return after


#: "in Rasht on Tuesday, June 9, and in Kermanshah on Wednesday, June 10": "on" and the date right after a place
# (or in brackets, or after a dash: "in Tehran (November 10), Mashhad (November 11) and ...",
# "in Tehran – November 10, Mashhad – November 11")
_TIED_GAP = re.compile(r"\s+on\s+(?:the\s+)?|\s*\(\s*(?:on\s+)?|\s+[–—-]\s+")


#: a day counted from the one just named, right after a verb ("who had led a strike on Monday,
#: July 20, were arrested the next day"); a place word that points back may stand between
#: ("... shot dead three porters on Sunday, and hundreds protested in the town the next day")
_NEXT_DAY_AFTER = re.compile(r"(?:\s+(?:in|at)\s+the\s+(?:same\s+)?(?:town|city|village|area|streets)|\s+there|\s+again)?"
                             r"(?:\s+(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|evening|night)\b|\s+(?:a|one)\s+day\s+later\b)",
                             re.I)


def next_day_after(doc: Doc, span: Span) -> DateMention | None:
    """The "the next day" written right after a trigger: that act's own day, though the place
    before it is dated by the day just named (the strike's, in the example above)."""
    view = doc.view or doc.text
    m = _NEXT_DAY_AFTER.match(view, span.end)
    if m is None:
        return None
    return next((x for x in doc.dates if span.end <= x.span.start < m.end() and x.role == "event"), None)


#: "the next day" opening the act's own clause before its trigger: "shopkeepers in Tabriz's bazaar
#: closed their shops on Monday, and the next day three of them were arrested"
_NEXT_DAY_BEFORE = re.compile(r"(?:,\s+|;\s+|\band\s+)(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|evening|night)\b,?\s+"
                              r"(?:[\w'\u2019-]+\s+){0,5}\Z", re.I)


def next_day_before(doc: Doc, span: Span, after: int) -> DateMention | None:
    """The "the next day" that opens the trigger's own clause (after the place at ``after``): that
    act's own day, though the place before it is dated by the day of the clause before."""
    view = doc.view or doc.text
    lo = max(after, span.start - 70)
    m = _NEXT_DAY_BEFORE.search(view, lo, span.start)
    if m is None:
        return None
    return next((x for x in doc.dates if m.start() <= x.span.start < span.start and x.role == "event"), None)


#: the next sentence opening on the same act by its noun: "... were each sentenced to five years. The
#: sentence was communicated to them on Saturday, June 8."; after an opening phrase: "According to his
#: brother, the sentence was communicated to his lawyer on January 28."
_SAME_ACT_NEXT = {
    "sentence": re.compile(r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er) (?:sentences?|verdicts?|ruling) (?:was|were|had been) "),
    "arrest": re.compile(r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er) (?:arrests?|detentions?) (?:was|were|took place|happened) "),
    "execution": re.compile(r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er) (?:executions?|hangings?) (?:was|were|took place) "),
    # the material of a symbolic act ("... wrote on walls: '...'. The slogans appeared on Thursday and Friday")
    "symbolic_action": re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]heir) (?:slogans?|graffiti|banners?|posters?|leaflets?|writings?) "
                                  r"(?:appeared|were (?:written|put up|hung|seen|spotted|painted|sprayed|distributed|found)) "),
}


def dated_by_next_sentence(doc: Doc, sub: str, sentence_index: int) -> DateMention | None:
    """An act told with no day of its own, whose next sentence of the same paragraph names it by its
    noun with one day ("The sentence was communicated to them on Saturday, June 8"): that day."""
    pat = _SAME_ACT_NEXT.get(sub)
    if pat is None or sentence_index + 1 >= len(doc.sentences):
        return None
    sent, nxt = doc.sentences[sentence_index], doc.sentences[sentence_index + 1]
    if nxt.paragraph != sent.paragraph or not pat.search(doc.view or doc.text, nxt.span.start, min(nxt.span.end, nxt.span.start + 80)):
        return None
    own = [x for x in doc.dates if sent.span.start <= x.span.start < sent.span.end and x.role == "event"]
    told = [x for x in doc.dates if nxt.span.start <= x.span.start < nxt.span.end and x.role == "event"]
    if own or len(told) != 1 or told[0].range.precision not in (("day", "range") if sub == "symbolic_action" else ("day",)):
        return None
    return told[0]


#: two days of one mention joined by "and" ("on Monday and Tuesday", "on November 10 and 12")
_TWO_DAYS = re.compile(r"[^,;]+?\s+and\s+[^,;]+")


def _respectively(doc: Doc, in_sent, span: Span, s_start: int, s_end: int) -> tuple[DateRange, tuple[Span, ...]] | None:
    """"posters in Tehran and Mashhad on Monday and Tuesday, respectively": the n-th event place
    before "respectively" takes the n-th day (separate mentions, or the two ends of one "A and B")."""
    view = doc.view or doc.text
    k = view.find("respectively", s_start, s_end)
    places = [p.span.start for p in doc.places if s_start <= p.span.start < k and p.role == "event"]
    if span.start not in places or len(places) < 2:
        return None
    i = places.index(span.start)
    parts: list[tuple[dt.date | None, DateMention]] = []
    for m in in_sent:
        if m.role != "event" or m.span.start >= k:
            continue
        if m.range.precision == "range" and m.range.start is not None and _TWO_DAYS.fullmatch(m.text):
            parts += [(m.range.start, m), (m.range.end, m)]  # ("November 11 and November 12": one mention, two days)
        else:
            parts.append((None, m))
    if len(parts) != len(places):
        return None
    day, m = parts[i]
    if day is None:
        return m.range, (m.span,)
    return DateRange(day, day, "day", m.range.confidence, m.range.flags + ("respectively",)), (m.span,)


def _tied_after(doc: Doc, in_sent, span: Span) -> DateMention | None:
    """The date a place names right after it ("in Kermanshah on Wednesday, June 10"): that
    place's day, though an earlier date of the sentence is another place's."""
    view = doc.view or doc.text
    for x in in_sent:
        if x.span.start >= span.end:
            return x if _TIED_GAP.fullmatch(view, span.end, x.span.start) else None
    return None


#: what opens a clause of its own: a semicolon, ", and", ", while", ", whereas", ", but"
_CLAUSE_OPENER = re.compile(r";|,\s+(?:and|while|whereas|but)\s", re.I)


#: a clause of what happened before the act it follows ("were arrested on Monday after a group of
#: young men chanted slogans ... on Sunday night"): a subject and its own day
_AFTER_OPENER = re.compile(r"\b(?:after|before)\s+(?:a|an|the|some|several|dozens|hundreds|their|his|her)\s", re.I)


def dated_in_own_after_clause(doc: Doc, place: Span, act: Span) -> bool:
    """The act, told after its place, is in an "after ..." clause that states its own day ("In
    Kuhdasht, 12 people were arrested on Monday after a group of young men chanted slogans in the
    main square on Sunday night"): the act's clause dates it, not the place's first clause."""
    view = doc.view or doc.text
    opener = _opener_between(view, place, act, _AFTER_OPENER, 200)
    if opener is None:
        return False
    stop = len(view)
    for c in (",", ";", "."):
        k = view.find(c, act.end, stop)
        if k != -1:
            stop = k
    return _event_date_in(doc, act.end, stop) and _event_date_in(doc, place.end, opener.start())


def _opener_between(view: str, place: Span, act: Span, pattern: re.Pattern[str], reach: int) -> re.Match[str] | None:
    """The last clause opener (``pattern``) between a place and the act told after it, at most
    ``reach`` characters on; None when the act comes first or farther."""
    if act.start <= place.end or act.start - place.end > reach:
        return None
    found = None
    for found in pattern.finditer(view, place.end, act.start):
        pass
    return found


def _event_date_in(doc: Doc, lo: int, hi: int) -> bool:
    """Does an event date of ``doc`` start in ``[lo, hi)``?"""
    return any(lo <= m.span.start < hi and m.role == "event" for m in doc.dates)


def dated_in_own_and_clause(doc: Doc, place: Span, act: Span) -> bool:
    """The act is told in a clause of its own (", and", "; ") after its place's clause, and each
    clause states its own day ("In Mashhad, a unit projected ... on Tuesday, and on Wednesday
    young people ... burned a poster of Raisi"): the act's clause dates it, not the place's."""
    opener = _opener_between(doc.view or doc.text, place, act, _CLAUSE_OPENER, 240)
    if opener is None:
        return False
    # (the act's clause names no other town: "on Sunday in A, on Monday in B, and on Tuesday in C
    # gathered ...": the list's clauses share the act, each with its own day)
    town = next((p.place.canonical for p in doc.places if p.span.start == place.start and p.place is not None), None)
    if town is None or any(opener.end() <= p.span.start < act.start and p.role == "event" and p.place is not None
                           and p.place.canonical != town for p in doc.places):
        return False
    return _event_date_in(doc, opener.end(), act.start) and _event_date_in(doc, place.end, opener.start())


def _date_of_own_clause(doc: Doc, in_sent: tuple[DateMention, ...], span: Span, m: DateMention) -> DateMention:
    """"Four prisoners were hanged on Wednesday in Isfahan, and one was hanged in Birjand on
    Thursday": a place in a clause of its own takes the date written after it in that clause,
    not the first clause's date (so does an act told in an "after ..." clause of its own)."""
    view = doc.view or doc.text
    if not _CLAUSE_OPENER.search(view, m.span.end, span.start) and not _AFTER_OPENER.search(view, m.span.end, span.start):
        return m
    after = next((x for x in in_sent if x.span.start >= span.end), None)
    if after is None or _CLAUSE_OPENER.search(view, span.end, after.span.start):
        return m
    return after


#: ", a young man shot dead by police in Hamidiyeh in <date>,": an appositive telling a past act
_PAST_APPOSITIVE = re.compile(
    r",\s+(?:an?|who|whose)\s+(?:(?!\band\b)[^,;()]){0,60}?\b(?:shot\s+dead|killed|died|executed|hanged|arrested|detained)\b"
    r"(?:(?!\band\b|\bon\s)[^,;()]){0,60}(?:\bon\s+)?$", re.I)


def _past_appositive(doc: Doc, in_sent, span: Span, m: DateMention) -> DateMention:
    """"On Sunday, a ceremony for X, a young man shot dead by police in late October, became a
    protest": the date inside the appositive dates the death it tells, not the acts after it
    (they keep the sentence's date before it); the death inside it keeps the appositive's date."""
    view = doc.view or doc.text
    if m.span.end <= span.start:
        if "," not in view[m.span.end : m.span.end + 2]:
            return m
        opened = view.rfind(",", max(0, m.span.start - 140), m.span.start)
        if opened == -1 or not _PAST_APPOSITIVE.match(view, opened, m.span.start):
            return m
        before = [x for x in in_sent if x.span.end <= opened]
        return before[-1] if before else m
    return m


#: "... to the rally held in Berlin on Saturday, June 28": the day of a gathering the sentence names
_HELD_ON = re.compile(r"\bheld\s+(?:(?:in|at)\s+(?:[\w'-]+\s+){1,3})?on\s+$", re.I)


def _held_day_in_range(doc: Doc, mentions, m: DateMention) -> DateMention:
    """"In the week from June 23 to June 29, units recorded messages to the rally held in Berlin
    on Saturday, June 28. The messages came from ...": the day of the gathering the messages were
    for dates that gathering only; the next sentences carry the sentence's own range around it."""
    r = m.range
    if r.precision != "day" or r.start is None:
        return m
    view = doc.view or doc.text
    before = view[max(0, m.span.start - 60) : m.span.start]
    if "held" not in before or not _HELD_ON.search(before):
        return m
    sent = doc.sentence_at(m.span.start)
    if sent is None:
        return m
    ranges = [x for x in mentions if x is not m and sent.span.start <= x.span.start < m.span.start
              and x.range.start is not None and x.range.end is not None and x.range.start < x.range.end
              and x.range.start <= r.start <= x.range.end]
    return ranges[-1] if ranges else m


def _inside_past_appositive(doc: Doc, in_sent, span: Span, m: DateMention) -> DateMention:
    """The past act inside such an appositive takes the appositive's own date after it."""
    view = doc.view or doc.text
    if m.span.end > span.start:
        return m
    opened = view.rfind(",", m.span.end, span.start)
    if opened == -1:
        return m
    after = next((x for x in in_sent if x.span.start >= span.end), None)
    if after is None or "," not in view[after.span.end : after.span.end + 2] \
            or "," in view[opened + 1 : after.span.start] or not _PAST_APPOSITIVE.match(view, opened, after.span.start):
        return m
    return after


def _day_within_week(doc: Doc, mentions, m: DateMention) -> DateMention:
    """"As every Sunday, pensioners gathered this week in ...": a week ("this week") and a day
    inside it in one sentence date its acts by the day, the finer of the two."""
    r = m.range
    if r.precision != "week" or r.start is None or r.end is None:
        return m
    sent = doc.sentence_at(m.span.start)
    if sent is None:
        return m
    days = [x for x in mentions if x is not m and x.range.precision == "day" and x.range.start is not None
            and sent.span.start <= x.span.start < sent.span.end and r.start <= x.range.start <= r.end]
    if len(days) == 1:
        # (not the day a source spoke: "the police chief said on Tuesday that 120 people had been arrested
        # ... over the past week")
        view = doc.view or doc.text
        if _SAID_ON.search(view, max(sent.span.start, days[0].span.start - 40), days[0].span.start):
            return m
    return days[0] if len(days) == 1 else m


#: ", where two men were detained last week," / ", where the official ceremony was held on Sunday.":
#: a relative clause that tells what else happened at the place just named
_WHERE_OPEN = re.compile(r",\s+where\s", re.I)
_ASIDE_END = re.compile(r"[,;]")


def where_aside(doc: Doc, span: Span) -> tuple[int, int] | None:
    """The bounds of the ", where ..." clause holding ``span`` (it ends at the next comma or the
    sentence's end), else None."""
    view = doc.view or doc.text
    sent = doc.sentence_at(span.start)
    if sent is None:
        return None
    lo = max(sent.span.start, span.start - 160)
    opens = list(_WHERE_OPEN.finditer(view, lo, span.start))
    if not opens:
        return None
    start = opens[-1].start()
    if _ASIDE_END.search(view, opens[-1].end(), span.start):
        return None  # the clause closed before the span
    end = _ASIDE_END.search(view, span.end, sent.span.end)
    return start, (end.start() if end else sent.span.end)


def split_by_aside(doc: Doc, a: Span, b: Span) -> bool:
    """One of ``a`` and ``b`` sits in a ", where ..." clause and the other outside it (a place
    named in the clause, the act after it: "In Mashhad, where the units wrote slogans in the
    Golshahr district on Friday, a young man was detained on Saturday")."""
    view = doc.view or doc.text
    if ", where" not in view and ", Where" not in view:
        return False
    return where_aside(doc, a) != where_aside(doc, b)


def _outside_asides(doc: Doc, mentions, span: Span) -> tuple[DateMention, ...]:
    """The mentions that may date ``span``: a date inside a ", where ..." clause dates only the
    acts inside that clause ("In Mashhad, where the units wrote slogans on Friday, a young man
    was detained on Saturday": the detention is Saturday's; the slogans, Friday's)."""
    view = doc.view or doc.text
    if ", where" not in view and ", Where" not in view:
        return tuple(mentions)
    kept, own = [], []
    for x in mentions:
        aside = where_aside(doc, x.span)
        if aside is None or aside[0] <= span.start < aside[1]:
            kept.append(x)
            if aside is not None:
                own.append(x)
    # an act inside the clause with a date of its own there is dated by it alone ("where two men
    # were detained last week ..., the wall was covered with graffiti by Sunday": last week's)
    return tuple(own or kept)


#: a strike told as ongoing ("have been on strike since Saturday", "strike entered its third day")
_ONGOING_STRIKE_BEFORE = re.compile(r"\b(?:on\s+strike|strik(?:e|es|ing)|stoppage|walkout)\b[^.;]{0,30}\Z", re.I)
#: the same strike told again by its sites ("workers had downed tools at more than 30 sites, including ...")
_STRIKE_RESTATED = re.compile(r"\b(?:downed\s+tools|stopped\s+work|walked\s+out|(?:were|was|are|is|had\s+been|have\s+been)\s+on\s+strike)\b", re.I)


def _carried(m: DateMention, doc: Doc | None = None, span: Span | None = None) -> tuple[DateRange, tuple[Span, ...]]:
    """The date an earlier sentence's mention gives a later one. An ongoing action ("went on
    strike for a third day on Saturday") spans its own days; what the next sentences tell
    ("The workers gathered outside the governor's office") happened on the day named, unless
    the next sentence tells the same strike by its sites ("have been on strike since Saturday
    ... / ... workers had downed tools at more than 30 sites, including Asaluyeh"): its days."""
    r = m.range
    if r.end is not None and "ongoing" in r.flags and doc is not None and span is not None:
        view = doc.view or doc.text
        sent = doc.sentence_at(span.start)
        if sent is not None and _ONGOING_STRIKE_BEFORE.search(view, max(0, m.span.start - 40), m.span.start) \
                and _STRIKE_RESTATED.search(view, sent.span.start, sent.span.end):
            return r, (m.span,)
    if r.end is not None and "ongoing" in r.flags:
        r = DateRange(r.end, r.end, "day", r.confidence, tuple(f for f in r.flags if f != "ongoing"))
    return r, (m.span,)


#: what a section heading may say besides its day ("Wednesday night", "Friday, 3 May — evening")
#: (a post's clock time may head it with its day: "23:10 (Friday)" over a channel's post)
_DAY_HEADING_REST = re.compile(r"[\W_]*(?:(?:on|the|of|night|nights|evening|morning|afternoon|dawn"
                               r"|(?<!\d)[0-2]?[0-9][:.][0-5][0-9](?:\s*[ap]\.?m\.?)?)\b[\W_]*)*", re.I)


def _is_list_item(doc: Doc, i: int) -> bool:
    paras = doc.paragraphs
    return bool(paras) and i < len(paras) and paras[i].kind == "list_item"


#: a digest's item led by its category ("Sentences: The Revolutionary Court of Sanandaj has sentenced ...",
#: "Protest: Residents of Dehgolan gathered on Saturday ..."): items of one list, each dated on its own
_CATEGORY_ITEM = re.compile(
    r"(?:Arrests?|Arrests and summons|Summons(?:es)?|Detentions?|Executions?|Death sentences?|Sentences?|Verdicts?|"
    r"Floggings?|Labou?r|Workers|Strikes?|Protests?|Prisons?|Prisoners|Kolbars?|Fuel porters|Porters|"
    r"Deaths? in custody|Hunger strikes?|Women|Students|Teachers|Retirees|Religious minorities|Baha'?is|Courts?)"
    r"(?: and [a-z]+)?: [A-Z]")


def _is_category_item(doc: Doc, i: int) -> bool:
    paras = doc.paragraphs
    if not paras or i >= len(paras):
        return False
    s = paras[i].span.start
    return _CATEGORY_ITEM.match(doc.view or doc.text, s) is not None


def _day_heading(doc: Doc, idx: DateIndex, q: int) -> DateMention | None:
    """The date of a heading that is nothing but a day ("Wednesday night", "10 March"): it
    dates the section it opens, as a dateline lede dates its report (rule 3 for sections)."""
    mentions = idx.governing.get(q)
    if not mentions or len(mentions) > 2:
        return None
    m = mentions[0]
    start, end = idx.starts[q], idx.ends[q]
    if end - start > 40 or m.range.start is None:
        return None
    text = doc.text
    head = text[start : m.span.start]
    if "–" in head or "—" in head or " - " in head:
        head = _towns_before_dash(doc, start, m.span.start)  # "Tehran – Wednesday, June 19"
    if len(mentions) == 2:
        # "Wednesday (18 Tir)": a weekday and the date it falls on, one day written twice
        n = mentions[1]
        if n.range.start != m.range.start or n.range.end != m.range.end:
            return None
        rest = head + " " + text[m.span.end : n.span.start] + " " + text[n.span.end : end]
    else:
        rest = head + " " + text[m.span.end : end]
    return m if _DAY_HEADING_REST.fullmatch(rest) else None


#: what is left of a sample report's heading "Tehran and Karaj – Wednesday, June 19" once its
#: towns are taken out: the towns' joins and the dash before the day
_TOWNS_DASH = re.compile(r"[\s,]*(?:(?:and|&)[\s,]*)*[–—-]\s*")


def _towns_before_dash(doc: Doc, start: int, stop: int) -> str:
    """The text of a heading before its day with a leading "Town(s) – " taken out, when all that
    stands before the dash is towns: the heading dates its section like a bare day heading."""
    text = doc.text
    pos, kept = start, []
    for pm in sorted((pm for pm in doc.places if start <= pm.span.start and pm.span.end <= stop),
                     key=lambda pm: pm.span.start):
        kept.append(text[pos : pm.span.start])
        pos = pm.span.end
    if pos == start:
        return text[start:stop]
    kept.append(text[pos:stop])
    if not all(not k.strip() or re.fullmatch(r"[\s,]*(?:and|&)?[\s,]*", k) for k in kept[:-1]) \
            or not _TOWNS_DASH.fullmatch(kept[-1]) or kept[0].strip():
        return text[start:stop]
    return ""


def _alt_text_line(doc: Doc, idx: DateIndex, q: int) -> bool:
    """A scraped photo's alt text: one short line in lower case ("resistance units banner tehran june 19")."""
    line = doc.text[idx.starts[q] : idx.ends[q]].strip()
    return 0 < len(line) <= 120 and "\n" not in line and line == line.lower() and any(ch.isalpha() for ch in line)


#: a full date closing a photo's alt text ("... karaj august 18 2022"): month, day and year
_ALT_TEXT_FULL_DATE = re.compile(r"[a-z]+ [0-3]?[0-9],? (?:19|20)[0-9]{2}\s*\Z")


def _alt_text_day(doc: Doc, idx: DateIndex, q: int) -> DateMention | None:
    """The day a photo's lower-case alt text ends on, when it is the line's only date and a full
    one ("resistance units arson mashhad judiciary may 4 2026"): the scraped page's caption dates
    the undated item below it. A day after the report's own is no such date."""
    mentions = idx.governing.get(q)
    if not mentions or len(mentions) != 1 or not _alt_text_line(doc, idx, q):
        return None
    m = mentions[0]
    r = m.range
    if r.start is None or r.precision != "day" or doc.text[m.span.end : idx.ends[q]].strip() \
            or not _ALT_TEXT_FULL_DATE.search(doc.text, idx.starts[q], idx.ends[q]):
        return None
    anchor = doc.anchor
    if anchor is not None and anchor.date is not None and r.start > anchor.date:
        return None
    return m


#: a heading that is only a clock time ("10:40" over a channel's post)
_CLOCK_HEADING = re.compile(r"\s*[0-2]?[0-9][:.][0-5][0-9](?:\s*[ap]\.?m\.?)?\s*", re.I)


def _clock_heading_day(doc: Doc, idx: DateIndex, q: int) -> tuple[DateRange, tuple[Span, ...]] | None:
    """A post headed only by its clock time, in a roundup dated by its own day ("Roundup for
    Saturday, 13 December 2025"; the posts of the night before are marked "23:10 (Friday)"): the
    post is of the report's day, not of the whole period its title names."""
    anchor = doc.anchor
    if anchor is None or anchor.date is None or idx.governing.get(q) \
            or not _CLOCK_HEADING.fullmatch(doc.text, idx.starts[q], idx.ends[q]):
        return None
    return DateRange(anchor.date, anchor.date, "day", 0.8, ("clock_heading",)), ((anchor.span,) if anchor.span else ())


def _timed_entry_day(doc: Doc, idx: DateIndex, p: int) -> tuple[DateRange, tuple[Span, ...]] | None:
    """A live blog's entry with no date of its own ("11:30 – Students ... are holding sit-ins"), in a
    report dated by a day: the blog's day, not the day an entry above it told ("10:50 – ... on
    Saturday night"); each entry is stamped by its clock time on the page's day."""
    from .dates import TIMED_ENTRY

    anchor = doc.anchor
    if anchor is None or anchor.date is None or anchor.source not in ("heading", "dateline") \
            or not TIMED_ENTRY.match(doc.view or doc.text, idx.starts[p]):
        return None
    return DateRange(anchor.date, anchor.date, "day", 0.8, ("timed_entry",)), ((anchor.span,) if anchor.span else ())


#: a paragraph or sentence that opens on an occasion told before ("After the ceremony, mourners
#: marched ..."): it happened on that occasion's day, not on the last day named
# ("On the day of the hearing, some two hundred Iranians rallied outside the Parliament": the day
# the report gave the hearing, "The Subcommittee heard four witnesses on 25 March", however far back)
_AFTER_OCCASION = re.compile(r"\s*(?:After|Following|At the end of|(?P<on>On the day of)) the (?:[\w'’-]+ ){0,2}?(?P<noun>ceremony|funeral|burial|memorial|"
                             r"service|rally|prayers|gathering|vigil|march|sermon|commemoration|chehelom|"
                             r"(?<=On the day of the )(?:hearing|trial|session|summit|conference))\b")
#: the verb that tells an occasion named by its noun ("the hearing" / "heard four witnesses on 25 March")
_OCCASION_VERBS = {"hearing": "hearing|heard", "trial": "trial|tried", "session": "session|met"}


#: a sentence dated by the day of a vote the report has dated ("On election day, youths set fire to
#: campaign banners" after "As the regime held its parliamentary election on Friday")
#: (or its night: "On election night, rebellious youths set fire to a poster of Raisi")
_ON_VOTE_DAY = re.compile(r"\s*On (?:the )?(?:(?:election|polling|voting) (?:day|night)|(?:day|night) of the (?:vote|election|polls))\b", re.I)
#: the vote named right before its date ("held its sham parliamentary election on Friday", "the
#: vote on March 1") or right after it ("the March 1 elections", "Friday's vote")
#: (also "the parliamentary election of Friday, February 21")
#: (and the day the polls closed or opened: "When the polls closed on Friday night")
_VOTE_BEFORE_DATE = re.compile(r"\b(?:elections?|vote|polls)\s+(?:(?:(?:was|were|is|will be)\s+held\s+|closed\s+|opened\s+)?on|of)\s+\Z", re.I)
_VOTE_AFTER_DATE = re.compile(r"(?:['’]s)?\s+(?:(?:parliamentary|presidential|general|municipal|local)\s+)?(?:elections?|vote|polls)\b", re.I)


def _vote_date(doc: Doc, idx: DateIndex, span: Span) -> DateMention | None:
    """The latest date before ``span`` that the report ties to a vote (see _VOTE_BEFORE_DATE)."""
    view = doc.view or doc.text
    found = None
    for mentions in idx.governing.values():
        for x in mentions:
            if x.span.start >= span.start or x.range.start is None or x.range.precision != "day":
                continue
            if _VOTE_BEFORE_DATE.search(view, max(0, x.span.start - 40), x.span.start) \
                    or _VOTE_AFTER_DATE.match(view, x.span.end):
                if found is None or x.span.start > found.span.start:
                    found = x
    return found
_FUNERAL_WORDS = frozenset({"funeral", "burial"})
_DEATH_BEFORE_DATE = re.compile(r"\b(?:died|killed|shot|executed|hanged)\b[^.;]{0,40}\Z", re.I)


def _occasion_date(doc: Doc, idx: DateIndex, span: Span, p: int) -> DateMention | None:
    """The date of the occasion an undated sentence (or its paragraph) opens after: the latest
    date, in this or the two paragraphs before, whose sentence names the same occasion (for a
    vote's day, the date the report gives the vote; for "On the day of the hearing", the latest
    date anywhere before that the occasion's word or verb comes just before)."""
    view = doc.view or doc.text
    sent = doc.sentence_at(span.start)
    opens = [sent.span.start] if sent is not None else []
    opens.append(idx.starts[p])
    m = next((x for x in (_AFTER_OCCASION.match(view, o) for o in opens) if x is not None), None)
    if m is None:
        if any(_ON_VOTE_DAY.match(view, o) for o in opens):
            return _vote_date(doc, idx, span)
        return None
    word = m.group("noun").lower()
    # (a burial is the funeral's: "The funeral ... turned into a protest on Tuesday ... After the burial, ...")
    noun = re.compile(r"\b(?:funeral|burial)\b" if word in _FUNERAL_WORDS else rf"\b(?:{_OCCASION_VERBS.get(word, word)})\b", re.I)
    for q in range(p, -1 if m.group("on") else max(-1, p - 3), -1):
        for x in reversed(idx.governing.get(q) or ()):
            if x.span.start >= m.start() or x.range.start is None:
                continue
            s2 = doc.sentence_at(x.span.start)
            if s2 is None:
                continue
            # (for "On the day of the hearing", the day told with the occasion's own word just before it)
            lo, hi = (max(s2.span.start, x.span.start - 40), x.span.start) if m.group("on") else (s2.span.start, s2.span.end)
            if noun.search(view, lo, hi) \
                    and not _DEATH_BEFORE_DATE.search(view, max(s2.span.start, x.span.start - 60), x.span.start):
                return x  # (not the day of the death the funeral is for: "a porter who died last week")
    return None


def _photo_caption(doc: Doc, idx: DateIndex, p: int, by_town: bool, at: Span | None = None) -> DateMention | None:
    """The day of the photo caption that follows the undated paragraph ``p``, which dates the
    photo's text above it. The caption is the first dated label after ``p``; dateless labels
    (the picture's alt text) are passed over, and a body paragraph ends the search. It counts
    when laid out as "<place>[, <finer place>], <date>" (:func:`.place_sections.caption_line`)
    right below ``p``, or (``by_town``: asked only once no earlier paragraph dates ``p``) when it
    names the one town ``p`` names ("In Yazd, a banner hung ..." above "Yazd – Banner on a
    pedestrian overpass – March 12, 2024"; a paragraph on several towns is not dated by one
    town's photo)."""
    if idx.classes[p] != "body":
        return None
    for q in range(p + 1, min(len(idx.classes), p + 4)):
        c = idx.classes[q]
        if c == "body":
            return None
        if c != "label" or not idx.governing.get(q):
            continue
        mentions = idx.governing[q]
        if q == p + 1 and idx.ends[q] - idx.starts[q] <= 80:
            from .place_sections import caption_line

            got = caption_line(doc.view or doc.text, Span(idx.starts[q], idx.ends[q]), doc.places, mentions)
            if got is not None:
                return got[1]
        if not by_town or len(mentions) != 1 or mentions[0].range.precision != "day":
            return None
        lo, hi, plo, phi = idx.starts[q], idx.ends[q], idx.starts[p], idx.ends[p]
        named = {pm.place.canonical for pm in doc.places if plo <= pm.span.start < phi and pm.place.precision == 1}
        shown = {pm.place.canonical for pm in doc.places if lo <= pm.span.start < hi and pm.place.canonical in named}
        if len(named) != 1:
            # a paragraph on several towns with no date of its own ("... in Rasht, Sari and Gorgan
            # scattered leaflets") over one town's photo ("Resistance Units' leaflets in Sari's bazaar
            # – Tuesday, December 9, 2025"): the photo dates the campaign it shows, the only day the
            # text gives it (the report's own day would be a guess)
            # (not in a report framed by a heading's period, whose paragraph on several towns
            # covers the period: "Resistance Units' activities, 28 December 2023 – 3 January 2024")
            # (nor in a report dated only by its captions, where each photo dates itself: "Photos sent by readers")
            period = "heading_period" in idx.frame.flags and idx.frame.start != idx.frame.end
            dated = doc.anchor is not None and doc.anchor.source in ("published", "dateline", "timestamp", "heading")
            return mentions[0] if at is not None and dated and not period and len(shown) == 1 else None
        return mentions[0] if shown else None
    return None


def event_date_for(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
    """The date governing the text at ``span`` (a trigger, a place, an evidence sentence)
    and the spans of the date expressions it came from (see the module doc for the rules)."""
    r, spans = _event_date_for(doc, span)
    view = doc.view or doc.text
    at = view.find("overnight", span.end, span.end + _OVERNIGHT_REACH)
    if at == -1:
        # a live blog's "08:35 – Overnight, protesters in Mahabad clashed with ...": the night told
        # before the act at the head of its entry is the same night (the blog's entries are the
        # page's day; in a wire story's lede the gold of ho14 keeps the story's day)
        at = _overnight_opening(doc, view, span)
    if at != -1 and r.start is not None and (anchor := doc.anchor.date) is not None \
            and ((r.precision == "day" and r.start in (anchor, anchor - dt.timedelta(days=1)))
                 or "anchor_week" in r.flags) and not _CLAUSE_END.search(view, span.end, at) \
            and not _own_day_in_sentence(doc, view, at, spans):
        # "slogans were written on walls in several neighbourhoods overnight", "staged a sit-in
        # overnight" in a report of that morning: the night ending on the report's day
        return DateRange(anchor - dt.timedelta(days=1), anchor, "range", min(r.confidence, 0.9),
                         r.flags + ("overnight",)), spans
    return r, spans


def _overnight_opening(doc: Doc, view: str, span: Span) -> int:
    """Where an "Overnight" that opens the sentence of ``span`` stands, else -1 (the act must be
    in its first clause: no clause end between them)."""
    sent = doc.sentence_at(span.start)
    if sent is None:
        return -1
    from .dates import timed_entry_start

    if timed_entry_start(view, span.start) is None:
        return -1
    m = _OVERNIGHT_HEAD.match(view, sent.span.start, span.start)
    if m is None or _CLAUSE_END.search(view, m.end(), span.start):
        return -1
    return m.start(1)


_OVERNIGHT_HEAD = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*[–—-]\s*)?(Overnight)\b")


#: how far after an act "overnight" still tells its time ("... were written on walls in several neighbourhoods overnight")
_OVERNIGHT_REACH = 150
_CLAUSE_END = re.compile(r"[.;!?\n]|,\s+(?:and|while|but)\s")
#: a statement's day ("..., student groups said on Tuesday"), not the act's
_SAID_ON = re.compile(r"\b(?:said|says|told|reported|announced|added)\s+(?:\w+\s+){0,3}?(?:on\s+)?$", re.I)


#: an act spreading to the places after it ("..., as the strike spread to the bazaars of Tabriz")
_SPREAD_TO = re.compile(r"\b(?:as|while|and|when)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:strikes?|protests?|closures?|stoppages?|unrest|"
                        r"demonstrations?|rallies|walkouts?|boycotts?)\s+(?:also\s+)?spread\s+to\b", re.I)


def _act_day_before_said_day(doc: Doc, mentions, last: DateMention) -> DateMention:
    """An undated sentence after "... after Friday prayers in Zahedan, killing at least two people, a
    rights group said Saturday" tells more of the act (the wounded, the detained): it carries the act's
    day of that sentence, not the day the source spoke (``last``, when a statement's day follows it)."""
    view = doc.view or doc.text
    if not _SAID_ON.search(view, max(0, last.span.start - 40), last.span.start):
        return last
    sent = doc.sentence_at(last.span.start)
    if sent is None:
        return last
    for m in reversed(tuple(mentions)):
        if m.span.start >= last.span.start or m.span.start < sent.span.start:
            continue
        if m.range.precision == "day" and m.range.start is not None and last.range.start is not None \
                and m.range.start < last.range.start \
                and not _SAID_ON.search(view, max(sent.span.start, m.span.start - 40), m.span.start):
            return m
    return last


def _own_day_in_sentence(doc: Doc, view: str, at: int, spans: tuple[Span, ...]) -> bool:
    """The date came from the sentence of the "overnight" and is the act's own ("dozens were
    detained when security forces entered the dormitories early on Thursday"), not a statement's."""
    sent = doc.sentence_at(at)
    if sent is None:
        return False
    return any(sent.span.start <= sp.start < sent.span.end
               and not _SAID_ON.search(view, max(sent.span.start, sp.start - 40), sp.start) for sp in spans)


def _event_date_for(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
    idx = _index(doc)
    p = idx.paragraph_of(span.start)
    if p is None:
        return idx.frame, idx.frame_spans
    for lo, hi, r, src in idx.since_when:  # (almost always empty)
        if lo <= span.start < hi:
            return r, (src,)
    for lo, hi, days, subject in idx.counted_from:  # (almost always empty)
        if lo <= span.start < hi:
            r, spans = event_date_for(doc, Span(subject, subject + 1))
            if r.start is None or r.end is None:
                return r, spans
            shift = dt.timedelta(days=days)
            flags = tuple(dict.fromkeys(r.flags + ("counted_from",)))
            return DateRange(r.start + shift, r.end + shift, r.precision, min(r.confidence, 0.8), flags), spans
    mentions = idx.governing.get(p)
    if mentions:  # (most paragraphs state no date: then neither rule 1 nor rule 2 applies)
        sent = doc.sentence_at(span.start)
        s_start = sent.span.start if sent is not None and sent.paragraph == p else idx.starts[p]
        s_end = sent.span.end if sent is not None and sent.paragraph == p else idx.ends[p]
        if idx.classes[p] == "label":
            s_start, s_end = idx.starts[p], idx.ends[p]  # a caption is one unit
        offsets = idx.governing_starts.get(p)
        if offsets is not None:
            lo, hi = bisect.bisect_left(offsets, s_start), bisect.bisect_left(offsets, s_end)
            if lo < hi and len(own := _outside_asides(doc, mentions[lo:hi], span)) < hi - lo:
                mentions = mentions[:lo] + own + mentions[hi:]  # (rare: a ", where ..." date)
                offsets = tuple(x.span.start for x in mentions)
                hi = lo + len(own)
            if lo < hi:
                if "respectively" in (doc.view or doc.text)[s_start:s_end] \
                        and (paired := _respectively(doc, mentions[lo:hi], span, s_start, s_end)) is not None:
                    return paired
                m = _in_sentence_sorted(mentions, offsets, lo, hi, span)
                if m.span.end <= span.start:
                    m = _tied_after(doc, mentions[lo:hi], span) or _act_date_after_statement(doc, mentions[lo:hi], span, m)
                if m.span.end <= span.start:
                    m = _date_of_own_clause(doc, mentions[lo:hi], span, m)
                if m.span.end <= span.start and len(mentions[lo:hi]) > 1:
                    m = _inside_past_appositive(doc, mentions[lo:hi], span, _past_appositive(doc, mentions[lo:hi], span, m))
                m = _day_within_week(doc, mentions[lo:hi], m)
                if m.range.precision == "year" and hi - lo > 1:
                    m = _finer_than_named_year(doc, mentions[lo:hi], m)
                if "ongoing" in m.range.flags and m.range.end is not None and m.span.end <= span.start \
                        and _SPREAD_TO.search(doc.view or doc.text, m.span.end, span.start):
                    # "... kept their shops shut for a second day on Monday, as the strike spread to the
                    # bazaars of Tabriz and Mashhad": the towns it spread to joined on the last day
                    r = m.range
                    return DateRange(r.end, r.end, "day", r.confidence, tuple(f for f in r.flags if f != "ongoing")), (m.span,)
                return m.range, (m.span,)
            if idx.classes[p] == "label":
                return idx.frame, idx.frame_spans
            if lo and (total := _period_of_total(doc, idx, s_start, p)) is not None:
                return _carried(total)
            while lo and ", where" in (doc.view or doc.text) and where_aside(doc, mentions[lo - 1].span) is not None:
                lo -= 1  # an earlier sentence's ", where ..." date dates only its own clause
            if not lo and (stamp := _post_stamp_below(doc, idx, p, span)) is not None:
                return stamp.range, (stamp.span,)
            if lo:
                last = mentions[lo - 1]
                if lo > 1:
                    last = _held_day_in_range(doc, mentions[:lo], _past_appositive(doc, mentions[:lo], span, last))
                # ("..., on the evening of Monday, July 12. Similar activities were reported in Rasht": in
                # the last sample's paragraph too, the towns share the period the samples cover)
                last = _day_within_week(doc, mentions[:lo], last)
                last = _act_day_before_said_day(doc, mentions[:lo], last)
                if (similar := _similar_in_period(doc, idx, span, p, last)).range.precision != "range":
                    similar = last  # (a month or a year holding the day is no period of the samples)
                return _carried(_occasion_date(doc, idx, span, p) or similar, doc, span)
        else:
            in_sent = list(_outside_asides(doc, [m for m in mentions if s_start <= m.span.start < s_end], span))
            if in_sent:
                m = _in_sentence(in_sent, span)
                if m.span.end <= span.start:
                    m = _tied_after(doc, in_sent, span) or _date_of_own_clause(doc, tuple(in_sent), span, m)
                return m.range, (m.span,)
            if idx.classes[p] == "label":
                return idx.frame, idx.frame_spans
            earlier = [m for m in mentions if m.span.start < s_start]
            if earlier and (total := _period_of_total(doc, idx, s_start, p)) is not None:
                return _carried(total)
            if earlier:
                return _carried(_occasion_date(doc, idx, span, p) or earlier[-1], doc, span)
    elif idx.classes[p] == "label":
        return idx.frame, idx.frame_spans
    elif (stamp := _post_stamp_below(doc, idx, p, span)) is not None:
        return stamp.range, (stamp.span,)
    occasion = _occasion_date(doc, idx, span, p)
    if occasion is not None:
        return _carried(occasion)
    if not mentions and (entry := _timed_entry_day(doc, idx, p)) is not None:
        return entry
    caption = _photo_caption(doc, idx, p, by_town=False) if not mentions else None
    if caption is not None:  # a photo's text, then "Isfahan, Khaju Bridge, April 1, 2026"
        return caption.range, (caption.span,)
    q = p - 1
    item = _is_list_item(doc, p)
    category = _is_category_item(doc, p)
    while q >= 0:
        c = idx.classes[q]
        if c == "label":
            day = _day_heading(doc, idx, q)
            if day is not None:
                return _carried(day)
            if (own_day := _clock_heading_day(doc, idx, q)) is not None:
                return own_day
            if q > 0 and idx.classes[q - 1] == "label" and _alt_text_line(doc, idx, q) \
                    and (day := _day_heading(doc, idx, q - 1)) is not None:
                return _carried(day)  # a photo's lower-case alt text between a day heading and its text
            if (day := _alt_text_day(doc, idx, q)) is not None:
                return _carried(day)  # "resistance units graffiti karaj august 18 2022" over an undated item
            break
        if item and _is_list_item(doc, q):
            q -= 1  # a sibling bullet's own day is not this bullet's: the list's frame is
            continue
        if category and _is_category_item(doc, q):
            q -= 1  # (the same for a digest's items led by their category: "Protest: ..." over "Sentences: ...")
            continue
        if c == "body" and idx.governing.get(q):
            past = _not_after_anchor(doc, idx.governing[q])
            if past is not None:
                past = _act_day_before_said_day(doc, idx.governing[q], past)
                return _carried(_similar_in_period(doc, idx, span, q, past), doc, span)
        elif c == "body" and (occasion := _occasion_date(doc, idx, Span(idx.starts[q], idx.starts[q] + 1), q)) is not None:
            # an undated paragraph dated by its occasion ("After the burial, hundreds marched ...")
            # dates the paragraph after it too, not the paragraph before it
            return _carried(occasion, doc, span)
        q -= 1
    caption = _photo_caption(doc, idx, p, by_town=True, at=span)
    if caption is not None:
        return _carried(caption)
    return idx.frame, idx.frame_spans


#: how far above its time line a post's text reaches
POST_REACH = 600


def is_post_stamp(view: str, start: int) -> bool:
    """Does the date at ``start`` stand on a post's platform time line ("10:45 PM · Jan 8, 2026")?"""
    return view.rfind("·", max(0, start - 4), start) != -1 and POST_STAMP_BEFORE.search(view, max(0, start - 16), start) is not None


def _post_stamp_below(doc: Doc, idx, p: int, span: Span) -> DateMention | None:
    """The time line of the post whose text ``span`` is in: the first date of this paragraph or
    of the next one, when it is a platform time line at most POST_REACH characters below."""
    view = doc.view or doc.text
    if "·" not in view:
        return None
    for q in (p, p + 1):
        mentions = idx.governing.get(q) if q < len(idx.starts) else None
        if not mentions:
            continue
        m = mentions[0]
        a = m.span.start
        if a >= span.start and a - span.start <= POST_REACH and is_post_stamp(view, a):
            return m
        return None  # (the paragraph's own first date is no time line: it governs as before)
    return None


#: "The other six executions took place in the prisons of Qazvin, Isfahan and Mashhad": the rest of a
#: total the report counts over its period, not acts of the day the sentence before told
_REMAINDER = re.compile(r"(?:the|The)\s+(?:other|remaining)\s+(?:[\w-]+\s+){0,2}?(?:executions|hangings|arrests|"
                        r"detentions|killings|deaths|death\s+sentences|sentences|detainees|prisoners|cases)\b")


def _period_of_total(doc: Doc, idx: DateIndex, s_start: int, p: int) -> DateMention | None:
    """When the sentence at ``s_start`` opens with the rest of a total ("The other six executions ..."),
    the period that total was counted over: the latest month or range told before it (the lede's
    "in November 2025"), not the day of the sentence before."""
    if _REMAINDER.match(doc.view or doc.text, s_start) is None:
        return None
    for q in range(p, -1, -1):
        for m in reversed(idx.governing.get(q, ())):
            if m.span.start < s_start and m.role == "event" and m.range.start is not None \
                    and m.range.precision in ("month", "range", "week"):
                return m
    return None


#: "Similar activities were reported in A and B": the acts of the sample reports told, in more towns
_SIMILAR_OPEN = re.compile(r"(?:similar|the same|such|other) (?:activities|actions|acts|operations|slogans|protests) "
                           r"(?:were (?:also )?(?:reported|carried out|seen|held|staged)|(?:also )?took place|"
                           r"were (?:also )?(?:reported|carried out) )?", re.I)


def _similar_in_period(doc: Doc, idx: DateIndex, span: Span, q: int, past: DateMention) -> DateMention:
    """"Similar activities were reported in Zanjan and Sari", a paragraph with no date after
    sample reports each on their own day: the towns share the period the samples cover (a range
    stated above them that holds the last sample's day), not the last sample's day."""
    sent = doc.sentence_at(span.start)
    view = doc.view or doc.text
    if sent is None or past.range.start is None or not _SIMILAR_OPEN.match(view, sent.span.start):
        return past
    day = past.range.start
    for k in range(q, max(-1, q - 15), -1):
        for x in reversed(idx.governing.get(k) or ()):
            r = x.range
            if r.start is not None and r.end is not None and r.start < r.end and r.start <= day <= r.end:
                return x
    return past


#: "the last days of the Persian year 1404", "the year 2025": a year named as a noun, not when
_NAMED_YEAR_BEFORE = re.compile(r"\byear\s+$", re.I)


def _finer_than_named_year(doc: Doc, in_sent: tuple[DateMention, ...], m: DateMention) -> DateMention:
    """"From Thursday, March 19, to Tuesday, March 24, as Iranians marked the last days of the
    Persian year 1404, ... put up posters": a year named as a noun ("the year 1404") after the
    sentence's own days, which it overlaps, frames them; the days date the act."""
    view = doc.view or doc.text
    if m.range.start is None or m.range.end is None or not _NAMED_YEAR_BEFORE.search(view, max(0, m.span.start - 6), m.span.start):
        return m
    for c in in_sent:
        if c.span.start >= m.span.start:
            break
        r = c.range
        if r.precision in ("day", "range") and r.start is not None and r.end is not None \
                and r.start <= m.range.end and m.range.start <= r.end:
            return c
    return m


def _not_after_anchor(doc: Doc, mentions: tuple[DateMention, ...]) -> DateMention | None:
    """The last of a paragraph's dates that does not lie after the report's anchor: a day
    still to come ("they will boycott hearings on Wednesday") dates its own sentence, not the
    paragraphs after it (in a live blog told newest first, those tell the hours before)."""
    anchor = doc.anchor.date if doc.anchor is not None else None
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        if anchor is None or m.range.start is None or m.range.start <= anchor:
            if k and _dates_the_reason(doc, mentions[k - 1], m):
                continue
            return m
    return None


#: what an act answers, named after it ("went on strike, in protest at the execution of X last week")
_REASON_CUE = re.compile(r"\b(?:in protest (?:at|against|over|of)|in (?:reaction|response) to|protesting|condemning"
                         r"|(?:after|following|over) the (?:killing|death|execution|hanging|arrest|shooting)s?)\b", re.I)


def _dates_the_reason(doc: Doc, before: DateMention, m: DateMention) -> bool:
    """``m`` dates the reason an act of its sentence answers, not the act: an earlier date of the
    same sentence is the act's ("Yesterday, Thursday, the towns answered with a general strike, in
    protest at the execution of a prisoner last week"), so the paragraphs after carry that one."""
    sent = doc.sentence_at(m.span.start)
    if sent is None or not sent.span.start <= before.span.start < m.span.start:
        return False
    return _REASON_CUE.search(doc.view or doc.text, before.span.end, m.span.start) is not None
