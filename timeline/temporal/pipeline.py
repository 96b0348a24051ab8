"""Run tokenizer, matcher and resolver together, keeping what each step found."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from .matcher import find_mentions
from .resolver import Resolver, on_day, same_phrase
from .tense import PAST, tense_in
from .types import Timex


class Found:
    """What the matcher finds in one text, whatever the anchor: its tokens, its mentions
    and, filled in on first use, the tense of each mention's clause."""

    __slots__ = ("mentions", "tenses", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens, self.mentions = find_mentions(text)
        self.tenses: list[str | None] = [None] * len(self.mentions)

    def tense(self, index: int) -> str:
        found = self.tenses[index]
        if found is None:
            mention = self.mentions[index]
            found = tense_in(self.text, self.tokens, mention.first, mention.last)
            self.tenses[index] = found
        return found


@lru_cache(maxsize=4)
def found_in(text: str) -> Found:
    """The matcher's findings in ``text``, kept for the last few texts: a document is
    matched once and resolved against each anchor it is read with (none while its date
    is inferred, then that date)."""
    return Found(text)


class Analysed:
    """A mention, its resolved timex, and the tense of its clause (worked out on first use:
    most mentions are resolved without it)."""

    __slots__ = ("_found", "_index", "mention", "timex")

    def __init__(self, found: Found, index: int) -> None:
        self._found = found
        self._index = index
        self.mention = found.mentions[index]
        self.timex: Timex

    @property
    def tense(self) -> str:
        return self._found.tense(self._index)


def _tense_of(item: Analysed) -> Callable[[], str]:
    return lambda: item.tense


def analyse(text: str, anchor: date | None, not_after: date | None) -> list[Analysed]:
    found = found_in(text)
    resolver = Resolver(anchor, not_after, narrative=tells_a_history(found, anchor))
    results = []
    for index, mention in enumerate(found.mentions):
        item = Analysed(found, index)
        item.timex = resolver.resolve(mention, text, _tense_of(item))
        results.append(item)
    _place_times_before_their_day(results, text)
    _place_weekdays_in_their_week(results, text)
    _order_joined_weekdays(results, text)
    return results


#: Between two weekdays named together: "Thursday or Friday", "Monday to Wednesday".
_WEEKDAYS_JOINED = re.compile(r"\s*,?\s*(?:or|and|to|through|until|till|-|–)\s*")


def _order_joined_weekdays(results: list[Analysed], text: str) -> None:
    """ "late Thursday or early Friday": a weekday named after another, and joined to it,
    is the first such day on or after it, not the one nearest the anchor."""
    for first, second in pairwise(results):
        earlier, later = first.timex, second.timex
        if not (_is_bare_weekday(first) and _is_bare_weekday(second)):
            continue
        if not _WEEKDAYS_JOINED.fullmatch(text, earlier.end_char, later.start_char):
            continue
        assert earlier.start is not None and later.start is not None
        # In the past the second may reach back ("it happened Friday or Saturday night").
        if later.start < earlier.start and second.tense != PAST:
            weeks = (earlier.start - later.start).days // 7 + 1
            day = later.start + timedelta(weeks=weeks)
            second.timex = replace(
                later, value=day.isoformat() + later.value[10:], start=day, end=day
            )


#: What may stand between a weekday and the week it falls in: "Thursday last week",
#: "Thursday of last week", "last week on Thursday".
_WEEKDAY_THEN_WEEK = re.compile(r"\s*(?:,\s*|\s+of\s+)?")
_WEEK_THEN_WEEKDAY = re.compile(r"\s*,?\s*(?:on\s+)?")


def names_its_week(text: str, first: Timex, second: Timex) -> bool:
    """Whether of two dates side by side one is a day and the other only says which week
    it is in: "Thursday last week", "last week on Thursday"."""
    if (first.precision, second.precision) == ("day", "week"):
        gap = _WEEKDAY_THEN_WEEK
    elif (first.precision, second.precision) == ("week", "day"):
        gap = _WEEK_THEN_WEEKDAY
    else:
        return False
    return gap.fullmatch(text, first.end_char, second.start_char) is not None


def _place_weekdays_in_their_week(results: list[Analysed], text: str) -> None:
    """A weekday named beside a week ("Thursday last week") is that day of that week, not
    the weekday nearest the anchor."""
    for first, second in pairwise(results):
        if not names_its_week(text, first.timex, second.timex):
            continue
        if _is_bare_weekday(first) and _is_week(second):
            first.timex = _day_of(first.timex, first.mention.expr.weekday, second.timex)
        elif _is_week(first) and _is_bare_weekday(second):
            second.timex = _day_of(second.timex, second.mention.expr.weekday, first.timex)


def _is_bare_weekday(item: Analysed) -> bool:
    expr = item.mention.expr
    return (
        expr.kind == "calendar"
        and expr.weekday is not None
        and expr.day is None
        and expr.month is None
        and item.timex.start is not None
    )


def _is_week(item: Analysed) -> bool:
    timex = item.timex
    return timex.precision == "week" and timex.start is not None and "WE" not in timex.value


def _day_of(timex: Timex, weekday: int | None, week: Timex) -> Timex:
    assert weekday is not None and week.start is not None
    day = week.start + timedelta(days=weekday - week.start.isoweekday())
    value = day.isoformat() + timex.value[10:]  # keeps a time of day: "Thursday night"
    return replace(timex, value=value, start=day, end=day, basis="relative")


def _place_times_before_their_day(results: list[Analysed], text: str) -> None:
    """ "at 10:35 a.m. (0735 GMT) Friday": a clock time no earlier day claimed takes the
    day named right after it."""
    for item, following in pairwise(results):
        timex, day = item.timex, following.timex
        if (
            item.mention.expr.floating
            and timex.basis in ("publication", "unresolved", None)
            and day.precision == "day"
            and day.start is not None
            and day.type in ("DATE", "TIME")
            and same_phrase(text, timex.end_char, day.start_char)
        ):
            item.timex = on_day(timex, day)


#: A text tells a history when at least half of its written years lie this many years
#: before the anchor's, and it writes this many years at least. News of the day writes
#: few years, most of them recent ("since 1980", "the 1994 law" are asides).
_HISTORY_YEARS_BACK = 2
_HISTORY_MIN_YEARS = 6


def tells_a_history(found: Found, anchor: date | None) -> bool:
    """Whether ``found``'s text is an account of years long before its date, whose
    yearless months and days then belong to the year it has reached."""
    if anchor is None:
        return False
    years = [
        mention.expr.year
        for mention in found.mentions
        if mention.expr.kind == "calendar" and mention.expr.year is not None
    ]
    if len(years) < _HISTORY_MIN_YEARS:
        return False
    past = sum(1 for year in years if year <= anchor.year - _HISTORY_YEARS_BACK)
    return 2 * past >= len(years)
