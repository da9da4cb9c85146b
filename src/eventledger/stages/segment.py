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
# an ordinal day ("August 29th, 2020", "29th August 2020": the same caption date)
_ORD = "(?:st|nd|rd|th)?"
# a date at the start or the end of a line, set off by a dash: "– October 10, 2020", "August 29,2020-"
_CAPTION_DATE = re.compile(
    rf"(?<!\d)[–—-]\s*(?:the (?:first|second|third|last) week of )?(?:\d{{1,2}}{_ORD} )?(?:{_MONTHS})\.?(?: \d{{1,2}}{_ORD})?,?\s*\d{{4}}\s*\.?$"
    rf"|^(?:{_MONTHS})\.? \d{{1,2}}{_ORD},\s*\d{{4}}\s*[–—-]",
    re.IGNORECASE,
)
# a photo caption ending in its date after a comma, with words before it: "Mothers at the
# cemetery, Tehran, December 11, 2025" (not a bare "Tehran, December 11, 2025")
_CAPTION_COMMA_DATE = re.compile(
    rf"\w[^,]*\s[^,]*,\s*(?:[A-Z][\w'’.\- ]{{1,30}},\s*)?(?i:{_MONTHS})\.? \d{{1,2}},\s*\d{{4}}$"
)
# a labelled line of names, one group of a list: "Tehran province: Tehran, Pakdasht, Varamin"
_LABELLED_LIST = re.compile(
    r"[A-Z][\w'’.\- ]{1,40}:\s+[A-Z][\w'’.\- ]{1,30}(?:,\s*(?:and\s+)?[A-Z][\w'’.\- ]{1,30})+\.?\s*$"
)
# a photo caption with its date between dashes after the place: "Kazerun, Iran – June 1, 2025 –
# Youths set fire to ...", "Jiroft – 2025 – Slogans at the city entrance"
_CAPTION_MID_DATE = re.compile(
    rf"[A-Z][\w'’.\- ]{{1,40}}?(?:, [A-Z][\w'’.\- ]{{1,30}}?)?\s+[–—-]\s+"
    rf"(?i:(?:{_MONTHS})\.? (?:\d{{1,2}}{_ORD},?\s*)?)?\d{{4}}\s*[–—-]\s+\S"
)
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "capt", "sgt", "gov", "sen",
    "rep", "rev", "no", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "inc", "co", "corp", "ltd", "approx", "est", "fig", "al",
}
# a line holding only a name or two ("Tehran", "Shahin Shahr", "Khomeyni Shahr (Isfahan)"): under a
# line ending in a colon ("... in the following cities:") it is a list line though it has no bullet
_NAME_LINE = re.compile(r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3}(?: \([A-Z][\w'’ .\-]*\))?")
# ... but not a day's or a month's heading ("The reports, day by day:" / "Sunday" / "Posters ...")
_DAY_OR_MONTH = re.compile(rf"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|{_MONTHS})\b")


def _name_lines_to_list(blocks: list) -> None:
    """Relabel a run of two or more bare name lines ("Tehran", "Karaj") right under a line that
    ends in a colon from heading to list_item: one town a line, with no bullet."""
    k = 0
    while k < len(blocks):
        if blocks[k][4] != "boilerplate" and blocks[k][3].rstrip().endswith(":"):
            j = k + 1
            while j < len(blocks) and blocks[j][4] == "heading" and len(blocks[j][3]) <= 50 \
                    and _NAME_LINE.fullmatch(blocks[j][3]) and not _DAY_OR_MONTH.match(blocks[j][3]):
                j += 1
            if j - k > 2:
                for n in range(k + 1, j):
                    blocks[n] = blocks[n][:4] + ("list_item",)
            k = max(j, k + 1)
        else:
            k += 1
_SENT_END = re.compile(r"[.!?…]+['\"”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9\u0600-\u06FF])")


#: a news paragraph that opens with a quotation and goes on to its speaker and more ("\"Police forces
#: dispersed the rioters,\" Azizi said, adding that 31 people had been arrested ..."): prose, not a
#: slogan line (a slogan line is the quotation alone)
_QUOTE_THEN_SPEAKER = re.compile(
    r"[\"“«‘'„][^\"“”«»\n]{3,400}?[,.!?]?[\"”»’'],?\s+(?:[\w'’.-]+\s+){0,6}?"
    r"(?:said|says|told|added|stated|announced|warned|wrote|explained|insisted|noted|declared)\b")


def paragraph_kind(line: str, is_boilerplate: bool) -> str:
    """Classify one paragraph line (see module doc)."""
    if is_boilerplate:
        return "boilerplate"
    s = line.strip()
    if _BULLET.match(s):
        return "list_item"
    if s[0] in _QUOTE_OPEN and not _QUOTE_THEN_SPEAKER.match(s):
        # (a headline that opens with a quoted phrase and goes on without a full stop, '"No to
        # executions": a weekend of rallies from Paris to Toronto', is a title, not a quotation)
        if not _ends_terminal(s) and len(s.split()) <= 25 and _goes_on_after_quote(s):
            return "heading"
        return "quote"
    if len(s) <= 240 and ":" in s and _LABELLED_LIST.match(s):
        return "list_item"  # "Gilan: Rasht, Lahijan, Langarud" under "... the following cities:"
    # (a long line with a leading date is a dateline lede; the cheap tests first: both
    # caption-date forms need a dash, and end in a year or start with a month)
    if len(s) <= 200 and _has_dash(s) and (s.rstrip(".").rstrip()[-1:].isdigit() or s[0] in _MONTH_INITIALS) \
            and _CAPTION_DATE.search(s):
        return "caption"
    if len(s) <= 240 and _has_dash(s) and _CAPTION_MID_DATE.match(s):
        return "caption"
    terminal = _ends_terminal(s)
    if len(s) <= 240 and not terminal and _CAPTION_LEAD.match(s):
        return "caption"
    if len(s) <= 200 and not terminal and s[-1:].isdigit() and "," in s and _CAPTION_COMMA_DATE.search(s):
        return "caption"  # "Graffiti in Shiraz, October 9, 2024": a photo's words, then its place and day
    if terminal and s.endswith("?") and len(s.split()) <= 16 and _QUESTION_HEADLINE.match(s):
        # a headline that asks ("Fact check: How many died in the Dorud protests?"): one question and
        # nothing else on its line, not a speaker's ("QUESTION: ...", "Q: ...") in a transcript
        return "heading"
    if not terminal and len(s.split()) <= 25:
        # alt text of an image: a short all-lower-case line without punctuation
        if s == s.lower():
            letters = [c for c in s if c.isalpha()]
            if letters and all(c.isascii() for c in letters):
                return "caption"
        return "heading"
    return "body"


def _goes_on_after_quote(s: str) -> bool:
    """A colon or a dash, then more than three words, follow the quotation that opens the line."""
    close = min((i for i in (s.find(c, 1) for c in _QUOTE_CLOSE_MARKS) if i > 0), default=-1)
    if close < 0:
        return False
    rest = s[close + 1 :].lstrip()
    return rest[:1] in (":", "-", "\u2013", "\u2014") and len(rest[1:].split()) > 3


_QUOTE_CLOSE_MARKS = ('"', "\u201d", "\u2019")
_MONTH_INITIALS = frozenset("jfmasondJFMASOND")
_TERMINAL_CHARS = frozenset(".!?…:;")
_CLOSERS = "'\"”’)]"


def _has_dash(s: str) -> bool:
    return "-" in s or "–" in s or "—" in s


#: a one-sentence question line (no full stop inside), perhaps after a rubric ("Fact check:",
#: "Explainer:"), not opened by a speaker's label ("Q:", "QUESTION:", "Mizan:")
_QUESTION_HEADLINE = re.compile(
    r"(?:(?:Fact[- ]check|Explainer|Analysis|Verified|Q&A)\s*[:|–-]\s*)?"
    r"(?:How|What|Who|Why|Where|When|Which|Did|Does|Do|Was|Were|Is|Are|Can|Could|Has|Have)\b[^.!:;]*\?$")


def _ends_terminal(s: str) -> bool:
    """``_TERMINAL.search(s)`` without trying every position: the line ends with a
    terminal mark, then closing quotes or brackets, then white space."""
    tail = s.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL_CHARS


#: the longest sentence kept whole. Prose sentences stay far below it (the longest in the dev,
#: held-out and example reports is about 520 characters); a run of text without a full stop
#: (a flattened table, a transcript) is cut into pieces of at most this length, because the
#: recognisers weigh the mentions of a sentence against each other (pairs of numbers and
#: sources): their cost grows with the square of a sentence's length
MAX_SENTENCE_CHARS = 2000


def _append_bounded(out: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    """Append the sentence ``(s, e)``, cut at white space into pieces of at most
    MAX_SENTENCE_CHARS when it is longer."""
    while e - s > MAX_SENTENCE_CHARS:
        cut = s + MAX_SENTENCE_CHARS
        space = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, cut)
        if space > s:
            cut = space
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((s, piece_end if piece_end > s else cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))


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
        if m.group().startswith(".") and seg_start == start and last.isdigit() and len(last) <= 3 \
                and text[seg_start : m.start()].strip() == last:
            continue  # "1. Tehran": the number of a numbered line, not a sentence of its own
        if cut - seg_start > 1:
            _append_bounded(out, text, seg_start, cut)
        seg_start = cut
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
    if seg_start < end:
        tail_end = end
        while tail_end > seg_start and text[tail_end - 1].isspace():
            tail_end -= 1
        if tail_end > seg_start:
            _append_bounded(out, text, seg_start, tail_end)
    return out


_ENDS_SENTENCE = re.compile(r"[.!?…:;]['\"”’)\]]*$")
# a line that stops on a comma or a function word was cut in mid-sentence
_ENDS_MID_SENTENCE = re.compile(
    r"(?:,|\b(?:in|of|the|a|an|and|or|to|at|on|for|with|from|by|as|that|which|who|near|into|than))$",
    re.IGNORECASE)


def _lines(view: str) -> list[tuple[int, int, bool]]:
    """Non-empty lines as (start, end, blank line before) with surrounding spaces trimmed."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    blank = True
    for line in view.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), blank))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


def _wrap_width(lines: list[tuple[int, int, bool]]) -> int | None:
    """The column a hard-wrapped text (e-mail, plain-text bulletin) breaks at, or None.

    Scraped pages put a paragraph on one line; a hard-wrapped text breaks every line near
    the same width, so most of its longer lines have about the same length."""
    lengths = sorted(e - s for s, e, _ in lines if e - s >= 40)
    if len(lengths) < 4 or lengths[-1] > 130:
        return None
    width = lengths[int(len(lengths) * 0.8) - 1 if len(lengths) >= 5 else -1]
    near = sum(1 for n in lengths if n >= 0.6 * width)
    return width if near >= 0.6 * len(lengths) else None


def _blocks(view: str, boiler: set[int]) -> tuple[list[tuple[int, int]], bool]:
    """Paragraph spans: a line, or consecutive lines that continue one paragraph (a soft
    continuation starting in lower case, or the lines of a hard-wrapped text); and whether the
    text is hard-wrapped."""
    lines = _lines(view)
    width = _wrap_width(lines)
    blocks: list[tuple[int, int]] = []
    prev: tuple[int, int, bool] | None = None
    for s, e, blank in lines:
        cur = view[s:e]
        if prev is not None and not blank and s not in boiler and prev[0] not in boiler \
                and not _BULLET.match(cur) and not cur.startswith("#"):
            prev_text = view[prev[0] : prev[1]]
            if width is not None:
                joined = prev[1] - prev[0] >= 0.6 * width  # the previous line was wrapped
            else:
                joined = not _ENDS_SENTENCE.search(prev_text) and (
                    cur[0].islower() or cur[0].isdigit() or bool(_ENDS_MID_SENTENCE.search(prev_text)))
            if joined:
                blocks[-1] = (blocks[-1][0], e)
                prev = (s, e, blank)
                continue
        blocks.append((s, e))
        prev = (s, e, blank)
    return blocks, width is not None


class SegmentStage:
    name = "segment"
    requires: tuple[str, ...] = ("view", "boilerplate")
    assigns: tuple[str, ...] = ("paragraphs", "sentences")

    def __call__(self, doc: Doc, options: Options) -> None:
        view = doc.view
        boiler = {b.start for b, _ in doc.boilerplate}
        paragraphs: list[Segment] = []
        sentences: list[Segment] = []
        seen: dict[str, int] = {}
        block_spans, wrapped = _blocks(view, boiler)
        if wrapped and any("\n" in view[s:e] for s, e in block_spans):
            # a hard-wrapped paragraph's line breaks are spaces to every later stage (names and
            # phrases broken over two lines: "the People's Mojahedin\nOrganization"); the view
            # keeps its length, so every offset still points into the stored text (a soft
            # continuation keeps its line break: a post's time line under its text is still a line)
            parts, last = [], 0
            for s, e in block_spans:
                parts += (view[last:s], view[s:e].replace("\n", " "))
                last = e
            parts.append(view[last:])
            view = doc.view = "".join(parts)
        blocks = []
        for s, e in block_spans:
            text = view[s:e]
            flat = " ".join(text.split()) if "\n" in text else text
            blocks.append((s, e, text, flat, paragraph_kind(flat, s in boiler)))
        _name_lines_to_list(blocks)
        for s, e, text, flat, kind in blocks:
            key = (flat if "\n" in text else " ".join(text.split())).casefold()  # text is the view already
            repeat_of = seen.get(key)
            index = len(paragraphs)
            if repeat_of is None:
                seen[key] = index
            paragraphs.append(Segment(Span(s, e), kind, index, index, repeat_of))
            if kind == "body" or kind == "list_item":
                spans = split_sentences(view, s, e)
            else:
                spans = [(s, e)]  # headings and captions are one unit
            for ss, se in spans:
                sentences.append(Segment(Span(ss, se), kind, len(sentences), index, repeat_of))
        doc.paragraphs = paragraphs
        doc.sentences = sentences
