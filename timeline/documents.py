"""Turn a source article into the document the pipeline analyses."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .datelines import dateline_end
from .published import Published
from .sentences import split_sentences
from .sources import SourceDocument

# A line repeated verbatim is a scraping artefact (a lead paragraph shown twice)
# only when it is long enough to be prose; short lines ("Advertisement",
# "Share") repeat legitimately and are rare in the text we analyse anyway.
_MIN_WORDS_TO_DEDUPLICATE = 8
_SPACE = re.compile(r"\s+")
_TITLE_MAX = 160


@dataclass(frozen=True)
class Document:
    """An article ready for analysis; ``id`` is the hash of its text."""

    id: str
    name: str
    path: str
    text: str
    title: str
    source: str | None
    url: str | None
    published: Published | None


def content_id(text: str) -> str:
    """A stable id for a text: equal texts get equal ids on every machine."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stable_id(*parts: object) -> str:
    """A stable id built from the parts that identify a row."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def deduplicate_paragraphs(text: str) -> str:
    """``text`` with every later verbatim copy of a prose line removed, order kept."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in text.split("\n"):
        words = line.split()
        if len(words) >= _MIN_WORDS_TO_DEDUPLICATE:
            # str.split and the regular expression's \s agree on white space, so this is
            # the line with each run of it made one space and the ends trimmed.
            key = " ".join(words)
            if key in seen:
                continue
            seen.add(key)
        kept.append(line.rstrip())
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip("\n")


def make_document(source: SourceDocument, published: Published | None) -> Document:
    text = deduplicate_paragraphs(source.text)
    return Document(
        id=content_id(text),
        name=source.name,
        path=source.path,
        text=text,
        title=source.title or headline(text),
        source=source.source,
        url=source.url,
        published=published,
    )


def headline(text: str) -> str:
    """The article's first line when it reads as a headline, else its first sentence.

    A dateline that opens the first line is not part of it: "KABUL, March 9 (Wire) -
    A bomb exploded ..." is headed "A bomb exploded ...".
    """
    body_start = dateline_end(text)
    opening_line = body_start and "\n" not in text[:body_start].strip()
    first = text[body_start if opening_line else 0 :].strip().split("\n", 1)[0].strip()
    if len(first) <= _TITLE_MAX and not first.endswith((".", ":", ";", ",")):
        return first
    sentences = split_sentences(first)
    opening = _SPACE.sub(" ", sentences[0].text if sentences else first).rstrip(".")
    if len(opening) <= _TITLE_MAX:
        return opening
    return opening[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"
