"""Ordered, named stages over a :class:`~eventledger.doc.Doc`.

Each stage declares the ``Doc`` attributes it ``requires`` and the ones it ``assigns``;
:class:`Pipeline` checks before any document runs that every requirement is assigned
by an earlier stage (the spaCy pattern), so a mis-ordered pipeline fails at build time
with a clear message instead of producing empty events.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .config import Options
from .doc import Doc
from .errors import PipelineError
from .models import Report

__all__ = ["Stage", "Pipeline", "default_pipeline", "STAGE_NAMES"]

#: attributes a fresh Doc already has
_GIVEN = frozenset({"report"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc, options: Options) -> None: ...


@dataclass
class Pipeline:
    stages: Sequence[Stage]
    options: Options = field(default_factory=Options)
    #: cumulative seconds per stage, for `eventledger bench`
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        available = set(_GIVEN)
        seen: set[str] = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineError(f"stage {stage.name!r} appears twice")
            seen.add(stage.name)
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            available.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, report: Report) -> Doc:
        doc = Doc(report=report)
        for stage in self.stages:
            t0 = time.perf_counter()
            try:
                stage(doc, self.options)
            except Exception as exc:  # a stage bug must not kill a whole ingest run
                raise PipelineError(f"stage {stage.name!r} failed on {report.id!r}: {exc!r}") from exc
            self.timings[stage.name] = self.timings.get(stage.name, 0.0) + time.perf_counter() - t0
            doc.done.append(stage.name)
        return doc

    def pipe(self, reports: Iterable[Report]) -> Iterable[Doc]:
        for r in reports:
            yield self.run(r)


STAGE_NAMES = ("clean", "segment", "places", "dates", "triggers", "assemble")


def default_pipeline(options: Options | None = None, upto: str | None = None) -> Pipeline:
    """The shipped pipeline; ``upto`` stops after the named stage (for benchmarks)."""
    from .stages import build_stages

    options = options or Options()
    stages = build_stages(options)
    if upto is not None:
        names = [s.name for s in stages]
        if upto not in names:
            raise PipelineError(f"no stage named {upto!r} (stages: {', '.join(names)})")
        stages = stages[: names.index(upto) + 1]
    return Pipeline(stages, options)
