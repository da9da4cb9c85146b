"""`eventledger bench` smoke tests: sane numbers, no timing assertions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eventledger.bench import format_bench, run_bench
from eventledger.errors import ConfigError, PipelineError
from eventledger.synth import write_corpus

sys.path.insert(0, str(Path(__file__).parent))
from test_engine import toy_pipeline  # noqa: E402


def _sane(result: dict, docs: int) -> None:
    assert result["documents"] == docs
    assert result["docs_per_second"] > 0 and result["docs_per_second_per_core"] > 0
    assert result["docs_per_cpu_second"] > 0 and result["cpu_seconds"] > 0
    assert result["peak_rss_mb"] > 10
    assert 2000 <= result["avg_doc_bytes"] <= 5000
    assert all(v >= 0 for v in result["stage_seconds"].values())
    json.dumps(result)  # --json must work


def test_bench_toy_pipeline_with_store():
    result = run_bench(docs=30, pipeline_factory=toy_pipeline)
    _sane(result, 30)
    assert result["stages"] == ["segment", "assemble"]
    assert result["events"] > 0 and result["events_per_second"] > 0
    assert result["store"] == "sqlite (temporary file)" and result["store_seconds"] >= 0
    text = format_bench(result)
    assert "docs/s" in text and "stage assemble" in text and "peak RSS" in text


def test_bench_stage_only_skips_store():
    result = run_bench(docs=12, stage="segment", pipeline_factory=toy_pipeline, seed=4)
    _sane(result, 12)
    assert result["stages"] == ["segment"] and result["store"] is None and result["events"] == 0


def test_bench_corpus_folder(tmp_path):
    write_corpus(tmp_path / "c", 7, seed=2)
    result = run_bench(corpus=tmp_path / "c", store=False, pipeline_factory=toy_pipeline)
    _sane(result, 7)
    limited = run_bench(docs=3, corpus=tmp_path / "c", store=False, pipeline_factory=toy_pipeline)
    assert limited["documents"] == 3


def test_bench_two_workers():
    result = run_bench(docs=40, workers=2, store=False, pipeline_factory=toy_pipeline)
    _sane(result, 40)
    assert result["cores"] == 2 and result["input_excluded"] is False
    assert set(result["stage_seconds"]) == {"segment", "assemble"}
    # the pool's workers are not this process's children (forkserver): their CPU and
    # memory must still be counted
    assert result["worker_cpu_seconds"] > 0 and result["peak_rss_workers_mb"] > 10
    assert result["cpu_seconds"] > result["worker_cpu_seconds"]


def test_bench_rejects_bad_arguments():
    with pytest.raises(ConfigError):
        run_bench(docs=5, engine="spark", pipeline_factory=toy_pipeline)
    with pytest.raises(ConfigError):
        run_bench(docs=0, pipeline_factory=toy_pipeline)


def test_bench_default_pipeline():
    """The shipped pipeline, when all its stages exist."""
    try:
        result = run_bench(docs=30)
    except (ImportError, PipelineError) as exc:
        pytest.skip(f"shipped pipeline not complete yet: {exc}")
    _sane(result, 30)
    assert result["stages"][-1] == "assemble"


def test_bench_reports_failures(monkeypatch):
    import test_engine

    original = test_engine.ToySentences.__call__

    def explode_on_third(self, doc, options):
        if doc.id.endswith("0000002"):
            raise RuntimeError("boom")
        original(self, doc, options)

    monkeypatch.setattr(test_engine.ToySentences, "__call__", explode_on_third)
    result = run_bench(docs=5, store=False, pipeline_factory=toy_pipeline)
    assert result["documents"] == 5 and result["failed"] == 1
    assert "boom" in result["first_failure"] and "WARNING" in format_bench(result)
