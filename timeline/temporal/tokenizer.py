"""Split text into tokens with character offsets, as dateutil's parser does first."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

# Order matters: longer, more specific shapes first so "2024-12-11" stays whole
# and "7.3" or "2,000" never splits into something that looks like a day. "a.m.",
# "pm" and "U.S." come before words, which they would otherwise start (a lookahead
# inside the word branch would cost a test at every word).
# No IGNORECASE: it slows every branch down; the few letters are spelled out.
# The leading spaces are consumed inside the match: otherwise the search tries
# all ten branches at every space, a third of the tokenizer's time.
# ``{letter}`` and ``{digit}`` are the letter and digit classes (see below).
_TOKEN_PATTERN: Final = r"""
    [ ]*+(?:
    (?P<ampm>[aApP]\.[mM]\.?|[aApP][mM]\b)
  | (?P<initials>[A-Za-z](?:\.[A-Za-z])+\.?)
  | (?P<word>{letter}+(?:['’](?![sS]\b){letter}+)*)
  | (?P<iso>{digit}{{4}}-{digit}{{2}}-{digit}{{2}})(?!{digit}|-)
  | (?P<clock>{digit}{{1,2}}:{digit}{{2}})(?!:?{digit})
  | (?P<decade>{digit}{{3}}0['’]?[sS]|['’]{digit}0[sS])\b
  | (?P<ordinal>{digit}{{1,4}}(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH]))\b
  | (?P<number>{digit}+(?:,{digit}{{3}})+(?:\.{digit}+)?|{digit}+\.{digit}+|{digit}+)
  | (?P<newline>\n\s*\n)
  | (?P<punct>[^\w\s])
    )"""
_TOKEN_RE: Final = re.compile(_TOKEN_PATTERN.format(letter=r"[^\W\d_]", digit=r"\d"), re.VERBOSE)
#: The same for ASCII text (most news), where it finds the same tokens: ranges of
#: characters are tested faster than Unicode categories.
_ASCII_TOKEN_RE: Final = re.compile(
    _TOKEN_PATTERN.format(letter="[A-Za-z]", digit="[0-9]"), re.VERBOSE
)


class Token(NamedTuple):
    """One token. A named tuple: built at C speed, and most text is tokens."""

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


_new_token = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into the whole ``text``."""
    tokens: list[Token] = []
    add_tokens(tokens, text, start, len(text) if end is None else end)
    return tokens


def add_tokens(tokens: list[Token], text: str, start: int, end: int) -> None:
    """Append the tokens of ``text[start:end]`` to ``tokens``, as ``tokenize`` would
    return them (the first is never joined to the one before it)."""
    append = tokens.append
    previous_end = -1
    # ``isascii`` reads a flag the string carries: it costs nothing.
    pattern = _ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE
    for match in pattern.finditer(text, start, end):
        # The branches are the only groups, so the last one matched is the token
        # (``or 0`` only for the type checker: some branch always matches).
        group = match.lastindex or 0
        piece = match.group(group)
        s, e = match.span(group)
        append(_new_token(Token, (piece, piece.lower(), match.lastgroup, s, e, s == previous_end)))
        previous_end = e


def separator(at: int) -> Token:
    """An empty paragraph-break token at ``at``, between tokenized pieces of a text."""
    return _new_token(Token, ("\n", "\n", "newline", at, at, False))


def word_start(text: str, at: int) -> int:
    """Where the word around ``at`` starts: after the last space or newline before ``at``.

    Cutting text there and at ``word_end`` tokenizes it as the whole text would."""
    if at <= 0:
        return 0
    space = text.rfind(" ", 0, at)
    # Only a newline after that space matters; searching no further back keeps this
    # from scanning a whole paragraph.
    return max(space, text.rfind("\n", space + 1, at)) + 1


def word_end(text: str, at: int) -> int:
    """Where the word around ``at`` ends: the first space or newline from ``at`` on."""
    size = len(text)
    if at >= size:
        return size
    space = text.find(" ", at)
    limit = size if space < 0 else space
    newline = text.find("\n", at, limit)
    return limit if newline < 0 else newline
