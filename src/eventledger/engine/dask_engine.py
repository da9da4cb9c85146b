"""The Dask engine: the same stage code on a ``dask.distributed`` cluster.

Work unit: a partition of ``partition_size`` reports. The client pulls partitions from
the input iterator (streaming: at most ``2 × worker threads`` partitions are in flight),
scatters each straight to a worker, and submits one task per partition. The task runs the
pipeline (built once per worker process and cached) and writes its results as one Parquet
file ``part-NNNNNN.parquet`` in ``workdir`` (one row per document: input position, id,
failure reason, the serialized record of :mod:`eventledger.serialize`); it returns only a
few counters, so results never travel through the scheduler. The client loads finished
partitions into the store in partition order (deterministic ids and order whatever the
completion order), ``options.batch_size`` documents per transaction.

On a multi-machine cluster ``workdir`` must be a filesystem that the workers and the
client share (NFS, a cluster scratch directory); see docs/scaling.md.

Failed documents (a stage raised) are not saved; they are listed in
:attr:`DaskStats.failed` so the caller can report them and a re-run retries them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import ConfigError, EventLedgerError
from ..models import Report
from ..pipeline import Pipeline
from . import PipelineFactory, build_pipeline, failure_of, run_safely

__all__ = ["DaskStats", "process_dask", "iter_partition_docs"]


@dataclass(frozen=True)
class DaskStats:
    documents: int  # processed and saved
    events: int
    claims: int
    partitions: int
    failed: tuple[tuple[str, str], ...]  # (doc id, reason): not saved
    seconds: float
    workers: int  # worker threads in the cluster
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, all workers
    workdir: str | None = None  # where the Parquet partitions are (None: removed)
    #: ids of the saved documents, in order; empty when ``on_saved`` received them instead
    doc_ids: tuple[str, ...] = ()


# -- worker side ----------------------------------------------------------------------
_pipelines: dict[str, Pipeline] = {}


def _worker_pipeline(token: str, factory: PipelineFactory, options: Options, upto: str | None) -> Pipeline:
    """Build the pipeline once per worker process (gazetteer and lexicons load once)."""
    pipeline = _pipelines.get(token)
    if pipeline is None:
        if len(_pipelines) > 4:  # a long-lived worker serving many runs: keep a few
            _pipelines.clear()
        pipeline = _pipelines[token] = factory(options, upto)
    return pipeline


def _process_partition(
    index: int,
    reports: list[Report],
    token: str,
    factory: PipelineFactory,
    options: Options,
    upto: str | None,
    workdir: str,
) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..serialize import dumps_record

    pipeline = _worker_pipeline(token, factory, options, upto)
    before = dict(pipeline.timings)
    seqs, ids, errors, records = [], [], [], []
    events = claims = 0
    for seq, report in enumerate(reports):
        doc = run_safely(pipeline, report)
        seqs.append(seq)
        ids.append(report.id)
        errors.append(failure_of(doc))
        records.append(dumps_record(doc))
        events += len(doc.events)
        claims += len(doc.claims)
    table = pa.table(
        {"seq": pa.array(seqs, pa.int32()), "doc_id": pa.array(ids, pa.string()),
         "error": pa.array(errors, pa.string()), "record": pa.array(records, pa.large_string())}
    )
    path = Path(workdir) / f"part-{index:06d}.parquet"
    tmp = path.with_suffix(".parquet.tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)  # a partition file is either complete or absent
    spent = {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}
    return {"index": index, "path": str(path), "documents": len(reports), "events": events,
            "claims": claims, "timings": spent}


# -- client side ----------------------------------------------------------------------
def iter_partition_docs(path: str | Path) -> Iterator[tuple[str, str | None, Any]]:
    """(doc id, failure reason, Doc) for each row of a partition file, in input order."""
    import pyarrow.parquet as pq

    from ..serialize import loads_record

    table = pq.read_table(path).sort_by("seq")
    for batch in table.to_batches(max_chunksize=500):
        cols = batch.to_pydict()
        for doc_id, error, record in zip(cols["doc_id"], cols["error"], cols["record"]):
            yield doc_id, error, loads_record(record)


def _partitions(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    it = iter(reports)
    while part := list(islice(it, size)):
        yield part


def _connect(scheduler: str | None, n_workers: int):
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a declared dependency
        raise ConfigError("the Dask engine needs dask[distributed]: pip install 'dask[distributed]'") from None
    if scheduler is None:
        import dask

        # the workers' statistical profiler samples every thread's stack 100 times a
        # second: measurable overhead on pure-Python stages, and nobody reads it here
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def process_dask(
    reports: Iterable[Report],
    options: Options,
    store: Any,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    partition_size: int = 200,
    workdir: Path | None = None,
    upto: str | None = None,
    pipeline_factory: PipelineFactory = build_pipeline,
    progress: Callable[[int], None] | None = None,
    on_saved: Callable[[list[str]], None] | None = None,
) -> DaskStats:
    """Process ``reports`` on a Dask cluster and load the results into ``store``.

    ``scheduler=None`` starts a ``LocalCluster`` of ``n_workers`` single-threaded worker
    processes; otherwise it is the address of any running ``dask.distributed`` scheduler
    (``tcp://host:8786``), and ``n_workers`` is ignored. ``store`` needs only
    ``save_docs(docs)``; pass ``None`` to process without saving (benchmarks).
    ``progress(n)`` is called with the number of documents each time a partition is loaded.
    ``on_saved(ids)`` receives the ids of each batch passed to ``save_docs``; without it the
    ids are collected in :attr:`DaskStats.doc_ids` (memory grows with the corpus then).
    ``workdir`` keeps the Parquet partitions; without it a temporary folder is used and
    removed at the end.
    """
    if partition_size < 1:
        raise ConfigError("partition size must be at least 1")
    from dask.base import tokenize
    from distributed import as_completed

    t0 = time.perf_counter()
    # a bad pipeline (unknown --stage, missing stage) fails here with its own message
    pipeline_factory(options, upto)
    token = tokenize(pipeline_factory, json.dumps(repr(options)), upto)
    own_workdir = workdir is None
    if not own_workdir:
        try:
            Path(workdir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot use work directory {workdir}: {exc}") from None
    client, cluster = _connect(scheduler, n_workers)
    work = Path(tempfile.mkdtemp(prefix="eventledger-dask-")) if own_workdir else Path(workdir)
    totals = {"documents": 0, "events": 0, "claims": 0, "partitions": 0}
    timings: dict[str, float] = {}
    failures: list[tuple[str, str]] = []
    saved_ids: list[str] = []
    on_saved = on_saved or saved_ids.extend
    try:
        threads = max(1, sum(client.nthreads().values()))
        max_in_flight = 2 * threads
        done: dict[int, dict[str, Any]] = {}  # finished partitions waiting for their turn
        next_to_load = 0
        parts = enumerate(_partitions(reports, partition_size))
        running = as_completed()
        in_flight = 0

        def submit() -> bool:
            item = next(parts, None)
            if item is None:
                return False
            index, batch = item
            # scatter sends the reports to a worker directly, not through the scheduler
            [data] = client.scatter([batch], hash=False)
            running.add(client.submit(_process_partition, index, data, token, pipeline_factory,
                                      options, upto, str(work), pure=False, key=f"eventledger-part-{index}"))
            return True

        while in_flight < max_in_flight and submit():
            in_flight += 1
        for future in running:
            try:
                result = future.result()
            except EventLedgerError:
                raise
            except Exception as exc:  # a worker lost, a disk full: the run cannot be completed
                raise EventLedgerError(f"Dask task {future.key} failed: {exc}") from exc
            finally:
                future.release()
            in_flight -= 1
            done[result["index"]] = result
            while next_to_load in done:  # load in partition order
                part = done.pop(next_to_load)
                _load_partition(part, store, options.batch_size, failures, on_saved)
                for key in ("documents", "events", "claims"):
                    totals[key] += part[key]
                totals["partitions"] += 1
                for k, v in part["timings"].items():
                    timings[k] = timings.get(k, 0.0) + v
                if own_workdir:
                    Path(part["path"]).unlink(missing_ok=True)
                if progress is not None:
                    progress(part["documents"])
                next_to_load += 1
            while in_flight < max_in_flight and submit():
                in_flight += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_workdir:
            shutil.rmtree(work, ignore_errors=True)
    return DaskStats(
        documents=totals["documents"] - len(failures),
        events=totals["events"],
        claims=totals["claims"],
        partitions=totals["partitions"],
        failed=tuple(failures),
        seconds=time.perf_counter() - t0,
        workers=threads,
        timings=timings,
        workdir=None if own_workdir else str(work),
        doc_ids=tuple(saved_ids),
    )


def _load_partition(part: dict[str, Any], store: Any, batch_size: int, failures: list,
                    on_saved: Callable[[list[str]], None]) -> None:
    if store is None:  # benchmark without a store: only the failures matter
        import pyarrow.parquet as pq

        cols = pq.read_table(part["path"], columns=["doc_id", "error"]).to_pydict()
        failures.extend((i, e) for i, e in zip(cols["doc_id"], cols["error"]) if e)
        return

    def save(batch: list) -> None:
        store.save_docs(batch)
        on_saved([d.id for d in batch])

    batch = []
    for doc_id, error, doc in iter_partition_docs(part["path"]):
        if error:
            failures.append((doc_id, error))
            continue
        batch.append(doc)
        if len(batch) >= batch_size:
            save(batch)
            batch = []
    if batch:
        save(batch)
