"""Whole-table counts for the facets Datasette shows on every load of a table's page.

A facet over a million events is a scan of an index on every page view; the counts for
the unfiltered table only change when a build writes, so the build stores them and the
Datasette plugin's ``counted`` facet reads them (any filter falls back to counting).
"""

from __future__ import annotations

from typing import Any, Final

import sqlite_utils

#: The facets metadata.yml declares as ``{counted: column}``, by table.
COUNTED_FACETS: Final[dict[str, tuple[str, ...]]] = {"events": ("event_type", "year")}
TABLE = "facet_counts"
#: (table, column, value, count); a value is whatever SQLite stores in the column.
Row = tuple[str, str, Any, int]


def current_counts(db: sqlite_utils.Database) -> set[Row]:
    """(table, column, value, count) for every counted facet, from the tables themselves."""
    found: set[Row] = set()
    for table, columns in COUNTED_FACETS.items():
        for column in columns:
            rows = db.execute(
                f'select "{column}", count(*) from "{table}" '
                f'where "{column}" is not null group by "{column}"'
            )
            found.update((table, column, value, count) for value, count in rows)
    return found


def refresh_facet_counts(db: sqlite_utils.Database) -> bool:
    """Bring the stored counts up to date; write only when they changed, so that a
    rebuild that changes nothing leaves the file untouched. Returns whether it wrote."""
    wanted = current_counts(db)
    stored = set(db.execute(f"select table_name, column_name, value, count from {TABLE}"))
    if stored == wanted:
        return False
    rows: list[Row] = sorted(wanted, key=_row_order)
    with db.conn:
        db.conn.execute(f"delete from {TABLE}")
        db.conn.executemany(
            f"insert into {TABLE} (table_name, column_name, value, count) values (?, ?, ?, ?)",
            rows,
        )
    return True


def _row_order(row: Row) -> tuple[str, str, str]:
    return row[0], row[1], str(row[2])
