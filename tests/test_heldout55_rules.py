"""Rules added after held-out set 55 (ho337-ho342: wire-agency and international newsroom stories on
Iran: a Reuters "UPDATE 2" on water protests under an internet curb, an AFP story on a medical residents'
strike, an AP story on a trial of eight defendants, a dpa story on a dormitory protest, an Al-Monitor
story on fishermen in Hormozgan, a Guardian story on a dam protest near Sardasht), each on text of its
own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import rows, run  # (the same helpers)
from test_heldout51_rules import claims_of, subs

MONDAY = dt.date(2025, 6, 2)  # (the helpers publish on Tuesday, 3 June 2025)


# -- places ----------------------------------------------------------------------------------------

def test_the_second_desk_of_a_joint_dateline_is_no_event_place(pipe):
    doc = run(pipe, "Title\n\nIsfahan/Vienna (dpa) - Hundreds of nurses protested outside a hospital in Isfahan on Monday.")
    got = subs(doc)
    assert ("Isfahan", "demonstration") in got
    assert not any(town == "Vienna" for town, _ in got)


def test_a_wire_desk_town_is_not_the_town_of_a_site_without_one(pipe):
    # "BEIRUT (AP) — A Revolutionary Court ...": the court is not in Beirut
    doc = run(pipe, "Title\n\nBEIRUT (AP) — A Revolutionary Court in Iran has sentenced two teachers to prison on Monday.")
    assert not any(e.location.country == "LB" for e in doc.events)


def test_a_court_placed_by_a_region_sat_where_the_next_sentence_says_it_tried_them(pipe):
    doc = run(pipe, "A Revolutionary Court in southeastern Iran has sentenced four men to death, the judiciary said "
                    "on Monday. The four were tried together in two sessions in Zahedan, it said.")
    assert ("Zahedan", "sentence") in subs(doc)


def test_the_protest_a_court_punished_is_no_place_of_the_sentence(pipe):
    doc = run(pipe, "On Monday, a court in Shiraz sentenced five men to prison over a protest in the town of "
                    "Kazerun in which a Basij member was killed.")
    got = subs(doc)
    assert ("Shiraz", "sentence") in got
    assert ("Kazerun", "sentence") not in got
    assert not any(sub in ("attack_on_people", "killing") for _, sub in got)


def test_where_a_source_spoke_from_by_phone_is_no_event_place(pipe):
    doc = run(pipe, "A teacher began a hunger strike in Tabriz prison on Monday, his wife told reporters by phone "
                    "from Istanbul.")
    got = subs(doc)
    assert ("Tabriz", "strike") in got
    assert not any(town == "Istanbul" for town, _ in got)


def test_the_hospital_the_wounded_were_taken_to_without_an_article(pipe):
    doc = run(pipe, "On Monday, police fired pellets at farmers protesting outside the governorate in Shahr-e Kord, "
                    "and at least six were wounded. Three of the wounded were taken to hospital in Isfahan.")
    assert not any(town == "Isfahan" for town, _ in subs(doc))


def test_a_party_named_after_its_region_is_no_place(pipe):
    doc = run(pipe, "Three members of the Kurdistan Democratic Party of Iran were killed on Monday, the party said.")
    assert not any(e.location.canonical == "Kurdistan" for e in doc.events)
    assert claims_of(doc).get(3) == "Kurdistan Democratic Party of Iran"


def test_a_quarter_of_the_capital_named_by_its_bearing_is_tehran(pipe):
    doc = run(pipe, "Tehran students protest\n\nOn Monday, students gathered at a dormitory in the south of the capital. "
                    "Guards beat students with batons.")
    assert any(town == "Tehran" for town, _ in subs(doc))


def test_a_site_named_after_an_imam_keeps_its_possessive_town(pipe):
    doc = run(pipe, "On Monday, nurses stopped work at Mashhad's Imam Reza and Ghaem hospitals.")
    assert ("Mashhad", "strike") in subs(doc)


# -- triggers and what is no act -------------------------------------------------------------------

def test_food_poisoning_is_no_attack(pipe):
    doc = run(pipe, "On Monday, dozens of soldiers fell ill with suspected food poisoning at a barracks in Kerman.")
    assert ("Kerman", "attack_on_civilians") not in subs(doc)


def test_an_official_denying_deaths_tells_no_killing(pipe):
    doc = run(pipe, "On Monday, the governor of Izeh denied that anyone had been killed in the town.")
    assert not any(sub in ("killing", "attack_on_people") for _, sub in subs(doc))


def test_the_strike_told_by_what_it_follows_is_no_new_act_in_the_reasons_town(pipe):
    doc = run(pipe, "On Monday, bakers in Arak went on strike over flour prices. The walkout follows the arrest "
                    "last week of a bakers' guild official in Qom.")
    got = subs(doc)
    assert ("Arak", "strike") in got
    assert ("Qom", "strike") not in got


def test_people_protesting_against_a_project_are_a_protest(pipe):
    doc = run(pipe, "On Monday, police fired tear gas at residents protesting against a landfill near Kahrizak.")
    assert ("Kahrizak", "protest_with_intervention") in subs(doc)


def test_fishermen_staying_ashore_strike_and_blocking_a_pier_protest(pipe):
    doc = run(pipe, "On Monday, fishermen in Bushehr tied up their boats, and in Bandar Lengeh fishermen "
                    "refused to put to sea. On Tuesday, fishermen blocked the jetty in Chabahar.")
    got = subs(doc)
    assert ("Bushehr", "strike") in got and ("Bandar-e Lengeh", "strike") in got
    assert ("Chabahar", "demonstration") in got


def test_and_on_a_place_opens_a_clause_of_its_own(pipe):
    doc = run(pipe, "On Monday, workers in Arak refused to put to sea, and on Kish island dozens of fishermen "
                    "blocked the pier.")
    assert ("Kish", "strike") not in subs(doc)


def test_fire_with_several_weapons_at_villagers(pipe):
    doc = run(pipe, "On Monday, guards fired tear gas and pellets at dozens of villagers in Piranshahr.")
    assert any(e.location.canonical == "Piranshahr" and e.event_type == "repression" for e in doc.events)


def test_stones_at_a_line_of_police_are_an_attack_on_people(pipe):
    doc = run(pipe, "On Monday, youths in Mahabad were throwing stones at a line of riot police.")
    assert ("Mahabad", "attack_on_people") in subs(doc)


def test_a_modal_inside_a_relative_clause_does_not_make_the_act_planned(pipe):
    doc = run(pipe, "On Monday, farmers from villages that would be flooded held a vigil in Dehgolan.")
    assert ("Dehgolan", "demonstration") in subs(doc)


def test_a_death_told_by_its_noun_with_who_was_shot_is_a_killing(pipe):
    doc = run(pipe, "Protests followed the death on Sunday of Reza Amini, a shepherd, who was shot when border "
                    "guards opened fire near Sarvabad.")
    assert ("Sarvabad", "killing") in subs(doc)


# -- dates -----------------------------------------------------------------------------------------

def test_a_history_month_opening_a_sentence_governs_its_own_clause_only(pipe):
    # the sit-in is April's (history), not the later clause's May
    doc = run(pipe, "In November, workers at a plant in Saveh staged a sit-in over wages, and in May, 20 workers "
                    "at a mine in Zarand were dismissed.")
    assert not any(town == "Saveh" and d0 and d0 >= dt.date(2025, 5, 1) for town, _, d0, _ in rows(doc))


# -- tallies and restatements ----------------------------------------------------------------------

def test_arrests_in_several_towns_since_a_weekday_are_each_towns_act(pipe):
    doc = run(pipe, "HRANA said at least 30 people had been detained in Izeh, Lali and Masjed Soleyman since Sunday.")
    got = subs(doc)
    assert {("Izeh", "arrest"), ("Lali", "arrest"), ("Masjed Soleyman", "arrest")} <= got
    assert 30 in claims_of(doc)


def test_arrests_in_a_town_and_a_province_since_a_weekday_stay_a_tally(pipe):
    doc = run(pipe, "HRANA said at least 30 people had been detained in Khuzestan and Kerman since Sunday.")
    assert not any(sub == "arrest" for _, sub in subs(doc))


def test_an_official_saying_officers_were_injured_restates_the_riot_told(pipe):
    doc = run(pipe, "On Monday, protesters in Marivan threw stones at the police. The governor, quoted by IRNA, "
                    "said the dam was needed. He said 9 police officers had been injured by stones.")
    got = rows(doc)
    assert ("Marivan", "attack_on_people", MONDAY, MONDAY) in got
    assert sum(1 for _, sub, _, _ in got if sub == "attack_on_people") == 1


# -- claims ----------------------------------------------------------------------------------------

def test_a_figure_put_as_participation_is_its_sources(pipe):
    doc = run(pipe, "The teachers' council put participation at 60 percent on Monday.")
    assert (claims_of(doc).get(60) or "").endswith("council")


def test_a_named_source_speaks_for_the_residents_beside_it(pipe):
    doc = run(pipe, "Shops closed in at least five towns on Monday, the monitor NetBlocks and residents said.")
    assert claims_of(doc).get(5) == "NetBlocks"


def test_unnamed_sources_beside_others_name_no_source(pipe):
    doc = run(pipe, "Retirees rallied in at least seven cities on Monday, organisers and witnesses said.")
    assert claims_of(doc).get(7) is None


def test_an_inverted_source_with_a_long_apposition(pipe):
    doc = run(pipe, "Four porters were wounded on Monday, said Hengaw, a group that documents rights abuses in "
                    "the Kurdish regions of Iran.")
    assert claims_of(doc).get(4) == "Hengaw"


def test_a_chancellor_and_footage_closing_a_sentence_are_sources(pipe):
    doc = run(pipe, "The university's chancellor said 25 students had been suspended. On Monday, around 300 "
                    "students rallied at the University of Isfahan, videos shared on social media showed.")
    got = claims_of(doc)
    assert "chancellor" in (got.get(25) or "")
    assert "videos" in (got.get(300) or "")


def test_footage_vouched_for_by_an_agency_is_the_agencys(pipe):
    doc = run(pipe, "Police forced at least six students into a van on Monday, according to a video verified by "
                    "Reuters.")
    assert claims_of(doc).get(6) in (None, "Reuters")  # (not "video")


def test_a_placeless_casualty_count_is_the_lone_protests_of_the_story(pipe):
    doc = run(pipe, "Police fired tear gas at hundreds of farmers protesting against a water transfer near the town "
                    "of Varzaneh on Monday.\n\nVideos showed men being carried away.\n\n"
                    "HRANA said at least eight people were wounded by pellets and that five farmers were arrested.")
    got = rows(doc)
    assert ("Varzaneh", "attack_on_civilians", MONDAY, MONDAY) in got
    assert ("Varzaneh", "arrest", MONDAY, MONDAY) in got


def test_a_raid_into_the_protests_site_is_at_the_protests_town(pipe):
    doc = run(pipe, "Students protested at a dormitory in Mashhad on Monday night.\n\n"
                    "Guards entered the complex shortly after midnight and beat students with batons, a student "
                    "channel said.")
    assert ("Mashhad", "attack_on_civilians") in subs(doc)


def test_a_protest_that_began_on_a_day_spans_to_the_last_day_told_there(pipe):
    doc = run(pipe, "Residents of Bushehr province protested for a third day on Tuesday.\n\n"
                    "The protests began on Sunday in Borazjan after the water was cut.\n\n"
                    "Videos showed hundreds of people blocking a road in Borazjan on Monday night.")
    assert ("Borazjan", "demonstration", dt.date(2025, 6, 1), MONDAY) in rows(doc)


def test_overnight_is_the_night_ending_on_the_reports_day(pipe):
    doc = run(pipe, "Graffiti calling for a general strike appeared on walls in several districts of Qazvin overnight, "
                    "activists said.")
    assert ("Qazvin", "symbolic_action", MONDAY, dt.date(2025, 6, 3)) in rows(doc)


def test_overnight_beside_the_acts_own_day_keeps_that_day(pipe):
    doc = run(pipe, "Students in Sanandaj held a sit-in overnight, and dozens were detained when guards entered the "
                    "dormitories early on Tuesday.")
    assert ("Sanandaj", "arrest", dt.date(2025, 6, 3), dt.date(2025, 6, 3)) in rows(doc)


def test_smugglers_shepherds_and_crewmen_are_people_a_number_counts(pipe):
    doc = run(pipe, "Border police said on Monday that one smuggler was killed and three shepherds were wounded "
                    "near Saravan.")
    got = claims_of(doc)
    assert 1 in got and 3 in got
