"""Properties over generated dates and text."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import BASES, PRECISIONS, infer_document_date, tag
from timeline.temporal import vocabulary as V

MONTH_NAMES = [m.title() for m in V.MONTHS]
ABBREVIATIONS = {n: a.title() for a, n in V.MONTH_ABBREVIATIONS.items() if a != "sept"}
WEEKDAY_NAMES = [w.title() for w in V.WEEKDAYS]

days = st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 10, 31))


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _full_forms(d: date) -> list[str]:
    month = MONTH_NAMES[d.month - 1]
    weekday = WEEKDAY_NAMES[d.weekday()]
    return [
        f"{month} {d.day}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{ABBREVIATIONS[d.month]}. {d.day}, {d.year}"
        if d.month in ABBREVIATIONS
        else f"{month} {d.day}, {d.year}",
        d.isoformat(),
        f"{weekday}, {month} {d.day}, {d.year}",
        f"the {_ordinal(d.day)} of {month} {d.year}",
        f"{month} {_ordinal(d.day)}, {d.year}",
    ]


@given(
    days,
    days,
    st.integers(0, 6),
    st.sampled_from(["The talks took place on {}.", "{}", "On {} it rained."]),
)
def test_written_full_date_resolves_back(d: date, anchor: date, form: int, frame: str) -> None:
    text = frame.format(_full_forms(d)[form])
    found = tag(text, anchor)
    assert len(found) == 1
    assert (found[0].start, found[0].end, found[0].basis) == (d, d, "explicit")


@given(days, st.integers(-25, 25), st.booleans())
def test_month_day_near_anchor_resolves_back(d: date, shift: int, day_first: bool) -> None:
    month = MONTH_NAMES[d.month - 1]
    written = f"{d.day} {month}" if day_first else f"{month} {d.day}"
    found = tag(f"The report mentions {written} here.", d + timedelta(days=shift))
    assert [(t.start, t.basis) for t in found] == [(d, "year-inferred")]


@given(days, st.integers(-700, 700))
def test_weekday_month_day_near_anchor_resolves_back(d: date, shift: int) -> None:
    written = f"{WEEKDAY_NAMES[d.weekday()]}, {MONTH_NAMES[d.month - 1]} {d.day}"
    found = tag(f"They met on {written} in Rome.", d + timedelta(days=shift))
    assert [(t.start, t.basis) for t in found] == [(d, "weekday-year")]


@given(days, st.integers(0, 6))
def test_past_weekday_is_within_the_week_before(anchor: date, weekday: int) -> None:
    found = tag(f"Officials said the attack happened on {WEEKDAY_NAMES[weekday]}.", anchor)
    assert len(found) == 1 and found[0].start is not None
    assert 0 <= (anchor - found[0].start).days <= 6
    assert found[0].start.weekday() == weekday


WORDS = sorted(
    set(V.MONTHS)
    | set(V.MONTH_ABBREVIATIONS)
    | set(V.WEEKDAYS)
    | set(V.NUMBER_WORDS)
    | set(V.UNITS)
    | set(V.SEASONS)
    | set(V.SHIFT_WORDS)
    | set(V.FREQUENCY_ADVERBS)
    | set(V.REFERENCE_WORDS)
    | set(V.DEICTIC_DAYS)
    | set(V.PART_MODIFIERS)
    | {
        "the",
        "of",
        "in",
        "ago",
        "later",
        "earlier",
        "every",
        "each",
        "per",
        "once",
        "a.m.",
        "p.m.",
        "GMT",
        "noon",
        "mid",
        "will",
        "said",
        "on",
        "Q",
        "that",
        "same",
        "end",
    }
)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.title),
    st.integers(0, 3000).map(str),
    st.sampled_from(
        [
            ".",
            ",",
            "-",
            "'",
            ":",
            "10:30",
            "1990s",
            "'90s",
            "11th",
            "2024-12-11",
            "\n\n",
            "2,000",
            "7.3",
            "(",
            ")",
        ]
    ),
)
word_soup = st.lists(pieces, max_size=30).map(" ".join)
texts = st.one_of(st.text(max_size=200), word_soup)
anchors = st.one_of(st.none(), days)


@settings(max_examples=400)
@given(texts, anchors, st.one_of(st.none(), days))
def test_never_raises_and_keeps_invariants(
    text: str, anchor: date | None, not_after: date | None
) -> None:
    found = tag(text, anchor, not_after=not_after)
    previous_end = 0
    for t in found:
        assert text[t.start_char : t.end_char] == t.text
        assert t.start_char >= previous_end and t.end_char > t.start_char
        previous_end = t.end_char
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.start is None) == (t.end is None)
        if t.start is not None and t.end is not None:
            assert t.start <= t.end
        if t.type in ("DATE", "TIME") and t.precision is not None:
            assert t.precision in PRECISIONS and t.basis in BASES
        if anchor is None:
            assert t.basis in (None, "explicit", "weekday-year", "unresolved", "relative")


@settings(max_examples=200)
@given(texts, st.one_of(st.none(), days))
def test_document_date_never_raises(text: str, not_after: date | None) -> None:
    doc = infer_document_date(text, not_after=not_after)
    if doc is not None:
        assert doc.start <= doc.date <= doc.end
        assert 0 <= doc.confidence <= 1
