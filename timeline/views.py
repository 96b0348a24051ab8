"""SQL views for browsing the database in Datasette, and the readable-date SQL they share.

Dates are labelled in SQL rather than in Python so that the ``timeline`` view, the canned
queries and the Datasette timeline page all say the same thing, and so that the views keep
working when the database is opened without this package (sqlite3, another Datasette).
"""

from __future__ import annotations

import sqlite_utils

from .formats.dates import MONTHS


def _month_name(two_digits: str, length: int | None = None) -> str:
    # A CASE rather than a lookup into a JSON array: an odd value ("00", "W0") gives NULL, and
    # the label falls back to the date's words, where json_extract would fail the whole query.
    whens = " ".join(
        f"when '{number:02d}' then '{name[:length]}'" for number, name in enumerate(MONTHS, 1)
    )
    return f"(case {two_digits} {whens} end)"


def _value_label(value: str, first_day: str, precision: str, *, year: bool = True) -> str:
    """SQL for one ISO value (``start`` or ``end``) in words at its precision.

    ``first_day`` is an SQL expression for the value's first day, needed for weeks, whose ISO
    form (2026-W06) does not show the day a reader would recognise. ``year=False`` leaves the
    year off a day or month, for the start of a span whose end says it.
    """
    month = _month_name(f"substr({value}, 6, 2)")
    short_month = _month_name(f"substr({first_day}, 6, 2)", 3)
    day = f"cast(substr({value}, 9, 2) as integer)"
    year_suffix = f" || ' ' || substr({value}, 1, 4)" if year else ""
    return f"""case
        when {value} is null or {value} = '' then null
        when {precision} = 'day' and {value} glob 'XXXX-[01][0-9]-[0-3][0-9]'
            then {day} || ' ' || {month} || ' (year unknown)'
        when {precision} = 'day' and {value} glob '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
            then {day} || ' ' || {month}{year_suffix}
        when {precision} = 'week' and {first_day} is not null
            then 'week of ' || cast(substr({first_day}, 9, 2) as integer) || ' ' || {short_month}
                || ' ' || substr({first_day}, 1, 4)
        when {precision} = 'month' and {value} glob 'XXXX-[01][0-9]'
            then {month} || ' (year unknown)'
        when {precision} = 'month' and {value} glob '[0-9][0-9][0-9][0-9]-[01][0-9]'
            then {month}{year_suffix}
        when {precision} = 'quarter' and {value} like '____-Q_'
            then substr({value}, 6, 2) || ' ' || substr({value}, 1, 4)
        -- Other unknown-year values (XXXX-WXX-6, "a Saturday") read better as their words.
        when {value} like 'XXXX%' then null
        else {value}
    end"""


def date_label_sql(alias: str = "events") -> str:
    """An SQL expression giving an event's date in words, e.g. "week of 2 Feb 2026".

    ``alias`` names the events table (or its alias) in the surrounding query. A span reads
    "start – end"; an unresolved date falls back to the text it was read from.
    """
    start = _value_label(f"{alias}.start", f"{alias}.start_date", f"{alias}.precision")
    start_in_year = _value_label(
        f"{alias}.start", f"{alias}.start_date", f"{alias}.precision", year=False
    )
    # A week span's end_date is the Sunday of its last week; the label wants that week's Monday.
    end_first_day = f"date({alias}.end_date, '-6 days')"
    end = _value_label(f'{alias}."end"', end_first_day, f"{alias}.precision")
    return f"""coalesce(
        case
            when {alias}."end" is null or {alias}."end" = '' or {alias}."end" = {alias}.start
            then ({start})
            when substr({alias}.start, 1, 4) = substr({alias}."end", 1, 4)
                and {alias}.start not like 'XXXX%'
            then ({start_in_year}) || ' – ' || ({end})
            else ({start}) || ' – ' || ({end})
        end,
        case when {alias}.date_text is not null and {alias}.date_text != ''
            then 'undated: ' || {alias}.date_text end,
        'undated'
    )"""


VIEWS: dict[str, str] = {
    "event_map": """
select
    events.id as event_id,
    events.title,
    events.start as date,
    events.start_date,
    events.end_date,
    events.event_type,
    place.name as place,
    event_places.role as place_role,
    place.latitude,
    place.longitude,
    events.document_id
from events
join event_places on event_places.event_id = events.id
join entities as place on place.id = event_places.entity_id
where place.latitude is not null and place.longitude is not null
order by events.start_date, events.id
""",
    "timeline": f"""
select
    events.id,
    {date_label_sql("events")} as date,
    events.start_date,
    events.end_date,
    events.precision,
    events.date_basis,
    events.event_type,
    events.title,
    events.actors,
    events.location,
    events.evidence,
    documents.name as document,
    documents.title as document_title,
    events.document_id
from events
left join documents on documents.id = events.document_id
order by events.start_date is null, events.start_date, events.end_date desc, events.id
""",
}


def ensure_views(db: sqlite_utils.Database) -> None:
    """(Re)create the browsing views; safe to call on every open, after ``ensure_schema``."""
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
