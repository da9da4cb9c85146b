"""Rules added after held-out set 26 (ho163-ho168), each on a sentence of its own."""

from __future__ import annotations

import pytest
import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)
from test_dates import D, days_at, run as run_dates


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2026-03-10"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_a_persian_month_day_dateline_takes_the_solar_year_the_report_names_as_its_own():
    text = ("BUSHEHR, Bahman 20 (Agency) – The provincial police said on Sunday that they had detained "
            "nine men in Borazjan.\n\nThe police chief said 300 cases had been opened since the beginning "
            "of the year 1403.\n")
    doc = run_dates(text)
    assert doc.anchor.date == D("2025-02-08")  # 20 Bahman 1403
    assert days_at(doc, "detained") == ("2025-02-02", "2025-02-02")
    # a Persian month-day followed by a word is no date ("Mehr 12 percent")
    doc = run_dates("The Mehr 12 percent figure was quoted on Sunday.\n")
    assert all(m.text != "Mehr 12" for m in doc.dates)


def test_a_week_range_on_the_line_under_an_undated_title_is_the_report_period():
    doc = run_dates("Labour Digest | notes from our correspondents\nIssue 4 — Sunday 10 May to Saturday 16 May 2026\n\n"
                    "Nurses in Yasuj rallied on Tuesday.\n\nIn 2019, nurses in Yasuj were dismissed on 4 June.\n")
    assert days_at(doc, "rallied") == ("2026-05-12", "2026-05-12")


def test_released_on_a_day_dates_the_release_not_the_arrest():
    doc = run_dates("Report, 20 May 2026\n\nOn Monday, police detained nine farmers in Varzaneh; four were "
                    "released on Wednesday.\n")
    assert [m.role for m in doc.dates if m.text == "Wednesday"] == ["other"]
    assert days_at(doc, "detained") == ("2026-05-18", "2026-05-18")


def test_a_university_heading_places_the_paragraph_under_it(pipe):
    text = ("Campus notes\n\n>> Bu-Ali Sina University, Hamedan\nStudents of the Faculty of Engineering boycotted "
            "their classes on Tuesday.\n\n>> University of Kurdistan, Sanandaj\nOn Wednesday, agents entered the "
            "dormitory. They detained five students.\n")
    got = summary(run(pipe, text))
    assert ("Hamadan", "strike") in got
    assert ("Sanandaj", "arrest") in got
    assert not any(place == "Kurdistan" for place, _ in got)  # the province is the university's name


@pytest.mark.parametrize("sentence, march", [
    ("On Friday, dozens of women walked without headscarves along the main bazaar of Kashan.\n", True),
    ("On Friday, a group of young women walked unveiled across the central square of Kashan.\n", True),
    ("On Friday, in Kashan, female students crossed the campus without headscarves.\n", True),
    ("On Friday, a woman was stopped in Kashan because she wore no headscarf.\n", False),
])
def test_women_walking_together_unveiled_is_a_protest(pipe, sentence, march):
    got = summary(run(pipe, sentence))
    assert (("Kashan", "demonstration") in got) is march


def test_a_dateline_abroad_is_not_the_town_of_acts_in_iran(pipe):
    text = ("VIENNA (4 May 2026) – Rights experts today condemned the Iranian authorities for a wave of "
            "arrests, after police detained teachers who rallied on Sunday.\n")
    got = summary(run(pipe, text, published="2026-05-04"))
    assert not any(place == "Vienna" for place, _ in got)
    # a rally abroad told under its own city's dateline keeps the city
    got = summary(run(pipe, "VIENNA (4 May 2026) – Hundreds of exiles rallied on Sunday outside the embassy.\n",
                      published="2026-05-04"))
    assert ("Vienna", "demonstration") in got


def test_expelled_for_supporting_protests_names_no_protest(pipe):
    got = summary(run(pipe, "On Monday, two lecturers at the university in Yazd were dismissed for supporting protests.\n"))
    assert not any(sub == "demonstration" for _, sub in got)


@pytest.mark.parametrize("sentence", [
    "On Monday in Qazvin, a teacher was punched in the face by plainclothes agents.\n",
    "On Monday in Qazvin, an agent hit the teacher on the arm with a baton.\n",
])
def test_blows_told_by_their_kind_are_a_beating(pipe, sentence):
    assert ("Qazvin", "attack_on_civilians") in summary(run(pipe, sentence))


def test_a_hit_song_is_no_beating(pipe):
    got = summary(run(pipe, "On Monday in Qazvin, the band played a hit with their fans.\n"))
    assert not any(sub == "attack_on_civilians" for _, sub in got)


def test_a_conjunction_before_told_is_no_source(pipe):
    doc = run(pipe, "Agents came to the school in Arak on Monday and told the teachers to stay silent. "
                    "Three teachers were detained, she said.\n")
    assert all(a.source.lower() != "and" for a in doc.attributions)


def test_a_town_on_a_road_is_finer_than_the_province_of_the_police_who_speak(pipe):
    doc = run(pipe, "On Monday, the police of Gilan province said that a driver who refused to stop at a checkpoint "
                    "on the road to Rasht had been injured when officers fired at his car.\n")
    ev = [e for e in doc.events if e.sub_event_type == "attack_on_civilians"]
    assert [(e.location.canonical, e.location.precision) for e in ev] == [("Rasht", 2)]
    # a province named alone stays the place
    doc = run(pipe, "On Monday, police in Gilan province said a driver had been injured at a checkpoint.\n")
    assert [e.location.canonical for e in doc.events] == ["Gilan"]


def test_an_article_is_no_count_for_a_country_level_act(pipe):
    doc = run(pipe, "Rights experts today condemned the beating of a woman at a checkpoint and the mass arrest "
                    "of women who marched on Sunday.\n")
    assert not any(e.location.precision == 4 and e.sub_event_type == "arrest" for e in doc.events)


def test_plural_councils_that_count_a_figure_are_its_source(pipe):
    doc = run(pipe, "Since September, the student trade union councils count at least 90 students summoned "
                    "in Yazd.\n")
    assert any("councils" in a.source for a in doc.attributions)
