"""Guess whether a mention sits in a past or future clause.

A bare weekday or a month-day without a year is resolved backwards or forwards
from the anchor depending on this, so the guess looks only at the nearest
verb-like cue in the same clause, which in news prose is usually the verb the
date modifies ("began Monday", "will run until Thursday").
"""

from __future__ import annotations

from typing import Final

from . import vocabulary as V
from .tokenizer import Token, tokenize

PAST: Final = "past"
FUTURE: Final = "future"
NONE: Final = "none"

_BE_FORMS: Final = frozenset({"be", "being"})
_PRESENT_AUX: Final = frozenset({"is", "are", "am", "'s"})
_WINDOW: Final = 12
_DETERMINERS: Final = frozenset({"a", "an", "the", "its", "their", "his", "her", "still", "newly"})


def _cue(tokens: list[Token], i: int) -> str | None:
    tok = tokens[i]
    if tok.kind != "word":
        return None
    word = tok.lower.replace("’", "'")
    aux = tokens[i - 1].lower if i > 0 else ""
    if word == "as" and aux in ("soon", "early") and i > 1 and tokens[i - 2].lower == "as":
        # "as soon as Tuesday": the earliest something may still happen.
        return FUTURE
    if word in V.FUTURE_MARKERS or word.endswith("'ll"):
        if word in ("set", "due") and not (i + 1 < len(tokens) and tokens[i + 1].lower == "to"):
            return None
        if aux in _DETERMINERS:
            # "the plan", "its expected merger": a noun or an adjective, not the clause's verb.
            return None
        if aux == "been":
            # "had been due to expire Friday": a plan already overtaken.
            return PAST
        return FUTURE
    if word == "set" and i + 1 < len(tokens) and tokens[i + 1].lower in ("to", "for"):
        # "a summit set for April": scheduled, not done.
        return FUTURE
    if word.endswith("ing") and i > 0:
        aux = tokens[i - 1].lower
        if aux in _PRESENT_AUX:
            return FUTURE
        if aux in ("was", "were"):
            return PAST
        return None
    past_form = word in V.PAST_MARKERS or (
        len(word) > 4 and word.endswith("ed") and word not in V.NOT_PAST_ED
    )
    if not past_form:
        return None
    if aux in _DETERMINERS and word not in V.PAST_MARKERS:
        # "a still unspecified date", "the expected rise": an adjective, not a verb.
        return None
    if aux == "be" and i > 1 and tokens[i - 2].lower == "to":
        # "guidelines to be published in early November": still to come.
        return FUTURE
    if aux in _BE_FORMS or aux == "to":
        # "will be held", "is being built": the auxiliary further left decides.
        return None
    if aux in _PRESENT_AUX:
        return NONE
    return PAST


def _is_break(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind == "newline":
        return True
    if tok.lower not in V.CLAUSE_BREAKS:
        return False
    # "Dec. 11", "Gen. Smith": an abbreviation's full stop does not end the clause.
    return not (tok.text == "." and tok.joined and i > 0 and tokens[i - 1].lower in V.ABBREVIATIONS)


#: Characters read on each side of a mention for its tense: more than
#: ``_WINDOW`` tokens of ordinary prose.
_REACH: Final = 75


def _search(tokens: list[Token], indices: range) -> str | None:
    for i in indices:
        if _is_break(tokens, i):
            return NONE
        cue = _cue(tokens, i)
        if cue is not None:
            return cue
    return None


def _bounds(text: str, start_char: int, end_char: int) -> tuple[int, int]:
    """The text ``tense_in`` reads around a mention, cut at whitespace like the matcher's
    windows so that both tokenize it the same way."""
    low = max(0, start_char - _REACH)
    if low > 0:
        low = max(text.rfind(" ", 0, low), text.rfind("\n", 0, low)) + 1
    high = min(len(text), end_char + _REACH)
    if high < len(text):
        ends = [k for k in (text.find(" ", high), text.find("\n", high)) if k >= 0]
        high = min(ends) if ends else len(text)
    return low, high


def _is_gap(tok: Token) -> bool:
    """The empty token the matcher puts between two windows of text."""
    return tok.kind == "newline" and tok.start == tok.end


def tense_in(text: str, tokens: list[Token], first: int, last: int) -> str:
    """PAST, FUTURE or NONE for the mention covering ``tokens[first:last]``: the nearest cue
    within ``_WINDOW`` tokens of the same clause, looking back first, then ahead.

    ``tokens`` are the matcher's windows of ``text``; they are reused, and only the text a
    window leaves out is tokenized, the text after the mention only when needed."""
    start_char, end_char = tokens[first].start, tokens[last - 1].end
    low, high = _bounds(text, start_char, end_char)
    opening = first
    while opening > 0 and not _is_gap(tokens[opening - 1]):
        opening -= 1
    window_start = tokens[opening].start if opening < first else start_char
    before = tokenize(text, low, window_start) if low < window_start else []
    before += [tok for tok in tokens[opening:first] if tok.start >= low]
    found = _search(before, range(len(before) - 1, max(-1, len(before) - 1 - _WINDOW), -1))
    if found is not None and found != NONE:
        return found
    closing = last
    while closing < len(tokens) and not _is_gap(tokens[closing]):
        closing += 1
    # The mention's own tokens come along: a cue right after it looks one token back.
    after = [tok for tok in tokens[first:closing] if tok.end <= high]
    window_end = tokens[closing - 1].end
    if window_end < high:
        after += tokenize(text, window_end, high)
    start = last - first
    return _search(after, range(start, min(len(after), start + _WINDOW))) or NONE
