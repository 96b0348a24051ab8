"""Run tokenizer, matcher and resolver together, keeping what each step found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .matcher import Mention, find_mentions
from .resolver import Resolver
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
    return results
