"""The database as an analyst browses it: Datasette with the metadata, views and plugin."""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
import yaml
from datasette.database import QueryInterrupted

from timeline import datasette_plugin as plugin
from timeline.datasette_plugin.queries import Filters, events_sql, histogram_sql
from timeline.schema import TABLES
from timeline.serve import DEFAULT_METADATA
from timeline.views import VIEWS

from .fixture import SCRIPT, Fetch, make_datasette

METADATA = yaml.safe_load(DEFAULT_METADATA.read_text(encoding="utf-8"))
QUERIES = METADATA["databases"]["facts"]["queries"]


def entry_ids(page: str) -> list[str]:
    return re.findall(r'data-event-id="([^"]+)"', page)


def test_plugin_is_installed_with_its_templates_and_static_files(fetch: Fetch) -> None:
    plugins = {plugin["name"]: plugin for plugin in fetch("/-/plugins.json").json()}
    ours = next(plugin for name, plugin in plugins.items() if name.startswith("timeline"))
    assert ours["templates"] and ours["static"]
    assert {"register_routes", "extra_css_urls", "extra_js_urls", "menu_links"} <= set(
        ours["hooks"]
    )
    assert "datasette-cluster-map" in plugins


def test_every_table_and_column_is_described() -> None:
    tables = METADATA["databases"]["facts"]["tables"]
    for spec in TABLES:
        assert tables[spec.name]["description"], spec.name
        assert set(tables[spec.name]["columns"]) == set(spec.columns), spec.name


def test_views_are_described_with_their_columns(facts_db: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(facts_db)
    tables = METADATA["databases"]["facts"]["tables"]
    for name in VIEWS:
        assert set(tables[name]["columns"]) == {column.name for column in db[name].columns}


def test_metadata_is_served(fetch: Fetch) -> None:
    metadata = fetch("/-/metadata.json").json()
    assert metadata["title"] == "timeline: dated events from news"
    assert metadata["databases"]["facts"]["tables"]["events"]["label_column"] == "title"


#: The events table's facets, as the issue lists them, by the column Datasette facets on, with
#: its facet type ("" for a column facet).
EVENTS_FACETS = {
    "event_type": "",
    "year": "",
    "month": "",
    "precision": "",
    "date_basis": "",
    "actors": "array",
    "places": "array",
    "location": "",
    "country": "",
    "source": "",
    "document_id": "",
}


def test_only_the_cheap_facets_run_by_default(fetch: Fetch) -> None:
    data = fetch("/facts/events.json").json()
    assert set(data["facet_results"]) == {"event_type", "year"}


def _facet_counts(data: dict[str, Any]) -> dict[str, dict[Any, int]]:
    return {
        name: {item["value"]: item["count"] for item in facet["results"]}
        for name, facet in data["facet_results"].items()
    }


def _counts_served(path: Path, query: str = "") -> dict[str, dict[Any, int]]:
    response = asyncio.run(make_datasette(path).client.get(f"/facts/events.json{query}"))
    assert response.status_code == 200
    return _facet_counts(response.json())


def test_default_facets_read_the_stored_counts_unless_filtered(
    facts_db: Path, tmp_path: Path
) -> None:
    """The unfiltered page reads the counts the build stored (here made wrong on purpose, to
    see where they come from); a filtered page counts, and so does a database without them."""
    real = _counts_served(facts_db)
    assert real["event_type"] == {"meeting": 4, "exercise": 2, "summit": 1, "statement": 1}
    altered = tmp_path / "facts.db"
    shutil.copy(facts_db, altered)
    with sqlite3.connect(altered) as connection:
        connection.execute("update facet_counts set count = count + 100")
    stored = _counts_served(altered)
    assert stored["event_type"] == {value: n + 100 for value, n in real["event_type"].items()}
    assert stored["year"] == {value: n + 100 for value, n in real["year"].items()}
    assert _counts_served(altered, "?event_type=meeting")["event_type"] == {"meeting": 4}
    assert _counts_served(altered, "?_search=Kabul")["event_type"] != stored["event_type"]
    with sqlite3.connect(altered) as connection:
        connection.execute("delete from facet_counts")
    assert _counts_served(altered) == real


def suggested_facet_links(page: str) -> dict[str, str]:
    """Facet name -> link, from the "Suggested facets" line of a table page."""
    line = page.split('class="suggested-facets"', 1)[1].split("</p>", 1)[0]
    return {
        name: html.unescape(href)
        for href, name in re.findall(r'<a href="([^"]+)#facet-[^"]*">([^<]+)</a>', line)
    }


def test_every_other_facet_is_one_click_away_and_counts(fetch: Fetch) -> None:
    page = fetch("/facts/events?event_type=meeting").text
    links = suggested_facet_links(page)
    assert set(links) == set(EVENTS_FACETS) - {"event_type", "year"}
    assert "actors</a> (array)" in page
    for name, href in links.items():
        url = urlsplit(href)
        # The link keeps the page's filters and adds the facet of the right type.
        argument = "_facet_array" if EVENTS_FACETS[name] == "array" else "_facet"
        assert parse_qsl(url.query) == [("event_type", "meeting"), (argument, name)]
        data = fetch(f"{url.path}.json?{url.query}").json()
        assert name in data["facet_results"], name
    # A facet already shown is no longer suggested.
    shown = fetch("/facts/events?_facet=month&_facet_array=actors").text
    assert {"month", "actors"}.isdisjoint(suggested_facet_links(shown))


def test_every_facet_counts_when_asked_for(fetch: Fetch) -> None:
    # Not the default ones: Datasette would count a configured facet asked for again twice.
    arguments = "&".join(
        f"_facet_{kind}={name}" if kind else f"_facet={name}"
        for name, kind in EVENTS_FACETS.items()
        if name not in ("event_type", "year")
    )
    data = fetch(f"/facts/events.json?{arguments}").json()
    assert set(data["facet_results"]) == set(EVENTS_FACETS)
    counts = {
        name: {item["value"]: item["count"] for item in facet["results"]}
        for name, facet in data["facet_results"].items()
    }
    assert counts["event_type"] == {"meeting": 4, "exercise": 2, "summit": 1, "statement": 1}
    assert counts["actors"]["Russia"] == 3
    assert counts["places"]["Kabul"] == 2
    assert counts["precision"] == {"day": 4, "week": 1, "month": 1, "year": 1}
    assert counts["date_basis"]["unresolved"] == 2


def test_facet_query_argument_and_array_filter(fetch: Fetch) -> None:
    data = fetch(
        "/facts/events.json?_facet=event_type&actors__arraycontains=Taliban&_shape=objects"
    ).json()
    assert {row["id"] for row in data["rows"]} == {
        "ev-kabul-talks",
        "ev-muttaqi-moscow",
    }
    assert data["facet_results"]["event_type"]["results"][0]["value"] == "meeting"


def test_events_are_newest_first_with_undated_last(fetch: Fetch) -> None:
    rows = fetch("/facts/events.json?_shape=objects").json()["rows"]
    dates = [row["start_date"] for row in rows]
    dated = [date for date in dates if date]
    assert dated == sorted(dated, reverse=True)
    assert dates[-2:] == [None, None]


def test_label_columns_name_documents_and_entities(fetch: Fetch) -> None:
    row = fetch("/facts/events.json?_labels=on&_shape=objects&id=ev-kabul-talks").json()
    assert row["rows"][0]["document_id"] == {
        "value": "doc-kabul",
        "label": "Russian delegation holds talks with Taliban in Kabul",
    }
    fact = fetch("/facts/facts.json?_labels=on&_shape=objects&id=fact-lavrov").json()
    assert fact["rows"][0]["subject_id"]["label"] == "Sergei Lavrov"


def query(fetch: Fetch, name: str, **params: str) -> list[dict[str, object]]:
    response = fetch(f"/facts/{name}.json", params={**params, "_shape": "objects"})
    assert response.status_code == 200, response.text
    rows: list[dict[str, object]] = response.json()["rows"]
    return rows


def test_canned_queries_are_read_only_selects() -> None:
    assert set(QUERIES) == {
        "actor_timeline",
        "events_between",
        "events_per_month_by_type",
        "events_at_place",
        "organisation_members",
        "roles",
    }
    for name, canned in QUERIES.items():
        assert "write" not in canned, name
        assert canned["sql"].lstrip().lower().startswith(("select", "with")), name
        assert canned["title"] and canned["description"], name


def test_actor_timeline_matches_names_and_aliases(fetch: Fetch) -> None:
    expected = ["ev-kabul-talks", "ev-sco-summit", "ev-muttaqi-moscow"]
    assert [row["id"] for row in query(fetch, "actor_timeline", actor="russia")] == expected
    by_alias = query(fetch, "actor_timeline", actor="Russian Federation")
    assert [row["id"] for row in by_alias] == expected
    assert query(fetch, "actor_timeline", actor="Nobody") == []


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # Bounds at month precision take the whole month; events overlapping them count.
        (
            "2025-11",
            "2026-02",
            ["ev-csto-exercises", "ev-sco-exercises", "ev-csto-ministers", "ev-muttaqi-moscow"],
        ),
        # The summit ran 31 August to 1 September: a range that only touches its end finds it.
        ("2025-09-01", "2025-09-01", ["ev-sco-summit"]),
        ("2024", "2024", ["ev-kabul-talks"]),
        # An empty bound is no bound.
        ("", "2024-12-31", ["ev-kabul-talks"]),
    ],
)
def test_events_between_overlapping_dates(
    fetch: Fetch, since: str, until: str, expected: list[str]
) -> None:
    rows = query(fetch, "events_between", since=since, until=until)
    assert [row["id"] for row in rows] == expected


def test_events_per_month_by_type(fetch: Fetch) -> None:
    rows = query(fetch, "events_per_month_by_type")
    assert {(row["month"], row["event_type"]): row["events"] for row in rows} == {
        ("2024-12", "meeting"): 1,
        ("2025-08", "summit"): 1,
        ("2025-11", "exercise"): 1,
        ("2026-02", "meeting"): 2,
    }


def test_events_at_place(fetch: Fetch) -> None:
    rows = query(fetch, "events_at_place", place="kabul")
    assert [row["id"] for row in rows] == ["ev-kabul-talks", "ev-kazakhstan-call"]


def test_organisation_members(fetch: Fetch) -> None:
    rows = query(fetch, "organisation_members", organisation="Shanghai Cooperation Organisation")
    assert [(row["member"], row["relation"], row["valid_from"]) for row in rows] == [
        ("Belarus", "member_of", "2024-07-04"),
        ("Mongolia", "observer_of", None),
        ("Türkiye", "dialogue_partner_of", None),
    ]


def test_roles_with_and_without_a_person(fetch: Fetch) -> None:
    everyone = query(fetch, "roles")
    assert [(row["person"], row["role"], row["of"]) for row in everyone] == [
        ("Amir Khan Muttaqi", "acting foreign minister", "Afghanistan"),
        ("Sergei Lavrov", "foreign minister", "Russia"),
    ]
    lavrov = query(fetch, "roles", person="Lavrov")
    assert [(row["person"], row["valid_from"]) for row in lavrov] == [("Sergei Lavrov", "2004")]


def test_event_map_view_feeds_the_cluster_map(fetch: Fetch) -> None:
    rows = fetch("/facts/event_map.json?_shape=objects&_size=max").json()["rows"]
    assert len(rows) == 6
    assert all(row["latitude"] is not None and row["longitude"] is not None for row in rows)
    kabul = next(row for row in rows if row["event_id"] == "ev-kabul-talks")
    assert (kabul["place"], kabul["date"], kabul["event_type"]) == (
        "Kabul",
        "2024-12-11",
        "meeting",
    )
    page = fetch("/facts/event_map").text
    assert "datasette-cluster-map.js" in page
    assert 'DATASETTE_CLUSTER_MAP_LATITUDE_COLUMN = "latitude"' in page


def test_timeline_view_reads_dates_in_words(fetch: Fetch) -> None:
    rows = fetch("/facts/timeline.json?_shape=objects").json()["rows"]
    assert [(row["id"], row["date"]) for row in rows] == [
        ("ev-kabul-talks", "11 December 2024"),
        ("ev-sco-summit", "31 August – 1 September 2025"),
        ("ev-csto-exercises", "November 2025"),
        ("ev-sco-exercises", "2026"),
        ("ev-csto-ministers", "week of 2 Feb 2026"),
        ("ev-muttaqi-moscow", "3 February 2026"),
        ("ev-first-meeting", "11 December (year unknown)"),
        ("ev-kazakhstan-call", "undated: recently"),
    ]
    assert rows[0]["document"] == "russia-taliban-kabul.txt"


def test_timeline_redirects_to_the_database_keeping_filters(fetch: Fetch) -> None:
    response = fetch("/-/timeline?event_type=meeting")
    assert response.status_code == 302
    assert response.headers["location"] == "/facts/-/timeline?event_type=meeting"


def test_timeline_page_lists_events_by_month_with_dates_in_words(fetch: Fetch) -> None:
    response = fetch("/facts/-/timeline")
    assert response.status_code == 200
    page = response.text
    assert entry_ids(page) == [
        "ev-kabul-talks",
        "ev-sco-summit",
        "ev-csto-exercises",
        "ev-sco-exercises",
        "ev-csto-ministers",
        "ev-muttaqi-moscow",
        "ev-first-meeting",
        "ev-kazakhstan-call",
    ]
    headings = re.findall(r"<summary><h2>([^<]+)</h2>", page)
    assert headings == [
        "December 2024",
        "August 2025",
        "November 2025",
        "2026",
        "February 2026",
        "Year unknown",
        "Undated",
    ]
    for label in (
        "11 December 2024",
        "November 2025",
        "week of 2 Feb 2026",
        "<time>2026</time>",
        "11 December (year unknown)",
    ):
        assert label in page
    assert 'href="/facts/events/ev-kabul-talks"' in page
    assert "/facts/-/timeline/document/doc-kabul?start=25&amp;end=127#evidence" in page
    assert "<svg" in page and "Events per month by type" in page


def test_timeline_page_histogram_shows_every_month_between_first_and_last(fetch: Fetch) -> None:
    chart = fetch("/facts/-/timeline").text.split('class="tl-histogram"')[1].split("</svg>")[0]
    months = re.findall(r'href="\?month=(\d{4}-\d{2})"', chart)
    assert months[0] == "2024-12" and months[-1] == "2026-02"
    assert len(months) == 15
    assert "<title>February 2026: 2 events; 2 meeting</title>" in chart


def test_timeline_static_files_are_served(fetch: Fetch) -> None:
    page = fetch("/facts/-/timeline").text
    urls = re.findall(r'(?:href|src)="(/-/static-plugins/[^"]+)"', page)
    assert {Path(url).name for url in urls} == {"timeline.css", "timeline.js"}
    for url in urls:
        assert fetch(url).status_code == 200


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        ("event_type=exercise", ["ev-csto-exercises", "ev-sco-exercises"]),
        (
            "event_type=exercise&event_type=summit",
            ["ev-sco-summit", "ev-csto-exercises", "ev-sco-exercises"],
        ),
        ("year=2026", ["ev-sco-exercises", "ev-csto-ministers", "ev-muttaqi-moscow"]),
        ("month=2026-02", ["ev-csto-ministers", "ev-muttaqi-moscow"]),
        ("precision=week", ["ev-csto-ministers"]),
        ("date_basis=unresolved", ["ev-first-meeting", "ev-kazakhstan-call"]),
        ("document=doc-tianjin", ["ev-sco-summit", "ev-sco-exercises"]),
        # Several actors narrow to events involving all of them.
        ("actor=Russia&actor=Taliban", ["ev-kabul-talks", "ev-muttaqi-moscow"]),
        ("place=Kabul", ["ev-kabul-talks", "ev-kazakhstan-call"]),
        ("since=2025-09-01&until=2025-11", ["ev-sco-summit", "ev-csto-exercises"]),
        ("q=Tianjin", ["ev-sco-summit"]),
        ("q=%22unbalanced&until=2030", []),
        (
            "order=newest&precision=day",
            ["ev-muttaqi-moscow", "ev-sco-summit", "ev-kabul-talks", "ev-first-meeting"],
        ),
    ],
)
def test_timeline_filters(fetch: Fetch, query_string: str, expected: list[str]) -> None:
    response = fetch(f"/facts/-/timeline?{query_string}")
    assert response.status_code == 200
    assert entry_ids(response.text) == expected


def test_timeline_reports_bad_filters_and_ignores_them(fetch: Fetch) -> None:
    page = fetch("/facts/-/timeline?since=last+spring&year=soon").text
    assert "since &#39;last spring&#39; is not a date" in page
    assert "Year &#39;soon&#39; is not a number" in page
    assert len(entry_ids(page)) == 8


def test_timeline_facets_count_within_the_other_filters(fetch: Fetch) -> None:
    page = fetch("/facts/-/timeline?actor=CSTO").text
    type_facet = page.split('data-facet="event_type"')[1].split("</section>")[0]
    assert re.findall(r'data-facet-value="([^"]+)"', type_facet) == ["meeting", "exercise"]
    assert 'href="?event_type=meeting&amp;actor=CSTO"' in type_facet


def interrupting(facts_db: Path, *fragments: str) -> Fetch:
    """GET from a Datasette whose database gives up, as on a time limit, on every query whose
    SQL contains one of ``fragments``."""
    datasette = make_datasette(facts_db)
    db = datasette.get_database("facts")
    execute = db.execute

    async def execute_or_interrupt(sql: str, *args: Any, **kwargs: Any) -> Any:
        if any(fragment in sql for fragment in fragments):
            raise QueryInterrupted(sqlite3.OperationalError("interrupted"), sql, {})
        return await execute(sql, *args, **kwargs)

    db.execute = execute_or_interrupt

    def get(path: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = asyncio.run(datasette.client.get(path, **kwargs))
        return response

    return get


def test_timeline_survives_facets_that_run_out_of_time(facts_db: Path) -> None:
    # Fragments of the actor facet's SQL and the document facet's.
    fetch = interrupting(facts_db, "count(distinct e.id)", "as d on d.id = c.value")
    response = fetch("/facts/-/timeline?actor=CSTO")
    assert response.status_code == 200
    page = response.text
    actor_facet = page.split('data-facet="actor"')[1].split("</section>")[0]
    assert "too slow to count at this size" in actor_facet
    # The chosen actor can still be removed.
    assert re.findall(r'data-facet-value="([^"]+)"', actor_facet) == ["CSTO"]
    assert "too slow to count" in page.split('data-facet="document"')[1].split("</section>")[0]
    assert "too slow" not in page.split('data-facet="event_type"')[1].split("</section>")[0]
    # The listing has no facet of its own to lose: its events are all there.
    assert len(entry_ids(page)) == 3


def test_timeline_survives_a_listing_count_and_histogram_out_of_time(facts_db: Path) -> None:
    fetch = interrupting(facts_db, "count(*) from events as e where", "as undated", "e.month >")
    response = fetch("/facts/-/timeline")
    assert response.status_code == 200
    page = response.text
    for notice in ("Counting these events", "Listing these events", "The histogram"):
        assert notice in page
    assert entry_ids(page) == []
    assert 'data-facet="event_type"' in page


def test_timeline_counts_once_per_immutable_database(facts_db: Path) -> None:
    datasette = make_datasette(facts_db)
    db = datasette.get_database("facts")
    execute = db.execute
    counted: list[str] = []

    async def counting(sql: str, *args: Any, **kwargs: Any) -> Any:
        if "count(*)" in sql:
            counted.append(sql)
        return await execute(sql, *args, **kwargs)

    db.execute = counting
    first = asyncio.run(datasette.client.get("/facts/-/timeline")).text
    once = len(counted)
    assert once
    # The file cannot change while served immutable: the second page reuses the counts.
    assert asyncio.run(datasette.client.get("/facts/-/timeline")).text == first
    assert len(counted) == once


def test_timeline_skips_array_facets_over_many_events(
    fetch: Fetch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plugin, "ARRAY_FACET_MAX_EVENTS", 3)
    page = fetch("/facts/-/timeline").text
    for facet in ("actor", "place"):
        section = page.split(f'data-facet="{facet}"')[1].split("</section>")[0]
        assert "too slow to count at this size" in section
    narrowed = fetch("/facts/-/timeline?actor=Taliban").text
    assert "too slow" not in narrowed


def test_timeline_links_to_the_events_table_with_the_same_filters(fetch: Fetch) -> None:
    query_string = "event_type=meeting&actor=Russia&since=2025-01&until=2026-12"
    page = fetch(f"/facts/-/timeline?{query_string}").text
    link = html.unescape(re.search(r'href="([^"]+)">open these in the events table', page)[1])
    rows = fetch(link.replace("/facts/events?", "/facts/events.json?_shape=objects&")).json()
    assert [row["id"] for row in rows["rows"]] == entry_ids(page) == ["ev-muttaqi-moscow"]


def test_events_table_offers_the_timeline_with_its_filters(fetch: Fetch) -> None:
    page = fetch(
        "/facts/events?event_type=meeting&actors__arraycontains=Russia&_sort=start_date"
    ).text
    link = html.unescape(re.search(r'href="([^"]+)">Show as a timeline', page)[1])
    assert urlsplit(link).path == "/facts/-/timeline"
    assert parse_qsl(urlsplit(link).query) == [("event_type", "meeting"), ("actor", "Russia")]


def test_menu_links_to_the_timeline(fetch: Fetch) -> None:
    assert 'href="/facts/-/timeline">Timeline: facts</a>' in fetch("/").text


def test_script_in_evidence_is_shown_as_text(fetch: Fetch) -> None:
    escaped = html.escape(SCRIPT, quote=False)
    for path in ("/facts/-/timeline", "/facts/-/timeline?q=summit"):
        page = fetch(path).text
        assert SCRIPT not in page
        assert escaped in page


def test_document_page_marks_the_evidence(fetch: Fetch) -> None:
    timeline = fetch("/facts/-/timeline?event_type=summit").text
    link = html.unescape(re.search(r'href="(/facts/-/timeline/document/[^"]+)"', timeline)[1])
    page = fetch(link).text
    evidence = (
        "The summit of the Shanghai Cooperation Organisation opened in Tianjin on "
        f"31 August 2025 {SCRIPT} and closed on 1 September."
    )
    assert f'<mark id="evidence">{html.escape(evidence, quote=False)}</mark>' in page.replace(
        "&#39;", "'"
    )
    assert SCRIPT not in page
    # The article's url is javascript:, which must not become a link.
    assert "javascript:" not in page


def test_document_page_without_a_valid_span_shows_the_whole_text(fetch: Fetch) -> None:
    page = fetch("/facts/-/timeline/document/doc-kabul?start=50&end=9999").text
    assert "<mark" not in page
    assert "KABUL, 12 December 2024." in page
    assert 'href="https://example.org/news/russia-taliban-kabul"' in page


def test_missing_things_are_not_found(fetch: Fetch) -> None:
    assert fetch("/facts/-/timeline/document/nope").status_code == 404
    assert fetch("/nodb/-/timeline").status_code == 404


def test_metadata_follows_a_database_with_another_name(facts_db: Path, tmp_path: Path) -> None:
    import asyncio

    other = tmp_path / "afghanistan.db"
    shutil.copy(facts_db, other)
    datasette = make_datasette(other)
    response = asyncio.run(
        datasette.client.get("/afghanistan/actor_timeline.json?actor=CSTO&_shape=objects")
    )
    assert response.status_code == 200
    assert len(response.json()["rows"]) == 3
    page = asyncio.run(datasette.client.get("/afghanistan/-/timeline")).text
    assert len(entry_ids(page)) == 8


def test_an_event_without_a_document_is_listed(facts_db: Path, tmp_path: Path) -> None:
    import asyncio

    import sqlite_utils

    copy = tmp_path / "facts.db"
    shutil.copy(facts_db, copy)
    sqlite_utils.Database(copy)["events"].insert(
        {
            "id": "ev-curated",
            "event_type": "agreement",
            "title": "Curated agreement",
            "start": "2025-07",
            "start_date": "2025-07-01",
            "end_date": "2025-07-31",
            "month": "2025-07",
            "year": 2025,
            "precision": "month",
            "date_basis": "curated",
            "evidence": "Added by an analyst.",
            "extractor": "curation",
        }
    )
    page = asyncio.run(make_datasette(copy).client.get("/facts/-/timeline")).text
    entry = page.split('data-event-id="ev-curated"')[1].split("</li>")[0]
    assert "no source document" in entry and "July 2025" in entry


def query_plan(facts_db: Path, sql: str, params: dict[str, object]) -> str:
    connection = sqlite3.connect(f"file:{facts_db}?mode=ro", uri=True)
    try:
        steps = connection.execute(f"explain query plan {sql}", params).fetchall()
    finally:
        connection.close()
    return "\n".join(step[3] for step in steps)


# Without statistics SQLite plans the same way at any size, so these plans on the fixture are
# the plans at a million events.
@pytest.mark.parametrize(
    ("name", "params", "wanted"),
    [
        ("events_between", {"since": "2025", "until": "2025-06"}, "idx_events_start_date"),
        ("events_per_month_by_type", {}, "COVERING INDEX idx_events_month_event_type"),
        ("actor_timeline", {"actor": "Russia"}, "idx_event_actors_entity_id"),
        ("events_at_place", {"place": "Kabul"}, "idx_event_places_entity_id"),
        ("events_at_place", {"place": "Kabul"}, "idx_events_location (location>? AND location<?)"),
    ],
)
def test_canned_queries_read_events_through_an_index(
    facts_db: Path, name: str, params: dict[str, object], wanted: str
) -> None:
    plan = query_plan(facts_db, QUERIES[name]["sql"], params)
    assert wanted in plan
    assert "SCAN events" not in plan


def test_events_at_place_matches_the_location_whatever_its_case(fetch: Fetch) -> None:
    assert [row["id"] for row in query(fetch, "events_at_place", place="KABUL")] == [
        "ev-kabul-talks",
        "ev-kazakhstan-call",
    ]
    rows = query(fetch, "actor_timeline", actor="Taliban")
    assert [(row["id"], row["roles"]) for row in rows] == [
        ("ev-kabul-talks", "participant"),
        ("ev-muttaqi-moscow", "participant"),
    ]


@pytest.mark.parametrize(
    ("query_string", "wanted"),
    [
        ("", "idx_events_start_date"),
        ("event_type=meeting&year=2025", "idx_events_event_type_year_start_date"),
    ],
)
def test_timeline_lists_events_in_index_order(
    facts_db: Path, query_string: str, wanted: str
) -> None:
    plan = query_plan(facts_db, *events_sql(Filters.from_query(parse_qsl(query_string))))
    dated = plan.split("SCAN (subquery")[0]
    assert wanted in dated
    # Only ties on the start date are sorted, never every event.
    assert "TEMP B-TREE FOR ORDER BY" not in dated


def test_timeline_histogram_reads_the_month_and_type_index(facts_db: Path) -> None:
    plan = query_plan(facts_db, *histogram_sql(Filters()))
    assert "COVERING INDEX idx_events_month_event_type" in plan
    assert "TEMP B-TREE" not in plan
