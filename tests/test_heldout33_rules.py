"""Rules added after held-out set 33 (ho205-ho210), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2019-03-04"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_bare_town_lines_under_a_colon_are_a_list(pipe):
    doc = run(pipe, "On Saturday, March 2, the units hung banners against the price of bread in these towns:\n\n"
                    "Yazd\nSemnan\nBirjand\n")
    assert summary(doc) == {(c, "symbolic_action") for c in ("Yazd", "Semnan", "Birjand")}


def test_a_day_heading_under_a_colon_is_no_list_line(pipe):
    doc = run(pipe, "The week, day by day:\n\nSunday\nGraffiti were written in Zanjan.\n")
    assert summary(doc) == {("Zanjan", "symbolic_action")}
    assert all(e.date.start == dt.date(2019, 3, 3) for e in doc.events)


def test_a_list_whose_intro_tells_no_act_takes_the_they_sentence_after_it(pipe):
    doc = run(pipe, "On Friday, March 1, the units marked the day of the teachers in these towns:\n\n"
                    "- Sari\n- Gorgan\n- Amol\n\nThey wrote slogans on school walls.\n")
    assert summary(doc) == {(c, "symbolic_action") for c in ("Sari", "Gorgan", "Amol")}


def test_the_night_before_the_day_just_named(pipe):
    doc = run(pipe, "On polling day, Friday, March 1, youths in Kashan burned a poster of a candidate. "
                    "In Saveh, a candidate's office was set on fire on the night before the vote.\n")
    saveh = [e for e in doc.events if e.location.canonical == "Saveh"]
    assert saveh and saveh[0].date.start == dt.date(2019, 2, 28)


def test_a_banner_hung_after_a_long_name_is_no_hanging(pipe):
    doc = run(pipe, "On Sunday, March 3, youths in Zanjan tore down a banner of the judiciary's chief Sadegh "
                    "Larijani hung over the main square.\n")
    assert not any(e.sub_event_type == "execution" for e in doc.events)


def test_people_forced_to_leave_is_an_intervention(pipe):
    doc = run(pipe, "On Sunday, March 3, retirees gathered outside the pension office in Arak. Police forced the "
                    "pensioners standing at the door to leave.\n")
    assert summary(doc) == {("Arak", "protest_with_intervention")}


def test_forces_that_ended_a_gathering_intervened(pipe):
    doc = run(pipe, "On Sunday, March 3, nurses rallied in front of the hospital in Yasuj. Security forces "
                    "encircled them and ended the rally.\n")
    assert summary(doc) == {("Yasuj", "protest_with_intervention")}


def test_mourners_at_graves_made_to_leave_met_an_intervention(pipe):
    doc = run(pipe, "In Zanjan, relatives visited the graves of two young men at the city cemetery on Sunday, "
                    "March 3. Agents forced the relatives who had gathered at the graves to leave.\n")
    assert summary(doc) == {("Zanjan", "protest_with_intervention")}


def test_support_for_strikers_is_no_strike_in_the_towns(pipe):
    doc = run(pipe, "As the strike of bakers entered its third day, the units showed their support for the strikers "
                    "on Sunday, March 3, in Qom and Kashan by distributing leaflets.\n")
    assert summary(doc) == {("Qom", "symbolic_action"), ("Kashan", "symbolic_action")}


def test_a_gathering_night_after_night_is_no_one_event(pipe):
    doc = run(pipe, "In Bushehr, fishermen gathered night after night at the port to protest the foreign trawlers.\n")
    assert summary(doc) == set()
