"""Present-tense schedules point ahead: "the talks end on Friday, March 6"."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import infer_document_date, tag

NOT_AFTER = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The talks began Monday and end on Friday, March 6.", date(2026, 3, 2)),
        ("The fair opened on Monday and closes on Sunday, March 8.", date(2026, 3, 2)),
        ("The round started Monday and runs until Thursday, February 5.", date(2026, 2, 2)),
    ],
)
def test_a_scheduled_end_bounds_the_publication(text: str, published: date) -> None:
    inferred = infer_document_date(text, not_after=NOT_AFTER)
    assert inferred is not None
    assert inferred.date == published


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("The session resumes on Tuesday.", date(2025, 6, 20), "2025-06-24"),
        ("The conference ends on Friday.", date(2025, 6, 16), "2025-06-20"),
        ("The conference ended on Friday.", date(2025, 6, 16), "2025-06-13"),
    ],
)
def test_schedule_verbs_resolve_weekdays_ahead(text: str, anchor: date, value: str) -> None:
    [timex] = tag(text, anchor)
    assert timex.value == value
