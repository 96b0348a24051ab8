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
_PAST_AUX: Final = frozenset({"was", "were", "been", "has", "have", "had"})
_PRESENT_AUX: Final = frozenset({"is", "are", "am", "'s"})
_WINDOW: Final = 12
_DETERMINERS: Final = frozenset({"a", "an", "the", "its", "their", "his", "her", "still", "newly"})


def _cue(tokens: list[Token], i: int) -> str | None:
    tok = tokens[i]
    if tok.kind != "word":
        return None
    word = tok.lower.replace("’", "'")
    if word in V.FUTURE_MARKERS or word.endswith("'ll"):
        if word in ("set", "due") and not (i + 1 < len(tokens) and tokens[i + 1].lower == "to"):
            return None
        return FUTURE
    if word == "set" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
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
    aux = tokens[i - 1].lower if i > 0 else ""
    if aux in _DETERMINERS and word not in V.PAST_MARKERS:
        # "a still unspecified date", "the expected rise": an adjective, not a verb.
        return None
    if aux in _BE_FORMS or aux == "to":
        # "will be held", "to be released": the auxiliary further left decides.
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


def clause_tense(tokens: list[Token], first: int, last: int) -> str:
    """PAST, FUTURE or NONE for the mention covering tokens[first:last]."""
    floor = max(0, first - _WINDOW)
    for i in range(first - 1, floor - 1, -1):
        if _is_break(tokens, i):
            break
        cue = _cue(tokens, i)
        if cue is not None:
            return cue
    ceiling = min(len(tokens), last + _WINDOW)
    for i in range(last, ceiling):
        if _is_break(tokens, i):
            break
        cue = _cue(tokens, i)
        if cue is not None:
            return cue
    return NONE


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


def tense_at(text: str, start_char: int, end_char: int) -> str:
    """``clause_tense`` of the mention at ``text[start_char:end_char]``, tokenizing only
    the text around it, and the text after it only when the text before has no cue."""
    low = max(0, start_char - _REACH)
    if low > 0:
        low = max(text.rfind(" ", 0, low), text.rfind("\n", 0, low)) + 1
    before = tokenize(text, low, start_char)
    found = _search(before, range(len(before) - 1, max(-1, len(before) - 1 - _WINDOW), -1))
    if found is not None and found != NONE:
        return found
    high = min(len(text), end_char + _REACH)
    if high < len(text):
        ends = [k for k in (text.find(" ", high), text.find("\n", high)) if k >= 0]
        high = min(ends) if ends else len(text)
    # The mention's own tokens come along: a cue right after it looks one token back.
    tokens = tokenize(text, start_char, high)
    last = 0
    while last < len(tokens) and tokens[last].end <= end_char:
        last += 1
    return _search(tokens, range(last, min(len(tokens), last + _WINDOW))) or NONE
