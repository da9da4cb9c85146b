"""The places stage on texts written for these tests (not taken from the dev corpus)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eventledger.config import Options
from eventledger.doc import Doc
from eventledger.gazetteer import FakeGazetteer
from eventledger.models import Place, Report
from eventledger.stages.places import PlacesStage
from eventledger.textutil import make_view

DEV = Path(__file__).parents[1].parent / "shared/corpus/dev"


def make(text: str) -> Doc:
    doc = Doc(Report("t", text, hashlib.sha256(text.encode()).hexdigest()))
    doc.view = make_view(text)
    return doc


@pytest.fixture(scope="module")
def stage():
    return PlacesStage(Options())


def run(stage, text):
    doc = make(text)
    stage(doc, Options())
    return doc.places


def events(places):
    return [m.place.canonical for m in places if m.role == "event"]


def by_name(places, name):
    found = [m for m in places if m.name == name]
    assert found, f"no mention named {name!r} in {[m.name for m in places]}"
    return found[0]


def test_stage_contract(stage):
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("view", "sentences", "paragraphs"),
                                                           ("places",))


def test_city_list_gives_every_city(stage):
    text = "Supporters put up posters in the cities of Ardabil, Sanandaj, Bojnurd, Qazvin and Bandar Abbas."
    assert events(run(stage, text)) == ["Ardabil", "Sanandaj", "Bojnurd", "Qazvin", "Bandar Abbas"]


def test_spelling_variants_resolve_to_canonical_names(stage):
    text = ("Leaflets were seen in Doroud, Hamedan, Nishapur, Massouleh, Masjed-e Soleiman, Bandar Anzali "
            "and Esfarāyen.")
    assert events(run(stage, text)) == ["Dorud", "Hamadan", "Neyshabur", "Masuleh", "Masjed Soleyman",
                                        "Bandar-e Anzali", "Esfarayen"]


def test_historical_and_informal_names(stage):
    places = run(stage, "Night rallies in Homayounshahr, Sarbandar and Talesh were reported.")
    assert events(places) == ["Khomeyni Shahr", "Sarbandar", "Hashtpar"]
    assert by_name(places, "Homayounshahr").place.admin1 == "Isfahan"


def test_kerman_is_not_found_inside_kermanshah(stage):
    places = run(stage, "Strikes spread from Kermanshah to Kerman.")
    assert [(m.name, m.place.canonical) for m in places] == [("Kermanshah", "Kermanshah"), ("Kerman", "Kerman")]


def test_province_in_brackets_qualifies_the_town(stage):
    places = run(stage, "Banners appeared in Hashtgerd (Alborz) and Hashtpar (Gilan province) on Monday.")
    h = by_name(places, "Hashtgerd (Alborz)")
    assert (h.place.canonical, h.place.admin1, h.role) == ("Hashtgerd", "Alborz", "event")
    assert by_name(places, "Alborz").role == "qualifier"
    assert by_name(places, "Hashtpar (Gilan province)").place.admin1 == "Gilan"
    assert events(places) == ["Hashtgerd", "Hashtpar"]


def test_province_after_a_comma_qualifies_the_town(stage):
    places = run(stage, "A sit-in was held in Eslamabad, Hamadan province.")
    e = [m for m in places if m.role == "event"]
    assert len(e) == 1 and (e[0].place.canonical, e[0].place.admin1) == ("Eslamabad", "Hamadan")


def test_streets_squares_and_prisons_belong_to_their_town(stage):
    text = ("Slogans were painted on Farhang Street (in Semnan). Two inmates were hanged in Tabriz's "
            "Central Prison, and a vigil was held outside Evin Prison and near Zanjan Bazaar.")
    places = run(stage, text)
    assert by_name(places, "Farhang Street").place.canonical == "Semnan"
    assert by_name(places, "Tabriz's Central Prison").place.canonical == "Tabriz"
    assert by_name(places, "Evin Prison").place.canonical == "Tehran"
    assert by_name(places, "Zanjan Bazaar").place.canonical == "Zanjan"
    assert all(m.place.precision == 1 for m in places)
    assert events(places) == ["Semnan", "Tabriz", "Tehran", "Zanjan"]


def test_streets_in_a_neighbourhood_are_one_mention(stage):
    text = "Images were projected on Golha Street and Bahar Boulevard in Saadat Abad on Friday."
    places = run(stage, text)
    assert len(places) == 1
    m = places[0]
    assert (m.name, m.place.canonical, m.role) == ("Golha Street and Bahar Boulevard in Saadat Abad", "Tehran",
                                                   "event")


def test_district_of_a_city(stage):
    places = run(stage, "Residents gathered in the Narmak district of Tehran.")
    assert [(m.name, m.place.canonical) for m in places] == [("Narmak district of Tehran", "Tehran")]


def test_province_named_as_if_it_were_a_city(stage):
    places = run(stage, "Graffiti was sprayed in Tabriz, Mazandaran and Rasht.")
    m = by_name(places, "Mazandaran")
    assert (m.place.canonical, m.place.admin1, m.place.precision, m.role) == ("Mazandaran", "Mazandaran", 3,
                                                                             "event")


def test_the_country_is_an_event_place_only_where_something_happened_in_it(stage):
    places = run(stage, "Protests were held across Iran. Iran's rulers denied it, and the slogan was 'a free Iran'.")
    roles = [(m.place.canonical, m.place.precision, m.place.admin1, m.role) for m in places]
    assert roles == [("Iran", 4, None, "event"), ("Iran", 4, None, "possessive"), ("Iran", 4, None, "other")]


@pytest.mark.parametrize(
    "text, role",
    [
        ("A political prisoner from Khorramabad was transferred.", "origin"),
        ("The activist, born in Ahvaz, was sentenced.", "origin"),
        ("He is a native of Zabol.", "origin"),
        ("Tehran's regime has executed more people this year.", "possessive"),
        ("Critics of Tehran's theocratic rule met abroad.", "possessive"),
        ("Trucks blocked the road to Arak.", "route"),
        ("The Tehran Times published the figures.", "other"),
    ],
)
def test_non_event_roles(stage, text, role):
    places = run(stage, text)
    assert len(places) == 1 and places[0].role == role, [(m.name, m.role) for m in places]


def test_a_town_described_as_lying_between_two_cities(stage):
    places = run(stage, "The arrests took place in Saveh, a town between Qom and Arak.")
    assert [(m.place.canonical, m.role) for m in places] == [("Saveh", "event"), ("Qom", "route"), ("Arak", "route")]


def test_list_of_origins_keeps_the_role(stage):
    places = run(stage, "Prisoners from Sirjan, Bam and Jiroft were moved.")
    assert [m.role for m in places] == ["origin"] * 3


def test_possessive_place_with_ordinary_noun_is_still_the_event_place(stage):
    places = run(stage, "Protesters marched through Shiraz's old bazaar district.")
    assert events(places) == ["Shiraz"]


def test_persian_script_names(stage):
    places = run(stage, "گزارش: تجمع اعتراضی در تهران و اصفهان برگزار شد")
    assert events(places) == ["Tehran", "Isfahan"]
    assert [m.name for m in places] == ["تهران", "اصفهان"]


def test_stop_list_and_person_names_are_not_places(stage):
    text = ("Mehr news agency said Sheikh Ali Pahlavi spoke about the Resistance Center on Mehr 5, "
            "and Sattar Khan was remembered.")
    assert run(stage, text) == []


def test_spans_point_at_the_name_and_are_sorted(stage):
    text = "Rallies in Yazd and Kashan; later in Qazvin."
    places = run(stage, text)
    assert [text[m.span.start : m.span.end] for m in places] == ["Yazd", "Kashan", "Qazvin"]
    assert [m.span for m in places] == sorted(m.span for m in places)


def test_alias_file_reaches_the_stage(tmp_path):
    alias = tmp_path / "aliases.tsv"
    alias.write_text("Golzar-e Shomali\tRasht\tIR\tGilan\n", encoding="utf-8")
    options = Options(alias_file=alias)
    doc = make("A gathering in Golzar-e Shomali was dispersed.")
    PlacesStage(options)(doc, options)
    assert [(m.name, m.place.canonical) for m in doc.places] == [("Golzar-e Shomali", "Rasht")]


def test_stage_with_a_fake_gazetteer():
    fake = FakeGazetteer([Place("Springfield", "US", "Illinois", 39.8, -89.6, 1, population=114_000)])
    doc = make("A march in Springfield.")
    PlacesStage(Options(default_country="US"), gazetteer=fake)(doc, Options(default_country="US"))
    assert [(m.name, m.place.country, m.role) for m in doc.places] == [("Springfield", "US", "event")]


@pytest.mark.parametrize(
    "text",
    ["", "\u200c\u200c", "(((", "Tehran's", "'s", "Tehran (", "(Alborz)", "Street", "\x00\ud7ff\U0001f600 Qom",
     "e-e-e Bandar-e", "A" * 5000, "تهران" * 50, "Hashtgerd (Alborz", "X's Y Prison of"],
)
def test_never_crashes_and_spans_stay_inside(stage, text):
    places = run(stage, text)
    for m in places:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert m.name == text[m.span.start : m.span.end] or m.name in text


def test_random_unicode_never_crashes(stage):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
                      | st.lists(st.sampled_from(["Tehran", "'s", " ", "(", ")", "Alborz", "Street", "e",
                                                  "-", "in", "of", "Iran", "تهران", ",", "and"])).map("".join))
    def check(text):
        for m in run(stage, text):
            assert 0 <= m.span.start < m.span.end <= len(text)

    check()


def test_dev_corpus_event_places(stage):
    """Distinct event-place canonicals per dev document against the gold locations (recall)."""
    if not (DEV / "gold.jsonl").exists():
        pytest.skip(f"dev corpus not found at {DEV}")
    gold: dict[str, set[str]] = {}
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold.setdefault(row["doc"], set()).add(row["location"])
    for doc_id, expected in gold.items():
        found = set(events(run(stage, (DEV / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8"))))
        missing = expected - found
        assert not missing, f"{doc_id}: missing {sorted(missing)}"


def test_finer_place_takes_the_town_named_earlier_in_the_sentence(stage):
    places = run(stage, "In Birjand, eastern Iran, a banner was hung on the Ferdowsi Street.")
    assert [(m.name, m.place.canonical, m.role) for m in places] == [
        ("Birjand", "Birjand", "event"), ("Iran", "Iran", "qualifier"), ("Ferdowsi Street", "Birjand", "event")]


def test_finer_place_does_not_take_a_prisoners_home_town(stage):
    places = run(stage, "A prisoner from Sari was hanged in the Central Prison.")
    assert [(m.place.canonical, m.role) for m in places] == [("Sari", "origin")]


def test_country_in_persian(stage):
    places = run(stage, "تجمع در سراسر ایران")
    assert [(m.place.canonical, m.place.precision, m.role) for m in places] == [("Iran", 4, "event")]


def test_highway_between_two_cities_is_a_route(stage):
    places = run(stage, "Truckers blocked the Tehran-Karaj highway.")
    assert [(m.place.canonical, m.role) for m in places] == [("Tehran", "route"), ("Karaj", "route")]


def test_country_after_a_town_is_a_qualifier_and_organisation_names_are_other(stage):
    places = run(stage, "Shops closed in Saqqez, in western Iran, Iran International reported.")
    assert [(m.place.canonical, m.role) for m in places] == [("Saqqez", "event"), ("Iran", "qualifier"),
                                                            ("Iran", "other")]


def test_surnames_that_are_also_towns_are_not_places(stage):
    # "Neka" is a town whose GeoNames alternate name is "Nika"; here it is a given name
    places = run(stage, "Relatives of Nika Shakarami and Navid Afkari gathered in Saqqez.")
    assert events(places) == ["Saqqez"]


def test_a_surname_after_a_title_is_not_a_place(stage):
    # "Nasiri" is an old name of Ahvaz; after "Mr." it is a man's surname
    places = run(stage, "Mr. Nasiri was detained on Monday near the bazaar of Yazd.")
    assert events(places) == ["Yazd"]


def test_alias_file_can_override_a_name_the_shipped_gazetteer_already_matched(tmp_path, stage):
    text = "A strike in Mehr and in Kian."
    assert events(run(stage, text)) == []  # warms the shared caches: Mehr is stop-listed
    alias = tmp_path / "aliases.tsv"
    alias.write_text("Mehr\tMehr\tIR\tIlam\n", encoding="utf-8")
    options = Options(alias_file=alias)
    doc = make(text)
    PlacesStage(options)(doc, options)
    assert [(m.name, m.place.canonical, m.place.admin1) for m in doc.places] == [("Mehr", "Mehr", "Ilam")]


# -- finer places of a city: neighbourhoods, districts, prisons, cemeteries ------------------------
def test_neighbourhoods_after_a_city_are_part_of_it(stage):
    places = run(stage, "In Mashhad, on the night of March 2, leaflets were left in the Ahmadabad and Sajjad "
                        "neighbourhoods.")
    assert events(places) == ["Mashhad", "Mashhad"]
    hood = places[1]
    assert (hood.name, hood.place.precision) == ("Ahmadabad and Sajjad neighbourhoods", 1)


def test_single_district_after_a_city(stage):
    places = run(stage, "In Shiraz, a banner was hung in the Hosseinabad district on Friday.")
    assert [(m.name, m.place.canonical) for m in places if m.role == "event"] == [
        ("Shiraz", "Shiraz"), ("Hosseinabad district", "Shiraz")]


def test_a_big_towns_other_name_in_a_district_name_is_the_districts_name(stage):
    # "Khaneh" is an old name of Piranshahr (GeoNames): in a district's name it names the district
    places = run(stage, "In Tabriz, a banner was hung in the Khaneh Gol district on Friday.")
    assert [m.place.canonical for m in places if m.role == "event"] == ["Tabriz", "Tabriz"]
    # the town under its main name in a district's name stays the town when it is big
    assert "Piranshahr" in [m.place.canonical for m in run(stage, "A banner was hung in the Piranshahr district.")]


def test_district_of_a_city(stage):
    places = run(stage, "Graffiti appeared in the Aliabad district of Kerman.")
    assert [(m.name, m.place.canonical) for m in places] == [("Aliabad district of Kerman", "Kerman")]


def test_small_compound_village_in_a_sentence_about_a_city_is_part_of_that_city(stage):
    places = run(stage, "In Isfahan, on Tuesday night, young people wrote slogans on walls in Hosseinabad.")
    assert [(m.name, m.place.canonical) for m in places] == [("Isfahan", "Isfahan"), ("Hosseinabad", "Isfahan")]


def test_village_listed_beside_a_city_stays_a_village(stage):
    places = run(stage, "Farmers protested in Mashhad, Hoseynabad and Neyshabur.")
    assert [m.place.canonical for m in places][1] != "Mashhad"


def test_lower_case_and_possessive_finer_places(stage):
    places = run(stage, "Mourners gathered at Tehran\u2019s Behesht-e Zahra cemetery, and a teacher was moved to "
                        "Shiraz\u2019s Adelabad Prison. Relatives waited outside Dizelabad prison and Lakan prison.")
    assert [(m.name, m.place.canonical, m.role) for m in places] == [
        ("Tehran\u2019s Behesht-e Zahra cemetery", "Tehran", "event"),
        ("Shiraz\u2019s Adelabad Prison", "Shiraz", "event"),
        ("Dizelabad prison", "Kermanshah", "event"),
        ("Lakan prison", "Rasht", "event"),
    ]


def test_court_in_a_city_and_bare_prison_name(stage):
    places = run(stage, "She was tried by the Revolutionary Court in Sanandaj and is now held in Evin.")
    assert [(m.place.canonical, m.place.precision) for m in places] == [("Sanandaj", 1), ("Tehran", 1)]


# -- roles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Drivers blocked the road to Mahabad on Monday.", "Mahabad", "route"),
        ("Shopkeepers closed their shops in solidarity with Khash.", "Khash", "other"),
        ("Lawyers in Yazd held a sit-in in solidarity with their Kerman colleagues.", "Kerman", "other"),
        ("Crowds chanted slogans in support of Zahedan in Saravan.", "Zahedan", "other"),
        ("A man from Bukan was executed in Urmia.", "Bukan", "origin"),
        ("Tabriz's governor said the strike was over.", "Tabriz", "possessive"),
        ("The Zahedan prosecutor says 14 people were detained.", "Zahedan", "other"),
        ("The prosecutor of Marand said that 20 people were detained.", "Marand", "other"),
        ("The prosecutor of Marand said that 20 people were detained in the city.", "Marand", "event"),
        ("The Tehran Times reported the arrests.", "Tehran", "other"),
        ("Tehran\u2019s regime executed him.", "Tehran", "possessive"),
        ("Tehran's rulers fear the street.", "Tehran", "possessive"),
        ("The wounded were taken to a hospital in Kermanshah after the shooting.", "Kermanshah", "other"),
        ('Mourners in Javanrud chanted "Kurdistan will not bow".', "Kurdistan", "other"),
        ("Exiles urged the government to take a harder line on Tehran.", "Tehran", "other"),
    ],
)
def test_roles_of_places_that_are_not_where_it_happened(stage, text, name, role):
    assert by_name(run(stage, text), name).role == role


def test_quoted_speech_that_is_not_a_slogan_keeps_event_places(stage):
    places = run(stage, 'A witness said: "They arrested my brother in Karaj."')
    assert by_name(places, "Karaj").role == "event"


def test_province_is_not_an_event_place_when_a_town_of_it_is(stage):
    places = run(stage, "Retirees rallied in Ahvaz on Sunday. Pensioners in Khuzestan have protested for months.")
    assert events(places) == ["Ahvaz"]
    assert by_name(places, "Khuzestan").role == "other"


def test_province_alone_or_listed_among_towns_stays_an_event_place(stage):
    assert events(run(stage, "Strikes were reported in Kurdistan province.")) == ["Kurdistan"]
    assert events(run(stage, "Posters appeared in Sari, Mazandaran, Babol and Rasht.")) == [
        "Sari", "Mazandaran", "Babol", "Rasht"]


# -- foreign places ------------------------------------------------------------------------------
def test_world_cities_and_their_landmarks(stage):
    places = run(stage, "Rallies were held in London, Washington and Ottawa. Exiles gathered at the Place de la "
                        "R\u00e9publique in Paris and in front of the Brandenburg Gate in Berlin.")
    assert [(m.place.canonical, m.place.country) for m in places if m.role == "event"] == [
        ("London", "GB"), ("Washington", "US"), ("Ottawa", "CA"), ("Paris", "FR"), ("Berlin", "DE")]
    assert by_name(places, "Brandenburg Gate in Berlin").place.precision == 1


def test_sentence_initial_english_words_and_kurdish_given_names_are_not_places(stage):
    places = run(stage, "Most of those detained were students. Soran Karimi, 31, was arrested in Bukan.")
    assert [m.place.canonical for m in places] == ["Bukan"]


def test_a_named_village_stays_a_village(stage):
    places = run(stage, "In Zahedan, security forces later raided the village of Hosseinabad.")
    assert [m.place.canonical for m in places][1] != "Zahedan"


def test_a_common_street_name_belongs_to_the_story_town():
    from eventledger.gazetteer import get_gazetteer
    from eventledger.stages.places import recognize_places
    from eventledger.textutil import make_view

    text = ("Residents gathered in Shiraz on Monday. Later, youths set fire to a bank on "
            "Keshavarz Boulevard.")
    found = {m.name: m.place.canonical for m in recognize_places(make_view(text), text, get_gazetteer())}
    assert found.get("Keshavarz Boulevard") == "Shiraz"
    text = "Students marched along Keshavarz Boulevard in the capital, Tehran, on Monday."
    found = {m.place.canonical for m in recognize_places(make_view(text), text, get_gazetteer())}
    assert found == {"Tehran"}


def test_names_without_being_there_needs_a_before_ending_in_white_space():
    """assign_roles asks _names_without_being_there only when _last_word(before) is not None
    (``before`` ends with white space): whenever it is None the function says no."""
    import random
    from types import SimpleNamespace

    from eventledger.stages import place_roles as R

    rng = random.Random(3)
    pieces = ["governor of ", "the city of ", "Officials of", "pressure on ", "talks with", "solidarity with ",
              "in support of ", "chants for ", "taken ", "to a ", "hospital ", "in ", "at", "\u00a0", "\n", " ",
              "\t", "x", ",", "of", "medical center", "the people of ", "sympathy with\u2003"]
    said_yes = 0
    for _ in range(20000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))[-80:]
        view = before + "Tehran"
        it = SimpleNamespace(start=len(before), end=len(view))
        answer = R._names_without_being_there(before, view, it)
        said_yes += answer
        if R._last_word(before) is None:
            assert not answer, repr(before)
    assert said_yes > 100


def test_a_name_followed_by_province_is_the_province(stage):
    places = run(stage, "Protests were held in Kermanshah province on Monday.")
    assert [(m.place.canonical, m.place.precision) for m in places] == [("Kermanshah", 3)]
    # the city of the same name, without the word, stays the city
    assert [m.place.precision for m in run(stage, "Protests were held in Kermanshah on Monday.")] == [1]


def test_a_list_of_provinces_is_provinces_and_yields_to_their_towns(stage):
    places = run(stage, "Two men were killed in Izeh and Javanrud, our correspondents in Khuzestan and "
                        "Kermanshah provinces report.")
    assert [(m.place.canonical, m.place.precision) for m in places if m.place.precision == 3] == [
        ("Khuzestan", 3), ("Kermanshah", 3)]
    assert events(places) == ["Izeh", "Javanrud"]


def test_a_town_located_by_its_bearing_from_another(stage):
    places = run(stage, "Youths torched a Basij base in Shahin Shahr, north of Isfahan.")
    assert events(places) == ["Shahin Shahr"]
    assert by_name(places, "Isfahan").role == "route"
    # "the north of Tehran" is a part of the town
    assert events(run(stage, "Students rallied in the north of Tehran.")) == ["Tehran"]


def test_rud_is_a_river_word_not_a_town(stage):
    assert events(run(stage, "Farmers rallied on the dry bed of the Zayandeh Rud in Isfahan.")) == ["Isfahan"]


def test_a_street_ending_a_line_is_not_placed_by_the_next_paragraphs_town(stage):
    # "... on Azadi boulevard" closes a caption; "In Mashhad," opens the next paragraph
    places = run(stage, "Karaj, Iran – May 3, 2023 – Students on Azadi boulevard\n\nIn Mashhad, workers rallied.")
    assert "Mashhad" in events(places)
    assert by_name(places, "Mashhad").name == "Mashhad"


def test_a_small_town_naming_a_university_yields_to_the_town_the_sentence_is_in(stage):
    # Sahand is a town of about 80,000, but the sentence is about Tabriz
    places = run(stage, "In Tabriz, agents beat students outside the cafeteria of Sahand University of Technology.")
    assert set(events(places)) == {"Tabriz"}
    # a big city inside the name is the town
    assert "Tehran" in events(run(stage, "Students of Tehran University rallied on Monday."))


def test_the_place_of_a_grievance_a_protest_names_is_not_the_protest_place(stage):
    places = run(stage, "Farmers gathered in Ahvaz to protest the diversion of water to farms in Isfahan.")
    assert events(places) == ["Ahvaz"]
    # without a protest town before it, the place stays the event's
    assert events(run(stage, "Farmers rallied to protest the water cuts in Isfahan.")) == ["Isfahan"]


def test_a_landmark_town_after_a_comma_and_near_is_a_bearing(stage):
    places = run(stage, "In Shahin Shahr, near Isfahan, youths set fire to a Basij base.")
    assert events(places) == ["Shahin Shahr"]


def test_a_county_after_a_town_and_in_locates_the_town(stage):
    places = run(stage, "Police fired on porters near Baneh, in Saqqez county, wounding three.")
    assert events(places) == ["Baneh"]
    # a county named on its own is still the place
    assert events(run(stage, "Police fired on porters in Saqqez county, wounding three.")) == ["Saqqez"]


def test_the_town_a_wave_spread_from_is_no_event_place(stage):
    places = run(stage, "The strikes spread last week from Ahvaz to Abadan, where dock workers stopped work.")
    assert events(places) == ["Abadan"]


def test_a_common_square_belongs_to_the_town_named_before_it_in_its_sentence(stage):
    # the report names Tehran elsewhere; the square is the one in Sanandaj
    places = run(stage, "Posters went up in Tehran and Arak.\n\nAgents detained two women in Sanandaj near the Azadi Square.")
    assert by_name(places, "Azadi Square").place.canonical == "Sanandaj"


def test_a_town_name_before_a_word_that_makes_it_another_name_is_no_place(stage):
    """data/names_before.tsv: "Qods" is a town west of Tehran except in "Qods Force" or
    "Qods Day" (compared lower-case, one word after the name)."""
    assert events(run(stage, "Workers rallied in Qods, west of Tehran, on Monday.")) == ["Qods"]
    assert "Qods" not in [m.place.canonical for m in run(stage, "A commander of the Qods Force spoke in Karaj.")]
    assert "Qods" not in [m.place.canonical for m in run(stage, "On Qods day, banners were burned in Karaj.")]
    assert "Qods" in events(run(stage, "Youths burned a billboard in Karaj and in Qods."))


def test_a_town_in_a_persons_apposition_after_from_is_the_home_town(stage):
    """"Reza Karimi, 34, from Sanandaj, was executed in Ghezel Hesar": Sanandaj is where he
    is from; "the units, from Tehran to Zahedan, ..." stays a route over event places."""
    places = run(stage, "Omid Rahimi, 34, from Sanandaj, was hanged in Karaj on Monday.")
    assert by_name(places, "Sanandaj").role == "origin"
    assert events(places) == ["Karaj"]
    assert by_name(run(stage, "Omid Rahimi, from Bukan, was arrested in Tabriz."), "Bukan").role == "origin"
    assert "Tehran" in events(run(stage, "Members of the Resistance Units, from Tehran to Zahedan, put up posters."))


def test_a_town_in_the_possessive_names_its_own_bazaar_not_the_curated_one(stage):
    """The curated "Grand Bazaar" is Tehran's; "Rasht's Grand Bazaar" is Rasht's own."""
    assert events(run(stage, "The shopkeepers of Rasht's Grand Bazaar closed their shops on Monday.")) == ["Rasht"]
    assert events(run(stage, "The shopkeepers of Tehran's Grand Bazaar closed their shops on Monday.")) == ["Tehran"]
    assert events(run(stage, "The shopkeepers of the Grand Bazaar closed their shops on Monday.")) == ["Tehran"]


def test_the_grand_bazaar_after_a_town_named_on_its_line_is_that_towns(stage):
    # a report that also names Tehran: the Grand Bazaar of the line's town, not a town quoted on posters
    places = run(stage, "Tehran: posters went up on Sunday.\nTabriz: on Sunday, posters reading \"Zahedan is not alone\" "
                        "were put up in the Grand Bazaar.")
    assert [(m.name, m.place.canonical) for m in places if m.name == "Grand Bazaar"] == [("Grand Bazaar", "Tabriz")]


def test_a_town_after_near_that_locates_an_unnamed_village_is_the_event_place(stage):
    """"residents of the village of Gasht, near Fuman, ...": no known place before ", near" for
    Fuman to locate, so Fuman is where it happened; "In Khomeini Shahr, near Isfahan" keeps
    Isfahan as the landmark."""
    assert events(run(stage, "Residents of the village of Gasht, near Fuman, blocked the road on Friday.")) == ["Fuman"]
    assert "Isfahan" not in events(run(stage, "In Khomeini Shahr, near Isfahan, workers rallied on Friday."))


def test_the_place_of_the_past_act_an_anniversary_counts_from_is_no_event_place(stage):
    places = run(stage, "Twenty-six years after the attack on the Tehran University dormitory, students marked "
                        "the anniversary in Tabriz.")
    assert events(places) == ["Tabriz"]


def test_a_small_town_after_a_home_town_is_not_folded_into_it(stage):
    # "a mother of two from Javanrud, was wounded near Nowsud": Javanrud is where she is from, so
    # the small town after it is not one of its neighbourhoods
    places = run(stage, "Leila Karimi, 29, a mother of two from Javanrud, was wounded by border guards near Nowsud.")
    assert events(places) == ["Nowsud"]


def test_a_site_named_after_a_place_then_placed_in_a_town_is_in_that_town(stage):
    places = run(stage, "Workers of the Zarand steel plant, Kerman, went on strike.")
    assert events(places) == ["Kerman"]
    # a site named after its own town, with no other town after it, is in that town
    assert events(run(stage, "Workers of the Zarand steel plant went on strike.")) == ["Zarand"]
