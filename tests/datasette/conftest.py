"""Fixtures: the hand-written database, an in-process Datasette client and a served copy."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .fixture import Fetch, build_database, make_datasette


@pytest.fixture(scope="session")
def facts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "facts.db"
    build_database(path)
    return path


@pytest.fixture
def fetch(facts_db: Path) -> Iterator[Fetch]:
    """GET a path from a Datasette serving the fixture database, synchronously.

    Each test gets its own Datasette: it keeps per-event-loop state, and every call runs in a
    fresh loop because pytest-asyncio is not a dependency.
    """
    datasette = make_datasette(facts_db)

    def get(path: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = asyncio.run(datasette.client.get(path, **kwargs))
        return response

    yield get


REPO_ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server_url(facts_db: Path) -> Iterator[str]:
    """The fixture database served by `timeline.serve.serve` in a child process, as the
    `timeline serve` command runs it."""
    port = _free_port()
    script = (
        "import sys; from pathlib import Path; from timeline.serve import serve; "
        "serve(Path(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]))"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(facts_db), str(port)],
        cwd=REPO_ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"timeline serve did not start:\n{output}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
