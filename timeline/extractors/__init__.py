"""The registry of event extractors and the loop that runs them over a document.

Every extractor is listed in :data:`EXTRACTORS`; their trigger words live in
``triggers.yml`` beside this file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..events import Event
from .attack import AttackExtractor
from .base import (
    DEFAULT_MAX_WORDS,
    DocumentContext,
    Extractor,
    Trigger,
    TriggerSpec,
    attach_dates,
    is_event_date,
)
from .campaign import CampaignExtractor
from .membership import MembershipExtractor
from .prefilter import LiteralIndex, search_plan

#: Extractors whose events need more than the generic trigger-and-date rule.
SPECIAL_EXTRACTORS: dict[str, type[Extractor]] = {
    "vaccination-campaign": CampaignExtractor,
    "attack": AttackExtractor,
    "membership": MembershipExtractor,
}

__all__ = ["DocumentContext", "Extractor", "extract_events", "extraction_version", "extractors"]


@cache
def extractors() -> tuple[Extractor, ...]:
    """Every registered extractor, one per event type, in the order of ``triggers.yml``."""
    source = resources.files(__package__).joinpath("triggers.yml").read_text(encoding="utf-8")
    table: dict[str, Any] = yaml.safe_load(source)
    result = []
    for event_type, entry in table.items():
        specs = [
            TriggerSpec(
                pattern=re.compile(rf"\b(?:{_pattern(item['pattern'])})\b", re.IGNORECASE),
                max_words=int(item.get("max_words", DEFAULT_MAX_WORDS)),
                side=str(item.get("side", "any")),
                periods_only=bool(item.get("periods_only", False)),
                object_is_place=bool(item.get("object_is_place", False)),
                needs_place=bool(item.get("needs_place", False)),
                participle=bool(item.get("participle", False)),
            )
            for item in entry["triggers"]
        ]
        cls = SPECIAL_EXTRACTORS.get(event_type, Extractor)
        result.append(cls(event_type, entry["label"], specs))
    return tuple(result)


def extraction_version() -> str:
    """One string that changes whenever any extractor's version does."""
    return ",".join(f"{e.name}={e.version}" for e in extractors())


def _pattern(text: str) -> str:
    # Patterns spell white space as \s; literal spaces come from YAML line folding.
    return re.sub(r"\s+", "", text)


@cache
def _literal_index() -> LiteralIndex:
    return LiteralIndex(spec.literals for e in extractors() for spec in e.trigger_specs)


def extract_events(context: DocumentContext) -> list[Event]:
    """Every event the registered extractors find in the document, in text order."""
    events: list[Event] = []
    # A trigger with no date in its sentence starts no event: look only where dates are.
    dated = (i for i, timexes in enumerate(context.timexes) if any(map(is_event_date, timexes)))
    plan = search_plan(context.text, context.sentences, _literal_index(), dated)
    found: dict[int, list[Trigger]] = {}
    for extractor in extractors():
        for index, trigger in extractor.triggers(context, plan):
            found.setdefault(index, []).append(trigger)
    for index in sorted(found):
        for attachment in attach_dates(context, index, found[index]):
            event = attachment.extractor.build(context, index, attachment)
            events.append(attachment.extractor.complete(context, event))
    return events
