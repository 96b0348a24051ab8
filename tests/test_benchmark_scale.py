"""Smoke tests of the scale benchmark (benchmarks/scale.py): its corpus generator, its build
and Datasette sections on tiny inputs, and the shape of its output. No timing is asserted:
these numbers belong to the benchmark's tables, not to a pass or fail."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from contextlib import redirect_stdout
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from .conftest import load_benchmark

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = REPO_ROOT / "samples"


scale = load_benchmark("scale")
SEED = 7


def test_articles_are_reproducible_and_shaped_like_the_samples() -> None:
    first = [scale.article(SEED, n).markdown() for n in range(30)]
    assert first == [scale.article(SEED, n).markdown() for n in range(30)]
    assert first != [scale.article(SEED + 1, n).markdown() for n in range(30)]
    for number in range(30):
        item = scale.article(SEED, number)
        assert 3 <= len(item.sentences) <= 8
        assert scale.FIRST_PUBLISHED <= item.published <= scale.LAST_PUBLISHED
        head = item.markdown().split("---\n")[1]
        assert re.search(r"^title: .+$", head, re.M)
        assert f"published: {item.published.isoformat()}" in head
        assert re.search(r"^source: .+$", head, re.M)
        assert "{" not in item.body  # every placeholder filled


def test_templates_cover_the_event_types_and_date_forms() -> None:
    types = {event_type for event_type, _ in scale.EVENT_TEMPLATES}
    assert len(scale.EVENT_TEMPLATES) >= 15
    assert {"meeting", "attack", "appointment", "vaccination-campaign", "arrival",
            "membership", "report", "flight"} <= types  # fmt: skip
    rng = random.Random(1)
    published = date(2025, 3, 12)  # a Wednesday
    phrases = [scale.date_phrase(rng, published) for _ in range(500)]
    texts = " | ".join(p.text for p in phrases)
    for pattern in (r"on Monday\b", r"on [A-Z][a-z]+\. \d", r"on \w+day, \w+ \d+", r"in \w+ 20\d\d",
                    "last week", "earlier this month", r"in 20\d\d\b"):  # fmt: skip
        assert re.search(pattern, texts), pattern
    for phrase in phrases:
        if phrase.start_date is not None:
            assert phrase.start_date <= published
        if phrase.basis == "weekday":
            assert phrase.text == f"on {scale.WEEKDAYS[phrase.start_date.weekday()]}"


@pytest.fixture(scope="module")
def run_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The whole benchmark once, on 20 articles and 2,000 events, as --json prints it."""
    pytest.importorskip("datasette")
    pytest.importorskip("dateparser")
    workdir = tmp_path_factory.mktemp("scale")
    argv = ["--sizes", "20", "--events", "2000", "--runs", "1", "--peer-sample", "5",
            "--workdir", str(workdir), "--investigate", "always", "--json",
            "--real", str(SAMPLES), "--lengths", "1,3"]  # fmt: skip
    out = StringIO()
    with redirect_stdout(out):
        assert scale.main(argv) == 0
    result: dict[str, Any] = json.loads(out.getvalue())
    result["_workdir"] = str(workdir)
    return result


def test_build_section_reports_every_measure(run_json: dict[str, Any]) -> None:
    (build,) = run_json["build"]
    assert build["size"] == build["documents"] == 20
    assert build["jobs"] == 1
    assert build["errors"] == 0
    assert build["events"] > 0
    for key in ("seconds", "docs_per_s", "mb_per_s", "mb_per_s_per_core", "peak_rss_mb",
                "db_mb", "text_mb", "ratio_vs_peer"):  # fmt: skip
        assert build[key] > 0, key
    synthetic, real = run_json["peer"]
    assert (synthetic["corpus"], synthetic["sample"]) == ("20 synthetic", 5)
    assert (real["corpus"], real["sample"]) == (str(SAMPLES), len(list(SAMPLES.iterdir())))
    for peer in (synthetic, real):
        assert peer["tag_ratio"] > 0 and peer["analyse_ratio"] > 0
        assert peer["analyse_mb_per_s"] > 0
    lengths = run_json["lengths"]
    assert [length["articles"] for length in lengths] == [1, 3]
    assert lengths[0]["kb"] < lengths[1]["kb"]
    assert all(length["ratio"] > 0 for length in lengths)


def test_datasette_section_times_pages_and_canned_queries(run_json: dict[str, Any]) -> None:
    section = run_json["datasette"]
    assert section["events"] == 2000
    pages = {page["name"]: page for page in section["pages"]}
    for name in ("events facets (json)", "events facets (html)", "filtered meeting+2025",
                 "full-text search"):  # fmt: skip
        assert pages[name]["status"] == 200, pages[name]
        assert pages[name]["runs"] == 1
        assert pages[name]["median_ms"] > 0 and pages[name]["p95_ms"] >= pages[name]["median_ms"]
    assert pages["events facets (json)"]["rows"] == 2000
    assert pages["full-text search"]["rows"] > 0
    metadata = scale.load_metadata(scale.REPO_ROOT / "metadata.yml")
    for query in scale.canned_queries(metadata):
        assert pages[f"query: {query}"]["status"] == 200, pages[f"query: {query}"]
    investigation = section["investigation"]
    assert {c["facet"] for c in investigation["facet_costs"]} >= set(scale.FACETS)
    assert investigation["variants"][0]["name"] == "served (baseline)"
    assert all(len(v["pages"]) == len(investigation["variants"][0]["pages"])
               for v in investigation["variants"])  # fmt: skip


def test_events_database_has_the_schema_and_matching_rows(run_json: dict[str, Any]) -> None:
    import sqlite_utils

    from timeline.schema import ensure_schema

    path = Path(run_json["_workdir"]) / f"{scale.DB_NAME}.db"
    reference = sqlite_utils.Database(memory=True)
    ensure_schema(reference)

    def objects(connection: sqlite3.Connection) -> set[tuple[str, str]]:
        return set(
            connection.execute(
                "select type, name from sqlite_master where type in ('index', 'trigger', "
                "'table') and name not like 'sqlite_%'"
            )
        )

    connection = sqlite3.connect(path)
    try:
        # The investigation's ANALYZE and extra indexes must have been taken away again.
        assert objects(reference.conn) <= objects(connection)
        assert not any(name.startswith("scale_") for _, name in objects(connection))
        query = connection.execute
        assert query("select count(*) from events").fetchone() == (2000,)
        assert query("select count(*) from documents").fetchone()[0] > 0
        assert query("select count(*) from event_actors").fetchone()[0] > 0
        assert query("select count(*) from event_places").fetchone()[0] > 0
        orphans = "select count(*) from event_actors where event_id not in (select id from events)"
        assert query(orphans).fetchone() == (0,)
        found = query("select count(*) from events_fts where events_fts match 'Tashkent'")
        assert found.fetchone()[0] > 0
    finally:
        connection.close()


def test_tables_print(capsys: pytest.CaptureFixture[str]) -> None:
    timing = scale.Timing("events page (json)", "/x", 200, 3, 250.0, 300.0, ("actors",))
    print(scale.format_timings([timing], "title"))
    out = capsys.readouterr().out
    assert "OVER" in out and "actors" in out
