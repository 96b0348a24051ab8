"""Export events and facts as CSV or JSON, streaming rows from the database."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

import sqlite_utils

EVENT_COLUMNS = (
    "event_id",
    "document",
    "start",
    "end",
    "precision",
    "date_basis",
    "event_type",
    "title",
    "actors",
    "location",
    "places",
    "evidence",
    "extractor",
    "confidence",
)
FACT_COLUMNS = ("subject", "relation", "object", "role", "of", "document", "evidence", "valid_from")
FORMATS = ("csv", "json")
LIST_SEPARATOR = ";"

_EVENTS_SQL = """
select
    events.id as event_id,
    documents.name as document,
    events.start,
    events."end",
    events.precision,
    events.date_basis,
    events.event_type,
    events.title,
    events.actors,
    events.location,
    events.places,
    events.evidence,
    events.extractor,
    events.confidence
from events join documents on documents.id = events.document_id
order by events.start_date is null, events.start_date, documents.name, events.evidence_start
"""

_FACTS_SQL = """
select
    subject.name as subject,
    facts.relation,
    object.name as object,
    facts.role,
    body.name as "of",
    documents.name as document,
    facts.evidence,
    facts.valid_from
from facts
join documents on documents.id = facts.document_id
join entities as subject on subject.id = facts.subject_id
left join entities as object on object.id = facts.object_id
left join entities as body on body.id = facts.of_id
order by documents.name, facts.sentence_id, facts.relation, subject.name
"""


def event_rows(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    """Events in date order; ``actors`` and ``places`` as lists."""
    for row in db.query(_EVENTS_SQL):
        row["actors"] = json.loads(row["actors"] or "[]")
        row["places"] = json.loads(row["places"] or "[]")
        yield row


def fact_rows(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    yield from db.query(_FACTS_SQL)


def write_csv(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(
            {
                key: LIST_SEPARATOR.join(value) if isinstance(value, list) else value
                for key, value in row.items()
            }
        )
        count += 1
    return count


def write_json(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """A JSON array written one element at a time, so memory stays flat."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
