"""Is a report written in English, the only language the extraction rules read?

A report in Persian, Arabic or French is still stored (its text is searchable and can be
reviewed), but no rule can read an event from it: ingest says so for each such report
instead of counting it as a report without events (a silent loss).

Hand-written because the question is narrow: a script count and a share of English function
words answer it; a general language identifier (langdetect, lingua) would add a dependency
and model data for one yes/no decision, and is unreliable on the short texts this must also
judge. Mixed reports (English with Persian captions or slogans) pass.
"""

from __future__ import annotations

import re

__all__ = ["unreadable_language"]

#: the words English text cannot do without; a few per hundred words in any English prose
_FUNCTION_WORDS = frozenset(
    "the of and to in a on at for with by from was were is are has have had that which who "
    "said this their they he she it its as an or not".split())
#: the text judged by its function words, and below how many words their share says too little
_SAMPLE_CHARS = 1500
_MIN_WORDS = 30
_MIN_SHARE = 0.10  # (English reports here: 0.25 and more)


#: Arabic-script letters (Persian and Arabic), and letters of any script; counted by the regex
#: engine, not a Python loop over every character (this runs once per ingested report)
_ARABIC_SCRIPT = re.compile("[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER = re.compile(r"[^\W\d_]")
_STRIP = ".,;:!?\"'()“”‘’"


def unreadable_language(text: str) -> str | None:
    """Why the extraction rules cannot read ``text`` (not English), or None when they can."""
    arabic = 0 if text.isascii() else len(_ARABIC_SCRIPT.findall(text))
    if arabic and arabic * 2 > len(_LETTER.findall(text)):
        return "the text is mostly in Arabic script (Persian or Arabic); the rules read English only"
    words = text[:_SAMPLE_CHARS].lower().split()  # (the first pages say what language a report is in)
    if len(words) >= _MIN_WORDS:
        share = sum(1 for w in words if w.strip(_STRIP) in _FUNCTION_WORDS) / len(words)
        if share < _MIN_SHARE:
            return "the text does not read as English (almost none of its words are English function words); the rules read English only"
    return None
