"""Calendar dates: explicit, month-year, years, year-inferred, weekday-year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

Only = Callable[..., Timex]

ANCHOR = date(2026, 2, 2)  # a Monday, ISO week 2026-W06


EXPLICIT_DAYS = [
    ("The deal was signed on December 11, 2024.", "December 11, 2024"),
    ("The deal was signed on 11 December 2024.", "11 December 2024"),
    ("It was signed Dec. 11, 2024 in Paris.", "Dec. 11, 2024"),
    ("It was signed Dec 11 2024 in Paris.", "Dec 11 2024"),
    ("Filed 2024-12-11.", "2024-12-11"),
    ("It happened on the 11th of December 2024.", "the 11th of December 2024"),
    ("It happened on December 11th, 2024.", "December 11th, 2024"),
    ("It happened on 11th December 2024.", "11th December 2024"),
    ("Wednesday, December 11, 2024 was cold.", "Wednesday, December 11, 2024"),
    ("On Wed., Dec. 11, 2024 it snowed.", "Wed., Dec. 11, 2024"),
    ("On DECEMBER 11, 2024 it snowed.", "DECEMBER 11, 2024"),
    ("Published 11 Dec. 2024.", "11 Dec. 2024"),
    # Numeric dates: month first as in American news, unless the first part exceeds 12.
    ("Posted 12/11/2024 by the desk.", "12/11/2024"),
    ("The memo is dated 12/11/24.", "12/11/24"),
    # Dotted: day first, with the year in full.
    ("The decree of 11.12.2024 took effect.", "11.12.2024"),
]


@pytest.mark.parametrize(("text", "extent"), EXPLICIT_DAYS)
def test_explicit_day(only: Only, text: str, extent: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (extent, "DATE", "2024-12-11")
    assert (t.start, t.end, t.precision, t.basis) == (
        date(2024, 12, 11),
        date(2024, 12, 11),
        "day",
        "explicit",
    )


def test_numeric_date_is_day_first_when_the_month_cannot_come_first(only: Only) -> None:
    t = only("Her letter of 31/12/2024 arrived.")
    assert (t.text, t.value) == ("31/12/2024", "2024-12-31")


MONTH_YEARS = [
    ("Sales rose in November 2025.", "November 2025", "2025-11"),
    ("Sales rose in Sept. 2024.", "Sept. 2024", "2024-09"),
    ("Sales rose in December of 2024.", "December of 2024", "2024-12"),
    ("Teams worked in July 2024.", "July 2024", "2024-07"),
    ("Prices rose in the summer of 2024.", "the summer of 2024", "2024-SU"),
    ("Prices rose in summer 2025.", "summer 2025", "2025-SU"),
    ("Profits fell in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
    ("Profits rose in Q3 2025.", "Q3 2025", "2025-Q3"),
    ("Output grew in the first half of 2025.", "the first half of 2025", "2025-H1"),
    ("Output grew in the second half of 2024.", "the second half of 2024", "2024-H2"),
    # Broadcast transcripts read the year out after a month or season.
    ("Floods hit in March nineteen eighty-eight.", "March nineteen eighty-eight", "1988-03"),
    (
        "Fuel ran short in the winter of nineteen seventy-nine.",
        "the winter of nineteen seventy-nine",
        "1979-WI",
    ),
]


@pytest.mark.parametrize(("text", "extent", "value"), MONTH_YEARS)
def test_month_and_part_of_year(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.basis) == (extent, value, "explicit")
    assert t.start is not None and t.end is not None and t.start <= t.end


def test_month_year_bounds(only: Only) -> None:
    t = only("It was signed in November 2025.")
    assert (t.start, t.end, t.precision) == (date(2025, 11, 1), date(2025, 11, 30), "month")


YEARS = [
    ("In 2025, sales rose.", "2025"),
    ("Since 1990 the town grew.", "1990"),
    ("The plan runs until 2030.", "2030"),
    ("Targets set by 2050 are strict.", "2050"),
    ("The film Parasite (2019) won.", "2019"),
    ("It rose during 2021.", "2021"),
]


@pytest.mark.parametrize(("text", "value"), YEARS)
def test_year_in_date_context(only: Only, text: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision, t.basis) == (value, value, "year", "explicit")
    assert t.start == date(int(value), 1, 1) and t.end == date(int(value), 12, 31)


OPEN_ENDED_YEARS = [
    ("The mine may not reopen until 2031 or later.", "2031 or later", "ON_OR_AFTER"),
    ("Budgets were set for 2027 and beyond.", "2027 and beyond", "ON_OR_AFTER"),
    ("The wreck sank in 1892 or earlier.", "1892 or earlier", "ON_OR_BEFORE"),
]


@pytest.mark.parametrize(("text", "extent", "mod"), OPEN_ENDED_YEARS)
def test_open_ended_year_keeps_its_end(only: Only, text: str, extent: str, mod: str) -> None:
    # TimeBank takes "or later" and "and beyond" into the year's extent.
    t = only(text)
    assert (t.text, t.value, t.mod) == (extent, extent[:4], mod)


def test_fiscal_year_keeps_its_word(only: Only) -> None:
    # TimeBank's extent for a fiscal year includes "fiscal".
    t = only("The results for fiscal 2024 are out.")
    assert (t.text, t.value, t.precision) == ("fiscal 2024", "2024", "year")


def test_year_range_tags_both_years() -> None:
    found = tag("The campaign ran from 2001 to 2005.", ANCHOR)
    assert [t.value for t in found] == ["2001", "2005"]


YEARS_IN_MORE_PLACES = [
    # Before 1800, only after a preposition that takes a year.
    ("The fort was built in 1776.", ["1776"]),
    ("The port has traded since 1492.", ["1492"]),
    # Both ends of a span of years written with a dash.
    ("Under the junta, 1967-1974, the press was muzzled.", ["1967", "1974"]),
    ("The drought of 2010–2012 emptied the dams.", ["2010", "2012"]),
    # A prefix joined to the year, and a possessive.
    ("Voters rejected the post-1989 settlement.", ["post-1989"]),
    ("She was named 2011's top coach by the league.", ["2011"]),
    # A year before a name in initials, or before a plural no one would count to.
    ("Turnout in the 1992 U.S. election rose.", ["1992"]),
    ("Leaders of the 1998 protests were freed.", ["1998"]),
    # A year as the subject of a singular verb.
    ("Analysts say 2012 was a record for exports.", ["2012"]),
    # A year before a singular noun is not a count of it.
    ("The 2014 season ended early.", ["2014"]),
    # A year standing alone: after a name, in a list, before a proper noun, in a heading.
    ("Visitors at Expo 2020 praised the pavilion.", ["2020"]),
    ("Floods hit the valley in 1994, 1996 and 1998.", ["1994", "1996", "1998"]),
    ("Analysts cut their 1990 Gazprom forecasts.", ["1990"]),
    ("2007: the surge\nTroops poured in.", ["2007"]),
]


@pytest.mark.parametrize(("text", "extents"), YEARS_IN_MORE_PLACES)
def test_years_in_more_places(text: str, extents: list[str]) -> None:
    found = tag(text, ANCHOR)
    assert [t.text for t in found] == extents
    assert all(t.type == "DATE" and t.value == t.text[-4:] for t in found)


NOT_YEARS = [
    # Counts: a plural or an amount after the number, a round number before a plural,
    # an early number without a preposition that takes a year.
    "The army sent 2000-3000 troops.",
    "In 1500 cases the test failed.",
    "The 1900 soldiers marched home.",
    "Rooms 1204-1210 were locked.",
    # Amounts, labels, clock times and compounds around a number in the years' range.
    "The ticket cost $2000 in the end.",
    "The council passed resolution 1973 on Libya.",
    "Flight 1830 left late.",
    "The curfew starts at 1800 GMT.",
    "A 2000-strong force crossed the river.",
    "Some 1900 of them voted no.",
    "The vote was 2012 to 311.",
]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_numbers_that_are_not_years(text: str) -> None:
    assert [t.text for t in tag(text, ANCHOR) if t.type == "DATE"] == []


DECADES = [
    ("Sales in the 1990s were low.", "the 1990s", "199", None),
    ("In the late 1990s sales dropped.", "the late 1990s", "199", "END"),
    ("In the early 2000s sales rose.", "the early 2000s", "200", "START"),
    ("Music of the '80s returned.", "the '80s", "198", None),
    ("The 20th century was violent.", "The 20th century", "19", None),
    ("In the twenty-first century we live.", None, None, None),
]


@pytest.mark.parametrize(("text", "extent", "value", "mod"), DECADES)
def test_decades_and_centuries(
    text: str, extent: str | None, value: str | None, mod: str | None
) -> None:
    found = tag(text, ANCHOR)
    if extent is None:
        return
    t = next(t for t in found if t.text == extent)
    assert (t.value, t.mod) == (value, mod)


def test_decade_bounds(only: Only) -> None:
    t = only("Sales in the 2020s rose.")
    assert (t.value, t.start, t.end, t.precision) == (
        "202",
        date(2020, 1, 1),
        date(2029, 12, 31),
        "decade",
    )


YEAR_INFERRED = [
    # anchor, text, value
    (date(2024, 12, 20), "A summit was held on November 29 in Astana.", "2024-11-29"),
    (date(2024, 12, 20), "The bombing happened on December 11.", "2024-12-11"),
    (date(2025, 1, 3), "He left on Dec. 28.", "2024-12-28"),
    (date(2025, 1, 3), "The deal was signed December 28.", "2024-12-28"),
    (date(2024, 12, 20), "Talks will resume on January 5.", "2025-01-05"),
    (date(2025, 6, 1), "Elections were held on March 3.", "2025-03-03"),
    (date(2025, 6, 1), "Elections will be held on March 3.", "2026-03-03"),
    (date(2025, 6, 1), "Results are due on July 4.", "2025-07-04"),
    (date(2025, 1, 3), "The vote on 28 December was close.", "2024-12-28"),
    (date(2025, 3, 1), "It was held on the 5th of February.", "2025-02-05"),
    # Days in words, after the month or as "the ... of" before it.
    (date(2025, 3, 1), "It was held on February fifth.", "2025-02-05"),
    (date(2025, 3, 1), "It was held on the twenty-first of February.", "2025-02-21"),
    (date(2025, 3, 1), "It was held February twenty-first.", "2025-02-21"),
]


@pytest.mark.parametrize(("anchor", "text", "value"), YEAR_INFERRED)
def test_month_day_takes_year_from_anchor(only: Only, anchor: date, text: str, value: str) -> None:
    t = only(text, anchor)
    assert (t.value, t.basis, t.precision) == (value, "year-inferred", "day")
    assert t.start == t.end == date.fromisoformat(value)


@pytest.mark.parametrize("text", ["A summit was held on November 29.", "It ended Nov. 29."])
def test_month_day_without_anchor_is_unresolved(only: Only, text: str) -> None:
    t = only(text, None)
    assert (t.value, t.start, t.end, t.basis) == ("XXXX-11-29", None, None, "unresolved")


MONTH_INFERRED = [
    (date(2026, 2, 2), "The talks collapsed in late November.", "2025-11", "END"),
    (date(2026, 2, 2), "In May the vote was held.", "2025-05", None),
    (date(2026, 2, 2), "Sales in March were flat.", "2025-03", None),
    (date(2026, 2, 2), "The vote will take place in March.", "2026-03", None),
    (date(2026, 2, 2), "Sales fell in January.", "2026-01", None),
    (date(2026, 2, 2), "Profits fell in the third quarter.", "2025-Q3", None),
    (date(2026, 2, 2), "It happened in the spring.", "2025-SP", None),
    (date(2026, 2, 2), "Rains come in mid-December.", "2025-12", "MID"),
    # "spring" and "fall" are seasons after "early", "late", "mid" too.
    (date(2026, 2, 2), "The offensive stalled in late spring.", "2025-SP", "END"),
    # A season alone: after "in" and the like, "that" or another season; "spring" and
    # "fall" only where a phrase ends after them.
    (date(2026, 2, 2), "Roads were closed in winter.", "2025-WI", None),
    (date(2026, 2, 2), "Fighting eased in spring, officials said.", "2025-SP", None),
    (date(2026, 2, 2), "That winter, the army ran short of food.", "2025-WI", None),
    (date(2026, 2, 2), "Kandahar was retaken that same spring.", "2025-SP", None),
]


@pytest.mark.parametrize(("anchor", "text", "value", "mod"), MONTH_INFERRED)
def test_named_period_without_year(
    only: Only, anchor: date, text: str, value: str, mod: str | None
) -> None:
    t = only(text, anchor)
    assert (t.value, t.mod) == (value, mod)
    assert t.basis == "year-inferred"


WEEKDAY_YEAR = [
    # text, anchor, not_after, value
    ("They convened on Wednesday, December 11, in Moscow.", None, date(2026, 11, 23), "2024-12-11"),
    ("The campaign will run until Thursday, February 5.", None, date(2026, 11, 23), "2026-02-05"),
    ("They convened on Wednesday, December 11, in Moscow.", date(2019, 12, 1), None, "2019-12-11"),
    ("They convened on Wednesday, December 11, in Moscow.", date(2030, 1, 1), None, "2030-12-11"),
    ("They met on Thursday, Feb. 5.", date(2025, 6, 1), None, "2026-02-05"),
    ("They met Friday, 29 November.", None, date(2025, 1, 1), "2024-11-29"),
    ("Leap day fell on Thursday, February 29.", None, date(2025, 1, 1), "2024-02-29"),
]


@pytest.mark.parametrize(("text", "anchor", "not_after", "value"), WEEKDAY_YEAR)
def test_weekday_fixes_year(
    only: Only, text: str, anchor: date | None, not_after: date | None, value: str
) -> None:
    t = only(text, anchor, **({"not_after": not_after} if not_after else {}))
    assert (t.value, t.basis, t.precision) == (value, "weekday-year", "day")


def test_weekday_year_without_anchor_or_limit_is_ambiguous(only: Only) -> None:
    t = only("They convened on Wednesday, December 11, in Moscow.", None)
    assert (t.value, t.start, t.basis) == ("XXXX-12-11", None, "unresolved")


@pytest.mark.parametrize("text", ["It was signed on February 30, 2024.", "On April 31 nothing."])
def test_impossible_days_are_not_dates(text: str) -> None:
    assert not any(t.value.endswith(("-30", "-31")) for t in tag(text, ANCHOR))


@pytest.mark.parametrize(
    ("text", "extents"),
    [
        ("The siege lasted through the fall and winter.", ["the fall", "winter"]),
        ("They spent the spring and summer rearming.", ["the spring", "summer"]),
        ("Passes close in autumn or winter.", ["autumn", "winter"]),
    ],
)
def test_a_season_joined_to_another_is_a_season_too(text: str, extents: list[str]) -> None:
    assert [t.text for t in tag(text, ANCHOR)] == extents
