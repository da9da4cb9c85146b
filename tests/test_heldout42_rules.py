"""Rules added after held-out set 42 (ho259-ho264: the 2022 uprising in the PMOI/MEK and NCRI
voice), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2022-10-27"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start.isoformat() if e.date.start else None)
            for e in doc.events}


def test_a_street_named_like_a_tehran_district_is_in_the_paragraphs_town(pipe):
    # "Pasdaran" is a Tehran district, and streets of that name are in many towns; the report names
    # Tehran elsewhere, but this paragraph is about Sanandaj
    doc = run(pipe, "Mahsa Amini was arrested by the morality police in Tehran on September 13.\n\n"
                    "In Sanandaj, young people blocked Ferdowsi Street on Wednesday. Security forces shot "
                    "dead a man on Pasdaran Street.\n")
    assert ("Sanandaj", "killing", "2022-10-26") in rows(doc)
    assert ("Tehran", "killing", "2022-10-26") not in rows(doc)


def test_a_march_as_the_subject_is_a_protest_and_the_month_is_not(pipe):
    doc = run(pipe, "In Piranshahr, a march on Wednesday night ended when police fired tear gas.\n")
    assert rows(doc) == {("Piranshahr", "protest_with_intervention", "2022-10-26")}
    doc = run(pipe, "In Piranshahr, the March 8 rally was banned by the governor.\n")
    assert not doc.events


def test_the_town_a_protest_is_for_or_about_is_no_event_place(pipe):
    doc = run(pipe, "In Tehran, people gathered on Wednesday night and chanted for Saqqez.\n")
    assert {e.location.canonical for e in doc.events} == {"Tehran"}
    doc = run(pipe, "On Wednesday, shops in Tabriz closed in protest at the killings in Zahedan.\n")
    assert {e.location.canonical for e in doc.events} == {"Tabriz"}
    doc = run(pipe, "On Wednesday, merchants in Tabriz went on strike over the killing of two men in Zahedan.\n")
    assert {e.location.canonical for e in doc.events} == {"Tabriz"}


def test_a_ceremony_turned_into_a_protest_is_one_on_its_own_day(pipe):
    # the death in the relative clause is who the man was: no killing, and not the protest's day
    doc = run(pipe, "On Saturday, the 40th-day memorial of Mehdi Zare, 21, who was killed on October 1, turned "
                    "into a protest at the cemetery in Izeh.\n")
    assert rows(doc) == {("Izeh", "demonstration", "2022-10-22")}
    # (nor a death in an apposition: "a young man shot dead by security agents")
    doc = run(pipe, "The funeral of Arash Molaei, 23, a young man shot dead by security agents at a checkpoint "
                    "near Izeh, turned into a protest on Saturday, October 22.\n")
    assert rows(doc) == {("Izeh", "demonstration", "2022-10-22")}


def test_a_death_the_relative_clause_places_and_dates_is_an_event(pipe):
    doc = run(pipe, "The protest began after the funeral of a porter, Hiwa Ahmadi, 24, who was shot dead by "
                    "border guards near Piranshahr on Wednesday, October 26, ending at the governor's office.\n")
    assert ("Piranshahr", "killing", "2022-10-26") in rows(doc)


def test_shops_of_a_list_of_towns_that_stayed_shut_are_a_strike_in_each(pipe):
    doc = run(pipe, "On Tuesday, the shops of Sanandaj, Saqqez and Bukan remained shut.\n")
    assert rows(doc) == {(town, "strike", "2022-10-25") for town in ("Sanandaj", "Saqqez", "Bukan")}


def test_shot_and_died_is_a_killing(pipe):
    doc = run(pipe, "In Javanrud on Wednesday, Kamal Moradi, 19, was shot in the chest and died on the way to hospital.\n")
    assert rows(doc) == {("Javanrud", "killing", "2022-10-26")}


def test_barricades_set_up_by_people_of_a_neighbourhood_are_a_protest(pipe):
    doc = run(pipe, "In Karaj, young people in the Gohardasht neighbourhood set up barricades of burning tyres on Wednesday.\n")
    assert rows(doc) == {("Karaj", "demonstration", "2022-10-26")}


def test_both_arrested_during_the_protests_after_a_hanging_is_who_they_were(pipe):
    doc = run(pipe, "The regime hanged A. Shekari in Tehran on October 8 and M. Rahnavard in Mashhad on October 12, "
                    "both arrested during the protests.\n")
    assert rows(doc) == {("Tehran", "execution", "2022-10-08"), ("Mashhad", "execution", "2022-10-12")}


def test_clashing_with_a_named_police_unit_is_an_intervention(pipe):
    doc = run(pipe, "In Saqqez on Wednesday, young people blocked the Aychi road and clashed with special units of the police.\n")
    assert rows(doc) == {("Saqqez", "protest_with_intervention", "2022-10-26")}


def test_protesters_of_places_named_between_who_blocked_roads_are_a_protest(pipe):
    doc = run(pipe, "In Karaj on Wednesday, protesters in Mehrshahr and on Taleghani Street blocked the roads.\n")
    assert rows(doc) == {("Karaj", "demonstration", "2022-10-26")}
    # the forces blocking the road are no protest
    doc = run(pipe, "In Karaj on Wednesday, residents said police and security forces blocked the roads.\n")
    assert not doc.events


def test_the_grounds_of_a_sentence_are_no_attack(pipe):
    doc = run(pipe, "On Wednesday, a court in Isfahan sentenced three men to death for the killing of security personnel.\n")
    assert rows(doc) == {("Isfahan", "sentence", "2022-10-26")}
