"""Serve a timeline database read-only with Datasette, its metadata and the timeline plugin."""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from timeline import datasette_plugin
from timeline.errors import DatabaseError, TimelineError

CONFIG_PATH = Path(__file__).resolve().parent / "datasette_plugin" / "datasette.yml"
#: metadata.yml at the root of a source checkout; an installed wheel has none, and then the
#: caller passes one or serves without.
DEFAULT_METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
#: The database name metadata.yml is written for (the name Datasette gives facts.db).
METADATA_DATABASE = "facts"
PLUGIN_NAME = "timeline"


def ensure_plugin_registered() -> None:
    """Register the timeline plugin with Datasette unless its entry point already has.

    An editable or wheel install registers it through ``[project.entry-points.datasette]``;
    a plain checkout on ``sys.path`` does not, and then it is registered here by hand.
    """
    from datasette.plugins import pm

    if not pm.is_registered(datasette_plugin) and pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(datasette_plugin, name=PLUGIN_NAME)


def load_config(path: Path = CONFIG_PATH) -> dict[str, Any]:
    """The Datasette 1.0-style configuration: ``settings`` and ``plugins``."""
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(config, dict):
        raise ValueError(f"{path}: expected a mapping")
    return config


def datasette_metadata(
    metadata: Path | None, database: str, *, plugins: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Datasette 0.65 metadata for serving ``database``.

    metadata.yml describes a database called "facts"; its block is renamed to ``database``
    so that tables, facets and canned queries apply whatever the file is called. Datasette
    0.65 reads plugin configuration from metadata, so ``plugins`` is merged in here.
    """
    loaded: dict[str, Any] = {}
    if metadata is not None:
        loaded = yaml.safe_load(metadata.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"{metadata}: expected a mapping")
    databases = dict(loaded.get("databases") or {})
    if METADATA_DATABASE in databases and database != METADATA_DATABASE:
        databases[database] = databases.pop(METADATA_DATABASE)
    result = {**loaded, "databases": databases}
    if plugins:
        result["plugins"] = {**(loaded.get("plugins") or {}), **plugins}
    return result


def serve_arguments(
    db_path: Path,
    *,
    metadata: Path | None,
    host: str,
    port: int,
    inspect_file: Path | None = None,
    settings: Mapping[str, object] | None = None,
    open_browser: bool = False,
) -> list[str]:
    """Arguments for the ``datasette`` command (from ``serve`` on) serving ``db_path``
    immutable, so that Datasette opens it read-only and trusts ``inspect_file``'s counts."""
    arguments = ["serve", "-i", str(db_path), "--host", host, "--port", str(port)]
    if metadata is not None:
        arguments += ["--metadata", str(metadata)]
    if inspect_file is not None:
        arguments += ["--inspect-file", str(inspect_file)]
    for name, value in (settings or {}).items():
        text = json.dumps(value) if isinstance(value, bool) else str(value)
        arguments += ["--setting", name, text]
    if open_browser:
        arguments.append("--open")
    return arguments


async def _inspect(db_path: Path) -> dict[str, Any]:
    from datasette.cli import inspect_

    data: dict[str, Any] = await inspect_([str(db_path)], [])
    return data


def serve(
    db_path: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata: Path | None = DEFAULT_METADATA,
    settings: Mapping[str, object] | None = None,
    open_browser: bool = False,
) -> None:
    """Serve ``db_path`` with Datasette until interrupted (Ctrl-C), like ``datasette serve``.

    ``metadata`` defaults to the checkout's metadata.yml when there is one; ``settings``
    override those of datasette.yml. Raises DatabaseError when the database is not there and
    TimelineError when a metadata file that was named is not.
    """
    if not db_path.is_file():
        raise DatabaseError(db_path, "no such database file")
    if metadata == DEFAULT_METADATA and not metadata.is_file():
        metadata = None
    elif metadata is not None and not metadata.is_file():
        raise TimelineError(f"{metadata}: no such metadata file")
    ensure_plugin_registered()
    from datasette.cli import cli

    config = load_config()
    with tempfile.TemporaryDirectory(prefix="timeline-serve-") as temporary:
        directory = Path(temporary)
        inspect_file = directory / "inspect.json"
        inspect_file.write_text(json.dumps(asyncio.run(_inspect(db_path))), encoding="utf-8")
        metadata_file = directory / "metadata.json"
        metadata_file.write_text(
            json.dumps(datasette_metadata(metadata, db_path.stem, plugins=config.get("plugins"))),
            encoding="utf-8",
        )
        arguments = serve_arguments(
            db_path,
            metadata=metadata_file,
            host=host,
            port=port,
            inspect_file=inspect_file,
            settings={**(config.get("settings") or {}), **(settings or {})},
            open_browser=open_browser,
        )
        cli.main(args=arguments, prog_name="datasette", standalone_mode=False)
