"""Rules added after held-out set 53 (ho325-ho330: the dev genre at full length on the 1953 coup's
anniversary, Camp Ashraf's anniversary, the day against violence toward women, Ferdowsi Day, Mehregan
and the Dey 1396 uprising's anniversary), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)
from test_heldout51_rules import subs


def test_a_list_told_with_a_frame_word_takes_the_act_of_the_next_sentence(pipe):
    # "answered the wave of executions in A, B and C": the executions are the cause, no act; the
    # towns are those of the acts the next sentence tells
    doc = run(pipe, "On Monday, the units answered the wave of executions in Yazd, Qom and Arak. They wrote "
                    "slogans and put up posters.")
    got = rows(doc)
    for town in ("Yazd", "Qom", "Arak"):
        assert on(town, "symbolic_action", dt.date(2025, 6, 2)) in got
    assert not any(sub == "execution" for _, sub in subs(doc))


def test_a_concession_keeps_its_towns_for_the_repression(pipe):
    # "despite the wave of arrests in A and B": the arrests' towns, not where the next sentence's acts were
    doc = run(pipe, "On Monday, despite the wave of arrests in Zahedan and Khash, the units were active across Iran. "
                    "They put up posters and wrote slogans.")
    towns = {e.location.canonical for e in doc.events}
    assert not towns & {"Zahedan", "Khash"}


def test_a_day_and_the_previous_night_are_one_range(pipe):
    doc = run(pipe, "On Monday, 12 Khordad, the day of the festival, and the previous night, youths put up "
                    "posters in Zanjan.")
    assert ("Zanjan", "symbolic_action", dt.date(2025, 6, 1), dt.date(2025, 6, 2)) in rows(doc)


def test_the_previous_night_alone_is_the_day_before(pipe):
    doc = run(pipe, "In Zanjan, youths burned a banner on Monday. The previous night, they had put up posters there.")
    assert on("Zanjan", "symbolic_action", dt.date(2025, 6, 1)) in rows(doc)


def test_the_sentence_of_the_person_an_act_is_for_is_no_sentence(pipe):
    doc = run(pipe, "In Qom, students held a vigil on Monday for a classmate who has been sentenced to death.")
    got = subs(doc)
    assert ("Qom", "demonstration") in got and ("Qom", "sentence") not in got


def test_a_sentence_told_as_news_with_a_relative_clause_is_kept(pipe):
    doc = run(pipe, "On Monday, a court in Qom sentenced a student who has been held since May to death.")
    assert ("Qom", "sentence") in subs(doc)


def test_an_execution_after_a_paragraph_break_opens_with_its_day(pipe):
    # "On Wednesday, the regime hanged ..." right after a paragraph: the opening phrase, not a name
    # in apposition telling someone's death
    doc = run(pipe, "In Yazd, students held a vigil on Monday for a classmate who has been arrested.\n\n"
                    "On Tuesday, the regime hanged three prisoners in Qom, among them a man from Arak.")
    assert on("Qom", "execution", dt.date(2025, 6, 3)) in rows(doc)


def test_three_weekdays_in_a_row_are_one_range(pipe):
    doc = run(pipe, "On Saturday, Sunday and Monday, units put up posters in Semnan.")
    assert ("Semnan", "symbolic_action", dt.date(2025, 5, 31), dt.date(2025, 6, 2)) in rows(doc)


def test_four_weekdays_in_a_row_are_one_range_and_days_apart_are_not(pipe):
    got = rows(run(pipe, "On Friday, Saturday, Sunday and Monday, units put up posters in Semnan."))
    assert ("Semnan", "symbolic_action", dt.date(2025, 5, 30), dt.date(2025, 6, 2)) in got
    got = rows(run(pipe, "On Friday, Sunday and Monday, units put up posters in Semnan."))
    assert ("Semnan", "symbolic_action", dt.date(2025, 5, 30), dt.date(2025, 6, 2)) not in got


def test_a_second_clause_with_its_own_day_and_subject_dates_its_own_act(pipe):
    doc = run(pipe, "In Semnan, a unit projected an image of Maryam Rajavi onto a building on Sunday, and on "
                    "Monday young people near the bazaar burned a poster of Khamenei.")
    got = rows(doc)
    assert on("Semnan", "symbolic_action", dt.date(2025, 6, 1)) in got
    assert on("Semnan", "property_attack", dt.date(2025, 6, 2)) in got
    assert on("Semnan", "symbolic_action", dt.date(2025, 6, 2)) not in got


def test_two_weekdays_of_one_act_stay_a_range(pipe):
    doc = run(pipe, "Units put up posters in Semnan on Sunday, and Monday.")
    assert ("Semnan", "symbolic_action", dt.date(2025, 6, 1), dt.date(2025, 6, 2)) in rows(doc)


def test_a_day_by_day_list_keeps_each_towns_day(pipe):
    doc = run(pipe, "On Saturday in Yazd, on Sunday in Qom, and on Monday in Arak retirees gathered.")
    got = rows(doc)
    assert on("Yazd", "demonstration", dt.date(2025, 5, 31)) in got
    assert on("Arak", "demonstration", dt.date(2025, 6, 2)) in got


def test_when_someone_took_office_dates_no_act(pipe):
    doc = run(pipe, "From Saturday, May 31, to Monday, June 2, units were active. Banners against Raisi, who "
                    "took office last month, were put up in Yazd and Qom.")
    assert ("Yazd", "symbolic_action", dt.date(2025, 5, 31), dt.date(2025, 6, 2)) in rows(doc)


def test_a_day_of_the_month_after_the_night_of(pipe):
    doc = run(pipe, "In Yazd, youths set fire to the gate of a Basij base on the night of the 1st. In Qom, "
                    "women gathered in front of the governorate on the 2nd to protest a death sentence.")
    got = rows(doc)
    assert on("Yazd", "property_attack", dt.date(2025, 6, 1)) in got
    assert on("Qom", "demonstration", dt.date(2025, 6, 2)) in got


def test_a_town_described_by_the_uprising_that_began_there_tells_no_protest(pipe):
    doc = run(pipe, "In Mashhad, where the uprising began, youths wrote slogans on walls on Monday.")
    got = subs(doc)
    assert ("Mashhad", "symbolic_action") in got and ("Mashhad", "demonstration") not in got


def test_the_relative_of_one_killed_is_no_killing(pipe):
    doc = run(pipe, "In Dorud, agents arrested the brother of a young man who was killed in the uprising on Monday.")
    got = subs(doc)
    assert ("Dorud", "arrest") in got and ("Dorud", "killing") not in got


def test_a_poet_and_a_tyrant_are_no_towns(pipe):
    doc = run(pipe, "On Monday, supporters in Tus recited the verses of the poet Ferdowsi about the tyrant Zahhak.")
    towns = {e.location.canonical for e in doc.events}
    assert not towns & {"Zehak", "Hoseynabad"}


def test_people_pushed_out_or_ordered_to_leave_met_an_intervention(pipe):
    doc = run(pipe, "In Yazd, supporters gathered at the tomb on Monday. Guards of the tomb pushed them out.\n\n"
                    "In Qom, supporters laid flowers on his grave on Monday. Agents ordered them to leave.")
    got = subs(doc)
    assert ("Yazd", "protest_with_intervention") in got and ("Qom", "protest_with_intervention") in got


def test_mothers_stopped_and_sent_home_in_one_town_of_two(pipe):
    doc = run(pipe, "In Yazd and Izeh, families visited the graves on Monday, and in Izeh security forces stopped "
                    "the mothers at the gate of the cemetery and sent them home.")
    got = subs(doc)
    assert ("Izeh", "protest_with_intervention") in got
    assert ("Yazd", "symbolic_action") in got and ("Yazd", "protest_with_intervention") not in got


def test_a_call_on_the_people_of_towns_named_at_length(pipe):
    doc = run(pipe, "The Resistance Units called on the people of Karaj and Qazvin to hang portraits of Dr. Mossadegh "
                    "on their balconies.")
    assert not doc.events


def test_the_town_a_village_is_near_is_a_bearing(pipe):
    doc = run(pipe, "Supporters in Ahmadabad, the village near Karaj where Dr. Mossadegh is buried, laid flowers on "
                    "his grave on Monday.")
    towns = {e.location.canonical for e in doc.events}
    assert "Karaj" not in towns and towns


def test_one_of_them_with_a_home_town_and_a_hospital_town(pipe):
    doc = run(pipe, "In Mashhad, plainclothes agents arrested three young men on Monday. One of them, a student from "
                    "Quchan, was beaten so badly that he had to be taken to a hospital in Chenaran.")
    got = subs(doc)
    assert ("Mashhad", "attack_on_civilians") in got
    assert not {t for t, _ in got} & {"Quchan", "Chenaran"}


def test_the_dead_honoured_at_length_are_no_killing(pipe):
    doc = run(pipe, "On Monday, the units honoured the 52 members of the organization who were killed in the attack "
                    "on Camp Ashraf in Iraq on September 1, 2013. Posters were put up in Yazd.")
    got = subs(doc)
    assert ("Yazd", "symbolic_action") in got and not any(sub == "killing" for _, sub in got)


def test_a_source_after_a_quoted_charge(pipe):
    doc = run(pipe, "On Sunday, a court in Ahvaz sentenced two men to five years in prison each for \"membership in "
                    "the organization,\" the judiciary's Mizan news agency reported.")
    assert any(c.kind == "sentenced_months" and c.value == 60 and "Mizan" in (c.attributed_to or "") for c in doc.claims)


def test_the_acts_of_a_lead_list_told_by_they_in_the_next_sentence(pipe):
    # "... marked the anniversary in A, B and C. They put up posters ...": the list's tactics; the
    # families' grave visit on its own day in one of the towns is another act beside it
    doc = run(pipe, "From Friday, May 30, to Monday, June 2, the units marked the anniversary in Yazd, Qom and Arak. "
                    "They put up posters of the dead and wrote slogans on walls.\n\n"
                    "In Qom, families visited the graves on Monday.")
    got = {(e.location.canonical, e.date.start, e.date.end): e.tactics for e in doc.events}
    assert "poster" in got[("Yazd", dt.date(2025, 5, 30), dt.date(2025, 6, 2))]
    assert ("Qom", dt.date(2025, 5, 30), dt.date(2025, 6, 2)) in got
    assert ("Qom", dt.date(2025, 6, 2), dt.date(2025, 6, 2)) in got


def test_verses_written_beside_slogans_are_graffiti(pipe):
    doc = run(pipe, "On Monday, youths wrote verses of the Shahnameh beside the slogans of the Resistance in Yazd.")
    assert any(e.location.canonical == "Yazd" and "graffiti" in e.tactics for e in doc.events)
