"""Guess whether a mention sits in a past or future clause.

A bare weekday or a month-day without a year is resolved backwards or forwards
from the anchor depending on this, so the guess looks only at the nearest
verb-like cue in the same clause, which in news prose is usually the verb the
date modifies ("began Monday", "will run until Thursday").
"""

from __future__ import annotations

from typing import Final

from . import vocabulary as V
from .tokenizer import Token, tokenize, word_end, word_start

PAST: Final = "past"
FUTURE: Final = "future"
NONE: Final = "none"

#: A cue that is only PAST when it is the verb a date after "until" ends: a
#: deferral reported in the past sets a deadline still ahead ("the vote was
#: postponed until Tuesday", "gave them until mid-November").
DEFERRAL: Final = "deferral"

_BE_FORMS: Final = frozenset({"be", "being"})
#: Verbs a past participle follows as an adjective ("stay closed", "remained shut").
_LINKING_VERBS: Final = frozenset(
    {"remain", "remains", "remained", "stay", "stays", "stayed", "become", "becomes", "became"}
)
#: Modal verbs that look ahead unless a perfect follows ("must have known").
_MODALS_OF_PLANS: Final = frozenset({"would", "must", "should"})
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
    if word == "supposed" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        # "the talks are supposed to conclude by May": what is still to happen.
        return FUTURE
    if word in V.FUTURE_MARKERS or word.endswith("'ll"):
        following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        # "set" and "due" schedule with "to"; "The minister is due in Ankara on
        # Saturday" is an arrival expected.
        if (
            word in ("set", "due")
            and following != "to"
            and (word == "set" or aux not in _PRESENT_AUX)
        ):
            return None
        if word in _MODALS_OF_PLANS and following in ("have", "'ve"):
            # "would have taxed deposits": what did not happen, said of the past.
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
    if aux in _BE_FORMS or aux == "to" or aux in _LINKING_VERBS:
        # "will be held", "is being built", "will remain closed": the verb further left
        # decides.
        return None
    if aux in _PRESENT_AUX:
        return NONE
    return DEFERRAL if word in V.DEFERRAL_VERBS else PAST


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


#: Words ``_cue`` may read as a cue, besides the endings below: most words are
#: neither, and this check turns them away before any other.
_CUE_CANDIDATES: Final = frozenset(
    V.FUTURE_MARKERS | V.PAST_MARKERS | {w.replace("'", "’") for w in V.FUTURE_MARKERS} | {"as"}
)
_CUE_ENDINGS: Final = ("ed", "ing", "'ll", "’ll")


def _search(tokens: list[Token], indices: range) -> str | None:
    for i in indices:
        tok = tokens[i]
        if tok.kind != "word":
            if _is_break(tokens, i):
                return NONE
        elif tok.lower in _CUE_CANDIDATES or tok.lower.endswith(_CUE_ENDINGS):
            cue = _cue(tokens, i)
            if cue is not None:
                return cue
    return None


def _bounds(text: str, start_char: int, end_char: int) -> tuple[int, int]:
    """The text ``tense_in`` reads around a mention, cut at whitespace like the matcher's
    windows so that both tokenize it the same way."""
    return word_start(text, start_char - _REACH), word_end(text, end_char + _REACH)


#: Characters tokenized at a time when a search runs out of tokens: the cue is
#: usually a word or two away, and the whole reach is rarely needed.
_CHUNK: Final = 24


def _earlier_cut(text: str, low: int, edge: int) -> int:
    """Where to start tokenizing the text before ``edge``: a word start, or ``low``."""
    cut = word_start(text, edge - _CHUNK)
    # Only a cut right before a word is safe: inside a run of whitespace it could
    # split a paragraph break in two.
    return cut if cut > low and not text[cut].isspace() else low


def _later_cut(text: str, edge: int, high: int) -> int:
    """Where to stop tokenizing the text after ``edge``: a word end, or ``high``."""
    cut = word_end(text, edge + _CHUNK)
    return cut if cut < high and not text[cut - 1].isspace() else high


#: Words that make the date after them the end of something still going on when
#: no verb says otherwise: "The talks run until Thursday".
_UNTIL: Final = frozenset({"until", "till", "through"})
_DATE_KINDS: Final = frozenset({"number", "ordinal", "iso", "decade", "clock"})
_RANGE_STARTS: Final = frozenset(set(V.UNITS) | set(V.MONTHS) | set(V.WEEKDAYS))


def _open_ended(tokens: list[Token], first: int) -> str:
    """The tense of a clause with no cue: FUTURE for a date something lasts until,
    unless the date ends a range ("this year through August", "Monday through Friday")."""
    if first == 0 or tokens[first - 1].lower not in _UNTIL:
        return NONE
    if first > 1:
        start = tokens[first - 2]
        if start.kind in _DATE_KINDS or start.lower in _RANGE_STARTS:
            return NONE
    return FUTURE


#: Words before a possessive date that make its event one still to come ("ahead of
#: Sunday's vote"); otherwise such a date names an event the text reports.
_AHEAD_OF_EVENT: Final = frozenset({"of", "before", "for", "until", "till", "upcoming", "awaiting"})


def _possessive(text: str, end_char: int) -> bool:
    return (
        text[end_char : end_char + 2] in ("'s", "’s")
        and not text[end_char + 2 : end_char + 3].isalnum()
    )


def tense_in(text: str, tokens: list[Token], first: int, last: int) -> str:
    """PAST, FUTURE or NONE for the mention covering ``tokens[first:last]``: the nearest cue
    within ``_WINDOW`` tokens of the same clause, looking back first, then ahead.

    ``tokens`` are the matcher's windows of ``text``; they are reused, and the text a
    window leaves out is tokenized a chunk at a time, only while the search needs it."""
    found = _clause_tense(text, tokens, first, last)
    if found == DEFERRAL:
        # "postponed until Tuesday": the deadline is ahead; "postponed on Tuesday" is past.
        deadline = _open_ended(tokens, first) == FUTURE and not (
            first > 1 and tokens[first - 2].lower == "not"
        )
        return FUTURE if deadline else PAST
    if (
        found == FUTURE
        and _possessive(text, tokens[last - 1].end)
        and (first == 0 or tokens[first - 1].lower not in _AHEAD_OF_EVENT)
    ):
        # "They will appeal Wednesday's ruling": the clause's future is what is done
        # about an event the text reports, which is dated like one with no cue.
        return NONE
    return found


def _clause_tense(text: str, tokens: list[Token], first: int, last: int) -> str:
    start_char, end_char = tokens[first].start, tokens[last - 1].end
    low, high = _bounds(text, start_char, end_char)
    # The matcher separates windows with an empty token; no other token is empty.
    opening = first
    while opening > 0 and tokens[opening - 1].start != tokens[opening - 1].end:
        opening -= 1
    edge = tokens[opening].start if opening < first else start_char
    before = [tok for tok in tokens[opening:first] if tok.start >= low]
    while True:
        # A cue reads the two tokens before it, so with text still left out the two
        # earliest tokens are not searched yet.
        floor = 2 if edge > low else 0
        size = len(before)
        reach = max(-1, size - 1 - _WINDOW)
        found = _search(before, range(size - 1, max(reach, floor - 1), -1))
        if found is not None or reach >= floor - 1:
            break
        cut = _earlier_cut(text, low, edge)
        before = tokenize(text, cut, edge) + before
        edge = cut
    if found is not None and found != NONE:
        return found
    closing = last
    while closing < len(tokens) and tokens[closing].start != tokens[closing].end:
        closing += 1
    # The mention's own tokens come along: a cue right after it looks one token back.
    after = [tok for tok in tokens[first:closing] if tok.end <= high]
    edge = tokens[closing - 1].end
    start = last - first
    while True:
        # ... and one token ahead, so the last token waits for the text after it.
        ceiling = len(after) - 1 if edge < high else len(after)
        found = _search(after, range(start, min(ceiling, start + _WINDOW)))
        if found is not None or ceiling >= start + _WINDOW or edge >= high:
            return found if found not in (None, NONE) else _open_ended(tokens, first)
        cut = _later_cut(text, edge, high)
        after += tokenize(text, edge, cut)
        edge = cut
