"""The date vocabulary (``lexicons/dates.toml``) and the regular expressions built from it.

Loaded once per process (``lru_cache``). The patterns run on ``doc.view`` (same length as the
text, Persian digits already ASCII), so match offsets are valid spans into ``doc.text``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import EventLedgerError

__all__ = ["DateLexicon", "Anniversary", "lexicon"]


@dataclass(frozen=True, slots=True)
class Anniversary:
    key: str
    label: str
    calendar: str  # gregorian | jalali
    month: int
    day: int
    year: int | None  # year of the original event (Gregorian), when there is one
    pattern: re.Pattern[str]  # all of ``raw`` (compiled at load, so a bad pattern fails early)
    raw: tuple[str, ...]  # the lexicon's patterns, joined into larger regexes by the stage
    # an occasion kept on a weekday near a fixed day (Chaharshanbe Suri: the evening before the
    # last Wednesday before Nowruz): the last such weekday (0 Monday) before month/day, then shifted
    last_weekday_before: int | None = None
    offset_days: int = 0


def _alternation(words: list[str]) -> str:
    """Longest first, so "sept" wins over "sep" and "سه شنبه" over "شنبه"."""
    uniq = sorted({w.lower() for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]  # lower-case token -> 1..12 (Gregorian)
    jalali_months: dict[str, int]
    weekdays: dict[str, int]  # token -> 0 (Monday) .. 6
    ambiguous: frozenset[str]
    year_before: frozenset[str]
    event_nouns: frozenset[str]
    period_before: tuple[str, ...]
    other_before: tuple[str, ...]
    period_before_set: frozenset[str]
    role_cues: tuple[str, ...]  # the last word of each role phrase, for a quick substring test
    other_before_set: frozenset[str]
    anniversaries: tuple[Anniversary, ...]
    #: trigger word -> (category, number, first word of a two-word name or "")
    trigger_words: dict[str, tuple[tuple[str, int, str], ...]]
    #: the trigger words as they appear between spaces ("august,", "(nov.") -> the word
    trigger_core: dict[str, str]
    trigger_forms: frozenset[str]
    mon: str  # regex alternations (no groups)
    jmon: str
    wd: str

    def month_of(self, token: str) -> int | None:
        return self.months.get(_key(token))

    def jalali_month_of(self, token: str) -> int | None:
        return self.jalali_months.get(_key(token))

    def weekday_of(self, token: str) -> int | None:
        return self.weekdays.get(_key(token))

    def is_ambiguous(self, token: str) -> bool:
        return _key(token) in self.ambiguous


def _key(token: str) -> str:
    return " ".join(token.lower().rstrip(".").split())


def _table(data: dict, name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, words in data.get(name, {}).items():
        for w in words:
            out[_key(w)] = int(number)
    return out


_PUNCT_BEFORE = ("", "(", "[", '"', "“", "‘", "'", "-", "–", "—", "/")
_PUNCT_AFTER = ("", ",", ".", ";", ":", ")", "]", "-", "–", "—", "'s", "'", '"', "”", "’", "/", ".,", "),", ").", "!", "?")


def _triggers(data: dict, months: dict[str, int], jalali: dict[str, int],
              weekdays: dict[str, int]) -> dict[str, tuple[tuple[str, int, str], ...]]:
    out: dict[str, list[tuple[str, int, str]]] = {}

    def add(word: str, cat: str, number: int = 0) -> None:
        parts = word.split()
        first = parts[0] if len(parts) == 2 else ""
        out.setdefault(parts[-1], []).append((cat, number, first))

    for cat, table in (("month", months), ("jalali", jalali), ("weekday", weekdays)):
        for key, number in table.items():
            add(key, cat, number)
    for key, number in weekdays.items():
        if key.isascii() and len(key) > 4:
            add(key + "s", "weekday", number)  # "every Friday" / "on Fridays"
    for w in data.get("anniversary_keys", {}).get("words", []):
        add(w.lower(), "anniversary")
    for cat in ("relative", "same", "streak"):
        for w in data.get("relative_keys", {}).get(cat, []):
            add(w.lower(), cat)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    try:
        raw = (resources.files("eventledger") / "lexicons" / "dates.toml").read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EventLedgerError(f"date lexicon lexicons/dates.toml cannot be loaded: {exc}") from None
    months = _table(data, "gregorian_months")
    jalali = _table(data, "jalali_months")
    weekdays = _table(data, "weekdays")
    triggers = _triggers(data, months, jalali, weekdays)
    forms = {}
    for w in triggers:
        for pre in _PUNCT_BEFORE:
            for post in _PUNCT_AFTER:
                forms[pre + w + post] = w
    annivs = []
    for row in data.get("anniversaries", []):
        try:
            pattern = re.compile(r"\b(?:" + "|".join(row["patterns"]) + r")\b", re.IGNORECASE)
        except (re.error, KeyError, TypeError) as exc:
            raise EventLedgerError(f"lexicons/dates.toml: bad anniversary {row.get('key')!r}: {exc}") from None
        annivs.append(
            Anniversary(row["key"], row.get("label", row["key"]), row.get("calendar", "gregorian"),
                        int(row["month"]), int(row["day"]), row.get("year"), pattern,
                        tuple(row["patterns"]), row.get("last_weekday_before"), int(row.get("offset_days", 0)))
        )
    return DateLexicon(
        months=months,
        jalali_months=jalali,
        weekdays=weekdays,
        ambiguous=frozenset(_key(w) for w in data.get("ambiguous", {}).get("words", [])),
        year_before=frozenset(w.lower() for w in data.get("years", {}).get("before_words", [])),
        event_nouns=frozenset(w.lower() for w in data.get("years", {}).get("event_nouns", [])),
        period_before=tuple(data.get("roles", {}).get("period_before", [])),
        other_before=tuple(data.get("roles", {}).get("other_before", [])),
        role_cues=tuple({w.lower().split()[-1] for w in data.get("roles", {}).get("period_before", [])
                         + data.get("roles", {}).get("other_before", [])}),
        period_before_set=frozenset(w.lower() for w in data.get("roles", {}).get("period_before", [])),
        other_before_set=frozenset(w.lower() for w in data.get("roles", {}).get("other_before", [])),
        anniversaries=tuple(annivs),
        trigger_words=triggers,
        trigger_core=forms,
        trigger_forms=frozenset(forms),
        mon=_alternation(list(months)),
        jmon=_alternation(list(jalali)),
        wd=_alternation(list(weekdays)),
    )
