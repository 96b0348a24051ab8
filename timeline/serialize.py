"""Analyses to JSON and back, so that extraction and loading can run apart.

``timeline extract`` writes one line per document; ``timeline load`` reads
them into a database. The encoding follows the dataclasses' own type hints,
so a field added to a dataclass travels without changes here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import cache
from typing import Any

from .pipeline import Analysis

#: Bumped when the line format changes incompatibly.
FORMAT = "timeline-analysis/1"


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_jsonable(item) for item in value]
    return value


def from_jsonable(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass, date, tuple, union...) from JSON."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        return from_jsonable(options[0], data)
    if origin is tuple:
        arguments = typing.get_args(kind)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(from_jsonable(arguments[0], item) for item in data)
        return tuple(from_jsonable(a, item) for a, item in zip(arguments, data, strict=True))
    if kind is dt.date:
        return dt.date.fromisoformat(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{name: from_jsonable(hints[name], value) for name, value in data.items()})
    return data


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def dump_analysis(analysis: Analysis, fingerprint: str) -> str:
    """One JSON line for one document's analysis and its source fingerprint."""
    line = {"format": FORMAT, "fingerprint": fingerprint, "analysis": to_jsonable(analysis)}
    return json.dumps(line, ensure_ascii=False)


def load_analysis(line: str) -> tuple[Analysis, str]:
    """The analysis and fingerprint of one line; ValueError when it is not one."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON ({error.msg})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} line")
    try:
        analysis = from_jsonable(Analysis, data["analysis"])
        fingerprint = str(data["fingerprint"])
    except (TypeError, KeyError, ValueError) as error:
        raise ValueError(f"malformed analysis ({error})") from error
    return analysis, fingerprint
