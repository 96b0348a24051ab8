"""Events: what happened, when, to whom and where, with the sentence that says so."""

from __future__ import annotations

from dataclasses import dataclass

from .entities.types import Entity


@dataclass(frozen=True)
class DateSpan:
    """An event's date as the text gives it.

    ``start``/``end`` are ISO 8601 at the precision ("2024-12-11", "2026-W06",
    "2025-11", "2025", or "XXXX-12-11" when no year can be had); ``end`` is
    ``None`` unless the event spans several units. ``first_day``/``last_day``
    are the inclusive day bounds as ISO dates, ``None`` when unresolved.
    """

    start: str
    end: str | None
    first_day: str | None
    last_day: str | None
    precision: str
    basis: str
    text: str


@dataclass(frozen=True)
class Participant:
    entity: Entity
    role: str  # agent, target, participant, location, place


@dataclass(frozen=True)
class Event:
    id: str
    document_id: str
    sentence_index: int
    event_type: str
    title: str
    date: DateSpan
    participants: tuple[Participant, ...]
    location: Entity | None
    places: tuple[Entity, ...]
    evidence: str
    evidence_start: int
    evidence_end: int
    extractor: str
    extractor_version: str
    confidence: float

    @property
    def actors(self) -> tuple[Entity, ...]:
        return tuple(p.entity for p in self.participants if p.role in ACTOR_ROLES)


ACTOR_ROLES = ("agent", "target", "participant")
