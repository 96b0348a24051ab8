"""The database schema: explicit tables, keys and indexes, created idempotently."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import sqlite_utils

SCHEMA_VERSION = 4


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: dict[str, Any]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    not_null: tuple[str, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    fts: tuple[str, ...] = ()
    column_order: tuple[str, ...] = field(default_factory=tuple)


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "documents",
        {
            "id": str,
            "name": str,
            "path": str,
            "title": str,
            "source": str,
            "url": str,
            "published": str,
            "published_date": str,
            "published_start": str,
            "published_end": str,
            "published_precision": str,
            "published_basis": str,
            "published_note": str,
            "text": str,
            "characters": int,
            "fingerprint": str,
        },
        pk="id",
        not_null=("name", "text"),
        indexes=(("name",), ("published_basis",), ("source",)),
        fts=("title", "text"),
    ),
    TableSpec(
        "sentences",
        {
            "id": str,
            "document_id": str,
            "position": int,
            "start_char": int,
            "end_char": int,
            "text": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"),),
        not_null=("document_id", "text"),
        indexes=(("document_id", "position"),),
    ),
    TableSpec(
        "temporal_expressions",
        {
            "id": str,
            "document_id": str,
            "sentence_id": str,
            "start_char": int,
            "end_char": int,
            "text": str,
            "type": str,
            "value": str,
            "start": str,
            "end": str,
            "precision": str,
            "basis": str,
            "mod": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("sentence_id", "sentences", "id")),
        indexes=(("document_id",), ("type",), ("basis",)),
    ),
    TableSpec(
        "entities",
        {
            "id": str,
            "name": str,
            "kind": str,
            "country": str,
            "parent_id": str,
            "latitude": float,
            "longitude": float,
            "aliases": str,
        },
        pk="id",
        not_null=("name", "kind"),
        indexes=(("kind",), ("name",)),
    ),
    TableSpec(
        "entity_mentions",
        {
            "id": str,
            "document_id": str,
            "sentence_id": str,
            "entity_id": str,
            "start_char": int,
            "end_char": int,
            "text": str,
        },
        pk="id",
        foreign_keys=(
            ("document_id", "documents", "id"),
            ("sentence_id", "sentences", "id"),
            ("entity_id", "entities", "id"),
        ),
        indexes=(("entity_id",), ("document_id",)),
    ),
    TableSpec(
        "events",
        {
            "id": str,
            "document_id": str,
            "sentence_id": str,
            "event_type": str,
            "title": str,
            "start": str,
            "end": str,
            "start_date": str,
            "end_date": str,
            "year": int,
            "month": str,
            "precision": str,
            "date_basis": str,
            "date_text": str,
            "actors": str,
            "location": str,
            "places": str,
            "evidence": str,
            "evidence_start": int,
            "evidence_end": int,
            "extractor": str,
            "extractor_version": str,
            "confidence": float,
            "country": str,
            "source": str,
            "sources": int,
            "mentions": int,
            "date_conflict": int,
            "origin": str,
            "curated": str,
            "digest": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("sentence_id", "sentences", "id")),
        not_null=("event_type", "evidence"),
        indexes=(
            ("event_type",),
            ("year",),
            ("month",),
            ("precision",),
            ("date_basis",),
            ("document_id",),
            ("start_date",),
            ("location",),
            ("country",),
            ("source",),
            # The filtered table pages and the month-by-type histogram at a million events.
            ("event_type", "year", "start_date"),
            ("month", "event_type"),
            # "Events between two dates" reads both bounds without touching the table.
            ("start_date", "end_date"),
        ),
        fts=("title", "evidence"),
    ),
    TableSpec(
        "event_mentions",
        {
            "id": str,
            "event_id": str,
            "document_id": str,
            "sentence_id": str,
            "event_type": str,
            "title": str,
            "start": str,
            "end": str,
            "start_date": str,
            "end_date": str,
            "precision": str,
            "date_basis": str,
            "date_text": str,
            "actors": str,
            "location": str,
            "places": str,
            "participants": str,
            "place_ids": str,
            "evidence": str,
            "evidence_start": int,
            "evidence_end": int,
            "extractor": str,
            "extractor_version": str,
            "confidence": float,
            "date_conflict": int,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("sentence_id", "sentences", "id")),
        not_null=("document_id", "event_type", "evidence", "extractor"),
        indexes=(("event_id",), ("document_id",), ("event_type", "start_date")),
    ),
    # Counts over a whole table for the facets its page shows on every load, kept by the
    # build (see facet_counts.py): at a million events each is a scan of an index.
    # "value" is declared BLOB, which has no type affinity: a year stays an integer.
    TableSpec(
        "facet_counts",
        {"table_name": str, "column_name": str, "value": bytes, "count": int},
        pk=("table_name", "column_name", "value"),
        not_null=("count",),
    ),
    TableSpec(
        "curation_log",
        {"rule": str, "event_id": str, "status": str, "message": str},
        pk="rule",
        indexes=(("status",),),
    ),
    TableSpec(
        "event_actors",
        {"event_id": str, "entity_id": str, "role": str},
        pk=("event_id", "entity_id", "role"),
        foreign_keys=(("event_id", "events", "id"), ("entity_id", "entities", "id")),
        indexes=(("entity_id",),),
    ),
    TableSpec(
        "event_places",
        {"event_id": str, "entity_id": str, "role": str},
        pk=("event_id", "entity_id", "role"),
        foreign_keys=(("event_id", "events", "id"), ("entity_id", "entities", "id")),
        indexes=(("entity_id",),),
    ),
    TableSpec(
        "facts",
        {
            "id": str,
            "document_id": str,
            "sentence_id": str,
            "relation": str,
            "subject_id": str,
            "object_id": str,
            "role": str,
            "of_id": str,
            "valid_from": str,
            "as_of": str,
            "evidence": str,
            "extractor": str,
        },
        pk="id",
        foreign_keys=(
            ("document_id", "documents", "id"),
            ("sentence_id", "sentences", "id"),
            ("subject_id", "entities", "id"),
            ("object_id", "entities", "id"),
            ("of_id", "entities", "id"),
        ),
        not_null=("relation", "subject_id"),
        indexes=(("relation",), ("subject_id",), ("object_id",), ("of_id",), ("document_id",)),
    ),
)

TABLE_NAMES = tuple(spec.name for spec in TABLES)
_SPECS = {spec.name: spec for spec in TABLES}


def insert_rows(
    db: sqlite_utils.Database,
    table: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    replace: bool = False,
) -> None:
    """Insert rows with one prepared statement: the build's hot path.

    sqlite-utils rebuilds its statement for every call; a build makes tens of
    thousands of small inserts, so this goes straight to ``executemany``.
    Columns a row lacks are stored as NULL.
    """
    statement, columns = _insert_statement(table, replace)
    db.conn.executemany(statement, (tuple(map(row.get, columns)) for row in rows))


@cache
def _insert_statement(table: str, replace: bool) -> tuple[str, tuple[str, ...]]:
    columns = tuple(_SPECS[table].columns)
    names = ", ".join(f'"{column}"' for column in columns)
    verb = "insert or replace" if replace else "insert"
    return f'{verb} into "{table}" ({names}) values ({", ".join("?" * len(columns))})', columns


#: Tables whose rows belong to one document, children first (the order to delete in).
#: Events and their links are derived from event_mentions by consolidation.
DOCUMENT_TABLES = (
    "facts",
    "event_mentions",
    "entity_mentions",
    "temporal_expressions",
    "sentences",
)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, column, index and full-text index that is not there yet.

    A database from an older version gains the columns it lacks; its documents
    must then be analysed again, which :func:`schema_version` lets callers see.
    """
    for spec in TABLES:
        if not db[spec.name].exists():
            db.create_table(
                spec.name,
                spec.columns,
                pk=spec.pk,
                foreign_keys=list(spec.foreign_keys),
                not_null=set(spec.not_null),
            )
        table = db.table(spec.name)
        for column, kind in spec.columns.items():
            if column not in table.columns_dict:
                table.add_column(column, kind)
        for columns in spec.indexes:
            table.create_index(list(columns), if_not_exists=True)
        if spec.fts and not table.detect_fts():
            table.enable_fts(list(spec.fts), create_triggers=True)


def mark_current(db: sqlite_utils.Database) -> None:
    """Record that every document was analysed with this version of the schema."""
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
