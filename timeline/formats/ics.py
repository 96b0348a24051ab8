"""iCalendar (RFC 5545): one all-day VEVENT per event, written one event at a time.

Every value in the output comes from the database, never from the clock, so
exporting the same database twice gives the same bytes: DTSTAMP is the day the
document was published, or the Unix epoch when it has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TextIO

import icalendar

from .dates import EventDates
from .record import EventRecord, PlacedEvents, Written

PRODID = "-//timeline//timeline export//EN"
UID_DOMAIN = "timeline"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_FOOTER = "END:VCALENDAR\r\n"


def _header() -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    text: bytes = calendar.to_ical()
    return text.decode("utf-8").removesuffix(_FOOTER)


def _stamp(record: EventRecord) -> datetime:
    if not record.document_published:
        return _EPOCH
    day = date.fromisoformat(record.document_published[:10])
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def vevent(record: EventRecord, dates: EventDates) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{record.event_id}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(record))
    event.add("dtstart", dates.start.first)
    # DTEND of an all-day event is exclusive: the day after the last one.
    event.add("dtend", dates.end.last + timedelta(days=1))
    event.add("summary", record.headline)
    source = "\n".join(filter(None, (record.source_label, record.document_url)))
    event.add(
        "description", f"{record.evidence}\n\nSource: {source}" if source else record.evidence
    )
    if record.link:
        event.add("url", record.link)
    if record.location:
        event.add("location", record.location)
    event.add("categories", [record.event_type])
    return event


def write_ics(records: Iterable[EventRecord], out: TextIO) -> Written:
    out.write(_header())
    placed = PlacedEvents(records)
    count = 0
    for record, dates in placed:
        out.write(vevent(record, dates).to_ical().decode("utf-8"))
        count += 1
    out.write(_FOOTER)
    return Written(count, placed.skipped)
