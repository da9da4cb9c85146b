"""Rules added after held-out set 63 (ho385-ho390: rights-monitor reports in the voices of Hengaw,
HRANA, Haalvsh, KHRN, Iran Human Rights and Amnesty International: executions in named prisons,
arrests in Kurdish and Baluch towns, kolbars shot, a death in custody, sentences upheld, monthly and
yearly tallies from several sources side by side), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def _claims(doc):
    return {(c.value, c.attributed_to) for c in doc.claims}


def test_a_monitor_that_put_a_months_figure_at_a_number_gives_it(pipe):
    doc = run(pipe, "At least 61 prisoners were hanged in Iran in March, Hengaw said. "
                    "The Kurdistan Human Rights Network put the March figure at 70.")
    assert (70, "Kurdistan Human Rights Network") in _claims(doc)


def test_a_monitor_that_put_the_total_at_a_number_gives_it(pipe):
    doc = run(pipe, "Rights groups differ on the year's executions. HRANA has put the total for 2024 at 930.")
    assert (930, "HRANA") in _claims(doc)


def test_a_death_in_a_detention_centre_with_its_day_between_is_a_killing(pipe):
    doc = run(pipe, "Kamal Sharifi died on 2 June in a detention centre of the IRGC in Piranshahr, his family said.")
    assert on("Piranshahr", "killing", dt.date(2025, 6, 2)) in rows(doc)


def test_being_held_in_a_detention_centre_is_still_no_death_nor_arrest(pipe):
    doc = run(pipe, "Kamal Sharifi is held in a detention centre of the IRGC in Piranshahr, his family said.")
    assert not rows(doc)


def test_the_death_in_custody_a_sentence_is_about_keeps_its_place(pipe):
    # the relative clause "who died ... in X" is the news here, not a person's past told in passing
    doc = run(pipe, "The group condemned the death in custody of Kamal Sharifi, a 40-year-old shepherd who "
                    "died on 2 June in a detention centre of the IRGC in Piranshahr.")
    assert on("Piranshahr", "killing", dt.date(2025, 6, 2)) in rows(doc)


def test_marks_of_beatings_on_a_body_are_no_beating(pipe):
    # what the family saw on the body, not a beating told with its own day and place
    doc = run(pipe, "In Piranshahr, the family of Kamal Sharifi said on Tuesday, 3 June, that his body bore "
                    "marks of beatings on his face and legs.")
    assert not any(sub == "attack_on_civilians" for _, sub, *_ in rows(doc))


def test_a_home_town_of_two_names_is_an_origin(pipe):
    doc = run(pipe, "Dadshah Rigi, 36, from Sib and Suran, was hanged on 2 June in Zahedan Central Prison.")
    towns = {town for town, *_ in rows(doc)}
    assert "Zahedan" in towns and not towns & {"Sib", "Seeb", "Suran"}


def test_a_person_described_in_an_apposition_comes_from_the_place(pipe):
    doc = run(pipe, "The court in Sanandaj upheld a two-year prison sentence on 2 June for Leila Moradi, a nurse "
                    "and member of the nurses' guild from Kamyaran, the group said.")
    towns = {town for town, *_ in rows(doc)}
    assert "Sanandaj" in towns and "Kamyaran" not in towns


def test_an_execution_being_prepared_is_none(pipe):
    doc = run(pipe, "On 2 June, Dadshah Rigi was moved to solitary confinement in Zahedan Central Prison "
                    "in preparation for his execution.")
    assert not any(sub == "execution" for _, sub, *_ in rows(doc))


def test_the_executions_a_cleric_criticised_are_none_of_the_arrest(pipe):
    doc = run(pipe, "In Khash, a cleric was detained on Monday, 2 June, by agents of the Intelligence Department "
                    "after a sermon in which he criticised the execution of Baluch prisoners.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Khash", "arrest") in got and ("Khash", "execution") not in got


def test_a_neighbourhood_named_like_a_foreign_town_is_the_towns(pipe):
    # (GeoNames' Jahanabad is in Bihar, India: the neighbourhood is in the town the sentence names)
    doc = run(pipe, "On 2 June, police arrested three men in Chabahar after raiding their homes in the "
                    "Jahanabad neighbourhood.")
    assert {town for town, *_ in rows(doc)} == {"Chabahar"}


def test_a_years_executions_in_a_prison_are_a_tally(pipe):
    doc = run(pipe, "In its annual report, published on 2 January 2026, the group says that at least 1,100 people "
                  "were executed in Iran in 2025. In Shiraz's Adelabad Prison, at least 120 prisoners were hanged "
                  "during the year.", published="2026-01-02")
    assert not any(town == "Shiraz" for town, *_ in rows(doc))
    assert 120 in {c.value for c in doc.claims}


def test_a_death_in_a_detention_centre_in_a_town_is_there(pipe):
    # unlike the wounded who died in a hospital they were taken to, a detainee dies where he is held
    doc = run(pipe, "Kamal Sharifi died on 2 June in a detention centre in Piranshahr, his family said.")
    assert on("Piranshahr", "killing", dt.date(2025, 6, 2)) in rows(doc)


def test_an_arrest_days_before_a_death_is_counted_back(pipe):
    doc = run(pipe, "Kamal Sharifi died on 2 June in a detention centre in Piranshahr, three days after he was "
                    "arrested at his home in the town.")
    got = rows(doc)
    assert on("Piranshahr", "arrest", dt.date(2025, 5, 30)) in got
    assert on("Piranshahr", "killing", dt.date(2025, 6, 2)) in got
