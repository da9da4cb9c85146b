"""Rules added after held-out set 50 (ho307-ho312: wire and newsroom stories on Iran in 2025-2026 --
kolbars shot near Baneh, a farmers' dam protest, a prison riot in Ahvaz, a dissident's funeral in Rasht,
an oil contract workers' strike, an execution with rallies abroad), each on text of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.models import Report


def run(pipe, text: str, published: str | None = "2025-06-03"):
    day = dt.date.fromisoformat(published) if published else None
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Wire", published=day))


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def on(town: str, sub: str, day: dt.date) -> tuple:
    return town, sub, day, day


def towns(doc) -> set:
    return {e.location.canonical for e in doc.events}


def test_so_far_in_a_year_gives_a_yearless_dateline_its_year(pipe):
    # the lede's weekday is two days before the dateline's: it must not pick the year in which the
    # dateline's day is that weekday (2029)
    doc = run(pipe, "Guards kill porters\n\nDUBAI, Nov 18 (Wire) - Border guards shot dead two porters near "
                    "Baneh late on Sunday, a rights group said.\n\nThe group says 40 porters have been killed "
                    "so far in 2025, up from 31 in 2024.\n", published=None)
    assert on("Baneh", "killing", dt.date(2025, 11, 16)) in rows(doc)


def test_the_next_day_after_a_place_word_dates_its_own_act(pipe):
    doc = run(pipe, "Police shot dead a porter near Baneh on Sunday, and hundreds protested in the town "
                    "the next day.\n", published="2025-11-18")
    protests = {e.date.start for e in doc.events if e.event_type == "protest"}
    assert protests == {dt.date(2025, 11, 17)}


def test_a_bearing_from_a_city_named_with_its_kind_is_no_event_place(pipe):
    doc = run(pipe, "Hundreds of farmers from villages east of the Iranian city of Isfahan rallied in "
                    "Varzaneh on Monday.\n", published="2025-07-22")
    assert "Isfahan" not in towns(doc)
    assert "Varzaneh" in towns(doc)


def test_where_people_travelled_from_is_no_event_place(pipe):
    doc = run(pipe, "On Monday, farmers rallied at the governor's office in Kashan. The farmers, many of whom "
                    "travelled overnight in pickup trucks from Varzaneh, chanted slogans.\n", published="2025-07-22")
    assert "Varzaneh" not in towns(doc)
    assert "Kashan" in towns(doc)


def test_a_refinery_named_after_a_town_near_another_is_the_site(pipe):
    doc = run(pipe, "On Monday, contract workers went on strike at the Parsian gas refinery near Lamerd.\n",
              published="2025-08-05")
    assert "Lamerd" in towns(doc)
    assert "Parsian" not in towns(doc)


def test_a_dateline_with_an_agency_after_its_full_date(pipe):
    # "Tehran, Aug 5, 2025 (AFP) -": the dateline anchors the report, so "On Sunday" is the Sunday
    # before it (not a Sunday before the last date the body wrote)
    doc = run(pipe, "Workers rally\n\nTehran, Aug 5, 2025 (Wire) - Oil workers went on strike in Abadan on "
                    "Monday, a council said.\n\nThe contractors told workers to return by Wednesday. On Sunday, "
                    "retired oil workers gathered in Ahvaz.\n", published=None)
    assert on("Ahvaz", "demonstration", dt.date(2025, 8, 3)) in rows(doc)


def test_an_ongoing_strike_and_its_sites_share_its_days(pipe):
    # the statement's day ("said on Tuesday, while ...") is not the strike's; the next paragraph that
    # lists the sites tells the same strike, so it keeps the days since Saturday
    doc = run(pipe, "Tehran, Aug 5, 2025 (Wire) - Contract workers have been on strike since Saturday over "
                    "wages, a workers' council said on Tuesday, while the ministry denied it.\n\n"
                    "The council said workers had downed tools at sites in Asaluyeh and Abadan.\n\n"
                    "By Monday, it said, the strike had spread to Kangan.\n", published=None)
    got = rows(doc)
    assert ("Abadan", "strike", dt.date(2025, 8, 2), dt.date(2025, 8, 5)) in got
    assert ("Bandar-e Kangan", "strike", dt.date(2025, 8, 4), dt.date(2025, 8, 5)) in got


def test_the_next_gathering_keeps_the_day_told_after_an_ongoing_strike(pipe):
    # what another sentence tells after the strike (a gathering) is still on the day it names
    doc = run(pipe, "Tehran, Aug 5, 2025 (Wire) - Contract workers have been on strike since Saturday in "
                    "Abadan, a council said.\n\nWorkers gathered outside the refinery in Abadan.\n", published=None)
    assert on("Abadan", "demonstration", dt.date(2025, 8, 5)) in rows(doc)


def test_a_rights_group_named_after_a_river_is_no_place(pipe):
    doc = run(pipe, "On Saturday, families gathered outside Sepidar prison in Ahvaz. Security forces detained "
                    "three people, according to the Karun human rights group.\n", published="2025-12-09")
    assert "Karun" not in towns(doc)
    assert ("Ahvaz", "arrest") in {(c, s) for c, s, *_ in rows(doc)}


def test_what_a_victim_had_protested_is_no_protest_of_its_own(pipe):
    doc = run(pipe, "Late on Friday, guards at Sepidar prison in Ahvaz beat an inmate who had protested against "
                    "the transfer of three cellmates.\n", published="2025-12-09")
    subs = {s for _, s, *_ in rows(doc)}
    assert "attack_on_civilians" in subs
    assert not subs & {"demonstration", "protest_with_intervention"}


def test_a_village_name_between_the_citys_and_a_site_is_the_site(pipe):
    doc = run(pipe, "The funeral turned into a protest in Rasht on Tuesday. Thousands gathered at the city's "
                    "Tazeh Abad cemetery and marched to the centre.\n", published="2026-01-21")
    assert towns(doc) == {"Rasht"}


def test_a_planned_rally_keeps_its_towns_from_a_waiting_act(pipe):
    # "News of the execution" waits for a place; the towns of a planned rally are not its place, and the
    # plan's Saturday does not date the next sentence's graffiti
    doc = run(pipe, "The man was hanged in Isfahan on Thursday.\n\nNews of the execution spread quickly. On Thursday "
                    "evening, hundreds rallied in London. Further rallies are planned in Paris and Toronto on "
                    "Saturday.\n\nIn Isfahan, slogans were written on walls in several neighbourhoods.\n",
              published="2026-03-13")
    got = rows(doc)
    assert not {"Paris", "Toronto"} & towns(doc)
    assert on("Isfahan", "symbolic_action", dt.date(2026, 3, 12)) in got


def test_rallies_by_iranians_abroad_in_a_lede_are_not_at_the_home_town(pipe):
    doc = run(pipe, "Iran has executed a man in Isfahan on Thursday, drawing condemnation and angry rallies by "
                    "Iranians abroad.\n", published="2026-03-13")
    assert {s for _, s, *_ in rows(doc)} == {"execution"}


FUNERAL = ("The funeral of a dissident turned into a protest in Rasht on Tuesday.\n\n"
           "He died on Sunday in a Tehran hospital, his family said.\n\n"
           "After the burial, hundreds marched towards the city centre chanting slogans.\n\n"
           "Riot police charged the marchers with batons. At least 14 people were detained, a rights group said.\n")


def test_after_the_burial_is_the_funerals_day(pipe):
    # the burial is the funeral's: the march is on the funeral's Tuesday, not the Sunday of the death
    # told in the paragraph before
    doc = run(pipe, FUNERAL, published="2026-01-21")
    days = {e.date.start for e in doc.events if e.event_type == "protest"}
    assert days == {dt.date(2026, 1, 20)}


def test_arrests_after_a_charge_on_the_marchers_are_at_their_march(pipe):
    doc = run(pipe, FUNERAL, published="2026-01-21")
    assert on("Rasht", "arrest", dt.date(2026, 1, 20)) in rows(doc)
    assert on("Rasht", "protest_with_intervention", dt.date(2026, 1, 20)) in rows(doc)


DAM = ("Hundreds of farmers rallied at the Zayandeh Rud dam on Monday demanding water, and police fired tear gas.\n\n"
       "The farmers held up empty bottles. The dam lies near the town of Chadegan.\n\n"
       "The provincial judiciary said eight people were arrested after a guard post at the dam was set on fire.\n\n"
       "Isfahan's governor told state television that \"a small number of people\" had gathered.\n")


def test_a_site_the_story_locates_later_places_the_lede(pipe):
    got = {(c, s) for c, s, *_ in rows(run(pipe, DAM, published="2025-07-22"))}
    assert {("Chadegan", "protest_with_intervention"), ("Chadegan", "property_attack"), ("Chadegan", "arrest")} <= got


def test_an_official_restating_a_told_protest_is_no_protest_in_his_town(pipe):
    assert "Isfahan" not in towns(run(pipe, DAM, published="2025-07-22"))


def test_the_seat_of_officials_is_no_place_for_a_waiting_act(pipe):
    doc = run(pipe, "On Sunday, dozens of farmers rallied in Varzaneh.\n\nProtests over water have also spread to the "
                    "southwest. Authorities in Tehran have cut water pressure at night.\n", published="2025-07-22")
    assert "Tehran" not in towns(doc)


def test_deaths_on_the_spot_and_in_the_towns_hospital_are_the_towns(pipe):
    # the story's town named again as the hospital's is no other place: the deaths are in Ahvaz,
    # not a country-level count
    doc = run(pipe, "At least three prisoners have died since a riot broke out at Sepidar prison in Ahvaz on "
                    "Friday night, sources said.\n\nTwo prisoners died on the spot and a third died in a hospital "
                    "in Ahvaz on Sunday, the sources said.\n", published="2025-12-09")
    got = {(c, s) for c, s, *_ in rows(doc)}
    assert ("Ahvaz", "killing") in got
    assert "Iran" not in towns(doc)


def test_other_victims_are_of_the_act_just_told(pipe):
    # the paragraph names no town of its own (an unknown village, the hospital's town): the two
    # wounded are the lede's shooting's, near Baneh on Sunday
    doc = run(pipe, "Border guards shot dead three porters near the town of Baneh late on Sunday, rights groups "
                    "said.\n\nThe porters were fired on near the village of Nanur, the group said. Two other "
                    "porters were wounded and taken to a hospital in Saqqez, it said.\n", published="2025-11-18")
    assert on("Baneh", "attack_on_civilians", dt.date(2025, 11, 16)) in rows(doc)
    assert "Saqqez" not in towns(doc)


def test_a_call_by_officials_names_them_as_the_source_of_its_figure(pipe):
    doc = run(pipe, "Authorities in Tehran have cut water pressure at night, and officials have urged residents "
                    "to cut consumption by 20%.\n", published="2025-07-22")
    assert any(c.value == 20 and c.attributed_to and "official" in c.attributed_to.lower() for c in doc.claims)


def test_chanting_that_waited_for_a_place_is_the_told_protests_tactic(pipe):
    doc = run(pipe, "Hundreds of farmers rallied at the Zayandeh Rud dam on Monday, and police fired tear gas.\n\n"
                    "The farmers, many of whom travelled overnight from other towns, chanted \"Our water has been "
                    "stolen\" and held up empty bottles, according to videos shared online. The dam lies near the "
                    "town of Chadegan.\n",
              published="2025-07-22")
    events = [e for e in doc.events if e.location.canonical == "Chadegan"]
    assert [e.sub_event_type for e in events] == ["protest_with_intervention"]
    assert "chanting" in events[0].tactics


def test_an_ordinal_running_count_is_a_figure(pipe):
    doc = run(pipe, "The group says Karimi is the 14th person executed in connection with protests since 2022. "
                    "She is at least the 40th lawyer to be detained since September, a rights group said.\n",
              published="2026-03-13")
    got = {(c.kind, c.value, c.qualifier) for c in doc.claims}
    assert ("executed", 14, "exact") in got and ("arrested", 40, "at_least") in got


def test_one_guard_counts_but_a_guard_post_does_not(pipe):
    doc = run(pipe, "The police said one guard was wounded in an exchange of fire. A guard post at the dam was "
                    "set on fire, the judiciary said.\n", published="2025-11-18")
    values = [(c.kind, c.value) for c in doc.claims if c.value is not None]
    assert ("injured", 1) in values and len(values) == 1
