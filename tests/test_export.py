"""Every export format, written from a store and parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json

import pyarrow.parquet as pq
import pytest

from eventledger.doc import Doc
from eventledger.errors import ExportError
from eventledger.export import FORMATS, export, write_csv, write_events, write_geojson, write_jsonl
from eventledger.export.csv import ACLED_COLUMNS, CSV_COLUMNS, time_precision
from eventledger.models import Count, DateRange, Event, Evidence, Location, Report, Span
from eventledger.store import MemoryStore, open_store

TEXT = ("Tabriz, May 2. Bazaar merchants closed their shops for a second day, witnesses said, "
        "and a crowd gathered near the governor's office. Two people were killed, a rights group said. "
        "Banners reading \"Bread, work, freedom\" were hung on a bridge; one said \"No, we won't pay\".")


def _doc(doc_id: str = "tab1") -> Doc:
    loc = Location("Tabriz", "Tabriz", "East Azerbaijan", "IR", 38.08, 46.29, 1)
    nowhere = Location("a village", None, None, "IR", None, None, 2)

    def ev(local, etype, sub, start, end, precision, location=loc, **kw):
        return Event(id=local, doc_id=doc_id, event_type=etype, sub_event_type=sub, location=location,
                     date=DateRange(start, end, precision), evidence=(Evidence(doc_id, Span(15, 80)),), **kw)

    d1 = dt.date(2024, 5, 1)
    report = Report(id=doc_id, text=TEXT, content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
                    publisher="City Wire")
    events = [
        ev("e1", "protest", "strike", d1 - dt.timedelta(days=1), d1, "range", tactics=("strike",),
           actor1="merchants", notes=("day two; per witnesses",)),
        ev("e2", "repression", "killing", d1, d1, "day", count=Count("killed", 2, "exact"),
           attributed_to="a rights group"),
        ev("e3", "protest", "symbolic_action", d1, d1, "day", tactics=("banner",),
           slogans=("Bread, work, freedom", 'No, we won\'t pay'), count=Count("participants", None, None, "a crowd")),
        ev("e4", "protest", "demonstration", dt.date(2024, 4, 1), dt.date(2024, 4, 30), "month", location=nowhere),
    ]
    return Doc(report=report, events=events)


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = open_store(tmp_path / "x.db") if request.param == "sqlite" else MemoryStore(publishers={})
    s.save_docs([_doc()])
    yield s
    s.close()


def test_jsonl(store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export(store, "jsonl", out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(store.iter_events())
    assert all(line.startswith("{\"id\":") for line in lines)


def test_csv(store, tmp_path):
    out = tmp_path / "e.csv"
    export(store, "csv", out)
    with out.open(newline="", encoding="utf-8") as fp:
        reader = csv.DictReader(fp)
        assert tuple(reader.fieldnames[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = {r["event_id"]: r for r in reader}
    by_sub = {r["sub_event_type"]: r for r in rows.values()}
    killing, strike, symbolic = by_sub["killing"], by_sub["strike"], by_sub["symbolic_action"]
    assert (killing["fatalities"], killing["time_precision"], killing["event_date"]) == ("2", "1", "2024-05-01")
    assert (strike["fatalities"], strike["time_precision"], strike["tactics"]) == ("0", "2", "strike")
    assert strike["notes"] == "day two; per witnesses"
    assert json.loads(symbolic["slogans"]) == ["Bread, work, freedom", "No, we won't pay"]
    assert json.loads(symbolic["provenance"])[0] == {"doc": "tab1", "start": 15, "end": 80, "role": "sentence"}
    assert symbolic["count_qualifier_text"] == "a crowd" and symbolic["count_value"] == ""
    assert (killing["latitude"], killing["longitude"], killing["location"]) == ("38.08", "46.29", "Tabriz")
    assert by_sub["demonstration"]["time_precision"] == "3" and by_sub["demonstration"]["latitude"] == ""


def test_geojson(store, tmp_path):
    out = tmp_path / "e.geojson"
    assert export(store, "geojson", out) == 3  # the unlocated event is left out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    f = data["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [46.29, 38.08]}
    assert f["properties"]["location"]["canonical"] == "Tabriz" and f["properties"]["id"] == f["id"]


def test_parquet(store, tmp_path):
    out = tmp_path / "e.parquet"
    assert export(store, "parquet", out) == 4
    table = pq.read_table(out)
    assert table.num_rows == 4
    rows = table.to_pylist()
    expected = list(store.iter_events())
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    killing = next(r for r in rows if r["sub_event_type"] == "killing")
    assert killing["count"] == {"kind": "killed", "value": 2, "qualifier": "exact", "qualifier_text": None}
    assert killing["date_start"] == dt.date(2024, 5, 1) and killing["location"]["lat"] == 38.08
    assert killing["provenance"] == [{"doc": "tab1", "start": 15, "end": 80, "role": "sentence"}]


def test_empty_parquet_has_the_schema(tmp_path):
    out = tmp_path / "empty.parquet"
    assert write_events([], "parquet", str(out)) == 0
    assert "provenance" in pq.read_table(out).column_names


def test_writers_take_any_iterable_of_event_dicts():
    events = list(MemoryStore(publishers={}).iter_events())
    buf = io.StringIO()
    assert write_jsonl(events, buf) == 0 and buf.getvalue() == ""
    buf = io.StringIO()
    write_geojson(iter([]), buf)
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}
    buf = io.StringIO()
    write_csv([], buf)
    assert buf.getvalue().strip().split(",")[0] == "event_date"


def test_stdout_export(store, capsys):
    export(store, "jsonl", "-")
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_errors(store, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(ExportError):
        export(store, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(ExportError):
        export(store, "csv", tmp_path)
    assert not list(tmp_path.glob(".*.tmp"))
    assert set(FORMATS) == {"jsonl", "csv", "geojson", "parquet"}


def test_time_precision_follows_acled():
    assert time_precision({"date_precision": "day"}) == 1
    assert time_precision({"date_precision": "range", "date_start": "2024-01-01", "date_end": "2024-01-05"}) == 2
    assert time_precision({"date_precision": "range", "date_start": "2024-01-01", "date_end": "2024-02-05"}) == 3
    assert time_precision({"date_precision": "month", "date_start": "2024-01-01", "date_end": "2024-01-31"}) == 3
    assert time_precision({"date_precision": "unresolved"}) is None


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    from eventledger.export.csv import _cell

    assert _cell('=HYPERLINK("http://x","y")') == "'=HYPERLINK(\"http://x\",\"y\")"
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("+1+2") == "'+1+2"
    assert _cell("-3.5") == "-3.5" and _cell(-3) == -3 and _cell("Tabriz") == "Tabriz" and _cell(None) == ""
