"""The facet counts a build stores for Datasette's events page."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from timeline.facet_counts import current_counts, refresh_facet_counts
from timeline.schema import ensure_schema

EVENTS = [
    {"id": id, "event_type": kind, "year": year, "evidence": "...", "extractor": "test"}
    for id, kind, year in (("a", "meeting", 2025), ("b", "meeting", 2024), ("c", "attack", None))
]


def stored(db: sqlite_utils.Database) -> list[tuple[object, ...]]:
    return sorted(
        db.execute("select table_name, column_name, value, count from facet_counts"),
        key=str,
    )


def test_counts_follow_the_events_and_are_written_only_when_they_change(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "t.db")
    ensure_schema(db)
    db["events"].insert_all(EVENTS)
    assert refresh_facet_counts(db) is True
    assert stored(db) == [
        ("events", "event_type", "attack", 1),
        ("events", "event_type", "meeting", 2),
        ("events", "year", 2024, 1),
        ("events", "year", 2025, 1),
    ]
    # A year stays an integer, as in the events table, so facet values keep their type.
    assert refresh_facet_counts(db) is False
    db["events"].delete("c")
    assert refresh_facet_counts(db) is True
    assert set(stored(db)) == current_counts(db)
    assert ("events", "event_type", "attack", 1) not in stored(db)
