"""Turn matched expressions into TIMEX3 values and day bounds against an explicit anchor.

Nothing here reads the clock: every deictic expression needs the anchor the
caller passes, and without one it stays unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from . import tense as T
from .format import iso_at_precision
from .holidays import days_in
from .matcher import Expr, Mention
from .periods import UNIT_PRECISION, add_months, bounds, days_in_month, season_bounds, shift
from .types import PRECISIONS, Timex

_PLACEHOLDERS: Final[dict[str, str]] = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "season": "XXXX-XX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}
#: Weekday-year search radius: a month-day falls on the same weekday again
#: within 11 years, or 28 for February 29.
_WEEKDAY_YEAR_RADIUS: Final = 40
#: No-tense month-days further than this from the anchor belong to the
#: neighbouring year ("December 28" written on January 3).
_HALF_YEAR: Final = timedelta(days=183)
_YEAR: Final = timedelta(days=366)
#: The most text between a day and a clock time that still reads as one phrase
#: ("on Wednesday, police said, at 3 a.m.").
_PHRASE_GAP: Final = 32
_PHRASE_BREAK: Final = re.compile(r"[.!?;:]\s|\n")
_SENTENCE_BREAK: Final = re.compile(r"[.!?]\s|\n")

Span = tuple[date, date]


@dataclass(slots=True)
class _Date:
    value: str
    start: date | None
    end: date | None
    precision: str
    basis: str


def _part_bounds(year: int, part: str) -> Span:
    if part.startswith("Q"):
        first = date(year, 3 * int(part[1]) - 2, 1)
        return bounds(first, "quarter")
    if part.startswith("H"):
        return bounds(date(year, 1 if part == "H1" else 7, 1), "half")
    return season_bounds(year, part)


def _part_precision(part: str) -> str:
    return {"Q": "quarter", "H": "half"}.get(part[0], "season")


def _month_index(day: date) -> int:
    return day.year * 12 + day.month


def _weekend(day: date) -> _Date:
    saturday = day - timedelta(days=day.isoweekday() - 6)
    year, week, _ = saturday.isocalendar()
    return _Date(
        f"{year:04d}-W{week:02d}-WE", saturday, saturday + timedelta(days=1), "week", "relative"
    )


def _no_tense() -> str:
    return T.NONE


def same_phrase(text: str, end_char: int, start_char: int) -> bool:
    """Whether the text between two mentions is short and crosses no sentence or clause end."""
    gap = text[end_char:start_char]
    return len(gap) <= _PHRASE_GAP and _PHRASE_BREAK.search(gap) is None


def on_day(timex: Timex, day: Timex) -> Timex:
    """A floating clock time (``timex``) placed on the day another mention names."""
    clock = timex.value.partition("T")[2]
    assert day.start is not None
    return replace(
        timex,
        value=f"{day.start.isoformat()}T{clock}",
        start=day.start,
        end=day.start,
        precision="day",
        basis=day.basis,
    )


class Resolver:
    """Resolves mentions in text order; remembers resolved dates for anaphora."""

    def __init__(
        self, anchor: date | None, not_after: date | None, *, narrative: bool = False
    ) -> None:
        self.anchor = anchor
        self.narrative = narrative
        self.not_after = not_after
        self.history: list[tuple[date, str]] = []
        #: Quarters the text has named, latest last, with where each mention ended: the
        #: period a report is about.
        self.quarters: list[tuple[date, int]] = []
        #: The text and where the mention being resolved starts.
        self._here: tuple[str, int] = ("", 0)
        #: Where the last mention ended and the day it named, if it named one.
        self._last_day: tuple[int, _Date] | None = None
        #: The year the last mention with a written year named.
        self._written_year: int | None = None

    def resolve(self, mention: Mention, text: str, tense: Callable[[], str]) -> Timex:
        """``tense`` gives the clause's tense; it is only asked when the value depends on it."""
        expr = mention.expr
        piece = text[mention.start_char : mention.end_char]
        if expr.kind == "literal":
            assert expr.timex_type is not None and expr.value is not None
            self._last_day = None
            return Timex(
                mention.start_char,
                mention.end_char,
                piece,
                expr.timex_type,
                expr.value,
                mod=expr.mod,
            )
        last_day = self._last_day
        self._here = (text, mention.start_char)
        try:
            if (
                expr.floating
                and last_day is not None
                and same_phrase(text, last_day[0], mention.start_char)
            ):
                # "on Wednesday at 3 a.m.": the time is on the day just named.
                resolved = last_day[1]
            elif expr.kind == "calendar" and expr.holiday is not None:
                resolved = self._holiday(expr, tense)
            elif expr.kind == "calendar":
                resolved = self._calendar(expr, tense)
            elif expr.kind == "focus":
                resolved = self._focus(expr)
            else:
                resolved = self._relative(expr)
        except (ValueError, OverflowError):
            # Arithmetic that leaves the calendar (year 0, "3000 years ago" near
            # year 1000): the expression is real but has no representable date.
            resolved = _Date("XXXX-XX-XX", None, None, "day", "unresolved")
        if expr.kind == "calendar" and expr.unit == "week" and resolved.start is not None:
            # "the week of March 6".
            start, end = bounds(resolved.start, "week")
            resolved = _Date(iso_at_precision(start, "week"), start, end, "week", resolved.basis)
        timex_type = "DATE"
        value = resolved.value
        if expr.hour is not None or expr.daypart is not None:
            timex_type = "TIME"
            clock = expr.daypart or f"{expr.hour:02d}:{expr.minute or 0:02d}"
            value = f"{value}T{clock}" if resolved.precision == "day" else f"XXXX-XX-XXT{clock}"
        self._last_day = (
            (mention.end_char, resolved)
            if resolved.precision == "day" and resolved.start is not None
            else None
        )
        if expr.kind == "calendar" and expr.year is not None and resolved.start is not None:
            self._written_year = expr.year
        if resolved.start is not None and not expr.compare:
            # A comparison ("a year earlier") is not what later anaphora count from.
            self.history.append((resolved.start, resolved.precision))
            if resolved.precision == "quarter":
                self.quarters.append((resolved.start, mention.end_char))
        return Timex(
            mention.start_char,
            mention.end_char,
            piece,
            timex_type,
            value,
            resolved.start,
            resolved.end,
            resolved.precision,
            resolved.basis,
            expr.mod,
        )

    # -- calendar expressions ----------------------------------------------

    def _calendar(self, e: Expr, tense_of: Callable[[], str]) -> _Date:
        if e.century is not None:
            first = date(max(e.century * 100, 1), 1, 1)
            return _Date(f"{e.century:02d}", *bounds(first, "century"), "century", "explicit")
        if e.decade is not None:
            first = date(e.decade * 10, 1, 1)
            return _Date(f"{e.decade:03d}", *bounds(first, "decade"), "decade", "explicit")
        if e.year is not None:
            return self._explicit(e)
        if e.year_offset is not None and (e.month is not None or e.part is not None):
            return self._year_offset(e)
        if e.month is not None and e.day is not None and e.weekday is not None:
            return self._weekday_year(e.month, e.day, e.weekday)
        # A last/this/next period does not depend on the clause's tense. Otherwise the
        # tense is only worked out when the value depends on it: it is the costliest step.
        tense = tense_of if e.shift is None else _no_tense
        if e.month is not None and e.day is not None:
            return self._year_inferred(e.month, e.day, tense)
        if e.month is not None:
            month = e.month
            return self._named(
                lambda y: bounds(date(y, month, 1), "month"),
                "month",
                f"XXXX-{month:02d}",
                e.shift,
                tense,
            )
        if e.part == "WE":
            return self._weekend(e.shift, tense)
        if e.part is not None:
            part = e.part
            return self._named(
                lambda y: _part_bounds(y, part),
                _part_precision(part),
                f"XXXX-{part}",
                e.shift,
                tense,
            )
        if e.weekday is not None:
            return self._weekday(e.weekday, e.shift, tense, e.anaphoric)
        if e.day is not None:
            return self._day_of_month(e.day, tense)
        raise AssertionError(f"calendar expression with no field: {e}")

    def _day_of_month(self, day: int, tense_of: Callable[[], str]) -> _Date:
        """ "on the 25th": that day of the anchor's month, or of the month before or after
        when the clause's tense points there and the anchor's month has passed it (or not
        yet reached it)."""
        anchor = self.anchor
        if anchor is None:
            return _Date(f"XXXX-XX-{day:02d}", None, None, "day", "unresolved")
        candidates = []
        for months in (-1, 0, 1):
            first = add_months(anchor.replace(day=1), months)
            if day <= days_in_month(first.year, first.month):
                candidates.append(first.replace(day=day))
        tense = tense_of()
        if tense == T.PAST:
            chosen = max((c for c in candidates if c <= anchor), default=None)
        elif tense == T.FUTURE:
            chosen = min((c for c in candidates if c >= anchor), default=None)
        else:
            chosen = min(candidates, key=lambda c: abs((c - anchor).days), default=None)
        if chosen is None:
            return _Date(f"XXXX-XX-{day:02d}", None, None, "day", "unresolved")
        return _Date(chosen.isoformat(), chosen, chosen, "day", "relative")

    def _holiday(self, e: Expr, tense_of: Callable[[], str]) -> _Date:
        """A holiday's day in the year the text gives, else the occurrence nearest the
        anchor in the direction a last/next or the clause's tense points."""
        assert e.holiday is not None
        rule = e.holiday
        if e.year is not None:
            spans = days_in(rule, e.year)
            if not spans:
                return _Date(f"{e.year:04d}", None, None, "day", "unresolved")
            return _Date(spans[0][0].isoformat(), *spans[0], "day", "explicit")
        anchor = self.anchor
        if anchor is None:
            # A holiday that keeps its month and day across years still says which.
            first, second = days_in(rule, 2001), days_in(rule, 2002)
            fixed = bool(first and second) and f"{first[0][0]:%m%d}" == f"{second[0][0]:%m%d}"
            placeholder = f"XXXX-{first[0][0]:%m-%d}" if fixed else "XXXX-XX-XX"
            return _Date(placeholder, None, None, "day", "unresolved")
        spans = [span for y in range(anchor.year - 1, anchor.year + 2) for span in days_in(rule, y)]
        tense = tense_of() if e.shift is None else T.NONE
        month = timedelta(days=31)
        if e.shift == -1:
            chosen = max(s for s in spans if s[1] < anchor)
        elif e.shift == 1:
            chosen = min(s for s in spans if s[0] > anchor)
        elif tense == T.PAST:
            # As with month-days, a tense guess a month off is tolerated.
            chosen = max(s for s in spans if s[0] <= anchor + month)
        elif tense == T.FUTURE:
            chosen = min(s for s in spans if s[1] >= anchor - month)
        else:
            chosen = min(spans, key=lambda s: max(s[0] - anchor, anchor - s[1]))
        basis = "relative" if e.shift is not None else "year-inferred"
        return _Date(chosen[0].isoformat(), *chosen, "day", basis)

    def _explicit(self, e: Expr) -> _Date:
        assert e.year is not None
        if e.month is not None and e.day is not None:
            day = date(e.year, e.month, e.day)
            return _Date(day.isoformat(), day, day, "day", "explicit")
        if e.month is not None:
            first = date(e.year, e.month, 1)
            return _Date(
                iso_at_precision(first, "month"), *bounds(first, "month"), "month", "explicit"
            )
        if e.part is not None:
            start, end = _part_bounds(e.year, e.part)
            return _Date(f"{e.year:04d}-{e.part}", start, end, _part_precision(e.part), "explicit")
        first = date(e.year, 1, 1)
        return _Date(f"{e.year:04d}", *bounds(first, "year"), "year", "explicit")

    def _year_offset(self, e: Expr) -> _Date:
        """ "January this year", "this year's third quarter"."""
        assert e.year_offset is not None
        placeholder = f"XXXX-{e.part}" if e.part else f"XXXX-{e.month:02d}"
        precision = _part_precision(e.part) if e.part else "month"
        if self.anchor is None:
            return _Date(placeholder, None, None, precision, "unresolved")
        year = self.anchor.year + e.year_offset
        explicit = self._explicit(replace(e, year=year))
        return replace(explicit, basis="relative")

    def _last_quarter(self) -> date | None:
        """The quarter a report is about: the one just named in the same sentence, else
        the last one named that ended in the year before the anchor, else the last one
        completed before the anchor."""
        anchor = self.anchor
        text, here = self._here
        if self.quarters and _SENTENCE_BREAK.search(text, self.quarters[-1][1], here) is None:
            # "Fourth-quarter revenue beat the year-ago quarter": the one just named.
            return self.quarters[-1][0]
        # Otherwise only a quarter over by the anchor, and ended within the year before
        # it, is one reported on: not "a fourth-quarter charge" expected in a report
        # written in November, nor "the third quarter of 1984" recalled in one from 1989.
        reported = [
            q
            for q, _ in self.quarters
            if anchor is None or anchor - _YEAR < bounds(q, "quarter")[1] < anchor
        ]
        if reported:
            return reported[-1]
        if anchor is None:
            return None
        first, _ = bounds(anchor, "quarter")
        return bounds(first - timedelta(days=1), "quarter")[0]

    def _focus(self, e: Expr) -> _Date:
        quarter = self._last_quarter()
        if quarter is None:
            return _Date("XXXX-QX", None, None, "quarter", "unresolved")
        year = e.year if e.year is not None else quarter.year - (1 if e.compare else 0)
        start, end = bounds(quarter.replace(year=year), "quarter")
        return _Date(iso_at_precision(start, "quarter"), start, end, "quarter", "relative")

    def _weekday_year(self, month: int, day: int, weekday: int) -> _Date:
        reference = self.anchor or self.not_after
        unresolved = _Date(f"XXXX-{month:02d}-{day:02d}", None, None, "day", "unresolved")
        if reference is None:
            return unresolved
        candidates = []
        for year in range(
            reference.year - _WEEKDAY_YEAR_RADIUS, reference.year + _WEEKDAY_YEAR_RADIUS + 1
        ):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate.isoweekday() == weekday:
                candidates.append(candidate)
        if self.anchor is not None:
            anchor = self.anchor
            chosen = min(candidates, key=lambda c: (abs((c - anchor).days), c), default=None)
        else:
            chosen = max((c for c in candidates if c <= reference), default=None)
        if chosen is None:
            return unresolved
        return _Date(chosen.isoformat(), chosen, chosen, "day", "weekday-year")

    def _year_inferred(self, month: int, day: int, tense_of: Callable[[], str]) -> _Date:
        unresolved = _Date(f"XXXX-{month:02d}-{day:02d}", None, None, "day", "unresolved")
        anchor = self.anchor
        if anchor is None:
            return unresolved

        def on(year: int) -> date | None:
            try:
                return date(year, month, day)
            except ValueError:
                return None

        narrative = self._narrative_year(tense_of)
        in_history = None if narrative is None else on(narrative)
        if in_history is not None:
            return _Date(in_history.isoformat(), in_history, in_history, "day", "year-inferred")
        year = anchor.year
        base = on(year)
        tense: str | None = None
        if base is None:
            # February 29 in a common year: the nearest leap year in the tense's direction.
            tense = tense_of()
            step = 1 if tense == T.FUTURE else -1
            while base is None:
                year += step
                base = on(year)
        months_ahead = _month_index(base) - _month_index(anchor)
        # Month-days tolerate a tense guess that is one month off, so within that
        # the costly tense is not worked out (such a date is never half a year away).
        if -2 < months_ahead < 2:
            return _Date(base.isoformat(), base, base, "day", "year-inferred")
        if tense is None:
            tense = tense_of()
        # Further away, the tense moves the date to the neighbouring year.
        if tense == T.PAST and months_ahead >= 2:
            base = on(year - 1) or base
        elif tense == T.FUTURE and months_ahead <= -2:
            base = on(year + 1) or base
        elif tense == T.NONE and base - anchor > _HALF_YEAR:
            base = on(year - 1) or base
        elif tense == T.NONE and anchor - base > _HALF_YEAR:
            base = on(year + 1) or base
        return _Date(base.isoformat(), base, base, "day", "year-inferred")

    def _named(
        self,
        occurrence: Callable[[int], Span],
        precision: str,
        placeholder: str,
        shift_by: int | None,
        tense_of: Callable[[], str],
    ) -> _Date:
        """A month, quarter or season named without its year ("in December", "last summer")."""
        anchor = self.anchor
        if anchor is None:
            return _Date(placeholder, None, None, precision, "unresolved")
        narrative = self._narrative_year(tense_of) if shift_by is None else None
        if narrative is not None:
            start, end = occurrence(narrative)
            return _Date(iso_at_precision(start, precision), start, end, precision, "year-inferred")
        candidates = [occurrence(y) for y in range(anchor.year - 2, anchor.year + 2)]
        containing = next((c for c in candidates if c[0] <= anchor <= c[1]), None)
        current = containing or next(c for c in candidates if c[0].year == anchor.year)
        if shift_by == -1:
            chosen = max(c for c in candidates if c[1] < anchor)
        elif shift_by == 1:
            chosen = min(c for c in candidates if c[0] > anchor)
        elif shift_by == 0 or containing is not None:
            # The period the anchor is in is the one meant, whatever the tense.
            chosen = current
        else:
            past = current
            if current[0] > anchor:
                past = max(c for c in candidates if c[0] <= anchor)
            future = current
            if current[1] < anchor and (precision != "quarter" or anchor - current[1] > _HALF_YEAR):
                # A quarter reported on a few weeks after it ended is still "the third quarter".
                future = min(c for c in candidates if c[1] >= anchor)
            # No tense to go by: the nearest occurrence ("in December" written in February).
            nearest = min(candidates, key=lambda c: max(c[0] - anchor, anchor - c[1]))
            # The tense is costly to work out, and often all three agree.
            if past == future == nearest:
                chosen = nearest
            else:
                tense = tense_of()
                chosen = past if tense == T.PAST else future if tense == T.FUTURE else nearest
        basis = "relative" if shift_by is not None else "year-inferred"
        return _Date(iso_at_precision(chosen[0], precision), chosen[0], chosen[1], precision, basis)

    def _narrative_year(self, tense_of: Callable[[], str]) -> int | None:
        """In a text that tells a history, the year it has reached: the last one written.

        "The Taliban took Kabul in August 2021. In September they named a cabinet":
        in an account of those years written in 2024, September is the one of 2021.
        News of the day names its months and days about the day of writing instead,
        so this holds only for texts that :func:`tells_a_history` picks out.
        """
        written = self._written_year
        if not self.narrative or written is None:
            return None
        # "the summit set for April" looks ahead from the day of writing, not the history.
        return None if tense_of() == T.FUTURE else written

    def _weekend(self, shift_by: int | None, tense_of: Callable[[], str]) -> _Date:
        anchor = self.anchor
        if anchor is None:
            return _Date("XXXX-WXX-WE", None, None, "week", "unresolved")
        if shift_by is not None:
            return _weekend(anchor + timedelta(weeks=shift_by))
        weekend = _weekend(anchor)
        assert weekend.start is not None
        if weekend.start > anchor and tense_of() != T.FUTURE:
            return _weekend(anchor - timedelta(weeks=1))
        return weekend

    def _weekday(
        self, weekday: int, shift_by: int | None, tense_of: Callable[[], str], anaphoric: bool
    ) -> _Date:
        anchor = self._reference("day") if anaphoric else self.anchor
        if anchor is None:
            return _Date(f"XXXX-WXX-{weekday}", None, None, "day", "unresolved")
        back = (anchor.isoweekday() - weekday) % 7
        ahead = (weekday - anchor.isoweekday()) % 7
        if shift_by == -1:
            day = anchor - timedelta(days=back or 7)
        elif shift_by == 1:
            day = anchor + timedelta(days=ahead or 7)
        elif shift_by == 0 or back == 0:
            # "this Monday", or a bare weekday on the anchor's own weekday.
            day = anchor + timedelta(days=weekday - anchor.isoweekday())
        elif tense_of() == T.FUTURE:
            day = anchor + timedelta(days=ahead)
        else:
            day = anchor - timedelta(days=back)
        return _Date(day.isoformat(), day, day, "day", "relative" if anaphoric else "weekday")

    # -- relative expressions ----------------------------------------------

    def _reference(self, precision: str) -> date | None:
        """The last mentioned date at least as fine as ``precision``, else the anchor."""
        rank = PRECISIONS.index(precision)
        for start, prec in reversed(self.history):
            if PRECISIONS.index(prec) <= rank:
                return start
        return self.anchor

    def _relative(self, e: Expr) -> _Date:
        assert e.unit is not None and e.offset is not None
        if e.compare and self.quarters:
            # "a year earlier" in a report on a quarter: that quarter a year before.
            return self._focus(e)
        precision = UNIT_PRECISION[e.unit]
        reference = self._reference(precision) if e.anaphoric else self.anchor
        if reference is None:
            return _Date(_PLACEHOLDERS[precision], None, None, precision, "unresolved")
        moved = shift(reference, e.unit, e.offset)
        if e.unit == "weekend":
            return _weekend(moved)
        start, end = bounds(moved, precision)
        basis = (
            "publication" if e.unit == "day" and e.offset == 0 and not e.anaphoric else "relative"
        )
        return _Date(iso_at_precision(start, precision), start, end, precision, basis)
