"""Split text into tokens with character offsets, as dateutil's parser does first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

# Order matters: longer, more specific shapes first so "2024-12-11" stays whole
# and "7.3" or "2,000" never splits into something that looks like a day.
_TOKEN_RE: Final = re.compile(
    r"""
    (?P<iso>\d{4}-\d{2}-\d{2})(?![\d-])
  | (?P<clock>\d{1,2}:\d{2})(?!:?\d)
  | (?P<decade>\d{3}0['’]?s|['’]\d0s)\b
  | (?P<ordinal>\d{1,4}(?:st|nd|rd|th))\b
  | (?P<number>\d+(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)
  | (?P<ampm>[ap]\.m\.?|[ap]m\b)
  | (?P<initials>[A-Za-z](?:\.[A-Za-z])+\.?)
  | (?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)
  | (?P<newline>\n\s*\n)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    kind: str  # iso, clock, decade, ordinal, number, ampm, initials, word, newline, punct
    start: int
    end: int
    #: True when the token touches the previous one ("Dec" + ".", "mid" + "-").
    joined: bool

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    @property
    def value(self) -> int | None:
        """The integer a number-like token spells, or None (decimals, grouped numbers)."""
        if self.kind == "number" and self.text.isdigit():
            return int(self.text)
        if self.kind == "ordinal":
            return int(self.text[:-2])
        return None


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = -1
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        piece = match.group()
        tokens.append(
            Token(
                piece,
                piece.lower(),
                kind,
                match.start(),
                match.end(),
                match.start() == previous_end,
            )
        )
        previous_end = match.end()
    return tokens
