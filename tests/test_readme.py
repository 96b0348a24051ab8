"""The README: its two opening commands, and its --help text kept current by cog."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import ROOT


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    serve, tests = blocks[0].strip(), blocks[1].strip()
    assert "\n" not in serve and serve.endswith("timeline serve")
    assert "\n" not in tests and tests.endswith("python -m pytest -q")
    assert text.index(blocks[1]) < text.index("## What it does")


def test_command_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", str(ROOT / "README.md")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, "README's --help text is stale: run cog -r README.md"
