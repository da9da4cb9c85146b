"""Crash safety (issue 8 item 2): ``kill -9`` an ingest at random points, run the same
command again, and every document is in the database exactly once, with nothing lost.

The ingest runs as a real subprocess (``python -m eventledger ingest``) so SIGKILL hits
it the way a power cut or an OOM kill would: no ``finally``, no rollback code, only what
SQLite's journal guarantees. Kill points are chosen from a seeded RNG and aimed by
watching the committed document count from outside (read-only polling), so they land at
different stages of the run on a fast or a slow machine alike:

* while the database file is being created and migrated,
* during the very first batch (schema ready, nothing committed yet),
* at random points after some batches were committed.

"Nothing lost" is checked against a reference database built by one uninterrupted run
of the same corpus: a run that committed a document without its events (a torn batch)
would pass the "exactly once" count but fail that comparison.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # ~25-35 s on a shared 2-core machine (several full ingests)

SEED = 20240808
CORPUS_SIZE = 160
BATCH = 20
POLL = 0.01  # seconds between looks at the database

# Invented report shapes for when eventledger.synth is not available; {n} keeps texts distinct.
_FALLBACK = (
    "Teachers gathered outside the education office in Tabriz on March {d}, 2023, demanding "
    "unpaid wages, a teachers' council said. Report {n}.\n",
    "Security forces arrested at least {k} workers in Ahvaz on May {d}, 2022, according to "
    "a rights group. Report {n}.\n",
    "Retirees protested in Isfahan on Sunday, chanting \u201cour tables are empty\u201d. Report {n}.\n",
    "Bazaar merchants went on strike in Shiraz on April {d}, 2024, local media reported. Report {n}.\n",
)


def _corpus_texts(n: int) -> list[str]:
    """``n`` small, distinct reports (a few hundred characters each)."""
    try:
        from eventledger.synth import synth_report
    except ImportError:
        rng = random.Random(SEED)
        return [rng.choice(_FALLBACK).format(n=i, d=rng.randint(1, 28), k=rng.randint(2, 90))
                for i in range(n)]
    texts = []
    for i in range(n):
        # the first paragraphs of a synthetic report: title, dateline, an event paragraph
        paragraphs = synth_report(i, seed=SEED).text.split("\n\n")
        texts.append("\n\n".join(paragraphs[:3]) + f"\n\nReport {i}.\n")
    return texts


def _write_corpus(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i, text in enumerate(_corpus_texts(n)):
        doc_id = f"report-{i:04d}"
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        ids.append(doc_id)
    return ids


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventledger", *args]


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return _cmd("ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH), "--no-progress")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("EVENTLEDGER_DEBUG", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _peek(db: Path, sql: str) -> int | None:
    """A scalar from the database, or None when it is not there (yet) or busy."""
    if not db.exists():
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


def _doc_count(db: Path) -> int | None:
    return _peek(db, "SELECT count(*) FROM documents")


def _schema_ready(db: Path) -> bool:
    return bool(_peek(db, "SELECT count(*) FROM schema_migrations"))


def _kill_when(cmd: list[str], ready, extra_delay: float, timeout: float = 60.0) -> tuple[bool, str]:
    """Start ``cmd``; once ``ready()`` is true, wait ``extra_delay`` s and SIGKILL it.
    Returns (killed, stderr): killed is False when the run ended on its own first."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and not ready():
            if time.monotonic() > deadline:
                raise AssertionError(f"kill condition never met within {timeout} s")
            time.sleep(POLL)
        if proc.poll() is None:
            time.sleep(extra_delay)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if killed:
        assert proc.returncode == -signal.SIGKILL
    return killed, err.decode("utf-8", "replace")


def _run(cmd: list[str], timeout: float = 120.0) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=timeout)


def _summary_counts(stdout: str) -> dict[str, int]:
    """The numbers of the summary's first line: 'new: 3, updated: 0, unchanged: 5, ...'."""
    first = stdout.splitlines()[0]
    return {k.strip(): int(v) for k, v in (part.split(":") for part in first.split(","))}


def _assert_exactly_once(db: Path, ids: list[str]) -> None:
    con = sqlite3.connect(db)
    try:
        stored = [r[0] for r in con.execute("SELECT id FROM documents")]
        assert len(stored) == len(ids), f"{len(stored)} documents stored for {len(ids)} reports"
        assert sorted(stored) == sorted(ids)
        dup_links = con.execute("SELECT event_id, doc_id, count(*) FROM event_documents "
                                "GROUP BY event_id, doc_id HAVING count(*) > 1").fetchall()
        assert dup_links == [], f"duplicate event_documents links: {dup_links[:5]}"
        dup_events = con.execute("SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1").fetchall()
        assert dup_events == []
    finally:
        con.close()


def _event_ids_by_doc(db: Path) -> dict[str, set[str]]:
    con = sqlite3.connect(db)
    try:
        out: dict[str, set[str]] = {}
        for event_id, doc_id in con.execute("SELECT event_id, doc_id FROM event_documents"):
            out.setdefault(doc_id, set()).add(event_id)
        return out
    finally:
        con.close()


def _claim_ids(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT id FROM claims")}
    finally:
        con.close()


def _export_ids(db: Path, out: Path) -> list[str]:
    res = _run(_cmd("export", "--db", str(db), "--format", "jsonl", "-o", str(out)))
    assert res.returncode == 0, res.stderr
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_kill_at_random_points_then_rerun_ingests_every_document_exactly_once(tmp_path):
    rng = random.Random(SEED)
    corpus = tmp_path / "corpus"
    ids = _write_corpus(corpus, CORPUS_SIZE)
    db = tmp_path / "crash.db"
    cmd = _ingest_cmd(corpus, db)

    # 1. the very first batch: schema migrated, pipeline warming up or running, nothing committed
    killed, err = _kill_when(cmd, lambda: _schema_ready(db), rng.uniform(0.0, 0.25))
    assert killed, "the first run finished before it could be killed"
    assert "Traceback" not in err
    assert _doc_count(db) == 0, "the kill was meant to land before the first commit"

    # 2. random points after some committed batches (targets drawn without replacement; a
    #    target already reached kills the next run during its start-up, also a valid point)
    committed_at_kill = []
    for target in sorted(rng.sample(range(BATCH, CORPUS_SIZE - BATCH, BATCH), 3)):
        killed, err = _kill_when(cmd, lambda t=target: (_doc_count(db) or 0) >= t, rng.uniform(0.0, 0.15))
        assert "Traceback" not in err
        if killed:
            committed_at_kill.append(_doc_count(db))
    # every kill leaves whole batches: the count is a multiple of the batch size (a kill can
    # land after the last commit, while the process prints its summary: then it is complete)
    assert all(n is not None and n % BATCH == 0 for n in committed_at_kill), committed_at_kill
    assert any(0 < n < CORPUS_SIZE for n in committed_at_kill), f"no kill landed mid-run: {committed_at_kill}"
    before = _doc_count(db)

    # 3. the same command again, to completion
    res = _run(cmd)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    counts = _summary_counts(res.stdout)
    assert counts["failed"] == 0 and counts["skipped"] == 0, res.stdout
    assert counts["new"] + counts["unchanged"] == CORPUS_SIZE, res.stdout
    assert counts["unchanged"] == before, "committed documents must be seen as unchanged"
    _assert_exactly_once(db, ids)

    # 4. and once more: nothing left to do
    again = _run(cmd)
    assert again.returncode == 0, again.stderr
    assert _summary_counts(again.stdout)["unchanged"] == CORPUS_SIZE
    _assert_exactly_once(db, ids)

    check = _run(_cmd("check", "--db", str(db)))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no problems found" in check.stdout

    exported = _export_ids(db, tmp_path / "events.jsonl")
    assert exported, "the corpus should give events"
    assert len(exported) == len(set(exported)), "duplicate event ids in the export"

    # 5. nothing lost: the same events and claims as one uninterrupted run
    ref = tmp_path / "reference.db"
    res = _run(_ingest_cmd(corpus, ref))
    assert res.returncode == 0, res.stderr
    assert _event_ids_by_doc(db) == _event_ids_by_doc(ref)
    assert _claim_ids(db) == _claim_ids(ref)
    assert sorted(exported) == sorted(_export_ids(ref, tmp_path / "reference.jsonl"))


def test_kill_while_the_database_is_created_then_rerun(tmp_path):
    """A kill during creation/migration must not leave a database the next run refuses."""
    rng = random.Random(SEED + 1)
    corpus = tmp_path / "corpus"
    ids = _write_corpus(corpus, 6)
    db = tmp_path / "fresh.db"
    cmd = _ingest_cmd(corpus, db)
    killed, err = _kill_when(cmd, db.exists, rng.uniform(0.0, 0.02))
    assert "Traceback" not in err
    if killed:
        assert (_doc_count(db) or 0) == 0
    res = _run(cmd)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    _assert_exactly_once(db, ids)
    check = _run(_cmd("check", "--db", str(db)))
    assert check.returncode == 0 and "no problems found" in check.stdout, check.stdout + check.stderr
