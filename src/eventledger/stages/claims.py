"""Claims: numbers about people and actions, and attributed statements, as the report gives them.

Recorded (dev NOTES "Claims policy"): every quantity about people or actions (killed,
executed, arrested, participants, sites attacked, cities, percentages, sentence length ...),
and every statement attributed to someone other than the publisher's own voice. Not
recorded: dates and ordinals (the quantity recogniser drops them), durations in narrative,
vague amounts that say nothing about people or actions, questions.

A number inside a slogan is attributed to the slogan's authors ("MEK Resistance Units
(slogan)"); a number in a statement quote to the speaker, with the outlet that carried it
("prosecutor of Marand, via state media"). Repeated mentions of the same figure with the
same attribution are recorded once per document.

Wire style: a source named once for a paragraph, at its start ("HRANA reported …") or at its
end ("…, the police command said."), covers the paragraph's unattributed sentences; a lede
that pools several kinds of source ("…, drivers and a union official said") is the
publisher's own account (no attribution).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import hashlib

from ..doc import Attribution, Doc, Quantity, Quote, Segment
from ..models import Claim, DateRange, Event, Span
from .assemble_context import DocContext
from .assemble_cues import Cue
from .quotes import before_source_cues, is_publisher_head, normalise_source

__all__ = ["build_claims", "claim_id", "period_text"]

_SKIP_KINDS = {"duration"}
_SPEAKER_CUES = {"as saying", "said", "says", "stated", "wrote", "added"}
# the cues that name their source after the statement ("… announced by X", "…, according to X"): a
# parenthetical source line and the lexicon's phrases before a source
_TRAILING_CUES = {"source", *before_source_cues()}
#: a superlative's "since" ("the highest number since 2015", "the most in a year since"): a comparison
_COMPARED_SINCE = re.compile(r"\b(?:highest|lowest|most|fewest|largest|biggest|worst|greatest|first)\b(?:\s+[\w-]+){0,4}?\s+since\s*\Z", re.I)
#: a second source with its verb left out (gapping), right before its number: ", and Amnesty
#: International 24", ", and the prosecutor of Khuzestan at 450"
_GAPPED_SOURCE = re.compile(
    r",\s+and\s+(?P<src>(?:the\s+)?(?:(?:prosecutor|governor|police\s+chief|chief\s+justice|judiciary|police)\s+(?:of|in)\s+)?"
    r"[A-Z][\w'’/.-]*(?:\s+[A-Z][\w'’/.-]*){0,4})\s+(?:at\s+)?(?:some\s+|about\s+|over\s+|more\s+than\s+|at\s+least\s+)?\Z")
#: a clause that sets another source's figure against the one before it: its source is not the
#: earlier number's
_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|but|although|though)\s")


def claim_id(doc_id: str, kind: str, value, attributed_to: str | None, span: Span) -> str:
    key = f"{kind}|{value}|{attributed_to or ''}|{span.start}"
    return f"{doc_id}:c{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def period_text(r: DateRange, open_end: bool = False) -> str | None:
    if r.start is None:
        return None
    if open_end:
        return f"{r.start.isoformat()}/.."
    if r.precision == "year" and r.start.year == (r.end or r.start).year:
        return f"{r.start.year}"
    if r.precision == "month" and r.end and (r.start.year, r.start.month) == (r.end.year, r.end.month):
        return f"{r.start.year}-{r.start.month:02d}"
    if r.end is None or r.end == r.start:
        return r.start.isoformat()
    return f"{r.start.isoformat()}/{r.end.isoformat()}"


def _within(span: Span, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.span.start <= span.start and span.end <= q.span.end:
            return q
    return None


#: a list's heading line naming whose figures the items are ("HRANA's figures for October:")
_OWNERS_FIGURES_LINE = re.compile(r"\s*(?:[Tt]he\s+)?(?P<src>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,5})(?:['’]s|(?<=s)['’])\s+"
                                  r"(?:own\s+|latest\s+|monthly\s+|annual\s+|weekly\s+)*(?:figures|data|statistics|tally|count|numbers)"
                                  r"\b[^:\n]{0,60}:\s*$")


class _Reach:
    """Spans ordered by start with the running maximum of their ends: whether any span starting
    at or before ``x`` ends at or after ``y`` is one bisect (most numbers are inside no quote
    and no source's name, and a scan per number was most of the claims' cost)."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, e in ordered:
            top = max(top, e)
            self.max_end.append(top)

    def any(self, x: int, y: int) -> bool:
        k = bisect.bisect_right(self.starts, x)
        return k > 0 and self.max_end[k - 1] >= y


class _ClaimIndex:
    """What the claims ask of a sentence, read from the assembler's per-sentence buckets (each
    number and attribution used to rescan the whole document's mentions); answers that several
    numbers of a sentence share are kept."""

    def __init__(self, doc: Doc, ctx: DocContext, publisher: str | None) -> None:
        self.doc, self.ctx, self.publisher = doc, ctx, publisher
        self.names = _Reach([a.span for a in doc.attributions if a.cue != "source"])
        self.quotes = _Reach([q.span for q in doc.quotes])
        # per-sentence answers (a sentence with a number often has another, or a statement)
        self._place: dict[int, str | None] = {}
        self._own_tally: dict[int, bool] = {}
        self._paragraph_source: dict[int, str | None] = {}
        self._said_on: dict[tuple[str, int], dt.date | None] = {}
        self._closing_memo: dict[tuple[int, int], tuple[bool, bool]] = {}
        self._attr_starts: dict[int, tuple[list[int], list[int]]] = {}

    def in_source_name(self, span: Span) -> bool:
        """Inside an attribution's own words ("a lawyer representing two of them said")?"""
        # (an attribution starting at or before the number and before its end, ending after it)
        return self.names.any(min(span.start, span.end - 1), span.end)

    def quote(self, span: Span) -> Quote | None:
        """The first quote holding ``span``."""
        return _within(span, self.doc.quotes) if self.quotes.any(span.start, span.end) else None

    def period(self, i: int, near: Span | None = None) -> tuple[str | None, dt.date | None]:
        """The period a claim in sentence ``i`` covers (by the date closest to ``near`` first)."""
        sent = self.doc.sentences[i].span
        dates = [d for d in self.ctx.sent_dates[i] if sent.contains(d.span)]
        if not dates:
            return None, None
        if len(dates) > 1:
            dates.sort(key=lambda d: d.span.start)
            if near is not None:  # the date closest to the number first
                dates.sort(key=lambda d: abs(d.span.start - near.start))
        text = self.doc.text
        # ("975 last year, the highest number since 2015": the comparison's year is no period of the figure)
        dates = [d for d in dates if not (d.role == "period" and _COMPARED_SINCE.search(text, max(sent.start, d.span.start - 40), d.span.start))] or dates
        for d in dates:
            if d.role == "period":
                return period_text(d.range, open_end=True), None
        for d in dates:
            if d.role in ("event", "history") and d.range.start is not None:
                return period_text(d.range), None
        return None, None

    def place(self, i: int) -> str | None:
        """The first event place named in the sentence."""
        got = self._place.get(i, _MISSING)
        if got is _MISSING:
            got = None
            sent = self.doc.sentences[i].span
            for p in self.ctx.sent_places[i]:
                if p.role == "event" and sent.contains(p.span):
                    got = p.place.canonical or p.name
                    break
            self._place[i] = got
        return got  # type: ignore[return-value]

    def own_tally(self, i: int) -> bool:
        """Does the sentence speak of the publisher's own tally ("according to our count")?"""
        got = self._own_tally.get(i)
        if got is None:
            sent = self.doc.sentences[i].span
            text = self.doc.text
            got = _OWN_TALLY.search(text, sent.start, sent.end) is not None
            if not got and "s own " in text[sent.start:sent.end]:
                # "The Council's own count is ...": the publisher named by its head noun
                got = any(_same(m.group(), self.publisher) for m in _OWN_HEAD.finditer(text, sent.start, sent.end))
            self._own_tally[i] = got
        return got

    def paragraph_source(self, i: int) -> str | None:
        """The source the sentence's paragraph names at its start, else (when the sentence itself
        names none) at its end."""
        got = self._paragraph_source.get(i, _MISSING)
        if got is _MISSING:
            sent = self.doc.sentences[i]
            got = self._paragraph_lead_source(sent)
            # (a sentence that says "according to" someone the cues do not know, "according to currency
            # traders in Tehran", names its own source: no later sentence's is borrowed for it)
            if got is None and not any(sent.span.contains(a.span) for a in self.ctx.sent_attr_named[i]) \
                    and "according to " not in self.doc.text[sent.span.start : sent.span.end].lower():
                got = self._paragraph_close_source(sent) or self._list_intro_source(sent) or self._heading_source(sent)
            self._paragraph_source[i] = got
        return got  # type: ignore[return-value]

    def _list_intro_source(self, sent: Segment) -> str | None:
        """The source the line introducing a list names, for the list's items: "According to the
        statement, a copy of which was obtained by Fars:" / "1. A four-member team was arrested in
        Ahvaz ..."; "The police chief said the following items were seized:" / "- 11 Molotov
        cocktails". The items may be paragraphs of their own ("1. ...", blank line, "2. ...")."""
        text = self.doc.text
        para = self.ctx.paragraph_at(sent.span.start)
        start = text.rfind("\n", 0, sent.span.start) + 1
        if not _ITEM_MARK.match(text, start) and para is not None:
            start = text.rfind("\n", 0, para.span.start + 1) + 1
        if not _ITEM_MARK.match(text, start):
            return None
        pos, lines = start, 0
        while pos > 0 and lines < 40:
            prev_start = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev_start : pos - 1]
            pos, lines = prev_start, lines + 1
            if not line.strip() or _ITEM_MARK.match(line):
                continue  # (another item, or the blank line between two)
            if not line.rstrip().endswith(":"):
                return None
            k = self.ctx.idx(prev_start + len(line) - len(line.lstrip()))
            if k is None:
                return None
            for a in self.ctx.sent_attr_named[k]:
                if a.source and a.span.start < pos + len(line) and not _same(a.source, self.publisher):
                    return a.source
            owner = _OWNERS_FIGURES_LINE.match(line)  # "HRANA's figures for October:" over "- Arrests: 120"
            if owner is not None and not _same(normalise_source(owner.group("src")), self.publisher):
                return normalise_source(owner.group("src"))
            return None
        return None

    def _heading_source(self, sent: Segment) -> str | None:
        """The source a heading line right above the paragraph names ("What Hengaw says", "HRANA's
        figures") for the paragraph's sentences that name none."""
        text = self.doc.text
        para = self.ctx.paragraph_at(sent.span.start)
        if para is None or para.span.start < 2:
            return None
        above_end = text.rfind("\n", 0, para.span.start)
        while above_end > 0 and text[above_end - 1] == "\n":
            above_end -= 1  # (past the blank line)
        above = text[text.rfind("\n", 0, above_end) + 1 : above_end].strip()
        m = _SOURCE_HEADING.fullmatch(above) if 0 < len(above) <= 60 else None
        if m is None:
            return None
        src = normalise_source(m.group("src") or m.group("src2"))
        return None if _same(src, self.publisher) else src

    def _paragraph_lead_source(self, sent: Segment) -> str | None:
        """The source named by the first sentence of ``sent``'s paragraph (a reporting verb or
        "according to"), when ``sent`` is a later sentence of that paragraph."""
        doc = self.doc
        para = self.ctx.paragraph_at(sent.span.start)
        if para is None:
            return None
        k = self.ctx.idx(para.span.start)
        if k is None:
            return None
        first = doc.sentences[k]
        if first.index == sent.index:
            return None
        for a in doc.attributions:
            if a.span.start >= first.span.end:
                break
            if a.span.start >= first.span.start and a.cue in _LEAD_CUES and a.source and not _same(a.source, self.publisher):
                if a.cue == "according to" and _OWN_TIME_OPENING.match(doc.text, sent.span.start):
                    return None
                return a.source
        return None

    def _paragraph_close_source(self, sent: Segment) -> str | None:
        """The source a paragraph's last sentence closes on ("…, the police command said."),
        for an earlier sentence of that paragraph: wire copy gives the source once, at the end."""
        doc, publisher = self.doc, self.publisher
        para = self.ctx.paragraph_at(sent.span.start)
        if para is None:
            return None
        k = self.ctx.idx(max(para.span.start, para.span.end - 1))
        if k is None:
            return None
        last = doc.sentences[k]
        if last.index == sent.index or last.span.start < sent.span.end:
            return None
        for a in self.ctx.sent_attr_named[k]:
            if not last.span.contains(a.span) or a.cue not in _LEAD_CUES or not a.source or _same(a.source, publisher):
                continue
            if _SHORT_TAIL.fullmatch(doc.text, a.span.end, last.span.end) and _COMMA_BEFORE.search(
                    doc.text, max(last.span.start, a.span.start - 40), a.span.start) and not _several_sources(doc, a, last.span):
                return a.source
        return None

    def said_on(self, source: str, i: int) -> dt.date | None:
        key = (source, i)
        got = self._said_on.get(key, _MISSING)
        if got is _MISSING:
            got = self._said_on[key] = _said_on(self.doc, source, self.doc.sentences[i].span, self.ctx.sent_attr_named[i])
        return got  # type: ignore[return-value]

    def sources(self, i: int, span: Span, quote: Quote | None) -> list[str]:
        """Who a statement at ``span`` in sentence ``i`` is attributed to: speaker + outlet
        combined, or each distinct source whose scope covers it."""
        sent = self.doc.sentences[i].span
        covering: list[Attribution] = []
        for a in self.ctx.sent_attr[i]:  # (a scope covering the span overlaps its sentence)
            scope = a.scope or a.span
            if not (scope.start <= span.start < scope.end):
                continue
            if not self._bracket_covers(a, span):
                continue  # "protests in 6 towns, 48 new arrests (per HRANA) and 4 deaths": HRANA's 48 alone
            # an attribution after the number counts only for a quote ('"…," said X'), a source
            # line "(Tabnak, November 18)" or a trailing cue ("… announced by X", "according to X")
            if a.span.start >= span.end:
                if quote is None and _CONTRAST.search(self.doc.text, span.end, a.span.start):
                    continue  # "X said at least 1,000 ..., while Amnesty put the figure at 972": the other side's
                closing, pooled = self._closing(a, i)
                if closing and quote is None and pooled:
                    continue
                # ("only fourteen of them; the rest were confirmed by Hengaw": a trailing cue past a
                # semicolon is another clause's source)
                trailing = closing or (a.cue in _TRAILING_CUES and ";" not in self.doc.text[span.end : a.span.start]) or (
                    quote is not None and a.cue in _SPEAKER_CUES)
                if not trailing:
                    continue
                # ("three men …, Mizan said, bringing to 13 …, according to a tally by X": a later
                # trailing source past a nearer one speaks for the clause after the nearer one)
                if self._starts_between(i, span.end, a.span.start):
                    continue
            # ("According to Amnesty, at least 304 …; the PMOI put the toll at 1,500": a clause past a
            # semicolon with its own source is that source's alone)
            # (nor a clause joined by ", and" with its own source: "Amnesty has said that …, and the
            # Iranian Resistance has published the names of 24 …")
            elif self._clause_source_between(i, a.span.end, span.start):
                continue
            covering.append(a)
        if not covering:
            return []
        speakers = [a for a in covering if a.cue in _SPEAKER_CUES or a.cue == "said"]
        outlets = [a for a in covering if a.cue in ("source", "quoted as saying", "quoted") or a.cue.endswith("quoted")]
        if speakers and outlets and speakers[0].source != outlets[0].source:
            return [f"{speakers[0].source}, via {outlets[0].source}"]
        names: list[str] = []
        for a in covering:
            if a.source and a.source not in names:
                names.append(a.source)
        return names

    def _bracket_covers(self, a: Attribution, span: Span) -> bool:
        """A source in brackets ("(per HRANA)", "(according to Hengaw)") speaks for the number
        right before it, not for the others of its sentence."""
        text = self.doc.text
        k = a.span.start
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k == 0 or text[k - 1] != "(":
            j = text.rfind("(", max(0, a.span.start - 16), a.span.start)
            if j == -1 or text[j + 1 : a.span.start].strip().lower() not in ("per", "according to", "via"):
                return True
            k = j + 1
        opened = k - 1
        if span.start >= opened:
            close = text.find(")", a.span.start)
            return close == -1 or span.start < close  # (a number past the closing bracket is not its)
        gap = text[span.end : opened]
        return len(gap) <= 30 and "," not in gap and ";" not in gap

    def _attribution_starts(self, i: int) -> tuple[list[int], list[int]]:
        """The sorted starts of the attributions covering sentence ``i``, and for each index the
        latest comma that opens a source's clause (", and the X said") among the sources up to
        it, or -1 (see _clause_source_between)."""
        got = self._attr_starts.get(i)
        if got is None:
            text = self.doc.text
            starts = sorted(b.span.start for b in self.ctx.sent_attr[i])
            latest, last = [], -1
            for st in starts:
                # a match of _CLAUSE_SOURCE_BEFORE ending at ``st`` starts at the last comma before
                # it (the rest of the pattern holds no comma): one anchored match per source
                comma = text.rfind(",", 0, st)
                if comma >= 0 and _CLAUSE_SOURCE_BEFORE.match(text, comma, st):
                    last = comma  # (a later source's last comma is never an earlier one's)
                latest.append(last)
            got = self._attr_starts[i] = (starts, latest)
        return got

    def _starts_between(self, i: int, lo: int, hi: int) -> bool:
        """Does an attribution of sentence ``i`` start in ``[lo, hi)``?"""
        starts = self._attribution_starts(i)[0]
        j = bisect.bisect_left(starts, lo)
        return j < len(starts) and starts[j] < hi

    def _clause_source_between(self, i: int, lo: int, hi: int) -> bool:
        """Does an attribution of sentence ``i`` starting in ``[lo, hi)`` open a clause of its own
        after ``lo`` (_opens_clause(text, lo, its start))? Answered from the sorted starts in
        two bisections, not by testing every pair of a sentence's sources for each of its
        numbers (a run-on "sentence" of hundreds of "X said" took minutes)."""
        starts, latest = self._attribution_starts(i)
        j0, j1 = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        if j0 >= j1:
            return False
        # a semicolon before some such source is one before the last of them; an opening comma
        # at or after ``lo`` belongs to a source in the range (a source before ``lo`` has its
        # comma before ``lo``)
        return ";" in self.doc.text[lo : starts[j1 - 1]] or latest[j1 - 1] >= lo

    def _closing(self, a: Attribution, i: int) -> tuple[bool, bool]:
        """Does ``a`` close sentence ``i`` ("…, IRNA reported.": it covers all of it), and does
        it pool several sources ("…, drivers and a union official said")?"""
        key = (id(a), i)
        got = self._closing_memo.get(key)
        if got is None:
            text, sent = self.doc.text, self.doc.sentences[i].span
            # (the comma may sit a few words before the source: ", the union official said.")
            # ("…, a lawyer told Reuters." / "…, the police said on Monday.": a short tail of
            # addressee or time words after the cue still closes the sentence; so does a clause the
            # speaker goes on with: "…, the police chief said, adding that the shops had reopened")
            closing = _SHORT_TAIL.fullmatch(text, a.span.end, sent.end) is not None and _COMMA_BEFORE.search(
                text, max(sent.start, a.span.start - 40), a.span.start) is not None
            # a lede that pools several kinds of source is the publisher's own account
            got = self._closing_memo[key] = (closing, closing and _several_sources(self.doc, a, sent))
        return got


_MISSING = object()


#: a name with its acronym in brackets after it: "the Baha'i International Community (BIC)"
_ACRONYM_DEFINED = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|the|for|and|on|in)\s+)*){1,7}?[A-Z][\w'’-]*)\s+\(([A-Z]{2,7})\)")
#: its necessary last part, searched for first
_ACRONYM_IN_BRACKETS = re.compile(r"\([A-Z]{2,7}\)")


#: a UN release names its Special Rapporteur once and then says "the expert said" (set 69): the
#: expert is the rapporteur named ("the experts" of a joint release are the group, left as they are)
_THE_EXPERT = re.compile(r"(?:the\s+)?(?:UN\s+|United\s+Nations\s+)?expert", re.I)
_RAPPORTEUR = re.compile(r"\b(?:UN\s+|United\s+Nations\s+)?Special\s+Rapporteurs?\b")


def _named_rapporteur(text: str) -> str | None:
    if "Rapporteur" not in text:
        return None  # (the pattern, led by an optional group, tries every character: most reports name none)
    m = _RAPPORTEUR.search(text)
    if m is None:
        return None
    name = m.group(0)
    return name if name.startswith(("UN", "United")) else "UN " + name


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the report spells out ("according to the Baha'i International Community (BIC) ...
    The BIC told Amnesty that ..."): a source cited by its acronym is the name spelled out, the
    acronym kept after it, so that either form names it. Only a name whose capitalised words' initials
    are the acronym's letters counts (not "Tehran Times (English edition)")."""
    out: dict[str, str] = {}
    if not _ACRONYM_IN_BRACKETS.search(text):
        return out  # (the name pattern tries every capitalised word: most reports define no acronym)
    for m in _ACRONYM_DEFINED.finditer(text):
        acr = m.group(2)
        words = [w for w in re.split(r"[\s-]+", m.group(1)) if w[:1].isupper()]
        if len(words) >= len(acr) and "".join(w[0] for w in words[-len(acr):]) == acr:
            full = " ".join(words[-len(acr):])
            name = m.group(1)[m.group(1).find(words[-len(acr)]):] if words[-len(acr)] in m.group(1) else full
            out.setdefault(acr, f"{' '.join(name.split())} ({acr})")
    return out


def build_claims(doc: Doc, events: list[Event], publisher: str | None, skip: set[int],
                 publisher_stance: str | None = None, ctx: DocContext | None = None) -> list[Claim]:
    """``publisher_stance`` (publishers table): a rights monitor's own headline figures
    ("At least 97 executions in February") are its own count, attributed to it. ``ctx``: the
    assembler's :class:`DocContext` of ``doc`` (built here when not given)."""
    if ctx is None:
        ctx = DocContext(doc)
    index = _ClaimIndex(doc, ctx, publisher)
    claims: list[Claim] = []
    seen: dict[tuple, int] = {}  # claim key -> index in ``claims``
    text = doc.text
    doc_id = doc.id
    sentences = doc.sentences
    numbered_sentences: set[int] = set()
    acronyms = defined_acronyms(text)
    rapporteur = _named_rapporteur(text)
    counted: dict[tuple[int, int], list[Event]] = {}  # count span -> events whose count it is
    for e in events:
        if e.count is not None:
            for x in e.evidence:
                if x.role == "count":
                    counted.setdefault((x.span.start, x.span.end), []).append(e)

    def add(text_span: Span, kind: str, q: Quantity | None, attributed: str | None, period: str | None,
            place: str | None, said_on: dt.date | None) -> None:
        if attributed is not None and rapporteur is not None and _THE_EXPERT.fullmatch(attributed):
            attributed = rapporteur
        if q is not None:
            count = q.count
            value = count.value
            key = (kind, value, count.qualifier_text, attributed, None)
        else:
            count = value = None
            key = (kind, None, None, attributed, text_span.start)
        k = seen.get(key)
        if k is not None:
            # a figure repeated (headline, then lede): recorded once, at its first mention, with
            # the period and place a later mention gives when the first gives none
            first = claims[k]
            if (first.period is None and period) or (first.place is None and place):
                claims[k] = dataclasses.replace(first, period=first.period or period, place=first.place or place)
            return
        seen[key] = len(claims)
        # (most numbers are no event's count: no generator for them)
        events_counted = counted.get((q.span.start, q.span.end)) if q is not None and counted else None
        ev_ids = tuple(e.id for e in events_counted if e.count.value == value) if events_counted else ()
        claims.append(Claim(
            claim_id(doc_id, kind, value, attributed, text_span), doc_id, text[text_span.start : text_span.end],
            text_span, kind, value, count.qualifier if count else None, count.qualifier_text if count else None,
            attributed, publisher, period, place, said_on, ev_ids,
        ))

    for q in doc.quantities:
        kind = q.count.kind
        if kind in _SKIP_KINDS:
            continue
        if kind == "other" and q.count.value is None:
            continue
        i = ctx.idx(q.span.start)
        if i is None:
            continue
        sent = sentences[i]
        if sent.index in skip or sent.kind == "boilerplate":
            continue
        if index.in_source_name(q.span) and not _IN_CITING_ASIDE.search(text, max(0, q.span.start - 90), q.span.start):
            continue  # "a lawyer representing two of them said": part of the source's name, not a figure
            # (but "The PMOI/MEK, citing reports from more than 1,200 polling stations, put ...": the
            # basis the source cites is its own figure)
        if text.endswith(("citing ", "quoting "), 0, q.span.start):
            continue  # "..., Reuters reported, citing three interior ministry officials": who it cites
        numbered_sentences.add(sent.index)
        quote = index.quote(q.span)
        period, said_on = index.period(i, q.span)
        place = index.place(i)
        if quote is not None and quote.kind == "slogan":
            owner = _slogan_owner(events, quote) or _main_opposition(events)
            add(sent.span, kind, q, f"{owner or 'unnamed authors'} (slogan)", period, place, said_on)
            continue
        # the publisher naming itself ("RMI said", "according to our tally") is attributed to
        # the publisher; a number told in its plain narrative voice is attributed to no one
        sources = [publisher if _same(s, publisher) else acronyms.get(s, s) for s in index.sources(i, q.span, quote)]
        if sources and quote is None and (gap := _GAPPED_SOURCE.search(text, sent.span.start, q.span.start)) is not None \
                and not any(gap.start("src") <= pm.span.start < gap.end("src") and pm.span.start == gap.start("src")
                            for pm in doc.places):  # (a list's ", and Fars 120" names a place, no source)
            # "IHR has confirmed 29 deaths, and Amnesty International 24": the verb left out after
            # ", and" is the first clause's, its source the name before the number
            named = normalise_source(gap.group("src"))
            sources = [publisher if _same(named, publisher) else acronyms.get(named, named)]
        if sources and kind == "cities" and quote is None and _only_calls_cover(text, ctx.sent_attr[i], q.span):
            sources = []  # ("the units called on the people to boycott the vote with posters in 15 cities": the narrator's count)
        # (the publisher's own people: "Our monitors recorded 11 arrests" is its own count)
        if publisher and quote is None and (not sources or all(s.lower() in _TALLY_NOUNS or _own_staff(s) for s in sources)) \
                and index.own_tally(i):
            sources = [publisher]  # ("we" in a quote is its speaker; "the statistics of this news agency": its own)
        if not sources and publisher and publisher_stance == "rights_monitor" and sent.kind == "heading":
            sources = [publisher]
        if not sources and "|" in text[sent.span.start : sent.span.end]:
            row = _table_row_source(text, q.span.start)  # "Source | Killed" over "HRANA | 31"
            if row is not None:
                sources = [publisher if _same(row[0], publisher) else normalise_source(row[0])]
                if kind == "other":
                    kind = next((k for w, k in _COLUMN_KINDS if w in row[1].lower()), kind)
        if not sources and sent.kind in ("body", "list_item"):
            lead = index.paragraph_source(i)
            if lead is not None:
                sources = [lead]
        if not sources:
            add(sent.span, kind, q, None, period, place, said_on)
        for src in sources:
            add(sent.span, kind, q, src, period, place, index.said_on(src, i) or said_on)

    # attributed statements without a number
    for a in doc.attributions:
        if a.cue == "as saying":
            continue
        i = ctx.idx(a.span.start)
        if i is None:
            continue
        sent = sentences[i]
        if sent.index in skip or sent.index in numbered_sentences:
            continue
        if text[sent.span.start : sent.span.end].rstrip().endswith("?"):
            continue
        if publisher and a.source == publisher:
            continue
        scope = a.scope or sent.span
        sources = index.sources(i, a.span, index.quote(a.span))
        period, said_on = index.period(i)
        add(scope, "statement", None, sources[0] if sources else a.source, period, index.place(i), said_on)
    claims.sort(key=lambda c: (c.span.start, c.id))
    return claims


#: a source that is only the word for a tally ("according to the statistics of this news agency")
_TALLY_NOUNS = frozenset({"statistics", "figures", "records", "data", "tally", "count", "documentation"})
#: the publisher's own people, named with "our" ("Our monitors recorded 11 arrests", "our reporters
#: have documented ..."): the publisher's count
_OWN_STAFF = frozenset({"monitors", "reporters", "correspondents", "network", "researchers", "team", "staff"})


def _own_staff(source: str) -> bool:
    low = source.lower()
    return low.removeprefix("our ").strip() in _OWN_STAFF

#: "the Council's own count", "the Observatory's own figures" (the publisher when its head noun is)
_OWN_HEAD = re.compile(r"(?:[Tt]he\s+)?[A-Za-z]+['’]s\s+own\s+(?:tally|count|figures|data|records)\b")
_OWN_TALLY = Cue(
    r"\b(?:according to (?:our|its own) (?:tally|count|figures|data|records|documentation|monitoring)|"
    r"(?:our|this organi[sz]ation's)(?: own)? (?:tally|count|figures|data|records)|"
    r"we (?:have )?(?:recorded|documented|counted|registered|verified|confirmed|identified|tallied)|"
    r"our (?:monitors|reporters|correspondents|network|researchers|team|staff) (?:have |has )?(?:recorded|documented|counted|registered|verified|confirmed|tallied)|"
    # the publisher naming itself ("according to the statistics of this human rights news agency")
    r"(?:statistics|figures|records|data|tally|count|documentation) of this (?:[\w-]+ ){0,3}?(?:news agency|agency|organi[sz]ation|group|monitor))\b",
    ("according to ", "our ", "this organi", "we ", " of this "),
)


#: a figure inside a source's ", citing <reports from N ...>," aside, before its verb
_IN_CITING_ASIDE = re.compile(r",\s+(?:citing|quoting)\s+(?:reports?|figures|data|information|accounts)\s+(?:from|by|of)\s+[^,;.]{0,60}\Z")
# ("…, local sources told the PMOI/MEK." / "…, ILNA reported, citing a local official." / "…, two rights
# groups said, as shops stayed shut …": a clause of circumstance after the cue is no new statement;
# nor is "…, Mizan said, bringing to 13 the number …": the source closes the clause it follows)
_SHORT_TAIL = re.compile(r"(?:\s+[\w'’/-]+){0,5}(?:\s+(?:for|of|and|on|the|[A-Z][\w'’-]*)){0,6}(?:,\s*(?:citing|quoting)(?:\s+[\w'’/-]+){1,6})?"
                         # (or a comparison in apposition: "…, IHR said, twice the figure of a year earlier")
                         # (or the reaction the act drew: "…, Mizan said, drawing condemnation from rights groups who said ...")
                         r"(?:,\s*(?:as|while|amid|even as|bringing|raising|taking|adding|and|twice|double|triple|up|down|compared|"
                         r"drawing|prompting|sparking|triggering|"
                         # (or when, against an occasion: "…, a rights group said Saturday, a day before the anniversary")
                         r"(?:a|one|two|three|the) (?:days?|weeks?|months?) (?:before|after|ahead of)|"
                         r"an? (?:rise|fall|increase|decrease|drop|jump)|the (?:highest|lowest|most)|more than|nearly|almost)\b[^\n]*)?[\s.”\"']*")
_SEVERAL_BEFORE = re.compile(r",\s*(?:[\w'’-]+\s+){1,4}and\s+(?:[\w'’-]+\s+){0,3}$")


#: a source that opens a clause of its own after a comma and a conjunction (", and the Iranian
#: Resistance has published ..."; not ", and that the toll announced by X ...")
#: (the source's head may come after a possessive and a lower-case word or two: ", while the
#: city's water company admitted that ...")
_CLAUSE_SOURCE_BEFORE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:the\s+|a\s+|an\s+)?"
                                   r"(?:[\w-]+['’]s\s+(?-i:[a-z][\w-]*\s+){0,2})?$", re.I)


def _opens_clause(text: str, lo: int, source_start: int) -> bool:
    """Does the source at ``source_start`` open a later clause of the sentence (past a semicolon,
    or right after ", and")?"""
    return ";" in text[lo:source_start] or _CLAUSE_SOURCE_BEFORE.search(text, lo, source_start) is not None


#: the cues of a call or an appeal: what someone asks others to do, no statement of fact
_CALL_CUES = frozenset({"called on", "calling on", "calls on", "call on", "called for", "calling for", "calls for",
                        "urged", "urges", "urging", "appealed to", "appealed for"})


#: a statement verb after the call ("urged the authorities to stop the killing and said it had verified ...")
_SAID_AFTER_CALL = re.compile(r"\b(?:said|says|reported|announced|stated|added|noted|confirmed|documented|verified)\b", re.I)


def _only_calls_cover(text: str, attrs, span: Span) -> bool:
    """Every attribution whose scope covers ``span`` is a call ("X called on Y to ..."), with no
    statement verb between the call and the number: the number of cities the callers acted in is
    the narrator's count, not the callers' statement."""
    cover = [a for a in attrs if (a.scope or a.span).start <= span.start < (a.scope or a.span).end]
    return bool(cover) and all(a.cue in _CALL_CUES and a.span.end <= span.start
                               and not _SAID_AFTER_CALL.search(text, a.span.end, span.start) for a in cover)


def _several_sources(doc: Doc, a: Attribution, sent: Span) -> bool:
    """'…, organisers and witnesses said': the attribution names one of several joined sources."""
    return _SEVERAL_BEFORE.search(doc.text, max(sent.start, a.span.start - 50), a.span.start) is not None


#: a list item's mark: "- ", "• ", "1. ", "2) "
_ITEM_MARK = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)])[ \t]")
#: (the comma may close a quoted charge: 'to five years for "propaganda against the state," his lawyer said')
#: (the comma may close a quoted charge: '... for "membership in the organization," the judiciary's Mizan
#: news agency reported')
_COMMA_BEFORE = re.compile(r",[\"”’']?\s*(?:[\w'’-]+\s+){0,4}$")
# a paragraph that opens with "HRANA reported ..." speaks for that source in its later sentences
#: a sentence that opens on a time of its own, back from the one told before ("A year earlier,
#: on May 1, 2018, police detained ...", "Two years ago, ..."): a new item of the narrator's, not a
#: continuation of the "According to X, ..." sentence before it
_OWN_TIME_OPENING = re.compile(r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:years?|months?|weeks?)\s+"
                               r"(?:earlier|before|ago)\s*,", re.I)
_LEAD_CUES = {"reported", "reports", "said", "says", "announced", "stated", "according to", "documented",
              "recorded", "counted", "confirmed", "reported by", "announced by",
              # a UN expert's paragraph opened by a concern (set 69: "The Special Rapporteur expressed
              # particular concern about ... . Baluch prisoners accounted for 20 per cent ...")
              "expressed alarm", "expressed concern", "expressed deep concern", "expressed particular concern",
              "expressed grave concern", "highlighted",
              # ("Reports obtained by the network of the PMOI/MEK inside Iran show that ... . At least 27
              # protesters have been killed ...": the paragraph goes on with the network's reports)
              "obtained by the network of", "gathered by the network of"}


#: the publisher named by its head noun ("the network’s sources" in a report by the Kurdistan
#: Human Rights Network, "the committee" in one by a Labour Committee)
_SELF_REFERENCE = re.compile(r"(?:the\s+)?(?P<head>[a-z]+)(?:['’]s(?:\s+own)?\s+(?:sources?|count|tally|figures|data|records?))?",
                             re.I)
_SELF_HEADS = frozenset({"network", "organisation", "organization", "monitor", "committee", "campaign", "bulletin",
                         "group", "centre", "center", "association", "union", "council"})


_OWN_OFFICE = re.compile(r"(?:the\s+)?(?P<owner>[\w/]+)['’]s\s+(?:[a-z][\w-]+\s+){0,2}(?:department|office|desk|unit|team)")


#: a heading that names the source of the paragraph below it ("What Hengaw says", "HRANA's figures")
_SOURCE_HEADING = re.compile(r"(?:What\s+(?:the\s+)?(?P<src>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,5})\s+(?:says|said|reports|reported|found)"
                             r"|(?P<src2>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,5})(?:['’]s|(?<=s)['’])\s+(?:figures|account|count|data|findings|version))")
#: a table's head line whose first column names the sources ("Source | Killed | Arrested")
_TABLE_SOURCE_HEAD = re.compile(r"\s*\|?\s*(?:sources?|who|according to|reported by|outlet|claimed by)\s*\|", re.I)


#: what a table column counts, by a word of its head cell
_COLUMN_KINDS = (("kill", "killed"), ("dead", "killed"), ("death", "killed"), ("arrest", "arrested"),
                 ("detain", "arrested"), ("injur", "injured"), ("wound", "injured"), ("execut", "executed"))


def _table_row_source(text: str, pos: int) -> tuple[str, str] | None:
    """The first cell of the table row at ``pos`` when the table's head line says that column
    holds the sources ("Source | Killed | Arrested" / "HRANA | 31 | 1,200": HRANA's figures), with
    the head cell of the number's column."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    if line.count("|") < 2:
        return None
    top = start
    while top > 0:  # up the run of table lines to its head
        above = text.rfind("\n", 0, top - 1) + 1
        if text[above : top - 1].count("|") < 2:
            break
        top = above
    head_end = text.find("\n", top)
    if top == start or not _TABLE_SOURCE_HEAD.match(text, top, head_end if head_end >= 0 else len(text)):
        return None
    cells = line.strip().strip("|").split("|")
    cell = cells[0].strip()
    if not cell or any(ch.isdigit() for ch in cell):
        return None
    heads = text[top : head_end if head_end >= 0 else len(text)].strip().strip("|").split("|")
    col = line[: pos - start].strip().lstrip("|").count("|")
    return cell, heads[col].strip() if col < len(heads) else ""


def _same(source: str, publisher: str | None) -> bool:
    if not publisher:
        return False
    if source.casefold() == publisher.casefold():
        return True
    m = _SELF_REFERENCE.fullmatch(source.strip())
    if m is not None and m.group("head").casefold() in _SELF_HEADS and is_publisher_head(m.group("head"), publisher):
        return True
    # the publisher's own office ("HRANA's statistics department says" in a report by HRANA News Agency)
    o = _OWN_OFFICE.fullmatch(source.strip())
    if o is None:
        return False
    owner, pub = o.group("owner").casefold(), publisher.casefold()
    return pub == owner or pub.startswith(owner + " ")


def _slogan_owner(events: list[Event], quote: Quote) -> str | None:
    """The actor of the first event the slogan is evidence of."""
    for e in events:
        if e.actor1:
            for ev in e.evidence:
                if ev.role == "slogan" and ev.span.start == quote.span.start and ev.span.end == quote.span.end:
                    return e.actor1
    return None


def _main_opposition(events: list[Event]) -> str | None:
    for e in events:
        if e.event_type == "protest" and e.actor1:
            return e.actor1
    return None


def _said_on(doc: Doc, source: str, sent: Span, named: list[Attribution]) -> dt.date | None:
    """'Reuters confirmed ... on December 23, 2019': the date right after the attribution cue
    (``named``: the attributions whose span starts in ``sent``)."""
    for a in named:
        if a.source != source or not sent.contains(a.span):
            continue
        for d in doc.dates:
            if 0 <= d.span.start - a.span.end <= 60 and d.range.start is not None and d.range.start == d.range.end:
                return d.range.start
    return None
