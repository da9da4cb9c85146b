"""Ingest readers: paths and stdin -> ``Report`` objects (or ``Skip`` with a reason).

The ingest runner (pipeline, store, progress, summary) sits on top of ``iter_inputs``.
"""

from __future__ import annotations

from .readers import STDIN_SOURCE, SUPPORTED_SUFFIXES, check_paths, iter_inputs, read_file
from .report import Skip, content_hash, make_report, normalize_text

__all__ = [
    "Skip",
    "iter_inputs",
    "read_file",
    "check_paths",
    "make_report",
    "normalize_text",
    "content_hash",
    "SUPPORTED_SUFFIXES",
    "STDIN_SOURCE",
]
