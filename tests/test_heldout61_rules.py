"""Rules added after held-out set 61 (ho373-ho378: PMOI/MEK Resistance Units activity reports with
title lines and item lines that take a spaced hyphen instead of a dash, "ZAHEDAN - Units wrote ...",
weekday-only days after a dated lede, towns spelt two ways, provinces named with their towns, a repeated
paragraph, and tolls and arrests attributed to named sources), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_item_lines_with_a_town_in_capitals_and_a_spaced_hyphen_are_that_towns(pipe):
    doc = run(pipe, "Iran, June 3, 2025—On Sunday, June 1, units put up posters in Qom.\n\n"
                    "BOJNURD - Units wrote slogans on the wall of a mosque on Monday.\n\n"
                    "SEMNAN - On Sunday night, young people set fire to a banner of the Basij.\n")
    got = rows(doc)
    assert on("Bojnurd", "symbolic_action", dt.date(2025, 6, 2)) in got
    assert on("Semnan", "property_attack", dt.date(2025, 6, 1)) in got
    assert not any(town == "Qom" and day == dt.date(2025, 6, 2) for town, _, day, _ in got)


def test_a_wave_an_act_answers_is_no_date_of_the_act(pipe):
    # "the latest wave of hangings" names what the units answered, not the week they did it in
    doc = run(pipe, "Iran, June 6, 2025—On Monday, June 2, and Tuesday, June 3, the Resistance Units answered "
                    "the latest wave of hangings with posters in ten cities.\n\n"
                    "Units put up posters and wrote slogans on the walls in Qom, Kashan and Yazd.\n", published=None)
    assert ("Kashan", "symbolic_action", dt.date(2025, 6, 2), dt.date(2025, 6, 3)) in rows(doc)


def test_flowers_laid_with_a_photo_of_the_martyrs_are_a_commemoration(pipe):
    doc = run(pipe, "In Ilam, a unit laid flowers and a photo of the martyrs at the edge of the river on Sunday, June 1.")
    assert ("Ilam", "symbolic_action") in {(town, sub) for town, sub, *_ in rows(doc)}


def test_kermanshahan_province_is_the_province_not_the_city(pipe):
    doc = run(pipe, "On Sunday, June 1, in Kermanshahan province, nurses in Harsin gathered outside the hospital.")
    got = {town for town, *_ in rows(doc)}
    assert "Harsin" in got and "Kermanshah" not in got


def test_kermanshahan_alone_is_still_the_city(pipe):
    doc = run(pipe, "On Sunday, June 1, units put up posters in Kermanshahan and Hamadan.")
    assert "Kermanshah" in {town for town, *_ in rows(doc)}


def test_a_gathering_the_arrested_were_kept_from_is_no_protest(pipe):
    doc = run(pipe, "Police detained two nurses in Yazd on Sunday, June 1, to stop them from attending the rally "
                    "outside the governorate.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Yazd", "arrest") in got
    assert not any(sub in ("demonstration", "protest_with_intervention") for _, sub in got)


def test_a_sentence_of_a_man_arrested_in_a_past_wave_is_dated_by_the_announcement(pipe):
    doc = run(pipe, "In Yasuj, the judiciary announced on Sunday, June 1, that a student arrested during the 2022 "
                    "protests had been sentenced to three years in prison.")
    assert on("Yasuj", "sentence", dt.date(2025, 6, 1)) in rows(doc)


def test_an_arrest_in_a_past_wave_told_alone_stays_history(pipe):
    doc = run(pipe, "A student arrested during the 2022 protests was sentenced to three years in prison in Yasuj.")
    assert not any(town == "Yasuj" and sub == "sentence" for town, sub, *_ in rows(doc))


def test_a_sentence_opening_on_its_own_earlier_time_does_not_carry_the_according_to_before_it(pipe):
    doc = run(pipe, "According to Amnesty International, at least 250 people were executed in Iran in 2018. "
                    "Two years earlier, police detained more than a dozen nurses outside parliament in Tehran.")
    got = {(c.value, c.attributed_to) for c in doc.claims}
    assert (250, "Amnesty International") in got
    assert not any(v == 12 and a and "Amnesty" in a for v, a in got)


def test_cities_the_callers_acted_in_are_the_narrators_count(pipe):
    doc = run(pipe, "On Sunday, June 1, the Resistance Units called on Iranians to boycott the rally with posters "
                    "and banners in twelve cities.")
    assert (12, None) in {(c.value, c.attributed_to) for c in doc.claims if c.kind == "cities"}


def test_cities_a_caller_then_says_it_verified_stay_the_callers(pipe):
    doc = run(pipe, "Amnesty International urged the authorities to stop the killing and said it had verified "
                    "videos of shootings in at least four cities.")
    assert (4, "Amnesty International") in {(c.value, c.attributed_to) for c in doc.claims if c.kind == "cities"}


def test_this_week_right_after_the_day_told_restates_that_day(pipe):
    doc = run(pipe, "On Tuesday, June 3, 2025, prisoners refused food for the 70th week of the campaign. "
                    "The campaign said the hunger strike was held this week in Evin in Tehran and in Lakan in Rasht.",
              published="2025-06-05")
    got = rows(doc)
    assert on("Rasht", "strike", dt.date(2025, 6, 3)) in got


def test_earlier_this_week_is_still_the_week(pipe):
    doc = run(pipe, "On Thursday, June 5, 2025, nurses rallied in Yazd. "
                    "Earlier this week, bakers in Tabriz stopped work.", published="2025-06-05")
    assert not any(town == "Tabriz" and start == end == dt.date(2025, 6, 5) for town, _, start, end in rows(doc))


def test_the_mother_of_a_victim_detained_is_one_arrested(pipe):
    doc = run(pipe, "Agents detained the mother of one victim at the cemetery in Qom on Sunday, June 1, HRANA reported.")
    got = {(c.kind, c.value, c.attributed_to) for c in doc.claims}
    assert ("arrested", 1, "HRANA") in got
