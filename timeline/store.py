"""Write analyses into SQLite, atomically: a build fully lands or leaves no trace.

A build works on a private copy of the database and moves it into place with
one ``os.replace`` at the end, so readers (Datasette included) see either the
old database or the new one, never a half-written file.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from .documents import stable_id
from .entities.types import Entity, Fact, Mention
from .errors import DatabaseError
from .events import Event
from .pipeline import Analysis
from .published import Published
from .schema import (
    DOCUMENT_TABLES,
    SCHEMA_VERSION,
    ensure_schema,
    insert_rows,
    mark_current,
    schema_version,
)
from .sentences import Sentence
from .temporal.types import Timex
from .views import ensure_views

_SQLITE_HEADER = b"SQLite format 3\x00"
# json.dumps(..., ensure_ascii=False) makes a new encoder at every call; one will do.
_json_text = json.JSONEncoder(ensure_ascii=False).encode


@dataclass
class WriteCounts:
    documents: int = 0
    facts: int = 0
    bases: Counter[str | None] = field(default_factory=Counter)
    replaced: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def check_database(path: Path) -> None:
    """Raise :class:`DatabaseError` unless ``path`` is absent or a readable SQLite file."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseError(path, "is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise DatabaseError(path, error.strerror or str(error)) from error
    if header and header != _SQLITE_HEADER:
        raise DatabaseError(path, "not an SQLite database")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (status,) = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(path, f"database is unreadable ({error})") from error
    if status != "ok":
        raise DatabaseError(path, f"database is corrupt ({status})")


class Staged:
    """A private, writable copy of a database; see :func:`atomic_database`."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.changed = False


@contextlib.contextmanager
def atomic_database(path: Path) -> Iterator[Staged]:
    """A writable copy of the database at ``path`` that replaces it on success.

    The copy replaces ``path`` only when the caller marks it ``changed``; on any
    exception, or when nothing changed, ``path`` is left byte for byte as it was.
    """
    check_database(path)
    folder = path.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".building", dir=folder)
    os.close(handle)
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(temporary)
        if path.exists():
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            try:
                source.backup(connection)
            except sqlite3.OperationalError as error:
                raise DatabaseError(path, f"database is locked or unreadable ({error})") from error
            finally:
                source.close()
        # The copy is private and thrown away on failure, so it needs no journal and no
        # syncing while it is written; it is synced once before it replaces the original.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        db = sqlite_utils.Database(connection)
        _check_ours(db, path)
        ensure_schema(db)
        ensure_views(db)
        staged = Staged(db)
        yield staged
        if staged.changed:
            mark_current(db)
        connection.commit()
        connection.close()
        connection = None
        if staged.changed:
            with open(temporary, "rb") as written:
                os.fsync(written.fileno())
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
    finally:
        if connection is not None:
            connection.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _check_ours(db: sqlite_utils.Database, path: Path) -> None:
    tables = set(db.table_names())
    if tables and "documents" not in tables:
        raise DatabaseError(path, "is an SQLite database but not a timeline database")


def known_fingerprints(db: sqlite_utils.Database) -> dict[tuple[str, str], str]:
    """The fingerprint of every document in the database, by (path, name).

    None count when the database was written by an older schema: then every
    document is analysed again.
    """
    if schema_version(db) < SCHEMA_VERSION:
        return {}
    return {
        (row["path"], row["name"]): row["fingerprint"]
        for row in db.query("select path, name, fingerprint from documents")
    }


def write_analyses(
    db: sqlite_utils.Database, analyses: Iterable[tuple[Analysis, str]]
) -> WriteCounts:
    """Write each (analysis, source fingerprint), replacing what its document gave before."""
    counts = WriteCounts()
    with db.conn:
        stored = _StoredDocuments(db)
        pending = _PendingRows(db)
        for analysis, source_fingerprint in analyses:
            write_analysis(db, analysis, source_fingerprint, counts, stored, pending)
            if pending.documents >= _DOCUMENTS_PER_WRITE:
                pending.write()
        pending.write()
    return counts


#: Documents whose rows go into the database together: a few statements per table for
#: hundreds of documents, rather than several per document.
_DOCUMENTS_PER_WRITE = 200


class _PendingRows:
    """Rows waiting to be inserted, by table in the order the tables were first given."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.rows: dict[tuple[str, bool], list[Mapping[str, Any]]] = {}
        self.document_ids: set[str] = set()

    @property
    def documents(self) -> int:
        return len(self.document_ids)

    def add(self, table: str, rows: Iterable[Mapping[str, Any]], *, replace: bool = False) -> None:
        self.rows.setdefault((table, replace), []).extend(rows)

    def write(self) -> None:
        for (table, replace), rows in self.rows.items():
            insert_rows(self.db, table, rows, replace=replace)
        self.rows.clear()
        self.document_ids.clear()


class _StoredDocuments:
    """Which documents the database holds, by id and by source, kept in step with writes.

    Looking a document up here rather than in the table saves two queries per
    document; the lookup by path and name would read the whole table each time.
    Ids of one source are kept in table order, the order the queries gave.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.sources: dict[str, tuple[str, str]] = {}
        self.ids: dict[tuple[str, str], list[str]] = {}
        for document_id, path, name in db.conn.execute(
            "select id, path, name from documents order by rowid"
        ):
            self.add(document_id, path, name)

    def add(self, document_id: str, path: str, name: str) -> None:
        self.sources[document_id] = (path, name)
        self.ids.setdefault((path, name), []).append(document_id)

    def remove(self, document_id: str) -> None:
        source = self.sources.pop(document_id, None)
        if source is not None:
            self.ids[source].remove(document_id)


def prune_documents(db: sqlite_utils.Database, keep: set[tuple[str, str]]) -> list[str]:
    """Remove every document whose (path, name) is not in ``keep``; return their names."""
    gone = [
        (row["id"], row["name"])
        for row in db.query("select id, path, name from documents")
        if (row["path"], row["name"]) not in keep
    ]
    with db.conn:
        for document_id, _ in gone:
            delete_document(db, document_id)
    return [name for _, name in gone]


def write_analysis(
    db: sqlite_utils.Database,
    analysis: Analysis,
    source_fingerprint: str,
    counts: WriteCounts,
    stored: _StoredDocuments,
    pending: _PendingRows,
) -> None:
    document = analysis.document
    # Two files with the same text make one document, named after the first in path order,
    # so that repeated and incremental builds agree on which one it is.
    holder = stored.sources.get(document.id)
    if holder is not None and holder < (document.path, document.name):
        counts.duplicates.append(f"{document.name} (same text as {holder[1]})")
        return
    # The same file read again with other text replaces the document it gave before.
    source = (document.path, document.name)
    stale = [i for i in stored.ids.get(source, ()) if i != document.id]
    if pending.document_ids.intersection([*stale, document.id]):
        pending.write()  # what is deleted must be in the database first
    for document_id in stale:
        delete_document(db, document_id)
        stored.remove(document_id)
        counts.replaced.append(document.name)
    if document.id in stored.sources:
        # A document not stored yet has no rows to delete.
        delete_document(db, document.id)
    stored.remove(document.id)
    stored.add(document.id, *source)
    pending.document_ids.add(document.id)
    published = document.published
    pending.add(
        "documents",
        [
            {
                "id": document.id,
                "name": document.name,
                "path": document.path,
                "title": document.title,
                "source": document.source,
                "url": document.url,
                "published": published.iso if published else None,
                "published_date": published.date.isoformat() if published else None,
                "published_start": published.start.isoformat() if published else None,
                "published_end": published.end.isoformat() if published else None,
                "published_precision": published.precision if published else None,
                "published_basis": published.basis if published else None,
                "published_note": published.note if published else None,
                "text": document.text,
                "characters": len(document.text),
                "fingerprint": source_fingerprint,
            }
        ],
    )
    sentence_ids = [sentence_id(document.id, s) for s in analysis.sentences]
    pending.add(
        "sentences",
        (
            {
                "id": sentence_ids[s.index],
                "document_id": document.id,
                "position": s.index,
                "start_char": s.start_char,
                "end_char": s.end_char,
                "text": s.text,
            }
            for s in analysis.sentences
        ),
    )
    locate = _Locator(analysis.sentences, sentence_ids)
    pending.add(
        "temporal_expressions",
        (_timex_row(document.id, locate(t.start_char), t) for t in analysis.timexes),
    )
    entities: dict[str, Entity] = {}
    for mention in analysis.mentions:
        entities[mention.entity.id] = mention.entity
    for event in analysis.events:
        for participant in event.participants:
            entities[participant.entity.id] = participant.entity
        for place in (*event.places, *([event.location] if event.location else [])):
            entities[place.id] = place
    for fact in analysis.facts:
        for entity in (fact.subject, fact.object, fact.of):
            if entity is not None:
                entities[entity.id] = entity
    pending.add("entities", (_entity_row(e) for e in entities.values()), replace=True)
    pending.add(
        "entity_mentions",
        (_mention_row(document.id, locate(m.start_char), m) for m in analysis.mentions),
    )
    pending.add(
        "event_mentions",
        (_event_row(event, sentence_ids[event.sentence_index]) for event in analysis.events),
        replace=True,
    )
    pending.add(
        "facts",
        (
            _fact_row(document.id, sentence_ids, analysis.sentences, f, published)
            for f in analysis.facts
        ),
        replace=True,
    )
    counts.facts += len(analysis.facts)
    counts.documents += 1
    counts.bases[published.basis if published else None] += 1


def _event_row(event: Event, sentence: str) -> dict[str, Any]:
    """An event as its document reports it; consolidation makes the events table."""
    date = event.date
    places = [
        *([(event.location, "location")] if event.location else []),
        *((place, "place") for place in event.places),
    ]
    return {
        "id": event.id,
        "event_id": None,
        "document_id": event.document_id,
        "sentence_id": sentence,
        "event_type": event.event_type,
        "title": event.title,
        "start": date.start,
        "end": date.end,
        "start_date": date.first_day,
        "end_date": date.last_day,
        "precision": date.precision,
        "date_basis": date.basis,
        "date_text": date.text,
        "actors": _json_text([a.name for a in event.actors]),
        "location": event.location.name if event.location else None,
        "places": _json_text([p.name for p in event.places]),
        "participants": json.dumps([[p.entity.id, p.role] for p in event.participants]),
        "place_ids": json.dumps([[e.id, role] for e, role in places]),
        "evidence": event.evidence,
        "evidence_start": event.evidence_start,
        "evidence_end": event.evidence_end,
        "extractor": event.extractor,
        "extractor_version": event.extractor_version,
        "confidence": event.confidence,
        "date_conflict": 0,
    }


def delete_document(db: sqlite_utils.Database, document_id: str) -> None:
    """Remove a document and every row that came from it.

    Its events go at the next consolidation, which rebuilds events from mentions.
    """
    for table in DOCUMENT_TABLES:
        db.conn.execute(f"delete from {table} where document_id = ?", [document_id])
    db.conn.execute("delete from documents where id = ?", [document_id])


def prune_entities(db: sqlite_utils.Database) -> None:
    """Remove entities that no row refers to any more."""
    db.execute(
        """
        delete from entities where id not in (
            select entity_id from entity_mentions
            union select entity_id from event_actors
            union select entity_id from event_places
            union select subject_id from facts
            union select object_id from facts where object_id is not null
            union select of_id from facts where of_id is not null
            union select parent_id from entities where parent_id is not null
        )
        """
    )


def sentence_id(document_id: str, sentence: Sentence) -> str:
    return f"{document_id}:{sentence.index:04d}"


class _Locator:
    """Finds the sentence that holds a character offset."""

    def __init__(self, sentences: tuple[Sentence, ...], ids: list[str]) -> None:
        self._sentences = sentences
        self._ids = ids

    def __call__(self, offset: int) -> str | None:
        for sentence, identifier in zip(self._sentences, self._ids, strict=True):
            if sentence.start_char <= offset < sentence.end_char:
                return identifier
        return None


def _timex_row(document_id: str, sentence: str | None, timex: Timex) -> dict[str, Any]:
    return {
        "id": f"{document_id}:t{timex.start_char}",
        "document_id": document_id,
        "sentence_id": sentence,
        **timex.record(),
    }


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "country": entity.country,
        "parent_id": entity.parent,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
        "aliases": _json_text(list(entity.aliases)),
    }


def _mention_row(document_id: str, sentence: str | None, mention: Mention) -> dict[str, Any]:
    return {
        "id": stable_id(document_id, mention.start_char, mention.end_char, mention.entity.id),
        "document_id": document_id,
        "sentence_id": sentence,
        "entity_id": mention.entity.id,
        "start_char": mention.start_char,
        "end_char": mention.end_char,
        "text": mention.text,
    }


def _fact_row(
    document_id: str,
    sentence_ids: list[str],
    sentences: tuple[Sentence, ...],
    fact: Fact,
    published: Published | None,
) -> dict[str, Any]:
    object_id = fact.object.id if fact.object else None
    of_id = fact.of.id if fact.of else None
    return {
        "id": stable_id(document_id, fact.relation, fact.subject.id, object_id, fact.role, of_id),
        "document_id": document_id,
        "sentence_id": sentence_ids[fact.sentence_index],
        "relation": fact.relation,
        "subject_id": fact.subject.id,
        "object_id": object_id,
        "role": fact.role,
        "of_id": of_id,
        "valid_from": fact.valid_from,
        # A standing fact is known to hold on the day its document was written.
        "as_of": published.iso if published else None,
        "evidence": sentences[fact.sentence_index].text,
        "extractor": fact.extractor,
    }
