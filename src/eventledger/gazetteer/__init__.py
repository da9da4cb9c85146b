"""Gazetteer: place names -> candidate places, offline.

* :class:`Gazetteer` is the protocol the place stage uses: ``lookup(name)`` and
  ``lookup_key(key)`` return :class:`Candidate` records.
* :class:`FakeGazetteer` is an in-memory implementation for tests (build it from a few
  rows; same behaviour as the shipped one, minus the data).
* :class:`ShippedGazetteer` reads ``data/places.tsv`` (built from GeoNames by
  ``python -m eventledger.gazetteer.build``), ``data/curated.tsv`` and ``data/stoplist.tsv``
  with :mod:`importlib.resources`; :func:`names_before` reads ``data/names_before.tsv``
  (names that are no place before certain words: "Qods Force"); :func:`get_gazetteer` caches one per process and adds
  the user's alias file (``Options.alias_file``).

Keys are built by :func:`eventledger.gazetteer.normalize.name_key` on both sides.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import GazetteerError
from ..frozen import fast_init
from ..models import Place
from .normalize import EZAFE, first_token_key, name_key, split_compound, tokenize_name

__all__ = [
    "Candidate",
    "Gazetteer",
    "FakeGazetteer",
    "ShippedGazetteer",
    "get_gazetteer",
    "names_before",
    "PRECISION_BY_FEATURE",
]

#: data feature code -> (codebook precision, Place.feature)
PRECISION_BY_FEATURE = {"P": (1, "city"), "A2": (2, "admin2"), "A1": (3, "admin1"), "C": (4, "country")}


@fast_init  # (the slot-writing __init__ of the model's records: candidates are built lazily, per name looked up)
@dataclass(frozen=True, slots=True)
class Candidate:
    """One thing a name could mean.

    ``place`` is what an event there is coded as (for a finer place, its town);
    ``poi`` names the kind of finer place ("prison", "square", ...) when the name is one;
    ``is_main`` is true when the name is the place's main name (not an alternate);
    ``source`` says where the name came from: ``gn`` GeoNames, ``cur`` curated, ``user``
    the user's alias file.
    """

    place: Place
    matched: str
    is_main: bool = True
    source: str = "gn"
    poi: str | None = None


@runtime_checkable
class Gazetteer(Protocol):
    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every candidate for a name as written (folded with :func:`name_key`)."""
        ...

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """Every candidate for an already folded key; empty for stop-listed keys."""
        ...

    def is_stopped(self, key: str) -> bool: ...

    #: first-token keys of multi-word names: where the matcher tries longer lookups
    starts: set[str]


def _note_start(starts: set[str], name: str) -> None:
    toks = [t for t in tokenize_name(name) if t.lower() not in EZAFE]
    if len(toks) > 1:
        starts.add(first_token_key(toks[0]))
    else:
        head = split_compound(name_key(name))
        if head:
            starts.add(head)


class _IndexedGazetteer:
    """Shared lookup logic over ``self._index`` (key -> candidates) and a stop set."""

    _index: dict[str, list]
    _stop: frozenset[str]
    _allowed: set[str]  # keys added by curated/user aliases: never stopped

    def is_stopped(self, key: str) -> bool:
        return key in self._stop and key not in self._allowed

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if key not in self._index or self.is_stopped(key):  # the common case: not a place
            return ()
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(key)
        if found is None:
            found = memo[key] = tuple(self._candidates(key))
        return found

    def _candidates(self, key: str) -> Iterable[Candidate]:
        return self._index.get(key, ())

    # -- aliases (curated file and user file share the format) ----------------------------
    def _add_alias(self, alias: str, canonical: str, country: str | None, admin1: str | None,
                   source: str, poi: str | None = None, where: str = "") -> None:
        # the target may be a stop-listed word (an alias file can lift the stop list)
        targets = [c for c in self._candidates(name_key(canonical)) if c.place.canonical == canonical]
        if country:
            targets = [c for c in targets if c.place.country == country]
        if admin1:
            targets = [c for c in targets if c.place.admin1 == admin1] or targets
        if not targets:
            raise GazetteerError(f"{where}: alias {alias!r} points to {canonical!r} ({country or '?'}), "
                                 "which the gazetteer does not know")
        best = max(targets, key=lambda c: (c.place.precision == 1, c.place.population))
        key = name_key(alias)
        self._allowed.add(key)
        _note_start(self.starts, alias)
        self.__dict__.pop("_memo", None)
        # a new list (never mutate: a copy made for a user alias file shares the old lists)
        old = self._index.get(key, ())
        old = [old] if type(old) is int else list(old)
        # a spelling of a capital that shares its province's name ("Eilam" for Ilam) spells the
        # province too, so that "Eilam province" is the province, as "Ilam province" is
        same_named = [] if poi or best.place.precision != 1 or best.place.canonical != best.place.admin1 else [
            Candidate(c.place, alias, False, source) for c in targets if c.place.feature == "admin1"]
        self._index[key] = [Candidate(best.place, alias, True, source, poi), *same_named, *old]

    def add_alias_rows(self, rows: Iterable[list[str]], source: str, where: str) -> None:
        for n, row in enumerate(rows, 1):
            if not row or not row[0].strip() or row[0].startswith("#"):
                continue
            if len(row) < 3:
                raise GazetteerError(f"{where} line {n}: expected alias, canonical, country[, admin1]; got {row!r}")
            alias, canonical, country = (x.strip() for x in row[:3])
            if alias.lower() == "alias" and canonical.lower() == "canonical":
                continue  # header
            admin1 = row[3].strip() if len(row) > 3 and row[3].strip() else None
            self._add_alias(alias, canonical, country or None, admin1, source, where=f"{where} line {n}")


class FakeGazetteer(_IndexedGazetteer):
    """In-memory gazetteer for tests: ``FakeGazetteer([Place(...), ...], aliases={"Doroud": "Dorud"})``.

    Each place is indexed under its canonical name (main) and the ``alternates`` given for it.
    """

    def __init__(self, places: Iterable[Place], alternates: dict[str, Iterable[str]] | None = None,
                 aliases: dict[str, str] | None = None, pois: dict[str, tuple[str, str]] | None = None,
                 stop: Iterable[str] = ()):
        self._index = {}
        self._stop = frozenset(name_key(s) for s in stop)
        self._allowed = set()
        self.starts = set()
        alternates = alternates or {}
        for p in places:
            self._index.setdefault(name_key(p.canonical), []).append(Candidate(p, p.canonical, True, "gn"))
            _note_start(self.starts, p.canonical)
            for alt in alternates.get(p.canonical, ()):
                self._index.setdefault(name_key(alt), []).append(Candidate(p, alt, False, "gn"))
                _note_start(self.starts, alt)
        for alias, canonical in (aliases or {}).items():
            self._add_alias(alias, canonical, None, None, "cur", where="fake")
        for name, (canonical, kind) in (pois or {}).items():
            self._add_alias(name, canonical, None, None, "cur", poi=kind, where="fake")


class ShippedGazetteer(_IndexedGazetteer):
    """The packaged data. Rows are parsed into :class:`Place` objects only when looked up."""

    def __init__(self, data_dir: Path | None = None):
        self._rows: list[str] = []
        self._index = {}
        self._allowed = set()
        self._places: dict[int, Place] = {}
        try:
            self._load_places(self._read("places.tsv", data_dir))
            self.starts = {ln for ln in self._read("starts.txt", data_dir).splitlines() if ln and ln[0] != "#"}
            self._stop = frozenset(
                name_key(r[0]) for r in self._tsv(self._read("stoplist.tsv", data_dir)) if r and r[0] != "name"
            )
            self._load_curated(self._read("curated.tsv", data_dir))
        except (OSError, UnicodeDecodeError, ValueError, IndexError) as exc:
            raise GazetteerError(f"gazetteer data cannot be loaded: {exc}") from None

    @staticmethod
    def _read(name: str, data_dir: Path | None) -> str:
        if data_dir is not None:
            return (data_dir / name).read_text(encoding="utf-8")
        return resources.files("eventledger.gazetteer").joinpath("data", name).read_text(encoding="utf-8")

    @staticmethod
    def _tsv(text: str) -> list[list[str]]:
        return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]

    def _load_places(self, text: str) -> None:
        # Tuned for load time (~240k rows, paid by every worker process): rows stay unsplit
        # lines until looked up, and an index value is a bare int (row << 1 | is_alternate)
        # unless a key has several rows. Most rows have a single key, handled inline without
        # splitting (a quarter of the load time); the others go through _index_row.
        lines = [ln for ln in text.splitlines() if ln and ln[0] != "#"]
        self._rows = lines
        index = self._index
        get = index.get
        for i, line in enumerate(lines):
            keys = line[line.rindex("\t") + 1 :]
            if "|" in keys:
                _index_row(index, keys.split("|"), i << 1)
                continue
            old = get(keys)
            if old is None:
                index[keys] = i << 1
            elif type(old) is int:
                index[keys] = [old, i << 1]
            else:
                old.append(i << 1)

    def _fields(self, i: int) -> list[str]:
        return self._rows[i].split("\t", 9)

    def _place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            gid, feature, canonical, cc, admin1, lat, lon, pop = self._fields(i)[:8]
            precision, kind = PRECISION_BY_FEATURE.get(feature, (1, "city"))
            p = Place(canonical, cc or None, None if feature == "C" else (admin1 or None),
                      float(lat) if lat else None, float(lon) if lon else None, precision,
                      int(gid) if gid.lstrip("-").isdigit() and int(gid) > 0 else None, int(pop or 0), kind)
            self._places[i] = p
        return p

    def _candidates(self, key: str) -> Iterable[Candidate]:
        items = self._index.get(key, ())
        if type(items) is int or isinstance(items, Candidate):
            items = (items,)
        for item in items:
            if isinstance(item, Candidate):
                yield item
            else:
                i = item >> 1
                f = self._fields(i)
                yield Candidate(self._place(i), f[2], not (item & 1), f[8])

    def _load_curated(self, text: str) -> None:
        rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
        header: list[str] | None = None
        for n, row in enumerate(rows, 1):
            if not row or row[0].startswith("#"):
                continue
            if header is None:
                header = row
                continue
            r = dict(zip(header, row))
            kind = r.get("kind")
            if kind in ("alias", "poi"):
                self._add_alias(r["name"], r["canonical"], r.get("country") or None, r.get("admin1") or None,
                                "cur", poi=r.get("type") if kind == "poi" else None, where=f"curated.tsv line {n}")

    def add_alias_file(self, path: Path) -> None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise GazetteerError(f"alias file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"alias file {path} cannot be read: {exc}") from None
        self.add_alias_rows(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE), "user", str(path))


def _index_row(index: dict, keys: list[str], main: int) -> None:
    """Index the keys of one row (its main name's first): ``main | 1`` marks an alternate name."""
    for j, key in enumerate(keys):
        code = main | (j > 0)
        old = index.get(key)
        if old is None:
            index[key] = code
        elif type(old) is int:
            index[key] = [old, code]
        else:
            old.append(code)


@lru_cache(maxsize=1)
def _shipped() -> ShippedGazetteer:
    return ShippedGazetteer()


@lru_cache(maxsize=8)
def _with_aliases(alias_file: str, mtime: float) -> ShippedGazetteer:
    import copy

    base = _shipped()
    g = copy.copy(base)  # shares the big row list; gets its own index entries for the aliases
    for cache in ("_memo", "_run_cache"):  # the base's lookup caches do not know the aliases
        g.__dict__.pop(cache, None)
    g._index = dict(base._index)
    g._allowed = set(base._allowed)
    g.starts = set(base.starts)
    g.add_alias_file(Path(alias_file))
    return g


def get_gazetteer(options=None) -> Gazetteer:
    """The shipped gazetteer (loaded once per process), extended by ``options.alias_file``."""
    alias_file = getattr(options, "alias_file", None)
    if alias_file is None:
        return _shipped()
    path = Path(alias_file)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise GazetteerError(f"alias file not found: {path}") from None
    return _with_aliases(str(path), mtime)


@lru_cache(maxsize=1)
def names_before() -> dict[str, frozenset[str]]:
    """``data/names_before.tsv``: name key -> the next words (lower case) before which the
    name is part of another name, not a place ("Qods Force", "Qods Day")."""
    try:
        text = resources.files("eventledger.gazetteer").joinpath("data", "names_before.tsv").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"gazetteer data cannot be loaded: {exc}") from None
    out: dict[str, frozenset[str]] = {}
    for row in ShippedGazetteer._tsv(text):
        if len(row) >= 2 and row[0] != "name":
            out[name_key(row[0])] = frozenset(w.strip().lower() for w in row[1].split("|") if w.strip())
    return out


# the `eventledger places NAME` helpers (imported last: they use get_gazetteer above)
from .explain import explain, format_explanation  # noqa: E402

__all__ += ["explain", "format_explanation"]
