"""Review actions on the store: audit log rows, overrides, merge/split/reject, users."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from eventledger.store import schema as s
from eventledger.store import review as R
from eventledger.store.evidence import event_spans


@pytest.fixture()
def engine(sample_engine):
    return sample_engine


def _event(engine, event_id):
    with engine.connect() as conn:
        return conn.execute(select(s.events).where(s.events.c.id == event_id)).mappings().one()


def _reviews(engine, event_id):
    with engine.connect() as conn:
        return R.list_reviews(conn, event_id)


def _overrides(engine, event_id):
    with engine.connect() as conn:
        return {r.field: json.loads(r.value) for r in conn.execute(
            select(s.overrides).where(s.overrides.c.event_id == event_id))}


def test_passwords_are_argon2_hashed_and_verified(engine):
    with engine.connect() as conn:
        h = conn.execute(select(s.users.c.password_hash).where(s.users.c.name == "rev")).scalar_one()
    assert h.startswith("$argon2") and "reviewer-pass-1" not in h
    assert R.verify_user(engine, "rev", "reviewer-pass-1") == R.User("rev", "reviewer")
    assert R.verify_user(engine, "rev", "wrong-password") is None
    assert R.verify_user(engine, "nobody", "reviewer-pass-1") is None


def test_add_user_validates_role_and_password(engine):
    with pytest.raises(R.ReviewError):
        R.add_user(engine, "x", "long-enough-1", "superuser")
    with pytest.raises(R.ReviewError):
        R.add_user(engine, "x", "short", "reviewer")
    R.add_user(engine, "rev", "a-new-password", "admin")  # reset existing user
    assert R.verify_user(engine, "rev", "a-new-password") == R.User("rev", "admin")


def test_roles_are_ordered():
    assert R.User("a", "admin").can("reviewer") and R.User("r", "reviewer").can("reader")
    assert not R.User("r", "reader").can("reviewer") and not R.User("r", "reviewer").can("admin")


def test_confirm_records_audit_and_status_override(engine):
    with engine.begin() as conn:
        R.confirm(conn, "ev-protest-2", "rev", "checked against the source")
    assert _event(engine, "ev-protest-2")["status"] == "confirmed"
    (log,) = _reviews(engine, "ev-protest-2")
    assert (log["action"], log["user"], log["before"], log["after"]) == ("confirm", "rev", "machine", "confirmed")
    assert log["note"] == "checked against the source" and log["at"]
    assert _overrides(engine, "ev-protest-2")["status"] == "confirmed"


def test_edit_field_validates_and_writes_override(engine):
    with engine.begin() as conn:
        R.edit_field(conn, "ev-protest-1", "count_value", "350", "rev")
        R.edit_field(conn, "ev-protest-1", "tactics", "rally, march", "rev")
        R.edit_field(conn, "ev-protest-1", "date_start", "2024-03-01", "rev")
    ev = _event(engine, "ev-protest-1")
    assert ev["count_value"] == 350 and json.loads(ev["tactics"]) == ["rally", "march"]
    assert str(ev["date_start"]) == "2024-03-01" and ev["status"] == "edited"
    ov = _overrides(engine, "ev-protest-1")
    assert ov["count_value"] == 350 and ov["tactics"] == ["rally", "march"] and ov["date_start"] == "2024-03-01"
    edits = {r["field"]: r for r in _reviews(engine, "ev-protest-1")}
    assert edits["count_value"]["before"] == 300 and edits["count_value"]["after"] == 350
    assert edits["tactics"]["before"] == ["rally", "banner"]


@pytest.mark.parametrize("field,value", [("tactics", "teleportation"), ("event_type", "party"),
                                          ("lat", "91"), ("date_start", "yesterday"), ("status", "confirmed"),
                                          ("sub_event_type", "arrest"), ("count_value", "many")])
def test_edit_field_refuses_bad_values(engine, field, value):
    with pytest.raises(R.ReviewError), engine.begin() as conn:
        R.edit_field(conn, "ev-protest-1", field, value, "rev")
    assert _reviews(engine, "ev-protest-1") == []
    assert _event(engine, "ev-protest-1")["status"] == "machine"


def test_merge_moves_documents_and_keeps_the_merged_row(engine):
    with engine.begin() as conn:
        R.merge(conn, "ev-protest-1", "ev-protest-2", "rev", "same gathering")
    other = _event(engine, "ev-protest-2")
    assert other["status"] == "merged" and other["merged_into"] == "ev-protest-1"
    with engine.connect() as conn:
        docs = {r.doc_id for r in conn.execute(select(s.event_documents.c.doc_id)
                                               .where(s.event_documents.c.event_id == "ev-protest-1"))}
        spans = event_spans(conn, ["ev-protest-1", "ev-protest-2"])
    assert docs == {"doc-a", "doc-b"}
    # evidence follows the links: the kept event shows the spans of both its documents, and
    # the merged-away row keeps its own (doc-b was already linked to the kept event)
    assert {e["doc_id"] for e in spans["ev-protest-1"]} == {"doc-a", "doc-b"}
    assert [e["doc_id"] for e in spans["ev-protest-2"]] == ["doc-b"]
    assert {r["action"] for r in _reviews(engine, "ev-protest-1")} == {"merge"}
    assert _overrides(engine, "ev-protest-2") == {"status": "merged", "merged_into": "ev-protest-1"}
    with pytest.raises(R.ReviewError), engine.begin() as conn:
        R.merge(conn, "ev-protest-1", "ev-protest-1", "rev")


def test_split_moves_chosen_reports_to_a_new_event(engine):
    with engine.begin() as conn:
        new_id = R.split(conn, "ev-repr-1", ["doc-b"], "rev", "two different detentions")
    with engine.connect() as conn:
        ed = s.event_documents
        left = {r.doc_id for r in conn.execute(select(ed.c.doc_id).where(ed.c.event_id == "ev-repr-1"))}
        new = {r.doc_id for r in conn.execute(select(ed.c.doc_id).where(ed.c.event_id == new_id))}
        spans = event_spans(conn, ["ev-repr-1", new_id])
    assert left == {"doc-a"} and new == {"doc-b"}
    assert {e["doc_id"] for e in spans[new_id]} == {"doc-b"}  # the moved report's evidence moved with it
    assert {e["doc_id"] for e in spans["ev-repr-1"]} == {"doc-a"}
    assert _event(engine, new_id)["event_type"] == "repression"
    assert any(r["action"] == "split" for r in _reviews(engine, "ev-repr-1"))
    with pytest.raises(R.ReviewError), engine.begin() as conn:  # cannot move every report
        R.split(conn, "ev-repr-1", ["doc-a"], "rev")


def test_reject_and_unknown_event(engine):
    with engine.begin() as conn:
        R.reject(conn, "ev-repr-2", "rev", "not an event")
    assert _event(engine, "ev-repr-2")["status"] == "rejected"
    with pytest.raises(R.ReviewError), engine.begin() as conn:
        R.confirm(conn, "no-such-event", "rev")


def test_overrides_use_the_store_format(engine):
    """The store re-applies overrides after a re-run with rows.apply_override: the values
    this module writes must decode to the same column values."""
    from eventledger.store.rows import apply_override

    with engine.begin() as conn:
        R.edit_field(conn, "ev-protest-1", "date_start", "2024-03-01", "rev")
        R.edit_field(conn, "ev-protest-1", "tactics", "march", "rev")
        R.edit_field(conn, "ev-protest-1", "actor1", "Teachers", "rev")
    with engine.connect() as conn:
        rows = {r.field: r.value for r in conn.execute(select(s.overrides).where(s.overrides.c.event_id == "ev-protest-1"))}
    assert str(apply_override("date_start", rows["date_start"])["date_start"]) == "2024-03-01"
    assert json.loads(apply_override("tactics", rows["tactics"])["tactics"]) == ["march"]
    assert apply_override("actor1", rows["actor1"]) == {"actor1": "Teachers"}
