"""Value types of the entity layer: entities, their mentions, and standing facts."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of entity. ``body`` is a part of an organisation or state (a ministry,
#: a council, a working group); ``place`` is a province, city or region.
KINDS = ("country", "organisation", "body", "person", "place")

#: Relations between entities that articles state.
RELATIONS = ("member_of", "observer_of", "dialogue_partner_of", "holds_role", "joined", "founded")


@dataclass(frozen=True)
class Entity:
    """Something with a stable identity across documents and rebuilds.

    ``id`` is stable and readable, e.g. ``country:AF``, ``org:csto``,
    ``body:af-ministry-of-public-health``, ``place:1138958`` (a GeoNames id),
    ``person:sergei-lavrov``.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2 code where one applies
    parent: str | None = None  # id of the organisation or country a body or place belongs to
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Mention:
    """An entity named in a text; offsets are into the text given to the finder."""

    start_char: int
    end_char: int
    text: str
    entity: Entity
    #: how the text names the entity: "name", "demonym" ("Russian" for Russia),
    #: "short" (a surname after the full name) or "anaphor" ("the bloc")
    form: str = "name"


@dataclass(frozen=True)
class Fact:
    """A standing relation stated by one sentence.

    For ``holds_role`` the subject is a person, ``role`` the post as the text
    words it ("Foreign Minister") and ``of`` the body it belongs to; for the
    membership relations the subject is a country and ``object`` the
    organisation. ``valid_from`` is an ISO date at its precision when the text
    dates the relation ("joined in July 2024" -> "2024-07").
    """

    relation: str
    subject: Entity
    sentence_index: int
    object: Entity | None = None
    role: str | None = None
    of: Entity | None = None
    valid_from: str | None = None
    extractor: str = ""
    evidence_spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)
