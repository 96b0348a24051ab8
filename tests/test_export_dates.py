"""Event dates read back at their real precision: the periods, their words, TimelineJS fields."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.formats.dates import EventDates, TimelineDate, parse_period
from timeline.temporal.format import iso_at_precision
from timeline.temporal.periods import bounds
from timeline.temporal.types import PRECISIONS


@given(
    st.dates(min_value=date(100, 1, 1), max_value=date(9989, 12, 31)), st.sampled_from(PRECISIONS)
)
def test_every_value_the_engine_writes_reads_back_as_its_period(day: date, precision: str) -> None:
    period = parse_period(iso_at_precision(day, precision))
    assert period.precision == precision
    assert (period.first, period.last) == bounds(day, precision)


@pytest.mark.parametrize(
    ("value", "words", "start", "end"),
    [
        ("2024-12-11", "11 December 2024", TimelineDate(2024, 12, 11), TimelineDate(2024, 12, 11)),
        ("2026-W06", "Week of 2 February 2026", TimelineDate(2026, 2, 2), TimelineDate(2026, 2, 8)),
        (
            "2026-W01",
            "Week of 29 December 2025",
            TimelineDate(2025, 12, 29),
            TimelineDate(2026, 1, 4),
        ),
        ("2025-11", "November 2025", TimelineDate(2025, 11), TimelineDate(2025, 11)),
        ("2025-Q3", "Q3 2025", TimelineDate(2025, 7), TimelineDate(2025, 9)),
        ("2024-H1", "First half of 2024", TimelineDate(2024, 1), TimelineDate(2024, 6)),
        ("2025-SU", "Summer 2025", TimelineDate(2025, 6), TimelineDate(2025, 8)),
        ("2025-WI", "Winter 2025–26", TimelineDate(2025, 12), TimelineDate(2026, 2)),
        ("2025", "2025", TimelineDate(2025), TimelineDate(2025)),
        ("199", "1990s", TimelineDate(1990), TimelineDate(1999)),
        ("20", "21st century", TimelineDate(2000), TimelineDate(2099)),
        ("10", "11th century", TimelineDate(1000), TimelineDate(1099)),
    ],
)
def test_period_words_and_timelinejs_fields(
    value: str, words: str, start: TimelineDate, end: TimelineDate
) -> None:
    period = parse_period(value)
    assert (period.words, period.timeline_start, period.timeline_end) == (words, start, end)


@pytest.mark.parametrize(
    "value", ["XXXX-12-11", "XXXX-WXX-6", "XXXX", "PRESENT_REF", "2025-13", ""]
)
def test_unresolved_values_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match=r"not a resolved date|month must be"):
        parse_period(value)


@pytest.mark.parametrize(
    ("start", "end", "words", "timeline_end"),
    [
        ("2024-12-11", None, "11 December 2024", None),
        ("2025-11", None, "November 2025", None),
        ("2025", None, "2025", None),
        ("2026-W06", None, "Week of 2 February 2026", TimelineDate(2026, 2, 8)),
        ("2025-10-13", "2025-10-17", "13–17 October 2025", TimelineDate(2025, 10, 17)),
        ("2025-10-30", "2025-11-02", "30 October – 2 November 2025", TimelineDate(2025, 11, 2)),
        (
            "2025-12-30",
            "2026-01-02",
            "30 December 2025 – 2 January 2026",
            TimelineDate(2026, 1, 2),
        ),
        ("2025-03", "2025-05", "March 2025 – May 2025", TimelineDate(2025, 5)),
        ("2025-03", "2025-Q3", "March 2025 – Q3 2025", TimelineDate(2025, 9)),
    ],
)
def test_event_spans(start: str, end: str | None, words: str, timeline_end: TimelineDate) -> None:
    dates = EventDates.parse(start, end)
    assert (dates.words, dates.timeline_end) == (words, timeline_end)
