"""Calendar periods: the first and last day of a week, month, quarter... containing a day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final

from .vocabulary import SEASON_START_MONTH

_SEASON_BY_MONTH: Final[dict[int, str]] = {
    month: season
    for season, start in SEASON_START_MONTH.items()
    for month in ((start - 1 + k) % 12 + 1 for k in range(3))
}


_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without the weekday it also works out at
    some cost. ``month`` must be 1 to 12."""
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the target month (Jan 31 + 1 -> Feb 28).

    What ``relativedelta(months=...)`` does, without its cost in the resolver's hot path."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def season_of(day: date) -> tuple[int, str]:
    """(year the season is named after, code); winter belongs to the year its December is in."""
    code = _SEASON_BY_MONTH[day.month]
    year = day.year - 1 if code == "WI" and day.month < 3 else day.year
    return year, code


def season_bounds(year: int, code: str) -> tuple[date, date]:
    first = date(year, SEASON_START_MONTH[code], 1)
    last = add_months(first, 3) - timedelta(days=1)
    return first, last


def bounds(day: date, precision: str) -> tuple[date, date]:
    """First and last day of the period of ``precision`` that contains ``day``."""
    if precision == "day":
        return day, day
    if precision == "week":
        first = day - timedelta(days=day.isoweekday() - 1)
        return first, first + timedelta(days=6)
    if precision == "month":
        return day.replace(day=1), day.replace(day=days_in_month(day.year, day.month))
    if precision == "quarter":
        month = 3 * ((day.month - 1) // 3) + 1
        first = date(day.year, month, 1)
        return first, add_months(first, 3) - timedelta(days=1)
    if precision == "half":
        first = date(day.year, 1 if day.month <= 6 else 7, 1)
        return first, add_months(first, 6) - timedelta(days=1)
    if precision == "season":
        return season_bounds(*season_of(day))
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "decade":
        first_year = day.year - day.year % 10
        return date(first_year, 1, 1), date(first_year + 9, 12, 31)
    if precision == "century":
        first_year = day.year - day.year % 100
        return date(max(first_year, 1), 1, 1), date(first_year + 99, 12, 31)
    raise ValueError(f"unknown precision {precision!r}")


def shift(day: date, unit: str, amount: int) -> date:
    """Move ``day`` by ``amount`` calendar units (unit names as in vocabulary.UNITS)."""
    if unit in ("day", "hour", "minute", "second"):
        return day + timedelta(days=amount) if unit == "day" else day
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}
    return add_months(day, months[unit] * amount)


#: The precision a unit of time gives a date shifted by it ("two weeks ago" -> week).
UNIT_PRECISION: Final[dict[str, str]] = {
    "second": "day",
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "weekend": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "season": "season",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
