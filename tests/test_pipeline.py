"""Where a document's date comes from, in order of trust, and what the database records."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.datelines import find_dateline
from timeline.pipeline import analyse
from timeline.published import Published, parse_published
from timeline.sources import SourceDocument

AS_OF = date(2026, 11, 23)
BODY = "Officials met on Monday. The talks will run until Thursday, February 5."


def published_of(
    text: str, metadata: str | None = None, option: str | None = None
) -> Published | None:
    source = SourceDocument(name="a.txt", path="a.txt", text=text, published=metadata)
    given = parse_published(option, basis="option") if option else None
    return analyse(source, published=given, not_after=AS_OF).document.published


@pytest.mark.parametrize(
    ("text", "metadata", "option", "expected"),
    [
        (BODY, "2026-02-03", "2026-01-01", ("2026-02-03", "metadata")),
        (BODY, None, "2026-02-04", ("2026-02-04", "option")),
        ("KABUL, Feb. 3, 2026 (Wire) - " + BODY, None, None, ("2026-02-03", "dateline")),
        ("MOSCOW, 3 February 2026 — " + BODY, None, None, ("2026-02-03", "dateline")),
        # A place in title case, with the date alone on its line.
        ("Dushanbe, 3 February 2026\n\n" + BODY, None, None, ("2026-02-03", "dateline")),
        ("New Delhi, Feb. 3, 2026\n" + BODY, None, None, ("2026-02-03", "dateline")),
        (
            "Termez, Uzbekistan, 3 February 2026 (Wire) - " + BODY,
            None,
            None,
            ("2026-02-03", "dateline"),
        ),
        ("KABUL (Wire), Feb. 3, 2026: " + BODY, None, None, ("2026-02-03", "dateline")),
        # A label or a byline before the date.
        ("Published: 03 Feb 2026\n\n" + BODY, None, None, ("2026-02-03", "dateline")),
        ("By Staff Reporter | Feb. 3, 2026\n" + BODY, None, None, ("2026-02-03", "dateline")),
        # A headline may stand above the dateline.
        (
            "Talks resume\n\nKABUL, Feb. 3, 2026 (Wire) - " + BODY,
            None,
            None,
            ("2026-02-03", "dateline"),
        ),
        # A dateline without its year: the latest such day the text and --as-of allow.
        (
            "MINSK, Nov. 14 (Wire) - Ministers met on Thursday.",
            None,
            None,
            ("2026-11-14", "dateline"),
        ),
        (
            "MINSK, Nov. 14 (Wire) - Ministers met on Thursday. They met before in March 2025.",
            None,
            None,
            ("2026-11-14", "dateline"),
        ),
        (
            "MINSK, Dec. 14 (Wire) - Ministers met on Thursday.",
            None,
            None,
            ("2025-12-14", "dateline"),
        ),
        # ... and within the range the text's own dates leave ("will meet in May 2026").
        (
            "MINSK, Nov. 14 (Wire) - Ministers met. They will meet again in May 2026.",
            None,
            None,
            ("2025-11-14", "dateline"),
        ),
        (BODY, None, None, ("2026-02-02", "inferred")),
        ("Officials met on Monday.", None, None, None),
    ],
)
def test_document_date_precedence(
    text: str, metadata: str | None, option: str | None, expected: tuple[str, str] | None
) -> None:
    published = published_of(text, metadata, option)
    if expected is None:
        assert published is None
    else:
        assert published is not None
        assert (published.iso, published.basis) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW, Nov. 29 (Wire) - Talks began.",  # no year: not a full dateline
        "The talks of 3 February 2026 were long.",  # a date in prose, not a dateline
        "Afterwards, 3 February 2026 was set as the date.",  # prose goes on after the date
        "In Kabul, 3 February 2026 was a holiday.",
        "Officials in KABUL said on 3 February 2026 that talks began.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("HERAT, 3 May 2025 - Floods hit on Friday.", "Floods hit on Friday."),
        ("HERAT (Wire), May 3, 2025: Floods hit on Friday.", "Floods hit on Friday."),
        ("Herat, Afghanistan, 3 May 2025 — Floods hit on Friday.", "Floods hit on Friday."),
        ("MOSCOW, Nov. 29 (Wire) - Talks began.", "Talks began."),
        ("The talks of 3 February 2026 were long.", "The talks of 3 February 2026 were long."),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(text: str, body: str) -> None:
    # The dateline's date is when the story was filed, not when the first sentence's
    # events took place: "on Friday" dates the floods.
    source = SourceDocument(name="a.txt", path="a.txt", text=text, published=None)
    analysis = analyse(source, not_after=AS_OF)
    assert analysis.sentences[-1].text == body


def test_an_event_in_the_dateline_sentence_takes_the_date_of_its_own_words() -> None:
    text = "HERAT, 3 May 2025 - A bomb exploded at a market in Herat on Friday, police said."
    source = SourceDocument(name="a.txt", path="a.txt", text=text, published=None)
    attack = next(e for e in analyse(source).events if e.event_type == "attack")
    assert attack.date is not None
    assert (attack.date.text, attack.date.start) == ("Friday", "2025-05-02")


def test_a_date_inferred_only_to_the_year_resolves_no_weekday() -> None:
    # "in 2024" bounds the publication date from below but fixes no day: "Thursday"
    # cannot be placed, and is left unresolved rather than guessed.
    source = SourceDocument(
        name="a.txt",
        path="a.txt",
        text="Ministers met on Thursday. The bloc asked for help in March 2024.",
        published=None,
    )
    analysis = analyse(source, not_after=AS_OF)
    assert analysis.document.published is not None
    assert analysis.document.published.precision == "year"
    thursday = next(t for t in analysis.timexes if t.text == "Thursday")
    assert (thursday.value, thursday.start, thursday.basis) == ("XXXX-WXX-4", None, "unresolved")


def test_inferred_date_says_why() -> None:
    published = published_of(BODY)
    assert published is not None
    assert "Thursday, February 5" in published.note


def test_month_precision_metadata() -> None:
    published = published_of(BODY, "2026-02")
    assert published is not None
    assert (published.iso, published.precision, published.start, published.end) == (
        "2026-02",
        "month",
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
