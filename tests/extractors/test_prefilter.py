"""The trigger search plan must find every trigger a search of the whole text finds.

``literals.py`` works out from each pattern the words its matches hold, and
``prefilter.py`` searches only the sentences (and offsets) that hold them.
Each case below is checked against the plan-free search: the same triggers,
in the same order, or the plan lost (or invented) one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.documents import Document
from timeline.extractors import DocumentContext, _literal_index, extractors
from timeline.extractors.literals import is_local, required_literals
from timeline.extractors.prefilter import SearchPlan, search_plan
from timeline.sentences import split_sentences

LITERALS: list[tuple[str, tuple[bool, list[str]] | None]] = [
    (r"\b(?:met|meets|meet)\b", (True, ["meet", "met"])),
    (r"\b(?:bombing|bomb|blast)\b", (True, ["blast", "bomb"])),
    (r"\bimmuni[sz]ation\s+(?:round|drive)\b", (True, ["immunisation", "immunization"])),
    (
        r"\b(?:\w+\s+)?(?:vaccination|inoculation)\s+drive\b",
        (False, ["inoculation", "vaccination"]),
    ),
    (r"\b\d+\s+(?:cases|deaths)\s+were\s+recorded\b", (False, ["recorded"])),
    (r"\b(?:held|holds)\s+talks\b", (True, ["held", "holds"])),
    (r"\bCommuniqué\b", (True, ["communiqu"])),
    (r"\b(?:a|an)\s+\w+\b", None),  # nothing of three letters or more
    (r"\w+\s+said", (False, ["said"])),
    (r"\b(?:set\s+up|created)\b", (True, ["created", "set"])),
    # A lookbehind consumes nothing: the match still starts with its words.
    (r"\b(?<!heart\s)attack\b", (True, ["attack"])),
]


@pytest.mark.parametrize(("pattern", "expected"), LITERALS)
def test_required_literals(pattern: str, expected: tuple[bool, list[str]] | None) -> None:
    found = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else (found.at_start, sorted(found.strings))) == expected


LOCAL: list[tuple[str, bool]] = [
    (r"\bmet\b", True),
    (r"\b(?:talks)(?:[^.;]{0,90}?\b(?:held|convened))?\b", True),
    (r"\Bmet", True),
    (r"met$", False),
    (r"^met", False),
    (r"met(?=\s+in)", False),
    # A lookbehind sees what stands before the match, which a search from the
    # sentence's start sees as well; only what follows must stay inside it.
    (r"(?<!this\s)meeting", True),
    (r"(?<!^)meeting", False),
    (r"(?<=(?=x)a)meeting", False),
    (r"(?>meet)ing", False),
]


@pytest.mark.parametrize(("pattern", "local"), LOCAL)
def test_is_local(pattern: str, local: bool) -> None:
    assert is_local(re.compile(pattern, re.IGNORECASE)) is local


def test_every_trigger_pattern_is_planned() -> None:
    """A pattern the plan cannot bound is searched over the whole text: still right,
    but slow; a new trigger that loses the plan should be noticed."""
    for extractor in extractors():
        for spec in extractor.trigger_specs:
            assert spec.local, spec.pattern.pattern
            assert spec.literals is not None, spec.pattern.pattern


TEXTS: list[str] = [
    "The two envoys met in Doha on Tuesday. They MET again on Friday.",
    # A match reaching into the next sentence, and one that overlaps another.
    "The meeting. Held in Kabul on Monday, it ended. This meeting followed a summit held on May 2.",
    # Case partners outside ASCII: the Kelvin sign takes the place of "k".
    "The group held \u212aabul talks on Monday. Ministers me\u0074 on Tuesday.",
    "The ſummit opened on Monday. İt was the second bombing this month.",
    "Nine cases were\nrecorded in 2025.\n\nA polio vaccination drive began on Sunday.",
    "Officials said on Monday that 3,000 people were displaced this year.",
    "Iran became a member of the SCO in 2023, and Belarus joined a year later.",
    "A roadside bomb struck a convoy on Sunday; a suicide bombing followed on Monday.",
    "Flights from Kabul to Dubai resumed on March 3, the airline said.",
    "Talks ended on Monday. The envoys met",
    "He died of a heart attack. Heart attack victims. An attack followed. heart\nattack",
    "",
]


def _context(text: str) -> DocumentContext:
    document = Document("d", "d.txt", "d.txt", text, "", None, None, None)
    sentences = tuple(split_sentences(text))
    return DocumentContext(
        document=document,
        sentences=sentences,
        timexes=tuple(() for _ in sentences),
        mentions=tuple(() for _ in sentences),
        paragraphs=tuple(0 for _ in sentences),
    )


def _triggers(context: DocumentContext, plan: SearchPlan) -> list[tuple[str, int, int, int]]:
    return [
        (extractor.name, index, trigger.start, trigger.end)
        for extractor in extractors()
        for index, trigger in extractor.triggers(context, plan)
    ]


def _same_as_whole_text(text: str, wanted: Iterable[int] | None = None) -> None:
    context = _context(text)
    every = range(len(context.sentences)) if wanted is None else wanted
    whole_text = SearchPlan(len(context.sentences), frozenset(every), False, frozenset(), None)
    planned = search_plan(text, context.sentences, _literal_index(), every)
    assert _triggers(context, planned) == _triggers(context, whole_text)


@pytest.mark.parametrize("text", TEXTS)
def test_plan_finds_triggers_only_in_the_sentences_wanted(text: str) -> None:
    _same_as_whole_text(text, wanted=range(0, len(split_sentences(text)), 2))


@pytest.mark.parametrize("text", TEXTS)
def test_plan_finds_what_the_whole_text_search_finds(text: str) -> None:
    _same_as_whole_text(text)


FOUND: list[tuple[str, list[tuple[str, str]]]] = [
    # The first "meeting" reaches into the next sentence with "held", and is cut there;
    # "This meeting" speaks of it again.
    (TEXTS[1], [("meeting", "meeting"), ("meeting", "summit held")]),
    # The Kelvin sign: the text is searched whole, without the literals.
    (TEXTS[2], [("meeting", "talks"), ("meeting", "met")]),
    (TEXTS[7], [("attack", "roadside bomb"), ("attack", "bomb"), ("attack", "suicide bombing")]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_cases_find_triggers(text: str, expected: list[tuple[str, str]]) -> None:
    """The comparison above means something only if the texts hold triggers."""
    context = _context(text)
    plan = search_plan(text, context.sentences, _literal_index(), range(len(context.sentences)))
    found = [(name, text[start:end]) for name, _, start, end in _triggers(context, plan)]
    assert found[: len(expected)] == expected


_WORDS = [
    "met", "Met", "MEETING", "summit", "talks", "held", "said", "told", "reporters",
    "bomb", "bombing", "suicide", "attack", "killed", "visit", "visited", "to", "the", "a",
    "this", "these", "flights", "resumed", "cases", "were", "recorded", "9", "people",
    "displaced", "joined", "became", "member", "of", "signed", "agreement", "on", "Monday",
    "in", "Kabul", "\u212a", "ſ", "İ", "-", ",", ".", ";", "\n", "\n\n", "’s",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(st.sampled_from(["", " "])))
def test_plan_on_random_texts(words: list[str], joins: list[str]) -> None:
    text = "".join(word + (joins[i] if i < len(joins) else " ") for i, word in enumerate(words))
    _same_as_whole_text(text)
