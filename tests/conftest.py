"""Shared fixtures: paths to the repository, its samples, and the shared gold corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import sqlite_utils

from timeline.schema import ensure_schema

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def load_benchmark(name: str) -> ModuleType:
    """A script of benchmarks/, which is a folder of scripts rather than a package.

    The module goes into sys.modules before it runs: dataclasses look it up there.
    """
    spec = importlib.util.spec_from_file_location(
        f"{name}_benchmark", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
