"""Exceptions raised by the library; the command line turns them into one-line errors."""

from __future__ import annotations

from pathlib import Path


class TimelineError(Exception):
    """Base class of every error this package raises on purpose."""


class SourceError(TimelineError):
    """A file or row could not be read as an article."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DatabaseError(TimelineError):
    """The database is missing, locked, corrupt or not one of ours."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
