"""The ingest job: inputs -> pipeline (local or Dask engine) -> store, in bounded batches.

Streaming end to end: readers yield one report at a time, the engine yields processed
documents in input order, and the store writes one transaction per batch, so memory does
not grow with the corpus and a killed run loses at most the batch in flight (the next run
sees those documents as new and ingests them; everything committed is seen as unchanged).
"""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..config import Options
from ..doc import Doc
from ..models import Report
from ..publishers import masthead_publisher

__all__ = ["IngestSummary", "ingest", "infer_metadata"]

# "Reporting by PMOI/MEK", "Reported by: Example News" on a line of its own
_REPORTING_BY = re.compile(r"^[ \t]*Report(?:ing|ed) by:?[ \t]+([^\n]{2,80}?)[ \t]*$", re.MULTILINE)
# a wire dateline names its agency: "TEHRAN, May 10, 2024 (Example Agency) -", "KHASH, Iran, Oct 15 (Zagros Wire) -"
_WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’. -]{1,40}(?:\s*,\s*[A-Z][A-Za-z .]{1,30})?\s*,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:\s*,\s*\d{4})?"
    r"\s*\(([^()\n]{2,60})\)\s*[-–—]", re.MULTILINE)


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)
    #: stored, but in a language the rules cannot read: no events or claims (doc id, reason)
    unread: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    claims: int = 0
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.new + self.updated

    def lines(self) -> list[str]:
        rate = f", {self.processed / self.seconds:.0f} docs/s" if self.seconds > 0 and self.processed else ""
        out = [
            f"new: {self.new}, updated: {self.updated}, unchanged: {self.unchanged}, "
            f"skipped: {len(self.skipped)}, failed: {len(self.failed)}",
            f"events: {self.events}, claims: {self.claims} ({self.seconds:.1f} s{rate})",
        ]
        out += [f"skipped {src}: {reason}" for src, reason in self.skipped]
        out += [f"failed {doc}: {reason}" for doc, reason in self.failed]
        out += [f"no events read from {doc}: {reason}" for doc, reason in self.unread]
        return out


def infer_metadata(report: Report) -> Report:
    """Fill a missing publisher from the text itself: a "Reporting by X" line, the agency
    in a wire dateline ("TEHRAN, May 10, 2024 (Example Agency) -"), or a masthead line at
    the top ("Zagros Human Rights Center – Monthly report"; see masthead_publisher)."""
    if report.publisher:
        return report
    head = report.text[:5000]
    m = _REPORTING_BY.search(head) or _WIRE_DATELINE.search(head)
    if m:
        return dataclasses.replace(report, publisher=m.group(1).strip())
    masthead = masthead_publisher(head)
    if masthead:
        return dataclasses.replace(report, publisher=masthead)
    return report


class _Progress:
    """A progress bar on a terminal for long runs (tqdm); silent when stderr is not a TTY."""

    def __init__(self, enabled: bool | None):
        self.bar: Any = None
        if enabled is False:
            return
        from tqdm import tqdm

        self.bar = tqdm(unit="doc", desc="ingest", disable=None if enabled is None else not enabled,
                        file=sys.stderr, mininterval=0.5)

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _batched(items: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process_local(reports: Iterable[Report], options: Options) -> Iterator[Doc]:
    from ..engine.local import process

    return process(reports, options, workers=options.workers)


def ingest(
    paths: Sequence[str],
    store: Any,
    options: Options,
    *,
    stdin: TextIO | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    workdir: Any = None,
) -> IngestSummary:
    """Read ``paths``, process new or changed reports and save them to ``store``."""
    from .language import unreadable_language
    from .readers import Skip, iter_inputs

    summary = IngestSummary()
    t0 = time.perf_counter()
    bar = _Progress(progress)
    existing: dict[str, bool] = {}  # doc id -> was already in the store (updated vs new)

    def to_process() -> Iterator[Report]:
        for item in iter_inputs(list(paths), options, stdin=stdin):
            if isinstance(item, Skip):
                summary.skipped.append((item.source, item.reason))
                bar.update()
                continue
            report = infer_metadata(item)
            old = store.document_hash(report.id)
            if old == report.content_hash:
                summary.unchanged += 1
                bar.update()
                continue
            existing[report.id] = old is not None
            if (why := unreadable_language(report.text)) is not None:
                summary.unread.append((report.id, why))  # (stored all the same: its text can be read by people)
            yield report

    def count(doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            if existing.pop(doc_id, False):  # pop: memory stays flat on long runs
                summary.updated += 1
            else:
                summary.new += 1

    try:
        if engine == "dask":
            from ..engine.dask_engine import process_dask

            stats = process_dask(to_process(), options, store, scheduler=scheduler,
                                 n_workers=max(options.workers, 2), partition_size=options.batch_size,
                                 workdir=workdir, progress=bar.update, on_saved=count)
            summary.events += stats.events
            summary.claims += stats.claims
            summary.failed.extend(stats.failed)
        else:
            for batch in _batched(_process_local(to_process(), options), options.batch_size):
                good = []
                for doc in batch:
                    error = doc.extras.get("error")
                    if error:
                        summary.failed.append((doc.id, str(error)))
                    else:
                        good.append(doc)
                if good:
                    store.save_docs(good)
                count(d.id for d in good)
                summary.events += sum(len(d.events) for d in good)
                summary.claims += sum(len(d.claims) for d in good)
                bar.update(len(batch))
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - t0
    return summary
