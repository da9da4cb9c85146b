"""Rules added after held-out set 25 (ho157-ho162), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest
import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)
from eventledger.stages.dates_extract import extract
from eventledger.stages.dates_resolve import resolve_atom_range


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2025-12-20"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


@pytest.mark.parametrize("text, start, end", [
    ("Bulletin for 3 to 9 Dey 1404", dt.date(2025, 12, 24), dt.date(2025, 12, 30)),
    ("the week of 3-9 Dey 1404", dt.date(2025, 12, 24), dt.date(2025, 12, 30)),
])
def test_a_range_of_days_in_a_persian_month(text, start, end):
    atoms = [a for a in extract(text) if a.kind == "date"]
    assert len(atoms) == 1
    r = resolve_atom_range(atoms[0], None)
    assert (r.start, r.end) == (start, end)


@pytest.mark.parametrize("text, year", [
    ("She had been detained in 1401.", 1401),
    ("He has been held since 1398 and was never tried.", 1398),
])
def test_a_bare_iranian_year(text, year):
    atoms = [a for a in extract(text) if a.kind == "year"]
    assert [(a.a.y, a.a.cal) for a in atoms] == [(year, "j")]


def test_a_count_in_the_thirteen_hundreds_is_no_year():
    assert not [a for a in extract("Floods hit homes in 1400 villages.") if a.kind == "year"]


def test_an_arrest_in_an_iranian_year_is_history(pipe):
    doc = run(pipe, "On Friday, December 19, a prisoner was hanged in Qazvin prison. He had been "
                    "arrested in Takestan in 1399.\n")
    assert ("Takestan", "arrest") not in summary(doc)
    assert ("Qazvin", "execution") in summary(doc)


def test_a_village_in_a_county_is_placed_in_the_countys_town(pipe):
    doc = run(pipe, "On Tuesday, December 16, police shot a shepherd near the village of Jalq in Saravan "
                    "county. Two men were killed.\n")
    got = summary(doc)
    assert ("Saravan", "killing") in got
    assert not any(town == "Jalq" for town, _ in got)


@pytest.mark.parametrize("text", [
    "On Tuesday, December 16, police beat three farmers in Jiroft. They were taken to Pastor "
    "Memorial hospital in Kerman.\n",
    "On Tuesday, December 16, police beat three farmers in Jiroft. One of them died of his wounds "
    "in a hospital in Kerman.\n",
])
def test_the_hospital_town_is_not_the_event_town(pipe, text):
    got = summary(run(pipe, text))
    assert any(town == "Jiroft" for town, _ in got)
    assert not any(town == "Kerman" for town, _ in got)


@pytest.mark.parametrize("text", [
    "On Tuesday, December 16, a porter from Bukan was shot in the leg by border guards near Sardasht.\n",
    "On Tuesday, December 16, two shepherds were shot by border guards near Sardasht.\n",
])
def test_a_shooting_told_by_the_wound_or_the_shooter(pipe, text):
    assert ("Sardasht", "attack_on_civilians") in summary(run(pipe, text))


def test_a_publisher_named_after_a_place_cites_itself(pipe):
    text = ("On Monday, December 15, police detained three workers in Dezful. Karun's sources said they "
            "were taken to an unknown location. Karun has recorded 12 such arrests since November.\n")
    doc = test_assemble.run(pipe, text, publisher="Karun Human Rights Watch", published="2025-12-20")
    got = summary(doc)
    assert ("Dezful", "arrest") in got
    assert not any(town == "Karun" for town, _ in got)


def test_the_provinces_of_a_list_are_provinces(pipe):
    doc = run(pipe, "On Thursday, December 18, shopkeepers in the provinces of Ilam, Lorestan and Kermanshah "
                    "closed their shops. In Ilam, Eslamabad-e Gharb and Khorramabad the bazaars were shut.\n")
    got = summary(doc)
    assert {("Eslamabad-e Gharb", "strike"), ("Khorramabad", "strike")} <= got
    assert ("Kermanshah", "strike") not in got


def test_a_date_in_an_appositive_dates_the_past_death_it_tells(pipe):
    doc = run(pipe, "On Friday, December 19, a memorial for Reza Amini, a worker shot dead by police in Dezful "
                    "in early November, turned into a protest. Hundreds of people marched to the governorate.\n")
    ev = {(e.location.canonical or e.location.name, e.sub_event_type): e for e in doc.events}
    protest = [e for (town, sub), e in ev.items() if town == "Dezful" and sub in ("demonstration", "symbolic_action")]
    assert protest and all(e.date.start == dt.date(2025, 12, 19) for e in protest)
    killing = ev.get(("Dezful", "killing"))
    assert killing is None or killing.date.start.month == 11


def test_a_porters_home_town_is_not_the_place_of_the_shooting(pipe):
    got = summary(run(pipe, "On Monday, December 15, a sukhtbar from Zabol was wounded by police gunfire near Nikshahr.\n"))
    assert any(town == "Nikshahr" for town, _ in got)
    assert not any(town == "Zabol" for town, _ in got)


def test_a_name_then_from_closing_the_sentence_is_a_home_town(pipe):
    got = summary(run(pipe, "On Monday, December 15, two prisoners were hanged in Qazvin prison. Rights groups named one "
                            "of them, Hadi Karami from Takestan.\n"))
    assert ("Qazvin", "execution") in got
    assert not any(town == "Takestan" for town, _ in got)


def test_a_home_town_told_again_as_the_town_is_the_place(pipe):
    got = summary(run(pipe, "On Monday, December 15, border guards shot dead a kolbar from Baneh, on the heights "
                            "near the town.\n"))
    assert ("Baneh", "killing") in got


def test_an_execution_put_off_told_with_an_apposition(pipe):
    got = summary(run(pipe, "On Monday, December 15, the execution of Hadi Karami, set for the early morning, was "
                            "postponed in Qazvin prison.\n"))
    assert ("Qazvin", "execution") not in got


def test_the_detention_centre_town_a_detainee_was_taken_to(pipe):
    got = summary(run(pipe, "On Monday, December 15, agents arrested a teacher in Bukan and took him to the "
                            "detention centre in Urmia.\n"))
    assert ("Bukan", "arrest") in got
    assert ("Urmia", "arrest") not in got


def test_an_incident_named_by_its_town_is_not_the_place(pipe):
    got = summary(run(pipe, "On Monday, December 15, police arrested two students in Zabol for posting videos of "
                            "the Khash shooting.\n"))
    assert ("Zabol", "arrest") in got
    assert ("Khash", "arrest") not in got


def test_a_society_named_after_a_place_after_the_event_town(pipe):
    got = summary(run(pipe, "On Monday, December 15, agents in Marivan arrested four members of the Chia "
                            "environmental society.\n"))
    assert ("Marivan", "arrest") in got
    assert len(got) == 1


def test_the_year_naming_the_protests_makes_them_history(pipe):
    got = summary(run(pipe, "In Bukan, three brothers of a man killed in the 2022 protests were arrested on Monday.\n"))
    assert ("Bukan", "arrest") in got
    assert ("Bukan", "protest_with_intervention") not in got


def test_a_checkpoint_between_two_towns_is_neither(pipe):
    got = summary(run(pipe, "On Monday, December 15, police arrested a driver at a checkpoint between Dezful and "
                            "Shush. In Andimeshk, shopkeepers closed their shops on Monday.\n"))
    assert ("Andimeshk", "strike") in got
    assert not any(town in ("Dezful", "Shush") for town, _ in got)


def test_a_bracketed_gloss_of_a_persian_date_plays_its_role():
    from eventledger.doc import Doc  # noqa: F401  (the stage below fills a Doc's dates)
    import hashlib
    from eventledger.ingest.report import Report
    from eventledger.pipeline import default_pipeline
    text = ("Tehran, 20 December 2025 — The group has recorded 30 arrests in Tehran since 1 Azar "
            "(22 November), most of them students.\n")
    doc = default_pipeline().run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest()))
    gloss = [m for m in doc.dates if m.text == "22 November"]
    since = [m for m in doc.dates if m.text == "1 Azar"]
    assert gloss and since and gloss[0].role == since[0].role


def test_a_masthead_with_the_country_after_the_organisation_word():
    from eventledger.publishers import masthead_publisher
    assert masthead_publisher("Prison Watch Iran – weekly log\n\nText.\n") == "Prison Watch Iran"
    assert masthead_publisher("Haalvsh | Baluch Activists Campaign\n\nText.\n") == "Haalvsh"
    assert masthead_publisher("Protests spread in Iran\n\nText.\n") is None
