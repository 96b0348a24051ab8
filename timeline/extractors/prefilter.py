"""Where in a document the triggers can stand, found by looking its words up once.

Every trigger pattern needs one of a few literal words (see ``literals.py``).
Looking the words of the lower-cased text up once tells which sentences can
hold a trigger of which pattern; the patterns then run only over those
sentences, each search stopping at the sentence's end, or, when every match
begins with one of the literals, only where one stands. Real news mentions
few event words per sentence, so most searches never run.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Protocol

from ..sentences import Sentence
from .literals import Literals

# Characters outside ASCII that a case-insensitive pattern takes for an ASCII one
# ("K", the Kelvin sign, for "k"; "ſ" for "s"): a text holding one is not searched
# in lower case, since lower() does not turn them into what the pattern matches.
_FOLDS_TO_ASCII = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHARACTER = re.compile(r"\w")
#: Words whose literals are remembered before starting afresh, which bounds the memory used.
_WORDS_REMEMBERED = 50_000


class Searchable(Protocol):
    """A trigger pattern, with what it needs from a text."""

    @property
    def literals(self) -> Literals | None: ...

    @property
    def local(self) -> bool: ...


class _LiteralsInWord(dict[str, tuple[str, ...]]):
    """The literals each word (split at white space) holds, remembered: news uses the
    same words again and again."""

    def __init__(self, literals: Iterable[str]) -> None:
        super().__init__()
        self._literals = tuple(literals)

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= _WORDS_REMEMBERED:
            self.clear()
        found = self[word] = tuple(literal for literal in self._literals if literal in word)
        return found


#: A sentence to search, and the offsets where a match may start in it (``None``: anywhere).
Place = tuple[int, list[int] | None]
#: Sentence index -> offsets where a literal of a set starts in that sentence.
_Held = dict[int, set[int]]


class LiteralIndex:
    """Finds where a text holds the literals of many trigger patterns."""

    def __init__(self, literal_sets: Iterable[Literals | None]) -> None:
        self._sets = frozenset(s for s in literal_sets if s is not None)
        literals = frozenset[str]().union(*(s.strings for s in self._sets))
        self._owners = {
            literal: [s for s in self._sets if literal in s.strings] for literal in literals
        }
        # A literal without white space lies within one word of the text, so looking up
        # the text's words replaces a pass over the text per literal.
        in_words = sorted(w for w in literals if w.split() == [w])
        self._in_word = _LiteralsInWord(in_words)
        self._across_words = tuple(sorted(literals - set(in_words)))

    @property
    def indexed(self) -> frozenset[Literals]:
        return self._sets

    def held(self, text: str, sentences: Sequence[Sentence]) -> dict[Literals, _Held] | None:
        """For each set of literals found, the sentences that hold one and where.

        ``None`` when the text's case makes it unknowable (see ``_lowered``).
        """
        lowered = _lowered(text)
        if lowered is None:
            return None
        words = set(lowered.split())
        present = set(chain.from_iterable(map(self._in_word.__getitem__, words)))
        present.update(w for w in self._across_words if w in lowered)
        starts = [sentence.start_char for sentence in sentences]
        held: dict[Literals, _Held] = {}
        for literal in present:
            position = lowered.find(literal)
            while position >= 0:
                index = bisect_right(starts, position) - 1
                if index >= 0 and position + len(literal) <= sentences[index].end_char:
                    for literals in self._owners[literal]:
                        held.setdefault(literals, {}).setdefault(index, set()).add(position)
                position = lowered.find(literal, position + 1)
        return held


@dataclass(frozen=True)
class SearchPlan:
    """Where in one document each trigger pattern must be searched for."""

    sentence_count: int
    #: the sentences whose triggers are wanted
    wanted: frozenset[int]
    #: sentences are in order, apart, and each ends before a non-word character
    bounded: bool
    #: the sets of literals looked for
    indexed: frozenset[Literals]
    #: where the sets of literals found stand; ``None`` when not known
    held: dict[Literals, _Held] | None

    def places(self, spec: Searchable) -> list[Place] | None:
        """The sentences to search and where in them, or ``None``: search the whole text."""
        if not (self.bounded and spec.local):
            return None
        literals = spec.literals
        if literals is None or self.held is None or literals not in self.indexed:
            return [(index, None) for index in sorted(self.wanted)]
        found = self.held.get(literals)
        if found is None:
            return []
        return [
            (index, sorted(found[index]) if literals.at_start else None)
            for index in sorted(found)
            if index in self.wanted
        ]


def search_plan(
    text: str, sentences: Sequence[Sentence], index: LiteralIndex, wanted: Iterable[int]
) -> SearchPlan:
    """Where the triggers of ``text`` may stand in the ``wanted`` sentences, by ``index``'s
    literals."""
    return SearchPlan(
        len(sentences),
        frozenset(wanted),
        _bounded(text, sentences),
        index.indexed,
        index.held(text, sentences),
    )


def _bounded(text: str, sentences: Sequence[Sentence]) -> bool:
    """Whether a search within each sentence sees what a search of the text sees there.

    A word boundary at a sentence's end reads the next character; when that is
    no word character, the end of the search reads the same.
    """
    previous_end = 0
    for sentence in sentences:
        if sentence.start_char < previous_end:
            return False
        end = sentence.end_char
        if end < len(text) and _WORD_CHARACTER.match(text, end):
            return False
        previous_end = end
    return True


def _lowered(text: str) -> str | None:
    """``text`` in lower case, offset for offset, when a literal found there is found in it."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    if not text.isascii() and any(_FOLDS_TO_ASCII.match(c) for c in set(_NON_ASCII.findall(text))):
        return None
    return lowered
