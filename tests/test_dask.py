"""The Dask engine on a LocalCluster (2 worker processes) gives the local engine's events."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import cloudpickle  # noqa: E402  (comes with distributed)

from eventledger.config import Options  # noqa: E402
from eventledger.engine.dask_engine import iter_partition_docs, process_dask  # noqa: E402
from eventledger.engine.local import process  # noqa: E402
from eventledger.synth import iter_reports, synth_report  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import test_engine  # noqa: E402  (the toy pipeline)

# the worker processes cannot import this test folder: ship the toy stages by value
cloudpickle.register_pickle_by_value(test_engine)


class ListStore:
    """The part of the Store API the engine uses."""

    def __init__(self) -> None:
        self.batches: list[list] = []

    def save_docs(self, docs) -> None:
        self.batches.append(list(docs))

    @property
    def docs(self):
        return [d for b in self.batches for d in b]


def _failing_corpus():
    for i, report in enumerate(iter_reports(45, seed=9)):
        if i == 17:
            report = test_engine._report("broken", "EXPLODE")
        yield report


def test_dask_events_identical_to_local_engine(tmp_path):
    options = Options(batch_size=10)
    store = ListStore()
    stats = process_dask(_failing_corpus(), options, store, n_workers=2, partition_size=8,
                         workdir=tmp_path, pipeline_factory=test_engine.toy_pipeline)
    local = [d for d in process(_failing_corpus(), options, pipeline_factory=test_engine.toy_pipeline)]
    saved = store.docs
    expected = [d for d in local if "error" not in d.extras]
    # same documents, same order, same events, claims and places
    assert [d.id for d in saved] == [d.id for d in expected]
    assert [d.events for d in saved] == [d.events for d in expected]
    assert [d.claims for d in saved] == [d.claims for d in expected]
    assert [d.places for d in saved] == [d.places for d in expected]
    assert [d.report for d in saved] == [d.report for d in expected]
    assert stats.events == sum(len(d.events) for d in local) > 0
    assert stats.documents == 44 and stats.partitions == 6
    assert [doc_id for doc_id, _ in stats.failed] == ["broken"]
    assert "cannot handle" in stats.failed[0][1]
    assert all(len(b) <= 10 for b in store.batches)  # batch_size respected
    # the partitions stay in the given workdir and can be read back
    files = sorted(tmp_path.glob("part-*.parquet"))
    assert len(files) == 6
    first = [doc_id for doc_id, _, _ in iter_partition_docs(files[0])]
    assert first == [synth_report(i, seed=9).id for i in range(8)]
    assert set(stats.timings) == {"segment", "assemble"}
    assert list(stats.doc_ids) == [d.id for d in expected]


def test_dask_into_sqlite_exports_same_events_as_local(tmp_path):
    from eventledger.store import open_store

    options = Options(batch_size=7)
    local_store = open_store(tmp_path / "local.sqlite")
    batch = []
    for doc in process(iter_reports(30, seed=4), options, pipeline_factory=test_engine.toy_pipeline):
        batch.append(doc)
        if len(batch) == options.batch_size:
            local_store.save_docs(batch)
            batch = []
    local_store.save_docs(batch)
    dask_store = open_store(tmp_path / "dask.sqlite")
    stats = process_dask(iter_reports(30, seed=4), options, dask_store, n_workers=2, partition_size=9,
                         pipeline_factory=test_engine.toy_pipeline)
    try:
        exported_local = list(local_store.iter_events())
        exported_dask = list(dask_store.iter_events())
        assert exported_local and exported_dask == exported_local
        assert stats.workdir is None  # the temporary partitions are removed
    finally:
        local_store.close()
        dask_store.close()


def test_dask_shipped_pipeline_matches_local():
    """The same check with the real stages (skipped until they all exist)."""
    from eventledger.errors import PipelineError
    from eventledger.pipeline import default_pipeline

    try:
        default_pipeline(Options())
    except (ImportError, PipelineError) as exc:
        pytest.skip(f"shipped pipeline not complete yet: {exc}")
    store = ListStore()
    process_dask(iter_reports(12, seed=21), Options(), store, n_workers=2, partition_size=4)
    local = list(process(iter_reports(12, seed=21), Options()))
    assert [d.events for d in store.docs] == [d.events for d in local]
    assert [d.claims for d in store.docs] == [d.claims for d in local]
    assert sum(len(d.events) for d in local) > 0


def test_dask_empty_input_and_no_store():
    stats = process_dask(iter(()), Options(), None, n_workers=1, pipeline_factory=test_engine.toy_pipeline)
    assert (stats.documents, stats.events, stats.partitions, stats.failed) == (0, 0, 0, ())
    stats = process_dask(iter_reports(5, seed=1), Options(), None, n_workers=1, partition_size=2,
                         pipeline_factory=test_engine.toy_pipeline)
    assert stats.documents == 5 and stats.partitions == 3 and stats.doc_ids == ()
