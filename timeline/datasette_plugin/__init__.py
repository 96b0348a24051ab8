"""Datasette plugin: a timeline page, a document page with the evidence highlighted, and links
to them from Datasette's menu and events table.

Routes:

* ``/-/timeline`` redirects to the timeline of the first database that has an events table;
* ``/<database>/-/timeline`` lists events by month, filtered by the query string (see
  :class:`~timeline.datasette_plugin.queries.Filters`), under a month-by-type histogram;
* ``/<database>/-/timeline/document/<id>?start=&end=`` shows a document's text with the span
  [start, end) marked.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sqlite3
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import path_with_added_args, tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response

from timeline.datasette_plugin.counted_facet import CountedFacet
from timeline.datasette_plugin.queries import (
    ARRAY_FACET_MAX_EVENTS,
    ARRAY_FACETS,
    FACET_TITLES,
    FACETS,
    Entry,
    Filters,
    count_sql,
    events_sql,
    facet_sql,
    group_entries,
    highlight,
    histogram,
    histogram_sql,
    month_label,
    parse_offset,
    timeline_pairs_from_table,
)
from timeline.views import date_label_sql

HookFunction = TypeVar("HookFunction", bound=Callable[..., Any])


def _hook(function: HookFunction) -> HookFunction:
    # Datasette's hookimpl marks a function and returns it unchanged, but is untyped; this keeps
    # the hook implementations' signatures visible to mypy --strict.
    marked: HookFunction = hookimpl(function)
    return marked


STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The key of this plugin's section under ``plugins`` in datasette.yml.
CONFIG_NAME = "timeline"
PAGE_VIEWS = ("timeline", "timeline-document")
EVENT_TABLES = ("events", "timeline")


@functools.cache
def _static_name() -> str:
    # Datasette mounts a plugin's static/ under its distribution name when it was installed
    # through the entry point ("timeline") and under its module name when registered by hand.
    # Imported here: datasette.plugins imports this module while loading entry points.
    from datasette.plugins import get_plugins

    for plugin in get_plugins():
        if plugin["static_path"] and Path(plugin["static_path"]).resolve() == STATIC_DIR:
            return str(plugin["name"])
    return __name__


def _static_url(datasette: Any, filename: str) -> str:
    return str(datasette.urls.static_plugins(_static_name(), filename))


def _timeline_url(datasette: Any, database: str, pairs: list[tuple[str, str]]) -> str:
    base = datasette.urls.database(database) + "/-/timeline"
    return f"{base}?{urlencode(pairs)}" if pairs else str(base)


async def _events_databases(datasette: Any) -> list[str]:
    names = []
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("events"):
            names.append(name)
    return names


async def _database(datasette: Any, request: Any, table: str) -> Any:
    try:
        db = datasette.get_database(route=request.url_vars["database"])
    except KeyError:
        raise NotFound("Database not found") from None
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, table)), ("view-database", db.name), "view-instance"],
    )
    if not await db.table_exists(table):
        raise NotFound(f"Database {db.name} has no {table} table")
    return db


async def timeline_redirect(datasette: Any, request: Any) -> Response:
    names = await _events_databases(datasette)
    if not names:
        raise NotFound("No database with an events table is being served")
    return Response.redirect(_timeline_url(datasette, names[0], parse_qsl(request.query_string)))


#: Counts kept per immutable database, most recently used last.
MEMO_SIZE = 256
_memos: weakref.WeakKeyDictionary[Any, OrderedDict[tuple[str, str], list[Any] | None]] = (
    weakref.WeakKeyDictionary()
)


async def _rows(
    db: Any, query: tuple[str, dict[str, Any]], time_limit_ms: int, *, memo: bool = False
) -> list[Any] | None:
    """The rows of ``query``, or None when it ran out of time: at a million events a slow facet
    or filter must cost its part of the page, never the page.

    With ``memo``, the outcome is kept for the next page that asks, when the database is
    immutable and so cannot change while served: the unfiltered timeline's counts take most
    of a second at a million events, and a query that ran out of time would again. Only
    small results (counts) should be kept.
    """
    sql, params = query
    key = (sql, json.dumps(params, sort_keys=True))
    kept = _memos.setdefault(db, OrderedDict()) if memo and not db.is_mutable else None
    if kept is not None and key in kept:
        kept.move_to_end(key)
        return kept[key]
    rows: list[Any] | None
    try:
        rows = (await db.execute(sql, params, custom_time_limit=time_limit_ms)).rows
    except QueryInterrupted:
        rows = None
    if kept is not None:
        kept[key] = rows
        while len(kept) > MEMO_SIZE:
            kept.popitem(last=False)
    return rows


async def timeline_page(datasette: Any, request: Any) -> Response:
    db = await _database(datasette, request, "events")
    filters = Filters.from_query(parse_qsl(request.query_string))
    sql_limit = int(datasette.setting("sql_time_limit_ms"))
    facet_limit = int(datasette.setting("facet_time_limit_ms"))

    count_rows = await _rows(db, count_sql(filters), sql_limit, memo=True)
    total: int | None = count_rows[0][0] if count_rows else None
    # json_each over every matching event is what makes the array facets slow (over ten
    # seconds at a million): past ARRAY_FACET_MAX_EVENTS they are not even tried.
    arrays_affordable = total is not None and total <= ARRAY_FACET_MAX_EVENTS
    counted = [facet for facet in FACETS if facet not in ARRAY_FACETS or arrays_affordable]
    # Run together: Datasette gives each of its SQL threads a connection of its own.
    listed, histogram_rows, *facet_rows = await asyncio.gather(
        _rows(db, events_sql(filters), sql_limit),
        _rows(db, histogram_sql(filters), facet_limit, memo=True),
        *(_rows(db, facet_sql(filters, facet), facet_limit, memo=True) for facet in counted),
    )
    rows_by_facet = dict(zip(counted, facet_rows, strict=True))
    notices = []
    if total is None:
        notices.append("Counting these events took too long; narrow the filters.")
    if listed is None:
        notices.append("Listing these events took too long; narrow the filters.")
    if histogram_rows is None:
        notices.append("The histogram took too long at this size; narrow the filters.")
    entries = [Entry.from_row(row) for row in listed or ()]
    chart = histogram((row["month"], row["event_type"], row["n"]) for row in histogram_rows or ())
    colours = dict(chart.legend) if chart else {}
    facets = []
    for facet in FACETS:
        rows = rows_by_facet.get(facet)
        chosen = filters.selected.get(facet, ())
        values = [
            {
                "value": str(row["value"]),
                "label": month_label(str(row["label"])) if facet == "month" else str(row["label"]),
                "count": row["n"],
                "selected": str(row["value"]) in chosen,
                "href": filters.toggled(facet, str(row["value"])).query_string(),
            }
            for row in rows or ()
        ]
        # An array facet counts within every filter, so its chosen values are all there; a
        # column facet may leave a chosen value out when other filters exclude it. Neither
        # has its values when it was too slow: the chosen ones stay listed to be removed.
        if facet not in ARRAY_FACETS or rows is None:
            listed_values = {value["value"] for value in values}
            values += [
                {
                    "value": value,
                    "label": value,
                    "count": None if rows is None else 0,
                    "selected": True,
                    "href": filters.toggled(facet, value).query_string(),
                }
                for value in chosen
                if value not in listed_values
            ]
        if rows is None:
            facets.append(
                {
                    "name": facet,
                    "title": FACET_TITLES[facet],
                    "values": values,
                    "note": "too slow to count at this size; narrow the filters",
                }
            )
        elif values:
            facets.append(
                {"name": facet, "title": FACET_TITLES[facet], "values": values, "note": ""}
            )

    active = [
        {
            "label": f"{FACET_TITLES[facet]}: {value}",
            "href": filters.toggled(facet, value).query_string(),
        }
        for facet, values in filters.selected.items()
        for value in values
    ]
    for name, title in (("since", "since"), ("until", "until"), ("q", "search")):
        value = getattr(filters, name)
        if value:
            active.append(
                {"label": f"{title}: {value}", "href": filters.without(name).query_string()}
            )

    def toggle(facet: str, value: object) -> str:
        return filters.toggled(facet, str(value)).query_string()

    context = {
        "database": db.name,
        "filters": filters,
        "facet_names": [facet for facet in FACETS if facet not in ARRAY_FACETS],
        "total": total,
        "notices": notices,
        "groups": group_entries(entries),
        "shown": len(entries),
        "histogram": chart,
        "colours": colours,
        "facets": facets,
        "active": active,
        "toggle": toggle,
        "order_href": filters.with_order(not filters.newest_first).query_string(),
        "table_url": _table_url(datasette, db.name, filters.table_pairs()),
        "row_url": lambda event_id: datasette.urls.row(db.name, "events", tilde_encode(event_id)),
        "document_url": lambda entry: _document_url(datasette, db.name, entry),
    }
    return Response.html(
        await datasette.render_template(
            "timeline.html", context, request=request, view_name="timeline"
        )
    )


def _table_url(datasette: Any, database: str, pairs: list[tuple[str, str]]) -> str:
    base = datasette.urls.table(database, "events")
    return f"{base}?{urlencode(pairs)}" if pairs else str(base)


def _document_url(datasette: Any, database: str, entry: Entry) -> str:
    if entry.document_id is None:
        return ""
    base = (
        datasette.urls.database(database)
        + "/-/timeline/document/"
        + tilde_encode(entry.document_id)
    )
    if entry.evidence_start is None or entry.evidence_end is None:
        return str(base)
    query = urlencode({"start": entry.evidence_start, "end": entry.evidence_end})
    return f"{base}?{query}#evidence"


async def document_page(datasette: Any, request: Any) -> Response:
    db = await _database(datasette, request, "documents")
    document_id = tilde_decode(request.url_vars["document_id"])
    results = await db.execute(
        "select id, name, title, source, url, published, text from documents where id = :id",
        {"id": document_id},
    )
    if not results.rows:
        raise NotFound("Document not found")
    document = dict(results.rows[0])
    text = document["text"] or ""
    start = parse_offset(request.args.get("start"))
    end = parse_offset(request.args.get("end"))
    before, marked, after = highlight(text, start, end)
    events: list[dict[str, Any]] = []
    if await db.table_exists("events"):
        rows = await db.execute(
            f"""select e.id, e.event_type, e.title, e.evidence_start, e.evidence_end,
                    {date_label_sql("e")} as date_label
                from events as e where e.document_id = :id
                order by e.evidence_start, e.id""",
            {"id": document_id},
        )
        events = [dict(row) for row in rows.rows]
    base = datasette.urls.database(db.name) + "/-/timeline/document/" + tilde_encode(document_id)
    for event in events:
        if event["evidence_start"] is not None and event["evidence_end"] is not None:
            query = urlencode({"start": event["evidence_start"], "end": event["evidence_end"]})
            event["href"] = f"{base}?{query}#evidence"
        else:
            event["href"] = base
        event["row_url"] = datasette.urls.row(db.name, "events", tilde_encode(event["id"]))
        event["current"] = (event["evidence_start"], event["evidence_end"]) == (start, end)
    url = document["url"] or ""
    context = {
        "database": db.name,
        "document": document,
        # Only web addresses become links: a javascript: URL in an article's metadata must not.
        "document_link": url if url.startswith(("http://", "https://")) else "",
        "before": before,
        "marked": marked,
        "after": after,
        "events": events,
        "row_url": datasette.urls.row(db.name, "documents", tilde_encode(document_id)),
        "timeline_url": _timeline_url(datasette, db.name, [("document", document_id)]),
    }
    return Response.html(
        await datasette.render_template(
            "timeline_document.html", context, request=request, view_name="timeline-document"
        )
    )


@_hook
def register_routes() -> list[tuple[str, Callable[..., Awaitable[Response]]]]:
    return [
        (r"^/-/timeline$", timeline_redirect),
        (r"^/(?P<database>[^/]+)/-/timeline$", timeline_page),
        (r"^/(?P<database>[^/]+)/-/timeline/document/(?P<document_id>[^/]+)$", document_page),
    ]


@_hook
def extra_css_urls(view_name: str, datasette: Any) -> list[str]:
    if view_name in PAGE_VIEWS:
        return [_static_url(datasette, "timeline.css")]
    if view_name == "table":
        return [_static_url(datasette, "workbench.css")]
    return []


@_hook
def extra_js_urls(view_name: str, datasette: Any) -> list[dict[str, Any]]:
    if view_name not in PAGE_VIEWS:
        return []
    # A module script runs after the page is parsed, so it needs no load handler.
    return [{"url": _static_url(datasette, "timeline.js"), "module": True}]


@_hook
def menu_links(datasette: Any) -> Callable[[], Awaitable[list[dict[str, str]]]]:
    async def links() -> list[dict[str, str]]:
        return [
            {"href": _timeline_url(datasette, name, []), "label": f"Timeline: {name}"}
            for name in await _events_databases(datasette)
        ]

    return links


@_hook
def table_actions(datasette: Any, database: str, table: str, request: Any) -> list[dict[str, str]]:
    if table not in EVENT_TABLES or request is None:
        return []
    pairs = timeline_pairs_from_table(parse_qsl(request.query_string))
    return [{"href": _timeline_url(datasette, database, pairs), "label": "Show as a timeline"}]


def _plugin_config(datasette: Any) -> dict[str, Any]:
    config = datasette.plugin_config(CONFIG_NAME)
    return config if isinstance(config, dict) else {}


@_hook
def register_facet_classes() -> list[type]:
    return [CountedFacet]


@_hook
def prepare_connection(conn: sqlite3.Connection, datasette: Any) -> None:
    config = _plugin_config(datasette)
    # Read-only pragmas: they size this connection's memory, never change the file.
    if config.get("cache_size_kib"):
        conn.execute(f"pragma cache_size = -{int(config['cache_size_kib'])}")
    if config.get("mmap_size"):
        conn.execute(f"pragma mmap_size = {int(config['mmap_size'])}")


def _facet_argument(spec: object) -> tuple[str, str, str] | None:
    """(query argument, column, Datasette facet type) for a facet as metadata writes it:
    ``month`` or ``{array: actors}``."""
    if isinstance(spec, str):
        return "_facet", spec, ""
    if isinstance(spec, dict) and len(spec) == 1:
        ((kind, column),) = spec.items()
        if kind in ("array", "date") and isinstance(column, str):
            return f"_facet_{kind}", column, kind
    return None


@_hook
def extra_template_vars(
    view_name: str, datasette: Any, table: str | None, request: Any
) -> dict[str, Any]:
    """The table's ``more_facets`` as Datasette's suggested facets: one click each, costing
    nothing until clicked, where Datasette's own suggestions run a query per column."""
    if view_name != "table" or table is None or request is None:
        return {}
    if datasette.setting("suggest_facets") or request.args.get("_nofacet"):
        return {}
    specs = (_plugin_config(datasette).get("more_facets") or {}).get(table) or []
    suggested = []
    for spec in specs:
        facet = _facet_argument(spec)
        if facet is None:
            continue
        argument, column, kind = facet
        if column in request.args.getlist(argument):
            continue
        path = path_with_added_args(request, {argument: column})
        suggested.append({"name": column, "type": kind, "toggle_url": datasette.urls.path(path)})
    return {"suggested_facets": suggested} if suggested else {}
