"""Every export format, read back with the library made for it, on a database built for real.

The corpus gives one event at each precision the engine emits (day, week,
month, quarter, half, year), a span of days, and one event whose year the
text never gives. Its metadata carries HTML-special characters and a
``javascript:`` URL, which must come out escaped and unlinked.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
import sqlite_utils
from click.testing import CliRunner, Result

from timeline.build import build
from timeline.cli import cli
from timeline.export import EVENT_COLUMNS, FACT_COLUMNS, Filters, export
from timeline.formats.timelinejs import CSV_COLUMNS

AS_OF = date(2026, 11, 23)
TALKS = """---
title: Envoys meet in Doha & "Muscat" <live>
published: 2026-02-04
source: Test Wire
url: https://example.org/news?id=1&lang=en
---
Envoys of Iran and Pakistan met in Doha on Tuesday, the foreign ministry said.

The Taliban delegation met Uzbek officials in Tashkent last week.

Officials said "<b>progress</b>" & more was made as Iran and Pakistan held talks in Islamabad \
in November 2025.

The ministers met in Kabul in the third quarter of 2025.

Pakistan and Iran held talks in Tehran in 2024.

A bomb exploded in Kunduz in the first half of 2024.

Uzbek Foreign Minister Bakhtiyor Saidov opened the session.
"""
SPAN = """---
title: Doha round
published: 2025-03-10
url: javascript:alert(1)
---
The envoys met again in Doha between March 3 and March 6, 2025.

The SCO's members include China, Russia and Belarus.
"""
UNDATED = "Health workers began a vaccination campaign in Badakhshan on March 20.\n"

#: Each event of the corpus by title: (start, end) as the engine stores them.
EVENTS = {
    "Meeting in Tehran: Pakistan, Iran": ("2024", None),
    "Attack in Kunduz": ("2024-H1", None),
    "Meeting in Doha": ("2025-03-03", "2025-03-06"),
    "Meeting in Kabul": ("2025-Q3", None),
    "Meeting in Islamabad: Iran, Pakistan": ("2025-11", None),
    "Meeting in Tashkent: Taliban": ("2026-W05", None),
    "Meeting in Doha: Ministry of Foreign Affairs": ("2026-02-03", None),
    "Vaccination campaign in Badakhshan": ("XXXX-03-20", None),
}
UNPLACED = "Vaccination campaign in Badakhshan"
PLACED = [title for title in EVENTS if title != UNPLACED]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "talks.md").write_text(TALKS, encoding="utf-8")
    (folder / "span.md").write_text(SPAN, encoding="utf-8")
    (folder / "undated.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def build_corpus(folder: Path) -> Path:
    db = folder / "corpus.db"
    report = build([write_corpus(folder / "articles")], db, not_after=AS_OF)
    assert report.written and not report.errors
    return db


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(cli, ["export", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("export"))


def test_the_corpus_has_one_event_per_precision(db: Path) -> None:
    rows = sqlite_utils.Database(db).query('select title, start, "end" from events')
    assert {row["title"]: (row["start"], row["end"]) for row in rows} == EVENTS


# -- csv, json, jsonl ---------------------------------------------------------------------------

ROW_SCHEMA = {
    "type": "object",
    "required": list(EVENT_COLUMNS),
    "additionalProperties": False,
    "properties": {
        **{column: {"type": ["string", "null"]} for column in EVENT_COLUMNS},
        "event_id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "actors": {"type": "array", "items": {"type": "string"}},
        "places": {"type": "array", "items": {"type": "string"}},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "sources": {"type": "integer", "minimum": 1},
        "date_conflict": {"enum": [0, 1]},
    },
}


def test_csv_keeps_its_column_contract(db: Path) -> None:
    result = run("--db", db, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [row["title"] for row in rows] == list(EVENTS)
    assert rows[2]["actors"] == ""
    assert rows[-2]["actors"] == "Iran;Pakistan;Ministry of Foreign Affairs"


def test_json_is_an_array_of_rows(db: Path) -> None:
    result = run("--db", db, "--format", "json")
    rows = json.loads(result.stdout)
    jsonschema.validate(rows, {"type": "array", "items": ROW_SCHEMA})
    assert [row["title"] for row in rows] == list(EVENTS)


def test_jsonl_is_the_same_rows_one_a_line(db: Path) -> None:
    lines = run("--db", db, "--format", "jsonl").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    for row in rows:
        jsonschema.validate(row, ROW_SCHEMA)
    assert rows == json.loads(run("--db", db, "--format", "json").stdout)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_facts_in_every_row_format(db: Path, fmt: str) -> None:
    result = run("--db", db, "--facts", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "csv":
        rows: list[dict[str, Any]] = list(csv.DictReader(io.StringIO(result.stdout)))
    elif fmt == "json":
        rows = json.loads(result.stdout)
    else:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [tuple(row) for row in rows] == [FACT_COLUMNS] * 4
    assert {(row["subject"], row["relation"]) for row in rows} == {
        ("Belarus", "member_of"),
        ("China", "member_of"),
        ("Russia", "member_of"),
        ("Bakhtiyor Saidov", "holds_role"),
    }


# -- TimelineJS ---------------------------------------------------------------------------------

#: Per title: Year, Month, Day, End Year, End Month, End Day, Display Date.
TIMELINEJS_DATES = {
    "Meeting in Tehran: Pakistan, Iran": ("2024", "", "", "", "", "", "2024"),
    "Attack in Kunduz": ("2024", "1", "", "2024", "6", "", "First half of 2024"),
    "Meeting in Doha": ("2025", "3", "3", "2025", "3", "6", "3–6 March 2025"),
    "Meeting in Kabul": ("2025", "7", "", "2025", "9", "", "Q3 2025"),
    "Meeting in Islamabad: Iran, Pakistan": ("2025", "11", "", "", "", "", "November 2025"),
    "Meeting in Tashkent: Taliban": (
        "2026",
        "1",
        "26",
        "2026",
        "2",
        "1",
        "Week of 26 January 2026",
    ),
    "Meeting in Doha: Ministry of Foreign Affairs": (
        "2026",
        "2",
        "3",
        "",
        "",
        "",
        "3 February 2026",
    ),
}


class _Html(HTMLParser):
    """The tags, links and text of a TimelineJS slide text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Html:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser


def timelinejs_rows(db: Path) -> tuple[list[str], list[dict[str, str]], str]:
    result = run("--db", db, "--format", "timelinejs-csv")
    assert result.exit_code == 0
    reader = csv.reader(io.StringIO(result.stdout))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader], result.stderr


def test_timelinejs_csv_has_the_template_columns_and_a_title_row(db: Path) -> None:
    header, rows, _ = timelinejs_rows(db)
    assert header == list(CSV_COLUMNS)
    assert len(header) == 18
    assert rows[0]["Type"] == "title" and rows[0]["Year"] == ""
    assert all(row["Type"] == "" for row in rows[1:])


def test_timelinejs_csv_dates_at_every_precision(db: Path) -> None:
    _, rows, _ = timelinejs_rows(db)
    dates = {
        row["Headline"]: tuple(
            row[column]
            for column in (
                "Year",
                "Month",
                "Day",
                "End Year",
                "End Month",
                "End Day",
                "Display Date",
            )
        )
        for row in rows[1:]
    }
    assert dates == TIMELINEJS_DATES
    assert {row["Time"] + row["End Time"] for row in rows} == {""}


def test_timelinejs_csv_skips_unknown_years_and_says_how_many(db: Path) -> None:
    _, rows, stderr = timelinejs_rows(db)
    assert UNPLACED not in {row["Headline"] for row in rows}
    assert "Skipped 1 event whose year is unknown" in stderr


def test_timelinejs_text_is_escaped_html_with_a_safe_source_link(db: Path) -> None:
    _, rows, _ = timelinejs_rows(db)
    by_title = {row["Headline"]: row for row in rows[1:]}
    islamabad = parse_html(by_title["Meeting in Islamabad: Iran, Pakistan"]["Text"])
    assert islamabad.tags == ["p", "p", "a"]
    assert islamabad.links == ["https://example.org/news?id=1&lang=en"]
    text = "".join(islamabad.text)
    assert 'Officials said "<b>progress</b>" & more' in text
    assert 'Envoys meet in Doha & "Muscat" <live>, Test Wire' in text
    assert by_title["Meeting in Islamabad: Iran, Pakistan"]["Group"] == "meeting"
    doha = parse_html(by_title["Meeting in Doha"]["Text"])
    assert doha.links == [] and "javascript" not in by_title["Meeting in Doha"]["Text"]
    assert "".join(doha.text).endswith("Source: Doha round")


TIMELINEJS_DATE = {
    "type": "object",
    "required": ["year"],
    "additionalProperties": False,
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "display_date": {"type": "string"},
    },
}
TIMELINEJS_TEXT = {
    "type": "object",
    "required": ["headline", "text"],
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
}
TIMELINEJS_SCHEMA = {
    "type": "object",
    "required": ["title", "events"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "object", "required": ["text"], "properties": {"text": TIMELINEJS_TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text", "group", "unique_id", "display_date"],
                "additionalProperties": False,
                "properties": {
                    "start_date": {**TIMELINEJS_DATE, "required": ["year", "display_date"]},
                    "end_date": TIMELINEJS_DATE,
                    "display_date": {"type": "string"},
                    "text": TIMELINEJS_TEXT,
                    "group": {"type": "string"},
                    "unique_id": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                },
            },
        },
    },
}


def _tl_fields(value: dict[str, Any] | None) -> tuple[str, str, str]:
    if value is None:
        return "", "", ""
    return tuple(str(value.get(key, "")) for key in ("year", "month", "day"))  # type: ignore[return-value]


def test_timelinejs_json_matches_the_schema_and_the_csv(db: Path) -> None:
    result = run("--db", db, "--format", "timelinejs-json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, TIMELINEJS_SCHEMA)
    assert "Skipped 1 event whose year is unknown" in result.stderr
    slides = {slide["text"]["headline"]: slide for slide in document["events"]}
    assert {
        title: (
            *_tl_fields(slide["start_date"]),
            *_tl_fields(slide.get("end_date")),
            slide["display_date"],
        )
        for title, slide in slides.items()
    } == TIMELINEJS_DATES
    ids = {row["title"]: row["id"] for row in sqlite_utils.Database(db)["events"].rows}
    assert {title: slide["unique_id"] for title, slide in slides.items()} == {
        title: ids[title] for title in PLACED
    }
    assert slides["Meeting in Kabul"]["start_date"]["display_date"] == "Q3 2025"
    assert parse_html(slides["Meeting in Kabul"]["text"]["text"]).tags == ["p", "p", "a"]


# -- iCalendar ----------------------------------------------------------------------------------

#: Per title: first day and exclusive DTEND.
ICS_DAYS = {
    "Meeting in Tehran: Pakistan, Iran": (date(2024, 1, 1), date(2025, 1, 1)),
    "Attack in Kunduz": (date(2024, 1, 1), date(2024, 7, 1)),
    "Meeting in Doha": (date(2025, 3, 3), date(2025, 3, 7)),
    "Meeting in Kabul": (date(2025, 7, 1), date(2025, 10, 1)),
    "Meeting in Islamabad: Iran, Pakistan": (date(2025, 11, 1), date(2025, 12, 1)),
    "Meeting in Tashkent: Taliban": (date(2026, 1, 26), date(2026, 2, 2)),
    "Meeting in Doha: Ministry of Foreign Affairs": (date(2026, 2, 3), date(2026, 2, 4)),
}


def ics_events(data: bytes) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_ics_all_day_spans_at_every_precision(db: Path) -> None:
    result = run("--db", db, "--format", "ics")
    events = ics_events(result.stdout_bytes)
    spans = {title: (e.decoded("DTSTART"), e.decoded("DTEND")) for title, e in events.items()}
    assert spans == ICS_DAYS
    assert all(type(day) is date for span in spans.values() for day in span)
    assert b"DTSTART;VALUE=DATE:20260126\r\nDTEND;VALUE=DATE:20260202\r\n" in result.stdout_bytes


def test_ics_dtend_is_the_day_after_the_stored_last_day(db: Path) -> None:
    events = ics_events(run("--db", db, "--format", "ics").stdout_bytes)
    for row in sqlite_utils.Database(db).query("select * from events where start_date not null"):
        event = events[row["title"]]
        assert event.decoded("DTSTART") == date.fromisoformat(row["start_date"])
        assert event.decoded("DTEND") == date.fromisoformat(row["end_date"]) + timedelta(days=1)


def test_ics_properties(db: Path) -> None:
    result = run("--db", db, "--format", "ics")
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\n" not in result.stdout_bytes.replace(b"\r\n", b"")
    events = ics_events(result.stdout_bytes)
    ids = {row["title"]: row["id"] for row in sqlite_utils.Database(db)["events"].rows}
    assert {title: str(e["UID"]) for title, e in events.items()} == {
        title: f"{ids[title]}@timeline" for title in PLACED
    }
    islamabad = events["Meeting in Islamabad: Iran, Pakistan"]
    assert str(islamabad["URL"]) == "https://example.org/news?id=1&lang=en"
    assert islamabad.decoded("CATEGORIES") == ["meeting"]
    assert str(islamabad["LOCATION"]) == "Islamabad"
    assert islamabad.decoded("DTSTAMP") == datetime(2026, 2, 4, tzinfo=UTC)
    description = str(islamabad["DESCRIPTION"])
    assert description.startswith('Officials said "<b>progress</b>" & more was made')
    assert description.endswith(
        '\n\nSource: Envoys meet in Doha & "Muscat" <live>\nhttps://example.org/news?id=1&lang=en'
    )
    doha = events["Meeting in Doha"]
    assert "URL" not in doha and doha.decoded("DTSTAMP").date() == date(2025, 3, 10)
    assert UNPLACED not in events
    assert "Skipped 1 event whose year is unknown: ics" in result.stderr


# -- reproducibility and streaming --------------------------------------------------------------

FORMATS = ["csv", "json", "jsonl", "timelinejs-csv", "timelinejs-json", "ics"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_byte_identical_across_runs_and_rebuilds(
    db: Path, tmp_path: Path, fmt: str
) -> None:
    first = run("--db", db, "--format", fmt).stdout_bytes
    assert run("--db", db, "--format", fmt).stdout_bytes == first
    rebuilt = build_corpus(tmp_path)
    assert run("--db", rebuilt, "--format", fmt).stdout_bytes == first
    output = tmp_path / f"out.{fmt}"
    assert run("--db", db, "--format", fmt, "-o", output).exit_code == 0
    assert output.read_bytes() == first


@pytest.fixture(scope="module")
def big_db(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus with its events copied 250 times over."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    path.write_bytes(db.read_bytes())
    big = sqlite_utils.Database(path)
    columns = ", ".join(f'"{c}"' for c in big["events"].columns_dict if c != "id")
    with big.conn:
        big.execute(
            "with recursive copy(n) as (select 1 union all select n + 1 from copy where n < 250) "
            f"insert into events (id, {columns}) select events.id || '-' || copy.n, {columns} "
            "from events, copy"
        )
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_streams_in_constant_memory(big_db: Path, fmt: str) -> None:
    database = sqlite_utils.Database(big_db)
    assert database["events"].count > 2_000
    with open(os.devnull, "w", encoding="utf-8") as sink:
        tracemalloc.start()
        try:
            written = export(database, fmt, sink, filters=Filters())
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert written.events >= 1_750
    # Holding the rows would take megabytes; a stream needs a few rows' worth.
    assert peak < 1_000_000


def test_an_event_with_no_document_is_exported_without_a_source(db: Path, tmp_path: Path) -> None:
    """Analysts can add events by hand; those need not come from any document."""
    path = tmp_path / "added.db"
    path.write_bytes(db.read_bytes())
    added = sqlite_utils.Database(path)
    with added.conn:
        added.table("events").insert(
            {
                "id": "added-1",
                "document_id": None,
                "event_type": "meeting",
                "title": "Summit",
                "start": "2025-06",
                "start_date": "2025-06-01",
                "end_date": "2025-06-30",
                "precision": "month",
                "evidence": "Summit <held>",
                "extractor": "curation:added",
            }
        )
    rows = list(csv.DictReader(io.StringIO(run("--db", path).stdout)))
    assert [(row["title"], row["document"]) for row in rows if row["event_id"] == "added-1"] == [
        ("Summit", "")
    ]
    slides = json.loads(run("--db", path, "--format", "timelinejs-json").stdout)["events"]
    (summit,) = [slide for slide in slides if slide["unique_id"] == "added-1"]
    assert summit["text"]["text"] == "<p>Summit &lt;held&gt;</p>"
    events = ics_events(run("--db", path, "--format", "ics").stdout_bytes)
    assert str(events["Summit"]["DESCRIPTION"]) == "Summit <held>"
    assert events["Summit"].decoded("DTSTAMP") == datetime(1970, 1, 1, tzinfo=UTC)
