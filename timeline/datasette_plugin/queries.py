"""Filters, SQL and layout for the timeline page, kept free of Datasette so they can be tested
and type-checked on their own."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from timeline.formats.dates import MONTHS
from timeline.views import date_label_sql

#: Facets whose column holds one value per event: selecting several values means "any of them".
COLUMN_FACETS: dict[str, str] = {
    "event_type": "event_type",
    "year": "year",
    "month": "month",
    "precision": "precision",
    "date_basis": "date_basis",
    "document": "document_id",
}
#: Facets over JSON arrays: an event has several actors and places, so selecting several
#: values narrows to events that involve all of them ("Russia and the Taliban").
ARRAY_FACETS = ("actor", "place")
FACETS = (*COLUMN_FACETS, *ARRAY_FACETS)
FACET_TITLES = {
    "event_type": "Type",
    "year": "Year",
    "month": "Month",
    "precision": "Precision",
    "date_basis": "Date basis",
    "document": "Document",
    "actor": "Actor",
    "place": "Place",
}
#: Events-table query arguments that mean the same as a timeline filter, for the links between
#: the two pages.
TABLE_ARGUMENTS = {
    "event_type": "event_type",
    "year": "year",
    "month": "month",
    "precision": "precision",
    "date_basis": "date_basis",
    "document": "document_id",
    "actor": "actors__arraycontains",
    "place": "places__arraycontains",
}
COLUMN_ARGUMENTS = {
    facet: argument for facet, argument in TABLE_ARGUMENTS.items() if facet in COLUMN_FACETS
}
#: Above this many matching events the timeline does not count actors and places: reading
#: the events' JSON arrays costs 2-5 ms per thousand events, so 20,000 cost about 100 ms each.
ARRAY_FACET_MAX_EVENTS = 20_000
DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
#: Enough months for two decades of coverage; beyond that bars would be too thin to read.
MAX_HISTOGRAM_MONTHS = 240
TYPE_COLOURS = 10
MIN_BAR_WIDTH = 4.0
MAX_BAR_WIDTH = 40.0
#: Pixels a year label needs, so that Dec 2024 and Jan 2025 do not print over each other.
TICK_GAP = 30.0

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_JSON_ARRAY = "case when json_valid({0}) and json_type({0}) = 'array' then {0} else '[]' end"


def _bound(text: str, *, last: bool) -> str | None:
    """First (or last) day of 2025, 2025-11 or 2025-11-03, or None if it is not such a date."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if last else 1)
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    day = int(match[3]) if match[3] else (days if last else 1)
    if not 1 <= day <= days:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True)
class Filters:
    """What the reader asked for in the query string."""

    selected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    since: str = ""
    until: str = ""
    q: str = ""
    newest_first: bool = False
    limit: int = DEFAULT_LIMIT
    errors: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, pairs: Iterable[tuple[str, str]]) -> Filters:
        selected: dict[str, list[str]] = {}
        scalars: dict[str, str] = {}
        for key, value in pairs:
            value = value.strip()
            if not value:
                continue
            if key in FACETS:
                if value not in selected.setdefault(key, []):
                    selected[key].append(value)
            else:
                scalars[key] = value
        errors = []
        for year in selected.get("year", []):
            if not year.isdigit():
                errors.append(f"Year {year!r} is not a number; ignored.")
        if "year" in selected:
            selected["year"] = [year for year in selected["year"] if year.isdigit()]
        since, until = scalars.get("since", ""), scalars.get("until", "")
        for name, value, last in (("since", since, False), ("until", until, True)):
            if value and _bound(value, last=last) is None:
                errors.append(f"{name} {value!r} is not a date like 2025, 2025-11 or 2025-11-03.")
        limit = DEFAULT_LIMIT
        if scalars.get("limit", "").isdigit():
            limit = max(1, min(MAX_LIMIT, int(scalars["limit"])))
        return cls(
            selected={key: tuple(values) for key, values in selected.items() if values},
            since=since if _bound(since, last=False) else "",
            until=until if _bound(until, last=True) else "",
            q=scalars.get("q", ""),
            newest_first=scalars.get("order") == "newest",
            limit=limit,
            errors=tuple(errors),
        )

    def pairs(self) -> list[tuple[str, str]]:
        """The query-string pairs that reproduce these filters."""
        pairs = [(key, value) for key in FACETS for value in self.selected.get(key, ())]
        for key, value in (("since", self.since), ("until", self.until), ("q", self.q)):
            if value:
                pairs.append((key, value))
        if self.newest_first:
            pairs.append(("order", "newest"))
        if self.limit != DEFAULT_LIMIT:
            pairs.append(("limit", str(self.limit)))
        return pairs

    def query_string(self) -> str:
        pairs = self.pairs()
        return "?" + urlencode(pairs) if pairs else "?"

    def toggled(self, facet: str, value: str) -> Filters:
        """These filters with ``value`` added to, or removed from, ``facet``."""
        values = self.selected.get(facet, ())
        changed = tuple(v for v in values if v != value) if value in values else (*values, value)
        selected = {**self.selected, facet: changed}
        return Filters(
            {key: values for key, values in selected.items() if values},
            self.since,
            self.until,
            self.q,
            self.newest_first,
            self.limit,
        )

    def without(self, name: str) -> Filters:
        """These filters without one of since, until, q or order."""
        return Filters(
            self.selected,
            "" if name == "since" else self.since,
            "" if name == "until" else self.until,
            "" if name == "q" else self.q,
            False if name == "order" else self.newest_first,
            self.limit,
        )

    def with_order(self, newest_first: bool) -> Filters:
        return Filters(self.selected, self.since, self.until, self.q, newest_first, self.limit)

    def table_pairs(self) -> list[tuple[str, str]]:
        """Query-string pairs for Datasette's events table that select the same events."""
        pairs: list[tuple[str, str]] = []
        for facet, values in self.selected.items():
            argument = TABLE_ARGUMENTS[facet]
            if facet in ARRAY_FACETS or len(values) == 1:
                pairs.extend((argument, value) for value in values)
            else:
                pairs.append((f"{argument}__in", json.dumps(list(values))))
        if self.since:
            pairs.append(("end_date__gte", _bound(self.since, last=False) or ""))
        if self.until:
            pairs.append(("start_date__lte", _bound(self.until, last=True) or ""))
        if self.q:
            pairs.append(("_search", self.q))
        return pairs

    def where(self, *, exclude: str = "", alias: str = "e") -> tuple[str, dict[str, Any]]:
        """An SQL condition on the events table ``alias``, and its parameters.

        ``exclude`` leaves one facet out, so that its counts show the alternatives to the value
        already chosen rather than only that value.
        """
        clauses: list[str] = []
        params: dict[str, Any] = {}
        for facet, column in COLUMN_FACETS.items():
            values = self.selected.get(facet, ())
            if facet == exclude or not values:
                continue
            names = []
            for index, value in enumerate(values):
                params[f"{facet}_{index}"] = int(value) if facet == "year" else value
                names.append(f":{facet}_{index}")
            clauses.append(f"{alias}.{column} in ({', '.join(names)})")
        for index, actor in enumerate(self.selected.get("actor", ())):
            params[f"actor_{index}"] = actor
            clauses.append(
                f"exists (select 1 from json_each({_JSON_ARRAY.format(alias + '.actors')})"
                f" where value = :actor_{index})"
            )
        for index, place in enumerate(self.selected.get("place", ())):
            params[f"place_{index}"] = place
            clauses.append(
                f"({alias}.location = :place_{index} or exists (select 1 from json_each("
                f"{_JSON_ARRAY.format(alias + '.places')}) where value = :place_{index}))"
            )
        if self.since:
            params["since"] = _bound(self.since, last=False)
            clauses.append(f"coalesce({alias}.end_date, {alias}.start_date) >= :since")
        if self.until:
            params["until"] = _bound(self.until, last=True)
            clauses.append(f"{alias}.start_date <= :until")
        if self.q:
            params["q"] = fts_phrase(self.q)
            clauses.append(
                f"{alias}.rowid in (select rowid from events_fts where events_fts match :q)"
            )
        return (" and ".join(clauses) or "1 = 1"), params


def timeline_pairs_from_table(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Timeline query-string pairs for the filters of a Datasette events-table URL that the
    timeline understands; the others (sorting, paging, other columns) are dropped."""
    facets = {argument: facet for facet, argument in TABLE_ARGUMENTS.items()}
    facets.update({f"{argument}__exact": facet for facet, argument in COLUMN_ARGUMENTS.items()})
    facets["location"] = "place"
    result: list[tuple[str, str]] = []
    for key, value in pairs:
        if key in facets:
            result.append((facets[key], value))
        elif key.endswith("__in") and key[: -len("__in")] in COLUMN_ARGUMENTS.values():
            facet = facets[key[: -len("__in")]]
            try:
                values = json.loads(value)
            except ValueError:
                values = value.split(",")
            if isinstance(values, list):
                result.extend((facet, str(item)) for item in values)
        elif key == "_search":
            result.append(("q", value))
        elif key == "end_date__gte":
            result.append(("since", value))
        elif key == "start_date__lte":
            result.append(("until", value))
    return result


def fts_phrase(text: str) -> str:
    """Each word as a quoted FTS term, so that a reader's punctuation is never FTS syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def events_sql(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The first ``filters.limit`` events in reading order, undated ones last.

    Dated and undated events are read separately: ``order by start_date is null`` would sort
    every matching row, where ``order by start_date`` walks an index and stops at the limit.
    """
    where, params = filters.where()
    direction = "desc" if filters.newest_first else "asc"
    # Within one start day the longer span (a year, a month) comes first in reading order.
    span_direction = "asc" if filters.newest_first else "desc"
    columns = """e.id, e.event_type, e.title, e.start, e."end", e.start_date, e.end_date,
            e.precision, e.date_basis, e.date_text, e.actors, e.location, e.places,
            e.evidence, e.evidence_start, e.evidence_end, e.document_id, e.confidence"""
    sql = f"""
        select page.*, coalesce(d.title, d.name) as document_title,
            {date_label_sql("page")} as date_label
        from (
            select * from (
                select 0 as undated, {columns} from events as e
                where {where} and e.start_date is not null
                order by e.start_date {direction}, e.end_date {span_direction}, e.id
                limit :limit
            )
            union all
            select * from (
                select 1 as undated, {columns} from events as e
                where {where} and e.start_date is null
                order by e.id
                limit :limit
            )
        ) as page
        left join documents as d on d.id = page.document_id
        order by page.undated, page.start_date {direction}, page.end_date {span_direction},
            page.id
        limit :limit
    """
    return sql, {**params, "limit": filters.limit}


def count_sql(filters: Filters) -> tuple[str, dict[str, Any]]:
    where, params = filters.where()
    return f"select count(*) from events as e where {where}", params


def facet_sql(filters: Filters, facet: str, limit: int = 15) -> tuple[str, dict[str, Any]]:
    """SQL giving (value, label, count) rows for one facet within the other filters."""
    own = "" if facet in ARRAY_FACETS else facet
    where, params = filters.where(exclude=own)
    if facet == "document":
        # Counted before the join, so that only the documents shown are looked up.
        sql = f"""
            select c.value as value, coalesce(d.title, d.name, c.value) as label, c.n as n
            from (
                select e.document_id as value, count(*) as n
                from events as e
                where {where} and e.document_id is not null
                group by e.document_id order by n desc, e.document_id limit {limit}
            ) as c
            left join documents as d on d.id = c.value
            order by n desc, label
        """
    elif facet == "actor":
        sql = f"""
            select j.value as value, j.value as label, count(distinct e.id) as n
            from events as e, json_each({_JSON_ARRAY.format("e.actors")}) as j
            where {where}
            group by j.value order by n desc, j.value limit {limit}
        """
    elif facet == "place":
        sql = f"""
            select value, value as label, count(distinct id) as n from (
                select e.id as id, j.value as value
                from events as e, json_each({_JSON_ARRAY.format("e.places")}) as j
                where {where}
                union
                select e.id, e.location from events as e
                where {where} and e.location is not null and e.location != ''
            )
            group by value order by n desc, value limit {limit}
        """
    else:
        column = COLUMN_FACETS[facet]
        sql = f"""
            select e.{column} as value, e.{column} as label, count(*) as n
            from events as e
            where {where} and e.{column} is not null and e.{column} != ''
            group by e.{column} order by n desc, e.{column} limit {limit}
        """
    return sql, params


def histogram_sql(filters: Filters) -> tuple[str, dict[str, Any]]:
    where, params = filters.where()
    # month > '' rather than "is not null and != ''": a range on the (month, event_type) index,
    # whose order is already the grouping's.
    sql = f"""
        select e.month as month, e.event_type as event_type, count(*) as n
        from events as e
        where {where} and e.month > '' and e.month like '____-__'
        group by e.month, e.event_type
    """
    return sql, params


def month_label(month: str) -> str:
    """'2024-12' as 'December 2024'; anything else unchanged."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month)
    if not match or not 1 <= int(match[2]) <= 12:
        return month
    return f"{MONTHS[int(match[2]) - 1]} {match[1]}"


def json_names(value: object) -> tuple[str, ...]:
    """The strings in a JSON array column; anything malformed reads as no names."""
    if not isinstance(value, str) or not value:
        return ()
    try:
        parsed = json.loads(value)
    except ValueError:
        return ()
    if not isinstance(parsed, list):
        return ()
    return tuple(item for item in parsed if isinstance(item, str) and item)


@dataclass(frozen=True)
class Entry:
    id: str
    event_type: str
    title: str
    date_label: str
    precision: str
    date_basis: str
    date_text: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    evidence: str
    evidence_start: int | None
    evidence_end: int | None
    # Curated events may stand on no document.
    document_id: str | None
    document_title: str
    group: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Entry:
        places = json_names(row["places"])
        location = row["location"]
        if location and location not in places:
            places = (location, *places)
        return cls(
            id=str(row["id"]),
            event_type=row["event_type"] or "event",
            title=row["title"] or "",
            date_label=row["date_label"],
            precision=row["precision"] or "",
            date_basis=row["date_basis"] or "",
            date_text=row["date_text"] or "",
            actors=json_names(row["actors"]),
            places=places,
            evidence=row["evidence"] or "",
            evidence_start=row["evidence_start"],
            evidence_end=row["evidence_end"],
            document_id=row["document_id"],
            document_title=row["document_title"] or row["document_id"] or "",
            group=group_label(row),
        )


def group_label(row: Mapping[str, Any]) -> str:
    """The heading an event is listed under: its month, or its own coarser date."""
    start_date = row["start_date"]
    if not start_date:
        start = row["start"] or ""
        return "Year unknown" if start.startswith("XXXX") else "Undated"
    if row["precision"] in ("day", "week", "month"):
        return month_label(start_date[:7])
    return str(row["date_label"])


@dataclass(frozen=True)
class Group:
    label: str
    entries: list[Entry]


def group_entries(entries: Sequence[Entry]) -> list[Group]:
    groups: list[Group] = []
    for entry in entries:
        if groups and groups[-1].label == entry.group:
            groups[-1].entries.append(entry)
        else:
            groups.append(Group(entry.group, [entry]))
    return groups


@dataclass(frozen=True)
class Segment:
    event_type: str
    count: int
    y: float
    height: float
    colour: int


@dataclass(frozen=True)
class Bar:
    month: str
    label: str
    x: float
    total: int
    segments: tuple[Segment, ...]
    tick: str


@dataclass(frozen=True)
class Histogram:
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, int], ...]
    width: float
    height: float
    bar_width: float
    peak: int
    truncated: bool


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return months


def histogram(
    counts: Iterable[tuple[str, str, int]], *, plot_height: float = 120.0, plot_width: float = 720.0
) -> Histogram | None:
    """Lay out stacked month-by-type bars, every month between the first and last shown so
    that gaps in coverage are visible rather than closed up."""
    by_month: dict[str, dict[str, int]] = {}
    for month, event_type, count in counts:
        if _bound(month, last=False) is None:
            continue
        by_month.setdefault(month, {})[event_type or "event"] = count
    if not by_month:
        return None
    months = _months_between(min(by_month), max(by_month))
    truncated = len(months) > MAX_HISTOGRAM_MONTHS
    if truncated:
        months = months[-MAX_HISTOGRAM_MONTHS:]
    type_totals: dict[str, int] = {}
    for month in months:
        for event_type, count in by_month.get(month, {}).items():
            type_totals[event_type] = type_totals.get(event_type, 0) + count
    types = sorted(type_totals, key=lambda t: (-type_totals[t], t))
    colours = {event_type: index % TYPE_COLOURS for index, event_type in enumerate(types)}
    peak = max(sum(by_month.get(month, {}).values()) for month in months)
    bar_width = max(MIN_BAR_WIDTH, min(MAX_BAR_WIDTH, plot_width / len(months)))
    bars = []
    last_tick = -len(months)
    for index, month in enumerate(months):
        y = plot_height
        segments = []
        for event_type in types:
            count = by_month.get(month, {}).get(event_type, 0)
            if not count:
                continue
            height = plot_height * count / peak
            y -= height
            segments.append(Segment(event_type, count, y, height, colours[event_type]))
        tick = ""
        if (index == 0 or month.endswith("-01")) and (index - last_tick) * bar_width >= TICK_GAP:
            tick, last_tick = month[:4], index
        bars.append(
            Bar(
                month,
                month_label(month),
                index * bar_width,
                sum(s.count for s in segments),
                tuple(segments),
                tick,
            )
        )
    return Histogram(
        bars=tuple(bars),
        legend=tuple((event_type, colours[event_type]) for event_type in types),
        width=len(months) * bar_width,
        height=plot_height,
        bar_width=bar_width,
        peak=peak,
        truncated=truncated,
    )


def highlight(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """Split ``text`` around [start, end), or return it whole when the span does not fit."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return text, "", ""
    return text[:start], text[start:end], text[end:]


def parse_offset(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value)
