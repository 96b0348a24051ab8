"""The machinery every event extractor shares: triggers, date attachment, participants.

An extractor names the words that report its kind of event (see
``triggers.yml``). In each sentence, every date that can anchor an event is
given to the nearest trigger in its clause; a trigger with no date of its own
starts no event, since an event we cannot date is no use on a timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise
from typing import TypeVar

from ..documents import Document, stable_id
from ..entities.types import Entity, Mention
from ..events import DateSpan, Event, Participant
from ..sentences import Sentence
from ..temporal.format import iso_at_precision
from ..temporal.pipeline import names_its_week
from ..temporal.types import Timex
from .literals import Literals, is_local, required_literals
from .prefilter import Place, SearchPlan

DEFAULT_MAX_WORDS = 12
BASE_CONFIDENCE = 0.7

_WORD = re.compile(r"\w+")
# Words that open a new clause: a date beyond one belongs to that clause.
_CLAUSE_BREAK = re.compile(
    r"[;:()—–]|\b(?:that|which|who|whom|whose|but|while|although|though|whereas|because|since"
    r"|after|before|when|where|and\s+(?:said|says|added|asked))\b",
    re.IGNORECASE,
)
# "joined the bloc in 1994 and hosted a summit": a date before a verb joined by "and" most
# likely belongs to the verb before it.
_COORDINATION = re.compile(r"\band\b", re.IGNORECASE)
_COORDINATION_PENALTY = 4.0
# "arrived in Kabul on Tuesday for talks": what someone came for is not what the date
# before it dates.
_PURPOSE = re.compile(r"\bfor\s+(?:a|an|the|further|more|new)?\s*$", re.IGNORECASE)
_PURPOSE_PENALTY = 2.0
# Between an event and the occasion it took place at: "signed deals during a forum".
_OCCASION = re.compile(
    r"(?:\s+[\w$,.'’-]+){0,6}?\s+(?:during|at|on\s+the\s+(?:sidelines|margins)\s+of)"
    r"\s+(?:(?:a|an|the|its|their|this|last)\s+)?(?:[\w'’-]+\s+){0,3}",
    re.IGNORECASE,
)
# "leaders met in Astana on May 5, where they signed ...": the occasion before its "where".
_WHERE_AFTER_OCCASION = re.compile(
    r"[^.;]{0,100}?,\s+where\s+(?:[\w$,.'’-]+\s+){0,6}?", re.IGNORECASE
)
# "arrived on Monday and met ...": a second past verb joined right after the date.
_AND_THEN = re.compile(r",?\s+and\s+(?:then\s+|later\s+|also\s+)?", re.IGNORECASE)
# "a four-day campaign", "a two-week official visit": how long the event lasts.
_LENGTH = re.compile(r"P(?P<count>\d+)(?P<unit>[DW])")
_LENGTH_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,2}")
_ENDING_VERB = re.compile(
    r"\b(?:ended|ends|concluded|concludes|wrapped\s+up|wraps\s+up|closed|closes|completed"
    r"|completes|finished|finishes)\s+(?:a|an|the|their|its|his|her)?\s*$",
    re.IGNORECASE,
)
# "Sunday's vote", "last year's summit in Astana": a date that owns its event.
_POSSESSIVE_DATE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
# "in 2001, when the bloc was founded": the clause "when" opens right after a date is
# what happened then, so the date reaches into it.
_WHEN_AFTER_DATE = re.compile(r",?\s*when\b", re.IGNORECASE)
# "a list of banned groups", "the outlawed party": a participle used as an adjective.
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|of)\s+$", re.IGNORECASE)
# "did not meet", "never visited", "officials denied that a strike took place": the text
# says the event did not happen.
# Only adverbs may stand between: "did not claim the attack" says nothing of the attack.
_NEGATION = re.compile(
    r"\b(?:not|never|n['’]t)\s+(?:(?:yet|been|be|have|ever|even|\w+ly)\s+){0,2}$", re.IGNORECASE
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|rejected)\s+(?:that|reports|claims)\b[^,.;:]*$",
    re.IGNORECASE,
)
# "talks scheduled for Wednesday were postponed": called off, so not an event on that day.
_CALLING_OFF = r"(?:cancell?ed|postponed|called\s+off|scrapped|put\s+off)"
_CALLED_OFF = re.compile(
    # Not in a relative clause: "the summit, which was postponed in March, opened".
    r"(?:(?!\b(?:which|that|who)\b)[^.;]){0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    rf"{_CALLING_OFF}\b",
    re.IGNORECASE,
)
_CALLS_OFF = re.compile(rf"\b{_CALLING_OFF}\b", re.IGNORECASE)
# "that" is left out: far more often it opens a relative clause ("a bombing that killed").
# "It was the second attack this month" speaks of an attack already reported.
_ANAPHORIC = re.compile(
    r"\b(?:this|these|those|such)\s+(?:[\w-]+\s+)?$"
    r"|\b(?:it|this|that)\s+(?:was|is|had\s+been|has\s+been)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# ", the ministry in Kabul said." names who spoke, not where the event happened.
_ATTRIBUTION = re.compile(
    r",\s+[^,]{0,90}?\b(?:said|says|added|announced|reported|told\s+[\w ]{1,30}?)\s*[.!?]?$"
)
_POSSESSIVE = re.compile(r"['’]s?\b")
# A place before its trigger counts only when it stands this close.
_LOCATION_BEFORE_MAX_WORDS = 3
# A date after these words bounds an event rather than dating its start.
# "from March 1" with no end after it is when something starts, so "from" is no bound.
_BOUND = re.compile(
    r"\b(?:until|till|til|through|to|by|before|after|since)\s+(?:the\s+)?$", re.IGNORECASE
)
# A trigger that owns something names a thing of its event, not the event.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "shortly before midnight on August 31": the bound is the hour, the day is the event's.
_HOUR_OF_THE_DAY = re.compile(r"\b(?:before|after)\s+$", re.IGNORECASE)
_SPAN_START = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
# A dash between two dates makes a span with no "from" before it: "October 15-16".
_DASH_JOIN = re.compile(r"^\s*[-–]\s*$")
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:[\w'’-]+\s+){0,5}$", re.IGNORECASE
)
# A date whose year is unknown still orders events within a document.
_UNRESOLVED = re.compile(r"^XXXX-(?:\d{2}(?:-\d{2})?|WXX-\d)$")
T = TypeVar("T")
PLACE_KINDS = ("place", "country")
#: Events that other events happen during, at or where: "signed deals during a forum",
#: not "said numbers at Kabul airport grew".
OCCASION_TYPES = frozenset({"meeting", "visit", "exercise", "vaccination-campaign"})
ACTOR_KINDS = ("person", "organisation", "body", "country")


@dataclass(frozen=True)
class DocumentContext:
    """Everything the extractors may read about one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    timexes: tuple[tuple[Timex, ...], ...]  # per sentence, document offsets
    mentions: tuple[tuple[Mention, ...], ...]  # per sentence, document offsets
    paragraphs: tuple[int, ...]  # paragraph number of each sentence

    @cached_property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True)
class TriggerSpec:
    pattern: re.Pattern[str]
    max_words: int = DEFAULT_MAX_WORDS
    side: str = "any"  # any, after, before: where the date must stand
    periods_only: bool = False  # a day cannot date it, only a week, month, quarter or year
    object_is_place: bool = False  # a place right after it is where it happened: "visited Kabul"
    needs_place: bool = False  # only with a place right after it: "reached Herat", not "a deal"
    participle: bool = False  # after a determiner or "of" it is an adjective, not an event

    @cached_property
    def literals(self) -> Literals | None:
        """Lower-case words one of which every match holds (``None``: not known)."""
        return required_literals(self.pattern)

    @cached_property
    def local(self) -> bool:
        """Whether a search within a sentence finds what a search of the text finds there."""
        return is_local(self.pattern)


@dataclass(frozen=True)
class Trigger:
    extractor: Extractor
    spec: TriggerSpec
    start: int
    end: int


@dataclass
class Attachment:
    """A date given to one or more triggers of one extractor in a sentence."""

    extractor: Extractor
    timex: Timex
    end_timex: Timex | None
    triggers: list[Trigger] = field(default_factory=list)
    words: int = 0


class Extractor:
    """Finds events of one type from its triggers; subclasses refine ``complete``."""

    event_type: str
    label: str
    version: str = "1"
    base_confidence: float = BASE_CONFIDENCE

    def __init__(self, event_type: str, label: str, triggers: Sequence[TriggerSpec]) -> None:
        self.event_type = event_type
        self.label = label
        self.trigger_specs = tuple(triggers)

    @property
    def name(self) -> str:
        return self.event_type

    def triggers(self, context: DocumentContext, plan: SearchPlan) -> Iterator[tuple[int, Trigger]]:
        """Each trigger with its sentence's index, in that order, searched where ``plan`` says."""
        text = context.text
        for spec in self.trigger_specs:
            places = plan.places(spec)
            if places is None:
                matches = _text_matches(spec.pattern, text, context.sentences, plan.wanted)
            elif places:
                matches = _place_matches(spec.pattern, text, context.sentences, places)
            else:
                continue
            for index, match in matches:
                opening = context.sentences[index].start_char
                if _ANAPHORIC.search(text, opening, match.start()):
                    continue
                if spec.participle and _ATTRIBUTIVE.search(text, opening, match.start()):
                    continue
                if _did_not_happen(text, context.sentences[index], match):
                    continue
                if spec.needs_place and not _place_at(text, context.mentions[index], match.end()):
                    continue
                if _POSSESSIVE_AFTER.match(text, match.end()):
                    continue  # "the summit's declaration", "the minister's powers"
                yield index, Trigger(self, spec, match.start(), match.end())

    def build(self, context: DocumentContext, index: int, attachment: Attachment) -> Event:
        sentence = context.sentences[index]
        mentions = context.mentions[index]
        trigger = min(attachment.triggers, key=lambda t: t.start)
        spoken = attribution_start(context.text, sentence, trigger)
        location = find_location(context.text, mentions, trigger, sentence, spoken)
        # Countries named in passing ("Iran became a member") are actors, not places; a
        # country is a place only as where the event happened.
        places = tuple(
            _unique(
                [
                    *([location] if location is not None else []),
                    *(
                        m.entity
                        for m in mentions
                        if m.entity.kind == "place" and (spoken is None or m.start_char < spoken)
                    ),
                ]
            )
        )
        participants = self.participants(context.text, mentions, trigger, location)
        date = date_span(attachment.timex, attachment.end_timex)
        length = length_before(context.text, context.timexes[index], trigger.start)
        if length is not None and date.end is None and date.precision == "day" and date.first_day:
            date = _lasting(date, *length)
        return Event(
            id=stable_id(context.document.id, self.event_type, trigger.start),
            document_id=context.document.id,
            sentence_index=index,
            event_type=self.event_type,
            title=self.title(participants, location),
            date=date,
            participants=participants,
            location=location,
            places=places,
            evidence=sentence.text,
            evidence_start=sentence.start_char,
            evidence_end=sentence.end_char,
            extractor=self.name,
            extractor_version=self.version,
            confidence=self.confidence(attachment),
        )

    def complete(self, context: DocumentContext, event: Event) -> Event:
        """Add what later sentences say of the event; the default adds nothing."""
        return event

    def participants(
        self, text: str, mentions: Sequence[Mention], trigger: Trigger, location: Entity | None
    ) -> tuple[Participant, ...]:
        result = []
        for mention in mentions:
            entity = mention.entity
            if entity.kind not in ACTOR_KINDS or entity == location:
                continue
            if entity.kind == "person" and _owns_someone_else(text, mention, trigger):
                continue
            result.append(Participant(entity, self.role_of(text, mention, trigger)))
        return tuple(_unique(result))

    def role_of(self, text: str, mention: Mention, trigger: Trigger) -> str:
        return "participant"

    def title(self, participants: Sequence[Participant], location: Entity | None) -> str:
        names = [p.entity.name for p in participants if p.entity.kind != "country"]
        names = names or [p.entity.name for p in participants]
        title = self.label
        if location is not None:
            title += f" in {location.name}"
        if names:
            title += ": " + ", ".join(names[:3]) + (" and others" if len(names) > 3 else "")
        return title

    def confidence(self, attachment: Attachment) -> float:
        score = self.base_confidence
        if attachment.words <= 3:
            score += 0.15
        if attachment.timex.basis in ("explicit", "weekday-year"):
            score += 0.05
        if attachment.timex.basis == "unresolved":
            score -= 0.2
        return round(min(score, 0.95), 2)


def _did_not_happen(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether the sentence says the event of ``match`` did not take place."""
    before = text[max(sentence.start_char, match.start() - 120) : match.start()]
    if _NEGATION.search(before) or _DENIAL.search(before):
        return True
    # A trigger that itself reports the calling off ("cancelled flights") is its own event.
    return (
        _CALLED_OFF.match(text, match.end(), sentence.end_char) is not None
        and _CALLS_OFF.search(match.group()) is None
    )


def _place_matches(
    pattern: re.Pattern[str], text: str, sentences: Sequence[Sentence], places: Iterable[Place]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Every match within each sentence of ``places``, from where it may start."""
    for index, starts in places:
        end = sentences[index].end_char
        if starts is None:
            # Matches may overlap: "this meeting followed a summit held on ..." holds
            # two triggers, and the first one's reach must not hide the second.
            position = sentences[index].start_char
            while match := pattern.search(text, position, end):
                yield index, match
                position = match.start() + 1
        else:
            for start in starts:
                if match := pattern.match(text, start, end):
                    yield index, match


def _text_matches(
    pattern: re.Pattern[str], text: str, sentences: Sequence[Sentence], wanted: Container[int]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Every match within a ``wanted`` sentence, searched over the whole text at once."""
    starts = [sentence.start_char for sentence in sentences]
    position = 0
    while match := pattern.search(text, position):
        position = match.start() + 1
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= sentences[index].end_char or index not in wanted:
            continue
        sentence = sentences[index]
        if match.end() > sentence.end_char:
            # Reached into the next sentence: take what matches within this one.
            within = pattern.match(text, match.start(), sentence.end_char)
            if within is None:
                continue
            match = within
        yield index, match


def is_event_date(timex: Timex) -> bool:
    """Whether ``timex`` names a calendar date an event can sit on."""
    if timex.type not in ("DATE", "TIME"):
        return False
    return timex.start is not None or bool(_UNRESOLVED.match(timex.value))


def candidate_dates(context: DocumentContext, index: int) -> list[tuple[Timex, Timex | None, bool]]:
    """Dates in the sentence that can anchor an event, each with the end of its span and
    whether it dates only the "when" clause after it.

    A date that bounds a span ("since 2001") starts no event, except the one a "when"
    clause right after it tells of ("since 2001, when the bloc was founded")."""
    text = context.text
    sentence = context.sentences[index]
    timexes = [t for t in context.timexes[index] if is_event_date(t)]
    result: list[tuple[Timex, Timex | None, bool]] = []
    skip = _weeks_of_named_days(text, timexes)
    for position, timex in enumerate(timexes):
        if position in skip:
            continue
        before = text[max(sentence.start_char, timex.start_char - 30) : timex.start_char]
        following = timexes[position + 1] if position + 1 < len(timexes) else None
        join = text[timex.end_char : following.start_char] if following is not None else ""
        if following is not None and (
            (_SPAN_START.search(before) and _SPAN_JOIN.match(join)) or _DASH_JOIN.match(join)
        ):
            result.append((timex, following, False))
            skip.add(position + 1)
        elif not _BOUND.search(before) or _phrase_start(text, timex) < timex.start_char:
            result.append((timex, None, False))
        elif _WHEN_AFTER_DATE.match(text, timex.end_char, sentence.end_char):
            result.append((timex, None, True))
    return result


def _phrase_start(text: str, timex: Timex) -> int:
    """Where the phrase of ``timex`` starts: before a "before" or "after" that bounds
    only the hour of a known day ("shortly before midnight on August 31")."""
    if timex.type == "TIME" and timex.precision == "day" and timex.start is not None:
        bound = _HOUR_OF_THE_DAY.search(text, max(0, timex.start_char - 10), timex.start_char)
        if bound is not None:
            return bound.start()
    return timex.start_char


def _weeks_of_named_days(text: str, timexes: Sequence[Timex]) -> set[int]:
    """Positions of weeks that only say which week a day beside them is in: "Thursday last
    week", "last week on Thursday" date one thing, the day."""
    found: set[int] = set()
    for position, (first, second) in enumerate(pairwise(timexes)):
        if names_its_week(text, first, second):
            found.add(position + 1 if first.precision == "day" else position)
    return found


def gap_words(text: str, start: int, end: int, mentions: Sequence[Mention]) -> int:
    """Words between two offsets, a named entity counting as one word."""
    count = 0
    position = start
    for mention in mentions:
        if mention.end_char <= position or mention.start_char >= end:
            continue
        count += len(_WORD.findall(text, position, max(position, mention.start_char))) + 1
        position = max(position, mention.end_char)
    return count + len(_WORD.findall(text, position, end))


def attach_dates(
    context: DocumentContext, index: int, triggers: Sequence[Trigger]
) -> list[Attachment]:
    """Give each date of the sentence to the nearest triggers of one extractor."""
    text = context.text
    mentions = context.mentions[index]
    pairs = []
    for timex, end_timex, when_only in candidate_dates(context, index):
        phrase_start = _phrase_start(text, timex)
        for trigger in triggers:
            if trigger.start < timex.start_char and timex.end_char <= trigger.end:
                # A date inside the phrase that reports the event is its date ("agreed on
                # Tuesday to reopen") unless a clause of its own holds it ("the summit,
                # which was postponed in March, opened").
                if not (trigger.spec.periods_only and timex.precision in ("day", None)) and (
                    not _CLAUSE_BREAK.search(text, trigger.start, timex.start_char)
                ):
                    pairs.append((0.0, 0, timex, end_timex, trigger))
                continue
            if trigger.start <= timex.start_char < trigger.end:
                continue
            after = timex.start_char >= trigger.end
            when = None if after else _WHEN_AFTER_DATE.match(text, timex.end_char, trigger.start)
            if when_only and not when:
                continue
            # A "when" clause after its date reads like a date after its verb.
            if (trigger.spec.side == "after" and not (after or when)) or (
                trigger.spec.side == "before" and after
            ):
                continue
            if trigger.spec.periods_only and timex.precision in ("day", None):
                continue
            left, right = (trigger.end, phrase_start) if after else (timex.end_char, trigger.start)
            if _CLAUSE_BREAK.search(text, when.end() if when else left, right):
                continue
            words = gap_words(text, left, right, mentions)
            if words > trigger.spec.max_words:
                continue
            # Reports put the date after the verb; a date before it is a weaker sign, except
            # the possessive that names the event itself ("last year's summit").
            penalty = 0.0 if after else 1.5
            if not after and _POSSESSIVE_DATE.fullmatch(text, timex.end_char, trigger.start):
                penalty = -1.0
            if not after and _COORDINATION.search(text, left, right):
                penalty += _COORDINATION_PENALTY
            if not after and _PURPOSE.search(text, left, trigger.start):
                penalty += _PURPOSE_PENALTY
            pairs.append((words + penalty, words, timex, end_timex, trigger))
    pairs.sort(key=lambda pair: (pair[0], pair[4].start))
    attachments: dict[int, Attachment] = {}
    dated: set[int] = set()
    for _, words, timex, end_timex, trigger in pairs:
        if id(trigger) in dated:
            continue
        owner = attachments.get(timex.start_char)
        if owner is None:
            owner = Attachment(trigger.extractor, timex, end_timex, words=words)
            attachments[timex.start_char] = owner
        elif owner.extractor is not trigger.extractor:
            continue
        owner.triggers.append(trigger)
        dated.add(id(trigger))
    found = list(attachments.values())
    found += _dated_by_the_occasion(text, triggers, found, dated)
    return sorted(found, key=lambda a: a.timex.start_char)


def _dated_by_the_occasion(
    text: str, triggers: Sequence[Trigger], attachments: Sequence[Attachment], dated: set[int]
) -> list[Attachment]:
    """ "signed ten agreements during a forum in Astana on Aug. 5", "met in Astana on Aug. 5,
    where they signed ten agreements": what happens during, at or where a dated occasion
    took place takes the occasion's date, as an event of its own type; so does the next
    thing done, told right after the date: "visited Kabul on May 6 and met the minister"."""
    found: list[Attachment] = []
    for trigger in triggers:
        if id(trigger) in dated:
            continue
        for attachment in attachments:
            if attachment.extractor is trigger.extractor:
                continue
            if _shares_the_date(text, trigger, attachment):
                found.append(
                    Attachment(trigger.extractor, attachment.timex, attachment.end_timex, [trigger])
                )
                dated.add(id(trigger))
                break
    return found


def _shares_the_date(text: str, trigger: Trigger, attachment: Attachment) -> bool:
    occasion = min(attachment.triggers, key=lambda t: t.start)
    last = max(attachment.triggers, key=lambda t: t.end)
    is_occasion = attachment.extractor.event_type in OCCASION_TYPES
    during = (
        is_occasion
        and occasion.start >= trigger.end
        and _OCCASION.fullmatch(text, trigger.end, occasion.start)
    )
    where = (
        is_occasion
        and last.end <= trigger.start
        and _WHERE_AFTER_OCCASION.fullmatch(text, last.end, trigger.start)
    )
    then = last.end <= attachment.timex.start_char and _AND_THEN.fullmatch(
        text, attachment.timex.end_char, trigger.start
    )
    return bool(during or where or then)


def length_before(text: str, timexes: Sequence[Timex], start: int) -> tuple[int, bool] | None:
    """Days that "a four-day", "a two-week" just before ``start`` says an event lasts, and
    whether a verb before it ends the event ("wrapped up two days of talks"), so that its
    date is the last day, not the first."""
    for timex in timexes:
        length = _LENGTH.fullmatch(timex.value) if timex.type == "DURATION" else None
        if length is not None and _LENGTH_GAP.fullmatch(text, timex.end_char, start):
            days = int(length["count"]) * (7 if length["unit"] == "W" else 1)
            ended = _ENDING_VERB.search(text, max(0, timex.start_char - 30), timex.start_char)
            return (days, ended is not None) if days else None
    return None


def _lasting(date: DateSpan, days: int, ended: bool) -> DateSpan:
    """``date``, one day, stretched over ``days`` after it, or before it when it ``ended``
    then: "a two-day summit opened on Sunday" ends on Monday; "wrapped up two days of talks
    on Wednesday" began on Tuesday."""
    assert date.first_day is not None
    day = dt.date.fromisoformat(date.first_day)
    if days <= 1:
        return replace(date, end=None, last_day=date.first_day)
    if not ended:
        last = (day + dt.timedelta(days=days - 1)).isoformat()
        return replace(date, end=last, last_day=last)
    first = (day - dt.timedelta(days=days - 1)).isoformat()
    return replace(date, start=first, first_day=first, end=date.first_day, last_day=date.first_day)


def date_span(timex: Timex, end_timex: Timex | None) -> DateSpan:
    precision = timex.precision or "day"
    start = timex.value if timex.start is None else iso_at_precision(timex.start, precision)
    end = None
    last_day = timex.end
    # An end before the start is a misread span, not a span: keep the start alone.
    if (
        end_timex is not None
        and end_timex.end is not None
        and timex.start is not None
        and end_timex.end >= timex.start
    ):
        end_precision = end_timex.precision or precision
        end = iso_at_precision(end_timex.start or end_timex.end, end_precision)
        last_day = end_timex.end
        text = f"{timex.text} – {end_timex.text}"
    else:
        text = timex.text
    return DateSpan(
        start=start,
        end=end if end != start else None,
        first_day=timex.start.isoformat() if timex.start else None,
        last_day=last_day.isoformat() if last_day else None,
        precision=precision,
        basis=timex.basis or "explicit",
        text=text,
    )


def _owns_someone_else(text: str, mention: Mention, trigger: Trigger) -> bool:
    """ "Ghani's adviser died": the adviser took part, not Ghani; but in "Lavrov's
    meeting", where the event itself is what the person has, the person took part."""
    possessive = _POSSESSIVE.match(text, mention.end_char)
    if possessive is None:
        return False
    event_is_owned = (
        trigger.start >= possessive.end() and not text[possessive.end() : trigger.start].strip()
    )
    return not event_is_owned


def attribution_start(text: str, sentence: Sentence, trigger: Trigger) -> int | None:
    """Where a closing ", ... said." begins, when it follows the trigger."""
    attribution = _ATTRIBUTION.search(text, sentence.start_char, sentence.end_char)
    if attribution is None or attribution.start() <= trigger.end:
        return None
    return attribution.start()


def _place_at(text: str, mentions: Sequence[Mention], at: int) -> bool:
    """Whether a place is named right after ``at``."""
    return any(
        m.entity.kind in PLACE_KINDS and m.start_char >= at and not text[at : m.start_char].strip()
        for m in mentions
    )


def find_location(
    text: str,
    mentions: Sequence[Mention],
    trigger: Trigger,
    sentence: Sentence,
    limit: int | None,
) -> Entity | None:
    """The place an event happened: a place named after "in" or "at" in its clause.

    Places after the trigger come first ("met in Moscow"); one before it counts
    only when close ("in Kunduz, a bomb exploded"). A place in the closing
    attribution (", the ministry in Kabul said", starting at ``limit``) is who
    spoke, not where.
    """
    best: tuple[int, int, int, Entity] | None = None
    for mention in mentions:
        if mention.entity.kind not in PLACE_KINDS:
            continue
        if limit is not None and mention.start_char >= limit:
            continue
        is_object = (
            trigger.spec.object_is_place and not text[trigger.end : mention.start_char].strip()
        )
        if not is_object and not _LOCATIVE.search(
            text, max(sentence.start_char, mention.start_char - 40), mention.start_char
        ):
            continue
        after = mention.start_char >= trigger.end
        left, right = (
            (trigger.end, mention.start_char) if after else (mention.end_char, trigger.start)
        )
        if _CLAUSE_BREAK.search(text, left, right):
            continue
        words = len(_WORD.findall(text, left, right))
        if not after and words > _LOCATION_BEFORE_MAX_WORDS:
            continue
        rank = (0 if after else 1, 0 if mention.entity.kind == "place" else 1, words)
        if best is None or rank < best[:3]:
            best = (*rank, mention.entity)
    return best[3] if best else None


def _unique(items: Iterable[T]) -> list[T]:
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
