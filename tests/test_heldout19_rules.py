"""Rules added after held-out set 19 (ho121-ho126), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest
import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


@pytest.mark.parametrize("text, town", [
    # motorists blocking a road are protesters; the tear gas and arrests after them are theirs
    ("On Wednesday, March 6, motorists blocked the main road into Kashan for an hour. "
     "Police fired tear gas and detained six of them.\n", "Kashan"),
    # an arrest at a protest told in the same sentence, with no date or place of its own
    ("On Friday, March 8, pensioners met outside the governorate in Arak. When the crowd "
     "chanted \"Our pensions, our right\", police officers drove them off and took away two "
     "of the organisers.\n", "Arak"),
])
def test_a_dispersed_protest_and_its_arrests(pipe, text, town):
    got = summary(run(pipe, text))
    assert (town, "protest_with_intervention") in got
    assert (town, "arrest") in got


def test_year_of_a_disappearance_does_not_date_the_gathering(pipe):
    doc = run(pipe, "In Qazvin, mothers of young men who disappeared after the 2019 protests held a vigil "
                    "outside the courthouse on Thursday.\n")
    ev = [e for e in doc.events if (e.location.canonical or e.location.name) == "Qazvin"]
    assert [e.sub_event_type for e in ev] == ["demonstration"]
    assert ev[0].date.start == dt.date(2024, 3, 7)


def test_photographs_put_up_in_the_passive(pipe):
    doc = run(pipe, "In Hamedan, pictures of the jailed teachers with the words \"Teaching is not a crime\" "
                    "were put up near the education department on Thursday.\n")
    assert summary(doc) == {("Hamadan", "symbolic_action")}
    assert doc.events[0].tactics == ("poster",)


def test_posters_named_as_the_charge_of_an_arrest_are_no_act(pipe):
    doc = run(pipe, "On Tuesday, police arrested a student in Zanjan on charges of putting up posters of "
                    "the opposition near the university.\n")
    assert summary(doc) == {("Zanjan", "arrest")}


def test_verbless_row_burnt_banner_is_the_arsons_object(pipe):
    doc = run(pipe, "Activities of the week\n\nIsfahan | a portrait of Soleimani set on fire on Chaharbagh Street | 5 March\n")
    assert summary(doc) == {("Isfahan", "property_attack")}
    assert doc.events[0].tactics == ("image_burning",)


def test_verbless_row_projection_onto_a_wall(pipe):
    doc = run(pipe, "Activities of the week\n\nYazd | the words \"Free all prisoners\" projected onto a building | 6 March\n")
    assert summary(doc) == {("Yazd", "symbolic_action")}
    assert doc.events[0].tactics == ("projection",)


def test_verbless_row_planned_then_cancelled_is_no_act(pipe):
    doc = run(pipe, "Activities of the week\n\nSari | rally planned but called off after threats | 6 March\n")
    assert doc.events == []


def test_a_call_to_join_named_as_a_noun_is_no_gathering(pipe):
    doc = run(pipe, "Activities of the week\n\nBirjand | call to join the workers' rally outside the governorate | 6 March\n")
    assert doc.events == []


def test_a_crowd_that_left_after_hours_was_not_dispersed(pipe):
    doc = run(pipe, "On Monday, March 4, retirees gathered outside the pension fund in Semnan. "
                    "They dispersed after three hours.\n")
    assert summary(doc) == {("Semnan", "demonstration")}


def _dates(doc):
    return {(e.location.canonical or e.location.name): (e.date.start, e.date.end) for e in doc.events}


def test_throughout_a_month_dates_the_whole_month(pipe):
    doc = run(pipe, "Leaflets against the hijab law were handed out throughout February in Gorgan.\n")
    assert _dates(doc) == {"Gorgan": (dt.date(2024, 2, 1), dt.date(2024, 2, 29))}


def test_during_that_week_takes_a_heading_named_week(pipe):
    doc = run(pipe, "Last week of February (February 22–29)\n\n"
                    "During that week, posters of political prisoners were put up in Sabzevar.\n")
    assert _dates(doc) == {"Sabzevar": (dt.date(2024, 2, 22), dt.date(2024, 2, 29))}


def test_n_days_later_counts_from_the_day_just_named(pipe):
    doc = run(pipe, "On Monday, March 4, youths set fire to a Basij base in Kashan. "
                    "Three days later, in Ardabil, a banner of Khamenei was set on fire.\n", publisher="PMOI/MEK")
    got = _dates(doc)
    assert got["Kashan"] == (dt.date(2024, 3, 4), dt.date(2024, 3, 4))
    assert got["Ardabil"] == (dt.date(2024, 3, 7), dt.date(2024, 3, 7))


def test_handed_over_to_agents_is_an_arrest(pipe):
    doc = run(pipe, "On Sunday, March 3, guards at the bazaar of Kerman seized a young vendor and handed him "
                    "over to intelligence agents.\n")
    assert ("Kerman", "arrest") in summary(doc)


def test_an_arrest_named_as_the_protests_cause_stays_no_event(pipe):
    doc = run(pipe, "On Friday, March 8, pensioners met outside the governorate in Arak. Many of them "
                    "chanted slogans after a colleague was detained by agents earlier in the month.\n")
    assert ("Arak", "arrest") not in summary(doc)
