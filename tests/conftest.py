"""Shared fixtures: paths to the repository, its samples, and the shared gold corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from timeline.schema import ensure_schema

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared corpus and gold that CI places beside the checkout."""
    if not (SHARED / "corpus").is_dir() or not (SHARED / "gold" / "seeds.yml").is_file():
        pytest.skip(
            f"{SHARED} is not here: the shared corpus and gold sit beside the checkout in CI only"
        )
    return SHARED


@pytest.fixture
def fresh_db(tmp_path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(tmp_path / "fresh.db")
    ensure_schema(db)
    return db
