"""A small timeline database written by hand, and a Datasette serving it with the project's
metadata, configuration and plugin, as `timeline serve` would."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import sqlite_utils
from datasette.app import Datasette

from timeline.facet_counts import refresh_facet_counts
from timeline.schema import ensure_schema
from timeline.serve import (
    DEFAULT_METADATA,
    datasette_metadata,
    ensure_plugin_registered,
    load_config,
)
from timeline.views import ensure_views

SCRIPT = "<script>alert(1)</script>"

DOCUMENTS = [
    {
        "id": "doc-kabul",
        "name": "russia-taliban-kabul.txt",
        "title": "Russian delegation holds talks with Taliban in Kabul",
        "source": "Example Wire",
        "url": "https://example.org/news/russia-taliban-kabul",
        "published": "2024-12-12",
        "published_date": "2024-12-12",
        "published_precision": "day",
        "published_basis": "dateline",
        "text": (
            "KABUL, 12 December 2024. A Russian delegation met Taliban officials in Kabul on "
            "11 December 2024 to discuss trade and security. Sergei Lavrov, Russia's foreign "
            "minister since 2004, said the sides would meet again."
        ),
    },
    {
        "id": "doc-tianjin",
        "name": "sco-tianjin-summit.txt",
        "title": "SCO leaders gather in Tianjin",
        "source": "Example Wire",
        "url": "javascript:alert(2)",
        "published": "2025-09-01",
        "published_date": "2025-09-01",
        "published_precision": "day",
        "published_basis": "dateline",
        "text": (
            "TIANJIN, 1 September 2025. The summit of the Shanghai Cooperation Organisation "
            f"opened in Tianjin on 31 August 2025 {SCRIPT} and closed on 1 September. "
            "Belarus took part as a full member for the first time, having joined the SCO on "
            "4 July 2024. Mongolia attended as an observer and Türkiye as a dialogue partner. "
            "The members agreed to hold joint counter-terrorism exercises in 2026."
        ),
    },
    {
        "id": "doc-dushanbe",
        "name": "csto-dushanbe.txt",
        "title": "CSTO defence ministers meet in Dushanbe",
        "source": "Example Daily",
        "url": "https://example.org/news/csto-dushanbe",
        "published": "2026-02-09",
        "published_date": "2026-02-09",
        "published_precision": "day",
        "published_basis": "metadata",
        "text": (
            "DUSHANBE, 9 February 2026. Defence ministers of the Collective Security Treaty "
            "Organization met in Dushanbe last week. In November 2025 the CSTO held joint "
            "exercises in Tajikistan near the Afghan border. On Tuesday, the Taliban's acting "
            "foreign minister Amir Khan Muttaqi held talks with Russian officials in Moscow. "
            "Kazakhstan, a CSTO member since 1994, recently called for closer ties with Kabul. "
            "The ministers said they had first met on 11 December, without saying in which year."
        ),
    },
]

ENTITIES = [
    ("russia", "Russia", "country", "RU", 55.7558, 37.6173, ["Russian Federation"]),
    ("taliban", "Taliban", "organisation", "AF", None, None, ["Islamic Emirate"]),
    ("sco", "SCO", "organisation", None, None, None, ["Shanghai Cooperation Organisation"]),
    ("csto", "CSTO", "organisation", None, None, None, ["Collective Security Treaty Organization"]),
    ("belarus", "Belarus", "country", "BY", 53.9, 27.5667, []),
    ("mongolia", "Mongolia", "country", "MN", 47.9184, 106.9177, []),
    ("turkiye", "Türkiye", "country", "TR", 39.9334, 32.8597, ["Turkey"]),
    ("kazakhstan", "Kazakhstan", "country", "KZ", 51.1694, 71.4491, []),
    ("tajikistan", "Tajikistan", "country", "TJ", 38.861, 71.2761, []),
    ("afghanistan", "Afghanistan", "country", "AF", 33.9391, 67.71, []),
    ("kabul", "Kabul", "place", "AF", 34.5553, 69.2075, []),
    ("tianjin", "Tianjin", "place", "CN", 39.1422, 117.1767, []),
    ("dushanbe", "Dushanbe", "place", "TJ", 38.5598, 68.787, []),
    ("moscow", "Moscow", "place", "RU", 55.7558, 37.6173, []),
    ("lavrov", "Sergei Lavrov", "person", "RU", None, None, ["Lavrov"]),
    ("muttaqi", "Amir Khan Muttaqi", "person", "AF", None, None, ["Muttaqi"]),
]

# (id, document, evidence, type, title, start, end, start_date, end_date, precision, basis,
#  date_text, actors, places)
EVENTS = [
    (
        "ev-kabul-talks",
        "doc-kabul",
        "A Russian delegation met Taliban officials in Kabul on 11 December 2024 to discuss "
        "trade and security.",
        "meeting",
        "Russian delegation meets Taliban officials in Kabul",
        "2024-12-11",
        "",
        "2024-12-11",
        "2024-12-11",
        "day",
        "explicit",
        "11 December 2024",
        ["Russia", "Taliban"],
        ["kabul"],
    ),
    (
        "ev-sco-summit",
        "doc-tianjin",
        "The summit of the Shanghai Cooperation Organisation opened in Tianjin on "
        f"31 August 2025 {SCRIPT} and closed on 1 September.",
        "summit",
        "SCO summit in Tianjin",
        "2025-08-31",
        "2025-09-01",
        "2025-08-31",
        "2025-09-01",
        "day",
        "explicit",
        "31 August 2025 ... 1 September",
        ["SCO", "Russia", "Belarus"],
        ["tianjin"],
    ),
    (
        "ev-sco-exercises",
        "doc-tianjin",
        "The members agreed to hold joint counter-terrorism exercises in 2026.",
        "exercise",
        "SCO counter-terrorism exercises planned",
        "2026",
        "",
        "2026-01-01",
        "2026-12-31",
        "year",
        "explicit",
        "in 2026",
        ["SCO"],
        [],
    ),
    (
        "ev-csto-ministers",
        "doc-dushanbe",
        "Defence ministers of the Collective Security Treaty Organization met in Dushanbe "
        "last week.",
        "meeting",
        "CSTO defence ministers meet in Dushanbe",
        "2026-W06",
        "",
        "2026-02-02",
        "2026-02-08",
        "week",
        "relative",
        "last week",
        ["CSTO"],
        ["dushanbe"],
    ),
    (
        "ev-csto-exercises",
        "doc-dushanbe",
        "In November 2025 the CSTO held joint exercises in Tajikistan near the Afghan border.",
        "exercise",
        "CSTO exercises in Tajikistan",
        "2025-11",
        "",
        "2025-11-01",
        "2025-11-30",
        "month",
        "explicit",
        "In November 2025",
        ["CSTO"],
        ["tajikistan"],
    ),
    (
        "ev-muttaqi-moscow",
        "doc-dushanbe",
        "On Tuesday, the Taliban's acting foreign minister Amir Khan Muttaqi held talks with "
        "Russian officials in Moscow.",
        "meeting",
        "Muttaqi holds talks in Moscow",
        "2026-02-03",
        "",
        "2026-02-03",
        "2026-02-03",
        "day",
        "weekday",
        "On Tuesday",
        ["Taliban", "Amir Khan Muttaqi", "Russia"],
        ["moscow"],
    ),
    (
        "ev-kazakhstan-call",
        "doc-dushanbe",
        "Kazakhstan, a CSTO member since 1994, recently called for closer ties with Kabul.",
        "statement",
        "Kazakhstan calls for closer ties with Kabul",
        None,
        "",
        None,
        None,
        None,
        "unresolved",
        "recently",
        ["Kazakhstan"],
        ["kabul"],
    ),
    (
        "ev-first-meeting",
        "doc-dushanbe",
        "The ministers said they had first met on 11 December, without saying in which year.",
        "meeting",
        "CSTO ministers' first meeting",
        "XXXX-12-11",
        "",
        None,
        None,
        "day",
        "unresolved",
        "11 December",
        ["CSTO"],
        [],
    ),
]

# (id, document, relation, subject, object, role, of, valid_from, evidence)
FACTS = [
    (
        "fact-lavrov",
        "doc-kabul",
        "holds_role",
        "lavrov",
        None,
        "foreign minister",
        "russia",
        "2004",
        "Sergei Lavrov, Russia's foreign minister since 2004, said the sides would meet again.",
    ),
    (
        "fact-belarus-sco",
        "doc-tianjin",
        "member_of",
        "belarus",
        "sco",
        None,
        None,
        "2024-07-04",
        "Belarus took part as a full member for the first time, having joined "
        "the SCO on 4 July 2024.",
    ),
    (
        "fact-mongolia-sco",
        "doc-tianjin",
        "observer_of",
        "mongolia",
        "sco",
        None,
        None,
        None,
        "Mongolia attended as an observer and Türkiye as a dialogue partner.",
    ),
    (
        "fact-turkiye-sco",
        "doc-tianjin",
        "dialogue_partner_of",
        "turkiye",
        "sco",
        None,
        None,
        None,
        "Mongolia attended as an observer and Türkiye as a dialogue partner.",
    ),
    (
        "fact-kazakhstan-csto",
        "doc-dushanbe",
        "member_of",
        "kazakhstan",
        "csto",
        None,
        None,
        "1994",
        "Kazakhstan, a CSTO member since 1994, recently called for closer ties with Kabul.",
    ),
    (
        "fact-muttaqi",
        "doc-dushanbe",
        "holds_role",
        "muttaqi",
        None,
        "acting foreign minister",
        "afghanistan",
        None,
        "On Tuesday, the Taliban's acting foreign minister Amir Khan Muttaqi held talks with "
        "Russian officials in Moscow.",
    ),
]


def _sentences(document_id: str, text: str) -> list[dict[str, Any]]:
    rows = []
    for position, match in enumerate(re.finditer(r"[^.]+?\.(?=\s|$)", text)):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        rows.append(
            {
                "id": f"{document_id}:s{position}",
                "document_id": document_id,
                "position": position,
                "start_char": start,
                "end_char": match.end(),
                "text": text[start : match.end()],
            }
        )
    return rows


def build_database(path: Path) -> None:
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    ensure_views(db)
    texts = {}
    sentences: list[dict[str, Any]] = []
    for document in DOCUMENTS:
        texts[document["id"]] = document["text"]
        sentences += _sentences(document["id"], document["text"])
        db["documents"].insert(
            {**document, "path": f"samples/{document['name']}", "characters": len(document["text"])}
        )
    db["sentences"].insert_all(sentences)
    names = {}
    for entity_id, name, kind, country, latitude, longitude, aliases in ENTITIES:
        names[name] = entity_id
        db["entities"].insert(
            {
                "id": entity_id,
                "name": name,
                "kind": kind,
                "country": country,
                "latitude": latitude,
                "longitude": longitude,
                "aliases": json.dumps(aliases),
            }
        )
    place_names = {entity[0]: entity[1] for entity in ENTITIES}

    def sentence_of(document_id: str, start: int) -> str:
        return next(
            s["id"]
            for s in sentences
            if s["document_id"] == document_id and s["start_char"] <= start < s["end_char"]
        )

    for (
        event_id,
        document_id,
        evidence,
        event_type,
        title,
        start,
        end,
        start_date,
        end_date,
        precision,
        basis,
        date_text,
        actors,
        places,
    ) in EVENTS:
        offset = texts[document_id].index(evidence)
        place_labels = [place_names[place] for place in places]
        db["events"].insert(
            {
                "id": event_id,
                "document_id": document_id,
                "sentence_id": sentence_of(document_id, offset),
                "event_type": event_type,
                "title": title,
                "start": start,
                "end": end,
                "start_date": start_date,
                "end_date": end_date,
                "year": int(start_date[:4]) if start_date else None,
                "month": start_date[:7] if start_date and precision != "year" else None,
                "precision": precision,
                "date_basis": basis,
                "date_text": date_text,
                "actors": json.dumps(actors, ensure_ascii=False),
                "location": place_labels[0] if place_labels else None,
                "places": json.dumps(place_labels, ensure_ascii=False),
                "evidence": evidence,
                "evidence_start": offset,
                "evidence_end": offset + len(evidence),
                "extractor": "fixture",
                "extractor_version": "1",
                "confidence": 0.9,
            }
        )
        for actor in actors:
            db["event_actors"].insert(
                {"event_id": event_id, "entity_id": names[actor], "role": "participant"}
            )
        for place in places:
            db["event_places"].insert({"event_id": event_id, "entity_id": place, "role": "venue"})
    for (
        fact_id,
        document_id,
        relation,
        subject,
        obj,
        role,
        of,
        valid_from,
        evidence,
    ) in FACTS:
        offset = texts[document_id].index(evidence)
        db["facts"].insert(
            {
                "id": fact_id,
                "document_id": document_id,
                "sentence_id": sentence_of(document_id, offset),
                "relation": relation,
                "subject_id": subject,
                "object_id": obj,
                "role": role,
                "of_id": of,
                "valid_from": valid_from,
                "evidence": evidence,
                "extractor": "fixture",
            }
        )
    # As a build does: the events page's default facets read these counts.
    refresh_facet_counts(db)
    db.close()


def make_datasette(path: Path) -> Datasette:
    ensure_plugin_registered()
    config = load_config()
    return Datasette(
        [],
        immutables=[str(path)],
        metadata=datasette_metadata(DEFAULT_METADATA, path.stem, plugins=config["plugins"]),
        settings=config["settings"],
    )


Fetch = Callable[..., httpx.Response]
