"""Quality gate: the whole pipeline over the dev corpus, scored against its gold files.

Fails when a score drops below the floor pinned in ``tests/eval_baseline.json``. Floors
only go up: when the scores rise, raise the floors to them (the test prints the scores).
The documents are ingested exactly as a user would: the folder of plain-text files, with
no metadata beside the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger import evaluate
from eventledger.config import Options
from eventledger.ingest.runner import ingest
from eventledger.store import open_store

BASELINE = Path(__file__).with_name("eval_baseline.json")


@pytest.fixture(scope="module")
def dev_scores(dev_corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("gate") / "dev.db"
    store = open_store(str(db))
    summary = ingest([str(dev_corpus / "docs")], store, Options(), progress=False)
    assert summary.new == 5 and not summary.skipped and not summary.failed
    report = evaluate.score(evaluate.read_jsonl(dev_corpus / "gold.jsonl"), list(store.iter_events()))
    report["claims"] = evaluate.score_claims(evaluate.read_jsonl(dev_corpus / "claims.jsonl"),
                                             list(store.iter_claims()))
    print("\n" + evaluate.format_report(report))
    return report


def _current(report: dict) -> dict[str, float]:
    return {
        "locations_f1": report["locations"]["f1"],
        "events_type_f1": report["events_type"]["f1"],
        "events_subtype_f1": report["events_subtype"]["f1"],
        "dates_exact": report["dates_exact"]["share"],
        "claims_numeric": report["claims"]["share"],
    }


def test_scores_at_or_above_pinned_floors(dev_scores):
    floors = json.loads(BASELINE.read_text())["floors"]
    current = _current(dev_scores)
    below = {k: (current[k], f) for k, f in floors.items() if current[k] + 1e-9 < f}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_every_document_yields_events(dev_scores):
    per_doc = dev_scores["per_document"]
    assert all(per_doc[d]["events_subtype"]["pred"] > 0 for d in per_doc), per_doc


def test_baseline_file_is_well_formed():
    data = json.loads(BASELINE.read_text())
    assert set(data["floors"]) == {"locations_f1", "events_type_f1", "events_subtype_f1", "dates_exact",
                                   "claims_numeric"}
    assert all(0.0 <= v <= 1.0 for v in data["floors"].values())
