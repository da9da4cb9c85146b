"""Rules added after held-out set 32 (ho199-ho204), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Wire", published: str = "2026-05-12"):
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def test_the_rally_video_messages_are_addressed_to_is_no_protest_in_their_towns(pipe):
    doc = run(pipe, "From May 3 to May 9, members of the Resistance Units in Qazvin, Zanjan and Sari recorded "
                    "video messages to the rally, holding up pictures of their leaders.\n")
    assert summary(doc) == {(c, "symbolic_action") for c in ("Qazvin", "Zanjan", "Sari")}


def test_the_town_of_a_gathering_abroad_the_messages_went_to_is_not_theirs(pipe):
    doc = run(pipe, "Between May 2 and May 6, the Resistance Units sent 700 video messages from cities across "
                    "Iran to a rally of Iranians in Stockholm on Saturday, May 9.\n")
    assert {e.location.canonical for e in doc.events} == {"Iran"}
    assert all(e.sub_event_type == "symbolic_action" for e in doc.events)


def test_people_gathered_for_a_summit_hold_no_protest(pipe):
    doc = run(pipe, "Hundreds of exiles and lawmakers gathered for the annual opposition summit in Rome on "
                    "Saturday, May 9.\n")
    assert summary(doc) == set()


def test_similar_activities_share_the_period_of_the_samples(pipe):
    doc = run(pipe, "Between Sunday, May 3, and Saturday, May 9, the Resistance Units carried out 90 activities "
                    "in 20 cities.\n\nIn Qazvin, on Monday, May 4, the units wrote slogans on walls.\n\n"
                    "In Sari, on Friday, May 8, youths hung banners from a bridge.\n\n"
                    "Similar activities were reported in Zanjan and Semnan.\n")
    got = {e.location.canonical: (e.date.start, e.date.end) for e in doc.events}
    assert got["Zanjan"] == (dt.date(2026, 5, 3), dt.date(2026, 5, 9))
    assert got["Sari"] == (dt.date(2026, 5, 8), dt.date(2026, 5, 8))


def test_the_month_of_the_executions_an_image_shows_does_not_date_the_projection(pipe):
    doc = run(pipe, "In Kerman, on Tuesday, May 5, the units projected the images of three prisoners executed "
                    "in April onto a wall in the Shahrak district.\n")
    assert summary(doc) == {("Kerman", "symbolic_action")}
    assert {(e.date.start, e.date.end) for e in doc.events} == {(dt.date(2026, 5, 5), dt.date(2026, 5, 5))}


def test_a_portrait_hung_from_a_bridge_is_a_banner(pipe):
    doc = run(pipe, "In Yazd, on Sunday, May 3, youths hung a large portrait of the resistance leader from an "
                    "overpass.\n")
    assert summary(doc) == {("Yazd", "symbolic_action")}
    assert all("banner" in e.tactics for e in doc.events)


def sources(doc, value):
    return [c.attributed_to for c in doc.claims if c.value == value]


def test_flowers_laid_on_the_site_of_the_graves_is_a_grave_visit(pipe):
    doc = run(pipe, "On Friday, May 8, police closed the gate of the cemetery in Arak and turned back mothers who "
                    "had come to lay flowers on the site of their sons' graves.\n")
    assert summary(doc) == {("Arak", "symbolic_action")}
    assert all("grave_visit" in e.tactics for e in doc.events)


def test_taken_from_home_to_a_security_office_is_a_detention_placed_by_the_sentence_before(pipe):
    doc = run(pipe, "Agents had surrounded the family's house in Bukan since Saturday night. Her brother was taken "
                    "from his home to a security office on Sunday morning and held for hours, according to the "
                    "Kurdistan Human Rights Network.\n")
    assert ("Bukan", "arrest") in summary(doc)


def test_an_organisations_headquarters_inside_iran_is_the_source_of_a_trailing_said(pipe):
    doc = run(pipe, "Between May 1 and May 7, the units carried out 188 activities in 52 cities, the PMOI/MEK's "
                    "social headquarters inside Iran said.\n", publisher="NCRI")
    assert sources(doc, 188) == ["PMOI/MEK"]


def test_the_campaign_named_before_speaks(pipe):
    doc = run(pipe, "On Tuesday, the campaign said that prisoners in 43 prisons had joined the hunger strike.\n")
    assert sources(doc, 43) == ["campaign"]


def test_a_member_of_parliament_from_a_town_is_the_speaker(pipe):
    doc = run(pipe, "A member of parliament from Shiraz told the Etemad daily on Monday that 45 percent of the "
                    "graduates are unemployed.\n")
    assert sources(doc, 45) == ["member of parliament from Shiraz"]
