"""Build a database from article files: read, analyse, write atomically, report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import SourceError
from .pipeline import Analysis, analyse
from .published import Published
from .sources import DEFAULT_MAX_BYTES, Skipped, SourceDocument, discover, read_documents
from .store import WriteCounts, atomic_database, write_analyses


@dataclass
class BuildReport:
    """What a build did, for the one-line summary and the list of problems."""

    documents: int = 0
    events: int = 0
    facts: int = 0
    dates_given: int = 0
    dates_inferred: int = 0
    undated: int = 0
    duplicates: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    written: bool = False

    def summary(self) -> str:
        parts = [
            f"{self.documents} document{'s' * (self.documents != 1)}",
            f"{self.events} event{'s' * (self.events != 1)}",
            f"{self.facts} fact{'s' * (self.facts != 1)}",
            f"{self.dates_inferred} document date{'s' * (self.dates_inferred != 1)} "
            "inferred from the text",
        ]
        if self.undated:
            parts.append(f"{self.undated} undated")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate{'s' * (len(self.duplicates) != 1)}")
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return ", ".join(parts)


def collect_sources(
    paths: Iterable[Path | str],
    report: BuildReport,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
) -> list[SourceDocument]:
    """Every readable article under ``paths``; problems go to ``report``.

    With ``strict`` the first problem is raised instead.
    """
    documents: list[SourceDocument] = []
    for found in discover(paths):
        if isinstance(found, Skipped):
            report.skipped.append(found)
            continue
        try:
            if isinstance(found, SourceError):
                raise found
            documents.extend(read_documents(found, max_bytes=max_bytes))
        except SourceError as error:
            if strict:
                raise
            report.errors.append(error)
    return documents


def build(
    paths: Iterable[Path | str],
    db_path: Path,
    *,
    published: Published | None = None,
    not_after: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    progress: Callable[[Iterable[SourceDocument]], Iterator[SourceDocument]] | None = None,
) -> BuildReport:
    """Analyse every article under ``paths`` into the database at ``db_path``.

    The database is replaced atomically and only when at least one article was
    analysed; on any error it is left as it was. ``not_after`` is the latest
    day the articles can speak of (the caller passes the day of ingestion).
    """
    report = BuildReport()
    sources = collect_sources(paths, report, max_bytes=max_bytes, strict=strict)
    analyses = _analyse_all(sources, report, published, not_after, strict, progress)
    if not analyses:
        return report
    with atomic_database(db_path) as db:
        counts: WriteCounts = write_analyses(db, analyses)
    report.written = True
    report.events = counts.events
    report.facts = counts.facts
    report.replaced = counts.replaced
    return report


def _analyse_all(
    sources: list[SourceDocument],
    report: BuildReport,
    published: Published | None,
    not_after: date | None,
    strict: bool,
    progress: Callable[[Iterable[SourceDocument]], Iterator[SourceDocument]] | None,
) -> list[Analysis]:
    analyses: dict[str, Analysis] = {}
    names: dict[str, str] = {}
    for source in progress(sources) if progress else sources:
        try:
            analysis = analyse(source, published=published, not_after=not_after)
        except ValueError as error:
            failure = SourceError(source.name if "#" in source.name else source.path, str(error))
            if strict:
                raise failure from error
            report.errors.append(failure)
            continue
        document = analysis.document
        if document.id in analyses:
            report.duplicates.append(f"{source.name} (same text as {names[document.id]})")
            continue
        analyses[document.id] = analysis
        names[document.id] = source.name
        report.documents += 1
        basis = document.published.basis if document.published else None
        report.dates_inferred += basis == "inferred"
        report.dates_given += basis in ("metadata", "option", "dateline")
        report.undated += basis is None
    return list(analyses.values())
