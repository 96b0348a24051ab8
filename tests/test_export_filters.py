"""Export filters, one at a time and together, on the corpus of test_export_formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from .test_export_formats import EVENTS, UNPLACED, build_corpus, run

ALL = set(EVENTS)
IRAN = {
    "Meeting in Doha: Ministry of Foreign Affairs",
    "Meeting in Islamabad: Iran, Pakistan",
    "Meeting in Tehran: Pakistan, Iran",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("filters"))


def titles(db: Path, *args: str) -> set[str]:
    result = run("--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return {json.loads(line)["title"] for line in result.stdout.splitlines()}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ALL),
        # Dates keep events whose days overlap the range; a month or year is all of it.
        (
            ("--since", "2025-11"),
            {
                "Meeting in Islamabad: Iran, Pakistan",
                "Meeting in Tashkent: Taliban",
                "Meeting in Doha: Ministry of Foreign Affairs",
            },
        ),
        (("--until", "2024"), {"Meeting in Tehran: Pakistan, Iran", "Attack in Kunduz"}),
        (("--since", "2024-07-01", "--until", "2024-12-31"), {"Meeting in Tehran: Pakistan, Iran"}),
        (("--since", "2025-03-05", "--until", "2025-03-05"), {"Meeting in Doha"}),
        (("--since", "2025-08-15", "--until", "2025-08-15"), {"Meeting in Kabul"}),
        (("--since", "2026-02-01", "--until", "2026-02-01"), {"Meeting in Tashkent: Taliban"}),
        (("--since", "2027"), set()),
        (("--type", "attack"), {"Attack in Kunduz"}),
        (("--type", "attack", "--type", "vaccination-campaign"), {"Attack in Kunduz", UNPLACED}),
        (("--type", "x' or 1=1 --"), set()),
        # Actors by name or alias, in any case.
        (("--actor", "iran"), IRAN),
        (("--actor", "Islamic Republic of IRAN"), IRAN),
        (("--actor", "TALEBAN"), {"Meeting in Tashkent: Taliban"}),
        (("--actor", "Doha"), set()),
        # Places by the event's location or a linked place, name or alias.
        (("--place", "doha"), {"Meeting in Doha", "Meeting in Doha: Ministry of Foreign Affairs"}),
        (("--place", "Teheran"), {"Meeting in Tehran: Pakistan, Iran"}),
        # A country takes in its places; countries merely mentioned are not places.
        (("--place", "Iran"), {"Meeting in Tehran: Pakistan, Iran"}),
        (("--place", "Badakhshan"), {UNPLACED}),
        (("--document", "span.md"), {"Meeting in Doha"}),
        (("--document", "nowhere.md"), set()),
        (("--search", "Tehran"), {"Meeting in Tehran: Pakistan, Iran"}),
        (
            ("--search", "met doha"),
            {"Meeting in Doha", "Meeting in Doha: Ministry of Foreign Affairs"},
        ),
        (("--min-confidence", "0.9"), {t for t in IRAN if "Doha" not in t} | {"Meeting in Kabul"}),
        (
            ("--precision", "week", "--precision", "quarter"),
            {"Meeting in Tashkent: Taliban", "Meeting in Kabul"},
        ),
        (
            ("--precision", "day"),
            {"Meeting in Doha", "Meeting in Doha: Ministry of Foreign Affairs", UNPLACED},
        ),
        # Filters compose with AND.
        (
            ("--type", "meeting", "--actor", "Iran", "--since", "2025"),
            {
                "Meeting in Islamabad: Iran, Pakistan",
                "Meeting in Doha: Ministry of Foreign Affairs",
            },
        ),
        (("--place", "Doha", "--precision", "day", "--until", "2025"), {"Meeting in Doha"}),
    ],
)
def test_filter(db: Path, args: tuple[str, ...], expected: set[str]) -> None:
    assert titles(db, *args) == expected


def test_document_filter_takes_the_id_too(db: Path) -> None:
    (document_id,) = (
        sqlite_utils.Database(db)
        .execute("select id from documents where name = 'span.md'")
        .fetchone()
    )
    assert titles(db, "--document", document_id) == {"Meeting in Doha"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"', set()),
        ('"Tehran', {"Meeting in Tehran: Pakistan, Iran"}),
        ("-", set()),
        ("-Tehran", {"Meeting in Tehran: Pakistan, Iran"}),
        ("Tehran -", {"Meeting in Tehran: Pakistan, Iran"}),
        ("OR", set()),
        ("Tehran OR Kabul", set()),
        ("AND NOT NEAR(", set()),
        ("Tehr*", set()),
        ("title:Tehran", set()),
        ("Ministry", {"Meeting in Doha: Ministry of Foreign Affairs"}),
    ],
)
def test_search_takes_any_text_literally(db: Path, text: str, expected: set[str]) -> None:
    assert titles(db, "--search", text) == expected


def test_search_applies_to_every_format(db: Path) -> None:
    result = run("--db", db, "--format", "ics", "--search", "Tehran")
    assert result.stdout.count("BEGIN:VEVENT") == 1


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_facts_by_document(db: Path, fmt: str) -> None:
    result = run("--db", db, "--facts", "--format", fmt, "--document", "talks.md")
    assert result.exit_code == 0
    assert "Bakhtiyor Saidov" in result.stdout and "Belarus" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--facts", "--since", "2025"), "filter --since applies to events only"),
        (("--facts", "--until", "2025"), "filter --until applies to events only"),
        (("--facts", "--type", "meeting"), "filter --type applies to events only"),
        (("--facts", "--actor", "Iran"), "filter --actor applies to events only"),
        (("--facts", "--place", "Doha"), "filter --place applies to events only"),
        (("--facts", "--search", "Doha"), "filter --search applies to events only"),
        (("--facts", "--min-confidence", "0"), "filter --min-confidence applies to events only"),
        (("--facts", "--precision", "day"), "filter --precision applies to events only"),
        (("--facts", "--format", "ics"), "facts can be exported as csv, json, jsonl, not ics"),
        (("--facts", "--format", "timelinejs-csv"), "not timelinejs-csv"),
        (("--since", "2025", "--until", "2024"), "--since 2025-01-01 is after --until 2024-12-31"),
        (("--search", "  "), "--search needs a word to look for"),
        (("--since", "someday"), "not a date: 'someday'"),
        (("--precision", "fortnight"), "'fortnight' is not one of"),
        (("--format", "xml"), "'xml' is not one of"),
        (("--min-confidence", "2"), "2.0 is not in the range"),
    ],
)
def test_refused_exports_fail_in_one_line_and_write_nothing(
    db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    output = tmp_path / "out"
    result = run("--db", db, "-o", output, *args)
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0]
    assert not output.exists()


def test_a_missing_database_is_an_error(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "none.db")
    assert result.exit_code == 2
    assert "does not exist" in result.output
