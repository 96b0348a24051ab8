"""Find temporal expressions in a token stream and describe what each one says.

The matcher decides extents (TimeML/TIMEX3 conventions: determiners and
modifiers belong to the expression, governing prepositions do not) and builds
an :class:`Expr`, a description free of any anchor. The resolver turns it into
calendar values.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from . import vocabulary as V
from .periods import days_in_month
from .tokenizer import Token, add_tokens, separator, tokenize, word_end, word_start


# Not frozen: a frozen dataclass sets each of its fields through object.__setattr__,
# which made building an Expr cost more than matching it. Nothing mutates one.
@dataclass(slots=True)
class Expr:
    """What an expression says, before any anchor is applied.

    kind ``calendar``: named calendar fields, possibly partial ("December 11",
    "the third quarter", "Monday", "the 1990s"); ``shift`` (-1/0/1) is a
    last/this/next determiner on a named period.
    kind ``relative``: ``offset`` ``unit``\\s from the anchor, or from the last
    mentioned date when ``anaphoric``.
    kind ``literal``: a ready TIMEX3 ``value`` of type ``timex_type``
    (durations, sets, PAST_REF...).
    ``holiday``: a rule in ``holidays.RULES``, for a named holiday ("Christmas").
    kind ``focus``: the reporting period a business text is about ("the
    quarter", "the latest period"), ``compare`` for the same period a year
    before; ``year`` when the text names it ("the 1988 quarter").
    ``hour``/``minute``/``daypart`` make any date a TIME.
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # Q1..Q4, H1, H2, SP/SU/FA/WI, WE
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    shift: int | None = None
    unit: str | None = None
    offset: int | None = None
    anaphoric: bool = False
    hour: int | None = None
    minute: int | None = None
    daypart: str | None = None
    timex_type: str | None = None
    value: str | None = None
    mod: str | None = None
    #: Years from the anchor's for a month given with "this/last/next year".
    year_offset: int | None = None
    #: A year-on-year comparison ("a year earlier", "the year-ago quarter"): in a
    #: report about a quarter it means that quarter a year before.
    compare: bool = False
    holiday: str | None = None
    #: A clock time that names no day ("at 3 a.m."): it falls on the day its sentence
    #: speaks of, which only the neighbouring mentions can tell.
    floating: bool = False


@dataclass(slots=True)
class Mention:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start_char: int
    end_char: int
    expr: Expr


Hit = tuple[int, Expr]

_DAYPART_WORDS: Final = {**V.PARTS_OF_DAY, "tonight": "NI"}
_REF_NOUNS: Final = {"past": "PAST_REF", "future": "FUTURE_REF", "present": "PRESENT_REF"}
#: Capitalised words that may precede a date at a sentence start without
#: making it part of a name ("On Monday", "Last Friday", but "Black Friday").
_SENTENCE_START_WORDS: Final = frozenset(
    {
        "on",
        "by",
        "since",
        "until",
        "last",
        "next",
        "this",
        "early",
        "late",
        "every",
        "each",
        "from",
        "through",
        "before",
        "after",
        "during",
        "in",
        "as",
        "of",
        "and",
        "or",
        "said",
        "the",
        "a",
        "an",
        "but",
        "then",
        "so",
        "also",
        "again",
        "still",
        "even",
        "only",
        "mid",
        "around",
        "at",
        "about",
        "that",
        "till",
        "between",
        "for",
        "starting",
        "beginning",
        "coming",
        "past",
        "previous",
        "following",
        "yesterday",
        "today",
        "tomorrow",
    }
)
_PERIOD_UNITS: Final = frozenset(
    {"week", "month", "quarter", "year", "decade", "century", "weekend"}
)
_MODIFIERS_BY_FIRST: Final[dict[str, list[tuple[tuple[str, ...], str]]]] = {}
for _words, _code in V.QUANTITY_MODIFIERS.items():
    _MODIFIERS_BY_FIRST.setdefault(_words[0], []).append((_words, _code))


def _holiday_names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Holiday names as lower-case tokens without hyphens, by first word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, rule in V.HOLIDAYS.items():
        words = tuple(t.lower for t in tokenize(name) if t.text not in ("-", "–"))
        by_first.setdefault(words[0], []).append((words, rule))
    for names in by_first.values():
        names.sort(key=lambda option: -len(option[0]))
    return by_first


_HOLIDAY_NAMES: Final = _holiday_names()
#: Parts of the day that "in the ..." and "mid-..." name.
_DAYPARTS_AFTER_THE: Final = frozenset({"morning", "afternoon", "evening"})
_MID_PARTS_OF_DAY: Final = {"midafternoon": "AF", "midmorning": "MO"}
_COMPOUND_TENS: Final = frozenset({20, 30, 40, 50, 60, 70, 80, 90})
_YEAR_SHIFTS: Final = {"this": 0, "last": -1, "next": 1}
#: Prefixes joined to a year by a hyphen: "post-1959", "pre-2008".
_YEAR_PREFIXES: Final = frozenset({"post", "pre"})
#: Singular verbs after a four-digit number that make it a year as a subject.
_YEAR_SUBJECT_VERBS: Final = frozenset(
    {"was", "is", "will", "has", "had", "saw", "sees", "marked", "marks", "brought", "brings"}
)
#: Prepositions after which a four-digit number before 1800 is still read as a year.
_EARLY_YEAR_CONTEXT: Final = frozenset({"in", "since", "until", "till", "during", "circa"})
_AMOUNT_WORDS: Final = frozenset(
    {"million", "billion", "thousand", "percent", "cents", "dollars", "pounds", "euros"}
)
_DETERMINERS: Final = frozenset({"the", "its", "his", "her", "their", "our", "a", "that", "this"})
#: Signs of an amount beside a number: "$2000", "2000%".
_AMOUNT_SIGNS: Final = frozenset({"$", "£", "€", "¥", "%", "#", "+"})
#: Nouns that a number labels rather than dates: "resolution 1973", "Flight 1830".
_NUMBER_LABELS: Final = frozenset(
    {"resolution", "flight", "route", "article", "room", "model", "number", "no", "code",
     "bus", "highway", "road", "item", "chapter", "page", "pages", "section", "rule", "form",
     "paragraph", "line", "platform", "gate", "unit", "apartment", "suite", "box", "account",
     "bill", "order", "decree", "law", "act", "version", "level", "grade", "score", "pin",
     "p.", "pp.", "vol", "issue", "episode", "exit", "channel", "frequency", "over", "under",
     "nearly", "about", "around", "some", "approximately", "roughly", "almost", "than"}
)  # fmt: skip
#: Words after a number that make it a count or a clock time: "1800 GMT", "2000 of them".
_AFTER_A_COUNT: Final = frozenset(
    {"gmt", "utc", "hrs", "local", "percent", "pct", "per", "of", "to", "or", "more",
     "people", "feet", "metres", "meters", "miles", "km", "kilometres", "kilometers", "tons",
     "tonnes", "votes", "points", "men", "women", "children", "troops", "soldiers"}
)  # fmt: skip
#: Words that make a following weekday part of a name: "Black Friday", "Good Friday".
_HOLIDAY_PREFIXES: Final = frozenset(
    {"black", "good", "ash", "easter", "palm", "holy", "super", "cyber", "bloody", "maundy"}
)
_MONTH_SHIFTS: Final = {"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1}
_LONG_MONTHS: Final = frozenset({1, 3, 5, 7, 8, 10, 12})
_ON_WORDS: Final = frozenset({"on", "by", "until", "till", "from", "before", "after", "since"})
#: Words that may follow "on the 25th" when it is a day: "on the 25th and 26th".
_AFTER_DAY_OF_MONTH: Final = frozenset({"and", "or", "to", "through", "until", "at"})
_DIGIT_WORDS: Final = frozenset(w for w, n in V.NUMBER_WORDS.items() if 1 <= n <= 9 and len(w) > 2)
_MULTIPLES: Final = {"hundred": 100, "thousand": 1000, "dozen": 12}
#: Words before a count that bound a span: "the next couple of years".
_SPAN_EDGES: Final = ("next", "past", "last", "first", "coming", "previous")
#: Words that make the clock time or date after them approximate.
_APPROX_WORDS: Final = frozenset({"about", "around", "approximately", "roughly"})
#: Kinds of day a count can be made in: "ten working days".
#: Prepositions that make a bare hour a clock time before "tonight" ("by 10 tonight");
#: "about" and "around" are left out: "killed about 10 this morning" counts people.
_CLOCK_PREPOSITIONS: Final = frozenset({"at", "by", "until", "till", "before", "after", "from"})
#: Plural units that alone before "of" name a vague span ("after weeks of talks") ...
_VAGUE_SPAN_UNITS: Final = frozenset({"hours", "days", "weeks", "months", "years", "decades"})
#: ... when one of these words comes first; elsewhere "days of" is often a noun phrase
#: ("the last days of summer").
_BEFORE_SPAN_OF: Final = frozenset(
    {"after", "following", "follows", "followed", "amid", "despite", "ending", "through"}
)
_DOTTED_TIME: Final = re.compile(r"\d{1,2}\.[0-5]\d")
_COUNTED_DAYS: Final = frozenset({"trading", "business", "working", "calendar", "school"})
#: Words between a count and its unit that keep it a length of time ("two more weeks").
_EXTRA_WORDS: Final = frozenset({"more", "additional", "extra"})
#: Words between "the" and a reporting period: "the latest quarter", "the
#: comparable year-ago period".
_PERIOD_ADJECTIVES: Final = frozenset(
    {"latest", "current", "same", "comparable", "corresponding", "fiscal", "full", "recent"}
)


def _quantity_text(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


# The same few durations ("P1Y", "PXD") recur in every text, and building one costs
# more than the rule that finds it. Bounded: the counts come from the text. Equal
# quantities (2 and 2.0) give equal values, so sharing their entry is safe.
@lru_cache(maxsize=1024)
def duration_value(quantity: float | None, unit: str) -> str:
    """TIMEX3 duration value, X for an unknown quantity: P4Y, PT2H, PXW, P2Y6M."""
    if unit in V.SCALED_UNITS:
        base, factor = V.SCALED_UNITS[unit]
        return duration_value(None if quantity is None else quantity * factor, base)
    if quantity is None:
        return _duration_text([("X", unit)])
    whole = int(quantity)
    parts = [(str(whole), unit)] if whole else []
    rest = quantity - whole
    if rest:
        smaller, per = V.SMALLER_UNITS.get(unit, (unit, 1))
        count = rest * per
        if per == 1 or count != int(count):
            # No whole number of a smaller unit: keep the decimal ("P1.3W").
            return _duration_text([(_quantity_text(quantity), unit)])
        parts.append((str(int(count)), smaller))
    return _duration_text(parts)


def _duration_text(parts: list[tuple[str, str]]) -> str:
    codes = [(amount, V.DURATION_UNITS[unit]) for amount, unit in parts]
    date_part = "".join(amount + code for amount, code in codes if not code.startswith("T"))
    time_part = "".join(amount + code[1:] for amount, code in codes if code.startswith("T"))
    return f"P{date_part}T{time_part}" if time_part else f"P{date_part}"


class _Scanner:
    def __init__(self, tokens: list[Token], cues: list[int]) -> None:
        self.t = tokens
        self.n = len(tokens)
        #: Indices of the tokens that hold a cue, in order.
        self.cues = cues

    # -- token helpers -----------------------------------------------------

    def low(self, i: int) -> str:
        return self.t[i].lower if 0 <= i < self.n else ""

    def is_(self, i: int, *words: str) -> bool:
        return 0 <= i < self.n and self.t[i].lower in words

    def in_(self, i: int, words: Container[str]) -> bool:
        return 0 <= i < self.n and self.t[i].kind == "word" and self.t[i].lower in words

    def dot(self, i: int) -> int:
        """Index after an abbreviation's full stop at ``i``, if there is one."""
        if i < self.n and self.t[i].text == "." and self.t[i].joined:
            return i + 1
        return i

    def hyphen(self, i: int) -> bool:
        """A hyphen at ``i`` that joins the tokens on both sides ("mid-2025")."""
        return (
            i + 1 < self.n and self.t[i].text in "-–" and self.t[i].joined and self.t[i + 1].joined
        )

    def after_context_word(self, i: int, words: frozenset[str]) -> bool:
        j = i - 1
        return j >= 0 and self.t[j].kind == "word" and self.t[j].lower in words

    def after_name(self, i: int) -> bool:
        """Previous token is a capitalised word that is not a date word: "Black Friday"."""
        j = i - 1
        if j < 0 or self.t[j].kind != "word" or not self.t[j].is_title:
            return False
        lower = self.t[j].lower
        return not (lower in _SENTENCE_START_WORDS or lower in V.MONTHS or lower in V.WEEKDAYS)

    def _rate_before(self, i: int) -> bool:
        prev = i - 1
        if prev < 0:
            return False
        tok = self.t[prev]
        if tok.kind == "number" or tok.lower in _AMOUNT_WORDS:
            return True
        return (
            tok.kind == "word"
            and len(tok.lower) > 3
            and tok.lower.endswith("s")
            and not tok.lower.endswith("ss")
        )

    def _past_verb(self, i: int) -> bool:
        if not self.in_(i, V.PAST_MARKERS) and not (
            i < self.n
            and self.t[i].kind == "word"
            and len(self.t[i].lower) > 4
            and self.t[i].lower.endswith("ed")
            and self.t[i].lower not in V.NOT_PAST_ED
        ):
            return False
        return not self.t[i].is_title

    # -- atoms -------------------------------------------------------------

    def month(self, i: int) -> tuple[int, int, bool] | None:
        """(end, month, is_abbreviation) for a capitalised month name at ``i``."""
        if i >= self.n or self.t[i].kind != "word" or not self.t[i].is_title:
            return None
        lower = self.t[i].lower
        if lower in V.MONTHS:
            return i + 1, V.MONTHS[lower], False
        if lower in V.MONTH_ABBREVIATIONS:
            return self.dot(i + 1), V.MONTH_ABBREVIATIONS[lower], True
        return None

    def weekday(self, i: int, abbreviations: bool) -> tuple[int, int] | None:
        if i >= self.n or self.t[i].kind != "word" or not self.t[i].is_title:
            return None
        lower = self.t[i].lower
        if lower in V.WEEKDAYS:
            return i + 1, V.WEEKDAYS[lower]
        if abbreviations and lower in V.WEEKDAY_ABBREVIATIONS:
            return self.dot(i + 1), V.WEEKDAY_ABBREVIATIONS[lower]
        return None

    def day(self, i: int) -> tuple[int, int] | None:
        if i >= self.n:
            return None
        tok = self.t[i]
        if tok.kind in ("number", "ordinal") and len(tok.text.rstrip("stndrh")) <= 2:
            value = tok.value
            if value is not None and 1 <= value <= 31:
                # "December 11-12": the first day names the start; a time or
                # decimal right after means this is not a day at all.
                return i + 1, value
        return None

    def spoken_day(self, i: int) -> tuple[int, int] | None:
        """A day of the month in words: "eighth", "twenty-first"."""
        if i >= self.n or self.t[i].kind != "word":
            return None
        low = self.t[i].lower
        if low in _DAY_TENS and self.hyphen(i + 1) and i + 2 < self.n:
            unit = V.ORDINALS.get(self.t[i + 2].lower, 0)
            day = _DAY_TENS[low] + unit
            return (i + 3, day) if 1 <= unit <= 9 and day <= 31 else None
        value = V.ORDINALS.get(low, 0)
        return (i + 1, value) if value >= 1 else None

    def year(self, i: int, low: int = 1000, high: int = 2999) -> tuple[int, int] | None:
        if i >= self.n:
            return None
        tok = self.t[i]
        value = tok.value
        if tok.kind != "number" or len(tok.text) != 4 or value is None or not low <= value <= high:
            return None
        return i + 1, value

    def quantity(self, i: int) -> tuple[int, float | None] | None:
        """A count before a unit: "four", "4", "2.5", "twenty-five", "a few", "several"."""
        if i >= self.n:
            return None
        tok = self.t[i]
        if tok.kind == "number":
            text = tok.text.replace(",", "")
            try:
                value = float(text)
            except ValueError:
                return None
            return self._fraction(i + 1, value)
        if tok.kind != "word":
            return None
        lower = tok.lower
        if lower == "half" and self.is_(i + 1, "a", "an"):
            # "half an hour", "half a century".
            return i + 2, 0.5
        if lower in ("a", "an") and self.is_(i + 1, "hundred", "thousand", "dozen"):
            return i + 2, float(_MULTIPLES[self.low(i + 1)])
        if lower == "couple" and self.is_(i + 1, "of") and self.is_(i - 1, *_SPAN_EDGES):
            # "the next couple of years" has no article before "couple".
            return i + 2, 2.0
        if lower in ("a", "an") and self.is_(i + 1, "few", "couple"):
            j = i + 2
            if self.is_(j, "of"):
                j += 1
            return j, (2.0 if self.low(i + 1) == "couple" else None)
        if lower in V.VAGUE_QUANTITIES:
            return i + 1, None
        if lower in V.NUMBER_WORDS:
            value = float(V.NUMBER_WORDS[lower])
            if (
                V.NUMBER_WORDS[lower] in _COMPOUND_TENS
                and self.hyphen(i + 1)
                and self.low(i + 2) in V.NUMBER_WORDS
                and V.NUMBER_WORDS[self.low(i + 2)] < 10
            ):
                return i + 3, value + V.NUMBER_WORDS[self.low(i + 2)]
            if (
                V.NUMBER_WORDS[lower] in _COMPOUND_TENS
                and self.in_(i + 1, _DIGIT_WORDS)
                and self.in_(i + 2, V.UNITS)
            ):
                # "twenty four hours", written without the hyphen.
                return i + 2, value + V.NUMBER_WORDS[self.low(i + 1)]
            if lower == "a" and self.is_(i + 1, "half"):
                return None
            if lower in ("a", "an"):
                return i + 1, value
            if value < 100 and self.is_(i + 1, "hundred", "thousand"):
                # "two thousand years", "three hundred days".
                return self._fraction(i + 2, value * _MULTIPLES[self.low(i + 1)])
            return self._fraction(i + 1, value)
        return None

    def _fraction(self, j: int, whole: float) -> tuple[int, float]:
        """The count ending at ``j`` with a trailing "1/2" or "and a half" added:
        "2 1/2 years", "two and a half hours"."""
        if self.is_(j, "and") and self.is_(j + 1, "a") and self.is_(j + 2, "half"):
            return j + 3, whole + 0.5
        if (
            j + 2 < self.n
            and self.t[j].kind == "number"
            and self.is_(j + 1, "/")
            and self.t[j + 2].kind == "number"
            and self.t[j].start > self.t[j - 1].end
        ):
            numerator, denominator = self.t[j].value, self.t[j + 2].value
            if numerator is not None and denominator and 0 < numerator < denominator <= 4:
                return j + 3, whole + numerator / denominator
        return j, whole

    def _count_range(self, k: int, amount: float | None) -> int:
        """Where the count ending at ``k`` ends once a larger count joined to it is taken
        in: "two to three weeks", "12 or 18 months" are one span (valued at its shortest
        length), the unit after both counts."""
        if amount is None or not self.is_(k, "to", "or"):
            return k
        upper = self.quantity(k + 1)
        if (
            upper is None
            or upper[1] is None
            or upper[1] <= amount
            or self.low(k + 1) in ("a", "an")
            or self.unit(upper[0]) is None
        ):
            return k
        return upper[0]

    def _joined_plural(self, end: int) -> int:
        """Where a vague plural span ending at ``end`` ends once another one joined to it
        is taken in: "weeks or months", "recent weeks and months" are one span."""
        if self.is_(end, "or", "and"):
            un = self.unit(end + 1)
            if un is not None and un[2]:
                return un[0]
        return end

    def _unit_abbreviation(self, i: int, count: int) -> tuple[int, str, bool] | None:
        """(end, unit, plural) for "hrs", "min", "yrs" right after a count in digits
        ("2 hrs", "90 mins", "1hr"); alone, or after a count in words, they are not read."""
        if (
            count >= self.n
            or self.t[count].kind != "number"
            or not self.in_(i, V.UNIT_ABBREVIATIONS)
        ):
            return None
        if self.t[count].joined and (
            self.t[count - 1].kind == "word" or self.t[count - 1].text in "#@"
        ):
            # "#HWW1HR", "#10yrs": a name or a tag, not a length of time.
            return None
        # A full stop after one more often ends the sentence than the abbreviation.
        return i + 1, V.UNIT_ABBREVIATIONS[self.low(i)], self.low(i).endswith("s")

    def unit(self, i: int) -> tuple[int, str, bool] | None:
        """(end, unit, plural)."""
        if not self.in_(i, V.UNITS):
            return None
        lower = self.t[i].lower
        return i + 1, V.UNITS[lower], lower != V.UNITS[lower]

    # -- rules -------------------------------------------------------------

    def r_iso(self, i: int) -> Hit | None:
        tok = self.t[i]
        if tok.kind != "iso":
            return None
        y, m, d = (int(p) for p in tok.text.split("-"))
        if _valid(y, m, d):
            return i + 1, Expr("calendar", year=y, month=m, day=d)
        return None

    def r_day_of_month(self, i: int) -> Hit | None:
        """ "on the 25th": a day of the month the text is in, with no month named."""
        if not (self.is_(i, "the") and self.after_context_word(i, _ON_WORDS)):
            return None
        j = i + 1
        if j >= self.n or self.t[j].kind != "ordinal":
            return None
        dy = self.day(j)
        if dy is None:
            return None
        nxt = dy[0]
        if nxt < self.n and self.t[nxt].kind == "word" and not self.in_(nxt, _AFTER_DAY_OF_MONTH):
            # "on the 25th anniversary", "on the 3rd floor": the ordinal counts something else.
            return None
        return nxt, Expr("calendar", day=dy[1])

    def r_date(self, i: int) -> Hit | None:
        """Month-day-year in either order, an optional leading weekday, or month-year."""
        weekday: int | None = None
        j = i
        wd = self.weekday(i, abbreviations=True)
        if wd is not None:
            j, weekday = wd
            if self.is_(j, ","):
                j += 1
        # A month-day starts with a month name, the other two with a number (or "the"),
        # so only those two can both match; of equally long ones the first wins.
        best = self._month_day(j)
        if best is None:
            best = self._day_month(j)
            slash = self._slash_date(j) or self._dotted_date(j)
            if slash is not None and (best is None or slash[0] > best[0]):
                best = slash
        if best is None:
            if weekday is None:
                return self._month_year(i)
            return None
        end, expr = best
        if weekday is not None:
            expr = replace(expr, weekday=weekday)
        return end, expr

    def _with_year(self, j: int) -> tuple[int, int | None]:
        k = j + 1 if self.is_(j, ",") else j
        yr = self.year(k)
        if yr is not None:
            return yr
        return j, None

    def _month_day(self, i: int) -> Hit | None:
        mo = self.month(i)
        if mo is None:
            return None
        j, month, abbreviated = mo
        dy = self.day(j)
        if dy is None and not abbreviated:
            dy = self.spoken_day(j)
        if dy is None:
            return None
        j, day = dy
        if (
            self.t[j - 1].kind == "number"
            and j < self.n
            and self.t[j].joined
            and self.t[j].text in ".,:"
            and j + 1 < self.n
            and self.t[j + 1].joined
            and self.t[j + 1].kind == "number"
        ):
            return None
        end, year = self._with_year(j)
        if not _valid(year or 2024, month, day):
            return None
        return end, Expr("calendar", year=year, month=month, day=day)

    def _day_month(self, i: int) -> Hit | None:
        j = i
        the = self.is_(j, "the")
        if the:
            j += 1
        dy = self.day(j)
        if dy is None and the:
            # "the eighth of March": a day in words needs "of" and the month after it.
            dy = self.spoken_day(j)
            if dy is None or not self.is_(dy[0], "of"):
                return None
        elif dy is None or (the and self.t[j].kind != "ordinal"):
            return None
        j, day = dy
        if self.is_(j, "of"):
            j += 1
        mo = self.month(j)
        if mo is None:
            return None
        j, month, _ = mo
        end, year = self._with_year(j)
        if not _valid(year or 2024, month, day):
            return None
        return end, Expr("calendar", year=year, month=month, day=day)

    def _slash_date(self, i: int) -> Hit | None:
        """ "03/22/2013", "3/22/13": month first as in American news, unless the first
        number cannot be a month ("22/03/2013"). Three parts, or "3/4" would be a date."""
        if i + 4 >= self.n or self.t[i + 1].text != "/" or self.t[i + 3].text != "/":
            return None
        parts = self.t[i : i + 5]
        if any(not tok.joined for tok in parts[1:]) or any(
            tok.kind != "number" or not tok.text.isdigit() for tok in parts[::2]
        ):
            return None
        first, second, year_text = int(parts[0].text), int(parts[2].text), parts[4].text
        if len(parts[0].text) > 2 or len(parts[2].text) > 2 or len(year_text) not in (2, 4):
            return None
        month, day = (second, first) if first > 12 else (first, second)
        year = int(year_text)
        if len(year_text) == 2:
            # Two-digit years: "3/22/13" is 2013, "10/26/89" 1989.
            year += 2000 if year < 50 else 1900
        if not _valid(year, month, day):
            return None
        return i + 5, Expr("calendar", year=year, month=month, day=day)

    def _dotted_date(self, i: int) -> Hit | None:
        """ "12.03.2025": day first, as everywhere dots separate a date's parts; the year in
        full, or "1.5" and "2.5.1" (versions, sections) would read as dates."""
        if i + 2 >= self.n or self.t[i].kind != "number":
            return None
        found = _DAY_DOT_MONTH.fullmatch(self.t[i].text)
        dot, year = self.t[i + 1], self.t[i + 2]
        if found is None or dot.text != "." or not (dot.joined and year.joined):
            return None
        if year.kind != "number" or not year.text.isdigit() or len(year.text) != 4:
            return None
        day, month = int(found["day"]), int(found["month"])
        if not _valid(int(year.text), month, day):
            return None
        return i + 3, Expr("calendar", year=int(year.text), month=month, day=day)

    def _month_year(self, i: int) -> Hit | None:
        mo = self.month(i)
        if mo is None:
            return None
        j, month, abbreviated = mo
        k = j + 1 if self.is_(j, ",", "of") else j
        yr = self.year(k) or self._read_out_year(k)
        if yr is not None:
            return yr[0], Expr("calendar", year=yr[1], month=month)
        if abbreviated:
            return None
        partner = self._range_partner(j, self._month_year)
        if partner is None and not self.bare_month_ok(i):
            return None
        if partner is not None and partner.year is not None and partner.month is not None:
            # "May-August 1950", "from May to August 1950": the first month takes the
            # year named after the second, the year before if it comes later in the year.
            year = partner.year - (month > partner.month)
            return j, Expr("calendar", year=year, month=month)
        if self.in_(j, _YEAR_SHIFTS) and self.is_(j + 1, "year"):
            # "January this year", "June last year".
            return j + 2, Expr("calendar", month=month, year_offset=_YEAR_SHIFTS[self.low(j)])
        return j, Expr("calendar", month=month)

    def _range_partner(self, j: int, rule: Callable[[int], Hit | None]) -> Expr | None:
        """What ``rule`` finds right after a range word or "and"/"or" at ``j``: the other
        end of "May-August 1950", "summer and autumn 1918"."""
        if not (self._range_link(j) or self.is_(j, "or")):
            return None
        hit = rule(j + 1) if j + 1 < self.n else None
        return None if hit is None or hit[1].kind != "calendar" else hit[1]

    def r_shift_month(self, i: int) -> Hit | None:
        """ "last May", "this September", "next March": the nearest such month that way."""
        if not self.in_(i, _MONTH_SHIFTS):
            return None
        mo = self.month(i + 1)
        if mo is None or mo[2]:
            return None
        if self.day(mo[0]) is not None or self.year(mo[0]) is not None:
            return None
        return mo[0], Expr("calendar", month=mo[1], shift=_MONTH_SHIFTS[self.low(i)])

    def bare_month_ok(self, i: int) -> bool:
        if self.after_context_word(i, V.MONTH_CONTEXT_WORDS):
            return True
        if self.t[i].lower in V.AMBIGUOUS_MONTHS:
            # "in April and May": a month listed after another is one too.
            return self.is_(i - 1, "and", "or", ",") and self.month(i - 2) is not None
        if self.after_name(i):
            return False
        nxt = i + 1
        # "April Ryan", "June Carter": a month name followed by a capitalised
        # word is more likely a person.
        return not (
            nxt < self.n
            and self.t[nxt].kind == "word"
            and self.t[nxt].is_title
            and self.t[nxt].lower not in V.MONTHS
            and self.t[nxt].lower not in V.WEEKDAYS
        )

    def r_year(self, i: int) -> Hit | None:
        if self.is_(i, "the") and self.is_(i + 1, "year"):
            # "the year 2000", "the year two thousand": the phrase names the year.
            yr = self.year(i + 2, 1000, 2999) or self._spoken_year(i + 2)
            return None if yr is None else (yr[0], Expr("calendar", year=yr[1]))
        if self.is_(i, "fiscal"):
            # "fiscal 1989": the fiscal year keeps its word.
            yr = self.year(i + 1, 1900, 2100)
            return None if yr is None else (yr[0], Expr("calendar", year=yr[1]))
        if self.is_(i, "nineteen"):
            spoken = self._spoken_year(i)
            return None if spoken is None else (spoken[0], Expr("calendar", year=spoken[1]))
        if self.in_(i, _YEAR_PREFIXES) and self.hyphen(i + 1):
            # "post-1959 politics", "pre-2008 levels": the year the prefix points from.
            yr = self.year(i + 2, 1800, 2100)
            return None if yr is None else (yr[0], Expr("calendar", year=yr[1]))
        yr = self.year(i, 1800, 2100)
        if yr is None:
            return self._early_year(i)
        prev = i - 1
        context = (
            self.after_context_word(i, V.YEAR_CONTEXT_WORDS)
            or (prev >= 0 and self.t[prev].text == "(" and self.is_(i + 1, ")"))
            or self._modifying_year(i, yr[0])
            or self._in_year_range(i)
            # "2012 was a record year": a count would take a plural verb.
            or (self.in_(yr[0], _YEAR_SUBJECT_VERBS) and 1900 <= yr[1] <= 2100)
            # "1965's Man of the Year": a count takes no possessive.
            or (self.is_(yr[0], "'", "’") and self.is_(yr[0] + 1, "s") and self.t[yr[0]].joined)
            or self._free_standing_year(i, yr[0])
        )
        if not context:
            return None
        end = yr[0]
        if (self.is_(end, "or") and self.is_(end + 1, "later", "earlier")) or (
            self.is_(end, "and") and self.is_(end + 1, "beyond")
        ):
            # "1994 or later", "1990 and beyond": the open end stays in the expression.
            mod = "ON_OR_BEFORE" if self.is_(end + 1, "earlier") else "ON_OR_AFTER"
            return end + 2, Expr("calendar", year=yr[1], mod=mod)
        return end, Expr("calendar", year=yr[1])

    def _free_standing_year(self, i: int, end: int) -> bool:
        """A four-digit number from 1800 to 2100 is a year in prose unless what stands
        around it makes it an amount, a count, a clock time or a label: "$2000", "2000
        troops", "1800 GMT", "resolution 1973", "a 2000-strong force", "12 1990"."""
        prev = i - 1
        if self.is_(prev, ",") and prev > 0 and self.day(prev - 1) is not None:
            prev -= 1  # "March 3-6, 2025": the year of a date already read
        if prev >= 0 and (
            self.t[prev].kind == "number"
            or self.t[prev].text in _AMOUNT_SIGNS
            or self.t[prev].lower in _NUMBER_LABELS
        ):
            return False
        if self._counted_noun(end) or self.in_(end, V.UNITS) or self.in_(end, _AFTER_A_COUNT):
            return False
        if end < self.n and self.t[end].text in _AMOUNT_SIGNS:
            return False
        # A span of years is read by ``_in_year_range``; any other dash makes a compound
        # ("2000-strong") or a range of counts ("2000-3000 troops").
        return not self.hyphen(end)

    def _early_year(self, i: int) -> Hit | None:
        """ "in 1776", "since 1492": a year before 1800 only after a preposition that
        takes a year, and not followed by what it would count ("in 1500 cases"); news
        writes such counts with a comma ("1,500")."""
        yr = self.year(i, 1000, 1799)
        if yr is None:
            return None
        if not self.after_context_word(i, _EARLY_YEAR_CONTEXT):
            return None
        end = yr[0]
        if self._counted_noun(end) or self.in_(end, V.UNITS):
            return None
        return end, Expr("calendar", year=yr[1])

    def _in_year_range(self, i: int) -> bool:
        """Whether the four-digit number at ``i`` is one end of a span of years written
        with a dash, "1861-1863" or "2007–2008" (TimeML tags each end): the other end is
        a later year, within a century, and no plural noun follows ("2000-3000 troops")."""
        if self.hyphen(i + 1):
            first, second = i, i + 2
        elif i >= 2 and self.hyphen(i - 1):
            first, second = i - 2, i
        else:
            return False
        start, end = self.year(first, 1800, 2100), self.year(second, 1800, 2100)
        if start is None or end is None or not 0 < end[1] - start[1] < 100:
            return False
        return not self._counted_noun(end[0])

    def _counted_noun(self, i: int) -> bool:
        """Whether a lower-case plural noun or an amount word at ``i`` makes the number
        before it a count: "3000 troops", "1500 million"; not "was", "has", "status"."""
        if i >= self.n or self.t[i].kind != "word" or self.t[i].is_title:
            return False
        low = self.t[i].lower
        if low in _AMOUNT_WORDS or low == "people":
            return True
        return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))

    def _modifying_year(self, i: int, end: int) -> bool:
        """ "the 1987 crash", "its 1990 invasion", "the 2000 Olympics": a year before a noun
        after a determiner; "the 2000 soldiers" (a plural count) is not one, but a year that
        no one would count to ("the 1992 protests") still is."""
        prev = i - 1
        if (
            prev > 0
            and self.t[prev].kind == "word"
            and not self.t[prev].is_title
            and not self.in_(prev, _DETERMINERS)
            and self.in_(prev - 1, _DETERMINERS)
        ):
            # "his unsuccessful 1996 campaign": an adjective between determiner and year.
            prev -= 1
        if not (
            self.in_(prev, _DETERMINERS) or (self.is_(prev, "s") and self.is_(prev - 1, "'", "’"))
        ):
            return False
        if end >= self.n or self.t[end].kind not in ("word", "initials"):
            # "the 1960 U.S. election": initials are a name too.
            return False
        nxt = self.t[end]
        if nxt.is_title or not nxt.lower.endswith("s"):
            return True
        value = self.t[i].value or 0
        return 1900 <= value <= 2100 and value % 100 != 0

    def _read_out_year(self, i: int) -> tuple[int, int] | None:
        """A year read out after a month or season ("January nineteen ninety-seven"); only
        the "nineteen ..." form, as "May two thousand" more often counts something."""
        return self._spoken_year(i) if self.is_(i, "nineteen") else None

    def _spoken_year(self, i: int) -> tuple[int, int] | None:
        """ "nineteen ninety-six", "two thousand (and) one" as read out in broadcast
        transcripts: (end, year)."""
        if self.is_(i, "two") and self.is_(i + 1, "thousand"):
            j = i + 2 + (1 if self.is_(i + 2, "and") else 0)
            qty = self.quantity(j) if self.in_(j, V.NUMBER_WORDS) else None
            if qty is not None and qty[1] is not None and 1 <= qty[1] < 100:
                return qty[0], 2000 + int(qty[1])
            return i + 2, 2000
        if not self.is_(i, "nineteen"):
            return None
        qty = self.quantity(i + 1)
        if qty is None or qty[1] is None or not 10 <= qty[1] <= 99 or self.t[i + 1].kind != "word":
            return None
        return qty[0], 1900 + int(qty[1])

    def r_decade(self, i: int) -> Hit | None:
        j = i + 1 if self.is_(i, "the") else i
        if j > i and self.in_(j, V.DECADE_WORDS):
            # "the nineties": spelled out, a decade of the 1900s.
            return j + 1, Expr("calendar", decade=190 + V.DECADE_WORDS[self.low(j)])
        if j >= self.n or self.t[j].kind != "decade":
            return None
        digits = self.t[j].text.strip("'’s")
        if len(digits) == 4:
            decade = int(digits[:3])
        else:
            tens = int(digits[0])
            decade = (190 if tens >= 3 else 200) + tens
        return j + 1, Expr("calendar", decade=decade)

    def r_century(self, i: int) -> Hit | None:
        """ "the 20th century", "an 11th-century temple", "the nineteenth century"."""
        j = i + 1 if self.is_(i, "the") else i
        tok = self.t[j] if j < self.n else None
        if tok is None:
            return None
        number: int | None = None
        if tok.kind == "ordinal":
            number = tok.value
        elif tok.lower in V.ORDINALS and V.ORDINALS[tok.lower] > 0:
            number = V.ORDINALS[tok.lower]
        k = j + 2 if self.hyphen(j + 1) else j + 1
        if number is None or not 1 <= number <= 30 or not self.is_(k, "century"):
            return None
        return k + 1, Expr("calendar", century=number - 1)

    def r_week_of_month(self, i: int) -> Hit | None:
        """ "the first week of March", "the last week of February 2025": the ISO week that
        holds most of those seven days."""
        if not (self.is_(i, "the") and self.in_(i + 1, V.ORDINALS) and self.is_(i + 2, "week")):
            return None
        ordinal = V.ORDINALS[self.low(i + 1)]
        if not (self.is_(i + 3, "of") and (1 <= ordinal <= 4 or ordinal == -1)):
            return None
        month = self.r_date(i + 4)
        if month is None or month[1].month is None or month[1].day is not None:
            return None
        if ordinal == -1:
            # Three days before the month's end; February's taken from a common year.
            day = 25 if month[1].month == 2 else 27 + (month[1].month in _LONG_MONTHS)
        else:
            day = 7 * ordinal - 3
        return month[0], replace(month[1], day=day, unit="week")

    def r_nth_day(self, i: int) -> Hit | None:
        """ "the second day of the offensive": a day counted from the start of something,
        which TimeBank dates as the day in focus. "his first day in office" is left alone:
        it seldom falls on the day in focus, and no other date can be told for it."""
        if not self.is_(i, "the"):
            return None
        j = i + 1
        number = V.ORDINALS.get(self.low(j), 0) if self.t[j].kind == "word" else 0
        if not 1 <= number <= 20 or not self.is_(j + 1, "day") or self.hyphen(j + 2):
            # "their third day-long meeting" counts meetings.
            return None
        return j + 2, Expr("relative", unit="day", offset=0, anaphoric=True)

    def r_quarter(self, i: int) -> Hit | None:
        """ "the third quarter (of 2024)", "Q3 2024", "the first half of 2025", "third-quarter"."""
        j = i
        if self.t[j].text == "Q" and j + 1 < self.n and self.t[j + 1].joined:
            num = self.t[j + 1].value
            if num is None or not 1 <= num <= 4:
                return None
            j += 2
            yr = self.year(j)
            return (
                (yr[0], Expr("calendar", year=yr[1], part=f"Q{num}"))
                if yr
                else (j, Expr("calendar", part=f"Q{num}"))
            )
        the = self.is_(j, "the")
        year: int | None = None
        year_shift: int | None = None
        if self.in_(j, _YEAR_SHIFTS) and self.is_(j + 1, "year") and self.is_(j + 2, "'", "’"):
            # "this year's third quarter"
            if not self.is_(j + 3, "s"):
                return None
            year_shift = _YEAR_SHIFTS[self.low(j)]
            the = True
            j += 4
        elif the:
            j += 1
            yr = self.year(j, 1900, 2100)
            if yr is not None:
                j, year = yr
        if self.is_(j, "fiscal"):
            j += 2 if self.hyphen(j + 1) else 1
        if not self.in_(j, V.ORDINALS):
            return None
        ordinal = V.ORDINALS[self.low(j)]
        k = j + 1
        if self.hyphen(k):
            if the and year is None and year_shift is None and not self.is_(i + 1, "fiscal"):
                # "the third-quarter loss": the period is "third-quarter" alone.
                return None
            k += 1
        elif not the and not self.is_(i, "fiscal") and not self.is_(k, "quarter"):
            return None
        if self.is_(k, "quarter") and -1 <= ordinal <= 4 and ordinal != 0:
            part = f"Q{4 if ordinal == -1 else ordinal}"
        elif self.is_(k, "half") and -1 <= ordinal <= 2 and ordinal != 0:
            part = f"H{2 if ordinal == -1 else ordinal}"
        else:
            return None
        k += 1
        if part.startswith("H") and year is None and year_shift is None and self.is_(k, "of"):
            # "the second half of March": the later part of that month.
            month = self.r_date(k + 1)
            if month is not None and month[1].month is not None and month[1].day is None:
                return month[0], replace(month[1], mod="START" if part == "H1" else "END")
        if year is not None:
            return k, Expr("calendar", year=year, part=part)
        if year_shift is not None:
            return k, Expr("calendar", part=part, year_offset=year_shift)
        if self.is_(k, "of"):
            yr = self.year(k + 1)
            if yr is not None:
                return yr[0], Expr("calendar", year=yr[1], part=part)
            rel = self.r_shift(k + 1, the_period=True)
            if rel is not None and rel[1].unit == "year" and not rel[1].anaphoric:
                return rel[0], Expr("calendar", part=part, shift=rel[1].offset)
        return k, Expr("calendar", part=part)

    def r_period(self, i: int) -> Hit | None:
        """Reporting periods in business news: "the quarter", "the latest period",
        "the year-ago quarter", "the 1988 period", "the year ended March 31"."""
        if not self.is_(i, "the"):
            return None
        j = i + 1
        compare = False
        year: int | None = None
        adjectives = 0
        while j < self.n:
            if self.in_(j, _PERIOD_ADJECTIVES):
                j += 1
            elif self.is_(j, "most") and self.is_(j + 1, "recent"):
                j += 2
            elif self.is_(j, "year") and self.hyphen(j + 1) and self.is_(j + 2, "earlier", "ago"):
                compare = True
                j += 3
            elif year is None and self.year(j, 1900, 2100) is not None:
                j, year = self.year(j, 1900, 2100) or (j, None)
            else:
                break
            adjectives += 1
        head = self.low(j)
        end = j + 1
        if (adjectives or compare) and self.in_(j, V.ORDINALS) and self.is_(j + 1, "quarter"):
            number = V.ORDINALS[head]
            if 1 <= number <= 4:
                return j + 2, Expr("focus", year=year, part=f"Q{number}", compare=compare)
        if head == "year" and not compare and year is None:
            if self.is_(end, "ended", "ending", "to"):
                return end, Expr("literal", timex_type="DURATION", value="P1Y")
            if self.in_(end, V.NUMBER_WORDS) or self.hyphen(end) or self.is_(end, "'", "’"):
                return None
            if adjectives == 0 and not self.is_(end, ",", ".", ";", ")", "and"):
                return None
            if self.is_(j - 1, "latest"):
                return end, Expr("relative", unit="year", offset=-1)
            return end, Expr("relative", unit="year", offset=0, anaphoric=adjectives == 0)
        if head == "quarter" or (head == "period" and (adjectives or compare)):
            if head == "quarter" and adjectives == 0 and self.is_(end, "of", "'", "’"):
                return None
            if head == "quarter" and adjectives == 1 and self.is_(j - 1, "current"):
                # "the current quarter" is the one under way, not the one reported on.
                return end, Expr("relative", unit="quarter", offset=0)
            if (
                self.is_(end, "a", "one")
                and self.is_(end + 1, "year")
                and self.is_(end + 2, "ago", "earlier")
            ):
                # "the quarter a year ago"
                end, compare = end + 3, True
            elif self.is_(end, "last") and self.is_(end + 1, "year"):
                end, compare = end + 2, True
            return end, Expr("focus", year=year, compare=compare)
        return None

    def r_compare(self, i: int) -> Hit | None:
        """ "year-earlier", "year-ago" used as an adjective: the same period a year before;
        and "year-end", "year end", "year's end", "month's end", "month-end"."""
        if self.is_(i, "year") and self.hyphen(i + 1) and self.is_(i + 2, "earlier", "ago"):
            return i + 3, Expr("relative", unit="year", offset=-1, compare=True)
        if self.is_(i, "year", "month"):
            j = i + 1
            if self.hyphen(j) or (self.is_(j, "'", "’") and self.is_(j + 1, "s")):
                j += 1 if self.hyphen(j) else 2
            # "month's end" and "month-end" like the year's; "month end" alone is too
            # often two nouns ("a month end report").
            joined = j > i + 1 or self.low(i) == "year"
            if joined and self.is_(j, "end") and not self.is_(i - 1, "the", "a", "each", "every"):
                return j + 1, Expr("relative", unit=self.low(i), offset=0, mod="END")
        return None

    def r_season(self, i: int) -> Hit | None:
        j = i
        shift: int | None = None
        determiner = False
        if self.is_(j, "this") and self.is_(j + 1, "past"):
            j += 1  # "this past spring": the one just gone
        if self.in_(j, V.SHIFT_WORDS) and self.low(j) in ("last", "this", "next", "past", "coming"):
            shift = V.SHIFT_WORDS[self.low(j)]
            j += 1
        elif self.is_(j, "the"):
            determiner = True
            j += 1
        elif self.is_(j, "that"):
            j += 1
            if self.is_(j, "same"):
                determiner = True  # "that same spring": never "prices that fall"
                j += 1
        if not self.in_(j, V.SEASONS):
            return None
        season = V.SEASONS[self.low(j)]
        j += 1
        k = j + 1 if self.is_(j, "of") else j
        yr = self.year(k) or self._read_out_year(k)
        if yr is not None:
            return yr[0], Expr("calendar", year=yr[1], part=season)
        bare = shift is None and not determiner
        if bare:
            partner = self._range_partner(j, self.r_season)
            if partner is not None and partner.year is not None and partner.part is not None:
                # "summer and autumn 1918": the first season takes the year named after both.
                return j, Expr("calendar", year=partner.year, part=season)
        # "late spring" is the season, "a late fall in prices" a drop.
        part_of = self.after_context_word(i, frozenset(V.PART_MODIFIERS)) and not self.is_(
            j, "in", "of"
        )
        if bare and not part_of and not self._season_stands_alone(i, j):
            return None
        return j, Expr("calendar", part=season, shift=shift)

    def _season_stands_alone(self, i: int, after: int) -> bool:
        """Whether a season word without "the" at ``after - 1`` names the season: after
        another season ("the fall and winter"), after "in", "during", "that" and the
        like, and for "spring" and "fall", also a noun and a verb, only where a phrase
        ends after it ("in spring, ...", but "a rise in fall prices", "prices that fall")."""
        if self.is_(i - 1, "and", "or", "to", "through") and self.in_(i - 2, V.SEASONS):
            return True
        after_that = self.is_(i, "that")
        if self.low(after - 1) not in V.AMBIGUOUS_SEASONS:
            return after_that or self.after_context_word(i, V.MONTH_CONTEXT_WORDS)
        if not (after_that or self.after_context_word(i, _BEFORE_A_SEASON_ALONE)):
            return False
        return (
            after >= self.n
            or self.t[after].kind in ("punct", "newline")
            or self.t[after].lower in _AFTER_A_SEASON_ALONE
        )

    def r_holiday(self, i: int) -> Hit | None:
        """ "Christmas", "last Thanksgiving", "Eid al-Fitr 2024", "New Year's Eve"."""
        j = i
        shift: int | None = None
        if self.in_(j, _MONTH_SHIFTS):
            shift = _MONTH_SHIFTS[self.low(j)]
            j += 1
        if j >= self.n or not self.t[j].is_title or (shift is None and self.after_name(i)):
            # "Orthodox Easter" and "Lunar New Year" fall on other days.
            return None
        named = (
            (end, rule)
            for words, rule in _HOLIDAY_NAMES.get(self.low(j), ())
            if (end := self._words_at(j, words)) is not None
        )
        found = next(named, None)
        if found is None:
            return None
        end, rule = found
        if end < self.n and self.t[end].kind == "word" and self.t[end].is_title:
            # "Easter Island", "Ramadan Kadyrov".
            return None
        if self.in_(end, V.HOLIDAY_NAMED_EVENTS):
            return None
        end, year = self._with_year(end)
        return end, Expr("calendar", year=year, shift=shift, holiday=rule)

    def _words_at(self, j: int, words: tuple[str, ...]) -> int | None:
        """The end of ``words`` spelled from token ``j`` on, hyphens aside, or None."""
        for word in words:
            if self.hyphen(j):
                j += 1
            if j >= self.n or self.t[j].lower.replace("’", "'") != word:
                return None
            j += 1
        return j

    def r_weekday(self, i: int) -> Hit | None:
        j = i
        shift: int | None = None
        if self.is_(j, "the") and self.is_(j + 1, "previous", "following"):
            # "the previous Friday": the one before the date the text is about.
            wd = self.weekday(j + 2, abbreviations=False)
            if wd is None:
                return None
            offset = V.SHIFT_WORDS[self.low(j + 1)]
            return wd[0], Expr("calendar", weekday=wd[1], shift=offset, anaphoric=True)
        if self.in_(j, V.SHIFT_WORDS) and self.low(j) in ("last", "this", "next", "past", "coming"):
            shift = V.SHIFT_WORDS[self.low(j)]
            j += 1
            if shift == 0 and self.is_(j, "coming"):
                # "this coming Sunday": the next one.
                shift = 1
                j += 1
        wd = self.weekday(j, abbreviations=False)
        if wd is None:
            if self.in_(j, V.WEEKDAYS_PLURAL) and self.t[j].is_title and shift is None:
                return j + 1, Expr(
                    "literal", timex_type="SET", value=f"XXXX-WXX-{V.WEEKDAYS_PLURAL[self.low(j)]}"
                )
            return None
        end, weekday = wd
        if shift is None and self.after_name(i) and not self._past_verb(end):
            # "Black Friday" and "Friday Harbor" are names; "in Kabul Monday,", "The World
            # Court Friday rejected ..." and "the Czech Republic Friday formally joined"
            # are dates: a name ends before the weekday when a lower-case word follows.
            if self.in_(i - 1, _HOLIDAY_PREFIXES) or (
                end < self.n and self.t[end].kind == "word" and self.t[end].is_title
            ):
                return None
            if end >= self.n or self.t[end].kind not in ("punct", "newline", "word"):
                return None
        expr = Expr("calendar", weekday=weekday, shift=shift)
        if self.in_(end, _DAYPART_WORDS) and self.low(end) != "tonight":
            return end + 1, replace(expr, daypart=_DAYPART_WORDS[self.low(end)])
        return end, expr

    def _ends_phrase(self, i: int) -> bool:
        """Whether a noun phrase can end before ``i``: the text ends, or punctuation or a
        word that opens a new phrase stands there."""
        return i >= self.n or self.t[i].kind != "word" or self.t[i].lower in _PHRASE_OPENERS

    def r_deictic(self, i: int) -> Hit | None:
        lower = self.low(i)
        if self.t[i].kind != "word":
            return None
        if lower in V.DEICTIC_DAYS:
            expr = Expr("relative", unit="day", offset=V.DEICTIC_DAYS[lower])
            if self.in_(i + 1, V.PARTS_OF_DAY):
                return i + 2, replace(expr, daypart=V.PARTS_OF_DAY[self.low(i + 1)])
            return i + 1, expr
        if lower == "tonight":
            return i + 1, Expr("relative", unit="day", offset=0, daypart="NI")
        if lower == "overnight":
            # "Rockets struck overnight": the night before; "an overnight stay" and
            # "by overnight selling" describe a thing, not a time.
            if self.in_(i - 1, _BEFORE_ADJECTIVE) or not self._ends_phrase(i + 1):
                return None
            return i + 1, Expr("relative", unit="day", offset=-1, daypart="NI")
        if lower in _MID_PARTS_OF_DAY:
            return self._part_of_day(i + 1, _MID_PARTS_OF_DAY[lower])
        if lower == "these" and self.is_(i + 1, "days"):
            return i + 2, Expr("literal", timex_type="DATE", value="PRESENT_REF")
        if (
            lower == "coming"
            and self.in_(i + 1, V.UNITS)
            and self.low(i + 1) != V.UNITS[self.low(i + 1)]
            and not self.is_(i - 1, "the")
        ):
            # "in coming months": the time ahead, not a count of months.
            return i + 2, Expr("literal", timex_type="DATE", value="FUTURE_REF")
        if lower in ("this", "last") and self.in_(i + 1, V.PARTS_OF_DAY):
            part = V.PARTS_OF_DAY[self.low(i + 1)]
            if lower == "last" and part != "NI":
                return None
            return i + 2, Expr(
                "relative", unit="day", offset=-1 if lower == "last" else 0, daypart=part
            )
        if lower in ("earlier", "later") and self.in_(i + 1, V.DEICTIC_DAYS):
            # "Later yesterday", "earlier today"
            hit = self.r_deictic(i + 1)
            return None if hit is None else (hit[0], hit[1])
        if lower in ("earlier", "later") and self.weekday(i + 1, abbreviations=False):
            # "Earlier Sunday, police said"
            return self.r_weekday(i + 1)
        if lower == "more" and self.is_(i + 1, "recently"):
            return i + 2, Expr("literal", timex_type="DATE", value="PAST_REF")
        if lower in V.REFERENCE_WORDS:
            return i + 1, Expr("literal", timex_type="DATE", value=V.REFERENCE_WORDS[lower])
        if (
            lower == "current"
            and i + 1 < self.n
            and self.t[i + 1].kind == "word"
            and not self.in_(i + 1, V.UNITS)
            and not self.in_(i + 1, _PERIOD_ADJECTIVES)
            and not self.is_(i + 1, "period", "account", "accounts", "events", "affairs")
        ):
            # "the current weakness": the present, as an adjective.
            return i + 1, Expr("literal", timex_type="DATE", value="PRESENT_REF")
        if lower == "recent" and self.in_(i + 1, V.UNITS):
            unit = V.UNITS[self.low(i + 1)]
            if self.low(i + 1) != unit:
                return self._joined_plural(i + 2), Expr(
                    "literal", timex_type="DURATION", value=duration_value(None, unit)
                )
        if lower == "the":
            if self.in_(i + 1, _DAYPARTS_AFTER_THE) and self.is_(i - 1, "in", "during"):
                # "orders placed in the morning": that part of the day in focus.
                return self._part_of_day(i + 2, V.PARTS_OF_DAY[self.low(i + 1)])
            j = i + 1
            if self.is_(j, "near", "distant", "recent", "immediate", "not-too-distant"):
                j += 1
            if (
                self.in_(j, _REF_NOUNS)
                and not self.in_(j + 1, V.UNITS)
                and self.quantity(j + 1) is None
            ):
                return j + 1, Expr("literal", timex_type="DATE", value=_REF_NOUNS[self.low(j)])
        return None

    def _part_of_day(self, j: int, part: str) -> Hit:
        """A part of the day ending before ``j``, of the day a following deictic word
        names ("mid-afternoon yesterday") or else of the date in focus."""
        if self.in_(j, V.DEICTIC_DAYS):
            offset = V.DEICTIC_DAYS[self.low(j)]
            return j + 1, Expr("relative", unit="day", offset=offset, daypart=part)
        return j, Expr("relative", unit="day", offset=0, anaphoric=True, daypart=part)

    def r_shift(self, i: int, the_period: bool = False) -> Hit | None:
        """ "last week", "next month", "this year", "the following day", "that month",
        "the past four years", "earlier this week"."""
        j = i
        mod: str | None = None
        if (
            self.is_(j, "earlier", "later")
            and self.is_(j + 1, "this")
            and self.in_(j + 2, V.PARTS_OF_DAY)
        ):
            # "later this afternoon"
            return j + 3, Expr(
                "relative", unit="day", offset=0, daypart=V.PARTS_OF_DAY[self.low(j + 2)]
            )
        if self.is_(j, "earlier", "later") and self.is_(j + 1, "this", "in", "that"):
            mod = "START" if self.low(j) == "earlier" else "END"
            j += 1
            if self.is_(j, "in"):
                if not self.is_(j + 1, "the"):
                    return None
                j += 2
                un = self.unit(j)
                if un is None or un[2] or un[1] not in _PERIOD_UNITS:
                    return None
                return un[0], Expr("relative", unit=un[1], offset=0, mod=mod)
        the = self.is_(j, "the")
        if the:
            j += 1
        elif self.is_(j, "this") and self.is_(j + 1, "past") and self.in_(j + 2, V.UNITS):
            j += 1  # "this past weekend": the one just gone
        lower = self.low(j)
        if the and lower == "weekend":
            return j + 1, Expr("calendar", part="WE")
        if the:
            before = self._unit_before_after(j)
            if before is not None:
                return before
        if lower in ("that", "same") or (the and lower == "same"):
            if lower == "that" and the:
                return None
            if lower == "that" and self.is_(j + 1, "same"):
                j += 1  # "that same day"
            if self.in_(j + 1, V.PARTS_OF_DAY):
                # "That night, troops moved in": that part of the day in focus.
                part = V.PARTS_OF_DAY[self.low(j + 1)]
                return j + 2, Expr("relative", unit="day", offset=0, anaphoric=True, daypart=part)
            un = self.unit(j + 1)
            if un is None or un[2]:
                return None
            return un[0], Expr("relative", unit=un[1], offset=0, anaphoric=True, mod=mod)
        if the and the_period:
            un = self.unit(j)
            if un is not None and not un[2] and un[1] in _PERIOD_UNITS:
                return un[0], Expr("relative", unit=un[1], offset=0)
        elif the and lower in ("week", "month") and not self.hyphen(j + 1):
            if not self.is_(j + 1, "of"):
                # "For the week, the index fell": the week of the date in focus.
                return j + 1, Expr("relative", unit=lower, offset=0, anaphoric=True)
            hit = self.r_date(j + 2) if lower == "week" else None
            if hit is not None and hit[1].day is not None:
                # "the week of March 6": the week that day falls in.
                return hit[0], replace(hit[1], unit="week", weekday=None)
            return None
        if not self.in_(j, V.SHIFT_WORDS):
            return None
        offset = V.SHIFT_WORDS[lower]
        if the and lower in ("next", "following", "previous") and self.in_(j + 1, V.PARTS_OF_DAY):
            # "the next morning", "the previous night": that part of the day after (before)
            # the one in focus.
            part = V.PARTS_OF_DAY[self.low(j + 1)]
            return j + 2, Expr("relative", unit="day", offset=offset, anaphoric=True, daypart=part)
        j += 1
        qty = self.quantity(j)
        if qty is not None and the and self.low(j) not in ("a", "an"):
            un = self.unit(self._count_range(*qty))
            if un is not None and lower in (
                "past",
                "last",
                "next",
                "coming",
                "previous",
                "following",
                "first",
            ):
                return un[0], Expr(
                    "literal", timex_type="DURATION", value=duration_value(qty[1], un[1])
                )
            return None
        un = self.unit(j)
        if un is None:
            return None
        end, unit, plural = un
        if plural:
            if the and lower in ("past", "last", "next", "coming", "previous", "following"):
                return end, Expr("literal", timex_type="DURATION", value=duration_value(None, unit))
            return None
        if self.is_(end, "of"):
            return None
        if the:
            if lower in ("past", "last"):
                return end, Expr("literal", timex_type="DURATION", value=duration_value(1, unit))
            if lower == "coming":
                return end, Expr("relative", unit=unit, offset=1)
            if lower == "this":
                return None
            return end, Expr("relative", unit=unit, offset=offset, anaphoric=True)
        if lower in ("following", "previous"):
            return end, Expr("relative", unit=unit, offset=offset, anaphoric=True)
        if mod is not None and lower != "this":
            return None
        return end, Expr("relative", unit=unit, offset=offset, mod=mod)

    def _unit_before_after(self, j: int) -> Hit | None:
        """ "the day before," "the year after.": one unit (or night) from the date in
        focus. Only when the phrase ends there: in "the day before the vote" TimeBank
        annotates "the day" alone."""
        if self.in_(j, V.UNITS) and V.UNITS[self.low(j)] == self.low(j):
            unit, daypart = self.low(j), None
        elif self.is_(j, "night"):
            unit, daypart = "day", "NI"
        else:
            return None
        if not self.is_(j + 1, "before", "after"):
            return None
        end = j + 2
        if end < self.n and self.t[end].kind not in ("punct", "newline"):
            return None
        offset = -1 if self.low(j + 1) == "before" else 1
        return end, Expr("relative", unit=unit, offset=offset, anaphoric=True, daypart=daypart)

    def _ends_year_range(self, j: int) -> bool:
        """Whether the number at ``j`` is glued by a hyphen to a year before it ("2012-13")."""
        if j < 2 or self.t[j].kind != "number" or not self.t[j].joined:
            return False
        dash, year = self.t[j - 1], self.t[j - 2]
        return (
            dash.text in ("-", "–", "/")
            and dash.joined
            and year.kind == "number"
            and len(year.text) == 4
        )

    def r_quantity(self, i: int) -> Hit | None:
        """Durations and offsets built on a count: "four years", "two years ago",
        "three days later", "a two-year", "16-hour", "more than a decade"."""
        j = i
        mod: str | None = None
        for words, code in _MODIFIERS_BY_FIRST.get(self.low(j), ()):
            if all(self.is_(j + k, w) for k, w in enumerate(words)):
                nxt = j + len(words)
                if nxt < self.n and (
                    self.t[nxt].kind == "number" or self.low(nxt) in V.NUMBER_WORDS
                ):
                    mod = code
                    j = nxt
                break
        first_duration = False
        if self.is_(j, "the"):
            following = self.low(j + 1)
            if following in ("first", "last", "latest"):
                first_duration = True
                j += 2
            elif following == "year" and self.hyphen(j + 2) and self.is_(j + 3, "earlier", "ago"):
                # "the year-earlier nine months"
                first_duration = True
                j += 4
            elif following not in ("a", "an"):
                # "the nine months ended Sept. 30", "the four days he considered"
                first_duration = True
                j += 1
        if self._ends_year_range(j):
            # "the 2012-13 season": the end of a span of years, not a count of seasons.
            return None
        qty = self.quantity(j)
        if qty is None:
            return None
        k, amount = qty
        if not self.is_(i - 1, "between"):
            k = self._count_range(k, amount)
        hyphenated = self.hyphen(k)
        if hyphenated:
            k += 1
        elif self.in_(k, _EXTRA_WORDS) and amount is not None:
            # "20 more years", "an additional year": the count still measures the unit.
            k += 1
        elif self.in_(k, _COUNTED_DAYS) and self.is_(k + 1, "day", "days"):
            # "eight trading days", "five business days": days of a kind, still days.
            k += 1
        un = self.unit(k) or self._unit_abbreviation(k, j)
        if un is None:
            return None
        end, unit, plural = un
        if not plural and not hyphenated and self.year(j, 1800, 2100) is not None:
            # "the 2012 season", "its 1990 year": a year before the unit, not a count.
            return None
        if (
            amount is not None
            and amount == int(amount)
            and not plural
            and self.is_(end, "and")
            and self.is_(end + 1, "a")
            and self.is_(end + 2, "half")
        ):
            # "a minute and a half", "a year and a half".
            amount += 0.5
            end += 3
        if first_duration and not plural:
            return None
        if (
            qty[0] == j + 1
            and self.low(j) in ("a", "an")
            and (plural or (self.hyphen(end) and self.is_(end + 1, "long")))
        ):
            # "a months-long siege", "a year-long inquiry": the article belongs to the noun.
            return None
        if unit == "second" and not plural and self.low(j) in ("a", "an"):
            # "a second weekly flight" is an ordinal far more often than a duration.
            return None
        # "one direct flight per week" has no count before its unit; "a week"
        # after "once"/"per" belongs to a SET, matched elsewhere.
        if self.hyphen(end) and self.is_(end + 1, "earlier", "ago"):
            # "a year-earlier loss": the comparison starts at "year".
            return None
        if plural and unit == "year" and self.is_(end, "old"):
            # "Howes, 37 years old,": an age.
            return None
        if not plural and unit == "quarter" and self.low(j) in ("a", "an") and self.is_(end, "of"):
            # "a quarter of the market" is a fraction.
            return None
        if hyphenated:
            if plural:
                return None
            if self.hyphen(end) and self.is_(end + 1, "old"):
                # "a 44-year-old protester" is an age, not a period of time.
                return None
            while self.hyphen(end) and self.is_(end + 1, "long"):
                end += 2
            return end, Expr(
                "literal", timex_type="DURATION", value=duration_value(amount, unit), mod=mod
            )
        if _or_so(self, end) and self.is_(end + 2, "ago"):
            # "a week or so ago": the approximation sits inside the expression.
            end += 2
            mod = mod or "APPROX"
        if self.is_(end, "ago"):
            if amount is None:
                return end + 1, Expr("literal", timex_type="DATE", value="PAST_REF", mod=mod)
            if amount != int(amount):
                return None
            return end + 1, Expr(
                "relative",
                unit=unit,
                offset=-int(amount),
                mod=mod,
                compare=unit == "year" and amount == 1,
            )
        if self.is_(end, "earlier", "later") and amount is not None and amount == int(amount):
            sign = -1 if self.low(end) == "earlier" else 1
            return end + 1, Expr(
                "relative",
                unit=unit,
                offset=sign * int(amount),
                anaphoric=True,
                mod=mod,
                compare=unit == "year" and amount == 1 and sign == -1,
            )
        if (
            self.low(j) in ("a", "an")
            and not plural
            and self.is_(i - 1, "per", "once", "twice", "times")
        ):
            return None
        if self.low(j) in ("a", "an") and not plural and self._rate_before(i):
            # "$1.76 a year", "four flights a week": a rate, not a period.
            return None
        return end, Expr(
            "literal", timex_type="DURATION", value=duration_value(amount, unit), mod=mod
        )

    def r_bare_units(self, i: int) -> Hit | None:
        """ "for years", "in months": a plural unit alone is a vague duration; so are
        "decades-long" and "a years-old slump", and "a day-long meeting" lasts one day."""
        if self.in_(i, V.LONG_COMPOUNDS):
            unit = V.LONG_COMPOUNDS[self.low(i)]
            return i + 1, Expr("literal", timex_type="DURATION", value=duration_value(1.0, unit))
        if self.in_(i, V.UNITS) and self.hyphen(i + 1):
            unit = V.UNITS[self.low(i)]
            plural = self.low(i) != unit
            # A singular "-old" is left alone: "day-old bread" names no span of time.
            if self.is_(i + 2, "long") or (plural and self.is_(i + 2, "old")):
                return i + 3, Expr(
                    "literal",
                    timex_type="DURATION",
                    value=duration_value(None if plural else 1.0, unit),
                )
        if (
            self.low(i) == "the"
            and self.in_(i + 1, _STAGES)
            and self.low(i + 2) in _VAGUE_PLURALS
            and (self.low(i + 1), self.low(i + 2)) != ("early", "hours")
        ):
            # "the early years", "the final days" (of something): a vague span; "the early
            # hours" (of Thursday) is a time of day.
            unit = V.UNITS[self.low(i + 2)]
            return i + 3, Expr("literal", timex_type="DURATION", value=duration_value(None, unit))
        if self.low(i) == "the":
            # "in the weeks ahead", "over the years": vague spans named by the plural alone.
            un = self.unit(i + 1)
            if un is None or not un[2]:
                return None
            if self.is_(un[0], "ahead") or (self.is_(i - 1, "over") and not self.is_(un[0], "of")):
                end = un[0] + 1 if self.is_(un[0], "ahead") else un[0]
                return end, Expr(
                    "literal", timex_type="DURATION", value=duration_value(None, un[1])
                )
            return None
        if (
            self.in_(i, _VAGUE_SPAN_UNITS)
            and self.is_(i + 1, "of")
            and self.after_context_word(i, _BEFORE_SPAN_OF)
        ):
            # "after days of rain", "amid months of talks": a vague stretch of time.
            return i + 1, Expr(
                "literal", timex_type="DURATION", value=duration_value(None, V.UNITS[self.low(i)])
            )
        if (
            self.in_(i, _VAGUE_SPAN_UNITS)
            and self.is_(i + 1, "later", "earlier")
            and (
                i == 0
                or self.t[i - 1].kind in ("punct", "newline")
                or self.in_(i - 1, _BEFORE_BARE_OFFSET)
            )
        ):
            # "Days later, ...", "just hours earlier": TimeBank tags "A few days" of "A few
            # days later" as a vague length, and so the plural alone.
            return i + 1, Expr(
                "literal", timex_type="DURATION", value=duration_value(None, V.UNITS[self.low(i)])
            )
        if self.low(i) not in _VAGUE_PLURALS:
            return None
        if self.is_(i + 1, "ago"):
            # "just months ago": as vague as "several months ago".
            return i + 2, Expr("literal", timex_type="DATE", value="PAST_REF")
        if not self.after_context_word(i, _BEFORE_BARE_UNITS):
            return None
        return self._joined_plural(i + 1), Expr(
            "literal", timex_type="DURATION", value=duration_value(None, V.UNITS[self.low(i)])
        )

    def r_set(self, i: int) -> Hit | None:
        lower = self.low(i)
        if lower in V.FREQUENCY_ADVERBS and self.t[i].kind == "word":
            if lower == "quarterly" and self.is_(i - 1, "its", "a", "the", "regular", "initial"):
                # "its quarterly dividend": a kind of payment, not a recurrence.
                return None
            if self.is_(i - 1, "average"):
                return None
            return i + 1, Expr("literal", timex_type="SET", value=V.FREQUENCY_ADVERBS[lower])
        if lower in ("every", "each"):
            j = i + 1
            if self.is_(j, "other"):
                j += 1
            wd = self.weekday(j, abbreviations=False)
            if wd is not None:
                return wd[0], Expr("literal", timex_type="SET", value=f"XXXX-WXX-{wd[1]}")
            mo = self.month(j)
            if mo is not None and not mo[2]:
                return mo[0], Expr("literal", timex_type="SET", value=f"XXXX-{mo[1]:02d}")
            if self.in_(j, V.SEASONS):
                return j + 1, Expr(
                    "literal", timex_type="SET", value=f"XXXX-{V.SEASONS[self.low(j)]}"
                )
            if self.in_(j, V.PARTS_OF_DAY):
                return j + 1, Expr(
                    "literal", timex_type="SET", value=f"XXXX-XX-XXT{V.PARTS_OF_DAY[self.low(j)]}"
                )
            amount: float = 2 if self.low(i + 1) == "other" else 1
            qty = self.quantity(j)
            if qty is not None and qty[1] is not None and self.low(j) not in ("a", "an"):
                j, amount = qty[0], qty[1]
            un = self.unit(j)
            if un is None:
                return None
            return un[0], Expr("literal", timex_type="SET", value=duration_value(amount, un[1]))
        if lower == "per" or (lower in ("a", "an") and self.is_(i - 1, "once", "twice", "times")):
            un = self.unit(i + 1)
            if un is None or un[2]:
                return None
            return un[0], Expr("literal", timex_type="SET", value=duration_value(1, un[1]))
        if lower in V.FREQUENCY_COUNTS and self.is_(i + 1, "a", "an", "per", "every", "each"):
            un = self.unit(i + 2)
            if un is None or un[2]:
                return None
            return un[0], Expr("literal", timex_type="SET", value=duration_value(1, un[1]))
        return None

    def r_clock(self, i: int) -> Hit | None:
        tok = self.t[i]
        hour: int | None = None
        minute = 0
        j = i + 1
        if tok.kind == "clock":
            h, m = tok.text.split(":")
            hour, minute = int(h), int(m)
        elif tok.kind == "number" and tok.value is not None and len(tok.text) <= 2:
            hour = tok.value
        elif self._zoned_military(i):
            # "1445 GMT (2245 HKT)": wire services and CNN give hours without a colon.
            hour, minute = divmod(int(tok.text), 100)
        elif self._dotted_time(i):
            # "10.15am", "10.15 GMT": the British way of writing "10:15".
            hour, minute = (int(part) for part in tok.text.split("."))
        elif tok.lower in ("noon", "midday", "midnight"):
            hour = 24 if tok.lower == "midnight" else 12
            return self._time_tail(
                i + 1, Expr("relative", unit="day", offset=0, hour=hour, minute=0)
            )
        if hour is None or hour > 23 or minute > 59:
            return None
        meridian = self.t[j].lower if j < self.n and self.t[j].kind == "ampm" else None
        if meridian is not None:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridian.startswith("p") else 0)
            j += 1
        elif self.is_(j, "o'clock"):
            j += 1
        elif (
            tok.kind == "number"
            and 1 <= hour <= 12
            and self.is_(j, "in")
            and self.is_(j + 1, "the")
            and self.in_(j + 2, _DAYPARTS_AFTER_THE)
        ):
            # "4 in the morning", "8 in the evening".
            hour = hour % 12 + (0 if self.low(j + 2) == "morning" else 12)
            j += 3
        elif tok.kind == "number" and len(tok.text) >= 4:
            pass  # a zone follows: checked by ``_zoned_military`` or ``_dotted_time``
        elif (
            tok.kind == "number"
            and 1 <= hour <= 12
            and self._daypart_today(j) is not None
            and self.after_context_word(i, _CLOCK_PREPOSITIONS)
        ):
            pass  # "at 11 this morning", "by 10 tonight"
        elif tok.kind != "clock" or not (
            self.after_context_word(
                i,
                frozenset(
                    {
                        "at",
                        "from",
                        "until",
                        "till",
                        "by",
                        "before",
                        "after",
                        "around",
                        "about",
                        "to",
                    }
                ),
            )
            or self.in_(j, V.TIME_ZONES)
            or self.is_(j, "local", "hours", "hrs", "h")
        ):
            return None
        if self.in_(j, V.TIME_ZONES):
            j += 1
        elif self.is_(j, "local") and self.is_(j + 1, "time"):
            j += 2
        elif self.is_(j, "hours", "hrs"):
            j += 1
        expr = Expr("relative", unit="day", offset=0, hour=hour, minute=minute)
        daypart = self._daypart_today(j)
        if daypart is not None:
            # "7:30 tonight", "at 8 this morning": the hour of that part of today.
            if meridian is None and 1 <= hour <= 11 and daypart != "MO":
                hour += 12
            return j + (1 if self.is_(j, "tonight") else 2), replace(expr, hour=hour)
        return self._time_tail(j, expr)

    def _daypart_today(self, j: int) -> str | None:
        """The part of today that "tonight" or "this morning" at ``j`` names."""
        if self.is_(j, "tonight"):
            return "NI"
        if self.is_(j, "this") and self.in_(j + 1, V.PARTS_OF_DAY):
            return V.PARTS_OF_DAY[self.low(j + 1)]
        return None

    def _zoned_military(self, i: int) -> bool:
        """A four-digit 24-hour time ("0930", "1445") that a zone or "local time"
        follows; without one the number is far more often a year or an amount.
        In brackets it restates the time just given ("10:35 a.m. (0735 GMT)"), which
        TimeBank annotates only once."""
        tok = self.t[i]
        if tok.kind != "number" or len(tok.text) != 4 or not tok.text.isdigit():
            return False
        if self.is_(i - 1, "("):
            return False
        hour, minute = divmod(int(tok.text), 100)
        if hour > 23 or minute > 59:
            return False
        return self.in_(i + 1, V.TIME_ZONES) or (
            self.is_(i + 1, "local") and self.is_(i + 2, "time")
        )

    def _dotted_time(self, i: int) -> bool:
        """ "10.15" before "am"/"pm" or a zone; elsewhere such a number is a decimal."""
        text = self.t[i].text
        if self.t[i].kind != "number" or _DOTTED_TIME.fullmatch(text) is None:
            return False
        hour, minute = (int(part) for part in text.split("."))
        if hour > 23 or minute > 59:
            return False
        nxt = i + 1
        return (nxt < self.n and self.t[nxt].kind == "ampm") or self.in_(nxt, V.TIME_ZONES)

    def r_approx(self, i: int) -> Hit | None:
        """ "around 7:15 p.m.", "about noon", "around Nov. 1": TimeML keeps an approximation
        in the extent (mod APPROX). "about" is only an approximation before a clock time:
        before a date it is the preposition ("talks about Nov. 1 elections")."""
        j = i + 1
        if j >= self.n:
            return None
        hit = self.r_clock(j)
        if hit is None and self.low(i) != "about":
            date_hit = self.r_date(j)
            if date_hit is not None and date_hit[1].day is not None:
                hit = date_hit
            elif date_hit is None and self.is_(j, "year"):
                # "around year end"
                hit = self.r_compare(j)
                if hit is not None and hit[1].mod == "END":
                    return hit
                hit = None
        if hit is None or hit[1].mod is not None or self.is_(hit[0], "'", "’"):
            return None
        return hit[0], replace(hit[1], mod="APPROX")

    def _time_tail(self, j: int, expr: Expr) -> Hit:
        """Attach a following day: "10 p.m. Wednesday", "noon on Dec. 11", "6 a.m. today"."""
        k = j + 1 if self.is_(j, "on", ",") else j
        for rule in (self.r_date, self.r_weekday, self.r_iso):
            hit = rule(k) if k < self.n else None
            if hit is not None and hit[1].kind == "calendar" and hit[1].daypart is None:
                return hit[0], replace(hit[1], hour=expr.hour, minute=expr.minute)
        if self.in_(j, V.DEICTIC_DAYS):
            return j + 1, replace(expr, offset=V.DEICTIC_DAYS[self.low(j)])
        return j, replace(expr, floating=True)

    def r_modified(self, i: int) -> Hit | None:
        """Part-of modifiers: "late November", "mid-2025", "the end of the year"."""
        lower = self.low(i)
        j: int
        if lower in V.PART_MODIFIERS and self.t[i].kind == "word":
            mod = V.PART_MODIFIERS[lower]
            j = i + 1
            if self.hyphen(j):
                j += 1
            if lower == "mid" and self.in_(j, _DAYPARTS_AFTER_THE):
                # "mid-afternoon": TimeML has no finer code than the part of the day.
                return self._part_of_day(j + 1, V.PARTS_OF_DAY[self.low(j)])
        elif lower == "the" and self.in_(i + 1, V.PART_MODIFIERS) and self.low(i + 1) != "middle":
            mod = V.PART_MODIFIERS[self.low(i + 1)]
            j = i + 2
            if self.hyphen(j):
                j += 1
        elif lower == "the" and self.in_(i + 1, V.PART_PHRASES) and self.is_(i + 2, "of"):
            mod = V.PART_PHRASES[self.low(i + 1)]
            j = i + 3
        else:
            return None
        if j >= self.n:
            return None
        best: Hit | None = None
        for rule in self.modifiable_rules:
            hit = rule(j)
            if hit is not None and hit[1].kind != "literal" and (best is None or hit[0] > best[0]):
                best = hit
        if best is None:
            mo = self.month(j)
            yr = self.year(j)
            if mo is not None and not mo[2]:
                best = mo[0], Expr("calendar", month=mo[1])
            elif yr is not None:
                best = yr[0], Expr("calendar", year=yr[1])
            elif lower == "the":
                best = self.r_shift(j, the_period=True)
            if best is None:
                return None
        if best[1].hour is not None:
            return None
        named_day = best[1].weekday is not None or (
            best[1].kind == "relative" and (not best[1].anaphoric or bool(best[1].offset))
        )
        if best[1].daypart is not None and (lower == "the" or not named_day):
            # "late Thursday night", "early this morning" keep their modifier; "the
            # early morning" names no day.
            return None
        return best[0], replace(best[1], mod=mod)

    @property
    def modifiable_rules(self) -> tuple[Callable[[int], Hit | None], ...]:
        return (
            self.r_date,
            self.r_year,
            self.r_decade,
            self.r_century,
            self.r_quarter,
            self.r_season,
            self.r_shift,
            self.r_deictic,
            self.r_weekday,
        )

    def scan(self) -> list[Mention]:
        """Mentions, tried only at tokens close enough before a cue to lead up to it."""
        mentions: list[Mention] = []
        by_start = _RULES_BY_START
        t = self.t
        n = self.n
        i = 0
        for cue in self.cues:
            if i < cue - _MAX_LEAD:
                i = cue - _MAX_LEAD
            while i <= cue:
                tok = t[i]
                kind = tok.kind
                if kind == "word":
                    key = tok.lower
                elif kind == "number":
                    key = _NUMBER_KEYS.get(len(tok.text), kind)
                else:
                    key = kind
                if key == "the":
                    # Most "the"s near a cue start an ordinary noun phrase: the next
                    # token says which of the ten rules starting at "the" may go on.
                    rules: tuple[Rule, ...] | None = None
                    if i + 1 < n:
                        nxt = t[i + 1]
                        rules = _RULES_AFTER_THE.get(nxt.lower if nxt.kind == "word" else nxt.kind)
                elif cue - i <= _USUAL_LEAD or key in _LONG_LEADS:
                    rules = by_start.get(key)
                else:
                    rules = None
                if rules is None:
                    # Most tokens start no rule.
                    i += 1
                    continue
                best: Hit | None = None
                for rule in rules:
                    hit = rule(self, i)
                    if hit is not None and hit[0] > i and (best is None or hit[0] > best[0]):
                        best = hit
                if best is None:
                    i += 1
                    continue
                end, expr = best
                if _or_so(self, end):
                    # "the next year or so": TimeML keeps the approximation in the extent.
                    end += 2
                    expr = replace(expr, mod=expr.mod or "APPROX")
                mentions.append(Mention(i, end, tok.start, t[end - 1].end, expr))
                i = end
        return self._link_ranges(mentions)

    def _range_day(self, i: int) -> int | None:
        """The day a bare number at ``i`` names when it ends or starts a range of days."""
        dy = self.day(i)
        if dy is None or self.month(dy[0]) is not None:
            return None
        return dy[1]

    def _link_ranges(self, mentions: list[Mention]) -> list[Mention]:
        """Complete the ends of a range of days from each other, as a reader does.

        "from March 3 to March 6, 2025": the first date takes the second's year.
        "March 3-6, 2025" and "3-6 March 2025": the bare day is a date of its own
        (TimeML tags each end) with the named month and year.
        """
        linked: list[Mention] = []
        for k, mention in enumerate(mentions):
            if not _is_day_date(mention.expr):
                linked.append(mention)
                continue
            head = self._range_head(mention)
            if head is not None and (not linked or linked[-1].last <= head.first):
                linked.append(head)
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            tail = self._range_tail(mention, nxt)
            if tail is not None and tail.expr.year is not None:
                expr = mention.expr
                assert expr.month is not None and tail.expr.month is not None
                year = tail.expr.year
                if (expr.month, expr.day or 0) > (tail.expr.month, tail.expr.day or 0):
                    # "from December 28 to January 3, 2025"
                    year -= 1
                if expr.year is None:
                    mention = replace(mention, expr=replace(expr, year=year))
            linked.append(mention)
            if tail is not None and tail is not nxt:
                linked.append(tail)
        return linked

    def _range_head(self, mention: Mention) -> Mention | None:
        """The bare first day of "3-6 March" or "from 3 to 6 March", as a date."""
        expr = mention.expr
        before = mention.first - 2
        if before < 0 or not self._range_link(before + 1):
            return None
        day = self._range_day(before)
        if day is None or not (
            self.t[before + 1].text in ("-", "–") or self.in_(before - 1, _BEFORE_DAY_RANGE)
        ):
            # "3-6 March", "19 - 20 October", "on 8 and 9 March", "from 3 to 6 March".
            return None
        assert expr.month is not None
        if day >= (expr.day or 0) or not _valid(expr.year or 2024, expr.month, day):
            return None
        tok = self.t[before]
        return Mention(before, before + 1, tok.start, tok.end, replace(expr, day=day, weekday=None))

    def _range_tail(self, mention: Mention, nxt: Mention | None) -> Mention | None:
        """The date ending a range that starts with ``mention``: the next mention right
        after "to"/"-"/"and", or a bare day there ("March 3-6, 2025")."""
        end = mention.last
        if not self._range_link(end):
            return None
        if nxt is not None and nxt.first == end + 1:
            return nxt if _is_day_date(nxt.expr) else None
        day = self._range_day(end + 1)
        after = end + 2
        if (
            day is None
            or self.in_(after, _AMOUNT_WORDS)
            or self.in_(after, V.UNITS)
            or self.is_(after, "%", "per")
        ):
            return None
        last, year = self._with_year(after)
        expr = mention.expr
        assert expr.month is not None
        if day <= (expr.day or 0) or not _valid(year or 2024, expr.month, day):
            return None
        tail = Expr(
            "calendar", year=year if year is not None else expr.year, month=expr.month, day=day
        )
        return Mention(end + 1, last, self.t[end + 1].start, self.t[last - 1].end, tail)

    def _range_link(self, i: int) -> bool:
        """A word or dash joining the two ends of a range at ``i``."""
        return 0 <= i < self.n and (
            self.t[i].lower in ("to", "through", "until", "till", "and")
            or self.t[i].text in ("-", "–")
        )


def _or_so(scanner: _Scanner, i: int) -> bool:
    """Whether "or so" starts at token ``i``."""
    return scanner.is_(i, "or") and scanner.is_(i + 1, "so")


def _is_day_date(expr: Expr) -> bool:
    """A calendar date down to the day with no time of day: one end of a range of days."""
    return (
        expr.kind == "calendar"
        and expr.month is not None
        and expr.day is not None
        and expr.hour is None
        and expr.mod is None
    )


#: Words after which a plural unit alone is a vague length: "for years", "took months",
#: "lasted only hours".
_BEFORE_BARE_UNITS: Final = frozenset(
    {"for", "in", "within", "over", "took", "take", "takes", "lasted", "last", "lasts", "spent"}
    | {"only", "just", "mere"}
)

#: Words before a bare day that make it the first of a range of days ("on 8 and 9 March",
#: "the 28 and 29 August").
_BEFORE_DAY_RANGE: Final = frozenset({"from", "between", "on", "the", "by", "until", "till"})

#: Words before a plural unit alone and "later"/"earlier" ("just days later").
_BEFORE_BARE_OFFSET: Final = frozenset({"and", "but", "then", "only", "just", "mere", "barely"})

_DAY_DOT_MONTH = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})")


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


#: Which rules may match starting at a token, by its lower-case word or, for
#: other tokens, its kind. A rule that can start at a new word must be added here.
_STARTS: Final[list[tuple[Iterable[str], tuple[str, ...]]]] = [
    (V.MONTHS, ("r_date",)),
    (V.MONTH_ABBREVIATIONS, ("r_date",)),
    (V.WEEKDAYS, ("r_date", "r_weekday")),
    (V.WEEKDAY_ABBREVIATIONS, ("r_date",)),
    (V.WEEKDAYS_PLURAL, ("r_weekday",)),
    (V.ORDINALS, ("r_quarter",)),
    ((w for w, n in V.ORDINALS.items() if n > 0), ("r_century",)),
    (V.NUMBER_WORDS, ("r_quantity",)),
    (V.VAGUE_QUANTITIES, ("r_quantity",)),
    ((w[0] for w in V.QUANTITY_MODIFIERS), ("r_quantity",)),
    (("half",), ("r_quantity",)),
    (("a", "an"), ("r_set",)),
    (V.SEASONS, ("r_season",)),
    (("that",), ("r_season",)),
    (V.SHIFT_WORDS, ("r_season", "r_weekday", "r_deictic", "r_shift")),
    (_MONTH_SHIFTS, ("r_shift_month",)),
    (_YEAR_SHIFTS, ("r_quarter",)),
    (("earlier", "later", "more", "current"), ("r_deictic",)),
    (("year", "month"), ("r_compare",)),
    (("fiscal",), ("r_quarter", "r_year")),
    (_YEAR_PREFIXES, ("r_year",)),
    (("nineteen",), ("r_year",)),
    (V.DEICTIC_DAYS, ("r_deictic",)),
    (_HOLIDAY_NAMES, ("r_holiday",)),
    (_MONTH_SHIFTS, ("r_holiday",)),
    (_MID_PARTS_OF_DAY, ("r_deictic",)),
    (("these",), ("r_deictic",)),
    (V.REFERENCE_WORDS, ("r_deictic",)),
    (("tonight", "recent", "overnight"), ("r_deictic",)),
    (("earlier", "later", "that", "same"), ("r_shift",)),
    (V.UNITS, ("r_bare_units",)),
    (V.LONG_COMPOUNDS, ("r_bare_units",)),
    (V.FREQUENCY_ADVERBS, ("r_set",)),
    (V.FREQUENCY_COUNTS, ("r_set",)),
    (("every", "each", "per"), ("r_set",)),
    (("noon", "midday", "midnight"), ("r_clock",)),
    (_APPROX_WORDS, ("r_approx",)),
    (V.PART_MODIFIERS, ("r_modified",)),
    (("q",), ("r_quarter",)),
    # Token kinds other than words.
    (("iso",), ("r_iso",)),
    # Numbers by their number of digits: a day or an hour has at most two, a year four.
    (("short number",), ("r_date", "r_quantity", "r_clock")),
    (("four-digit number",), ("r_year", "r_quantity", "r_clock")),
    (("number",), ("r_date", "r_quantity", "r_clock")),
    (("ordinal",), ("r_date", "r_century")),
    (("clock",), ("r_clock",)),
    (("decade",), ("r_decade",)),
]
#: The order rules are tried in; of two equally long matches the earlier rule wins.
_RULE_ORDER: Final = (
    "r_iso",
    "r_date",
    "r_day_of_month",
    "r_year",
    "r_decade",
    "r_century",
    "r_quarter",
    "r_week_of_month",
    "r_nth_day",
    "r_period",
    "r_season",
    "r_shift_month",
    "r_weekday",
    "r_holiday",
    "r_deictic",
    "r_shift",
    "r_quantity",
    "r_compare",
    "r_bare_units",
    "r_set",
    "r_clock",
    "r_approx",
    "r_modified",
)
Rule = Callable[[_Scanner, int], Hit | None]


#: Which rules starting at "the" may match, by the next token's lower-case word or,
#: for other tokens, its kind (see each rule's "the" branch).
#: Words before "overnight" that make it an adjective: "an overnight stay".
_BEFORE_ADJECTIVE: Final = frozenset({"a", "an", "the", "by", "of", "its", "their", "his", "her"})
#: Words that open a new phrase after a time adverb: "struck overnight with", "overnight and".
_PHRASE_OPENERS: Final = frozenset(
    {"and", "but", "as", "after", "before", "when", "while", "in", "on", "at", "with", "to"}
    | {"near", "from", "into", "across", "around", "against", "amid", "following"}
)
#: Plural units that name a vague length on their own: "for years", "the early years".
_VAGUE_PLURALS: Final = frozenset(
    {"years", "months", "weeks", "days", "decades", "hours", "centuries"}
)
#: Stages of something after "the" before a plural unit: "the early years", "the final days".
_STAGES: Final = frozenset({"early", "final", "closing", "opening", "first", "initial"})
#: Tens that begin a spoken day of the month: "twenty-first".
_DAY_TENS: Final = {word: V.NUMBER_WORDS[word] for word in ("twenty", "thirty")}
#: Words before "spring" or "fall" that make it the season when a phrase ends after it.
_BEFORE_A_SEASON_ALONE: Final = frozenset(
    {"in", "during", "since", "until", "till", "by", "through", "throughout"}
)
#: Words that open a new phrase after a season: "in spring and summer", "in fall when".
_AFTER_A_SEASON_ALONE: Final = frozenset(
    {"and", "or", "when", "while", "as", "before", "after", "until", "with"}
)
_AFTER_THE: Final[list[tuple[Iterable[str], tuple[str, ...]]]] = [
    (("ordinal",), ("r_date", "r_century", "r_day_of_month")),
    (("decade",), ("r_decade",)),
    (V.DECADE_WORDS, ("r_decade",)),
    (("year",), ("r_year",)),
    (_DAYPARTS_AFTER_THE, ("r_deictic",)),
    (V.ORDINALS, ("r_century", "r_quarter", "r_week_of_month", "r_date", "r_nth_day")),
    (_DAY_TENS, ("r_date",)),
    (("number",), ("r_quarter", "r_period", "r_quantity")),
    (("fiscal",), ("r_quarter", "r_period")),
    (V.SEASONS, ("r_season",)),
    (("near", "distant", "recent", "immediate"), ("r_deictic",)),
    (_REF_NOUNS, ("r_deictic",)),
    (("weekend", "same", "week", "month", "night"), ("r_shift",)),
    ((w for w in V.UNITS if w == V.UNITS[w]), ("r_shift",)),
    (V.SHIFT_WORDS, ("r_shift",)),
    (("previous", "following"), ("r_weekday",)),
    (V.NUMBER_WORDS, ("r_quantity",)),
    (V.VAGUE_QUANTITIES, ("r_quantity",)),
    (("first", "last", "latest", "year"), ("r_quantity",)),
    ((w for w in V.UNITS if w != V.UNITS[w]), ("r_bare_units",)),
    (V.PART_MODIFIERS, ("r_modified",)),
    (V.PART_PHRASES, ("r_modified",)),
    (_STAGES, ("r_bare_units",)),
    (_PERIOD_ADJECTIVES, ("r_period",)),
    (("most", "year", "quarter", "period"), ("r_period",)),
]


def _dispatch(starts: list[tuple[Iterable[str], tuple[str, ...]]]) -> dict[str, tuple[Rule, ...]]:
    merged: dict[str, set[str]] = {}
    for keys, names in starts:
        for key in keys:
            merged.setdefault(key, set()).update(names)
    return {
        key: tuple(getattr(_Scanner, name) for name in _RULE_ORDER if name in names)
        for key, names in merged.items()
    }


_RULES_BY_START: Final = _dispatch(_STARTS)
_RULES_AFTER_THE: Final = _dispatch(_AFTER_THE)
_NUMBER_KEYS: Final = {1: "short number", 2: "short number", 4: "four-digit number"}


#: Digit shapes that can carry a temporal expression on their own: a year or an
#: ISO date, a clock time, "10 a.m.", "10.15am", "3/22/13", a decade, "Q3". (Other
#: numbers need a unit or a month next to them, which are cue words.) Matched on
#: lower-cased text.
#: The pattern opens with a character class so that the search skips other
#: characters in C instead of trying each branch at every position. ``{d}`` is
#: the digit class.
_DIGIT_CUE_PATTERN: Final = (
    r"[{d}q'’](?:(?<=[{d}])(?:[{d}]{{3}}|:[{d}][{d}]| ?(?:[ap]\.?m\b|o'clock)|0['’]?s\b"
    r"|\.[0-5][{d}] ?(?:[ap]\.?m\b|gmt\b|bst\b|utc\b)|/[{d}][{d}]?/[{d}][{d}]"
    r"|[{d}]?(?:st|nd|rd|th)\b)"
    r"|(?<=['’])[{d}]0s\b|(?<=q)[1-4]\b)"
)
_DIGIT_CUES: Final = re.compile(_DIGIT_CUE_PATTERN.format(d=r"\d"))
#: The same for text with no digits but ASCII ones: a character range is tested
#: at every position twice as fast as the Unicode digit category.
_ASCII_DIGIT_CUES: Final = re.compile(_DIGIT_CUE_PATTERN.format(d="0-9"))
_ASCII_WORD: Final = re.compile(r"[a-z]+")
#: ``_blank_letters`` blanks out everything but ASCII letters, the punctuation usual
#: in news included, so that most texts come out pure ASCII. The bytes table maps
#: each ASCII character to itself or a space: ``bytes.translate`` is a plain table
#: look-up, where ``str.translate`` with a dict looks up every character in it.
_NEWS_PUNCTUATION: Final = "\xa0’‘“”—–…"
_ASCII_NON_LETTERS: Final = bytes(
    c if chr(c).isascii() and chr(c).isalpha() else ord(" ") for c in range(256)
)
#: Characters tokenized before a cue: room for the usual leads ("last twenty four
#: hours", "about two weeks"); a window that then starts with a word of a longer
#: lead reaches back ``_LONGER_LEAD`` more characters ("no more than twenty-five
#: years"). Every token read costs time, and most cues need only a word or two.
_BEFORE: Final = 16
_LONGER_LEAD: Final = 16
_LEAD_WORDS: Final = frozenset(
    set(V.NUMBER_WORDS)
    | V.VAGUE_QUANTITIES
    | {word for words in V.QUANTITY_MODIFIERS for word in words}
    | set(V.SHIFT_WORDS)
    | set(V.ORDINALS)
    | set(V.PART_PHRASES)
    | {"the", "and", "half", "fiscal", "of"}
)
#: Most tokens an expression may have before its first cue ("no more than the
#: last twenty-four hours").
_MAX_LEAD: Final = 8
#: ... and for expressions that do not start with a quantity modifier
#: ("the comparable year-ago quarter", "the last twenty four hours").
_USUAL_LEAD: Final = 5
_LONG_LEADS: Final = frozenset(w[0] for w in V.QUANTITY_MODIFIERS)
#: Characters tokenized after a cue's first character ("5 a.m. local time").
_AFTER: Final = 16


def _trie(words: Collection[str]) -> str:
    """A pattern matching exactly ``words``, nested by common prefix: at each character
    the regex engine only goes on into the branches that start with it."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    if not by_first:
        return ""
    branches = "|".join(re.escape(c) + _trie(rest) for c, rest in sorted(by_first.items()))
    return f"(?:{branches})?" if "" in words else f"(?:{branches})"


#: A cue word and the space before it in the padded, blanked text of ``_cue_positions``,
#: where a word is whole exactly when spaces surround it ("day" is not in "today").
#: One search finds them all in text order; words with other characters than ASCII
#: letters could not occur there.
_ASCII_CUE_WORDS: Final = re.compile(
    " " + _trie([w for w in V.CUE_WORDS if w.isascii() and w.isalpha()]) + "(?= )"
)


def _cue_positions(text: str) -> list[int]:
    low = text.lower()
    if len(low) != len(text):
        # A few characters ("İ") change length when lower-cased; keep offsets aligned.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    blanked = _blank_letters(low)
    if blanked is None:
        positions = [m.start() for m in _DIGIT_CUES.finditer(low)]
        _find_cue_words(text, low, V.CUE_WORDS.intersection(_ASCII_WORD.findall(low)), positions)
        positions.sort()
        return positions
    # Every other character is blanked, so the text has no digits but ASCII ones.
    positions = [m.start() for m in _ASCII_DIGIT_CUES.finditer(low)]
    capitalised = V.CAPITALISED_CUES
    # The padding shifts offsets by one, so a match's start is its word's offset in ``text``.
    for match in _ASCII_CUE_WORDS.finditer(f" {blanked} "):
        at = match.start()
        if text[at].isupper() or match.group()[1:] not in capitalised:
            positions.append(at)
    positions.sort()
    return positions


def _blank_letters(low: str) -> str | None:
    """``low`` with every character but an ASCII letter made a space (same length), or
    None when it holds other characters beyond ASCII than the usual punctuation."""
    if not low.isascii():
        for mark in _NEWS_PUNCTUATION:
            low = low.replace(mark, " ")
        if not low.isascii():
            return None
    return low.encode("ascii").translate(_ASCII_NON_LETTERS).decode("ascii")


def _find_cue_words(text: str, low: str, words: Iterable[str], positions: list[int]) -> None:
    """Add where ``words`` occur whole in ``low`` (``text`` lower-cased) to ``positions``."""
    for word in words:
        size = len(word)
        capitalised = word in V.CAPITALISED_CUES
        at = low.find(word)
        while at >= 0:
            after = at + size
            if (
                (at == 0 or not low[at - 1].isalpha())
                and (after >= len(low) or not low[after].isalpha())
                and (not capitalised or text[at].isupper())
            ):
                positions.append(at)
            at = low.find(word, after)


def _windows(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """Merged character ranges around the cues, cut at whitespace."""
    windows: list[tuple[int, int]] = []
    for at in positions:
        start, end = at - _BEFORE, at + _AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    cut: list[tuple[int, int]] = []
    for start, end in windows:
        start, end = word_start(text, start), word_end(text, end)
        if cut and start <= cut[-1][1]:
            cut[-1] = (cut[-1][0], end)
        else:
            cut.append((start, end))
    return cut


def find_mentions(text: str) -> tuple[list[Token], list[Mention]]:
    """Tokens near temporal cue words, and the mentions among them.

    Only the text around cues is tokenized; windows are separated by a
    paragraph-break token so that no rule or tense search crosses a gap.
    """
    tokens: list[Token] = []
    positions = _cue_positions(text)
    previous_end = 0
    for start, end in _windows(text, positions):
        # The window's tokens go straight into the list; what comes before them
        # (a separator, the text a lead reaches back into) is inserted after.
        first = len(tokens)
        add_tokens(tokens, text, start, end)
        lead: list[Token] = []
        if start > previous_end and len(tokens) > first and tokens[first].lower in _LEAD_WORDS:
            earlier = word_start(text, start - _LONGER_LEAD)
            if first and earlier <= previous_end:
                # Reaching back joins the previous window: no gap between them.
                earlier = previous_end
            lead = tokenize(text, earlier, start)
            start = earlier
        if first and start > previous_end:
            lead.insert(0, separator(start))
        if lead:
            tokens[first:first] = lead
        previous_end = end
    cues: list[int] = []
    starts = [tok.start for tok in tokens]
    for at in positions:
        # The last token starting at or before the cue; after a window's empty
        # separator token, the real token that starts at the same character.
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < tokens[i].end and (not cues or cues[-1] != i):
            cues.append(i)
    return tokens, _Scanner(tokens, cues).scan()
