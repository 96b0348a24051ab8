"""Export events and facts, filtered, streaming rows from the database.

Rows go from the SQL cursor to the output one at a time, whatever the format,
so an export of a million events runs in constant memory. Every filter is an
SQL parameter, never text pasted into the query.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TextIO

import sqlite_utils

from .errors import TimelineError
from .formats import ics, timelinejs
from .formats.record import EventRecord, Written

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
    "sources",
    "date_conflict",
)
FACT_COLUMNS = (
    "subject",
    "relation",
    "object",
    "role",
    "of",
    "document",
    "evidence",
    "valid_from",
    "as_of",
)
ROW_FORMATS = ("csv", "json", "jsonl")
FORMATS = (*ROW_FORMATS, "timelinejs-csv", "timelinejs-json", "ics")
LIST_SEPARATOR = ";"

_EVENT_SELECT = """
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
    events.confidence,
    events.sources,
    events.date_conflict
"""

_RECORD_SELECT = """
select
    events.id as event_id,
    events.event_type,
    events.title,
    events.start,
    events."end",
    events.start_date,
    events.end_date,
    events.evidence,
    events.location,
    documents.name as document,
    documents.title as document_title,
    documents.source as document_source,
    documents.url as document_url,
    documents.published_date as document_published
"""

# A left join: an event an analyst added by hand may have no document. The id
# comes last so that two events of one sentence keep one order: exports must be
# the same bytes every time.
_EVENTS_FROM = """
from events left join documents on documents.id = events.document_id
where {where}
order by events.start_date is null, events.start_date, documents.name, events.evidence_start,
    events.id
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
    facts.valid_from,
    facts.as_of
from facts
join documents on documents.id = facts.document_id
join entities as subject on subject.id = facts.subject_id
left join entities as object on object.id = facts.object_id
left join entities as body on body.id = facts.of_id
where {where}
order by documents.name, facts.sentence_id, facts.relation, subject.name
"""

# SQLite's own lower() and NOCASE fold ASCII only; names such as "Özbek" need Python's.
_CASEFOLD = "timeline_casefold"
_NAMED = f"""
    select entities.id from entities
    where {_CASEFOLD}(entities.name) = ?
        or exists (select 1 from json_each(entities.aliases) where {_CASEFOLD}(value) = ?)
"""


class ExportError(TimelineError):
    """The export cannot be made as asked."""


@dataclass(frozen=True)
class Filters:
    """What to keep; every filter given must hold (AND). Empty means everything."""

    since: date | None = None
    until: date | None = None
    types: tuple[str, ...] = ()
    actor: str | None = None
    place: str | None = None
    document: str | None = None
    search: str | None = None
    min_confidence: float | None = None
    precisions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")
        if self.search is not None and not self.search.split():
            raise ExportError("--search needs a word to look for")

    def given(self) -> list[str]:
        """The names of the filters that were given."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, ())]

    def events_sql(self) -> tuple[str, list[Any]]:
        """The ``where`` clause over events (joined to documents), and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("events.end_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append("events.start_date <= ?")
            params.append(self.until.isoformat())
        if self.types:
            clauses.append(f"events.event_type in ({', '.join('?' * len(self.types))})")
            params.extend(self.types)
        if self.actor:
            clauses.append(
                "exists (select 1 from event_actors where event_actors.event_id = events.id"
                f" and event_actors.entity_id in ({_NAMED}))"
            )
            params.extend([self.actor.casefold()] * 2)
        if self.place:
            # A country takes in the places within it: --place Iran finds Tehran's events.
            clauses.append(
                f"({_CASEFOLD}(events.location) = ?"
                " or exists (select 1 from event_places where event_places.event_id = events.id"
                f" and event_places.entity_id in ({_NAMED}))"
                " or exists (select 1 from event_places"
                " join entities as inside on inside.id = event_places.entity_id"
                " where event_places.event_id = events.id and inside.country in"
                f" (select country from entities where kind = 'country' and id in ({_NAMED}))))"
            )
            params.extend([self.place.casefold()] * 5)
        if self.document:
            clauses.append("(documents.name = ? or documents.id = ?)")
            params.extend([self.document] * 2)
        if self.search:
            clauses.append(
                "events.rowid in (select rowid from events_fts where events_fts match ?)"
            )
            params.append(fts_query(self.search))
        if self.min_confidence is not None:
            clauses.append("events.confidence >= ?")
            params.append(self.min_confidence)
        if self.precisions:
            clauses.append(f"events.precision in ({', '.join('?' * len(self.precisions))})")
            params.extend(self.precisions)
        return " and ".join(clauses) or "1", params

    def facts_sql(self) -> tuple[str, list[Any]]:
        """The ``where`` clause over facts (joined to documents), and its parameters."""
        events_only = [name for name in self.given() if name != "document"]
        if events_only:
            raise ExportError(f"filter {_OPTIONS[events_only[0]]} applies to events only")
        if self.document:
            return "(documents.name = ? or documents.id = ?)", [self.document] * 2
        return "1", []


_OPTIONS = {
    "since": "--since",
    "until": "--until",
    "types": "--type",
    "actor": "--actor",
    "place": "--place",
    "search": "--search",
    "min_confidence": "--min-confidence",
    "precisions": "--precision",
}


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text`` as typed.

    Each word becomes a quoted string, so FTS5 syntax the user types (quotes,
    ``-``, ``OR``, ``NEAR``, ``*``) is searched for as text instead of failing
    or changing the query: ``-x OR y`` becomes ``"-x" "OR" "y"``.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _prepare(db: sqlite_utils.Database) -> None:
    db.register_function(_casefold, deterministic=True, replace=True, name=_CASEFOLD)


def event_rows(
    db: sqlite_utils.Database, filters: Filters | None = None
) -> Iterator[dict[str, Any]]:
    """Events in date order, with the CSV columns; ``actors`` and ``places`` as lists.

    The query runs before this returns, so a bad filter fails before any output.
    """
    where, params = (filters or Filters()).events_sql()
    _prepare(db)
    rows = db.query(_EVENT_SELECT + _EVENTS_FROM.format(where=where), params)
    return (
        {
            **row,
            "actors": json.loads(row["actors"] or "[]"),
            "places": json.loads(row["places"] or "[]"),
        }
        for row in rows
    )


def event_records(
    db: sqlite_utils.Database, filters: Filters | None = None
) -> Iterator[EventRecord]:
    """Events in date order with their dates and source, for the calendar formats."""
    where, params = (filters or Filters()).events_sql()
    _prepare(db)
    rows = db.query(_RECORD_SELECT + _EVENTS_FROM.format(where=where), params)
    return (EventRecord.from_row(row) for row in rows)


def fact_rows(
    db: sqlite_utils.Database, filters: Filters | None = None
) -> Iterator[dict[str, Any]]:
    where, params = (filters or Filters()).facts_sql()
    return db.query(_FACTS_SQL.format(where=where), params)


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
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


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A JSON array written one element at a time, so memory stays flat."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


_CALENDAR_WRITERS: dict[str, Callable[[Iterable[EventRecord], TextIO], Written]] = {
    "timelinejs-csv": timelinejs.write_csv,
    "timelinejs-json": timelinejs.write_json,
    "ics": ics.write_ics,
}


def check_request(fmt: str, *, facts: bool, filters: Filters | None) -> None:
    """Raise :class:`ExportError` if the export cannot be made as asked.

    Callers that open an output file can call this first, so a refused export
    leaves no empty file behind.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if facts and fmt not in ROW_FORMATS:
        raise ExportError(f"facts can be exported as {', '.join(ROW_FORMATS)}, not {fmt}")
    if facts:
        (filters or Filters()).facts_sql()


def export(
    db: sqlite_utils.Database,
    fmt: str,
    out: TextIO,
    *,
    facts: bool = False,
    filters: Filters | None = None,
) -> Written:
    """Write the events (or facts) that pass ``filters`` to ``out`` in format ``fmt``.

    Raises :class:`ExportError` before writing anything when the request makes
    no sense (facts as a calendar, an events-only filter on facts).
    """
    check_request(fmt, facts=facts, filters=filters)
    if fmt in _CALENDAR_WRITERS:
        return _CALENDAR_WRITERS[fmt](event_records(db, filters), out)
    rows = fact_rows(db, filters) if facts else event_rows(db, filters)
    if fmt == "csv":
        return Written(write_csv(rows, FACT_COLUMNS if facts else EVENT_COLUMNS, out), 0)
    if fmt == "json":
        return Written(write_json(rows, out), 0)
    return Written(write_jsonl(rows, out), 0)
