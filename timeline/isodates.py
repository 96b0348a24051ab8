"""ISO 8601 dates at any precision the timeline uses, and their day bounds."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_FORMS = re.compile(
    r"(?P<year>\d{4})(?:-(?:W(?P<week>\d{2})|Q(?P<quarter>[1-4])|(?P<month>\d{2})"
    r"(?:-(?P<day>\d{2}))?))?"
)


@dataclass(frozen=True)
class IsoSpan:
    """``value`` as written, its first and last day, and its precision."""

    value: str
    first: date
    last: date
    precision: str


def parse_iso(value: str) -> IsoSpan:
    """Read 2024-12-11, 2026-W06, 2025-11, 2025-Q3 or 2025; ValueError otherwise."""
    text = value.strip()
    match = _FORMS.fullmatch(text)
    if not match:
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    year = int(match["year"])
    try:
        if match["week"]:
            first = date.fromisocalendar(year, int(match["week"]), 1)
            return IsoSpan(text, first, first + timedelta(days=6), "week")
        if match["quarter"]:
            quarter = int(match["quarter"])
            first = date(year, 3 * quarter - 2, 1)
            last_month = 3 * quarter
            last = date(year, last_month, calendar.monthrange(year, last_month)[1])
            return IsoSpan(text, first, last, "quarter")
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return IsoSpan(text, day, day, "day")
        if match["month"]:
            month = int(match["month"])
            first = date(year, month, 1)
            return IsoSpan(
                text, first, date(year, month, calendar.monthrange(year, month)[1]), "month"
            )
    except ValueError as error:
        raise ValueError(f"not a valid date: {value!r}") from error
    return IsoSpan(text, date(year, 1, 1), date(year, 12, 31), "year")
