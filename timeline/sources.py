"""Read articles from files: text or markdown with YAML front matter, JSONL and CSV.

Every problem with an input becomes a :class:`~timeline.errors.SourceError`
that names the file (and row), so that the command line can report it on one
line and go on with the rest of the corpus.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import SourceError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
ROW_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
SUFFIXES = TEXT_SUFFIXES | ROW_SUFFIXES
#: Each metadata field and the names feeds and front matter give it, first found wins:
#: scrapers and news APIs say "date" or "published_at" as often as "published".
METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": (
        "published",
        "date",
        "published_at",
        "publish_date",
        "date_published",
        "datePublished",
        "pubdate",
    ),
    "source": ("source", "publisher", "outlet"),
    "url": ("url", "link"),
}
#: Names of the article's text in a JSONL row or a CSV header, first found wins.
TEXT_FIELDS = ("text", "body", "content")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# libyaml's loader when PyYAML was built with it: front matter is read for every article.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceDocument:
    """One article as read from its file, before any analysis."""

    name: str  # the file name, with "#row" for a row of a JSONL or CSV file
    path: str
    text: str
    title: str | None = None
    published: str | None = None  # as the metadata gives it, normalised to a string
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A file met while walking a folder that is not an article format."""

    path: str
    reason: str


def discover(paths: Iterable[Path | str]) -> Iterator[Path | Skipped | SourceError]:
    """Files to read under ``paths``, in a stable order.

    A file named explicitly must be readable and of a known format; inside a
    folder, hidden files are passed over and other formats are reported as
    :class:`Skipped`. Symbolic-link loops are reported, not followed forever.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield SourceError(
                    path,
                    f"unknown format {path.suffix or '(no extension)'!r}; "
                    f"expected one of {', '.join(sorted(SUFFIXES))}",
                )
        elif path.is_symlink():
            yield SourceError(path, "broken symbolic link")
        elif not path.exists():
            yield SourceError(path, "no such file or folder")
        else:
            yield SourceError(path, "not a regular file or folder")


def _walk(folder: Path) -> Iterator[Path | Skipped | SourceError]:
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[Path | Skipped | SourceError]:
        try:
            stat = directory.stat()
        except OSError as error:
            yield SourceError(directory, _os_reason(error))
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield SourceError(directory, "symbolic-link loop; folder already visited")
            return
        seen.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            yield SourceError(directory, _os_reason(error))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as error:
                yield SourceError(path, _os_reason(error))
                continue
            if is_dir:
                yield from visit(path)
            elif is_file and path.suffix.lower() in SUFFIXES:
                yield path
            elif is_file:
                yield Skipped(str(path), "not an article format")
            elif entry.is_symlink():
                yield SourceError(path, "broken symbolic link")

    yield from visit(folder)


def read_documents(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[SourceDocument]:
    """Articles held by one file: one for text and markdown, one per row otherwise."""
    text = read_text(path, max_bytes=max_bytes)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [_read_article(path, text)]
    if suffix == ".csv":
        return _read_csv(path, text)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, text)
    raise SourceError(path, f"unknown format {suffix!r}")


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file's text: UTF-8 (with or without BOM), newlines normalised to ``\\n``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(path, _os_reason(error)) from error
    if not data.strip():
        raise SourceError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise SourceError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            path, f"not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(name: str, text: str) -> SourceDocument:
    """An article given as text (standard input, say): front matter read as from a file."""
    return _read_article(Path(name), text.replace("\r\n", "\n").replace("\r", "\n"))


def _read_article(path: Path, text: str) -> SourceDocument:
    metadata: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 3)
        if end == -1:
            raise SourceError(path, "front matter opened with '---' is never closed")
        try:
            loaded = yaml.load(text[4:end], Loader=_YAML_LOADER)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            raise SourceError(path, f"broken YAML front matter{where}") from error
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError(path, "front matter is not a mapping of keys to values")
        metadata = loaded or {}
        after = text.find("\n", end + 4)
        body = "" if after == -1 else text[after + 1 :]
    if not body.strip():
        raise SourceError(path, "no article text")
    return _document(path, path.name, body, metadata)


def _read_jsonl(path: Path, text: str) -> list[SourceDocument]:
    documents = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise SourceError(f"{path}:{number}", f"invalid JSON ({error.msg})") from error
        if not isinstance(row, dict):
            raise SourceError(f"{path}:{number}", "a row must be a JSON object")
        documents.append(_row_document(path, number, row))
    if not documents:
        raise SourceError(path, "no rows")
    return documents


def _read_csv(path: Path, text: str) -> list[SourceDocument]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not set(TEXT_FIELDS) & set(reader.fieldnames):
        raise SourceError(path, "CSV has no 'text' column")
    documents = []
    try:
        for row in reader:
            if None in row:
                raise SourceError(f"{path}:{reader.line_num}", "more fields than the header")
            documents.append(_row_document(path, reader.line_num, row))
    except csv.Error as error:
        raise SourceError(f"{path}:{reader.line_num}", f"invalid CSV ({error})") from error
    if not documents:
        raise SourceError(path, "no rows")
    return documents


def _row_document(path: Path, number: int, row: dict[str, Any]) -> SourceDocument:
    text = next((row[key] for key in TEXT_FIELDS if row.get(key) is not None), None)
    if not isinstance(text, str) or not text.strip():
        raise SourceError(f"{path}:{number}", "row has no 'text'")
    return _document(path, f"{path.name}#{number}", text.replace("\r\n", "\n"), row)


def _document(path: Path, name: str, text: str, metadata: dict[str, Any]) -> SourceDocument:
    values: dict[str, str | None] = {}
    for field, names in METADATA_FIELDS.items():
        given = next((key for key in names if metadata.get(key) not in (None, "")), None)
        values[field] = None if given is None else _metadata_value(path, given, metadata[given])
    return SourceDocument(name=name, path=str(path), text=text, **values)


def _metadata_value(path: Path, key: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | str):
        return str(value).strip()
    raise SourceError(path, f"metadata field {key!r} must be a single value")


def _os_reason(error: OSError) -> str:
    return error.strerror or str(error)
