"""Make the events table from what documents report: one event, many mentions.

Each document's extracted events are stored as *mentions*. Mentions of the
same type from different documents whose dates meet (within a day) and that
share an actor or a place that is not just a country become one event, the
way GDELT counts sources. The event takes the most precise date among its
mentions; a mention whose date does not contain that date is kept and
flagged as a conflict. Then the curation file's rules are applied.

An event's id is the smallest id among its mentions, so a single report
keeps its extracted id; curation rules may name any mention's id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from .curation import Addition, Correction, Curation
from .documents import stable_id
from .entities.vocabulary import load_vocabulary, slug
from .isodates import IsoSpan
from .schema import insert_rows

#: Reports of one event may date it a day apart (time zones, late reports).
MERGE_WINDOW = timedelta(days=1)
#: Dates precise enough to tell one event from another of the same kind.
FINE_PRECISIONS = frozenset({"day", "week"})
PRECISION_RANK = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "season": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "century": 7,
}
BASIS_RANK = {"explicit": 0, "weekday-year": 1, "year-inferred": 2, "weekday": 3, "relative": 4}
# Sharing only a country is too weak a sign that two reports are of one event.
_WEAK_ENTITY_PREFIX = "country:"
# json.dumps with options makes a new encoder at every call; these are made once.
_json_text = json.JSONEncoder(ensure_ascii=False).encode
_sorted_json = json.JSONEncoder(sort_keys=True).encode

_MENTIONS_SQL = """
select event_mentions.*, documents.name as document_name, documents.source as document_source
from event_mentions join documents on documents.id = event_mentions.document_id
order by event_mentions.event_type, event_mentions.start_date, event_mentions.id
"""


@dataclass
class ConsolidationReport:
    events: int = 0
    merged: int = 0
    changed: int = 0
    removed: int = 0
    conflicts: int = 0
    orphans: list[str] = field(default_factory=list)


@dataclass
class _Cluster:
    mentions: list[dict[str, Any]]

    @property
    def ids(self) -> set[str]:
        return {m["id"] for m in self.mentions}


def consolidate(db: sqlite_utils.Database, curation: Curation | None = None) -> ConsolidationReport:
    """Rebuild events, event_actors and event_places from event_mentions and curation.

    Only rows that differ are written, so a rebuild that changes nothing
    touches nothing (and full-text indexes stay in step through their triggers).
    """
    curation = curation or Curation()
    report = ConsolidationReport()
    forced = _forced_groups(curation)
    held: list[_Cluster] = []
    rows: dict[str, tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]]] = {}
    mention_events: dict[str, tuple[str | None, int]] = {}
    found_ids: set[str] = set()

    countries = _country_names(db)

    def emit(cluster: _Cluster) -> None:
        found_ids.update(cluster.ids)
        built = _build_event(cluster, curation, report, countries)
        event_id = built[0]["id"] if built else None
        primary = built[0] if built else None
        for mention in cluster.mentions:
            conflict = int(primary is not None and not _contains(mention, primary))
            mention_events[mention["id"]] = (event_id, conflict)
        if built is not None:
            rows[built[0]["id"]] = built

    for cluster in _clusters(db.query(_MENTIONS_SQL)):
        if cluster.ids & forced.keys():
            held.append(cluster)
        else:
            emit(cluster)
    for cluster in _apply_merges(held, forced):
        emit(cluster)
    for addition in curation.additions:
        rows[addition.id] = _added_event(db, addition)
        found_ids.add(addition.id)

    _log_curation(db, curation, found_ids, report)
    _write(db, rows, mention_events, report)
    report.events = len(rows)
    return report


def _clusters(mentions: Iterable[dict[str, Any]]) -> Iterator[_Cluster]:
    """Group mentions bucket by bucket (same type and year), so memory stays bounded."""
    bucket: list[dict[str, Any]] = []
    key: tuple[str, str] | None = None
    for mention in mentions:
        mention_key = (mention["event_type"], (mention["start_date"] or "")[:4])
        if mention_key != key and bucket:
            yield from _cluster_bucket(bucket)
            bucket = []
        key = mention_key
        bucket.append(mention)
    if bucket:
        yield from _cluster_bucket(bucket)


class _DisjointSets:
    """Union-find over 0..n-1: reports joined pairwise end up in one event."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        self.parent[self.find(second)] = self.find(first)


def _cluster_bucket(bucket: list[dict[str, Any]]) -> Iterator[_Cluster]:
    """Join the mentions of one bucket that report one event.

    Day- and week-precise reports join when their dates meet within the merge
    window. Coarser ones ("in July 2025", "in 2022") join only reports with the
    very same date: a month or a year holds too many events to tell them apart.
    Either way they must share an actor or a place, and not name two
    different locations.
    """
    sets = _DisjointSets(len(bucket))

    def join(i: int, j: int) -> None:
        if (
            bucket[i]["document_id"] != bucket[j]["document_id"]
            and strong[i] & strong[j]
            and _same_place(bucket[i], bucket[j])
        ):
            sets.union(i, j)

    spans = [_span(m) for m in bucket]
    strong = [_strong_entities(m) for m in bucket]
    fine = [
        (i, *span)
        for i, span in enumerate(spans)
        if span is not None and bucket[i]["precision"] in FINE_PRECISIONS
    ]
    # Fine mentions come sorted by first day: compare each with those that start within reach.
    for position, (i, first_i, last_i) in enumerate(fine):
        for j, first_j, last_j in fine[position + 1 :]:
            if first_j > last_i + MERGE_WINDOW:
                break
            if last_j + MERGE_WINDOW >= first_i:
                join(i, j)
    same_date: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, mention in enumerate(bucket):
        if spans[i] and mention["precision"] not in FINE_PRECISIONS:
            same_date[(mention["start"], mention["end"])].append(i)
    for dated_alike in same_date.values():
        for position, i in enumerate(dated_alike):
            for j in dated_alike[position + 1 :]:
                join(i, j)
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for index, mention in enumerate(bucket):
        groups[sets.find(index)].append(mention)
    for members in groups.values():
        yield _Cluster(members)


def _same_place(first: dict[str, Any], second: dict[str, Any]) -> bool:
    return not (first["location"] and second["location"]) or first["location"] == second["location"]


def _span(mention: dict[str, Any]) -> tuple[date, date] | None:
    if not mention["start_date"]:
        return None
    first = date.fromisoformat(mention["start_date"])
    last = date.fromisoformat(mention["end_date"]) if mention["end_date"] else first
    return first, last


def _strong_entities(mention: dict[str, Any]) -> set[str]:
    ids = {entity for entity, _ in json.loads(mention["participants"] or "[]")}
    ids |= {entity for entity, _ in json.loads(mention["place_ids"] or "[]")}
    return {i for i in ids if not i.startswith(_WEAK_ENTITY_PREFIX)}


def _contains(mention: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether the mention's dates hold the event's, i.e. the two reports agree."""
    if not mention["start_date"] or not event["start_date"]:
        return True
    first, last = mention["start_date"], mention["end_date"] or mention["start_date"]
    return bool(first <= event["start_date"] and (event["end_date"] or event["start_date"]) <= last)


def _forced_groups(curation: Curation) -> dict[str, int]:
    return {event: number for number, merge in enumerate(curation.merges) for event in merge.events}


def _apply_merges(held: list[_Cluster], forced: dict[str, int]) -> list[_Cluster]:
    """Join the clusters that curation rules merge, transitively."""
    sets = _DisjointSets(len(held))
    first_of_group: dict[int, int] = {}
    for index, cluster in enumerate(held):
        for event in sorted(cluster.ids & forced.keys()):
            group = forced[event]
            if group in first_of_group:
                sets.union(first_of_group[group], index)
            else:
                first_of_group[group] = index
    joined: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for index, cluster in enumerate(held):
        joined[sets.find(index)].extend(cluster.mentions)
    return [_Cluster(mentions) for mentions in joined.values()]


def _primary(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    return min(
        mentions,
        key=lambda m: (
            m["start_date"] is None,
            PRECISION_RANK.get(m["precision"], 9),
            BASIS_RANK.get(m["date_basis"], 9),
            -(m["confidence"] or 0),
            m["document_name"],
            m["id"],
        ),
    )


def _country_names(db: sqlite_utils.Database) -> dict[str, str]:
    """The name of the country each place or country entity lies in, by entity id."""
    entities = load_vocabulary().entities
    names = {}
    for row in db.query("select id, country from entities where country is not null"):
        country = entities.get(f"country:{row['country']}")
        if country is not None:
            names[row["id"]] = country.name
    return names


def _build_event(
    cluster: _Cluster,
    curation: Curation,
    report: ConsolidationReport,
    countries: dict[str, str],
) -> tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]] | None:
    mentions = cluster.mentions
    ids = cluster.ids
    if any(s.event in ids for s in curation.suppressions):
        return None
    primary = _primary(mentions)
    documents = {m["document_id"] for m in mentions}
    row = {
        key: primary[key]
        for key in (
            "document_id",
            "sentence_id",
            "event_type",
            "title",
            "start",
            "end",
            "start_date",
            "end_date",
            "precision",
            "date_basis",
            "date_text",
            "location",
            "evidence",
            "evidence_start",
            "evidence_end",
            "extractor",
            "extractor_version",
        )
    }
    row["id"] = min(ids)
    ordered = _primary_first(mentions, primary)
    row["actors"] = _union_json(m["actors"] for m in ordered)
    row["places"] = _union_json(m["places"] for m in ordered)
    row["location"] = primary["location"] or next(
        (m["location"] for m in mentions if m["location"]), None
    )
    row["confidence"] = max(m["confidence"] or 0 for m in mentions)
    row["sources"] = len(documents)
    row["mentions"] = len(mentions)
    row["date_conflict"] = int(any(not _contains(m, primary) for m in mentions))
    row["origin"] = "extracted"
    actors = _union_pairs(m["participants"] for m in ordered)
    places = _union_pairs(m["place_ids"] for m in ordered)
    row["source"] = primary["document_source"]
    located = [entity for entity, role in places if role == "location"] or [
        entity for entity, _ in places
    ]
    row["country"] = next((countries[e] for e in located if e in countries), None)
    curated: dict[str, str] = {}
    for correction in curation.corrections:
        if correction.event in ids:
            _correct(row, correction, curated)
    row["curated"] = json.dumps(curated, sort_keys=True) if curated else None
    if len(mentions) > 1:
        report.merged += 1
    report.conflicts += row["date_conflict"]
    _date_facets(row)
    return row, actors, places


def _primary_first(mentions: list[dict[str, Any]], primary: dict[str, Any]) -> list[dict[str, Any]]:
    return [primary, *(m for m in sorted(mentions, key=lambda m: m["id"]) if m is not primary)]


def _union_json(values: Iterable[str | None]) -> str:
    seen: list[str] = []
    for value in values:
        for item in json.loads(value or "[]"):
            if item not in seen:
                seen.append(item)
    return _json_text(seen)


def _union_pairs(values: Iterable[str | None]) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    for value in values:
        for entity, role in json.loads(value or "[]"):
            if (entity, role) not in seen:
                seen.append((entity, role))
    return seen


def _correct(row: dict[str, Any], correction: Correction, curated: dict[str, str]) -> None:
    rule = correction.rule
    if correction.start is not None:
        _set_dates(row, correction.start, correction.end)
        curated.update(dict.fromkeys(("start", "end", "precision", "date_basis"), rule))
    elif correction.end is not None:
        row["end"], row["end_date"] = correction.end.value, correction.end.last.isoformat()
        curated["end"] = rule
    for key, column in (("type", "event_type"), ("title", "title"), ("location", "location")):
        value = getattr(correction, key)
        if value is not None:
            row[column] = value
            curated[column] = rule
    if correction.actors is not None:
        row["actors"] = json.dumps(list(correction.actors), ensure_ascii=False)
        curated["actors"] = rule


def _set_dates(row: dict[str, Any], start: IsoSpan, end: IsoSpan | None) -> None:
    row["start"] = start.value
    row["start_date"] = start.first.isoformat()
    row["end"] = end.value if end is not None else None
    row["end_date"] = (end or start).last.isoformat()
    row["precision"] = start.precision
    row["date_basis"] = "curated"
    row["date_text"] = start.value + (f" – {end.value}" if end is not None else "")


def _date_facets(row: dict[str, Any]) -> None:
    first = row["start_date"]
    row["year"] = int(first[:4]) if first else None
    fine = row["precision"] in ("day", "week", "month")
    row["month"] = first[:7] if first and fine else None


def _added_event(
    db: sqlite_utils.Database, addition: Addition
) -> tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]]:
    document = None
    if addition.document:
        document = next(
            db.query("select id from documents where name = ?", [addition.document]), None
        )
    actors = [_entity_for(db, name) for name in addition.actors]
    location = _entity_for(db, addition.location) if addition.location else None
    row: dict[str, Any] = {
        "id": addition.id,
        "document_id": document["id"] if document else None,
        "sentence_id": None,
        "event_type": addition.type,
        "title": addition.title,
        "actors": json.dumps(list(addition.actors), ensure_ascii=False),
        "location": addition.location,
        "places": json.dumps([addition.location] if addition.location else [], ensure_ascii=False),
        "evidence": addition.evidence or addition.url or addition.title,
        "evidence_start": None,
        "evidence_end": None,
        "extractor": f"curation:{addition.rule}",
        "extractor_version": None,
        "confidence": 1.0,
        "sources": 1 if document or addition.url else 0,
        "mentions": 0,
        "date_conflict": 0,
        "origin": "curated",
        "source": addition.url,
        "country": None,
        "curated": json.dumps({"event": addition.rule}),
    }
    _set_dates(row, addition.start, addition.end)
    _date_facets(row)
    places = [(location, "location")] if location else []
    return row, [(a, "participant") for a in actors], places


def _entity_for(db: sqlite_utils.Database, name: str) -> str:
    """The id of the entity called ``name``; a curated entity is made if there is none."""
    found = next(
        db.query(
            "select id from entities where lower(name) = lower(?) or exists "
            "(select 1 from json_each(entities.aliases) where lower(value) = lower(?)) "
            "order by id limit 1",
            [name, name],
        ),
        None,
    )
    if found:
        return str(found["id"])
    entity_id = f"curated:{slug(name)}"
    db.table("entities").upsert(
        {"id": entity_id, "name": name, "kind": "curated", "aliases": "[]"}, pk="id"
    )
    return entity_id


def _log_curation(
    db: sqlite_utils.Database, curation: Curation, found: set[str], report: ConsolidationReport
) -> None:
    entries: list[dict[str, Any]] = []
    rules = [
        *((c.rule, (c.event,), "corrected") for c in curation.corrections),
        *((s.rule, (s.event,), "suppressed") for s in curation.suppressions),
        *((m.rule, m.events, "merged") for m in curation.merges),
    ]
    for rule, events, done in rules:
        missing = [event for event in events if event not in found]
        if missing:
            message = f"{curation.path}: {rule}: no event or mention {', '.join(missing)}"
            report.orphans.append(message)
            entries.append(
                {"rule": rule, "event_id": events[0], "status": "orphaned", "message": message}
            )
        else:
            entries.append({"rule": rule, "event_id": events[0], "status": done, "message": None})
    entries += [
        {"rule": a.rule, "event_id": a.id, "status": "added", "message": None}
        for a in curation.additions
    ]
    db.execute("delete from curation_log")
    db.table("curation_log").insert_all(entries, pk="rule", replace=True)


def _write(
    db: sqlite_utils.Database,
    rows: dict[str, tuple[dict[str, Any], list[tuple[str, str]], list[tuple[str, str]]]],
    mention_events: dict[str, tuple[str | None, int]],
    report: ConsolidationReport,
) -> None:
    existing = dict(db.execute("select id, digest from events").fetchall())
    changed = []
    for event_id, (row, actors, places) in rows.items():
        digest = stable_id(_sorted_json(row), actors, places)
        if existing.pop(event_id, None) != digest:
            row["digest"] = digest
            changed.append((event_id, row, actors, places))
    with db.conn:
        # One statement per table for all events, not three per event: a build writes
        # thousands. A plain insert after the delete, not "insert or replace": the
        # replacing delete would not fire the triggers that keep the full-text index in step.
        _delete_events(db, [event_id for event_id, *_ in changed] + list(existing))
        insert_rows(db, "events", (row for _, row, _, _ in changed))
        actor_links = ((event_id, links) for event_id, _, links, _ in changed)
        insert_rows(db, "event_actors", _link_rows(actor_links), replace=True)
        place_links = ((event_id, links) for event_id, _, _, links in changed)
        insert_rows(db, "event_places", _link_rows(place_links), replace=True)
        report.changed += len(changed)
        report.removed += len(existing)
        current = {
            row[0]: (row[1], row[2])
            for row in db.execute("select id, event_id, date_conflict from event_mentions")
        }
        db.conn.executemany(
            "update event_mentions set event_id = ?, date_conflict = ? where id = ?",
            (
                (owner, conflict, mention_id)
                for mention_id, (owner, conflict) in mention_events.items()
                if current.get(mention_id) != (owner, conflict)
            ),
        )


def _link_rows(
    links: Iterable[tuple[str, list[tuple[str, str]]]],
) -> Iterator[dict[str, str]]:
    """Rows of event_actors or event_places: (event id, [(entity id, role), ...]) each."""
    for event_id, entities in links:
        for entity_id, role in entities:
            yield {"event_id": event_id, "entity_id": entity_id, "role": role}


def _delete_events(db: sqlite_utils.Database, event_ids: list[str]) -> None:
    keys = [(event_id,) for event_id in event_ids]
    db.conn.executemany("delete from event_actors where event_id = ?", keys)
    db.conn.executemany("delete from event_places where event_id = ?", keys)
    db.conn.executemany("delete from events where id = ?", keys)
