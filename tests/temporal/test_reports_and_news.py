"""Business-report periods, year-on-year comparisons and news conventions (TimeBank style)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

Only = Callable[..., Timex]

#: A Tuesday in late October: third-quarter results season.
REPORT_DAY = date(2025, 10, 28)


def _found(text: str, anchor: date = REPORT_DAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


REPORTS = [
    # A quarter used as an adjective is tagged without its article.
    (
        "The bakery chain posted a third-quarter loss of $4 million.",
        [("third-quarter", "DATE", "2025-Q3")],
    ),
    # "the quarter", "the latest period": the quarter the report is about.
    (
        "Orchard Foods said third-quarter sales rose. In the quarter, costs fell.",
        [("third-quarter", "DATE", "2025-Q3"), ("the quarter", "DATE", "2025-Q3")],
    ),
    (
        "Sales in the latest period were flat.",
        [("the latest period", "DATE", "2025-Q3")],
    ),
    # Year-on-year comparisons after a quarter are that quarter a year before.
    (
        "Second-quarter profit fell to $2 million from $3 million a year earlier.",
        [("Second-quarter", "DATE", "2025-Q2"), ("a year earlier", "DATE", "2024-Q2")],
    ),
    (
        "Third-quarter net rose, compared with a year-earlier loss.",
        [("Third-quarter", "DATE", "2025-Q3"), ("year-earlier", "DATE", "2024-Q3")],
    ),
    (
        "Fourth-quarter revenue beat the year-ago quarter.",
        [("Fourth-quarter", "DATE", "2025-Q4"), ("the year-ago quarter", "DATE", "2024-Q4")],
    ),
    (
        "It lost money in the 2023 third quarter.",
        [("the 2023 third quarter", "DATE", "2023-Q3")],
    ),
    (
        "Revenue in this year's second quarter doubled.",
        [("this year's second quarter", "DATE", "2025-Q2")],
    ),
    # "The current quarter" is the one under way, not the one reported on.
    (
        "Third-quarter sales rose. Orders in the current quarter are strong.",
        [("Third-quarter", "DATE", "2025-Q3"), ("the current quarter", "DATE", "2025-Q4")],
    ),
    # A quarter still under way, named in an earlier sentence, is not the one reported on.
    (
        "Third-quarter profit rose. A fourth-quarter charge is likely. "
        "Margins widened in the latest quarter.",
        [
            ("Third-quarter", "DATE", "2025-Q3"),
            ("fourth-quarter", "DATE", "2025-Q4"),
            ("the latest quarter", "DATE", "2025-Q3"),
        ],
    ),
    # Nor is a quarter recalled from years before.
    (
        "Third-quarter profit rose. Dividends stopped in the second quarter of 2019. "
        "Profit was $2 a share a year ago.",
        [
            ("Third-quarter", "DATE", "2025-Q3"),
            ("the second quarter of 2019", "DATE", "2019-Q2"),
            ("a year ago", "DATE", "2024-Q3"),
        ],
    ),
    # A named quarter reported on after it ended stays in its year.
    (
        "The mill will book the charge in the third quarter.",
        [("the third quarter", "DATE", "2025-Q3")],
    ),
    # Reporting durations keep "the"; quarters count in months.
    (
        "Net for the nine months ended Sept. 30 rose.",
        [("the nine months", "DURATION", "P9M"), ("Sept. 30", "DATE", "2025-09-30")],
    ),
    ("For the year ended March 31, it earned $5 million.", None),
    (
        "Costs will be spread over the next three quarters.",
        [("the next three quarters", "DURATION", "P9M")],
    ),
    ("Results for fiscal 2024 were restated.", [("fiscal 2024", "DATE", "2024")]),
    # Payment dates are ahead even in a past-tense clause.
    (
        "The board declared a dividend, payable Dec. 15.",
        [("Dec. 15", "DATE", "2025-12-15")],
    ),
    # "-ed" after an article is an adjective, not a past verb.
    (
        "It will be paid on a still unspecified date in January.",
        [("January", "DATE", "2026-01")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORTS)
def test_report_periods(text: str, expected: list[tuple[str, str, str]] | None) -> None:
    if expected is None:
        # "the year ended ..." is a twelve-month duration.
        assert ("the year", "DURATION", "P1Y") in _found(text)
        return
    assert _found(text) == expected


NOT_TAGGED = [
    "A 44-year-old farmer was hurt.",
    "Rahimi, 52 years old, was re-elected.",
    "The bank raised its quarterly dividend.",
    "The stock pays $1.76 a year.",
    "The airline runs four flights a week.",
    "It holds more than a quarter of the market.",
    "The firm previously made trucks.",
    "The 2000 soldiers returned.",
]


@pytest.mark.parametrize("text", NOT_TAGGED)
def test_not_periods_of_time(text: str) -> None:
    assert tag(text, REPORT_DAY) == []


NEWS = [
    # anchor: Monday 2026-02-02
    ("The court Friday rejected the appeal.", [("Friday", "DATE", "2026-01-30")]),
    ("Tuesday's vote was delayed.", [("Tuesday", "DATE", "2026-01-27")]),
    ("Talks resumed in Kabul Sunday, officials said.", [("Sunday", "DATE", "2026-02-01")]),
    ("Earlier Sunday, police clashed with protesters.", [("Earlier Sunday", "DATE", "2026-02-01")]),
    ("Later yesterday the market closed.", [("Later yesterday", "DATE", "2026-02-01")]),
    ("In January this year, prices rose.", [("January this year", "DATE", "2026-01")]),
    ("In June last year, the border closed.", [("June last year", "DATE", "2025-06")]),
    ("The treaty was signed last May.", [("last May", "DATE", "2025-05")]),
    ("The vote is this coming Sunday.", [("this coming Sunday", "DATE", "2026-02-08")]),
    ("He will speak later this afternoon.", [("later this afternoon", "TIME", "2026-02-02TAF")]),
    ("The current crisis deepened.", [("current", "DATE", "PRESENT_REF")]),
    ("More recently, flights resumed.", [("More recently", "DATE", "PAST_REF")]),
    ("It has stood for almost a hundred years.", [("almost a hundred years", "DURATION", "P100Y")]),
    (
        "In the last twenty four hours it rained.",
        [("the last twenty four hours", "DURATION", "PT24H")],
    ),
    ("He was born in nineteen ninety-six.", [("nineteen ninety-six", "DATE", "1996")]),
    ("The deal should close by year-end.", [("year-end", "DATE", "2026")]),
    ("He recalled the 1996 Olympic bombing.", [("1996", "DATE", "1996")]),
    ("Black Friday sales rose.", []),
]


@pytest.mark.parametrize(("text", "expected"), NEWS)
def test_news_conventions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text, date(2026, 2, 2)) == expected
