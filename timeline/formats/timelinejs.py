"""TimelineJS (Knight Lab): its Google-spreadsheet template as CSV, and its JSON format.

TimelineJS places every slide on a year axis, so events whose year the text
does not give ("XXXX-03-20") are skipped and counted. It renders a slide's
text as HTML: everything taken from the articles is escaped.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from html import escape
from typing import Any, TextIO

from .dates import EventDates, TimelineDate
from .record import EventRecord, PlacedEvents, Written

#: The columns of the TimelineJS spreadsheet template, in its order.
CSV_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
TITLE = {"headline": "Timeline", "text": "Events extracted from news articles."}


def slide_text(record: EventRecord) -> str:
    """The evidence and a link to its source, as the HTML TimelineJS renders."""
    evidence = f"<p>{escape(record.evidence)}</p>"
    if record.source_label is None:
        return evidence
    source = escape(record.source_label)
    if record.link:
        source = f'<a href="{escape(record.link)}">{source}</a>'
    if record.document_source:
        source += f", {escape(record.document_source)}"
    return f"{evidence}<p>Source: {source}</p>"


def _fields(value: TimelineDate | None) -> tuple[str, str, str]:
    if value is None:
        return "", "", ""
    return str(value.year), _text(value.month), _text(value.day)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def write_csv(records: Iterable[EventRecord], out: TextIO) -> Written:
    """The spreadsheet template: a title row, then one row per placed event."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    title_row = dict.fromkeys(CSV_COLUMNS, "")
    title_row.update(Headline=TITLE["headline"], Text=TITLE["text"], Type="title")
    writer.writerow(title_row.values())
    placed = PlacedEvents(records)
    count = 0
    for record, dates in placed:
        writer.writerow(
            (
                *_fields(dates.timeline_start),
                "",
                *_fields(dates.timeline_end),
                "",
                dates.words,
                record.headline,
                slide_text(record),
                "",
                "",
                "",
                "",
                "",
                record.event_type,
                "",
            )
        )
        count += 1
    return Written(count, placed.skipped)


def _json_date(value: TimelineDate, display_date: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"year": value.year}
    if value.month is not None:
        fields["month"] = value.month
    if value.day is not None:
        fields["day"] = value.day
    if display_date is not None:
        fields["display_date"] = display_date
    return fields


def slide(record: EventRecord, dates: EventDates) -> dict[str, Any]:
    event: dict[str, Any] = {"start_date": _json_date(dates.timeline_start, dates.words)}
    end = dates.timeline_end
    if end is not None:
        event["end_date"] = _json_date(end)
    event["display_date"] = dates.words
    event["text"] = {"headline": record.headline, "text": slide_text(record)}
    event["group"] = record.event_type
    event["unique_id"] = record.event_id
    return event


def write_json(records: Iterable[EventRecord], out: TextIO) -> Written:
    """A TimelineJS JSON document, written one slide at a time."""
    out.write('{"title": ')
    out.write(json.dumps({"text": TITLE}, ensure_ascii=False))
    out.write(', "events": [')
    placed = PlacedEvents(records)
    count = 0
    for record, dates in placed:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(slide(record, dates), ensure_ascii=False))
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    return Written(count, placed.skipped)
