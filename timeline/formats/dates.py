"""Event dates at their real precision: day spans, words, and TimelineJS date fields.

The events table stores ``start``/``end`` as TIMEX3 values ("2024-12-11",
"2026-W06", "2025-11", "2025-Q3", "2025", ...), the form
:func:`timeline.temporal.format.iso_at_precision` writes. Reading them back
keeps the precision the text gave: "December 2025" stays a month instead of
becoming 1 December.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from ..temporal.periods import bounds, season_bounds

# English names on purpose: calendar.month_name follows the process locale,
# and an export must come out the same on every machine.
MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS: Final = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
_HALVES: Final = {"1": "First half of", "2": "Second half of"}
_SUFFIXES: Final = {1: "st", 2: "nd", 3: "rd"}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


@dataclass(frozen=True)
class TimelineDate:
    """A TimelineJS date: only the fields the precision knows are set."""

    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Period:
    """The calendar period a TIMEX3 value names."""

    precision: str
    first: date
    last: date
    words: str

    @property
    def timeline_start(self) -> TimelineDate:
        return _timeline_date(self.precision, self.first)

    @property
    def timeline_end(self) -> TimelineDate:
        return _timeline_date(self.precision, self.last)


def _timeline_date(precision: str, day: date) -> TimelineDate:
    # A week has no field of its own in TimelineJS, so it goes down to days.
    if precision in ("day", "week"):
        return TimelineDate(day.year, day.month, day.day)
    if precision in ("month", "quarter", "half", "season"):
        return TimelineDate(day.year, day.month)
    return TimelineDate(day.year)


def day_words(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_period(value: str) -> Period:
    """The period of a resolved TIMEX3 value.

    Raises ValueError for anything else, unresolved values ("XXXX-12-11") included.

    >>> parse_period("2026-W06").words
    'Week of 2 February 2026'
    """
    if match := _DAY.fullmatch(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return Period("day", day, day, day_words(day))
    if match := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        first, last = bounds(monday, "week")
        return Period("week", first, last, f"Week of {day_words(first)}")
    if match := _MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2])
        first, last = bounds(date(year, month, 1), "month")
        return Period("month", first, last, f"{MONTHS[month - 1]} {year}")
    if match := _QUARTER.fullmatch(value):
        year, quarter = int(match[1]), int(match[2])
        first, last = bounds(date(year, 3 * quarter - 2, 1), "quarter")
        return Period("quarter", first, last, f"Q{quarter} {year}")
    if match := _HALF.fullmatch(value):
        year, half = int(match[1]), match[2]
        first, last = bounds(date(year, 1 if half == "1" else 7, 1), "half")
        return Period("half", first, last, f"{_HALVES[half]} {year}")
    if match := _SEASON.fullmatch(value):
        year, code = int(match[1]), match[2]
        first, last = season_bounds(year, code)
        # Winter runs from December into the next year: "Winter 2025–26".
        label = f"{year}–{(year + 1) % 100:02d}" if last.year != year else str(year)
        return Period("season", first, last, f"{_SEASONS[code]} {label}")
    if _YEAR.fullmatch(value):
        first, last = bounds(date(int(value), 1, 1), "year")
        return Period("year", first, last, value)
    if _DECADE.fullmatch(value):
        first, last = bounds(date(int(value) * 10, 1, 1), "decade")
        return Period("decade", first, last, f"{int(value) * 10}s")
    if _CENTURY.fullmatch(value):
        first, last = bounds(date(int(value) * 100, 1, 1), "century")
        return Period("century", first, last, f"{_ordinal(int(value) + 1)} century")
    raise ValueError(f"not a resolved date: {value!r}")


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{_SUFFIXES.get(number % 10, 'th')}"


@dataclass(frozen=True)
class EventDates:
    """An event's start and end period; ``end`` is the start period unless it spans more."""

    start: Period
    end: Period

    @classmethod
    def parse(cls, start: str, end: str | None) -> EventDates:
        first = parse_period(start)
        return cls(first, parse_period(end) if end else first)

    @property
    def words(self) -> str:
        start, end = self.start, self.end
        if end == start:
            return start.words
        if start.precision == end.precision == "day" and start.first.year == end.last.year:
            if start.first.month == end.last.month:
                return f"{start.first.day}–{end.words}"
            return f"{start.first.day} {MONTHS[start.first.month - 1]} – {end.words}"
        return f"{start.words} – {end.words}"

    @property
    def timeline_start(self) -> TimelineDate:
        return self.start.timeline_start

    @property
    def timeline_end(self) -> TimelineDate | None:
        """None when the start fields already say it all (one day, one month, one year)."""
        end = self.end.timeline_end
        return None if end == self.timeline_start else end
