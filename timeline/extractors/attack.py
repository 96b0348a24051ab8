"""Attacks: who struck and who was struck."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..entities.types import Entity, Mention
from ..events import Participant
from .base import Extractor, Trigger

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.IGNORECASE)


class AttackExtractor(Extractor):
    """Names before the trigger are agents ("ISIS claimed ..."), after it targets.

    A passive trigger turns that round: "Haqqani, who was killed in ...".
    """

    def role_of(self, text: str, mention: Mention, trigger: Trigger) -> str:
        before = mention.end_char <= trigger.start
        if before and _PASSIVE.search(text, max(0, trigger.start - 20), trigger.start):
            return "target"
        return "agent" if before else "target"

    def title(self, participants: Sequence[Participant], location: Entity | None) -> str:
        agents = [p.entity.name for p in participants if p.role == "agent"]
        targets = [
            p.entity.name for p in participants if p.role == "target" and p.entity.kind == "person"
        ]
        title = self.label
        if agents:
            title += " by " + " and ".join(agents[:2])
        if targets:
            title += " on " + " and ".join(targets[:2])
        if location is not None:
            title += f" in {location.name}"
        return title
