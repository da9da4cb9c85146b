"""Rules added after held-out set 67 (ho409-ho414: PMOI/MEK Resistance Units activity reports on
occasions - Teachers' Day, Women's Day, Student Day, the anniversary of June 20, 1981, Nurses' Day,
Yalda night - with captions, lower-case alt text, weekday-only items and detail sentences), each on
text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_a_recent_year_naming_an_uprising_does_not_date_the_next_sentence(pipe):
    doc = run(pipe, "On Friday, May 30, Resistance Units honoured the workers who led the 2024 protests. "
                    "In Arak and Qom the units put up posters.", published="2025-05-31")
    got = rows(doc)
    assert on("Arak", "symbolic_action", dt.date(2025, 5, 30)) in got
    assert on("Qom", "symbolic_action", dt.date(2025, 5, 30)) in got


def test_the_prisons_of_honoured_prisoners_are_no_event_places(pipe):
    doc = run(pipe, "On Friday, May 30, the units paid tribute to the political prisoners of Evin and Qarchak. "
                    "In Yazd the units hung a banner.", published="2025-05-31")
    towns = {town for town, *_ in rows(doc)}
    assert "Yazd" in towns and "Qarchak" not in towns and "Tehran" not in towns


def test_prisoners_of_a_prison_on_strike_keep_the_prison(pipe):
    doc = run(pipe, "On Friday, May 30, the prisoners of Qezelhesar prison went on hunger strike.", published="2025-05-31")
    assert any(sub == "strike" for _, sub, *_ in rows(doc))


def test_a_subject_in_several_cities_opens_a_clause_of_its_own(pipe):
    doc = run(pipe, "On Monday, June 2, nurses in Yazd and Kerman held rallies, and Resistance Units in "
                    "many cities saluted the nurses of the pandemic years with posters and graffiti.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Yazd", "demonstration") in got and ("Kerman", "demonstration") in got
    assert ("Yazd", "symbolic_action") not in got and ("Kerman", "symbolic_action") not in got


def test_the_next_day_opening_the_arrests_clause_dates_the_arrests(pipe):
    doc = run(pipe, "On Sunday, bakers in Qazvin's old bazaar stopped work, and the next day five of them were detained.")
    got = rows(doc)
    assert on("Qazvin", "strike", dt.date(2025, 6, 1)) in got
    assert on("Qazvin", "arrest", dt.date(2025, 6, 2)) in got


def test_a_caption_of_a_burnt_banner_tells_no_banner_put_up(pipe):
    doc = run(pipe, "On Sunday night, rebellious youths set fire to a banner of Soleimani in Sari.\n\n"
                    "Sari – Soleimani banner set on fire – June 1, 2025")
    subs = {sub for town, sub, *_ in rows(doc) if town == "Sari"}
    assert subs == {"property_attack"}


def test_a_detail_sentence_of_a_towns_act_takes_that_acts_day(pipe):
    # (a report dated by its masthead line only, as the genre's are)
    doc = run(pipe, "PMOI/MEK - Tuesday, June 3, 2025\n\nOn Sunday, June 1, Resistance Units in Arak and Yazd put up posters.\n\n"
                    "Yazd – Posters of the Resistance Units – June 1, 2025\n\n"
                    "In Yazd, the units were active along Kashani Street.", published=None)
    got = rows(doc)
    assert on("Yazd", "symbolic_action", dt.date(2025, 6, 1)) in got
    assert not any(town == "Yazd" and start == dt.date(2025, 6, 3) for town, _, start, _ in got)


def test_a_count_of_people_in_quotes_is_a_count(pipe):
    doc = run(pipe, 'According to the provincial police, 17 "rioters" have been arrested in Gilan province since May 20.')
    assert any(c.kind == "arrested" and c.value == 17 for c in doc.claims)


def test_a_supporter_sentenced_to_death_is_one(pipe):
    doc = run(pipe, "Mizan reported that a court in Karaj sentenced a supporter of the opposition to death on Monday.")
    assert any(c.kind == "sentenced_to_death" and c.value == 1 for c in doc.claims)


def test_a_deputy_for_a_field_is_a_source(pipe):
    doc = run(pipe, "The Education Ministry's deputy for teachers claimed that only 900 teachers had resigned this year.")
    assert any(c.value == 900 and c.attributed_to and "deputy for teachers" in c.attributed_to for c in doc.claims)


def test_an_event_noun_opening_with_s_names_the_year_event(pipe):
    # ("the 2024 strikes": the event noun was read as "trike" when "s" was stripped from both ends)
    doc = run(pipe, "On Friday, May 30, Resistance Units honoured the workers who led the 2024 strikes. "
                    "In Arak and Qom the units put up posters.", published="2025-05-31")
    assert on("Arak", "symbolic_action", dt.date(2025, 5, 30)) in rows(doc)


def test_this_year_when_the_occasion_fell_dates_no_later_act(pipe):
    doc = run(pipe, "Iran, June 3, 2025—On Sunday, June 1, workers held rallies.\n\n"
                    "This year the day fell in the sixth month of the strikes.\n\n"
                    "At the Arak steel plant the workers marched to the gate, where guards detained three of them.")
    assert on("Arak", "arrest", dt.date(2025, 6, 1)) in rows(doc)
