"""The shipped stages, one module per concern, and the order they run in."""

from __future__ import annotations

from ..config import Options
from ..pipeline import Stage

__all__ = ["build_stages"]


def build_stages(options: Options) -> list[Stage]:
    from .assemble import AssembleStage
    from .clean import CleanStage
    from .dates import DatesStage
    from .places import PlacesStage
    from .segment import SegmentStage
    from .triggers import TriggersStage

    return [
        CleanStage(),
        SegmentStage(),
        PlacesStage(options),
        DatesStage(),
        TriggersStage(),
        AssembleStage(),
    ]
