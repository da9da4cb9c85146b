"""The dates stage: anchor, expressions, roles and scope. Every text here is invented for the
test; each case carries its own anchor date."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from pathlib import Path

import pytest

from eventledger.config import Options
from eventledger.doc import Doc
from eventledger.models import DATE_PRECISIONS, Report, Span
from eventledger.stages.clean import CleanStage
from eventledger.stages.dates import DatesStage, event_date_for
from eventledger.stages.segment import SegmentStage

D = dt.date.fromisoformat


def run(text: str, published: str | None = None) -> Doc:
    report = Report("t", text, hashlib.sha256(text.encode()).hexdigest(),
                    published=D(published) if published else None)
    doc = Doc(report=report)
    for stage in (CleanStage(), SegmentStage(), DatesStage()):
        stage(doc, Options())
    return doc


def date_at(doc: Doc, needle: str, nth: int = 0):
    """The date governing the word ``needle`` (its ``nth`` occurrence)."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return event_date_for(doc, Span(pos, pos + len(needle)))


def mention(doc: Doc, text: str):
    found = [m for m in doc.dates if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in doc.dates]}"
    return found[0]


# --- expressions: (text, anchor, the word whose date we ask, start, end, precision) -------------

EXPRESSIONS = [
    # full dates in several formats
    ("Workers rallied in Shiraz on March 3, 2021, witnesses said.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on March 3,2021 again.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on 3 March 2021 again.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on the 3rd of March, 2021.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on 2021-03-03 again.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on Mar. 3, 2021 again.", "2021-03-09", "rallied", "2021-03-03", "2021-03-03", "day"),
    ("Workers rallied in Shiraz on 04/05/2021 again.", "2021-04-09", "rallied", "2021-04-05", "2021-04-05", "day"),
    ("Workers rallied in Shiraz on 25/03/2021 again.", "2021-04-09", "rallied", "2021-03-25", "2021-03-25", "day"),
    ("teachers rally outside school march 3 2021", None, "rally", "2021-03-03", "2021-03-03", "day"),
    # month-day: the year from the anchor, never after it
    ("On March 3, nurses went on strike in Ahvaz.", "2021-03-09", "strike", "2021-03-03", "2021-03-03", "day"),
    ("On December 28, nurses went on strike in Ahvaz.", "2021-01-04", "strike", "2020-12-28", "2020-12-28", "day"),
    ("Nurses went on strike in Ahvaz on 28 December.", "2021-01-04", "strike", "2020-12-28", "2020-12-28", "day"),
    # weekday + month-day
    ("On Wednesday, March 3, nurses went on strike.", "2021-03-09", "strike", "2021-03-03", "2021-03-03", "day"),
    # bare weekdays: the most recent such day on or before the anchor
    ("On Tuesday, farmers blocked a road near Isfahan.", "2021-03-04", "blocked", "2021-03-02", "2021-03-02", "day"),
    ("On Tuesday, farmers blocked a road near Isfahan.", "2021-03-02", "blocked", "2021-03-02", "2021-03-02", "day"),
    ("Farmers blocked a road last Tuesday.", "2021-03-02", "blocked", "2021-02-23", "2021-02-23", "day"),
    # ranges
    ("From March 1 to March 3, drivers held a strike.", "2021-03-09", "strike", "2021-03-01", "2021-03-03", "range"),
    ("Between March 1 and March 3, drivers held a strike.", "2021-03-09", "strike", "2021-03-01", "2021-03-03", "range"),
    ("Drivers held a strike on March 1-3 in Tabriz.", "2021-03-09", "strike", "2021-03-01", "2021-03-03", "range"),
    ("Drivers held a strike on 1–3 March 2021 in Tabriz.", "2021-03-09", "strike", "2021-03-01", "2021-03-03", "range"),
    ("Drivers held strikes on Monday, March 1, and Wednesday, March 3, in Tabriz.", "2021-03-09", "strikes", "2021-03-01", "2021-03-03", "range"),
    ("Drivers held strikes from December 30 to January 2, 2021.", "2021-01-09", "strikes", "2020-12-30", "2021-01-02", "range"),
    # weeks, months, years
    ("Posters appeared in Rasht during the first week of May 2021.", None, "Posters", "2021-05-01", "2021-05-07", "week"),
    ("Posters appeared in Rasht in the last week of February 2021.", None, "Posters", "2021-02-22", "2021-02-28", "week"),
    ("Posters appeared in Rasht in October 2020.", None, "Posters", "2020-10-01", "2020-10-31", "month"),
    ("Posters appeared in Rasht in October.", "2021-03-09", "Posters", "2020-10-01", "2020-10-31", "month"),
    ("Posters appeared in Rasht in 2021.", "2021-06-01", "Posters", "2021-01-01", "2021-12-31", "year"),
    ("Banners greeted the Spring Festival 2021 crowd.", "2021-06-01", "Banners", "2021-01-01", "2021-12-31", "year"),
    # relative to the anchor
    ("Yesterday, retirees protested in Arak.", "2021-03-09", "protested", "2021-03-08", "2021-03-08", "day"),
    ("Today, retirees protested in Arak.", "2021-03-09", "protested", "2021-03-09", "2021-03-09", "day"),
    ("Last week, retirees protested in Arak.", "2021-03-10", "protested", "2021-03-01", "2021-03-07", "week"),
    ("In the past few days, retirees protested in Arak.", "2021-03-10", "protested", "2021-03-04", "2021-03-10", "week"),
    # Jalali dates
    ("Students gathered in Qazvin on ۱۹ مرداد ۱۴۰۲ at noon.", None, "gathered", "2023-08-10", "2023-08-10", "day"),
    ("Students gathered in Qazvin on 19 Mordad 1402 at noon.", None, "gathered", "2023-08-10", "2023-08-10", "day"),
    ("Students gathered in Qazvin on 14 Mordad at noon.", "2023-08-20", "gathered", "2023-08-05", "2023-08-05", "day"),
    ("دانشجویان در قزوین روز پنج‌شنبه ۱۹ مرداد ۱۴۰۲ تجمع کردند.", None, "قزوین", "2023-08-10", "2023-08-10", "day"),
    # commemorations through the lexicon, in the anchor's year
    ("Murals appeared in Tabriz on the anniversary of the Constitutional Revolution.", "2022-08-20", "Murals",
     "2022-08-05", "2022-08-05", "day"),
    ("Crowds marched on the anniversary of the 1979 revolution.", "2021-03-01", "marched", "2021-02-10", "2021-02-10", "day"),
    ("Students gathered in Tehran on Student Day.", "2021-12-20", "gathered", "2021-12-07", "2021-12-07", "day"),
    # (found when held-out set 20 was first run) a day-month-year dateline in brackets keeps its day
    ("BERN (4 March 2025) - A monitor said today that guards in Zanjan detained three students on 1 March.", None,
     "detained", "2025-03-01", "2025-03-01", "day"),
    # notes told newest first: a day still to come does not date the earlier hour told after it
    ("Live notes\n\nTuesday, 9 June 2026. All times are local.\n\n18:00 - Teachers in Yazd say they will strike on "
     "Thursday.\n\n17:00 - Police detained two nurses outside the main hospital in Yazd.\n", None, "detained",
     "2026-06-09", "2026-06-09", "day"),
    # the clause after ", when" that follows a "since" date is dated by it (a day or a month), nothing after it
    ("A monitor said 11 students had been detained since March 3, when workers in Arak's bazaar shut their shops.",
     "2026-03-10", "shut", "2026-03-03", "2026-03-03", "day"),
    ("Strikes have gone on since February, when drivers in Arak stopped work.", "2026-03-10", "stopped",
     "2026-02-01", "2026-02-28", "month"),
    ("Students were held since March 3, when workers in Arak struck. Police detained two workers in Arak on Tuesday.",
     "2026-03-10", "Police", "2026-03-10", "2026-03-10", "day"),
    # a bare weekday followed by the date it falls on is that date; a date on another weekday leaves it alone
    ("In Saravan, guards fired on worshippers after Friday prayers on 20 November, residents said.", "2026-12-04",
     "fired", "2026-11-20", "2026-11-20", "day"),
    ("On Tuesday, guards in Saravan said the protest of 20 November was over.", "2026-12-04", "guards",
     "2026-12-01", "2026-12-01", "day"),
    # "the same morning" is the act's day told before, not the day the source spoke
    ("Agents arrested nine people in Yasuj early Tuesday, the group said Wednesday. Two more were arrested the "
     "same morning in Dehdasht.", "2025-06-18", "Dehdasht", "2025-06-17", "2025-06-17", "day"),
    # what the raids "came a week after" happened a week before the raids' day
    ("Agents raided homes in Yasuj on Tuesday.\n\nThe raids came a week after a court in Dehdasht sentenced a teacher.",
     "2025-06-18", "sentenced", "2025-06-10", "2025-06-10", "day"),
    ("Agents raided homes in Yasuj on June 10.\n\nThe raids came two days before a court in Dehdasht sentenced a "
     "teacher.", "2025-06-18", "sentenced", "2025-06-12", "2025-06-12", "day"),
]


@pytest.mark.parametrize("text,anchor,word,start,end,precision", EXPRESSIONS)
def test_expression(text, anchor, word, start, end, precision):
    doc = run(text, anchor)
    rng, spans = date_at(doc, word)
    assert (rng.start, rng.end, rng.precision) == (D(start), D(end), precision)
    assert spans and all(0 <= s.start < s.end <= len(text) for s in spans)
    assert rng.precision in DATE_PRECISIONS


# --- confidence and flags -----------------------------------------------------------------------

FLAGGED = [
    # the weekday contradicts the month-day: keep the month-day, say so
    ("On Friday, March 3, nurses went on strike.", "2021-03-09", "2021-03-03", "2021-03-03", "weekday_mismatch"),
    # an inverted range is repaired
    ("Between March 3 and March 1, drivers held a strike.", "2021-03-09", "2021-03-01", "2021-03-03", "inverted_range"),
    ("Murals appeared on the anniversary of the Constitutional Revolution.", "2022-08-20", "2022-08-05", "2022-08-05", "anniversary"),
    ("In the past few days, retirees protested in Arak.", "2021-03-10", "2021-03-04", "2021-03-10", "past_few_days"),
]


@pytest.mark.parametrize("text,anchor,start,end,flag", FLAGGED)
def test_flagged_dates_have_lower_confidence(text, anchor, start, end, flag):
    doc = run(text, anchor)
    events = [m for m in doc.dates if m.role == "event"]
    assert len(events) == 1
    r = events[0].range
    assert (r.start, r.end) == (D(start), D(end))
    assert flag in r.flags and r.confidence < 1.0


def test_contradictions_are_noted_on_the_doc():
    doc = run("On Friday, March 3, nurses went on strike.", "2021-03-09")
    assert any("weekday mismatch" in n for n in doc.notes)


def test_ordinal_anniversary_fixes_the_year():
    doc = run("Crowds marked the 42nd anniversary of the 1979 revolution in Tabriz.", "2023-08-01")
    m = [d for d in doc.dates if "anniversary" in d.range.flags][0]
    assert (m.range.start, m.role) == (D("2021-02-10"), "event")


def test_consistent_weekday_keeps_full_confidence():
    r = mention(run("On Wednesday, March 3, nurses went on strike.", "2021-03-09"), "Wednesday, March 3").range
    assert r.confidence == 1.0 and "weekday_mismatch" not in r.flags


# --- roles --------------------------------------------------------------------------------------

ROLES = [
    ("The count has risen since April 2, 2021, officials said.", "2021-06-01", "April 2, 2021", "period"),
    ("Officials recalled the crackdown in 1999 at length.", "2021-06-01", "1999", "history"),
    ("Officials recalled the 2009 protests at length.", "2021-06-01", "2009", "history"),
    ("Officials recalled the December 2017 protests at length.", "2020-08-01", "December 2017", "history"),
    ("Traders close their shops every Friday in the bazaar.", "2021-06-01", "every Friday", "other"),
    ("Traders close their shops on Fridays in the bazaar.", "2021-06-01", "on Fridays", "other"),
    ("Protests are held Fridays in the bazaar.", "2021-06-01", "Fridays", "other"),
    ("As of May 2021, the count stood at forty.", "2021-06-01", "May 2021", "other"),
    ("A rally is planned for December 1, 2021 in the capital.", "2021-06-01", "December 1, 2021", "other"),
    ("Rallies are expected on the anniversary of the 2022 uprising.", "2023-08-01", "anniversary of the 2022 uprising", "other"),
]


@pytest.mark.parametrize("text,anchor,surface,role", ROLES)
def test_roles(text, anchor, surface, role):
    assert mention(run(text, anchor), surface).role == role


def test_since_is_a_period_up_to_the_anchor_and_governs_no_event():
    doc = run("Since April 2, 2021, strikes spread in Abadan.", "2021-06-01")
    m = mention(doc, "April 2, 2021")
    assert (m.range.start, m.range.end) == (D("2021-04-02"), D("2021-06-01"))
    rng, spans = date_at(doc, "strikes")
    assert m.span not in spans and "open_end" not in rng.flags


# --- anchor -------------------------------------------------------------------------------------

ANCHORS = [
    ("Headline about strikes\n\nKerman, May 4, 2021—Teachers held a sit-in outside the education office on Monday.",
     None, "2021-05-04", "dateline"),
    ("Headline about strikes\n\nKERMAN, Iran, Tuesday, May 4, 2021 — Teachers held a sit-in outside the office, the union said.",
     None, "2021-05-04", "dateline"),
    ("Headline about strikes\n\nAug. 5, 2020 — Teachers held a sit-in outside the education office, the union said.",
     None, "2020-08-05", "dateline"),
    ("March 3, 2021\n\nTEHRAN (Newswire) - Teachers held a sit-in outside the education office, the union said.",
     None, "2021-03-03", "dateline"),
    ("Kerman, May 4, 2021—Teachers held a sit-in outside the education office on Monday.",
     "2021-05-05", "2021-05-05", "published"),
    ("Headline about strikes\n\nTeachers held a sit-in outside the education office, the union said.\n\n"
     "Kerman – teachers at the sit-in – May 2, 2021\n", None, "2021-05-02", "caption"),
    ("Teachers held a sit-in outside the office. They first protested on June 1, 2019 and again on May 3, 2021.",
     None, "2021-05-03", "body"),
    ("Teachers held a sit-in outside the education office, the union said.", None, None, "none"),
]


@pytest.mark.parametrize("text,published,day,source", ANCHORS)
def test_anchor(text, published, day, source):
    a = run(text, published).anchor
    assert a.source == source
    assert a.date == (D(day) if day else None)


def test_monday_resolved_against_dateline():
    doc = run("Headline\n\nKerman, May 4, 2021—Teachers held a sit-in outside the education office on Monday.")
    rng, _ = date_at(doc, "sit-in")
    assert rng.start == D("2021-05-03") and rng.precision == "day"


# --- scope --------------------------------------------------------------------------------------

LEDE = (
    "Unions report strikes\n\n"
    "Iran, May 9, 2021—From Saturday, May 1, to Tuesday, May 4, workers in several sectors stopped work.\n\n"
    "Oil workers struck in Abadan, Asaluyeh and Kangan, and bus drivers joined them in Tabriz.\n\n"
    "On Monday, May 3, retirees rallied in Ahvaz. On the same day, nurses protested in Sari.\n\n"
    "Also on Monday, bakers gathered in Yazd.\n\n"
    "Photo caption – May 2, 2021\n\n"
    "Teachers in Zanjan wrote letters to the ministry.\n"
)


@pytest.mark.parametrize("word,start,end,precision", [
    ("Asaluyeh", "2021-05-01", "2021-05-04", "range"),  # the lede carries into the next paragraph
    ("Ahvaz", "2021-05-03", "2021-05-03", "day"),  # a date in the same sentence
    ("Sari", "2021-05-03", "2021-05-03", "day"),  # "on the same day"
    ("Yazd", "2021-05-03", "2021-05-03", "day"),  # "also on Monday" = the Monday just named
    ("caption", "2021-05-02", "2021-05-02", "day"),  # a caption's own date
    ("Zanjan", "2021-05-01", "2021-05-04", "range"),  # after a caption: the lede frame, not the caption
])
def test_scope_in_a_dateline_report(word, start, end, precision):
    rng, spans = date_at(run(LEDE), word)
    assert (rng.start, rng.end, rng.precision) == (D(start), D(end), precision)
    assert spans


def test_date_earlier_in_paragraph_carries_until_another_date():
    doc = run("On May 2, guards beat prisoners in Evin. Families gathered outside. "
              "On May 4, lawyers protested in Karaj. Students joined them.", "2021-05-09")
    assert date_at(doc, "Families")[0].start == D("2021-05-02")
    assert date_at(doc, "Students")[0].start == D("2021-05-04")


def test_two_dates_in_one_sentence():
    doc = run("On May 2 guards hanged a man in Qom and on May 4 they hanged two in Urmia.", "2021-05-09")
    assert date_at(doc, "Qom")[0].start == D("2021-05-02")
    assert date_at(doc, "Urmia")[0].start == D("2021-05-04")


def test_history_does_not_govern_events():
    doc = run("Headline\n\nIran, May 9, 2021—On May 5, miners struck in Kerman, recalling the strikes of 2018.\n\n"
              "Miners in Zarand joined them, as in 2018.", None)
    rng, _ = date_at(doc, "Zarand")
    assert rng.start == D("2021-05-05")


def test_caption_dated_report_gets_the_month_of_its_captions():
    doc = run("Activists defy the ban\n\n"
              "Rasht – posters of the campaign – June 12, 2021\n\n"
              "Activists put up posters in Rasht, Sari and Gorgan.\n\n"
              "Sari – graffiti on a wall – The second week of June 2021\n")
    assert doc.anchor.source in ("caption", "body")  # the latest full date written, not a dateline
    rng, spans = date_at(doc, "Gorgan")
    assert (rng.start, rng.end, rng.precision) == (D("2021-06-01"), D("2021-06-30"), "month")
    assert rng.confidence < 1.0 and spans
    rng, _ = date_at(doc, "graffiti")
    assert (rng.start, rng.end, rng.precision) == (D("2021-06-08"), D("2021-06-14"), "week")


def test_excerpt_dated_by_its_own_caption():
    doc = run("Round-up of reports\n\n"
              "activists report march 20 2021\n\n"
              "In the past few days, activists put up posters in Rasht.\n\n"
              "Another excerpt\n\n"
              "activists report march 2 2021\n\n"
              "In the past few days, activists put up posters in Sari.\n")
    assert date_at(doc, "Rasht")[0].start == D("2021-03-14")
    assert date_at(doc, "Sari")[0].start == D("2021-02-24")


def test_no_anchor_leaves_the_date_unresolved():
    doc = run("On Tuesday, farmers blocked a road near Isfahan.")
    rng, spans = date_at(doc, "blocked")
    assert rng.precision == "unresolved" and rng.start is None and rng.end is None


def test_report_with_anchor_but_no_date_in_text_falls_back_to_anchor_week():
    doc = run("Farmers blocked a road near Isfahan, witnesses said.", "2021-03-10")
    rng, _ = date_at(doc, "blocked")
    assert (rng.start, rng.end, rng.precision) == (D("2021-03-04"), D("2021-03-10"), "week")
    assert rng.confidence < 0.5


def test_anniversary_in_a_sentence_with_its_own_date_does_not_govern():
    doc = run("On Monday, August 1, crowds honoured the anniversary of the Constitutional Revolution in Tabriz.",
              "2022-08-20")
    assert date_at(doc, "Tabriz")[0].start == D("2022-08-01")


# --- robustness ---------------------------------------------------------------------------------

def test_arbitrary_unicode_never_crashes_and_spans_stay_inside():
    rng = random.Random(7)
    alphabet = ("abc XYZ 0123456789 ,.-–—/:()\n\u200c\u00a0۱۲۳۴۵۶۷۸۹۰ مرداد بهمن شنبه "
                "August May Tuesday since first week of 2020 1402 \U0001F600\u0301\ufeff")
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        doc = run(text, rng.choice([None, "2021-03-10"]))
        for m in doc.dates:
            assert 0 <= m.span.start < m.span.end <= len(text)
            assert m.text == text[m.span.start : m.span.end]
            assert m.range.precision in DATE_PRECISIONS
        if text:
            event_date_for(doc, Span(0, min(len(text), 3)))


def test_words_that_look_like_dates_are_not_dates():
    doc = run("The Sun reported that 2000 people may march. Mehr News Agency said 15,000 attended.", "2021-06-01")
    assert doc.dates == []


def test_lexicon_loads_from_the_package():
    from eventledger.stages.dates_lexicon import lexicon

    lex = lexicon()
    assert lex.month_of("Aug.") == 8 and lex.jalali_month_of("مرداد") == 5 and lex.weekday_of("Friday") == 4
    assert any(a.key == "constitutional_revolution" for a in lex.anniversaries)


# --- dev corpus: exact dates on the gold evidence ----------------------------------------------

def test_dev_corpus_gold_dates(dev_corpus: Path):
    meta = {json.loads(line)["doc"]: json.loads(line) for line in open(dev_corpus / "docs.jsonl", encoding="utf-8")}
    docs = {name: run((dev_corpus / "docs" / f"{name}.txt").read_text(encoding="utf-8"), m["published"])
            for name, m in meta.items()}
    rows = [json.loads(line) for line in open(dev_corpus / "gold.jsonl", encoding="utf-8")]
    exact = 0
    for row in rows:
        rng, _ = event_date_for(docs[row["doc"]], Span(*row["evidence_span"]))
        exact += (str(rng.start), str(rng.end)) == (row["date_start"], row["date_end"])
    assert exact / len(rows) >= 0.95


# --- reports without a dateline: the period a heading states, a timestamp line ----------------

WEEKLY = (
    "Weekly report: executions, sentences and arrests, 13–19 November 2023\n\n"
    "On Monday, November 13, guards hanged a man in Qom. On the same day, a woman was arrested in Yazd.\n\n"
    "On Wednesday, workers struck in Arak.\n\n"
    "Summary of the week\n\n"
    "Several teachers were summoned by the intelligence office in Sanandaj.\n"
)


@pytest.mark.parametrize("word,start,end,precision", [
    ("hanged", "2023-11-13", "2023-11-13", "day"),
    ("arrested", "2023-11-13", "2023-11-13", "day"),  # "on the same day"
    ("struck", "2023-11-15", "2023-11-15", "day"),  # a bare weekday inside the stated week
    ("Sanandaj", "2023-11-13", "2023-11-19", "range"),  # undated: the period the report covers
])
def test_weekly_report_is_anchored_on_the_end_of_its_heading_period(word, start, end, precision):
    doc = run(WEEKLY)
    assert (doc.anchor.date, doc.anchor.source) == (D("2023-11-19"), "heading")
    assert doc.text[doc.anchor.span.start : doc.anchor.span.end] == "13–19 November 2023"
    rng, spans = date_at(doc, word)
    assert (rng.start, rng.end, rng.precision) == (D(start), D(end), precision)
    assert spans


def test_monthly_report_heading_gives_the_month():
    doc = run("Monthly report for February 2025\n\n"
              "At least thirty people were arrested in Karaj during the month, the group said.\n\n"
              "On February 3, guards beat prisoners in Evin.\n")
    assert (doc.anchor.date, doc.anchor.source) == (D("2025-02-28"), "heading")
    assert date_at(doc, "Evin")[0].start == D("2025-02-03")
    rng, _ = date_at(doc, "Karaj")
    assert (rng.start, rng.end, rng.precision) == (D("2025-02-01"), D("2025-02-28"), "month")


def test_title_under_a_masthead_gives_the_period():
    # the first line is the publisher's name; the title below it states the month
    doc = run("Prison Rights Watch\n\n"
              "Monthly bulletin – March 2023: 12 executions\n\n"
              "On Tuesday, March 7, a man was hanged in Qom.\n")
    assert (doc.anchor.date, doc.anchor.source) == (D("2023-03-31"), "heading")
    assert date_at(doc, "Qom")[0].start == D("2023-03-07")


def test_a_dated_first_line_is_no_masthead():
    # the first line has a date of its own: the second line is not read as the title
    doc = run("Report of 2 May 2021\n\n"
              "Bulletin – March 2023: figures\n\n"
              "On Tuesday, a man was hanged in Qom.\n")
    assert doc.anchor.source != "heading" or doc.anchor.date != D("2023-03-31")


@pytest.mark.parametrize("hours, start", [("72", "2025-04-11"), ("48", "2025-04-12"), ("24", "2025-04-13")])
def test_past_n_hours_reach_back_that_many_days(hours, start):
    doc = run(f"Police said 40 people had been arrested in Zahedan over the past {hours} hours.", "2025-04-14")
    rng, _ = date_at(doc, "Zahedan")
    assert (rng.start, rng.end) == (D(start), D("2025-04-14"))


def test_the_act_date_after_a_statement_date_governs():
    # "announced on Monday that ... had been arrested in X over the past 72 hours"
    doc = run("It was announced by the provincial police on Monday that 43 people had been arrested in "
              "Zahedan over the past 72 hours.", "2025-04-14")
    rng, _ = date_at(doc, "Zahedan")
    assert (rng.start, rng.end) == (D("2025-04-11"), D("2025-04-14"))
    # without a statement verb the date before the place still governs
    doc = run("On Monday, 43 people were arrested in Zahedan, a week after the raids over the past days.",
              "2025-04-14")
    assert date_at(doc, "Zahedan")[0].start == D("2025-04-14")


def test_the_same_period_last_year_is_a_year_before():
    doc = run("Twelve people were hanged in Shiraz between May 1 and May 7. That is double the six "
              "executions recorded in the same period last year.", "2023-05-08")
    m = mention(doc, "in the same period")
    assert (m.range.start, m.range.end) == (D("2022-05-01"), D("2022-05-07"))
    doc = run("Twelve people were hanged in Shiraz between May 1 and May 7. Six more were hanged in the "
              "same period, the group said.", "2023-05-08")
    assert mention(doc, "in the same period").range.start == D("2023-05-01")


def test_heading_month_takes_its_year_from_the_text():
    doc = run("At least 97 executions in February\n\n"
              "The group counted executions in prisons across the country in 2025.\n\n"
              "On Tuesday, a man was hanged in Qom.\n")
    assert (doc.anchor.date, doc.anchor.source) == (D("2025-02-28"), "heading")
    assert date_at(doc, "Qom")[0].start == D("2025-02-25")  # the last Tuesday of February 2025


def test_report_title_outside_the_text_gives_the_period():
    text = "On Monday, guards beat prisoners in Evin, relatives said."
    report = Report("t", text, hashlib.sha256(text.encode()).hexdigest(), title="Prison news, 6–12 March 2022")
    doc = Doc(report=report)
    for stage in (CleanStage(), SegmentStage(), DatesStage()):
        stage(doc, Options())
    assert (doc.anchor.date, doc.anchor.source, doc.anchor.span) == (D("2022-03-12"), "heading", None)
    assert date_at(doc, "Evin")[0].start == D("2022-03-07")


@pytest.mark.parametrize("stamp", ["Tuesday, 24 May 2022 09:12 GMT", "Published: 24 May 2022", "May 24, 2022, 9:12 a.m."])
def test_timestamp_line_at_the_top_is_the_anchor(stamp):
    doc = run(f"{stamp}\n\nDock workers strike in the south\n\n"
              "Dock workers stopped work on Monday in protest at unpaid wages in Bandar Abbas, a union said.\n")
    assert (doc.anchor.date, doc.anchor.source) == (D("2022-05-24"), "timestamp")
    assert date_at(doc, "stopped")[0].start == D("2022-05-23")


def test_date_lines_of_a_compilation_are_not_a_timestamp():
    doc = run("Round-up of reports\n\nMarch 20, 2021\n\nActivists put up posters in Rasht on Monday, a group said.\n\n"
              "March 2, 2021\n\nActivists put up posters in Sari on Monday, a group said.\n")
    assert doc.anchor.source != "timestamp"


# --- wire datelines without a year -------------------------------------------------------------

def test_wire_dateline_takes_its_year_from_the_timestamp_and_is_the_anchor():
    text = ("Tuesday, 24 May 2022 09:12 GMT\n\nDock workers strike in the south\n\n"
            "BANDAR ABBAS, Iran, May 24 (Gulf Desk News) - Dock workers stopped work on Monday in protest "
            "at unpaid wages, a union said.\n")
    doc = run(text)
    assert (doc.anchor.date, doc.anchor.source) == (D("2022-05-24"), "dateline")
    assert mention(doc, "May 24").role == "dateline"
    place = doc.extras["dateline_place_span"]
    assert text[place.start : place.end] == "BANDAR ABBAS"
    assert date_at(doc, "stopped")[0].start == D("2022-05-23")


def test_wire_dateline_year_from_the_latest_full_date_in_the_text():
    doc = run("Pensioners rally\n\nTEHRAN, Jan 12 (Agency) - Retirees rallied outside parliament on Saturday, "
              "witnesses said. Their union had written to the ministry on December 28, 2024.\n")
    assert (doc.anchor.date, doc.anchor.source) == (D("2025-01-12"), "dateline")
    assert date_at(doc, "rallied")[0].start == D("2025-01-11")


def test_wire_dateline_with_a_full_date_and_agency():
    text = "Farmers protest\n\nSHAHR-E KORD, January 30, 2024 (PON) - Farmers protested on Monday over water rights.\n"
    doc = run(text)
    assert (doc.anchor.date, doc.anchor.source) == (D("2024-01-30"), "dateline")
    place = doc.extras["dateline_place_span"]
    assert text[place.start : place.end] == "SHAHR-E KORD"
    assert date_at(doc, "protested")[0].start == D("2024-01-29")


def test_week_range_dateline_is_anchored_on_its_last_day():
    text = ("Weekly labour roundup\n\nIran, October 6–12, 2024 — Bakers in Qazvin closed their shops on "
            "Monday and Tuesday, and drivers in Yazd stopped work on Saturday.\n\n"
            "On Friday night, slogans were written on walls in Sari.\n")
    doc = run(text)
    assert (doc.anchor.date, doc.anchor.source) == (D("2024-10-12"), "dateline")
    rng = date_at(doc, "closed")[0]
    assert (rng.start, rng.end) == (D("2024-10-07"), D("2024-10-08"))
    assert date_at(doc, "stopped")[0].start == D("2024-10-12")
    assert date_at(doc, "written")[0].start == D("2024-10-11")


def test_a_heading_that_is_only_a_day_dates_its_section():
    text = ("Two nights of protest\n\nIran, March 14, 2025 — Residents have protested for two nights.\n\n"
            "Tuesday night\n\nPeople in Qazvin shouted slogans from their windows until midnight.\n\n"
            "Wednesday night\n\nThe shouting spread to Zanjan, where young people gathered on the roofs.\n\n"
            "Background\n\nResidents of Sari wrote a letter to the governor.\n")
    doc = run(text)
    assert date_at(doc, "shouted")[0].start == D("2025-03-11")
    assert date_at(doc, "gathered")[0].start == D("2025-03-12")
    # a heading that is no day still stops the carry-forward
    assert date_at(doc, "wrote")[0].start != D("2025-03-12")


def test_a_bullets_day_does_not_date_the_next_bullet():
    text = ("Strike report\n\nIran, March 14, 2025 — Drivers struck in several towns on Wednesday.\n\n"
            "Town by town:\n\n- Qazvin: on Tuesday, drivers parked their trucks.\n\n"
            "- Zanjan: drivers stayed off the job.\n")
    doc = run(text)
    assert date_at(doc, "parked")[0].start == D("2025-03-11")
    assert date_at(doc, "stayed")[0].start == D("2025-03-12")  # the lede's day, not Qazvin's


def test_a_long_range_is_no_dateline():
    doc = run("Annual review\n\nIran, January 1 – June 30, 2024 — Teachers held sit-ins in many cities "
              "throughout the period, according to the union.\n")
    assert doc.anchor.source != "dateline"


def test_yearless_dateline_with_a_published_date_is_never_after_it():
    doc = run("Pensioners rally\n\nTEHRAN, Dec 30 (Agency) - Retirees rallied outside parliament, witnesses said.\n",
              "2025-01-02")
    assert doc.anchor.source == "published"
    m = mention(doc, "Dec 30")
    assert (m.role, m.range.start) == ("dateline", D("2024-12-30"))


def test_dateline_place_of_a_mixed_case_dateline_and_its_absence():
    text = "Headline\n\nKerman, May 4, 2021—Teachers held a sit-in outside the education office on Monday.\n"
    doc = run(text)
    place = doc.extras["dateline_place_span"]
    assert text[place.start : place.end] == "Kerman"
    assert "dateline_place_span" not in run("Teachers held a sit-in outside the office, the union said.").extras


# --- bare weekdays, times of day, ongoing actions, weekday pairs ------------------------------

def test_bare_weekday_takes_the_day_the_text_already_gave_for_it():
    doc = run("Headline\n\nIran, November 22, 2021—On Saturday, November 13, and Sunday, November 14, youths "
              "marked the anniversary of the November 2019 uprising with protest activities.\n\n"
              "Posters appeared in Rasht and Amol.\n\n"
              "In the early hours of Sunday, youths set fire to a base in Karaj.\n")
    assert date_at(doc, "Karaj")[0].start == D("2021-11-14")  # not Sunday, November 21


NEAR_ANCHOR = [
    # anchor Tuesday 2021-11-16
    ("On Sunday, youths set fires in Karaj.", "fires", "2021-11-14", "2021-11-14", "day"),
    ("Late on Tuesday, youths chanted in Tabriz.", "chanted", "2021-11-16", "2021-11-16", "day"),
    ("On Monday evening, students rallied in Sari.", "rallied", "2021-11-15", "2021-11-15", "day"),
    ("Monday night's riots spread to Amol.", "riots", "2021-11-15", "2021-11-15", "day"),
    ("On Saturday, workers marched in Arak. The same evening, shops closed in Babol.", "shops",
     "2021-11-13", "2021-11-13", "day"),
    ("On Saturday, workers marched in Arak. That night, police fired on crowds in Gorgan.", "police",
     "2021-11-13", "2021-11-13", "day"),
    ("On Saturday, workers marched in Arak. The following morning, police raided homes in Gorgan.", "raided",
     "2021-11-14", "2021-11-14", "day"),
    # ongoing actions: from the start to the stated day
    ("Shopkeepers in Tabriz kept their shutters down for a third day on Tuesday.", "shutters",
     "2021-11-14", "2021-11-16", "range"),
    ("On Monday, nurses in Rasht went on strike for the second consecutive day.", "strike",
     "2021-11-14", "2021-11-15", "range"),
    ("Truckers have been on strike since Sunday in Arak.", "strike", "2021-11-14", "2021-11-16", "range"),
    ("The strike in Arak was in its third day on Tuesday.", "strike", "2021-11-14", "2021-11-16", "range"),
    ("On Monday, bakers in Qom kept their shops closed for the past two days.", "closed",
     "2021-11-14", "2021-11-15", "range"),
    ("Over the past two days, nurses rallied in Sari.", "rallied", "2021-11-15", "2021-11-16", "range"),
    ("On Monday, merchants in Tabriz closed their shops. In Ardabil, merchants stayed away for a second day.",
     "Ardabil", "2021-11-14", "2021-11-15", "range"),
    # two bare weekdays
    ("Workers struck on Thursday and Friday in Abadan.", "struck", "2021-11-11", "2021-11-12", "range"),
    ("Workers struck from Saturday to Monday in Abadan.", "struck", "2021-11-13", "2021-11-15", "range"),
]


@pytest.mark.parametrize("sentence,word,start,end,precision", NEAR_ANCHOR)
def test_weekdays_times_of_day_and_ongoing_actions(sentence, word, start, end, precision):
    for doc in (run(f"Headline\n\nIran, November 16, 2021—{sentence}\n"), run(sentence, "2021-11-16")):
        rng, spans = date_at(doc, word)
        assert (rng.start, rng.end, rng.precision) == (D(start), D(end), precision), doc.text
        assert spans


def test_that_night_is_its_own_expression():
    doc = run("On Saturday, workers marched in Arak. That night, police fired on crowds in Gorgan.", "2021-11-16")
    m = mention(doc, "That night")
    assert (m.role, m.range.start, "same_as_previous" in m.range.flags) == ("event", D("2021-11-13"), True)


def test_ongoing_range_is_flagged_and_the_stated_day_shares_it():
    doc = run("Shopkeepers in Tabriz kept their shutters down for a third day on Tuesday.", "2021-11-17")
    for surface in ("for a third day", "Tuesday"):
        r = mention(doc, surface).range
        assert (r.start, r.end, "ongoing" in r.flags) == (D("2021-11-14"), D("2021-11-16"), True)


def test_since_a_full_date_stays_a_claim_period():
    doc = run("Since April 2, 2021, strikes spread in Abadan for a third day on Tuesday.", "2021-06-01")
    assert mention(doc, "April 2, 2021").role == "period"


# --- history dates do not govern ---------------------------------------------------------------

def test_commemoration_paragraph_is_dated_by_its_own_days_not_the_history_date():
    doc = run("Headline\n\nIran, November 16, 2021—Youths rallied in Tehran on Monday.\n\n"
              "Commemorating the November 2019 uprising, youths held protest activities in Shiraz and Rasht on "
              "Saturday, November 13, and Sunday, November 14.\n\n"
              "Residents of Mahshahr remembered the victims of the November 2019 uprising at a memorial.\n")
    assert mention(doc, "November 2019").role == "history"
    rng, _ = date_at(doc, "Shiraz")
    assert (rng.start, rng.end, rng.precision) == (D("2021-11-13"), D("2021-11-14"), "range")
    rng, _ = date_at(doc, "Mahshahr")
    assert rng.start is not None and rng.start.year == 2021  # carried from the text, not November 2019


def test_a_heading_naming_a_past_event_is_not_the_report_period():
    doc = run("Remembering the November 2019 uprising\n\n"
              "Families gathered at a cemetery in Mahshahr on Friday, November 19, 2021, relatives said.\n")
    assert doc.anchor.source != "heading" and doc.anchor.date == D("2021-11-19")
    doc = run("Protests of 12 March 2021\n\nNurses in Sari went on strike again on May 3, 2021.\n")
    assert doc.anchor.source != "heading"


def test_same_morning_points_at_the_last_day_not_a_year():
    from eventledger.stages.dates import event_date_for

    text = ("Iran, March 3, 2024\u2014Retirees gathered in Ahvaz on Sunday. Pensions fell last year.\n\n"
            "In Shush, workers held a separate gathering on the same morning.\n")
    doc = run(text)
    i = text.index("separate gathering")
    r, _ = event_date_for(doc, Span(i, i + 8))
    assert (r.start, r.end) == (dt.date(2024, 3, 3), dt.date(2024, 3, 3))


# --- the extractor's shortcuts give what the plain regex scans give ----------------------------

_SHORTCUT_WORDS = ["the", "of", "5", "5th", "12", "31st", "-", "–", "to", "and", "&", "first", "week", "month", "mid",
                   "mid-", "early", "end", "in", "since", "Monday", "Mon.", "monday,", "Sat", "protest", "(5", "5-6",
                   "5th-6th", "on", "last", "this", "The", "IN", "beginning", "Between", "پنج", "شنبه", "é", "\u212a",
                   "ſince", "2nd", "thof", "5thof", "day", "days", "before", "yesterday", "night", "today", "morning",
                   "past", "few", "recent", "24", "hours", "3", "ago", "two", "earlier", "year", "same", "that",
                   "following", "next", "after", "for", "a", "third", "consecutive", "straight", "nights", ",", ".",
                   "'s", "_", "o'clock", "2days", "row", "running"]
_SHORTCUT_GAPS = [" ", "  ", "\n", ", ", "", "\u00a0", "-", ". "]


def _random_phrases(n, seed):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(_SHORTCUT_WORDS) + rnd.choice(_SHORTCUT_GAPS) for _ in range(rnd.randint(0, 12)))


def test_left_context_is_the_windowed_search():
    from eventledger.stages.dates_extract import _left_context
    from eventledger.stages.dates_patterns import patterns

    P = patterns()
    for text in _random_phrases(3000, 1):
        view = text + "August 5"
        p = len(text)
        want = P.left.search(view, max(0, p - 48), p)
        got = _left_context(P, view, p)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), view


def test_windowed_patterns_find_what_a_whole_window_scan_finds():
    from eventledger.stages.dates_extract import _Taken, _windowed
    from eventledger.stages.dates_patterns import patterns

    P = patterns()

    def whole_window(rx, view, spots, taken, before, after):
        last_end = -1
        for i, _, _, _ in spots:
            if i < last_end:
                continue
            for m in rx.finditer(view, max(0, i - before), min(len(view), i + after)):
                if m.start() <= i < m.end() and taken.free(*m.span()):
                    last_end = m.end()
                    yield m
                    break

    rnd = random.Random(2)
    for view in _random_phrases(2000, 2):
        low = view.lower()
        spots = sorted({(i, i + 1, "x", 0) for i in (rnd.randrange(len(view) or 1) for _ in range(3))}
                       | {(i, i + 3, "day", 0) for i in range(len(low)) if low.startswith("day", i)})
        for rx, words, before, after in ((P.relative, P.relative_words, 36, 26), (P.same, P.same_words, 28, 16),
                                         (P.streak, P.streak_words, 60, 24)):
            found = []
            for scan in (whole_window(rx, view, spots, _Taken(len(view)), before, after),
                         _windowed(rx, words, view, spots, _Taken(len(view)), before, after)):
                found.append([m.span() for m in scan])
            assert found[0] == found[1], view


def test_four_digit_runs():
    from eventledger.stages.dates_extract import _four_digit_runs

    text = "In 2023, 12345 people, 1999-2000, x2024, 2025y, 0199 and 3000, ٢٠٢٤, 1234"  # digits: ASCII only
    assert [text[i : i + 4] for i in _four_digit_runs(text)] == ["2023", "1999", "2000", "2024", "2025", "1234"]


def test_event_date_by_bisection_matches_the_plain_rules():
    import dataclasses

    from eventledger.stages.dates_scope import INDEX_KEY

    doc = run("Iran, August 30, 2020—Protesters gathered in Tehran on Saturday and in Karaj on August 28. "
              "On Monday, August 24, and again on August 25, workers struck in Ahvaz.\n\n"
              "Teachers rallied in Shiraz. Later, on August 29, nurses joined them.\n\nNo date here at all.\n")
    index = doc.extras[INDEX_KEY]
    assert index.governing_starts  # the dates are in order: the bisection is used
    rnd = random.Random(3)
    spans = [Span(a, min(len(doc.text), a + rnd.choice([0, 1, 5, 30, 200]))) for a in range(len(doc.text))]
    fast = [event_date_for(doc, s) for s in spans + [m.span for m in doc.dates]]
    doc.extras[INDEX_KEY] = dataclasses.replace(index, governing_starts={})  # the list-comprehension rules
    assert [event_date_for(doc, s) for s in spans + [m.span for m in doc.dates]] == fast


def days_at(doc: Doc, needle: str) -> tuple[str, str]:
    """The ISO start and end of the date governing ``needle``."""
    r, _ = date_at(doc, needle)
    return (r.start.isoformat(), r.end.isoformat()) if r.start and r.end else ("", "")


def test_a_vague_lede_restates_the_heading_period():
    doc = run("Resistance Units’ activities, 28 December 2023 – 3 January 2024\n\n"
              "In the last days of December and the first days of January, the units kept up their campaign.\n\n"
              "In Mashhad, activists put up posters.\n\n"
              "In Kerman, youths burned banners at the end of December.\n")
    assert days_at(doc, "Mashhad") == ("2023-12-28", "2024-01-03")
    # a date of the body keeps governing its own sentence
    assert days_at(doc, "Kerman") == ("2023-12-21", "2023-12-31")


def test_an_ongoing_action_carries_its_stated_day_to_the_next_sentence():
    doc = run("Iran, April 27, 2024 - Workers in Shush went on strike for a third day on Saturday. "
              "The workers gathered in front of the governor's office.\n")
    assert days_at(doc, "strike") == ("2024-04-25", "2024-04-27")
    assert days_at(doc, "gathered") == ("2024-04-27", "2024-04-27")
    assert date_at(doc, "gathered")[0].precision == "day"


def test_the_day_an_ongoing_action_began_starts_its_range():
    doc = run("Iran, May 24, 2022 - Truck drivers kept their vehicles parked for a third day on Tuesday. "
              "The strike began on Sunday in Bandar Abbas and spread on Monday to Sirjan.\n")
    assert days_at(doc, "Bandar Abbas") == ("2022-05-22", "2022-05-24")
    assert days_at(doc, "Sirjan") == ("2022-05-23", "2022-05-24")
    # without an action said to be still going on, "began on Sunday" is that day
    doc = run("Iran, May 24, 2022 - The strike began on Sunday in Bandar Abbas.\n")
    assert days_at(doc, "Bandar Abbas") == ("2022-05-22", "2022-05-22")


def test_friday_prayers_as_an_institution_name_no_day():
    doc = run("Iran, October 3, 2024 - Activists called for a boycott of the regime's Friday prayers.\n")
    assert not [m for m in doc.dates if "Friday" in m.text]
    # the prayers of one Friday do
    doc = run("Iran, October 3, 2024 - Worshippers protested after Friday prayers in Zahedan.\n")
    assert days_at(doc, "Zahedan") == ("2024-09-27", "2024-09-27")


def test_a_colon_after_a_date_ends_the_sentence_not_the_day():
    doc = run("Iran, May 30, 2025 - Activists carried out these activities on May 27 and 28:\n\n- Tehran: graffiti\n")
    m = mention(doc, "May 27 and 28")
    assert (m.range.start, m.range.end) == (D("2025-05-27"), D("2025-05-28"))
    # a time is not a day: "May 27 10:30" keeps May 27 and reads no day 10
    doc = run("Iran, May 30, 2025 - Posted May 27 10:30 by the desk.\n")
    m = mention(doc, "May 27")
    assert (m.range.start, m.range.end) == (D("2025-05-27"), D("2025-05-27"))


def test_a_fitting_weekday_keeps_the_reference_year_for_a_day_just_after_it():
    from eventledger.stages.dates_patterns import Part
    from eventledger.stages.dates_resolve import resolve_part
    ref = dt.date(2025, 3, 5)
    # "Friday, March 7" two days after a reference of March 5, 2025: 2025-03-07 is a Friday
    assert resolve_part(Part(m=3, d=7, wd=4), ref).start == dt.date(2025, 3, 7)
    # without a weekday, or with one that does not fit, the day after the reference rolls back
    assert resolve_part(Part(m=3, d=7), ref).start == dt.date(2024, 3, 7)
    assert resolve_part(Part(m=3, d=7, wd=3), ref).start == dt.date(2024, 3, 7)


# --- held-out set 5 (ho31-ho36) ---------------------------------------------------------------

def test_of_the_month_year_uprising_is_a_name_not_the_date():
    doc = run("Posters – December 2019\n\nSupporters paid tribute to the martyrs of the November 2019 "
              "uprising in Ahvaz.\n\nAhvaz – Posters at the bazaar – December 28, 2019\n")
    assert mention(doc, "November 2019").role == "other"


def test_in_the_same_period_spans_the_days_of_the_paragraph_before():
    doc = run("On Sunday, June 1, 2025, a seminary entrance was set on fire in Kazerun. Two days later, on "
              "Tuesday, June 3, billboards burned in Sirjan.\n\nIn the same period, slogans were written in "
              "Fasa.\n", published="2025-06-05")
    r = date_at(doc, "slogans")[0]
    assert (r.start, r.end, r.precision) == (D("2025-06-01"), D("2025-06-03"), "range")


def test_without_a_dateline_later_days_and_weekdays_follow_the_story():
    doc = run("Youths struck in the south.\n\nOn Sunday, June 1, 2025, a seminary entrance was set on fire in "
              "Kazerun.\n\nKazerun, Iran – June 1, 2025 – The seminary entrance\n\nOn Tuesday, June 3, billboards "
              "burned in Sirjan.\n\nOn Wednesday, retirees rallied in Kerman.\n")
    assert doc.anchor.source in ("caption", "body")  # the latest full date written, not a dateline
    assert mention(doc, "Tuesday, June 3").role == "event"
    assert date_at(doc, "retirees")[0].start == D("2025-06-04")


def test_on_the_nth_night_is_that_day_of_the_count_another_streak_anchors():
    text = ("Iran, May 8, 2023 - The strike wave entered its 12th day on Monday.\n\n"
            "On the tenth night of the strikes, workers in Arak gathered.\n\n"
            "In Rasht, merchants closed shops on Sunday, the 11th day of the strikes.")
    doc = run(text)
    # day 1 = Monday May 8 - 11 days = April 27; the tenth night = May 6
    r = date_at(doc, "gathered")[0]
    assert (r.start, r.end) == (D("2023-05-06"), D("2023-05-06"))
    # a day stated in the sentence beats the count
    assert date_at(doc, "closed")[0].start == D("2023-05-07")


def test_on_the_nth_night_without_a_count_anchor_stays_a_streak():
    doc = run("Iran, May 8, 2023 - On the tenth night of the strikes, workers in Arak gathered.")
    r = date_at(doc, "gathered")[0]
    assert (r.start, r.end) == (D("2023-04-29"), D("2023-05-08"))


def test_a_recalled_month_day_does_not_repoint_a_weekday_the_report_already_used():
    doc = run("AHVAZ, Iran (June 23, 2022) — On Thursday, farmers in Shush rallied.\n\n"
              "The protests began on June 16 in Dezful.\n\n"
              "In Tabriz, a solidarity rally was held on Thursday.\n")
    # June 16 was also a Thursday; the story's Thursday stays June 23
    assert date_at(doc, "solidarity")[0].start == D("2022-06-23")


def test_entered_its_nth_day_dates_the_count_not_the_acts_of_its_sentence():
    doc = run("Iran, May 8, 2023 - Protests entered their seventh night on Monday, with crowds in Arak chanting.\n")
    r = date_at(doc, "chanting")[0]
    assert (r.start, r.end) == (D("2023-05-08"), D("2023-05-08"))


def test_a_two_day_range_in_the_lede_of_a_brief_dated_by_one_day_governs():
    doc = run("Iran News in Brief – October 18, 2022\n\n"
              "At a university in Tehran, students boycotted classes on Monday and Tuesday.\n")
    r = date_at(doc, "boycotted")[0]
    assert (r.start, r.end) == (D("2022-10-17"), D("2022-10-18"))


@pytest.mark.parametrize("text, needle, start, end", [
    # "Nowruz greetings": the holiday name qualifies the posters; the lede's days govern
    ("Iran, March 24, 2023 - Activists were busy on Sunday, March 19, and Monday, March 20.\n\n"
     "In Arak and Saveh, they hung posters with Nowruz greetings from the opposition.\n", "Saveh", "2023-03-19", "2023-03-20"),
    # a part of the day inside a weekday pair keeps the pair
    ("Iran, May 8, 2023 - Youths in Arak burned billboards on Thursday night and Friday.\n", "burned",
     "2023-05-04", "2023-05-05"),
    # no dateline: the anchor is the body's "May 30, 2023"; June 4 is not June 4, 2022
    ("A new cabinet\n\nThe regime held its vote on May 30, 2023, and turnout was low.\n\n"
     "On June 4, posters against the new cabinet appeared in Arak.\n", "posters", "2023-06-04", "2023-06-04"),
    # "the same three days" and "the same week" point back to that span, not to the day between
    ("Iran, May 12, 2023 - Units were active from Saturday, May 6, to Monday, May 8.\n\n"
     "On Sunday, May 7, youths in Arak burned a billboard.\n\n"
     "Over the same three days, the units sent videos to a television channel.\n", "sent videos", "2023-05-06", "2023-05-08"),
    ("Iran, May 12, 2023 - Units were busy during the first week of May.\n\n"
     "On Tuesday, May 2, youths in Arak burned a billboard.\n\n"
     "During the same week, the units sent videos to a television channel.\n", "sent videos", "2023-05-01", "2023-05-07"),
])
def test_dates_told_by_a_holiday_a_pair_an_undated_anchor_or_the_same_span(text, needle, start, end):
    r = date_at(run(text), needle)[0]
    assert (r.start, r.end) == (D(start), D(end))

def test_a_place_in_a_clause_of_its_own_takes_the_date_written_after_it():
    doc = run("Iran, May 8, 2023 - Two men were hanged on Tuesday in Arak, and a woman was hanged in Saveh on Wednesday.\n")
    assert date_at(doc, "Arak")[0].start == D("2023-05-02")
    assert date_at(doc, "Saveh")[0].start == D("2023-05-03")

def test_a_date_after_by_is_a_deadline_not_the_acts_day():
    doc = run("Iran, May 12, 2023 - On Wednesday, May 10, youths in Arak wrote slogans on a mosque wall, "
              "which the police had painted over by the next morning.\n")
    assert date_at(doc, "wrote slogans")[0].start == D("2023-05-10")
    assert not [m for m in doc.dates if m.text == "the next morning" and m.role == "event"]


def test_the_eve_of_a_date_is_the_day_before():
    doc = run("Iran, December 8, 2023 - On the eve of 16 Azar, youths in Arak wrote slogans on the walls.\n")
    assert date_at(doc, "wrote slogans")[0].start == D("2023-12-06")
    doc = run("Iran, March 3, 2024 - On the eve of March 1, youths in Arak wrote slogans on the walls.\n")
    assert date_at(doc, "wrote slogans")[0].start == D("2024-02-29")
    # the date itself, without "the eve of", is unchanged
    doc = run("Iran, March 3, 2024 - On March 1, youths in Arak wrote slogans on the walls.\n")
    assert date_at(doc, "wrote slogans")[0].start == D("2024-03-01")


# --- a day of the month with no month ("on the 24th") ---------------------------------------------

MONTH_DAYS = [
    # the anchor's month when the day is not after the anchor, else the month before it
    ("Drivers went on strike in Tabriz on the 12th.", "2023-05-20", "strike", "2023-05-12", "2023-05-12", "day"),
    ("Drivers went on strike in Tabriz on the 28th, witnesses said.", "2023-05-20", "strike", "2023-04-28", "2023-04-28", "day"),
    ("Drivers went on strike in Tabriz on the 30th.", "2023-01-10", "strike", "2022-12-30", "2022-12-30", "day"),
    ("Nurses protested in Arak from the 3rd to the 5th.", "2023-05-20", "protested", "2023-05-03", "2023-05-05", "range"),
    # a later day of the month just told
    ("On April 27, farmers rallied in Isfahan. On the 29th, they rallied again in Isfahan.", "2023-05-02",
     "again", "2023-04-29", "2023-04-29", "day"),
]


@pytest.mark.parametrize("text,anchor,word,start,end,precision", MONTH_DAYS)
def test_a_day_of_the_month_alone_takes_its_month_from_the_context(text, anchor, word, start, end, precision):
    doc = run(text, anchor)
    rng, _ = date_at(doc, word)
    assert (rng.start, rng.end, rng.precision) == (D(start), D(end), precision)
    assert "month_from_context" in rng.flags


@pytest.mark.parametrize("text", [
    "On the 16th night of the protests, youths blocked roads in Izeh.",
    "Guards moved the prisoners to the 3rd floor of the ward.",
    "Supporters marked the 2nd anniversary in Karaj.",
    "He was sentenced on the 5th count of the indictment.",
])
def test_an_ordinal_before_a_noun_is_no_day_of_the_month(text):
    doc = run(text, "2023-05-20")
    assert not [m for m in doc.dates if "month_from_context" in m.range.flags]


def test_two_weekdays_for_a_two_day_date_are_one_range():
    # "on Monday and Tuesday, January 12 and 13": one range, no weekday mismatch
    doc = run("Drivers in Arak parked their lorries on Monday and Tuesday, January 12 and 13.", "2026-01-17")
    m = mention(doc, "Monday and Tuesday, January 12 and 13")
    assert (m.range.start, m.range.end, m.range.precision) == (D("2026-01-12"), D("2026-01-13"), "range")
    assert "weekday_mismatch" not in m.range.flags


def test_the_day_before_an_event_after_a_weekday_names_that_weekday():
    # "On Monday night, the day before the execution": Monday, not the Sunday before it
    doc = run("On Monday night, the day before the execution, families gathered in Arak.", "2026-06-13")
    rng, _ = date_at(doc, "gathered")
    assert (rng.start, rng.end) == (D("2026-06-08"), D("2026-06-08"))
    # told alone, "the day before" is still the day before the date just named
    doc = run("A man was hanged in Arak on Tuesday. The day before, families gathered in Saveh.", "2026-06-13")
    rng, _ = date_at(doc, "gathered")
    assert rng.start == D("2026-06-08")


def test_a_paragraph_after_the_ceremony_takes_the_ceremonys_day():
    # "After the ceremony, mourners marched": the ceremony's Sunday, not the earlier killing's day
    doc = run("Hundreds attended a memorial ceremony for the young man in Arak on Sunday, 18 October. He was shot "
              "dead in Arak on 9 September.\n\nAfter the ceremony, mourners marched to the city centre. Police "
              "detained 12 people.\n", "2026-10-20")
    for word in ("marched", "detained"):
        rng, _ = date_at(doc, word)
        assert (rng.start, rng.end) == (D("2026-10-18"), D("2026-10-18"))
    # without the occasion's name the last day named still governs
    doc = run("Hundreds attended a memorial ceremony in Arak on Sunday, 18 October. He was shot dead in Arak on "
              "9 September.\n\nLater, mourners marched to the city centre.\n", "2026-10-20")
    rng, _ = date_at(doc, "marched")
    assert rng.start == D("2026-09-09")


def test_during_the_week_is_the_week_named_before():
    doc = run("Report, 30 May 2026\n\nBetween Saturday, May 23, and Friday, May 29, workers rallied in Arak. "
              "On Tuesday, May 26, nurses struck in Qom.\n\nProtests were also held during the week in Yazd.\n",
              "2026-05-30")
    rng, _ = date_at(doc, "Yazd")
    assert (rng.start, rng.end) == (D("2026-05-23"), D("2026-05-29"))


def test_friday_prayers_in_a_sentence_dated_by_a_past_month_are_of_that_month():
    doc = run("Report, 23 November 2026\n\nIn March 2021, guards fired on worshippers in Saravan after Friday "
              "prayers.\n", "2026-11-23")
    assert [m.role for m in doc.dates if m.text == "Friday"] == ["history"]
    # without the month, "after Friday prayers" still names the day
    doc = run("Report, 23 November 2026\n\nGuards fired on worshippers in Saravan after Friday prayers.\n", "2026-11-23")
    rng, _ = date_at(doc, "fired")
    assert (rng.start, rng.end) == (D("2026-11-20"), D("2026-11-20"))


def test_friday_prayers_in_a_sentence_dated_by_a_past_day_are_of_that_day():
    doc = run("Report, 10 October 2026\n\nOn March 5, 2021, guards shot at worshippers after Friday prayers in "
              "Saravan, wounding 12.\n", "2026-10-10")
    assert [m.role for m in doc.dates if m.text == "Friday"] == ["history"]


def test_this_week_under_a_week_heading_is_the_heading_week_and_a_day_in_it_is_finer():
    doc = run("Weekly review: 9-15 March 2026\n\nBakers went on strike this week in Sari.\n")
    assert days_at(doc, "Sari") == ("2026-03-09", "2026-03-15")
    # a day inside the week named in the same sentence dates the act, and the next sentence
    doc = run("Weekly review: 9-15 March 2026\n\nOn Tuesday, bakers went on strike this week in Sari. "
              "In Amol, bakers closed their shops.\n")
    for word in ("Sari", "Amol"):
        assert days_at(doc, word) == ("2026-03-10", "2026-03-10"), word


def test_a_yearless_dateline_takes_the_year_of_the_iranian_year_the_report_names_as_its_own():
    text = ("KERMAN, Feb. 3 (Agency) – Police said on Tuesday that they had arrested six men in Bam.\n\n"
            "The police chief said 40 people had been arrested in the province since the start of the "
            "Iranian year 1404.\n")
    doc = run(text)
    assert doc.anchor.date == D("2026-02-03")  # 1404 began on 21 March 2025: February is in 2026
    assert days_at(doc, "arrested") == ("2026-02-03", "2026-02-03")
    # an Iranian year named as history is no anchor: the dateline stays without a year
    doc = run(text.replace("since the start of the Iranian year 1404", "in the Iranian year 1398"))
    assert doc.anchor.date is None


@pytest.mark.parametrize("text,surface,role,word,days", [
    # "as every Monday" likens this Monday's act to the habit: an event date, unlike "every Monday"
    ("Weekly review: 9-15 March 2026\n\nNurses gathered in Qom, as every Monday, outside the university hospital.\n",
     "Monday", "event", "Qom", ("2026-03-09", "2026-03-09")),
    ("Weekly review: 9-15 March 2026\n\nNurses gather in Qom every Monday.\n", "every Monday", "other", None, None),
    # a trailing attribution ending in its day dates the statement once the paragraph dated the act
    ("Report, 18 November 2025\n\nOn Monday, merchants marched in Tabriz. Police fired tear gas and detained 12 people, "
     "the city's police said in a statement carried by IRNA on Tuesday.\n", "Tuesday", "other", "detained",
     ("2025-11-17", "2025-11-17")),
    ("Report, 18 November 2025\n\nPolice detained 12 people in Tabriz, the city's police said on Tuesday.\n",
     "Tuesday", "event", None, None),
    # the day a plan was set for
    ("Report, 18 November 2025\n\nShops closed in Tabriz on Tuesday. In Mashhad the guild called off a closure "
     "planned for Wednesday.\n", "Wednesday", "other", "Tabriz", ("2025-11-18", "2025-11-18")),
])
def test_a_day_likened_to_a_habit_told_by_a_statement_or_set_for_a_plan(text, surface, role, word, days):
    doc = run(text)
    assert mention(doc, surface).role == role
    if word is not None:
        assert days_at(doc, word) == days




def test_a_paragraph_on_one_town_is_dated_by_its_photo_caption_after_it():
    from eventledger.pipeline import default_pipeline

    text = ("Photos sent by readers\n\nIn Ardakan, a banner hung from an overpass read \"Free them all\".\n\n"
            "![Banner on an overpass](banner.jpg)\n\nArdakan – Banner on a pedestrian overpass – March 12, 2024\n\n"
            "In Meybod and Ardakan, posters were pasted on bus shelters.\n\nMeybod – Posters on a bus shelter – March 13, 2024\n")
    doc = default_pipeline().run(Report("t", text, hashlib.sha256(text.encode()).hexdigest()))
    got = {(e.location.canonical, e.sub_event_type, e.date.start.isoformat(), e.date.end.isoformat()) for e in doc.events}
    assert ("Ardakan", "symbolic_action", "2024-03-12", "2024-03-12") in got
    # a paragraph on two towns is not dated by one town's photo
    assert ("Meybod", "symbolic_action", "2024-03-13", "2024-03-13") not in got


@pytest.mark.parametrize("phrase,start,end,precision", [
    ("five years ago", "2019-01-01", "2019-12-31", "year"),
    ("two months ago", "2024-04-01", "2024-04-30", "month"),
    ("three weeks ago", "2024-05-13", "2024-05-19", "week"),
])
def test_years_months_and_weeks_ago(phrase, start, end, precision):
    doc = run(f"Report, June 9, 2024. He was sentenced {phrase}.\n")
    m = mention(doc, phrase)
    assert (m.range.start.isoformat(), m.range.end.isoformat(), m.range.precision) == (start, end, precision)


def test_a_sentence_passed_years_ago_is_history_not_an_event():
    from eventledger.pipeline import default_pipeline

    text = ("Report, June 9, 2024. On Thursday, June 6, a prisoner was hanged in Ardakan. "
            "He had been sentenced to death for murder five years ago.\n")
    doc = default_pipeline().run(Report("t", text, hashlib.sha256(text.encode()).hexdigest()))
    assert {e.sub_event_type for e in doc.events} == {"execution"}
