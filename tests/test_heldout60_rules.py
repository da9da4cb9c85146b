"""Rules added after held-out set 60 (ho367-ho372: PMOI/MEK Resistance Units reports and NCRI
"Iran News in Brief" digests mixing protest and repression: two acts in one sentence on different
days, arrests "the next day", towns listed by province with each province's day, a report dated only
in its closing line, towns spelt two ways), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_a_closing_date_line_dates_a_report_without_a_dateline(pipe):
    # the only full date stands alone at the foot: bare weekdays are the days on or before it,
    # not the ones after the last day the text told
    doc = run(pipe, "Teachers gathered outside the education department in Arak on Monday. "
                    "Nurses rallied in Yazd on Thursday.\n\n"
                    "Bakers in Tabriz stopped work on Sunday.\n\n"
                    "Tehran, Wednesday, March 12, 2025", published=None)
    got = rows(doc)
    assert on("Arak", "demonstration", dt.date(2025, 3, 10)) in got
    assert on("Yazd", "demonstration", dt.date(2025, 3, 6)) in got
    assert on("Tabriz", "strike", dt.date(2025, 3, 9)) in got


def test_a_closing_line_that_says_more_than_a_date_is_no_dateline(pipe):
    doc = run(pipe, "Bakers in Tabriz stopped work on Sunday, March 9, 2025. Nurses rallied in Yazd on Thursday.\n\n"
                    "Related: Iran: teachers rally in Arak – March 20, 2025", published=None)
    # (read as a dateline, "Thursday" would be March 20 itself)
    assert on("Yazd", "demonstration", dt.date(2025, 3, 6)) in rows(doc)


def test_units_that_were_active_did_the_campaigns_act(pipe):
    doc = run(pipe, "On Sunday, June 1, Resistance Units put up posters of Maryam Rajavi in Qom. "
                    "In Golestan, units in Gorgan and Gonbad-e Kavus were active on Monday, June 2.")
    got = rows(doc)
    assert on("Gorgan", "symbolic_action", dt.date(2025, 6, 2)) in got
    assert on("Gonbad-e Kavus", "symbolic_action", dt.date(2025, 6, 2)) in got


def test_activists_who_were_active_did_no_act(pipe):
    doc = run(pipe, "On Sunday, June 1, Resistance Units put up posters of Maryam Rajavi in Qom. "
                    "The two students had been active in Gorgan for years, their families said.")
    assert not any(town == "Gorgan" for town, *_ in rows(doc))


def test_towns_that_followed_on_a_weekday_did_the_campaigns_act(pipe):
    doc = run(pipe, "On Sunday, June 1, Resistance Units wrote slogans on walls in Qom. "
                    "In Semnan, Shahroud and Damghan followed on Monday.")
    got = rows(doc)
    assert on("Shahrud", "symbolic_action", dt.date(2025, 6, 2)) in got
    assert on("Damghan", "symbolic_action", dt.date(2025, 6, 2)) in got


def test_a_province_opening_a_clause_before_its_towns_is_no_event_place(pipe):
    doc = run(pipe, "On Sunday, June 1, Resistance Units wrote slogans on walls in Qom; "
                    "in Mazandaran, Sari and Babol on Monday, June 2, the units put up posters.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Sari", "symbolic_action") in got and ("Babol", "symbolic_action") in got
    assert ("Mazandaran", "symbolic_action") not in got


def test_a_province_listed_after_a_town_is_still_listed_as_one(pipe):
    doc = run(pipe, "On Sunday, June 1, Resistance Units put up posters in Tehran, Mazandaran, Babol and Rasht.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Mazandaran", "symbolic_action") in got


def test_a_labourer_sentenced_to_death_is_one_sentenced(pipe):
    # "a 24-year-old labourer" in apposition: one person, not 24
    doc = run(pipe, "The Revolutionary Court of Sanandaj sentenced Kaveh Amini, a 31-year-old labourer, to death "
                    "for \"moharebeh\", Hengaw reported on 1 June.")
    got = {(c.kind, c.value) for c in doc.claims}
    assert ("sentenced_to_death", 1) in got and ("sentenced_to_death", 31) not in got


def test_units_writing_a_slogan_on_a_weekday_wrote_graffiti(pipe):
    doc = run(pipe, "In Qom and Kashan they wrote \"Down with the dictator\" on Sunday.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Qom", "symbolic_action") in got and ("Kashan", "symbolic_action") in got


def test_a_daily_that_wrote_on_a_weekday_wrote_no_graffiti(pipe):
    doc = run(pipe, "In Qom, the state-run Jomhouri daily wrote \"Prices are out of control\" on Sunday.")
    assert not any(sub == "symbolic_action" for _, sub, *_ in rows(doc))
