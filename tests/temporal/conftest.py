from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from timeline.temporal import Timex, tag

#: A Monday, ISO week 2026-W06; the anchor every table assumes unless it says otherwise.
ANCHOR = date(2026, 2, 2)

Only = Callable[..., Timex]


def _only(text: str, anchor: date | None = ANCHOR, **kwargs: date) -> Timex:
    found = tag(text, anchor, **kwargs)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.fixture
def only() -> Only:
    """tag() that insists on exactly one expression and returns it."""
    return _only
