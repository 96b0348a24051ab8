"""Extents follow TIMEX3: modifiers and determiners in, governing prepositions out."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

ANCHOR = date(2026, 2, 2)  # a Monday, ISO week 2026-W06


EXTENTS = [
    ("in 2025", ["2025"]),
    ("over the past four years", ["the past four years"]),
    ("on Monday", ["Monday"]),
    ("since last Thursday", ["last Thursday"]),
    ("during the last week", ["the last week"]),
    ("until Thursday, February 5", ["Thursday, February 5"]),
    ("in the 1990s", ["the 1990s"]),
    ("in the third quarter", ["the third quarter"]),
    ("by mid-2025", ["mid-2025"]),
    ("from Dec. 11 to Dec. 14", ["Dec. 11", "Dec. 14"]),
    ("between 2001 and 2005", ["2001", "2005"]),
    ("two years ago and next month", ["two years ago", "next month"]),
    ("on December 11, in Moscow", ["December 11"]),
    ("in the summer", ["the summer"]),
    ("earlier this week", ["earlier this week"]),
    # An approximation before a date is in the extent; "about" before a date is the
    # preposition, and "around" before a possessive is the adverb ("a way around").
    ("to be completed around March 3", ["around March 3"]),
    ("worries about March 3 polls", ["March 3"]),
    ("a way around Friday's ruling", ["Friday"]),
    ("In July 2024, April 2025 and July 2025", ["July 2024", "April 2025", "July 2025"]),
    # A part of a period in words reaches back over a longer lead than "the start".
    ("at the beginning of the month", ["the beginning of the month"]),
    ("by the middle of the week", ["the middle of the week"]),
    # An ordinal word is part of a date only beside its month.
    ("In March, first the army came", ["March"]),
    # "earlier"/"later" before "that" is in the extent, as before "this".
    ("They met in May 2024 and split later that year", ["May 2024", "later that year"]),
    ("Earlier that week, the dam held", ["Earlier that week"]),
    ("sold this past autumn", ["this past autumn"]),
    ("the deal should close around year end", ["around year end"]),
    ("over the next two to four years", ["the next two to four years"]),
    # After "between", the two counts are the two ends of a range, tagged apart.
    ("between two to six days", ["six days"]),
]


@pytest.mark.parametrize(("text", "extents"), EXTENTS)
def test_extent(text: str, extents: list[str]) -> None:
    found = tag(text, ANCHOR)
    assert [t.text for t in found] == extents
    for t in found:
        assert text[t.start_char : t.end_char] == t.text
