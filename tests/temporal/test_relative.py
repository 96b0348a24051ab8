"""Weekdays by tense, deictic and anaphoric expressions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

Only = Callable[..., Timex]

ANCHOR = date(2026, 2, 2)  # a Monday, ISO week 2026-W06


WEEKDAYS = [
    # anchor is Monday 2026-02-02
    ("He said Monday that it was over.", "Monday", "2026-02-02"),
    ("A new round of vaccination began Monday.", "Monday", "2026-02-02"),
    ("The campaign will run until Thursday.", "Thursday", "2026-02-05"),
    ("They met last Thursday.", "last Thursday", "2026-01-29"),
    ("They will meet next Monday.", "next Monday", "2026-02-09"),
    ("They met on Friday.", "Friday", "2026-01-30"),
    ("It is expected to open on Wednesday.", "Wednesday", "2026-02-04"),
    ("It is set to open on Wednesday.", "Wednesday", "2026-02-04"),
    ("The talks will be held on Tuesday.", "Tuesday", "2026-02-03"),
    ("The talks were held on Tuesday.", "Tuesday", "2026-01-27"),
    ("Officials said on Sunday that rain fell.", "Sunday", "2026-02-01"),
    ("Rain fell Monday in 18 provinces.", "Monday", "2026-02-02"),
    ("Ministers are meeting on Friday.", "Friday", "2026-02-06"),
    ("He'll arrive Saturday.", "Saturday", "2026-02-07"),
    ("The vote, which was postponed, took place Saturday.", "Saturday", "2026-01-31"),
    ("This Wednesday the board meets.", "This Wednesday", "2026-02-04"),
]


@pytest.mark.parametrize(("text", "extent", "value"), WEEKDAYS)
def test_weekday_direction_follows_tense(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.basis, t.precision) == (extent, value, "weekday", "day")


# A weekday beside a week is that day of that week (anchor Monday 2026-02-02, W06).
WEEKDAYS_IN_A_WEEK = [
    ("The report came out on Thursday last week.", "2026-01-29"),
    ("The report came out on Thursday of last week.", "2026-01-29"),
    ("The report came out last week on Thursday.", "2026-01-29"),
    ("The vote is on Friday next week.", "2026-02-13"),
    ("They met on Wednesday this week.", "2026-02-04"),
    ("They met on Thursday night last week.", "2026-01-29TNI"),
]


@pytest.mark.parametrize(("text", "value"), WEEKDAYS_IN_A_WEEK)
def test_weekday_named_with_its_week(text: str, value: str) -> None:
    days = [t for t in tag(text, date(2026, 2, 2)) if "W" not in t.value]
    assert [(t.value, t.basis) for t in days] == [(value, "relative")]


# "on the 25th": a day of the anchor's month, or of the month next to it that the
# clause's tense points to (anchor Monday 2026-02-02).
DAYS_OF_THE_MONTH = [
    ("Talks resume on the 14th.", "the 14th", "2026-02-14"),
    ("Talks will resume on the 1st.", "the 1st", "2026-03-01"),
    ("Talks resumed on the 25th.", "the 25th", "2026-01-25"),
    ("Talks resumed on the 2nd.", "the 2nd", "2026-02-02"),
    ("The offer stands until the 20th.", "the 20th", "2026-02-20"),
]


@pytest.mark.parametrize(("text", "extent", "value"), DAYS_OF_THE_MONTH)
def test_day_of_the_month(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision) == (extent, value, "day")


@pytest.mark.parametrize(
    "text",
    [
        "It was the 25th anniversary of the pact.",
        "Offices are on the 3rd floor.",
        "He won the 2nd round.",
    ],
)
def test_an_ordinal_that_counts_something_else_is_no_day(text: str) -> None:
    assert tag(text, date(2026, 2, 2)) == []


# Weekdays joined by "or", "and", "to": the second comes after the first, unless the
# clause looks back (anchor Monday 2026-02-02).
JOINED_WEEKDAYS = [
    ("Rain is expected late Sunday or early Monday.", ["2026-02-08", "2026-02-09"]),
    ("The fair will open Saturday and close Sunday.", ["2026-02-07", "2026-02-08"]),
    ("They met on Thursday and Friday.", ["2026-01-29", "2026-01-30"]),
    ("It happened Monday or Sunday night.", ["2026-02-02", "2026-02-01TNI"]),
]


@pytest.mark.parametrize(("text", "values"), JOINED_WEEKDAYS)
def test_joined_weekdays(text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, date(2026, 2, 2))] == values


def test_weekday_in_another_sentence_keeps_its_own_week() -> None:
    found = tag("They met on Thursday. Last week was calm.", date(2026, 2, 2))
    assert [(t.text, t.value) for t in found] == [
        ("Thursday", "2026-01-29"),
        ("Last week", "2026-W05"),
    ]


def test_weekday_without_anchor(only: Only) -> None:
    t = only("They met on Friday.", None)
    assert (t.value, t.start, t.basis) == ("XXXX-WXX-5", None, "unresolved")


DEICTIC = [
    ("It ended yesterday.", "yesterday", "2026-02-01", "day", "relative", None),
    # "month's end" like "year-end": the end of the month.
    ("By month's end the fund had doubled.", "month's end", "2026-02", "month", "relative", "END"),
    ("It starts tomorrow.", "tomorrow", "2026-02-03", "day", "relative", None),
    ("Today the market fell.", "Today", "2026-02-02", "day", "publication", None),
    ("The market fell this week.", "this week", "2026-W06", "week", "relative", None),
    (
        "Earlier this week the market fell.",
        "Earlier this week",
        "2026-W06",
        "week",
        "relative",
        "START",
    ),
    ("Later this month it will rise.", "Later this month", "2026-02", "month", "relative", "END"),
    ("Last week the market fell.", "Last week", "2026-W05", "week", "relative", None),
    ("Sales fell last month.", "last month", "2026-01", "month", "relative", None),
    ("Sales will rise next year.", "next year", "2027", "year", "relative", None),
    ("Sales rose this year.", "this year", "2026", "year", "relative", None),
    ("Sales rose last year.", "last year", "2025", "year", "relative", None),
    ("Growth slowed this quarter.", "this quarter", "2026-Q1", "quarter", "relative", None),
    ("Two years ago sales rose.", "Two years ago", "2024", "year", "relative", None),
    ("Three months ago he left.", "Three months ago", "2025-11", "month", "relative", None),
    ("He left two weeks ago.", "two weeks ago", "2026-W04", "week", "relative", None),
    ("He left three days ago.", "three days ago", "2026-01-30", "day", "relative", None),
    ("A decade ago it was cheap.", "A decade ago", "201", "decade", "relative", None),
    ("They met last summer.", "last summer", "2025-SU", "season", "relative", None),
    ("They will meet this summer.", "this summer", "2026-SU", "season", "relative", None),
    ("She left early last year.", "early last year", "2025", "year", "relative", "START"),
    (
        "By the end of the year it will be done.",
        "the end of the year",
        "2026",
        "year",
        "relative",
        "END",
    ),
    ("It happened over the weekend.", "the weekend", "2026-W05-WE", "week", "relative", None),
    ("They will rest this weekend.", "this weekend", "2026-W06-WE", "week", "relative", None),
    (
        "The bill passed earlier in the year.",
        "earlier in the year",
        "2026",
        "year",
        "relative",
        "START",
    ),
    ("Prices will fall next month.", "next month", "2026-03", "month", "relative", None),
    ("Sales rose in the coming week.", "the coming week", "2026-W07", "week", "relative", None),
    # "this past weekend" is the one just gone, "this" included.
    (
        "Talks stalled this past weekend.",
        "this past weekend",
        "2026-W05-WE",
        "week",
        "relative",
        None,
    ),
    ("Prices jumped this past week.", "this past week", "2026-W05", "week", "relative", None),
]


@pytest.mark.parametrize(("text", "extent", "value", "precision", "basis", "mod"), DEICTIC)
def test_deictic(
    only: Only, text: str, extent: str, value: str, precision: str, basis: str, mod: str | None
) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision, t.basis, t.mod) == (extent, value, precision, basis, mod)
    assert t.start is not None and t.end is not None and t.start <= t.end


def test_earlier_this_week_bounds(only: Only) -> None:
    t = only("Earlier this week the ministry said so.")
    assert (t.start, t.end) == (date(2026, 2, 2), date(2026, 2, 8))


@pytest.mark.parametrize(
    "text", ["It ended yesterday.", "Sales fell last month.", "Two years ago sales rose."]
)
def test_deictic_without_anchor_is_unresolved(only: Only, text: str) -> None:
    t = only(text, None)
    assert t.start is None and t.basis == "unresolved" and "X" in t.value


ANAPHORIC = [
    (
        "The meeting was on December 3. The following day he resigned.",
        "The following day",
        "2025-12-04",
    ),
    ("He arrived on November 29. Two days later he left.", "Two days later", "2025-12-01"),
    ("He arrived on November 29 and left that day.", "that day", "2025-11-29"),
    ("He arrived on November 29, 2024. The next day he left.", "The next day", "2024-11-30"),
    ("It opened on 3 March 2020. The previous day was calm.", "The previous day", "2020-03-02"),
    ("The war began in 2014. A year earlier, protests started.", "A year earlier", "2013"),
    ("He arrived on November 29, 2024. That month was cold.", "That month", "2024-11"),
    ("The law passed in June 2019. The same day it was signed.", None, None),
    # A part of the next or previous day.
    (
        "The siege began on 4 May 1942. The next morning the guns fell silent.",
        "The next morning",
        "1942-05-05TMO",
    ),
    (
        "Polls closed on 9 May 2021; early the following morning results came in.",
        "early the following morning",
        "2021-05-10TMO",
    ),
    (
        "The raid was on 2 June 2015. The previous night was calm.",
        "The previous night",
        "2015-06-01TNI",
    ),
    # A day counted from the start of something is the day in focus.
    ("It opened on 3 March 2020, the second day of the fair.", "the second day", "2020-03-03"),
]


@pytest.mark.parametrize(("text", "extent", "value"), ANAPHORIC)
def test_anaphoric_follows_last_date(text: str, extent: str | None, value: str | None) -> None:

    found = tag(text, ANCHOR)
    if extent is None:
        assert all(t.start is None or t.start <= t.end for t in found if t.end)
        return
    t = next(t for t in found if t.text == extent)
    assert (t.value, t.basis) == (value, "relative")


def test_anaphoric_without_reference_uses_anchor(only: Only) -> None:
    t = only("The following day he resigned.")
    assert t.value == "2026-02-03"


REFERENCES = [
    ("It's now or never.", "now", "PRESENT_REF"),
    # Opening a sentence without a comma, "now" still names the present.
    ("Now the ministry runs the port.", "Now", "PRESENT_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("More help is expected in the near future.", "the near future", "FUTURE_REF"),
    ("The future is bright.", "The future", "FUTURE_REF"),
    ("Mistakes were made in the past.", "the past", "PAST_REF"),
    ("Prices are currently high.", "currently", "PRESENT_REF"),
    ("Several years ago it rained.", "Several years ago", "PAST_REF"),
    ("The firm was failing just months ago.", "months ago", "PAST_REF"),
]


@pytest.mark.parametrize(("text", "extent", "value"), REFERENCES)
def test_reference_words_are_never_calendar_dates(
    only: Only, text: str, extent: str, value: str
) -> None:
    t = only(text)
    assert (t.text, t.type, t.value, t.start, t.end) == (extent, "DATE", value, None, None)
