"""Rules added after held-out set 51 (ho313-ho318: an Amnesty-style statement on arrests of Baha'is, a
KHRN-style note on kolbars and village raids, an HRANA-style protest digest, an IRNA police statement
after a football match, a Tasnim item on a "terrorist team", a Hengaw-style monthly report), each on
text of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)

from eventledger.models import Report


def subs(doc) -> set[tuple[str, str]]:
    return {(e.location.canonical, e.sub_event_type) for e in doc.events}


def test_information_gathered_by_a_monitor_is_no_gathering(pipe):
    # "gathered" with information as its object: the monitor collected it, nobody gathered
    doc = run(pipe, "Agents arrested at least nine teachers in Tabriz and Zanjan on 1 June, according to "
                    "information the organization gathered from their relatives.")
    got = subs(doc)
    assert ("Tabriz", "arrest") in got and ("Zanjan", "arrest") in got
    assert not any(sub in ("demonstration", "protest_with_intervention") for _, sub in got)


def test_people_gathered_are_still_a_gathering(pipe):
    doc = run(pipe, "On 1 June, retirees gathered in front of the governorate in Tabriz.")
    assert ("Tabriz", "demonstration") in subs(doc)


def test_the_detained_named_by_their_number_are_no_new_arrest(pipe):
    # "Of the 12 detained" points back at arrests told before; the next sentence's towns are where
    # the others are held
    doc = run(pipe, "On 1 June, agents arrested twelve workers in Arak.\n\n"
                    "Of the 12 detained, at least four have been released on bail. The others are being held "
                    "in Qom and Kashan.")
    got = subs(doc)
    assert ("Arak", "arrest") in got
    assert ("Qom", "arrest") not in got and ("Kashan", "arrest") not in got


def test_a_statement_dated_at_the_head_of_its_sentence_does_not_date_the_acts_it_reports(pipe):
    doc = run(pipe, "On 28 May, agents arrested five activists in Rasht.\n\n"
                    "In a statement on 1 June, the Rasht prosecutor, Ali Moradi, said that \"a number of "
                    "rioters\" had been arrested.")
    got = rows(doc)
    assert on("Rasht", "arrest", dt.date(2025, 5, 28)) in got
    assert on("Rasht", "arrest", dt.date(2025, 6, 1)) not in got


def test_and_on_a_second_day_opening_its_own_clause_is_no_range(pipe):
    doc = run(pipe, "In Semnan, two shopkeepers were arrested on the night of 30 May, and on 31 May three "
                    "more were arrested in Yazd after their homes were searched.")
    got = rows(doc)
    assert on("Semnan", "arrest", dt.date(2025, 5, 30)) in got
    assert on("Yazd", "arrest", dt.date(2025, 5, 31)) in got


def test_and_on_a_second_day_after_the_act_stays_a_range(pipe):
    # no subject and verb of its own after the second day: one range for the act told before
    doc = run(pipe, "Youths honoured her memory in Sanandaj on Monday, May 26, and Tuesday, May 27.")
    dates = {(e.date.start, e.date.end) for e in doc.events if e.location.canonical == "Sanandaj"}
    assert (dt.date(2025, 5, 26), dt.date(2025, 5, 27)) in dates


def test_a_death_after_a_fall_is_no_killing(pipe):
    doc = run(pipe, "On 1 June, a kolbar fell from a cliff near Nowsud while fleeing a border patrol and died "
                    "of his injuries.")
    assert not any(e.sub_event_type == "killing" for e in doc.events)


def test_a_shot_before_a_death_is_still_a_killing(pipe):
    doc = run(pipe, "On 1 June, border guards shot a kolbar near Nowsud and he died of his injuries.")
    assert any(e.sub_event_type == "killing" for e in doc.events)


def test_several_shops_damaged_are_no_wider_scope(pipe):
    # "several" before the things an act struck names no places beyond the story's town
    doc = run(pipe, "TABRIZ, June 3 (Monitor) - The police chief said on Tuesday that 46 people had been arrested "
                    "after Monday night's match at Tabriz's stadium.\n\n"
                    "He told the agency that spectators set fire to two buses and damaged several shops.")
    assert ("Tabriz", "property_attack") in subs(doc)


def test_a_paragraph_opening_with_a_quote_and_its_speaker_is_prose(pipe):
    # a quotation, its speaker and more: the paragraph's sentences are read like any other
    doc = run(pipe, "TABRIZ, June 3 (Monitor) - The police chief said on Tuesday that 46 people had been arrested "
                    "in Tabriz after Sunday night's match.\n\n"
                    "\"Police forces dispersed the rioters within two hours,\" Azizi said, adding that 15 others "
                    "identified from footage had been arrested on Monday. Most of them were aged between 17 and 25.")
    assert on("Tabriz", "arrest", dt.date(2025, 6, 2)) in rows(doc)


def test_a_quoted_line_alone_is_still_a_slogan_line(pipe):
    from eventledger.stages.segment import paragraph_kind
    assert paragraph_kind("“Woman, Resistance, Freedom”", False) == "quote"
    assert paragraph_kind("\"We will fight, we will die,\" the crowd chanted in Tabriz on Monday.", False) == "quote"


def claims_of(doc) -> dict[float, str | None]:
    return {c.value: c.attributed_to for c in doc.claims if c.value is not None}


def test_a_source_cited_by_the_acronym_the_report_spelled_out_is_named_in_full(pipe):
    doc = run(pipe, "Agents arrested nine Baha'is in Shiraz on 1 June, according to the Baha'i International "
                    "Community (BIC).\n\nThe BIC told the monitor that more than 230 Baha'is have been arrested "
                    "since January.")
    assert claims_of(doc)[230] == "Baha'i International Community (BIC)"


def test_an_acronym_whose_letters_are_not_the_names_initials_is_left_alone(pipe):
    from eventledger.stages.claims import defined_acronyms
    assert defined_acronyms("the Tehran Times (TT) and Iran Human Rights (IHRNGO)") == {"TT": "Tehran Times (TT)"}


def test_one_worker_speaking_is_a_source(pipe):
    doc = run(pipe, "Asaluyeh – Contract workers at the gas field went on strike on Monday. A worker told the "
                    "monitor that more than 400 workers had stopped work.")
    assert (claims_of(doc)[400] or "").lower().endswith("worker")


def test_the_publishers_own_department_is_the_publisher(pipe):
    text = ("HRANA News Agency\n\nDaily digest\n\nHRANA's statistics department says it recorded 342 protest "
            "gatherings in Iran in September 2025.")
    doc = pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="HRANA News Agency",
                          published=dt.date(2025, 10, 27)))
    assert claims_of(doc)[342] == "HRANA News Agency"


def test_an_arrest_recalled_in_an_apposition_neither_places_nor_dates_the_sentence(pipe):
    doc = run(pipe, "Branch 1 of the Revolutionary Court of Sanandaj sentenced three Kurdish political prisoners, "
                    "arrested in Divandarreh in March 2025, to death on 18 May.")
    got = rows(doc)
    assert on("Sanandaj", "sentence", dt.date(2025, 5, 18)) in got
    assert not any(town == "Divandarreh" for town, *_ in got)


def test_the_rest_of_a_total_takes_the_totals_period(pipe):
    doc = run(pipe, "At least 11 prisoners were executed in May 2025.\n\n"
                    "On 26 May, a prisoner was executed in Dizelabad prison in Kermanshah. The other six executions "
                    "took place in the prisons of Qazvin and Mashhad.", published="2025-06-02")
    got = rows(doc)
    assert on("Kermanshah", "execution", dt.date(2025, 5, 26)) in got
    assert ("Qazvin", "execution", dt.date(2025, 5, 1), dt.date(2025, 5, 31)) in got


def test_gunmen_firing_on_a_police_patrol_attack_people(pipe):
    doc = run(pipe, "The governor of Iranshahr said that gunmen had fired on a police patrol on the road near "
                    "Iranshahr on Sunday, causing no casualties.")
    assert ("Iranshahr", "attack_on_people") in subs(doc)


def test_forces_firing_on_protesters_stay_an_intervention(pipe):
    doc = run(pipe, "On Sunday, police fired on protesters who had gathered in front of the governorate in Iranshahr.")
    got = subs(doc)
    assert ("Iranshahr", "protest_with_intervention") in got and ("Iranshahr", "attack_on_people") not in got


def test_a_day_inside_a_count_tables_month_row_is_its_own_event(pipe):
    doc = run(pipe, "Monthly report – May 2025\n\nAt least 20 Kurdish citizens were arrested in May 2025.\n\n"
                    "Arrests by town, May 2025\nSanandaj: 14\nMarivan: 6\n\n"
                    "On the night of 9 May, intelligence agents raided the home of a teacher in Marivan and "
                    "arrested her together with her husband.", published="2025-06-02")
    got = rows(doc)
    assert ("Marivan", "arrest", dt.date(2025, 5, 1), dt.date(2025, 5, 31)) in got
    assert on("Marivan", "arrest", dt.date(2025, 5, 9)) in got


def test_an_act_on_the_road_between_two_towns_is_near_the_first(pipe):
    doc = run(pipe, "On 6 May, border guards shot dead three porters near Saravan. On 19 May, IRGC forces shot "
                    "dead two porters on the road between Khash and Iranshahr.", published="2025-06-02")
    got = rows(doc)
    assert on("Khash", "killing", dt.date(2025, 5, 19)) in got
    assert on("Saravan", "killing", dt.date(2025, 5, 19)) not in got


def count_at(doc, town: str, sub: str):
    return next((e.count.value for e in doc.events if e.location.canonical == town and e.sub_event_type == sub and e.count), None)


def test_homes_raided_are_no_count_of_people(pipe):
    doc = run(pipe, "In Shiraz, security agents raided seven homes in the early hours of 1 June and arrested nine Baha'is.")
    assert count_at(doc, "Shiraz", "arrest") == 9


def test_the_part_named_inside_a_whole_is_no_count(pipe):
    doc = run(pipe, "On 1 June, three Kurdish prisoners, among them two brothers from Piranshahr, were hanged in "
                    "Urmia Central Prison.")
    assert count_at(doc, "Urmia", "execution") == 3


def test_a_count_tables_bare_row_figure_is_its_events_count(pipe):
    doc = run(pipe, "Monthly report – May 2025\n\nAt least 20 Kurdish citizens were arrested in May 2025.\n\n"
                    "Arrests by town, May 2025\nSanandaj: 14\nMarivan: 6\n", published="2025-06-02")
    assert count_at(doc, "Sanandaj", "arrest") == 14 and count_at(doc, "Marivan", "arrest") == 6


def test_a_part_of_a_set_and_an_age_range_are_no_event_count(pipe):
    doc = run(pipe, "On Monday, police arrested people in Tabriz. Most of the detainees were aged between 17 and 25, "
                    "and four of them were residents of other provinces.")
    assert ("Tabriz", "arrest") in subs(doc)
    assert count_at(doc, "Tabriz", "arrest") is None
    assert not any(c.value in (17, 25) for c in doc.claims)
