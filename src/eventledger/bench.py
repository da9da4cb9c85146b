"""``eventledger bench``: throughput, time per stage and peak memory of pipeline + store.

The corpus is the seeded synthetic one of :mod:`eventledger.synth` (generated lazily, one
document at a time) or a folder/file read by the ingest readers. The documents stream
through the chosen engine into a store (a temporary SQLite file unless ``db`` is given),
``batch_size`` documents per transaction, as ``eventledger ingest`` does; nothing keeps
more than a batch of documents, so peak memory measures the program, not the corpus.

Measuring flat memory: run ``eventledger bench --docs 10000 --no-store`` and
``--docs 100000 --no-store`` in two fresh processes and compare ``peak_rss_mb``
(``resource.getrusage`` high-water mark of this process; the pool's worker processes are
reported separately as ``peak_rss_workers_mb``).
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .config import Options
from .engine import PipelineFactory, build_pipeline, failure_of
from .errors import ConfigError
from .models import Report

__all__ = ["run_bench", "format_bench", "DEFAULT_DOCS"]

DEFAULT_DOCS = 1000


def _rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:  # pragma: no cover - psutil comes with distributed
        return 0.0


def _cpu_seconds(who: int) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _maxrss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 2**20 if sys.platform == "darwin" else kb / 1024  # bytes on macOS, KiB on Linux


class _ProcessTree:
    """CPU seconds and peak RSS of this process's descendants, sampled while they run.

    ``RUSAGE_CHILDREN`` counts only children that this process has waited for, and the
    local pool's workers are children of the ``forkserver`` process, not of this one: with
    ``--workers N`` it saw none of their work (the CPU rate came out about twice too high,
    the workers' peak memory as 0). So the process tree is read with psutil at most every
    ``interval`` seconds while documents arrive; the work a worker does after the last
    reading is missed, which is why the caller keeps the larger of both counts."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self._baseline: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self.peak_rss_mb = 0.0
        self._next = 0.0
        try:
            import psutil

            self._me: Any = psutil.Process()
            self._error: Any = psutil.Error
        except ImportError:  # pragma: no cover - psutil comes with distributed
            self._me = None
        self._read(self._baseline)

    def _read(self, into: dict[int, float]) -> None:
        if self._me is None:
            return
        try:
            children = self._me.children(recursive=True)
        except self._error:  # pragma: no cover - this process is always readable
            return
        for p in children:
            try:
                t = p.cpu_times()
                rss = p.memory_info().rss / 2**20
            except self._error:  # it ended between the listing and the reading
                continue
            into[p.pid] = t.user + t.system  # not children_*: a reaped worker is counted once
            self.peak_rss_mb = max(self.peak_rss_mb, rss)

    def sample(self) -> None:
        now = time.perf_counter()
        if now >= self._next:
            self._next = now + self.interval
            self._read(self._last)

    @property
    def cpu_seconds(self) -> float:
        return sum(max(0.0, v - self._baseline.get(pid, 0.0)) for pid, v in self._last.items())


class _TimedInput:
    """Wraps the report iterator: counts documents and bytes, times their production."""

    def __init__(self, reports: Iterable[Report]):
        self._it = iter(reports)
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.documents = 0
        self.bytes = 0

    def __iter__(self) -> Iterator[Report]:
        while True:
            t0, c0 = time.perf_counter(), time.process_time()
            report = next(self._it, None)
            self.seconds += time.perf_counter() - t0
            self.cpu_seconds += time.process_time() - c0
            if report is None:
                return
            self.documents += 1
            self.bytes += len(report.text.encode("utf-8"))
            yield report


class _TimedStore:
    """The store as the engines see it, with the seconds spent in ``save_docs``."""

    def __init__(self, store: Any):
        self.store = store
        self.seconds = 0.0

    def save_docs(self, docs):  # noqa: ANN001, ANN201
        t0 = time.perf_counter()
        try:
            return self.store.save_docs(docs)
        finally:
            self.seconds += time.perf_counter() - t0


def _corpus_reports(path: Path, options: Options, limit: int | None) -> tuple[Iterator[Report], list]:
    from .ingest.readers import Skip, iter_inputs
    from .ingest.runner import infer_metadata

    skipped: list = []

    def gen() -> Iterator[Report]:
        n = 0
        for item in iter_inputs([str(path)], options):
            if isinstance(item, Skip):
                skipped.append((item.source, item.reason))
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield infer_metadata(item)

    return gen(), skipped


def run_bench(
    docs: int | None = None,
    corpus: str | Path | None = None,
    *,
    workers: int = 1,
    engine: str = "local",
    store: bool = True,
    stage: str | None = None,
    db: str | None = None,
    seed: int = 0,
    scheduler: str | None = None,
    partition_size: int = 200,
    options: Options | None = None,
    pipeline_factory: PipelineFactory = build_pipeline,
) -> dict[str, Any]:
    """Run the benchmark; returns the measurements as a JSON-able dict.

    ``docs``: synthetic documents to generate (default 1,000), or the most to read from
    ``corpus``. ``stage``: run the pipeline only up to this stage (the store is skipped
    then: documents without events would measure nothing useful). ``db``: a database
    path or URL instead of a temporary SQLite file (its contents are kept).
    """
    from .synth import iter_reports

    options = options or Options()
    if engine not in ("local", "dask"):
        raise ConfigError(f"unknown engine {engine!r} (local or dask)")
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    if docs is not None and docs < 1:
        raise ConfigError("--docs must be at least 1")
    pipeline_factory(options, stage)  # an unknown --stage fails here, before any work
    use_store = store and stage is None
    skipped: list = []
    if corpus is not None:
        reports, skipped = _corpus_reports(Path(corpus), options, docs)
        corpus_label = str(corpus)
    else:
        n = docs or DEFAULT_DOCS
        reports = iter_reports(n, seed=seed)
        corpus_label = f"synthetic (seed {seed})"
    source = _TimedInput(reports)

    tmpdir = None
    the_store = None
    store_label = None
    if use_store:
        from .store import open_store

        if db is None:
            tmpdir = tempfile.TemporaryDirectory(prefix="eventledger-bench-")
            target: str | Path = Path(tmpdir.name) / "bench.sqlite"
            store_label = "sqlite (temporary file)"
        else:
            target = db
            store_label = db.split("@")[-1] if "://" in db else db  # no password in the output
        the_store = open_store(target)
    timed_store = _TimedStore(the_store) if the_store is not None else None

    # one-time loading (gazetteer, lexicons: cached per process) is start-up, not throughput:
    # warm this process on a report outside the corpus and report the time on its own line
    t_load = time.perf_counter()
    if engine == "local":
        from .synth import synth_report

        pipeline_factory(options, stage).run(synth_report(10**9, seed=seed))
    load_seconds = time.perf_counter() - t_load
    rss_start = _rss_mb()
    rss_warm = None
    counts = {"documents": 0, "failed": 0, "events": 0, "claims": 0}
    first_failure: str | None = None
    self0, children0 = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN)
    tree = _ProcessTree()
    try:
        t0 = time.perf_counter()
        if engine == "local":
            from .engine.local import LocalEngine

            runner = LocalEngine(options, workers, upto=stage, pipeline_factory=pipeline_factory)
            batch: list = []
            for doc in runner.process(source):
                counts["documents"] += 1
                if workers > 1:
                    tree.sample()
                if failure_of(doc):
                    counts["failed"] += 1
                    first_failure = first_failure or f"{doc.id}: {failure_of(doc)}"
                    continue
                counts["events"] += len(doc.events)
                counts["claims"] += len(doc.claims)
                batch.append(doc)
                if len(batch) >= options.batch_size:
                    if timed_store is not None:
                        timed_store.save_docs(batch)
                    batch = []
                    if rss_warm is None:
                        rss_warm = _rss_mb()
            if batch and timed_store is not None:
                timed_store.save_docs(batch)
            timings, stage_names, cores = runner.timings, runner.stage_names, workers
        else:
            from .engine.dask_engine import process_dask

            stats = process_dask(source, options, timed_store, scheduler=scheduler, n_workers=workers,
                                 partition_size=partition_size, upto=stage,
                                 pipeline_factory=pipeline_factory, on_saved=lambda ids: tree.sample())
            counts.update(documents=stats.documents + len(stats.failed), failed=len(stats.failed),
                          events=stats.events, claims=stats.claims)
            timings, cores = stats.timings, stats.workers
            if stats.failed:
                first_failure = f"{stats.failed[0][0]}: {stats.failed[0][1]}"
            stage_names = list(timings)
        wall = time.perf_counter() - t0
        # CPU time of this process and of its worker processes (the ended ones it waited
        # for, or the tree as last sampled: see _ProcessTree): robust to other jobs
        children = max(_cpu_seconds(resource.RUSAGE_CHILDREN) - children0, tree.cpu_seconds)
        cpu = _cpu_seconds(resource.RUSAGE_SELF) - self0 + children
    finally:
        if the_store is not None:
            the_store.close()
        if tmpdir is not None:
            tmpdir.cleanup()

    # generating the input is the benchmark's own work, not the program's: take it out
    # where it ran on the critical path (in this process, one worker)
    inline = engine == "local" and workers == 1
    seconds = max(wall - source.seconds, 1e-9) if inline else wall
    n = counts["documents"]
    cpu_work = max(cpu - source.cpu_seconds, 1e-9)  # input generation is not the program's work
    stage_seconds = {name: round(timings.get(name, 0.0), 4) for name in stage_names}
    return {
        "engine": engine,
        "workers": workers,
        "cores": cores,
        "cpu_count": os.cpu_count(),
        "corpus": corpus_label,
        "skipped_inputs": len(skipped),
        "stages": stage_names,
        "stage": stage,
        "store": store_label,
        "documents": n,
        "failed": counts["failed"],
        "first_failure": first_failure,
        "events": counts["events"],
        "claims": counts["claims"],
        "input_mb": round(source.bytes / 2**20, 3),
        "avg_doc_bytes": round(source.bytes / n) if n else 0,
        "wall_seconds": round(wall, 3),
        "input_seconds": round(source.seconds, 3),
        "input_cpu_seconds": round(source.cpu_seconds, 3),
        "input_excluded": inline,
        "seconds": round(seconds, 3),
        "load_seconds": round(load_seconds, 3),
        "docs_per_second": round(n / seconds, 1),
        "docs_per_second_per_core": round(n / seconds / cores, 1),
        "events_per_second": round(counts["events"] / seconds, 1),
        "cpu_seconds": round(cpu, 3),
        "worker_cpu_seconds": round(children, 3),
        "docs_per_cpu_second": round(n / cpu_work, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "stage_seconds": stage_seconds,
        "stage_ms_per_doc": {k: round(v * 1000 / n, 3) if n else 0.0 for k, v in stage_seconds.items()},
        "store_seconds": round(timed_store.seconds, 3) if timed_store is not None else None,
        "store_ms_per_doc": round(timed_store.seconds * 1000 / n, 3) if timed_store is not None and n else None,
        "rss_start_mb": round(rss_start, 1),
        "rss_after_first_batch_mb": round(rss_warm, 1) if rss_warm is not None else None,
        "peak_rss_mb": round(_maxrss_mb(resource.RUSAGE_SELF), 1),
        "peak_rss_workers_mb": round(max(_maxrss_mb(resource.RUSAGE_CHILDREN), tree.peak_rss_mb), 1),
        "python": platform.python_version(),
    }


def format_bench(result: dict[str, Any]) -> str:
    """The measurements as a few aligned lines for people."""
    r = result
    n = r["documents"]
    lines = [
        f"eventledger bench: {n:,} documents from {r['corpus']} (avg {r['avg_doc_bytes']:,} bytes), "
        f"engine {r['engine']}, {r['cores']} core(s) of {r['cpu_count']}",
        f"  pipeline     {', '.join(r['stages']) or '-'}" + (f" (up to --stage {r['stage']})" if r["stage"] else ""),
        f"  store        {r['store'] or 'none'}",
        f"  throughput   {r['docs_per_second']:,.1f} docs/s ({r['docs_per_second_per_core']:,.1f} per core), "
        f"{r['events_per_second']:,.1f} events/s",
        f"  results      {r['events']:,} events, {r['claims']:,} claims, {r['failed']} failed document(s)",
    ]
    lines.append(f"  cpu          {r['docs_per_cpu_second']:,.1f} docs per CPU-second "
                 f"({r['cpu_seconds']:.2f} s CPU of all processes, {r['input_cpu_seconds']:.2f} s of it "
                 f"generating/reading input; load average {r['load_average']})")
    if r["failed"]:
        lines.append(f"  WARNING      {r['failed']} document(s) failed (included in the rates above); "
                     f"first: {r['first_failure']}")
    timing = f"  time         {r['seconds']:.2f} s (after {r.get('load_seconds', 0):.2f} s loading data)"
    if r["input_excluded"]:
        timing += f" (input generation/reading {r['input_seconds']:.2f} s excluded; wall {r['wall_seconds']:.2f} s)"
    lines.append(timing)
    total = sum(r["stage_seconds"].values()) or 1.0
    for name, secs in r["stage_seconds"].items():
        lines.append(f"  stage {name:<10} {r['stage_ms_per_doc'][name]:8.3f} ms/doc  {100 * secs / total:5.1f}%")
    if r["store_seconds"] is not None:
        lines.append(f"  store save   {r['store_ms_per_doc']:8.3f} ms/doc  ({r['store_seconds']:.2f} s)")
    mem = f"  memory       peak RSS {r['peak_rss_mb']:,.0f} MB"
    if r["rss_after_first_batch_mb"] is not None:
        mem += f" (after the first batch {r['rss_after_first_batch_mb']:,.0f} MB)"
    if r["peak_rss_workers_mb"]:
        mem += f"; largest worker process {r['peak_rss_workers_mb']:,.0f} MB"
    lines.append(mem)
    return "\n".join(lines)
