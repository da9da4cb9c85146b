"""Exceptions raised by eventledger.

The hierarchy, in one place::

    EventLedgerError                 base class; the CLI turns any of these into one line + exit 1
    ├── ConfigError                  bad options, config file or flag combination
    ├── InputError                   a path or report that cannot be used
    │   ├── MissingPathError         a path given on the command line does not exist
    │   └── BadReportError           one report is unusable (binary, empty, undecodable, too big,
    │                                bad JSONL row); ingest skips it and lists the reason
    ├── PipelineError                stages in the wrong order or a stage that failed on a document
    ├── GazetteerError               the gazetteer data or an alias file cannot be loaded
    ├── StoreError                   the database cannot be opened, migrated, read or written
    │   └── MigrationError           the database schema is newer than this program or a step failed
    ├── ExportError                  an export format or destination cannot be used
    └── EvalError                    a gold or prediction file cannot be read for evaluation
"""

from __future__ import annotations

__all__ = [
    "EventLedgerError",
    "ConfigError",
    "InputError",
    "MissingPathError",
    "BadReportError",
    "PipelineError",
    "GazetteerError",
    "StoreError",
    "MigrationError",
    "ExportError",
    "EvalError",
]


class EventLedgerError(Exception):
    """Base class of every error eventledger raises on purpose."""


class ConfigError(EventLedgerError):
    pass


class InputError(EventLedgerError):
    pass


class MissingPathError(InputError):
    pass


class BadReportError(InputError):
    """One report cannot be ingested. ``reason`` is a short phrase for the summary."""

    def __init__(self, reason: str, source: str | None = None):
        super().__init__(f"{source}: {reason}" if source else reason)
        self.reason = reason
        self.source = source


class PipelineError(EventLedgerError):
    pass


class GazetteerError(EventLedgerError):
    pass


class StoreError(EventLedgerError):
    pass


class MigrationError(StoreError):
    pass


class ExportError(EventLedgerError):
    pass


class EvalError(EventLedgerError):
    pass
