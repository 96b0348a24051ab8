"""Build a database from article files: read, analyse, write atomically, report.

Articles stream through one at a time (or through ``jobs`` worker processes),
so memory stays flat however large the corpus. A document whose source and
extractors are unchanged since the last build is not analysed again.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TextIO

import sqlite_utils

from . import __version__
from .consolidate import consolidate
from .curation import Curation
from .documents import stable_id
from .errors import SourceError
from .extractors import extraction_version
from .facet_counts import refresh_facet_counts
from .pipeline import Analysis, analyse
from .published import Published
from .serialize import dump_analysis, load_analysis
from .sources import (
    DEFAULT_MAX_BYTES,
    Skipped,
    SourceDocument,
    discover,
    read_documents,
)
from .store import (
    WriteCounts,
    atomic_database,
    known_fingerprints,
    prune_documents,
    prune_entities,
    write_analyses,
)

ANALYSIS_SUFFIXES = frozenset({".py", ".yml", ".yaml", ".tsv", ".csv", ".json"})
#: Parts of the package that do not change what a document yields.
NOT_ANALYSIS = frozenset(
    {"datasette_plugin", "formats", "cli.py", "serve.py", "export.py", "__main__.py", "__pycache__"}
)
#: How many documents a worker process takes at a time.
CHUNK_SIZE = 16
#: How many chunks each worker may have queued, which bounds memory.
CHUNKS_IN_FLIGHT_PER_JOB = 3


@dataclass
class BuildReport:
    """What a build did, for the one-line summary and the list of problems."""

    documents: int = 0
    unchanged: int = 0
    events: int = 0
    facts: int = 0
    dates_given: int = 0
    dates_inferred: int = 0
    undated: int = 0
    events_changed: int = 0
    merged: int = 0
    conflicts: int = 0
    curation_problems: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    written: bool = False

    def count_date_bases(self, bases: Counter[str | None]) -> None:
        """Tally documents by where their date came from (``None``: undated)."""
        self.dates_inferred = bases["inferred"]
        self.dates_given = sum(bases[b] for b in ("metadata", "option", "dateline"))
        self.undated = bases[None]

    def summary(self) -> str:
        parts = [
            _count(self.documents, "document"),
            _count(self.events, "event"),
            _count(self.facts, "fact"),
            f"{_count(self.dates_inferred, 'document date')} inferred from the text",
        ]
        if self.undated:
            parts.append(f"{self.undated} undated")
        if self.merged:
            parts.append(f"{_count(self.merged, 'event')} reported by several documents")
        if self.conflicts:
            parts.append(f"{_count(self.conflicts, 'date conflict')}")
        if self.replaced:
            parts.append(f"{len(self.replaced)} changed since the last build")
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.pruned:
            parts.append(f"{len(self.pruned)} pruned")
        if self.duplicates:
            parts.append(_count(len(self.duplicates), "duplicate"))
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return ", ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def source_fingerprint(source: SourceDocument, published: Published | None) -> str:
    """What decides whether a document must be analysed again."""
    return stable_id(
        source.text,
        source.title,
        source.published,
        source.source,
        source.url,
        published.iso if published else "",
        analysis_version(),
        extraction_version(),
    )


@cache
def analysis_version() -> str:
    """A digest of the code and vocabularies that analyse a document.

    Any change to them, a fixed rule or a new alias, makes the next build
    analyse every document again; nothing stale survives an upgrade.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in ANALYSIS_SUFFIXES and not set(path.relative_to(package).parts) & (
            NOT_ANALYSIS
        ):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def iter_sources(
    files: Iterable[Path],
    report: BuildReport,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
) -> Iterator[SourceDocument]:
    """The articles in ``files``; problems go to ``report`` (or are raised, if ``strict``)."""
    for path in files:
        try:
            yield from read_documents(path, max_bytes=max_bytes)
        except SourceError as error:
            if strict:
                raise
            report.errors.append(error)


def find_files(paths: Iterable[Path | str], report: BuildReport, *, strict: bool) -> list[Path]:
    files = []
    for found in discover(paths):
        if isinstance(found, Skipped):
            report.skipped.append(found)
        elif isinstance(found, SourceError):
            if strict:
                raise found
            report.errors.append(found)
        else:
            files.append(found)
    return files


def build(
    paths: Iterable[Path | str],
    db_path: Path,
    *,
    published: Published | None = None,
    not_after: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    jobs: int = 1,
    force: bool = False,
    prune: bool = False,
    curation: Curation | None = None,
    progress: Callable[[list[Path]], Iterator[Path]] | None = None,
) -> BuildReport:
    """Analyse every article under ``paths`` into the database at ``db_path``.

    The database is replaced atomically, and only when something changed; on
    any error raised it is left as it was. ``not_after`` is the latest day the
    articles can speak of (the caller passes the day of ingestion). ``force``
    analyses unchanged documents again; ``prune`` removes documents whose
    files were not seen in this build. ``curation`` holds the analysts' rules,
    applied to the events every build.
    """
    report = BuildReport()
    files = find_files(paths, report, strict=strict)
    with atomic_database(db_path) as staged:
        known = {} if force else known_fingerprints(staged.db)
        seen: set[tuple[str, str]] = set()

        def changed_sources() -> Iterator[tuple[SourceDocument, str]]:
            walked = progress(files) if progress else iter(files)
            for source in iter_sources(walked, report, max_bytes=max_bytes, strict=strict):
                seen.add((source.path, source.name))
                fingerprint = source_fingerprint(source, published)
                if known.get((source.path, source.name)) == fingerprint:
                    report.unchanged += 1
                    continue
                yield source, fingerprint

        analysed = _analyse(changed_sources(), report, published, not_after, strict, jobs)
        counts = write_analyses(staged.db, analysed)
        _record(report, counts)
        if prune:
            report.pruned = prune_documents(staged.db, seen)
        recounted = _finish_events(staged.db, curation, report)
        staged.changed = bool(
            counts.documents or report.pruned or report.events_changed or recounted
        )
    report.written = staged.changed
    return report


def extract(
    paths: Iterable[Path | str],
    out: TextIO,
    *,
    published: Published | None = None,
    not_after: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    jobs: int = 1,
) -> BuildReport:
    """Analyse articles without a database, one JSON line per document to ``out``.

    Each line depends on its article and the options alone, so extraction can
    run as the map step of any cluster framework; :func:`load` merges lines.
    """
    report = BuildReport()
    files = find_files(paths, report, strict=strict)
    items = (
        (source, source_fingerprint(source, published))
        for source in iter_sources(files, report, max_bytes=max_bytes, strict=strict)
    )
    bases: Counter[str | None] = Counter()
    for analysis, fingerprint in _analyse(items, report, published, not_after, strict, jobs):
        out.write(dump_analysis(analysis, fingerprint) + "\n")
        report.documents += 1
        report.events += len(analysis.events)
        report.facts += len(analysis.facts)
        bases[analysis.document.published.basis if analysis.document.published else None] += 1
    report.count_date_bases(bases)
    return report


def extract_file(
    path: Path | str,
    *,
    published: Published | None = None,
    not_after: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[str]:
    """The JSON lines :func:`extract` writes for one file: a pure function of the file.

    This is the map step for cluster frameworks (``dask.bag``, Spark): give it
    paths on a shared store and write what it returns as text files; a bad
    file raises :class:`SourceError` naming it.
    """
    lines = []
    for source in read_documents(Path(path), max_bytes=max_bytes):
        fingerprint = source_fingerprint(source, published)
        try:
            analysis = analyse(source, published=published, not_after=not_after)
        except ValueError as error:
            raise SourceError(
                source.name if "#" in source.name else source.path, str(error)
            ) from error
        lines.append(dump_analysis(analysis, fingerprint))
    return lines


def load(
    files: Iterable[Path],
    db_path: Path,
    *,
    strict: bool = False,
    curation: Curation | None = None,
) -> BuildReport:
    """Merge the lines that :func:`extract` wrote into the database, atomically."""
    report = BuildReport()

    def analyses() -> Iterator[tuple[Analysis, str]]:
        for path in files:
            for number, line in _lines(path):
                try:
                    yield load_analysis(line)
                except ValueError as error:
                    failure = SourceError(f"{path}:{number}", str(error))
                    if strict:
                        raise failure from error
                    report.errors.append(failure)

    with atomic_database(db_path) as staged:
        _record(report, write_analyses(staged.db, analyses()))
        recounted = _finish_events(staged.db, curation, report)
        staged.changed = bool(report.documents or report.events_changed or recounted)
    report.written = staged.changed
    return report


def _finish_events(
    db: sqlite_utils.Database, curation: Curation | None, report: BuildReport
) -> bool:
    """Consolidate events and recount the stored facets; whether the counts changed (a
    database from before they were stored gains them on its next build)."""
    consolidated = consolidate(db, curation)
    prune_entities(db)
    report.events_changed = consolidated.changed + consolidated.removed
    report.merged = consolidated.merged
    report.conflicts = consolidated.conflicts
    report.curation_problems = consolidated.orphans
    report.events = consolidated.events
    return refresh_facet_counts(db)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered non-blank lines, read as they are needed: extracts can be large."""
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
    except OSError as error:
        raise SourceError(path, error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        raise SourceError(path, "not UTF-8 text") from error


def _record(report: BuildReport, counts: WriteCounts) -> None:
    report.documents, report.facts = counts.documents, counts.facts
    report.replaced, report.duplicates = counts.replaced, counts.duplicates
    report.count_date_bases(counts.bases)


def _analyse_one(
    item: tuple[SourceDocument, str], published: Published | None, not_after: date | None
) -> tuple[Analysis | SourceError, str]:
    source, fingerprint = item
    try:
        return analyse(source, published=published, not_after=not_after), fingerprint
    except ValueError as error:
        where = source.name if "#" in source.name else source.path
        return SourceError(where, str(error)), fingerprint


def _analyse(
    items: Iterator[tuple[SourceDocument, str]],
    report: BuildReport,
    published: Published | None,
    not_after: date | None,
    strict: bool,
    jobs: int,
) -> Iterator[tuple[Analysis, str]]:
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _keep_good(
                _bounded_map(pool, items, published, not_after, jobs), report, strict
            )
    else:
        results_here = (_analyse_one(item, published, not_after) for item in items)
        yield from _keep_good(results_here, report, strict)


def _analyse_chunk(
    chunk: list[tuple[SourceDocument, str]], published: Published | None, not_after: date | None
) -> list[tuple[Analysis | SourceError, str]]:
    return [_analyse_one(item, published, not_after) for item in chunk]


def _bounded_map(
    pool: ProcessPoolExecutor,
    items: Iterator[tuple[SourceDocument, str]],
    published: Published | None,
    not_after: date | None,
    jobs: int,
) -> Iterator[tuple[Analysis | SourceError, str]]:
    """Results in input order, with only a few chunks in flight.

    ``Executor.map`` would submit the whole corpus at once and hold it in memory.
    """
    pending: deque[Future[list[tuple[Analysis | SourceError, str]]]] = deque()
    while True:
        while len(pending) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
            chunk = list(islice(items, CHUNK_SIZE))
            if not chunk:
                break
            pending.append(pool.submit(_analyse_chunk, chunk, published, not_after))
        if not pending:
            return
        yield from pending.popleft().result()


def _keep_good(
    results: Iterable[tuple[Analysis | SourceError, str]], report: BuildReport, strict: bool
) -> Iterator[tuple[Analysis, str]]:
    for result, fingerprint in results:
        if isinstance(result, SourceError):
            if strict:
                raise result
            report.errors.append(result)
        else:
            yield result, fingerprint
