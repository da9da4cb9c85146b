"""Event triggers (type, sub-type, tactics, modality) and the other mention recognisers.

``TriggersStage`` runs, in one pass each over ``doc.view``: quotes (so that a trigger inside
a slogan is known to be quoted), triggers, actors, quantities and attributions.

The trigger lexicon is ``lexicons/triggers.toml``; all its patterns are compiled once into a
single alternation. Modality is decided from the words just before a trigger in its clause
(negation, plans, threats, calls to action, habitual wording) and from quote spans.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..config import Options
from ..doc import Doc, Trigger
from ..models import EVENT_TYPES, TACTICS, Span
from .actors import find_actors
from .lexmatch import KeyedPatterns, SentenceIndex, first_letters, sentence_index
from .lowered import lowered
from .quantities import find_quantities
from .quotes import find_attributions, find_quotes
from .told_in_passing import KIN_OF_DEAD, cause_of_death_in_relative, death_in_apposition

__all__ = ["TriggersStage", "TriggerSpec", "trigger_specs", "find_triggers"]


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    name: str
    event_type: str
    sub_event_type: str
    tactics: tuple[str, ...] = ()
    vague: bool = False
    intervention: bool = False
    count_kind: str | None = None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    patterns: KeyedPatterns
    specs: tuple[TriggerSpec, ...]
    exclude: KeyedPatterns | None
    modality: tuple[tuple[str, re.Pattern[str]], ...]
    habitual: re.Pattern[str] | None
    cues: KeyedPatterns  # every modality cue word, keyed by its kind: where to look closer


def _alt(pats: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in sorted(pats, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    text = resources.files("eventledger").joinpath("lexicons/triggers.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    specs: list[TriggerSpec] = []
    parts: list[tuple[int, str]] = []
    for i, row in enumerate(data.get("trigger", [])):
        spec = TriggerSpec(
            row["name"], row["event_type"], row["sub_event_type"], tuple(row.get("tactics", ())),
            bool(row.get("vague", False)), bool(row.get("intervention", False)), row.get("count_kind"),
        )
        if spec.sub_event_type not in EVENT_TYPES.get(spec.event_type, ()):
            raise ValueError(f"lexicons/triggers.toml: bad type {spec.event_type}/{spec.sub_event_type}")
        bad = [t for t in spec.tactics if t not in TACTICS]
        if bad:
            raise ValueError(f"lexicons/triggers.toml: unknown tactics {bad}")
        specs.append(spec)
        for p in row["patterns"]:
            parts.append((i, p))
    patterns = KeyedPatterns(parts)
    excl = data.get("exclude", {}).get("patterns", [])
    exclude = KeyedPatterns([(None, p) for p in excl]) if excl else None
    mod = data.get("modality", {})
    # the cues must sit in the words right before the trigger; one alternation per window,
    # named groups in priority order (called_for > threatened > planned)
    negated = re.compile(r"\b(?:" + _alt(mod.get("negated", ["(?!)"])) + r")\b", re.I)
    ordered = [n for n in ("called_for", "threatened", "planned") if mod.get(n)]
    clause_cues = re.compile("|".join(rf"(?P<{n}>\b(?:{_alt(mod[n])})\b)" for n in ordered) or "(?!)", re.I)
    generic = re.compile(r"\b(?:" + _alt(mod.get("generic", ["(?!)"])) + r")\b", re.I)
    modality = (("negated", negated), ("clause", clause_cues), ("generic", generic))
    hab = mod.get("habitual", [])
    habitual = re.compile(r"\b(?:" + _alt(hab) + r")\b", re.I) if hab else None
    cue_entries = [(kind, p) for kind in ("negated", "called_for", "threatened", "planned", "generic", "habitual")
                   for p in mod.get(kind, ())]
    cues = KeyedPatterns(cue_entries or [("none", "(?!)")])
    return _Lexicon(patterns, tuple(specs), exclude, tuple(modality), habitual, cues)


def trigger_specs() -> tuple[TriggerSpec, ...]:
    return _lexicon().specs


def spec_of(trigger: Trigger) -> TriggerSpec | None:
    """The lexicon entry a trigger came from (by its type and tactics)."""
    return _SPEC_BY_KEY().get((trigger.sub_event_type, trigger.tactics))


@lru_cache(maxsize=1)
def _SPEC_BY_KEY() -> dict[tuple[str, tuple[str, ...]], TriggerSpec]:
    return {(s.sub_event_type, s.tactics): s for s in _lexicon().specs}


_OBJECT_IMAGES = re.compile(
    # (a collection of them too: "set fire to a wall of candidates' posters")
    r"\s*(?:down\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:wall|row|line|pile|stack|heap|set|series)\s+of\s+)?"
    r"(?:\w+(?:['’]s?)?\s+){0,2}?(?:images?|pictures?|portraits?|posters?|photos?|"
    r"banners?|billboards?|effig(?:y|ies)|statues?)\b",
    re.I,
)
_ONLINE = re.compile(
    r"\b(?:videos?|footage|clips?|online|social media|posted|livestream(?:ed)?|Instagram|Twitter|Telegram|TikTok|YouTube|"
    r"virtual(?:ly)?|cyberspace)\b", re.I)
# footage of a crowd in the street is the street's act, not a video message ("a video said to
# show a crowd chanting outside the central mosque", "footage showed hundreds of people chanting")
_FOOTAGE_OF_A_CROWD = re.compile(
    # (words between: "footage circulating on the few channels still reachable appears to show a crowd")
    r"\b(?:videos?|footage|clips?)\s+(?:[\w'’-]+\s+){0,10}?(?:shows?|showed|showing|show)\s+"
    r"(?:a\s+|the\s+)?(?:large\s+|big\s+|small\s+)?(?:group\s+of\s+)?(?:young\s+)?(?:crowds?|hundreds|thousands|dozens|people|protesters|demonstrators|mourners|"
    r"residents|marchers|worshippers|men|women|students)\b", re.I)
# a video named as the report's source ("chanting slogans, according to videos posted online"): the
# act is told, not done online
_SOURCED_BY_VIDEO = re.compile(r"\b(?:according\s+to|in)\s+(?:a\s+|the\s+)?(?:videos?|footage|clips?)\s+(?:(?:posted|shared|circulating|published)\s+"
                               r"(?:online|on\s+social\s+media|on\s+(?:Instagram|Twitter|Telegram|X))|(?:obtained|verified)\s+by\s+[\w/'’-]+)"
                               # (or closing the sentence as its source: "..., videos posted on social media showed.";
                               # a live blog's "..., videos sent to us show.", "..., videos show.")
                               r"|,\s+(?:videos?|footage|clips?)\s+(?:(?:posted|shared|circulating|published)\s+(?:online|on\s+social\s+media)\s+"
                               r"|sent\s+to\s+(?:us|[\w/'’-]+)\s+)?"
                               r"(?:showed|show|shows|suggested)\b", re.I)
# chanting inside a prison is not "in public" (near, outside or in front of one it is)
_NOT_PUBLIC = re.compile(r"(?<!\bnear the )(?<!\bnear )(?<!\boutside the )(?<!\boutside )(?<!\bfront of the )"
                         r"(?<!\baround the )(?<!\bgate of the )(?<!\bgates of the )"
                         r"\b(?:prisons?|jail|wards?|cells?|"
                         # (not the people a chant is for: "chanted slogans in support of political prisoners")
                         r"(?<!\bof )(?<!\bfor )(?<!\bwith )(?<!\bof political )(?<!\bfor political )(?<!\bwith political )"
                         r"(?:prisoners|inmates|detainees))\b", re.I)
_NOT_PUBLIC_STEMS = ("prison", "inmate", "detainee", "jail", "ward", "cell")


def _only_the_source_online(view: str, s0: int, s1: int) -> bool:
    """Every online word of the sentence is inside a phrase naming a video as the report's source."""
    cited = [(m.start(), m.end()) for m in _SOURCED_BY_VIDEO.finditer(view, s0, s1)]
    if not cited:
        return False
    return all(any(a <= m.start() < b for a, b in cited) for m in _ONLINE.finditer(view, s0, s1))


def _may_be_not_public(view: str, s0: int, s1: int) -> bool:
    """A necessary test for _NOT_PUBLIC in ``[s0, s1)`` of ``view``: one of its words' stems
    occurs there in the lower-cased view (substring tests cost far less than the look-behinds).
    A view that lower-cases to another length ("İ") has other offsets there: then it admits all."""
    low = lowered(view)
    if len(low) != len(view):
        return True
    return any(low.find(stem, s0, s1) >= 0 for stem in _NOT_PUBLIC_STEMS)


_CONTINUES = re.compile(r"\s+(?:continue[sd]?|are continuing|persists?|are ongoing|go on)\b", re.I)
_DATED_AFTER = re.compile(r"\s+(?:on|yesterday|today|last)\s", re.I)
_NEG_WINDOW_WORDS = 4
#: a noun trigger whose own verb follows it in the passive: "posters will be put up", "the banner
#: was not put up", "a second strike day is expected": the modality comes after the trigger
_AFTER_NOUN = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?P<negated>(?:was|were|could|would|will|had)\s+not|wasn't|weren't|(?:was|were)\s+never)"
    r"|(?P<planned>(?:will|would|is\s+to|are\s+to)\s+be|(?:is|are)\s+(?:expected|planned|scheduled|due)"
    # (a verbless row: "projection planned, cancelled because of patrols", "rally planned but called off")
    r"|planned(?=,?\s+(?:but\s+|and\s+|then\s+)?(?:was\s+|were\s+)?(?:cancel+ed|called\s+off|abandoned|postponed|dropped))))\b",
    re.I,
)
_AFTER_WINDOW = 30
#: an account the writer could not confirm: the act it tells is not reported as fact
_UNCONFIRMED = re.compile(
    r"\b(?:not|never|unable\s+to|could\s+not|couldn't)\s+(?:\w+\s+){0,2}?(?:confirm|verify|corroborate)\w*\s+"
    r"(?:the\s+)?(?:reports?|claims?|accounts?|rumou?rs?)\s+(?:that|of)\b", re.I)
#: a denial whose clause runs on to the act ("denied that security forces had fired on ...")
_DENIED_THAT = re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:\w+\s+){0,3}?that\b", re.I)
#: nouns of an account of an act ("reports of executions"): a negation before them denies the act
_REPORT_NOUNS = frozenset({"report", "reports", "news", "word", "confirmation", "evidence", "sign", "signs",
                           "accounts", "information"})
_WINDOW_WORDS = 7
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s|—|–")


#: an exclusion that counts a time from an occasion named elsewhere ("the day before the ceremony")
_COUNTED_FROM = re.compile(r"(?:hours?|minutes?|days?|the day|the night|a week) (?:before|after) the ", re.I)
_OCCASION_TOWN = re.compile(r" (?:in|at) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")
#: the gathering video messages were addressed to or shown at (an exclusion of triggers.toml):
#: "to a rally of Iranians in Brussels", "shown at a gathering held in Berlin" (its town is the
#: gathering's, abroad as a rule, not the messages')
_ADDRESSED_BY = ("messages ", "message ", "videos ")
_ADDRESSED_FIRST = _ADDRESSED_BY + tuple(w.capitalize() for w in _ADDRESSED_BY)
_SHOWN_AT = re.compile(r"(?:shown|played|screened|broadcast|displayed|aired|read out|gathered) ")
_GATHERING_TOWN = re.compile(r"(?: (?:of|by|held|organi[sz]ed)(?: [\w'’-]+){0,4}?)? (?:in|at) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")
#: a sentence's subject described by a participle ("Five men arrested after protests in X, Y province,
#: are ...", "Three teachers sentenced in May now face ..."): a main verb in the present follows
_DESCRIBED_PART = re.compile(r"\b(?:men|women|people|prisoners|protesters|activists|workers|students|teachers|detainees|"
                             r"dissidents|youths|retirees|nurses)\s+(?:arrested|detained|sentenced|jailed)\b")
#: _DESCRIBED_PART's participle after white space: literal-led alternatives, so the engine skips
#: to their first letters (the whole pattern, led by \b, starts a match attempt at every character)
_PARTICIPLE_AFTER_SPACE = re.compile(r"\s(?:arrested|detained|sentenced|jailed)\b")
_DESCRIBED_NOUNS = frozenset({"men", "women", "people", "prisoners", "protesters", "activists", "workers", "students",
                              "teachers", "detainees", "dissidents", "youths", "retirees", "nurses"})


def _has_described_part(view: str) -> bool:
    """``_DESCRIBED_PART.search(view) is not None``, found from the participles: the word
    before each one's white space must be one of the nouns, whole (\\b before it)."""
    for m in _PARTICIPLE_AFTER_SPACE.finditer(view):
        i = m.start()
        while i > 0 and view[i - 1].isspace():
            i -= 1
        j = i
        while j > 0 and (view[j - 1].isalnum() or view[j - 1] == "_"):  # \w is isalnum() or "_"
            j -= 1
        if view[j:i] in _DESCRIBED_NOUNS:
            return True
    return False


_DESCRIBED_SUBJECT = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?:The |These |Those )?(?:[A-Z][\w-]*|\d+)\s+(?:[\w-]+\s+)?"
    r"(?:men|women|people|prisoners|protesters|activists|workers|students|teachers|detainees|dissidents|youths|retirees|nurses)"
    r"\s+(?P<part>arrested|detained|sentenced|jailed)\b[^.;:\n]{0,160}?\s"
    r"(?P<verb>are|is|remain|remains|(?:now )?faces?|have been|has been|risk)\b")


def _quoted_within(a: int, b: int, s: int, e: int, quote_spans: list[Span]) -> bool:
    """Is the excluded phrase ``a..b`` inside a quote that lies inside the trigger ``s..e``? Then it
    is words of the slogan the act wrote, not a phrase about the act: 'wrote "Every Tuesday a
    hunger strike" on walls' is graffiti, though "hunger strike" alone is no act."""
    return any(s <= q.start <= a and b <= q.end <= e for q in quote_spans)


def find_triggers(doc: Doc, quote_spans: list[Span] | None = None) -> list[Trigger]:
    lex = _lexicon()
    view = doc.view or doc.text
    excluded = [(s, e) for s, e, _ in lex.exclude.finditer(view)] if lex.exclude else []
    # "video messages to the rally": the exclusion begins after "messages", which stay an act
    excluded = [(view.index(" ", s) + 1, e) if view.startswith(_ADDRESSED_FIRST, s) else (s, e)
                for s, e in excluded]
    quote_spans = quote_spans or []
    sidx = sentence_index(doc)
    out: list[Trigger] = []
    cue_hits: list[tuple[int, object]] | None = None
    burnt_object_end = -1  # end of the images an arson trigger burnt ("set fire to banners of X")
    # "Five men arrested after protests in Javanrud are at risk of execution": the subject's
    # participle phrase, before a main verb in the present, is the people's story, not this
    # sentence's news (its date belongs to the main clause)
    described = [(m.start("part"), m.start("verb")) for m in _DESCRIBED_SUBJECT.finditer(view)] \
        if _has_described_part(view) else []
    # "a banner of Khamenei ... was burned": the subject burnt in the passive (start, verb start)
    burnt_subjects = [(m.start(), m.start("verb")) for m in _PASSIVE_BURNT.finditer(view)] if _BURNT_VERB.search(lowered(view)) else []
    # (or with no verb before the participle, as a table row or caption has it: "Mashhad | a
    # banner of Khamenei set on fire on ... Boulevard | 15 May")
    low = lowered(view)
    for v in _BARE_BURNT_VERB.finditer(low) if ("set " in low or "torched" in low or "burn" in low) else ():
        if (m := _BARE_BURNT_SUBJECT.search(view, max(0, v.start() - 90), v.start())) is not None:
            burnt_subjects.append((m.start(), v.start()))
    last_arson: Trigger | None = None
    void: list[tuple[int, int]] = doc.extras.setdefault("void_spans", [])
    void.clear()
    # "held a memorial in Sarvabad on Saturday, the day before the ceremony in Marivan": the town of
    # the occasion a time is counted from is not the act's (assembly drops it from the sentence)
    occasion: list[tuple[int, int]] = doc.extras.setdefault("occasion_spans", [])
    occasion.clear()
    for a, b in excluded:
        if _COUNTED_FROM.match(view, a, b):
            town = _OCCASION_TOWN.match(view, b)
            occasion.append((a, town.end() if town else b))
        elif view.endswith(_ADDRESSED_BY, max(0, a - 9), a) or _SHOWN_AT.match(view, a, b):
            if (town := _GATHERING_TOWN.match(view, b)) is not None:
                occasion.append((a, town.end()))
    for s, e, key in lex.patterns.finditer(view):
        spec = lex.specs[key]  # type: ignore[index]
        if excluded and any(a < e and s < b and not _quoted_within(a, b, s, e, quote_spans) for a, b in excluded) and not (
                spec.sub_event_type == "symbolic_action" and any(a == s for a, _ in excluded)
                and _PUT_UP_BEFORE.search(view, max(0, s - 40), s)):
            if spec.sub_event_type in ("demonstration", "strike"):
                # a gathering not held, or one people were called on to join: the places in
                # that phrase are no event's (assembly hands them no waiting trigger)
                void.extend((a, b) for a, b in excluded if a < e and s < b)
            continue
        if s < burnt_object_end and spec.sub_event_type == "symbolic_action":
            continue  # the burnt banner or poster is the arson's object, not a banner put up
        if spec.sub_event_type == "symbolic_action" and (
                any(a <= s < v for a, v in burnt_subjects)
                or (last_arson is not None and not _VERB_LED.match(view, s)
                    and _SECOND_OBJECT.match(view, last_arson.span.end, s))):
            continue  # the subject of "was burned", or a second object of the same arson
        if spec.sub_event_type == "symbolic_action" and _FOR_BEFORE.search(view, max(0, s - 6), s) \
                and _DETAINED_FOR.search(view, sidx.bounds(s, 160, len(view))[0], s):
            continue  # what people were detained for ("detained ... on charges of '...' for writing slogans")
        if spec.sub_event_type == "symbolic_action" and " they were " in view[max(0, s - 60) : s] \
                and _CAUGHT_AT.search(view, max(0, s - 60), s) and _DETAINED_FOR.search(view, sidx.bounds(s, 160, len(view))[0], s):
            continue  # the act they were caught at ("arrested two young men as they were writing slogans"): the town's act told before
        if spec.event_type == "protest" and _NAMED_BY_SOURCE.search(view, max(0, s - 50), s):
            continue  # "Fars called the Berlin march 'a circus'": a source naming an act told before, no act of its day
        if spec.event_type == "protest" and _AS_BEFORE.search(view, max(0, s - 40), s) and _SHOWED_AFTER.match(view, e):
            continue  # "As the Berlin march showed, ...": the lesson of an act told before
        if "commemoration" in spec.tactics and _STATE_MARKS_BEFORE.search(view, max(0, s - 60), s):
            continue  # "the clerical regime marked the 47th anniversary of the revolution": the state's ceremony, no protest
        tactics = spec.tactics
        if "arson" in tactics and (obj := _OBJECT_IMAGES.match(view, e)) is not None:
            tactics = ("image_burning",)
            burnt_object_end = obj.end()
        elif "arson" in tactics and any(v == s for _, v in burnt_subjects):
            tactics = ("image_burning",)
        if spec.event_type in ("repression", "riot") and _not_an_act(view, s, e, spec, sidx):
            continue
        if spec.sub_event_type == "demonstration" and _WHERE_IT_BEGAN.search(view, max(0, s - 12), s) \
                and view.startswith("uprising", s):
            continue  # "In Mashhad, where the uprising began, youths wrote ...": the town's past, no act told
        etype, sub = spec.event_type, spec.sub_event_type
        if tactics == ("chanting",):
            # chanting by people in public (mourners at a funeral, young men in a street) is a
            # demonstration (codebook); chanting in a posted video or online stays symbolic
            s0, s1 = sidx.bounds(s, 300, len(view))
            if (not _ONLINE.search(view, s0, s1) or _FOOTAGE_OF_A_CROWD.search(view, s0, s) or _only_the_source_online(view, s0, s1)) \
                    and not (_may_be_not_public(view, s0, s1) and _NOT_PUBLIC.search(view, s0, s1)):
                etype, sub = "protest", "demonstration"
        if cue_hits is None:  # the modality cue words of the document, found once
            cue_hits = [(cs, kind) for cs, _, kind in lex.cues.finditer(view)]
        negated, modality = _modality(sidx, view, s, e, quote_spans, lex, cue_hits)
        if modality == "asserted" and spec.event_type in ("repression", "riot") and _in_frame(view, s, sidx):
            modality = "context"
        if modality == "asserted" and spec.event_type in ("repression", "riot") and _tally_line(view, *sidx.bounds(s, 0, len(view))):
            modality = "context"  # "Today's roundup: 4 fuel porters shot, 8 arrests, 2 executions.": a digest's counts
        if modality == "asserted" and spec.sub_event_type in ("killing", "execution") \
                and _kin_of_the_dead(view, max(sidx.bounds(s, 120, len(view))[0], s - 120), e):
            modality = "context"  # "a gathering at the grave of a young man killed in 2022": whose grave, no death told here
        if modality == "asserted" and any(a <= s < b for a, b in described):
            modality = "context"
        if modality == "asserted" and "when" in view[max(0, s - 70) : s] and "anniversary" in view[max(0, s - 140) : s] \
                and _ANNIVERSARY_WHEN.search(view, max(0, s - 140), s):
            modality = "context"  # "the anniversary of Black Friday, when the Shah's troops opened fire on a crowd": the day recalled
        if modality == "asserted" and " which " in view[max(0, s - 90) : s] and _past_event_which(doc, view, s):
            modality = "context"  # "the November 2019 uprising, in which 1,500 protesters were killed": the past event's own acts
        out.append(Trigger(Span(s, e), etype, sub, tactics, negated, modality))
        if "arson" in spec.tactics:
            last_arson = out[-1]
    if "the same" in low or "likewise" in low or "suit" in low:
        out.extend(_acts_done_again(view, low, out, sidx))
    if " active" in low or "followed on" in low:
        out.extend(_campaign_acts_again(low, out, sidx, len(view)))
    # the dead a symbolic act names inside its own span ("wrote the names of young people killed in
    # the town in 2022 on the walls") are whom the act honours, not a killing told
    held = [t.span for t in out if t.sub_event_type == "symbolic_action" and t.span.end - t.span.start > 30]
    if held:
        out = [t for t in out if t.event_type != "repression"
               or not any(h.start < t.span.start and t.span.end < h.end for h in held)]
    return out


# a necessary test for _PASSIVE_BURNT, searched in the lower-cased view: led by a literal "w"
# (its word start checked in the look-behind), the engine skips to each "w" in its fast loop,
# where a leading \b under re.I starts a match attempt at every character (20 times slower)
_BURNT_VERB = re.compile(r"w(?<=\bw)(?:as|ere)\s+(?:also\s+)?(?:torn\s+down\s+and\s+)?(?:burn|torch|set\s+(?:on\s+fire|ablaze|alight))")
#: "a large banner of Khamenei hung at the entrance of the town was burned": a banner, poster or
#: portrait that is the subject of a passive burning verb (no "and" or clause break between; a
#: relative clause with "that" or a name between commas may stand between: "a banner of Khamenei
#: that had been hung over the main road for the rally was set ablaze", "a banner of the head of
#: the judiciary, Mohseni Ejei, was set on fire"; "torn down and burnt" is burnt too; "and" may join
#: two names: "a banner of Khamenei and Khomeini was set on fire"; a participle phrase between commas
#: may be long: "a banner bearing the pictures of X and Y, put up for the anniversary at the entrance
#: to Kianpars, was set on fire")
_PASSIVE_BURNT = re.compile(
    # (a bare plural may open its clause: "In Karaj and Mohammad Shahr, banners of Khomeini were burned")
    r"(?:\b(?:an?|the|two|three|several|many|some|dozens\s+of)\s+(?:[\w’'-]+\s+){0,3}?|(?<=, )(?:large\s+)?(?=\w+s\b))"
    r"(?:banners?|posters?|portraits?|billboards?|placards?|images?|pictures?|photos?)\b"
    r"(?:,?\s+(?!(?:and|or|but|while|where|which|who)\b)[\w’'-]+|\s+and\s+(?-i:[A-Z])[\w’'-]+){0,18}?,?\s+(?:was|were)\s+(?:also\s+)?"
    r"(?:torn\s+down\s+and\s+)?(?P<verb>burn(?:ed|t)|torched|set\s+(?:on\s+fire|ablaze|alight))\b",
    re.I,
)
#: an arrest or a charge before "for <act>": the act is its grounds, told as the reason, not reported
#: as an act ("two young men were detained last week on charges of '...' for writing slogans")
_DETAINED_FOR = re.compile(r"\b(?:arrested|detained|jailed|sentenced|summoned|charged|convicted|accused)\b"
                           r"[^.;!?\n]{0,100}$", re.I)
#: a past event named with its year, then a relative clause that tells its acts ("the 1988 massacre,
#: in which 30,000 political prisoners were executed"; "the uprising of November 2019, during which")
_PAST_EVENT_WHICH = re.compile(
    r"(?:\b(?P<y1>(?:19|20)\d\d)\s+(?:[\w'’-]+\s+)?(?P<n1>[a-z]+)|\b(?P<n2>[a-z]+)\s+of\s+(?:[A-Z][a-z]+\s+)?(?P<y2>(?:19|20)\d\d))"
    r"\s*,\s*(?:in|during)\s+which\s+[^.;:!?\n]{0,80}\Z")
_PAST_EVENT_NOUNS = frozenset({"massacre", "massacres", "uprising", "uprisings", "protests", "revolution", "war", "crackdown",
                               "killings", "executions", "events", "unrest", "demonstrations", "strikes", "riots"})


def _past_event_which(doc: Doc, view: str, s: int) -> bool:
    """Is the trigger at ``s`` told in a relative clause of a past event named with a year before
    the report's (the year of publication: "the January 2026 protests, in which" in a report of
    January 2026 may be its news)?"""
    pub = doc.report.published if doc.report is not None else None
    m = _PAST_EVENT_WHICH.search(view, max(0, s - 150), s)
    if m is None or pub is None:
        return False
    year, noun = (m["y1"], m["n1"]) if m["y1"] else (m["y2"], m["n2"])
    return noun in _PAST_EVENT_NOUNS and int(year) < pub.year


#: "for " right before an act, or "for" and the opening quote of the charge's words ('arrested in
#: Zahedan for "writing insulting slogans"')
_FOR_BEFORE = re.compile(r"\bfor\s[\"“']?\Z")
#: the clause after an anniversary's name that tells what happened on the day it recalls
_ANNIVERSARY_WHEN = re.compile(r"\banniversary\s+of\s+[^.;:!?\n]{1,60}?,\s+when\s+[^.;:!?\n,]{0,60}\Z", re.I)
#: the act people were arrested in the middle of, after the arrest ("arrested three young people on
#: Tuesday as they were hanging a banner", "were arrested ... after they were filmed handing out leaflets")
_CAUGHT_AT = re.compile(r"\b(?:as|while|when|after)\s+they\s+were\s+(?:(?:seen|filmed|caught|spotted)\s+)?"
                        r"(?:[\w-]+ing(?:\s+(?:out|up))?\s+)?(?:(?:a|an|the|some)\s+)?(?:[\w'’-]+\s+){0,2}?\Z", re.I)
#: the participle searched (lower-cased view, literal-led) for a verbless row's burnt object, and
#: that object right before it ("a banner of Khamenei set on fire", "two posters of Soleimani torched")
#: (a caption's present too: "A banner with a portrait of Soleimani burns on the road to ...")
_BARE_BURNT_VERB = re.compile(r"(?:set\s+(?:on\s+fire|ablaze|alight)|torched|burn(?:ed|t|s|ing))\b")
_BARE_BURNT_SUBJECT = re.compile(
    # (or no article after a caption's dash: "Rasht – Khamenei banner set on fire – April 30, 2024",
    # "Ilam – Khamenei's poster burned – June 19, 2020": the burnt banner, not a banner put up)
    r"(?:(?<![\w’'-])(?:an?|the|two|three|several)\s+|[–—]\s+)(?:[\w’'-]+\s+){0,2}?"
    r"(?:banners?|posters?|portraits?|billboards?|placards?|images?|pictures?|photos?)"
    r"(?:\s+(?:of|with|showing|bearing)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s+\Z",
    re.I,
)
#: "torched a seminary in X and a large poster of Soleimani in Y": a second object of the same
#: verb, reached without a clause break, a verb of its own or another actor
#: (a symbolic trigger led by a verb of its own is a second act, not a second object: "an image was
#: set on fire, and the youths wrote 'Death to ...' on the wall beside it")
_VERB_LED = re.compile(r"(?:wr(?:ote|ite|ites|iting|itten)|paint(?:ed|ing|s)|spray(?:ed|ing)|daub(?:ed|ing|s)|put|hung|distribut\w*)\b", re.I)
_SECOND_OBJECT = re.compile(r"[^.;:!?\n\u201c\u201d\"]{0,80}?\band\s+(?:an?|the|two|three|several)\s+(?:[\w-]+\s+){0,2}\Z", re.I)
#: "the units put up posters of the rally": a banner or poster put up stays an act when an
#: exclusion that begins at it ("posters of the rally", the rally not reported) removes the rally
_PUT_UP_BEFORE = re.compile(
    r"(?<!had )(?<!having )\b(?:put(?:ting)?\s+up|hung|hang(?:s|ing)?|distribut(?:ed|ing)|post(?:ed|ing)|display(?:ed|ing)|"
    r"raised|raising|held\s+up|holding\s+up)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?\Z", re.I)


# "hung a banner", "a banner hung from a bridge", "hanging posters": hanging an object
_HANG_OBJECT = re.compile(
    r"\b(?:banners?|posters?|signs?|placards?|pictures?|images?|portraits?|photos?|flags?|effig(?:y|ies)|"
    r"cloths?|sheets?|slogans?|messages?|leaflets?|ropes? of lights)\b",
    re.I,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+$", re.I)
_AFTER_QUOTE_COMMA = re.compile(r"[\"\u201d\u2019'],\s*$")
# a participle used as an adjective after a determiner ("of imprisoned teachers", "the arrested
# men", "families of executed prisoners"): it names people, it does not report an act
_DETERMINER_BEFORE = re.compile(r"(?<!\w)(?:the|a|an|of|for|their|his|her|its|our|with|to|whose|other|two|three|several|many)\s+$", re.I)
# the dead or the detained named as whom a picture, a name or a grave is of
_THOSE_OF_BEFORE = re.compile(r"\b(?:posters?|pictures?|photos?|photographs?|portraits?|images?|names?|banners?|graves?)\s+of\s+those\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:by|in|at|on|for|during|after|before|since|and|or|were|was|are|is|had|have|has|as|over|with|from|to|when|while|last|this|that|earlier)\b)[a-z][a-z'-]+", re.I)
# a repression word inside a frame that names a cause or a memory, not an act told as news:
# "despite a wave of executions", "amid arrests", "in memory of those killed", "to protest
# against the death sentence", "honouring those executed"
_FRAME_CUES = (
    "despite", "amid(?:st)?", "in (?:the )?memory of", "in hono(?:u)?r of", "hono(?:u)?r(?:s|ed|ing)?", r"commemorat\w*",
    r"mourn(?!ers?\b)\w*", "anniversary of", "in protest (?:at|against|of|over)", "to protest", "protest(?:s|ed|ing)? (?:against|over|at)",
    "against", "in solidarity with", r"condemn\w*", r"denounc\w*", "families of", "victims of", "release of",
    # (not "a number of people were arrested": a vague count of this act)
    "rise in", "wave of", "surge in", "spate of", r"number of(?<!\ba number of)",
    # the cause a strike or a sit-in answers: "fishermen stayed ashore in a strike over the arrests"
    "strikes? over", "sit-ins? over", "boycotts? over", "walkouts? over",
    # a ceremony for the dead recalls their killing: "the fortieth day after the deaths of two
    # young men killed by security forces", "the funeral of a protester shot dead on Monday"
    "deaths? of", "funerals? (?:of|for)", "fortieth[- ]day", "40th[- ]day", "seventh[- ]day", "7th[- ]day",
    # what a call or a demand asks to stop: "called on the government to press for an end to executions"
    "end to", "halt to", "moratorium on",
    # ... or asks to free or to look into (set 69): "urge the authorities to release all those
    # arbitrarily detained and to ensure independent investigations into the killings in Zahedan"
    # calls for the release of the detained and an inquiry into the dead, it reports neither
    "to release", "to free", r"investigations? into", r"inquir(?:y|ies) into", r"probes? into", "accountability for",
)
# each cue begins with a letter: the look-ahead rejects a word boundary on its next character
# (the case-insensitive alternation has no quick reject and would enter every branch)
_FRAME_FIRSTS = first_letters(_FRAME_CUES)
_FRAME = re.compile(rf"\b(?=[{_FRAME_FIRSTS}])(?:{'|'.join(_FRAME_CUES)})\b", re.I)
_FRAME_WORDS = 8


#: "they did the same in Isfahan, Shiraz and Ahvaz", "followed suit in ...": the act of the sentence
#: before, told again for other places (searched in the lower-cased view)
_DID_THE_SAME = re.compile(r"\b(?:did|do|does|doing)\s+(?:the\s+same|likewise)\b|\bfollowed\s+suit\b")


def _acts_done_again(view: str, low: str, found: list[Trigger], sidx: SentenceIndex) -> list[Trigger]:
    """Triggers for "did the same": one per sub-type the sentence before asserted, with its tactics,
    at the phrase (its own sentence holds no act of its own)."""
    extra: list[Trigger] = []
    for m in _DID_THE_SAME.finditer(low):
        s0, s1 = sidx.bounds(m.start(), 400, len(view))
        if s0 == 0 or any(s0 <= t.span.start < s1 for t in found):
            continue
        p0, _ = sidx.bounds(s0 - 2, 600, len(view))
        before = [t for t in found if p0 <= t.span.start < s0 and t.modality == "asserted" and not t.negated]
        acts: dict[tuple[str, str], tuple[str, ...]] = {}
        for t in before:
            key = (t.event_type, t.sub_event_type)
            acts[key] = acts.get(key, ()) + tuple(x for x in t.tactics if x not in acts.get(key, ()))
        extra.extend(Trigger(Span(m.start(), m.end()), et, st, tac, False, "asserted") for (et, st), tac in acts.items())
    return extra


#: "units in Ahvaz and Izeh were active on Tuesday", "Shiraz and Marvdasht followed on Friday": a
#: campaign's places listed with no act of their own, after sentences that told its acts
_CAMPAIGN_AGAIN = re.compile(r"\b(?:were|was)\s+(?:also\s+)?active\b|\bfollowed\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
#: how many sentences back the campaign's acts may have been told
_CAMPAIGN_SENTENCES = 3


def _campaign_acts_again(low: str, found: list[Trigger], sidx: SentenceIndex, n: int) -> list[Trigger]:
    """A symbolic action, with the tactics of the nearest one told in the sentences before, for a
    list of places that were "active" or "followed": the clause before the phrase holds no act."""
    extra: list[Trigger] = []
    for m in _CAMPAIGN_AGAIN.finditer(low):
        s0, _ = sidx.bounds(m.start(), 400, n)
        if s0 == 0 or any(s0 <= t.span.start < m.end() for t in found):
            continue
        if m.group(0)[0] == "w" and "unit" not in low[s0 : m.start()]:
            continue  # (activists or officials "were active": not the campaign's units)
        lo = s0
        for _ in range(_CAMPAIGN_SENTENCES):
            if lo <= 0:
                break
            lo, _ = sidx.bounds(lo - 2, 600, n)
        before = [t for t in found if lo <= t.span.start < s0 and t.sub_event_type == "symbolic_action"
                  and t.modality == "asserted" and not t.negated]
        if before:
            extra.append(Trigger(Span(m.start(), m.end()), "protest", "symbolic_action", before[-1].tactics, False, "asserted"))
    return extra


#: an act a source calls or describes by a name ("called the Berlin march \"a circus\"", "described the
#: rally as ..."), the object of that verb: the act is told elsewhere
_NAMED_BY_SOURCE = re.compile(r"\b(?:called|dubbed|branded|described|labelled|labeled|denounced|mocked|dismissed)\s+"
                              r"(?:(?:the|this|that|Saturday's|Sunday's|Friday's|last\s+week's)\s+(?:[A-Z][\w'’-]+\s+){0,2})?\Z")


_AS_BEFORE = re.compile(r"\bAs\s+(?:(?:the|this|that|last\s+week's)\s+(?:[A-Z][\w'’-]+\s+){0,2})?\Z")
_SHOWED_AFTER = re.compile(r"\s+(?:has\s+|have\s+)?(?:showed|shown|shows|proved|proves|demonstrated|demonstrates)\b")


#: the regime, the state or its officials as the subject right before an anniversary trigger ("On
#: Wednesday the clerical regime marked ...", "the government celebrated the anniversary")
_STATE_MARKS_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:(?:clerical|ruling|mullahs'|Iranian)\s+)?(?:regime|government|state|authorities|officials)"
    r"(?:'s\s+(?:officials|leaders|media))?\s+(?:(?:also|officially|formally)\s+)?\Z", re.I)


def _not_an_act(view: str, s: int, e: int, spec: TriggerSpec, sidx: SentenceIndex) -> bool:
    """Repression words that do not report an act here (see _HANG_OBJECT, _DETERMINER_BEFORE)."""
    word = view[s:e].lower()
    s0, s1 = sidx.bounds(s, 200, len(view))
    if spec.sub_event_type == "execution" and word.startswith(("hang", "hung")):
        # a passive ("banners reading '...' were hung from bridges") names its object at the
        # start of the sentence, past the quoted slogan: look back to the sentence start
        # (so does a participle right after the slogan: 'a banner on the bridge, "... not alone", hung today')
        back = s0 if _PASSIVE_BEFORE.search(view, max(s0, s - 12), s) or _AFTER_QUOTE_COMMA.search(view, max(s0, s - 4), s) \
            else max(s0, s - 64)  # ("a large banner of the regime's candidate Ebrahim Raisi hung near ...")
        if _HANG_OBJECT.search(view, back, min(s1, e + 50)):
            return True
    if " " not in word and word.endswith("ed") and view[max(s0, s - 6) : s].lower() == "those " \
            and _THOSE_OF_BEFORE.search(view, max(s0, s - 40), s):
        return True  # "put up posters of those killed in Zahedan": the dead honoured, no act told here
    if " " not in word and word.endswith("ed") and _DETERMINER_BEFORE.search(view, max(s0, s - 20), s):
        if _NOUN_AFTER.match(view, e, s1) and not _burnt_image_captioned(view, s, e, spec):
            return True
    if spec.sub_event_type == "property_attack" and word[:3] in ("was", "wer", "had", "has") \
            and not _SITE_BEFORE_PASSIVE.search(view, max(s0, s - 70), s):
        return True  # "the protesters were attacked": people, not a site (an intervention's words)
    if spec.sub_event_type == "property_attack" and _told_as_a_cause(view, s, e, s0, word):
        return True  # "arrested five people over the attack on the base": the act told before
    if spec.sub_event_type in ("attack_on_civilians", "killing", "arrest") and cause_of_death_in_relative(view, s):
        return True  # "X, ..., who died on Thursday after being beaten in custody": how X died, in passing
    if spec.sub_event_type in ("killing", "execution") and _HONOURED_DEAD.search(view, max(s0, s - 90), s):
        return True  # "honoured the 52 members of the organization who were killed in the attack on ...": the dead honoured
    if spec.sub_event_type == "sentence" and _FOR_ONE_SENTENCED.search(view, max(s0, s - 70), s):
        return True  # "held a silent gathering for a classmate who has been sentenced to death": whom the act is for
    if spec.sub_event_type in ("killing", "execution") and death_in_apposition(view, max(s0, s), e):
        return True  # "a banner of X, the commander of the Quds Force killed a year ago, in ...": who X was
    return False


#: KIN_OF_DEAD ending on the trigger's participle (searched only in a window with " of " or " whose ")
_KIN_OF_DEAD_END = re.compile(KIN_OF_DEAD + r"\Z", re.I)


def _kin_of_the_dead(view: str, lo: int, e: int) -> bool:
    window = view[lo:e]
    return (" of " in window or " whose " in window) and _KIN_OF_DEAD_END.search(window) is not None


#: a photo caption's line, "<Place> – <what it shows> – <date>" (the date ends the line with a year)
_CAPTION_LINE = re.compile(r"[A-Z][^\n\u2013]{1,40}\s[\u2013-]\s[^\n]+\s[\u2013-]\s[^\n]*\d{4}\s*\Z")


def _burnt_image_captioned(view: str, s: int, e: int, spec: TriggerSpec) -> bool:
    """"Shiraz – A burned image of Khomeini on ... Street – January 31, 2020": a caption shows the
    burnt image, an act of its place and day, though told by a participle after "a"."""
    if spec.sub_event_type != "property_attack" or _OBJECT_IMAGES.match(view, e) is None:
        return False
    a = view.rfind("\n", 0, s) + 1
    b = view.find("\n", e)
    return (b < 0 or b - a < 200) and _CAPTION_LINE.match(view, a, b if b >= 0 else len(view)) is not None


#: a town described by the wave that began there (", where the uprising began,")
_WHERE_IT_BEGAN = re.compile(r",\s+where\s+the\s+\Z", re.I)
#: the dead an act honours, named at length before their death's verb ("honoured the 52 members of the
#: organization who were killed"): a code test, run for killing and execution words only (a lexicon entry
#: led by a look-behind has no literal prefix and would be tried at every position)
_HONOURED_DEAD = re.compile(r"\bhono(?:u)?red\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}?(?:who|that)\s+(?:(?:were|was|had\s+been)\s+)?\Z", re.I)
#: the person an act is for, whose sentence a relative clause recalls ("a vigil for a classmate who has
#: been sentenced to death"): the sentence is no news of the report
_FOR_ONE_SENTENCED = re.compile(r"\bfor\s+(?:a|an|the|their|his|her|two|three)\s+(?:[\w'’-]+\s+){0,3}?"
                                r"(?:who|whom|that)\s+(?:has|have|had)\s+(?:already\s+)?been\s+\Z", re.I)
#: the site a passive "was targeted/attacked" is told of ("a Basij center in the Kut Abdullah district was targeted")
_SITE_BEFORE_PASSIVE = re.compile(r"\b(?:base|bases|cent(?:er|re)s?|offices?|buildings?|headquarters|seminary|stations?|kiosks?)"
                                  r"(?:\s+[\w'’-]+){0,5}?\s+$", re.I)
#: an attack named again as the cause or the time of a later step ("arrested five people over the
#: attack on the Basij base", "Hours after the arson in Tabriz, police said ..."), or by a relative
#: clause in the pluperfect ("the rioters who had attacked the seminary"): the act told before
_CAUSE_OF_BEFORE = re.compile(r"\b(?:over|after|for|behind|in connection with|responsible for) the (?:[\w'’-]+ ){0,2}\Z", re.I)
_WHO_HAD_BEFORE = re.compile(r"\bwho had (?:\w+ ){0,2}\Z", re.I)


def _told_as_a_cause(view: str, s: int, e: int, s0: int, word: str) -> bool:
    if word.startswith(("arson", "attack on", "attacks on", "attack at", "attacks at", "attack against")):
        if _CAUSE_OF_BEFORE.search(view, max(s0, s - 40), s):
            return True
    # (its object definite, the site already named: "who had set fire to a bank in X on Sunday" tells it)
    return _WHO_HAD_BEFORE.search(view, max(s0, s - 25), s) is not None and " the " in (view[s:e] + view[e:e + 5]).lower()



#: a finite verb joined by "and" to the sentence's own verb, with its object after it ("... against the
#: killing of a young man and detained nine residents"): the frame's noun phrase ended at "and"
_AND_BEFORE = re.compile(r"\sand\s+$")
_OBJECT_AFTER = re.compile(r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores"
                           r"|several|many|at least|more than|them|him|her|a|an)\b")


#: a digest's line of counts: a label of two or more words and a colon, then only items that each
#: open with a number ("Today's roundup: 4 fuel porters shot, 8 arrests, 2 executions.", "In brief:
#: one execution, two kolbars killed, six arrests and a strike."): a tally of the acts told below
_TALLY_LABEL = re.compile(r"\A\s*[A-Z][\w'’]*(?: [\w'’]+){1,4}:\s+")
_TALLY_ITEM = re.compile(r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|no)"
                         r"(?: [\w'’-]+){1,4}", re.I)
_TALLY_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _tally_line(view: str, s0: int, s1: int) -> bool:
    line = view[s0:s1]
    if len(line) > 200 or "\n" in line.strip():
        return False
    m = _TALLY_LABEL.match(line)
    if m is None:
        return False
    items = _TALLY_SPLIT.split(line[m.end():].strip().rstrip("."))
    return len(items) >= 2 and all(_TALLY_ITEM.fullmatch(x) for x in items)


def _in_frame(view: str, s: int, sidx: SentenceIndex) -> bool:
    s0, _ = sidx.bounds(s, 200, len(view))
    if _AND_BEFORE.search(view, max(s0, s - 6), s) and _OBJECT_AFTER.match(view, _word_end(view, s)):
        return False  # "Police broke up a protest against the killing of X and detained nine residents"
    before = view[max(s0, s - 100) : s]
    clause = _CLAUSE_BREAK.split(before)[-1].split()
    return _FRAME.search(" ".join(clause[-_FRAME_WORDS:])) is not None


def _word_end(view: str, s: int) -> int:
    e = s
    while e < len(view) and (view[e].isalpha() or view[e] in "-'’"):
        e += 1
    return e


def _modality(sidx: SentenceIndex, view: str, s: int, e: int, quote_spans: list[Span], lex: _Lexicon,
              cue_hits: list[tuple[int, object]]) -> tuple[bool, str]:
    for q in quote_spans:  # a plain loop: the same test as any(...) without a generator per trigger
        if q.start <= s and e <= q.end:
            return False, "quoted"
    s0, s1 = sidx.bounds(s, 300, len(view))
    lo = max(s0, s - 120)  # the cue windows are a few words long
    k = bisect.bisect_left(cue_hits, (s0,))
    near = habitual = after = False
    while k < len(cue_hits) and cue_hits[k][0] < s1:
        cs, kind = cue_hits[k]
        if kind == "habitual":
            # searched anywhere in the sentence, but not inside a slogan it quotes
            # ("a banner read: '1,000 more each year'"), nor in a relative clause after the act
            # that tells of someone else's habit ("detained 15 of them, according to a council
            # that organizes the weekly protests")
            if not habitual and not _inside_any(cs, quote_spans):
                # (nor the rhythm of the grievance the act answers: "closed early on Thursday in
                # protest at daily power cuts" tells one closure)
                # (nor in a relative clause set off by commas before it: "Workers, some of whom
                # travel each day from Bojnurd, rallied on Wednesday" tells one rally)
                habitual = (cs < e and not _in_closed_relative(view, cs, s)) \
                    or (cs >= e and _RELATIVE.search(view, e, cs) is None and _GRIEVANCE_BEFORE.search(view, e, cs) is None)
        elif lo <= cs < s:
            near = True
        elif e <= cs < e + _AFTER_WINDOW:
            after = True
        k += 1
    negated = False
    modality = "asserted"
    if near:  # a cue word in the window: look at the words right before the trigger
        (_, neg), (_, clause_cues), (_, generic) = lex.modality
        before = view[lo:s]
        all_words = before.split()
        words = _CLAUSE_BREAK.split(before)[-1].split()
        negated = neg.search(" ".join(words[-_NEG_WINDOW_WORDS:])) is not None
        if not negated and len(words) > 2 and words[-1].lower() == "of" and words[-2].lower() in _REPORT_NOUNS:
            # "we did not receive confirmed reports of executions in X": the negation governs
            # the report, a few words further back than the trigger's own window
            negated = neg.search(" ".join(words[-_NEG_WINDOW_WORDS - 4 : -2])) is not None
        if not negated and _UNCONFIRMED.search(before):
            negated = True  # "could not confirm reports that a prisoner had died in X"
        if not negated and _DENIED_THAT.search(_CLAUSE_BREAK.split(before)[-1]):
            negated = True  # "Officials denied that security forces had fired on protesters": further back than the window
        window = " ".join(words[-_WINDOW_WORDS:])
        m = clause_cues.search(window)
        if m is not None and _OWN_VERB_AFTER_CUE.search(window, m.end()):
            # "Two people who had posted calls for strikes on Instagram were summoned": the passive
            # of the trigger is a verb of its own, past the cue's object, which it does not govern
            m = None
        if m is not None and _RELATIVE_BEFORE_CUE.search(window, 0, m.start()) \
                and _MAIN_VERB_AFTER_RELATIVE.match(window, m.end()):
            # "people from villages that would be flooded held a vigil": the cue is the relative
            # clause's; the main verb after it is asserted
            m = None
        if m is None and "to" in words[-3:] and _CALL_ON_TO.search(" ".join(words[-_CALL_WINDOW_WORDS:])):
            modality = "called_for"  # "called on the people of Karaj and Qazvin to hang portraits": a call
        elif m is not None:
            modality = m.lastgroup or "planned"
        elif generic.search(" ".join(all_words[-_WINDOW_WORDS:])) and not _generic_in_relative(before, generic):
            modality = "generic"
    if after and not negated and modality == "asserted" and view[e - 2:e].lower() != "ed" \
            and (m2 := _AFTER_NOUN.match(view, e, s1)) is not None:
        negated = m2.lastgroup == "negated"
        modality = "asserted" if negated else "planned"
    if modality == "asserted" and (mc := _CONTINUES.match(view, e)) is not None \
            and not (view[mc.end() - 2 : mc.end()] == "ed" and _DATED_AFTER.match(view, mc.end())):
        # "where strikes continue": an ongoing state, not one event; "protests continued on Monday
        # in ...": that day's protests
        modality = "generic"
    if modality == "asserted" and habitual:
        modality = "generic"
    return negated, modality


#: a call whose addressees are named at length before its verb ("called on the people of Karaj and Qazvin
#: to hang portraits ..."): the call reaches further back than the modality window
_CALL_WINDOW_WORDS = 14
_CALL_ON_TO = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|appeal(?:ed|s|ing)?\s+to)\s+(?:\S+\s+){1,10}?to(?:\s+\S+){0,2}$", re.I)
#: a finite passive auxiliary right before the trigger, after a modality cue's object
_OWN_VERB_AFTER_CUE = re.compile(r"\s(?:was|were|had been|have been|has been)\s*$", re.I)
#: a modal cue opening a relative clause ("villages that would be flooded") ...
_RELATIVE_BEFORE_CUE = re.compile(r"\b(?:that|which|who)\s+$", re.I)
#: ... closed by the sentence's own past-tense verb ("... would be flooded held a vigil")
_MAIN_VERB_AFTER_RELATIVE = re.compile(
    r"\s+(?:be\s+|have\s+been\s+)?[a-z]+(?:ed|en)\s+(?:[a-z]+ed|held|took|staged|made|began|went|set|put)\b")


#: a relative clause set off by commas that closes a few words before the trigger
#: ("Farmers, whose animals have been dying in the wetland, gathered ...")
_CLOSED_RELATIVE = re.compile(r",\s+(?:whose|who|which|(?:some|many|most|all|several|one|two|a\s+few)\s+of\s+(?:whom|which))\b"
                              r"[^,;]*,(?=\s+(?:[\w'\u2019-]+\s+){0,3}$)")


def _in_closed_relative(view: str, cue: int, trigger: int) -> bool:
    """Whether offset ``cue`` lies inside a relative clause set off by commas that closes a few
    words before ``trigger`` (the cue then describes the subject, not the act)."""
    lo = max(0, cue - 80)
    m = _CLOSED_RELATIVE.search(view[lo:trigger])
    return m is not None and lo + m.start() < cue < lo + m.end()


def _generic_in_relative(before: str, generic: re.Pattern[str]) -> bool:
    """The habit a generic cue tells is inside a relative clause about the subject ("whose animals
    have been dying"), not the act of the main clause after it."""
    m = _CLOSED_RELATIVE.search(before)
    if m is None:
        return False
    rest = (before[: m.start()] + before[m.end() :]).split()
    return generic.search(" ".join(rest[-_WINDOW_WORDS:])) is None


#: a relative clause's opening word: what follows describes a noun, not the act before it
_RELATIVE = re.compile(r"\b(?:that|which|who|whose|where)\b")
#: the grievance an act answers, told after it ("in protest at daily power cuts", "over repeated outages")
_GRIEVANCE_BEFORE = re.compile(r"\b(?:in\s+protest\s+(?:at|over|against|of)|to\s+protest(?:\s+against)?|protesting(?:\s+against)?|"
                               r"over|against|complaining\s+(?:about|of))\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}$")


def _inside_any(offset: int, spans: list[Span]) -> bool:
    for q in spans:
        if q.start <= offset < q.end:
            return True
    return False


def _inside_source_name(doc: Doc, trigger: Trigger) -> bool:
    """Is the trigger part of the capitalised name of an attributed source?"""
    word = doc.text[trigger.span.start : trigger.span.start + 1]
    if not word.isupper():
        return False
    for a in doc.attributions:
        if a.span.contains(trigger.span) and a.source and doc.text[trigger.span.start : trigger.span.end] in a.source:
            return True
    return False


class TriggersStage:
    """Recognise triggers, actors, quantities, quotes and attributions."""

    name = "triggers"
    requires = ("view", "sentences", "paragraphs")
    assigns = ("triggers", "actors", "quantities", "quotes", "attributions")

    def __init__(self, options: Options | None = None) -> None:
        _lexicon()  # load and compile once, at build time, so a lexicon error shows up early

    def __call__(self, doc: Doc, options: Options) -> None:
        if not doc.view:
            from ..textutil import make_view

            doc.view = make_view(doc.text)
        doc.quotes = find_quotes(doc)
        quote_spans = [q.span for q in doc.quotes if q.kind != "term"]
        doc.triggers = find_triggers(doc, quote_spans)
        doc.actors = find_actors(doc)
        doc.quantities = find_quantities(doc)
        doc.attributions = find_attributions(doc)
        # a trigger word inside a source's name ("... Workers' Protests reported") is not an event
        if doc.attributions:
            doc.triggers = [tr for tr in doc.triggers if not _inside_source_name(doc, tr)]
