"""One event as the calendar and timeline formats need it, with its source document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .dates import EventDates

#: The columns of :class:`EventRecord`, as the export query names them.
RECORD_COLUMNS = (
    "event_id",
    "event_type",
    "title",
    "start",
    "end",
    "start_date",
    "end_date",
    "evidence",
    "location",
    "document",
    "document_title",
    "document_source",
    "document_url",
    "document_published",
)


@dataclass(frozen=True)
class EventRecord:
    event_id: str
    event_type: str
    title: str | None
    start: str | None
    end: str | None
    start_date: str | None
    end_date: str | None
    evidence: str
    location: str | None
    document: str | None
    document_title: str | None
    document_source: str | None
    document_url: str | None
    document_published: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventRecord:
        return cls(**{column: row[column] for column in RECORD_COLUMNS})

    @property
    def dates(self) -> EventDates | None:
        """The event's periods, or None when it has no days on the calendar ("XXXX-03-20")."""
        if self.start is None or self.start_date is None:
            return None
        return EventDates.parse(self.start, self.end)

    @property
    def headline(self) -> str:
        return self.title or self.event_type

    @property
    def source_label(self) -> str | None:
        return self.document_title or self.document

    @property
    def link(self) -> str | None:
        """The document's URL when it is safe to make a link of it.

        Only http(s): a ``javascript:`` URL in an article's front matter would
        otherwise run in the browser of whoever opens the timeline.
        """
        url = (self.document_url or "").strip()
        return url if url and urlsplit(url).scheme.lower() in ("http", "https") else None


@dataclass(frozen=True)
class Written:
    """How many events went out, and how many had no place on a time axis."""

    events: int
    skipped: int


class PlacedEvents:
    """The records that have days on the calendar, with their dates; counts the others."""

    def __init__(self, records: Iterable[EventRecord]) -> None:
        self._records = records
        self.skipped = 0

    def __iter__(self) -> Iterator[tuple[EventRecord, EventDates]]:
        for record in self._records:
            dates = record.dates
            if dates is None:
                self.skipped += 1
            else:
                yield record, dates
