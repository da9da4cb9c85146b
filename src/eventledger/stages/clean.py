"""Stage ``clean``: a same-length normalised view of the text and boilerplate tags.

Nothing is deleted: web scrapes carry ad-slot sizes ("728 x 90"), image file names
("a1b2c3 696x390"), share links and repeated captions; they are *tagged* with a reason so
that later stages can skip them while every offset stays valid against the original text.
"""

from __future__ import annotations

import re

from ..config import Options
from ..doc import Doc
from ..models import Span
from ..textutil import make_view

__all__ = ["CleanStage", "boilerplate_reason"]

_AD_SIZE = re.compile(r"^\s*\d{2,4}\s*[x×]\s*\d{2,4}\s*$")
# a line that ends in an image size or is a file name: "iran protests 2022 696x395", "img_0042.jpg"
_IMAGE_NAME = re.compile(
    r"(?:^|\s)\d{2,4}x\d{2,4}\s*$|^\s*\S+\.(?:jpe?g|png|gif|webp|svg|bmp)\s*$", re.IGNORECASE
)
# a long hex/uuid-like token, the mark of an uploaded file's generated name
_HASHY = re.compile(r"\b[0-9a-f]{8}\b(?:[\s_-][0-9a-f]{4}){2,}", re.IGNORECASE)
_SHARE = re.compile(
    r"^\s*(?:share(?: this)?(?: on| via)?\b|tweet\b|click to (?:share|print|email)|follow (?:us|them) on\b"
    r"|print\s*$|email\s*$|facebook\s*$|twitter\s*$|whatsapp\s*$|telegram\s*$|linkedin\s*$"
    r"|read more\s*$|related( articles| posts)?\s*:?\s*$|advertisement\s*$"
    # a related article's headline after its label ("Related: Resistance Units hang banners in
    # Karaj ..."): a link to another report, whose places and days are not this report's
    r"|(?:related(?: articles?| posts?| stories| news)?|read more|see also)\s*:\s*\S)",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


_MAX_BOILERPLATE = 200  # longer lines are prose: no need to run the patterns on them
_IMAGE_SUFFIXES = ("jpg", "jpeg", "png", "gif", "webp", "svg", "bmp")
# what every _HASHY match starts with: most reports have no such word at all, and one search
# of the whole text then spares the search of every line. The run of eight hex digits leads
# the pattern so that the engine skips to a hex digit in its fast loop (a leading \b, or re.I,
# makes it start a match attempt at every character: three times slower); the word boundary
# before it is checked in _has_hex_word
_HEX_RUN = re.compile(r"[0-9a-fA-F][0-9a-fA-F]{7}(?!\w)")


def _has_hex_word(text: str) -> bool:
    """Whether ``text`` holds a word of exactly eight hex digits (``\\b[0-9a-f]{8}\\b``, re.I).

    A run that follows a word character is no word start; the run found next starts after
    it, which loses nothing: a word starting inside the run would follow a hex digit."""
    for m in _HEX_RUN.finditer(text):
        s = m.start()
        if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"):  # \w is isalnum() or "_"
            return True
    return False


# first characters the anchored patterns can start with. Each begins with ``^\s*`` so ASCII
# whitespace is always admitted, and any non-ASCII first character goes to the regex (Unicode
# case folding and Unicode \s/\d are left to it). For an ASCII character re.I is plain
# lower-casing, so the listed letters in both cases are exactly what the alternations begin with.
_WS = " \t\n\r\f\v"
_AD_FIRST = frozenset("0123456789" + _WS)
_URL_FIRST = frozenset("hHwW" + _WS)
_SHARE_FIRST = frozenset("stcfperalw" + "STCFPERALW" + _WS)


def boilerplate_reason(line: str, hex_words: bool = True) -> str | None:
    """Why a single line is boilerplate, or None. ``line`` is stripped; ``hex_words=False``
    says the text it comes from has no eight-hex-digit word (so no generated file name)."""
    if len(line) > _MAX_BOILERPLATE or not line:
        return None
    c0 = line[0]
    ascii0 = c0.isascii()
    if (c0 in _AD_FIRST or not ascii0) and _AD_SIZE.match(line):
        return "ad_size"
    # both _IMAGE_NAME branches end the line with a digit or an image suffix; the unanchored
    # search is the costly test of this stage, so it runs only on such lines
    if (line[-1].isdigit() or line.lower().endswith(_IMAGE_SUFFIXES)) and _IMAGE_NAME.search(line):
        return "image_name"
    if hex_words and _HASHY.search(line):
        return "image_name"
    if (c0 in _URL_FIRST or not ascii0) and _URL_ONLY.match(line):
        return "link"
    if (c0 in _SHARE_FIRST or not ascii0) and _SHARE.match(line):
        return "share_link"
    return None


class CleanStage:
    name = "clean"
    requires: tuple[str, ...] = ("report",)
    assigns: tuple[str, ...] = ("view", "boilerplate")

    def __call__(self, doc: Doc, options: Options) -> None:
        text = doc.text
        doc.view = make_view(text)
        hex_words = _has_hex_word(doc.view)
        tags: list[tuple[Span, str]] = []
        pos = 0
        for line in doc.view.split("\n"):
            end = pos + len(line)
            stripped = line.strip()
            if stripped:
                reason = boilerplate_reason(stripped, hex_words)
                if reason:
                    lead = len(line) - len(line.lstrip())
                    tags.append((Span(pos + lead, pos + lead + len(stripped)), reason))
            pos = end + 1
        doc.boilerplate = tags
