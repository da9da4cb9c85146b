"""Rules added after held-out set 36 (ho223-ho228), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2021-05-10"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def _at(doc, town: str):
    return [e for e in doc.events if (e.location.canonical or e.location.name) == town]


def test_an_image_projected_on_a_building_is_a_projection(pipe):
    doc = run(pipe, "Portrait of the NCRI president projected on a tower in Hamedan, May 6\n")
    assert summary(doc) == {("Hamadan", "symbolic_action")}
    assert doc.events[0].tactics == ("projection",)


def test_distributing_a_leaders_message_is_a_leaflet(pipe):
    doc = run(pipe, "Qazvin - Distributing Massoud Rajavi's letter and message to workers - May 7, 2021\n")
    assert summary(doc) == {("Qazvin", "symbolic_action")}
    assert "leaflet" in doc.events[0].tactics


def test_the_weekly_bazaar_is_a_place_not_a_habit(pipe):
    doc = run(pipe, "In Saveh, young women handed out leaflets to shoppers at the weekly bazaar on Thursday, May 6.\n")
    assert summary(doc) == {("Saveh", "symbolic_action")}
    assert doc.events[0].date.start == dt.date(2021, 5, 6)


def test_a_caption_of_another_act_is_its_own_event_beside_the_list(pipe):
    doc = run(pipe, "Iran, May 10, 2021—From Monday, May 3, to Saturday, May 8, the units put up posters and wrote "
                    "slogans in Yazd, Semnan and Birjand.\n\n"
                    "Birjand - Distributing leaflets of the units near the bus terminal - May 5, 2021\n")
    birjand = _at(doc, "Birjand")
    assert len(birjand) == 2
    assert {e.date.start for e in birjand} == {dt.date(2021, 5, 3), dt.date(2021, 5, 5)}


def test_a_caption_of_the_lists_own_act_still_folds(pipe):
    doc = run(pipe, "Iran, May 10, 2021—From Monday, May 3, to Saturday, May 8, the units put up posters and wrote "
                    "slogans in Yazd, Semnan and Birjand.\n\n"
                    "Birjand - Posters of the units on a wall of the bazaar - May 5, 2021\n")
    assert len(_at(doc, "Birjand")) == 1


def test_chanting_for_political_prisoners_is_in_public(pipe):
    doc = run(pipe, "In Arak, on Thursday, May 6, police detained four workers outside the factory after they "
                    "chanted slogans in support of political prisoners.\n")
    assert summary(doc) == {("Arak", "protest_with_intervention"), ("Arak", "arrest")}


def test_a_memorial_told_in_a_relative_clause_and_broken_up(pipe):
    doc = run(pipe, "In Bukan, on Friday, May 7, agents broke up a memorial that friends of a young man killed in "
                    "2022 held at the cemetery.\n")
    assert ("Bukan", "protest_with_intervention") in summary(doc)


def test_two_months_in_a_row_share_the_year_written_once(pipe):
    doc = run(pipe, "In September and October 2009, students were arrested in Qazvin.\n")
    ranges = [m.range for m in doc.dates if m.range.start is not None and m.range.start.year in (2009, 2021)]
    assert ranges and all(r.start.year == 2009 for r in ranges)
    assert any(r.start == dt.date(2009, 9, 1) and r.end == dt.date(2009, 10, 31) for r in ranges)


def test_a_persian_caption_names_its_act(pipe):
    doc = run(pipe, "\u06cc\u0632\u062f \u2013 \u0646\u0635\u0628 \u067e\u0648\u0633\u062a\u0631 \u2013 "
                    "\u06f1\u06f6 \u0627\u0631\u062f\u06cc\u0628\u0647\u0634\u062a \u06f1\u06f4\u06f0\u06f0\n")
    # "Yazd – putting up posters – 16 Ordibehesht 1400" (= May 6, 2021)
    assert summary(doc) == {("Yazd", "symbolic_action")}
    assert doc.events[0].tactics == ("poster",)


def test_the_regimes_own_rally_is_no_protest(pipe):
    doc = run(pipe, "On Friday, May 7, youths in Ilam tore down a banner announcing the regime's Quds Day rally. "
                    "State television showed the official march in Tabriz the same day.\n")
    assert not any(e.sub_event_type == "demonstration" for e in doc.events)
