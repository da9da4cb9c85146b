"""The store on PostgreSQL. Runs when EVENTLEDGER_TEST_PG gives a server URL (e.g.
postgresql://postgres@127.0.0.1:5432/test); each test works in a fresh schema that is
dropped afterwards."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import sys
import uuid
from pathlib import Path

import pytest

PG_URL = os.environ.get("EVENTLEDGER_TEST_PG")
pytestmark = [
    pytest.mark.pg,
    pytest.mark.skipif(not PG_URL, reason="EVENTLEDGER_TEST_PG is not set: PostgreSQL store tests skipped"),
]

from sqlalchemy import create_engine, text  # noqa: E402

from eventledger.doc import Doc  # noqa: E402
from eventledger.errors import MigrationError  # noqa: E402
from eventledger.models import Claim, Count, DateRange, Event, Evidence, Location, Report, Span  # noqa: E402
from eventledger.store import LATEST_VERSION, migrate, open_store  # noqa: E402
from eventledger.store.migrations import doc_events  # noqa: E402

CITIES = [("Arak", "Markazi"), ("Qom", "Qom"), ("Sanandaj", "Kurdistan"), ("Yazd", "Yazd"), ("Zahedan", "Sistan")]
SUBS = [("protest", "demonstration"), ("protest", "strike"), ("repression", "arrest")]


def synthetic_doc(i: int) -> Doc:
    """A small report whose events often coincide with other reports' (to exercise merging)."""
    text_ = f"Report {i}. " + "Workers and students gathered; police made arrests. " * 6
    doc_id = f"doc{i:03d}"
    events = []
    for j in range(3):
        city, admin1 = CITIES[(i + j) % len(CITIES)]
        etype, sub = SUBS[(i * 7 + j) % len(SUBS)]
        day = dt.date(2024, 6, 1) + dt.timedelta(days=(i + 2 * j) % 4)
        events.append(Event(
            id=f"e{j}", doc_id=doc_id, event_type=etype, sub_event_type=sub,
            location=Location(city, city, admin1, "IR", 30.0 + j, 50.0 + j, 1),
            date=DateRange(day, day + dt.timedelta(days=i % 2), "day" if i % 2 == 0 else "range"),
            tactics=("rally",) if sub == "demonstration" else (), actor1=None if i % 3 else "workers",
            count=Count("arrested", i % 5 + 1, "at_least") if sub == "arrest" else None,
            evidence=(Evidence(doc_id, Span(10 * j, 10 * j + 40)),)))
    report = Report(id=doc_id, text=text_, content_hash=hashlib.sha256(text_.encode()).hexdigest(),
                    publisher=f"Outlet {i % 4}" if i % 5 else None)
    claims = [Claim(id="c1", doc_id=doc_id, text="police made arrests", span=Span(30, 49), kind="arrested",
                    value=i % 7, attributed_to="a monitor", place=CITIES[i % 5][0], period="2024-06")]
    return Doc(report=report, events=events, claims=claims)


@pytest.fixture
def pg_url():
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))  # name generated above, not user input
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_round_trip_and_migrations(pg_url):
    store = open_store(pg_url)
    assert store.dialect == "postgresql"
    assert migrate(store.engine) == []
    with store.engine.connect() as conn:
        versions = [v for (v,) in conn.execute(text("SELECT version FROM schema_migrations ORDER BY version"))]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert conn.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_documents_fts' AND schemaname = current_schema()")).scalar() == 1
    docs = [synthetic_doc(i) for i in range(6)]
    assert store.save_docs(docs) == [d.id for d in docs]
    assert store.save_docs(docs) == []
    assert store.document_hash("doc000") == docs[0].report.content_hash
    assert store.count_events() > 0 and store.check() == []
    store.close()
    with create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1)).begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x', now())"))
    with pytest.raises(MigrationError):
        open_store(pg_url)


def test_sqlite_and_postgresql_give_the_same_export(pg_url, tmp_path):
    docs = [synthetic_doc(i) for i in range(25)]
    pg = open_store(pg_url)
    lite = open_store(tmp_path / "same.db")
    for store in (pg, lite):
        store.save_docs(docs[:10])
        store.save_docs(docs[10:])
    assert list(pg.iter_events()) == list(lite.iter_events())
    assert list(pg.iter_claims()) == list(lite.iter_claims())
    assert pg.summary() == lite.summary()
    pg.close()
    lite.close()


def test_migration_3_rebuilds_merges_on_postgresql(pg_url):
    store = open_store(pg_url)
    store.save_docs([synthetic_doc(i) for i in range(20)])
    before = list(store.iter_events())
    store.close()
    # back to schema version 2: dedupe keys without the time tile
    with create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1)).begin() as conn:
        conn.execute(text("UPDATE doc_events SET dedupe_key = left(dedupe_key, length(dedupe_key) - 8) "
                          "WHERE dedupe_key NOT LIKE '~%'"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 3"))
    again = open_store(pg_url)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM doc_events WHERE dedupe_key LIKE '%2024-06'")).scalar() == 60
    assert list(again.iter_events()) == before
    assert again.check() == []
    again.close()


def _worker(url: str, indices: list[int], src: str) -> None:
    sys.path.insert(0, src)
    store = open_store(url)
    for k in range(0, len(indices), 4):
        store.save_docs([synthetic_doc(i) for i in indices[k : k + 4]])
    store.close()


def test_concurrent_ingest_loses_and_duplicates_nothing(pg_url, tmp_path):
    open_store(pg_url).close()  # migrate once, then race on the data
    first, second = list(range(0, 40)), list(range(60, 20, -1))  # 20 documents sent by both
    ctx = multiprocessing.get_context("spawn")
    src = str(Path(__file__).parent)
    procs = [ctx.Process(target=_worker, args=(pg_url, idx, src)) for idx in (first, second)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
    assert [p.exitcode for p in procs] == [0, 0]

    pg = open_store(pg_url)
    reference = open_store(tmp_path / "ref.db")
    reference.save_docs([synthetic_doc(i) for i in range(61)])
    assert list(pg.iter_events()) == list(reference.iter_events())
    with pg.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 61
        assert conn.execute(text("SELECT count(*) FROM doc_events")).scalar() == 61 * 3
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar() == 61
        linked = conn.execute(text("SELECT count(*) FROM event_documents")).scalar()
        assert linked == 61 * 3  # every per-document event is linked to exactly one merged event
    assert doc_events.name == "doc_events"
    assert pg.check() == []
    pg.close()
    reference.close()
