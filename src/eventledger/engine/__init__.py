"""Engines run the pipeline over many reports: :mod:`.local` (this process or a pool of
processes on this machine) and :mod:`.dask_engine` (a Dask cluster).

A document whose processing raises never stops a run: the engine yields a :class:`Doc`
with the report, no events, and the reason in ``doc.extras["error"]`` (see
:func:`failure_of`). The ingest runner reports such documents as failed and does not save
them, so that a later run retries them instead of skipping them as unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Options
    from ..doc import Doc
    from ..models import Report
    from ..pipeline import Pipeline

__all__ = ["PipelineFactory", "failure_of", "run_safely", "build_pipeline", "slim_doc", "tune_gc"]

#: builds the pipeline a worker runs; must be picklable (a module-level function)
PipelineFactory = Callable[["Options", "str | None"], "Pipeline"]


#: young-generation threshold of the garbage collector while documents are processed
GC_YOUNG_THRESHOLD = 100_000


def build_pipeline(options: "Options", upto: "str | None" = None) -> "Pipeline":
    """The default factory: the shipped pipeline, optionally cut after stage ``upto``.

    It also tunes the process's garbage collector for the run (see :func:`tune_gc`)."""
    from ..pipeline import default_pipeline

    pipeline = default_pipeline(options, upto=upto)
    tune_gc()
    return pipeline


def tune_gc() -> None:
    """Set the collector up for processing documents: what is loaded by now (gazetteer,
    lexicons, compiled patterns) lives as long as the process, so it is moved out of the
    collector's sight (``gc.freeze``), and young collections run every 100,000 allocations
    instead of 700. A document builds thousands of short-lived objects, almost none in
    cycles; with the defaults the collector ran several times per document and took about
    a tenth of the pipeline's time (measured with ``eventledger bench``). At 20,000 (until
    2026-12-08) a young collection still caught most documents mid-way and moved their
    live mentions into the middle generation, whose collections then cost 0.08 ms per
    document end to end; at 100,000 they cost 0.007 (CPU time in the collector, 1,000
    synthetic documents into SQLite; peak RSS unchanged at 193 MB). Memory stays bounded:
    the collector still runs, less often."""
    import gc

    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)


def run_safely(pipeline: "Pipeline", report: "Report") -> "Doc":
    """``pipeline.run(report)``, turning an exception into a failed Doc (see module doc)."""
    from ..doc import Doc

    try:
        return pipeline.run(report)
    except Exception as exc:  # one bad document must not end a run of thousands
        doc = Doc(report=report)
        reason = str(exc) or type(exc).__name__
        doc.extras["error"] = reason
        doc.notes.append(f"error: {reason}")
        return doc


def failure_of(doc: "Doc") -> str | None:
    """The reason a document failed in the pipeline, or None if it was processed."""
    return doc.extras.get("error")


def slim_doc(doc: "Doc") -> "Doc":
    """The Doc with only what the store and the runner use (report, anchor, places, events,
    claims, notes, stage names, extras); the intermediate mentions (segments, triggers,
    dates, ...) are dropped. Halves what a worker sends back and a batch holds in memory:
    on 2–5 KB reports pickling falls from ~9 ms to ~3 ms per document."""
    from ..doc import Doc

    return Doc(report=doc.report, anchor=doc.anchor, places=doc.places, events=doc.events,
               claims=doc.claims, notes=doc.notes, done=doc.done, extras=doc.extras)
