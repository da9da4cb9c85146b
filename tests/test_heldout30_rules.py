"""Rules added after held-out set 30 (ho187-ho192), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2024-03-09"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def _days(doc):
    return {(e.location.canonical, e.sub_event_type): (e.date.start, e.date.end) for e in doc.events}


def test_places_listed_with_no_act_take_the_act_of_the_they_sentence_after(pipe):
    doc = run(pipe, "The activists went out night after night: on Monday in Qom and Kashan; on Tuesday in Semnan. "
                    "They hung banners on bridges.\n")
    mon, tue = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
    assert _days(doc) == {("Qom", "symbolic_action"): (mon, mon), ("Kashan", "symbolic_action"): (mon, mon),
                          ("Semnan", "symbolic_action"): (tue, tue)}


def test_an_undated_detail_of_a_town_folds_into_the_day_a_day_by_day_list_gave_it(pipe):
    doc = run(pipe, "The activists went out night after night: on Monday in Qom and Kashan; on Tuesday in Semnan. "
                    "They hung banners on bridges.\n\nIn Qom, banners were hung near the bazaar.\n")
    qom = [e for e in doc.events if e.location.canonical == "Qom"]
    assert len(qom) == 1 and qom[0].date.start == dt.date(2024, 3, 4)


def test_a_weekday_run_starting_on_the_datelines_weekday_starts_the_week_before(pipe):
    # published on a Saturday: "on Saturday ..., on Sunday ..." is the Saturday before the Sunday
    doc = run(pipe, "The units marked a week of protest: on Saturday in Qom, on Sunday in Kashan and on Monday "
                    "in Semnan, they put up posters.\n")
    got = _days(doc)
    assert got[("Qom", "symbolic_action")][0] == dt.date(2024, 3, 2)
    assert got[("Kashan", "symbolic_action")][0] == dt.date(2024, 3, 3)


def test_a_towns_own_province_after_a_comma_is_no_second_place(pipe):
    doc = run(pipe, "On Monday, an image of Maryam Rajavi was projected onto a wall in Minab, Hormozgan.\n")
    assert summary(doc) == {("Minab", "symbolic_action")}


def test_where_detainees_were_taken_is_not_where_they_were_arrested(pipe):
    doc = run(pipe, "On Monday, police dispersed a gathering of farmers in Varzaneh and arrested three of them, "
                    "who were taken to Isfahan.\n", publisher="Test Wire")
    assert {c for c, _ in summary(doc)} == {"Varzaneh"}


def test_the_protests_a_base_is_used_to_suppress_are_no_protest(pipe):
    doc = run(pipe, "On Monday night, youths set fire to a Basij base in Qom. The base is used to organise the "
                    "suppression of protests in the city.\n")
    assert summary(doc) == {("Qom", "property_attack")}


def test_posters_of_prisoners_sentenced_to_death_are_no_sentence(pipe):
    doc = run(pipe, "On Monday, posters with the images of prisoners sentenced to death were put up in Arak.\n")
    assert summary(doc) == {("Arak", "symbolic_action")}
