"""Run tokenizer, matcher and resolver together, keeping what each step found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise

from .matcher import Mention, find_mentions
from .resolver import Resolver, on_day, same_phrase
from .tense import tense_in
from .tokenizer import Token
from .types import Timex


class Analysed:
    """A mention, its resolved timex, and the tense of its clause (worked out on first use:
    most mentions are resolved without it)."""

    __slots__ = ("_tense", "_text", "_tokens", "mention", "timex")

    def __init__(self, mention: Mention, text: str, tokens: list[Token]) -> None:
        self.mention = mention
        self._text = text
        self._tokens = tokens
        self._tense: str | None = None
        self.timex: Timex

    @property
    def tense(self) -> str:
        if self._tense is None:
            mention = self.mention
            self._tense = tense_in(self._text, self._tokens, mention.first, mention.last)
        return self._tense


def _tense_of(item: Analysed) -> Callable[[], str]:
    return lambda: item.tense


def analyse(text: str, anchor: date | None, not_after: date | None) -> list[Analysed]:
    tokens, mentions = find_mentions(text)
    resolver = Resolver(anchor, not_after)
    results = []
    for mention in mentions:
        item = Analysed(mention, text, tokens)
        item.timex = resolver.resolve(mention, text, _tense_of(item))
        results.append(item)
    _place_times_before_their_day(results, text)
    return results


def _place_times_before_their_day(results: list[Analysed], text: str) -> None:
    """ "at 10:35 a.m. (0735 GMT) Friday": a clock time no earlier day claimed takes the
    day named right after it."""
    for item, following in pairwise(results):
        timex, day = item.timex, following.timex
        if (
            item.mention.expr.floating
            and timex.basis in ("publication", "unresolved", None)
            and day.precision == "day"
            and day.start is not None
            and day.type in ("DATE", "TIME")
            and same_phrase(text, timex.end_char, day.start_char)
        ):
            item.timex = on_day(timex, day)
