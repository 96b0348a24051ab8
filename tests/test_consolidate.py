"""One event from many reports, and curation that survives rebuilds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from timeline.build import build
from timeline.curation import load_curation
from timeline.errors import SourceError
from timeline.extractors import extractors

AS_OF = date(2026, 11, 23)

FIRST = """---
published: 2024-12-12
---
Islamic State claimed responsibility for a suicide bombing that killed the refugees minister,
Khalil Haqqani, in Kabul on Wednesday, December 11.
"""
SECOND = """---
published: 2024-12-13
---
A suicide attack on Dec. 11 at the ministry in Kabul killed Khalil Haqqani, and Islamic State
said it carried it out.
"""
THIRD = """---
published: 2024-12-14
---
Khalil Haqqani was killed in a bomb attack in Kabul on December 12, officials said.
"""
OTHER = """---
published: 2024-12-12
---
Gunmen attacked a checkpoint in Herat on Wednesday, December 11, killing two policemen.
"""


def write(folder: Path, **articles: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def attacks(db_path: Path) -> list[dict[str, object]]:
    db = sqlite_utils.Database(db_path)
    return list(db.query("select * from events where event_type = 'attack' order by start"))


def test_two_reports_of_one_attack_make_one_event(tmp_path: Path) -> None:
    corpus = write(tmp_path / "c", first=FIRST, second=SECOND, other=OTHER)
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    events = attacks(db)
    kabul = [e for e in events if e["location"] == "Kabul"]
    assert len(kabul) == 1
    [event] = kabul
    assert (event["start"], event["sources"], event["mentions"]) == ("2024-12-11", 2, 2)
    mentions = list(
        sqlite_utils.Database(db).query(
            "select * from event_mentions where event_id = ?", [event["id"]]
        )
    )
    assert len(mentions) == 2
    assert {m["start"] for m in mentions} == {"2024-12-11"}
    herat = [e for e in events if e["location"] == "Herat"]
    assert len(herat) == 1 and herat[0]["sources"] == 1


def test_a_report_a_day_off_is_merged_and_flagged(tmp_path: Path) -> None:
    corpus = write(tmp_path / "c", first=FIRST, third=THIRD)
    db = tmp_path / "t.db"
    report = build([corpus], db, not_after=AS_OF)
    [event] = attacks(db)
    assert (event["sources"], event["date_conflict"]) == (2, 1)
    assert report.conflicts == 1
    flagged = (
        sqlite_utils.Database(db)
        .execute("select count(*) from event_mentions where date_conflict = 1")
        .fetchone()
    )
    assert flagged == (1,)


def test_shared_corpus_bombing_reported_again(shared: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    rasc = "003_cb95fb6304e4a454.txt"
    (corpus / rasc).write_bytes((shared / "corpus" / rasc).read_bytes())
    write(
        corpus,
        again="""---
published: 2024-12-12
---
The Islamic State group said on Thursday that its fighter carried out the Dec. 11 suicide
attack that killed a Taliban minister in Kabul.
""",
    )
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    rows = [e for e in attacks(db) if e["start"] == "2024-12-11"]
    assert len(rows) == 1
    assert rows[0]["sources"] == 2


def curate(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_curation_survives_an_extractor_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write(tmp_path / "c", first=FIRST, other=OTHER)
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    herat = next(e for e in attacks(db) if e["location"] == "Herat")
    rules = curate(
        tmp_path / "curation.yml",
        f"""
corrections:
  - event: {herat["id"]}
    start: 2024-12-10
    title: Checkpoint attack in Herat
    note: the report of a day later
""",
    )
    build([corpus], db, not_after=AS_OF, curation=load_curation(rules))
    attack = next(e for e in extractors() if e.event_type == "attack")
    monkeypatch.setattr(attack, "version", "99")
    report = build([corpus], db, not_after=AS_OF, curation=load_curation(rules))
    assert report.documents == 2, "a new extractor version analyses every document again"
    event = next(e for e in attacks(db) if e["id"] == herat["id"])
    assert (event["start"], event["title"], event["date_basis"]) == (
        "2024-12-10",
        "Checkpoint attack in Herat",
        "curated",
    )
    assert json.loads(str(event["curated"]))["start"] == "corrections[0]"
    log = list(sqlite_utils.Database(db)["curation_log"].rows)
    assert [(r["rule"], r["status"]) for r in log] == [("corrections[0]", "corrected")]


def test_suppress_merge_add_and_orphans(tmp_path: Path) -> None:
    corpus = write(tmp_path / "c", first=FIRST, other=OTHER)
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    kabul, herat = sorted(attacks(db), key=lambda e: str(e["location"]))[::-1]
    rules = curate(
        tmp_path / "curation.yml",
        f"""
suppress:
  - event: {herat["id"]}
add:
  - id: manual-1
    type: meeting
    start: 2024-W50
    title: Security council session on Kabul
    actors: [Islamic State]
    location: Kabul
    document: first.md
    evidence: Officials met during the week to discuss the bombing.
merge:
  - events: [{kabul["id"]}, nothere1234567890]
""",
    )
    report = build([corpus], db, not_after=AS_OF, curation=load_curation(rules))
    assert [e["location"] for e in attacks(db)] == ["Kabul"]
    added = sqlite_utils.Database(db)["events"].get("manual-1")
    assert (added["start"], added["precision"], added["origin"]) == ("2024-W50", "week", "curated")
    assert added["start_date"] == "2024-12-09" and added["end_date"] == "2024-12-15"
    assert report.curation_problems == [f"{rules}: merge[0]: no event or mention nothere1234567890"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("corrections: [{start: 2024}]", "lacks 'event'"),
        ("corrections: [{event: x, colour: red}]", "unknown field 'colour'"),
        ("merge: [{events: [a]}]", "two or more"),
        ("add: [{type: meeting, title: x}]", "needs a start date"),
        ("corrections: [{event: x, start: yesterday}]", "not an ISO 8601 date"),
        ("extras: []", "sections"),
        ("corrections: {event: x}", "list of rules"),
        ("corrections: [x", "broken YAML"),
    ],
)
def test_bad_curation_files(tmp_path: Path, text: str, message: str) -> None:
    path = curate(tmp_path / "curation.yml", text)
    with pytest.raises(SourceError, match=message):
        load_curation(path)


COARSE = {
    "a": "---\npublished: 2025-08-01\n---\nSCO foreign ministers met in Tashkent in July 2025.\n",
    "b": "---\npublished: 2025-08-02\n---\nSCO foreign ministers met in Tashkent in July 2025.\n"
    "Officials said it went well.\n",
    "c": "---\npublished: 2025-08-03\n---\nSCO defence ministers met in Astana in July 2025.\n",
    "d": "---\npublished: 2026-01-03\n---\nSCO leaders met in Tashkent in 2025.\n",
    "e": "---\npublished: 2025-07-20\n---\nSCO envoys met in Tashkent on Monday, July 14.\n",
}


def test_coarse_dates_join_only_the_same_date_and_place(tmp_path: Path) -> None:
    corpus = write(tmp_path / "c", **COARSE)
    db = tmp_path / "t.db"
    build([corpus], db, not_after=AS_OF)
    rows = sqlite_utils.Database(db).query(
        "select start, location, sources from events where event_type = 'meeting' order by 1, 2"
    )
    assert [(r["start"], r["location"], r["sources"]) for r in rows] == [
        ("2025", "Tashkent", 1),
        ("2025-07", "Astana", 1),
        ("2025-07", "Tashkent", 2),
        ("2025-07-14", "Tashkent", 1),
    ]
