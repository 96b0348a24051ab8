"""Render a day at a precision as a TIMEX3 value."""

from __future__ import annotations

from datetime import date

from .periods import season_of


def iso_at_precision(start: date, precision: str) -> str:
    """TIMEX3 value of the period of ``precision`` containing ``start``.

    >>> iso_at_precision(date(2026, 2, 2), "week")
    '2026-W06'
    >>> iso_at_precision(date(2024, 5, 1), "decade")
    '202'
    """
    if precision == "day":
        return start.isoformat()
    if precision == "week":
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if precision == "season":
        year, code = season_of(start)
        return f"{year:04d}-{code}"
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "decade":
        return f"{start.year // 10:03d}"
    if precision == "century":
        return f"{start.year // 100:02d}"
    raise ValueError(f"unknown precision {precision!r}")
