"""Hostile input: whatever bytes a file holds, reading and analysing it fails cleanly."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timeline.errors import SourceError
from timeline.pipeline import analyse
from timeline.sources import SourceDocument, read_documents

SUFFIXES = (".txt", ".md", ".jsonl", ".csv")
NEWS_WORDS = st.sampled_from(
    [
        "Monday",
        "on",
        "Dec.",
        "11",
        "2024",
        "met",
        "in",
        "Kabul",
        "the",
        "CSTO",
        "said",
        "---",
        "\n",
        "\n\n",
        ",",
        ".",
        "until",
        "Thursday,",
        "February",
        "5",
        "attack",
        "appointed",
        "last",
        "week",
        "“",
        "”",
        "’s",
        "Ministry",
        "of",
        "Public",
        "Health",
        "members",
        "include",
        "and",
        "Russia",
        "Iran",
        "from",
        "to",
        "\x00",
        "é",
        "{",
        "}",
        '"text":',
        ":",
    ]
)


def read_bytes_as(suffix: str, data: bytes) -> list[SourceDocument]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return read_documents(path)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), st.binary(max_size=400))
def test_any_bytes_read_or_fail_with_a_source_error(suffix: str, data: bytes) -> None:
    try:
        documents = read_bytes_as(suffix, data)
    except SourceError as error:
        assert "\n" not in str(error)
        return
    assert all(d.text.strip() for d in documents)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), st.lists(NEWS_WORDS, max_size=60))
def test_newsy_text_reads_or_fails_cleanly(suffix: str, words: list[str]) -> None:
    with contextlib.suppress(SourceError):
        read_bytes_as(suffix, " ".join(words).encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(NEWS_WORDS, min_size=1, max_size=80),
    st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))),
)
def test_analysis_never_raises_and_dates_are_ordered(
    words: list[str], published: date | None
) -> None:
    text = " ".join(words)
    assume(text.strip())
    source = SourceDocument(
        name="f.txt",
        path="f.txt",
        text=text,
        published=published.isoformat() if published else None,
    )
    analysis = analyse(source, not_after=date(2026, 11, 23))
    for event in analysis.events:
        if event.date.first_day and event.date.last_day:
            assert event.date.first_day <= event.date.last_day
        assert analysis.document.text[event.evidence_start : event.evidence_end] == event.evidence
    for timex in analysis.timexes:
        assert analysis.document.text[timex.start_char : timex.end_char] == timex.text
