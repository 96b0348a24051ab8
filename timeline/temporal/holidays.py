"""The days of named holidays in a given year, computed from their calendar rules.

Which names the matcher recognises, and which rule each follows, is data in
``vocabulary.HOLIDAYS``; this module only knows the rules.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

#: The day before 1 Muharram AH 1 (16 July 622, Julian) as a proleptic Gregorian ordinal.
_HIJRI_EPOCH: Final = date(622, 7, 19).toordinal() - 1


def _hijri(year: int, month: int, day: int) -> date:
    """A day of the arithmetic (tabular) Islamic calendar.

    Observed dates follow the sighting of the new moon and can be a day
    earlier or later than this; no table of sightings is kept."""
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day
    return date.fromordinal(_HIJRI_EPOCH + days)


def _hijri_year(year: int) -> int:
    """The Hijri year that ends in Gregorian ``year``, give or take one: 33 Hijri
    years take about 32 Gregorian ones."""
    return (year - 622) * 33 // 32


def _hijri_in(year: int, month: int, day: int) -> list[date]:
    """The Gregorian dates of a Hijri month-day that fall in Gregorian ``year``
    (one, or two when the shorter lunar year fits twice)."""
    first = _hijri_year(year)
    days = (_hijri(y, month, day) for y in range(first - 1, first + 2) if y > 0)
    return [d for d in days if d.year == year]


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _nowruz(year: int) -> date:
    """The Iranian New Year: the day of the March equinox if it falls before noon in
    Tehran, else the day after (the rule of the Solar Hijri calendar).

    The equinox is Meeus's mean March equinox (Astronomical Algorithms, table 27.a),
    within about half an hour of the true one: a year whose equinox falls that close to
    noon in Tehran can come out a day off."""
    y = (year - 2000) / 1000
    jde = 2451623.80984 + 365242.37404 * y + 0.05169 * y**2 - 0.00411 * y**3 - 0.00057 * y**4
    # Julian day 2451544.5 is 2000-01-01 00:00 UTC; Tehran is UTC+3:30.
    tehran = jde - 2451544.5 + 3.5 / 24
    day = date(2000, 1, 1) + timedelta(days=math.floor(tehran))
    return day if tehran - math.floor(tehran) < 0.5 else day + timedelta(days=1)


#: Rata Die (``date.toordinal``) of 1 Tishrei AM 1, less one: the Hebrew calendar's epoch.
_HEBREW_EPOCH: Final = -1373427


def _hebrew_elapsed_days(year: int) -> int:
    """Days from the epoch to the molad of Tishrei of Hebrew ``year``, with the rule
    that puts off the new year when the molad falls on a Sunday, Wednesday or Friday
    (Reingold and Dershowitz, Calendrical Calculations)."""
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    days = 29 * months + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def _rosh_hashanah(year: int) -> date:
    """1 Tishrei of Hebrew ``year``: its elapsed days, put off once more when that would
    make this year or the one before too long or short."""
    before, this, after = (_hebrew_elapsed_days(y) for y in (year - 1, year, year + 1))
    correction = 2 if after - this == 356 else 1 if this - before == 382 else 0
    return date.fromordinal(_HEBREW_EPOCH + this + correction)


def _hebrew_new_year_in(year: int) -> date:
    """The Rosh Hashanah that falls in the autumn of Gregorian ``year``."""
    return _rosh_hashanah(year + 3761)


def _hanukkah(year: int) -> date:
    """25 Kislev: after 30 days of Tishrei and 29 or 30 of Heshvan (30 in a "complete"
    year of 355 or 385 days)."""
    new_year = _hebrew_new_year_in(year)
    length = (_hebrew_new_year_in(year + 1) - new_year).days
    return new_year + timedelta(days=30 + (30 if length % 10 == 5 else 29) + 24)


def _fixed(month: int, day: int) -> Callable[[int], list[date]]:
    return lambda year: [date(year, month, day)]


def _one(rule: Callable[[int], date]) -> Callable[[int], list[date]]:
    return lambda year: [rule(year)]


#: Rule name (as used in ``vocabulary.HOLIDAYS``) -> the holiday's days in a year.
RULES: Final[dict[str, Callable[[int], list[date]]]] = {
    "new-year": _fixed(1, 1),
    "new-year-eve": _fixed(12, 31),
    "valentine": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "christmas": _fixed(12, 25),
    "christmas-eve": _fixed(12, 24),
    "easter": _one(_easter),
    "easter-monday": _one(lambda y: _easter(y) + timedelta(days=1)),
    "good-friday": _one(lambda y: _easter(y) - timedelta(days=2)),
    "maundy-thursday": _one(lambda y: _easter(y) - timedelta(days=3)),
    "palm-sunday": _one(lambda y: _easter(y) - timedelta(days=7)),
    "ash-wednesday": _one(lambda y: _easter(y) - timedelta(days=46)),
    "pentecost": _one(lambda y: _easter(y) + timedelta(days=49)),
    "boxing-day": _fixed(12, 26),
    "st-patrick": _fixed(3, 17),
    "may-day": _fixed(5, 1),
    # United States.
    "thanksgiving": _one(lambda y: _nth_weekday(y, 11, 4, 4)),
    "memorial-day": _one(lambda y: _nth_weekday(y, 5, 1, -1)),
    "labor-day": _one(lambda y: _nth_weekday(y, 9, 1, 1)),
    "mothers-day": _one(lambda y: _nth_weekday(y, 5, 7, 2)),
    "fathers-day": _one(lambda y: _nth_weekday(y, 6, 7, 3)),
    "veterans-day": _fixed(11, 11),
    "presidents-day": _one(lambda y: _nth_weekday(y, 2, 1, 3)),
    "independence-day": _fixed(7, 4),
    # The Tuesday after the first Monday of November.
    "election-day": _one(lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1)),
    "nowruz": _one(_nowruz),
    # 15 Nisan is always 163 days before the next Rosh Hashanah.
    "passover": _one(lambda y: _hebrew_new_year_in(y) - timedelta(days=163)),
    "rosh-hashanah": _one(_hebrew_new_year_in),
    "yom-kippur": _one(lambda y: _hebrew_new_year_in(y) + timedelta(days=9)),
    "hanukkah": _one(_hanukkah),
    "ramadan": lambda y: _hijri_in(y, 9, 1),
    "eid-al-fitr": lambda y: _hijri_in(y, 10, 1),
    "eid-al-adha": lambda y: _hijri_in(y, 12, 10),
}

#: Holidays that last longer than their first day: rule -> the day after they end,
#: from their first day.
_ENDS: Final[dict[str, Callable[[date], date]]] = {
    # Ramadan ends when Shawwal, the next Hijri month, begins.
    "ramadan": lambda first: _hijri_after(first, 10),
    # Eight days outside Israel.
    "passover": lambda first: first + timedelta(days=8),
    "hanukkah": lambda first: first + timedelta(days=8),
}


def _hijri_after(first: date, month: int) -> date:
    """The first day of Hijri ``month`` after ``first``."""
    year = _hijri_year(first.year)
    return min(
        d for d in (_hijri(y, month, 1) for y in range(year - 1, year + 2) if y > 0) if d > first
    )


def days_in(rule: str, year: int) -> list[tuple[date, date]]:
    """(first, last) day of each occurrence of a holiday in Gregorian ``year``."""
    spans = []
    for first in RULES[rule](year):
        end = _ENDS.get(rule)
        spans.append((first, end(first) - timedelta(days=1) if end else first))
    return spans
