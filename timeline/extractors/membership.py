"""Membership: a state joins, leaves or gains a status in an organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..entities.types import Entity, Mention
from ..events import Participant
from .base import Extractor, Trigger

MEMBER_KINDS = ("country", "organisation")
ORGANISATION_KINDS = ("organisation", "body")
# "granted observer status to Iran's neighbour Uzbekistan": the words between the
# trigger and the state it grants the status to.
_GRANTED_TO = re.compile(r"\s+to\s+(?:[\w'’-]+\s+){0,4}", re.IGNORECASE)


class MembershipExtractor(Extractor):
    """The member is the state named last before the trigger (or inside it: "admitted Belarus
    as a member"); the organisation follows it.

    "Iran became a member of the SCO in 2023, and Belarus joined a year later"
    gives Iran to the first trigger and Belarus to the second.
    """

    def participants(
        self, text: str, mentions: Sequence[Mention], trigger: Trigger, location: Entity | None
    ) -> tuple[Participant, ...]:
        before = [m for m in mentions if m.end_char <= trigger.start]
        after = [m for m in mentions if m.start_char >= trigger.end]
        # "the bloc admitted Belarus as a member", "granted Iran observer status": the member
        # is named inside the trigger, and the organisation is the one that admits it.
        inside = [
            m.entity
            for m in mentions
            if trigger.start <= m.start_char
            and m.end_char <= trigger.end
            and m.entity.kind == "country"
        ]
        member = (
            inside[0]
            if inside
            else _granted_to(text, after, trigger)
            or next((m.entity for m in reversed(before) if m.entity.kind in MEMBER_KINDS), None)
        )
        # "Belarus became the bloc's tenth member": the organisation may stand inside.
        within = [m for m in mentions if trigger.start <= m.start_char < trigger.end]
        organisations = [m.entity for m in (*within, *after) if m.entity.kind in ORGANISATION_KINDS]
        organisations += [
            m.entity
            for m in reversed(before)
            if m.entity.kind in ORGANISATION_KINDS and m.entity != member
        ]
        result = []
        if member is not None:
            result.append(Participant(member, "agent"))
        if organisations:
            result.append(Participant(organisations[0], "participant"))
        return tuple(result)

    def title(self, participants: Sequence[Participant], location: Entity | None) -> str:
        names = [p.entity.name for p in participants]
        return f"{self.label}: {' in '.join(names)}" if names else self.label


def _granted_to(text: str, after: Sequence[Mention], trigger: Trigger) -> Entity | None:
    """The state a status is granted to, named after the trigger, unless only as the
    owner of something ("to Iran's neighbour")."""
    if not text[trigger.start : trigger.end].lower().startswith("granted"):
        return None
    for mention in after:
        if not _GRANTED_TO.fullmatch(text, trigger.end, mention.start_char):
            return None
        possessive = text[mention.end_char : mention.end_char + 1] in ("'", "’")
        if mention.entity.kind == "country" and not possessive:
            return mention.entity
    return None
