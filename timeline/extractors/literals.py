"""What a compiled trigger pattern needs from a text before it can match there.

Two questions about a pattern, both answered from its parse tree so that no
vocabulary has to be written twice:

* :func:`required_literals`: words any match must contain (in lower case), so
  a sentence holding none of them cannot hold a match; often every match
  starts with one, and then it can only start where one stands;
* :func:`is_local`: whether the pattern only consumes characters and asserts
  word boundaries or what stands before it (a lookbehind: "not after
  'heart'"), so matching within a sentence (``endpos`` at its end) finds
  exactly the matches that a search of the whole text finds there.

The parse tree comes from the standard library's private ``re._parser``;
any construct these functions do not know makes them answer "nothing
known" (``None``, ``False``), which costs speed, never a match.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

_parser: Any
try:
    _parser = importlib.import_module("re._parser")
except ImportError:  # A Python without it: every pattern is searched over the whole text.
    _parser = None

#: Literal sets grow by cross products; past this size they stop being useful.
MAX_SET = 64
#: Shorter literals are found in too many sentences to be worth looking for.
MIN_LENGTH = 3
#: A character class this small is spelled out as its characters: "immuni[sz]".
MAX_CLASS = 4
_LOCAL_ASSERTIONS = frozenset({"AT_BOUNDARY", "AT_NON_BOUNDARY"})
_CONSUMING = frozenset({"LITERAL", "NOT_LITERAL", "IN", "ANY"})
_LOOKAROUND = frozenset({"ASSERT", "ASSERT_NOT"})
#: The direction ``re._parser`` gives a lookbehind.
_BEHIND = -1
_NOTHING = frozenset({""})

Strings = frozenset[str]


@dataclass(frozen=True, eq=False)
class Literals:
    """Lower-case ASCII strings one of which every match of a pattern holds.

    Compared without regard to case. When ``at_start``, every match begins
    with one of them. Worked out once per pattern, they key tables by identity.
    """

    strings: Strings
    at_start: bool


@dataclass(frozen=True)
class _Info:
    """What every match of a piece of pattern consumes, as sets of lower-case strings.

    ``exact`` is every string it can match (``None``: too many, or unknown); every
    match starts with a string of ``prefix``, ends with one of ``suffix`` and holds
    one of ``factor``. A set holding "" says nothing.
    """

    exact: Strings | None
    prefix: Strings
    suffix: Strings
    factor: Strings


_UNKNOWN = _Info(None, _NOTHING, _NOTHING, _NOTHING)
_EMPTY = _Info(_NOTHING, _NOTHING, _NOTHING, _NOTHING)


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """What every match of ``pattern`` holds; ``None`` when nothing useful is known.

    Strings a match starts with are preferred: they tell where a match can
    begin, not only which sentences can hold one. No string is shorter than
    ``MIN_LENGTH``.
    """
    if _parser is None:
        return None
    info = _sequence(_tree(pattern))
    for strings, at_start in (
        (_best(info.prefix, info.exact), True),
        (_best(info.factor, info.suffix), False),
    ):
        if strings is not None and min(len(s) for s in strings) >= MIN_LENGTH:
            return Literals(_fewest(strings, at_start), at_start)
    return None


def _fewest(strings: Strings, at_start: bool) -> Strings:
    """Without the strings that holding (or starting with) another one implies.

    A text holding "bombing" holds "bomb"; a match starting "meets" starts "meet".
    """
    if at_start:
        return frozenset(s for s in strings if not any(s.startswith(t) and t != s for t in strings))
    return frozenset(s for s in strings if not any(t in s and t != s for t in strings))


def is_local(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` only consumes characters and asserts word boundaries.

    For such a pattern, a match that ends at or before ``endpos`` is found the
    same with ``endpos`` as without when the character at ``endpos`` is no word
    character: no lookaround or anchor sees past it.
    """
    return _parser is not None and _local(_tree(pattern))


@cache
def _tree(pattern: re.Pattern[str]) -> Any:
    return _parser.parse(pattern.pattern, pattern.flags)


def _local(items: Any) -> bool:
    for op, av in items:
        name = str(op)
        if name in _CONSUMING:
            continue
        if name == "AT":
            if str(av) not in _LOCAL_ASSERTIONS:
                return False
        elif name in _LOOKAROUND:
            direction, inner = av
            if direction != _BEHIND or not _local(inner):
                return False
        elif name == "BRANCH":
            if not all(_local(branch) for branch in av[1]):
                return False
        elif name == "SUBPATTERN":
            if not _local(av[3]):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            if not _local(av[2]):
                return False
        else:
            return False
    return True


def _sequence(items: Any) -> _Info:
    info = _EMPTY
    for item in items:
        info = _concatenate(info, _item(item))
    return info


def _item(item: Any) -> _Info:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        return _known(_character(av))
    if name == "IN":
        return _known(_class(av))
    if name == "AT" or (name in _LOOKAROUND and av[0] == _BEHIND):
        # Zero width: it requires no word of the match.
        return _EMPTY
    if name == "SUBPATTERN":
        return _sequence(av[3])
    if name == "BRANCH":
        return _alternation([_sequence(branch) for branch in av[1]])
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, inner = av
        return _repeat(low, high, _sequence(inner))
    return _UNKNOWN


def _known(strings: Strings | None) -> _Info:
    if strings is None:
        return _UNKNOWN
    return _Info(strings, strings, strings, strings)


def _character(code: int) -> Strings | None:
    # Only ASCII letters and signs: their case partners outside ASCII are few and
    # known (see prefilter.py), while other scripts fold in ways lower() does not.
    if code >= 128:
        return None
    return frozenset({chr(code).lower()})


def _class(items: Any) -> Strings | None:
    characters: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            codes = [av]
        elif name == "RANGE" and av[1] - av[0] < MAX_CLASS:
            codes = list(range(av[0], av[1] + 1))
        else:
            return None
        for code in codes:
            found = _character(code)
            if found is None:
                return None
            characters |= found
    return frozenset(characters) if len(characters) <= MAX_CLASS else None


def _repeat(low: int, high: int, inner: _Info) -> _Info:
    if low == high == 1:
        return inner
    if low == 0:
        exact = inner.exact | _NOTHING if high == 1 and inner.exact is not None else None
        return _Info(exact, _NOTHING, _NOTHING, _NOTHING)
    return _Info(None, inner.prefix, inner.suffix, inner.factor)


def _alternation(branches: list[_Info]) -> _Info:
    exact: set[str] | None = set()
    for branch in branches:
        exact = exact | branch.exact if exact is not None and branch.exact is not None else None
    return _Info(
        _capped(frozenset(exact)) if exact is not None else None,
        _union(*(b.prefix for b in branches)),
        _union(*(b.suffix for b in branches)),
        _union(*(b.factor for b in branches)),
    )


def _concatenate(left: _Info, right: _Info) -> _Info:
    exact = _join(left.exact, right.exact)
    prefix = _join(left.exact, right.prefix) if left.exact is not None else None
    suffix = _join(left.suffix, right.exact) if right.exact is not None else None
    factor = _best(left.factor, right.factor, _join(left.suffix, right.prefix))
    return _Info(
        exact,
        prefix if prefix is not None else left.prefix,
        suffix if suffix is not None else right.suffix,
        factor if factor is not None else _NOTHING,
    )


def _join(left: Strings | None, right: Strings | None) -> Strings | None:
    if left is None or right is None or len(left) * len(right) > MAX_SET:
        return None
    return frozenset(a + b for a, b in product(left, right))


def _union(*sets: Strings) -> Strings:
    """Strings one of which each match holds; past ``MAX_SET`` of them, nothing said."""
    joined = frozenset().union(*sets)
    return joined if len(joined) <= MAX_SET else _NOTHING


def _capped(strings: Strings | None) -> Strings | None:
    return strings if strings is not None and len(strings) <= MAX_SET else None


def _best(*sets: Strings | None) -> Strings | None:
    """The most selective set that says something: longest shortest string, then fewest."""
    useful = [s for s in sets if s and "" not in s]
    if not useful:
        return None
    return max(useful, key=lambda s: (min(len(x) for x in s), -len(s)))
