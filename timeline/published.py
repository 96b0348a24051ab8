"""The publication date of a document, and where it came from."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

#: Where a document's date came from, most trusted first.
PUBLISHED_BASES = ("metadata", "option", "dateline", "inferred")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Published:
    """A document's date: the anchor day, the span it may cover, and its basis."""

    date: dt.date  # the anchor day
    start: dt.date
    end: dt.date
    precision: str  # day, month or year
    basis: str  # one of PUBLISHED_BASES
    note: str = ""

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return str(self.date.isoformat())


def parse_published(value: str, *, basis: str, note: str = "") -> Published:
    """Read a date the user gave: ISO 8601 (day, month or year) or a written-out date.

    Raises ValueError with a readable message when ``value`` is not a date.
    """
    text = value.strip()
    match = _ISO.fullmatch(text[:10]) if re.match(r"\d{4}", text) else None
    try:
        if match and (len(text) == len(match.group(0)) or text[10:11] in ("T", " ")):
            year = int(match.group(1))
            if match.group(3):
                day = dt.date(year, int(match.group(2)), int(match.group(3)))
                return Published(day, day, day, "day", basis, note)
            if match.group(2):
                month = int(match.group(2))
                first = dt.date(year, month, 1)
                last = dt.date(year, month, calendar.monthrange(year, month)[1])
                return Published(first, first, last, "month", basis, note)
            return Published(
                dt.date(year, 1, 1), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", basis, note
            )
        # Two different defaults expose fields the text does not give.
        early = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        late = dateutil_parser.parse(text, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date: {value!r}") from error
    if early.year != late.year:
        raise ValueError(f"not a date with a year: {value!r}")
    if early.day == late.day:
        day = early.date()
        return Published(day, day, day, "day", basis, note)
    if early.month == late.month:
        first = dt.date(early.year, early.month, 1)
        last = dt.date(early.year, early.month, calendar.monthrange(early.year, early.month)[1])
        return Published(first, first, last, "month", basis, note)
    raise ValueError(f"not a date: {value!r}")
