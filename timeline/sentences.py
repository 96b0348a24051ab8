"""Split a document's text into sentences that keep their character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document; ``text == document_text[start_char:end_char]``."""

    index: int
    start_char: int
    end_char: int
    text: str


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "pres",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "jr",
        "sr",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
    ]
)

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets)
# before whitespace and an opening quote, bracket, capital letter or digit.
_BOUNDARY = re.compile(r"""[.!?]['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])""")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
# A line that ends like this runs on into the next one (hard-wrapped text).
_RUNS_ON = re.compile(
    r"(?:[,(\[–—-]|\b(?:and|or|but|of|the|a|an|to|in|on|at|for|with|by|from|as|that))\s*$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"""[.!?:;'"’”)\]]\s*$""")
# Wrapped lines fill the column; a headline or a list item is shorter.
_SHORT_LINE = 60
_TOKEN_BEFORE = re.compile(r"(\S+)$")
#: Characters before a full stop searched first for the word it closes.
_LOOK_BACK = 64


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    match = _token_before(text, dot)
    if not match:
        return False
    word = match.group(1).lstrip("(['\"‘“").lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George W. Bush"
    return word in _ABBREVIATIONS


def _token_before(text: str, end: int) -> re.Match[str] | None:
    """``_TOKEN_BEFORE`` searched in ``text[:end]``, looking back only as far as needed.

    A search from the start of a long text costs a pass over all of it at every
    full stop. Any match the search would find starts a run of non-space that
    reaches ``end``, so a window holding that run's start finds the same match;
    a match at the window's very start may begin earlier, so it is searched again.
    """
    window = _LOOK_BACK
    while True:
        start = max(0, end - window)
        match = _TOKEN_BEFORE.search(text, start, end)
        if match is None or match.start() > start or start == 0:
            return match
        window *= 4


class _Located(Protocol):
    @property
    def start_char(self) -> int: ...


Located = TypeVar("Located", bound=_Located)


def group_by_sentence(
    items: Iterable[Located], sentences: Sequence[Sentence]
) -> list[list[Located]]:
    """``items`` (in text order) grouped by the sentence they start in; others dropped."""
    grouped: list[list[Located]] = [[] for _ in sentences]
    position = 0
    for item in items:
        while position < len(sentences) and sentences[position].end_char <= item.start_char:
            position += 1
        if position < len(sentences) and sentences[position].start_char <= item.start_char:
            grouped[position].append(item)
    return grouped


def split_sentences(text: str, body_start: int = 0) -> list[Sentence]:
    """Sentences of ``text`` in order, without surrounding white space.

    Line breaks end a sentence too when the line is complete (it ends with a
    full stop, or is a short headline or list item); hard-wrapped lines that
    run on are joined. ``body_start`` ends a sentence too: it is where the body
    begins after a dateline ("KABUL, March 9 (Wire) - "), whose date and place
    are not those of the first sentence's events.
    """
    sentences: list[Sentence] = []
    for block_start, block_end in _split_block_at(_blocks(text), body_start):
        start = block_start
        for match in _BOUNDARY.finditer(text, block_start, block_end):
            if _is_abbreviation(text, match.start()):
                continue
            _append(sentences, text, start, match.end())
            start = match.end()
        _append(sentences, text, start, block_end)
    return sentences


def _split_block_at(blocks: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    for number, (start, end) in enumerate(blocks):
        if start < at < end:
            return [*blocks[:number], (start, at), (at, end), *blocks[number + 1 :]]
    return blocks


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence crosses: paragraphs, and lines that stand alone."""
    blocks = []
    start = 0
    for paragraph in _BLANK_LINE.finditer(text):
        blocks.extend(_lines(text, start, paragraph.start()))
        start = paragraph.end()
    blocks.extend(_lines(text, start, len(text)))
    return blocks


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks = []
    for newline in _LINE_BREAK.finditer(text, start, end):
        line = text[start : newline.start()]
        if _ENDS_SENTENCE.search(line) or (
            len(line.strip()) < _SHORT_LINE and not _RUNS_ON.search(line)
        ):
            blocks.append((start, newline.start()))
            start = newline.end()
    blocks.append((start, end))
    return blocks


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
