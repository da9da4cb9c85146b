"""Place headings: a line that is nothing but a place name, and the lines told under it.

Bulletins and activity reports often lay a day out by town::

    Tehran:
    - Posters of ... were put up in several districts.
    - Leaflets were distributed.

    Tabriz:
    - Youths set fire to a banner of ...

The bullet lines name no place of their own: each is about the town of the heading above
it (each of them, for "In Tehran and Karaj:"; a day in the heading dates them by the
usual carry-forward). A heading governs the run of bullet lines right after it, or, when no
bullet line follows, the one paragraph after it. Identical lines under two headings ("Leaflets were
distributed." in Tehran and in Shiraz) are two acts, not a repeated paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..doc import DateMention, Doc, PlaceMention

__all__ = ["place_sections"]

#: a place heading is short: names, not a sentence
_MAX_HEADING_CHARS = 60
#: the words a heading may hold besides its places and its date ("In Tehran and Karaj:",
#: "1. Tabriz", "Isfahan province — June 10:")
_HEADING_WORDS = frozenset({"in", "and", "on", "province", "county", "city", "the", "region"})
_WORD = re.compile(r"[^\W\d_]+|\d+")
#: a campus heading names its institution before the town (">> Amirkabir University of
#: Technology, Tehran", "University of Tabriz"): with one of these words, the other words may
#: be the institution's capitalised name
_INSTITUTION_WORDS = frozenset({"university", "college", "institute", "polytechnic", "campus"})
_INSTITUTION_SMALL = frozenset({"of", "for", "and", "the"})
_GLOSS = re.compile(r"\([^()\n]{1,30}\)")


def _whole_paragraph(doc: Doc, i: int) -> bool:
    """Is sentence ``i`` the whole of its paragraph?"""
    sents, sent = doc.sentences, doc.sentences[i]
    return not ((i > 0 and sents[i - 1].paragraph == sent.paragraph)
                or (i + 1 < len(sents) and sents[i + 1].paragraph == sent.paragraph))


def _heading_places(doc: Doc, view: str, i: int, places: Sequence[PlaceMention],
                    dates: Sequence[DateMention]) -> tuple[PlaceMention, ...]:
    """The places of sentence ``i`` when it is a whole paragraph holding only place names,
    perhaps a day, and joining words ("Tehran:", "In Tehran and Karaj —", "June 10, Tabriz:",
    "1. Rasht"); else ()."""
    sent = doc.sentences[i]
    if not _whole_paragraph(doc, i):
        return ()  # one sentence of several: no heading
    named = [p for p in places if sent.span.contains(p.span)]
    if not named or any(p.place.precision not in (1, 2, 3) for p in named):
        return ()
    cut = sorted([p.span for p in named] + [d.span for d in dates if sent.span.contains(d.span)], key=lambda x: x.start)
    rest, pos = [], sent.span.start
    for sp in cut:
        if sp.start < pos:
            return ()  # (overlapping mentions: not a plain list of names)
        rest.append(view[pos : sp.start])
        pos = sp.end
    rest.append(view[pos : sent.span.end])
    # (a gloss in brackets names the day's occasion: "Ahvaz — Sunday, July 6 (Ashura):")
    words = _WORD.findall(_GLOSS.sub(" ", " ".join(rest)))
    if words and words[0].isdigit() and view[sent.span.start : sent.span.end].lstrip()[:1].isdigit():
        words = words[1:]  # "1. Rasht": the number of a numbered heading
    if any(w.lower() not in _HEADING_WORDS for w in words) \
            and not _institution_heading(words, _WORD.findall(view[sent.span.start : sent.span.end])):
        return ()
    towns = {p.place.admin1 for p in named if p.place.precision == 1}
    if towns and any(p.place.precision == 3 for p in named):
        # "University of Kurdistan, Sanandaj": a province beside a town of its own is a name's part
        named = [p for p in named if p.place.precision != 3 or p.place.admin1 not in towns]
    return tuple(named)


def _institution_heading(words: Sequence[str], heading: Sequence[str]) -> bool:
    """The words left of a heading once its places are cut out (``words``) name a university or
    college: an institution word in the ``heading``, every other word capitalised or a small
    joining word."""
    if not any(w.lower() in _INSTITUTION_WORDS for w in heading):
        return False
    return all(w[:1].isupper() or w.lower() in _HEADING_WORDS or w.lower() in _INSTITUTION_SMALL for w in words)


#: between the place and the date of a photo's caption line: a finer place, "night of"
#: ("Tabriz, El Goli park, April 2, 2026", "Kerman, night of April 1, 2026")
_CAPTION_MIDDLE = re.compile(r"(?:,\s*[A-Z][\w'\u2019\- ]{0,40}?)?,\s*(?:(?:the\s+)?(?:night|evening|morning|afternoon)\s+of\s+)?")


def caption_line(view: str, span, places: Sequence[PlaceMention],
                 dates: Sequence[DateMention]) -> tuple[PlaceMention, DateMention] | None:
    """The place and the date of the short line at ``span`` when it is laid out as a photo's
    caption under the text it shows: "<place>[, <finer place>], <date>"; else None."""
    if span.end - span.start > _MAX_HEADING_CHARS + 20:
        return None
    places = [p for p in places if span.start <= p.span.start and p.span.end <= span.end]
    dates = [d for d in dates if span.start <= d.span.start and d.span.end <= span.end]
    if not places or not dates:
        return None
    first = min(places, key=lambda p: p.span.start)
    if first.place.precision not in (1, 2, 3) or view[span.start : first.span.start].strip():
        return None
    last = max(dates, key=lambda d: d.span.end)
    if last.range.start is None or view[last.span.end : span.end].strip(" .") or last.span.start < first.span.end:
        return None
    return (first, last) if _CAPTION_MIDDLE.fullmatch(view, first.span.end, last.span.start) else None


def place_sections(doc: Doc, view: str, kinds: Sequence[str], sent_places: Sequence[Sequence[PlaceMention]],
                   sent_dates: Sequence[Sequence[DateMention]]) -> dict[int, tuple[PlaceMention, ...]]:
    """Paragraph index -> the places of the heading it is told under (only paragraphs under one)."""
    out: dict[int, tuple[PlaceMention, ...]] = {}
    paras = doc.paragraphs
    for i, sent in enumerate(doc.sentences):
        # (cheap tests first: most sentences name no place, or are too long for a heading)
        if not sent_places[i] or sent.span.end - sent.span.start > _MAX_HEADING_CHARS + 20 \
                or kinds[i] not in ("body", "heading", "list_item", "caption"):
            continue
        if kinds[i] in ("heading", "caption") and sent.paragraph > 0 and paras[sent.paragraph - 1].kind == "body" \
                and paras[sent.paragraph - 1].index == sent.paragraph - 1:
            cap = caption_line(view, sent.span, sent_places[i], sent_dates[i]) if _whole_paragraph(doc, i) else None
            if cap is not None:
                # a photo's text, then "Tabriz, El Goli park, April 2, 2026": the line above is about that town
                out[sent.paragraph - 1] = (cap[0],)
                continue
        if sent.span.end - sent.span.start > _MAX_HEADING_CHARS:
            continue
        if kinds[i] == "caption" and not _DASH_DAY_HEADING.match(view, sent.span.start, sent.span.end):
            continue  # (a photo's caption; "Tabriz – Sunday, June 23" heads a sample report instead)
        k = sent.paragraph + 1
        if kinds[i] == "caption" and k + 1 < len(paras) and _lower_alt_text(view, paras[k]):
            k += 1  # (its photo's lower-case alt text between: "resistance units graffiti tabriz")
        if k >= len(paras) or paras[k].index != k or (kinds[i] == "list_item" and paras[k].kind != "body"):
            continue  # (a bullet line is a heading only over a body paragraph: "1. Rasht" then its story)
        heads = _heading_places(doc, view, i, sent_places[i], sent_dates[i])
        if not heads:
            continue
        if paras[k].kind == "list_item":
            while k < len(paras) and paras[k].kind == "list_item":
                out[k] = heads
                k += 1
        elif paras[k].kind == "body":
            out[k] = heads
    if "\u2014" in view or "\u2013" in view:
        _item_datelines(doc, view, sent_places, out)
    if ":" in view:
        _item_labels(doc, view, sent_places, out)
    return out


#: a sample report's heading "Tabriz and Urmia – Sunday, June 23": towns, a dash, a day (no comma
#: before the day, which would make it a photo caption: "Tabriz, El Goli park, April 2, 2026")
_DASH_DAY_HEADING = re.compile(r"[A-Z][\w'’ -]{1,40}?\s[–—-]\s(?:[A-Z][a-z]+day\b|[A-Z][a-z]+ \d{1,2}\b)")


def _lower_alt_text(view: str, para) -> bool:
    """A scraped photo's alt text: one short line in lower case."""
    line = view[para.span.start : para.span.end].strip()
    return 0 < len(line) <= 120 and "\n" not in line and line == line.lower() and any(ch.isalpha() for ch in line)


#: what may join the towns of an item's label ("Najafabad and Shahin Shahr: ...")
_LABEL_JOIN = re.compile(r"(?:,\s*|\s+and\s+|\s*&\s*)")


def _paragraph_openings(doc: Doc) -> Iterator[tuple[int, int]]:
    """(sentence index, paragraph index) of each paragraph's first sentence."""
    seen: set[int] = set()
    for i, sent in enumerate(doc.sentences):
        k = sent.paragraph
        if k in seen or k >= len(doc.paragraphs):
            continue
        seen.add(k)
        yield i, k


def _item_labels(doc: Doc, view: str, sent_places: Sequence[Sequence[PlaceMention]],
                 out: dict[int, tuple[PlaceMention, ...]]) -> None:
    """Paragraphs that open with their towns and a colon ("Tabriz: The bazaar was closed on
    Monday. On Monday, merchants gathered ..."), two such paragraphs or more: the label's towns
    are the place of the paragraph's later sentences too, before a province heading above them
    ("East Azerbaijan" over "Tabriz: ..."). A town heading above keeps its paragraph."""
    found: dict[int, tuple[PlaceMention, ...]] = {}
    for i, k in _paragraph_openings(doc):
        at = doc.paragraphs[k].span.start
        label: list[PlaceMention] = []
        for p in sorted(sent_places[i], key=lambda q: q.span.start):
            if p.place.precision != 1 or view[at : p.span.start].strip() and not _LABEL_JOIN.fullmatch(view, at, p.span.start):
                break
            label.append(p)
            at = p.span.end
            if view.startswith(":", at):
                if view[at + 1 : doc.paragraphs[k].span.end].strip():  # (a heading alone, "Kerman:", is none)
                    found[k] = tuple(label)
                break
    if len(found) >= 2:
        for k, label in found.items():
            if k not in out or all(p.place.precision == 3 for p in out[k]):
                out[k] = label


#: the dash after an item's town in capitals ("ZAHEDAN — Agents arrested ...")
_ITEM_DASH = re.compile(r"[ \u00a0]+[\u2014\u2013-][ \u00a0]")


def _item_datelines(doc: Doc, view: str, sent_places: Sequence[Sequence[PlaceMention]],
                    out: dict[int, tuple[PlaceMention, ...]]) -> None:
    """A digest of news in brief whose items open with their town in capitals and a dash
    ("ZAHEDAN — ...", "RASK — ..."), two items or more: each item's town is its section's
    place (a single such opening is a wire story's dateline, left to the assembler)."""
    found: dict[int, PlaceMention] = {}
    for i, k in _paragraph_openings(doc):
        para = doc.paragraphs[k]
        for p in sent_places[i]:
            if p.span.start - para.span.start > 3 or p.place.precision != 1:
                continue
            surface = view[p.span.start : p.span.end]
            if surface.isupper() and len(surface) > 2 and _ITEM_DASH.match(view, p.span.end):
                found[k] = p
            break
    if len(found) >= 2:
        for k, p in found.items():
            out.setdefault(k, (p,))
