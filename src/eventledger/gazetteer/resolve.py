"""Choose among the candidates a name could mean, and say why.

Preferences, strongest first: a deliberate alias (curated or the user's file); the province
named beside the place ("Hashtpar (Gilan)"); the report's country; a main name over an
alternate name; a country or province over a town of the same name unless that town is
the province's own capital ("Golestan" is the province, "Kerman" the city); more people.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import Candidate

__all__ = ["Scored", "rank", "best", "SMALL_FOREIGN_POP"]

#: a foreign town smaller than this is only accepted when its country is named nearby
SMALL_FOREIGN_POP = 50_000


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    score: float
    reasons: tuple[str, ...]


def rank(candidates: tuple[Candidate, ...] | list[Candidate], default_country: str | None = "IR",
         admin1_hint: str | None = None, country_hint: str | None = None) -> list[Scored]:
    """Candidates best first, each with a score and the reasons for it."""
    admin1_names = {c.place.canonical for c in candidates if c.place.feature == "admin1"}
    scored: list[Scored] = []
    seen: set[tuple] = set()
    for c in candidates:
        p = c.place
        ident = (p.canonical, p.country, p.admin1, p.precision, c.poi)
        if ident in seen:
            continue
        seen.add(ident)
        s = 0.0
        why: list[str] = []
        if c.source in ("cur", "user"):
            s += 6
            why.append(f"{'curated' if c.source == 'cur' else 'user'} alias +6")
        if admin1_hint and p.admin1 == admin1_hint:
            s += 5
            why.append(f"province {admin1_hint} named beside it +5")
        if country_hint and p.country == country_hint:
            s += 4
            why.append(f"country {country_hint} named beside it +4")
        if default_country and p.country == default_country:
            s += 4
            why.append(f"report country {default_country} +4")
        if c.is_main:
            s += 2
            why.append("main name +2")
        elif p.country != default_country and p.country != country_hint and c.source not in ("cur", "user"):
            s -= 3  # foreign alternate names are often ordinary words or names ("Hamas", "Ahmad")
            why.append("alternate name of a foreign place -3")
        else:
            why.append("alternate name +0")
        if p.feature == "country":
            s += 3
            why.append("country +3")
        elif p.feature == "admin1":
            # a province beats a same-named town, except the province's capital town
            s += 1.5
            why.append("province +1.5")
            if p.country != default_country and p.country != country_hint and c.source not in ("cur", "user"):
                s -= 4
                why.append("foreign province without its country named -4")
        elif p.feature == "city" and p.admin1 in admin1_names and p.canonical == p.admin1:
            s += 2
            why.append("capital of the same-named province +2")
        if p.feature == "city" and c.is_main and p.population >= 1_000_000 and p.country != default_country:
            s += 3  # "Alexandria" is Egypt's, not an old alternate name of Mashhad
            why.append("main name of a city over 1,000,000 +3")
        if p.population:
            bonus = min(math.log10(p.population + 1), 7.0) / 7.0 * 1.4
            s += bonus
            why.append(f"population {p.population:,} +{bonus:.2f}")
        if p.feature == "city" and p.country != default_country and p.population < SMALL_FOREIGN_POP \
                and p.country != country_hint and c.source not in ("cur", "user"):
            s -= 5
            why.append(f"small foreign town (< {SMALL_FOREIGN_POP:,}) without its country named -5")
        scored.append(Scored(c, round(s, 3), tuple(why)))
    scored.sort(key=lambda x: -x.score)
    return scored


def best(candidates, default_country="IR", admin1_hint=None, country_hint=None) -> Scored | None:
    ranked = rank(candidates, default_country, admin1_hint, country_hint)
    if not ranked or ranked[0].score < 0:
        return None
    return ranked[0]
