"""The database schema (SQLAlchemy Core), shared by SQLite and PostgreSQL.

This module is the contract between the store, the exports and the web app. The
migrations in :mod:`eventledger.store.migrations` create and evolve these tables;
never change a table here without adding a migration step.

Event rows: ``events`` holds the merged, user-facing events (one row per real-world
event, possibly reported by several documents); ``event_documents`` says which
documents report each one and under which per-document id (``local_id``) the
extractor produced it. The character spans (evidence) of an event are those of the
per-document events it links to (``doc_events``, see :mod:`eventledger.store.evidence`).
``overrides`` keeps
reviewed field values so that a re-run of the pipeline does not undo a reviewer's work;
``reviews`` is the audit log.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["metadata", "documents", "events", "event_documents", "place_mentions",
           "claims", "reviews", "overrides", "users", "publishers", "schema_migrations"]

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(300), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("publisher", String(300)),
    Column("published", Date),
    Column("title", Text),
    Column("language", String(20)),
    Column("anchor_date", Date),
    Column("anchor_source", String(20)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_publisher", "publisher"),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(300), ForeignKey("documents.id"), nullable=False),  # first reporting doc
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(40), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(20), nullable=False),
    Column("date_confidence", Float, nullable=False, default=1.0),
    Column("location_name", Text),
    Column("canonical", String(300)),
    Column("admin1", String(300)),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("tactics", Text, nullable=False, default="[]"),  # JSON list
    Column("actor1", Text),
    Column("actor2", Text),
    Column("count_kind", String(40)),
    Column("count_value", Integer),
    Column("count_qualifier", String(20)),
    Column("count_qualifier_text", Text),
    Column("slogans", Text, nullable=False, default="[]"),  # JSON list
    Column("reported_by", String(300)),
    Column("attributed_to", Text),
    Column("stance", String(40)),  # publisher stance(s), comma-joined, for filtering
    Column("confidence", Float, nullable=False, default=1.0),
    Column("corroboration", Integer, nullable=False, default=1),  # independent publishers
    Column("status", String(20), nullable=False, default="machine"),  # machine|confirmed|edited|rejected|merged
    Column("merged_into", String(64)),
    Column("notes", Text, nullable=False, default="[]"),  # JSON list
    Index("ix_events_date", "date_start", "date_end"),
    Index("ix_events_type", "event_type", "sub_event_type"),
    Index("ix_events_place", "canonical"),
    Index("ix_events_admin1", "admin1"),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_status", "status"),
)

event_documents = Table(
    "event_documents", metadata,
    Column("event_id", String(64), ForeignKey("events.id"), primary_key=True),
    Column("doc_id", String(300), ForeignKey("documents.id"), primary_key=True),
    Column("local_id", String(64), nullable=False),
    Index("ix_event_documents_doc", "doc_id"),
)

place_mentions = Table(
    "place_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(300), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("canonical", String(300)),
    Column("admin1", String(300)),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", Integer),
    Column("role", String(20), nullable=False, default="event"),
    Index("ix_place_mentions_doc", "doc_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(300), ForeignKey("documents.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("value", Float),
    Column("qualifier", String(20)),
    Column("qualifier_text", Text),
    Column("attributed_to", Text),
    Column("reported_by", String(300)),
    Column("stance", String(40)),
    Column("period", String(100)),
    Column("place", String(300)),
    Column("said_on", Date),
    Column("event_ids", Text, nullable=False, default="[]"),  # JSON list
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_kind", "kind"),
)

reviews = Table(  # the audit log: one row per reviewer action
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("action", String(20), nullable=False),  # confirm|edit|merge|split|reject
    Column("field", String(60)),
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("user", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
    Index("ix_reviews_event", "event_id"),
)

overrides = Table(  # reviewed field values, re-applied after every pipeline re-run
    "overrides", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("field", String(60), primary_key=True),
    Column("value", Text),  # JSON
    Column("user", String(100), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

users = Table(
    "users", metadata,
    Column("name", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),  # reviewer|admin
    Column("created_at", DateTime(timezone=True), nullable=False),
)

publishers = Table(
    "publishers", metadata,
    Column("name", String(300), primary_key=True),
    Column("stance", String(40), nullable=False),  # party_to_conflict|state_media|rights_monitor|news_agency|unknown
)
