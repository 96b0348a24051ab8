"""Run tokenizer, matcher and resolver together, keeping what each step found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .matcher import Mention, find_mentions
from .resolver import Resolver
from .tense import clause_tense
from .types import Timex


@dataclass(frozen=True, slots=True)
class Analysed:
    mention: Mention
    tense: str
    timex: Timex


def analyse(text: str, anchor: date | None, not_after: date | None) -> list[Analysed]:
    tokens, mentions = find_mentions(text)
    resolver = Resolver(anchor, not_after)
    results = []
    for mention in mentions:
        tense = clause_tense(tokens, mention.first, mention.last)
        results.append(Analysed(mention, tense, resolver.resolve(mention, text, tense)))
    return results
