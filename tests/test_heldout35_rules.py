"""Rules added after held-out set 35 (ho217-ho222: "Iran News in Brief" items with claims), each
on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, published: str = "2025-06-12"):
    return test_assemble.run(pipe, text, publisher="NCRI", published=published)


def test_a_surname_cut_to_its_initial_keeps_the_town_an_origin(pipe):
    doc = run(pipe, "Hengaw said that Kaveh R., 38, from Bukan, was hanged in Urmia prison on Monday.\n")
    assert summary(doc) == {("Urmia", "execution")}


def test_an_age_after_a_name_with_an_initial_is_no_count(pipe):
    doc = run(pipe, "Hengaw said that Kaveh R., 38, from Bukan, was hanged in Urmia prison on Monday.\n")
    assert all(e.count is None or e.count.value != 38 for e in doc.events)


def test_the_province_of_a_home_town_is_an_origin_too(pipe):
    doc = run(pipe, "On Sunday a prisoner from Malayer in Hamedan province was executed in Arak prison.\n")
    assert summary(doc) == {("Arak", "execution")}


def test_that_day_in_another_year_is_history(pipe):
    doc = run(pipe, "On Friday, June 6, families gathered at the cemetery in Izeh. On that day in 2019, "
                    "police shot dead two men in Izeh.\n")
    assert ("Izeh", "killing") not in summary(doc)


def test_a_bare_month_joined_to_a_month_with_its_year_takes_that_year(pipe):
    doc = run(pipe, "In May and June 1981, hundreds of prisoners were executed in Evin prison.\n")
    assert all(e.date.start is None or e.date.start.year == 1981 for e in doc.events)


def test_posters_of_those_killed_in_a_town_tell_no_killing_there(pipe):
    doc = run(pipe, "On Tuesday, activists in Qazvin put up posters of those killed in Saravan.\n")
    assert summary(doc) == {("Qazvin", "symbolic_action")}


def test_a_source_putting_the_inflation_rate_at_a_figure_is_its_source(pipe):
    doc = run(pipe, "The Central Bank of Iran put the annual inflation rate for the month of Tir at 41.5 percent, "
                    "while rents have risen by 60 percent, the Hamshahri daily wrote.\n")
    assert any(c.value == 41.5 and c.attributed_to and "Central Bank" in c.attributed_to for c in doc.claims)


def test_what_past_years_brought_is_no_event(pipe):
    doc = run(pipe, "Activists urged people to turn the holiday into a day of protest, as in past years, when "
                    "crowds clashed with police in Rasht.\n")
    assert not any(e.event_type in ("protest", "repression", "riot") and e.sub_event_type != "symbolic_action"
                   for e in doc.events)
