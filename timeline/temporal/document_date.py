"""Infer when an undated article was published from the dates its own text fixes.

A date the text fixes (written in full, or a month-day whose weekday pins the
year) bounds publication: a past-tense mention happened before the article
was written, a future-tense one after. A bare past-tense weekday ("began
Monday") puts publication within the six days after that weekday, which ties
an open bound to a single week.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from . import tense as T
from .pipeline import Analysed, analyse
from .types import PRECISIONS, DocumentDate, Timex

_FIXING_BASES: Final = frozenset({"explicit", "weekday-year"})
#: A fixed mention must be at least this fine to decide a publication date on
#: its own: "in 2001" bounds it but says little.
_DECISIVE_PRECISIONS: Final = frozenset({"day", "week", "month"})
#: How much less sure a date is when it rests on a day with no tense cue.
_UNTENSED_CONFIDENCE: Final = 0.8
#: A bare weekday is tied only to a bound this fine.
_TIE_PRECISIONS: Final = frozenset({"day", "week"})


@dataclass(frozen=True, slots=True)
class _Bound:
    day: date
    timex: Timex
    why: str


def _window(item: Analysed) -> tuple[int, int] | None:
    """Publication offsets from the weekday a bare weekday mention names, if it ties one."""
    expr = item.mention.expr
    if expr.kind != "calendar" or expr.weekday is None or expr.month is not None:
        return None
    if expr.shift == -1:
        return 1, 7
    if expr.shift == 1:
        return -7, -1
    if expr.shift is None and item.tense == T.PAST:
        return 0, 6
    if expr.shift is None and item.tense == T.FUTURE:
        return -6, 0
    return None


def _tie(
    weekday: int, window: tuple[int, int], low: date | None, high: date, prefer_early: bool
) -> tuple[date, date, date] | None:
    """(weekday date, first, last publication day) for the week consistent with [low, high].

    Only weeks next to the bound the weekday is tied to are tried: the weekday is
    read as the one nearest the date the article is about.
    """
    center = low if prefer_early and low is not None else high
    options = []
    try:
        day = center - timedelta(days=21)
        day += timedelta(days=(weekday - day.isoweekday()) % 7)
        for _ in range(7):
            first = max(day + timedelta(days=window[0]), low or date.min)
            last = min(day + timedelta(days=window[1]), high)
            if first <= last:
                options.append((day, first, last))
            day += timedelta(weeks=1)
    except OverflowError:
        # Near date.min/date.max only some weeks exist; the ones already seen stand.
        pass
    if not options:
        return None
    if prefer_early:
        return min(options, key=lambda o: o[1])
    return max(options, key=lambda o: o[2])


def _finer(low: _Bound | None, high: _Bound | None) -> bool:
    """Whether the lower bound is the one to tie weekdays to: the finer of the two wins,
    since a weekday is told relative to the precise date the article is about."""
    if low is None:
        return False
    if high is None:
        return True
    return PRECISIONS.index(low.timex.precision or "century") <= PRECISIONS.index(
        high.timex.precision or "century"
    )


def _describe(timex: Timex) -> str:
    how = "weekday fixes the year" if timex.basis == "weekday-year" else "explicit"
    return f"{timex.text!r} = {timex.value} ({how})"


def infer_document_date(text: str, *, not_after: date | None = None) -> DocumentDate | None:
    """Range of publication days consistent with ``text``, or None when it fixes no date."""
    items = analyse(text, None, not_after)
    lows: list[_Bound] = []
    highs: list[_Bound] = []
    for item in items:
        tx = item.timex
        if tx.basis not in _FIXING_BASES or tx.start is None or tx.end is None:
            continue
        if item.tense == T.PAST:
            lows.append(_Bound(tx.start, tx, f"past tense {_describe(tx)}"))
        elif item.tense == T.FUTURE:
            highs.append(_Bound(tx.end, tx, f"future tense {_describe(tx)}"))
    decisive = [b for b in lows + highs if b.timex.precision in _DECISIVE_PRECISIONS]
    untensed = False
    if not decisive:
        # With no tense cue near it, a day whose weekday pins its year ("at a summit in
        # Minsk on Thursday, June 26") is still one the article reports: news tells what
        # happened. Only when nothing else bounds the date, and at a lower confidence.
        lows = [
            _Bound(day, item.timex, f"untensed {_describe(item.timex)}")
            for item in items
            if (day := _reported_day(item)) is not None
        ]
        decisive, untensed = lows, True
    if not decisive:
        return None
    low = max(lows, key=lambda b: b.day) if lows else None
    high = min(highs, key=lambda b: b.day) if highs else None
    first = low.day if low else None
    last = high.day if high else (not_after or date.max)
    if first is not None and first > last:
        # Contradictory tenses: trust the latest past mention, it is the most
        # common kind in news and the least likely to be misread.
        last, high = (not_after or date.max), None
        if first > last:
            return None
    reasons = []
    if low:
        reasons.append(f"on or after {low.day} ({low.why})")
    if high:
        reasons.append(f"on or before {high.day} ({high.why})")
    elif not_after is not None:
        reasons.append(f"on or before {not_after} (not_after)")
    evidence = [b.timex for b in (low, high) if b is not None]

    for item in items:
        window = _window(item)
        weekday = item.mention.expr.weekday
        if window is None or weekday is None:
            continue
        prefer_early = _finer(low, high)
        tied_to = low if prefer_early else high
        if tied_to is None or tied_to.timex.precision not in _TIE_PRECISIONS:
            # "met on Thursday" next to "in July 2023" could be any Thursday after it.
            continue
        tie = _tie(weekday, window, first, last, prefer_early)
        if tie is None:
            continue
        day, first, last = tie
        reasons.append(f"{item.tense} tense {item.timex.text!r} = {day}")
        evidence.append(
            replace(item.timex, value=day.isoformat(), start=day, end=day, basis="weekday")
        )

    assert first is not None or high is not None
    width = (last - first).days if first is not None and last != date.max else None
    anchor = first if first is not None else last
    precision, confidence = _grade(width)
    if any(tx.basis == "weekday-year" for tx in evidence) and not any(
        tx.basis == "explicit" and tx.precision == "day" for tx in evidence
    ):
        # The weekday matched several years; only not_after chose among them.
        confidence *= 0.85
    if untensed:
        confidence *= _UNTENSED_CONFIDENCE
    return DocumentDate(
        date=anchor,
        start=first if first is not None else date.min,
        end=last,
        precision=precision,
        confidence=round(confidence, 2),
        reason="published " + "; ".join(reasons),
        evidence=tuple(evidence),
    )


def _reported_day(item: Analysed) -> date | None:
    """The day of a mention with no tense whose weekday pins its year."""
    tx = item.timex
    untensed = item.tense == T.NONE and tx.basis == "weekday-year" and tx.precision == "day"
    return tx.start if untensed else None


def _grade(width: int | None) -> tuple[str, float]:
    if width is None:
        return "year", 0.3
    if width <= 7:
        return "day", 0.9
    if width <= 31:
        return "month", 0.7
    if width <= 366:
        return "year", 0.55
    return "year", 0.4
