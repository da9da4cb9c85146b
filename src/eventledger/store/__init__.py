"""Storage: the Store protocol, the SQL store (SQLite / PostgreSQL) and an in-memory fake.

``open_store(target)`` is the entry point: a path or ``sqlite:///…`` opens SQLite, a
``postgresql://…`` URL opens PostgreSQL; both run the recorded migrations first.
"""

from __future__ import annotations

from .base import Store
from .memory import MemoryStore
from .migrations import LATEST_VERSION, migrate
from .rows import event_dict_from_rows
from .sql import SqlStore, open_store

__all__ = ["Store", "SqlStore", "MemoryStore", "open_store", "migrate", "LATEST_VERSION",
           "event_dict_from_rows"]
