"""Rules added after held-out set 56 (ho343-ho348: NCRI "Iran News in Brief" digests of 2019-2026 with
items in several voices: state media, HRANA, officials' statements, Resistance Units, rallies abroad),
each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)
from test_heldout51_rules import subs  # (the same helper)


def test_an_end_to_executions_asked_for_is_no_execution(pipe):
    doc = run(pipe, "Exiles held a rally outside the embassy in Vienna on Sunday, June 1, to protest the hangings and "
                    "called on the Austrian government to make any new economic agreement with the regime conditional "
                    "on an end to executions.")
    got = subs(doc)
    assert ("Vienna", "demonstration") in got
    assert not any(sub == "execution" for _, sub in got)


def test_a_gathering_dispersed_on_a_day_of_its_own_is_that_days_protest(pipe):
    doc = run(pipe, "Nurses rallied on Saturday, May 31, in front of the university hospital in Kerman. When they "
                    "came back on Monday, police dispersed the gathering.")
    got = rows(doc)
    assert on("Kerman", "demonstration", dt.date(2025, 5, 31)) in got
    assert on("Kerman", "protest_with_intervention", dt.date(2025, 6, 2)) in got


def test_a_dispersal_of_the_same_day_still_meets_the_protest_told(pipe):
    doc = run(pipe, "Nurses rallied on Saturday, May 31, in front of the university hospital in Kerman. Police "
                    "dispersed the gathering.")
    got = rows(doc)
    assert on("Kerman", "protest_with_intervention", dt.date(2025, 5, 31)) in got
    assert on("Kerman", "demonstration", dt.date(2025, 5, 31)) not in got


def test_the_countrys_share_of_a_stoppage_is_no_towns_act(pipe):
    doc = run(pipe, "Bakers in Yazd closed their shops on Saturday.\n\n"
                    "A state-run daily wrote on Monday that a fifth of the country's bakeries had stopped work.")
    got = rows(doc)
    assert on("Yazd", "strike", dt.date(2025, 5, 31)) in got
    assert not any(day == dt.date(2025, 6, 2) for _, _, day, _ in got)


def test_a_source_that_put_the_rate_at_a_figure_owns_it(pipe):
    doc = run(pipe, "The central bank governor said on Sunday that inflation had fallen to 31 percent, the ISNA news "
                    "agency reported. The Majlis Research Center put the rate at 44 percent.")
    got = {c.value: c.attributed_to for c in doc.claims if c.value is not None}
    assert "Majlis Research Center" in (got.get(44) or "")


def test_a_grave_visit_of_its_own_day_is_no_tactic_of_the_march_before(pipe):
    doc = run(pipe, "Mourners marched through Izeh on Thursday, May 29. On Friday, relatives of the dead visited "
                    "their graves in the town's cemetery.")
    got = rows(doc)
    assert on("Izeh", "demonstration", dt.date(2025, 5, 29)) in got
    assert on("Izeh", "symbolic_action", dt.date(2025, 5, 30)) in got


def test_a_gathering_someone_wanted_to_hold_is_planned(pipe):
    doc = run(pipe, "Teachers rallied in Bojnurd on Sunday.\n\n"
                    "Their union wanted to hold a vigil at the town's cemetery on Monday, but agents warned the "
                    "organisers.")
    got = rows(doc)
    assert on("Bojnurd", "demonstration", dt.date(2025, 6, 1)) in got
    assert not any(day == dt.date(2025, 6, 2) for _, _, day, _ in got)


def test_a_heading_dated_only_by_an_occasion_reports_no_event(pipe):
    # the digest's deck names items the body tells with their own days
    doc = run(pipe, "News in brief – May 5, 2026\n\nTeachers rally on Teachers' Day, bakers strike in Semnan\n\n"
                    "On Saturday, teachers gathered in front of the education department in Saqqez. Bakers in Semnan "
                    "closed their shops on Monday.", published="2026-05-05")
    got = rows(doc)
    assert on("Saqqez", "demonstration", dt.date(2026, 5, 2)) in got
    assert on("Semnan", "strike", dt.date(2026, 5, 4)) in got
    assert on("Semnan", "strike", dt.date(2026, 5, 2)) not in got


def test_a_second_site_with_a_day_of_its_own_is_a_second_gathering(pipe):
    doc = run(pipe, "Retired teachers gathered outside the governorate in Arak on Sunday and in front of the "
                    "education department on Tuesday.")
    got = rows(doc)
    assert on("Arak", "demonstration", dt.date(2025, 6, 1)) in got
    assert on("Arak", "demonstration", dt.date(2025, 6, 3)) in got


def test_an_area_is_no_figure(pipe):
    doc = run(pipe, "A state-run daily wrote that the rent of a 60-square-meter flat in Tehran had doubled.")
    assert not any(c.value == 60 for c in doc.claims)


def test_a_capital_named_for_its_government_in_a_trade_is_no_event_place(pipe):
    doc = run(pipe, "Exiles rallied outside the embassy in Vienna on Sunday, June 1, and called on Austria to tie "
                    "its trade with Tehran to the release of political prisoners.")
    got = subs(doc)
    assert ("Vienna", "demonstration") in got
    assert not any(town == "Tehran" for town, _ in got)


def test_a_persian_month_before_the_source_is_no_part_of_its_name(pipe):
    doc = run(pipe, "Two prisoners were hanged in Vakilabad Prison in Mashhad on 12 Khordad, Iran Human Rights "
                    "reported.")
    assert any(c.value == 2 and c.attributed_to == "Iran Human Rights" for c in doc.claims)


def test_the_dead_whose_grave_a_gathering_was_at_are_no_killing(pipe):
    doc = run(pipe, "According to state media, 23 people were arrested in Izeh on Tuesday after a gathering at the "
                    "grave of a young man killed in 2022.")
    got = subs(doc)
    assert ("Izeh", "arrest") in got
    assert ("Izeh", "killing") not in got


def test_the_day_an_official_spoke_does_not_narrow_the_week_he_counts(pipe):
    doc = run(pipe, "The police chief said on Tuesday that 120 people had been arrested in Qom over the past week.",
              published="2025-01-22")
    got = rows(doc)
    assert ("Qom", "arrest", dt.date(2025, 1, 16), dt.date(2025, 1, 22)) in got


def test_the_countrys_largest_site_is_a_description_not_a_scope(pipe):
    doc = run(pipe, "Workers of the tractor factory in Tabriz stopped work on Sunday. On Monday, workers gathered "
                    "outside the country's largest tractor maker.")
    assert ("Tabriz", "demonstration") in subs(doc)
