"""Value types shared by the temporal engine and its callers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date

#: Granularities a resolved date can have, finest first.
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")

#: How a date was obtained.
#: explicit      the text gives it whole ("11 December 2024", "November 2025", "in 2001")
#: weekday       a bare weekday resolved against the anchor ("Monday")
#: weekday-year  a weekday with month and day and no year; the weekday fixes the year
#: year-inferred month and day with no year; the year comes from the anchor
#: relative      a deictic or anaphoric expression ("earlier this week", "two years ago")
#: publication   the document date itself ("today", or an event dated only by its article)
#: unresolved    the text gives part of a date and no anchor completes it ("XXXX-12-11")
BASES = (
    "explicit",
    "weekday",
    "weekday-year",
    "year-inferred",
    "relative",
    "publication",
    "unresolved",
)


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text, with TIMEX3 attributes and day bounds.

    ``start_char``/``end_char`` are offsets into the text given to the tagger
    (``text[start_char:end_char] == self.text``). ``start``/``end`` are the first
    and last day covered (inclusive) and are ``None`` when the value is not a
    calendar span (durations, sets, unresolved dates, PAST_REF...).
    """

    start_char: int
    end_char: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2024-12-11, 2025-11, 2026-W06, P3Y, PRESENT_REF, XXXX-12-11
    start: date | None = None
    end: date | None = None
    precision: str | None = None  # one of PRECISIONS, for DATE and TIME values
    basis: str | None = None  # one of BASES, for DATE and TIME values
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...

    def record(self) -> dict[str, str | int | None]:
        """Its fields as plain values, days in ISO form: a row or a JSON object."""
        return {
            "start_char": self.start_char,
            "end_char": self.end_char,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "basis": self.basis,
            "mod": self.mod,
        }


@dataclass(frozen=True)
class DocumentDate:
    """A document's date inferred from its own text.

    ``start``..``end`` is the range of publication days consistent with the
    text; ``date`` is the day used as the anchor (the earliest consistent day).
    ``evidence`` holds the expressions that decided it.
    """

    # ``datetime.date`` spelled out: the field ``date`` shadows the bare name here.
    date: datetime.date
    start: datetime.date
    end: datetime.date
    precision: str
    confidence: float
    reason: str
    evidence: tuple[Timex, ...] = field(default_factory=tuple)
