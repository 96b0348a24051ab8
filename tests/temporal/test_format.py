from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.format import iso_at_precision

CASES = [
    (date(2024, 12, 11), "day", "2024-12-11"),
    (date(2026, 2, 2), "week", "2026-W06"),
    (date(2021, 1, 1), "week", "2020-W53"),
    (date(2025, 11, 30), "month", "2025-11"),
    (date(2025, 11, 30), "quarter", "2025-Q4"),
    (date(2025, 7, 1), "half", "2025-H2"),
    (date(2025, 7, 15), "season", "2025-SU"),
    (date(2026, 1, 15), "season", "2025-WI"),
    (date(2025, 12, 15), "season", "2025-WI"),
    (date(2025, 4, 15), "year", "2025"),
    (date(2024, 5, 1), "decade", "202"),
    (date(1995, 5, 1), "century", "19"),
]


@pytest.mark.parametrize(("start", "precision", "value"), CASES)
def test_iso_at_precision(start: date, precision: str, value: str) -> None:
    assert iso_at_precision(start, precision) == value


def test_unknown_precision() -> None:
    with pytest.raises(ValueError):
        iso_at_precision(date(2024, 1, 1), "fortnight")
