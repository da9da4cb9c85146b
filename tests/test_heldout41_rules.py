"""Rules added after held-out set 41 (ho253-ho258: PMOI/MEK Resistance Units activity reports of
2020-2021), each on a sentence of its own."""

from __future__ import annotations

import test_assemble
from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)

from eventledger.stages.place_roles import _based_in


def run(pipe, text: str, publisher: str | None = "PMOI/MEK", published: str = "2021-03-10"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def places(doc):
    return {e.location.canonical for e in doc.events}


def test_seat_of_a_source_is_not_an_event_place(pipe):
    doc = run(pipe, "Hengaw, a Kurdish rights group based in Oslo, said on Monday that security forces "
                    "arrested five young men in Baneh.\n")
    assert "Oslo" not in places(doc)
    assert _based_in("the watchdog, headquartered in")
    assert not _based_in("protesters gathered in")


def _rows(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start.isoformat(), e.date.end.isoformat())
            for e in doc.events}


_LEAD = ("The units voiced their support for the nurses on Monday, March 1, and Tuesday, "
         "March 2, in Zanjan, Semnan and Birjand.\n\n")


def test_a_lead_with_no_act_takes_the_act_of_the_next_paragraphs_they(pipe):
    doc = run(pipe, _LEAD + "They put up posters and wrote slogans on the walls of the cities.\n")
    assert _rows(doc) == {(town, "symbolic_action", "2021-03-01", "2021-03-02")
                          for town in ("Zanjan", "Semnan", "Birjand")}
    # the actor of "They" is the one told before, not the first named after the act
    doc = run(pipe, "Resistance Units voiced their support for the nurses on Monday, March 1, in Zanjan.\n\n"
                    "They put up posters with the slogans of the Iranian Resistance leader.\n")
    assert {e.actor1 for e in doc.events} == {"MEK Resistance Units"}


def test_a_lead_with_no_act_takes_the_act_of_its_own_actor_told_next(pipe):
    doc = run(pipe, "Resistance Units marked Workers' Day on Saturday, May 1, in the cities of Zanjan and "
                    "Semnan.\n\nThe Resistance Units supported the workers by installing banners.\n",
              published="2021-05-04")
    assert _rows(doc) == {("Zanjan", "symbolic_action", "2021-05-01", "2021-05-01"),
                          ("Semnan", "symbolic_action", "2021-05-01", "2021-05-01")}
    # (the subject after an article, with no dateline before it, is who "They" are)
    doc = run(pipe, "The Resistance Units voiced their support for the nurses on Monday, March 1, in Zanjan.\n\n"
                    "They put up posters with the slogans of the Iranian Resistance leader.\n")
    assert {e.actor1 for e in doc.events} == {"MEK Resistance Units"}


def test_a_paragraph_about_someone_else_does_not_take_the_towns_before(pipe):
    # another subject opening the next paragraph tells its own act, not the towns' act
    doc = run(pipe, _LEAD + "Security forces put up checkpoints on the roads.\n")
    assert not {e.location.canonical for e in doc.events} & {"Zanjan", "Semnan", "Birjand"}
    # and "They" two paragraphs later is too far
    doc = run(pipe, _LEAD + "The nurses' protests began in February.\n\nThey put up posters.\n")
    assert not {e.location.canonical for e in doc.events} & {"Zanjan", "Semnan", "Birjand"}


def test_a_sentence_passed_on_men_arrested_in_a_dated_uprising_is_news(pipe):
    # the history date dates the participle before it ("arrested during the November 2019
    # protests"), not the sentence the court passed
    doc = run(pipe, "On Wednesday, March 3, Mizan announced that a court in Shiraz had sentenced two young "
                    "men arrested during the November 2019 protests to death.\n")
    assert _rows(doc) == {("Shiraz", "sentence", "2021-03-03", "2021-03-03")}


def test_arrests_in_the_days_after_an_uprising_are_a_tally(pipe):
    doc = run(pipe, "On Wednesday, March 3, a court in Shiraz sentenced two men to death. According to Amnesty "
                    "International, at least 7,000 people were arrested in the days after the uprising.\n")
    assert {e.sub_event_type for e in doc.events} == {"sentence"}
