"""The local engine: run the pipeline in this process or in a pool of worker processes.

Streaming with bounded memory: reports are pulled from the input iterator in small chunks
and at most ``window`` chunks are in flight; results come back in input order (a slow
chunk holds back later ones, which is what keeps the window bounded). The input is never
materialised. With ``workers > 1`` each process builds its pipeline once, in the pool
initializer (gazetteer and lexicons load once per process, not once per document).

Start method: ``forkserver`` on Linux (``spawn`` elsewhere). ``fork`` is unsafe here: the
ingest runner has a progress thread, and SQLAlchemy / Dask may hold locks in threads of the
parent; a forked child can inherit a held lock and hang. The forkserver costs a fraction of
a second once per run.

Results are "slim" Docs by default (:func:`eventledger.engine.slim_doc`: what the store
needs, without the intermediate mentions), which is what makes sending them back from
the workers cheap; ``full_docs=True`` keeps everything.

Failure handling (see :mod:`eventledger.engine`): a stage exception yields a Doc with
``extras["error"]``; a worker process that dies (segfault, out of memory) is replaced and
its chunk re-run one document at a time, so only the document that kills a worker again
is marked failed.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..config import Options
from ..doc import Doc
from ..models import Report
from ..pipeline import Pipeline
from . import PipelineFactory, build_pipeline, run_safely, slim_doc

__all__ = ["LocalEngine", "process", "DEFAULT_CHUNK_SIZE"]

#: reports per task sent to a worker: big enough to amortise the IPC round trip,
#: small enough to keep the workers evenly loaded and memory low
DEFAULT_CHUNK_SIZE = 16

_WORKER_DIED = "worker process died while processing this document (crash or out of memory)"

# -- worker side ----------------------------------------------------------------------
_worker_pipeline: Pipeline | None = None
_worker_full_docs = False


def _init_worker(factory: PipelineFactory, options: Options, upto: str | None, full_docs: bool) -> None:
    global _worker_pipeline, _worker_full_docs
    _worker_pipeline = factory(options, upto)
    _worker_full_docs = full_docs


def _run_chunk(reports: list[Report]) -> tuple[list[Doc], dict[str, float]]:
    """Process a chunk; return the docs and the seconds each stage spent on them."""
    pipeline = _worker_pipeline
    assert pipeline is not None, "worker initializer did not run"
    before = dict(pipeline.timings)
    docs = [run_safely(pipeline, r) for r in reports]
    if not _worker_full_docs:
        docs = [slim_doc(d) for d in docs]
    spent = {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}
    return docs, spent


# -- parent side ----------------------------------------------------------------------
def _chunks(reports: Iterable[Report], size: int) -> Iterator[list[Report]]:
    it = iter(reports)
    while chunk := list(islice(it, size)):
        yield chunk


def _failed(report: Report, reason: str) -> Doc:
    doc = Doc(report=report)
    doc.extras["error"] = reason
    doc.notes.append(f"error: {reason}")
    return doc


def _start_method() -> str:
    return "forkserver" if sys.platform.startswith("linux") else "spawn"


class LocalEngine:
    """Runs a pipeline over reports; ``timings`` sums seconds per stage over all workers."""

    def __init__(
        self,
        options: Options,
        workers: int = 1,
        *,
        upto: str | None = None,
        pipeline_factory: PipelineFactory = build_pipeline,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        window: int | None = None,
        full_docs: bool = False,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.options = options
        self.workers = workers
        self.upto = upto
        self.factory = pipeline_factory
        self.chunk_size = max(1, chunk_size)
        self.window = window or workers * 4
        self.full_docs = full_docs
        self.timings: dict[str, float] = {}
        self.stage_names: list[str] = []

    def process(self, reports: Iterable[Report]) -> Iterator[Doc]:
        if self.workers == 1:
            yield from self._process_inline(reports)
        else:
            yield from self._process_pool(reports)

    # one process: no pickling at all
    def _process_inline(self, reports: Iterable[Report]) -> Iterator[Doc]:
        pipeline = self.factory(self.options, self.upto)
        self.stage_names = pipeline.names
        pipeline.timings = self.timings  # accumulate straight into ours
        for report in reports:
            doc = run_safely(pipeline, report)
            yield doc if self.full_docs else slim_doc(doc)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(_start_method()),
            initializer=_init_worker,
            initargs=(self.factory, self.options, self.upto, self.full_docs),
        )

    def _process_pool(self, reports: Iterable[Report]) -> Iterator[Doc]:
        # build once here too: a bad pipeline (missing stage, wrong order) fails fast with
        # its own message instead of as a broken pool, and we learn the stage names
        self.stage_names = self.factory(self.options, self.upto).names
        pool = self._new_pool()
        pending: deque[tuple[list[Report], Future]] = deque()
        try:
            for chunk in _chunks(reports, self.chunk_size):
                pending.append((chunk, pool.submit(_run_chunk, chunk)))
                if len(pending) >= self.window:
                    docs, pool = self._collect(pending, pool)
                    yield from docs
            while pending:
                docs, pool = self._collect(pending, pool)
                yield from docs
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self, pending: deque, pool: ProcessPoolExecutor) -> tuple[list[Doc], ProcessPoolExecutor]:
        """Result of the oldest chunk; replaces the pool if a worker died."""
        chunk, future = pending.popleft()
        try:
            docs, spent = future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=True, cancel_futures=True)
            pool = self._new_pool()
            docs, pool = self._isolate(chunk, pool)
            # every other in-flight chunk died with the pool: submit them again
            for i, (c, _) in enumerate(pending):
                pending[i] = (c, pool.submit(_run_chunk, c))
            return docs, pool
        except Exception:  # e.g. a result that cannot be pickled: find the document
            return self._isolate(chunk, pool)
        self._add_timings(spent)
        return docs, pool

    def _isolate(self, chunk: list[Report], pool: ProcessPoolExecutor) -> tuple[list[Doc], ProcessPoolExecutor]:
        """Re-run a chunk one report per task, to find the report that kills a worker."""
        docs: list[Doc] = []
        for report in chunk:
            try:
                got, spent = pool.submit(_run_chunk, [report]).result()
                self._add_timings(spent)
                docs.extend(got)
            except BrokenProcessPool:
                docs.append(_failed(report, _WORKER_DIED))
                pool.shutdown(wait=True, cancel_futures=True)
                pool = self._new_pool()
            except Exception as exc:
                docs.append(_failed(report, f"worker could not return this document: {exc}"))
        return docs, pool

    def _add_timings(self, spent: dict[str, float]) -> None:
        for k, v in spent.items():
            self.timings[k] = self.timings.get(k, 0.0) + v


def process(
    reports: Iterable[Report],
    options: Options,
    workers: int = 1,
    *,
    upto: str | None = None,
    pipeline_factory: PipelineFactory = build_pipeline,
    full_docs: bool = False,
) -> Iterator[Doc]:
    """Docs for ``reports`` in input order; ``workers > 1`` runs them in processes.

    Output is identical for any number of workers. Failed documents come back with
    ``doc.extras["error"]`` (see :func:`eventledger.engine.failure_of`). The Docs carry
    what the store needs (:func:`eventledger.engine.slim_doc`); ``full_docs=True`` keeps
    the intermediate mentions too (slower with workers: they are pickled back).
    """
    return LocalEngine(options, workers, upto=upto, pipeline_factory=pipeline_factory,
                       full_docs=full_docs).process(reports)
