"""Rules added after held-out set 64 (ho391-ho396: PMOI/NCRI "Iran Protests: Day N" reports and
newsroom live blogs of nationwide uprisings in November 2019, autumn 2022 and an invented 2026 wave:
night protests, roads blocked with burning tyres, rooftop chants, bazaar strikes, tolls by source,
arrests by province, "overnight", "the day before"), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)

BLOG = "Caspian Daily – Live\n\nLive: protests, day three\n\nTuesday, 10 March 2026 – times are Tehran time\n\n"


def test_overnight_opening_a_live_blog_entry_is_the_night_before_the_blogs_day(pipe):
    doc = run(pipe, BLOG + "08:20 – Overnight, protesters in Yasuj clashed with riot police near the governorate.\n",
              published=None)
    assert ("Yasuj", "protest_with_intervention", dt.date(2026, 3, 9), dt.date(2026, 3, 10)) in rows(doc)


def test_a_live_blog_entry_without_a_day_is_the_blogs_day(pipe):
    doc = run(pipe, BLOG + "09:10 – Relatives say a student was shot dead in Zanjan on Sunday night.\n\n"
                           "10:40 – Nurses are holding a sit-in at the main hospital in Qazvin.\n", published=None)
    got = rows(doc)
    assert on("Zanjan", "killing", dt.date(2026, 3, 8)) in got
    assert on("Qazvin", "demonstration", dt.date(2026, 3, 10)) in got


def test_the_day_before_in_a_live_blog_entry_is_before_the_blogs_day(pipe):
    doc = run(pipe, BLOG + "09:10 – Relatives say a student was shot dead in Zanjan on Sunday night.\n\n"
                           "11:00 – The day before, police arrested a teacher at her home in Arak, her son told us.\n",
              published=None)
    assert on("Arak", "arrest", dt.date(2026, 3, 9)) in rows(doc)


def test_videos_that_show_a_rooftop_chant_are_the_reports_source(pipe):
    doc = run(pipe, "On Monday night, residents of Sari chanted \"Death to the dictator\" from their rooftops, "
                    "videos sent to us show.", published="2026-03-10")
    assert on("Sari", "demonstration", dt.date(2026, 3, 9)) in rows(doc)
    assert not any(sub == "symbolic_action" for _, sub, *_ in rows(doc))


def test_shops_that_have_not_opened_are_on_strike(pipe):
    doc = run(pipe, "On Tuesday, shopkeepers in the bazaars of Arak, Hamadan and Zanjan have not opened.",
              published="2026-03-10")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert {("Arak", "strike"), ("Hamadan", "strike"), ("Zanjan", "strike")} <= got


def test_shopkeepers_arrested_for_not_opening_are_no_strike(pipe):
    doc = run(pipe, "On Monday, police in Hamadan detained 12 shopkeepers who had refused to open their shops.",
              published="2026-03-10")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Hamadan", "arrest") in got and ("Hamadan", "strike") not in got


def test_tyres_set_on_fire_are_no_property_attack(pipe):
    doc = run(pipe, "In Sari, protesters set tyres on fire on Farhang Street and clashed with security forces "
                    "late on Monday.", published="2026-03-10")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Sari", "protest_with_intervention") in got and ("Sari", "property_attack") not in got


def test_a_road_blocked_in_a_district_after_its_citys_possessive(pipe):
    doc = run(pipe, "On Monday, protesters in Hamadan's Ekbatan district blocked the ring road.", published="2026-03-10")
    assert on("Hamadan", "demonstration", dt.date(2026, 3, 9)) in rows(doc)


def test_sources_with_so_far_counted_by_and_quotes(pipe):
    doc = run(pipe, "The regime's officials have so far acknowledged seven deaths. "
                    "Arrests counted by the Kurdistan Human Rights Network since Friday, by province: Kurdistan 140, Ilam 60. "
                    "The judiciary's Mizan news agency quotes provincial prosecutors: 230 people have been arrested in Fars.",
              published="2026-03-10")
    got = {(c.value, c.attributed_to) for c in doc.claims if c.value is not None}
    assert (7, "regime's officials") in got
    assert any(v == 140 and a and "Kurdistan Human Rights Network" in a for v, a in got)
    assert any(v == 230 and a and "Mizan" in a for v, a in got)


def test_a_second_source_with_its_verb_left_out(pipe):
    doc = run(pipe, "Hengaw has confirmed 31 deaths, and Amnesty International 27. "
                    "Police in Gilan say 900 people have been arrested, and the prosecutor of Mazandaran at 350. "
                    "HRANA counted arrests in Tehran 300, Gilan 120, and Fars 90.", published="2026-03-10")
    got = {(c.value, c.attributed_to) for c in doc.claims if c.value is not None}
    assert (27, "Amnesty International") in got
    assert any(v == 350 and a and "prosecutor of Mazandaran" in a for v, a in got)
    assert not any(v == 90 and a == "Fars" for v, a in got)


def test_arrests_given_by_province_in_one_sentence_are_a_tally(pipe):
    doc = run(pipe, "Arrests recorded by HRANA since Saturday, by province: Tehran 240, Gilan 95 and Fars 60.",
              published="2026-03-10")
    assert not any(sub == "arrest" for _, sub, *_ in rows(doc))
    assert {240, 95, 60} <= {c.value for c in doc.claims}


def test_a_source_naming_one_of_the_dead_tells_a_killing(pipe):
    doc = run(pipe, "Security forces fired on a crowd in the main square of Qorveh on Monday evening, Hengaw says. "
                    "It names one of the dead as Aso Karimi, 21.", published="2026-03-10")
    assert on("Qorveh", "killing", dt.date(2026, 3, 9)) in rows(doc)


def test_injuries_counted_in_the_province_since_a_day_are_a_tally(pipe):
    doc = run(pipe, "The governor of Fars province told state television on Monday that 12 police officers had been "
                    "injured in the province since Friday.", published="2026-03-10")
    assert not doc.events
    assert 12 in {c.value for c in doc.claims}


def test_footage_that_appears_to_show_a_crowd_chanting_is_the_streets_act(pipe):
    doc = run(pipe, "On Monday, footage circulating on the few channels still reachable appears to show a crowd "
                    "chanting in the centre of Baneh.", published="2026-03-10")
    assert on("Baneh", "demonstration", dt.date(2026, 3, 9)) in rows(doc)


def test_the_strike_held_this_week_is_the_day_just_told(pipe):
    doc = run(pipe, "On Tuesday, March 10, 2026, prisoners in 30 prisons refused food. "
                    "The campaign said the hunger strike was held this week in Lakan prison in Rasht and in the central "
                    "prison of Arak.", published="2026-03-12")
    got = rows(doc)
    assert on("Rasht", "strike", dt.date(2026, 3, 10)) in got and on("Arak", "strike", dt.date(2026, 3, 10)) in got


def test_this_week_alone_stays_the_week(pipe):
    doc = run(pipe, "On Tuesday, March 10, 2026, nurses rallied in Yazd. Teachers also protested in Arak this week.",
              published="2026-03-12")
    assert not any(town == "Arak" and start == end for town, _, start, end in rows(doc))
