"""Rules added after held-out set 57 (ho349-ho354: PMOI/MEK Resistance Units reports of 2019-2026 on
12 Farvardin, Khomeini's return, Black Friday told by two reports of one week, Tirgan and
Sepandarmazgan), each on text of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from test_assemble import pipe  # noqa: F401  (the same pipeline fixture)
from test_heldout47_rules import run  # (the same helper)

D = dt.date


def spans(doc) -> set[tuple[str, str, dt.date, dt.date]]:
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


#: (text, publication day, an event row it must hold), one rule each:
#: - an occasion's calendar day ("a festival that falls on 10 Aban", "the celebration of 13 Aban") names the
#:   occasion; the sentence's range dates the acts
#: - "projected the words"; "the Arak governorate building" is a building in the town, not the office speaking
#: - a caption's "A burned image of ..." shows the act, though the participle follows "A"
#: - leaflets "about the prisoners of the 1988 massacre on Monday" are news of their day
TOLD = [
    ("Iran, November 5, 2025—From Saturday, November 1, to Tuesday, November 4, around the harvest festival that "
     "falls on 10 Aban, supporters wrote slogans in Yazd and Kerman.", "2025-11-05",
     ("Yazd", "symbolic_action", D(2025, 11, 1), D(2025, 11, 4))),
    ("Iran, November 5, 2025—From Saturday, November 1, to Tuesday, November 4, while officials prepared the "
     "celebration of 13 Aban, supporters put up posters in Arak.", "2025-11-05",
     ("Arak", "symbolic_action", D(2025, 11, 1), D(2025, 11, 4))),
    ('On Monday, June 2, youths projected the words "Free Iran" onto a mosque in Qom.', "2025-06-03",
     ("Qom", "symbolic_action", D(2025, 6, 2), D(2025, 6, 2))),
    ("On Monday, June 2, youths projected images of Maryam Rajavi onto the front of the Arak governorate building.",
     "2025-06-03", ("Arak", "symbolic_action", D(2025, 6, 2), D(2025, 6, 2))),
    ("Qazvin – A burned image of Khamenei near the bazaar – May 20, 2025", "2025-06-03",
     ("Qazvin", "property_attack", D(2025, 5, 20), D(2025, 5, 20))),
    ("In Tabriz, supporters handed out leaflets about the prisoners of the 1988 massacre on Monday, June 2.",
     "2025-06-03", ("Tabriz", "symbolic_action", D(2025, 6, 2), D(2025, 6, 2))),
]


@pytest.mark.parametrize("text,published,row", TOLD)
def test_rows_told(pipe, text, published, row):
    assert row in spans(run(pipe, text, published=published))


def test_did_the_same_repeats_the_sentence_before_for_new_towns(pipe):
    doc = run(pipe, "Iran, May 10, 2024—From Monday, May 6, to Wednesday, May 8, supporters hung banners in "
                    "Zanjan and Abhar. In Semnan province, they did the same in Semnan and Shahrud.", published="2024-05-10")
    got = spans(doc)
    for town in ("Zanjan", "Semnan", "Shahrud"):
        assert (town, "symbolic_action", D(2024, 5, 6), D(2024, 5, 8)) in got


def test_a_burned_image_in_running_text_names_a_picture(pipe):
    doc = run(pipe, "Relatives kept a burned image of their son on the wall in Qazvin, his mother said.", published="2025-06-03")
    assert not any(e.sub_event_type == "property_attack" for e in doc.events)


def test_the_act_people_were_arrested_at_is_the_listed_act(pipe):
    # the slogans they were caught writing are the town's act told in the list: its range stays
    doc = run(pipe, "Iran, May 10, 2024—From Monday, May 6, to Wednesday, May 8, supporters wrote slogans in "
                    "Zanjan and Abhar.\n\nIn Zanjan, police arrested two youths on Tuesday as they were writing "
                    "slogans near the bazaar.", published="2024-05-10")
    got = spans(doc)
    assert ("Zanjan", "symbolic_action", D(2024, 5, 6), D(2024, 5, 8)) in got
    assert ("Zanjan", "symbolic_action", D(2024, 5, 7), D(2024, 5, 7)) not in got
    assert ("Zanjan", "arrest", D(2024, 5, 7), D(2024, 5, 7)) in got


def test_an_anniversary_when_clause_tells_the_day_recalled(pipe):
    doc = run(pipe, "Iran, June 10, 2025—From Saturday, June 7, to Monday, June 9, supporters marked the "
                    "anniversary of the Qom uprising, when troops opened fire on a crowd in Qom. They put up posters "
                    "in Kashan.", published="2025-06-10")
    assert not any(e.sub_event_type in ("protest_with_intervention", "killing") for e in doc.events)
    assert any(e.location.canonical == "Kashan" for e in doc.events)


def test_a_town_in_a_written_slogan_does_not_place_a_street(pipe):
    # 'wrote "Zahedan, Javanrud: one crime" on ... Boulevard': the street is the paragraph's town's
    doc = run(pipe, 'In Shiraz, the youths wrote "Javanrud, Zahedan: one crime" on the walls of Zand Boulevard on '
                    'Monday, June 2.', published="2025-06-03")
    got = {e.location.canonical for e in doc.events}
    assert "Shiraz" in got and "Zahedan" not in got and "Javanrud" not in got


def test_a_town_described_by_its_prison_is_the_place(pipe):
    doc = run(pipe, "In Varamin, the town where Qarchak prison stands, youths set fire to a Basij base on "
                    "Monday, June 2.", published="2025-06-03")
    got = {e.location.canonical for e in doc.events}
    assert "Varamin" in got and "Qarchak" not in got


def test_a_second_source_whose_verb_is_left_out_owns_its_figure(pipe):
    doc = run(pipe, "Hengaw has put the number of people arrested in Kurdistan last month at 210, and HRANA at 180.",
              published="2025-06-03")
    got = {c.value: c.attributed_to for c in doc.claims if c.value is not None}
    assert got.get(210) == "Hengaw" and got.get(180) == "HRANA"


def test_people_of_a_protest_after_and_speak_for_their_figure(pipe):
    doc = run(pipe, "Guards raided the dormitory in Tabriz on Monday, June 2, and students say at least six were injured.",
              published="2025-06-03")
    got = {c.value: c.attributed_to for c in doc.claims if c.value is not None}
    assert got.get(6) == "students"
