"""A reproducible synthetic corpus for ``eventledger bench``.

Reports of 2–5 KB (UTF-8) built from the invented templates and vocabularies in
``lexicons/synth/vocab.toml``: a title, sometimes web boilerplate, a dateline, event
sentences with places, actors and dates, lists of cities, quotes, counts, attributions,
history and background sentences, captions, an occasional repeated paragraph and footer
lines. The text is nonsense as news but has the shape and density of real reports, so
every stage does realistic work on it.

Document ``i`` of seed ``s`` depends only on ``(s, i)`` (each has its own RNG), so a corpus
of 10,000 is the prefix of one of 100,000 and documents are generated lazily, one at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .models import Report

__all__ = ["MIN_BYTES", "MAX_BYTES", "synth_report", "iter_reports", "write_corpus"]

MIN_BYTES = 2000
MAX_BYTES = 5000

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")
_FIRST_DAY = dt.date(2018, 1, 1).toordinal()
_LAST_DAY = dt.date(2024, 12, 31).toordinal()


@dataclass(frozen=True)
class _Vocab:
    places: tuple[tuple[str, str, str], ...]  # city, province, alternative spelling
    lists: dict[str, tuple[str, ...]]
    actions: dict[str, tuple[str, ...]]
    templates: dict[str, tuple[str, ...]]


@cache
def _vocab() -> _Vocab:
    raw = tomllib.loads(
        resources.files("eventledger.lexicons").joinpath("synth/vocab.toml").read_text(encoding="utf-8")
    )
    places = tuple(tuple(p.split("|")) for p in raw.pop("places"))
    actions = {k: tuple(v) for k, v in raw.pop("actions").items()}
    templates = {k: tuple(v) for k, v in raw.pop("templates").items()}
    lists = {k: tuple(v) for k, v in raw.items()}
    for name in ("slogans", "statements"):  # listed under [templates] in the file, used as words
        lists[name] = templates.pop(name)
    return _Vocab(places, lists, actions, templates)  # type: ignore[arg-type]


_CIVIL_KINDS = ("demonstration", "demonstration", "strike", "symbolic_action", "protest_with_intervention",
                "property_attack")
_STATE_KINDS = ("arrest", "arrest", "sentence", "killing", "attack_on_civilians")


class _Slots(dict):
    """Template slots: fixed per document, anything else drawn fresh on each lookup."""

    def __init__(self, rng: random.Random, vocab: _Vocab, published: int, fixed: dict[str, str]):
        super().__init__(fixed)
        self.rng = rng
        self.v = vocab
        self.published = published
        self.province: str | None = None
        self.day: dt.date | None = None
        self.day2: dt.date | None = None

    def __missing__(self, key: str) -> str:
        rng, v = self.rng, self.v
        if key[:1].isupper() and not key.isupper() and key.lower() in _LOWER_SLOTS:
            value = self[key.lower()]  # "Actor" = capitalised "actor"
            return value[:1].upper() + value[1:]
        match key:
            case "city" | "city2":
                return self._place_name()
            case "CITY":
                return self._place_name().upper()
            case "cities":
                names = [self._place_name() for _ in range(rng.randint(2, 7))]
                return ", ".join(names[:-1]) + " and " + names[-1]
            case "province":  # the province of the last city named, as real text has it
                return self.province or rng.choice(v.lists["provinces_only"])
            case "actor":
                return rng.choice(v.lists["actors_civil"])
            case "state":
                return rng.choice(v.lists["actors_state"])
            case "action":
                return self._fill(rng.choice(v.actions[rng.choice(_CIVIL_KINDS)]), fresh=False)
            case "action_short":
                return self._fill(rng.choice(v.actions["demonstration"]), fresh=False)
            case "repression":
                return self._fill(rng.choice(v.actions[rng.choice(_STATE_KINDS)]), fresh=False)
            case "demand" | "source" | "speaker" | "slogan" | "slogan2" | "statement":
                name = {"slogan2": "slogans", "slogan": "slogans", "statement": "statements"}.get(key, key + "s")
                return rng.choice(v.lists[name])
            case "weekday":
                return _WEEKDAYS[self._day().weekday()]
            case "day":
                return str(self._day().day)
            case "month":
                return _MONTHS[self._day().month - 1]
            case "year":
                return str(self._day().year)
            case "weekday2":
                return _WEEKDAYS[self._day2().weekday()]
            case "day2":
                return str(self._day2().day)
            case "ordinal":
                return rng.choice(_ORDINALS)
            case "n":
                return str(rng.choice((2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 23, 30, 40, 57, 80, 120)))
            case "big":
                return f"{rng.randint(2, 40) * 50:,}"
            case "small":
                return str(rng.randint(2, 11))
            case "year_h":
                return str(rng.choice((1978, 1979, 1981, 1988, 1999, 2009, 2017, 2018, 2019)))
            case "file":
                return f"IMG_{rng.randint(1000, 9999)}_{rng.choice(('web', 'hd', 'crop'))}"
            case "title":
                return self._fill(rng.choice(v.templates["title"]), fresh=False)
        raise KeyError(f"synthetic template uses unknown slot {{{key}}}")

    def _place_name(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04:
            self.province = None
            return rng.choice(self.v.lists["foreign_places"])
        city, self.province, alt = rng.choice(self.v.places)
        return alt if alt and roll < 0.25 else city

    def _day(self) -> dt.date:
        """The date a sentence talks about: up to a week before publication, or the
        publication date itself in a dateline; weekday, day, month and year agree."""
        if self.day is None:
            self.day = dt.date.fromordinal(self.published - self.rng.randint(0, 6))
        return self.day

    def _day2(self) -> dt.date:
        if self.day2 is None:
            self.day2 = self._day() + dt.timedelta(days=self.rng.randint(1, 3))
        return self.day2

    def _fill(self, template: str, fresh: bool = True) -> str:
        if fresh:  # a new sentence talks about a new day
            self.day = self.day2 = None
        return template.format_map(self)


_LOWER_SLOTS = frozenset({"actor", "state", "source", "speaker", "city"})


@cache
def _event_pool() -> tuple[str, ...]:
    t = _vocab().templates
    return t["event"] * 3 + t["city_list"] + t["count"] + t["quote"] + t["attribution"]


def _paragraph(kind: str, slots: _Slots, rng: random.Random) -> str:
    t = _vocab().templates
    if kind == "event":
        pool = _event_pool()
        return " ".join(slots._fill(rng.choice(pool)) for _ in range(rng.randint(2, 4)))
    if kind == "caption":
        return slots._fill("{city}, {month} {day}, {year} – {Actor} {action}")
    if kind == "quote":
        return " ".join(slots._fill(rng.choice(t["quote"])) for _ in range(rng.randint(1, 3)))
    return " ".join(slots._fill(rng.choice(t[kind])) for _ in range(rng.randint(1, 3)))


# paragraph mix: roughly the density of events, numbers and background of real reports
# (about 2–3 events per KB rather than one in every sentence)
_KINDS = ("event", "event", "count", "attribution", "history", "history", "background",
          "background", "background", "background", "quote", "caption", "boilerplate")


def _size(parts: list[str]) -> int:
    return len("\n\n".join(parts).encode("utf-8"))


def synth_report(index: int, seed: int = 0) -> Report:
    """Synthetic report number ``index`` of corpus ``seed`` (deterministic)."""
    rng = random.Random(f"eventledger-synth:{seed}:{index}")
    vocab = _vocab()
    published = rng.randint(_FIRST_DAY, _LAST_DAY)
    pub_date = dt.date.fromordinal(published)
    publisher = rng.choice(vocab.lists["publishers"])
    slots = _Slots(rng, vocab, published, {"publisher": publisher})
    title = slots._fill(rng.choice(vocab.templates["title"]))

    head = [title]
    for _ in range(rng.choice((0, 0, 1, 2))):
        head.append(slots._fill(rng.choice(vocab.templates["boilerplate"])))
    slots.day = slots.day2 = None
    dateline = rng.choice(vocab.templates["dateline"])
    slots.day = pub_date
    head.append(dateline.format_map(slots) + _paragraph("event", slots, rng))
    footer = [slots._fill(rng.choice(vocab.templates["boilerplate"])) for _ in range(rng.randint(1, 3))]

    target = rng.randint(MIN_BYTES + 300, MAX_BYTES - 200)
    body: list[str] = []
    size = _size(head + footer) + 1
    while size < target:
        if body and rng.random() < 0.05:  # a repeated paragraph, as aggregator pages have
            body.append(rng.choice(body))
        else:
            body.append(_paragraph(rng.choice(_KINDS), slots, rng))
        size += len(body[-1].encode("utf-8")) + 2
    while body and size > MAX_BYTES:
        size -= len(body.pop().encode("utf-8")) + 2
    while size < MIN_BYTES:
        body.append(rng.choice(vocab.templates["background"]))
        size += len(body[-1].encode("utf-8")) + 2
    text = unicodedata.normalize("NFC", "\n\n".join(head + body + footer) + "\n")
    return Report(
        id=f"synth-{seed}-{index:07d}",
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source="synthetic",
        publisher=publisher,
        published=pub_date,
        title=title,
        language="en",
    )


def iter_reports(count: int, seed: int = 0, start: int = 0) -> Iterator[Report]:
    """``count`` synthetic reports, generated lazily (never held as a list)."""
    for i in range(start, start + count):
        yield synth_report(i, seed)


def write_corpus(folder: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` reports as ``<id>.txt`` files (for trying ``eventledger ingest``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for report in iter_reports(count, seed):
        (folder / f"{report.id}.txt").write_text(report.text, encoding="utf-8")
    return count
