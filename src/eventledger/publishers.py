"""Publisher stance: who a publisher is in the conflict a report describes.

The table lives in ``lexicons/publishers.toml`` (reviewable, editable); a run can point
``Options.publishers_file`` at its own table, which is read *instead of* the shipped one.
Lookup folds case and accents, and accepts any alias of a publisher.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .textutil import fold_name, is_name_words

__all__ = ["STANCES", "stance", "load_publishers", "canonical_publisher", "masthead_publisher"]

STANCES: tuple[str, ...] = ("party_to_conflict", "state_media", "rights_monitor", "news_agency", "unknown")


def _parse(text: str, origin: str) -> dict[str, tuple[str, str]]:
    """folded alias -> (canonical name, stance)"""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"publishers table {origin} is not valid TOML: {exc}") from None
    table: dict[str, tuple[str, str]] = {}
    for row in data.get("publisher", []):
        name = row.get("name")
        st = row.get("stance", "unknown")
        if not name or st not in STANCES:
            raise ConfigError(f"publishers table {origin}: bad row {row!r} (stance must be one of {', '.join(STANCES)})")
        for alias in [name, *row.get("aliases", [])]:
            table[fold_name(alias)] = (name, st)
    return table


def _read(path: Path | None) -> tuple[str, str]:
    """(text, origin) of the shipped table or of ``path``."""
    if path is None:
        text = resources.files("eventledger").joinpath("lexicons/publishers.toml").read_text(encoding="utf-8")
        return text, "lexicons/publishers.toml"
    try:
        return Path(path).read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise ConfigError(f"cannot read publishers table {path}: {exc.strerror or exc}") from None


@lru_cache(maxsize=8)
def load_publishers(path: Path | None = None) -> dict[str, tuple[str, str]]:
    return _parse(*_read(path))


@lru_cache(maxsize=1)
def _masthead_heads() -> frozenset[str]:
    # always the shipped list: a run's own publishers table replaces the publishers, not
    # the words that make a line look like an organisation's name
    return frozenset(tomllib.loads(_read(None)[0]).get("masthead_heads", []))


#: the masthead is the part of a line before a dash or bar ("X Monitor – Weekly digest")
_MASTHEAD_SPLIT = re.compile(r"\s+[–—|-]\s+")
#: no colon, comma, quote or end punctuation in a name ("Iran: Human Rights Watch warns")
_NOT_IN_NAME = re.compile(r"[:;,!?\"“”]|[.]$")
_MASTHEAD_LINES = 4  # blank lines aside; a publisher's name heads the page or not at all


def masthead_publisher(text: str, path: Path | None = None) -> str | None:
    """The publisher named by a masthead line at the top of ``text``, or None.

    A line counts when (its part before a dash or bar) is a short name — two to eight
    capitalised words and connectors, nothing else — that the publishers table knows or
    that ends in an organisation word ("Monitor", "Committee", "Network": ``masthead_heads``
    in the table). A headline fails: it has verbs in lower case, a colon, or a number.
    """
    known = load_publishers(path)
    heads = _masthead_heads()
    seen = 0
    for line in text[:2000].splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _MASTHEAD_LINES:
            break
        name = _MASTHEAD_SPLIT.split(line, maxsplit=1)[0].strip()
        words = name.split()
        if not 1 <= len(words) <= 8 or _NOT_IN_NAME.search(name) or not is_name_words(words):
            continue
        bare = " ".join(w for w in words if not w.startswith("("))
        if fold_name(bare) in known or fold_name(name) in known:
            return name
        if _ends_in_organisation_word(words, bare, heads):
            return name
    return None


def _ends_in_organisation_word(words: list[str], bare: str, heads: frozenset[str]) -> bool:
    tail = bare.split()
    if len(tail) >= 3 and tail[-1] == "Iran" and tail[-2] in heads:
        tail = tail[:-1]  # "Execution Watch Iran": the organisation word before the country
    return len(words) >= 2 and bool(tail) and tail[-1] in heads and words[0][0].isupper()


def names_an_organisation(name: str) -> bool:
    """A short capitalised name that ends in an organisation word ("Iran Freedom Monitor",
    ``masthead_heads``): an outlet's or a group's name even when the table does not know it."""
    words = name.split()
    if not 1 <= len(words) <= 8 or _NOT_IN_NAME.search(name) or not is_name_words(words):
        return False
    return _ends_in_organisation_word(words, " ".join(w for w in words if not w.startswith("(")), _masthead_heads())


def canonical_publisher(publisher: str | None, path: Path | None = None) -> str | None:
    """The table's name for ``publisher`` (``"MEK"`` -> ``"PMOI/MEK"``), or the input unchanged."""
    if not publisher:
        return publisher
    hit = load_publishers(path).get(fold_name(publisher))
    return hit[0] if hit else publisher


def stance(publisher: str | None, path: Path | None = None) -> str:
    """``party_to_conflict`` | ``state_media`` | ``rights_monitor`` | ``news_agency`` | ``unknown``."""
    if not publisher:
        return "unknown"
    hit = load_publishers(path).get(fold_name(publisher))
    return hit[1] if hit else "unknown"
