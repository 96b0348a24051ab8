"""Attacks: who struck and who was struck."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..entities.types import Entity, Mention
from ..events import Participant
from .base import DocumentContext, Extractor, Trigger
from .prefilter import SearchPlan

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.IGNORECASE)
#: A killing whose subject is a natural hazard, earlier in the same clause: "heavy snow
#: and avalanches killed 20 people", "the quake, which killed 1,000".
_KILLED = re.compile(r"kill(?:ed|s|ing)$", re.IGNORECASE)
_HAZARD_BEFORE = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|avalanches?|landslides?"
    r"|mudslides?|storms?|snow|snowfall|blizzards?|rains?|downpours?|lightning|cold|heat"
    r"|heatwaves?|droughts?|wildfires?|disease|outbreaks?|cholera)\b[^,;.:]{0,60}$",
    re.IGNORECASE,
)
_HAZARD_REACH = 100


class AttackExtractor(Extractor):
    """Names before the trigger are agents ("ISIS claimed ..."), after it targets.

    A passive trigger turns that round: "Haqqani, who was killed in ...".
    """

    def triggers(self, context: DocumentContext, plan: SearchPlan) -> Iterator[tuple[int, Trigger]]:
        text = context.text
        for index, trigger in super().triggers(context, plan):
            if _KILLED.search(text, trigger.start, trigger.end):
                opening = max(context.sentences[index].start_char, trigger.start - _HAZARD_REACH)
                if _HAZARD_BEFORE.search(text, opening, trigger.start):
                    continue  # a disaster's toll, not an attack
            yield index, trigger

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
