"""Rules added after held-out set 52 (ho319-ho324: PMOI/MEK Resistance Units reports and "Iran News in
Brief" items in small towns and county seats, with spelling variants such as Gurgan, Amul, Resht,
Ghazvin, Chahbahar, Eilam and Kirmanshah), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)

from eventledger.gazetteer import get_gazetteer
from eventledger.gazetteer.resolve import best


def subs(doc) -> set[tuple[str, str]]:
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_spellings_of_provincial_capitals_resolve_to_their_towns():
    g = get_gazetteer()
    for name, town in (("Kirmanshah", "Kermanshah"), ("Eilam", "Ilam"), ("Langrud", "Langarud")):
        place = best(g.lookup(name)).candidate.place
        assert (place.canonical, place.precision) == (town, 1)


def test_a_capitals_spelling_before_province_is_the_province(pipe):
    # "Eilam" spells Ilam, the town and the province it shares its name with
    doc = run(pipe, "On Monday, the Resistance Units wrote slogans on walls in Dehloran and Abdanan, in Eilam province.")
    got = subs(doc)
    assert ("Dehloran", "symbolic_action") in got and ("Abdanan", "symbolic_action") in got
    assert ("Ilam", "symbolic_action") not in got


def test_oman_is_the_country_not_the_village_of_that_name(pipe):
    place = best(get_gazetteer().lookup("Oman")).candidate.place
    assert (place.canonical, place.country) == ("Oman", "OM")
    doc = run(pipe, "From the Gulf of Oman to the Zagros, fishermen in Chabahar gathered on Monday.")
    got = subs(doc)
    assert ("Chabahar", "demonstration") in got and not any(town == "\u2018Omman" for town, _ in got)


def test_an_occasion_named_in_a_slogan_does_not_date_an_act_with_its_own_day(pipe):
    doc = run(pipe, "In Amol, the Resistance Units projected the slogan \"Nowruz without Khamenei\" onto a wall "
                    "on Wednesday night.", published="2026-04-04")
    assert on("Amol", "symbolic_action", dt.date(2026, 4, 1)) in rows(doc)


def test_an_occasion_named_in_an_officials_quoted_words_is_left_alone(pipe):
    # a warning quoted in the report is not a slogan: the occasion it names may still date the sentence
    doc = run(pipe, "The police chief warned that \"anyone who disrupts Nowruz\" would be punished. In Sari, "
                    "Resistance Units put up posters.", published="2026-03-22")
    assert ("Sari", "symbolic_action") in subs(doc)


def test_an_occasion_an_object_was_put_up_for_does_not_date_the_act(pipe):
    # "put up for Nowruz" is the banner's purpose; the sentence's own day dates the arson
    doc = run(pipe, "In Gonbad-e Kavus, young people set fire to a banner of Khamenei that had been put up for "
                    "Nowruz, on Thursday afternoon.", published="2026-04-04")
    assert on("Gonbad-e Kavus", "property_attack", dt.date(2026, 4, 2)) in rows(doc)


def test_sizdah_bedar_is_the_13th_of_farvardin(pipe):
    doc = run(pipe, "On Sizdah Bedar, police arrested three young men in a park in Babol.", published="2026-04-04")
    assert on("Babol", "arrest", dt.date(2026, 4, 2)) in rows(doc)


def test_the_governorate_of_a_town_as_a_building_places_the_gathering(pipe):
    doc = run(pipe, "About 120 saffron growers gathered in front of the governorate of Torbat-e Heydarieh on Tuesday.",
              published="2023-11-18")
    assert on("Torbat-e Heydariyeh", "demonstration", dt.date(2023, 11, 14)) in rows(doc)


def test_the_governorate_of_a_town_speaking_is_no_place(pipe):
    doc = run(pipe, "The governorate of Quchan said on Tuesday that the drivers' strike had ended; in Shirvan, "
                    "drivers gathered on Monday.", published="2023-11-18")
    assert ("Quchan", "strike") not in subs(doc)


def test_a_habit_told_in_a_relative_clause_before_the_act_is_the_subjects(pipe):
    # "some of whom travel each day from Bojnurd" describes the workers; the rally is one act
    doc = run(pipe, "Workers of the Esfarayen industrial complex, some of whom travel each day from Bojnurd, rallied "
                    "outside the plant on Wednesday.", published="2023-11-18")
    got = rows(doc)
    assert on("Esfarayen", "demonstration", dt.date(2023, 11, 15)) in got
    assert not any(r[0] == "Bojnurd" for r in got)


def test_a_habit_told_before_the_act_outside_a_relative_clause_is_still_a_habit(pipe):
    doc = run(pipe, "Each day, workers of the Esfarayen industrial complex rally outside the plant.", published="2023-11-18")
    assert ("Esfarayen", "demonstration") not in subs(doc)


def test_a_person_named_by_a_trade_from_a_town_is_an_origin(pipe):
    doc = run(pipe, "The Revolutionary Court of Bandar Abbas sentenced Abdolghafour Mirani, a fisherman from Minab, "
                    "to death on Tuesday.", published="2023-05-24")
    got = subs(doc)
    assert ("Bandar Abbas", "sentence") in got and ("Minab", "sentence") not in got


def test_a_list_lines_label_naming_a_province_over_its_towns_is_the_grouping(pipe):
    doc = run(pipe, "On Saturday and Sunday, the units put up posters in the following towns:\n\n"
                    "West Azerbaijan: Bukan, Naqadeh and Miandoab\nArdabil: Khalkhal, Meshginshahr and Germi",
              published="2025-09-17")
    got = subs(doc)
    assert ("Khalkhal", "symbolic_action") in got and ("Germi", "symbolic_action") in got
    assert ("Ardabil", "symbolic_action") not in got


def test_a_town_heading_its_own_line_stays_the_town(pipe):
    doc = run(pipe, "Ardabil: on Sunday, police arrested two students near the university.", published="2025-09-17")
    assert ("Ardabil", "arrest") in subs(doc)


def test_fishermen_keeping_their_boats_in_harbour_are_on_strike(pipe):
    doc = run(pipe, "In Konarak, fishermen kept their boats in the harbour on Monday and Tuesday.", published="2023-05-24")
    got = rows(doc)
    assert ("Konarak", "strike", dt.date(2023, 5, 22), dt.date(2023, 5, 23)) in got
    assert not any(sub == "arrest" for _, sub, _, _ in got)


def test_a_grave_visit_told_after_a_strike_is_no_tactic_of_the_strike(pipe):
    doc = run(pipe, "On Tuesday, shops stayed closed in Bukan and Mahabad.\n\nIn Bukan, agents warned the fathers of two "
                    "young men not to hold a ceremony. The families went to the cemetery anyway on Tuesday morning.",
              published="2025-09-17")
    got = rows(doc)
    assert on("Bukan", "strike", dt.date(2025, 9, 16)) in got
    assert on("Bukan", "symbolic_action", dt.date(2025, 9, 16)) in got


def test_names_of_the_dead_written_on_walls_at_length_are_graffiti_of_its_day(pipe):
    # the dead named at length inside the act ("killed in the town in 2022") are whom it honours:
    # neither a killing nor the act's date
    doc = run(pipe, "In Bukan, the units wrote the names of young people killed in the town in 2022 on the walls of "
                    "the Imam Khomeini boulevard on Sunday night.", published="2025-09-17")
    got = rows(doc)
    assert on("Bukan", "symbolic_action", dt.date(2025, 9, 14)) in got
    assert not any(sub == "killing" for _, sub, _, _ in got)


def test_a_history_date_after_a_participle_and_its_place_dates_the_participle(pipe):
    doc = run(pipe, "On Sunday, the court in Mahabad sentenced two men detained in Bukan in 2023 to death.",
              published="2025-09-17")
    assert on("Mahabad", "sentence", dt.date(2025, 9, 14)) in rows(doc)


def test_a_banner_that_burns_in_a_caption_is_the_arsons_object(pipe):
    doc = run(pipe, "Sarpol-e Zahab, Kermanshah province – January 5, 2026 – A banner with a portrait of Soleimani burns "
                    "on the road to Qasr-e Shirin", published="2026-01-06")
    got = subs(doc)
    assert ("Sarpol-e Zahab", "property_attack") in got
    assert ("Sarpol-e Zahab", "symbolic_action") not in got and ("Qasr-e Shirin", "property_attack") not in got


def test_a_source_after_a_quoted_charge_closes_the_sentence(pipe):
    doc = run(pipe, 'A Revolutionary Court in Amol sentenced Kamran Pourhosseini, 29, to five years in prison for '
                    '"assembly and collusion against national security," his lawyer said on Tuesday.', published="2024-02-14")
    assert any(c.value == 60 and c.attributed_to and "lawyer" in c.attributed_to for c in doc.claims)


def test_drivers_who_joined_them_are_on_strike(pipe):
    doc = run(pipe, "Truck drivers in Quchan went on strike for a third day on Friday. Drivers in the neighbouring town "
                    "of Shirvan, in North Khorasan, joined them on Friday.", published="2023-11-18")
    assert on("Shirvan", "strike", dt.date(2023, 11, 17)) in rows(doc)


def test_years_after_an_event_are_no_prison_term(pipe):
    doc = run(pipe, "Courts in Mashhad handed down new sentences this week, four years after the November 2019 uprising.",
              published="2023-11-18")
    assert not any(c.kind == "sentenced_months" for c in doc.claims)
    assert all(e.count is None or e.count.kind != "sentenced_months" for e in doc.events)


def test_a_ledes_week_of_repression_is_told_by_the_day_of_the_one_act_given(pipe):
    doc = run(pipe, "Iran News in Brief – November 18, 2023\n\nThe regime's courts in Mashhad handed down new sentences "
                    "this week.\n\nBranch 3 of the Revolutionary Court of Mashhad sentenced Saeed Yaghoubi to death, his "
                    "family said on Thursday.", published=None)
    got = [r for r in rows(doc) if r[1] == "sentence"]
    assert got == [on("Mashhad", "sentence", dt.date(2023, 11, 16))]
