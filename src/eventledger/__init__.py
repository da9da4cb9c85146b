"""eventledger: turn reports about protest and repression into a traceable event database."""

from __future__ import annotations

from .config import Options, load_options
from .doc import Doc
from .errors import EventLedgerError
from .models import Claim, Count, DateRange, Event, Evidence, Location, Place, Report, Span
from .pipeline import Pipeline, default_pipeline

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Options",
    "load_options",
    "Doc",
    "EventLedgerError",
    "Claim",
    "Count",
    "DateRange",
    "Event",
    "Evidence",
    "Location",
    "Place",
    "Report",
    "Span",
    "Pipeline",
    "default_pipeline",
]
