"""Datelines: the place and date that open a news article ("KABUL, March 9 (Wire) -")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .published import Published
from .temporal import tag
from .temporal.types import DocumentDate, Timex

# A dateline opens the article: "KABUL, Feb. 2 (Reuters) -", "MOSCOW, 11 December 2024 —",
# "KABUL (Pajhwok), March 5, 2025:".
_AGENCY = r"(?:\s*\([^()\n]{1,40}\))?"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40})?" + _AGENCY + r",\s*$"
)
#: A place in title case ("Dushanbe, 8 October 2024", "Tashkent, Uzbekistan, March 5, 2025")
#: opens a dateline only when the date ends the line or the dateline ("(AFP) -"): in prose
#: a capitalised word before a date is common.
_PLACE = r"[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}"
_TITLE_CASE_DATELINE = re.compile(
    r"\s*" + _PLACE + r"(?:,\s*" + _PLACE + r")?" + _AGENCY + r",\s*$"
)
_DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[-–—:]|\r?\n|$)")
#: A label or a byline before the date: "Published: 05 Mar 2025", "By Jane Doe | May 5, 2025".
_DATE_LABEL = re.compile(
    r"\s*(?:(?:last\s+)?updated|published|posted|dated?)(?:\s+on)?\s*:?\s*$"
    r"|[^\n]{0,80}[|•·]\s*$",
    re.IGNORECASE,
)
_DATELINE_SEARCH = 120
_YEARLESS_DAY = re.compile(r"XXXX-(?P<month>\d\d)-(?P<day>\d\d)")


def find_dateline(text: str) -> Published | None:
    """The date of a dateline that opens the article, when it gives the year."""
    return _full_dateline(*_head(text))


def find_yearless_dateline(text: str) -> tuple[int, int, str] | None:
    """(month, day, text) of a dateline that opens the article without a year:
    "MINSK, Nov. 14 (Wire) -"."""
    return _yearless_dateline(*_head(text))


def dateline_end(text: str) -> int:
    """Where the article's body begins after a dated dateline, else 0.

    "KABUL, March 9 (Wire) - A bomb exploded on Saturday": the body begins at "A".
    """
    head, timexes = _head(text)
    for timex in timexes:
        if timex.type == "DATE" and _opens_dateline(head, timex):
            separator = _DATELINE_END.match(text, timex.end_char)
            return separator.end() if separator is not None else 0
    return 0


@lru_cache(maxsize=4)
def _head(text: str) -> tuple[str, tuple[Timex, ...]]:
    """Where a dateline may stand, and the dates in it, read once for every question
    asked of one article's dateline."""
    head = text[:_DATELINE_SEARCH]
    return head, tuple(tag(head))


def _full_dateline(head: str, timexes: tuple[Timex, ...]) -> Published | None:
    for timex in timexes:
        if timex.start is None or timex.basis != "explicit" or timex.precision != "day":
            continue
        if _opens_dateline(head, timex):
            return Published(
                date=timex.start,
                start=timex.start,
                end=timex.start,
                precision="day",
                basis="dateline",
                note=f"dateline {timex.text!r}",
            )
        break
    return None


def _yearless_dateline(head: str, timexes: tuple[Timex, ...]) -> tuple[int, int, str] | None:
    for timex in timexes:
        found = _YEARLESS_DAY.fullmatch(timex.value)
        if found is None or timex.type != "DATE":
            return None
        if not _opens_dateline(head, timex):
            return None
        return int(found["month"]), int(found["day"]), timex.text
    return None


def _opens_dateline(head: str, timex: Timex) -> bool:
    """Whether ``timex`` opens its line, alone or after a place: "KABUL, Feb. 2" (a
    headline may stand on the lines before)."""
    lead = head[head.rfind("\n", 0, timex.start_char) + 1 : timex.start_char]
    if not lead.strip() or _DATELINE.fullmatch(lead) or _DATE_LABEL.fullmatch(lead):
        return True
    return bool(_TITLE_CASE_DATELINE.fullmatch(lead) and _DATELINE_END.match(head, timex.end_char))


def in_latest_year(
    month_day: tuple[int, int, str], inferred: DocumentDate | None, not_after: date | None
) -> Published | None:
    """The dateline's day in the latest year the text allows, no later than ``not_after``.

    The same rule a reader uses for "Wednesday, December 11" with no year: the latest
    such day not after the day of ingestion, here also within the range the text's
    other dates leave open."""
    month, day, written = month_day
    latest = inferred.end if inferred is not None else not_after
    if latest is None:
        return None
    earliest = inferred.start if inferred is not None else date.min
    for year in range(latest.year, max(earliest.year, latest.year - 30) - 1, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # February 29 in a common year
            continue
        if earliest <= candidate <= latest:
            return Published(
                date=candidate,
                start=candidate,
                end=candidate,
                precision="day",
                basis="dateline",
                note=f"dateline {written!r}, in the latest year not after {latest}",
            )
    return None
