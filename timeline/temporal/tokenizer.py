"""Split text into tokens with character offsets, as dateutil's parser does first."""

from __future__ import annotations

import re
from typing import Final

# Order matters: longer, more specific shapes first so "2024-12-11" stays whole
# and "7.3" or "2,000" never splits into something that looks like a day. Words
# come first (they are most tokens) but give way to "a.m.", "pm" and "U.S.".
# No IGNORECASE: it slows every branch down; the few letters are spelled out.
_TOKEN_RE: Final = re.compile(
    r"""
    (?P<word>(?![aApP][mM]\b|[aApP]\.[mM]|[A-Za-z]\.[A-Za-z])[^\W\d_]+(?:['’][^\W\d_]+)*)
  | (?P<iso>\d{4}-\d{2}-\d{2})(?![\d-])
  | (?P<clock>\d{1,2}:\d{2})(?!:?\d)
  | (?P<decade>\d{3}0['’]?[sS]|['’]\d0[sS])\b
  | (?P<ordinal>\d{1,4}(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH]))\b
  | (?P<number>\d+(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)
  | (?P<ampm>[aApP]\.[mM]\.?|[aApP][mM]\b)
  | (?P<initials>[A-Za-z](?:\.[A-Za-z])+\.?)
  | (?P<newline>\n\s*\n)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)


class Token:
    """One token; a plain slotted class because a frozen dataclass is slow to build."""

    __slots__ = ("text", "lower", "kind", "start", "end", "joined")

    def __init__(
        self, text: str, lower: str, kind: str, start: int, end: int, joined: bool
    ) -> None:
        self.text = text
        self.lower = lower
        self.kind = (
            kind  # iso, clock, decade, ordinal, number, ampm, initials, word, newline, punct
        )
        self.start = start
        self.end = end
        #: True when the token touches the previous one ("Dec" + ".", "mid" + "-").
        self.joined = joined

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.kind}, {self.start})"

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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into the whole ``text``."""
    tokens: list[Token] = []
    append = tokens.append
    previous_end = -1
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        piece = match.group()
        s, e = match.span()
        append(Token(piece, piece.lower(), match.lastgroup or "", s, e, s == previous_end))
        previous_end = e
    return tokens
