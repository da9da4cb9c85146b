"""Event triggers (type, sub-type, tactics, modality) and the other mention recognisers.

``TriggersStage`` runs, in one pass each over ``doc.view``: quotes (so that a trigger inside
a slogan is known to be quoted), triggers, actors, quantities and attributions.

The trigger lexicon is ``lexicons/triggers.toml``; all its patterns are compiled once into a
single alternation. Modality is decided from the words just before a trigger in its clause
(negation, plans, threats, calls to action, habitual wording) and from quote spans.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..config import Options
from ..doc import Doc, Trigger
from ..models import EVENT_TYPES, TACTICS, Span
from .actors import find_actors
from .lexmatch import KeyedPatterns
from .quantities import find_quantities
from .quotes import find_attributions, find_quotes

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
    return _Lexicon(patterns, tuple(specs), exclude, tuple(modality), habitual)


def trigger_specs() -> tuple[TriggerSpec, ...]:
    return _lexicon().specs


def spec_of(trigger: Trigger) -> TriggerSpec | None:
    """The lexicon entry a trigger came from (by its type and tactics)."""
    return _SPEC_BY_KEY().get((trigger.sub_event_type, trigger.tactics))


@lru_cache(maxsize=1)
def _SPEC_BY_KEY() -> dict[tuple[str, tuple[str, ...]], TriggerSpec]:
    return {(s.sub_event_type, s.tactics): s for s in _lexicon().specs}


_OBJECT_IMAGES = re.compile(
    r"\s*(?:down\s+)?(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}?(?:images?|pictures?|portraits?|posters?|photos?|"
    r"banners?|billboards?|effig(?:y|ies)|statues?)\b",
    re.I,
)
_CONTINUES = re.compile(r"\s+(?:continue[sd]?|are continuing|persists?|are ongoing|go on)\b", re.I)
_NEG_WINDOW_WORDS = 4
_WINDOW_WORDS = 7
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s|—|–")


def find_triggers(doc: Doc, quote_spans: list[Span] | None = None) -> list[Trigger]:
    lex = _lexicon()
    view = doc.view or doc.text
    excluded = [(s, e) for s, e, _ in lex.exclude.finditer(view)] if lex.exclude else []
    quote_spans = quote_spans or []
    habitual: dict[int, bool] = {}  # sentence start -> has a habitual cue
    out: list[Trigger] = []
    for s, e, key in lex.patterns.finditer(view):
        if excluded and any(a < e and s < b for a, b in excluded):
            continue
        spec = lex.specs[key]  # type: ignore[index]
        tactics = spec.tactics
        if "arson" in tactics and _OBJECT_IMAGES.match(view, e):
            tactics = ("image_burning",)
        negated, modality = _modality(doc, view, s, e, quote_spans, lex, habitual)
        out.append(Trigger(Span(s, e), spec.event_type, spec.sub_event_type, tactics, negated, modality))
    return out


def _modality(doc: Doc, view: str, s: int, e: int, quote_spans: list[Span], lex: _Lexicon,
              habitual: dict[int, bool]) -> tuple[bool, str]:
    if any(q.start <= s and e <= q.end for q in quote_spans):
        return False, "quoted"
    sent = doc.sentence_at(s)
    s0 = sent.span.start if sent else max(0, s - 300)
    s1 = sent.span.end if sent else min(len(view), e + 300)
    before = view[max(s0, s - 120) : s]  # the cue windows are a few words long
    all_words = before.split()
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = clause.split()
    (_, neg), (_, clause_cues), (_, generic) = lex.modality
    negated = neg.search(" ".join(words[-_NEG_WINDOW_WORDS:])) is not None
    modality = "asserted"
    m = clause_cues.search(" ".join(words[-_WINDOW_WORDS:]))
    if m is not None:
        modality = m.lastgroup or "planned"
    elif generic.search(" ".join(all_words[-_WINDOW_WORDS:])):
        modality = "generic"
    if modality == "asserted" and _CONTINUES.match(view, e):
        modality = "generic"  # "where strikes continue": an ongoing state, not one event
    if modality == "asserted" and lex.habitual:
        hab = habitual.get(s0)
        if hab is None:
            hab = habitual[s0] = lex.habitual.search(view, s0, s1) is not None
        if hab:
            modality = "generic"
    return negated, modality


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
