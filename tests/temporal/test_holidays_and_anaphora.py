"""Holidays, spelled-out years and decades, parts of the day, and dates told from another date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, infer_document_date, tag
from timeline.temporal.holidays import days_in

Only = Callable[..., Timex]

ANCHOR = date(2026, 2, 2)  # a Monday, ISO week 2026-W06
NOT_AFTER = date(2026, 11, 23)

HOLIDAYS = [
    # The anchor is Monday 2026-02-02: a past-tense holiday is the last one, a
    # future-tense one the next, and with no tense the nearest.
    ("He spoke on Christmas Day.", "Christmas Day", "2025-12-25"),
    ("Shops closed on Christmas Eve.", "Christmas Eve", "2025-12-24"),
    ("They will meet after Easter.", "Easter", "2026-04-05"),
    ("The boy was found Thanksgiving Day.", "Thanksgiving Day", "2025-11-27"),
    ("He arrived last Thanksgiving.", "last Thanksgiving", "2025-11-27"),
    ("Crowds gathered on New Year’s Eve.", "New Year’s Eve", "2025-12-31"),
    ("Polls open on Election Day.", "Election Day", "2025-11-04"),
    ("Families will celebrate Nowruz.", "Nowruz", "2026-03-21"),
    ("Ramadan will begin soon.", "Ramadan", "2026-02-18"),
    ("Markets closed for Eid al-Fitr 2024.", "Eid al-Fitr 2024", "2024-04-10"),
    ("Pilgrims arrived before Eid al Adha 2025.", "Eid al Adha 2025", "2025-06-07"),
    ("Pilgrims will gather on Good Friday.", "Good Friday", "2026-04-03"),
    ("Palm Sunday processions are planned.", "Palm Sunday", "2026-03-29"),
    ("The fast starts on Ash Wednesday.", "Ash Wednesday", "2026-02-18"),
    ("The pubs will be full on St. Patrick's Day.", "St. Patrick's Day", "2026-03-17"),
    ("Shoppers queued on Boxing Day.", "Boxing Day", "2025-12-26"),
    ("Families will gather for Passover.", "Passover", "2026-04-02"),
    ("The war began on Yom Kippur 1973.", "Yom Kippur 1973", "1973-10-06"),
    ("Candles were lit for Hanukkah.", "Hanukkah", "2025-12-15"),
]


@pytest.mark.parametrize(("text", "extent", "value"), HOLIDAYS)
def test_holiday(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (extent, "DATE", value)


def test_a_holiday_in_a_named_year_is_explicit(only: Only) -> None:
    t = only("Markets closed for Eid al-Fitr 2024.")
    assert t.basis == "explicit" and t.start == t.end == date(2024, 4, 10)


def test_ramadan_covers_its_month(only: Only) -> None:
    t = only("Ramadan will begin soon.")
    assert (t.start, t.end) == (date(2026, 2, 18), date(2026, 3, 19))


@pytest.mark.parametrize(
    ("text", "value"),
    [("Christmas came early.", "XXXX-12-25"), ("Easter came early.", "XXXX-XX-XX")],
)
def test_holiday_without_anchor_keeps_what_it_can(text: str, value: str) -> None:
    (t,) = tag(text)
    assert (t.value, t.basis, t.start) == (value, "unresolved", None)


@pytest.mark.parametrize(
    "text",
    [
        "They sailed to Easter Island.",
        "Orthodox Easter fell late.",
        "Lunar New Year began.",
        "Ramadan Kadyrov spoke.",
        "The Good Friday agreement held.",
        "He fought in the Yom Kippur war.",
    ],
)
def test_names_that_are_not_the_holiday(text: str) -> None:
    assert tag(text, ANCHOR) == []


RULES = [
    ("easter", 2024, date(2024, 3, 31)),
    ("easter", 2025, date(2025, 4, 20)),
    ("thanksgiving", 2025, date(2025, 11, 27)),
    ("election-day", 2024, date(2024, 11, 5)),
    ("memorial-day", 2024, date(2024, 5, 27)),
    ("labor-day", 2025, date(2025, 9, 1)),
    # The equinox falls before noon in Tehran in 2024 and after it in 2025.
    ("nowruz", 2024, date(2024, 3, 20)),
    ("nowruz", 2025, date(2025, 3, 21)),
    # The arithmetic Islamic calendar.
    ("ramadan", 2024, date(2024, 3, 11)),
    ("eid-al-fitr", 2024, date(2024, 4, 10)),
    ("eid-al-adha", 2023, date(2023, 6, 29)),
    ("good-friday", 2025, date(2025, 4, 18)),
    ("mothers-day", 2025, date(2025, 5, 11)),
    ("presidents-day", 2025, date(2025, 2, 17)),
    # The Hebrew calendar: 15 Nisan, 1 and 10 Tishrei, 25 Kislev.
    ("passover", 2024, date(2024, 4, 23)),
    ("passover", 2013, date(2013, 3, 26)),
    ("rosh-hashanah", 2024, date(2024, 10, 3)),
    ("yom-kippur", 2023, date(2023, 9, 25)),
    ("hanukkah", 2013, date(2013, 11, 28)),
    ("hanukkah", 2024, date(2024, 12, 26)),
]


@pytest.mark.parametrize(("rule", "year", "first"), RULES)
def test_holiday_rule(rule: str, year: int, first: date) -> None:
    assert days_in(rule, year)[0][0] == first


def test_a_lunar_holiday_can_fall_twice_in_a_year() -> None:
    assert [span[0] for span in days_in("eid-al-fitr", 2000)] == [
        date(2000, 1, 8),
        date(2000, 12, 28),
    ]


SPOKEN = [
    ("By the year two thousand it rose.", "the year two thousand", "2000"),
    ("In the year two thousand and one it fell.", "the year two thousand and one", "2001"),
    ("Membership fell through the nineties.", "the nineties", "199"),
    ("It was built in the year 1066.", "the year 1066", "1066"),
]


TOLD_FROM_ANOTHER_DATE = [
    ("For the week, the index fell 3%.", "the week", "DATE", "2026-W06"),
    ("It was the week of March 6.", "the week of March 6", "DATE", "2026-W10"),
    ("Orders piled up in the morning.", "the morning", "TIME", "2026-02-02TMO"),
    ("By mid-afternoon, troops had left.", "mid-afternoon", "TIME", "2026-02-02TAF"),
    ("He arrived mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2026-02-01TAF"),
    ("The plane leaves at 4 in the morning.", "4 in the morning", "TIME", "2026-02-02T04:00"),
    ("The vote closes at 8 in the evening.", "8 in the evening", "TIME", "2026-02-02T20:00"),
    ("Prices may fall in coming months.", "coming months", "DATE", "FUTURE_REF"),
    ("These days few people write letters.", "These days", "DATE", "PRESENT_REF"),
    # A part of the day, or one unit before or after, told from the date in focus.
    ("That night, the rebels withdrew.", "That night", "TIME", "2026-02-02TNI"),
    ("Police came that same evening.", "that same evening", "TIME", "2026-02-02TEV"),
    ("She had phoned the night before.", "the night before", "TIME", "2026-02-01TNI"),
    ("The year before, the plant lost money.", "The year before", "DATE", "2025"),
    ("They talked again the day after.", "the day after", "DATE", "2026-02-03"),
]


@pytest.mark.parametrize(("text", "extent", "kind", "value"), TOLD_FROM_ANOTHER_DATE)
def test_told_from_the_date_in_focus(
    only: Only, text: str, extent: str, kind: str, value: str
) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (extent, kind, value)


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        (
            "Talks ended Jan. 14; the previous Friday they stalled.",
            "the previous Friday",
            "2026-01-09",
        ),
        (
            "Talks ended March 3, resumed the following Monday.",
            "the following Monday",
            "2026-03-09",
        ),
    ],
)
def test_weekday_before_or_after_a_mentioned_date(text: str, extent: str, value: str) -> None:
    found = {t.text: t for t in tag(text, ANCHOR)}
    assert found[extent].value == value and found[extent].basis == "relative"


@pytest.mark.parametrize(
    "text",
    [
        "The talks run until Thursday, February 5.",
        "The talks will run until Thursday, February 5.",
        "The exhibition runs through Thursday, February 5.",
    ],
)
def test_a_date_something_runs_until_bounds_publication_from_above(text: str) -> None:
    found = infer_document_date(text, not_after=NOT_AFTER)
    assert found is not None
    assert found.end == date(2026, 2, 5) and found.start == date.min


def test_a_range_ending_until_a_month_is_not_future() -> None:
    # "this year through August" is a stretch of time, not a deadline ahead.
    (year, august) = tag("Sales were flat this year through August.", date(1989, 10, 27))
    assert (year.value, august.value) == ("1989", "1989-08")


# The matcher reads only the text around cue words; these check that what it reads
# reaches far enough back, and that texts beyond ASCII are read the same way.
REACH = [
    ("It took no more than twenty-five years.", "no more than twenty-five years"),
    ("He stayed for at least twenty-five years.", "at least twenty-five years"),
    ("The shelling began at 5 a.m. local time.", "5 a.m. local time"),
    ("Le café a fermé on Monday, after the İstanbul talks.", "Monday"),
    ("Naïve plans were dropped two years ago.", "two years ago"),
]


@pytest.mark.parametrize(("text", "extent"), REACH)
def test_expressions_are_read_whole(only: Only, text: str, extent: str) -> None:
    assert only(text).text == extent


MORE_YEARS_AND_CENTURIES = [
    ("Cuba won independence from Spain in 1898.", "1898", "1898"),
    ("The bonds are due 1993.", "1993", "1993"),
    ("He lost his unsuccessful 1996 campaign.", "1996", "1996"),
    ("She is a 20th century democrat.", "20th century", "19"),
    ("They restored an 11th-century temple.", "11th-century", "10"),
]


@pytest.mark.parametrize(("text", "extent", "value"), SPOKEN + MORE_YEARS_AND_CENTURIES)
def test_years_decades_and_centuries(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (extent, "DATE", value)


OR_SO = [
    ("The plant will close over the next year or so.", "the next year or so", "DATE", "2027"),
    ("Then, a week or so ago, he left.", "a week or so ago", "DATE", "2026-W05"),
    ("The meeting lasted two hours or so.", "two hours or so", "DURATION", "PT2H"),
]


@pytest.mark.parametrize(("text", "extent", "kind", "value"), OR_SO)
def test_or_so_is_part_of_the_expression(
    only: Only, text: str, extent: str, kind: str, value: str
) -> None:
    t = only(text)
    assert (t.text, t.type, t.value, t.mod) == (extent, kind, value, "APPROX")


# An account of years long before the anchor: months and days it names without a year
# are in the year it has reached, unless the clause looks ahead from the day of writing.
HISTORY = (
    "The movement was founded in 1994. It took Kandahar in November 1994 and Herat in "
    "September 1995. Kabul fell in September 1996. In 1997 it pushed north, and in 1998 "
    "it took Mazar-i-Sharif. By 2001 it held most of the country. "
)
TOLD_AS_A_HISTORY = [
    (HISTORY + "In October, the bombing began.", "October", "2001-10"),
    (HISTORY + "On December 7, Kandahar fell.", "December 7", "2001-12-07"),
    (HISTORY + "In the spring, envoys met in Bonn.", "the spring", "2001-SP"),
    # Looking ahead from the day of writing: the anchor's year, as in news.
    (HISTORY + "A new history will be published in April.", "April", "2026-04"),
    # News of the day that names a few past years in passing: about the anchor.
    ("The law dates to 1994. In January, the court upheld it.", "January", "2026-01"),
]


@pytest.mark.parametrize(("text", "extent", "value"), TOLD_AS_A_HISTORY)
def test_yearless_dates_in_a_history_take_the_year_it_has_reached(
    text: str, extent: str, value: str
) -> None:
    found = {t.text: t for t in tag(text, ANCHOR)}
    assert found[extent].value == value
    assert found[extent].basis == "year-inferred"
