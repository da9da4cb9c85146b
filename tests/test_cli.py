"""The command line end to end, on small reports written here."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from eventledger.cli import cli

REPORT_A = """---
id: a1
publisher: Example Monitor
published: 2024-05-03
title: Teachers rally in two cities
---
Iran, May 3, 2024—Teachers gathered on Thursday, May 2, in front of the education offices in
Tabriz and Shiraz to demand unpaid wages. "Our pay is our right," they chanted.

According to the teachers' council, at least 40 teachers were summoned in Tabriz last month.
"""

REPORT_B = """TEHRAN, May 10, 2024 (Example Agency) - Shopkeepers in the bazaar of Isfahan closed their
shops on Wednesday, May 8, in protest at new taxes, witnesses said.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a1.md").write_text(REPORT_A, encoding="utf-8")
    (folder / "bazaar.txt").write_text(REPORT_B, encoding="utf-8")
    return folder


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def test_ingest_summary_export_and_reingest(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    r = run("ingest", str(corpus), "--db", db, "--no-progress")
    assert r.exit_code == 0, r.output
    assert "new: 2" in r.output
    r = run("ingest", str(corpus), "--db", db, "--no-progress")
    assert "new: 0, updated: 0, unchanged: 2" in r.output
    r = run("summary", "--db", db)
    assert "documents: 2" in r.output and "protest" in r.output

    out = tmp_path / "e.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(out)).exit_code == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    places = {e["location"]["canonical"] for e in events}
    assert {"Tabriz", "Shiraz", "Isfahan"} <= places
    for e in events:
        assert e["provenance"] and all(p["doc"] in ("a1", "bazaar") for p in e["provenance"])
        assert e["date_start"] and e["date_start"][:7] in ("2024-04", "2024-05")  # "last month" = April

    r = run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert rows and {"event_date", "event_type", "sub_event_type", "latitude", "longitude"} <= set(rows[0])

    r = run("export", "--db", db, "--format", "geojson")
    fc = json.loads(r.output)
    assert fc["type"] == "FeatureCollection" and fc["features"][0]["geometry"]["type"] == "Point"


def test_stdin_jsonl_gives_the_same_events_as_files(corpus, tmp_path):
    from eventledger.ingest import read_file
    from eventledger.config import Options

    db1, db2 = str(tmp_path / "files.db"), str(tmp_path / "stdin.db")
    run("ingest", str(corpus), "--db", db1, "--no-progress")
    lines = []
    for path in sorted(corpus.iterdir()):
        for rep in read_file(path, Options()):
            lines.append(json.dumps({"id": rep.id, "text": rep.text, "publisher": rep.publisher,
                                     "published": rep.published.isoformat() if rep.published else None}))
    r = run("ingest", "-", "--db", db2, "--no-progress", input="\n".join(lines) + "\n")
    assert r.exit_code == 0 and "new: 2" in r.output

    def events(db):
        out = run("export", "--db", db, "--format", "jsonl").output
        return sorted((e["id"], e["sub_event_type"], e["date_start"], e["location"]["canonical"])
                      for e in map(json.loads, out.splitlines()))

    assert events(db1) == events(db2)


def test_eval_prints_the_four_scores(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db, "--no-progress")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "bazaar", "location": "Isfahan", "surface": "Isfahan",
                                "event_type": "protest", "sub_event_type": "strike",
                                "date_start": "2024-05-08", "date_end": "2024-05-08"}) + "\n")
    r = run("eval", "--gold", str(gold), "--db", db)
    assert r.exit_code == 0
    for label in ("locations", "events (type)", "events (sub-type)", "dates exact"):
        assert label in r.output
    r = run("eval", "--gold", str(gold), "--db", db, "--json")
    assert json.loads(r.output)["events_type"]["recall"] == 1.0


def test_places_explains_a_name():
    r = run("places", "Hamedan")
    assert r.exit_code == 0 and "Hamadan" in r.output


@pytest.mark.parametrize("blank", ["", "   ", "--"])
def test_places_refuses_a_name_without_letters(blank):
    # a blank name has an empty match key: it must be refused, not explained as some entry
    r = run("places", "--", blank)
    assert r.exit_code == 2 and "letters" in r.output and "Traceback" not in r.output


def test_claims_lists_numbers(corpus, tmp_path):
    db = str(tmp_path / "t.db")
    run("ingest", str(corpus), "--db", db, "--no-progress")
    r = run("claims", "--db", db)
    assert r.exit_code == 0 and "40" in r.output


def test_clear_errors_without_traceback(tmp_path):
    from eventledger.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db")])
    assert exc.value.code == 1
    with pytest.raises(SystemExit) as exc:
        main(["summary", "--db", str(tmp_path / "nope.db")])
    assert exc.value.code == 1
    (tmp_path / "notadb.db").write_text("hello, not a database\n" * 100)
    with pytest.raises(SystemExit) as exc:
        main(["summary", "--db", str(tmp_path / "notadb.db")])
    assert exc.value.code == 1
