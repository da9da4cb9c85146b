"""Rules added after held-out set 70 (ho427-ho432: rights monitors' daily digests and channel
roundups, a summary line of counts at the top, items by category or numbered, a town and an act
each), each on text of its own."""

from __future__ import annotations

import datetime as dt

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import on, rows, run  # (the same helpers)


def test_an_arrest_joined_by_and_after_a_grievance_is_told(pipe):
    # "against the killing of a young man" is the protest's grievance; "and detained nine" is the
    # police's second act, not part of the grievance's noun phrase
    doc = run(pipe, "Police dispersed a gathering in Minab on Sunday against the death of a fisherman "
                    "and arrested seven villagers.")
    assert on("Minab", "arrest", dt.date(2025, 6, 1)) in rows(doc)
    arrest = next(e for e in doc.events if e.sub_event_type == "arrest")
    assert arrest.count is not None and arrest.count.value == 7


def test_a_grievance_of_the_dead_still_frames_their_killers_acts(pipe):
    doc = run(pipe, "Relatives gathered in Minab on Sunday in memory of those killed and executed in 1988.")
    assert not any(sub in ("killing", "execution") for _, sub, *_ in rows(doc))


def test_a_protest_broken_up_is_a_protest_met_with_force(pipe):
    doc = run(pipe, "Security forces broke up a protest in Kahnuj on Sunday.")
    assert on("Kahnuj", "protest_with_intervention", dt.date(2025, 6, 1)) in rows(doc)


def test_the_count_after_an_arrest_verb_is_its_count(pipe):
    doc = run(pipe, "Agents broke up a gathering in Kahnuj on Sunday over the death of a farmer and detained four women.")
    arrest = next(e for e in doc.events if e.sub_event_type == "arrest")
    assert arrest.count is not None and arrest.count.value == 4


def test_a_digests_line_of_counts_is_no_event(pipe):
    doc = run(pipe, "Daily digest\n\nThe day in figures: 5 arrests, 3 executions, 2 prisoners flogged.\n\n"
                    "SARAVAN — Nurses rallied outside the hospital on Monday.")
    got = rows(doc)
    assert on("Saravan", "demonstration", dt.date(2025, 6, 2)) in got
    assert not any(sub in ("arrest", "execution") for _, sub, *_ in got)


def test_a_headline_that_tells_its_acts_is_still_read(pipe):
    doc = run(pipe, "Three arrested in Kahnuj on Sunday: police detained three teachers outside the education office.")
    assert on("Kahnuj", "arrest", dt.date(2025, 6, 1)) in rows(doc)


def test_arrests_made_at_a_memorial_meet_it(pipe):
    doc = run(pipe, "2. Bukan: Agents detained four young men on Sunday at a memorial gathering at the grave of a kolbar.")
    assert on("Bukan", "protest_with_intervention", dt.date(2025, 6, 1)) in rows(doc)
    assert on("Bukan", "arrest", dt.date(2025, 6, 1)) in rows(doc)


def test_the_place_of_the_deaths_an_act_followed_is_not_its_place(pipe):
    doc = run(pipe, "Shopkeepers in Khash closed their shops on Sunday after the killing of two porters near Taftan.")
    got = {(town, sub) for town, sub, *_ in rows(doc)}
    assert ("Khash", "strike") in got and not any(town == "Taftan" for town, _ in got)


def _claims(doc):
    return {(c.value, c.attributed_to) for c in doc.claims}


def test_an_informed_source_is_a_source(pipe):
    doc = run(pipe, "Three prisoners were hanged in Birjand prison on Sunday, according to an informed source.")
    assert (3, "informed source") in _claims(doc)


def test_the_publishers_own_monitors_are_its_own_voice(pipe):
    doc = run(pipe, "Our monitors recorded 23 arrests in the border towns last week.")
    assert (23, "Monitor") in _claims(doc)


def test_monitors_of_another_group_are_not_the_publisher(pipe):
    doc = run(pipe, "UN monitors recorded 23 arrests in the border towns last week.")
    assert (23, "Monitor") not in _claims(doc)


def test_a_hunger_strike_since_a_day_with_its_prison_between_began_that_day(pipe):
    doc = run(pipe, "The teacher Hamid Sadri has been on hunger strike in Vakilabad prison in Mashhad since May 28.")
    assert on("Mashhad", "strike", dt.date(2025, 5, 28)) in rows(doc)


def test_a_hunger_strike_since_a_weekday_began_that_day(pipe):
    doc = run(pipe, "The teacher Hamid Sadri has been on hunger strike in Vakilabad prison in Mashhad since Friday.")
    assert on("Mashhad", "strike", dt.date(2025, 5, 30)) in rows(doc)


def test_a_hunger_strike_for_some_days_stays_a_state(pipe):
    doc = run(pipe, "The teacher Hamid Sadri has been on hunger strike in Vakilabad prison in Mashhad for nine days.")
    assert not any(sub == "strike" for _, sub, *_ in rows(doc))


def test_a_death_in_a_named_detention_centre_is_a_killing(pipe):
    doc = run(pipe, "A detainee, Yaser Golzari, died in the Bushehr police detention centre on Sunday.")
    assert on("Bushehr", "killing", dt.date(2025, 6, 1)) in rows(doc)


def test_a_death_at_home_of_a_former_detainee_is_none(pipe):
    doc = run(pipe, "Yaser Golzari, who was held in a detention centre in Bushehr last year, died of cancer at home on Sunday.")
    assert not any(sub == "killing" for _, sub, *_ in rows(doc))


def test_a_strike_ended_after_some_days_spans_them(pipe):
    doc = run(pipe, "Workers of the cement factory in Bijar ended a four-day strike on Sunday.")
    assert ("Bijar", "strike", dt.date(2025, 5, 29), dt.date(2025, 6, 1)) in rows(doc)


def test_a_digests_category_item_does_not_take_the_day_of_the_item_above(pipe):
    doc = run(pipe, "Rights Desk\nDaily bulletin – 3 June 2025\n\n"
                    "Protest: Nurses in Yasuj gathered on Saturday outside the hospital.\n\n"
                    "Sentences: A court in Ilam has sentenced the student Reza Amiri to two years in prison.", published=None)
    got = rows(doc)
    assert on("Yasuj", "demonstration", dt.date(2025, 5, 31)) in got
    ilam = [(a, b) for town, sub, a, b in got if town == "Ilam" and sub == "sentence"]
    assert ilam and all(a <= dt.date(2025, 6, 3) <= b and a != dt.date(2025, 5, 31) for a, b in ilam)  # the bulletin's frame


def test_a_narrative_paragraph_still_takes_the_day_told_above(pipe):
    doc = run(pipe, "Rights Desk\nDaily bulletin – 3 June 2025\n\n"
                    "Nurses in Yasuj gathered on Saturday outside the hospital.\n\n"
                    "Police in Yasuj arrested two of the nurses.", published=None)
    assert on("Yasuj", "arrest", dt.date(2025, 5, 31)) in rows(doc)
