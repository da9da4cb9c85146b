"""Quoted texts (slogans, statements) and attributions ("according to X", "X reported").

Hand-written patterns: no maintained library recognises English reporting-verb
attributions with character offsets, and the cue lists live in ``lexicons/attribution.toml``
so they can be reviewed and extended without touching code.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from dataclasses import dataclass

from ..doc import Attribution, Doc, Quote
from ..models import Span
from .lexmatch import KeyedPatterns

__all__ = ["find_quotes", "find_attributions", "normalise_source"]

# “…”  "…"  «…»  — never across a paragraph break; a quote left open runs to the line end
# (reports often drop the closing mark of a list item).
_QUOTE_RE = re.compile(r"“([^”\n]{1,1500})(?:”|(?=\n))|\"([^\"\n]{1,1500})\"|«([^»\n]{1,1500})»")
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|say|stated|states|told|added|adds|declared|wrote|writes|asked|asserted|"
    r"tweeted|announced|as saying|question|remarks?)\b[^“\"«\n]{0,40}$",
    re.I,
)
# "Ali Shamkhani, security official: “…”" is a statement; "Their slogans read: “…”" is not
_COLON_BEFORE = re.compile(r":\s*$")
_SLOGAN_CUES = re.compile(r"\b(?:slogans?|reads?|banners?|signs?|posters?|placards?|chant\w*|graffiti|wr(?:ote|itten)|messages?|following)\b", re.I)
_STATEMENT_AFTER = re.compile(
    r"^[,.!?]?\s*(?:[”\"»]\s*)?(?:,\s*)?(?:said|says|stated|added|told|wrote|declared|asked)\b", re.I
)
_SCARE_BEFORE = re.compile(r"\b(?:so-called|purported|alleged|regime|of|as)\s*$", re.I)


def find_quotes(doc: Doc) -> list[Quote]:
    view = doc.view or doc.text
    out: list[Quote] = []
    for m in _QUOTE_RE.finditer(view):
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        start, end = m.start(g), m.end(g)
        body = view[start:end]
        # trim trailing punctuation/space that sits inside the marks of an open quote
        while end > start and view[end - 1] in " \t":
            end -= 1
        if end <= start:
            continue
        text = doc.text[start:end]
        before = view[max(0, m.start() - 60) : m.start()]
        after = view[m.end() : m.end() + 30]
        words = body.split()
        line_before = before.rsplit("\n", 1)[-1]
        if (
            _STATEMENT_BEFORE.search(before)
            or _STATEMENT_AFTER.search(after)
            or (_COLON_BEFORE.search(line_before) and not _SLOGAN_CUES.search(line_before))
        ):
            kind = "statement"
        elif len(words) <= 3 and (body[:1].islower() or _SCARE_BEFORE.search(before)):
            kind = "term"  # scare quotes around a word ("experts"): neither slogan nor statement
        else:
            kind = "slogan"
        out.append(Quote(Span(start, end), text, kind))
    return out


# ---------------------------------------------------------------------------------------
# attributions


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    text = resources.files("eventledger").joinpath("lexicons/attribution.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# A source noun phrase: capitalised words with connectors, optionally preceded by a
# lower-case descriptor ("the state media", "many experts close to the regime").
_CAP = r"[A-Z](?:[\w'’&-]|\.(?=[A-Za-z]))*"  # "U.S" but not "HRANA." at a sentence end
_NP_CAP = rf"(?:the |The )?{_CAP}(?:,? (?:{_CAP}|of|the|for|and|de|al)){{0,7}}"
_NP_LOW = (
    r"(?:the |The |many |some |several |Many |Some |Several )?(?:[\w'’]+'s )?(?:[A-Z][\w'’-]* ){0,3}"
    r"(?i:(?:state|state-run|official|local|regime|Iranian|independent|informed|rights|human rights|close)[ -])*"
    r"(?:media|officials?|sources?|experts?|witnesses|activists|groups?|monitors?|resistance|"
    r"news agency|agency|newspaper|website|daily|outlets?|television|TV|radio|"
    r"prosecutor(?: of {_CAP})?|tally of different reports)"
)
_NP = rf"(?:{_NP_CAP}|{_NP_LOW})"


@dataclass(frozen=True, slots=True)
class _AttrPatterns:
    cues: KeyedPatterns  # keys: "verb" | "before" | "saying"
    verb_src: re.Pattern[str]  # source right before a reporting verb (searched up to the verb)
    before_src: re.Pattern[str]  # source right after "according to" (matched at its end)
    quoted_src: re.Pattern[str]  # "X quoted Y as saying" (searched up to "as saying")
    quoted_by: re.Pattern[str]  # "Y was quoted by X as saying"
    literal: tuple[re.Pattern[str], ...]  # patterns with a literal first character: run as is


@lru_cache(maxsize=1)
def _patterns() -> _AttrPatterns:
    lex = _lexicon()
    cues = [("verb", re.escape(v)) for v in lex["report_verbs"]]
    cues += [("before", re.escape(b)) for b in lex["before_source"]]
    cues.append(("saying", "as saying"))
    src = rf"(?<![\w'’])(?P<src>{_NP})"
    return _AttrPatterns(
        cues=KeyedPatterns(cues),
        verb_src=re.compile(rf"{src}(?:\s*\([^)]{{1,40}}\))?(?:,\s*(?P<app>[^,\n]{{2,80}}),)?,?\s+(?:also |again |further |recently |has |have |had )*$"),
        before_src=re.compile(rf"\s+(?P<src>{_NP})"),
        quoted_src=re.compile(rf"{src}\s+quoted\s+(?P<spk>[^,.;:]{{2,80}}?)\s+as saying$"),
        quoted_by=re.compile(rf"(?<![\w'’])(?P<spk>{_NP})(?:,[^,]{{2,60}},)?\s+(?:was|were) quoted by\s+(?P<src>{_NP})\s+as saying$"),
        literal=(
            # '“…,” said Mike Pence'
            re.compile(rf"[”\"]\s*,?\s*(?P<cue>said|says|stated|added|wrote)\s+(?P<src>(?:[a-z]+ ){{0,4}}{_NP_CAP})"),
            # 'Ali Shamkhani, Secretary for the Council: “…”' (speaker line)
            re.compile(rf"(?m)^(?P<src>{_NP_CAP})(?:,[^:\n“]{{2,90}})?:\s*(?=[“\"])"),
            # "(Tabnak website, November 18)"
            re.compile(lex["source_paren"]),
        ),
    )


def _matches(doc: Doc, view: str) -> list[tuple[re.Match[str], str, int]]:
    """Every attribution match with its cue; the costly source patterns run only next to a cue."""
    pats = _patterns()
    out: list[tuple[re.Match[str], str, int]] = []
    for s, e, key in pats.cues.finditer(view):
        sent = doc.sentence_at(s)
        lo = max(sent.span.start if sent else 0, s - 200)
        if key == "verb":
            m = pats.verb_src.search(view, lo, s)
            if m:
                out.append((m, view[s:e].lower(), e))
        elif key == "before":
            m = pats.before_src.match(view, e, sent.span.end if sent else len(view))
            if m:
                out.append((m, view[s:e].lower(), m.end()))
        else:
            lo = max(sent.span.start if sent else 0, e - 260)
            m = pats.quoted_src.search(view, lo, e) or pats.quoted_by.search(view, lo, e)
            if m:  # first, so that the plain "quoted" verb cue does not take its source
                out.insert(0, (m, "quoted as saying", m.end()))
    for k, pat in enumerate(pats.literal):
        for m in pat.finditer(view):
            out.append((m, "source" if k == len(pats.literal) - 1 else (m.groupdict().get("cue") or "said"), m.end()))
    return out


_THE = re.compile(r"^(?:the|The)\s+")
_STOP_SOURCES = re.compile(
    r"^(?:the |The )?(?:It|This|That|These|Those|They|He|She|We|I|There|Also|However|But|And|In|On|At|As|When|While)\b"
)


def normalise_source(text: str) -> str:
    """Map a source phrase to a known organisation name where the actor list knows it."""
    from .actors import normalise_actor_name

    src = " ".join(text.split()).strip(" ,.;:")
    src = _THE.sub("", src)
    known = normalise_actor_name(src, ("opposition", "media", "monitor"))
    return known or src


def find_attributions(doc: Doc, quotes: list[Quote] | None = None) -> list[Attribution]:
    view = doc.view or doc.text
    quotes = quotes if quotes is not None else doc.quotes
    out: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for m, cue, cue_end in _matches(doc, view):
        gd = m.groupdict()
        if cue == "source":  # parenthetical source
            src_span = Span(m.start(1), m.end(1))
        else:
            src_span = Span(m.start("src"), m.end("src"))
            # "the main opposition group, the People's Mojahedin ..., has determined": the
            # appositive names the source better than the description before it
            if gd.get("app") and view[src_span.start : src_span.end][:1].islower():
                from .actors import normalise_actor_name

                if normalise_actor_name(_THE.sub("", gd["app"].strip())):
                    src_span = Span(m.start("app"), m.end("app"))
        src_text = view[src_span.start : src_span.end]
        if _STOP_SOURCES.match(src_text) and not src_text.lower().startswith("the "):
            continue
        if (src_span.start, src_span.end) in seen:
            continue
        seen.add((src_span.start, src_span.end))
        if cue == "source":
            para = doc.paragraph_at(m.start())
            scope = Span(para.span.start if para else max(0, m.start() - 600), cue_end)
        else:
            scope = _scope(doc, m.start(), cue_end)
            # a quote that starts right after the cue belongs to it, however many sentences it runs
            for q in quotes:
                if 0 <= q.span.start - cue_end <= 3 and q.span.end > scope.end:
                    scope = Span(scope.start, q.span.end + 1)
        if gd.get("spk"):
            spk = Span(m.start("spk"), m.end("spk"))
            out.append(Attribution(spk, normalise_source(view[spk.start : spk.end]), "as saying", scope))
        out.append(Attribution(Span(min(m.start(), src_span.start), cue_end), normalise_source(src_text), cue.lower(), scope))
    out.sort(key=lambda a: (a.span.start, a.span.end))
    return out


def _scope(doc: Doc, start: int, end: int) -> Span:
    """The statement an attribution covers: its sentence, extended over a quote that runs on."""
    s = doc.sentence_at(start)
    if s is None:
        return Span(start, end)
    e = doc.sentence_at(max(end - 1, start))
    stop = e.span.end if e is not None else s.span.end
    return Span(s.span.start, max(stop, end))
