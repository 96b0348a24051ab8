"""Campaigns run over days and places: later sentences give their end and where."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..events import Event, Participant
from ..temporal.format import iso_at_precision
from .base import ACTOR_KINDS, DocumentContext, Extractor, is_event_date

# How many sentences after the report may still speak of the same campaign.
FOLLOW_UP_SENTENCES = 3
_END_BOUND = re.compile(
    r"\b(?:until|till|through|to|ends?\s+on|ending\s+on)\s+(?:the\s+)?$", re.IGNORECASE
)
# A later sentence that names the campaign again ("the drive", "it will") speaks of it:
# its end date and its people belong to the campaign.
_SAME_CAMPAIGN = re.compile(
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}(?:campaign|drive|round|operation|programme|program)\b"
    r"|\b(?:it|which)\s+(?:will|would|is|was)\b",
    re.IGNORECASE,
)
# A sentence on the subject ("vaccinators are working in A, B and C") may list its places.
_CAMPAIGN_WORD = re.compile(r"\b(?:vaccinat|immuni[sz]|inoculat)\w*", re.IGNORECASE)


class CampaignExtractor(Extractor):
    """An event with a start, an end given as "until ..." and a list of places."""

    def complete(self, context: DocumentContext, event: Event) -> Event:
        start = event.date.first_day
        end_day: date | None = None
        end_value: str | None = None
        places = list(event.places)
        participants = list(event.participants)
        paragraph = context.paragraphs[event.sentence_index]
        last = min(len(context.sentences), event.sentence_index + 1 + FOLLOW_UP_SENTENCES)
        for index in range(event.sentence_index, last):
            sentence = context.sentences[index]
            first = index == event.sentence_index
            speaks_of_it = first or bool(_SAME_CAMPAIGN.search(sentence.text))
            if speaks_of_it:
                for timex in context.timexes[index]:
                    bound = context.text[
                        max(sentence.start_char, timex.start_char - 20) : timex.start_char
                    ]
                    last_day = timex.end
                    if not (last_day and is_event_date(timex) and _END_BOUND.search(bound)):
                        continue
                    if start is None or last_day.isoformat() >= start:
                        end_day = last_day
                        end_value = iso_at_precision(
                            timex.start or last_day, timex.precision or "day"
                        )
            if first:
                continue
            on_topic = (
                speaks_of_it
                or bool(_CAMPAIGN_WORD.search(sentence.text))
                or context.paragraphs[index] == paragraph
            )
            mentioned = [m.entity for m in context.mentions[index]]
            listed = [e for e in mentioned if e.kind == "place"]
            if on_topic and len(listed) >= 2:
                places.extend(e for e in listed if e not in places)
            if speaks_of_it:
                participants.extend(
                    Participant(e, "participant")
                    for e in mentioned
                    if e.kind in ACTOR_KINDS
                    and e.kind != "country"
                    and all(p.entity != e for p in participants)
                )
        date_span = event.date
        if end_day is not None and end_value is not None:
            date_span = replace(
                event.date,
                end=end_value if end_value != event.date.start else None,
                last_day=end_day.isoformat(),
            )
        return replace(
            event,
            date=date_span,
            places=tuple(places),
            participants=tuple(participants),
            title=self.title(participants, event.location)
            + (f" ({len(places)} places)" if len(places) > 1 else ""),
        )
