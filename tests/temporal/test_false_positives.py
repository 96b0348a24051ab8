"""Things naive taggers flag in news text that are not temporal expressions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

Only = Callable[..., Timex]

ANCHOR = date(2026, 2, 2)  # a Monday, ISO week 2026-W06


NOT_TEMPORAL = [
    "We may march on the capital.",
    "we said we would go",
    "The 40th anniversary of the party.",
    "The 24th meeting of the council.",
    "The company hired 7.3 million workers.",
    "Around 2,000 people attended.",
    "Ariana Afghan Airlines flies to Dubai.",
    "Theresa May spoke to reporters.",
    "Protesters march to the square.",
    "Water from a spring is clean.",
    "Prices may fall sharply.",
    "He scored 18 points.",
    "There were 2024 votes cast.",
    "The bus carried 1998 passengers overall.",
    "Black Friday sales rose.",
    "Jan Smith and Sun Tzu met.",
    "The Sun reported it first.",
    "He sat down and wed her.",
    "Room 1204 was locked.",
    "The score was 3:2.",
    "A 7.35 magnitude quake struck.",
    "Items cost $10.30 each.",
    "April Ryan asked a question.",
    # "around" as a preposition before a possessive date word is not an approximation.
    "They looked for a way around the ruling.",
    "The one person who knew.",
    "Second, the plan failed.",
    "The first step was hard.",
    "Section 2.1 explains it.",
    "Kam Air will launch a second route to Tashkent.",
    # Ages are not periods of time (TimeBank leaves "a 44-year-old" untagged).
    "An 8-month-old baby.",
    # A fraction after a whole number is a price move without a unit of time.
    "The stock rose 2 1/2 to 30.",
    # A dotted number is a clock time only before "am"/"pm" or a zone; two slashes
    # make a date, one a fraction or a ratio.
    "Shares rose 10.15 to 45.",
    # Dots make a date only with a four-digit year after the second.
    "See section 2.5.1 of the report.",
    # "overnight" before a noun or after an article describes a thing.
    "They booked an overnight stay.",
    "Shares saw a late fall in trading.",
    # "spring" and "fall" alone are a noun or a verb unless a phrase ends after them.
    "Traders blamed a rise in fall prices.",
    "These are shares that fall sharply.",
    "The water came from a spring in the hills.",
    "Overnight trading was thin.",
    # An ordinal word is a day only beside a month.
    "The first of several talks ended.",
    "Prices rose 3.5.",
    "The shop is open 24/7.",
    "Add 1/2 cup of flour.",
    # "days of" after a noun is a noun phrase, not a span.
    "He recalled the glory days of the club.",
    # Unit abbreviations only count after a number that stands alone; "min" alone is
    # a word; "month end" without a hyphen or an apostrophe is two nouns.
    "Fans of #Team1HR cheered.",
    "The min wage rose.",
    "Its month end report was late.",
]


@pytest.mark.parametrize("text", NOT_TEMPORAL)
def test_not_tagged(text: str) -> None:
    assert tag(text, ANCHOR) == []


PARTIAL = [
    ("Rain fell Monday in 18 provinces.", "Monday"),
    ("There is one direct flight per week.", "per week"),
    ("In May the vote was held.", "May"),
    ("The vote is due in March.", "March"),
    ("The vote, planned for March, was put off.", "March"),
    # "a day" after a count of hours is a rate, not a second period.
    ("Guards watch the gate 24 hours a day.", "24 hours"),
]


@pytest.mark.parametrize(("text", "extent"), PARTIAL)
def test_only_the_temporal_part(only: Only, text: str, extent: str) -> None:
    assert only(text).text == extent


# "May" and "March" are months after a preposition or after another month in a list.
LISTED_MONTHS = [
    ("Exports in April and May fell.", ["April", "May"]),
    ("Exports in February, March and April fell.", ["February", "March", "April"]),
    ("Exports in April or May will rise.", ["April", "May"]),
]


@pytest.mark.parametrize(("text", "months"), LISTED_MONTHS)
def test_listed_months(text: str, months: list[str]) -> None:
    assert [t.text for t in tag(text, ANCHOR)] == months
