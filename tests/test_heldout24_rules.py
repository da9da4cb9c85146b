"""Rules added after held-out set 24 (ho151-ho156), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest
import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_the_last_weekday_of_the_year_is_no_relative_day(pipe):
    doc = run(pipe, "On the evening of Tuesday, March 5, the eve of the last Wednesday of the year, "
                    "young people in Qazvin chanted slogans around bonfires.\n")
    assert summary(doc) == {("Qazvin", "demonstration")}
    assert doc.events[0].date.start == dt.date(2024, 3, 5)


@pytest.mark.parametrize("text, want", [
    # named dormitories in a city are that city
    ("On Wednesday, students gathered in front of the Amir Abad dormitories in Tehran "
     "and chanted slogans.\n",
     {("Tehran", "demonstration")}),
    # a town on the edge of a city is a bearing
    ("On Friday, in Shahin Shahr, on the northern edge of Isfahan, youths set fire to the "
     "gate of a Basij base.\n",
     {("Shahin Shahr", "property_attack")}),
    # a crowd pushed back is an intervention
    ("On Tuesday, nurses gathered outside the hospital in Yasuj. Guards tried to push the nurses "
     "back from the gate.\n",
     {("Yasuj", "protest_with_intervention")}),
    # a year ending a participle's event is not the act's
    ("On the eve of the anniversary, activists projected the image of a worker killed in the "
     "factory fire of 2005 onto a wall in Arak.\n",
     {("Arak", "symbolic_action")}),
    # a year of those honoured is not the act's
    ("In Ilam, graffiti honouring the teachers of 1979 were written near the university.\n",
     {("Ilam", "symbolic_action")}),
    # protest songs sung in a park dispersed
    ("On Friday, agents in Karaj dispersed a group of students singing protest songs in a park.\n",
     {("Karaj", "protest_with_intervention")}),
])
def test_places_and_kinds_of_single_sentences(pipe, text, want):
    assert summary(run(pipe, text)) == want


def test_a_neighbourhood_of_rasht_is_rasht(pipe):
    doc = run(pipe, "On Thursday, residents of Golsar gathered outside the municipality and chanted slogans.\n")
    assert {e.location.canonical for e in doc.events} == {"Rasht"}


def test_a_day_named_in_a_slogan_does_not_date_the_act(pipe):
    doc = run(pipe, "On Thursday, posters reading \"16 Azar is alive\" were put up in Arak.\n")
    assert summary(doc) == {("Arak", "symbolic_action")}
    assert doc.events[0].date.start == dt.date(2024, 3, 7)


def test_weekday_headings_fall_in_the_week_the_lead_states(pipe):
    text = ("Iran, March 10, 2024 - During the week of March 3 to 9, the units were active across the country.\n\n"
            "Sunday\n\nPosters of political prisoners were put up in Zanjan.\n\n"
            "Tuesday (5 March)\n\nIn Ilam, students chanted slogans outside the university.\n")
    doc = run(pipe, text, published="2024-03-10")
    days = {(e.location.canonical, e.date.start) for e in doc.events}
    assert ("Zanjan", dt.date(2024, 3, 3)) in days
    assert ("Ilam", dt.date(2024, 3, 5)) in days


def test_a_relative_day_restated_by_a_full_date_of_the_past(pipe):
    text = ("Iran, March 10, 2024 - On Friday, posters were put up in Zanjan.\n\n"
            "On June 3, 2001, police attacked students in Tehran. Two days later, on June 5, 2001, "
            "thousands of students marched in Arak and were attacked by the security forces.\n")
    doc = run(pipe, text, published="2024-03-10")
    assert not any(e.location.canonical == "Arak" and e.date.start is not None and e.date.start.year == 2024
                   for e in doc.events)


def test_years_ago_opening_a_sentence_marks_history(pipe):
    doc = run(pipe, "Teachers' Bulletin No. 12\n\nTeachers' Day, Friday, May 2, 2025\n\nThree years ago, on Teachers' "
                    "Day 2022 (May 2, 2022), the spokesman of the nurses' association in Bukan was arrested at his home; "
                    "dozens of nurses were detained in the weeks that followed.\n", published="2025-05-02")
    assert not any(e.date.start is not None and e.date.start.year == 2025 for e in doc.events)


def test_strikes_by_two_groups_in_one_town_are_two_events(pipe):
    doc = run(pipe, "On Thursday, in Baneh, teachers stayed away from their classes. Shopkeepers in the "
                    "town's bazaar closed their shops the same day.\n")
    assert [e.sub_event_type for e in doc.events] == ["strike", "strike"]


def test_people_pushed_into_a_van_are_arrested(pipe):
    doc = run(pipe, "On Monday, agents in Bojnurd pushed three young women into a van outside the park.\n")
    assert ("Bojnurd", "arrest") in summary(doc)


def test_one_person_beaten(pipe):
    doc = run(pipe, "On Monday, police in Birjand beat an elderly retired worker outside the pension fund.\n")
    assert ("Birjand", "attack_on_civilians") in summary(doc)


def test_arrests_in_the_bullet_after_a_protest_under_one_heading(pipe):
    text = ("Bulletin, Thursday, March 7, 2024\n\nBojnurd\n- Retirees gathered in front of the pension fund and "
            "chanted slogans.\n- Agents filmed them; three retirees were taken away and freed at night.\n\n"
            "Birjand\n- Retirees gathered in front of the governorate.\n")
    got = summary(run(pipe, text))
    assert ("Bojnurd", "protest_with_intervention") in got and ("Bojnurd", "arrest") in got
    assert ("Birjand", "demonstration") in got


def test_a_vague_listing_whose_towns_are_all_told_again_is_a_summary(pipe):
    text = ("Iran, March 10, 2024 - On Saturday and Sunday, the units carried out activities in Sari and Gorgan.\n\n"
            "In Sari, a unit set fire to a banner of Khamenei on Saturday.\n\n"
            "In Gorgan, students held a silent gathering on Sunday.\n")
    got = summary(run(pipe, text, published="2024-03-10"))
    assert got == {("Sari", "property_attack"), ("Gorgan", "demonstration")}


def test_a_vague_listing_with_towns_told_no_more_keeps_them(pipe):
    text = ("Iran, March 10, 2024 - On Saturday and Sunday, the units carried out activities in Sari, Amol and Gorgan.\n\n"
            "In Sari, a unit set fire to a banner of Khamenei on Saturday.\n")
    got = summary(run(pipe, text, published="2024-03-10"))
    assert ("Amol", "symbolic_action") in got and ("Sari", "symbolic_action") in got


def test_a_caption_line_below_a_photo_places_and_dates_its_text(pipe):
    text = ("Photo report\n\n[Photo]\nPosters of political prisoners on a wall near the railway station.\n"
            "Zanjan, Imam Square, March 5, 2024\n\n[Photo]\nA banner reading \"Free them all\" hung from a footbridge.\n"
            "Arak, night of March 6, 2024\n")
    doc = run(pipe, text, publisher=None, published="2024-03-09")
    got = {(e.location.canonical, e.sub_event_type, e.date.start) for e in doc.events}
    assert got == {("Zanjan", "symbolic_action", dt.date(2024, 3, 5)), ("Arak", "symbolic_action", dt.date(2024, 3, 6))}


def test_a_persian_month_and_year_without_a_day(pipe):
    doc = run(pipe, "In Esfand 1402, posters of political prisoners were put up in Yazd.\n")
    ev = doc.events[0]
    assert (ev.date.start, ev.date.end) == (dt.date(2024, 2, 20), dt.date(2024, 3, 19))


def test_a_relative_day_inside_a_slogan_does_not_date_the_act(pipe):
    doc = run(pipe, "Youths in Ilam wrote on walls: \"This year we will burn your palace\".\n")
    assert doc.events[0].date.precision != "year"


def test_a_gloss_in_brackets_after_a_headings_day(pipe):
    text = ("Activities by city\n\nIlam — Tuesday, March 5 (Esfand 15):\nYouths wrote slogans on walls near the bazaar.\n\n"
            "Yasuj region — Wednesday, March 6:\nA banner of Khamenei was set on fire.\n")
    got = {(e.location.canonical, e.date.start) for e in run(pipe, text).events}
    assert got == {("Ilam", dt.date(2024, 3, 5)), ("Yasuj", dt.date(2024, 3, 6))}


def test_the_day_a_post_is_about_is_not_the_arrests(pipe):
    text = ("Iran, March 10, 2024 - During the week of March 3 to 9, students were active across the country.\n\n"
            "Saturday\n\nAgents arrested a student of Semnan University at his home over posts about 16 Azar.\n")
    doc = run(pipe, text, published="2024-03-10")
    assert [e.date.start for e in doc.events] == [dt.date(2024, 3, 9)]


def test_arrests_in_a_bullet_are_dated_by_the_protest_line_above(pipe):
    text = ("Iran, March 11, 2024 - Over the weekend of Saturday and Sunday, March 9 and 10, families marked the day.\n\n"
            "Zahedan:\n- Families of the victims gathered at the cemetery on Sunday and chanted slogans.\n"
            "- Agents dispersed the families and took away two of the fathers.\n")
    doc = run(pipe, text, published="2024-03-11")
    got = {(e.sub_event_type, e.date.start, e.date.end) for e in doc.events}
    assert ("arrest", dt.date(2024, 3, 10), dt.date(2024, 3, 10)) in got


def test_residents_closing_shops_join_the_shopkeepers_strike_of_their_town():
    # two named groups striking in one town and day stay two events; "residents" name no group
    from eventledger.ingest.report import make_report
    from eventledger.pipeline import default_pipeline

    text = ("Report, Thursday, December 10, 2026.\n\nShopkeepers in Ardakan closed their shops on Thursday.\n\n"
            "Ardakan: residents said the main streets were almost entirely shut as shops stayed closed on Thursday.\n")
    doc = default_pipeline().run(make_report("r1", text))
    assert [e.sub_event_type for e in doc.events if e.location and e.location.canonical == "Ardakan"] == ["strike"]
