"""Never crash on text (issue 8 item 3): property-based tests with hypothesis.

Arbitrary Unicode (right-to-left marks, Persian/Arabic letters and digits, combining marks,
quote marks and dashes of every kind, long lines, runs of digits), mixed with realistic
fragments (place names, month names, counts, quotations, attributions, event verbs) so the
recognisers actually fire, goes through every stage of ``default_pipeline()``. After EACH
stage the invariants of everything assigned so far are checked, so a failure names the
stage that broke them:

* no exception,
* every span (paragraphs, sentences, boilerplate, places, anchor, dates and their scopes,
  triggers, actors, quantities, quotes, attributions and their scopes, event evidence,
  claims) lies inside the text, and the texts stored beside spans are the spans' text,
* every event has a valid (event_type, sub_event_type) and tactics from the codebook, a
  count of a codebook kind and qualifier, and dates that are either unresolved (both None)
  or ordered (start <= end).

Texts are normalised the way ingest stores them (NFC, LF newlines; see
``eventledger.ingest.report.normalize_text``), because that is the only form a stage ever
receives; NUL and lone surrogates cannot reach a stage (ingest skips them).
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from eventledger.config import Options
from eventledger.doc import Doc
from eventledger.ingest.report import content_hash, normalize_text
from eventledger.models import (COUNT_KINDS, DATE_PRECISIONS, EVENT_TYPES, QUALIFIERS, TACTICS, DateRange,
                                Report, Span)
from eventledger.pipeline import default_pipeline
from eventledger.textutil import fold, make_view

#: CI runs a fixed, derandomised sample (reproducible, ~20 s); set EVENTLEDGER_PROPERTY_EXAMPLES=N to
#: explore N fresh random examples per test instead (bug hunting, not for CI)
EXPLORE = int(os.environ.get("EVENTLEDGER_PROPERTY_EXAMPLES") or 0)


def _examples(n: int) -> int:
    return EXPLORE or n


SETTINGS = settings(max_examples=_examples(200), deadline=None, derandomize=not EXPLORE,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
EVIDENCE_ROLES = {"sentence", "place", "date", "trigger", "actor", "count", "slogan"}

# --- strategies --------------------------------------------------------------------------

#: any character a stored text can hold (no NUL, no lone surrogates)
ANY_CHAR = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
#: the characters that break naive text code most often
TRICKY = (
    "\u200f\u200e\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks and isolates
    "\u200b\u200c\u200d\u00a0\u202f\u2009\ufeff"  # zero-width, no-break and thin spaces, BOM
    "\u0301\u0308\u0327\u064b\u064e\u0650\u0670\u20dd"  # combining marks (Latin and Arabic)
    "\u06f0\u06f1\u06f2\u06f5\u06f9\u0660\u0661\u0665\u0669\u066b\u066c"  # Persian / Arabic digits
    "\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u02bc\u2032"  # quote marks
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # dashes
    "\t\n\r\u2028\u2029\x0b\x0c\x85"  # line breaks of every kind
    "0123456789.,:;!?()[]/%#@&*"
    "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكة"  # Persian and Arabic letters
)
TRICKY_CHAR = st.sampled_from(TRICKY)

#: realistic fragments (invented) so places, dates, triggers, counts and quotes fire
PLACES = ("Tehran", "Mashhad", "Isfahan", "Zahedan", "Ahvaz", "Shiraz", "Tabriz", "Rasht", "Karaj", "Sanandaj",
          "Kurdistan Province", "Sistan and Baluchestan", "Evin Prison", "تهران", "مشهد", "اصفهان")
DATES = ("on March 3, 2023", "on 12 September", "on 2022-09-16", "in 1401", "last week", "yesterday",
         "on Sunday", "on Friday", "in January", "in late December 2022", "since April 21, 2023",
         "between May 1 and May 3", "in 1988", "۱۴۰۱/۰۶/۲۵", "۲۵ شهریور", "on 5 Mehr 1401", "in Farvardin")
ACTORS = ("security forces", "riot police", "the IRGC", "students", "teachers", "truck drivers", "retirees",
          "the judiciary", "nurses")
ACTIONS = ("protested", "held a rally", "went on strike", "chanted", "set fire to a Basij base",
           "posted banners", "arrested at least 12 people", "killed more than 300 people", "were arrested",
           "was executed", "sentenced a teacher to 5 years", "injured dozens of people", "marched",
           "gathered outside the governor's office")
COUNTS = ("at least 12", "more than 300", "dozens of", "about 1,500", "۱۲ نفر", "hundreds of", "two")
QUOTES = ("“Woman, Life, Freedom”", "\u201cDeath to the dictator\u201d", '"we want our wages"',
          "«زن زندگی آزادی»", "‘no to executions’")
SOURCES = ("according to Amnesty International", "a rights group said", "state media reported",
           "Reporting by Example News", "the news agency quoted a witness as saying")
GLUE = (". ", ", ", " ", "\n", "\n\n", " – ", " — ", "(", ")", ": ", "TEHRAN (Example) — ", "Photo: ",
        "Related: ", "Share this")
FRAGMENTS = PLACES + DATES + ACTORS + ACTIONS + COUNTS + QUOTES + SOURCES + GLUE
FRAGMENT = st.sampled_from(FRAGMENTS)
NOISE = st.one_of(st.text(TRICKY_CHAR, max_size=6), st.text(ANY_CHAR, max_size=6))
#: a sentence in report shape; noise (tricky characters) may replace the separators
SENTENCE = st.tuples(
    st.sampled_from(("In ", "", "Near ", "On Monday in ")), st.sampled_from(PLACES),
    st.sampled_from((", ", " ", " (", "\u200c, ")), st.sampled_from(DATES), st.sampled_from((", ", " ")),
    st.sampled_from(ACTORS), st.sampled_from((" ", "\u00a0")), st.sampled_from(ACTIONS),
    st.one_of(st.just(""), st.sampled_from(QUOTES).map(lambda q: " chanting " + q)),
    st.one_of(st.just(""), st.sampled_from(SOURCES).map(lambda q: ", " + q)),
    st.one_of(st.just(". "), st.just(".\n"), st.just(".\n\n"), NOISE),
).map("".join)
PIECE = st.one_of(
    SENTENCE,
    SENTENCE,
    FRAGMENT,
    st.text(TRICKY_CHAR, max_size=12),
    st.text(ANY_CHAR, max_size=12),
    st.integers(0, 10**12).map(str),
)

#: reports built from pieces: recognisers fire, tricky characters land inside and between them
REPORT_TEXT = st.lists(PIECE, min_size=1, max_size=25).map("".join)
#: plain arbitrary text, with tricky characters over-represented
RAW_TEXT = st.text(st.one_of(ANY_CHAR, TRICKY_CHAR), min_size=1, max_size=400)
#: long lines and long runs: digits, one word repeated, no spaces at all, nested quotes/brackets
LONG_TEXT = st.one_of(
    st.tuples(st.sampled_from(["1", "12 ", "۱", "9,", "0.", "2023-", "- ", "— "]), st.integers(500, 8000))
    .map(lambda t: t[0] * t[1]),
    st.tuples(FRAGMENT, st.integers(50, 600)).map(lambda t: (t[0] + " ") * t[1]),
    st.tuples(st.sampled_from(["“", "«", "(", "\"", "\u202b", "\u0301"]), st.integers(100, 3000))
    .map(lambda t: "Tehran " + t[0] * t[1] + " protested"),
    st.integers(1000, 20000).map(lambda n: "x" * n),
)
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))


def _report(text: str, published: dt.date | None = None, publisher: str | None = None) -> Report:
    stored = normalize_text(text)
    assume(stored.strip())  # ingest skips empty texts; a stage never sees one
    return Report("prop-doc", stored, content_hash(stored), published=published, publisher=publisher)


# --- invariants ----------------------------------------------------------------------------

def _inside(span: Span | None, n: int, what: str) -> None:
    if span is None:
        return
    assert isinstance(span, Span), f"{what}: not a Span: {span!r}"
    assert 0 <= span.start <= span.end <= n, f"{what}: span {span} outside text of length {n}"


def _check_range(r: DateRange, what: str) -> None:
    assert r.precision in DATE_PRECISIONS, f"{what}: precision {r.precision!r}"
    if r.start is None or r.end is None:
        assert r.start is None and r.end is None and r.precision == "unresolved", f"{what}: {r}"
    else:
        assert r.precision != "unresolved", f"{what}: {r}"
        assert r.start <= r.end, f"{what}: start after end: {r}"


def check_doc(doc: Doc, stage: str = "") -> None:
    """Every invariant of what the stages so far have assigned."""
    text = doc.text
    n = len(text)
    at = f"after {stage}: " if stage else ""
    if doc.view:
        assert len(doc.view) == n, at + "view must have the text's length"
    for span, reason in doc.boilerplate:
        _inside(span, n, at + f"boilerplate ({reason})")
    for kind, segs in (("paragraph", doc.paragraphs), ("sentence", doc.sentences)):
        for s in segs:
            _inside(s.span, n, at + kind)
    starts = [s.span.start for s in doc.sentences]
    assert starts == sorted(starts), at + "sentences must be sorted (sentence_at bisects them)"
    for p in doc.places:
        _inside(p.span, n, at + "place")
    _inside(doc.anchor.span, n, at + "anchor")
    for d in doc.dates:
        _inside(d.span, n, at + "date")
        _inside(d.scope, n, at + "date scope")
        assert d.text == text[d.span.start : d.span.end], at + "date text is not its span's text"
        _check_range(d.range, at + f"date {d.text!r}")
    for t in doc.triggers:
        _inside(t.span, n, at + "trigger")
        assert t.sub_event_type in EVENT_TYPES.get(t.event_type, ()), at + f"trigger type {t}"
        assert set(t.tactics) <= set(TACTICS), at + f"trigger tactics {t.tactics}"
    for a in doc.actors:
        _inside(a.span, n, at + "actor")
    for q in doc.quantities:
        _inside(q.span, n, at + "quantity")
        # (mention kinds are finer than COUNT_KINDS -- percent_change, cities, duration ... --
        # by design of stages/quantities.py; the codebook list binds event counts, below)
        assert q.count.qualifier is None or q.count.qualifier in QUALIFIERS, at + f"qualifier {q.count}"
    for q in doc.quotes:
        _inside(q.span, n, at + "quote")
        assert q.text == text[q.span.start : q.span.end], at + "quote text is not its span's text"
    for a in doc.attributions:
        _inside(a.span, n, at + "attribution")
        _inside(a.scope, n, at + "attribution scope")
    for e in doc.events:
        assert e.sub_event_type in EVENT_TYPES.get(e.event_type, ()), at + f"event type {e.event_type}/{e.sub_event_type}"
        assert set(e.tactics) <= set(TACTICS), at + f"event tactics {e.tactics}"
        assert e.doc_id == doc.id
        _check_range(e.date, at + "event date")
        assert 1 <= e.location.precision <= 4, at + f"location precision {e.location.precision}"
        if e.count is not None:
            assert e.count.kind in COUNT_KINDS, at + f"event count {e.count}"
            assert e.count.qualifier is None or e.count.qualifier in QUALIFIERS, at + f"qualifier {e.count}"
        for ev in e.evidence:
            assert ev.doc_id == doc.id
            assert ev.role in EVIDENCE_ROLES, at + f"evidence role {ev.role!r}"
            _inside(ev.span, n, at + f"event evidence ({ev.role})")
    for c in doc.claims:
        _inside(c.span, n, at + "claim")
        assert c.doc_id == doc.id
        assert c.text == text[c.span.start : c.span.end], at + "claim text is not its span's text"
        assert c.kind and isinstance(c.kind, str), at + f"claim kind {c.kind!r}"
        assert c.qualifier is None or c.qualifier in QUALIFIERS, at + f"claim qualifier {c.qualifier!r}"


# one pipeline for all examples (building it loads the gazetteer and lexicons)
_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = default_pipeline(Options())
    return _PIPELINE


def run_checked(report: Report) -> Doc:
    """Run every stage in order, checking the invariants after each one."""
    pipeline = _pipeline()
    doc = Doc(report=report)
    for stage in pipeline.stages:
        try:
            stage(doc, pipeline.options)
        except Exception as exc:  # name the stage in the failure
            raise AssertionError(f"stage {stage.name!r} raised {exc!r} on {report.text[:200]!r}") from exc
        doc.done.append(stage.name)
        check_doc(doc, stage.name)
    return doc


# --- the whole pipeline, stage by stage ---------------------------------------------------

@SETTINGS
@given(REPORT_TEXT, PUBLISHED)
def test_pipeline_on_report_like_text(text, published):
    doc = run_checked(_report(text, published, publisher="Example News"))
    # coverage, shown by --hypothesis-show-statistics: how often the recognisers fired
    event("has events" if doc.events else "no events")
    event("has claims" if doc.claims else "no claims")
    event("has resolved dates" if any(d.range.start for d in doc.dates) else "no resolved dates")


@SETTINGS
@given(RAW_TEXT, PUBLISHED)
def test_pipeline_on_arbitrary_unicode(text, published):
    run_checked(_report(text, published))


@settings(SETTINGS, max_examples=_examples(25))
@given(LONG_TEXT)
def test_pipeline_on_long_lines_and_runs(text):
    run_checked(_report(text))


@settings(SETTINGS, max_examples=_examples(60))
@given(REPORT_TEXT)
def test_pipeline_run_matches_stage_by_stage(text):
    """Pipeline.run (what ingest uses) gives the same, valid result."""
    report = _report(text, dt.date(2023, 3, 5))
    doc = _pipeline().run(report)
    check_doc(doc)
    assert doc.done == list(_pipeline().names)
    assert [e.id for e in doc.events] == [e.id for e in run_checked(report).events]


def test_the_fragments_make_the_recognisers_fire():
    """Guard for the strategies above: realistic pieces really produce mentions and events
    (otherwise the property tests would only exercise the no-match paths)."""
    text = ("TEHRAN (Example) — On March 3, 2023, at least 12 people were arrested in Mashhad after "
            "teachers protested and chanted “Woman, Life, Freedom”, according to Amnesty International.\n")
    report = Report("guard", text, content_hash(text), published=dt.date(2023, 3, 5), publisher="Example News")
    doc = run_checked(report)
    assert doc.places and doc.dates and doc.triggers and doc.quantities and doc.quotes
    assert doc.events


# --- stages and helpers alone --------------------------------------------------------------

@SETTINGS
@given(st.one_of(REPORT_TEXT, RAW_TEXT))
def test_view_and_fold_keep_offsets(text):
    stored = normalize_text(text)
    assert len(make_view(stored)) == len(stored)
    folded, index = fold(stored)
    assert len(index) == len(folded)
    assert index == sorted(index)
    assert all(0 <= i < len(stored) for i in index)


_PREFIXES: dict = {}


@pytest.mark.parametrize("upto", ["clean", "segment", "places", "dates", "triggers", "assemble"])
@settings(SETTINGS, max_examples=_examples(40))
@given(text=st.one_of(REPORT_TEXT, RAW_TEXT))
def test_each_pipeline_prefix_alone(upto, text):
    """``default_pipeline(upto=...)``, as `eventledger bench` runs it, on its own."""
    if upto not in _PREFIXES:
        _PREFIXES[upto] = default_pipeline(upto=upto)
    doc = _PREFIXES[upto].run(_report(text, dt.date(2024, 1, 1)))
    assert doc.done[-1] == upto
    check_doc(doc, upto)


@SETTINGS
@given(st.one_of(REPORT_TEXT, RAW_TEXT))
def test_sentence_splitter_alone(text):
    from eventledger.stages.segment import split_sentences

    stored = normalize_text(text)
    spans = split_sentences(stored, 0, len(stored))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(stored), (start, end)
        previous_end = end


@SETTINGS
@given(st.one_of(REPORT_TEXT, RAW_TEXT))
def test_date_extractor_alone(text):
    from eventledger.stages.dates_extract import extract

    view = make_view(normalize_text(text))
    for atom in extract(view):
        assert 0 <= atom.start <= atom.end <= len(view), atom


# --- through the store: what is saved is what `eventledger check` accepts -------------------

@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    from eventledger.store import open_store

    store = open_store(tmp_path_factory.mktemp("prop-store") / "prop.db")
    yield store
    store.close()


_SAVED = iter(range(10**9))


@settings(SETTINGS, max_examples=_examples(60))
@given(text=st.one_of(REPORT_TEXT, RAW_TEXT), published=PUBLISHED)
def test_store_round_trip_keeps_text_and_spans(sqlite_store, text, published):
    """Astral characters, combining marks and RTL marks survive SQLite with the same offsets:
    the stored text is the report's text and ``check`` finds every span inside it."""
    report = _report(text, published, publisher="Example News")
    doc_id = f"prop-{next(_SAVED)}"
    report = Report(doc_id, report.text, report.content_hash, published=published, publisher="Example News")
    doc = _pipeline().run(report)
    sqlite_store.save_docs([doc])
    stored = sqlite_store.get_document(doc_id)
    assert stored is not None and stored["text"] == report.text
    assert sqlite_store.document_hash(doc_id) == report.content_hash
    assert sqlite_store.check() == []
