"""Stage ``assemble``: codebook events (and, via :mod:`.claims`, claims) from the mentions.

How a trigger becomes events (codebook "Unit of record" and "Conventions"):

* Only asserted triggers count: negated, planned, threatened, called-for, quoted (slogans)
  and habitual ("every Friday", "have been launching") ones make no event.
* A trigger governs the places with role ``event`` in its sentence: each place takes the
  nearest trigger before it (or after it, when none precedes), so a list of cities shares one
  trigger and "posted banners in A and torched a centre in B" yields two events. A trigger of
  another kind that governs no place of its own applies to the sentence's places (a protest
  and killings at it are two events). A sentence with triggers but no place hands them to the
  next sentence of the paragraph when that one only lists places.
* A protest with a dispersal, attack or arrests in the same or the next sentence becomes
  ``protest_with_intervention``; the arrests are their own ``repression/arrest`` event.
* History recalled (a trigger next to a ``history`` date) is not news; country-level events
  (no town or province named) are made only for a specific, dated, recent, exactly counted or
  named action.
* One event per (place, sub-type, dates) per document: tactics, evidence and slogans are
  merged; repeated paragraphs and duplicate sentences are read once; a caption that shows a
  body event at the same place folds into it; a place listed as a plain protest and again
  with an intervention keeps the more specific sub-type.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable

from ..config import Options
from ..doc import ActorMention, Attribution, DateMention, Doc, PlaceMention, Quantity, Segment, Trigger
from ..models import Count, DateRange, Event, Evidence, Location, Span
from ..publishers import canonical_publisher, stance
from ..textutil import fold_name as _fold_name
from .actors import needs_attribution
from .claims import build_claims
from .slogans import attach_slogans
from .triggers import spec_of

__all__ = ["AssembleStage", "event_id"]

_PROTEST_ACTOR_CATS = ("opposition", "civilian", "unknown")
_REPRESSION_ACTOR_CATS = ("state",)
_COUNT_KINDS_BY_SUBTYPE: dict[str, tuple[str, ...]] = {
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
_TARGETS = [
    (re.compile(r"\b(?:centers?|centres?) (?:for (?:the )?|of )?(?:spread(?:ing)? of |promoting (?:\w+[’'] )?)?(?:\w+ )?fundamentalis\w*|seminar(?:y|ies)|religious cent(?:er|re)s?|mosques?", re.I), "government-affiliated religious center"),
    (re.compile(r"\b(?:IRGC )?Bas(?:s)?ij (?:base|bases|headquarters|centers?|entrances?)", re.I), "IRGC Basij base"),
    (re.compile(r"\b(?:images?|pictures?|portraits?|posters?|photos?|billboards?|banners?) of\b", re.I), "images of officials"),
    (re.compile(r"\b(?:police station|police vehicles?|police cars?)", re.I), "police property"),
    (re.compile(r"\bbanks?\b", re.I), "banks"),
    (re.compile(r"\b(?:government|regime|state) (?:buildings?|offices?|centers?|centres?)", re.I), "government building"),
]
_COUNTRY_RECENT_DAYS = 62
_DASH_AFTER = re.compile(r"\s*[,–—-]")
_PAREN = re.compile(r"\([^)]{0,40}\)")
_NAMED_PERSON = re.compile(r"\b(?:prisoner|activist|journalist|dissident|student|worker|teacher|lawyer)\s+[A-Z][a-z]+ [A-Z]")
_LIST_GAP = re.compile(r"^[\s,]*(?:and|&|or)?[\s,]*$", re.I)
_PASSIVE_BY = re.compile(r"^\s*(?:\w+\s+){0,3}by\b", re.I)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    return _fold_name(name)


def event_id(doc_id: str, sub_event_type: str, place_key: str, date: DateRange, actor1: str | None) -> str:
    key = "|".join([sub_event_type, place_key, str(date.start), str(date.end), actor1 or ""])
    return f"{doc_id}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def _date_fn() -> Callable[[Doc, Span], tuple[DateRange, tuple[Span, ...]]] | None:
    try:  # written by the dates stage; the fallback below keeps this stage usable without it
        from .dates import event_date_for  # type: ignore[attr-defined]
    except ImportError:
        return None
    return event_date_for


def _fallback_date(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
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
class _Draft:
    """One event before merging."""

    sub: str
    etype: str
    place: PlaceMention | None
    sentence: Segment
    triggers: list[Trigger]
    tactics: list[str]
    caption: bool = False
    inferred: bool = False  # the place is the story's place (dateline, "the city"), not named here


class _Ctx:
    """Per-document indexes the assembler reads many times."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.view = doc.view or doc.text
        n = len(doc.sentences)
        self.sent_triggers: list[list[Trigger]] = [[] for _ in range(n)]
        self.sent_places: list[list[PlaceMention]] = [[] for _ in range(n)]
        self.sent_quants: list[list[Quantity]] = [[] for _ in range(n)]
        self.sent_actors: list[list[ActorMention]] = [[] for _ in range(n)]
        self.sent_dates: list[list[DateMention]] = [[] for _ in range(n)]
        self.sent_attr: list[list[Attribution]] = [[] for _ in range(n)]
        starts = [s.span.start for s in doc.sentences]

        def idx(off: int) -> int | None:
            i = bisect.bisect_right(starts, off) - 1
            if i >= 0 and off < doc.sentences[i].span.end:
                return i
            return None

        self.idx = idx
        for mentions, buckets in ((doc.triggers, self.sent_triggers), (doc.places, self.sent_places),
                                  (doc.quantities, self.sent_quants), (doc.actors, self.sent_actors),
                                  (doc.dates, self.sent_dates)):
            for m in mentions:
                i = idx(m.span.start)
                if i is not None:
                    buckets[i].append(m)
        for a in doc.attributions:
            scope = a.scope or a.span
            i = bisect.bisect_right(starts, scope.start) - 1
            i = max(i, 0)
            while i < n and doc.sentences[i].span.start < scope.end:
                if doc.sentences[i].span.overlaps(scope):
                    self.sent_attr[i].append(a)
                i += 1
        self._groups: dict[int, list[list[PlaceMention]]] = {}
        self.paragraph_kind = {p.index: p.kind for p in doc.paragraphs}
        self.paragraph_repeat = {p.index: p.repeat_of for p in doc.paragraphs}
        self.skip = self._skipped_sentences()
        # slogans and statements: a place named inside ("Kurdistan is not alone") is no event place
        self.quote_spans = sorted((q.span.start, q.span.end) for q in doc.quotes if q.kind != "term")
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.event_places: dict[int, list[PlaceMention]] = {}
        self.para_starts = [p.span.start for p in doc.paragraphs]
        self.memo: dict[tuple[str, int], bool] = {}  # per-sentence answers asked for many times

    def paragraph_at(self, offset: int) -> Segment | None:
        k = bisect.bisect_right(self.para_starts, offset) - 1
        if k >= 0 and offset < self.doc.paragraphs[k].span.end:
            return self.doc.paragraphs[k]
        return None

    def in_quote(self, span: Span) -> bool:
        k = bisect.bisect_right(self.quote_starts, span.start) - 1
        return k >= 0 and span.end <= self.quote_spans[k][1]

    def _skipped_sentences(self) -> set[int]:
        """Sentences whose events must not be produced: boilerplate, repeated paragraphs, and
        (whitespace-normalised) duplicates of an earlier sentence."""
        skip: set[int] = set()
        seen: set[str] = set()
        for i, s in enumerate(self.doc.sentences):
            kind = self.paragraph_kind.get(s.paragraph, s.kind)
            if kind == "boilerplate" or self.paragraph_repeat.get(s.paragraph) is not None or s.repeat_of is not None:
                skip.add(i)
                continue
            key = " ".join(self.view[s.span.start : s.span.end].split()).casefold()
            if key in seen:
                skip.add(i)
            seen.add(key)
        return skip

    def groups(self, i: int) -> list[list[PlaceMention]]:
        g = self._groups.get(i)
        if g is None:
            g = self._groups[i] = _list_groups(self, _event_places(self, i))
        return g

    def kind(self, i: int) -> str:
        s = self.doc.sentences[i]
        return self.paragraph_kind.get(s.paragraph, s.kind)


def _is_chant(t: Trigger) -> bool:
    """Chanting in public: a demonstration (triggers), or the tactic of one told just before."""
    return t.sub_event_type == "demonstration" and t.tactics == ("chanting",)


def _usable(t: Trigger) -> bool:
    return not t.negated and t.modality == "asserted"


def _is_history(ctx: _Ctx, i: int, t: Trigger) -> bool:
    """A trigger governed by a history date: "the 1988 massacre", "over the 2022 protests"
    (the date nearest the trigger is a history date), or any history date near a trigger in
    a sentence without an event date."""
    dates = ctx.sent_dates[i]
    if not dates:
        return _in_history_paragraph(ctx, i)
    if "commemoration" in t.tactics or "grave_visit" in t.tactics:
        # "marked the anniversary of the November 2019 uprising": the history date is what is
        # remembered (after the trigger); the act of remembering is news
        if not any(d.role == "history" and d.span.end <= t.span.start and t.span.start - d.span.end < 40 for d in dates):
            return False
    nearest = min(dates, key=lambda d: min(abs(d.span.start - t.span.end), abs(t.span.start - d.span.end)))
    gap = min(abs(nearest.span.start - t.span.end), abs(t.span.start - nearest.span.end))
    if nearest.role == "history" and gap < 40:
        between = ctx.view[min(nearest.span.end, t.span.end) : max(nearest.span.start, t.span.start)]
        # "On October 18, in memory of those killed in 2019, activists wrote graffiti": a history
        # date in another clause of a dated sentence does not govern the trigger
        if not ("," in between and any(d.role == "event" for d in dates)):
            return True
    if any(d.role == "event" for d in dates):
        return False
    return any(d.role == "history" and abs(d.span.start - t.span.start) < 80 for d in dates)


def _in_history_paragraph(ctx: _Ctx, i: int) -> bool:
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
        before = [d for d in ctx.doc.dates if para.span.start < d.span.end <= sent.span.start]
        got = bool(before) and max(before, key=lambda d: d.span.end).role == "history"
    ctx.memo[("history_para", i)] = got
    return got


_AGENCY = r"\((?:Reuters|AP|AFP|IRNA|dpa|UPI|ISNA|Tasnim|Fars|Mehr|IranWire)\)"
_DATELINE_AFTER = re.compile(
    rf"(?:\s*\([^)]{{1,30}}\))?,\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}(?:\s+\d{{4}})?)\s*(?:{_AGENCY})?\s*[-–—]"
    rf"|\s*{_AGENCY}\s*[-–—]"
    r"|\s*\([^)]{1,40}\)\s*[-–—]"  # "Bukan (Regional Correspondent) –"
)


def _is_dateline(ctx: _Ctx, p: PlaceMention) -> bool:
    """'TEHRAN, Jan 3 (Reuters) -': the place a report was filed from, not an event place."""
    para = ctx.paragraph_at(p.span.start)
    if para is None or p.span.start - para.span.start > 3:
        return False
    if _DATELINE_AFTER.match(ctx.view, p.span.end):
        return True
    surface = ctx.view[p.span.start : p.span.end]
    return surface.isupper() and len(surface) > 2 and bool(_DASH_AFTER.match(ctx.view, p.span.end, p.span.end + 3))


def _event_places(ctx: _Ctx, i: int) -> list[PlaceMention]:
    got = ctx.event_places.get(i)
    if got is None:
        got = ctx.event_places[i] = [
            p for p in ctx.sent_places[i]
            if p.role == "event" and p.place.precision < 4 and not _is_dateline(ctx, p) and not ctx.in_quote(p.span)
            and not _COMPOUND_AFTER.match(ctx.view, p.span.end)]
    return got


# "the Kyiv-bound plane", "a Tehran-based group", "Paris-born": the place qualifies a noun,
# nothing happened there (the places stage may also learn this; here no event is made from it)
_COMPOUND_AFTER = re.compile(r"[-‐‑](?:bound|based|born|backed|led|made|registered|headquartered|funded|run)\b", re.I)


def _list_groups(ctx: _Ctx, places: list[PlaceMention]) -> list[list[PlaceMention]]:
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


def _choose_trigger(triggers: list[Trigger], place: PlaceMention) -> Trigger:
    before = [t for t in triggers if t.span.end <= place.span.start]
    if before:
        return before[-1]
    after = [t for t in triggers if t.span.start >= place.span.end]
    return after[0] if after else triggers[0]


def _sentence_drafts(ctx: _Ctx, i: int, triggers: list[Trigger], places: list[PlaceMention]) -> list[_Draft]:
    sent = ctx.doc.sentences[i]
    caption = ctx.kind(i) == "caption"
    acting = [t for t in triggers if not (spec_of(t) and spec_of(t).intervention)]  # type: ignore[union-attr]
    if not acting:
        return []
    by_place: dict[int, Trigger] = {}
    for p in places:
        by_place[id(p)] = _choose_trigger(acting, p)
    chosen_subs = {by_place[id(p)].sub_event_type for p in places}
    drafts: list[_Draft] = []

    def tactics_for(sub: str) -> list[str]:
        out: list[str] = []
        for t in acting:
            if t.sub_event_type == sub:
                for tac in t.tactics:
                    if tac not in out:
                        out.append(tac)
        return out

    def sub_of(t: Trigger) -> tuple[str, str]:
        spec = spec_of(t)
        if spec is not None and spec.vague:
            specific = [u for u in acting if u.event_type == "protest" and not (spec_of(u) and spec_of(u).vague)]
            if specific:
                return specific[0].event_type, specific[0].sub_event_type
        return t.event_type, t.sub_event_type

    for p in places:
        t = by_place[id(p)]
        etype, sub = sub_of(t)
        drafts.append(_Draft(sub, etype, p, sent, [u for u in acting if u.sub_event_type == sub or u is t], tactics_for(sub), caption=caption))
    # a trigger of another kind that governs no place applies to the places before it
    for t in acting:
        if t.sub_event_type in chosen_subs or (spec_of(t) and spec_of(t).vague):  # type: ignore[union-attr]
            continue
        if t.sub_event_type == "symbolic_action":
            continue
        targets = [p for p in places if p.span.end <= t.span.start] or places
        for p in targets:
            drafts.append(_Draft(t.sub_event_type, t.event_type, p, sent, [t], list(t.tactics), caption=caption))
        chosen_subs.add(t.sub_event_type)
    return drafts


def _home_place(ctx: _Ctx) -> PlaceMention | None:
    """The town a story is about: where a wire story is filed from ("SHAHR-E KORD, January
    30, 2024 (PON) -"; the dates stage's ``dateline_place_span`` when present, else a dateline
    found here), else the one town its lead sentence names."""
    span = ctx.doc.extras.get("dateline_place_span")
    for p in ctx.doc.places:
        if span is not None:
            if p.span.overlaps(span) and p.place.precision == 1:
                return p
        elif p.span.start > 200:
            break
        elif p.place.precision == 1 and _is_dateline(ctx, p):
            return p
    for i, sent in enumerate(ctx.doc.sentences):
        if ctx.kind(i) != "body" or i in ctx.skip:
            continue
        places = _event_places(ctx, i)
        if not places:
            if ctx.sent_triggers[i]:
                return None  # the lead tells of an act without a place: no single story town
            continue
        towns = {fold_name(p.place.canonical or p.name) for p in places}
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
_SECURITY_VICTIM_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}?(?:police|policem[ae]n|officers?|security personnel|guards?|agents)\b", re.I)


def _against_security(ctx: _Ctx, t: Trigger) -> bool:
    """"Two police officers were injured", "rioters wounded three officers": the people hurt are
    security personnel (the victim named right before a passive trigger, or right after it)."""
    if t.sub_event_type not in ("killing", "attack_on_civilians", "attack_on_people"):
        return False
    sent = ctx.doc.sentences[ctx.idx(t.span.start) or 0].span
    before = ctx.view[max(sent.start, t.span.start - 50) : t.span.start]
    tail = _CLAUSE_SPLIT.split(before)[-1]
    if _SECURITY_VICTIM.search(tail) and re.search(r"\b(?:were|was|been|being|got)\s+(?:\w+\s+)?$", tail):
        return True
    return bool(_SECURITY_VICTIM_AFTER.match(ctx.view, t.span.end, min(sent.end, t.span.end + 60)))


_CLAUSE_SPLIT = re.compile(r"[;:,]\s|—|–")


def _to_home(ctx: _Ctx, places: list[PlaceMention], home: PlaceMention | None) -> list[PlaceMention]:
    """A sentence that names only the province of the story's town ("in Khuzestan province")
    speaks of that town: the event stays at town level."""
    if home is None or not places or any(p.place.precision < 3 for p in places):
        return places
    admin = fold_name(home.place.admin1 or "")
    if admin and all(fold_name(p.place.canonical) == admin for p in places):
        return [home]
    return places


# "the gathering ended", "this protest": a reference back to an act already told
_ANAPHOR_BEFORE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+$", re.I)
_CROWD = re.compile(r"\b(?:participants|protesters|demonstrators|the crowd|crowds|marchers|mourners|those gathered)\b", re.I)
_WIDER = re.compile(r"\b(?:cities|towns|provinces|nationwide|across the country|across Iran|several|many|other)\b", re.I)


def _wider_scope(ctx: _Ctx, i: int, home: PlaceMention | None = None) -> bool:
    """Does the sentence speak of more than one place ("in at least three cities") or name a
    country as its place ("executed in Iran in 2024")? Then no single town is inferred."""
    s = ctx.doc.sentences[i].span
    if _WIDER.search(ctx.view, s.start, s.end):
        return True
    # any other place named (a home town, a province elsewhere, the country): not this town's act
    return any(not ctx.in_quote(p.span) and p is not home and not _is_dateline(ctx, p) for p in ctx.sent_places[i])


_CROWD_AFTER = re.compile(
    r"\s+(?:on|at|into)\s+(?:the\s+)?(?:\w+\s+)?(?:protesters|protestors|demonstrators|mourners|crowds?|marchers|"
    r"worshippers|gathering|rally|strikers)\b", re.I)


def _fired_on_crowd(ctx: _Ctx, t: Trigger) -> bool:
    spec = spec_of(t)
    if spec is None or not spec.intervention:
        return False
    word = ctx.view[t.span.start : t.span.end]
    return bool(_CROWD.search(word) or re.search(r"protesters|demonstrators", word, re.I)
                or _CROWD_AFTER.match(ctx.view, t.span.end, t.span.end + 60))


_GATHERING_SUBS = ("demonstration", "protest_with_intervention")


def _drop_back_references(ctx: _Ctx, i: int, triggers: list[Trigger], places: list[PlaceMention],
                          drafts: list[_Draft]) -> list[Trigger]:
    """"After the end of the gathering, rioters set fire to ...": a protest noun after a
    definite article, once a protest has been told, refers back to it and is no new event
    (the arson is). A dispersal told with it ("police dispersed the rally") upgrades the
    protest it refers to. With a place named that no earlier protest had, it is a new one."""
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type != "protest" or t.sub_event_type not in (*_GATHERING_SUBS, "strike") or _is_chant(t) \
                or not _ANAPHOR_BEFORE.search(ctx.view, max(ctx.doc.sentences[i].span.start, t.span.start - 12), t.span.start):
            out.append(t)
            continue
        family = _GATHERING_SUBS if t.sub_event_type in _GATHERING_SUBS else ("strike",)
        prior = [d for d in drafts if d.etype == "protest" and d.sub in family]
        if places:
            keys = {fold_name(p.place.canonical or p.name) for p in places}
            prior = [d for d in prior if d.place is not None and fold_name(d.place.place.canonical or d.place.name) in keys]
        else:
            prior = prior[-1:]
        if not prior:
            out.append(t)
            continue
        if family is _GATHERING_SUBS and _intervened(ctx.sent_triggers[i]):
            for d in prior:
                d.sub = "protest_with_intervention"
    return out


_OFFICIAL = (r"governor(?:-general)?|prosecutor(?:-general)?|police chief|chief of police|police commander|mayor|"
             r"judiciary chief|head of (?:the )?(?:judiciary|police|justice department|security council)")
_OFFICIAL_OF_BEFORE = re.compile(rf"\b(?:{_OFFICIAL})\s+of\s+(?:the\s+)?$", re.I)
_OFFICIAL_AFTER = re.compile(rf"(?:[’']s)?(?:\s+(?:province|county|city))?(?:[’']s)?\s+(?:{_OFFICIAL})\b", re.I)


def _jurisdiction_place(ctx: _Ctx, i: int) -> PlaceMention | None:
    """The one place a sentence names only as an official's jurisdiction ("the governor of
    Khash", "Zahedan's police chief"); None when it names any other place, or several."""
    found: PlaceMention | None = None
    for p in ctx.sent_places[i]:
        if ctx.in_quote(p.span) or _is_dateline(ctx, p) or p.place.precision >= 4:
            continue
        if _OFFICIAL_OF_BEFORE.search(ctx.view, max(0, p.span.start - 40), p.span.start) \
                or _OFFICIAL_AFTER.match(ctx.view, p.span.end):
            key = fold_name(p.place.canonical or p.name)
            if found is not None and fold_name(found.place.canonical or found.name) != key:
                return None
            found = found or p
        else:
            return None
    return found


def _next_lists_places(ctx: _Ctx, i: int) -> bool:
    """Does the next sentence of the paragraph list places with no trigger of its own (it
    takes this sentence's triggers)?"""
    j = i + 1
    if j >= len(ctx.doc.sentences) or ctx.doc.sentences[j].paragraph != ctx.doc.sentences[i].paragraph:
        return False
    return bool(_event_places(ctx, j)) and not any(_usable(t) for t in ctx.sent_triggers[j])


def _recent(ctx: _Ctx, d: _Draft, date_for) -> bool:
    """An event at an inferred place needs a resolved date near the report's own date."""
    date, _ = date_for(ctx.doc, d.triggers[0].span)
    if date.start is None or date.end is None:
        return False
    if (date.end - date.start).days > 31:
        return False
    anchor = ctx.doc.anchor.date
    return anchor is None or (anchor - date.end).days <= _COUNTRY_RECENT_DAYS


def _placeless_in_sentence(ctx: _Ctx, i: int, triggers: list[Trigger], places: list[PlaceMention],
                           made: list[_Draft]) -> list[Trigger]:
    """A repression trigger after the last place of its sentence that no place chose and that
    has its own number ("... and on August 6, they executed eight prisoners in different
    cities"): a separate action with no place named, a country-level candidate."""
    chosen_triggers = [_choose_trigger(triggers, p) for p in places]
    chosen = {id(t) for t in chosen_triggers}
    chosen_subs = {t.sub_event_type for t in chosen_triggers}
    last_place = max(p.span.end for p in places)
    out = []
    for t in triggers:
        # (a trigger of another kind already applies to the places before it)
        if id(t) in chosen or t.sub_event_type not in chosen_subs or t.span.start < last_place or t.event_type != "repression":
            continue
        spec = spec_of(t)
        kind = spec.count_kind if spec else None
        if any(q.count.kind == kind and q.span.start > t.span.start for q in ctx.sent_quants[i]):
            out.append(t)
    return out


_TALLY = re.compile(
    r"\b(?:so far|in total|to date|a total of|overall|alone|tally|cumulative|since (?:the )?(?:start|beginning|onset|outbreak)"
    r"|since (?:the )?(?:uprising|protests|unrest|crackdown) (?:began|started))\b",
    re.I,
)
_PERFECT = re.compile(r"\b(?:have|has|had) been (?:\w+ )?(?:arrested|detained|killed|executed|imprisoned|injured|sentenced)\b", re.I)


def _is_tally(ctx: _Ctx, i: int) -> bool:
    """A cumulative count ("more than 1,000 arrested in Tehran province alone", "hundreds have
    been arrested"): a claim about many acts, not one event."""
    got = ctx.memo.get(("tally", i))
    if got is None:
        got = ctx.memo[("tally", i)] = _is_tally_uncached(ctx, i)
    return got


def _is_tally_uncached(ctx: _Ctx, i: int) -> bool:
    s = ctx.doc.sentences[i].span
    if _TALLY.search(ctx.view, s.start, s.end):
        return True
    quants = ctx.sent_quants[i]
    vague = any(q.count.value is None or q.count.qualifier in ("more_than", "at_least") for q in quants)
    return vague and _PERFECT.search(ctx.view, s.start, s.end) is not None


def _intervened(triggers: list[Trigger]) -> bool:
    for t in triggers:
        spec = spec_of(t)
        if not _usable(t):
            continue
        if (spec and spec.intervention) or t.sub_event_type in ("arrest", "killing", "attack_on_civilians"):
            return True
    return False


def _pick_count(ctx: _Ctx, i: int, d: _Draft, groups: list[list[PlaceMention]]) -> Quantity | None:
    kinds = set(_COUNT_KINDS_BY_SUBTYPE.get(d.sub, ()))
    if "video_message" in d.tactics:
        kinds.add("video_messages")
    quants = [q for q in ctx.sent_quants[i] if q.count.kind in kinds]
    if not quants:
        return None
    if d.place is None:
        t = d.triggers[0]
        exact = [q for q in quants if q.count.value is not None] or quants
        return min(exact, key=lambda q: abs(q.span.start - t.span.start))
    group = next((g for g in groups if d.place in g), [d.place])
    if len(group) > 1:
        return None  # one total for several places: a claim, not a per-place count
    others = [p for p in ctx.sent_places[i] if p is not d.place and p.role == "event"]
    before = [q for q in quants if q.span.end <= d.place.span.start]
    if before:
        q = before[-1]
        if not any(q.span.end <= o.span.start < d.place.span.start for o in others):
            return q
        return None
    after = [q for q in quants if q.span.start >= d.place.span.end]
    if after:
        q = after[0]
        if not any(d.place.span.end <= o.span.start < q.span.start for o in others):
            return q
    return None


def _pick_actor(ctx: _Ctx, i: int, d: _Draft) -> ActorMention | None:
    cats = _REPRESSION_ACTOR_CATS if d.etype == "repression" else _PROTEST_ACTOR_CATS
    t = d.triggers[0]
    cands = [a for a in ctx.sent_actors[i] if a.category in cats]
    before = [a for a in cands if a.span.end <= t.span.start or a.span.overlaps(t.span)]
    if before:
        return before[-1]
    after = [a for a in cands if a.span.start >= t.span.end]
    if after:
        return after[0]
    # earlier in the paragraph, then the paragraph before
    sent = ctx.doc.sentences[i]
    for j in range(i - 1, max(-1, i - 8), -1):
        sj = ctx.doc.sentences[j]
        if sj.paragraph < sent.paragraph - 2:
            break
        if ctx.kind(j) in ("heading", "caption", "boilerplate") and sj.paragraph != sent.paragraph:
            continue
        hits = [a for a in ctx.sent_actors[j] if a.category in cats]
        if hits:
            return hits[-1]
    return None


def _actor_name(a: ActorMention | None, d: _Draft, publisher: str | None) -> str | None:
    if a is None:
        # executions, sentences and arrests are state acts by definition; a killing or an
        # injury whose perpetrator is not named stays unknown (codebook "Perpetrator not named")
        return "Iranian authorities" if d.sub in ("execution", "sentence", "arrest") else None
    name = a.name
    if publisher and needs_attribution(name):
        name = f"{name} (per {publisher})"
    return name


def _target(ctx: _Ctx, d: _Draft) -> str | None:
    if d.etype == "riot" and d.sub == "property_attack":
        t = d.triggers[0]
        window = ctx.view[t.span.start : min(d.sentence.span.end, t.span.end + 90)]
        pre = ctx.view[max(d.sentence.span.start, t.span.start - 90) : t.span.start]
        for pat, name in _TARGETS:
            if pat.search(window) or pat.search(pre):
                return name
        return None
    if d.etype == "repression":
        s = d.sentence.span
        for a in ctx.doc.actors:
            if a.category == "target" and s.contains(a.span):
                return a.name
    return None


def _country_ok(ctx: _Ctx, i: int, t: Trigger, date: DateRange) -> bool:
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
    kinds = {spec.count_kind if spec else None, *_COUNT_KINDS_BY_SUBTYPE.get(t.sub_event_type, ())}
    if "video_message" in t.tactics:
        kinds.add("video_messages")
    quants = [q for q in ctx.sent_quants[i] if q.count.kind in kinds]
    if quants:
        return all(q.count.value is not None and q.count.qualifier == "exact" for q in quants)
    return t.event_type == "repression" and t.sub_event_type in ("sentence", "execution", "arrest", "killing") and bool(
        _NAMED_PERSON.search(ctx.view, ctx.doc.sentences[i].span.start, ctx.doc.sentences[i].span.end)
    )


def _dated_paragraph(ctx: _Ctx, i: int) -> bool:
    """Does an event date occur in the paragraph of sentence ``i``, up to that sentence?"""
    sent = ctx.doc.sentences[i]
    para = ctx.paragraph_at(sent.span.start)
    lo = para.span.start if para is not None else sent.span.start
    return any(d.role == "event" and lo < d.span.end and d.span.start < sent.span.end for d in ctx.doc.dates)


def _attributed(ctx: _Ctx, i: int, publisher: str | None) -> str | None:
    outer = [a for a in ctx.sent_attr[i] if a.cue not in ("as saying",)]
    for a in outer:
        if a.source and (publisher is None or fold_name(a.source) != fold_name(publisher)):
            return a.source
    return None


class AssembleStage:
    name = "assemble"
    requires = ("places", "anchor", "dates", "triggers", "actors", "quantities", "quotes", "attributions",
                "paragraphs", "sentences")
    assigns = ("events", "claims")

    def __init__(self, options: Options | None = None) -> None:
        self._date_for = _date_fn()

    def __call__(self, doc: Doc, options: Options) -> None:
        base_date_for = self._date_for or _fallback_date
        date_memo: dict[tuple[int, int], tuple[DateRange, tuple[Span, ...]]] = {}

        def date_for(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
            # the same trigger or place is dated several times (drafts, recency checks, merging)
            key = (span.start, span.end)
            got = date_memo.get(key)
            if got is None:
                got = date_memo[key] = base_date_for(doc, span)
            return got

        publisher = canonical_publisher(doc.report.publisher, options.publishers_file) if doc.report.publisher else None
        ctx = _Ctx(doc)
        drafts: list[_Draft] = []
        pending: list[Trigger] = []  # placeless triggers handed to the next sentence's place list
        pending_para = -1
        pending_list = False  # the pending sentence introduces a bullet list ("... in these cities:")
        list_drafts: list[_Draft] = []  # events made from the latest bullet list
        list_para = -1
        country: list[tuple[int, Trigger]] = []
        home = _home_place(ctx)
        focus: tuple[int, int, PlaceMention] | None = None  # (paragraph, sentence, place) last told about
        for i, sent in enumerate(doc.sentences):
            kind = ctx.kind(i)
            if sent.paragraph != pending_para:
                if pending_list and kind == "list_item":
                    pending_para = sent.paragraph  # every bullet shares the introducing sentence's trigger
                else:
                    pending, pending_list = [], False
            if i in ctx.skip:
                continue
            triggers = [t for t in ctx.sent_triggers[i] if _usable(t) and not _is_history(ctx, i, t)]
            places = _to_home(ctx, _event_places(ctx, i), home)
            if triggers and drafts:
                triggers = _drop_back_references(ctx, i, triggers, places, drafts)
            if kind == "heading" and not any(d.role == "event" for d in ctx.sent_dates[i]):
                continue  # a headline or related-article title reports no event by itself
            if places and kind != "caption":
                # one town named (possibly twice): what the next sentences of the paragraph are about
                towns = {fold_name(p.place.canonical or p.name) for p in places}
                one_town = len(towns) == 1 and all(p.place.precision == 1 for p in places)
                focus = (sent.paragraph, i, places[0]) if one_town else None
            if triggers and places:
                made = _sentence_drafts(ctx, i, triggers, places)
                # "opened fire on protesters in X, killing 3": the protest itself is told too
                if any(_fired_on_crowd(ctx, t) for t in triggers) and not any(d.etype == "protest" for d in made):
                    made += [_Draft("protest_with_intervention", "protest", p, sent, [t], [])
                             for p in places for t in triggers[:1]]
                country.extend((i, t) for t in _placeless_in_sentence(ctx, i, triggers, places, made))
            elif places and pending:
                made = _sentence_drafts(ctx, i, pending, places)
                if pending_list:
                    list_drafts.extend(made)
                    list_para = sent.paragraph
            elif triggers:
                # the tactics of a bullet list told after it: "The activities included graffiti ..."
                if list_drafts and sent.paragraph <= list_para + 1 and all(
                        t.sub_event_type == "symbolic_action" for t in triggers):
                    for d in list_drafts:
                        for t in triggers:
                            d.tactics.extend(x for x in t.tactics if x not in d.tactics)
                    continue
                intro = ctx.view[sent.span.start : sent.span.end].rstrip().endswith(":")
                pending, pending_para, pending_list = triggers, sent.paragraph, intro
                if intro:
                    list_drafts = []
                # dispersal or arrests told in the next sentence of a protest in this paragraph
                # (a dispersal reaches back one paragraph: "the crowd marched ..." / "police fired tear gas")
                dispersal = any((spec := spec_of(t)) is not None and spec.intervention for t in triggers if _usable(t))
                first_para = sent.paragraph - 1 if dispersal else sent.paragraph
                prev = [d for d in drafts if first_para <= d.sentence.paragraph <= sent.paragraph
                        and d.sub in ("demonstration", "protest_with_intervention")] if _intervened(triggers) else []
                if prev and (_is_tally(ctx, i) or any(d.role == "period" for d in ctx.sent_dates[i])):
                    prev = []  # "15 people had been detained since June 4": a tally, a claim
                named = {fold_name(p.place.canonical or p.name) for p in ctx.sent_places[i] if not ctx.in_quote(p.span)}
                if prev and named:  # "In X province, police opened fire": only the protests told there
                    prev = [d for d in prev if d.place is not None and ({fold_name(d.place.place.canonical or d.place.name),
                                                                         fold_name(d.place.place.admin1 or "")} & named)]
                if prev:
                    for d in prev:
                        d.sub = "protest_with_intervention"
                    for t in triggers:
                        if t.sub_event_type in ("arrest", "killing", "attack_on_civilians"):
                            for d in prev:
                                drafts.append(_Draft(t.sub_event_type, t.event_type, d.place, sent, [t], [], inferred=True))
                    continue
                # no place named: the place this paragraph is about ("the crowd marched to the
                # city's main square"), else the story's dateline city; else a country-level candidate
                target = None
                acting = [t for t in triggers if ((spec := spec_of(t)) is None or not (spec.vague or spec.intervention))
                          and not _ANAPHOR_BEFORE.search(ctx.view, max(sent.span.start, t.span.start - 12), t.span.start)]
                dated = any(d.role == "event" for d in ctx.sent_dates[i])
                # repression told without a place needs its own date to be one act ("12 people had
                # been detained since July 22" is a tally, a claim)
                acting = [t for t in acting if dated or t.event_type != "repression" or _against_security(ctx, t)]
                juris = _jurisdiction_place(ctx, i)
                if juris is not None and not intro and kind in ("body", "list_item") and acting \
                        and not _is_tally(ctx, i) and not any(d.role == "period" for d in ctx.sent_dates[i]):
                    # "the governor of Khash said 11 people had been arrested": the official's
                    # jurisdiction, the only place named, is where it happened
                    target = juris
                elif not intro and kind in ("body", "list_item") and acting and not _next_lists_places(ctx, i) \
                        and not _wider_scope(ctx, i, home) and not _is_tally(ctx, i) \
                        and not any(d.role == "period" for d in ctx.sent_dates[i]):
                    if focus is not None and focus[0] == sent.paragraph and i - focus[1] <= 2:
                        # "the crowd marched to the city's main square": the town just told about
                        target = focus[2]
                    elif home is not None:
                        target = home
                if target is not None:
                    # "A banner carried by the crowd read ...": the banners and chants of a protest
                    # told just before are its tactics, not events of their own
                    crowd = _CROWD.search(ctx.view, sent.span.start, sent.span.end) is not None
                    host = next((d for d in reversed(drafts) if d.place is not None and d.etype == "protest"
                                 and d.sub != "symbolic_action" and (crowd or sent.paragraph - 1 <= d.sentence.paragraph)),
                                None)
                    if host is not None or crowd:  # "Participants chanted ...": no act of its own
                        for t in [t for t in acting if t.sub_event_type == "symbolic_action" or (host and _is_chant(t))]:
                            if host is not None:
                                host.tactics.extend(x for x in t.tactics if x not in host.tactics)
                        acting = [t for t in acting if t.sub_event_type != "symbolic_action" and not (host and _is_chant(t))]
                if target is not None and acting:
                    made = _sentence_drafts(ctx, i, acting, [target])
                    for d in made:
                        d.inferred = True
                    made = [d for d in made if _recent(ctx, d, date_for)]
                    if made:
                        if _intervened(ctx.sent_triggers[i]):
                            for d in made:
                                if d.sub == "demonstration":
                                    d.sub = "protest_with_intervention"
                        drafts.extend(made)
                        continue
                for t in triggers:
                    spec = spec_of(t)
                    if spec and not spec.vague and not spec.intervention and kind in ("body", "caption", "list_item"):
                        country.append((i, t))
                continue
            else:
                continue
            if made and _is_tally(ctx, i):
                made = [d for d in made if d.etype != "repression"]
            if _intervened(ctx.sent_triggers[i]):
                for d in made:
                    if d.sub == "demonstration":
                        d.sub = "protest_with_intervention"
            drafts.extend(made)

        # country-level events: only specific, dated actions with no place named anywhere near
        for i, t in country:
            date, _ = date_for(doc, t.span)
            if not _country_ok(ctx, i, t, date):
                continue
            if t.event_type == "protest" and t.sub_event_type != "symbolic_action":
                continue
            sent = doc.sentences[i]
            drafts.append(_Draft(t.sub_event_type, t.event_type, None, sent, [t], list(t.tactics)))

        events = self._finish(ctx, drafts, date_for, publisher)
        attach_slogans(doc, events, ctx.skip)
        doc.events = [e for e in events]
        doc.claims = build_claims(doc, doc.events, publisher, ctx.skip,
                                  stance(doc.report.publisher, options.publishers_file) if publisher else None)

    # ------------------------------------------------------------------------------------

    def _finish(self, ctx: _Ctx, drafts: list[_Draft], date_for, publisher: str | None) -> list[Event]:
        doc = ctx.doc
        merged: dict[tuple, dict] = {}
        order: list[tuple] = []
        for d in drafts:
            i = ctx.idx(d.sentence.span.start)
            assert i is not None
            anchor_span = d.place.span if d.place is not None and not d.inferred else d.triggers[0].span
            date, date_spans = date_for(doc, anchor_span)
            sub, etype = d.sub, d.etype
            # violence by protesters / "rioters": riot, not repression
            if etype == "repression" and sub in ("killing", "attack_on_civilians"):
                a = _pick_actor(ctx, i, _Draft(sub, "riot", d.place, d.sentence, d.triggers, []))
                after = ctx.view[d.triggers[0].span.end : d.triggers[0].span.end + 40]
                if (a is not None and a.name in ("rioters", "unidentified assailants") and not _PASSIVE_BY.match(after)) \
                        or _against_security(ctx, d.triggers[0]):
                    sub, etype = "attack_on_people", "riot"
            d.sub, d.etype = sub, etype
            actor = _pick_actor(ctx, i, d)
            actor1 = _actor_name(actor, d, publisher)
            groups = ctx.groups(i)
            count_q = _pick_count(ctx, i, d, groups)
            if d.place is not None:
                loc = Location.from_place(d.place.name, d.place.place)
                place_key = fold_name(d.place.place.canonical or d.place.name)
            else:
                loc = Location("Iran", "Iran", None, "IR", None, None, 4)
                place_key = "iran"
            key = (place_key, sub, date.start, date.end)
            ev = [Evidence(doc.id, d.sentence.span, "sentence")]
            if d.place is not None and not d.inferred:
                ev.append(Evidence(doc.id, d.place.span, "place"))
            ev += [Evidence(doc.id, s, "date") for s in date_spans]
            ev += [Evidence(doc.id, t.span, "trigger") for t in d.triggers]
            if actor is not None:
                ev.append(Evidence(doc.id, actor.span, "actor"))
            if count_q is not None:
                ev.append(Evidence(doc.id, count_q.span, "count"))
            row = merged.get(key)
            if row is None:
                row = {"etype": etype, "sub": sub, "loc": loc, "date": date, "tactics": [], "actor1": actor1,
                       "actor2": _target(ctx, d), "counts": [], "evidence": [], "caption": d.caption,
                       "attributed_to": _attributed(ctx, i, publisher), "place_key": place_key}
                merged[key] = row
                order.append(key)
            else:
                row["caption"] = row["caption"] and d.caption
                if row["actor1"] is None:
                    row["actor1"] = actor1
                # the first surface is kept as location.name; the evidence lists every place span
            for tac in d.tactics:
                if tac not in row["tactics"]:
                    row["tactics"].append(tac)
            if count_q is not None and all(c.span != count_q.span for c in row["counts"]):
                row["counts"].append(count_q)
            seen_ev = row.setdefault("seen_ev", set())
            for e in ev:
                k = (e.span.start, e.span.end, e.role)  # cheaper to hash than the dataclass
                if k not in seen_ev:
                    seen_ev.add(k)
                    row["evidence"].append(e)
        rows = [merged[k] for k in order]
        rows = _fold_rows(rows)
        events: list[Event] = []
        used: set[str] = set()
        for r in rows:
            count = _merge_counts(r["counts"])
            tactics = tuple(r["tactics"])
            if r["sub"] == "property_attack":
                tactics = tuple(t for t in tactics if t in ("arson", "image_burning"))
            eid = event_id(doc.id, r["sub"], r["place_key"], r["date"], r["actor1"])
            n = 2
            while eid in used:  # two rows that folding made alike: keep ids unique and stable
                eid = f"{event_id(doc.id, r['sub'], r['place_key'], r['date'], r['actor1'])}-{n}"
                n += 1
            used.add(eid)
            events.append(Event(
                id=eid, doc_id=doc.id, event_type=r["etype"], sub_event_type=r["sub"], location=r["loc"],
                date=r["date"], tactics=tactics, actor1=r["actor1"], actor2=r["actor2"], count=count,
                evidence=tuple(r["evidence"]), reported_by=publisher, attributed_to=r["attributed_to"],
                documents=(doc.id,), confidence=r["date"].confidence if r["date"].start else 0.5,
                notes=tuple(["caption"] if r["caption"] else []),
            ))
        return events


def _fold_rows(rows: list[dict]) -> list[dict]:
    """Captions that show a body event fold into it; a plain protest folds into the same
    place's protest with intervention (the more specific sub-type)."""
    out: list[dict] = []
    for r in rows:
        host = None
        for o in out:
            if o["place_key"] != r["place_key"] or not _dates_meet(o["date"], r["date"]):
                continue
            same = o["sub"] == r["sub"]
            if same and (r["caption"] or o["caption"]):
                host = o
                break
            if same and o["date"].start is not None and r["date"].start is not None and (
                    not o["tactics"] or not r["tactics"] or set(o["tactics"]) & set(r["tactics"])):
                # a place listed (with the list's date range) and told again in detail: one
                # event, with the detail's narrower dates (different tactics: two acts)
                host = o
                if _days(r["date"]) < _days(o["date"]):
                    o["date"], o["loc"] = r["date"], r["loc"]
                break
            if {o["sub"], r["sub"]} == {"demonstration", "protest_with_intervention"}:
                host = o
                o["sub"] = "protest_with_intervention"
                break
        if host is None:
            out.append(r)
            continue
        if host["caption"] and not r["caption"]:
            host["date"], host["loc"], host["caption"] = r["date"], r["loc"], False
        for t in r["tactics"]:
            if t not in host["tactics"]:
                host["tactics"].append(t)
        host["counts"] += [c for c in r["counts"] if all(c.span != h.span for h in host["counts"])]
        host["evidence"] += [e for e in r["evidence"] if e not in host["evidence"]]
    return out


def _days(r: DateRange) -> int:
    return (r.end - r.start).days if r.start is not None and r.end is not None else 10**6


def _dates_meet(a: DateRange, b: DateRange) -> bool:
    if a.start is None or b.start is None:
        return a.start is None and b.start is None
    return a.overlaps(b)


def _merge_counts(qs: list[Quantity]) -> Count | None:
    if not qs:
        return None
    if len(qs) == 1:
        return qs[0].count
    values = [q.count.value for q in qs]
    if all(v is not None for v in values) and len(set(values)) == len(values):
        quals = {q.count.qualifier for q in qs}
        return Count(qs[0].count.kind, sum(values), quals.pop() if len(quals) == 1 else "at_least")  # type: ignore[arg-type]
    return qs[0].count
