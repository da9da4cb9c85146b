"""Rules added after held-out set 69 (ho421-ho426: claim-rich statements and press releases: NCRI
statements, an NCRI Women's Committee report, a UN Special Rapporteur's release, OHCHR briefing notes
and an Amnesty urgent action, with monthly and yearly tallies compared across sources), each on text
of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def _claims(doc):
    return {(c.value, c.attributed_to) for c in doc.claims}


def test_a_call_to_release_the_detained_and_investigate_killings_reports_neither(pipe):
    doc = run(pipe, "The group urged the authorities to release all those detained and to open independent "
                    "investigations into the killings in Izeh.")
    assert not any(town == "Izeh" for town, *_ in rows(doc))


def test_a_release_days_later_does_not_move_the_arrest(pipe):
    doc = run(pipe, "On Sunday, June 1, relatives of prisoners gathered outside Vakilabad Prison in Mashhad. "
                    "Guards detained at least three of the fathers, who were freed on bail three days later.",
              published="2025-06-05")
    assert on("Mashhad", "arrest", dt.date(2025, 6, 1)) in rows(doc)
    assert not any(sub == "arrest" and start == dt.date(2025, 6, 4) for _, sub, start, _ in rows(doc))


def test_days_after_his_arrest_dates_the_arrest_before_the_death(pipe):
    doc = run(pipe, "In Ahvaz, a 30-year-old labourer died in custody on May 29, three days after his arrest in the city.")
    assert on("Ahvaz", "killing", dt.date(2025, 5, 29)) in rows(doc)
    assert on("Ahvaz", "arrest", dt.date(2025, 5, 26)) in rows(doc)


def test_one_named_victim_of_a_running_toll_is_his_town_s_killing(pipe):
    doc = run(pipe, "At least 14 protesters have been killed, including a 19-year-old student, Reza Karimi, "
                    "who was shot dead by riot police in Arak on May 30.")
    assert on("Arak", "killing", dt.date(2025, 5, 30)) in rows(doc)


def test_a_running_toll_alone_is_still_no_event(pipe):
    doc = run(pipe, "At least 14 protesters have been killed in Arak since the start of May.")
    assert not any(sub == "killing" for _, sub, *_ in rows(doc))


@pytest.mark.parametrize("text, claim", [
    # "the expert" of a UN release is the Special Rapporteur it names
    ("The UN Special Rapporteur on Iran voiced alarm at the hangings. At least 31 prisoners were hanged in Qom "
     "last month, the expert noted.", (31, "UN Special Rapporteur")),
    # a quote after the speaker's verb goes on with the speaker's words
    ("\"The numbers are shocking,\" Amnesty International said. \"At least 64 of those hanged were Baluch.\"",
     (64, "Amnesty International")),
    # a paragraph opened by an expressed concern speaks for its source
    ("Amnesty International expressed particular concern about the hangings of Kurds. Kurdish prisoners made up "
     "18 per cent of those executed.", (18, "Amnesty International")),
    # reports obtained by a network are its figures
    ("Reports obtained by the network of the PMOI/MEK inside Iran show that more than 900 people have been "
     "detained since May 20.", (900, "PMOI/MEK")),
    # an apposition holding a parenthesis with commas still names the source
    ("A confidential report of the Health Ministry, dated 1404/03/10 (May 31, 2025), puts the number of injured "
     "at 480.", (480, "Health Ministry")),
    # the paragraph that opens with a network's reports goes on with them
    ("Reports gathered by the network of the PMOI/MEK inside Iran show that 300 people were detained in Ilam on "
     "Monday. At least nine protesters have been killed.", (9, "PMOI/MEK")),
    # a UN expert named by the mandate, its lower-case words and "today" before the verb
    ("The Special Rapporteur on the situation of human rights in the Islamic Republic of Iran today expressed "
     "concern at the hanging of at least 52 people in May.",
     (52, "Special Rapporteur on the situation of human rights in the Islamic Republic of Iran")),
])
def test_sources_of_a_release_s_figures(pipe, text, claim):
    assert claim in _claims(run(pipe, text))
