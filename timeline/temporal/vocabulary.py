"""Words the temporal engine recognises, kept as data so rules stay generic.

Keys are lower-case; the matcher decides when capitalisation matters (month
names must be capitalised so that "may" the modal and "march" the verb are
never read as dates).
"""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

#: Abbreviations are only read as months next to a day or a year ("Dec. 11",
#: "Sept 2024"), because alone they collide with names and words ("Jan", "Mar").
MONTH_ABBREVIATIONS: Final[dict[str, int]] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

#: Month names that are also common English words; alone they need a date
#: context ("in May", "last March") to count.
AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"may", "march"})

#: ISO weekday numbers, Monday = 1.
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
WEEKDAYS_PLURAL: Final[dict[str, int]] = {name + "s": num for name, num in WEEKDAYS.items()}

#: Only accepted before a month and day ("Wed., Dec. 11"): "Sun", "Sat" and
#: "Wed" are ordinary words too.
WEEKDAY_ABBREVIATIONS: Final[dict[str, int]] = {
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "dozen": 12,
}

#: Quantities with no number; the TIMEX3 value gets an X ("several years" = PXY).
VAGUE_QUANTITIES: Final[frozenset[str]] = frozenset(
    {"several", "few", "many", "some", "numerous", "multiple"}
)

ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "last": -1,
    "final": -1,
}

#: Calendar units: singular and plural forms -> canonical unit.
UNITS: Final[dict[str, str]] = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "weekend": "weekend",
    "weekends": "weekend",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "season": "season",
    "seasons": "season",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}

#: Abbreviated units, only read after a count in digits ("2 hrs", "90 mins", "10-yr"):
#: alone "min" and "sec" are other words.
UNIT_ABBREVIATIONS: Final[dict[str, str]] = {
    "sec": "second",
    "secs": "second",
    "min": "minute",
    "mins": "minute",
    "hr": "hour",
    "hrs": "hour",
    "yr": "year",
    "yrs": "year",
}

#: TIMEX3 duration designators; time units go after the "T".
DURATION_UNITS: Final[dict[str, str]] = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "weekend": "WE",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "season": "SE",
    "year": "Y",
}

#: Units TimeML writes as a multiple of another: "the next three quarters" = P9M,
#: "two decades" = P20Y, "a century" = P100Y (the TimeBank convention).
SCALED_UNITS: Final[dict[str, tuple[str, int]]] = {
    "fortnight": ("week", 2),
    "quarter": ("month", 3),
    "decade": ("year", 10),
    "century": ("year", 100),
}

#: The next smaller unit a fraction is written in: "2 1/2 years" = P2Y6M,
#: "a minute and a half" = PT1M30S. Weeks are left out: half a week is no whole day.
SMALLER_UNITS: Final[dict[str, tuple[str, int]]] = {
    "year": ("month", 12),
    "month": ("day", 30),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}

#: Closed "-long" compounds: "a weeklong festival" lasts one week, like "week-long".
LONG_COMPOUNDS: Final[dict[str, str]] = {
    "hourlong": "hour",
    "daylong": "day",
    "weeklong": "week",
    "monthlong": "month",
    "yearlong": "year",
    "decadelong": "decade",
}

#: Adverbs that name a SET directly.
FREQUENCY_ADVERBS: Final[dict[str, str]] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "yearly": "P1Y",
    "annually": "P1Y",
}

#: "once a week", "twice a year", "three times a day".
FREQUENCY_COUNTS: Final[dict[str, int]] = {"once": 1, "twice": 2, "thrice": 3}

SEASONS: Final[dict[str, str]] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
#: Seasons that are also a common noun or verb ("a spring", "prices fall") and
#: so only count after a determiner or next to a year.
AMBIGUOUS_SEASONS: Final[frozenset[str]] = frozenset({"spring", "fall"})

#: First month of each season (meteorological seasons; winter starts in December
#: of the year it is named after).
SEASON_START_MONTH: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

#: TIMEX3 part-of-day codes.
PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}

#: Part-of modifiers placed before a period ("late November", "mid-2025").
PART_MODIFIERS: Final[dict[str, str]] = {
    "early": "START",
    "mid": "MID",
    "late": "END",
    "middle": "MID",
}
#: "the end of November", "the beginning of 2025", "the middle of the year".
PART_PHRASES: Final[dict[str, str]] = {
    "beginning": "START",
    "start": "START",
    "middle": "MID",
    "end": "END",
    "close": "END",
}

#: Approximation and comparison words placed before an expression.
QUANTITY_MODIFIERS: Final[dict[tuple[str, ...], str]] = {
    ("about",): "APPROX",
    ("around",): "APPROX",
    ("approximately",): "APPROX",
    ("roughly",): "APPROX",
    ("some",): "APPROX",
    ("nearly",): "LESS_THAN",
    ("almost",): "LESS_THAN",
    ("less", "than"): "LESS_THAN",
    ("under",): "LESS_THAN",
    ("more", "than"): "MORE_THAN",
    ("over",): "MORE_THAN",
    ("at", "least"): "EQUAL_OR_MORE",
    ("no", "more", "than"): "EQUAL_OR_LESS",
    ("up", "to"): "EQUAL_OR_LESS",
}

#: Deictic words: (unit, offset from the anchor). Unit "day" with offset 0 is
#: the anchor itself.
DEICTIC_DAYS: Final[dict[str, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1}

#: Words naming the present, past or future with no calendar value.
REFERENCE_WORDS: Final[dict[str, str]] = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
}

#: "the nineties": the decade of the 1900s each names.
DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

#: Holiday names, as written, -> the rule in ``holidays.RULES`` that dates them.
#: Hyphens do not count when matching ("Eid al-Fitr" = "Eid al Fitr").
HOLIDAYS: Final[dict[str, str]] = {
    "New Year's Day": "new-year",
    "New Year's Eve": "new-year-eve",
    "New Year": "new-year",
    "Valentine's Day": "valentine",
    "Halloween": "halloween",
    "Christmas": "christmas",
    "Christmas Day": "christmas",
    "Christmas Eve": "christmas-eve",
    "Easter": "easter",
    "Easter Sunday": "easter",
    "Easter Monday": "easter-monday",
    "Good Friday": "good-friday",
    "Holy Thursday": "maundy-thursday",
    "Maundy Thursday": "maundy-thursday",
    "Palm Sunday": "palm-sunday",
    "Ash Wednesday": "ash-wednesday",
    "Pentecost": "pentecost",
    "Boxing Day": "boxing-day",
    "St. Patrick's Day": "st-patrick",
    "St Patrick's Day": "st-patrick",
    "Saint Patrick's Day": "st-patrick",
    "May Day": "may-day",
    "Mother's Day": "mothers-day",
    "Father's Day": "fathers-day",
    "Veterans Day": "veterans-day",
    "Veterans' Day": "veterans-day",
    "Presidents Day": "presidents-day",
    "Presidents' Day": "presidents-day",
    # "Independence Day" alone is left out: many countries have one.
    "Fourth of July": "independence-day",
    "Thanksgiving": "thanksgiving",
    "Thanksgiving Day": "thanksgiving",
    "Memorial Day": "memorial-day",
    "Labor Day": "labor-day",
    "Election Day": "election-day",
    "Nowruz": "nowruz",
    "Norooz": "nowruz",
    "Nowrouz": "nowruz",
    "Navruz": "nowruz",
    "Novruz": "nowruz",
    "Ramadan": "ramadan",
    "Ramazan": "ramadan",
    "Eid al-Fitr": "eid-al-fitr",
    "Eid ul-Fitr": "eid-al-fitr",
    "Eid el-Fitr": "eid-al-fitr",
    "Passover": "passover",
    "Pesach": "passover",
    "Rosh Hashanah": "rosh-hashanah",
    "Rosh Hashana": "rosh-hashanah",
    "Yom Kippur": "yom-kippur",
    "Hanukkah": "hanukkah",
    "Chanukah": "hanukkah",
    "Hanukah": "hanukkah",
    "Eid al-Adha": "eid-al-adha",
    "Eid ul-Adha": "eid-al-adha",
    "Eid el-Adha": "eid-al-adha",
}

#: Nouns that make a holiday before them part of an event's name, even in lower case:
#: "the Good Friday agreement", "the Yom Kippur war" name no day.
HOLIDAY_NAMED_EVENTS: Final[frozenset[str]] = frozenset(
    {"agreement", "accord", "accords", "war", "offensive", "uprising", "rising", "massacre"}
)

#: Determiners that shift a named period: "last week", "next month", "this year".
SHIFT_WORDS: Final[dict[str, int]] = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}


#: Prepositions after which a bare four-digit number is read as a year.
YEAR_CONTEXT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "in",
        "since",
        "by",
        "from",
        "until",
        "till",
        "through",
        "during",
        "before",
        "after",
        "of",
        "to",
        "and",
        "or",
        "between",
        "circa",
        "for",
        "into",
        "early",
        "late",
        "mid",
        "year",
        "fiscal",
        "throughout",
        "around",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "end",
        "beginning",
        "start",
        "middle",
        "due",
        "both",
    }
)

#: Prepositions that make a bare "May"/"March" a month.
MONTH_CONTEXT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "in",
        "for",
        "since",
        "by",
        "from",
        "until",
        "till",
        "through",
        "during",
        "before",
        "after",
        "of",
        "last",
        "this",
        "next",
        "early",
        "late",
        "mid",
        "between",
        "throughout",
        "end",
        "beginning",
        "start",
        "middle",
        "to",
    }
)

#: Zones written after a clock time ("2 p.m. ET", "09:30 PKT"); short ones such as "et"
#: are never read on their own.
TIME_ZONES: Final[frozenset[str]] = frozenset(
    {
        "gmt",
        "utc",
        "et",
        "ct",
        "mt",
        "pt",
        "ast",
        "hst",
        "pkt",
        "hkt",
        "sgt",
        "aest",
        "aedt",
        "irst",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "bst",
        "ist",
        "jst",
        "msk",
        "eet",
        "eest",
    }
)

#: Verbs and auxiliaries that put a clause in the future.
FUTURE_MARKERS: Final[frozenset[str]] = frozenset(
    {
        "will",
        "shall",
        "won't",
        "wo",
        "'ll",
        "expected",
        "scheduled",
        "due",
        "planned",
        "planning",
        "plans",
        "plan",
        "intends",
        "aims",
        "upcoming",
        "slated",
        "poised",
        "tomorrow",
        "would",
        "going",
        "payable",
        "effective",
        "expects",
        "expect",
        "hopes",
        "hope",
        "hoping",
        "intend",
        "intending",
        "aim",
        "aiming",
        "must",
        "should",
        # Schedules in the present tense: "the talks end on Friday, March 6".
        "begins",
        "starts",
        "ends",
        "end",
        "opens",
        "closes",
        "runs",
        "resumes",
        "concludes",
        "continues",
        "arrives",
        "departs",
        "reopens",
    }
)

#: Past verbs of putting off or allowing time: with "until" after them they set a
#: deadline that is still ahead ("extended the offer until Friday").
DEFERRAL_VERBS: Final[frozenset[str]] = frozenset(
    {
        "postponed",
        "delayed",
        "deferred",
        "extended",
        "adjourned",
        "suspended",
        "recessed",
        "gave",
        "granted",
        "allowed",
    }
)

#: Irregular past forms; regular ones are found by their "-ed" ending.
PAST_MARKERS: Final[frozenset[str]] = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "began",
        "begun",
        "came",
        "went",
        "met",
        "held",
        "took",
        "made",
        "gave",
        "left",
        "saw",
        "ran",
        "sent",
        "won",
        "lost",
        "fell",
        "rose",
        "struck",
        "hit",
        "shot",
        "found",
        "became",
        "broke",
        "brought",
        "built",
        "bought",
        "caught",
        "chose",
        "drew",
        "drove",
        "fought",
        "flew",
        "fled",
        "forgot",
        "froze",
        "got",
        "grew",
        "heard",
        "hid",
        "kept",
        "knew",
        "led",
        "meant",
        "paid",
        "put",
        "quit",
        "read",
        "rode",
        "rang",
        "sold",
        "set",
        "shook",
        "shut",
        "sat",
        "slept",
        "spoke",
        "spent",
        "stood",
        "stole",
        "swore",
        "taught",
        "thought",
        "threw",
        "understood",
        "woke",
        "wore",
        "wrote",
        "ago",
        "yesterday",
        "earlier",
        "previously",
        "recently",
        "been",
        "killed",
    }
)

#: Words ending in "-ed" that are not past verbs.
NOT_PAST_ED: Final[frozenset[str]] = frozenset(
    {
        "need",
        "needed",
        "speed",
        "seed",
        "feed",
        "bed",
        "red",
        "shed",
        "hundred",
        "indeed",
        "united",
        "proceed",
        "exceed",
        "succeed",
        "breed",
        "greed",
        "weed",
        "bred",
        "sacred",
        "naked",
        "wicked",
        "kindred",
        "wretched",
        "ragged",
        "rugged",
        "related",
        "based",
        "armed",
        "aged",
        "skilled",
        "detailed",
        "limited",
        "advanced",
        "renewed",
        "concerned",
        "interested",
        "qualified",
        "supposed",
        "used",
    }
)

#: Tokens that end a sentence-level tense search.
CLAUSE_BREAKS: Final[frozenset[str]] = frozenset({".", "!", "?", ";", ":", "\n"})

#: Words whose following full stop is an abbreviation mark, not a sentence end.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    set(MONTH_ABBREVIATIONS)
    | set(WEEKDAY_ABBREVIATIONS)
    | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "no",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "prof",
        "vs",
        "approx",
        "est",
    }
)

#: Words at least one of which every temporal expression contains; the matcher
#: only looks near them (and near the digit shapes in ``matcher._DIGIT_CUES``).
#: A rule whose expression has none of these must add its word here.
CUE_WORDS: Final[frozenset[str]] = frozenset(
    set(MONTHS)
    | set(MONTH_ABBREVIATIONS)
    | set(WEEKDAYS)
    | set(WEEKDAYS_PLURAL)
    | set(WEEKDAY_ABBREVIATIONS)
    | (set(UNITS) - {"second"})
    | (set(UNIT_ABBREVIATIONS) - {"sec"})
    | set(SEASONS)
    | set(PARTS_OF_DAY)
    | set(DEICTIC_DAYS)
    | set(REFERENCE_WORDS)
    | set(FREQUENCY_ADVERBS)
    | set(LONG_COMPOUNDS)
    | {"tonight", "noon", "midday", "midnight", "past", "future", "present", "recent", "current"}
    | {"overnight"}
    | {"half", "period", "fiscal", "nineteen", "thousand"}
    | set(DECADE_WORDS)
    | {"christmas", "easter", "thanksgiving", "halloween", "ramadan", "ramazan", "eid"}
    | {"pentecost", "passover", "pesach", "rosh", "kippur", "hanukkah", "chanukah", "hanukah"}
    | {"nowruz", "norooz", "nowrouz", "navruz", "novruz", "midafternoon", "midmorning"}
)
#: Cue words that only count capitalised: "may", "march", "sun", "wed" are common words.
CAPITALISED_CUES: Final[frozenset[str]] = frozenset(
    AMBIGUOUS_MONTHS | set(MONTH_ABBREVIATIONS) | set(WEEKDAY_ABBREVIATIONS)
)
