"""Durations, sets, times of day and modifiers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

Only = Callable[..., Timex]
#: The Monday the ``only`` fixture anchors at.
MONDAY = date(2026, 2, 2)


DURATIONS = [
    # Multiples spelled out, and days counted of one kind.
    ("The dynasty ruled for three hundred years.", "three hundred years", "P300Y", None),
    (
        "The guild guarded its craft for more than two thousand years.",
        "more than two thousand years",
        "P2000Y",
        "MORE_THAN",
    ),
    ("Shares recovered within six trading days.", "six trading days", "P6D", None),
    ("Refunds are paid in ten working days.", "ten working days", "P10D", None),
    ("Over the past four years, cases fell.", "the past four years", "P4Y", None),
    ("In the last 24 hours, rain fell.", "the last 24 hours", "PT24H", None),
    ("Cases fell over the past few weeks.", "the past few weeks", "PXW", None),
    ("It will take the next two months.", "the next two months", "P2M", None),
    ("In recent years funding dropped.", "recent years", "PXY", None),
    ("It will be done in the coming weeks.", "the coming weeks", "PXW", None),
    ("It lasted four years.", "four years", "P4Y", None),
    ("It lasted 4 years.", "4 years", "P4Y", None),
    ("A two-year deal.", "two-year", "P2Y", None),
    ("A 16-hour shift.", "16-hour", "PT16H", None),
    ("It took more than two years.", "more than two years", "P2Y", "MORE_THAN"),
    ("He stayed for about three weeks.", "about three weeks", "P3W", "APPROX"),
    ("He waited nearly an hour.", "nearly an hour", "PT1H", "LESS_THAN"),
    ("Talks lasted at least 72 hours.", "at least 72 hours", "PT72H", "EQUAL_OR_MORE"),
    ("It lasted a week.", "a week", "P1W", None),
    ("It lasted several years.", "several years", "PXY", None),
    ("It lasted a few days.", "a few days", "PXD", None),
    ("It lasted a couple of months.", "a couple of months", "P2M", None),
    ("It lasted twenty-five years.", "twenty-five years", "P25Y", None),
    ("It lasted two decades.", "two decades", "P20Y", None),
    ("Prices fell in the past decade.", "the past decade", "P10Y", None),
    ("The dam stood for half a century.", "half a century", "P50Y", None),
    ("He has fought for decades.", "decades", "PXY", None),
    ("It lasted 90 minutes.", "90 minutes", "PT90M", None),
    ("It lasted 2.5 years.", "2.5 years", "P2Y6M", None),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M", None),
    ("The flight took 5 3/4 hours.", "5 3/4 hours", "PT5H45M", None),
    ("The strike lasted one and a half days.", "one and a half days", "P1DT12H", None),
    ("The vote took a minute and a half.", "a minute and a half", "PT1M30S", None),
    ("The siege lasted a year and a half.", "a year and a half", "P1Y6M", None),
    ("He waited half an hour.", "half an hour", "PT30M", None),
    ("It lasted 1.3 weeks.", "1.3 weeks", "P1.3W", None),
    ("He will stay two more weeks.", "two more weeks", "P2W", None),
    ("The lease runs for an additional year.", "an additional year", "P1Y", None),
    ("It needs three extra days.", "three extra days", "P3D", None),
    ("Rates will rise over the next couple of years.", "the next couple of years", "P2Y", None),
    ("It ended a decades-long feud.", "decades-long", "PXY", None),
    ("They held a day-long meeting.", "day-long", "P1D", None),
    ("They began a year-long inquiry.", "year-long", "P1Y", None),
    ("It ended a months-long siege.", "months-long", "PXM", None),
    ("It ended a years-old dispute.", "years-old", "PXY", None),
    ("Prices may fall in the weeks ahead.", "the weeks ahead", "PXW", None),
    ("Over the years, the town grew.", "the years", "PXY", None),
    ("Profits in the first nine months rose.", "the first nine months", "P9M", None),
    ("He has waited for years.", "years", "PXY", None),
    # After verbs of lasting and "only", "just": "took months", "lasted only hours".
    ("The repairs took months.", "months", "PXM", None),
    ("The truce lasted only hours.", "hours", "PTXH", None),
    ("They spent weeks on the draft.", "weeks", "PXW", None),
    # A stage of something in plural units: "the early years", "the final days".
    ("In the early years of the war, food was short.", "the early years", "PXY", None),
    ("He rested in the final days of the campaign.", "the final days", "PXD", None),
    ("Rescuers searched for days.", "days", "PXD", None),
    ("The past week was busy.", "The past week", "P1W", None),
    # Closed "-long" compounds last one unit, like their hyphenated forms.
    ("A weeklong fair opened.", "weeklong", "P1W", None),
    ("They ended a monthlong walkout.", "monthlong", "P1M", None),
    ("It was a yearlong effort.", "yearlong", "P1Y", None),
    # A bare plural unit before "of" after "after", "amid"...: a vague stretch of time.
    ("The deal came after months of talks.", "months", "PXM", None),
    ("Floods followed days of heavy rain.", "days", "PXD", None),
    ("Despite years of effort, nothing changed.", "years", "PXY", None),
    # Two counts of one unit are one span, valued at its shorter length; two vague
    # plurals joined by "or"/"and" are one span too.
    ("Repairs should take two to three weeks.", "two to three weeks", "P2W", None),
    ("Stocks will be sold over the next 6 to 9 months.", "the next 6 to 9 months", "P6M", None),
    ("The audit may need 3 or 4 days.", "3 or 4 days", "P3D", None),
    ("The herd could recover within weeks or months.", "weeks or months", "PXW", None),
    ("Prices have slid in recent days and weeks.", "recent days and weeks", "PXD", None),
    # Units abbreviated after a count in digits.
    ("The drive took 2 hrs.", "2 hrs", "PT2H", None),
    ("She ran the course in 45 mins flat.", "45 mins", "PT45M", None),
    ("He signed a 10-yr lease.", "10-yr", "P10Y", None),
    # A plural unit alone before "later"/"earlier" is as vague as "a few days" before it.
    ("Days later, the rebels withdrew.", "Days", "PXD", None),
    ("The bridge reopened, but hours later it shut again.", "hours", "PTXH", None),
]


@pytest.mark.parametrize(("text", "extent", "value", "mod"), DURATIONS)
def test_duration(only: Only, text: str, extent: str, value: str, mod: str | None) -> None:
    t = only(text)
    assert (t.text, t.type, t.value, t.mod) == (extent, "DURATION", value, mod)
    assert t.start is None and t.end is None


SETS = [
    ("Officials met every day.", "every day", "P1D"),
    ("It runs daily.", "daily", "P1D"),
    ("Reports are published weekly.", "weekly", "P1W"),
    ("Each season brings rain.", "Each season", "P1SE"),
    ("There is one direct flight per week.", "per week", "P1W"),
    ("He visits twice a week.", "twice a week", "P1W"),
    ("He visits once a month.", "once a month", "P1M"),
    ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
    ("They meet on Mondays.", "Mondays", "XXXX-WXX-1"),
    ("The fair opens each July.", "each July", "XXXX-07"),
    ("They meet every two weeks.", "every two weeks", "P2W"),
    ("They meet every other year.", "every other year", "P2Y"),
    ("Elections are held each year.", "each year", "P1Y"),
    ("He runs every morning.", "every morning", "XXXX-XX-XXTMO"),
    ("Dividends are paid quarterly.", "quarterly", "P1Q"),
]


@pytest.mark.parametrize(("text", "extent", "value"), SETS)
def test_set(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value) == (extent, "SET", value)


TIMES = [
    ("At 10:30 a.m. the bomb exploded.", "10:30 a.m.", "2026-02-02T10:30"),
    ("The bomb exploded at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2026-01-28T22:00"),
    ("The bomb exploded this morning.", "this morning", "2026-02-02TMO"),
    ("He called last night.", "last night", "2026-02-01TNI"),
    ("He arrived at noon.", "noon", "2026-02-02T12:00"),
    ("He will speak tonight.", "tonight", "2026-02-02TNI"),
    # "overnight" as an adverb is the night before.
    ("Rockets struck the airport overnight.", "overnight", "2026-02-01TNI"),
    ("Overnight, police raided two homes.", "Overnight", "2026-02-01TNI"),
    ("They met Monday morning.", "Monday morning", "2026-02-02TMO"),
    ("They met yesterday afternoon.", "yesterday afternoon", "2026-02-01TAF"),
    ("The polls close at 20:00 GMT.", "20:00 GMT", "2026-02-02T20:00"),
    ("The shelling began at 5 a.m. local time.", "5 a.m. local time", "2026-02-02T05:00"),
    ("It was signed at 3 p.m. on Dec. 11, 2024.", "3 p.m. on Dec. 11, 2024", "2024-12-11T15:00"),
    ("The strike began at 6 a.m. today.", "6 a.m. today", "2026-02-02T06:00"),
    ("Curfew starts at midnight.", "midnight", "2026-02-02T24:00"),
    ("We meet at 9 o'clock.", "9 o'clock", "2026-02-02T09:00"),
    # An approximation before a clock time belongs to the extent (mod APPROX).
    ("The shots were heard around 9:40 p.m.", "around 9:40 p.m.", "2026-02-02T21:40"),
    ("The raid began at about 4 a.m. today.", "about 4 a.m. today", "2026-02-02T04:00"),
    ("The convoy left at approximately noon.", "approximately noon", "2026-02-02T12:00"),
    ("The vote closes at 2 p.m. ET on Friday.", "2 p.m. ET on Friday", "2026-02-06T14:00"),
    ("The border opens at 08:00 PKT.", "08:00 PKT", "2026-02-02T08:00"),
    # Wire services write 24-hour times without a colon before a zone.
    ("Voting ends at 1800 GMT.", "1800 GMT", "2026-02-02T18:00"),
    ("Last updated 0945 GMT", "0945 GMT", "2026-02-02T09:45"),
    ("The truce began at 0600 local time.", "0600 local time", "2026-02-02T06:00"),
    # A clock time before "tonight" or "this morning" is an hour of that part of today.
    ("Kickoff is at 7:30 tonight.", "7:30 tonight", "2026-02-02T19:30"),
    ("The jury returns at 10 this morning.", "10 this morning", "2026-02-02T10:00"),
    ("The polls close by 9 tonight.", "9 tonight", "2026-02-02T21:00"),
    ("She lands at 3:45 this afternoon.", "3:45 this afternoon", "2026-02-02T15:45"),
    # British papers put a full stop between hour and minutes.
    ("Kickoff is at 7.45pm.", "7.45pm", "2026-02-02T19:45"),
    ("Updated 10.15 GMT", "10.15 GMT", "2026-02-02T10:15"),
]


@pytest.mark.parametrize(("text", "extent", "value"), TIMES)
def test_time(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.type, t.value, t.precision) == (extent, "TIME", value, "day")


# A clock time that names no day falls on the day named beside it in the same phrase,
# before it or after it; across a sentence end it keeps the document's day.
FLOATING_TIMES = [
    ("The raid began on Wednesday at 3 a.m.", "2026-01-28T03:00", "weekday"),
    ("The polls opened on March 21, 2025 at 7 a.m.", "2025-03-21T07:00", "explicit"),
    ("Filed: Tue, 18 Mar 2025 14:05 GMT", "2025-03-18T14:05", "explicit"),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday.", "2026-01-30T10:35", "weekday"),
    ("The court met on Wednesday, lawyers said, at 9 a.m.", "2026-01-28T09:00", "weekday"),
    ("They met on Wednesday. At 3 a.m. the raid began.", "2026-02-02T03:00", "publication"),
    ("They met on Wednesday; at 3 a.m. the raid began.", "2026-02-02T03:00", "publication"),
]


@pytest.mark.parametrize(("text", "value", "basis"), FLOATING_TIMES)
def test_clock_time_takes_the_day_beside_it(text: str, value: str, basis: str) -> None:
    times = [t for t in tag(text, MONDAY) if t.type == "TIME" and "T" in t.value]
    assert [(t.value, t.basis) for t in times] == [(value, basis)]


YEAR_RANGES = [
    # The end of a span of years is not a count: no "P13SE" in "the 2012-13 season".
    "The 2012-13 season ended early.",
    "Output for 2011/12 rose.",
]


NOT_CLOCK_TIMES = [
    # Without a zone a four-digit number is a year or an amount; "about" before a bare
    # number before "this morning" counts things.
    "The museum holds 1800 paintings.",
    "Police said about 10 this morning were hurt.",
]


@pytest.mark.parametrize("text", NOT_CLOCK_TIMES)
def test_numbers_that_are_not_clock_times(text: str) -> None:
    assert [t.text for t in tag(text, MONDAY) if ":" in t.value] == []


@pytest.mark.parametrize("text", YEAR_RANGES)
def test_year_range_end_is_no_duration(text: str) -> None:
    assert [t for t in tag(text, MONDAY) if t.type == "DURATION"] == []


def test_time_without_anchor(only: Only) -> None:
    t = only("At 10:30 a.m. the bomb exploded.", None)
    assert (t.value, t.start) == ("XXXX-XX-XXT10:30", None)


MODIFIERS = [
    ("Prices rose in mid-2025.", "mid-2025", "2025", "MID"),
    ("Prices rose in early 2025.", "early 2025", "2025", "START"),
    ("Prices rose in late 2024.", "late 2024", "2024", "END"),
    ("Prices rose in late November 2025.", "late November 2025", "2025-11", "END"),
    ("Prices rose at the end of November 2025.", "the end of November 2025", "2025-11", "END"),
    ("Prices rose at the beginning of 2025.", "the beginning of 2025", "2025", "START"),
    ("Prices rose in the middle of 2025.", "the middle of 2025", "2025", "MID"),
    ("Prices rose in early March 2025.", "early March 2025", "2025-03", "START"),
    ("Prices rose in the late 1990s.", "the late 1990s", "199", "END"),
    ("Prices rose late last month.", "late last month", "2026-01", "END"),
    # Halves of a month are its earlier and later part, not halves of a year.
    (
        "Prices rose in the second half of March 2025.",
        "the second half of March 2025",
        "2025-03",
        "END",
    ),
    (
        "Prices rose in the first half of May 2025.",
        "the first half of May 2025",
        "2025-05",
        "START",
    ),
    # A modifier before a day and its part of the day belongs to the expression.
    ("He was held late Friday night.", "late Friday night", "2026-01-30TNI", "END"),
    ("They left early Sunday morning.", "early Sunday morning", "2026-02-01TMO", "START"),
    ("The quake hit early this morning.", "early this morning", "2026-02-02TMO", "START"),
    ("Shots rang out late last night.", "late last night", "2026-02-01TNI", "END"),
]


@pytest.mark.parametrize(("text", "extent", "value", "mod"), MODIFIERS)
def test_part_of_modifiers(only: Only, text: str, extent: str, value: str, mod: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.mod) == (extent, value, mod)


# The week of a month: the ISO week holding most of its first (second...) seven days.
WEEKS_OF_A_MONTH = [
    ("It rained in the first week of March 2025.", "the first week of March 2025", "2025-W10"),
    ("It rained in the second week of April 2024.", "the second week of April 2024", "2024-W15"),
    ("It rained in the last week of February 2025.", "the last week of February 2025", "2025-W09"),
    ("It rained in the last week of March 2025.", "the last week of March 2025", "2025-W13"),
]


@pytest.mark.parametrize(("text", "extent", "value"), WEEKS_OF_A_MONTH)
def test_week_of_a_month(only: Only, text: str, extent: str, value: str) -> None:
    t = only(text)
    assert (t.text, t.value, t.precision) == (extent, value, "week")
