"""Corrections that analysts make by hand, kept in a YAML file and applied at every build.

A curation file has four sections, each a list of rules::

    corrections:              # change what an extractor got wrong
      - event: 3f2a9c0d1e4b5a67   # an event id, or the id of any of its mentions
        start: 2024-12-11         # ISO 8601 at any precision; "end" for spans
        type: attack
        title: Suicide bombing at the refugees ministry
        actors: [ISIS, Khaleel-ur-Rahman Haqqani]
        location: Kabul
        note: the article dates the claim, not the attack
    suppress:                 # drop a false event
      - event: 9b8c7d6e5f4a3b2c
        note: not an event, a figure of speech
    merge:                    # two reports the automatic merge missed
      - events: [3f2a9c0d1e4b5a67, 0a1b2c3d4e5f6a7b]
    add:                      # an event no extractor found
      - type: meeting
        start: 2025-03-04
        title: Kazakh envoy meets the acting foreign minister
        actors: [Yerkin Tokumov, Amir Khan Muttaqi]
        location: Kabul
        document: envoy-arrives.md     # a document in the database, or
        url: https://example.org/a     # where the event is reported
        evidence: Tokumov met the acting foreign minister on Tuesday.

Rules are keyed by the stable ids events and mentions keep across rebuilds,
so they survive re-extraction and extractor upgrades. Each rule is named by
its ``id`` if it has one, else by its place (``corrections[0]``); the
database records which rule changed which field, and reports rules whose
event no longer exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .documents import stable_id
from .errors import SourceError
from .isodates import IsoSpan, parse_iso

SECTIONS = ("corrections", "suppress", "merge", "add")
CORRECTABLE = ("start", "end", "type", "title", "actors", "location")


@dataclass(frozen=True)
class Correction:
    rule: str
    event: str
    start: IsoSpan | None = None
    end: IsoSpan | None = None
    type: str | None = None
    title: str | None = None
    actors: tuple[str, ...] | None = None
    location: str | None = None


@dataclass(frozen=True)
class Suppression:
    rule: str
    event: str


@dataclass(frozen=True)
class Merge:
    rule: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class Addition:
    rule: str
    id: str
    type: str
    start: IsoSpan
    title: str
    end: IsoSpan | None = None
    actors: tuple[str, ...] = ()
    location: str | None = None
    document: str | None = None
    url: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Curation:
    path: str = ""
    corrections: tuple[Correction, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    merges: tuple[Merge, ...] = ()
    additions: tuple[Addition, ...] = ()
    referenced: frozenset[str] = field(default_factory=frozenset)


def load_curation(path: Path) -> Curation:
    """Read and check a curation file; SourceError names the file and the bad rule."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourceError(path, error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        raise SourceError(path, "not UTF-8 text") from error
    except yaml.YAMLError as error:
        raise SourceError(path, "broken YAML") from error
    if loaded is None:
        return Curation(path=str(path))
    if not isinstance(loaded, dict) or set(loaded) - set(SECTIONS):
        raise SourceError(path, f"a curation file has the sections {', '.join(SECTIONS)} only")
    try:
        corrections = tuple(
            _correction(_rule_name("corrections", i, e), e)
            for i, e in enumerate(_section(loaded, "corrections"))
        )
        suppressions = tuple(
            Suppression(_rule_name("suppress", i, e), _text(e, "event", required=True) or "")
            for i, e in enumerate(_section(loaded, "suppress"))
        )
        merges = tuple(
            Merge(_rule_name("merge", i, e), _ids(e))
            for i, e in enumerate(_section(loaded, "merge"))
        )
        additions = tuple(
            _addition(_rule_name("add", i, e), e) for i, e in enumerate(_section(loaded, "add"))
        )
    except ValueError as error:
        raise SourceError(path, str(error)) from error
    referenced = {c.event for c in corrections} | {s.event for s in suppressions}
    referenced |= {i for m in merges for i in m.events}
    return Curation(str(path), corrections, suppressions, merges, additions, frozenset(referenced))


def _section(loaded: dict[str, Any], name: str) -> list[dict[str, Any]]:
    entries = loaded.get(name) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{name}: expected a list of rules")
    return entries


def _rule_name(section: str, index: int, entry: dict[str, Any]) -> str:
    return str(entry.get("id") or f"{section}[{index}]")


def _text(entry: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        if required:
            raise ValueError(f"a rule lacks {key!r}: {entry}")
        return None
    return str(value)


def _span(entry: dict[str, Any], key: str) -> IsoSpan | None:
    value = _text(entry, key)
    return parse_iso(value) if value is not None else None


def _names(entry: dict[str, Any]) -> tuple[str, ...] | None:
    value = entry.get("actors")
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise ValueError(f"actors must be a list of names: {entry}")
    return tuple(str(name) for name in value)


def _ids(entry: dict[str, Any]) -> tuple[str, ...]:
    value = entry.get("events")
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError(f"a merge names two or more events: {entry}")
    return tuple(str(item) for item in value)


def _correction(rule: str, entry: dict[str, Any]) -> Correction:
    unknown = set(entry) - {"id", "event", "note", *CORRECTABLE}
    if unknown:
        raise ValueError(f"{rule}: unknown field {sorted(unknown)[0]!r}")
    return Correction(
        rule=rule,
        event=_text(entry, "event", required=True) or "",
        start=_span(entry, "start"),
        end=_span(entry, "end"),
        type=_text(entry, "type"),
        title=_text(entry, "title"),
        actors=_names(entry),
        location=_text(entry, "location"),
    )


def _addition(rule: str, entry: dict[str, Any]) -> Addition:
    start = _span(entry, "start")
    if start is None:
        raise ValueError(f"{rule}: an added event needs a start date")
    event_type = _text(entry, "type", required=True) or ""
    title = _text(entry, "title", required=True) or ""
    return Addition(
        rule=rule,
        id=_text(entry, "id") or stable_id("curation", event_type, start.value, title),
        type=event_type,
        start=start,
        title=title,
        end=_span(entry, "end"),
        actors=_names(entry) or (),
        location=_text(entry, "location"),
        document=_text(entry, "document"),
        url=_text(entry, "url"),
        evidence=_text(entry, "evidence"),
    )
