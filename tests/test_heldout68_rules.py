"""Rules added after held-out set 68 (ho415-ho420: international wire stories about Iran, 2023-2026,
datelines abroad and inside Iran, executions announced by Mizan, strikes and protests, rights groups'
tallies beside officials' figures, background on 2019 and 2022), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_sentences_carried_out_at_a_prison_are_an_execution_there(pipe):
    doc = run(pipe, "ISTANBUL, June 3 (Reuters) - Iran hanged a man on Tuesday, the judiciary said. "
                    "The judiciary's website said the sentence was carried out at dawn at Vakilabad prison in Mashhad.")
    got = rows(doc)
    assert on("Mashhad", "execution", dt.date(2025, 6, 3)) in got
    assert not any(sub == "sentence" for _, sub, *_ in got)


def test_shops_kept_shuttered_are_a_strike(pipe):
    doc = run(pipe, "Shopkeepers in Arak kept their stores shuttered on Monday over the new tax, witnesses said.")
    assert on("Arak", "strike", dt.date(2025, 6, 2)) in rows(doc)


def test_a_surname_named_in_full_before_is_no_place_when_used_alone(pipe):
    # "Rostami" is also the short name of Bandar-e Rostami (Bushehr)
    doc = run(pipe, "Authorities hanged Karim Rostami in Urmia on Monday. Shops closed on Tuesday in Oshnavieh, "
                    "Rostami's home town, residents said.")
    towns = {town for town, *_ in rows(doc)}
    assert "Bandar-e Rostami" not in towns and "Oshnaviyeh" in towns


def test_who_was_from_the_town_of_is_an_origin(pipe):
    doc = run(pipe, "Nurses rallied in Yazd on Monday. The protests of 2022 broke out after the death of a young woman, "
                    "who was from the Kurdish town of Saqqez.")
    assert not any(town == "Saqqez" for town, *_ in rows(doc))


def test_summoned_by_a_towns_prosecutor_is_an_arrest_in_that_town(pipe):
    doc = run(pipe, "Two teachers were summoned by the Arak prosecutor on Saturday and released hours later, their union said.")
    assert on("Arak", "arrest", dt.date(2025, 5, 31)) in rows(doc)


def test_a_towns_prosecutor_who_speaks_is_still_no_event_place(pipe):
    doc = run(pipe, "Teachers rallied in Yazd on Monday. The Arak prosecutor said on Saturday that the union was illegal.")
    assert not any(town == "Arak" for town, *_ in rows(doc))


def test_an_undated_sentence_after_a_said_day_carries_the_acts_day(pipe):
    # the lead's act is Friday's; "said Saturday" is the day the group spoke
    doc = run(pipe, "DUBAI (AP) — Police fired on worshippers who marched after Friday prayers in Khash, killing "
                    "one man, a rights group said Saturday. It said 12 people were wounded in Khash.",
              published="2025-06-07")
    assert on("Khash", "attack_on_civilians", dt.date(2025, 6, 6)) in rows(doc)


def test_a_desk_dateline_lets_the_next_paragraph_go_on_about_the_leads_town(pipe):
    doc = run(pipe, "TEHRAN, Iran (AP) — Police fired tear gas at retirees who rallied in the city of Ahvaz on Sunday, "
                    "a labour council said.\n\nThe council said 14 people were detained.",
              published="2025-06-02")
    assert on("Ahvaz", "arrest", dt.date(2025, 6, 1)) in rows(doc)


def _sources(doc, value):
    return {c.attributed_to for c in doc.claims if c.value == value}


def test_a_workers_syndicate_is_a_source(pipe):
    doc = run(pipe, "Sugar workers in Shush are on strike. Their syndicate said about 2,500 workers had stopped work.")
    assert any(s and "syndicate" in s for s in _sources(doc, 2500))


def test_the_reaction_a_statement_drew_does_not_end_its_source(pipe):
    doc = run(pipe, "DUBAI (Reuters) - Iran hanged three men on Monday who had been convicted of armed robbery, the judiciary's "
                    "Mizan news agency said, drawing condemnation from rights groups who said the trial had been unfair.")
    assert any(s and "Mizan" in s for s in _sources(doc, 3))


def test_a_source_described_by_its_kind_takes_the_name_given_right_after(pipe):
    doc = run(pipe, "BEIRUT (AP) — Border guards shot dead at least three fuel porters near Saravan, a Baluch rights group "
                    "said Sunday, a week after a similar shooting.\n\nThe group, Baluch Watch, said five more were wounded.")
    assert "Baluch Watch" in _sources(doc, 3)


def test_a_dateline_abroad_lets_a_placeless_paragraph_go_on_about_the_town_before(pipe):
    doc = run(pipe, "DUBAI, June 3 (Reuters) - Iran hanged a man on Tuesday, Mizan said.\n\n"
                    "Mizan said the hanging was carried out at Vakilabad prison in Mashhad.\n\n"
                    "Relatives had gathered outside the prison on Monday night, but police dispersed them, a relative said.")
    assert on("Mashhad", "protest_with_intervention", dt.date(2025, 6, 2)) in rows(doc)


def test_a_relative_clause_dates_the_protests_it_follows(pipe):
    doc = run(pipe, "PARIS (AP) — Drivers in Tabriz said they would decide on Thursday whether to join.\n\n"
                    "Protests that erupted in November 2019 over a rise in gasoline prices were crushed within days.")
    assert not any(town == "Tabriz" and sub == "demonstration" for town, sub, *_ in rows(doc))


def test_towns_a_strike_spread_to_join_on_its_last_day(pipe):
    doc = run(pipe, "Bakers in Qom kept their bakeries closed for a third day on Monday, residents said, as the strike "
                    "spread to Kashan and Arak.")
    got = rows(doc)
    assert ("Qom", "strike", dt.date(2025, 5, 31), dt.date(2025, 6, 2)) in got
    assert on("Kashan", "strike", dt.date(2025, 6, 2)) in got and on("Arak", "strike", dt.date(2025, 6, 2)) in got
