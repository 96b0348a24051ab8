"""Builds: incremental, parallel, pruned, and atomic even when killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from timeline.build import build, extract, extract_file, load

from .conftest import SAMPLES
from .test_cli import dump

AS_OF = date(2026, 11, 23)


def copy_samples(folder: Path) -> Path:
    folder.mkdir()
    for sample in sorted(SAMPLES.iterdir()):
        (folder / sample.name).write_bytes(sample.read_bytes())
    return folder


def test_unchanged_documents_are_skipped(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    db = tmp_path / "t.db"
    first = build([corpus], db, not_after=AS_OF)
    assert first.documents == len(list(corpus.iterdir()))
    before = db.stat().st_mtime_ns
    second = build([corpus], db, not_after=AS_OF)
    assert (second.documents, second.unchanged, second.written) == (0, first.documents, False)
    assert db.stat().st_mtime_ns == before
    (corpus / "sco-talks.md").write_text(
        (corpus / "sco-talks.md").read_text(encoding="utf-8") + "\nThey met again on Friday.\n",
        encoding="utf-8",
    )
    third = build([corpus], db, not_after=AS_OF)
    assert (third.documents, third.unchanged) == (1, first.documents - 1)
    assert sqlite_utils.Database(db)["documents"].count == first.documents


def test_force_gives_the_same_rows(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    rows = dump(db)
    build([corpus], db, not_after=AS_OF, force=True)
    assert dump(db) == rows


def test_prune_removes_documents_whose_files_are_gone(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    (corpus / "kunduz-blast.md").unlink()
    kept = build([corpus], db, not_after=AS_OF)
    assert kept.pruned == []
    assert "kunduz-blast.md" in {r["name"] for r in sqlite_utils.Database(db)["documents"].rows}
    pruned = build([corpus], db, not_after=AS_OF, prune=True)
    assert pruned.pruned == ["kunduz-blast.md"]
    names = {r["name"] for r in sqlite_utils.Database(db)["documents"].rows}
    assert "kunduz-blast.md" not in names
    orphans = (
        sqlite_utils.Database(db)
        .execute("select count(*) from events where document_id not in (select id from documents)")
        .fetchone()
    )
    assert orphans == (0,)


def test_parallel_build_gives_the_same_rows(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    build([corpus], tmp_path / "one.db", not_after=AS_OF)
    build([corpus], tmp_path / "two.db", not_after=AS_OF, jobs=2)
    assert dump(tmp_path / "two.db") == dump(tmp_path / "one.db")


def test_duplicate_text_is_stored_once_under_the_first_name(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    (corpus / "zz-copy.md").write_bytes((corpus / "sco-talks.md").read_bytes())
    db = tmp_path / "t.db"
    report = build([corpus], db, not_after=AS_OF)
    assert report.duplicates == ["zz-copy.md (same text as sco-talks.md)"]
    rows = dump(db)
    again = build([corpus], db, not_after=AS_OF)
    assert again.duplicates == report.duplicates
    assert dump(db) == rows


def test_a_killed_build_leaves_the_previous_database(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    before = db.read_bytes()
    big = tmp_path / "big"
    big.mkdir()
    text = (SAMPLES / "sco-talks.md").read_text(encoding="utf-8")
    for number in range(400):
        (big / f"a{number:04d}.md").write_text(text + f"\nNote {number}.\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "build", str(big), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill it while it writes: once its private copy has appeared.
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".t.db.*.building")) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert db.read_bytes() == before
    assert sqlite_utils.Database(db)["documents"].count == len(list(corpus.iterdir()))


def test_extract_then_load_equals_build(tmp_path: Path) -> None:
    corpus = copy_samples(tmp_path / "corpus")
    build([corpus], tmp_path / "built.db", not_after=AS_OF)
    lines = tmp_path / "part.jsonl"
    with lines.open("w", encoding="utf-8") as out:
        report = extract([corpus], out, not_after=AS_OF)
    assert report.documents == len(list(corpus.iterdir()))
    loaded = load([lines], tmp_path / "loaded.db")
    assert loaded.documents == report.documents
    assert dump(tmp_path / "loaded.db") == dump(tmp_path / "built.db")
    # Both summaries say where the documents' dates came from.
    assert (report.dates_given, report.dates_inferred, report.undated) == (
        loaded.dates_given,
        loaded.dates_inferred,
        loaded.undated,
    )
    assert report.dates_given > 0 and report.undated > 0


def test_load_reports_bad_lines(tmp_path: Path) -> None:
    lines = tmp_path / "part.jsonl"
    lines.write_text('{"format": "something-else"}\nnot json\n', encoding="utf-8")
    report = load([lines], tmp_path / "t.db")
    assert [str(e) for e in report.errors] == [
        f"{lines}:1: not a timeline-analysis/1 line",
        f"{lines}:2: invalid JSON (Expecting value)",
    ]
    assert not (tmp_path / "t.db").exists()


def test_extract_runs_as_a_dask_map_step(tmp_path: Path) -> None:
    bag = pytest.importorskip("dask.bag", reason="the cluster extra (dask) is not installed")
    corpus = copy_samples(tmp_path / "corpus")
    paths = [str(p) for p in sorted(corpus.iterdir())]
    lines = (
        bag.from_sequence(paths, npartitions=3)
        .map(extract_file, not_after=AS_OF)
        .flatten()
        .compute(scheduler="threads")
    )
    (tmp_path / "part.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    load([tmp_path / "part.jsonl"], tmp_path / "dask.db")
    build([corpus], tmp_path / "built.db", not_after=AS_OF)
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "built.db")
