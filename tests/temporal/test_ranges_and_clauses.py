"""Ranges of days completed from their other end; clause cues that pick a weekday's or a
month's year; weekdays right after a name."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

ANCHOR = date(2026, 2, 4)  # a Wednesday

RANGES = [
    (
        "Envoys met in Doha from March 3 to March 6, 2025.",
        [("March 3", "2025-03-03"), ("March 6, 2025", "2025-03-06")],
    ),
    (
        "Envoys met in Doha between March 3 and March 6, 2025.",
        [("March 3", "2025-03-03"), ("March 6, 2025", "2025-03-06")],
    ),
    (
        "Envoys met in Doha March 3-6, 2025.",
        [("March 3", "2025-03-03"), ("6, 2025", "2025-03-06")],
    ),
    (
        "The talks ran from December 28 to January 3, 2025.",
        [("December 28", "2024-12-28"), ("January 3, 2025", "2025-01-03")],
    ),
    (
        "The fair ran 3-6 March 2025 in Basel.",
        [("3", "2025-03-03"), ("6 March 2025", "2025-03-06")],
    ),
    (
        "The fair ran from 3 to 6 March 2025.",
        [("3", "2025-03-03"), ("6 March 2025", "2025-03-06")],
    ),
    (
        "The fair ran from 3 March to 6 March 2025.",
        [("3 March", "2025-03-03"), ("6 March 2025", "2025-03-06")],
    ),
    (
        "Polls opened on March 3, 2024 and closed on March 6, 2025.",
        [("March 3, 2024", "2024-03-03"), ("March 6, 2025", "2025-03-06")],
    ),
    (
        "Ministers met on 8 and 9 March 2025.",
        [("8", "2025-03-08"), ("9 March 2025", "2025-03-09")],
    ),
    (
        "The fair runs 19 - 20 October 2025.",
        [("19", "2025-10-19"), ("20 October 2025", "2025-10-20")],
    ),
    # A month or season before another with a year takes that year (the one before if
    # the first comes later in the year).
    (
        "Fighting raged from May to August 1950.",
        [("May", "1950-05"), ("August 1950", "1950-08")],
    ),
    (
        "Output fell in December-February 2025.",
        [("December", "2024-12"), ("February 2025", "2025-02")],
    ),
    (
        "Crops failed in summer and autumn 1918.",
        [("summer", "1918-SU"), ("autumn 1918", "1918-FA")],
    ),
    # Not ranges of days: a percentage after the second number, a count before the month.
    ("Rates on March 3 rose to 4 percent.", [("March 3", "2026-03-03")]),
    ("Sales rose 3 to 6 March 2025.", [("6 March 2025", "2025-03-06")]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_range_ends_complete_each_other(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, ANCHOR)] == expected


CLAUSE_CUES = [
    # A future word used as a noun or adjective says nothing about the clause.
    ("The thrift announced the plan Aug. 21.", date(2026, 2, 4), "2025-08-21"),
    # A deadline that "had been due" has passed.
    ("The offer had been due to expire Friday.", date(2026, 2, 2), "2026-01-30"),
    ("The tender had been scheduled to close Thursday.", date(2026, 2, 2), "2026-01-29"),
    # "to be" + participle is still to come, whatever verb reports it.
    (
        "He added that rules to be published in early November will decide.",
        date(2026, 10, 30),
        "2026-11",
    ),
    # "as soon as"/"as early as" look forward.
    ("The father could arrive as soon as Tuesday, officials said.", date(2026, 2, 2), "2026-02-03"),
    ("A vote could come as early as Friday, aides said.", date(2026, 2, 2), "2026-02-06"),
    # "set for" schedules; "set" alone is a past form.
    ("A summit set for April is expected to be tense.", date(2026, 3, 12), "2026-04"),
    # A deferral reported in the past sets a deadline that is still ahead ...
    ("The hearing was postponed until Thursday.", date(2026, 2, 6), "2026-02-12"),
    ("The regulator gave the bidder until mid-December to reply.", date(2026, 11, 27), "2026-12"),
    ("Lenders extended the credit line through March.", date(2026, 11, 20), "2027-03"),
    ("The council adjourned the session till Monday.", date(2026, 2, 4), "2026-02-09"),
    # ... but not when the date says when the deferral happened, or with "not until".
    ("The hearing was postponed on Thursday.", date(2026, 2, 6), "2026-02-05"),
    ("It was not until Tuesday that the minister resigned.", date(2026, 2, 6), "2026-02-03"),
    ("The strike lasted until Tuesday.", date(2026, 2, 6), "2026-02-03"),
    # "supposed to" and "planning to" look ahead.
    ("The negotiations are supposed to end by June.", date(2026, 4, 20), "2026-06"),
    ("Protesters were planning to march on Monday.", date(2026, 2, 6), "2026-02-09"),
    # A participle after "remain"/"stay" is an adjective: the verb before it decides.
    ("Schools will remain closed until Wednesday.", date(2026, 2, 6), "2026-02-11"),
    ("The ports will stay shut until Tuesday.", date(2026, 2, 6), "2026-02-10"),
    ("Shops remained closed on Wednesday.", date(2026, 2, 6), "2026-02-04"),
    # A weekday in the possessive dates an event already reported, even when the clause
    # says what will be done about it; "ahead of" still looks forward.
    ("The opposition will challenge Tuesday's verdict in court.", date(2026, 2, 6), "2026-02-03"),
    ("Lawyers said they would appeal Monday's decision.", date(2026, 2, 6), "2026-02-02"),
    ("Police will be deployed ahead of Sunday's match.", date(2026, 2, 6), "2026-02-08"),
]


@pytest.mark.parametrize(("text", "anchor", "value"), CLAUSE_CUES)
def test_clause_cue_picks_the_occurrence(text: str, anchor: date, value: str) -> None:
    (timex,) = tag(text, anchor)
    assert timex.value == value


WEEKDAY_AFTER_NAME = [
    ("Poland and the Czech Republic Friday formally joined NATO.", "Friday", "2026-01-30"),
    ("The father flew to the United States Thursday with his wife.", "Thursday", "2026-01-29"),
    (
        "After touring Dar es Salaam Thursday and meeting police, she left.",
        "Thursday",
        "2026-01-29",
    ),
]


@pytest.mark.parametrize(("text", "extent", "value"), WEEKDAY_AFTER_NAME)
def test_weekday_after_a_name_before_a_lower_case_word(text: str, extent: str, value: str) -> None:
    (timex,) = tag(text, date(2026, 2, 2))
    assert (timex.text, timex.value) == (extent, value)


@pytest.mark.parametrize(
    "text", ["Shops expect Black Friday sales to rise.", "The Good Friday agreement held."]
)
def test_weekday_inside_a_name_is_not_a_date(text: str) -> None:
    assert tag(text, date(2026, 2, 2)) == []
