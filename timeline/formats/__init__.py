"""Output formats for ``timeline export`` beyond the plain CSV/JSON rows.

Each writer takes an iterator of :class:`~timeline.formats.record.EventRecord`
and writes as it goes, so an export of any size runs in constant memory.
"""
