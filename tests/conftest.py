"""Shared fixtures. Test data is readable text written here or in the test files;
the dev corpus is read from ../shared when present (tests that need it skip otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not (DEV_CORPUS / "gold.jsonl").exists():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (needs ../shared beside the repo)")
    return DEV_CORPUS


@pytest.fixture
def make_doc():
    """Run the pipeline (optionally up to a stage) on a small text."""
    from eventledger.ingest.runner import infer_metadata
    from eventledger.models import Report
    from eventledger.pipeline import default_pipeline
    import datetime as dt
    import hashlib

    def _make(text: str, upto: str | None = None, doc_id: str = "t1", publisher: str | None = None,
              published: str | None = None):
        report = Report(doc_id, text, hashlib.sha256(text.encode()).hexdigest(), publisher=publisher,
                        published=dt.date.fromisoformat(published) if published else None)
        return default_pipeline(upto=upto).run(infer_metadata(report))

    return _make
