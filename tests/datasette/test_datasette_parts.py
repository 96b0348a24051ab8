"""The pieces behind the Datasette workbench, one at a time: date labels, views, filters,
histogram layout and the serve command's arguments."""

from __future__ import annotations

import itertools
import json
import sqlite3
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from timeline.datasette_plugin.queries import (
    Filters,
    fts_phrase,
    highlight,
    histogram,
    timeline_pairs_from_table,
)
from timeline.errors import DatabaseError, TimelineError
from timeline.schema import ensure_schema
from timeline.serve import (
    DEFAULT_METADATA,
    datasette_metadata,
    load_config,
    serve,
    serve_arguments,
)
from timeline.views import VIEWS, date_label_sql, ensure_views


@pytest.mark.parametrize(
    ("start", "end", "start_date", "end_date", "precision", "date_text", "label"),
    [
        ("2024-12-11", "", "2024-12-11", "2024-12-11", "day", None, "11 December 2024"),
        (
            "2025-08-31",
            "2025-09-01",
            "2025-08-31",
            "2025-09-01",
            "day",
            None,
            "31 August – 1 September 2025",
        ),
        (
            "2024-12-30",
            "2025-01-02",
            "2024-12-30",
            "2025-01-02",
            "day",
            None,
            "30 December 2024 – 2 January 2025",
        ),
        ("2026-W06", "", "2026-02-02", "2026-02-08", "week", None, "week of 2 Feb 2026"),
        (
            "2026-W06",
            "2026-W08",
            "2026-02-02",
            "2026-02-22",
            "week",
            None,
            "week of 2 Feb 2026 – week of 16 Feb 2026",
        ),
        ("2025-11", "", "2025-11-01", "2025-11-30", "month", None, "November 2025"),
        (
            "2025-11",
            "2026-01",
            "2025-11-01",
            "2026-01-31",
            "month",
            None,
            "November 2025 – January 2026",
        ),
        ("2025-03", "2025-05", "2025-03-01", "2025-05-31", "month", None, "March – May 2025"),
        ("2025-Q1", "", "2025-01-01", "2025-03-31", "quarter", None, "Q1 2025"),
        ("2025", "", "2025-01-01", "2025-12-31", "year", None, "2025"),
        ("XXXX-12-11", "", None, None, "day", "11 December", "11 December (year unknown)"),
        ("XXXX-12", "", None, None, "month", "in December", "December (year unknown)"),
        # Precisions the labels do not know are shown as stored rather than guessed at.
        ("2025-SU", "", "2025-06-21", "2025-09-22", "season", None, "2025-SU"),
        ("XXXX-WXX-6", "", None, None, "day", "on Saturday", "undated: on Saturday"),
        # A malformed value must not fail the query that lists every event.
        ("2025-00", "", None, None, "month", "in 2025", "undated: in 2025"),
        (None, "", None, None, None, "recently", "undated: recently"),
        (None, None, None, None, None, None, "undated"),
    ],
)
def test_date_labels(
    start: str | None,
    end: str | None,
    start_date: str | None,
    end_date: str | None,
    precision: str | None,
    date_text: str | None,
    label: str,
) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        'create table events (start, "end", start_date, end_date, precision, date_text)'
    )
    connection.execute(
        "insert into events values (?, ?, ?, ?, ?, ?)",
        (start, end, start_date, end_date, precision, date_text),
    )
    assert connection.execute(f"select {date_label_sql('events')} from events").fetchone() == (
        label,
    )


def test_ensure_views_is_idempotent_and_follows_new_rows() -> None:
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    ensure_views(db)
    ensure_views(db)
    assert set(VIEWS) <= set(db.view_names())
    db["documents"].insert({"id": "d", "name": "d.txt", "text": "In Kabul."})
    db["entities"].insert(
        {"id": "kabul", "name": "Kabul", "kind": "place", "latitude": 34.5, "longitude": 69.2}
    )
    db["events"].insert(
        {
            "id": "e",
            "document_id": "d",
            "event_type": "meeting",
            "evidence": "In Kabul.",
            "extractor": "test",
            "start": "2025",
            "precision": "year",
            "start_date": "2025-01-01",
            "end_date": "2025-12-31",
        }
    )
    db["event_places"].insert({"event_id": "e", "entity_id": "kabul", "role": "venue"})
    ensure_views(db)
    assert list(db["event_map"].rows) == [
        {
            "event_id": "e",
            "title": None,
            "date": "2025",
            "start_date": "2025-01-01",
            "end_date": "2025-12-31",
            "event_type": "meeting",
            "place": "Kabul",
            "place_role": "venue",
            "latitude": 34.5,
            "longitude": 69.2,
            "document_id": "d",
        }
    ]
    assert [row["date"] for row in db["timeline"].rows] == ["2025"]


def test_filters_read_the_query_string_and_write_it_back() -> None:
    filters = Filters.from_query(
        [
            ("event_type", "meeting"),
            ("event_type", "summit"),
            ("event_type", "meeting"),
            ("actor", "Russia"),
            ("since", "2025-02"),
            ("q", " Kabul "),
            ("order", "newest"),
            ("unknown", "x"),
            ("place", ""),
        ]
    )
    assert dict(filters.selected) == {"event_type": ("meeting", "summit"), "actor": ("Russia",)}
    assert filters.pairs() == [
        ("event_type", "meeting"),
        ("event_type", "summit"),
        ("actor", "Russia"),
        ("since", "2025-02"),
        ("q", "Kabul"),
        ("order", "newest"),
    ]
    toggled = filters.toggled("event_type", "meeting").toggled("place", "Kabul")
    assert dict(toggled.selected) == {
        "event_type": ("summit",),
        "actor": ("Russia",),
        "place": ("Kabul",),
    }
    assert filters.without("since").since == ""
    assert filters.with_order(False).query_string().endswith("q=Kabul")


def test_filters_bound_dates_and_reject_nonsense() -> None:
    filters = Filters.from_query([("since", "2025-02"), ("until", "2024"), ("limit", "3")])
    where, params = filters.where()
    assert params["since"] == "2025-02-01" and params["until"] == "2024-12-31"
    assert filters.limit == 3
    assert "coalesce(e.end_date, e.start_date) >= :since" in where
    bad = Filters.from_query([("since", "2025-13"), ("until", "2025-02-30"), ("year", "x")])
    assert (bad.since, bad.until, bad.selected) == ("", "", {})
    assert len(bad.errors) == 3


def test_every_value_is_a_parameter_never_sql() -> None:
    hostile = "x') or 1=1; drop table events; --"
    filters = Filters.from_query([(name, hostile) for name in ("event_type", "actor", "place")])
    where, params = filters.where()
    assert hostile not in where
    assert sorted(params.values()) == [hostile] * 3
    assert fts_phrase('say "hi" NEAR(x') == '"say" """hi""" "NEAR(x"'


def test_table_arguments_become_timeline_filters() -> None:
    pairs = timeline_pairs_from_table(
        [
            ("event_type__exact", "meeting"),
            ("precision__in", '["day", "week"]'),
            ("date_basis__in", "explicit,weekday"),
            ("actors__arraycontains", "Russia"),
            ("location", "Kabul"),
            ("_search", "talks"),
            ("end_date__gte", "2025-01-01"),
            ("start_date__lte", "2025-12-31"),
            ("_sort", "title"),
            ("_facet", "year"),
        ]
    )
    assert pairs == [
        ("event_type", "meeting"),
        ("precision", "day"),
        ("precision", "week"),
        ("date_basis", "explicit"),
        ("date_basis", "weekday"),
        ("actor", "Russia"),
        ("place", "Kabul"),
        ("q", "talks"),
        ("since", "2025-01-01"),
        ("until", "2025-12-31"),
    ]


def test_histogram_shows_empty_months_and_spaces_its_year_labels() -> None:
    chart = histogram(
        [
            ("2024-12", "meeting", 1),
            ("2025-02", "summit", 2),
            ("2025-02", "meeting", 1),
            ("bad", "meeting", 9),
        ]
    )
    assert chart is not None
    assert [bar.month for bar in chart.bars] == ["2024-12", "2025-01", "2025-02"]
    assert [bar.total for bar in chart.bars] == [1, 0, 3]
    assert chart.peak == 3
    # Both types have three events in all; ties go alphabetically.
    assert chart.legend == (("meeting", 0), ("summit", 1))
    february = chart.bars[2]
    assert [segment.event_type for segment in february.segments] == ["meeting", "summit"]
    assert sum(segment.height for segment in february.segments) == pytest.approx(chart.height)
    ticks = [bar.x for bar in chart.bars if bar.tick]
    assert all(b - a >= 30 for a, b in itertools.pairwise(ticks))
    assert histogram([]) is None


def test_histogram_keeps_the_latest_months_when_there_are_too_many() -> None:
    counts = [
        (f"{year}-{month:02d}", "meeting", 1)
        for year in range(1990, 2026)
        for month in range(1, 13)
    ]
    chart = histogram(counts)
    assert chart is not None and chart.truncated
    assert chart.bars[-1].month == "2025-12" and len(chart.bars) == 240


def test_highlight_only_spans_that_fit() -> None:
    assert highlight("abcdef", 1, 3) == ("a", "bc", "def")
    assert highlight("abcdef", 3, 3) == ("abcdef", "", "")
    assert highlight("abcdef", 2, 99) == ("abcdef", "", "")
    assert highlight("abcdef", None, 3) == ("abcdef", "", "")


def test_serve_arguments() -> None:
    arguments = serve_arguments(
        Path("facts.db"),
        metadata=Path("m.json"),
        host="0.0.0.0",
        port=9000,
        inspect_file=Path("inspect.json"),
        settings={"default_page_size": 50, "allow_download": True},
    )
    assert arguments == [
        "serve",
        "-i",
        "facts.db",
        "--host",
        "0.0.0.0",
        "--port",
        "9000",
        "--metadata",
        "m.json",
        "--inspect-file",
        "inspect.json",
        "--setting",
        "default_page_size",
        "50",
        "--setting",
        "allow_download",
        "true",
    ]
    assert (
        serve_arguments(Path("x.db"), metadata=None, host="h", port=1, open_browser=True)[-1]
        == "--open"
    )


def test_metadata_is_renamed_for_the_database_and_carries_plugin_configuration() -> None:
    config = load_config()
    metadata = datasette_metadata(DEFAULT_METADATA, "afghanistan", plugins=config["plugins"])
    assert list(metadata["databases"]) == ["afghanistan"]
    assert "actor_timeline" in metadata["databases"]["afghanistan"]["queries"]
    assert metadata["plugins"]["datasette-cluster-map"]["latitude_column"] == "latitude"
    assert datasette_metadata(None, "facts") == {"databases": {}}


def test_configuration_settings_are_datasette_settings() -> None:
    from datasette.app import DEFAULT_SETTINGS

    assert set(load_config()["settings"]) <= set(DEFAULT_SETTINGS)


def test_serve_refuses_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        serve(tmp_path / "missing.db")
    database = tmp_path / "facts.db"
    sqlite_utils.Database(database)["t"].insert({"a": 1})
    with pytest.raises(TimelineError, match="no such metadata file"):
        serve(database, metadata=tmp_path / "missing.yml")


def test_served_database_is_immutable_with_counts_and_settings(server_url: str) -> None:
    def get(path: str) -> object:
        with urllib.request.urlopen(server_url + path, timeout=10) as response:
            return json.load(response)

    databases = get("/-/databases.json")
    assert isinstance(databases, list)
    assert [(db["name"], db["is_mutable"]) for db in databases] == [("facts", False)]
    settings = get("/-/settings.json")
    assert isinstance(settings, dict)
    assert settings["default_page_size"] == 50 and settings["suggest_facets"] is False
    events = get("/facts/events.json?_size=1")
    assert isinstance(events, dict) and events["filtered_table_rows_count"] == 8
    with urllib.request.urlopen(server_url + "/-/timeline", timeout=10) as response:
        assert response.url.endswith("/facts/-/timeline")
        assert b'data-event-id="ev-kabul-talks"' in response.read()
