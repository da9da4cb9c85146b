"""Rules added after held-out set 44 (ho271-ho276: PMOI/MEK and NCRI Resistance Units reports of
2023-2025 with page cruft), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.stages.clean import boilerplate_reason


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2024-11-18"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start) for e in doc.events}


def test_a_where_clause_dates_only_its_own_act(pipe):
    # the slogans are Friday's (inside the clause); the detention after it is Saturday's
    doc = run(pipe, "Iran, November 18, 2024—Units were active on Friday and Saturday.\n\n"
                    "In Mashhad, where the units wrote slogans on the walls of the Golshahr district on Friday, "
                    "a young man was detained by intelligence agents on Saturday.\n")
    got = rows(doc)
    assert ("Mashhad", "arrest", dt.date(2024, 11, 16)) in got
    assert ("Mashhad", "arrest", dt.date(2024, 11, 15)) not in got
    assert ("Mashhad", "symbolic_action", dt.date(2024, 11, 15)) in got


def test_a_where_clause_date_does_not_date_the_main_clause(pipe):
    doc = run(pipe, "Iran, December 9, 2025—Student Day was marked on Sunday and Monday.\n\n"
                    "At the university in Ahvaz, where a student was expelled last month for a post, "
                    "students wrote slogans on the walls of the dormitories on Sunday night.\n",
              published="2025-12-09")
    assert ("Ahvaz", "symbolic_action", dt.date(2025, 12, 7)) in rows(doc)


def test_related_headline_after_its_label_is_boilerplate(pipe):
    assert boilerplate_reason("Related: Resistance Units hang banners in Karaj and Qazvin for Student Day")
    assert boilerplate_reason("Read more: Resistance Units mark Nowruz in 40 cities")
    assert not boilerplate_reason("Relatives said he was held in Evin.")
    doc = run(pipe, "Iran, December 9, 2025—Students gathered at the university in Tabriz on Sunday.\n\n"
                    "Related: Resistance Units hang banners in Karaj and Qazvin for Student Day\n",
              published="2025-12-09")
    assert not {"Karaj", "Qazvin"} & {e.location.canonical for e in doc.events}


def test_a_township_of_a_city_is_that_city(pipe):
    doc = run(pipe, "Iran, November 18, 2024—On Friday, November 15, in Shiraz's Golestan township, "
                    "the units laid flowers and lit candles around a picture of a young man killed in 2019.\n")
    got = {e.location.canonical for e in doc.events}
    assert "Shiraz" in got and "Golestan" not in got


def test_banner_burnt_after_a_long_participle_phrase_is_no_banner_put_up(pipe):
    doc = run(pipe, "Iran, February 12, 2024—In Ahvaz, a large banner bearing the pictures of Khomeini and "
                    "Khamenei, put up for the anniversary at the entrance to the district, was set on fire on "
                    "Saturday night.\n", published="2024-02-12")
    subs = {e.sub_event_type for e in doc.events if e.location.canonical == "Ahvaz"}
    assert subs == {"property_attack"}


def test_police_posted_along_rally_routes_is_no_rally(pipe):
    doc = run(pipe, "Iran, February 12, 2024—A state daily reported on February 9 that 15,000 additional "
                    "police officers had been assigned to the rally routes in Tehran alone.\n",
              published="2024-02-12")
    assert not [e for e in doc.events if e.event_type == "protest"]


def test_slogan_written_on_an_overpass_is_graffiti(pipe):
    doc = run(pipe, "Iran, August 12, 2024—On Wednesday night in Karaj, members of the units wrote "
                    "\"Every execution brings the end closer\" on the side of an overpass.\n",
              published="2024-08-12")
    assert ("Karaj", "symbolic_action", dt.date(2024, 8, 7)) in rows(doc)


def test_where_the_number_were_hanged_points_back(pipe):
    doc = run(pipe, "Iran, August 12, 2024—On Tuesday, August 6, seventeen prisoners were hanged in "
                    "Ghezel Hesar Prison.\n\nOn Wednesday night, in the Gohardasht district of Karaj, a short "
                    "walk from the walls of the prison where the seventeen were hanged, members of the units "
                    "wrote \"No to execution\" on the side of an overpass.\n",
              published="2024-08-12")
    executions = [e for e in doc.events if e.sub_event_type == "execution"]
    assert len(executions) == 1 and executions[0].date.start == dt.date(2024, 8, 6)


def test_gathering_at_a_named_part_of_the_cemetery_is_a_grave_visit(pipe):
    doc = run(pipe, "October 2, 2023 – In Saravan, young people gathered at the martyrs' section of the "
                    "cemetery on Friday evening and laid flowers on the graves.\n",
              publisher="NCRI", published="2023-10-02")
    assert ("Saravan", "symbolic_action", dt.date(2023, 9, 29)) in rows(doc)
    assert not [e for e in doc.events if e.sub_event_type == "demonstration"]


def test_relatives_turned_back_and_a_mother_held_for_hours(pipe):
    doc = run(pipe, "Iran, November 18, 2024—At Tehran's Behesht-e Zahra cemetery, relatives who tried to "
                    "gather at the graves on Saturday morning were turned back by the guards, and the mother "
                    "of one victim was held for several hours.\n")
    got = rows(doc)
    assert ("Tehran", "protest_with_intervention", dt.date(2024, 11, 16)) in got
    assert ("Tehran", "arrest", dt.date(2024, 11, 16)) in got


def test_an_activities_caption_a_day_off_shows_the_body_act(pipe):
    # the caption names no act of its own: it is the photo of Shiraz's Friday act, not a Saturday one
    doc = run(pipe, "Resistance Units activities – Shiraz, Iran – November 16, 2024\n\n"
                    "Iran, November 18, 2024—On Friday, November 15, in Shiraz, the units put up posters of "
                    "those killed in 2019.\n")
    shiraz = [e for e in doc.events if e.location.canonical == "Shiraz"]
    assert len(shiraz) == 1 and shiraz[0].date.start == dt.date(2024, 11, 15)


def test_an_arrest_inside_a_where_clause_keeps_its_own_date_and_its_grounds_are_no_act(pipe):
    doc = run(pipe, "Iran, February 12, 2024—In Najafabad, where two young men were detained last week on charges "
                    "of \"propaganda\" for writing slogans, the same wall was covered with new graffiti by Sunday "
                    "morning.\n", published="2024-02-12")
    got = {(e.sub_event_type, e.date.start) for e in doc.events if e.location.canonical == "Najafabad"}
    assert ("arrest", dt.date(2024, 2, 5)) in got and ("symbolic_action", dt.date(2024, 2, 11)) in got


def test_students_reading_out_a_statement_is_a_demonstration(pipe):
    doc = run(pipe, "Tuesday, December 9, 2025 – At the University of Tabriz, a group of students read out a "
                    "statement on Sunday that demanded the release of their classmates.\n",
              publisher="NCRI", published="2025-12-09")
    assert ("Tabriz", "demonstration", dt.date(2025, 12, 7)) in rows(doc)
