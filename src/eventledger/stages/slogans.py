"""Slogans: quoted texts attached to the event they were written, chanted or shown at.

A slogan belongs to the events of its own sentence, or — for a block of quoted lines
introduced by "Their slogans read:" — to the events of the paragraph before the block.
Near-identical slogans are grouped with :func:`slogan_key` ("hail to" ~ "viva" ~ "long live"),
which the cross-document deduper can use too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from ..doc import Doc
from ..models import Event, Evidence
from .lexmatch import sentence_index

__all__ = ["slogan_key", "same_slogan", "attach_slogans"]

_SYNONYMS = [
    (re.compile(r"\b(?:hail to|viva|long live|salute to)\b"), "long live"),
    (re.compile(r"\b(?:death to|down with)\b"), "down with"),
    (re.compile(r"\bsupreme leader\b"), "leader"),
    (re.compile(r"\bmullahs?\b"), "mullah"),
]


_NON_ALNUM = re.compile(r"[\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=4096)
def slogan_key(text: str) -> str:
    """A folded, synonym-normalised form of a slogan for grouping."""
    k = _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold().replace("'", "").replace("’", "")
    k = _NON_ALNUM.sub(" ", k)
    for pat, rep in _SYNONYMS:
        k = pat.sub(rep, k)
    return " ".join(k.split())


def same_slogan(a: str, b: str, threshold: float = 90.0) -> bool:
    ka, kb = slogan_key(a), slogan_key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= threshold


def _add(slogans: list[str], text: str) -> None:
    text = " ".join(text.split()).strip(" .,")
    if text and not any(same_slogan(text, s) for s in slogans):
        slogans.append(text)


_INTRO = re.compile(r"(?:read|reads|read as follows|included the following|include|included|chanted|chanting|such as|slogans?)\s*:?\s*$", re.I)


def attach_slogans(doc: Doc, events: list[Event], skip: set[int]) -> None:
    """Fill ``Event.slogans`` in place (events are frozen: the list items are replaced)."""
    slogan_quotes = [q for q in doc.quotes if q.kind == "slogan"]
    if not events or not slogan_quotes:
        return
    index = sentence_index(doc)
    by_sentence: dict[int, list[int]] = {}
    by_paragraph: dict[int, list[int]] = {}
    for k, e in enumerate(events):
        for ev in e.evidence:
            if ev.role != "sentence":
                continue
            s = index.at(ev.span.start)
            if s is None:
                continue
            by_sentence.setdefault(s.index, []).append(k)
            by_paragraph.setdefault(s.paragraph, []).append(k)
    added: dict[int, list[tuple[str, Evidence]]] = {}
    for q in slogan_quotes:
        s = index.at(q.span.start)
        if s is None:
            continue
        targets = by_sentence.get(s.index)
        if not targets:
            targets = _block_owner(doc, s.paragraph, by_paragraph)
        for k in targets or ():
            added.setdefault(k, []).append((q.text, Evidence(doc.id, q.span, "slogan")))
    grouped: dict[tuple[str, ...], tuple[str, ...]] = {}  # events of one block share their slogans
    for k, items in added.items():
        e = events[k]
        texts = tuple(t for t, _ in items)
        if not e.slogans and texts in grouped:
            slogans = list(grouped[texts])
        else:
            slogans = list(e.slogans)
            for text in texts:
                _add(slogans, text)
            if not e.slogans:
                grouped[texts] = tuple(slogans)
        evidence = list(e.evidence)
        seen = set(evidence)
        evidence += [ev for _, ev in items if ev not in seen]
        events[k] = replace(e, slogans=tuple(slogans), evidence=tuple(evidence))


def _block_owner(doc: Doc, para_index: int, by_paragraph: dict[int, list[int]]) -> list[int] | None:
    """Walk back over the quoted lines and a short introducing line to the paragraph that
    reported the events; a block after a paragraph without events belongs to no event."""
    paras = doc.paragraphs
    j = para_index
    text = lambda p: doc.view[p.span.start : p.span.end].strip()  # noqa: E731
    if j >= len(paras):
        return None
    if not text(paras[j])[:1] in "“\"«•-*" and paras[j].kind not in ("quote", "list_item"):
        return None
    j -= 1
    steps = 0
    while j >= 0 and steps < 40:
        p = paras[j]
        t = text(p)
        if p.kind in ("quote", "list_item", "caption", "boilerplate") or t[:1] in "“\"«•":
            j -= 1
            steps += 1
            continue
        if len(t) < 120 and _INTRO.search(t):
            j -= 1
            steps += 1
            continue
        return by_paragraph.get(p.index)
    return None
