"""Temporal engine: find temporal expressions in text and resolve them to dates.

Layers, as in dateutil's parser: ``tokenizer`` -> ``matcher`` (extents and
meaning, no anchor) -> ``resolver`` (values against an explicit anchor).
"""

from __future__ import annotations

from datetime import date

from .document_date import infer_document_date
from .pipeline import analyse
from .types import BASES, PRECISIONS, DocumentDate, Timex

__all__ = ["BASES", "PRECISIONS", "DocumentDate", "Timex", "infer_document_date", "tag"]


def tag(text: str, anchor: date | None = None, *, not_after: date | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order and non-overlapping.

    ``anchor`` is the document date that deictic expressions ("yesterday",
    "last week", a bare "Monday") count from; without it they stay unresolved.
    ``not_after`` only picks the year of a weekday-dated month-day when there
    is no anchor ("Thursday, February 5" -> the latest such year not after it).
    """
    return [item.timex for item in analyse(text, anchor, not_after)]
