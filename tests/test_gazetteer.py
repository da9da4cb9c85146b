"""Gazetteer data, name folding, resolution preferences, aliases and the stop list."""

from __future__ import annotations

import pytest

from eventledger.config import Options
from eventledger.errors import GazetteerError
from eventledger.gazetteer import Candidate, FakeGazetteer, Gazetteer, get_gazetteer
from eventledger.gazetteer.explain import explain, format_explanation
from eventledger.gazetteer.normalize import name_key
from eventledger.gazetteer.resolve import best
from eventledger.models import Place


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer(Options())


def top(gaz, name, **hints):
    chosen = best(gaz.lookup(name), "IR", **hints)
    assert chosen is not None, f"{name!r} did not resolve"
    return chosen.candidate.place


# -- romanisation folding -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Doroud", "Dorud"),
        ("Esfarāyen", "Esfarayen"),
        ("Massouleh", "Masuleh"),
        ("Masjed-e Soleyman", "Masjed Soleiman"),
        ("Bandar-e Anzali", "Bandar Anzali"),
        ("Homayoun Shahr", "Homayounshahr"),
        ("Shahriyar", "Shahriar"),
        ("Bandar Abbas", "Bandar-Abbas"),
    ],
)
def test_spelling_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_different_names_keep_different_keys():
    assert name_key("Kerman") != name_key("Kermanshah")
    assert name_key("Qom") != name_key("Qum Qal'eh")


def test_persian_letter_variants_fold():
    # Arabic yeh/kaf vs Persian yeh/keheh, as pasted from different keyboards
    assert name_key("كرمان") == name_key("کرمان")


# -- the shipped data -----------------------------------------------------------------------------
def test_shipped_gazetteer_implements_the_protocol(gaz):
    assert isinstance(gaz, Gazetteer)
    assert get_gazetteer(Options()) is gaz  # cached per process


@pytest.mark.parametrize(
    "surface, canonical, admin1",
    [
        ("Doroud", "Dorud", "Lorestan"),
        ("Hamedan", "Hamadan", "Hamadan"),
        ("Nishapur", "Neyshabur", "Razavi Khorasan"),
        ("Esfarāyen", "Esfarayen", "North Khorasan"),
        ("Massouleh", "Masuleh", "Gilan"),
        ("Masjed Soleiman", "Masjed Soleyman", "Khuzestan"),
        ("Bandar Anzali", "Bandar-e Anzali", "Gilan"),
        ("Homayoun Shahr", "Khomeyni Shahr", "Isfahan"),
        ("Sarbandar", "Sarbandar", "Khuzestan"),
        ("Hashtpar", "Hashtpar", "Gilan"),
        ("Talesh", "Hashtpar", "Gilan"),
        ("Orumiyeh", "Urmia", "West Azerbaijan"),
        ("Urmia", "Urmia", "West Azerbaijan"),
        ("Yasuj", "Yasuj", "Kohgiluyeh and Boyer-Ahmad"),
        ("Zahedan", "Zahedan", "Sistan and Baluchestan"),
        ("تهران", "Tehran", "Tehran"),
    ],
)
def test_iranian_spellings_resolve(gaz, surface, canonical, admin1):
    place = top(gaz, surface)
    assert (place.canonical, place.admin1, place.country, place.precision) == (canonical, admin1, "IR", 1)
    assert place.lat is not None and place.lon is not None


def test_provinces_have_english_names_and_precision_3(gaz):
    for name, canonical in [("Mazandaran", "Mazandaran"), ("Khorasan Razavi", "Razavi Khorasan"),
                            ("Kohgiluyeh va Boyer Ahmad", "Kohgiluyeh and Boyer-Ahmad"),
                            ("Alborz province", "Alborz")]:
        p = top(gaz, name)
        assert (p.canonical, p.admin1, p.precision, p.feature) == (canonical, canonical, 3, "admin1")


def test_town_named_like_its_province_is_the_town_other_province_wins(gaz):
    assert top(gaz, "Kerman").precision == 1  # the capital of Kerman province
    assert top(gaz, "Golestan").precision == 3  # a Tehran-province town shares the name


def test_country_resolves_with_precision_4(gaz):
    p = top(gaz, "Iran")
    assert (p.canonical, p.country, p.admin1, p.precision) == ("Iran", "IR", None, 4)


def test_world_towns_are_present(gaz):
    p = best(gaz.lookup("Lyon"), "FR").candidate.place
    assert (p.canonical, p.country) == ("Lyon", "FR")
    # a small place (cities500 level) is in the data, found when its country is preferred
    assert any(c.place.country == "NO" for c in gaz.lookup("Lillehammer"))


def test_province_hint_selects_among_same_named_towns(gaz):
    names = [c.place.admin1 for c in gaz.lookup("Eslamabad")]
    assert len(set(names)) > 1
    assert top(gaz, "Eslamabad", admin1_hint="Hamadan").admin1 == "Hamadan"


def test_main_name_beats_alternate_name(gaz):
    # Qods lists "Karaj" among its GeoNames alternate names; Karaj itself must win
    assert top(gaz, "Karaj").canonical == "Karaj"


def test_finer_places_resolve_to_their_town(gaz):
    cands = gaz.lookup("Evin Prison")
    assert cands and cands[0].poi == "prison" and cands[0].place.canonical == "Tehran"
    assert top(gaz, "Ghezel Hesar").canonical == "Karaj"
    assert top(gaz, "Vakilabad Prison").canonical == "Mashhad"


def test_stop_list_hides_common_words(gaz):
    for word in ("Mehr", "Sheikh", "Ali", "Pahlavi", "Resistance", "Center", "August"):
        assert gaz.lookup(word) == (), word
        assert gaz.is_stopped(name_key(word))


# -- aliases ------------------------------------------------------------------------------------
def test_user_alias_file_extends_the_gazetteer(tmp_path):
    alias = tmp_path / "aliases.tsv"
    alias.write_text("alias\tcanonical\tcountry\tadmin1\nFardisabad\tKaraj\tIR\tAlborz\nMehr\tMehr\tIR\n",
                     encoding="utf-8")
    g = get_gazetteer(Options(alias_file=alias))
    assert best(g.lookup("Fardisabad"), "IR").candidate.place.canonical == "Karaj"
    assert best(g.lookup("Fardisabad"), "IR").candidate.source == "user"
    assert g.lookup("Mehr"), "a user alias lifts the stop list"
    # the shared, cached gazetteer is not changed
    assert get_gazetteer(Options()).lookup("Fardisabad") == ()


def test_alias_to_an_unknown_place_is_a_clear_error(tmp_path):
    alias = tmp_path / "bad.tsv"
    alias.write_text("Foo\tNo Such Town Anywhere\tIR\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="No Such Town Anywhere"):
        get_gazetteer(Options(alias_file=alias))


def test_missing_alias_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        get_gazetteer(Options(alias_file=tmp_path / "missing.tsv"))


# -- the fake ------------------------------------------------------------------------------------
def test_fake_gazetteer_behaves_like_the_shipped_one():
    rasht = Place("Rasht", "IR", "Gilan", 37.28, 49.58, 1, population=600_000)
    gilan = Place("Gilan", "IR", "Gilan", 37.28, 49.58, 3, feature="admin1")
    fake = FakeGazetteer([rasht, gilan], alternates={"Rasht": ["Resht"]}, aliases={"Rasht city": "Rasht"},
                         pois={"Golsar": ("Rasht", "neighbourhood")}, stop=["Gilan"])
    assert isinstance(fake, Gazetteer)
    assert fake.lookup("Resht")[0] == Candidate(rasht, "Resht", False, "gn")
    assert fake.lookup("Rasht city")[0].source == "cur"
    assert fake.lookup("Golsar")[0].poi == "neighbourhood"
    assert fake.lookup("Gilan") == ()


# -- explain -----------------------------------------------------------------------------------
def test_explain_lists_candidates_with_scores_and_reasons():
    records = explain("Hamedan")
    assert records[0].chosen and records[0].canonical == "Hamadan"
    text = format_explanation("Hamedan", records)
    assert "Hamadan" in text and "score" in text and "report country IR" in text


def test_explain_says_when_a_name_is_stop_listed_or_unknown():
    assert "stop list" in format_explanation("Mehr", explain("Mehr"))
    assert "no gazetteer entry" in format_explanation("Xqzvbnm", explain("Xqzvbnm"))


# -- variant spellings common in English reports (folding rules first, aliases second) ------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Ghaemshahr", "Qaemshahr"),  # gh == q
        ("Ghezel Hesar", "Qezel Hesar"),
        ("Saghez", "Saqqez"),  # gh == q, doubled letters
        ("Kazeroon", "Kazerun"),  # oo == u
        ("Sheerin", "Shirin"),  # ee == i
        ("Meisam", "Meysam"),  # ei == ey
        ("Torbat-e Heydariyeh", "Torbat Heydariyeh"),  # ezafe
    ],
)
def test_folding_rules_for_common_romanisations(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Torbat-e Heydarieh", "Torbat-e Heydariyeh"), ("Torbat-e Heydariyeh", "Torbat-e Heydariyeh"),
        ("Shahrekord", "Shahr-e Kord"), ("Shahr-e Kord", "Shahr-e Kord"),
        ("Mahshahr", "Bandar-e Mahshahr"), ("Bandar-e Mahshahr", "Bandar-e Mahshahr"),
        ("Bandar Mahshahr", "Bandar-e Mahshahr"),
        ("Gonbad-e Kavus", "Gonbad-e Kavus"), ("Gonbad Kavus", "Gonbad-e Kavus"),
        ("Khoy", "Khoy"), ("Khuy", "Khoy"), ("Khomein", "Khomeyn"), ("Khomeyn", "Khomeyn"),
        ("Rey", "Rey"), ("Ray", "Rey"), ("Shahr-e Rey", "Rey"),
        ("Qaemshahr", "Qaemshahr"), ("Ghaemshahr", "Qaemshahr"),
        ("Fuladshahr", "Fulad Shahr"), ("Foolad Shahr", "Fulad Shahr"),
        ("Eslamshahr", "Eslamshahr"), ("Islamshahr", "Eslamshahr"),
        ("Sanandaj", "Sanandaj"), ("Sinne", "Sanandaj"),
        ("Saqqez", "Saqqez"), ("Saqez", "Saqqez"), ("Saghez", "Saqqez"),
        ("Piranshahr", "Piranshahr"), ("Izeh", "Izeh"), ("Kazerun", "Kazerun"), ("Kazeroon", "Kazerun"),
        ("Golpayegan", "Golpayegan"), ("Golpaygan", "Golpayegan"), ("Nahavand", "Nahavand"),
        ("Malayer", "Malayer"), ("Miandoab", "Miandoab"), ("Naqadeh", "Naqadeh"), ("Naghadeh", "Naqadeh"),
        ("Meshginshahr", "Meshgin Shahr"), ("Meshkinshahr", "Meshgin Shahr"),
        ("Langarud", "Langarud"), ("Langerud", "Langarud"), ("Tonekabon", "Tonekabon"),
        ("Tonkabon", "Tonekabon"), ("Savojbolagh", "Hashtgerd"), ("Najafabad", "Najafabad"),
        ("Shahin Shahr", "Shahin Shahr"), ("Shahinshahr", "Shahin Shahr"),
        ("Ferdows", "Ferdows"), ("Gonabad", "Gonabad"), ("Birjand", "Birjand"), ("Zabol", "Zabol"),
        ("Iranshahr", "Iranshahr"), ("Chabahar", "Chabahar"), ("Jiroft", "Jiroft"),
        ("Rafsanjan", "Rafsanjan"), ("Sirjan", "Sirjan"), ("Kuhdasht", "Kuhdasht"),
        ("Koohdasht", "Kuhdasht"), ("Dehloran", "Dehloran"),
        ("Anzali", "Bandar-e Anzali"), ("Lengeh", "Bandar-e Lengeh"),  # "Bandar(-e)" is optional
    ],
)
def test_variant_spellings_resolve_to_the_iranian_town(gaz, written, canonical):
    p = top(gaz, written)
    assert (p.canonical, p.country, p.precision) == (canonical, "IR", 1)


def test_port_prefix_is_not_dropped_when_the_rest_is_a_given_name(gaz):
    # "Bandar Abbas" must not make every "Abbas" a port town
    chosen = best(gaz.lookup("Abbas"), "IR")
    assert chosen is None or chosen.candidate.place.canonical != "Bandar Abbas"


@pytest.mark.parametrize(
    "name, town",
    [
        ("Adelabad", "Shiraz"), ("Dizelabad Prison", "Kermanshah"), ("Dastgerd Prison", "Isfahan"),
        ("Lakan Prison", "Rasht"), ("Qezelhesar", "Karaj"), ("Ghezel Hesar", "Karaj"),
        ("Rajaei Shahr", "Karaj"), ("Vakilabad", "Mashhad"), ("Behesht-e Zahra", "Tehran"),
        ("Azadi Square", "Tehran"), ("Enqelab Square", "Tehran"), ("Enghelab Square", "Tehran"),
        ("Evin", "Tehran"), ("Brandenburg Gate", "Berlin"),
    ],
)
def test_curated_finer_places_resolve_to_their_town(gaz, name, town):
    chosen = best(gaz.lookup(name), "IR")
    assert chosen is not None and chosen.candidate.poi
    assert (chosen.candidate.place.canonical, chosen.candidate.place.precision) == (town, 1)


@pytest.mark.parametrize("word", ["Most", "Reading", "Mobile", "Split"])
def test_english_words_that_are_foreign_towns_are_stopped(gaz, word):
    assert gaz.lookup(word) == ()


@pytest.mark.parametrize(
    "city, country",
    [("Berlin", "DE"), ("Hamburg", "DE"), ("Paris", "FR"), ("London", "GB"), ("Washington", "US"),
     ("Ottawa", "CA"), ("Stockholm", "SE"), ("Toronto", "CA")],
)
def test_world_cities_resolve_without_their_country_named(gaz, city, country):
    p = top(gaz, city)
    assert (p.canonical, p.country, p.precision) == (city, country, 1)


def test_place_rows_index_every_key_in_row_order():
    """The load-time shortcut for single-key rows builds the index the per-key loop builds."""
    from eventledger.gazetteer import ShippedGazetteer

    rows = ["# header", "1\tP\tA\tIR\t\t\t\t0\tgn\tab", "2\tP\tB\tIR\t\t\t\t0\tgn\tcd|ab|ef", "",
            "3\tP\tC\tIR\t\t\t\t0\tgn\tab", "4\tP\tD\tIR\t\t\t\t0\tgn\tef|ef", "5\tP\tE\tIR\t\t\t\t0\tgn\tgh"]
    g = ShippedGazetteer.__new__(ShippedGazetteer)
    g._index = {}
    g._load_places("\n".join(rows))
    # row i (of the data rows) -> i << 1, plus 1 for an alternate name
    assert g._index == {"ab": [0, 3, 4], "cd": 2, "ef": [3, 6, 7], "gh": 8}
    assert len(g._rows) == 5


def test_no_entry_answers_to_an_empty_key(gaz):
    # rows whose names all normalise to too short a key are not written by the build
    assert not list(gaz.lookup_key(""))


def test_a_sentence_opening_preposition_does_not_make_a_small_town_part_of_a_longer_name():
    # "In Asaluyeh, ...": the capitalised "In" is no neighbour of a longer name (a person's or an
    # organisation's), so the small port (under 20,000 people in GeoNames) stays a place
    from eventledger.gazetteer.matcher import name_hits

    g = get_gazetteer()
    (hit,) = name_hits(g, "In Asaluyeh, strikers gathered.")
    assert hit[2] == "asaluyeh" and hit[5] is False
    (hit,) = name_hits(g, "Navid Asaluyeh spoke.")  # a capitalised word that is no preposition still is
    assert hit[5] is True
