"""The ``timeline`` command line: a thin layer over the library."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
import sqlite_utils

from . import __version__
from .build import BuildReport
from .build import build as build_database
from .build import extract as extract_analyses
from .build import load as load_analyses
from .curation import Curation, load_curation
from .errors import TimelineError
from .export import FORMATS, Filters, check_request
from .export import export as write_export
from .pipeline import document_date
from .published import Published, parse_published
from .sources import DEFAULT_MAX_BYTES, read_article, read_documents
from .store import check_database
from .temporal import tag
from .temporal.types import PRECISIONS

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "facts.db"
SAMPLES = Path("samples")
METADATA = Path("metadata.yml")
CURATION = Path("curation.yml")


class DateParam(click.ParamType):  # type: ignore[type-arg]
    """A date given on the command line: ISO 8601 or written out, day, month or year."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Published):
            return value
        try:
            return parse_published(str(value), basis="option", note="given with --published")
        except ValueError as error:
            self.fail(str(error), param, ctx)


def db_option(*, must_exist: bool = False) -> Callable[[F], F]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path, exists=must_exist),
        default=DEFAULT_DB,
        show_default=True,
        help="SQLite database file.",
    )


def published_option(function: F) -> F:
    return click.option(
        "--published",
        type=DateParam(),
        help="Publication date for articles whose metadata gives none (e.g. 2026-02-02).",
    )(function)


def jobs_option(function: F) -> F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Analyse articles in this many processes.",
    )(function)


def strict_option(unit: str) -> Callable[[F], F]:
    return click.option(
        "--strict/--keep-going",
        default=False,
        help=f"Stop at the first bad {unit}, or (the default) go on and report failures.",
    )


def curation_option(function: F) -> F:
    return click.option(
        "--curation",
        type=click.Path(dir_okay=False, path_type=Path),
        default=CURATION,
        show_default=True,
        help="Analysts' corrections to apply (used when the file exists).",
    )(function)


def _curation(path: Path) -> Curation | None:
    return load_curation(path) if path.exists() else None


def as_of_option(function: F) -> F:
    return click.option(
        "--as-of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Day of ingestion: the latest day an article can speak of, used to pick "
        "the year a weekday allows. Default: today.",
    )(function)


def _as_of(value: Any) -> date:
    # The clock is read here, at the edge, and handed down explicitly.
    return value.date() if value is not None else date.today()


@click.group()
@click.version_option(__version__, prog_name="timeline")
def cli() -> None:
    """Build a dated event timeline and fact database from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option()
@published_option
@as_of_option
@strict_option("file")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse files larger than this.",
)
@jobs_option
@click.option("--force", is_flag=True, help="Analyse unchanged articles again.")
@click.option(
    "--prune", is_flag=True, help="Remove documents whose files were not seen in this build."
)
@curation_option
def build(
    paths: tuple[Path, ...],
    db_path: Path,
    published: Published | None,
    as_of: Any,
    strict: bool,
    max_bytes: int,
    jobs: int,
    force: bool,
    prune: bool,
    curation: Path,
) -> None:
    """Read articles from PATHS (files or folders) into the database.

    Reads .txt and .md files (with optional YAML front matter: title,
    published, source, url) and .jsonl or .csv files with one article per row
    (a "text" field plus the same metadata; "body" or "content", "date" or
    "published_at", "link" and "publisher" are read too). The database is replaced
    atomically; re-running a build gives the same ids and rows, and articles
    unchanged since the last build are not analysed again.

    Example:

        timeline build samples/ --db facts.db
    """
    try:
        report = build_database(
            paths,
            db_path,
            published=published,
            not_after=_as_of(as_of),
            max_bytes=max_bytes,
            strict=strict,
            jobs=jobs,
            force=force,
            prune=prune,
            curation=_curation(curation),
            progress=_progress,
        )
    except TimelineError as error:
        raise click.ClickException(str(error)) from error
    _finish(report, db_path)
    if not report.written and not report.unchanged and not report.errors:
        raise click.ClickException("no articles found in " + ", ".join(map(str, paths)))


def _finish(report: BuildReport, db_path: Path | None) -> None:
    """Report what was skipped and what failed, the summary, and exit 1 on failures."""
    for skipped in report.skipped:
        click.echo(f"Skipped: {skipped.path}: {skipped.reason}", err=True)
    for duplicate in report.duplicates:
        click.echo(f"Duplicate: {duplicate}", err=True)
    for failure in report.errors:
        click.echo(f"Error: {failure}", err=True)
    for problem in report.curation_problems:
        click.echo(f"Warning: {problem}", err=True)
    click.echo(f"{db_path or 'extract'}: {report.summary()}", err=True)
    if report.errors:
        if db_path is not None and not report.written:
            click.echo(f"{db_path} was left unchanged.", err=True)
        sys.exit(1)


def _progress(files: list[Path]) -> Iterator[Path]:
    if not sys.stderr.isatty() or len(files) < 2:
        yield from files
        return
    with click.progressbar(
        files, label="Analysing", file=sys.stderr, item_show_func=lambda p: p.name if p else None
    ) as bar:
        yield from bar


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="JSON Lines file to write (default: standard output).",
)
@published_option
@as_of_option
@strict_option("file")
@jobs_option
def extract(
    paths: tuple[Path, ...],
    output: Any,
    published: Published | None,
    as_of: Any,
    strict: bool,
    jobs: int,
) -> None:
    """Analyse articles without a database: one JSON line per document.

    Each line depends only on its article and the options, so this is the map
    step for running on many machines; merge the lines with "timeline load".

    Example:

        timeline extract articles/ -o part-1.jsonl && timeline load part-*.jsonl --db facts.db
    """
    try:
        report = extract_analyses(
            paths, output, published=published, not_after=_as_of(as_of), strict=strict, jobs=jobs
        )
    except TimelineError as error:
        raise click.ClickException(str(error)) from error
    _finish(report, None)


@cli.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@db_option()
@strict_option("line")
@curation_option
def load(files: tuple[Path, ...], db_path: Path, strict: bool, curation: Path) -> None:
    """Merge JSON Lines written by "timeline extract" into the database, atomically.

    Example:

        timeline load part-1.jsonl part-2.jsonl --db facts.db
    """
    try:
        report = load_analyses(files, db_path, strict=strict, curation=_curation(curation))
    except TimelineError as error:
        raise click.ClickException(str(error)) from error
    _finish(report, db_path)


@cli.command()
@db_option(must_exist=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--facts", is_flag=True, help="Export facts instead of events (csv, json, jsonl).")
@click.option("--since", type=DateParam(), help="Events on or after this day, month or year.")
@click.option("--until", type=DateParam(), help="Events on or before this day, month or year.")
@click.option("--type", "types", multiple=True, help="Only this event type (repeatable).")
@click.option("--actor", help="Only events with this actor (name or alias, any case).")
@click.option("--place", help="Only events at or about this place (name or alias, any case).")
@click.option("--document", help="Only events (or facts) of this document (name or id).")
@click.option("--search", help="Only events whose title or evidence has all these words.")
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), help="Only events at least this confident."
)
@click.option(
    "--precision",
    "precisions",
    type=click.Choice(PRECISIONS),
    multiple=True,
    help="Only events dated at this precision (repeatable).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("wb"),
    default="-",
    help="Output file (default: standard output).",
)
def export(
    db_path: Path,
    fmt: str,
    facts: bool,
    since: Published | None,
    until: Published | None,
    types: tuple[str, ...],
    actor: str | None,
    place: str | None,
    document: str | None,
    search: str | None,
    min_confidence: float | None,
    precisions: tuple[str, ...],
    output: Any,
) -> None:
    """Export events (or facts) in date order, filtered.

    \b
    Formats:
      csv              events CSV columns: event_id, document, start, end,
                       precision, date_basis, event_type, title, actors,
                       location, places, evidence, extractor, confidence,
                       sources (documents reporting the event), date_conflict
                       (1 when reports disagree on the date); lists are
                       separated by ";". Facts CSV columns: subject,
                       relation, object, role, of, document, evidence,
                       valid_from (when the text dates the fact), as_of
                       (the date of the document that states it)
      json, jsonl      the same rows as a JSON array or one object a line
      timelinejs-csv   TimelineJS's spreadsheet template
      timelinejs-json  TimelineJS's JSON format
      ics              an iCalendar file of all-day events

    Filters combine: an event must pass all of them. --since and --until keep
    events whose days overlap the range; a month or year means all of it.
    TimelineJS and iCalendar cannot place events whose year is unknown: they
    are left out, and stderr says how many.

    Examples:

    \b
        timeline export --db facts.db --format csv -o timeline.csv
        timeline export --db facts.db --format ics --type meeting --since 2025-06 -o talks.ics
        timeline export --db facts.db --format timelinejs-json --actor Taliban -o taliban.json
    """
    try:
        check_database(db_path)
        filters = Filters(
            since=since.start if since else None,
            until=until.end if until else None,
            types=types,
            actor=actor,
            place=place,
            document=document,
            search=search,
            min_confidence=min_confidence,
            precisions=precisions,
        )
        check_request(fmt, facts=facts, filters=filters)
    except TimelineError as error:
        raise click.ClickException(str(error)) from error
    db = sqlite_utils.Database(db_path)
    if "events" not in db.table_names():
        raise click.ClickException(f"{db_path}: not a timeline database")
    # Bytes out, newlines as written: ICS needs CRLF and every export the same bytes anywhere.
    text = io.TextIOWrapper(output, encoding="utf-8", newline="")
    try:
        written = write_export(db, fmt, text, facts=facts, filters=filters)
    finally:
        text.flush()
        text.detach()
    if written.skipped:
        click.echo(
            f"Skipped {written.skipped} event{'s' * (written.skipped != 1)} whose year is "
            f"unknown: {fmt} cannot place them in time.",
            err=True,
        )


@cli.command()
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8001, show_default=True)
@click.option(
    "--samples",
    type=click.Path(file_okay=False, path_type=Path),
    default=SAMPLES,
    show_default=True,
    help="Articles to build from when the database is missing.",
)
@click.option(
    "--metadata",
    type=click.Path(dir_okay=False, path_type=Path),
    default=METADATA,
    show_default=True,
    help="Datasette metadata (used when the file exists).",
)
@as_of_option
def serve(db_path: Path, host: str, port: int, samples: Path, metadata: Path, as_of: Any) -> None:
    """Browse the database in Datasette, read-only.

    Builds the database from the sample articles first if it does not exist.

    Example:

        timeline serve --db facts.db --port 8001
    """
    from .serve import serve as serve_datasette

    try:
        if not db_path.exists():
            if not samples.is_dir():
                raise click.ClickException(
                    f"{db_path} does not exist and there is no {samples}/ folder to build it from"
                )
            report = build_database([samples], db_path, not_after=_as_of(as_of))
            click.echo(f"{db_path}: {report.summary()}", err=True)
        check_database(db_path)
        serve_datasette(
            db_path, metadata=metadata if metadata.exists() else None, host=host, port=port
        )
    except TimelineError as error:
        raise click.ClickException(str(error)) from error


def _describe_document_date(dated: Published | None, anchor: date | None) -> str:
    if dated is None:
        return "No document date given or found; relative dates stay unresolved."
    if dated.basis == "inferred":
        told = f"Document date inferred: {dated.iso} ({dated.note})"
    else:
        told = f"Document date from its {_DATE_SOURCES.get(dated.basis, dated.basis)}: {dated.iso}"
    if anchor is None:
        told += "; too coarse to resolve relative dates, which stay unresolved"
    return told + "."


_DATE_SOURCES = {"metadata": "metadata", "option": "--published option", "dateline": "dateline"}


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path))
@published_option
@as_of_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
def dates(file: Path, published: Published | None, as_of: Any, fmt: str) -> None:
    """Print every temporal expression in FILE ("-" for standard input), resolved.

    The document date comes from the article's front matter, else from
    --published, else from its dateline, else it is inferred from the text;
    stderr says which. Offsets count from the start of the article's text,
    after any front matter. A JSONL or CSV file gives the expressions of
    every row, each naming its document.

    JSON lines also carry the TIMEX3 mod ("late November": END).

    Example:

        echo "The talks began Monday and end on Friday, March 6." | \\
            timeline dates - --published 2026-03-02 --format table
    """
    try:
        sources = (
            [read_article("<stdin>", sys.stdin.read())]
            if str(file) == "-"
            else read_documents(file)
        )
    except TimelineError as error:
        raise click.ClickException(str(error)) from error
    not_after = _as_of(as_of)
    several = len(sources) > 1
    rows: list[dict[str, Any]] = []
    for source in sources:
        try:
            dated, anchor = document_date(source, source.text, published, not_after)
        except ValueError as error:
            raise click.ClickException(f"{source.name}: {error}") from error
        prefix = f"{source.name}: " if several else ""
        click.echo(prefix + _describe_document_date(dated, anchor), err=True)
        rows += [
            {**({"document": source.name} if several else {}), **t.record()}
            for t in tag(source.text, anchor, not_after=not_after)
        ]
    columns = (
        *(("document",) if several else ()),
        "start_char",
        "end_char",
        "text",
        "type",
        "value",
        "start",
        "end",
        "precision",
        "basis",
    )
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    widths = {c: max([len(c), *(len(str(r[c] or "")) for r in rows)]) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        click.echo("  ".join(str(row[c] or "").ljust(widths[c]) for c in columns).rstrip())
