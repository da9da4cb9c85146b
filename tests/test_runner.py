import hashlib

import pytest

from eventledger.ingest.runner import IngestSummary, infer_metadata
from eventledger.models import Report


def rep(text, publisher=None):
    return Report("r", text, hashlib.sha256(text.encode()).hexdigest(), publisher=publisher)


def test_publisher_from_reporting_by_line():
    assert infer_metadata(rep("Title\n\nReporting by Example Watch\n\nBody.")).publisher == "Example Watch"


def test_publisher_from_wire_dateline():
    r = infer_metadata(rep("KHASH, Iran, Oct 15 (Zagros Wire) - Security forces fired on a crowd."))
    assert r.publisher == "Zagros Wire"
    r = infer_metadata(rep("TEHRAN, May 10, 2024 (Example Agency) \u2014 Shops closed."))
    assert r.publisher == "Example Agency"


def test_given_publisher_wins_and_body_mentions_do_not_count():
    assert infer_metadata(rep("Reporting by X\n", publisher="Given")).publisher == "Given"
    assert infer_metadata(rep("He said (Reuters) that the shops closed.")).publisher is None


@pytest.mark.parametrize("text, publisher", [
    ("Example Prisoners' Rights Monitor\n\nWeekly report: arrests, 1–7 May\n\nBody.", "Example Prisoners' Rights Monitor"),
    ("Lorestan Labour Observatory – monthly digest, June 2025\nBody.", "Lorestan Labour Observatory"),
    ("Sample Official News (SON)\n\nGovernor: calm restored", "Sample Official News (SON)"),
    ("728 x 90\n\nReuters\n\nShops closed in Tabriz.", "Reuters"),  # a known publisher needs no organisation word
    ("Free Union of Iranian Workers\n\nLabour news digest\n\nBody.", "Free Union of Iranian Workers"),  # a known union
])
def test_publisher_from_masthead(text, publisher):
    assert infer_metadata(rep(text)).publisher == publisher


@pytest.mark.parametrize("text", [
    "Teachers Union Calls Strike\n\nBody.",                     # ends in a verb-led phrase, not an organisation word
    "Iran: Human Rights Watch warns\n\nBody.",                  # a colon and a lower-case verb: a headline
    "Resistance Units – Tehran, May 3, 2025\n\nBody.",          # a name, but not of an organisation the table knows
    "One\nTwo\nThree\nFour\nExample Rights Watch\n",          # past the masthead lines
    "Security forces detained 40 people in Ahvaz, the Example Rights Network said.\n",
])
def test_no_masthead_publisher(text):
    assert infer_metadata(rep(text)).publisher is None


def test_summary_lines_list_every_skip():
    s = IngestSummary(new=1, skipped=[("a.pdf", "binary file (PDF)")], failed=[("d", "stage 'x' failed")])
    lines = s.lines()
    assert lines[0].startswith("new: 1") and "skipped a.pdf: binary file (PDF)" in lines
    assert "failed d: stage 'x' failed" in lines


@pytest.mark.parametrize("text, publisher", [
    ("Example Labour Bulletin\n\nWeekly digest\n\nBody.", "Example Labour Bulletin"),
    ("Example Iran Daily - Live\n\nLIVE: protests\n\nBody.", "Example Iran Daily"),
])
def test_a_bulletin_or_a_daily_masthead_names_the_publisher(text, publisher):
    # a newsletter's or news site's own name heads the page like a monitor's
    assert infer_metadata(rep(text)).publisher == publisher


FRENCH = ("Le 5 janvier, des centaines de manifestants se sont rassemblés devant le siège du gouvernement "
          "pour protester contre la hausse des prix. La police a dispersé la foule avec des gaz lacrymogènes "
          "et arrêté une vingtaine de personnes, selon des témoins. Les protestations se sont poursuivies le soir.")


@pytest.mark.parametrize("text,unread", [
    ("تهران - روز دوشنبه معترضان در میدان آزادی تجمع کردند و شعار دادند.", True),
    (FRENCH, True),
    ("Protesters gathered in Riverton on Monday and chanted slogans, witnesses said.", False),
    # English with a Persian caption and slogan stays readable
    ("Riverton – ۲۲ بهمن – Posters on a wall\n\nPosters reading \"مرگ بر دیکتاتور\" were put up "
     "in Riverton on Monday, and the units said more would follow in the coming days.", False),
])
def test_reports_the_rules_cannot_read_are_named(text, unread):
    from eventledger.ingest.language import unreadable_language

    assert (unreadable_language(text) is not None) is unread


def test_ingest_stores_an_unreadable_report_and_says_no_events_were_read(tmp_path):
    from eventledger.config import Options
    from eventledger.ingest.runner import ingest
    from eventledger.store import open_store

    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en.txt").write_text("Protesters gathered in Riverton on Monday, May 6, 2024, witnesses said.\n",
                                     encoding="utf-8")
    store = open_store(str(tmp_path / "t.db"))
    summary = ingest([str(tmp_path)], store, Options(), progress=False)
    assert summary.new == 2 and [doc for doc, _ in summary.unread] == ["fr"]
    assert any(line.startswith("no events read from fr: ") for line in summary.lines())
    assert store.document_hash("fr") is not None  # stored all the same
