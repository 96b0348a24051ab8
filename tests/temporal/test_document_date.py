from __future__ import annotations

from datetime import date

from timeline.temporal import infer_document_date, tag

NOT_AFTER = date(2026, 11, 23)

DIGEST = (
    "A new round of polio vaccination began Monday in 18 provinces, the health ministry said. "
    "Earlier this week officials said the campaign will run until Thursday, February 5. "
    "Cases fell over the past four years; in recent years funding dropped. In November 2025 "
    "the program was reviewed, and in 2025 it reached more children than in 2001. Surveys in "
    "July 2024, April 2025 and July 2025 found gaps. More help is expected in the near future."
)

SUMMIT = (
    "Foreign ministers convened on Wednesday, December 11, in Moscow, two weeks after a summit "
    "held on November 29 in Astana. A suicide bombing killed a minister on December 11."
)


def test_digest_publication_range() -> None:
    doc = infer_document_date(DIGEST, not_after=NOT_AFTER)
    assert doc is not None
    assert (doc.date, doc.start, doc.end, doc.precision) == (
        date(2026, 2, 2),
        date(2026, 2, 2),
        date(2026, 2, 5),
        "day",
    )
    assert 0 < doc.confidence <= 1
    assert "Thursday, February 5" in doc.reason and "Monday" in doc.reason


def test_digest_tagged_at_inferred_anchor() -> None:
    found = {t.text: t for t in tag(DIGEST, date(2026, 2, 2))}
    assert (found["Monday"].value, found["Monday"].basis) == ("2026-02-02", "weekday")
    week = found["Earlier this week"]
    assert (week.value, week.start, week.end, week.precision, week.basis) == (
        "2026-W06",
        date(2026, 2, 2),
        date(2026, 2, 8),
        "week",
        "relative",
    )
    for text, value in [
        ("November 2025", "2025-11"),
        ("2025", "2025"),
        ("2001", "2001"),
        ("July 2024", "2024-07"),
        ("April 2025", "2025-04"),
        ("July 2025", "2025-07"),
    ]:
        assert (found[text].value, found[text].basis) == (value, "explicit")
    assert found["the past four years"].type == "DURATION"
    assert found["recent years"].start is None
    assert found["the near future"].value == "FUTURE_REF"
    assert not any(t.text == "18" for t in found.values())


def test_summit_publication_and_inferred_years() -> None:
    doc = infer_document_date(SUMMIT, not_after=NOT_AFTER)
    assert doc is not None
    assert (doc.date, doc.start) == (date(2024, 12, 11), date(2024, 12, 11))
    assert doc.end <= NOT_AFTER
    assert "Wednesday, December 11" in doc.reason
    values = [(t.text, t.value, t.basis) for t in tag(SUMMIT, doc.date)]
    assert ("November 29", "2024-11-29", "year-inferred") in values
    assert ("December 11", "2024-12-11", "year-inferred") in values


def test_explicit_dateline_bounds() -> None:
    doc = infer_document_date("The accord was signed on March 3, 2021, officials said.")
    assert doc is not None and doc.date == date(2021, 3, 3)


def test_future_and_past_bound_a_week() -> None:
    text = "The talks opened on June 2, 2025 and they will close on June 6, 2025."
    doc = infer_document_date(text)
    assert doc is not None
    assert (doc.start, doc.end, doc.precision) == (date(2025, 6, 2), date(2025, 6, 6), "day")


def test_nothing_fixed_returns_none() -> None:
    assert infer_document_date("The minister said on Monday that talks will resume.") is None
    assert infer_document_date("In recent years funding dropped.", not_after=NOT_AFTER) is None
    assert infer_document_date("") is None


def test_year_only_is_not_decisive() -> None:
    assert infer_document_date("In 2001 the program was founded.") is None


def test_weekday_not_tied_to_a_month_bound() -> None:
    text = (
        "Iran became a full member in July 2023. Ministers met in Tashkent on Thursday, "
        "a spokesman said on Friday."
    )
    doc = infer_document_date(text, not_after=NOT_AFTER)
    assert doc is not None
    assert (doc.start, doc.end) == (date(2023, 7, 1), NOT_AFTER)
    assert doc.confidence < 0.5


def test_untensed_weekday_year_day_is_read_as_reported() -> None:
    # The verb stands too far from the date for a tense cue; the day still bounds the
    # article from below, and a past-tense weekday is tied to it.
    text = (
        "The council, whose members are five neighbouring states and two observers, "
        "granted a new status to its southern neighbour at a long meeting in the capital "
        "on Thursday, June 26. Ministers met again on Monday."
    )
    doc = infer_document_date(text, not_after=NOT_AFTER)
    assert doc is not None
    assert doc.start == date(2025, 6, 26)
    assert "untensed" in doc.reason
    tensed = infer_document_date(
        "The council met on Thursday, June 26. Ministers met again on Monday.",
        not_after=NOT_AFTER,
    )
    assert tensed is not None and doc.confidence < tensed.confidence


def test_untensed_day_does_not_override_tensed_bounds() -> None:
    text = "The accord was signed on March 3, 2021. A forum on Thursday, June 26 is planned."
    doc = infer_document_date(text, not_after=NOT_AFTER)
    assert doc is not None and doc.start == date(2021, 3, 3)
    assert "untensed" not in doc.reason
