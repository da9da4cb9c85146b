"""The Store protocol: what the ingest runner, the CLI, the exports and the web app may
ask of a database. Implemented by :class:`~eventledger.store.sql.SqlStore` (SQLite and
PostgreSQL) and :class:`~eventledger.store.memory.MemoryStore` (a fake for tests)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..doc import Doc

__all__ = ["Store", "EVENT_FILTERS", "HIDDEN_STATUSES"]

#: keyword filters ``iter_events`` understands (None = no filter)
EVENT_FILTERS = ("event_type", "sub_event_type", "country", "admin1", "canonical", "doc_id",
                 "date_from", "date_to", "status", "include_hidden")
#: statuses excluded from ``iter_events`` unless ``include_hidden=True`` or ``status=`` asks
HIDDEN_STATUSES = ("rejected", "merged")


@runtime_checkable
class Store(Protocol):
    dialect: str  # "sqlite" | "postgresql" | "memory"

    def document_hash(self, doc_id: str) -> str | None:
        """The stored content hash of a document, None if it is not stored."""
        ...

    def save_docs(self, docs: Sequence[Doc], *, force: bool = False) -> list[str]:
        """Write a batch in one transaction; returns the ids of the documents written
        (new or changed; unchanged ones are skipped unless ``force``)."""
        ...

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Export dicts, ordered by (date_start, id) with undated events last; streams."""
        ...

    def count_events(self, **filters: Any) -> int: ...

    def iter_claims(self, kind: str | None = None) -> Iterator[dict[str, Any]]: ...

    def claims_side_by_side(self, kind: str) -> list[dict[str, Any]]: ...

    def summary(self) -> dict[str, Any]: ...

    def get_document(self, doc_id: str) -> dict[str, Any] | None: ...

    def set_publishers(self, stances: dict[str, str]) -> None:
        """Add or replace publisher -> stance rows (applies to documents saved later)."""
        ...

    def set_status(self, event_id: str, status: str, merged_into: str | None = None) -> None: ...

    def set_override(self, event_id: str, field: str, value: Any, user: str) -> None: ...

    def backup(self, out_path: str | Path) -> None: ...

    def check(self) -> list[str]: ...

    def close(self) -> None: ...
