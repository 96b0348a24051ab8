"""The per-document pipeline: a source article in, everything found in it out.

:func:`analyse` is a pure function of the article and the explicit options:
it reads no clock, no database and no other document, so it can run in any
process (or on any machine) and its results can be merged later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .datelines import dateline_end, find_dateline, find_yearless_dateline, in_latest_year
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
    sentences = tuple(split_sentences(document.text, dateline_end(document.text)))
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
    dateline = find_dateline(text)
    if dateline is not None:
        return dateline, dateline.date
    inferred = infer_document_date(text, not_after=not_after)
    month_day = find_yearless_dateline(text)
    if month_day is not None:
        dated = in_latest_year(month_day, inferred, not_after)
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
