"""The ``places`` stage: every place a report names, resolved, folded to its town, with its role.

Steps, each a small function below:

1. :func:`~eventledger.gazetteer.matcher.name_hits` finds gazetteer names in ``doc.view``.
2. Noise is dropped: a small town inside a longer capitalised phrase ("Navid <Afkari>"),
   Persian-script names that are only villages.
3. A province or country written beside a place qualifies it ("Hashtgerd (Alborz)",
   "Hashtpar, Gilan province", "Tabriz, Iran") and steers its resolution.
4. Finer places (streets, squares, bazaars, prisons, neighbourhoods, "<district> of <city>")
   are folded into one mention of their town; the finer words stay in ``name``.
5. Each mention gets a role (:mod:`.place_roles`): ``event`` where something happened there,
   else ``origin``, ``route``, ``possessive`` or ``other``.

Decisions (documented here because the codebook leaves them open):

* A university, hospital, mosque, shrine, court or cemetery named with its town ("Tehran
  University") is a finer place of that town (role ``event``); an organisation or outlet
  named after a town ("Tehran Times", "Iran International") is ``other``.
* A town inside a street or square name ("Bahar Boulevard") is not that town; a finer
  place with no town beside it takes the town named earlier in the same sentence ("In Yazd,
  ... on Enghelab Street"), and is dropped when the sentence names none.
* A place right after a common given name ("Navid <Afkari>", data/given_names.txt) or a
  title ("Mr. <Nasiri>") is a surname; stop-listed words (data/stoplist.tsv) never match unless an alias file adds them.
* GeoNames lists thousands of small villages named Ahmadabad, Aliabad, Hosseinabad...: such
  a village (< 5,000 people) named inside a finer place ("the Ahmadabad neighbourhood",
  "Hosseinabad hospital") or after a bigger town in the same sentence ("In Mashhad, ... in
  Ahmadabad") is a part of that town, unless the text lists it beside the town or calls it a
  village.
* The mention's span is its ``name``: "Hashtgerd (Alborz)", "Mashhad's Vakilabad Prison",
  "Narmak district of Tehran"; a qualifier also gets its own ``qualifier`` mention.

The rules are cue words, not a model: the cue lists for qualifiers and finer places are at
the top of this module (those for roles in :mod:`.place_roles`) so that a reviewer can see
and change them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from operator import attrgetter

from ..config import Options
from ..doc import Doc, PlaceMention
from ..gazetteer import Candidate, Gazetteer, get_gazetteer, names_before
from ..gazetteer.matcher import name_hits
from ..gazetteer.normalize import name_key
from ..gazetteer.resolve import best
from ..models import Place, Span
from ..textutil import make_view
from .lowered import lowered
from .place_roles import LIST_GAP_RE, ORIGIN_BEFORE_RE, assign_roles, is_kin_death_place, may_be_origin

__all__ = ["PlacesStage", "recognize_places"]

# -- cue lists --------------------------------------------------------------------------------
_QUALIFIER_OPEN_RE = re.compile(
    r"^\s*(?:\(\s*|,\s*(?:in\s+)?|\s+in\s+|\s*-\s*)(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?western|north-?eastern|"
    r"south-?western|south-?eastern)\s+)?$",
    re.I,
)
_QUALIFIER_CLOSE_RE = re.compile(r"^\s*(?:province|provinces|prov\.|county|state|region)?\s*\)", re.I)
_PROVINCE_WORD_RE = re.compile(r"^\s+(?:province|prov\.)\b", re.I)
#: head words found with str.find on the lower-cased text (much faster than a regex alternation)
_POI_HEAD_WORDS = (
    "street", "st.", "boulevard", "blvd", "avenue", "ave.", "square", "sq.", "bazaar", "bazar", "market",
    "prison", "jail", "penitentiary", "detention center", "detention centre", "university", "hospital",
    "mosque", "shrine", "cemetery", "park", "neighborhood", "neighbourhood", "district", "town hall",
    "courthouse", "court", "neighborhoods", "neighbourhoods", "districts", "quarter", "bridge",
    "dormitory", "dormitories", "garden", "gardens",
    # "Shiraz's Golestan township", "Ekbatan township": a housing estate (shahrak) of its city
    "township", "townships",
)
_POI_WORDS_RE = re.compile(r"(?<![^\W_])(?:(?:[A-Z\u00c0-\u017f][^\W_]*(?:['\u2019]s)?|e|ye)[ \-]+){1,5}$")
#: before a plural head the names form a list: "the Ahmadabad and Sajjad neighbourhoods"
_POI_LIST_WORDS_RE = re.compile(
    r"(?<![^\W_])(?:(?:[A-Z\u00c0-\u017f][^\W_]*(?:['\u2019]s)?|e|ye|and)(?:,?[ \-]+)){1,9}$"
)
_PLURAL_HEADS = frozenset({"neighborhoods", "neighbourhoods", "districts", "townships"})
#: heads whose capitalised words name the finer place itself (a neighbourhood), so a town
#: found inside is that neighbourhood's name ("Ahmadabad neighbourhood" of Mashhad), not the town,
#: unless it is a big city ("the Tehran area") or possessive ("Tehran's Narmak district")
_AREA_HEADS = frozenset({"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "district", "districts",
                         "quarter", "area", "township", "townships"})
#: a GeoNames place smaller than this inside a finer place's name is that finer place's name
#: (GeoNames lists thousands of villages called Ahmadabad, Aliabad, Hosseinabad...)
SMALL_TOWN_POP = 5_000
#: a town at least this big named inside an area phrase is the town ("the Tehran area")
BIG_CITY_POP = 100_000
_LEADING_FUNCTION_WORDS_RE = re.compile(
    r"(?:(?:The|A|An|In|At|On|Near|Outside|Inside|From|To|Of|And|Then|Also|While|When|By)[ \-]+)+"
)
_ATTACH_RE = re.compile(r"^\s*(?:\(\s*)?(?:in|of|at|,)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I)
_CONJ_RE = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$", re.I)
_DISTRICT_OF_RE = re.compile(
    r"^\s+(?:districts?|neighbou?rhoods?|quarter|area|section|suburbs?)\s+of\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I
)


@dataclass(slots=True)
class PlaceItem:
    """One recognised place while the stage works on it (each step updates it in place)."""

    start: int
    end: int
    #: everything the matched name could mean (None for a finer place the stage made up)
    candidates: tuple[Candidate, ...] | None
    candidate: Candidate
    score: float
    name_start: int
    name_end: int
    role: str = "event"
    admin1_hint: str | None = None
    country_hint: str | None = None
    absorbed: bool = False

    @property
    def place(self) -> Place:
        return self.candidate.place


_BY_NAME_SPAN = attrgetter("name_start", "name_end")
_BY_SPAN = attrgetter("span.start", "span.end")


def recognize_places(view: str, text: str, gazetteer: Gazetteer, default_country: str | None = "IR"
                     ) -> list[PlaceMention]:
    """Place mentions in ``text`` (``view`` is its same-length normalised copy)."""
    items = _resolve_all(name_hits(gazetteer, view), default_country, view)
    _apply_qualifiers(items, view, default_country)
    if "province" in view:  # (the word is rare; most reports skip the step)
        _named_provinces(items, view)
    if ": " in view:  # (a list line's label: "Ardabil: Khalkhal, Germi")
        _province_labels(items, view)
    items = [it for it in items if not it.absorbed]
    _fold_districts(items, view)
    items = [it for it in items if not it.absorbed]
    _fold_pois(items, view, gazetteer)
    items = sorted((it for it in items if not it.absorbed), key=_BY_NAME_SPAN)
    _fold_small_villages(items, view, default_country)
    items = _merge_named_finer_places(items, view)
    _reattach_common_streets(items, view)
    if default_country == "IR" and "capital" in view:
        items = _the_capital(items, view, gazetteer)
    assign_roles(items, view)
    out: list[PlaceMention] = []
    n = len(text)
    for it in items:
        s, e = it.name_start, it.name_end  # clamped to the text (comparisons: cheaper than min/max)
        s = 0 if s < 0 else (n if s > n else s)
        e = 0 if e < 0 else (n if e > n else e)
        if e <= s:
            continue
        cands = len(it.candidates) if it.candidates is not None else 1
        c = it.candidate
        out.append(PlaceMention(Span(s, e), text[s:e], c.place, it.role, round(it.score, 3), c.matched, cands))
    out.sort(key=_BY_SPAN)
    return out


# -- steps ---------------------------------------------------------------------------------------
#: "In the capital, several hundred pensioners gathered ...": an Iran report's capital is Tehran
#: (a preposition before it: not "the provincial capital", "the capital of Kurdistan province")
_THE_CAPITAL_RE = re.compile(
    r"(?<![\w-])(?:[Ii]n|[Aa]cross|[Aa]round|[Tt]hroughout|[Oo]utside|[Ii]nside|[Aa]t)\s+"
    r"(?P<n>the\s+(?:Iranian\s+)?capital|Iran['\u2019]s\s+capital)(?![\w-])(?!\s*,?\s*(?:of|city)\b)")


#: parts of "the capital" (its neighbourhoods, streets, districts): Tehran, also in a report that names it
_CAPITAL_PARTS_RE = re.compile(
    # (or a quarter named by its bearing: "a dormitory complex in the north of the capital")
    r"\b(?:neighbou?rhoods?|streets|districts?|parts|squares|quarters|(?<=the )(?:(?:north|south)(?:-?(?:east|west))?|east|west|centre|center|heart))\s+of\s+(?P<n>the\s+capital)(?![\w-])(?!\s*,?\s*(?:of|city)\b)")


def _the_capital(items: list[PlaceItem], view: str, gazetteer: Gazetteer) -> list[PlaceItem]:
    """"the capital" named for Tehran in a report that does not name Tehran, unless a place
    follows it ("the capital of Kurdistan province") or the paragraph is about a town abroad
    ("LONDON — ... in the capital")."""
    tehran = next((c for c in gazetteer.lookup("Tehran") if c.place.country == "IR" and c.place.feature == "city"), None)
    if tehran is None:
        return items
    # (a report that names Tehran tells its acts there by name; "in the capital" is then a
    # lead's summary of them: "TEHRAN (April 9, 2025) — ... merchants in the capital ...";
    # parts of the capital are places of their own: "in many neighbourhoods of the capital")
    named = any(it.place.canonical == tehran.place.canonical for it in items)
    if named and "of the capital" not in view:
        return items
    added = []
    seen = set()
    parts = _CAPITAL_PARTS_RE.finditer(view) if "of the capital" in view else ()
    for m in [*(() if named else _THE_CAPITAL_RE.finditer(view)), *parts]:
        s, e = m.span("n")
        if s in seen:
            continue
        seen.add(s)
        par_lo = view.rfind("\n", 0, s) + 1
        if any(e <= it.start <= e + 25 for it in items) or any(
                par_lo <= it.start < s and it.place.country != "IR" for it in items):
            continue
        added.append(PlaceItem(s, e, None, tehran, 1.0, s, e))
    return sorted(items + added, key=_BY_NAME_SPAN) if added else items


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    text = resources.files("eventledger.gazetteer").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    return frozenset(name_key(ln) for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([^\W_]+)")


def _before_own_word(end: int, key: str, view: str) -> bool:
    """``<Qods> Force``: the name is part of another one when the next word is listed for it."""
    words = names_before().get(key)
    if not words:
        return False
    m = _NEXT_WORD_RE.match(view, end)
    return m is not None and m.group(1).lower() in words


_NEXT_CAP_RE = re.compile(r"^[ \u00a0]+[A-Z][a-z]")


def _is_person_name(start: int, end: int, key: str, view: str) -> bool:
    """``Navid <Afkari>`` (a surname after a given name) or ``<Nika> Shakarami``."""
    if start > 0 and view[start - 1] in (" ", "\u00a0"):  # (slice only when a word may precede)
        words = view[max(0, start - 30) : start].rsplit(None, 1)
        if words and (_is_given_name(words[-1]) or words[-1] in _HONORIFICS or words[-1] in _PERSON_NOUNS):
            return True
    # "Mizan said Karim Rostami, 38, was hanged ... Piranshahr, Rostami's home town": a surname the
    # report gave after a given name before, used alone (Rostami is also Bandar-e Rostami's short name)
    if start > 2 and _named_in_full_before(start, end, view):
        return True
    if key not in _given_names():
        return False
    if _NEXT_CAP_RE.match(view[end : end + 4]) is not None:
        return True
    # "Soran Vakili, 33, ... For 42 days Soran was held": the given name of a person the report
    # named in full before, used alone (an urgent action calls its subject so)
    # (searched up to the name in place: slicing the view before it would copy the document)
    return re.compile(rf"\b{re.escape(view[start:end])}[ \u00a0]+[A-Z][a-z]").search(view, 0, start) is not None


def _named_in_full_before(start: int, end: int, view: str) -> bool:
    """The same word right after a common given name earlier in the text ("Karim <Rostami>")."""
    # (str.find and a look at the name before each hit: the regex ``([A-Z][a-z]+)[ \u00a0]+<word>\b``
    # over the text before, compiled anew for every place name, cost 7 % of the pipeline)
    word = view[start:end]
    if not word.isalpha():
        return False
    n = len(word)
    i = view.find(word, 0, start)
    while i != -1:
        j = i + n
        if j > start:
            break
        if j == start or not (view[j].isalnum() or view[j] == "_"):  # \b after the word
            k = i
            while k > 0 and view[k - 1] in " \u00a0":
                k -= 1
            if k < i:
                s0 = k
                while s0 > 0 and "a" <= view[s0 - 1] <= "z":
                    s0 -= 1
                if s0 < k and s0 > 0 and "A" <= view[s0 - 1] <= "Z" and _is_given_name(view[s0 - 1 : k]):
                    return True
        i = view.find(word, i + 1, start)
    return False


# "Mr. <Nasiri>": a surname after a title (Nasiri is also an old name of Ahvaz)
_HONORIFICS = frozenset({"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr"})
#: who a name after them is ("the tyrant Zahhak", "the poet Ferdowsi"): a person, not a town
_PERSON_NOUNS = frozenset({"poet", "tyrant", "king", "queen", "hero", "blacksmith", "prophet", "philosopher", "mystic"})


_EZAFE_BEFORE_RE = re.compile(r"[A-Za-z]+-y?e[ \u00a0]$")


#: "the city's <Tazeh Abad> cemetery": a site of the city the report is in, named like a village
_CITYS_BEFORE_RE = re.compile(r"\b(?:the|this|that)\s+(?:city|town)['\u2019]s\s+$", re.I)
_SITE_AFTER_RE = re.compile(r"\s+(?:cemetery|graveyard|square|street|boulevard|avenue|park|bazaar|district|neighbou?rhood|"
                            r"prison|hospital|mosque|stadium|university|campus)\b", re.I)


def _site_of_the_city(start: int, end: int, view: str) -> bool:
    """A village name between "the city's" and a site noun ("the city's Tazeh Abad cemetery") is the
    site's name inside the city just told, not that village."""
    return _CITYS_BEFORE_RE.search(view, max(0, start - 20), start) is not None and _SITE_AFTER_RE.match(view, end) is not None


def _after_ezafe(start: int, view: str) -> bool:
    """A name right after a transliterated Persian ezafe ("Simay-e <Azadi>", "Khiaban-e <Azadi>"):
    the name is the second word of a compound name, not a village of that name."""
    return start > 2 and view[start - 3 : start - 1] in ("-e", "ye") and _EZAFE_BEFORE_RE.search(
        view[max(0, start - 30) : start]) is not None


@lru_cache(maxsize=4096)
def _is_given_name(word: str) -> bool:
    """A capitalised word that is a common given name (memoised: the same words precede
    places in report after report, and the name key costs a few microseconds)."""
    return word.isalpha() and word[:1].isupper() and name_key(word) in _given_names()


def _resolve_all(hits: list[tuple], default_country: str | None, view: str) -> list[PlaceItem]:
    """One item per name found (:func:`~eventledger.gazetteer.matcher.name_hits`) that is a place."""
    items: list[PlaceItem] = []
    for start, end, key, found, persian, in_longer_run, all_caps_short in hits:
        cands = found
        if persian:
            # Persian-script names: towns of 10,000+, provinces and countries only (villages'
            # Persian names are too often ordinary words)
            cands = tuple(c for c in cands if c.source != "gn" or c.place.feature != "city"
                          or c.place.population >= 10_000)
            if len(key) < 3:
                cands = tuple(c for c in cands if c.place.feature != "city" or c.place.population >= 100_000)
        if all_caps_short:
            # "IRNA", "MEK": acronyms, unless a main name of a home-country place, or any of its
            # names opening a line as a dateline does ("RASK — Gunmen attacked ...")
            opens = (start == 0 or view[start - 1] == "\n") and view.startswith((" —", " –", " - ", ", "), end)
            cands = tuple(c for c in cands if c.place.country == default_country and (c.is_main or opens))
        chosen = best(cands, default_country) if cands is not found else _best_cached(cands, default_country)
        if chosen is None:
            continue
        c = chosen.candidate
        if c.source not in ("cur", "user") and _is_person_name(start, end, key, view):
            continue
        if _before_own_word(end, key, view):
            continue  # "the Qods Force", "Qods Day"
        if c.source == "gn" and c.place.population < 20_000 and _after_ezafe(start, view):
            continue  # "Simay-e Azadi", "Meydan-e Azadi": the second word of a Persian name
        if c.source == "gn" and c.place.population < 20_000 and _site_of_the_city(start, end, view):
            continue  # "the city's Tazeh Abad cemetery": a site of the town told, not a village
        if in_longer_run and c.source not in ("cur", "user") and c.place.feature in ("city", "admin1") and (
                c.place.population < 20_000 or c.place.country != default_country):
            continue  # part of a person's or organisation's name more likely than a village
        items.append(PlaceItem(start, end, found, c, chosen.score, start, end))
    return items


_BEST_CACHE: dict[tuple, object] = {}


def _best_cached(candidates: tuple[Candidate, ...], default_country: str | None, admin1_hint: str | None = None,
                 country_hint: str | None = None):
    """``best(...)``, remembered: a gazetteer returns the same (memoised) candidate tuple for a
    key, so each tuple is ranked once per hint (ranking the dozens of towns called "Tehran"
    or "Ahmadabad" costs tens of microseconds). The cached entry keeps the tuple, so its
    ``id`` cannot be reused while it is cached."""
    k = (id(candidates), default_country, admin1_hint, country_hint)
    hit = _BEST_CACHE.get(k)
    if hit is None or hit[0] is not candidates:
        if len(_BEST_CACHE) > 100_000:
            _BEST_CACHE.clear()
        hit = _BEST_CACHE[k] = (candidates, best(candidates, default_country, admin1_hint, country_hint))
    return hit[1]


def _rescore(it: PlaceItem, default_country: str | None) -> None:
    if it.candidates is None:
        return
    chosen = _best_cached(it.candidates, default_country, it.admin1_hint, it.country_hint)
    if chosen is not None:
        it.candidate, it.score = chosen.candidate, chosen.score


def _apply_qualifiers(items: list[PlaceItem], view: str, default_country: str | None) -> None:
    """``X (Province)``, ``X, Province province``, ``X in Province province``, ``X, Country``."""
    for a, b in zip(items, items[1:]):
        if a.role == "qualifier" or a.candidate.place.precision >= 3:
            continue
        # the gap opens with whitespace, "(", "," or "-" (checked before slicing it: most places
        # are followed by a full stop or a word)
        if a.end >= b.start or (view[a.end] not in "(,-" and not view[a.end].isspace()):
            continue
        gap = view[a.end : b.start]
        if not _QUALIFIER_OPEN_RE.match(gap):
            continue
        after = view[b.end : b.end + 20]
        opened = "(" in gap
        if opened and not _QUALIFIER_CLOSE_RE.match(after):
            continue
        province_word = bool(_PROVINCE_WORD_RE.match(after))
        qual = b.candidate
        if qual.place.precision not in (3, 4) and (opened or province_word) and b.candidates is not None:
            # "Eslamabad, Hamadan province": Hamadan the province, not the town
            qual = next((c for c in b.candidates if c.place.feature == "admin1"
                         and c.place.country == a.place.country), qual)
        if qual.place.precision not in (3, 4):
            continue
        if not opened and qual.place.precision == 3 and not province_word \
                and not _own_province_closing(a, b, qual, view):
            continue  # "Tehran, Isfahan and Shiraz" is a list, "Hashtpar, Gilan province" a qualifier
        if qual.place.precision == 3:
            a.admin1_hint = qual.place.admin1
        else:
            a.country_hint = qual.place.country
        _rescore(a, default_country)
        b.candidate = qual
        b.role = "qualifier"
        if opened:
            close = view.find(")", b.end)
            a.name_end = close + 1 if close != -1 else b.end


#: what may follow "Bandar Abbas, Hormozgan" for the province to qualify the town: the clause ends
_CLAUSE_END_RE = re.compile(r"\s*(?:[.;:)]|,\s+[a-z]|$)")


def _own_province_closing(a: PlaceItem, b: PlaceItem, qual, view: str) -> bool:
    """"projected onto a wall in Bandar Abbas, Hormozgan.": a province that is only a province (no
    town of that name was read), the town's own, closing the clause after a comma, qualifies it."""
    if b.candidate.place.precision != 3 or a.candidate.place.admin1 != qual.place.admin1:
        return False
    if b.candidates is not None and any(c.place.precision == 1 for c in b.candidates):
        return False  # "Najafabad, Isfahan": Isfahan is also a town (a list, perhaps)
    return bool(_CLAUSE_END_RE.match(view, b.end))


_PROVINCE_AFTER_RE = re.compile(r"\s+(?P<s>provinces?)\b", re.I)


def _named_provinces(items: list[PlaceItem], view: str) -> None:
    """``Kermanshah province``: the province, not its same-named capital; ``in Khuzestan and
    Kermanshah provinces``: each name of the list (a name already qualifying another, as in
    "Hashtpar, Gilan province", has its reading)."""
    k = 0
    while k < len(items):
        # "the province of Kermanshah", "in the provinces of Kurdistan, West Azerbaijan and Kermanshah"
        it = items[k]
        before = view[max(0, it.start - 14) : it.start].lower()
        if it.role != "qualifier" and (before.endswith("province of ") or before.endswith("provinces of ")):
            listed = [it]
            if before.endswith("provinces of "):
                while k + 1 < len(items) and LIST_GAP_RE.match(view[items[k].end : items[k + 1].start]):
                    k += 1
                    listed.append(items[k])
            _as_provinces(listed)
        k += 1
    for k, it in enumerate(items):
        m = _PROVINCE_AFTER_RE.match(view, it.end)
        if m is None or it.role == "qualifier":
            continue
        listed = [it]
        if m.group("s").lower() == "provinces":
            j = k
            while j > 0 and LIST_GAP_RE.match(view[items[j - 1].end : items[j].start]):
                j -= 1
                listed.append(items[j])
        _as_provinces(listed)


def _province_labels(items: list[PlaceItem], view: str) -> None:
    """``Ardabil: Khalkhal, Meshginshahr and Germi``: a line's label that names a province (its
    capital too) over towns of that province only is the province, the grouping of the towns."""
    for k, it in enumerate(items[:-1]):
        if view[it.end : it.end + 1] != ":" or it.candidates is None or it.place.precision != 1:
            continue
        line = view.rfind("\n", 0, it.start) + 1
        if view[line : it.start].strip(" \t-\u2022*"):
            continue  # (not the line's first word)
        prov = next((c for c in it.candidates if c.place.feature == "admin1"
                     and c.place.country == it.place.country), None)
        if prov is None:
            continue
        end = view.find("\n", it.end)
        towns = [x for x in items[k + 1 :] if x.start < (end if end >= 0 else len(view))]
        if towns and all(x.place.admin1 == prov.place.admin1 and x.place.precision == 1 for x in towns):
            it.candidate = prov


def _as_provinces(listed: list[PlaceItem]) -> None:
    for x in listed:
        if x.candidate.place.precision == 1 and x.candidates is not None:
            prov = next((c for c in x.candidates if c.place.feature == "admin1"
                         and c.place.country == x.candidate.place.country), None)
            if prov is not None:
                x.candidate = prov


def _fold_districts(items: list[PlaceItem], view: str) -> None:
    """``Narmak district of Tehran`` -> one mention of Tehran named by the whole phrase."""
    for a, b in zip(items, items[1:]):
        if a.absorbed or b.candidate.place.precision != 1:
            continue
        # the gap is spaces then "district(s)", "neighbo(u)rhood(s)", "quarter", "area", "section"
        # or "suburb(s)": its first letter is tested before the gap (often long) is sliced
        first = view[a.end : a.end + 40].lstrip()[:1]
        if first.isascii() and first and first not in "dnqasDNQAS":
            continue
        if _DISTRICT_OF_RE.match(view[a.end : b.start]):
            b.name_start = a.name_start
            b.start = a.start
            a.absorbed = True


def _group_heads(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Head words that share a prefix no head word repeats inside itself ("neighbo" for
    neighbo(u)rhood(s)) are found with one ``str.find`` of the prefix, then told apart."""
    shared = ("neighbo", "district", "court", "detention cent", "baza", "sq", "dormitor")
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(next((p for p in shared if w.startswith(p)), w), []).append(w)
    return tuple((p, tuple(ws)) for p, ws in groups.items())


_HEAD_GROUPS = _group_heads(_POI_HEAD_WORDS)


def _find_heads(view: str) -> list[tuple[int, int]]:
    lower = lowered(view)
    n = len(lower)
    out = []
    for prefix, words in _HEAD_GROUPS:
        i = lower.find(prefix)
        while i != -1:
            if i == 0 or not lower[i - 1].isalnum():
                for w in words:
                    j = i + len(w)
                    if lower.startswith(w, i) and (j >= n or not lower[j].isalnum() or w.endswith(".")):
                        out.append((i, j))
            i = lower.find(prefix, i + len(prefix))
    out.sort()
    return out


#: heads whose name words are often a town the place is *named after* ("Kermanshah Street" is
#: in Tehran): the town inside counts only as a possessive ("Tabriz's Azadi Square")
_STREET_HEADS = frozenset({"street", "st.", "boulevard", "blvd", "avenue", "ave.", "square", "sq.", "park",
                           "garden", "gardens"})  # ("the Delgosha garden in Shiraz": a garden, not the village)


def _fold_pois(items: list[PlaceItem], view: str, gazetteer: Gazetteer | None = None) -> None:
    """Streets, squares, prisons...: one mention of their town, named by the finer words."""
    new: list[PlaceItem] = []
    pending: list[int] = []  # starts of POI phrases waiting for the town named after them

    pois: list[tuple[int, int, str]] = []
    for hs, he in _find_heads(view):  # the head word first, then the capitalised words before it
        head = view[hs:he].lower()
        words_re = _POI_LIST_WORDS_RE if head in _PLURAL_HEADS else _POI_WORDS_RE
        words = words_re.search(view, max(0, hs - (80 if head in _PLURAL_HEADS else 60)), hs)
        if words is not None:
            lead = _LEADING_FUNCTION_WORDS_RE.match(view, words.start(), hs)
            start = lead.end() if lead else words.start()
            if start < hs:
                pois.append((start, he, head))

    def absorb(inside: list[PlaceItem], keep: PlaceItem | None = None) -> None:
        for it in inside:
            if it is not keep:
                it.absorbed = True

    starts = [it.start for it in items]
    for idx, (s, e, head) in enumerate(pois):
        near = items[bisect_left(starts, s - 1) : bisect_right(starts, e + 40)]  # items are sorted by start
        if view.startswith(" of ", e) and any(it.start <= s and e < it.end and not it.absorbed for it in near):
            continue  # "Kianpars district of Ahvaz", folded into Ahvaz already: no second mention
        inside = [it for it in near if s <= it.start and it.end <= e and not it.absorbed]
        # 0. a curated finer place written with a lower-case head ("Lakan prison", "Azadi square")
        if gazetteer is not None and not any(it.candidate.poi for it in inside):
            cur = _curated_poi(gazetteer, view[s:e])
            if cur is not None and _possessive_other_town(inside, view, cur):
                cur = None  # "Rasht's Grand Bazaar": the town's own bazaar, not Tehran's
            if cur is not None:
                absorb(inside)
                item = PlaceItem(s, e, None, cur, 6.0, s, e)
                new.append(item)
                inside = [item]
        # 1. the town is named right after: "Enghelab Street (in Yazd)", "... in Saadat Abad"
        nxt = next((it for it in near if e <= it.start <= e + 40 and not it.absorbed
                    and it.place.precision <= 2 and "\n" not in view[e : it.start]  # not the next paragraph's
                    and _ATTACH_RE.match(view[e : it.start])), None)
        if nxt is not None:
            absorb(inside)
            start = min([s, *pending])
            if nxt.candidate.poi:  # "... in Saadat Abad": the neighbourhood is part of the name
                nxt.name_start = start
            elif "(" in view[e : nxt.start]:  # "Enghelab Street (in Yazd)": the name is the street
                nxt.name_start, nxt.name_end = start, e
            else:
                nxt.name_start = start
            nxt.start = min(nxt.start, start)
            pending.clear()
            continue
        # 2. a curated finer place inside ("Vakilabad Prison"), or its town as a modifier
        town = next((it for it in inside if it.candidate.poi), None)
        if town is not None and _possessive_other_town(inside, view, town.candidate):
            town.absorbed = True  # "Rasht's Grand Bazaar": the town's own bazaar, not Tehran's
            town = None
        fallback = None  # a small village naming the finer place: its town only if nothing better
        if town is None:
            for it in inside:
                possessive = view.startswith(("'s", "\u2019s"), it.end)
                if it.place.precision > 2 or not (possessive or (head not in _STREET_HEADS and it.start == s)):
                    continue
                if not possessive and (_names_the_finer_place(it, head) or _named_for_another_town(it, head, items, starts, view, s)):
                    fallback = fallback or it
                    continue
                town = it
                break
        if town is not None:
            absorb(inside, keep=town)
            town.name_start = min([town.name_start, s, *pending])
            town.name_end = max(town.name_end, e)
            town.start, town.end = min(town.start, s), max(town.end, e)
            pending.clear()
            continue
        if head in _STREET_HEADS or head in _AREA_HEADS:
            absorb(inside)  # "Bahar Boulevard" is a street, not the town of Bahar
        # 3. "X Street and Y Boulevard in Z": wait for the next phrase's town
        if idx + 1 < len(pois) and _CONJ_RE.match(view[e : pois[idx + 1][0]]):
            pending.append(s)
            continue
        # 4. "In Yazd, ... projected in the Enghelab Street": the town named earlier in the sentence
        start = min([s, *pending])
        pending.clear()
        earlier = _town_earlier_in_sentence(items[max(0, bisect_left(starts, start - 300)) : bisect_right(starts, start)],
                                            view, start)
        if earlier is not None:
            absorb(inside)
            cand = Candidate(earlier.place, view[start:e], True, earlier.candidate.source, head)
            new.append(PlaceItem(start, e, None, cand, earlier.score, start, e))
        elif fallback is not None:  # no town around: the village it is named after is the best guess
            absorb(inside, keep=fallback)
            fallback.name_start, fallback.name_end = min(fallback.name_start, start), max(fallback.name_end, e)
            fallback.start, fallback.end = min(fallback.start, start), max(fallback.end, e)
    items.extend(new)


#: curated finer places whose names recur in many towns ("Keshavarz Boulevard", "Azadi Square")
_COMMON_POI_KINDS = frozenset({"street", "square"})
#: ... and by name: most old towns have a "Grand Bazaar" ("Rasht: posters were put up in the Grand Bazaar")
_COMMON_POI_NAMES = frozenset({"grand bazaar", "the grand bazaar"})
_QUOTE_CHARS = frozenset('"“‘\'')
#: a neighbourhood's name on a street ("a Basij base on Golshahr Boulevard" in Karaj): many towns
#: have a street of that name, so it is a common street, not the neighbourhood's town
_STREET_AFTER = re.compile(r"\s+(?:Boulevard|Street|Avenue|Road|Blvd|St)\b")


def _street_named(view: str, it: "PlaceItem") -> bool:
    """The neighbourhood's name is written as a street's ("Golshahr Boulevard")."""
    if _STREET_AFTER.match(view, it.name_end):
        return True
    inner = view[it.start : it.end]
    return any(w in inner for w in ("Boulevard", "Street", "Avenue", "Road"))


def _reattach_common_streets(items: list[PlaceItem], view: str) -> None:
    """Most Iranian towns have an Azadi Square and a Keshavarz Boulevard: a curated street or
    square means its curated town only when the report names that town too. Otherwise it
    belongs to the last town of the same country named before it (the story's town); and so
    it does when that town is named earlier in the same paragraph ("detained three women in
    Sanandaj ... near the Azadi square" in a report that lists Tehran elsewhere)."""
    towns = [it for it in items if not it.candidate.poi and it.place.precision == 1]
    named = {it.place.canonical for it in towns}
    for it in items:
        c = it.candidate
        if (c.poi not in _COMMON_POI_KINDS and view[it.start : it.end].lower() not in _COMMON_POI_NAMES
                and not (c.poi == "neighbourhood" and _street_named(view, it))) \
                or c.source != "cur":
            continue
        before = [t for t in towns if t.start < it.start and t.place.country == c.place.country]
        if c.place.canonical in named:
            # (the paragraph's own town: "In Sanandaj, young people blocked Ferdowsi Street. Security
            # forces shot dead a man on Pasdaran Street", in a report that names Tehran elsewhere)
            lo = view.rfind("\n", 0, it.start)
            # (not a town inside a quotation: posters "with the words 'Kermanshah is not alone'")
            before = [t for t in before if t.start > lo and not _QUOTE_CHARS.intersection(view[t.start - 1 : t.start])]
            if not before or before[-1].place.canonical == c.place.canonical:
                continue
        if before:
            town = before[-1]
            it.candidate = Candidate(town.place, c.matched, c.is_main, c.source, c.poi)


def _merge_named_finer_places(items: list[PlaceItem], view: str) -> list[PlaceItem]:
    """``Brandenburg Gate in Berlin``: a curated finer place followed by its own town is one mention."""
    out: list[PlaceItem] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None and prev.candidate.poi and prev.place == it.place \
                and _ATTACH_RE.match(view[prev.name_end : it.start]):
            prev.name_end, prev.end = it.name_end, max(prev.end, it.end)
            continue
        out.append(it)
    return out


def _fold_small_villages(items: list[PlaceItem], view: str, default_country: str | None) -> None:
    """"In Mashhad, ... posters in Ahmadabad": a small village's name after a city in the same
    sentence is a part of that city (GeoNames' Ahmadabad, pop. 900, is elsewhere). A village in
    a list with the city ("in Mashhad, Ahmadabad and Neyshabur") is left alone."""
    for i, it in enumerate(items):
        p = it.place
        if it.candidates is None or it.candidate.source != "gn" or p.precision != 1 or p.country != default_country \
                or p.population >= SMALL_TOWN_POP or it.name_start != it.start or it.name_end != it.end:
            continue
        lo = max(view.rfind(". ", 0, it.start), view.rfind("\n", 0, it.start), it.start - 300, 0)
        city = None
        for prev in reversed(items[:i]):
            if prev.start < lo:
                break
            if prev.role == "qualifier" or prev.place.precision != 1:
                continue
            if ORIGIN_BEFORE_RE.search(view, max(0, prev.start - 60), prev.start):
                continue  # "a father of three from Javanrud, was shot near Nowsud": a home town
            city = prev
            break
        if city is None or city.place.population < max(20_000, 10 * p.population):
            continue
        if LIST_GAP_RE.match(view[city.end : it.start]):
            continue  # "Mashhad, Ahmadabad and ...": a list of places
        if "village" in view[max(0, it.start - 20) : it.start].lower() or view.startswith(" village", it.end):
            continue  # "the village of Gazak": the report says it is a village
        it.candidate = Candidate(city.place, it.candidate.matched, True, "gn", "neighbourhood")
        it.score = city.score


def _names_the_finer_place(it: PlaceItem, head: str) -> bool:
    """Is the town found inside a finer place's words only that place's name?

    "the Ahmadabad neighbourhood", "Hosseinabad hospital": GeoNames has a village of that
    name somewhere, but the neighbourhood is in the town the sentence is about. A big city
    inside ("Tehran University", "the Tehran area") is the town.
    """
    p = it.place
    if it.candidate.source in ("cur", "user") or p.precision != 1:
        return False
    if head in _AREA_HEADS and p.country != "IR":
        return True  # "raiding homes in the Jahanabad neighbourhood" of Saravan: not the town in India
    if head in _AREA_HEADS:
        # (a town's old or other name in a district's name, "the Khaneh Esfahan district"
        # of Isfahan, is the district's name whatever the town's size)
        return p.population < BIG_CITY_POP or not it.candidate.is_main
    return p.population < SMALL_TOWN_POP


#: institutions often named after a town other than the one they stand in
_NAMED_INSTITUTION_HEADS = frozenset({"university"})


def _named_for_another_town(it: PlaceItem, head: str, items: list[PlaceItem], starts: list[int],
                            view: str, pos: int) -> bool:
    """"In Tabriz, agents attacked students of Sahand University": a town below a big city's
    size inside a university's name is its name when the sentence has already named the town
    the story is in (a big city inside, "Tehran University", still is the town)."""
    if head not in _NAMED_INSTITUTION_HEADS or it.place.precision != 1 or it.place.population >= BIG_CITY_POP:
        return False
    earlier = _town_earlier_in_sentence(items[max(0, bisect_left(starts, pos - 300)) : bisect_right(starts, pos)], view, pos)
    return earlier is not None and earlier is not it and earlier.place.canonical != it.place.canonical


def _curated_poi(gazetteer: Gazetteer, phrase: str) -> Candidate | None:
    """A curated finer place whose name is ``phrase`` (any case: "Dizelabad prison")."""
    words = _LEADING_FUNCTION_WORDS_RE.sub("", phrase)
    words = re.sub(r"^(?:[\w-]+['\u2019]s\s+)", "", words)  # "Shiraz's Adelabad prison": the possessive town
    for c in gazetteer.lookup(words):
        if c.poi and c.source in ("cur", "user"):
            return c
    return None


def _possessive_other_town(inside: list[PlaceItem], view: str, cur: Candidate) -> bool:
    """A town in the possessive before a curated finer place of another town ("Rasht's Grand
    Bazaar" when the curated Grand Bazaar is Tehran's): the phrase names that town's own place."""
    return any(view.startswith(("'s", "\u2019s"), it.end) and it.place.precision <= 2
               and it.place.canonical != cur.place.canonical for it in inside)


def _town_earlier_in_sentence(items: list[PlaceItem], view: str, pos: int) -> PlaceItem | None:
    lo = max(view.rfind(". ", 0, pos), view.rfind("\n", 0, pos), pos - 300, 0)
    for it in reversed(items):
        if lo <= it.start and it.end <= pos and not it.absorbed and it.place.precision == 1 \
                and it.role != "qualifier":
            before = view[max(0, it.start - 80) : it.start]
            if may_be_origin(before) and ORIGIN_BEFORE_RE.search(before):
                return None
            if is_kin_death_place(view[max(0, it.start - 120) : it.start]):
                continue  # "the families of prisoners executed in Qezelhesar went to the X cemetery"
            if _whole_quote(view, it):
                continue  # "chants of \"Azadi\" from rooftops in the Valiasr district": a chanted word
            if _quote_closes_between(view, it.end, pos):
                continue  # 'In Shiraz, the youths wrote "Jaleh, Mahshahr, Zahedan: one crime" on ... Boulevard': a slogan's town
            if (it.start == 0 or view[it.start - 1] == "\n") and _WIRE_DESK_AFTER.match(view, it.end):
                return None  # "BEIRUT (AP) — A Revolutionary Court in northwestern Iran": the desk's town
            return it
    return None


def _quote_closes_between(view: str, a: int, b: int) -> bool:
    """Does a quotation open before ``a`` close between ``a`` and ``b`` (the town at ``a`` quoted)?"""
    seg = view[a:b]
    if '"' in seg:
        return seg.count('"') % 2 == 1
    close = seg.find("\u201d")
    return close >= 0 and not 0 <= seg.find("\u201c") < close


#: a wire dateline after a town that opens its line ("BEIRUT (AP) —", "DUBAI, Jan 3 (Reuters) -")
_WIRE_DESK_AFTER = re.compile(r"(?:,[^\n()]{0,40})?\s*\([A-Za-z.]{2,12}\)\s*[-\u2013\u2014]")


_OPEN_QUOTES, _CLOSE_QUOTES = "\"\u201c", "\"\u201d"


def _whole_quote(view: str, it: PlaceItem) -> bool:
    """The place is all a quoted text holds (a one-word chant or slogan)."""
    return it.start > 0 and view[it.start - 1] in _OPEN_QUOTES and view[it.end : it.end + 1] in tuple(_CLOSE_QUOTES)


class PlacesStage:
    name = "places"
    requires = ("view", "sentences", "paragraphs")
    assigns = ("places",)

    def __init__(self, options: Options | None = None, gazetteer: Gazetteer | None = None):
        self.options = options or Options()
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer(self.options)
        return self._gazetteer

    def __call__(self, doc: Doc, options: Options | None = None) -> None:
        opts = options or self.options
        view = doc.view if len(doc.view) == len(doc.text) else make_view(doc.text)
        doc.places = recognize_places(view, doc.text, self.gazetteer, opts.default_country)
        publisher = doc.report.publisher
        if publisher and doc.places and " " in publisher:
            doc.places = _publisher_named(doc.places, view, publisher)


#: what follows or precedes the publisher's short name where the report cites itself
#: ("Karun's sources said", "Karun has recorded", "according to Karun")
_SELF_CITED_AFTER_RE = re.compile(
    r"(?:['\u2019]s\s|\s+(?:has|have|had|said|says|reported|recorded|documented|learned|learnt|told|added|confirmed|"
    r"found|counted|verified)\b)")


def _publisher_named(places: list[PlaceMention], view: str, publisher: str) -> list[PlaceMention]:
    """A place name that is a word of the publisher's name ("Karun Human Rights Watch"), told
    as the one who speaks ("Karun's sources said", "according to Karun"), is the publisher."""
    words = {name_key(w) for w in publisher.split() if len(w) > 2 and w[:1].isupper()}
    out = []
    for m in places:
        if m.role == "event" and " " not in m.name and name_key(m.name) in words and (
                _SELF_CITED_AFTER_RE.match(view, m.span.end)
                or view[max(0, m.span.start - 13) : m.span.start].lower() == "according to "):
            m = replace(m, role="other")
        out.append(m)
    return out
