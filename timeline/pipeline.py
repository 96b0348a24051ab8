"""The per-document pipeline: a source article in, everything found in it out.

:func:`analyse` is a pure function of the article and the explicit options:
it reads no clock, no database and no other document, so it can run in any
process (or on any machine) and its results can be merged later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .documents import Document, make_document
from .entities.linker import link_document
from .entities.types import Fact, Mention
from .events import Event
from .extractors import DocumentContext, extract_events
from .facts import extract_facts
from .published import Published, parse_published
from .sentences import Sentence, group_by_sentence, split_sentences
from .sources import SourceDocument
from .temporal import infer_document_date, tag
from .temporal.types import DocumentDate, Timex

# A dateline opens the article: "KABUL, Feb. 2 (Reuters) -", "MOSCOW, 11 December 2024 —",
# "KABUL (Pajhwok), March 5, 2025:".
_AGENCY = r"(?:\s*\([^()\n]{1,40}\))?"
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,40})?" + _AGENCY + r",\s*$"
)
#: A place in title case ("Dushanbe, 8 October 2024", "Tashkent, Uzbekistan, March 5, 2025")
#: opens a dateline only when the date ends the line or the dateline ("(AFP) -"): in prose
#: a capitalised word before a date is common.
_PLACE = r"[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}"
_TITLE_CASE_DATELINE = re.compile(
    r"\s*" + _PLACE + r"(?:,\s*" + _PLACE + r")?" + _AGENCY + r",\s*$"
)
_DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[-–—:]|\r?\n|$)")
#: A label or a byline before the date: "Published: 05 Mar 2025", "By Jane Doe | May 5, 2025".
_DATE_LABEL = re.compile(
    r"\s*(?:(?:last\s+)?updated|published|posted|dated?)(?:\s+on)?\s*:?\s*$"
    r"|[^\n]{0,80}[|•·]\s*$",
    re.IGNORECASE,
)
_DATELINE_SEARCH = 120
_YEARLESS_DAY = re.compile(r"XXXX-(?P<month>\d\d)-(?P<day>\d\d)")


@dataclass(frozen=True)
class Analysis:
    """What the pipeline found in one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    timexes: tuple[Timex, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]


def analyse(
    source: SourceDocument,
    *,
    published: Published | None = None,
    not_after: date | None = None,
) -> Analysis:
    """Analyse one article.

    ``published`` is the date the user gave for documents whose metadata has
    none; ``not_after`` is the latest day the text can speak of (the day of
    ingestion), used only to choose between the years a weekday allows.
    Raises :class:`ValueError` when the metadata's date is not a date.
    """
    document = make_document(source, None)
    dated, anchor = document_date(source, document.text, published, not_after)
    document = replace(document, published=dated)
    timexes = tuple(tag(document.text, anchor, not_after=not_after))
    sentences = tuple(split_sentences(document.text))
    entities = link_document(document.text, sentences)
    mentions = tuple(entities.mentions())
    context = DocumentContext(
        document=document,
        sentences=sentences,
        timexes=tuple(tuple(group) for group in group_by_sentence(timexes, sentences)),
        mentions=entities.by_sentence,
        paragraphs=paragraph_numbers(document.text, sentences),
    )
    events = tuple(extract_events(context))
    facts = tuple(extract_facts(document.text, sentences, entities, timexes))
    return Analysis(document, sentences, timexes, mentions, events, facts)


def document_date(
    source: SourceDocument, text: str, option: Published | None, not_after: date | None
) -> tuple[Published | None, date | None]:
    """The document's date from its metadata, the user, its dateline, or its text, and
    the day that "Thursday" or "last month" count from, if it gives one."""
    if source.published:
        try:
            given = parse_published(source.published, basis="metadata")
        except ValueError as error:
            raise ValueError(f"metadata 'published' is {error}") from error
        return given, given.date
    if option is not None:
        return option, option.date
    head = _head(text)
    dateline = _full_dateline(*head)
    if dateline is not None:
        return dateline, dateline.date
    inferred = infer_document_date(text, not_after=not_after)
    month_day = _yearless_dateline(*head)
    if month_day is not None:
        dated = _in_latest_year(month_day, inferred, not_after)
        if dated is not None:
            return dated, dated.date
    if inferred is None:
        return None, None
    return _from_text(inferred), _attested_day(inferred)


def _attested_day(inferred: DocumentDate) -> date | None:
    """The inferred date as an anchor, when a day the text names fixes it.

    "Wednesday, December 11" (past tense) puts the article on or soon after that day,
    and a reader counts "Thursday" from there. "in 2024" alone only says the article
    is later: counting from January 1 would be a silent guess, so nothing is counted.
    """
    day_named = any(tx.precision == "day" and tx.start == inferred.date for tx in inferred.evidence)
    return inferred.date if day_named else None


def _from_text(inferred: DocumentDate) -> Published:
    return Published(
        date=inferred.date,
        start=inferred.start,
        end=inferred.end,
        precision=inferred.precision,
        basis="inferred",
        note=inferred.reason,
    )


def find_dateline(text: str) -> Published | None:
    """The date of a dateline that opens the article, when it gives the year."""
    return _full_dateline(*_head(text))


def _head(text: str) -> tuple[str, list[Timex]]:
    """Where a dateline may stand, and the dates in it, read once for both kinds."""
    head = text[:_DATELINE_SEARCH]
    return head, tag(head)


def _full_dateline(head: str, timexes: list[Timex]) -> Published | None:
    for timex in timexes:
        if timex.start is None or timex.basis != "explicit" or timex.precision != "day":
            continue
        if _opens_dateline(head, timex):
            return Published(
                date=timex.start,
                start=timex.start,
                end=timex.start,
                precision="day",
                basis="dateline",
                note=f"dateline {timex.text!r}",
            )
        break
    return None


def _yearless_dateline(head: str, timexes: list[Timex]) -> tuple[int, int, str] | None:
    """(month, day, text) of a dateline that opens the article without a year:
    "MINSK, Nov. 14 (Wire) -"."""
    for timex in timexes:
        found = _YEARLESS_DAY.fullmatch(timex.value)
        if found is None or timex.type != "DATE":
            return None
        if not _opens_dateline(head, timex):
            return None
        return int(found["month"]), int(found["day"]), timex.text
    return None


def _opens_dateline(head: str, timex: Timex) -> bool:
    """Whether ``timex`` opens its line, alone or after a place: "KABUL, Feb. 2" (a
    headline may stand on the lines before)."""
    lead = head[head.rfind("\n", 0, timex.start_char) + 1 : timex.start_char]
    if not lead.strip() or _DATELINE.fullmatch(lead) or _DATE_LABEL.fullmatch(lead):
        return True
    return bool(_TITLE_CASE_DATELINE.fullmatch(lead) and _DATELINE_END.match(head, timex.end_char))


def _in_latest_year(
    month_day: tuple[int, int, str], inferred: DocumentDate | None, not_after: date | None
) -> Published | None:
    """The dateline's day in the latest year the text allows, no later than ``not_after``.

    The same rule a reader uses for "Wednesday, December 11" with no year: the latest
    such day not after the day of ingestion, here also within the range the text's
    other dates leave open."""
    month, day, written = month_day
    latest = inferred.end if inferred is not None else not_after
    if latest is None:
        return None
    earliest = inferred.start if inferred is not None else date.min
    for year in range(latest.year, max(earliest.year, latest.year - 30) - 1, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # February 29 in a common year
            continue
        if earliest <= candidate <= latest:
            return Published(
                date=candidate,
                start=candidate,
                end=candidate,
                precision="day",
                basis="dateline",
                note=f"dateline {written!r}, in the latest year not after {latest}",
            )
    return None


def paragraph_numbers(text: str, sentences: tuple[Sentence, ...]) -> tuple[int, ...]:
    """The number of the blank-line-separated block each sentence stands in."""
    breaks = [match.start() for match in re.finditer(r"\n\s*\n", text)]
    numbers = []
    block = 0
    for sentence in sentences:
        while block < len(breaks) and breaks[block] < sentence.start_char:
            block += 1
        numbers.append(block)
    return tuple(numbers)
