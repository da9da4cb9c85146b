"""Stage ``segment``: paragraphs and sentences with character spans.

Scraped reports use one line per paragraph, caption or list item, so a paragraph is a
non-empty line. Each paragraph gets a kind (body, heading, caption, list_item, quote
— a line that is a quotation such as a slogan —, boilerplate) because captions and headings follow other rules than body text (a caption
dates itself; a related-article headline is not a report of an event). A paragraph whose
whitespace-normalised text appeared before gets ``repeat_of`` so its events are not
produced twice.

The sentence splitter is hand-written: rule-based splitters on PyPI (pysbd) cost about a
millisecond per sentence, which alone would break the 1,000 documents/s target; the rules
needed here (abbreviations, closing quotes, initials) fit in one regex pass.
"""

from __future__ import annotations

import re

from ..config import Options
from ..doc import Doc, Segment
from ..models import Span
from ..textutil import normalize_ws

__all__ = ["SegmentStage", "paragraph_kind", "split_sentences"]

_QUOTE_OPEN = "\"“«‘'„"
_BULLET = re.compile(r"^\s*(?:[•·▪◦●\-*–]|\d{1,3}[.)])\s+")
_TERMINAL = re.compile(r"[.!?…:;]['\"”’)\]]*\s*$")
# "Tehran – ...", "Mashhad- ...", "Several cities – ..." at the start of a short line
_CAPTION_LEAD = re.compile(r"^[A-Z][\w'’.\- ]{1,40}?\s*[–—]\s*\S|^[A-Z][\w'’.]{1,25}(?: [A-Z][\w'’.]{1,25}){0,2}\s?-\s+\S")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# a date at the start or the end of a line, set off by a dash: "– October 10, 2020", "August 29,2020-"
_CAPTION_DATE = re.compile(
    rf"[–—-]\s*(?:the (?:first|second|third|last) week of )?(?:\d{{1,2}} )?(?:{_MONTHS})\.?(?: \d{{1,2}})?,?\s*\d{{4}}\s*\.?$"
    rf"|^(?:{_MONTHS})\.? \d{{1,2}},\s*\d{{4}}\s*[–—-]",
    re.IGNORECASE,
)
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "capt", "sgt", "gov", "sen",
    "rep", "rev", "no", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "inc", "co", "corp", "ltd", "approx", "est", "fig", "al",
}
_SENT_END = re.compile(r"[.!?…]+['\"”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9\u0600-\u06FF])")


def paragraph_kind(line: str, is_boilerplate: bool) -> str:
    """Classify one paragraph line (see module doc)."""
    if is_boilerplate:
        return "boilerplate"
    s = line.strip()
    if _BULLET.match(s):
        return "list_item"
    if s[0] in _QUOTE_OPEN:
        return "quote"
    if len(s) <= 200 and _CAPTION_DATE.search(s):  # a long line with a leading date is a dateline lede
        return "caption"
    words = s.split()
    if len(s) <= 240 and _CAPTION_LEAD.match(s) and not _TERMINAL.search(s):
        return "caption"
    if not _TERMINAL.search(s) and len(words) <= 25:
        letters = [c for c in s if c.isalpha()]
        # alt text of an image: a short all-lower-case line without punctuation
        if letters and s == s.lower() and all(c.isascii() for c in letters):
            return "caption"
        return "heading"
    return "body"


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (absolute offsets)."""
    out: list[tuple[int, int]] = []
    seg_start = start
    for m in _SENT_END.finditer(text, start, end):
        cut = m.end()
        # the word before the full stop: an abbreviation or an initial does not end a sentence
        before = text[max(seg_start, m.start() - 12) : m.start()].split()
        last = before[-1].lower().lstrip("(\"“") if before else ""
        if m.group().startswith(".") and (last in _ABBREV or (len(last) == 1 and last.isalpha())):
            continue
        if cut - seg_start > 1:
            out.append((seg_start, cut))
        seg_start = cut
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
    if seg_start < end:
        tail_end = end
        while tail_end > seg_start and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > seg_start:
            out.append((seg_start, tail_end))
    return out


class SegmentStage:
    name = "segment"
    requires: tuple[str, ...] = ("view", "boilerplate")
    assigns: tuple[str, ...] = ("paragraphs", "sentences")

    def __call__(self, doc: Doc, options: Options) -> None:
        view = doc.view
        boiler = {b.start: reason for b, reason in doc.boilerplate}
        paragraphs: list[Segment] = []
        sentences: list[Segment] = []
        seen: dict[str, int] = {}
        pos = 0
        for line in view.split("\n"):
            line_end = pos + len(line)
            lead = len(line) - len(line.lstrip())
            stripped = line.strip()
            if stripped:
                s, e = pos + lead, pos + lead + len(stripped)
                kind = paragraph_kind(stripped, s in boiler)
                key = normalize_ws(stripped).casefold()
                repeat_of = seen.get(key)
                index = len(paragraphs)
                if repeat_of is None:
                    seen[key] = index
                para = Segment(Span(s, e), kind, index, index, repeat_of)
                paragraphs.append(para)
                if kind == "body" or kind == "list_item":
                    spans = split_sentences(view, s, e)
                else:
                    spans = [(s, e)]  # headings and captions are one unit
                for ss, se in spans:
                    sentences.append(Segment(Span(ss, se), kind, len(sentences), index, repeat_of))
            pos = line_end + 1
        doc.paragraphs = paragraphs
        doc.sentences = sentences
