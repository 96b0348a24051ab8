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
        ("The envoy arrives in Cairo on Wednesday.", date(2025, 6, 20), "2025-06-25"),
        ("The hearing continues Monday.", date(2025, 6, 20), "2025-06-23"),
        ("The delegation departs on Thursday.", date(2025, 6, 20), "2025-06-26"),
        # "due" with a place or a time after "is" is an arrival expected; "was due" passed.
        ("The minister is due in Vienna on Saturday.", date(2025, 6, 18), "2025-06-21"),
        ("The rent was due on Monday.", date(2025, 6, 18), "2025-06-16"),
        # Modals of obligation and hopes look ahead; a perfect after them looks back.
        ("The budget must be passed by Monday night.", date(2025, 6, 18), "2025-06-23TNI"),
        ("Negotiators hope to close the deal by Friday.", date(2025, 6, 18), "2025-06-20"),
        ("He must have left on Monday.", date(2025, 6, 18), "2025-06-16"),
        ("A plan that would have cut pay was dropped on Monday.", date(2025, 6, 18), "2025-06-16"),
    ],
)
def test_schedule_verbs_resolve_weekdays_ahead(text: str, anchor: date, value: str) -> None:
    [timex] = tag(text, anchor)
    assert timex.value == value
