"""The store: SQLite (in a temporary directory) and the in-memory fake must behave alike.

Documents are built by hand (texts written for these tests) so the tests do not depend
on the pipeline stages."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3

import pytest
from sqlalchemy import select, text

from eventledger.doc import Anchor, Doc, PlaceMention
from eventledger.errors import MigrationError, StoreError
from eventledger.models import Claim, Count, DateRange, Event, Evidence, Location, Place, Report, Span
from eventledger.store import LATEST_VERSION, MemoryStore, migrate, open_store
from eventledger.store.migrations import load_publishers
from eventledger.store.schema import schema_migrations

D = dt.date
TEXT_A = ("Arak, March 6. Teachers gathered in front of the education office in Arak on Tuesday "
          "and chanted \"Pay our wages\". Police detained three of them, the union said.")
TEXT_B = ("Several hundred teachers rallied in Arak on March 5, a local monitor reported. "
          "Retirees held a separate protest in Qom the same day.")


def location(city: str, admin1: str) -> Location:
    return Location(city, city, admin1, "IR", 34.09, 49.69, 1)


def event(doc_id: str, local: str, span: tuple[int, int], *, sub: str = "demonstration", etype: str = "protest",
          city: str = "Arak", admin1: str = "Markazi", start: dt.date = D(2024, 3, 5),
          end: dt.date | None = None, actor1: str | None = "teachers", tactics: tuple[str, ...] = ("rally",),
          count: Count | None = None, slogans: tuple[str, ...] = ()) -> Event:
    return Event(id=local, doc_id=doc_id, event_type=etype, sub_event_type=sub, location=location(city, admin1),
                 date=DateRange(start, end or start, "day" if end in (None, start) else "range"),
                 tactics=tactics, actor1=actor1, count=count, slogans=slogans,
                 evidence=(Evidence(doc_id, Span(*span)), Evidence(doc_id, Span(span[0], span[0] + 4), "place")))


def make_doc(doc_id: str, text_: str, events: list[Event], *, publisher: str | None = None,
             claims: list[Claim] | None = None, places: list[PlaceMention] | None = None) -> Doc:
    report = Report(id=doc_id, text=text_, content_hash=hashlib.sha256(text_.encode()).hexdigest(),
                    publisher=publisher, published=D(2024, 3, 6), title=f"Report {doc_id}", language="en")
    return Doc(report=report, events=list(events), claims=list(claims or []), places=list(places or []),
               anchor=Anchor(D(2024, 3, 6), "published"))


def doc_a(text_: str = TEXT_A) -> Doc:
    return make_doc(
        "a", text_,
        [event("a", "e1", (15, 120), slogans=("Pay our wages",)),
         event("a", "e2", (110, 155), sub="arrest", etype="repression", actor1="police",
               count=Count("arrested", 3, "exact"))],
        publisher="Union Bulletin",
        claims=[Claim(id="c1", doc_id="a", text="Police detained three of them", span=Span(110, 140),
                      kind="arrested", value=3, qualifier="exact", attributed_to="the union", place="Arak",
                      period="2024-03-05", event_ids=("e2",))],
        places=[PlaceMention(Span(0, 4), "Arak", Place("Arak", "IR", "Markazi", 34.09, 49.69), role="other"),
                PlaceMention(Span(80, 84), "Arak", Place("Arak", "IR", "Markazi", 34.09, 49.69))],
    )


def doc_b() -> Doc:
    return make_doc(
        "b", TEXT_B,
        [event("b", "x1", (0, 80), count=Count("participants", None, None, "several hundred")),
         event("b", "x2", (81, 130), city="Qom", admin1="Qom", actor1="retirees")],
        publisher="Local Monitor",
        claims=[Claim(id="c1", doc_id="b", text="Several hundred teachers", span=Span(0, 24), kind="arrested",
                      value=5, qualifier="at_least", attributed_to="a local monitor", place="Arak",
                      period="2024-03-05")],
    )


@pytest.fixture(params=["sqlite", "memory"])
def make_store(request, tmp_path):
    stores = []

    def factory(name: str = "db"):
        if request.param == "memory":
            store = MemoryStore(publishers={"Union Bulletin": "party_to_conflict"})
        else:
            store = open_store(tmp_path / f"{name}.sqlite")
            with store.engine.begin() as conn:
                conn.execute(text("INSERT INTO publishers (name, stance) VALUES (:n, :s)"),
                             {"n": "Union Bulletin", "s": "party_to_conflict"})
        stores.append(store)
        return store

    yield factory
    for s in stores:
        s.close()


def test_round_trip(make_store):
    store = make_store()
    assert store.save_docs([doc_a()]) == ["a"]
    assert store.document_hash("a") == hashlib.sha256(TEXT_A.encode()).hexdigest()
    assert store.document_hash("zzz") is None
    assert store.get_document("a")["text"] == TEXT_A
    events = list(store.iter_events())
    assert len(events) == 2 and store.count_events() == 2
    demo = next(e for e in events if e["sub_event_type"] == "demonstration")
    assert demo["doc"] == "a" and demo["documents"] == ["a"]
    assert demo["location"] == {"name": "Arak", "canonical": "Arak", "admin1": "Markazi", "country": "IR",
                                "lat": 34.09, "lon": 49.69, "precision": 1}
    assert (demo["date_start"], demo["date_end"], demo["date_precision"]) == ("2024-03-05", "2024-03-05", "day")
    assert demo["slogans"] == ["Pay our wages"] and demo["tactics"] == ["rally"]
    assert demo["provenance"] == [{"doc": "a", "start": 15, "end": 19, "role": "place"},
                                  {"doc": "a", "start": 15, "end": 120, "role": "sentence"}]
    assert demo["reported_by"] == "Union Bulletin" and demo["stance"] == "party_to_conflict"
    assert demo["corroboration"] == 1 and demo["status"] == "machine"
    arrest = next(e for e in events if e["sub_event_type"] == "arrest")
    assert arrest["count"] == {"kind": "arrested", "value": 3, "qualifier": "exact"}
    assert list(arrest) == list(demo)  # the same keys in the same order
    (claim,) = store.iter_claims()
    assert claim["doc"] == "a" and claim["value"] == 3 and claim["event_ids"] == [arrest["id"]]
    summary = store.summary()
    assert summary["documents"] == 1 and summary["events"] == 2
    assert summary["events_by_type"] == {"protest/demonstration": 1, "repression/arrest": 1}
    assert summary["top_places"][0] == {"place": "Arak", "country": "IR", "events": 2}
    assert summary["date_span"] == ["2024-03-05", "2024-03-05"]
    assert store.check() == []


def test_reingest_unchanged_changes_nothing_and_changed_replaces(make_store):
    store = make_store()
    store.save_docs([doc_a()])
    before = list(store.iter_events())
    assert store.save_docs([doc_a()]) == []
    assert list(store.iter_events()) == before
    changed = make_doc("a", TEXT_A + " Update: the detainees were released.",
                       [event("a", "e1", (15, 120), sub="strike", tactics=("strike",))], publisher="Union Bulletin")
    assert store.save_docs([changed]) == ["a"]
    after = list(store.iter_events())
    assert [e["sub_event_type"] for e in after] == ["strike"]
    assert list(store.iter_claims()) == []  # the old claims went with the old version
    assert store.check() == []


def test_cross_document_merge_is_independent_of_order(make_store):
    ab, ba = make_store("ab"), make_store("ba")
    ab.save_docs([doc_a()])
    ab.save_docs([doc_b()])
    ba.save_docs([doc_b()])
    ba.save_docs([doc_a()])
    one, two = list(ab.iter_events()), list(ba.iter_events())
    assert one == two
    merged = next(e for e in one if e["sub_event_type"] == "demonstration" and e["location"]["canonical"] == "Arak")
    assert merged["documents"] == ["a", "b"] and merged["doc"] == "a"
    assert merged["corroboration"] == 2
    assert {p["doc"] for p in merged["provenance"]} == {"a", "b"}
    assert len(one) == 3  # merged demonstration, the arrest, the Qom protest


def test_merges_across_documents_and_time_tiles_are_independent_of_order(make_store):
    texts = {n: f"Report {n}: teachers rallied in Arak near the end of March." for n in "cdef"}
    docs = [
        make_doc("c", texts["c"], [event("c", "e1", (0, 20), start=D(2024, 3, 31))], publisher="P1"),
        make_doc("d", texts["d"], [event("d", "e1", (0, 20), start=D(2024, 3, 29), end=D(2024, 4, 8))],
                 publisher="P2"),
        make_doc("e", texts["e"], [event("e", "e1", (0, 20), start=D(2024, 4, 2))], publisher="P3"),
        make_doc("f", texts["f"], [event("f", "e1", (0, 20), start=D(2024, 3, 30), end=D(2024, 3, 31))],
                 publisher="P4"),
    ]
    forward, backward = make_store("fw"), make_store("bw")
    for d in docs:
        forward.save_docs([d])
    for d in reversed(docs):
        backward.save_docs([d])
    one, two = list(forward.iter_events()), list(backward.iter_events())
    assert one == two
    assert sorted(e["documents"] for e in one) == [["c", "f"], ["d", "e"]]


def test_a_document_that_stops_reporting_an_event_leaves_the_merge(make_store):
    store = make_store()
    store.save_docs([doc_a(), doc_b()])
    b2 = make_doc("b", TEXT_B + " Correction.", [event("b", "x2", (81, 130), city="Qom", admin1="Qom")],
                  publisher="Local Monitor")
    store.save_docs([b2])
    arak = [e for e in store.iter_events() if e["location"]["canonical"] == "Arak"
            and e["sub_event_type"] == "demonstration"]
    assert len(arak) == 1 and arak[0]["documents"] == ["a"] and arak[0]["corroboration"] == 1


def test_overrides_and_status_survive_a_rerun(make_store):
    store = make_store()
    store.save_docs([doc_a()])
    demo = next(e for e in store.iter_events() if e["sub_event_type"] == "demonstration")
    arrest = next(e for e in store.iter_events() if e["sub_event_type"] == "arrest")
    store.set_override(demo["id"], "actor1", "school teachers", user="rev")
    store.set_override(demo["id"], "location.name", "Arak city centre", user="rev")
    store.set_status(demo["id"], "edited")
    store.set_status(arrest["id"], "rejected")
    store.save_docs([doc_a(), doc_b()], force=True)
    events = {e["id"]: e for e in store.iter_events()}
    assert arrest["id"] not in events  # rejected stays rejected, hidden by default
    assert [e["id"] for e in store.iter_events(status="rejected")] == [arrest["id"]]
    again = events[demo["id"]]
    assert again["actor1"] == "school teachers" and again["location"]["name"] == "Arak city centre"
    assert again["status"] == "edited" and again["documents"] == ["a", "b"]
    with pytest.raises(StoreError):
        store.set_override(demo["id"], "no_such_field", 1, user="rev")


def test_filters(make_store):
    store = make_store()
    store.save_docs([doc_a(), doc_b()])
    assert {e["location"]["canonical"] for e in store.iter_events(canonical="Qom")} == {"Qom"}
    assert store.count_events(event_type="repression") == 1
    assert store.count_events(doc_id="b") == 2
    assert store.count_events(date_from="2024-03-06") == 0
    assert store.count_events(date_to="2024-03-05", admin1="Markazi") == 2
    with pytest.raises(StoreError):
        list(store.iter_events(colour="red"))


def test_claims_side_by_side(make_store):
    store = make_store()
    store.save_docs([doc_a(), doc_b()])
    (group,) = store.claims_side_by_side("arrested")
    assert (group["place"], group["period"], group["sources"]) == ("Arak", "2024-03-05", 2)
    assert sorted(c["value"] for c in group["claims"]) == [3, 5]
    assert store.claims_side_by_side("killed") == []


def test_sqlite_and_memory_give_the_same_events(tmp_path):
    sql = open_store(tmp_path / "x.db")
    mem = MemoryStore(publishers={})
    for s in (sql, mem):
        s.save_docs([doc_b(), doc_a()])
    assert list(sql.iter_events()) == list(mem.iter_events())
    assert list(sql.iter_claims()) == list(mem.iter_claims())
    assert sql.summary() == mem.summary()
    sql.close()


def _chain_doc(i: int, *, city: str = "Arak", admin1: str = "Markazi") -> Doc:
    # two-day ranges one day apart: each overlaps the next, so clusters cascade down the chain
    text_ = f"Report {i}: teachers rallied in {city} over two days in March."
    start = D(2024, 3, 1) + dt.timedelta(days=i)
    return make_doc(f"chain{i:02d}", text_, [event(f"chain{i:02d}", "e1", (0, 20), start=start,
                                                   end=start + dt.timedelta(days=1), city=city, admin1=admin1)],
                    publisher=f"P{i}")


def test_batches_that_reach_only_part_of_a_key_give_the_events_of_full_reclustering(tmp_path):
    """The SQL store re-clusters only the stored members in reach of a batch; a chain of
    overlapping reports, saved in small batches in either order, and then its first report
    moved elsewhere (which re-clusters the whole chain), must give what the in-memory
    store's full re-clustering gives."""
    chain = [_chain_doc(i) for i in range(12)] + [_chain_doc(30 + i) for i in range(3)]  # and a separate run
    moved = _chain_doc(0, city="Qom", admin1="Qom")
    for order in (chain, chain[::-1]):
        sql = open_store(tmp_path / f"chain{len(list(tmp_path.iterdir()))}.db")
        for i in range(0, len(order), 2):
            sql.save_docs(order[i:i + 2])
        full = MemoryStore(publishers={})
        full.save_docs(chain)
        assert list(sql.iter_events()) == list(full.iter_events())
        assert sum(len(e["documents"]) > 1 for e in full.iter_events()) >= 6
        sql.save_docs([moved])
        full.save_docs([moved])
        assert list(sql.iter_events()) == list(full.iter_events())
        assert sql.check() == []
        sql.close()


# --- SQLite specifics ---------------------------------------------------------------

def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    store = open_store(path)
    with store.engine.connect() as conn:
        versions = [r.version for r in conn.execute(select(schema_migrations).order_by(schema_migrations.c.version))]
        assert versions == list(range(1, LATEST_VERSION + 1))
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert migrate(store.engine) == []
    store.close()
    again = open_store(f"sqlite:///{path}")
    with again.engine.connect() as conn:
        assert conn.execute(select(schema_migrations)).all().__len__() == LATEST_VERSION
    again.close()


def _reopened_from_version(path, version: int, *statements: str):
    """Put the SQLite database at ``path`` back to schema ``version`` (``statements`` undo
    the later steps' changes) and open it again, which migrates it."""
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.execute("DELETE FROM schema_migrations WHERE version > ?", (version,))
    con.commit()
    con.close()
    return open_store(path)


def test_migration_3_rekeys_doc_events_and_keeps_reviews(tmp_path):
    path = tmp_path / "v2.db"
    store = open_store(path)
    store.save_docs([doc_a(), doc_b()])
    merged = next(e for e in store.iter_events() if len(e["documents"]) == 2)
    store.set_status(merged["id"], "confirmed")
    before = list(store.iter_events(include_hidden=True))
    store.close()
    # back to schema version 2: keys without the time tile
    again = _reopened_from_version(
        path, 2, "UPDATE doc_events SET dedupe_key = substr(dedupe_key, 1, length(dedupe_key) - 8) "
                 "WHERE dedupe_key NOT LIKE '~%'", "CREATE INDEX ix_events_status ON events (status)")
    with again.engine.connect() as conn:
        keys = [k for (k,) in conn.exec_driver_sql("SELECT dedupe_key FROM doc_events")]
        assert sorted(k[-7:] for k in keys) == ["2024-03"] * 4
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_events_status'").scalar() == 0
    assert list(again.iter_events(include_hidden=True)) == before
    assert again.check() == []
    again.close()


def test_migration_4_drops_the_evidence_copy_and_keeps_the_spans(tmp_path):
    path = tmp_path / "v3.db"
    store = open_store(path)
    store.save_docs([doc_a(), doc_b()])
    before = list(store.iter_events(include_hidden=True))
    assert all(e["provenance"] for e in before)
    store.close()
    # back to schema version 3, with its evidence table
    again = _reopened_from_version(
        path, 3, 'CREATE TABLE evidence (id INTEGER PRIMARY KEY, event_id VARCHAR(64) NOT NULL, '
                 'doc_id VARCHAR(300) NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, role VARCHAR(20))')
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'evidence'").scalar() == 0
    assert list(again.iter_events(include_hidden=True)) == before
    assert again.check() == []
    again.close()


def test_migration_5_replaces_the_key_index_by_the_reach_index(tmp_path):
    path = tmp_path / "v4.db"
    store = open_store(path)
    store.save_docs([doc_a(), doc_b()])
    before = list(store.iter_events(include_hidden=True))
    store.close()
    # back to schema version 4, with its index on (dedupe_key, date_start)
    again = _reopened_from_version(path, 4, "DROP INDEX ix_doc_events_reach",
                                   "CREATE INDEX ix_doc_events_key ON doc_events (dedupe_key, date_start)")
    with again.engine.connect() as conn:
        names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE tbl_name = 'doc_events'")}
        assert "ix_doc_events_reach" in names and "ix_doc_events_key" not in names
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT dedupe_key, date_start, date_end, rowid FROM doc_events WHERE dedupe_key IN ('x')"))
        assert "COVERING INDEX ix_doc_events_reach" in plan  # the ranges come without reading the table
    again.save_docs([doc_a(TEXT_A + " More.")])
    assert [e["documents"] for e in again.iter_events(include_hidden=True)] == [e["documents"] for e in before]
    assert again.check() == []
    again.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(MigrationError, match="newer"):
        open_store(path)


def test_full_text_index_follows_document_writes(tmp_path):
    store = open_store(tmp_path / "fts.db")
    store.save_docs([doc_a()])

    def hits(word: str) -> list[str]:
        with store.engine.connect() as conn:
            return [r[0] for r in conn.execute(text(
                "SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
                "WHERE documents_fts MATCH :q"), {"q": word})]

    assert hits("wages") == ["a"]
    store.save_docs([make_doc("a", "A different text about nurses in Arak.", [])])
    assert hits("wages") == [] and hits("nurses") == ["a"]
    assert store.check() == []
    store.close()


@pytest.mark.parametrize("kind", ["directory", "garbage", "missing_parent", "bad_url", "unreachable"])
def test_unusable_database_gives_store_error(tmp_path, kind):
    target: object
    if kind == "directory":
        target = tmp_path
    elif kind == "garbage":
        target = tmp_path / "not.db"
        target.write_bytes(b"this is not a database file at all" * 100)
    elif kind == "missing_parent":
        target = tmp_path / "nowhere" / "x.db"
    elif kind == "bad_url":
        target = "mysql://localhost/x"
    else:
        target = "postgresql://nobody@127.0.0.1:1/none"
    with pytest.raises(StoreError) as info:
        open_store(target)
    assert "\n" not in str(info.value) and str(info.value)


def test_backup_and_check(tmp_path):
    store = open_store(tmp_path / "live.db")
    store.save_docs([doc_a(), doc_b()])
    store.backup(tmp_path / "copy.db")
    copy = open_store(tmp_path / "copy.db")
    assert list(copy.iter_events()) == list(store.iter_events())
    assert copy.check() == []
    raw = sqlite3.connect(tmp_path / "copy.db")  # foreign keys off: simulate damage from outside
    # an evidence span (inside a stored per-document event) past the end of its text, and a
    # link to an event that does not exist
    raw.execute("UPDATE doc_events SET data = json_set(data, '$[12][0][2]', 100000) "
                "WHERE rowid = (SELECT min(rowid) FROM doc_events)")
    raw.execute("INSERT INTO event_documents (event_id, doc_id, local_id) VALUES ('ev-none', 'a', 'x')")
    raw.commit()
    raw.close()
    problems = copy.check()
    assert any("outside" in p for p in problems)
    assert any("points nowhere" in p for p in problems)
    copy.close()
    store.close()


def test_duplicate_local_ids_in_one_document_keep_both_events(tmp_path):
    store = open_store(tmp_path / "dup.db")
    d = make_doc("a", TEXT_A, [event("a", "e1", (0, 10)), event("a", "e1", (20, 30), city="Qom", admin1="Qom")])
    store.save_docs([d])
    assert store.count_events() == 2
    store.close()


def test_load_publishers_accepts_the_usual_shapes(tmp_path):
    flat = tmp_path / "flat.toml"
    flat.write_text('[publishers]\n"Outlet A" = "state_media"\n', encoding="utf-8")
    tables = tmp_path / "tables.toml"
    tables.write_text('[[publisher]]\nname = "Outlet B"\nstance = "news_agency"\naliases = ["B News"]\n',
                      encoding="utf-8")
    assert load_publishers(flat) == {"Outlet A": "state_media"}
    assert load_publishers(tables) == {"Outlet B": "news_agency", "B News": "news_agency"}
    assert load_publishers(tmp_path / "missing.toml") == {}


def test_documents_are_streamed_in_a_stable_order(tmp_path):
    store = open_store(tmp_path / "order.db")
    docs = [make_doc(f"d{i:03d}", f"Report number {i} about a protest in Arak.",
                     [event(f"d{i:03d}", "e1", (0, 10), start=D(2024, 1, 1) + dt.timedelta(days=i % 40),
                            actor1=f"group {i}")])
            for i in range(1200)]
    store.save_docs(docs[:600])
    store.save_docs(docs[600:])
    events = list(store.iter_events())
    assert len(events) == 1200
    keys = [(e["date_start"], e["id"]) for e in events]
    assert keys == sorted(keys)
    assert json.loads(json.dumps(events[0]))["documents"] == [events[0]["doc"]]
    store.close()


def test_review_follows_an_event_renamed_by_a_new_document(make_store):
    store = make_store()
    store.save_docs([doc_b()])  # "b" alone: the Arak protest's id derives from b's event
    (old,) = [e for e in store.iter_events() if e["location"]["canonical"] == "Arak"]
    store.set_override(old["id"], "actor1", "teachers' union members", user="rev")
    store.set_status(old["id"], "confirmed")
    store.save_docs([doc_a()])  # "a" sorts first, so the merged event gets a new id
    (new,) = [e for e in store.iter_events(sub_event_type="demonstration") if e["location"]["canonical"] == "Arak"]
    assert new["id"] != old["id"] and new["documents"] == ["a", "b"]
    assert new["status"] == "confirmed" and new["actor1"] == "teachers' union members"


def test_publisher_stances_can_be_set_and_long_event_ids_are_kept(make_store):
    store = make_store()
    store.set_publishers({"Local Monitor": "rights_monitor"})
    long_id = "x" * 100
    d = make_doc("b", TEXT_B, [event("b", long_id, (0, 80)), event("b", long_id, (81, 130), city="Qom", admin1="Qom")],
                 publisher="local monitor")
    store.save_docs([d])
    events = list(store.iter_events())
    assert len(events) == 2 and {e["stance"] for e in events} == {"rights_monitor"}


def test_fast_date_writes_match_sqlalchemys_sqlite_format():
    """bulk_insert writes plain dates with isoformat(): it must be the DATE storage format."""
    from sqlalchemy import Date
    from sqlalchemy.dialects import sqlite

    process = Date().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())
    for d in (dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(2024, 2, 29), dt.date(9999, 12, 31)):
        assert d.isoformat() == process(d)


def test_stored_json_is_what_the_json_module_writes():
    """rows._dumps reuses one C encoder: its text must be JSONEncoder(ensure_ascii=False,
    compact separators).encode's, byte for byte (floats, non-ASCII text, escapes, nesting)."""
    from eventledger.store.rows import _dumps

    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    values = [
        [1, "ev-1", "doc", ["Tehran", None, "Tehran", "IR", 35.6892, 51.389, 1], ["2024-01-01", None, "day", 0.9, []]],
        ["مشهد ۱۴۰۳", "quote \" and \\ backslash", "tab\tnewline\n\x00\x1f", "emoji \U0001F600", "/"],
        [0.1, 1.0, -0.0, 1e16, 1e-7, 2 / 3, 10**20, True, False, None],
        [[[]], [{}], {"k": [1, {"n": None}]}, ["a"] * 3],
        [float("inf"), float("-inf")],
        ["x"],
    ]
    for value in values:
        assert _dumps(value) == encoder.encode(value)
    assert _dumps([]) == _dumps(()) == "[]"
    with pytest.raises(TypeError):
        _dumps([object()])


def test_none_still_binds_as_null_with_the_none_adapter(tmp_path):
    """sql_io registers an adapter for None (a registry hit instead of a raised and cleared
    AttributeError per None parameter): None must still be stored as NULL, by the store and by
    any other sqlite3 connection of the process."""
    store = open_store(tmp_path / "n.sqlite")
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE TABLE t (a, b)")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(None, 1), (None, None)])
        assert con.execute("SELECT typeof(a), typeof(b) FROM t").fetchall() == [("null", "integer"), ("null", "null")]
        assert con.execute("SELECT count(*) FROM t WHERE a IS NULL").fetchone() == (2,)
        con.close()
    finally:
        store.close()
