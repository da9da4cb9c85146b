"""Rules added after held-out set 23 (ho145-ho150), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt
import hashlib

from eventledger.models import Report

import test_assemble
from test_assemble import pipe, summary  # noqa: F401  (the same pipeline fixture and event summary)


def run(pipe, text: str, publisher: str | None = "Test Desk", published: str | None = "2025-03-02"):
    if published is None:  # a report with no publication date: its text dates it
        report = Report("t1", text, hashlib.sha256(text.encode()).hexdigest(), publisher=publisher)
        return pipe.run(report)
    return test_assemble.run(pipe, text, publisher=publisher, published=published)


def _days(doc, town):
    return sorted((e.sub_event_type, e.date.start) for e in doc.events
                  if (e.location.canonical or e.location.name) == town)


def test_tonight_in_a_post_is_the_day_of_its_time_line(pipe):
    doc = run(pipe, "Posts collected by the desk.\n\n"
                    "@yazd_watch\nPolice detained 11 students at the university in Yazd tonight.\n"
                    "11:20 PM · Feb 27, 2025\n\n"
                    "@yazd_watch\nNo news from the dormitories yet.\n1:05 AM · Feb 28, 2025\n")
    assert ("arrest", dt.date(2025, 2, 27)) in _days(doc, "Yazd")


def test_a_retweet_keeps_the_day_of_the_post_it_repeats(pipe):
    doc = run(pipe, "@qom_news\nBazaar merchants in Qom went on strike this afternoon over the new tax.\n"
                    "6:40 PM · Feb 26, 2025\n\n"
                    "@another_user\nRT @qom_news: Bazaar merchants in Qom went on strike this afternoon over the new tax.\n"
                    "8:02 AM · Feb 27, 2025\n")
    assert _days(doc, "Qom") == [("strike", dt.date(2025, 2, 26))]


def test_a_town_named_as_a_time_zone_is_no_place(pipe):
    doc = run(pipe, "Times in this digest are Tehran time. Workers at the sugar mill in Dezful went on strike "
                    "on Friday.\n")
    towns = {e.location.canonical or e.location.name for e in doc.events}
    assert "Tehran" not in towns and "Dezful" in towns


def test_a_published_sentence_at_the_top_dates_the_report_not_a_table_row(pipe):
    doc = run(pipe, "Kurdistan: the week in review\n\n"
                    "Digest No. 4, covering Saturday, March 8 to Friday, March 14, 2025. "
                    "Published Saturday, March 15, 2025 by the Observatory.\n\n"
                    "Town | what | source\n"
                    "Baneh | kolbar shot dead at the border, Tue 11 Mar | relatives\n"
                    "Marivan | bazaar strike | our reporter\n\n"
                    "On Friday, teachers held a sit-in in front of the education office in Saqqez.\n",
              published=None)
    assert doc.anchor.date == dt.date(2025, 3, 15)
    assert ("demonstration", dt.date(2025, 3, 14)) in _days(doc, "Saqqez")


def test_a_persian_gloss_in_brackets_does_not_break_the_sentence(pipe):
    doc = run(pipe, "Sanandaj: the bazaar (بازار) is closed again today, shopkeepers say.\n")
    assert ("strike", dt.date(2025, 3, 2)) in _days(doc, "Sanandaj")
    assert len(doc.view) == len(doc.text)


def test_a_wound_told_by_where_it_struck(pipe):
    doc = run(pipe, "In Izeh on Friday, riot police fired on mourners; a 17-year-old was hit in the leg.\n")
    assert ("attack_on_civilians", dt.date(2025, 2, 28)) in _days(doc, "Izeh")


def test_news_in_brief_items_take_the_town_in_capitals_that_opens_them(pipe):
    doc = run(pipe, "News in brief\n\n"
                    "BAM — Police detained four farmers outside the water authority on Saturday.\n\n"
                    "QOM — A seminary student was summoned by the intelligence office on Sunday and released at night.\n\n"
                    "In Arak, retirees gathered on Sunday.\n")
    got = summary(doc)
    assert ("Bam", "arrest") in got and ("Qom", "arrest") in got and ("Arak", "demonstration") in got


def test_a_slogan_saying_a_town_is_not_alone_is_no_tally(pipe):
    doc = run(pipe, "News in brief\n\n"
                    "YAZD — Students chanted \"Isfahan is not alone\" at the university on Saturday.\n\n"
                    "BAM — Police detained four farmers on Saturday.\n")
    assert ("Yazd", "demonstration") in summary(doc)


def test_a_banner_hung_after_its_slogan_is_no_execution(pipe):
    doc = run(pipe, "Ahvaz: residents sent a photo of a banner on the Naderi bridge, \"Ahvaz is thirsty\", hung this afternoon.\n")
    subs = {e.sub_event_type for e in doc.events}
    assert "execution" not in subs and "symbolic_action" in subs


def test_a_yearless_dateline_far_from_the_only_full_date_takes_the_year_its_weekday_fits(pipe):
    text = ("IZEH, Iran, Nov 21 (Example Wire) - Security forces fired on mourners at a funeral in Izeh "
            "on Friday, killing two people, a rights group said.\n\n"
            "On June 12, 2022, gunmen killed seven people in the town's main market.\n")
    doc = run(pipe, text, published=None)
    assert doc.anchor.date == dt.date(2025, 11, 21)  # Nov 21 is a Friday in 2025, not in 2022-2024
    assert ("killing", dt.date(2025, 11, 21)) in _days(doc, "Izeh")


def test_the_arrests_a_strike_is_over_are_its_cause(pipe):
    doc = run(pipe, "In Bandar Abbas, dockworkers stayed home today in a strike over the arrests of their colleagues.\n")
    got = summary(doc)
    assert ("Bandar Abbas", "strike") in got and ("Bandar Abbas", "arrest") not in got


def test_a_digest_shorthand_for_an_officer_killed_is_an_attack_on_people(pipe):
    doc = run(pipe, "Saravan | border post attacked, two guards killed, Fri 28 Feb | state media\n")
    assert ("Saravan", "attack_on_people") in summary(doc)
    doc = run(pipe, "In Saravan on Friday two guards killed a fuel porter.\n")
    assert ("Saravan", "killing") in summary(doc)


def test_wall_slogans_are_graffiti(pipe):
    doc = run(pipe, "Shiraz | wall slogans \"Bread, work, freedom\" found on Thursday | photos sent to us\n")
    assert ("Shiraz", "symbolic_action") in summary(doc)


def test_footage_of_a_crowd_chanting_is_a_demonstration_not_a_video_message(pipe):
    doc = run(pipe, "Footage posted on Saturday showed hundreds of people chanting outside the bazaar in Tabriz.\n")
    assert ("Tabriz", "demonstration") in summary(doc)
    doc = run(pipe, "Students in Tabriz posted a video of themselves chanting slogans on Saturday.\n")
    assert ("Tabriz", "demonstration") not in summary(doc)


def test_a_source_in_brackets_speaks_for_the_number_before_it_alone(pipe):
    doc = run(pipe, "Our count for the week: protests in 9 towns, 30 new arrests (per HRANA) and 5 deaths, "
                    "two of them in Tabriz.\n")
    by_value = {c.value: c.attributed_to for c in doc.claims if c.value is not None}
    assert by_value.get(30) == "HRANA"
    assert by_value.get(9) != "HRANA" and by_value.get(2) != "HRANA"


def test_the_town_where_those_whose_release_is_demanded_were_arrested_is_no_event_place(pipe):
    doc = run(pipe, "On Friday in Bukan, families gathered outside the governorate, demanding the release of "
                    "their children arrested in Mahabad.\n")
    towns = {e.location.canonical or e.location.name for e in doc.events}
    assert "Bukan" in towns and "Mahabad" not in towns
