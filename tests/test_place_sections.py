"""Place headings: "Tabriz:" alone on its line, and the bullet lines told under it."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from eventledger.doc import Doc
from eventledger.models import Report
from eventledger.pipeline import default_pipeline
from eventledger.stages.assemble_context import DocContext

LEAD = "Report of the Bandar Monitor, Saturday, March 8, 2025. Activities of the week:\n\n"


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline()


def run(pipe, text: str) -> Doc:
    report = Report("s1", text, hashlib.sha256(text.encode()).hexdigest(), publisher="Bandar Monitor",
                    published=dt.date(2025, 3, 8))
    return pipe.run(report)


def summary(doc: Doc) -> set[tuple[str, str]]:
    return {(e.location.canonical if e.location else None, e.sub_event_type) for e in doc.events}


@pytest.mark.parametrize("head", ["{}:", "{}", "In {}:", "{} —", "{} province:"])
def test_bullet_lines_take_the_town_of_their_heading(pipe, head):
    body = "".join(f"{head.format(town)}\n- {line}\n\n" for town, line in [
        ("Kerman", "Posters were put up on several walls on Tuesday."),
        ("Yazd", "Leaflets were handed out near the bazaar on Wednesday."),
        ("Sari", "Young men set fire to a banner of the supreme leader on Thursday."),
    ])
    doc = run(pipe, LEAD + body)
    assert summary(doc) == {("Kerman", "symbolic_action"), ("Yazd", "symbolic_action"), ("Sari", "property_attack")}


def test_the_same_line_under_two_headings_is_two_acts(pipe):
    line = "- Posters were put up on several walls on Tuesday.\n"
    doc = run(pipe, LEAD + f"Kerman:\n{line}\nYazd:\n{line}")
    assert summary(doc) == {("Kerman", "symbolic_action"), ("Yazd", "symbolic_action")}
    # a line repeated under the same heading is still told once
    doc = run(pipe, LEAD + f"Kerman:\n{line}{line}")
    assert summary(doc) == {("Kerman", "symbolic_action")}


def test_a_heading_governs_its_bullet_run_or_one_paragraph(pipe):
    text = LEAD + ("Kerman:\n- Posters were put up on Tuesday.\n- Leaflets were handed out on Tuesday.\n\n"
                   "Yazd:\nYoung men set fire to a banner on Thursday.\n\n"
                   "The week ended without arrests, the monitor said.\n")
    doc = run(pipe, text)
    ctx = DocContext(doc)
    by_para = {k: heads[0].place.canonical for k, heads in ctx.section_place.items()}
    heads = {doc.paragraphs[k].index: doc.text[doc.paragraphs[k].span.start:doc.paragraphs[k].span.end] for k in by_para}
    assert sorted(by_para.values()) == ["Kerman", "Kerman", "Yazd"]
    assert all(not t.startswith("The week") for t in heads.values())


def test_a_sentence_naming_a_town_is_no_heading(pipe):
    # a town named in a sentence of its own ("Protests in Kerman.") gives no section: the next
    # paragraph's act without a place is not put there
    doc = run(pipe, LEAD + "Kerman was quiet on Monday, residents said.\n\n- Leaflets were handed out on Tuesday.\n")
    assert not DocContext(doc).section_place


@pytest.mark.parametrize("head", ["{town} — {day}:", "{day}, {town}:"])
def test_a_heading_with_a_day_dates_its_lines(pipe, head):
    body = "".join(f"{head.format(town=town, day=day)}\n- {line}\n\n" for town, day, line in [
        ("Kerman", "March 4", "Posters were put up."),
        ("Sari", "March 6", "Young men set fire to a banner."),
    ])
    doc = run(pipe, LEAD + body)
    got = {(e.location.canonical, e.sub_event_type, e.date.start) for e in doc.events}
    assert got == {("Kerman", "symbolic_action", dt.date(2025, 3, 4)), ("Sari", "property_attack", dt.date(2025, 3, 6))}


def test_a_heading_of_several_towns_puts_its_lines_in_each(pipe):
    doc = run(pipe, LEAD + "In Kerman, Yazd and Sari:\n- Posters were put up on Tuesday.\n- Leaflets were handed out on Tuesday.\n")
    assert summary(doc) == {(t, "symbolic_action") for t in ("Kerman", "Yazd", "Sari")}


def test_a_numbered_town_line_heads_the_paragraph_after_it(pipe):
    doc = run(pipe, LEAD + "1. Kerman\nPosters were put up on Tuesday.\n\n2. Sari\nYoung men set fire to a banner on Thursday.\n")
    assert summary(doc) == {("Kerman", "symbolic_action"), ("Sari", "property_attack")}
    assert "1. Kerman" in [doc.text[s.span.start:s.span.end] for s in doc.sentences]
