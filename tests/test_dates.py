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
    assert doc.anchor.source == "caption"
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
    assert exact / len(rows) >= 0.90
