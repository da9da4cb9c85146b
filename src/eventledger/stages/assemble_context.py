"""What a sentence tells the assembler: the per-document context of event assembly.

:class:`DocContext` indexes a document's mentions by sentence (triggers, places, quantities,
actors, dates, attributions) and knows which sentences are skipped; :class:`Draft` is one
event before merging. The predicates here answer the questions :mod:`.assemble` asks of a
sentence before it makes an event: is the trigger history recalled, is a place only a
dateline, which town is the story about (its home town), does a protest noun refer back
to one already told, is a place only an official's jurisdiction, is the count a tally,
were the victims security forces, does the sentence speak of a wider scope, is a
country-level (placeless) event specific enough to keep.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..doc import ActorMention, Attribution, DateMention, Doc, PlaceMention, Quantity, Segment, Trigger
from ..models import DateRange, Span
from ..textutil import fold_name as _fold_name
from .assemble_cues import Cue
from .place_sections import place_sections
from .triggers import spec_of

__all__ = [
    "ANAPHOR_BEFORE", "COUNT_KINDS_BY_SUBTYPE", "CROWD", "DocContext", "Draft", "against_security",
    "attributed_source", "beat_crowd", "country_ok", "desk_dateline", "drop_back_references", "event_places", "fallback_date",
    "fired_on_crowd", "fold_name", "home_place", "place_key", "intervened", "is_force", "is_chant", "is_history", "is_recent",
    "is_tally", "jurisdiction_place", "next_lists_places", "not_history", "to_home", "usable", "wider_scope",
]

#: the count kinds an event of each sub-type takes (also read by :mod:`.assemble` for its counts)
COUNT_KINDS_BY_SUBTYPE: dict[str, tuple[str, ...]] = {
    "execution": ("executed",),
    "sentence": ("sentenced_months", "sentenced_to_death"),
    "killing": ("killed",),
    "arrest": ("arrested",),
    "attack_on_civilians": ("injured", "killed"),
    "attack_on_people": ("killed", "injured"),
    "demonstration": ("participants",),
    "protest_with_intervention": ("participants",),
    "strike": ("participants",),
}
_COUNTRY_RECENT_DAYS = 62
_DASH_AFTER = re.compile(r"\s*[,–—-]")
_PAREN = re.compile(r"\([^)]{0,40}\)")
# (or named right after the act: "Iran executed Mohammad Ghobadlou on Tuesday")
_NAMED_PERSON = re.compile(r"\b(?:prisoner|activist|journalist|dissident|student|worker|teacher|lawyer|"
                           r"executed|hanged|sentenced|arrested|detained)\s+[A-Z][a-z]+ [A-Z]")
_LIST_GAP = re.compile(r"^[\s,]*(?:and|&|or)?[\s,]*$", re.I)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    return _fold_name(name)


def _section_key(sections: dict[int, tuple[PlaceMention, ...]], paragraph: int | None) -> str:
    """The places of the heading a paragraph is told under, as a key ("" for none)."""
    heads = sections.get(paragraph, ()) if paragraph is not None else ()
    return "|".join(place_key(p) for p in heads)


def place_key(p: PlaceMention) -> str:
    """The folded canonical name of a place mention (its surface when unresolved): what
    "the same town" compares."""
    return fold_name(p.place.canonical or p.name)


def fallback_date(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
    """Nearest event date in the same sentence, else the last one earlier in the paragraph."""
    sent = doc.sentence_at(span.start)
    para = doc.paragraph_at(span.start)
    best: DateMention | None = None
    scoped = [d for d in doc.dates if d.role == "event" and d.scope is not None and d.scope.contains(span)]
    if scoped:
        best = min(scoped, key=lambda d: abs(d.span.start - span.start))
    if best is None and sent is not None:
        inside = [d for d in doc.dates if d.role == "event" and sent.span.contains(d.span)]
        if inside:
            best = min(inside, key=lambda d: abs(d.span.start - span.start))
    if best is None and para is not None:
        earlier = [d for d in doc.dates if d.role == "event" and para.span.start <= d.span.start < span.start]
        if earlier:
            best = earlier[-1]
    if best is None:
        return DateRange.unresolved(), ()
    return best.range, (best.span,)


@dataclass
class Draft:
    """One event before merging."""

    sub: str
    etype: str
    place: PlaceMention | None
    sentence: Segment
    triggers: list[Trigger]
    tactics: list[str]
    caption: bool = False
    inferred: bool = False  # the place is the story's place (dateline, "the city"), not named here
    date_from: Span | None = None  # the text that dates it when not its own (the protest it was at)
    table_row: bool = False  # a row of a count table by place ("Marivan: 6" under "Arrests by town, November 2025")


class DocContext:
    """Per-document indexes the assembler reads many times.

    Every mention list is bucketed by the sentence its start falls in (doc order kept inside a
    bucket; an empty bucket is the shared ``()``), once per document: the predicates below and
    the claims ask per sentence, instead of scanning the document's mentions per question. A
    mention inside a sentence is in that sentence's bucket because sentences are in order and
    do not overlap (the segment stage makes them so)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.view = doc.view or doc.text
        sents = doc.sentences
        n = len(sents)
        self.starts = starts = [s.span.start for s in sents]
        self.ends = ends = [s.span.end for s in sents]
        self.sent_triggers: list[list[Trigger]] = _by_sentence(doc.triggers, starts, ends)
        self.sent_places: list[list[PlaceMention]] = _by_sentence(doc.places, starts, ends)
        self.sent_quants: list[list[Quantity]] = _by_sentence(doc.quantities, starts, ends)
        self.sent_actors: list[list[ActorMention]] = _by_sentence(doc.actors, starts, ends)
        self.sent_dates: list[list[DateMention]] = _by_sentence(doc.dates, starts, ends)
        self.sent_attr_named: list[list[Attribution]] = _by_sentence(doc.attributions, starts, ends)  # by their own span
        # attributions by the sentences their scope overlaps (the statement they cover)
        self.sent_attr: list[list[Attribution]] = [()] * n  # type: ignore[list-item]
        for a in doc.attributions:
            scope = a.scope or a.span
            i = max(bisect.bisect_right(starts, scope.start) - 1, 0)
            while i < n and starts[i] < scope.end:
                if sents[i].span.overlaps(scope):
                    if self.sent_attr[i]:
                        self.sent_attr[i].append(a)
                    else:
                        self.sent_attr[i] = [a]
                i += 1
        self._groups: dict[int, list[list[PlaceMention]]] = {}
        self.paragraph_kind = {p.index: p.kind for p in doc.paragraphs}
        self.paragraph_repeat = {p.index: p.repeat_of for p in doc.paragraphs}
        self.kinds = [self.paragraph_kind.get(s.paragraph, s.kind) for s in sents]
        self._para_starts = [p.span.start for p in doc.paragraphs]
        self._para_ends = [p.span.end for p in doc.paragraphs]
        if any(self._para_ends[k] > self._para_starts[k + 1] for k in range(len(self._para_starts) - 1)):
            self.paragraph_at = doc.paragraph_at  # type: ignore[method-assign]  # (unordered: Doc's own search)
        # the lines told under a place heading ("Tehran:" alone on its line), by paragraph
        self.section_place: dict[int, tuple[PlaceMention, ...]] = place_sections(
            doc, self.view, self.kinds, self.sent_places, self.sent_dates)
        self.skip = self._skipped_sentences()
        # slogans and statements: a place named inside ("Kurdistan is not alone") is no event place
        self.quote_spans = sorted((q.span.start, q.span.end) for q in doc.quotes if q.kind != "term")
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.event_places: dict[int, list[PlaceMention]] = {}
        self.memo: dict[tuple[str, int], bool] = {}  # per-sentence answers asked for many times
        self._dates_by_end: tuple[list[int], list[DateMention]] | None = None

    def idx(self, offset: int) -> int | None:
        """The index of the sentence holding ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return i
        return None

    def paragraph_at(self, offset: int) -> Segment | None:
        """``Doc.paragraph_at`` by a bisect over the paragraph starts (the same answer for
        paragraphs in order that do not overlap, which ``__init__`` checks)."""
        k = bisect.bisect_right(self._para_starts, offset) - 1
        if k >= 0 and offset < self._para_ends[k]:
            return self.doc.paragraphs[k]
        return None

    def in_quote(self, span: Span) -> bool:
        k = bisect.bisect_right(self.quote_starts, span.start) - 1
        return k >= 0 and span.end <= self.quote_spans[k][1]

    def _skipped_sentences(self) -> set[int]:
        """Sentences whose events must not be produced: boilerplate, repeated paragraphs, and
        (whitespace-normalised) duplicates of an earlier sentence."""
        skip: set[int] = set()
        # Normalising every sentence ("split, join, casefold") costs more than the rest of the
        # context; sentences are first grouped by their first and last words (casefolded, which
        # the normalised text shares), and only sentences that share those are normalised.
        # A signature seen once keeps just its sentence's text (no set per sentence: most
        # signatures are never seen again); the second sentence with it normalises both.
        groups: dict[tuple[str, str], str | set[str]] = {}
        view = self.view
        repeat = self.paragraph_repeat
        kinds = self.kinds
        sections = self.section_place
        for i, s in enumerate(self.doc.sentences):
            if kinds[i] == "boilerplate":
                skip.add(i)
                continue
            if repeat.get(s.paragraph) is not None or s.repeat_of is not None:
                # ("Leaflets were distributed." under "Tehran:" and again under "Shiraz:": two acts)
                if not sections or _section_key(sections, s.paragraph) == _section_key(sections, repeat.get(s.paragraph)):
                    skip.add(i)
                    continue
            text = view[s.span.start : s.span.end]
            if sections and s.paragraph in sections:
                text = _section_key(sections, s.paragraph) + "\x00" + text  # (a duplicate only under the same heading)
            first = text.split(None, 1)
            sig = (first[0].casefold(), text.rsplit(None, 1)[-1].casefold()) if first else ("", "")
            keys = groups.get(sig)
            if keys is None:
                groups[sig] = text
                continue
            if type(keys) is str:
                keys = groups[sig] = {_normalised(keys)}
            key = _normalised(text)
            if key in keys:
                skip.add(i)
            keys.add(key)
        return skip

    def groups(self, i: int) -> list[list[PlaceMention]]:
        g = self._groups.get(i)
        if g is None:
            g = self._groups[i] = _list_groups(self, event_places(self, i))
        return g

    def kind(self, i: int) -> str:
        return self.kinds[i]

    def last_date_before(self, lo: int, hi: int) -> DateMention | None:
        """Of the dates ending in ``(lo, hi]``, the one ending last (the first in document
        order among equals), by a bisect over the dates sorted by their ends."""
        if self._dates_by_end is None:
            dates = self.doc.dates
            order = sorted(range(len(dates)), key=lambda k: (dates[k].span.end, k))
            self._dates_by_end = ([dates[k].span.end for k in order], [dates[k] for k in order])
        ends, by_end = self._dates_by_end
        k = bisect.bisect_right(ends, hi) - 1
        if k < 0 or ends[k] <= lo:
            return None
        return by_end[bisect.bisect_left(ends, ends[k])]


def _by_sentence(mentions: list, starts: list[int], ends: list[int]) -> list[list]:
    """The mentions grouped by the sentence their start falls in (``()`` for none)."""
    out: list = [()] * len(starts)
    for m in mentions:
        off = m.span.start
        i = bisect.bisect_right(starts, off) - 1
        if i >= 0 and off < ends[i]:
            b = out[i]
            if b:
                b.append(m)
            else:
                out[i] = [m]
    return out


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_chant(t: Trigger) -> bool:
    """Chanting in public: a demonstration (triggers), or the tactic of one told just before."""
    return t.sub_event_type == "demonstration" and t.tactics == ("chanting",)


def usable(t: Trigger) -> bool:
    return not t.negated and t.modality == "asserted"


#: "families of protesters killed in 2022 visited the graves": the history date names the
#: victims ("killed in"), it does not date the act that follows in a sentence with its own date
#: (or who went missing then: "relatives of prisoners who disappeared after the 2022 uprising held a
#: silent gathering ... on Friday")
_VICTIMS_OF_DATE = re.compile(r"\b(?:killed|slain|executed|died|murdered|shot dead|disappeared|vanished)\s+(?:in|on|during|after)\s+(?:the\s+)?"
                              # (or the second of two: "young people killed in the 2022 uprising and in November 2019")
                              r"(?:(?:[\w-]+\s+){1,3}?and\s+(?:in|on|during|after)\s+(?:the\s+)?)?$", re.I)
#: "posters with the images of the victims of November 2019 on Friday": the date names the
#: victims on either side of the trigger (the sentence's event date dates the act)
_NAMES_VICTIMS_DATE = re.compile(r"\b(?:victims|martyrs)\s+of\s+(?:the\s+)?$"
                                 # "posters in memory of the students of 1999 on Wednesday": whom
                                 # the act remembers, named by their date
                                 r"|\bin\s+(?:memory|honou?r)\s+of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3}?(?:of|from)\s+(?:the\s+)?$"
                                 # "handed out leaflets about the women of the 1988 massacre on Monday": what they tell of
                                 r"|\babout\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3}?(?:of|from)\s+(?:the\s+)?$",
                                 re.I)


def is_history(ctx: DocContext, i: int, t: Trigger) -> bool:
    """A trigger governed by a history date: "the 1988 massacre", "over the 2022 protests"
    (the date nearest the trigger is a history date), or any history date near a trigger in
    a sentence without an event date."""
    dates = ctx.sent_dates[i]
    if not dates:
        return _in_history_paragraph(ctx, i)
    if not any(d.role == "history" for d in dates):
        return False  # (every rule below needs a history date in the sentence)
    dates = [d for d in dates if not _dates_another_participle(ctx, d, t) and not _names_a_past_event(ctx, d, t)]
    if '"' in ctx.view or "\u201c" in ctx.view:
        s0 = ctx.doc.sentences[i].span.start
        dates = [d for d in dates if not (d.role == "history" and _quoted_apart(ctx.view, s0, d.span.start, t.span.start))]
    if not any(d.role == "history" for d in dates):
        return False
    if "commemoration" in t.tactics or "grave_visit" in t.tactics:
        # "marked the anniversary of the November 2019 uprising": the history date is what is
        # remembered (after the trigger); the act of remembering is news
        # (or opens the sentence: "On December 21, 2022, families gathered at the graves")
        s0 = ctx.doc.sentences[i].span.start
        if not any(d.role == "history" and d.span.end <= t.span.start and (
                t.span.start - d.span.end < 40 or ctx.view[s0 : d.span.start].strip().lower() in ("", "on", "in"))
                for d in dates):
            return False
    if any(d.role == "history" and 0 <= t.span.start - d.span.end <= 1
           and ctx.view[max(0, d.span.start - 4) : d.span.start].lower() == "the " for d in dates):
        return True  # "a man killed in the 2022 protests": the year names the protests themselves
    nearest = min(dates, key=lambda d: min(abs(d.span.start - t.span.end), abs(t.span.start - d.span.end)))
    gap = min(abs(nearest.span.start - t.span.end), abs(t.span.start - nearest.span.end))
    if nearest.role == "history" and gap < 40 and (_dated_subject_then_dated_verb(ctx, dates, nearest, t)
                                                   or _participle_subject_after_dated_statement(ctx, dates, nearest, t)):
        return False
    if nearest.role == "history" and gap < 40:
        between = ctx.view[min(nearest.span.end, t.span.end) : max(nearest.span.start, t.span.start)]
        # "On October 18, in memory of those killed in 2019, activists wrote graffiti": a history
        # date in another clause of a dated sentence does not govern the trigger
        if not ("," in between and any(d.role == "event" for d in dates)) \
                and not (t.span.start >= nearest.span.end
                         and _VICTIMS_OF_DATE.search(ctx.view, max(0, nearest.span.start - 56), nearest.span.start)
                         and any(d.role == "event" for d in dates)) \
                and not (_NAMES_VICTIMS_DATE.search(ctx.view, max(0, nearest.span.start - 48), nearest.span.start)
                         and any(d.role == "event" for d in dates)):
            return True
    if any(d.role == "event" for d in dates):
        return _history_opens_clause(ctx, i, dates, t)
    # "... executed in August 1988, and in Dezful dozens were hanged that summer": "that
    # summer" points back to the sentence's history date, so the second act is history too
    if _BACK_TO_HISTORY.match(ctx.view, t.span.end, min(len(ctx.view), t.span.end + 40)):
        return True
    # "During the November 2019 uprising, the people of ... set fire ..., and hundreds were
    # shot dead": a history date that opens a sentence without an event date governs all of it
    opening = ctx.doc.sentences[i].span.start + _OPENING_CHARS
    ago = _YEARS_AGO_OPEN.match(ctx.view, ctx.doc.sentences[i].span.start)
    if ago is not None:  # "Four years ago, on Teachers' Day 2022 (May 2, 2022), ...": the opening is after it
        opening += ago.end() - ago.start()
    return any(d.role == "history" and (abs(d.span.start - t.span.start) < 80 or d.span.start < opening) for d in dates)


#: a later clause of its own with its own date ("..., and in October, 11 students were suspended")
_NEXT_DATED_CLAUSE = re.compile(r"(?:,\s*(?:and|while|but)|;)\s+(?:(?:in|on|by|during)\s+)?$", re.I)


def _history_opens_clause(ctx: DocContext, i: int, dates: list[DateMention], t: Trigger) -> bool:
    """"In April, students at Shiraz University staged a sit-in over similar complaints, and in
    October, 11 students ... were suspended": a history date that opens the sentence governs the
    triggers of its own clause; the later clause's event date does not reach back over ", and"."""
    s0 = ctx.doc.sentences[i].span.start
    head = next((d for d in dates if d.span.start < s0 + _OPENING_CHARS), None)
    if head is None or head.role != "history" or t.span.start < head.span.end:
        return False
    later = next((d for d in dates if d.role == "event" and d.span.start > t.span.end), None)
    if later is None or any(d.role == "event" and d.span.end <= t.span.start for d in dates):
        return False
    return _NEXT_DATED_CLAUSE.search(ctx.view, t.span.end, later.span.start) is not None


def _in_quote(view: str, s0: int, pos: int) -> int | None:
    """The start of the quotation (opened in the sentence starting at ``s0``) that ``pos`` is in, if any."""
    seg = view[s0:pos]
    k = seg.rfind("\u201c")
    if k >= 0 and seg.rfind("\u201d") < k:
        return s0 + k
    if seg.count('"') % 2:
        return s0 + seg.rfind('"')
    return None


def _quoted_apart(view: str, s0: int, date_at: int, trig_at: int) -> bool:
    """A date inside a quoted slogan ("wrote '1988 massacre: we neither forgive nor forget' on
    walls") names what the slogan recalls; it does not date a trigger outside that quote."""
    q = _in_quote(view, s0, date_at)
    return q is not None and _in_quote(view, s0, trig_at) != q


#: a time that points back to an earlier date ("that summer", "the same year") right after a trigger
_BACK_TO_HISTORY = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:that|the\s+same)\s+(?:summer|spring|autumn|fall|winter|year|month)\b", re.I)


#: how far into a sentence a date still opens it ("During the November 2019 uprising, ...")
_OPENING_CHARS = 30
#: a sentence opening on how long ago it was ("Four years ago, ", "Years ago, ")
_YEARS_AGO_OPEN = re.compile(r"(?:[A-Z][a-z]+|[0-9]{1,2}|A)?\s*(?:[a-z]+\s+)?years?\s+ago,?\s+", re.I)


#: (the date may end the participle's event: "a student killed in the dormitory raid of 1999")
# (the date may follow "the": "two young men arrested during the November 2019 protests")
#: (a place may stand between: "young people killed in the town in 2022", "detained in Tehran in 2023")
#: a relative pronoun right after a trigger noun ("Protests that erupted in ...", "the strike, which started in ...")
_RELATIVE_OF_TRIGGER = re.compile(r",?\s+(?:that|which)\s+(?:had\s+|have\s+|has\s+)?")
_PARTICIPLE_BEFORE = re.compile(r"\b[a-z]+ed\s+(?:(?:in|at|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?(?:in|during|since)\s+"
                                r"(?:the\s+(?:(?:[\w-]+\s+){1,2}?of\s+)?)?$")


#: only an auxiliary between a history date and the verb after it ("... in Quchan in 2023 was hanged")
_AUX_ONLY = re.compile(r"\s*,?\s*(?:was|were|had been|has been|have been)\s+$")


def _dated_subject_then_dated_verb(ctx: DocContext, dates: list[DateMention], h: DateMention, t: Trigger) -> bool:
    """"a man convicted of killing an officer in Quchan in 2023 was hanged at dawn on Wednesday":
    the history date closes the subject (the crime it is convicted of), the verb right after it
    is the sentence's own act and has an event date of its own a few words after it."""
    if h.span.end > t.span.start or not _AUX_ONLY.match(ctx.view[h.span.end : t.span.start]):
        return False
    return any(d.role == "event" and 0 <= d.span.start - t.span.end <= 30 for d in dates)


#: a history date closing a participle subject, then only an event noun and an auxiliary before the
#: verb ("a young man arrested during the 2022 protests had been sentenced")
_NOUN_AUX_ONLY = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?,?\s*(?:was|were|had been|has been|have been)\s+$")


def _participle_subject_after_dated_statement(ctx: DocContext, dates: list[DateMention], h: DateMention, t: Trigger) -> bool:
    """"The judiciary announced on Tuesday that a young man arrested during the 2022 protests had
    been sentenced to five years": the history date dates the arrest the participle tells of the
    subject; the verb after it is the sentence's act, dated by the event date before the subject."""
    if h.span.end > t.span.start or not _NOUN_AUX_ONLY.match(ctx.view[h.span.end : t.span.start]):
        return False
    if _PARTICIPLE_BEFORE.search(ctx.view, max(0, h.span.start - 60), h.span.start) is None:
        return False
    return any(d.role == "event" and d.span.end <= h.span.start - 20 for d in dates)


#: an offence named by its date ("accused of leading the riots of 30 September 2022 in Zahedan"); not
#: a past wave the sentence tells of ("During the water protests of 2021, nine people were killed")
_EVENT_OF_BEFORE = re.compile(r"\b(?:accused\s+of|charged\s+(?:with|over)|convicted\s+of|(?:involvement|participation|role)\s+in)"
                              r"\s+(?:[\w'’-]+\s+){0,3}?(?:riots?|protests?|uprising|events|unrest|attacks?|demonstrations?|strikes?)\s+of\s+$", re.I)


def _names_a_past_event(ctx: DocContext, d: DateMention, t: Trigger) -> bool:
    """"three people accused of leading the riots of 30 September 2022 in Zahedan were sentenced
    on Sunday": the history date names the offence (the noun before "of"), it does not date the
    sentence's verb."""
    if d.role != "history" or not (t.span.end <= d.span.start - 4 or t.span.start >= d.span.end):
        return False
    return _EVENT_OF_BEFORE.search(ctx.view, max(0, d.span.start - 70), d.span.start) is not None \
        and not (t.span.start < d.span.start and t.span.end >= d.span.start - 16)


def _dates_another_participle(ctx: DocContext, d: DateMention, t: Trigger) -> bool:
    """"sentenced three protesters detained in 2022 to death": the history date belongs to the
    participle right before it ("detained"), not to a trigger elsewhere in the sentence."""
    if d.role != "history" or d.span.start < t.span.start:
        return False
    m = _PARTICIPLE_BEFORE.search(ctx.view, max(0, d.span.start - 60), d.span.start)
    if m is not None and m.start() >= t.span.end and _RELATIVE_OF_TRIGGER.fullmatch(ctx.view, t.span.end, m.start()):
        # "Protests that erupted in November 2019 ... were crushed": the relative clause's verb tells
        # when the trigger's own noun happened, so the date is the trigger's
        return False
    # (or inside a long trigger, naming its object: "painted the names of protesters killed in
    # 2019 on walls")
    return m is not None and (m.start() >= t.span.end or (m.start() > t.span.start and d.span.end <= t.span.end))


def not_history(ctx: DocContext, i: int, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers of sentence ``i`` that :func:`is_history` keeps, in order. Its first two
    rules answer for the whole sentence (no date: the paragraph decides; no history date:
    none is history), so they are asked once here rather than per trigger."""
    if not triggers:
        return triggers
    dates = ctx.sent_dates[i]
    if not dates:
        return [] if _in_history_paragraph(ctx, i) else triggers
    for d in dates:
        if d.role == "history":
            return [t for t in triggers if not is_history(ctx, i, t)]
    return triggers


def _in_history_paragraph(ctx: DocContext, i: int) -> bool:
    """An undated sentence in a paragraph whose last date before it is a history date ("In
    January 2020, the IRGC shot down a jet ... All 176 people on board were killed"): it
    goes on telling that past event."""
    got = ctx.memo.get(("history_para", i))
    if got is not None:
        return got
    sent = ctx.doc.sentences[i]
    para = ctx.paragraph_at(sent.span.start)
    got = False
    if para is not None and para.span.start < sent.span.start:
        # (by the end of each date: a date mention may start before the paragraph)
        last = ctx.last_date_before(para.span.start, sent.span.start)
        got = last is not None and last.role == "history" and not _beside_event_date(ctx, last)
    ctx.memo[("history_para", i)] = got
    return got


_WEEKDAY_NAME = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _beside_event_date(ctx: DocContext, d: DateMention) -> bool:
    """A history date in a sentence that has a news date of its own ("held a gathering on
    Saturday, December 7, holding pictures of students killed in the 2022 uprising"): the
    sentence tells today's act, so the paragraph goes on with today, not the past."""
    k = ctx.idx(d.span.start)
    # (a stated day: "the same period of 2023" refers back, it dates nothing of its own)
    # (or a weekday: "At the cemetery, on Thursday, mothers of those killed in November 2019 gathered")
    return k is not None and any(e.role == "event" and e.span.end <= d.span.start and e.range.precision in ("day", "range")
                                 and (any(ch.isdigit() for ch in e.text)
                                      or ("weekday" in e.range.flags and _WEEKDAY_NAME.search(e.text) is not None))
                                 for e in ctx.sent_dates[k])


_AGENCY = r"\((?:Reuters|AP|AFP|IRNA|dpa|UPI|ISNA|Tasnim|Fars|Mehr|IranWire)\)"
_DATELINE_AFTER = re.compile(
    # ("Tehran/Berlin (dpa) -": a joint dateline names the second desk after a slash)
    r"(?:/[A-Z][A-Za-z'-]+(?=[\s(,]))?(?:"
    rf"(?:\s*\([^)]{{1,30}}\))?,\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}(?:\s+\d{{4}})?)\s*(?:{_AGENCY})?\s*[-–—]"
    rf"|\s*{_AGENCY}\s*[-–—]"
    r"|\s*\([^)]{1,40}\)\s*[-–—]"  # "Bukan (Regional Correspondent) –"
    # ("Izeh, 25 Aban 1404 (MNA) –": a Persian-calendar day and any agency's initials in brackets)
    r"|,\s*\d{1,2}\s+[A-Z][a-z]{2,11}\s+\d{4}\s*(?:\([A-Z]{2,8}\))?\s*[-–—]"
    r")"
)
# the first desk of a joint dateline, before the second one's slash
_DATELINE_FIRST_DESK = re.compile(r"[A-Z][A-Za-z'-]+/\Z")


def _is_dateline(ctx: DocContext, p: PlaceMention) -> bool:
    """'TEHRAN, Jan 3 (Reuters) -': the place a report was filed from, not an event place."""
    para = ctx.paragraph_at(p.span.start)
    if para is None:
        return False
    if p.span.start - para.span.start > 3 and not (
            p.span.start - para.span.start < 40
            and _DATELINE_FIRST_DESK.match(ctx.view, para.span.start, p.span.start)):
        return False
    if _DATELINE_AFTER.match(ctx.view, p.span.end):
        return True
    surface = ctx.view[p.span.start : p.span.end]
    return surface.isupper() and len(surface) > 2 and bool(_DASH_AFTER.match(ctx.view, p.span.end, p.span.end + 3))


def event_places(ctx: DocContext, i: int) -> list[PlaceMention]:
    got = ctx.event_places.get(i)
    if got is None:
        got = ctx.event_places[i] = [
            p for p in ctx.sent_places[i]
            if p.role == "event" and p.place.precision < 4 and not _is_dateline(ctx, p) and not ctx.in_quote(p.span)
            and not _COMPOUND_AFTER.match(ctx.view, p.span.end)]
        if got and any(d.role == "history" for d in ctx.sent_dates[i]):
            got = ctx.event_places[i] = [p for p in got if not _place_of_history(ctx, i, p)]
        if len(got) > 1:
            got = ctx.event_places[i] = [p for p in got if not _place_of_earlier_arrest(ctx, p)]
        if not got and (court := _court_tried_in(ctx, i)) is not None:
            got = ctx.event_places[i] = [court]
        if len(got) == 1 and got[0].place.precision == 3:
            town = _road_town(ctx, i, got[0])
            if town is not None:
                got = ctx.event_places[i] = [town]
        elif not got and (town := _between_towns(ctx, i)) is not None:
            got = ctx.event_places[i] = [town]
    return got


#: "A Revolutionary Court in northwestern Iran": a court placed only by a region of the country
_COURT_IN_REGION_BEFORE = re.compile(r"\bcourt\s+in\s+(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+$", re.I)
#: "The eight defendants were tried together in four closed sessions in Urmia": where the trial sat
_TRIED_IN_BEFORE = re.compile(r"\b(?:tried|trial|hearings?|sessions?)\b[^.;\n]{0,60}?\bin\s+$", re.I)


def _court_tried_in(ctx: DocContext, i: int) -> PlaceMention | None:
    """A court placed by a region of the country ("A Revolutionary Court in northwestern Iran has
    sentenced ...") sat in the town where the next sentence says the defendants were tried."""
    if not any(p.place.precision == 4 and _COURT_IN_REGION_BEFORE.search(ctx.view, max(0, p.span.start - 40), p.span.start)
               for p in ctx.sent_places[i]):
        return None
    sents = ctx.doc.sentences
    if i + 1 >= len(sents) or sents[i + 1].paragraph - sents[i].paragraph > 1:
        return None
    for p in ctx.sent_places[i + 1]:
        if p.role == "event" and p.place.precision == 1 and _TRIED_IN_BEFORE.search(
                ctx.view, max(sents[i + 1].span.start, p.span.start - 80), p.span.start):
            return p
    return None


_ROAD_BETWEEN = re.compile(r"\broad\s+between\s+(?:the\s+(?:towns?|cities)\s+of\s+)?\Z", re.I)


def _between_towns(ctx: DocContext, i: int) -> PlaceMention | None:
    """"shot dead two porters on the road between Khash and Iranshahr": with no other place in
    its sentence, the act is near the first town of the road it names (precision 2), not in the
    town the sentence before told."""
    for p in ctx.sent_places[i]:
        if p.role == "route" and p.place.precision == 1 and not ctx.in_quote(p.span) \
                and _ROAD_BETWEEN.search(ctx.view, max(0, p.span.start - 40), p.span.start):
            return replace(p, role="event", place=replace(p.place, precision=2))
    return None


def _road_town(ctx: DocContext, i: int, province: PlaceMention) -> PlaceMention | None:
    """The first town sentence ``i`` names on a road ("a checkpoint on the Rasht–Anzali road",
    "on the road to Rasht") in the one province it names as a place ("the police of Gilan
    province said ..."), as a place near that town (finer than the province); else None."""
    span = ctx.doc.sentences[i].span
    for p in ctx.sent_places[i]:
        if p.role == "route" and span.contains(p.span) and p.place.precision == 1 \
                and p.place.admin1 == province.place.admin1 and not ctx.in_quote(p.span):
            return replace(p, role="event", place=replace(p.place, precision=2))
    return None


_HISTORY_GAP = re.compile(r"\s*,?\s*(?:in|on|during)?\s*$", re.I)


def _place_of_history(ctx: DocContext, i: int, p: PlaceMention) -> bool:
    """A place dated by a history date right after it ("Kaveh Soltani, a student killed in
    Sanandaj in 2022, ..."): where that past act happened, not a place for the news told
    around it."""
    for d in ctx.sent_dates[i]:
        if d.role == "history" and 0 <= d.span.start - p.span.end <= 12 \
                and _HISTORY_GAP.match(ctx.view[p.span.end : d.span.start]):
            return True
    return False


#: the arrest an apposition recalls between a sentence's object and its term ("sentenced three
#: prisoners, arrested in Divandarreh in July 2025, to death on 18 November")
_ARREST_APPOSITION_BEFORE = re.compile(r",\s+(?:who\s+(?:were|was|had\s+been)\s+)?(?:arrested|detained|captured|seized)"
                                       r"\s+(?:in|at)\s+\Z")
_ARREST_APPOSITION_AFTER = re.compile(r"(?:\s+(?:in|on|during)\s+[^,;.()]{1,30})?,\s+to\s+(?:death|life|(?:[\w-]+\s+){1,4}(?:years?|months?))\b")


def _place_of_earlier_arrest(ctx: DocContext, p: PlaceMention) -> bool:
    """A town in an apposition that recalls the earlier arrest of a sentence's object: where they
    were arrested, not where the sentence (told with its other town) was passed."""
    return _ARREST_APPOSITION_BEFORE.search(ctx.view, max(0, p.span.start - 40), p.span.start) is not None \
        and _ARREST_APPOSITION_AFTER.match(ctx.view, p.span.end) is not None


# "the Kyiv-bound plane", "a Tehran-based group", "Paris-born": the place qualifies a noun,
# nothing happened there (the places stage may also learn this; here no event is made from it)
_COMPOUND_AFTER = re.compile(r"[-‐‑](?:bound|based|born|backed|led|made|registered|headquartered|funded|run)\b", re.I)


def _list_groups(ctx: DocContext, places: list[PlaceMention]) -> list[list[PlaceMention]]:
    """Places written as a list ("A, B, and C") form one group."""
    groups: list[list[PlaceMention]] = []
    for p in sorted(places, key=lambda p: p.span.start):
        if groups:
            prev = groups[-1][-1]
            gap = ctx.view[prev.span.end : p.span.start]
            gap = _PAREN.sub("", gap)  # "Hashtgerd (Alborz), Babol"
            if _LIST_GAP.match(gap):
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


#: the lead of a story filed abroad speaks of Iran (its acts are not in the dateline's city)
_ABOUT_IRAN = re.compile(r"\bIran(?:ian authorities|ian Government|ian government)?\b(?!ians)")


def _bureau_dateline(ctx: DocContext, p: PlaceMention) -> bool:
    """"TEHRAN (Tasnim) – ... 45 people had been arrested in Ahvaz, Dezful and Shush": the lead
    names other towns and not the dateline's, so the dateline is the agency's desk, not the story's
    town (an act told later without a place is not the capital's)."""
    i = ctx.idx(p.span.start)
    if i is None:
        return False
    key = place_key(p)
    others = False
    # (the dateline's own sentence, and the next one only when the dateline stands alone)
    for j in range(i, min(i + (1 if ctx.sent_triggers[i] else 2), len(ctx.doc.sentences))):
        for q in event_places(ctx, j):
            if q.span == p.span:
                continue
            if place_key(q) == key:
                return False
            others = others or (q.place.precision == 1 and q.place.country in (None, "", "IR"))
    return others


def desk_dateline(ctx: DocContext) -> bool:
    """The story is filed from an agency's desk in Iran whose lead tells of other towns ("TEHRAN,
    Iran (AP) — Security forces fired ... in the city of Zahedan"): like a story filed abroad, its
    dateline is no home, and a paragraph naming no place goes on about the town told before."""
    span = ctx.doc.extras.get("dateline_place_span")
    if span is None:
        return False
    for p in ctx.doc.places:
        if p.span.overlaps(span) and p.place.precision == 1:
            if p.place.country not in (None, "", "IR"):
                # ("DUBAI, May 4 (Reuters) - Iran hanged two men ...": a desk abroad writing of Iran,
                # which home_place does not take as the story's home either)
                return True
            return _bureau_dateline(ctx, p)
    # (a dateline the gazetteer has no town for, or places as a country only: "DUBAI, May 4 (Reuters) -")
    return not any(p.span.overlaps(span) and p.place.country in (None, "", "IR") for p in ctx.doc.places)


def home_place(ctx: DocContext) -> PlaceMention | None:
    """The town a story is about: where a wire story is filed from ("SHAHR-E KORD, January
    30, 2024 (PON) -"; the dates stage's ``dateline_place_span`` when present, else a dateline
    found here), else the one town its lead sentence names."""
    span = ctx.doc.extras.get("dateline_place_span")
    for p in ctx.doc.places:
        if span is not None:
            if p.span.overlaps(span) and p.place.precision == 1:
                if p.place.country not in (None, "", "IR") and _ABOUT_IRAN.search(
                        ctx.view, span.end, min(len(ctx.view), span.end + 400)):
                    # "GENEVA (10 March 2026) - UN experts expressed alarm at ... the Iranian
                    # authorities": an office abroad speaking of acts in Iran, not the acts' town
                    return None
                if _bureau_dateline(ctx, p):
                    return None
                return p
        elif p.span.start > 200:
            break
        elif p.place.precision == 1 and _is_dateline(ctx, p):
            return p
    for i, sent in enumerate(ctx.doc.sentences):
        if ctx.kind(i) != "body" or i in ctx.skip:
            continue
        places = event_places(ctx, i)
        if not places:
            if ctx.sent_triggers[i]:
                return None  # the lead tells of an act without a place: no single story town
            continue
        towns = {place_key(p) for p in places}
        if len(towns) == 1 and all(p.place.precision == 1 for p in places) and not _WIDER.search(
                ctx.view, sent.span.start, sent.span.end):
            return places[0]
        return None
    return None


# victims who are police or security personnel: violence against them is riot/attack_on_people
_SECURITY_VICTIM = re.compile(
    r"\b(?:police(?:\s+officers?|men|man)?|policem[ae]n|officers?|security (?:personnel|guards?|agents?|officers?)|"
    r"guards?|agents|Basij(?:i)? members?|members of the (?:security forces|police|Basij))\b",
    re.I,
)
#: (not the agent of a passive: "porters were shot dead by border guards" are civilians, nor the
#: agent of a clause after it: "three wounded when border guards opened fire")
#: (not a place named by them: "died under torture in a police station in Rasht")
_SECURITY_VICTIM_AFTER = re.compile(r"\s+(?:(?!(?:by|when|as|after|in|at|inside|outside|near|from)\b)\w+\s+){0,3}?(?:police|policem[ae]n|officers?|security personnel|guards?|agents|"
                                    # ("protesters assaulted a Basij member", "injured two IRGC members")
                                    r"Basij(?:i)?\s+(?:members?|militia(?:men)?)|IRGC\s+(?:members?|officers?|commanders?)|"
                                    r"members\s+of\s+the\s+(?:Basij|IRGC|security\s+forces|police))\b(?!\s+(?:stations?|posts?|headquarters|custody|vans?|cars?))", re.I)


def against_security(ctx: DocContext, t: Trigger) -> bool:
    """"Two police officers were injured", "rioters wounded three officers": the people hurt are
    security personnel (the victim named right before a passive trigger, or right after it)."""
    if t.sub_event_type not in ("killing", "attack_on_civilians", "attack_on_people"):
        return False
    sent = ctx.doc.sentences[ctx.idx(t.span.start) or 0].span
    before = ctx.view[max(sent.start, t.span.start - 50) : t.span.start]
    # (an age between commas is no clause: "a Basij member, 34, was injured")
    tail = _CLAUSE_SPLIT.split(_AGE_APPOSITION.sub(" ", before))[-1]
    if _SECURITY_VICTIM.search(tail) and re.search(r"\b(?:were|was|been|being|got)\s+(?:\w+\s+)?$", tail):
        return True
    # a digest's shorthand ("police post attacked, one officer killed"): counted men, then the
    # bare participle ending its clause
    if _COUNTED_SECURITY_BEFORE.search(tail) and _CLAUSE_END.match(ctx.view, t.span.end):
        return True
    return bool(_SECURITY_VICTIM_AFTER.match(ctx.view, t.span.end, min(sent.end, t.span.end + 60)))


_CLAUSE_SPLIT = re.compile(r"[;:,]\s|—|–")
_COUNTED_SECURITY_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:police\s+|security\s+|Basij\s+|IRGC\s+)?"
    r"(?:officers?|policem[ae]n|border\s+guards?|guards?|soldiers?|agents?)\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[,;.|)]|$)")
_AGE_APPOSITION = re.compile(r",\s*\d{1,3},\s+")


def to_home(ctx: DocContext, places: list[PlaceMention], home: PlaceMention | None) -> list[PlaceMention]:
    """A sentence that names only the province of the story's town ("in Khuzestan province")
    speaks of that town: the event stays at town level."""
    if home is None or not places or any(p.place.precision < 3 for p in places):
        return places
    admin = fold_name(home.place.admin1 or "")
    if admin and all(fold_name(p.place.canonical) == admin for p in places):
        return [home]
    return places


# "the gathering ended", "this protest": a reference back to an act already told
ANAPHOR_BEFORE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+$", re.I)
CROWD = Cue(r"\b(?:participants|protesters|demonstrators|the crowd|crowds|marchers|mourners|those gathered)\b",
            ("participants", "protesters", "demonstrators", "crowd", "marchers", "mourners", "those gathered"))
#: ("several hundred people gathered", "beat several of them": a crowd's size, not several places)
_WIDER = Cue(r"\b(?:cities|towns|provinces|nationwide|across the country|across Iran|the country[’']s(?!\s+(?:largest|biggest|oldest|main|leading|second|third|top|most)\b)|other|(?:several|many)"
             r"(?!\s+(?:hundreds?|thousands?|dozens?|of\s+them|people|protesters|demonstrators|residents|"
             r"students|workers|women|men|youths?|drivers|farmers|nurses|teachers|retirees|"
             # ("held for several hours", "many times": a duration or a frequency, not places)
             r"minutes|hours|days|nights|weeks|months|years|times|"
             # ("damaged several shops", "set fire to several cars", "several officers were hurt": the
             # things or people an act struck, not places)
             r"shops|stores|banks|cars|vehicles|buses|motorcycles|windows|bins|kiosks|buildings|officers|agents|"
             r"members|policemen)\b))\b",
             # ("about 30 percent of the country's trucks had stopped work": the country's, no town's; not
             # "the country's largest tractor maker", a description of the town's site)
             ("cities", "towns", "provinces", "nationwide", "across ", "the country", "several", "many", "other"))


#: under a town's heading, "several districts" or "other walls" are that town's: only these
#: words speak of more than the town
_BEYOND_TOWN = Cue(r"\b(?:cities|towns|provinces|nationwide|across the country|across Iran)\b",
                   ("cities", "towns", "provinces", "nationwide", "across "))


def wider_scope(ctx: DocContext, i: int, home: PlaceMention | None = None, *, in_section: bool = False) -> bool:
    """Does the sentence speak of more than one place ("in at least three cities") or name a
    country as its place ("executed in Iran in 2024")? Then no single town is inferred.
    ``in_section``: the sentence is told under a place heading (see place_sections)."""
    s = ctx.doc.sentences[i].span
    if (_BEYOND_TOWN if in_section else _WIDER).search(ctx.view, s.start, s.end):
        return True
    # any other place named (a home town, a province elsewhere, the country): not this town's act
    # (a road named by its towns is no other place: "they blocked the Ahvaz-Mahshahr road")
    # (nor the place a source's name holds: "according to the Kurdistan Human Rights Network")
    # (nor the story's own town as the place of a hospital someone died in: "Two prisoners died on the
    # spot and a third died in a hospital in Ahvaz on Sunday")
    home_key = place_key(home) if home is not None else None
    # (one of the people just told, whose home town or hospital town the sentence names: "One of them, a
    # student from Quchan, was beaten so badly that he had to be taken to a hospital in Chenaran")
    subset = _ONE_OF_THEM.match(ctx.view, s.start) is not None
    return any(not ctx.in_quote(p.span) and p is not home and p.role != "route" and not _is_dateline(ctx, p)
               and not (subset and p.role != "event")
               and not _in_source_name(ctx, i, p)
               and not (home_key is not None and p.role != "event" and place_key(p) == home_key
                        and _DIED_IN_HOSPITAL_BEFORE.search(ctx.view, max(s.start, p.span.start - 60), p.span.start))
               for p in ctx.sent_places[i])


_ONE_OF_THEM = re.compile(r"(?:One|Two|Three|Some|Several|Most|Many|All|Each)\s+of\s+them\b")
_DIED_IN_HOSPITAL_BEFORE = re.compile(r"\bdied\s+(?:[\w'’-]+\s+){0,4}?in\s+(?:a|the)\s+(?:[\w-]+\s+)?hospital\s+in\s+\Z", re.I)


def _in_source_name(ctx: DocContext, i: int, p: PlaceMention) -> bool:
    """Is the province part of the name of a source the sentence cites ("the Kurdistan Human Rights
    Network")? (A town in a source's name still places its words: "merchants of the bazaar of Tehran".)"""
    return p.role != "event" and p.place.precision >= 3 and any(a.span.start <= p.span.start and p.span.end <= a.span.end
                                     for a in ctx.sent_attr_named[i])


#: "The Oil Ministry said in a statement that workers had stopped work": a source restating acts
#: the story told; without a place or a date of its own it is no new act in the dateline's town
_SOURCE_SAYS = re.compile(r"\b(?:said|says|stated|announced|claimed|denied|confirmed)\s+(?:in\s+a\s+statement\s+)?that\b"
                          # ("told the semi-official Example Daily news site that ...")
                          r"|\btold\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,5}?that\b"
                          # (reported speech with "that" left out: "He said 14 police officers had been injured")
                          r"|\b(?:said|says|claimed)\s+(?:[\w'’-]+\s+){1,5}?(?:had|have|has)\s+been\b", re.I)


def restated_by_source(ctx: DocContext, i: int, first_trigger: int) -> bool:
    s = ctx.doc.sentences[i].span
    if any(d.role == "event" for d in ctx.sent_dates[i]):
        return False
    return _SOURCE_SAYS.search(ctx.view, s.start, first_trigger) is not None


#: (or its direct object, as "dispersed" or "to disperse" has it: "dispersed hundreds of protesters",
#: "used tear gas to disperse the crowd")
#: a second weapon named with the first ("fired tear gas and live ammunition at protesters")
_AND_WEAPON = (r"(?:,?\s+and\s+(?:live\s+|rubber\s+|plastic\s+)?(?:ammunition|bullets|pellets|birdshot|batons|"
               r"stun\s+grenades|water\s+cannon|pepper\s+spray|tear\s+gas))?")
_CROWD_AFTER = re.compile(
    _AND_WEAPON + r"\s+(?:(?:on|at|into|against)\s+)?(?:the\s+)?(?:(?:hundreds|thousands|dozens|scores)\s+of\s+|\w+\s+)?"
    r"(?:protesters|protestors|demonstrators|mourners|crowds?|marchers|worshippers|gathering|rally|strikers)\b", re.I)


def _intervention_words(ctx: DocContext, t: Trigger) -> str | None:
    """The words of an intervention trigger ("fired on the crowd", "opened fire"), else None."""
    spec = spec_of(t)
    return ctx.view[t.span.start : t.span.end] if spec is not None and spec.intervention else None


def fired_on_crowd(ctx: DocContext, t: Trigger) -> bool:
    word = _intervention_words(ctx, t)
    if word is None:
        return False
    if (word[:5].lower() == "clash" or word.startswith(("was ", "were ", "had been "))) \
            and _CLASHING_CROWD.search(ctx.view, max(0, t.span.start - 80), t.span.start):
        # "Protesters clashed with riot police", "protesters in Ahvaz were attacked by riot police":
        # the crowd is the subject
        return True
    return bool(CROWD.pattern.search(word) or re.search(r"protesters|demonstrators|\bcrowds?\b", word, re.I)
                or _CROWD_AFTER.match(ctx.view, t.span.end, t.span.end + 60)
                or (_DISPERSAL_WORD.match(word) is not None
                    and (_GROUP_AFTER.match(ctx.view, t.span.end, t.span.end + 60) is not None
                         or _GROUP_BEFORE_PASSIVE.search(ctx.view, max(0, t.span.start - 50), t.span.start) is not None)))


#: the crowd-control words of the intervention lexicon, which are used on a gathering only ...
_DISPERSAL_WORD = re.compile(r"(?:tear gas|dispers|pepper|water cannon|broke up)", re.I)
#: ... so that the people they were used on are a protesting crowd ("fired tear gas at protesting
#: retirees", "dispersed retirees in Ahvaz", "used pepper spray against nurses")
_GROUP_NOUNS = (r"(?:retirees|pensioners|workers|teachers|nurses|farmers|students|women|families|mothers|merchants|"
                r"shopkeepers|drivers|employees|mourners|villagers)")
_GROUP_AFTER = re.compile(
    _AND_WEAPON + r"\s+(?:(?:on|at|into|against)\s+)?(?:the\s+|a\s+group\s+of\s+|(?:hundreds|dozens|scores)\s+of\s+)?"
    rf"(?:(?:protesting|striking|gathered|angry)\s+)?(?:[\w'’-]+\s+)?{_GROUP_NOUNS}\b", re.I)
#: ... or the subject of the passive ("retirees were dispersed by police")
_GROUP_BEFORE_PASSIVE = re.compile(
    rf"\b{_GROUP_NOUNS}\s+(?:were|had\s+been|have\s+been)\s+(?:violently\s+|forcibly\s+|quickly\s+)?$", re.I)


#: the protesters a beating is done to ("beat protesting retirees", "beat the demonstrators")
_BEATEN_CROWD = re.compile(r"\b(?:protest(?:ers|ors|ing)|demonstrat(?:ors|ing)|mourners|marchers|crowds?|strikers)\b", re.I)


def beat_crowd(ctx: DocContext, t: Trigger) -> bool:
    """A beating whose object, in the trigger's words, is a protesting crowd: the protest was met
    with force ("security forces beat protesting retirees in Zanjan"), as ``fired_on_crowd`` is."""
    if t.sub_event_type != "attack_on_civilians":
        return False
    word = ctx.view[t.span.start : t.span.end]
    return word[:4].lower() == "beat" and _BEATEN_CROWD.search(word) is not None


#: the crowd a clash is told of, before its verb ("Hundreds of young protesters clashed with")
_CLASHING_CROWD = re.compile(r"\b(?:protesters|protestors|demonstrators|mourners|crowds?|marchers|youths?|young (?:men|people)|"
                             # (a first act between: "protesters set tyres on fire on Taleghani Street and clashed with")
                             r"residents|students|workers|strikers)\b[^.;:\n]{0,60}$", re.I)


#: people at work or on the road fired on, no crowd ("opened fire on a convoy of fuel pick-ups
#: near Saravan", "fired on fuel porters' vehicles"): an attack on civilians, not a dispersal
_NOT_CROWD_AFTER = re.compile(
    r"\s+(?:on|at)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:porters|kolbars|sukhtbars?|fuel\s+carriers|"
    r"vehicles?|cars?|convoys?|pick-?ups?|trucks|villagers|fishermen|shepherds|boats?|motorcycles?)\b", re.I)


def fired_on_people(ctx: DocContext, t: Trigger) -> bool:
    """An "opened fire on" / "fired on" trigger whose target is people at work or their vehicles."""
    word = _intervention_words(ctx, t)
    if word is None or not word.lower().startswith(("open", "fire")):  # ("opened fire", "fired", "open fire")
        return False
    if _NOT_CROWD_AFTER.match(ctx.view, t.span.end, t.span.end + 80):
        return True
    return "fire" in word.lower() and _NOT_CROWD_AFTER.search(word) is not None


_GATHERING_SUBS = ("demonstration", "protest_with_intervention")


#: the protests as the subject of their own spread ("The protests began on Sunday in ...", "the
#: strike spread to ...", "the protests have since reached ...")
_SPREAD_AFTER = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:since\s+|also\s+|quickly\s+)?(?:began|started|broke\s+out|erupted|spread|"
                           r"reached|expanded|extended)\b", re.I)


def drop_back_references(ctx: DocContext, i: int, triggers: list[Trigger], places: list[PlaceMention],
                          drafts: list[Draft], date_for=None) -> list[Trigger]:
    """"After the end of the gathering, rioters set fire to ...": a protest noun after a
    definite article, once a protest has been told, refers back to it and is no new event
    (the arson is). A dispersal told with it ("police dispersed the rally") upgrades the
    protest it refers to. With a place named that no earlier protest had, it is a new one; one
    that "resumed" is a new one too."""
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type != "protest" or t.sub_event_type not in (*_GATHERING_SUBS, "strike") or is_chant(t) \
                or ctx.view.endswith("resumed", t.span.start, t.span.end) \
                or not ANAPHOR_BEFORE.search(ctx.view, max(ctx.doc.sentences[i].span.start, t.span.start - 12), t.span.start):
            out.append(t)
            continue
        family = _GATHERING_SUBS if t.sub_event_type in _GATHERING_SUBS else ("strike",)
        prior = [d for d in drafts if d.etype == "protest" and d.sub in family]
        if places:
            keys = {place_key(p) for p in places}
            told = {place_key(d.place) for d in prior if d.place is not None}
            if keys - told and _SPREAD_AFTER.match(ctx.view, t.span.end):
                # ("The protests began on Sunday in Ahvaz and Mahshahr ... and reached Shiraz": the wave
                # told again as it began and spread, in towns no protest was told in before, is news
                # there; not "slogans in support of the strike in Tehran, Karaj ...")
                out.append(t)
                continue
            prior = [d for d in prior if d.place is not None and place_key(d.place) in keys]
        else:
            prior = prior[-1:]
        if not prior:
            out.append(t)
            continue
        if family is _GATHERING_SUBS and date_for is not None and _dispersed_on_another_day(ctx, i, t, prior, date_for):
            # "Retirees rallied on Saturday ... When they returned on Monday, security forces dispersed
            # the gathering": a crowd dispersed on a day of its own is that day's gathering
            out.append(t)
            continue
        if family is _GATHERING_SUBS and intervened(ctx.sent_triggers[i]):
            for d in prior:
                d.sub = "protest_with_intervention"
    return out


#: the crowd told as coming back ("When they returned on Monday, ...", "gathered again on Monday")
_CAME_BACK = re.compile(r"\b(?:returned|came\s+back|again|once\s+more|a\s+second\s+time)\b", re.I)


def _dispersed_on_another_day(ctx: DocContext, i: int, t: Trigger, prior: list[Draft], date_for) -> bool:
    """Is the protest noun the object of a dispersal told for one day of its own, of a crowd that
    came back, while every protest it could refer back to was told for another single day? (Without
    the crowd's return, "On Wednesday, police dispersed the rally" is the rally told before.)"""
    if not any(d.role == "event" and d.range.precision == "day" for d in ctx.sent_dates[i]):
        return False
    if not _CAME_BACK.search(ctx.view, ctx.doc.sentences[i].span.start, t.span.start):
        return False
    if not any((spec := spec_of(x)) is not None and spec.intervention for x in ctx.sent_triggers[i]):
        return False
    day, _ = date_for(ctx.doc, t.span)
    if day.precision != "day" or day.start is None:
        return False
    for d in prior:
        told, _ = date_for(ctx.doc, d.triggers[0].span) if d.triggers else (None, ())
        if told is None or told.precision != "day" or told.start == day.start:
            return False
    return True


_OFFICIAL = (r"governor(?:-general)?|prosecutor(?:-general)?|police chief|chief of police|police commander|mayor|"
             r"judiciary chief|head of (?:the )?(?:judiciary|police|justice department|security council)|"
             # the forces or office of a province ("Intelligence forces of Isfahan province", "the IRGC
             # Intelligence Organization of Kermanshah", "the intelligence department of Kurdistan province")
             # (not a police command's statement on what the report told: "the province police command
             # said ... one guard was wounded", its restatement)
             r"(?:intelligence|IRGC)\s+(?:forces|department|organi[sz]ation|office)")
_OFFICIAL_OF_BEFORE = re.compile(rf"\b(?:{_OFFICIAL})\s+of\s+(?:the\s+)?$", re.I)
_OFFICIAL_AFTER = re.compile(rf"(?:[’']s)?(?:\s+(?:province|county|city))?(?:[’']s)?\s+(?:{_OFFICIAL})\b", re.I)


def jurisdiction_place(ctx: DocContext, i: int) -> PlaceMention | None:
    """The one place a sentence names only as an official's jurisdiction ("the governor of
    Khash", "Zahedan's police chief"); None when it names any other place, or several."""
    found: PlaceMention | None = None
    for p in ctx.sent_places[i]:
        if ctx.in_quote(p.span) or _is_dateline(ctx, p) or p.place.precision >= 4:
            continue
        if _OFFICIAL_OF_BEFORE.search(ctx.view, max(0, p.span.start - 40), p.span.start) \
                or _OFFICIAL_AFTER.match(ctx.view, p.span.end):
            key = place_key(p)
            if found is not None and place_key(found) != key:
                return None
            found = found or p
        else:
            return None
    return found


def next_lists_places(ctx: DocContext, i: int) -> bool:
    """Does the next sentence of the paragraph list places with no trigger of its own (it
    takes this sentence's triggers)?"""
    j = i + 1
    if j >= len(ctx.doc.sentences) or ctx.doc.sentences[j].paragraph != ctx.doc.sentences[i].paragraph:
        return False
    places = event_places(ctx, j)
    if places and (void := ctx.doc.extras.get("void_spans")):
        # ("Reports that students in Karaj joined a similar march are not correct"): a town inside
        # a protest not held waits for no act
        places = [p for p in places if not any(a <= p.span.start < b for a, b in void)]
    return bool(places) and not any(usable(t) for t in ctx.sent_triggers[j])


def is_recent(ctx: DocContext, d: Draft, date_for) -> bool:
    """An event at an inferred place needs a resolved date near the report's own date."""
    date, _ = date_for(ctx.doc, d.triggers[0].span)
    if date.start is None or date.end is None:
        return False
    if (date.end - date.start).days > 31:
        return False
    anchor = ctx.doc.anchor.date
    return anchor is None or (anchor - date.end).days <= _COUNTRY_RECENT_DAYS


# ("alone" as in "1,000 arrested in Tehran province alone"; not the slogan "Zahedan is not alone")
_TALLY = Cue(
    r"\b(?:so far|in total|to date|a total of|overall|(?<!not )alone|tally|cumulative|since (?:the )?(?:start|beginning|onset|outbreak)"
    r"|since (?:the )?(?:uprising|protests|unrest|crackdown) (?:began|started)"
    r"|(?:during|over) the (?:past |whole |entire )?month(?! of)|in the (?:past|whole|entire) month"  # a month's count ("during the month")
    # a monitor's count of many acts ("Iran Human Rights counted 441 executions", "its register lists 1,146 executions")
    # (the count may be quoted: 'told us it had counted "more than 100" arrests')
    r"|(?:counted|recorded|registered|documented|tallied|lists|listed)\s+[\"“]?(?:(?:at least|more than|over|some|about|nearly|almost|around)\s+)?"
    r"\d[\d,]*[\"”]?\s+(?:executions|arrests|detentions|deaths|killings|death sentences)"
    # a toll by its name ("Amnesty International's count of at least 14 killed", "the death toll had
    # risen to 39")
    r"|count of|toll (?:has |had )?(?:risen|rose|climbed) to"
    # a wave's aftermath ("at least 7,000 people were arrested in the days after the uprising")
    r"|(?:in|during|over) the (?:days|weeks|months) (?:after|following|that followed)"
    # a count given province by province in one sentence ("Arrests counted by the network since
    # Friday, by province: Tehran 380, Khuzestan 210 ..."): the provinces' tallies, no acts
    r"|by provinces?(?=:)"
    # a count over a whole province since a day ("15 police officers had been injured in the
    # province since Friday", the governor said): the province's tally, not one act
    r"|in the (?:whole |entire )?province since)\b",
    ("so far", "total", "to date", "overall", "alone", "tally", "cumulative", "since ", " month",
     "counted", "recorded", "registered", "documented", "tallied", "list", "count of", "toll",
     "the days", "the weeks", "by province"),
)
_SPLIT_BY_TOWN = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) of them in [A-Z]")
_PERFECT = Cue(r"\b(?:have|has|had) been (?:\w+ )?(?:\w+ (?:or|and) )?(?:arrested|detained|killed|executed|imprisoned|injured|sentenced)\b",
               (" been ",))


def is_tally(ctx: DocContext, i: int) -> bool:
    """A cumulative count ("more than 1,000 arrested in Tehran province alone", "hundreds have
    been arrested"): a claim about many acts, not one event."""
    got = ctx.memo.get(("tally", i))
    if got is None:
        got = ctx.memo[("tally", i)] = _is_tally_uncached(ctx, i)
    return got


def _is_tally_uncached(ctx: DocContext, i: int) -> bool:
    s = ctx.doc.sentences[i].span
    if _TALLY.search(ctx.view, s.start, s.end):
        return True
    if " of them in " in ctx.view[s.start : s.end] and _SPLIT_BY_TOWN.search(ctx.view, s.start, s.end):
        return False  # "at least five killed since Friday, four of them in Kermanshah": each town's own toll
    quants = ctx.sent_quants[i]
    vague = any(q.count.value is None or q.count.qualifier in ("more_than", "at_least") for q in quants)
    if vague and _SINCE_WEEKDAY.search(ctx.view, s.start, s.end) is not None \
            and (told := {place_key(p): p for p in event_places(ctx, i)}) \
            and all(p.place.precision == 1 for p in told.values()) \
            and (len(told) == 1 or _only_arrests(ctx, i)):
        # "at least four protesters had been killed in Kuhdasht since Saturday": one town's toll
        # over the few days since a weekday is that town's act over those days, not a tally; so
        # are the towns of an arrest total ("at least 46 people had been detained in Shadegan,
        # Hamidiyeh and Susangerd since Sunday": each town's detentions, the total a claim), while a
        # death toll for several towns stays one ("killed since Saturday in Yasuj and Dehdasht"), and
        # so does a total for a town and a province ("in Khuzestan and Kerman since Saturday")
        return False
    if any(q.count.kind in _TOLL_KINDS and isinstance(q.count.value, (int, float)) and q.count.value >= 1000
           for q in quants) and not event_places(ctx, i):
        return True  # "between 18,000 and 20,000 people were arrested": a national total, no one act
    if not vague:
        return False
    perfect = _PERFECT.search(ctx.view, s.start, s.end)
    if perfect is not None and _REPORTED_PAST.search(ctx.view, s.start, perfect.start()) \
            and perfect.group().startswith("had") and "since" not in ctx.view[s.start : s.end] \
            and (not event_places(ctx, i) or _one_day_in_towns(ctx, i)) and not _ACROSS.search(ctx.view, s.start, s.end):
        # "the police chief said at least 23 had been arrested": reported speech puts the simple
        # past back into the pluperfect; it counts one act (of the protest told before it), not a
        # running total ("had been detained across the country and in Zanjan" stays one)
        return False
    if perfect is not None and _INCLUDING_ONE_WHO.search(ctx.view, perfect.end(), s.end) and _one_day_in_towns(ctx, i):
        # "At least 27 protesters have been killed, including a schoolboy, X, who was shot dead in
        # Kermanshah on January 14": the total is a claim, the one victim named with a town and a day
        # is that town's act of that day (set 69)
        return False
    return perfect is not None


#: one person of a total, told with a relative clause of their own ("including a 16-year-old
#: schoolboy, X, who was shot dead")
_INCLUDING_ONE_WHO = re.compile(r"\b(?:including|among them)\s+(?:a|an|the)\s+[^.;]{0,80}?\bwho\s+(?:was|had\s+been)\s+")


def _one_day_in_towns(ctx: DocContext, i: int) -> bool:
    """The sentence names its towns and one day ("Hengaw said at least four protesters had been
    killed in Dezful on Sunday night"): the act of that day, not a running total."""
    places = event_places(ctx, i)
    days = [d for d in ctx.sent_dates[i] if d.role == "event"]
    return len(days) == 1 and days[0].range.precision == "day" and all(p.place.precision == 1 for p in places)


def _only_arrests(ctx: DocContext, i: int) -> bool:
    """The sentence's repression is arrests only ("had been detained in A, B and C since Sunday")."""
    kinds = {t.sub_event_type for t in ctx.sent_triggers[i] if t.event_type == "repression"}
    return kinds == {"arrest"}


_TOLL_KINDS = frozenset({"arrested", "killed", "injured", "executed"})
_ACROSS = re.compile(r"\b(?:across|throughout|nationwide|all over|around the country)\b", re.I)
#: a speech verb in the past opening reported speech ("the police chief, quoted by Tasnim, said ...")
_REPORTED_PAST = re.compile(r"\b(?:said|told\s+\w+|reported|announced|stated|added)\s+(?:that\s+)?(?:[^\s,;.]+\s+){0,6}\Z")


#: a count over the days since a weekday ("since Saturday", "since last Thursday")
_SINCE_WEEKDAY = re.compile(r"\bsince (?:last )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def is_force(t: Trigger) -> bool:
    """An asserted intervention, arrest, killing or attack: the force a protest may meet."""
    if not usable(t):
        return False
    spec = spec_of(t)
    return bool(spec and spec.intervention) or t.sub_event_type in ("arrest", "killing", "attack_on_civilians")


def intervened(triggers: list[Trigger]) -> bool:
    return any(is_force(t) for t in triggers)


def country_ok(ctx: DocContext, i: int, t: Trigger, date: DateRange) -> bool:
    """A country-level event needs a specific action: resolved recent date, an exact count
    (or a named person for a sentence), and no claim period ("since ...")."""
    if date.start is None or date.end is None:
        return False
    if any(d.role == "period" for d in ctx.sent_dates[i]):
        return False
    if t.event_type in ("repression", "riot") and not any(d.role == "event" for d in ctx.sent_dates[i]) \
            and not _dated_paragraph(ctx, i):
        return False  # violence with no place and no date in its paragraph: background, not news
    anchor = ctx.doc.anchor.date
    if anchor is not None and (anchor - date.end).days > _COUNTRY_RECENT_DAYS:
        return False
    if anchor is not None and (date.end - date.start).days > 400:
        return False
    spec = spec_of(t)
    kinds = {spec.count_kind if spec else None, *COUNT_KINDS_BY_SUBTYPE.get(t.sub_event_type, ())}
    if "video_message" in t.tactics:
        kinds.add("video_messages")
    # (an article is no count that makes an act specific: "the shooting of a woman ... and the
    # mass arrest of women" names no one arrested)
    # (but one person put to death is one act: "Iran on Tuesday hanged a man")
    one_person = t.sub_event_type == "execution"
    quants = [q for q in ctx.sent_quants[i] if q.count.kind in kinds
              and (one_person or ctx.view[q.span.start : q.span.end].lower() not in ("a", "an"))]
    if quants:
        # the units' own video messages are one campaign even when counted roughly ("more than
        # 300 video messages"); other counts must be exact, else they read as a tally
        return all(q.count.value is not None and (q.count.qualifier == "exact" or q.count.kind == "video_messages")
                   for q in quants)
    return t.event_type == "repression" and t.sub_event_type in ("sentence", "execution", "arrest", "killing") and bool(
        _NAMED_PERSON.search(ctx.view, ctx.doc.sentences[i].span.start, ctx.doc.sentences[i].span.end)
    )


_IN_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?$", re.I)


def in_named_province(ctx: DocContext, i: int) -> bool:
    """Does sentence ``i`` say the act happened in a province it names, one the report does not
    use as an event place because it names its towns ("Hengaw put the number arrested in
    Mazandaran at 22")? Then the act is not a country-level one."""
    for p in ctx.sent_places[i]:
        if p.place.precision == 3 and p.role == "other" and not ctx.in_quote(p.span) \
                and _IN_BEFORE.search(ctx.view, max(0, p.span.start - 16), p.span.start):
            return True
    return False


#: a country-level repression count over a whole month or year is a tally of many acts
TALLY_PRECISIONS = ("month", "year")


def country_total(ctx: DocContext, t: Trigger, date: DateRange, drafts: list[Draft], date_for) -> bool:
    """Is a country-level repression count a national total rather than one act? Either it
    spans a month or a year ("Security forces detained 38 Kurdish citizens in October"), or
    the report also tells acts of the same sub-type at named places inside its dates
    ("Twenty-six prisoners were executed between March 3 and March 9 ... eleven were hanged
    in Karaj on March 5"): the parts are the events, the total is a claim (codebook "One
    total for several places")."""
    if t.event_type != "repression":
        return False
    if date.precision in TALLY_PRECISIONS:
        return True
    for d in drafts:
        if d.place is None or d.sub != t.sub_event_type:
            continue
        part, _ = date_for(ctx.doc, d.place.span if not d.inferred else d.triggers[0].span)
        if part.start is not None and part.end is not None and date.start <= part.start and part.end <= date.end:
            return True
    return False


def _dated_paragraph(ctx: DocContext, i: int) -> bool:
    """Does an event date occur in the paragraph of sentence ``i``, up to that sentence?"""
    sent = ctx.doc.sentences[i]
    para = ctx.paragraph_at(sent.span.start)
    lo = para.span.start if para is not None else sent.span.start
    return any(d.role == "event" and lo < d.span.end and d.span.start < sent.span.end for d in ctx.doc.dates)


def attributed_source(ctx: DocContext, i: int, publisher: str | None) -> str | None:
    outer = [a for a in ctx.sent_attr[i] if a.cue not in ("as saying",)]
    for a in outer:
        if a.source and (publisher is None or fold_name(a.source) != fold_name(publisher)):
            return a.source
    return None
