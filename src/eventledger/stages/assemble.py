"""Stage ``assemble``: codebook events (and, via :mod:`.claims`, claims) from the mentions.

This module builds event drafts sentence by sentence, finishes them into events and merges
them; what it asks of a sentence (history, datelines, the story's town, tallies, ...) is
answered in :mod:`.assemble_context`.

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

import hashlib
import re
from functools import lru_cache
from typing import Callable

from ..config import Options
from ..doc import ActorMention, Doc, PlaceMention, Quantity, Trigger
from ..models import Count, DateRange, Event, Evidence, Location, Span
from ..publishers import canonical_publisher, stance
from .actors import needs_attribution
from .assemble_cues import Cue
from .assemble_context import (ANAPHOR_BEFORE, COUNT_KINDS_BY_SUBTYPE, CROWD, DocContext, Draft, against_security,
                               attributed_source, country_ok, country_total, drop_back_references, event_places,
                               beat_crowd, desk_dateline, fallback_date, fired_on_crowd, fired_on_people, fold_name, home_place,
                               in_named_province, intervened, is_force, is_chant, is_recent, is_tally,
                               jurisdiction_place, next_lists_places, not_history, place_key, restated_by_source,
                               to_home, usable, wider_scope, TALLY_PRECISIONS)
from .claims import build_claims
from .dates_scope import (counted_from_another_day, dated_by_next_sentence, dated_in_own_after_clause, dated_in_own_and_clause,
                          next_day_after, next_day_before, split_by_aside)
from .slogans import attach_slogans
from .triggers import spec_of

__all__ = ["AssembleStage", "event_id"]

_PROTEST_ACTOR_CATS = ("opposition", "civilian", "unknown")
_REPRESSION_ACTOR_CATS = ("state",)
# what a property attack was aimed at, read in the text around its trigger (each cue's words:
# the literal, lower-case part every match of its pattern contains, e.g. "cent" of "centers"/
# "centres", "image"/"picture"/... before " of"; most attacks name none, and the six regexes
# were most of the cost of finishing a riot event)
_TARGETS = [
    (Cue(r"\b(?:centers?|centres?) (?:for (?:the )?|of )?(?:spread(?:ing)? of |promoting (?:\w+[’'] )?)?(?:\w+ )?fundamentalis\w*|seminar(?:y|ies)|religious cent(?:er|re)s?|mosques?",
         ("cent", "seminar", "mosque")), "government-affiliated religious center"),
    (Cue(r"\b(?:IRGC )?Bas(?:s)?ij (?:base|bases|headquarters|centers?|entrances?)", ("basij", "bassij")), "IRGC Basij base"),
    (Cue(r"\b(?:images?|pictures?|portraits?|posters?|photos?|billboards?|banners?) of\b",
         ("image", "picture", "portrait", "poster", "photo", "billboard", "banner")), "images of officials"),
    (Cue(r"\b(?:police station|police vehicles?|police cars?)", ("police ",)), "police property"),
    (Cue(r"\bbanks?\b", ("bank",)), "banks"),
    (Cue(r"\b(?:government|regime|state) (?:buildings?|offices?|centers?|centres?)", ("government ", "regime ", "state ")),
     "government building"),
]
_PASSIVE_BY = re.compile(r"^\s*(?:\w+\s+){0,3}by\b", re.I)
#: between a subject and its verb: no clause break, no passive auxiliary ("a Basij base was
#: torched"), and the actor's name not the first word of a building's ("Basij base")
_SUBJECT_GAP = re.compile(r"(?:\s+(?!(?:base|bases|headquarters|cent(?:er|re)s?|offices?|stations?|buildings?|"
                          r"vehicles?|cars?|was|were|been|being|is|are)\b)[\w'-]+){0,3}\s+$", re.I)


def _state_did_it(ctx: DocContext, i: int, t: Trigger) -> bool:
    """Is a state actor the subject of the property-attack verb ``t`` ("security forces
    destroyed ...", "Basij members pulled down ...")? Such acts are not riots."""
    if ctx.view.startswith(("was ", "were ", "had been ", "has been "), t.span.start):
        return False  # a passive with the site as its subject ("a Basij center ... was targeted"): no agent told
    before = None
    for a in ctx.sent_actors[i]:
        if a.span.end <= t.span.start:
            before = a
    return before is not None and before.category == "state" and \
        _SUBJECT_GAP.match(ctx.view, before.span.end, t.span.start) is not None


def event_id(doc_id: str, sub_event_type: str, place_key: str, date: DateRange, actor1: str | None) -> str:
    key = "|".join([sub_event_type, place_key, str(date.start), str(date.end), actor1 or ""])
    return f"{doc_id}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


@lru_cache(maxsize=256)
def _publisher(publisher: str, publishers_file) -> tuple[str | None, str]:
    """The publishers table's name and stance of ``publisher`` (the lookup folds the name
    character by character; a corpus has few publishers)."""
    return canonical_publisher(publisher, publishers_file), stance(publisher, publishers_file)


#: a count over a whole month ("at least 110 prisoners were executed in July", with no day and no town
#: of its own) or one compared with another period ("executions had more than doubled compared with the
#: same period of 2024"): its repression waits for no town in the next sentence ("In Evin prison, ...
#: prisoners were moved to Ghezel Hesar"); an intro to a list or table of towns still hands it on
_MONTH_COUNT = re.compile(
    r"\b(?:at\s+least|more\s+than|over|some|about|nearly)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}(?:were|had\s+been|have\s+been)\s+"
    r"(?:executed|hanged|arrested|detained)\s+in\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?!\s+\d)\b|\b(?:doubled|tripled|quadrupled)[\"”]?\s+compared\s+with\b")


#: "including at least 40 in ": a town's own share of a tally, written right before the town
_INCLUDING_N_IN = re.compile(r"\bincluding\s+(?:(?:at\s+least|more\s+than|over|about|some|nearly|around)\s+)?"
                             r"\d[\d,]*\s+(?:[a-z]+\s+)?in\s+(?:the\s+(?:city|town)\s+of\s+)?$")


#: a definite back-reference to a protest already told ("who had joined the gathering", "the crowd")
_TOLD_PROTEST_REF = re.compile(r"\b(?:joined|joining|left|leaving)? ?the (?:gathering|crowd|protest|rally|march|protesters|demonstrators|marchers|mourners)\b")
#: ... or to the town a sentence before told of ("on the city's Jomhouri Boulevard")
_TOLD_TOWN_REF = re.compile(r"\b(?:the|this) (?:city|town)(?:['\u2019]s)?\b")
#: ... or to the site of the protest told ("entered the complex shortly after midnight and beat students")
_TOLD_SITE_REF = re.compile(r"\b(?:entered|stormed|raided|surrounded|inside|into) the (?:complex|campus|dormitor(?:y|ies)|compound|courtyard)\b")


#: "Two other porters were wounded", "three others were arrested": more victims of the act just told
_OTHER_VICTIMS = re.compile(r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,3}|[Aa]nother)\s+"
                            r"(?:others?|other\s+[\w-]+)\s+(?:were|was|had\s+been)\s+(?:also\s+)?(?:wounded|injured|hurt|killed|arrested|detained)\b")
#: "authorities in Tehran", "officials in Ahvaz": an office's seat before the place
_OFFICIALS_IN = re.compile(r"\b(?:[Aa]uthorities|[Oo]fficials|[Mm]inistr(?:y|ies)|[Gg]overnment|[Pp]rosecutors?)\s+in\s+\Z")
#: a site named in a sentence ("rallied at the Zayandeh Rud dam"), and a later sentence that locates
#: it ("The dam lies near the town of Chadegan", "The refinery is located in Abadan")
_SITE_NOUN = r"(?:dam|refinery|mine|plant|prison|camp|complex|factory|reservoir|port|airport|base|field)"
_SITE_NAMED = re.compile(rf"\bthe\s+(?:[A-Z][\w'’-]*\s+){{0,4}}(?P<noun>{_SITE_NOUN})\b")
_SITE_LOCATED = re.compile(rf"\b[Tt]he\s+(?P<noun>{_SITE_NOUN})\s+(?:lies|is\s+located|is\s+situated|sits|stands)\s+"
                           r"(?:just\s+)?(?:near|in|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$")


def _site_located_later(ctx, i: int) -> PlaceMention | None:
    """The town a sentence near this placeless one (two paragraphs either side) locates the site
    it names: "Hundreds of farmers rallied at the Zayandeh Rud dam on Monday" and, below, "The dam
    lies near the town of Chadegan" (or, later, "a guard post at the dam was set on fire")."""
    sent = ctx.doc.sentences[i]
    named = {m.group("noun") for m in _SITE_NAMED.finditer(ctx.view, sent.span.start, sent.span.end)}
    if not named:
        return None
    for j in range(max(0, i - 8), min(len(ctx.doc.sentences), i + 6)):
        if j == i or abs(ctx.doc.sentences[j].paragraph - sent.paragraph) > 2:
            continue
        for p in event_places(ctx, j):
            m = _SITE_LOCATED.search(ctx.view, max(ctx.doc.sentences[j].span.start, p.span.start - 80), p.span.start)
            if m is not None and m.group("noun") in named and p.place.precision == 1:
                return p
    return None


def _names_no_place(ctx, i: int, paragraph: int) -> bool:
    """No sentence of the paragraph from sentence ``i`` on names an event place (quotes aside)."""
    sents = ctx.doc.sentences
    while i < len(sents) and sents[i].paragraph == paragraph:
        if i not in ctx.skip and ctx.sent_places[i] and event_places(ctx, i):
            return False
        i += 1
    return True


def _told_protest_place(ctx, sent, drafts: list[Draft]) -> PlaceMention | None:
    """The town of the protest told last, in this paragraph or the one before, when the sentence
    names it again by a definite back-reference ("the gathering", "the crowd") and names no town."""
    if "th" not in ctx.view[sent.span.start : sent.span.end]:
        return None
    site = _TOLD_SITE_REF.search(ctx.view, sent.span.start, sent.span.end) is not None
    protest = site or _TOLD_PROTEST_REF.search(ctx.view, sent.span.start, sent.span.end) is not None
    if not protest and not _TOLD_TOWN_REF.search(ctx.view, sent.span.start, sent.span.end):
        return None
    # (the site may be two paragraphs back: the lede's protest, then a paragraph on how it began)
    reach = 2 if site else 1
    for d in reversed(drafts):
        if d.place is not None and d.place.place.precision == 1 and (
                not protest or (d.etype == "protest" and d.sub != "symbolic_action")):
            return d.place if sent.paragraph - reach <= d.sentence.paragraph <= sent.paragraph else None
    return None


def _own_share_of_tally(view: str, d: Draft) -> bool:
    if d.place is None or "including" not in view[max(0, d.place.span.start - 50) : d.place.span.start]:
        return False
    return _INCLUDING_N_IN.search(view, max(0, d.place.span.start - 50), d.place.span.start) is not None


def _date_fn() -> Callable[[Doc, Span], tuple[DateRange, tuple[Span, ...]]] | None:
    try:  # written by the dates stage; ``fallback_date`` keeps this stage usable without it
        from .dates import event_date_for  # type: ignore[attr-defined]
    except ImportError:
        return None
    return event_date_for


#: a trigger followed by its own, wider place ("shops stayed shut across Iran's Kurdish regions")
_OWN_WIDER_SCOPE = re.compile(
    r"\s+(?:\w+\s+)?(?:across|throughout|nationwide\b|all\s+over|in\s+(?:several|many|other|dozens\s+of|at\s+least\s+\w+)\s+"
    r"(?:\w+\s+)?(?:cities|towns|provinces|regions|areas)"
    # ("..., and a truckers' strike in the south": a region of its own, not the towns before)
    r"|in\s+the\s+(?:north|south|east|west)(?:east|west)?(?:ern)?\b(?!\s+of\s+[A-Z]))", re.I)


#: where one item of a deck line ends: a comma before the next item (not one inside a list of towns)
_DECK_ITEM_CUT = re.compile(r",\s+(?!and\b|or\b)(?=[a-z])")


#: a clause that opens with its own, wider place before its trigger ("posters appeared in Zanjan
#: and Sari, and in other cities his images were set on fire"): the act is not the towns' before it
_WIDER_SCOPE_OPENS = re.compile(
    r"(?:;|,\s+(?:and|while|whereas|but)\s+)"
    # (or with a subject of its own before the wider place: "students in Tehran, Tabriz and Shiraz
    # held rallies, and Resistance Units in several cities honored them with posters and graffiti")
    r"(?:(?:the\s+)?(?-i:[A-Z][\w'\u2019-]*)(?:\s+(?-i:[A-Z][\w'\u2019-]*)){0,2}\s+)?"
    r"(?:in|across)\s+(?:several|many|other|some|dozens\s+of|a\s+number\s+of)\s+"
    r"(?:\w+\s+)?(?:cities|towns|provinces|places)\b[^,;.]{0,60}\Z", re.I)


#: ", and" / ", while" / ";" before a trigger: the clause it is in ("…, and residents of Oshnavieh gathered")
_AND_CLAUSE = re.compile(r";|,\s+(?:and|while|whereas)\s+")
#: what opens a clause of its own between a trigger and a place: a semicolon, ", while in",
#: ", and in" ("... torched a Basij base on Monday, while in Sirjan a poster was installed"), or ", and on"
#: a day or a place ("... projected ... on Tuesday, and on Wednesday young people in the Tollab district
#: burned ...", "... refused to put to sea, and on Qeshm island dozens of fishermen blocked the pier")
#: (or ", and" with a subject of its own placed by "in": "Nurses in Tabriz held a sit-in on Saturday, and
#: nurses in Ardabil stopped work on Sunday": Ardabil's act is the stoppage after it, not the sit-in)
_CLAUSE_OPENER = re.compile(r";|,\s+(?:while|whereas|and)\s+(?:in|at|on)\s"
                            r"|,\s+(?:while|whereas|and)\s+(?-i:(?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)\s+in\s", re.I)


#: a sentence that tells a town's act again by its definite material ("In Kerman, the posters were put
#: up on Jomhouri Boulevard", "In Tehran, the units were active in the Pirouzi district")
_RESTATES_ACT = re.compile(r"(?:In|At)\s+[A-Z][^,.;]{1,40}?,?\s+the\s+(?:units|banners?|posters?|graffiti|leaflets?|slogans?|projections?)\s+"
                           r"(?:was|were|had\s+been)\s+(?:hung|put\s+up|posted|written|distributed|installed|active|projected|painted)\b")


#: a verb of what is yet to happen ("will hold", "would join", "plan to march")
_FUTURE_VERB = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|planning|intends?|intended|hopes?) to|(?:is|are) expected to)\s+(?!be\s+(?:held|released)\b)[a-z]", re.I)


_TO_COME = frozenset({"planned", "threatened", "called_for"})


def _own_clause_to_come(view: str, place: PlaceMention, sent, triggers: list[Trigger]) -> bool:
    """The place's clause (to the next semicolon or the sentence end) tells a trigger of its own
    that is no asserted act, or, with no trigger of its own, a verb of the future."""
    start = max((view.rfind(";", sent.span.start, place.span.start) + 1), sent.span.start)
    end = view.find(";", place.span.end, sent.span.end)
    end = sent.span.end if end < 0 else end
    own = [t for t in triggers if start <= t.span.start < end]
    if own:  # (a count's noun, "put the number of arrests at 31 in A", is no act to come)
        return not any(usable(t) for t in own) and any(t.negated or t.modality in _TO_COME for t in own)
    return _FUTURE_VERB.search(view, place.span.end, end) is not None


def _choose_trigger(triggers: list[Trigger], place: PlaceMention, view: str) -> Trigger:
    """The trigger that holds the place, else the nearest before it, else the nearest after it, else the first. A
    semicolon (or ", while in", ", and in") between the place and the trigger before it opens a
    clause of its own: "In
    Tabriz, a billboard was set on fire; in Ardabil, posters were put up" gives Ardabil the
    posters told after it in its clause."""
    start = place.span.start
    end = place.span.end
    before = None
    for t in triggers:
        if t.span.start <= start and end <= t.span.end:
            return t  # "shops in Mahabad and Bukan stayed closed": the trigger that holds the place
        if t.span.end <= start:
            before = t
    if before is not None:
        if not _CLAUSE_OPENER.search(view, before.span.end, start):
            return before
        after = next((t for t in triggers if t.span.start >= end), None)
        return after if after is not None and not _CLAUSE_OPENER.search(view, end, after.span.start) else before
    for t in triggers:
        if t.span.start >= end:
            return t
    return triggers[0]


#: a clause that says its act did not happen ("..., while in Mashhad the guild called off a closure
#: planned for Wednesday", "..., while in Shiraz shopkeepers reopened"): searched in the place's own clause only
_CALLED_OFF_CLAUSE = re.compile(
    r"\b(?:call(?:ed|s)?|calling)\s+(?:(?:it|them)\s+)?off\b|\b(?:cancell?ed|postponed)\s+(?:an?|the|its|their)\b"
    # (or the closure ended: "..., while in Shiraz shopkeepers reopened after the police threatened them")
    r"|\b(?:reopened|returned\s+to\s+work|went\s+back\s+to\s+work)\b"
    # (or only a threat: "..., and in Tabriz security agents threatened the strikers with the seizure of
    # their trucks": no act there, and the act before the comma is not that town's)
    r"|\bthreaten(?:ed|s|ing)\b", re.I)
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:while|whereas|and|but)\s")


def _called_off_in_own_clause(view: str, t: Trigger, place: PlaceMention, sent_end: int) -> bool:
    """A place after ", while in" / ";" whose own clause tells a called-off act, with the act
    told before it in another clause: the place has no act ("shops in Tabriz closed on Tuesday,
    while in Mashhad the carpet sellers' guild called off a closure planned for Wednesday")."""
    if not _CLAUSE_OPENER.search(view, t.span.end, place.span.start):
        return False
    stop = _CLAUSE_END.search(view, place.span.end, sent_end)
    return _CALLED_OFF_CLAUSE.search(view, place.span.end, stop.start() if stop else sent_end) is not None


#: maltreatment told as part of an arrest ("they were beaten during the arrest"): the arrest's
#: own story, not an act of its own waiting for the town named before
_DURING_ARREST = re.compile(r"\b(?:during|after|upon|on) (?:the|their|his|her) (?:arrests?|detentions?)\b|"
                            r"\bin (?:custody|detention)\b", re.I)


def _fold_chants_into_told(made: list[Draft], drafts: list[Draft], paragraph: int) -> list[Draft]:
    """Chanting that waited for a place ("The farmers ... chanted 'Our water has been stolen'. The dam lies
    near the town of Chadegan") at the town of a protest told in this or the previous paragraph is that
    protest's tactic, not an act of its own."""
    if not made:
        return made
    hosts = [d for d in drafts if d.etype == "protest" and d.sub not in ("symbolic_action", "strike")
             and d.place is not None and paragraph - 1 <= d.sentence.paragraph]
    kept = []
    for m in made:
        host = next((h for h in hosts if m.place is not None and place_key(h.place) == place_key(m.place)), None)
        if host is not None and m.sub in ("symbolic_action", "demonstration") \
                and all(t.event_type == "protest" and set(t.tactics) <= {"chanting"} for t in m.triggers):
            host.tactics.extend(x for x in m.tactics if x not in host.tactics)
            continue
        kept.append(m)
    return kept


def _another_day(a: DateRange | None, b: DateRange | None) -> bool:
    """Are ``a`` and ``b`` two different single days?"""
    return a is not None and b is not None and a.precision == b.precision == "day" and a.start != b.start


def _same_days(a: DateRange, b: DateRange) -> bool:
    return a.start is not None and (a.start, a.end) == (b.start, b.end)


def _intervene_in_told_protest(drafts: list[Draft], places: list[PlaceMention], paragraph: int,
                               ok: Callable[[Draft], bool] | None = None) -> bool:
    """Turn the demonstrations of this or the previous paragraph at these places into protests
    with intervention (those ``ok`` accepts, when given); say whether there was one."""
    here = {place_key(p) for p in places}
    hit = False
    for d in drafts:
        if d.sub == "demonstration" and d.place is not None and paragraph - 1 <= d.sentence.paragraph \
                and place_key(d.place) in here and (ok is None or ok(d)):
            d.sub = "protest_with_intervention"
            hit = True
    return hit


#: a second site of the same crowd with a day of its own, after "and" ("gathered outside the Majlis in
#: Tehran on Sunday and outside the organization's headquarters on Tuesday")
_AND_SITE_ON = re.compile(r"\s+and\s+(?:again\s+)?(?:outside|in\s+front\s+of|at|before)\s+(?:the\s+|a\s+)?"
                          r"[\w'’ -]{2,60}?\s+on\s+\Z", re.I)


def _second_site_days(ctx: DocContext, i: int, made: list[Draft], date_for) -> list[Draft]:
    """The one town's gathering told again at a second site on another day of the sentence: a
    gathering of that day there too (the site is in the town the sentence named)."""
    gatherings = [d for d in made if d.sub == "demonstration" and d.place is not None]
    if len(gatherings) != 1 or len({place_key(d.place) for d in made if d.place is not None}) != 1:
        return []
    sent = ctx.doc.sentences[i].span
    if " and " not in ctx.view[gatherings[0].place.span.end : sent.end]:
        return []
    told, _ = date_for(ctx.doc, gatherings[0].triggers[0].span)
    out: list[Draft] = []
    for m in ctx.sent_dates[i]:
        if m.role != "event" or m.range.precision != "day" or m.span.start <= gatherings[0].place.span.end \
                or not _another_day(m.range, told) or any(p.span.start > gatherings[0].place.span.end for p in ctx.sent_places[i]):
            continue
        if _AND_SITE_ON.search(ctx.view, max(gatherings[0].place.span.end, m.span.start - 90), m.span.start):
            g = gatherings[0]
            out.append(Draft(g.sub, g.etype, g.place, g.sentence, g.triggers, list(g.tactics), inferred=True, date_from=m.span))
    return out


def _lone_protest_met(drafts: list[Draft], sent) -> Draft | None:
    """The one protest with intervention of a story that has told acts in one town only, in the
    three paragraphs before: what a placeless, undated count of casualties there is about."""
    met = [d for d in drafts if d.sub == "protest_with_intervention" and d.place is not None
           and sent.paragraph - 3 <= d.sentence.paragraph <= sent.paragraph]
    if len(met) != 1 or len({place_key(d.place) for d in drafts if d.place is not None}) != 1:
        return None
    return met[0]


def _told_before(drafts: list[Draft], acting: list[Trigger]) -> bool:
    """Has an earlier sentence told an act of one of these sub-types, which a source's "said that"
    would restate?"""
    subs = {t.sub_event_type for t in acting}
    if "attack_on_civilians" in subs:
        # ("He said 14 police officers had been injured by stones" after the stone-throwing told:
        # the injuries are of the riot's people, so the riot told before is the same kind)
        subs.add("attack_on_people")
    return any(d.sub in subs for d in drafts)


def _sentence_drafts(ctx: DocContext, i: int, triggers: list[Trigger], places: list[PlaceMention]) -> list[Draft]:
    sent = ctx.doc.sentences[i]
    caption = ctx.kinds[i] == "caption"
    acting: list[Trigger] = []
    vague: set[int] = set()  # id() of the acting triggers whose lexicon entry is vague ("took to the streets")
    for t in triggers:
        spec = spec_of(t)
        if spec is not None:
            if spec.intervention:
                continue
            if spec.vague:
                vague.add(id(t))
        acting.append(t)
    if not acting:
        return []
    # a vague protest trigger takes the kind of the sentence's first specific protest trigger
    # (not one told for a wider place of its own: "brought strikes and protests in A and B, and a
    # truckers' strike in the south")
    specific = next((u for u in acting if u.event_type == "protest" and id(u) not in vague
                     and not _OWN_WIDER_SCOPE.match(ctx.view, u.span.end, min(sent.span.end, u.span.end + 40))),
                    None) if vague else None
    tactics_of: dict[str, list[str]] = {}  # sub-type -> the tactics of its acting triggers

    def tactics_for(sub: str) -> list[str]:
        out = tactics_of.get(sub)
        if out is None:
            out = tactics_of[sub] = []
            for t in acting:
                if t.sub_event_type == sub:
                    for tac in t.tactics:
                        if tac not in out:
                            out.append(tac)
        return list(out)  # (each draft's own list: merging extends it)

    drafts: list[Draft] = []
    chosen_subs: set[str] = set()
    chosen_by: list[tuple[PlaceMention, Trigger]] = []
    for p in places:
        t = _choose_trigger(acting, p, ctx.view)
        if t.span.end <= p.span.start and _called_off_in_own_clause(ctx.view, t, p, sent.span.end):
            continue
        chosen_subs.add(t.sub_event_type)
        chosen_by.append((p, t))
        if specific is not None and id(t) in vague:
            etype, sub = specific.event_type, specific.sub_event_type
        else:
            etype, sub = t.event_type, t.sub_event_type
        drafts.append(Draft(sub, etype, p, sent, [u for u in acting if u.sub_event_type == sub or u is t],
                            tactics_for(sub), caption=caption))
    # a trigger of another kind that governs no place applies to the places before it
    for t in acting:
        sub = t.sub_event_type
        # (a symbolic act beside another kind is its own act only as slogans written on walls: "set
        # fire to a banner of Khamenei and wrote 'Death to Khamenei' on walls")
        # (nor a memorial that arrests were made at: "detained four young men at a memorial gathering"
        # is a gathering met with arrests, the codebook's protest with intervention)
        if sub in chosen_subs or id(t) in vague or (sub == "symbolic_action" and t.tactics != ("graffiti",)
                                                    and not _memorial_arrested_at(ctx.view, t)):
            continue
        if _OWN_WIDER_SCOPE.match(ctx.view, t.span.end, min(sent.span.end, t.span.end + 40)) \
                or _WIDER_SCOPE_OPENS.search(ctx.view, max(sent.span.start, t.span.start - 130), t.span.start):
            continue  # "..., as shops stayed shut across the Kurdish regions": not the places before it
        start = t.span.start
        targets = [p for p in places if p.span.end <= start] or places
        # ("shops in Piranshahr and Oshnavieh stayed closed, and residents of Oshnavieh gathered":
        # a place named in the trigger's own clause, after ", and", is the one it governs)
        opener = None
        for opener in _AND_CLAUSE.finditer(ctx.view, sent.span.start, start):
            pass
        if opener is not None:
            own = {place_key(p) for p in ctx.sent_places[i]
                   if p.role == "event" and opener.end() <= p.span.start and p.span.end <= start}
            targets = [p for p in targets if place_key(p) in own] or targets
        for p in targets:
            drafts.append(Draft(sub, t.event_type, p, sent, [t], list(t.tactics), caption=caption))
        chosen_subs.add(sub)
    if len(chosen_by) > 1:
        drafts += _repression_at_protest(sent, acting, chosen_by, caption)
    return drafts


#: a cause named between a protest and a repression word ("gathered after a porter was arrested")
_CAUSE_WORDS = frozenset({"after", "following", "over", "against", "because", "since"})


def _repression_at_protest(sent, acting: list[Trigger], chosen_by: list[tuple[PlaceMention, Trigger]],
                           caption: bool) -> list[Draft]:
    """"A was killed when security forces opened fire on a rally in X; B was shot dead in Y":
    a killing (injury, arrest) that no place chose, while a later place took its kind, happened
    at the protest of the next place after it (codebook: a protest and killings at it are two
    events)."""
    chosen = {id(t) for _, t in chosen_by}
    out = []
    for t in acting:
        if t.event_type != "repression" or id(t) in chosen:
            continue
        later = [(p, c) for p, c in chosen_by if p.span.start >= t.span.end]
        if not later or later[0][1].event_type != "protest":
            continue
        p = later[0][0]
        if any(u.sub_event_type == t.sub_event_type and t.span.end <= u.span.start < p.span.start for u in acting):
            continue
        out.append(Draft(t.sub_event_type, t.event_type, p, sent, [t], [], caption=caption))
    return out


#: nouns that pick one kind of act out of the sentence before ("Seven of the deaths occurred near A and B")
_KIND_NOUNS = re.compile(r"\b(?:(?P<killing>deaths|dead|killings)|(?P<attack_on_civilians>wounded|injured|injuries)"
                         r"|(?P<arrest>arrests|detainees|detentions)|(?P<execution>executions))\b", re.I)


#: a sentence that carries the act told just before to other towns: "On Sunday it spread to ...",
#: "By Monday the strike had spread to ..." (the act named again is a trigger of its own sentence)
#: a sentence whose subject is the actors just told of ("They put up posters ...")
_THEY_OPEN = re.compile(r"They\s+(?:also\s+)?[a-z]")
#: a concession before a frame word ("despite the wave of arrests in ...", "amid a spate of executions in ...")
_CONCESSIVE_BEFORE = re.compile(r"\b(?:despite|in spite of|amid(?:st)?|notwithstanding)\b", re.I)


def _acts_of_sentence_before(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` tells the act of the places sentence ``i - 1`` named with no act: it opens
    with "They" in the same paragraph, or, as the next paragraph's first sentence, with "They" or
    the actor the sentence before named ("The units ... voiced their support for ... on Friday and
    Saturday in Tehran, Isfahan and Karaj." / "They carried out their activities by installing
    banners"; "... marked Workers' Day in the cities of A and B." / "The Resistance Units supported
    the workers by installing banners")."""
    sent, before = ctx.doc.sentences[i], ctx.doc.sentences[i - 1]
    if sent.paragraph == before.paragraph:
        return bool(_THEY_OPEN.match(ctx.view, sent.span.start))
    if sent.paragraph != before.paragraph + 1:
        return False
    if _THEY_OPEN.match(ctx.view, sent.span.start):
        return True
    opening = next((a for a in ctx.sent_actors[i] if _opens_sentence(ctx, i, a)), None)
    subject = _subject_of(ctx, i - 1)
    return opening is not None and subject is not None and opening.name == subject.name


def _subject_of(ctx: DocContext, j: int) -> ActorMention | None:
    """The protest-side actor that opens sentence ``j``, its subject: "The Resistance Units, the
    internal network of ..., voiced their support for the nurses"; None when the sentence opens
    otherwise ("The units voiced their support for the nurses": the nurses are no subject)."""
    a = next((a for a in ctx.sent_actors[j] if a.category in _PROTEST_ACTOR_CATS), None)
    return a if a is not None and _opens_sentence(ctx, j, a) else None


def _opens_sentence(ctx: DocContext, j: int, a: ActorMention) -> bool:
    """Actor ``a`` is the first words of sentence ``j`` (an article and a dateline before it
    aside: "Iran, May 4, 2020—The Resistance Units ...")."""
    before = ctx.view[ctx.starts[j] : a.span.start]
    if len(before) > 80:
        return False
    for sep in ("\u2014", " - "):
        k = before.rfind(sep)
        if k >= 0:
            before = before[k + len(sep) :]
    return before.strip() in ("", "The", "the")


_SPREAD_TO = re.compile(r"(?:(?:on|by|from)\s+\w+(?:\s+\w+)?,?\s+)?(?:it|they)\s+(?:also\s+|then\s+|had\s+|has\s+)?spread\s+"
                        r"(?:on\s+\w+\s+|quickly\s+|further\s+)?to\b", re.I)


def _kind_named(ctx: DocContext, i: int, pending: list[Trigger]) -> list[Trigger]:
    """The triggers handed on from the sentence before that the place sentence speaks of: "shot
    dead nine porters and wounded 17 others. Seven of the deaths occurred near A and B" gives
    killings at A and B, not injuries."""
    if len(pending) < 2:
        return pending
    s = ctx.doc.sentences[i].span
    subs = {m.lastgroup for m in _KIND_NOUNS.finditer(ctx.view, s.start, s.end)}
    kept = [t for t in pending if t.sub_event_type in subs]
    return kept or pending


def _placeless_in_sentence(ctx: DocContext, i: int, triggers: list[Trigger], places: list[PlaceMention]) -> list[Trigger]:
    """A repression trigger after the last place of its sentence that no place chose and that
    has its own number ("... and on May 3, six prisoners were hanged in several
    cities"): a separate action with no place named, a country-level candidate."""
    last_place = max(p.span.end for p in places)
    late = [t for t in triggers if t.event_type == "repression" and t.span.start >= last_place]
    if not late:
        return []
    chosen_triggers = [_choose_trigger(triggers, p, ctx.view) for p in places]
    chosen = {id(t) for t in chosen_triggers}
    chosen_subs = {t.sub_event_type for t in chosen_triggers}
    out = []
    for t in late:
        # (a trigger of another kind already applies to the places before it)
        if id(t) in chosen or t.sub_event_type not in chosen_subs:
            continue
        spec = spec_of(t)
        kind = spec.count_kind if spec else None
        if any(q.count.kind == kind and q.span.start > t.span.start for q in ctx.sent_quants[i]):
            out.append(t)
    return out


#: ("five of them in Yasuj and one in Dehdasht": a place's share of a toll stays that place's count)
_SUBSET_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these|the\s+(?:detainees|arrested|dead|victims|wounded|injured|executed|prisoners))\b"
                           r"(?!,?\s+(?:in|at|near|outside|inside)\b)", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:among them|among whom|of (?:them|whom)|including)\s+(?:at least\s+|some\s+)?\Z", re.I)


#: between a part of a total and its place: "including 12 in", "among them three at"
_AT_PLACE_GAP = re.compile(r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+)?(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?\Z")


def _subset_at_place(view: str, quants: list[Quantity], place: PlaceMention) -> Quantity | None:
    for q in quants:
        if q.span.end <= place.span.start and _SUBSET_BEFORE.search(view, max(0, q.span.start - 24), q.span.start) \
                and _AT_PLACE_GAP.match(view[q.span.end : place.span.start]):
            return q
    return None


def _pick_count(ctx: DocContext, i: int, d: Draft) -> Quantity | None:
    kinds = COUNT_KINDS_BY_SUBTYPE.get(d.sub, ())
    if "video_message" in d.tactics:
        kinds = (*kinds, "video_messages")
    quants = [q for q in ctx.sent_quants[i] if q.count.kind in kinds]
    if not quants and d.table_row and kinds:
        # a count table's row whose figure has no word of its own ("Marivan: 6" under "Arrests by town,
        # November 2025"): the heading's kind is what it counts
        bare = [q for q in ctx.sent_quants[i] if q.count.kind == "other" and q.count.value is not None]
        if len(bare) == 1:
            q = bare[0]
            return Quantity(q.span, Count(kinds[0], q.count.value, q.count.qualifier, q.count.qualifier_text))
    if not quants:
        return None
    if len(quants) > 1:
        # ("... executed at least 41 prisoners in the first ten days of January, including 12 in
        # Ghezel Hesar prison on January 7": the part the place is named with is that place's count)
        if d.place is not None and (own := _subset_at_place(ctx.view, quants, d.place)) is not None:
            return own
        # ("three Kurdish prisoners, among them two brothers from Piranshahr, were hanged": the
        # part named inside the whole is not the event's count)
        quants = [q for q in quants if not _SUBSET_BEFORE.search(ctx.view, max(0, q.span.start - 24), q.span.start)] or quants
    # ("Most of the detainees were aged between 17 and 25, and four of them were residents of other
    # provinces": a part of the set told before, not how many the act counts)
    # (but the act's own object is its count: "police detained two of them", "arrested five of them")
    quants = [q for q in quants if not _SUBSET_AFTER.match(ctx.view, q.span.end)
              or any(0 < q.span.start - t.span.end <= 1 for t in d.triggers)]
    if not quants:
        return None
    place = d.place
    if place is None:
        t = d.triggers[0]
        exact = [q for q in quants if q.count.value is not None] or quants
        return min(exact, key=lambda q: abs(q.span.start - t.span.start))
    group = next((g for g in ctx.groups(i) if place in g), [place])
    if len(group) > 1:
        return None  # one total for several places: a claim, not a per-place count
    others = [p for p in ctx.sent_places[i] if p is not place and p.role == "event"]
    # the verb's own object ("broke up a protest in Sarbaz against the killing of a young man and
    # detained nine residents"): a count right after the act's verb is its count, not one told
    # before the verb in another phrase of the sentence
    t0 = d.triggers[0].span
    own = next((q for q in quants if 0 <= q.span.start - t0.end <= 2 and q.span.start > place.span.end), None)
    if own is not None and any(q.span.end <= t0.start for q in quants) \
            and not any(place.span.end <= o.span.start < own.span.start for o in others):
        return own
    before = [q for q in quants if q.span.end <= place.span.start]
    if before:
        q = before[-1]
        if not any(q.span.end <= o.span.start < place.span.start for o in others):
            return _coordinated_sum(ctx.view, before) or q
        return None
    after = [q for q in quants if q.span.start >= place.span.end]
    if after:
        q = after[0]
        if not any(place.span.end <= o.span.start < q.span.start for o in others):
            return q
    return None


#: the words between two counts of one list of people ("5 women and 3 men", "two teachers, a student
#: and four workers" after the first): a noun or two, then a comma or "and"
_COUNT_LIST_GAP = re.compile(r"[ \u00a0]+(?:[\w'’-]+[ \u00a0]+)?[\w'’-]+(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)\Z")


def _coordinated_sum(view: str, quants: list[Quantity]) -> Quantity | None:
    """The sum of the last counts of ``quants`` that one list joins ("arrested 5 women and 3 men": 8);
    None when the last count stands alone or a value is vague."""
    run = [quants[-1]]
    for q in reversed(quants[:-1]):
        if q.count.kind != run[-1].count.kind or not _COUNT_LIST_GAP.match(view[q.span.end : run[-1].span.start]):
            break
        run.append(q)
    if len(run) < 2 or any(not isinstance(q.count.value, int) for q in run):
        return None
    quals = {q.count.qualifier for q in run}
    first, last = run[-1], run[0]
    return Quantity(Span(first.span.start, last.span.end),
                    Count(last.count.kind, sum(q.count.value for q in run),  # type: ignore[misc]
                          quals.pop() if len(quals) == 1 else "at_least", None))


def _pick_actor(ctx: DocContext, i: int, etype: str, t: Trigger) -> ActorMention | None:
    """The actor of an event of type ``etype`` told by trigger ``t`` in sentence ``i``: the last
    one of the right category before the trigger, else the first after it, else the last one
    earlier in the paragraph or the paragraph before."""
    cats = _REPRESSION_ACTOR_CATS if etype == "repression" else _PROTEST_ACTOR_CATS
    t_start, t_end = t.span.start, t.span.end
    last_before = first_after = None
    for a in ctx.sent_actors[i]:
        if a.category not in cats:
            continue
        s = a.span
        if s.end <= t_start or (s.start < t_end and t_start < s.end):  # before, or overlapping
            last_before = a
        elif first_after is None and s.start >= t_end:
            first_after = a
    if last_before is not None:
        return last_before
    # ("They carried out their activities by installing banners with the slogans of the Iranian
    # Resistance leader": "They" is the actor told before, not the first one named after the act)
    they = _THEY_OPEN.match(ctx.view, ctx.starts[i]) is not None
    # (not for an execution: the men named after it are in the charge, "hanged a man convicted of
    # killing a member of the Basij militia"; the state that hanged him is the default)
    if first_after is not None and not they and (t.sub_event_type != "execution" or ctx.view.startswith(" by ", t_end)):
        return first_after
    if they and i > 0 and etype == "protest" and (subject := _subject_of(ctx, i - 1)):
        return subject  # (the subject of the sentence before, not its object: "support for the nurses")
    # earlier in the paragraph, then the paragraph before
    sents = ctx.doc.sentences
    para = sents[i].paragraph
    for j in range(i - 1, max(-1, i - 8), -1):
        sj = sents[j]
        if sj.paragraph < para - 2:
            break
        if ctx.kinds[j] in ("heading", "caption", "boilerplate") and sj.paragraph != para:
            continue
        if etype == "repression" and sj.paragraph != para and ctx.kinds[i] == "list_item" and ctx.kinds[j] == "list_item":
            # a sibling bullet's force is not this one's ("- Rasht: police detained two" / "- Zahedan: a
            # prisoner was executed"); a list of one group's acts town by town still shares its actor
            break
        for a in reversed(ctx.sent_actors[j]):
            if a.category in cats:
                return a
    return None


def _same_paragraph(ctx: DocContext, i: int, a: ActorMention) -> bool:
    j = ctx.idx(a.span.start)
    return j is None or ctx.doc.sentences[j].paragraph == ctx.doc.sentences[i].paragraph


def _actor_name(a: ActorMention | None, d: Draft, publisher: str | None) -> str | None:
    if a is None:
        # executions, sentences and arrests are state acts by definition; a killing or an
        # injury whose perpetrator is not named stays unknown (codebook "Perpetrator not named")
        return "Iranian authorities" if d.sub in ("execution", "sentence", "arrest") else None
    name = a.name
    if publisher and needs_attribution(name):
        name = f"{name} (per {publisher})"
    return name


def _target(ctx: DocContext, i: int, d: Draft) -> str | None:
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
        for a in ctx.sent_actors[i]:  # (an actor inside the sentence starts in it)
            if a.category == "target" and s.contains(a.span):
                return a.name
    return None


_ALSO = re.compile(r"\balso\b", re.I)


def _fold_also_into_told(ctx: DocContext, i: int, made: list[Draft], drafts: list[Draft]) -> list[Draft]:
    """"In Sari, a unit also handed out leaflets": an undated symbolic act told with "also" of a
    town whose symbolic action the report already gave adds its tactics to that event (the
    codebook's place listed twice, then with detail), instead of taking the last date told."""
    if not made or any(d.role == "event" for d in ctx.sent_dates[i]):
        return made
    sent = ctx.doc.sentences[i]
    if not _ALSO.search(ctx.view, sent.span.start, sent.span.end):
        return made
    out = []
    for d in made:
        key = place_key(d.place) if d.sub == "symbolic_action" and d.place else None
        told = next((x for x in drafts if key and x.sub == d.sub and x.place is not None
                     and x.sentence.paragraph < sent.paragraph
                     and place_key(x.place) == key), None)
        if told is None:
            out.append(d)
        else:
            told.tactics.extend(x for x in d.tactics if x not in told.tactics)
    return out


def _dated_only_by_period(ctx: DocContext, i: int) -> bool:
    """"Since December 2022, the regime has executed four protesters in Tehran, Mashhad and
    Karaj": repression whose only date is a "since" period is a tally (a claim), not one act."""
    dates = ctx.sent_dates[i]
    return bool(dates) and all(d.role == "period" for d in dates)


def _told_in_a_town(doc: Doc, drafts: list[Draft], t: Trigger, date: DateRange, date_for) -> bool:
    """"The regime hanged two more young men on Saturday. ... were executed in Karaj's
    prison": a lede's placeless act that the report gives a town for, on the same day, is that
    town's event, not a second, country-level one. (Repression only: a country-level count of
    symbolic acts, "sent 320 video messages", is its own event beside the towns' ones.)"""
    if t.event_type != "repression":
        return False
    for d in drafts:
        if d.place is None or d.sub != t.sub_event_type or not d.triggers:
            continue
        other, _ = date_for(doc, d.triggers[0].span)
        if other.start is not None and other.start == date.start and other.end == date.end:
            return True
    return False


#: a sentence that gives the place of an act just told: "The shooting happened in Shadegan, ..."
_ACT_WAS_IN = re.compile(r"(?:The|That|This)\s+(?:shooting|killing|attack|raid|incident|clash(?:es)?|violence|deaths?)\s+"
                         r"(?:happened|took\s+place|occurred|was|were)\s+in\s+", re.I)


def _placed_by_next_sentence(ctx: DocContext, i: int) -> PlaceMention | None:
    """The one town the next sentence names for the act of sentence ``i`` ("The shooting
    happened in Shadegan"), else None."""
    if i + 1 >= len(ctx.doc.sentences):
        return None
    nxt = ctx.doc.sentences[i + 1].span
    m = _ACT_WAS_IN.match(ctx.view, nxt.start)
    if m is None:
        return None
    places = [p for p in event_places(ctx, i + 1) if p.span.start == m.end()]
    return places[0] if len(places) == 1 and places[0].place.precision <= 2 else None


def _introduces_list(ctx: DocContext, i: int, sent) -> bool:
    """The sentence ends with a colon and the next paragraph is a list line."""
    if not ctx.view[sent.span.start : sent.span.end].rstrip().endswith(":"):
        return False
    sentences = ctx.doc.sentences
    return i + 1 < len(sentences) and ctx.kinds[i + 1] == "list_item" and sentences[i + 1].paragraph != sent.paragraph


#: a row of a count table: a place, a colon, then a figure ("Ghezel Hesar (Karaj): 24",
#: "Javanrud: 5 killed, at least 40 injured", "Kermanshah: 3 killed, about 60 injured")
_TABLE_ROW = re.compile(r"[^\W\d][^:\n]{1,60}:\s*(?:(?:at least|about|around|more than|over|some|up to|nearly)\s+)?"
                        r"\d[\d,]*(?:\s+[a-z]+)?(?:,\s*(?:(?:at least|about|around|more than|over|some|up to|nearly)\s+)?"
                        r"\d[\d,]*\s+[a-z]+)*\.?\s*\Z")
#: the line that heads such a table: it counts by place ("Executions by prison, October 2025",
#: "Casualties by town (verified by ...)", "Fuel porters killed and injured, by county")
_TABLE_HEAD = re.compile(r"\bby\s+(?:prisons?|towns?|cit(?:y|ies)|count(?:y|ies)|provinces?|districts?|regions?)\b", re.I)
#: the most rows between a row and its table's heading line
_TABLE_ROWS = 15


def _count_table_triggers(ctx: DocContext, i: int) -> tuple[list[Trigger], Span] | None:
    """Rights monitors give a month's or a crackdown's figures as a table of rows by place under
    a heading line that says how it counts. A row is no headline: its place's own figure is
    that place's act (one event per row). Its kind is the row's own word ("5 killed", "12
    injured"), else the heading's ("Executions by prison": the rows are executions; their
    date is the heading's, "October 2025", else that of the paragraph the table breaks down:
    "In August 2024, ... at least 16 porters"). None when the line is no row of such a table;
    else the heading's usable triggers (the row's own words win) and the span that dates it."""
    sents, view = ctx.doc.sentences, ctx.view
    sent = sents[i]
    if not _TABLE_ROW.match(view, sent.span.start, sent.span.end):
        return None
    j = i - 1
    while j >= 0 and i - j <= _TABLE_ROWS and ctx.kinds[j] == "heading":
        sp = sents[j].span
        if _TABLE_HEAD.search(view, sp.start, sp.end):
            heads = [t for t in ctx.sent_triggers[j] if usable(t) and t.event_type == "repression"]
            dated = next((d.span for d in ctx.sent_dates[j] if d.role == "event"), None)
            if dated is None:
                k = j - 1  # the first sentence of the paragraph before the table
                while k > 0 and ctx.kinds[k] != "body":
                    k -= 1
                while k > 0 and sents[k - 1].paragraph == sents[k].paragraph:
                    k -= 1
                dated = Span(sents[k].span.start, sents[k].span.start + 1) if k >= 0 else sp
            return heads, dated
        if not _TABLE_ROW.match(view, sp.start, sp.end):
            return None
        j -= 1
    return None


class AssembleStage:
    name = "assemble"
    requires = ("places", "anchor", "dates", "triggers", "actors", "quantities", "quotes", "attributions",
                "paragraphs", "sentences")
    assigns = ("events", "claims")

    def __init__(self, options: Options | None = None) -> None:
        self._date_for = _date_fn()

    def __call__(self, doc: Doc, options: Options) -> None:
        base_date_for = self._date_for or fallback_date
        date_memo: dict[tuple[int, int], tuple[DateRange, tuple[Span, ...]]] = {}

        def date_for(doc: Doc, span: Span) -> tuple[DateRange, tuple[Span, ...]]:
            # the same trigger or place is dated several times (drafts, recency checks, merging)
            key = (span.start, span.end)
            got = date_memo.get(key)
            if got is None:
                got = date_memo[key] = base_date_for(doc, span)
            return got

        publisher, publisher_stance = _publisher(doc.report.publisher, options.publishers_file) if doc.report.publisher \
            else (None, None)
        ctx = DocContext(doc)
        drafts: list[Draft] = []
        pending: list[Trigger] = []  # placeless triggers handed to the next sentence's place list
        pending_para = -1
        told_before: tuple[int, list[Trigger]] = (-1, [])  # the last sentence's usable protest triggers
        places_only: tuple[int, list[PlaceMention]] = (-1, [])  # the last sentence's places, told with no act
        list_places: tuple[int, list[PlaceMention]] = (-1, [])  # the towns of a list whose intro told no act
        pending_country: set[str | None] = set()  # the country the waiting sentence named as its place
        pending_list = False  # the pending sentence introduces a bullet list ("... in these cities:")
        list_drafts: list[Draft] = []  # events made from the latest bullet list
        list_para = -1
        country: list[tuple[int, Trigger]] = []
        home = home_place(ctx)
        focus: tuple[int, int, PlaceMention] | None = None  # (paragraph, sentence, place) last told about
        dispersal_met: tuple[int, tuple[Draft, ...]] | None = None  # (paragraph, protests) a dispersal last met
        kinds, skip, sent_triggers, sent_places = ctx.kinds, ctx.skip, ctx.sent_triggers, ctx.sent_places
        # a story filed abroad ("LONDON — ... rallied ... In Iran, residents of Kerman ..."): its
        # dateline city is no home for acts in Iran, so a paragraph that names no place goes on
        # about the Iranian town the paragraph before was about ("Security forces fired tear gas
        # near the city's main square ..."; "The rights group said one protester died ...")
        abroad = home is not None and (home.place.country or "IR") != "IR"
        # (or from a desk in Tehran whose lead is about another town: see desk_dateline)
        abroad = abroad or (home is None and desk_dateline(ctx))
        for i, sent in enumerate(doc.sentences):
            kind = kinds[i]
            if abroad and focus is not None and focus[0] == sent.paragraph - 1 and focus[2].place.country == "IR" \
                    and (i == 0 or doc.sentences[i - 1].paragraph != sent.paragraph) \
                    and _names_no_place(ctx, i, sent.paragraph):
                focus = (sent.paragraph, i - 1, focus[2])
            if sent.paragraph != pending_para:
                if pending_list and kind == "list_item":
                    pending_para = sent.paragraph  # every bullet shares the introducing sentence's trigger
                else:
                    pending, pending_list = [], False
            if i in skip or not (sent_triggers[i] or sent_places[i]):
                continue  # (a sentence without triggers or places changes nothing below)
            if pending and not sent_triggers[i] and sent.paragraph == pending_para \
                    and any(p.place.precision == 3 for p in sent_places[i]) and _introduces_list(ctx, i, sent):
                # "... carried out activities on Sunday. In the provinces of Tehran and Gilan they
                # reached the following cities:": the provinces group the list lines below, which
                # take the waiting triggers (a town named here is one of the list; without a
                # province named, "Reports from Iran include:" introduces lines with their own acts)
                towns = [p for p in event_places(ctx, i) if p.place.precision == 1] if sent_places[i] else []
                list_drafts = _sentence_drafts(ctx, i, pending, towns) if towns else []
                drafts.extend(list_drafts)
                pending_list, list_para = True, sent.paragraph
                continue
            told = [t for t in sent_triggers[i] if usable(t)]
            triggers = not_history(ctx, i, told)
            if triggers and all(t.event_type == "protest" for t in triggers):
                told_before = (i, triggers)
            if told and not triggers:
                # "In September 2022, security forces killed ... in Piranshahr": a sentence that
                # tells only history; its places belong to that past act, not to the triggers
                # a sentence before left waiting for a place list
                pending = []
                continue
            places = to_home(ctx, event_places(ctx, i), home) if sent_places[i] else []
            if places and (occasion := doc.extras.get("occasion_spans")):
                # ("..., the day before the ceremony in Marivan": that town is the occasion's)
                places = [p for p in places if not any(a <= p.span.start < b for a, b in occasion)]
            if not (triggers or places):
                continue
            if triggers and drafts:
                triggers = drop_back_references(ctx, i, triggers, places, drafts, date_for)
            table_from = None
            # (an occasion's name dates no heading: the deck "Teachers rally on Teachers' Day, steel workers
            # strike in Mobarakeh" sums up items the body tells with their own days)
            if kind == "heading" and not any(d.role == "event" and "anniversary" not in d.range.flags for d in ctx.sent_dates[i]):
                table = _count_table_triggers(ctx, i)
                if table is None:
                    continue  # a headline or related-article title reports no event by itself
                triggers = triggers or table[0]  # (a count table's row: its place's own figure)
                table_from = table[1]
            elif kind == "heading" and triggers and places:
                # a deck of comma-joined items ("Teachers hold sit-ins, retirees rally on Sunday, gas
                # field workers strike in Kangan") reports only the items its date is in: the others
                # sum up what the body tells with its own days
                cuts = [m.end() for m in _DECK_ITEM_CUT.finditer(ctx.view, sent.span.start, sent.span.end)]
                bounds = [sent.span.start, *cuts, sent.span.end]
                # (items of their own: two or more that each tell an act, not a table row's cells)
                if cuts and sum(any(a <= u.span.start < b for u in triggers) for a, b in zip(bounds, bounds[1:])) >= 2:
                    dated = [(a, b) for a, b in zip(bounds, bounds[1:])
                             if any(d.role == "event" and a <= d.span.start < b for d in ctx.sent_dates[i])]
                    inside = lambda s: any(a <= s < b for a, b in dated)  # noqa: E731
                    places = [p for p in places if inside(p.span.start)]
                    triggers = [u for u in triggers if inside(u.span.start)]
                    if not (places and triggers):
                        continue
            if places and kind != "caption":
                # one town named (possibly twice): what the next sentences of the paragraph are about
                towns = {place_key(p) for p in places}
                one_town = len(towns) == 1 and all(p.place.precision == 1 for p in places)
                focus = (sent.paragraph, i, places[0]) if one_town else None
            if triggers and places:
                made = _sentence_drafts(ctx, i, triggers, places)
                for d in made if table_from is not None else ():
                    d.date_from = table_from
                    d.table_row = True
                made = _fold_also_into_told(ctx, i, made, drafts)
                made += _second_site_days(ctx, i, made, date_for)
                # "... gathered in Kermanshah and Ilam on Tuesday. The protest in Ilam was dispersed
                # by police": the protest just told in the named town met the intervention
                upgraded = not any(d.etype == "protest" for d in made) and intervened(triggers) \
                    and (_intervene_in_told_protest(drafts, places, sent.paragraph)
                         if not any(d.role == "event" for d in ctx.sent_dates[i])
                         # ("Residents of A chanted on Thursday night. Two men were arrested in A on
                         # Thursday night": a date of its own, the same day as the protest just told)
                         else _intervene_in_told_protest(
                             drafts, places, sent.paragraph,
                             lambda d: d.sentence is doc.sentences[i - 1] and d.sentence.paragraph == sent.paragraph
                             and d.place is not None and _same_days(date_for(doc, d.place.span)[0], date_for(doc, triggers[0].span)[0])))
                if not upgraded and not any(d.etype == "protest" for d in made) \
                        and any(fired_on_crowd(ctx, t) for t in triggers):
                    made += [Draft("protest_with_intervention", "protest", p, sent, [t], [])
                             for p in places for t in triggers[:1]]
                elif not upgraded and not any(d.etype == "protest" for d in made) \
                        and (beaten := next((t for t in triggers if beat_crowd(ctx, t)), None)) is not None:
                    # (the beating stays an attack on civilians: a protest and the force used at it are two events)
                    made += [Draft("protest_with_intervention", "protest", d.place, sent, [beaten], [])
                             for d in made if d.sub == "attack_on_civilians" and d.place is not None]
                elif not made and not upgraded and (shot := next((t for t in triggers if fired_on_people(ctx, t)), None)):
                    # "police fired on fuel porters' vehicles near Mirjaveh": no crowd, people fired on
                    made = [Draft("attack_on_civilians", "repression", p, sent, [shot], []) for p in places]
                country.extend((i, t) for t in _placeless_in_sentence(ctx, i, triggers, places))
            elif places and told_before[0] == i - 1 and told_before[1] and doc.sentences[i - 1].paragraph == sent.paragraph \
                    and _SPREAD_TO.match(ctx.view, sent.span.start, sent.span.end):
                # "The strike began in Asaluyeh. On Sunday it spread to Mahshahr and Abadan": the
                # act the sentence before told, in the towns it spread to
                made = _sentence_drafts(ctx, i, told_before[1], places)
                drafts.extend(made)
                continue
            elif places and pending and not any(t.modality in ("planned", "threatened", "called_for") or t.negated
                                                for t in sent_triggers[i]):
                # (a sentence whose own act is only planned or denied keeps its places for it: "News of the
                # execution spread quickly. ... Further rallies are planned in Paris and Toronto on Saturday")
                # "Units across Iran recorded video messages. They were shown at the summit in
                # Paris": an act the waiting sentence placed in one country is not in another's towns
                if pending_country and all(p.place.country and p.place.country not in pending_country for p in places):
                    places = []
                # "Protests have also spread to the southwest. ... Authorities in Tehran have cut water
                # pressure": the seat of the officials a sentence speaks of is no place for a waiting act
                places = [p for p in places if not _OFFICIALS_IN.search(ctx.view, max(0, p.span.start - 30), p.span.start)]
                # "A vigil the families had planned in Karaj was called off": no act waits for that town
                if void := doc.extras.get("void_spans"):
                    places = [p for p in places if not any(a <= p.span.start < b for a, b in void)]
                # "Retirees in Shush said they would join next Tuesday's rally", "organisers in The
                # Hague will hold theirs next Saturday": a town whose own clause tells an act planned,
                # negated or to come is that act's, and no act told before waits for it
                if sent_triggers[i] or _FUTURE_VERB.search(ctx.view, sent.span.start, sent.span.end):
                    places = [p for p in places if not _own_clause_to_come(ctx.view, p, sent, sent_triggers[i])]
                made = _sentence_drafts(ctx, i, _kind_named(ctx, i, pending), places) if places else []
                made = _fold_chants_into_told(made, drafts, sent.paragraph)
                if pending_list:
                    list_drafts.extend(made)
                    list_para = sent.paragraph
            elif triggers and list_places[0] == i - 1 and not places and kind == "body" \
                    and _THEY_OPEN.match(ctx.view, sent.span.start):
                # "... in solidarity with ... in the following cities:" / "- Tehran" / "- Ahwaz" / "They put
                # up posters ...": the act of a list whose introducing sentence told none
                list_drafts = _sentence_drafts(ctx, i, triggers, list_places[1])
                drafts.extend(list_drafts)
                list_para = sent.paragraph
                continue
            elif triggers and places_only[0] == i - 1 and _acts_of_sentence_before(ctx, i):
                # "... went out: on Sunday in A and B; on Monday in C. They put up posters ...": the
                # act of the places the sentence before listed with no act of their own
                drafts.extend(_sentence_drafts(ctx, i, triggers, places_only[1]))
                continue
            elif triggers:
                # the tactics of a bullet list told after it: "The activities included graffiti ..."
                if list_drafts and sent.paragraph <= list_para + 1 and all(
                        t.sub_event_type == "symbolic_action" for t in triggers):
                    for d in list_drafts:
                        for t in triggers:
                            d.tactics.extend(x for x in t.tactics if x not in d.tactics)
                    continue
                # ... or of a lead's list of towns, told by "They" in the next sentence ("... marked the
                # anniversary in A, B and C. They put up posters and wrote its slogans on walls")
                # (its other acts, told with no town, "and set fire to symbols of the regime", go on as before)
                if i > 0 and doc.sentences[i - 1].paragraph == sent.paragraph and _THEY_OPEN.match(ctx.view, sent.span.start) \
                        and any(t.sub_event_type == "symbolic_action" for t in triggers):
                    lead = [d for d in drafts if d.sentence is doc.sentences[i - 1] and d.sub == "symbolic_action"]
                    if len({place_key(d.place) for d in lead if d.place is not None}) >= 2:
                        for d in lead:
                            for t in triggers:
                                if t.sub_event_type == "symbolic_action":
                                    d.tactics.extend(x for x in t.tactics if x not in d.tactics)
                        triggers = [t for t in triggers if t.sub_event_type != "symbolic_action"]
                        if not triggers:
                            continue
                intro = ctx.view[sent.span.start : sent.span.end].rstrip().endswith(":")
                pending, pending_para, pending_list = triggers, sent.paragraph, intro
                pending_country = {p.place.country for p in sent_places[i]
                                   if p.place.precision == 4 and p.role == "event" and not ctx.in_quote(p.span)}
                if any(t.event_type == "repression" for t in triggers) and (
                        is_tally(ctx, i) or (not intro and _MONTH_COUNT.search(ctx.view, sent.span.start, sent.span.end))):
                    # a tally's repression is a claim: it waits for no place ("700 students have been
                    # summoned since the start of the uprising. ... dormitories in Tehran were emptied";
                    # "112 women have been summoned ... since the start of the year. Police in Qom said")
                    pending = [t for t in triggers if t.event_type != "repression"]
                if intro:
                    list_drafts = []
                # dispersal or arrests told in the next sentence of a protest in this paragraph
                # (a dispersal reaches back one paragraph: "the crowd marched ..." / "police fired tear gas")
                # (each answer below is asked only when the one before leaves it a say: all of
                # them are free of side effects)
                prev, from_met = [], False
                if intervened(triggers):
                    dispersal = any((spec := spec_of(t)) is not None and spec.intervention for t in triggers if usable(t))
                    first_para = sent.paragraph - 1 if dispersal else sent.paragraph
                    # (a strike told in this paragraph lends its place to arrests told next: "drivers
                    # went on strike in Kerman. Agents arrested three of them"; the strike stays a strike)
                    prev = [d for d in drafts if first_para <= d.sentence.paragraph <= sent.paragraph
                            and (d.sub in ("demonstration", "protest_with_intervention")
                                 or (d.sub == "strike" and not dispersal and d.sentence.paragraph == sent.paragraph)
                                 # (a gathering at graves is a crowd too: "families gathered at the
                                 # cemetery, laying flowers on the graves. Agents detained two mothers")
                                 or (d.sub == "symbolic_action" and "grave_visit" in d.tactics
                                     and set(d.tactics) <= _GRAVESIDE and d.sentence.paragraph == sent.paragraph))]
                    if dispersal and any(d.sentence.paragraph == sent.paragraph for d in prev):
                        # the paragraph told its own protest: the dispersal is that one's
                        prev = [d for d in prev if d.sentence.paragraph == sent.paragraph]
                    if not prev and dispersal_met is not None and dispersal_met[0] == sent.paragraph \
                            and any(t.sub_event_type == "arrest" and usable(t) for t in triggers):
                        # "Riot police charged the marchers [of the paragraph before]. At least 14 people
                        # were detained": the arrests are at the protest the dispersal just met
                        prev, from_met = list(dispersal_met[1]), True
                    if not prev and dispersal and not event_places(ctx, i) \
                            and not any(x.role == "event" for x in ctx.sent_dates[i]) \
                            and (lone := _lone_protest_met(drafts, sent)) is not None:
                        # "Police fired teargas and shotgun pellets at hundreds of villagers ... near
                        # Sardasht on Saturday" ... "Hengaw said at least 19 people were injured by pellets
                        # and that 12 protesters were arrested": the one protest the story told
                        prev, from_met = [lone], True
                    if len(prev) > 1 and i > 0 and doc.sentences[i - 1].paragraph == sent.paragraph:
                        # "Protests continued in A, B and C. In C, security forces opened fire. Two
                        # were killed": the casualties are those of the town the sentence before named
                        just = {place_key(p) for p in event_places(ctx, i - 1)}
                        if just and (told := [d for d in prev if d.place is not None and place_key(d.place) in just]) \
                                and len(told) < len(prev):
                            prev = told
                if prev and (is_tally(ctx, i) or any(d.role == "period" for d in ctx.sent_dates[i])):
                    prev = []  # "15 people had been detained since June 4": a tally, a claim
                if prev and (juris_here := jurisdiction_place(ctx, i)) is not None:
                    # "Shopkeepers in Tabriz's bazaar followed on Monday. ... the Tehran prosecutor
                    # announced that 14 ... had been arrested": the arrests are of the official's town only
                    prev = [d for d in prev if d.place is not None and place_key(d.place) == place_key(juris_here)]
                # (only event places: "..., the Kurdistan Human Rights Network said" names a source)
                named = {place_key(p) for p in ctx.sent_places[i]
                         if p.role == "event" and not ctx.in_quote(p.span)} if prev else None
                if prev and named:  # "In X province, police opened fire": only the protests told there
                    prev = [d for d in prev if d.place is not None and ({place_key(d.place),
                                                                         fold_name(d.place.place.admin1 or "")} & named)]
                if prev:
                    # (arrests told for another day, "The next day, police arrested three of the
                    # organisers", did not break up that protest: it stays as it was)
                    acts = [t for t in triggers if usable(t)]
                    act_day = date_for(doc, acts[0].span)[0] if acts else None
                    upgraded = False
                    if dispersal:
                        dispersal_met = (sent.paragraph, tuple(prev))
                    for d in prev:
                        if d.sub == "symbolic_action" and not _another_day(act_day, date_for(doc, d.triggers[0].span)[0] if d.triggers else None):
                            d.sub, d.etype = "protest_with_intervention", "protest"
                            upgraded = True
                        elif d.sub not in ("strike", "symbolic_action") and not _another_day(act_day, date_for(doc, d.triggers[0].span)[0] if d.triggers else None):
                            d.sub = "protest_with_intervention"
                            upgraded = True
                    # "... at Tehran's Sharif University. On Sunday night, security forces surrounded
                    # the campus, where hundreds of students had gathered, and fired tear gas": a
                    # gathering of its own day, told with its dispersal, at the place just told of
                    # (a protest of another day there): a protest with intervention of that day
                    own_gathering = [t for t in acts if t.sub_event_type == "demonstration"
                                     and not ((spec := spec_of(t)) is not None and (spec.vague or spec.intervention))]
                    if not upgraded and own_gathering and len(prev) == 1 and prev[0].place is not None \
                            and any(x.role == "event" and x.range.precision == "day" for x in ctx.sent_dates[i]) \
                            and any((spec := spec_of(t)) is not None and spec.intervention for t in acts):
                        drafts.append(Draft("protest_with_intervention", "protest", prev[0].place, sent,
                                            own_gathering, [], inferred=True))
                    # (a bullet line with no day of its own, under the same place heading as the protest's
                    # line: dated by the protest, "- Families gathered ... on Sunday" / "- Agents dispersed them")
                    own_day = any(x.role == "event" for x in ctx.sent_dates[i]) or not (from_met or _after_protest_in_section(ctx, i))
                    for t in triggers:
                        if t.sub_event_type in ("arrest", "killing", "attack_on_civilians"):
                            for d in prev:
                                drafts.append(Draft(t.sub_event_type, t.event_type, d.place, sent, [t], [], inferred=True,
                                                    date_from=None if own_day else d.triggers[0].span))
                    continue
                # "Two other porters were wounded": more victims of the act just told (this paragraph
                # or the one before), at its place and on its day
                if not any(d.role == "event" for d in ctx.sent_dates[i]) and _OTHER_VICTIMS.search(ctx.view, sent.span.start, sent.span.end):
                    told = next((d for d in reversed(drafts) if d.etype == "repression" and d.place is not None
                                 and sent.paragraph - 1 <= d.sentence.paragraph), None)
                    hurt = [t for t in triggers if usable(t) and t.event_type == "repression"
                            and t.sub_event_type in ("attack_on_civilians", "killing", "arrest")]
                    if told is not None and hurt:
                        drafts.extend(Draft(t.sub_event_type, t.event_type, told.place, sent, [t], [], inferred=True,
                                            date_from=told.triggers[0].span) for t in hurt[:1])
                        continue
                # no place named: the place this paragraph is about ("the crowd marched to the
                # city's main square"), else the story's dateline city; else a country-level candidate
                target = None
                # (a protest that "resumed" is a new one, told with the article: "The protests resumed on
                # Wednesday night" in the town the paragraph is about)
                acting = [t for t in triggers if ((spec := spec_of(t)) is None or not (spec.vague or spec.intervention))
                          and (ctx.view.endswith("resumed", t.span.start, t.span.end)
                               or not ANAPHOR_BEFORE.search(ctx.view, max(sent.span.start, t.span.start - 12), t.span.start))]
                # repression told without a place needs its own date to be one act ("12 people had
                # been detained since July 22" is a tally, a claim)
                # (unless it is an arrest at a protest told before it in the same sentence: "When
                # the families chanted ..., the agents took away three of the mothers"; not the cause
                # a protest answers: "gathered after a porter was shot dead")
                # (or the sentence just before, in this paragraph, that named the one town and a day:
                # "On Saturday, guards opened fire on a convoy near Saravan. Two porters were killed")
                # (or told under a place heading, after a sentence of its paragraph that named a day:
                # ">> Shiraz University" over "On Wednesday, agents raided the dormitory. Six
                # students were detained")
                if any(t.event_type == "repression" for t in acting) \
                        and not any(d.role == "event" for d in ctx.sent_dates[i]) \
                        and not (((focus is not None and focus[0] == sent.paragraph and focus[1] == i - 1)
                                  or (i > 0 and ctx.doc.sentences[i - 1].paragraph == sent.paragraph
                                      and sent.paragraph in ctx.section_place))
                                 and any(d.role == "event" and d.range.precision == "day" for d in ctx.sent_dates[i - 1])
                                 and not _DURING_ARREST.search(ctx.view, sent.span.start, sent.span.end)
                                 # (not an arrest named as what the crowd answered: "chanted after a
                                 # colleague was detained earlier in the month")
                                 and _CAUSE_WORDS.isdisjoint(ctx.view[sent.span.start : min(
                                     t.span.start for t in acting if t.event_type == "repression")].lower().split())) \
                        and not _after_protest_in_section(ctx, i) \
                        and not (any(t.event_type != "repression" for t in acting) and _site_located_later(ctx, i) is not None) \
                        and not (_TOLD_SITE_REF.search(ctx.view, sent.span.start, sent.span.end)
                                 and _told_protest_place(ctx, sent, drafts) is not None):
                    # (kept when it tells the site of the protest just told: "Agents entered the
                    # complex shortly after midnight and beat students with batons")
                    # (kept beside an act at the story's site told with it: "eight people were arrested
                    # after a guard post at the dam was set on fire")
                    acting = [t for t in acting if t.event_type != "repression" or against_security(ctx, t)
                              or (t.sub_event_type == "arrest" and any(
                                  u.event_type == "protest" and u.sub_event_type != "symbolic_action"
                                  and u.span.end <= t.span.start
                                  and _CAUSE_WORDS.isdisjoint(ctx.view[u.span.end : t.span.start].lower().split())
                                  for u in acting))]
                eligible = not intro and kind in ("body", "list_item") and acting
                juris = jurisdiction_place(ctx, i) if eligible else None
                section = ctx.section_place.get(sent.paragraph) if eligible else None  # (see place_sections)
                # (not a protest the report already told, restated by the official: "Isfahan's governor
                # told state television that 'a small number of people' had gathered")
                if juris is not None and restated_by_source(ctx, i, acting[0].span.start) \
                        and all(t.event_type == "protest" for t in acting) and any(d.etype == "protest" for d in drafts):
                    juris = None
                if juris is not None and not is_tally(ctx, i) and not any(d.role == "period" for d in ctx.sent_dates[i]):
                    # "the governor of Khash said 11 people had been arrested": the official's
                    # jurisdiction, the only place named, is where it happened
                    target = juris
                elif eligible and not is_tally(ctx, i) and (site := _site_located_later(ctx, i)) is not None:
                    # "... rallied at the Zayandeh Rud dam on Monday ... / The dam lies near the town of
                    # Chadegan": the town the story locates the site in
                    target = site
                elif eligible and not next_lists_places(ctx, i) \
                        and not wider_scope(ctx, i, home, in_section=section is not None) \
                        and not is_tally(ctx, i) and not any(d.role == "period" for d in ctx.sent_dates[i]):
                    if section is not None:
                        # "Tabriz:" alone on a line, then "- Youths set fire to a banner": the heading's town
                        target = section[0]
                    elif focus is not None and focus[0] == sent.paragraph and i - focus[1] <= 2:
                        # "the crowd marched to the city's main square": the town just told about
                        target = focus[2]
                    elif (told_at := _told_protest_place(ctx, sent, drafts)) is not None:
                        # "On Tuesday evening, "rioters" who had joined the gathering threw stones ...":
                        # the gathering the paragraph before told in its town, not the dateline's
                        target = told_at
                    elif home is not None and not (restated_by_source(ctx, i, acting[0].span.start)
                                                   and _told_before(drafts, acting)):
                        # (a source telling an act of a kind no sentence before told tells it first: "He
                        # told the agency that spectators set fire to two buses" is the news itself)
                        target = home
                if target is not None:
                    # "A banner carried by the crowd read ...": the banners and chants of a protest
                    # told just before are its tactics, not events of their own
                    crowd = CROWD.search(ctx.view, sent.span.start, sent.span.end) is not None
                    # (when the paragraph names the act's own town, the protest of that town: a vigil
                    # under "Toronto." is no tactic of the London rally told in the paragraph before)
                    named_here = section is not None or (focus is not None and target is focus[2]
                                                         and focus[0] == sent.paragraph)
                    # (a visit to the graves is no tactic of a strike: "shops stayed closed in Bukan ... The
                    # families went to the cemetery on Tuesday morning" is a grave visit of its own)
                    graves = any("grave_visit" in t.tactics for t in acting)
                    # (nor an act of a day of its own: "Worshippers marched in Zahedan on Friday ... On
                    # Saturday, families of the victims visited their graves in the city's cemetery")
                    own_day = date_for(doc, acting[0].span)[0] \
                        if any(x.role == "event" and x.range.precision == "day" for x in ctx.sent_dates[i]) else None
                    host = next((d for d in reversed(drafts) if d.place is not None and d.etype == "protest"
                                 and d.sub != "symbolic_action" and (crowd or sent.paragraph - 1 <= d.sentence.paragraph)
                                 and (not named_here or place_key(d.place) == place_key(target))
                                 and not (graves and d.sub == "strike" and not crowd)
                                 and not (own_day is not None and not crowd and d.triggers
                                          and _another_day(own_day, date_for(doc, d.triggers[0].span)[0]))),
                                None)
                    if host is not None or crowd:  # "Participants chanted ...": no act of its own
                        for t in [t for t in acting if t.sub_event_type == "symbolic_action" or (host and is_chant(t))]:
                            if host is not None:
                                host.tactics.extend(x for x in t.tactics if x not in host.tactics)
                        acting = [t for t in acting if t.sub_event_type != "symbolic_action" and not (host and is_chant(t))]
                if target is not None and acting:
                    # ("In Tehran and Karaj:" over the line: each of the heading's towns)
                    made = _sentence_drafts(ctx, i, acting, list(section) if section and target is section[0] else [target])
                    for d in made:
                        d.inferred = True
                    made = [d for d in made if is_recent(ctx, d, date_for)]
                    # ("At least three prisoners died in custody in September" after a sentence on
                    # one prison: a month's or a year's repression count is a tally, a claim)
                    made = [d for d in made if d.etype != "repression"
                            or date_for(doc, d.triggers[0].span)[0].precision not in TALLY_PRECISIONS]
                    if made:
                        if intervened(ctx.sent_triggers[i]):
                            for d in made:
                                # (a gathering at graves is a crowd too: "forced the relatives who had
                                # gathered at the grave to leave")
                                if d.sub == "demonstration" or (d.sub == "symbolic_action" and "grave_visit" in d.tactics
                                                                and set(d.tactics) <= _GRAVESIDE):
                                    d.sub, d.etype = "protest_with_intervention", "protest"
                        if section is not None and any(d.sub in ("arrest", "attack_on_civilians") for d in made) \
                                and _after_protest_in_section(ctx, i):
                            # "- Teachers gathered ..." / "- two organisers were pushed into a van": the
                            # protest of the line before, under the same heading, met with arrests
                            for d in drafts:
                                if d.sub == "demonstration" and d.sentence is doc.sentences[i - 1]:
                                    d.sub = "protest_with_intervention"
                            at = next((t.span for t in ctx.sent_triggers[i - 1] if t.event_type == "protest"), None)
                            if not any(x.role == "event" for x in ctx.sent_dates[i]):
                                for d in made:
                                    if d.etype == "repression":
                                        d.date_from = at  # (dated by that protest: "gathered ... on Sunday")
                        drafts.extend(made)
                        continue
                for t in triggers:
                    spec = spec_of(t)
                    if spec and not spec.vague and not spec.intervention and kind in ("body", "caption", "list_item"):
                        country.append((i, t))
                continue
            else:
                if places and kind == "body" and all(t.modality == "context" for t in sent_triggers[i]) \
                        and not any(_CONCESSIVE_BEFORE.search(ctx.view, max(sent.span.start, t.span.start - 40), t.span.start)
                                    for t in sent_triggers[i]):
                    # (a frame word names the cause, not an act: "answered the regime's wave of executions
                    # in A, B and C. They wrote slogans ..."; not a concession, whose towns are the
                    # repression's: "despite the wave of arrests in Zahedan and Khash, the units were active")
                    places_only = (i, places)  # "... went out night after night: on Sunday in A and B"
                elif places and not sent_triggers[i] and kind == "list_item" and not pending:
                    # a list line under an introducing sentence that told no act (see list_places)
                    if list_places[0] == i - 1 and doc.sentences[i - 1].paragraph != sent.paragraph:
                        list_places = (i, list_places[1] + places)
                    elif i > 0 and kinds[i - 1] == "body" and ctx.view[doc.sentences[i - 1].span.start:
                                                                      doc.sentences[i - 1].span.end].rstrip().endswith(":"):
                        list_places = (i, list(places))
                continue
            # (only repression drafts are dropped for a tally: is_tally, memoised and free of
            # side effects, need not be asked for a sentence that made none)
            if any(d.etype == "repression" for d in made) and (is_tally(ctx, i) or _dated_only_by_period(ctx, i)):
                # (a town's own figure inside the tally is that town's act: "more than 160 detained
                # across the country, including at least 40 in Mashhad")
                made = [d for d in made if d.etype != "repression" or _own_share_of_tally(ctx.view, d)]
            if any(d.etype == "repression" and d.triggers for d in made):
                # ("Ghezel Hesar Prison in Karaj, where at least 287 prisoners were hanged during the
                # year", "In Zahedan Central Prison, at least 96 were executed" in an annual report):
                # repression dated only by a whole year is a year's count in a town, a claim, as a
                # placeless one is (a single act recalled "in 2022" is background all the same)
                made = [d for d in made if d.etype != "repression" or not d.triggers
                        or date_for(doc, d.triggers[0].span)[0].precision != "year"]
            # (intervened, free of side effects, is asked only when a demonstration could take it)
            if any(d.sub == "demonstration" for d in made) and intervened(ctx.sent_triggers[i]):
                met = _intervention_clause_places(ctx, i, ctx.sent_triggers[i]) if len(made) > 1 else set()
                force_days = _force_days(ctx, ctx.sent_triggers[i], date_for)
                for d in made:
                    if d.sub == "demonstration" and (not met or (d.place is not None and place_key(d.place) in met)) \
                            and not (force_days and all(_another_day(f, date_for(doc, d.triggers[0].span)[0]) for f in force_days)):
                        # (not arrests made on another day: "12 people were arrested on Monday ... after a
                        # group of young men chanted slogans in the town's main square on Sunday night")
                        d.sub = "protest_with_intervention"
            elif any(_memorial(d) for d in made) and _dispersal_in(ctx.sent_triggers[i]):
                # (in the towns of the dispersal's own clause: "families visited the graves in A and B on
                # Thursday, and in B security forces stopped the mothers ... and sent them home")
                met = _intervention_clause_places(ctx, i, ctx.sent_triggers[i]) if len(made) > 1 else set()
                for d in made:  # "police broke up a memorial that the family held at his grave"
                    if _memorial(d) and (not met or (d.place is not None and place_key(d.place) in met)):
                        d.sub, d.etype = "protest_with_intervention", "protest"
            elif any(_memorial(d) for d in made) and (arrests := [t.span.start for t in ctx.sent_triggers[i]
                                                               if usable(t) and t.sub_event_type == "arrest"]):
                # arrests made at the memorial ("Security forces detained six residents on Friday at a
                # memorial gathering at the grave of ..."): a gathering met with arrests (codebook)
                for d in made:
                    s = d.triggers[0].span.start if d.triggers else None
                    if _memorial(d) and s is not None and min(arrests) < s \
                            and _AT_THE_ACT.search(ctx.view, max(0, s - 12), s):
                        d.sub, d.etype = "protest_with_intervention", "protest"
            drafts.extend(made)

        # country-level events: only specific, dated actions with no place named anywhere near
        for i, t in country:
            # (tested first: most candidates are protests, and dating them and country_ok,
            # both free of side effects, cannot save one)
            if t.event_type == "protest" and t.sub_event_type != "symbolic_action":
                continue
            date, _ = date_for(doc, t.span)
            if not country_ok(ctx, i, t, date) or _told_in_a_town(doc, drafts, t, date, date_for):
                continue
            if t.event_type == "repression" and is_tally(ctx, i):
                continue  # "arrested 214 people ... during the month": a tally, a claim
            if country_total(ctx, t, date, drafts, date_for):
                continue  # a national total whose parts are told (or a monthly tally): a claim
            if in_named_province(ctx, i):
                continue  # it happened in a province named (not an event place here), not country-wide
            sent = doc.sentences[i]
            if (named := _placed_by_next_sentence(ctx, i)) is not None:
                # "Security forces opened fire on protesters in a town in Khuzestan province, killing
                # one man. ... The shooting happened in Shadegan": the town the next sentence gives it
                drafts.append(Draft(t.sub_event_type, t.event_type, named, sent, [t], list(t.tactics), inferred=True))
                continue
            drafts.append(Draft(t.sub_event_type, t.event_type, None, sent, [t], list(t.tactics)))

        events = self._finish(ctx, drafts, date_for, publisher)
        attach_slogans(doc, events, ctx.skip)
        doc.events = [e for e in events]
        doc.claims = build_claims(doc, doc.events, publisher, ctx.skip, publisher_stance if publisher else None, ctx)

    # ------------------------------------------------------------------------------------

    def _finish(self, ctx: DocContext, drafts: list[Draft], date_for, publisher: str | None) -> list[Event]:
        doc = ctx.doc
        doc_id = doc.id
        merged: dict[tuple, dict] = {}  # (insertion order is the events' order)
        # one Location per place mention and one Evidence per (span, role): drafts share them
        # (both are frozen values, so sharing changes nothing but the allocations)
        locations: dict[int, tuple[Location, str]] = {}
        evidence: dict[tuple[int, int, str], Evidence] = {}
        for d in drafts:
            i = ctx.idx(d.sentence.span.start)
            assert i is not None
            t0 = d.triggers[0]
            anchor_span = d.date_from or (d.place.span if d.place is not None and not d.inferred else t0.span)
            if anchor_span is not t0.span and all(split_by_aside(doc, anchor_span, t.span) for t in d.triggers):
                anchor_span = t0.span  # the act's clause dates it, not the place's ", where ..." aside
            elif anchor_span is not t0.span and (_dated_before_relative(ctx, t0.span, anchor_span)
                                                 or dated_in_own_after_clause(doc, anchor_span, t0.span)
                                                 or dated_in_own_and_clause(doc, anchor_span, t0.span)):
                # "arrested 31 'rioters' on Monday who had set fire to a bank in Shadegan on Sunday night";
                # "In Kuhdasht, 12 were arrested on Monday after young men chanted ... on Sunday night"
                anchor_span = t0.span
            elif anchor_span is not t0.span and counted_from_another_day(doc, t0.span) \
                    and not counted_from_another_day(doc, anchor_span):
                anchor_span = t0.span  # "students of the University of Tabriz were arrested a day after a sit-in"
            date, date_spans = date_for(doc, anchor_span)
            if anchor_span is not t0.span and (nd := next_day_after(doc, t0.span)) is not None:
                date, date_spans = nd.range, (nd.span,)  # "... were arrested the next day"
            elif anchor_span is not t0.span and anchor_span.end <= t0.span.start \
                    and (nd := next_day_before(doc, t0.span, anchor_span.end)) is not None:
                date, date_spans = nd.range, (nd.span,)  # "..., and the next day three of them were arrested"
            elif (d.etype == "repression" or d.sub == "symbolic_action") and (nd := dated_by_next_sentence(doc, d.sub, i)) is not None:
                date, date_spans = nd.range, (nd.span,)  # "... were sentenced. The sentence was communicated on June 8"
            sub, etype = d.sub, d.etype
            # violence by protesters / "rioters": riot, not repression
            if etype == "repression" and sub in ("killing", "attack_on_civilians"):
                a = _pick_actor(ctx, i, "riot", t0)
                after = ctx.view[t0.span.end : t0.span.end + 40]
                # (the "rioters" of another paragraph do not make this one's injuries theirs: "260
                # 'rioters' were indicted. / The governor said the injured were fewer than ten")
                if (a is not None and a.name in ("rioters", "unidentified assailants") and not _PASSIVE_BY.match(after)
                        and _same_paragraph(ctx, i, a)) \
                        or against_security(ctx, t0):
                    sub, etype = "attack_on_people", "riot"
            d.sub, d.etype = sub, etype
            if sub == "property_attack" and _state_did_it(ctx, i, t0):
                continue  # "Basij members pulled down portraits of slain protesters": not a riot
            actor = _pick_actor(ctx, i, etype, t0)
            actor1 = _actor_name(actor, d, publisher)
            count_q = _pick_count(ctx, i, d)
            place = d.place
            if place is not None:
                got = locations.get(id(place))
                if got is None:
                    got = locations[id(place)] = (Location.from_place(place.name, place.place),
                                                  place_key(place))
                loc, pkey = got
            else:
                loc, pkey = _COUNTRY, "iran"
            if sub == "symbolic_action" and merged and _RESTATES_ACT.match(ctx.view, d.sentence.span.start, d.sentence.span.end) \
                    and not any(d.sentence.span.start <= ds.start < d.sentence.span.end for ds in date_spans):
                # "In Isfahan, the banner was hung from a bridge on Kaveh Boulevard": the detail of
                # the town's act told before ("In Isfahan, Tabriz and Ahvaz the units hung banners"),
                # a place listed twice: that act's day, not one carried over from a caption or dateline
                prior = next((r for k, r in reversed(merged.items()) if k[0] == pkey and k[1] == sub and r["own_date"]), None)
                if prior is not None:
                    date, date_spans = prior["date"], ()
            # (strikes by two named groups in one town on one day are two acts)
            key = (pkey, sub, date.start, date.end, actor1 if sub == "strike" and actor1 not in _GENERIC_ACTORS else None)
            row = merged.get(key)
            if row is None:
                row = {"etype": etype, "sub": sub, "loc": loc, "date": date, "tactics": [], "actor1": actor1,
                       "actor2": _target(ctx, i, d), "counts": [], "evidence": [], "caption": d.caption,
                       "attributed_to": attributed_source(ctx, i, publisher), "place_key": pkey, "seen_ev": set(),
                       "own_date": False, "table_row": d.table_row}
                merged[key] = row
            else:
                row["caption"] = row["caption"] and d.caption
                if row["actor1"] is None:
                    row["actor1"] = actor1
                # the first surface is kept as location.name; the evidence lists every place span
            para = doc.paragraph_at(d.sentence.span.start)
            lo, hi = (para.span.start, para.span.end) if para is not None else (d.sentence.span.start, d.sentence.span.end)
            if any(lo <= ds.start and ds.end <= hi for ds in date_spans):
                row["own_date"] = True  # (a date of the row's own paragraph, not one carried over from before)
            elif para is not None and date_spans:
                head = _section_heading(doc, para.index)
                if head is not None and any(head.span.start <= ds.start and ds.end <= head.span.end for ds in date_spans):
                    row["own_date"] = True  # (or of the heading its section opens with: "Sunday", then the day's story)
            # ("The ministry announced on Wednesday that five had been arrested in A and B"): dated only
            # by the statement's day (every draft of the row)
            # (or after it: "..., the Sarallah Base said in a statement on Tuesday")
            said = bool(etype == "repression" and date_spans
                        and _SAID_ON_BEFORE.search(ctx.view, max(0, date_spans[0].start - 40), date_spans[0].start))
            row["said_day"] = row.get("said_day", True) and said
            if date_spans and not row.get("tied"):
                row["tied"] = _tied_by_day_list(ctx, anchor_span, date_spans[0])
            if not row.get("own_sent") and (date_spans and ctx.idx(date_spans[0].start) == ctx.idx(anchor_span.start)):
                row["own_sent"] = True
            if sub == "strike" and _BEGAN_AFTER.match(ctx.view, t0.span.end):
                row["began"] = True  # "A strike that began in Tehran's Grand Bazaar on Sunday": its first day
            # (a row told only by vague words, "carried out activities in A, B and C")
            row["vague"] = row.get("vague", True) and all((sp := spec_of(t)) is not None and sp.vague for t in d.triggers)
            tactics = row["tactics"]
            for tac in d.tactics:
                if tac not in tactics:
                    tactics.append(tac)
            if count_q is not None and all(c.span != count_q.span for c in row["counts"]):
                row["counts"].append(count_q)
            spans = [(d.sentence.span, "sentence")]
            if place is not None and not d.inferred:
                spans.append((place.span, "place"))
            spans += [(s, "date") for s in date_spans]
            spans += [(t.span, "trigger") for t in d.triggers]
            if actor is not None:
                spans.append((actor.span, "actor"))
            if count_q is not None:
                spans.append((count_q.span, "count"))
            seen_ev, row_ev = row["seen_ev"], row["evidence"]
            for span, role in spans:
                k = (span.start, span.end, role)  # cheaper to hash than the dataclass
                if k not in seen_ev:
                    seen_ev.add(k)
                    e = evidence.get(k)
                    if e is None:
                        e = evidence[k] = Evidence(doc_id, span, role)
                    row_ev.append(e)
        rows = _drop_vague_told_again(_fold_rows(list(merged.values())))
        events: list[Event] = []
        used: set[str] = set()
        for r in rows:
            count = _merge_counts(r["counts"])
            tactics = tuple(r["tactics"])
            if r["sub"] == "property_attack":
                tactics = tuple(t for t in tactics if t in ("arson", "image_burning"))
            eid = base_id = event_id(doc_id, r["sub"], r["place_key"], r["date"], r["actor1"])
            n = 2
            while eid in used:  # two rows that folding made alike: keep ids unique and stable
                eid = f"{base_id}-{n}"
                n += 1
            used.add(eid)
            date = r["date"]
            events.append(Event(
                eid, doc_id, r["etype"], r["sub"], r["loc"], date, tactics, r["actor1"], r["actor2"], count,
                (), tuple(r["evidence"]), publisher, r["attributed_to"], (doc_id,),
                date.confidence if date.start else 0.5, ("caption",) if r["caption"] else (),
            ))
        return events


def _force_days(ctx: DocContext, triggers: list[Trigger], date_for) -> list[DateRange]:
    """The days of a sentence's interventions and repression acts (see ``intervened``)."""
    return [date_for(ctx.doc, t.span)[0] for t in triggers if is_force(t)]


#: a relative clause that tells what the people of an act had done before it
_RELATIVE_PAST = re.compile(r"\b(?:who|which|that)\s+(?:had|have|has)\b", re.I)


def _dated_before_relative(ctx: DocContext, act: Span, place: Span) -> bool:
    """The act states its own day before a relative clause that holds its place and a day of its
    own ("Police arrested 31 'rioters' on Monday who had set fire to a bank in Shadegan on Sunday
    night"): the act's day is the one after it, not the place's, which dates what they had done."""
    if place.start <= act.end or place.start - act.end > 160:
        return False
    rel = _RELATIVE_PAST.search(ctx.view, act.end, place.start)
    if rel is None:
        return False
    own = own_after = False
    for m in ctx.doc.dates:
        if act.end <= m.span.start < rel.start() and m.role == "event":
            own = True
        elif place.end <= m.span.start < place.end + 40 and m.role == "event":
            own_after = True
    return own and own_after


_COUNTRY = Location("Iran", "Iran", None, "IR", None, None, 4)


def _day_inside_month_row(o: dict, r: dict) -> bool:
    """One of the two rows is a count table's month row ("Executions by prison, October 2025" /
    "Ghezel Hesar (Karaj): 24") and the other a day of that month ("On October 8, seven prisoners
    ... were hanged in Ghezel Hesar", "On October 21, Mehran Karimi was executed in Urmia Central
    Prison"): a part the month's figure counts, told as its own act (a table over a few days,
    "Casualties by town" of a four-day crackdown, still folds its town's day into it)."""
    if o.get("table_row") == r.get("table_row"):
        return False
    table, day = (o, r) if o.get("table_row") else (r, o)
    return table["date"].precision == "month" and day["date"].precision == "day"
#: a strike's first day told after it ("A strike that began in Tehran's Grand Bazaar on Sunday")
_BEGAN_AFTER = re.compile(r"\s+(?:that|which)\s+(?:began|started|broke\s+out)\b", re.I)


def _fold_rows(rows: list[dict]) -> list[dict]:
    """Captions that show a body event fold into it; a plain protest folds into the same
    place's protest with intervention (the more specific sub-type)."""
    out: list[dict] = []
    at_place: dict[str, list[dict]] = {}  # the rows kept so far by place (only rows of one place fold)
    for r in rows:
        host = None
        for o in at_place.get(r["place_key"], ()):
            if o.get("tied") and not r.get("own_sent") and o["sub"] == r["sub"] and r["sub"] in ("symbolic_action", "demonstration") \
                    and o["date"].start is not None and r["date"].start is not None and not _dates_meet(o["date"], r["date"]):
                # "on Sunday in A and B; on Monday in C ..." then "In A, posters were put up ...": the
                # town's detail, dated only by a day told for another town, is the act of its own day
                host = o
                break
            if o["sub"] == r["sub"] == "symbolic_action" and (o["caption"] != r["caption"]) \
                    and not _acts(o if o["caption"] else r) and _days_apart(o["date"], r["date"]) <= _PHOTO_DAYS:
                # "Resistance Units activities – Shiraz, Iran – November 16" over a body that tells
                # Shiraz's act on Friday, November 15: a photo of the report's act, named by no act
                # of its own, is that act (the body's day stands)
                host = o
                break
            if o["sub"] == r["sub"] and o["etype"] == "repression" and o["sub"] in ("arrest", "killing") \
                    and o.get("said_day") != r.get("said_day") and not _dates_meet(o["date"], r["date"]) \
                    and o["date"].start is not None and r["date"].start is not None:
                said, told = (o, r) if o.get("said_day") else (r, o)
                if told["date"].end < said["date"].start and (said["date"].start - told["date"].end).days <= 7:
                    # a lede's "announced on Wednesday that five members had been arrested in Mahabad and
                    # Piranshahr" and the body's "Two were arrested in Mahabad on Monday": one arrest, on
                    # the day the body tells (the lede's day is the statement's, not the act's)
                    host = o
                    if said is o:
                        o["date"], o["loc"], o["said_day"] = r["date"], r["loc"], False
                        o["own_date"] = r.get("own_date", o.get("own_date"))
                    break
            if not _dates_meet(o["date"], r["date"]):
                continue
            same = o["sub"] == r["sub"]
            if same and (r["caption"] or o["caption"]) and not _other_act(r, o):
                host = o
                break
            if same and o["sub"] == "strike" and o["actor1"] and r["actor1"] and o["actor1"] != r["actor1"] \
                    and o["actor1"] not in _GENERIC_ACTORS and r["actor1"] not in _GENERIC_ACTORS \
                    and not r["caption"] and not o["caption"]:
                continue  # "teachers stayed away from their classes" and "shopkeepers closed their shops": two strikes
            if same and _day_inside_month_row(o, r):
                continue  # "Marivan: 6" for November, then "On the night of 9 November, ... arrested her together
                # with her husband" in Marivan: a day's act counted in the month's row, an event of its own
            if same and o["date"].start is not None and r["date"].start is not None and (
                    not _acts(o) or (not _acts(r) and not _own_commemoration(r, o))
                    or _acts(o) & _acts(r)):
                # a place listed (with the list's date range) and told again in detail: one
                # event, with the detail's narrower dates (different tactics: two acts). For
                # repression only a detail with its own number is the place's event ("four were
                # detained in B on June 6"); "12 arrested in A and B between June 4 and 6 ... in A,
                # agents took a teacher on June 4" tells one arrest among the range's
                # (only a date the detail's paragraph states: a detail dated by an earlier paragraph's day
                # inside the range, "Hamadan and Arak: residents sent videos of the posters" after
                # "Karaj: On Saturday, June 13, ...", keeps the list's range)
                host = o
                if o.get("began") and r["date"].start == o["date"].start and _days(r["date"]) > _days(o["date"]):
                    # the day a strike began, then its span told for its place ("stayed shut from
                    # Sunday to Tuesday"): the span, which a day inside it no longer narrows
                    o["date"], o["began"], o["spanned"] = r["date"], False, True
                elif (r.get("began") and r["date"].start == o["date"].start) or o.get("spanned"):
                    pass  # (the began day told after the span; or a day inside a span already told)
                elif "began" in o["date"].flags and o["etype"] == "protest" and o["date"].start < r["date"].start \
                        and r.get("own_date", True):
                    # "The protests began on Sunday in Shadegan" ... "blocking the main road into Shadegan
                    # on Tuesday night": from the day it began to the last day told there
                    o["date"] = DateRange(o["date"].start, r["date"].end, "range",
                                          min(o["date"].confidence, r["date"].confidence), o["date"].flags)
                elif _days(r["date"]) < _days(o["date"]) and r.get("own_date", True) \
                        and (o["etype"] != "repression" or r["counts"] or _week_summary(o)):
                    o["date"], o["loc"] = r["date"], r["loc"]
                break
            if {o["sub"], r["sub"]} == {"demonstration", "protest_with_intervention"}:
                host = o
                o["sub"] = "protest_with_intervention"
                if o["date"].start is not None and r["date"].start is not None \
                        and _days(r["date"]) < _days(o["date"]) and r.get("own_date", True):
                    # (the gathering told again with a narrower day of its own: that day, as above)
                    o["date"], o["loc"] = r["date"], r["loc"]
                break
            if {o["sub"], r["sub"]} == {"symbolic_action", "protest_with_intervention"} \
                    and _graveside(o if o["sub"] == "symbolic_action" else r) \
                    and set((r if o["sub"] == "symbolic_action" else o)["tactics"]) <= _GRAVESIDE:
                # "Hundreds gathered at his grave on Thursday ... Mourners chanted ... Security forces
                # fired tear gas at the mourners": the gathering at the grave is the protest they
                # dispersed (a rally or a march there the same day is another act)
                host = o
                o["sub"], o["etype"] = "protest_with_intervention", "protest"
                break
        if host is None:
            out.append(r)
            at_place.setdefault(r["place_key"], []).append(r)
            continue
        if host["caption"] and not r["caption"]:
            host["date"], host["loc"], host["caption"] = r["date"], r["loc"], False
        if host.get("vague") and not r.get("vague") and host["sub"] != "symbolic_action":
            # ("This week brought strikes and protests in A, B and C" then A's own story: the
            # summary is told by the detail, its day and its people; a vague symbolic listing keeps
            # its own rules above)
            host["date"], host["loc"], host["vague"] = r["date"], r["loc"], False
            host["actor1"], host["actor2"] = r["actor1"] or host["actor1"], r["actor2"] or host["actor2"]
        for t in r["tactics"]:
            if t not in host["tactics"]:
                host["tactics"].append(t)
        host["counts"] += [c for c in r["counts"] if all(c.span != h.span for h in host["counts"])]
        host["evidence"] += [e for e in r["evidence"] if e not in host["evidence"]]
    return out


def _intervention_clause_places(ctx, i: int, triggers: list[Trigger]) -> set[str]:
    """The places named in the clauses of the sentence's intervention or repression triggers
    ("Retirees rallied in A; in B, police dispersed a similar gathering": B's protest met it,
    not A's; "Teachers in A and B held sit-ins, and two were arrested in B"); empty when the
    sentence has one clause."""
    view, sent = ctx.view, ctx.doc.sentences[i]
    cuts = [m for m in _AND_CLAUSE.finditer(view, sent.span.start, sent.span.end)]
    if not cuts:
        return set()
    starts = [sent.span.start] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [sent.span.end]
    out: set[str] = set()
    for t in triggers:
        spec = spec_of(t)
        if not usable(t) or not ((spec and spec.intervention) or t.sub_event_type in ("arrest", "killing", "attack_on_civilians")):
            continue
        k = max(j for j, b in enumerate(starts) if b <= t.span.start)
        lo, hi = starts[k], ends[k]
        out |= {place_key(p) for p in ctx.sent_places[i]
                if p.role == "event" and lo <= p.span.start and p.span.end <= hi and not ctx.in_quote(p.span)}
    return out


def _tied_by_day_list(ctx, anchor: Span, date_span: Span) -> bool:
    """The place at ``anchor`` takes its date from a sentence that names several days for its
    places ("on Sunday in A and B; on Monday in C"): the report tied that place to its day."""
    k = ctx.idx(date_span.start)
    if k is None or ctx.idx(anchor.start) != k:
        return False
    days = {d.range.start for d in ctx.sent_dates[k] if d.role == "event" and d.range.precision == "day"}
    return len(days) >= 2


def _after_protest_in_section(ctx, i: int) -> bool:
    """Sentence ``i`` is a bullet line under a place heading, right after a line of the same
    heading that tells a protest ("Kermanshah" / "- Teachers gathered ..." / "- two organisers
    were pushed into a van"): its repression is at that protest, dated by it."""
    if i == 0:
        return False
    sents = ctx.doc.sentences
    here = ctx.section_place.get(sents[i].paragraph)
    if here is None or ctx.section_place.get(sents[i - 1].paragraph) is not here:
        return False
    return any(t.event_type == "protest" and t.sub_event_type != "symbolic_action" for t in ctx.sent_triggers[i - 1])


def _week_summary(row: dict) -> bool:
    """A lede's repression with no number over the week ("the regime's courts in Mashhad handed
    down new sentences this week"): the summary of the acts the report goes on to tell."""
    return row["date"].precision == "week" and not row["counts"]


def _acts(row: dict) -> set[str]:
    """A row's tactics that name an act: "commemoration" alone (a list "on the anniversary of the
    1988 massacre") names the occasion, which the acts told after it share."""
    return set(row["tactics"]) - {"commemoration"}


def _other_act(row: dict, host: dict) -> bool:
    """A caption whose acts the place's other row does not tell ("Mashhad - Distributing the
    leaflets of the units - March 12" beside a list of posters and slogans that names Mashhad):
    a second act of its own, not the photo of the row's act."""
    if row["sub"] != "symbolic_action":  # (an arson and an image burnt: one attack told twice)
        return False
    a, b = _acts(row), _acts(host)
    return bool(a) and bool(b) and not (a & b)


def _own_commemoration(row: dict, host: dict) -> bool:
    """A detail whose one act is a commemoration ("set up a table with the pictures of the dead
    and lit candles") after a list of other acts that commemorate nothing: an act of its own,
    not the occasion the list's acts share."""
    return row["tactics"] == ["commemoration"] and "commemoration" not in host["tactics"] and bool(_acts(host))


#: actors that name no group of their own ("residents" closing shops are the shopkeepers' strike)
_GENERIC_ACTORS = frozenset({"residents", "local residents", "protesters", "people", "unidentified youths", None})


def _section_heading(doc: Doc, k: int):
    """The heading paragraph right above paragraph ``k`` (above the run of bullet lines it is in), if any."""
    paras = doc.paragraphs
    if not paras or k >= len(paras) or paras[k].index != k:
        return None
    j = k - 1
    if paras[k].kind == "list_item":
        while j >= 0 and paras[j].kind == "list_item":
            j -= 1
    return paras[j] if j >= 0 and paras[j].kind == "heading" else None


def _drop_vague_told_again(rows: list[dict]) -> list[dict]:
    """"The units carried out activities in A, B and C" then each town's own acts: the vague
    listing is a summary of those acts, no act of its own (a town the report says nothing more
    about keeps it)."""
    vague = [r for r in rows if r.get("vague") and r["sub"] == "symbolic_action" and not r["tactics"]]
    if not vague:
        return rows
    groups: dict[tuple[int, int] | None, list[dict]] = {}  # by the listing's sentence
    for r in vague:
        sent = next((e.span for e in r["evidence"] if e.role == "sentence"), None)
        groups.setdefault((sent.start, sent.end) if sent is not None else None, []).append(r)
    drop: set[int] = set()
    for key, group in groups.items():
        if key is not None and all(any(o is not r and not o.get("vague") and o["place_key"] == r["place_key"]
                                       and _dates_meet(o["date"], r["date"]) for o in rows) for r in group):
            drop.update(id(r) for r in group)  # (every town listed is told again: only then)
    return [r for r in rows if id(r) not in drop] if drop else rows


def _memorial(d: Draft) -> bool:
    """A memorial or a visit to a grave: people gathered, though its trigger is symbolic."""
    return d.sub == "symbolic_action" and bool(d.tactics) and set(d.tactics) <= _MEMORIAL


_MEMORIAL = frozenset({"grave_visit", "commemoration"})
#: the memorial an arrest was made at ("detained six residents at a memorial gathering")
_AT_THE_ACT = re.compile(r"\b(?:at|during)\s+(?:a|an|the|their|his|her)\s+\Z")


def _memorial_arrested_at(view: str, t: Trigger) -> bool:
    return bool(t.tactics) and set(t.tactics) <= _MEMORIAL and t.modality == "asserted" \
        and _AT_THE_ACT.search(view, max(0, t.span.start - 12), t.span.start) is not None


def _dispersal_in(triggers: list[Trigger]) -> bool:
    """The sentence tells a dispersal ("broke up", "dispersed"), not only arrests."""
    return any(usable(t) and (spec := spec_of(t)) is not None and spec.intervention for t in triggers)


def _graveside(row: dict) -> bool:
    """A gathering at a grave: a symbolic row with a grave visit (or a commemoration at a cemetery,
    "walked to Aychi cemetery in Saqqez to mark the 40th day") and no other kind of act."""
    tactics = row["tactics"]
    at_grave = "grave_visit" in tactics or (
        "commemoration" in tactics and row["loc"] is not None and "cemetery" in (row["loc"].name or "").lower())
    return at_grave and set(tactics) <= _GRAVESIDE


_GRAVESIDE = frozenset({"grave_visit", "commemoration", "chanting"})


def _days(r: DateRange) -> int:
    return (r.end - r.start).days if r.start is not None and r.end is not None else 10**6


#: how far a photo caption's day may be from the body's act it shows (a photo dated the day after)
_PHOTO_DAYS = 2


def _days_apart(a: DateRange, b: DateRange) -> int:
    """Days between two ranges (0 when they overlap); a large number when either is undated."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return 10**6
    if a.overlaps(b):
        return 0
    return min(abs((b.start - a.end).days), abs((a.start - b.end).days))


#: a speech verb right before a date ("announced on Wednesday", "said in a statement on Tuesday",
#: "told IRNA on Sunday"): the day something was said
_SAID_ON_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|stated|declared|told\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|confirmed)"
    r"(?:\s+in\s+a\s+statement)?\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$")


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
