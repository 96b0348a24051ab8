"""The command line as a user drives it: build, rebuild, export, dates, and bad input."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from timeline.cli import cli
from timeline.export import EVENT_COLUMNS, FACT_COLUMNS
from timeline.schema import TABLE_NAMES

from .conftest import ROOT, SAMPLES

ARTICLE = """---
title: Envoys meet
published: 2025-03-05
source: Test Wire
---
Envoys of the two countries met in Doha on Tuesday, the foreign ministry said.

The talks will resume on Wednesday, March 12.
"""


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def dump(db_path: Path) -> dict[str, list[tuple[tuple[str, object], ...]]]:
    """Every table's rows; as sorted (column, value) pairs, since a migrated database
    orders its columns differently from a new one."""
    db = sqlite_utils.Database(db_path)
    return {
        name: sorted((tuple(sorted(row.items())) for row in db[name].rows), key=repr)
        for name in TABLE_NAMES
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "envoys.md").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_build_then_export_csv(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    code, output = invoke("build", str(corpus), "--db", str(db))
    assert code == 0, output
    assert "1 document, 2 events" in output
    code, output = invoke("export", "--db", str(db), "--format", "csv")
    assert code == 0, output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [(r["start"], r["event_type"], r["date_basis"]) for r in rows] == [
        ("2025-03-04", "meeting", "weekday"),
        ("2025-03-12", "meeting", "weekday-year"),
    ]
    assert rows[0]["document"] == "envoys.md"
    assert rows[0]["location"] == "Doha"
    assert rows[0]["evidence"].startswith("Envoys of the two countries met in Doha")


def test_export_json_and_facts(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    code, output = invoke("export", "--db", str(db), "--format", "json")
    assert code == 0
    events = json.loads(output)
    assert events[0]["actors"] == [] or isinstance(events[0]["actors"], list)
    code, output = invoke("export", "--db", str(db), "--facts", "--format", "csv")
    assert code == 0
    assert output.splitlines()[0] == ",".join(FACT_COLUMNS)


def test_rebuild_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    first = dump(db)
    code, _ = invoke("build", str(corpus), "--db", str(db))
    assert code == 0
    assert dump(db) == first


def test_edited_file_replaces_its_document(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    article = corpus / "envoys.md"
    article.write_text(ARTICLE.replace("Doha", "Muscat"), encoding="utf-8")
    _, output = invoke("build", str(corpus), "--db", str(db))
    assert "1 changed since the last build" in output
    rows = sqlite_utils.Database(db).execute("select location from events").fetchall()
    assert {"Muscat"} <= {r[0] for r in rows}
    assert sqlite_utils.Database(db)["documents"].count == 1


def test_published_option_anchors_undated_text(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoy arrived in Kabul on Monday.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    code, output = invoke("build", str(article), "--db", str(db), "--published", "2026-02-04")
    assert code == 0, output
    row = next(sqlite_utils.Database(db)["events"].rows)
    assert (row["start"], row["date_basis"]) == ("2026-02-02", "weekday")
    document = next(sqlite_utils.Database(db)["documents"].rows)
    assert document["published_basis"] == "option"


def test_undated_text_keeps_dates_unresolved(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoy arrived in Kabul on March 3.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    code, output = invoke("build", str(article), "--db", str(db))
    assert code == 0, output
    row = next(sqlite_utils.Database(db)["events"].rows)
    assert (row["start"], row["start_date"], row["date_basis"]) == (
        "XXXX-03-03",
        None,
        "unresolved",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("latin1.txt", "Caf\xe9".encode("latin-1"), "not UTF-8"),
        ("broken.md", b"---\ntitle: [x\n---\nText.\n", "broken YAML"),
        ("notes.docx", b"PK\x03\x04", "unknown format"),
        ("baddate.md", b"---\npublished: someday\n---\nThey met on Monday.\n", "not a date"),
    ],
)
def test_bad_input_fails_cleanly_and_leaves_the_database(
    corpus: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    before = db.read_bytes()
    bad = tmp_path / name
    bad.write_bytes(content)
    result = CliRunner().invoke(cli, ["build", str(bad), "--db", str(db)])
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert str(bad) in errors[0] and message in errors[0]
    assert db.read_bytes() == before


def test_missing_path(tmp_path: Path) -> None:
    code, output = invoke("build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "t.db"))
    assert code != 0
    assert "nowhere: no such file or folder" in output
    assert not (tmp_path / "t.db").exists()


def test_keep_going_builds_the_rest_and_strict_stops(corpus: Path, tmp_path: Path) -> None:
    (corpus / "zz-empty.txt").write_bytes(b"")
    db = tmp_path / "t.db"
    code, output = invoke("build", str(corpus), "--db", str(db))
    assert code == 1
    assert "zz-empty.txt: empty file" in output
    assert sqlite_utils.Database(db)["documents"].count == 1
    strict_db = tmp_path / "strict.db"
    code, output = invoke("build", str(corpus), "--db", str(strict_db), "--strict")
    assert code == 1
    assert not strict_db.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a database at all, just text" * 10, "not an SQLite database")],
)
def test_corrupt_database_is_refused(
    corpus: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    db = tmp_path / "t.db"
    db.write_bytes(content)
    code, output = invoke("build", str(corpus), "--db", str(db))
    assert code == 1
    assert message in output and str(db) in output
    assert db.read_bytes() == content


def test_truncated_database_is_refused(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    code, output = invoke("build", str(corpus), "--db", str(db))
    assert code == 1
    assert str(db) in output


def test_locked_database_does_not_block_an_atomic_build(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    invoke("build", str(corpus), "--db", str(db))
    reader = sqlite3.connect(db)
    reader.execute("begin immediate")
    try:
        code, output = invoke("build", str(corpus), "--db", str(db))
    finally:
        reader.rollback()
        reader.close()
    assert code == 0, output


def test_dates_command(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks began Monday and run until Thursday, February 5.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(article), "--as-of", "2026-11-23"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"], r["basis"]) for r in rows] == [
        ("Monday", "2026-02-02", "weekday"),
        ("Thursday, February 5", "2026-02-05", "weekday-year"),
    ]
    assert "inferred" in result.stderr


def test_dates_takes_the_document_date_from_front_matter_or_dateline(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2025-06-20\n---\nThey met on Thursday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(article)])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    # Offsets count in the article's text, after the front matter.
    assert (row["start_char"], row["text"], row["value"]) == (12, "Thursday", "2025-06-19")
    assert "Document date from its metadata: 2025-06-20." in result.stderr
    wire = tmp_path / "b.txt"
    wire.write_text("KABUL, June 20, 2025 (Wire) - They met on Thursday.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["dates", str(wire)])
    assert "Document date from its dateline: 2025-06-20." in result.stderr
    assert "2025-06-19" in result.stdout


def test_dates_names_the_document_of_each_row(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "They met on Thursday.", "published": "2025-06-20"})
        + "\n"
        + json.dumps({"text": "They met on Friday.", "published": "2025-06-28"})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["dates", str(feed)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["document"], r["value"]) for r in rows] == [
        ("feed.jsonl#1", "2025-06-19"),
        ("feed.jsonl#2", "2025-06-27"),
    ]


def test_dates_table_from_stdin() -> None:
    result = CliRunner().invoke(
        cli,
        ["dates", "-", "--published", "2025-06-20", "--format", "table"],
        input="They met on Thursday.\n",
    )
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()
    assert header.split()[:3] == ["start_char", "end_char", "text"]
    assert "2025-06-19" in row


def test_sample_database_matches_a_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = ROOT / "facts.db"
    rebuilt = tmp_path / "facts.db"
    monkeypatch.chdir(ROOT)
    code, output = invoke("build", SAMPLES.name, "--db", str(rebuilt))
    assert code == 0, output
    assert dump(rebuilt) == dump(committed), "facts.db is stale: run timeline build samples/"


def test_serve_builds_a_missing_database_from_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SAMPLES, tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    served: list[Path] = []
    monkeypatch.setattr("timeline.serve.serve", lambda db, **kwargs: served.append(db))
    code, output = invoke("serve", "--db", "new.db")
    assert code == 0, output
    assert served == [Path("new.db")]
    assert sqlite_utils.Database(tmp_path / "new.db")["events"].count > 0
