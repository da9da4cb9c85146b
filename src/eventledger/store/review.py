"""Users and the review workflow: confirm, edit, merge, split, reject.

Every action writes one row per changed field to ``reviews`` (the audit log: who, when,
before, after) in the same transaction as the change. Field edits and status changes also
write ``overrides``, which the store re-applies after a pipeline re-run so that a reviewer's
work is not undone by the machine.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from eventledger.errors import EventLedgerError
from eventledger.models import DATE_PRECISIONS, EVENT_TYPES, QUALIFIERS, TACTICS, COUNT_KINDS
from eventledger.store import schema as s
from eventledger.store.query import event_row_to_dict, resolve_engine

__all__ = ["ROLES", "User", "ReviewError", "add_user", "verify_user", "get_user", "list_users",
           "set_role", "delete_user", "confirm", "reject", "edit_field", "merge", "split",
           "list_reviews", "EDITABLE_FIELDS"]

#: reader: may log in to read when reading is login-only; reviewer: may review; admin: users too
ROLES = ("reader", "reviewer", "admin")
_hasher = PasswordHasher()  # argon2id with the library's maintained defaults
# verifying against this for unknown names keeps the time of a failed login the same
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class ReviewError(EventLedgerError):
    """A review action that cannot be applied (unknown event, bad value); shown to the user."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    def can(self, need: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(need)


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ------------------------------------------------------------------------------- users

def add_user(store: Any, name: str, password: str, role: str) -> User:
    """Create a user (or reset an existing user's password and role)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ReviewError("user name must be 1-100 characters")
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < 8:
        raise ReviewError("password must have at least 8 characters")
    engine = resolve_engine(store)
    row = {"password_hash": _hasher.hash(password), "role": role}
    with engine.begin() as conn:
        exists = conn.execute(select(s.users.c.name).where(s.users.c.name == name)).first()
        if exists:
            conn.execute(update(s.users).where(s.users.c.name == name).values(**row))
        else:
            conn.execute(insert(s.users).values(name=name, created_at=_now(), **row))
    return User(name, role)


def verify_user(store: Any, name: str, password: str) -> User | None:
    """The user when the password matches, else None (same work either way)."""
    engine = resolve_engine(store)
    with engine.connect() as conn:
        row = conn.execute(select(s.users).where(s.users.c.name == name)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(row.name, row.role) if row else None


def get_user(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(s.users.c.name, s.users.c.role).where(s.users.c.name == name)).first()
    return User(row.name, row.role) if row else None


def list_users(conn: Connection) -> list[dict[str, Any]]:
    return [{"name": r.name, "role": r.role, "created_at": r.created_at.isoformat() if r.created_at else None}
            for r in conn.execute(select(s.users.c.name, s.users.c.role, s.users.c.created_at)
                                  .order_by(s.users.c.name))]


def set_role(conn: Connection, name: str, role: str) -> None:
    if role not in ROLES:
        raise ReviewError(f"role must be one of {', '.join(ROLES)}")
    if conn.execute(update(s.users).where(s.users.c.name == name).values(role=role)).rowcount == 0:
        raise ReviewError(f"no user {name!r}")


def delete_user(conn: Connection, name: str) -> None:
    conn.execute(delete(s.users).where(s.users.c.name == name))


# ------------------------------------------------------------------------------- values

def _opt(conv):
    def parse(v: Any) -> Any:
        if v is None or (isinstance(v, str) and v.strip() == ""):
            return None
        return conv(v)
    return parse


def _choice(options):
    def parse(v: Any) -> Any:
        if v not in options:
            raise ValueError(f"expected one of {', '.join(options)}")
        return v
    return parse


def _code_list(options):
    def parse(v: Any) -> list[str]:
        items = json.loads(v) if isinstance(v, str) and v.strip().startswith("[") else (
            v if isinstance(v, list) else [p.strip() for p in str(v).split(",") if p.strip()])
        bad = [i for i in items if options is not None and i not in options]
        if bad:
            raise ValueError(f"unknown codes {bad}; expected {', '.join(options)}")
        return [str(i) for i in items]
    return parse


_SUB_TYPES = tuple(st for subs in EVENT_TYPES.values() for st in subs)
#: field -> parser of the submitted value (raises ValueError with a readable message)
EDITABLE_FIELDS = {
    "event_type": _choice(tuple(EVENT_TYPES)),
    "sub_event_type": _choice(_SUB_TYPES),
    "date_start": _opt(lambda v: date.fromisoformat(str(v).strip())),
    "date_end": _opt(lambda v: date.fromisoformat(str(v).strip())),
    "date_precision": _choice(DATE_PRECISIONS),
    "location_name": _opt(str),
    "canonical": _opt(str),
    "admin1": _opt(str),
    "country": _opt(lambda v: str(v).strip().upper()[:2]),
    "lat": _opt(lambda v: _ranged(float(v), -90, 90)),
    "lon": _opt(lambda v: _ranged(float(v), -180, 180)),
    "tactics": _code_list(TACTICS),
    "actor1": _opt(str),
    "actor2": _opt(str),
    "count_kind": _opt(_choice(COUNT_KINDS)),
    "count_value": _opt(int),
    "count_qualifier": _opt(_choice(QUALIFIERS)),
    "count_qualifier_text": _opt(str),
    "slogans": _code_list(None),
    "attributed_to": _opt(str),
    "notes": _code_list(None),
}
_JSON_COLUMNS = ("tactics", "slogans", "notes")


def _ranged(v: float, lo: float, hi: float) -> float:
    if not lo <= v <= hi:
        raise ValueError(f"must be between {lo} and {hi}")
    return v


def _to_json(v: Any) -> str:
    return json.dumps(v.isoformat() if isinstance(v, date) else v, ensure_ascii=False)


def _event(conn: Connection, event_id: str) -> dict[str, Any]:
    row = conn.execute(select(s.events).where(s.events.c.id == event_id)).first()
    if row is None:
        raise ReviewError(f"no event {event_id!r}")
    return event_row_to_dict(row)


def _log(conn: Connection, event_id: str, action: str, user: str, field: str | None = None,
         before: Any = None, after: Any = None, note: str | None = None) -> None:
    conn.execute(insert(s.reviews).values(
        event_id=event_id, action=action, field=field, user=user, at=_now(), note=note or None,
        before=None if before is None else _to_json(before),
        after=None if after is None else _to_json(after)))


def _override(conn: Connection, event_id: str, field: str, value: Any, user: str) -> None:
    o = s.overrides
    conn.execute(delete(o).where(o.c.event_id == event_id, o.c.field == field))
    conn.execute(insert(o).values(event_id=event_id, field=field, value=_to_json(value),
                                  user=user, at=_now()))


def _set_status(conn: Connection, ev: dict[str, Any], status: str, action: str, user: str,
                note: str | None, **extra: Any) -> None:
    conn.execute(update(s.events).where(s.events.c.id == ev["id"]).values(status=status, **extra))
    _override(conn, ev["id"], "status", status, user)
    for k, v in extra.items():
        _override(conn, ev["id"], k, v, user)
    _log(conn, ev["id"], action, user, "status", ev["status"], status, note)


# ------------------------------------------------------------------------------- actions

def confirm(conn: Connection, event_id: str, user: str, note: str | None = None) -> None:
    _set_status(conn, _event(conn, event_id), "confirmed", "confirm", user, note)


def reject(conn: Connection, event_id: str, user: str, note: str | None = None) -> None:
    _set_status(conn, _event(conn, event_id), "rejected", "reject", user, note)


def edit_field(conn: Connection, event_id: str, field: str, raw_value: Any, user: str,
               note: str | None = None) -> Any:
    """Set one field (validated), record before/after and an override; returns the value."""
    if field not in EDITABLE_FIELDS:
        raise ReviewError(f"field {field!r} cannot be edited; editable: {', '.join(EDITABLE_FIELDS)}")
    ev = _event(conn, event_id)
    try:
        value = EDITABLE_FIELDS[field](raw_value)
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise ReviewError(f"{field}: {exc}") from exc
    if field == "sub_event_type":
        allowed = EVENT_TYPES.get(ev["event_type"], ())
        if value not in allowed:
            raise ReviewError(f"sub_event_type {value!r} does not belong to {ev['event_type']!r}")
    stored = json.dumps(value, ensure_ascii=False) if field in _JSON_COLUMNS else value
    status = "confirmed" if ev["status"] == "confirmed" else "edited"
    conn.execute(update(s.events).where(s.events.c.id == event_id).values(
        **{field: stored}, status=status if ev["status"] in ("machine", "confirmed", "edited") else ev["status"]))
    _override(conn, event_id, field, value, user)
    _log(conn, event_id, "edit", user, field, ev.get(field), value, note)
    return value


def merge(conn: Connection, keep_id: str, other_id: str, user: str, note: str | None = None) -> None:
    """Merge ``other`` into ``keep``: its reporting documents (and with them their evidence)
    are linked to ``keep``; ``other`` stays, with status ``merged`` and ``merged_into``
    (nothing is deleted). A document links to an event once: when a document of ``other``
    already reports ``keep`` (two events of one report merged by hand), ``keep`` keeps its
    own extraction from that document as evidence, and ``other``'s spans from it stay on
    ``other``, still reachable through ``merged_into``."""
    if keep_id == other_id:
        raise ReviewError("cannot merge an event into itself")
    keep, other = _event(conn, keep_id), _event(conn, other_id)
    if other["status"] == "merged" or keep["status"] == "merged":
        raise ReviewError("one of the events is already merged")
    ed = s.event_documents
    have = {r.doc_id for r in conn.execute(select(ed.c.doc_id).where(ed.c.event_id == keep_id))}
    moved = []
    for r in conn.execute(select(ed).where(ed.c.event_id == other_id)).all():
        if r.doc_id not in have:
            conn.execute(insert(ed).values(event_id=keep_id, doc_id=r.doc_id, local_id=r.local_id))
            moved.append(r.doc_id)
    n_pub = len({p for (p,) in conn.execute(
        select(s.documents.c.publisher).join(ed, ed.c.doc_id == s.documents.c.id)
        .where(ed.c.event_id == keep_id)) if p})
    if n_pub > keep["corroboration"]:
        conn.execute(update(s.events).where(s.events.c.id == keep_id).values(corroboration=n_pub))
    _set_status(conn, other, "merged", "merge", user, note, merged_into=keep_id)
    _log(conn, keep_id, "merge", user, "event_documents", None, {"merged": other_id, "documents": moved}, note)


def split(conn: Connection, event_id: str, doc_ids: list[str], user: str, note: str | None = None) -> str:
    """Move the reports of ``doc_ids`` (and with their links, their evidence) to a new event,
    a copy of the original's fields; returns the new event's id."""
    ev = _event(conn, event_id)
    ed = s.event_documents
    current = {r.doc_id: r.local_id for r in conn.execute(select(ed).where(ed.c.event_id == event_id))}
    if ev["doc_id"] not in current:  # events without event_documents rows: the first doc counts
        current[ev["doc_id"]] = ev["id"]
    chosen = [d for d in dict.fromkeys(doc_ids) if d in current]
    if not chosen:
        raise ReviewError("choose at least one document that reports this event")
    if len(chosen) == len(current):
        raise ReviewError("a split must leave at least one document with the original event")
    new_id = f"{event_id}-s{secrets.token_hex(3)}"
    row = conn.execute(select(s.events).where(s.events.c.id == event_id)).first()._asdict()
    row.update(id=new_id, doc_id=chosen[0], status="edited", merged_into=None, corroboration=1)
    conn.execute(insert(s.events).values(**row))
    for d in chosen:
        conn.execute(delete(ed).where(ed.c.event_id == event_id, ed.c.doc_id == d))
        conn.execute(insert(ed).values(event_id=new_id, doc_id=d, local_id=current[d]))
    if ev["doc_id"] in chosen:
        rest = [d for d in current if d not in chosen]
        conn.execute(update(s.events).where(s.events.c.id == event_id).values(doc_id=rest[0]))
    _override(conn, new_id, "split_from", {"event": event_id, "documents": chosen}, user)
    _log(conn, event_id, "split", user, "event_documents", sorted(current), {"new_event": new_id, "documents": chosen}, note)
    _log(conn, new_id, "split", user, "event_documents", None, {"split_from": event_id, "documents": chosen}, note)
    return new_id


def list_reviews(conn: Connection, event_id: str | None = None, limit: int = 200,
                 offset: int = 0) -> list[dict[str, Any]]:
    r = s.reviews
    stmt = select(r).order_by(r.c.at.desc(), r.c.id.desc()).limit(min(limit, 1000)).offset(offset)
    if event_id is not None:
        stmt = stmt.where(r.c.event_id == event_id)
    out = []
    for row in conn.execute(stmt):
        d = dict(row._mapping)
        d["at"] = d["at"].isoformat() if d["at"] else None
        for k in ("before", "after"):
            try:
                d[k] = json.loads(d[k]) if d[k] is not None else None
            except json.JSONDecodeError:
                pass
        out.append(d)
    return out
