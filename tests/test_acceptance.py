"""The acceptance test: the shared corpus scored against its gold with the shared scorer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import cli

# The day the gold was written: the latest day the articles can speak of.
AS_OF = "2026-11-23"


def score(shared: Path, tmp_path: Path) -> dict[str, str]:
    db = tmp_path / "facts.db"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["build", str(shared / "corpus"), "--db", str(db), "--as-of", AS_OF]
    )
    assert result.exit_code == 0, result.output
    for name, extra in (("events.csv", []), ("facts.csv", ["--facts"])):
        result = runner.invoke(
            cli, ["export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / name), *extra]
        )
        assert result.exit_code == 0, result.output
    completed = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            "--gold",
            str(shared / "gold" / "seeds.yml"),
            "--events",
            str(tmp_path / "events.csv"),
            "--facts",
            str(tmp_path / "facts.csv"),
            "--verbose",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = completed.stdout.strip().splitlines()[-1]
    return dict(re.findall(r"(\w+)=(\S+)", summary)) | {"report": completed.stdout}


def test_every_gold_event_is_found_with_its_date(shared: Path, tmp_path: Path) -> None:
    result = score(shared, tmp_path)
    report = result["report"]
    assert result["found"] == result["events"] == "16", report
    assert result["date_ok"] == "16", report
    assert result["type_ok"] == "16", report
    assert result["named_ok"] == "6/6", report
    assert result["places_ok"] == "18/18", report
    assert float(result["precision"]) >= 0.9, report


def test_every_gold_fact_is_found(shared: Path, tmp_path: Path) -> None:
    result = score(shared, tmp_path)
    assert result["facts_ok"] == result["facts"] == "40", result["report"]
