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


@pytest.fixture(scope="session")
def sample_db_template(tmp_path_factory):
    """The web app's invented sample database, built once per run (argon2 hashing of the
    sample users is slow on purpose); tests that write take a copy (``sample_engine``)."""
    from eventledger.web.sample import build_sample_db

    path = tmp_path_factory.mktemp("sample") / "template.db"
    build_sample_db(path).dispose()
    return path


@pytest.fixture()
def sample_engine(sample_db_template, tmp_path):
    """A fresh copy of the sample database for one test, opened through the store."""
    import shutil

    from eventledger.store import open_store

    target = tmp_path / "sample.db"
    shutil.copy(sample_db_template, target)
    eng = open_store(target).engine
    yield eng
    eng.dispose()
