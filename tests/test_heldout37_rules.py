"""Rules added after held-out set 37 (ho229-ho234: NCRI/PMOI "Iran Protests: Day N" reports on
two invented waves), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)

from eventledger.models import Report


def run(pipe, text: str, publisher: str | None = "NCRI", published: str | None = "2025-06-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def run_undated(pipe, text: str, publisher: str = "NCRI"):
    return pipe.run(Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher=publisher))


def days(doc):
    return {(e.location.canonical, e.sub_event_type, e.date.start, e.date.end) for e in doc.events}


def sources(doc, value):
    return {c.attributed_to for c in doc.claims if c.value == value}


def test_a_publisher_date_line_with_a_weekday_and_a_persian_gloss_anchors_the_report(pipe):
    doc = run_undated(pipe, "Statement\n\nStrikes widen in Kurdistan\n\n"
                            "National Council of Resistance of Iran – Friday, March 13, 2026 (22 Esfand 1404)\n\n"
                            "The strike that began on Saturday, 16 Esfand (March 7), went on this week. "
                            "On Wednesday, shopkeepers in Baneh closed their shops.\n")
    assert doc.anchor.date == dt.date(2026, 3, 13)
    assert ("Baneh", "strike", dt.date(2026, 3, 11), dt.date(2026, 3, 11)) in days(doc)


def test_a_bulleted_toll_line_opening_with_a_source_is_that_sources(pipe):
    doc = run(pipe, "Tolls reported so far:\n\n- HRANA: 31 killed and 640 arrested\n"
                    "- State media: 9 dead\n- Amnesty International: at least 17 killed\n")
    assert sources(doc, 640) == {"HRANA"}
    assert "state media" in {s.lower() for s in sources(doc, 9) if s}
    assert sources(doc, 17) == {"Amnesty International"}


def test_a_bulleted_topic_line_is_no_source(pipe):
    doc = run(pipe, "- Nurses: On Monday, about 70 nurses gathered outside the hospital in Qom.\n")
    assert sources(doc, 70) == {None}


def test_reports_gathered_by_the_network_of_a_group_are_the_groups(pipe):
    doc = run(pipe, "Rallies went on in at least 23 cities, according to reports gathered by the network of "
                    "the People's Mojahedin Organization of Iran (PMOI/MEK) inside the country.\n")
    assert sources(doc, 23) == {"PMOI/MEK"}


def test_reports_from_a_named_network_are_the_networks(pipe):
    doc = run(pipe, "Rallies went on in at least 23 cities, according to reports from the PMOI/MEK network inside Iran.\n")
    assert {(s or "").split()[0] for s in sources(doc, 23)} == {"PMOI/MEK"}


def test_an_acronyms_network_speaks(pipe):
    doc = run(pipe, "Police detained at least 14 mourners in Qom, the PMOI/MEK network said.\n")
    assert sources(doc, 14) == {"PMOI/MEK"}


def test_a_source_inside_a_relative_clause_does_not_speak_for_the_sentence(pipe):
    doc = run(pipe, "The bread price rise, which the regime announced on Monday, set off rallies in at least 12 towns.\n")
    assert sources(doc, 12) == {None}
