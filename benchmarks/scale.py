"""Scale benchmark: build speed and memory on synthetic corpora, and Datasette latency at 1M events.

Run from the repository root::

    python benchmarks/scale.py                        # 1k and 10k documents, 1M events
    python benchmarks/scale.py --sizes 1000,10000,100000 --jobs 2
    python benchmarks/scale.py --sizes 200 --events 20000 --runs 3 --json > scale.json
    python benchmarks/scale.py --no-build --workdir /tmp/scale   # Datasette only, DB kept

Three sections, each printed as a table:

* build: a synthetic corpus (templated articles about meetings, attacks, appointments,
  vaccination campaigns, arrivals, memberships, reports and flights in Afghanistan and
  Central Asia, seeded so every run writes the same files) is built with
  ``timeline.build.build`` in a fresh ``python`` process per size and job count, so the peak
  RSS read from ``getrusage`` belongs to that one build;
* peer: ``dateparser.search.search_dates`` on an evenly spaced subsample of the same
  articles, next to our ``tag`` and ``analyse`` on the same subsample in this process.
  Machines are noisy, so the speed *ratios* are what to compare between runs; and both
  on one document of 1, 8 and 64 articles joined, where MB/s must not fall as it grows;
* datasette: a database with the real schema and views holding ``--events`` synthetic
  events is served the way ``timeline serve`` serves it (immutable, inspect counts,
  metadata.yml, datasette.yml settings, the timeline plugin) through ``Datasette.client``,
  and pages and canned queries are timed against the target of 200 ms for the facet page.
  When the facet page misses the target, each facet's SQL is timed on its own and variants
  (fewer default facets, ANALYZE, extra indexes) are measured on the throwaway database.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, redirect_stderr
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlencode

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

DEFAULT_SIZES = (1000, 10000)
DEFAULT_EVENTS = 1_000_000
DEFAULT_SEED = 20250611
REAL_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_RUNS = 10
PEER_SAMPLE = 200
TARGET_MS = 200.0
#: The latest day an article may speak of, fixed so weekday dates resolve the same every run.
NOT_AFTER = date(2026, 12, 31)
FIRST_PUBLISHED = date(2019, 1, 1)
LAST_PUBLISHED = date(2026, 6, 30)
#: Files per sub-folder of a corpus: 100k files in one folder slows every tool that lists it.
SHARD = 1000
#: Rows per executemany when filling the Datasette database.
BATCH = 20_000
MB = 1_000_000
DB_NAME = "scale"
PEER = "dateparser"
OURS = "timeline"

# --------------------------------------------------------------------------------------------
# Vocabulary. Real organisations, countries and places so the entity linker finds them;
# invented people, so no result depends on who really held which office.

ORGS: dict[str, tuple[str, str]] = {
    # short form: (full name, entity id)
    "CSTO": ("Collective Security Treaty Organization", "org:csto"),
    "SCO": ("Shanghai Cooperation Organisation", "org:sco"),
    "UN": ("United Nations", "org:un"),
    "CIS": ("Commonwealth of Independent States", "org:cis"),
    "ECO": ("Economic Cooperation Organization", "org:eco"),
    "OIC": ("Organisation of Islamic Cooperation", "org:oic"),
    "EAEU": ("Eurasian Economic Union", "org:eaeu"),
}
AGENCIES: dict[str, str] = {
    "World Health Organization": "org:who",
    "UNICEF": "org:unicef",
    "UNHCR": "org:unhcr",
    "World Food Programme": "org:wfp",
    "International Organization for Migration": "org:iom",
    "United Nations Development Programme": "org:undp",
}
MINISTRIES = (
    "Ministry of Public Health",
    "Ministry of Foreign Affairs",
    "Ministry of Interior",
    "Ministry of Defence",
    "Ministry of Refugees and Repatriation",
    "Ministry of Transport and Civil Aviation",
)
PORTFOLIOS = ("refugees and repatriation", "public health", "mines and petroleum", "education")
COUNTRIES: dict[str, str] = {
    "Kazakhstan": "KZ",
    "Kyrgyzstan": "KG",
    "Tajikistan": "TJ",
    "Uzbekistan": "UZ",
    "Turkmenistan": "TM",
    "Russia": "RU",
    "China": "CN",
    "Iran": "IR",
    "Pakistan": "PK",
    "India": "IN",
    "Turkey": "TR",
    "Qatar": "QA",
}
CAPITALS: dict[str, tuple[float, float]] = {
    "Astana": (51.18, 71.45),
    "Almaty": (43.25, 76.92),
    "Bishkek": (42.87, 74.59),
    "Dushanbe": (38.54, 68.78),
    "Tashkent": (41.26, 69.22),
    "Ashgabat": (37.95, 58.38),
    "Moscow": (55.75, 37.62),
    "Tehran": (35.69, 51.42),
    "Islamabad": (33.72, 73.04),
}
AFGHAN_CITIES: dict[str, tuple[float, float]] = {
    "Kabul": (34.53, 69.17),
    "Herat": (34.35, 62.20),
    "Kandahar": (31.61, 65.71),
    "Mazar-i-Sharif": (36.71, 67.11),
    "Jalalabad": (34.43, 70.45),
    "Kunduz": (36.73, 68.86),
    "Ghazni": (33.55, 68.42),
}
PROVINCES: dict[str, tuple[float, float]] = {
    "Badakhshan": (37.12, 70.58),
    "Badghis": (34.98, 63.13),
    "Baghlan": (36.13, 68.70),
    "Balkh": (36.71, 67.11),
    "Bamyan": (34.82, 67.83),
    "Farah": (32.37, 62.11),
    "Faryab": (35.92, 64.78),
    "Ghor": (34.52, 65.25),
    "Helmand": (31.59, 64.37),
    "Jowzjan": (36.67, 65.75),
    "Khost": (33.34, 69.92),
    "Kunar": (34.85, 71.10),
    "Laghman": (34.67, 70.21),
    "Logar": (33.98, 69.02),
    "Nangarhar": (34.43, 70.45),
    "Nuristan": (35.32, 70.91),
    "Paktia": (33.60, 69.22),
    "Paktika": (33.13, 68.81),
    "Parwan": (35.01, 69.17),
    "Takhar": (36.74, 69.53),
    "Uruzgan": (32.63, 65.88),
    "Zabul": (32.11, 67.13),
}
PLACE_COUNTRY: dict[str, str] = {
    **{name: "AF" for name in (*AFGHAN_CITIES, *PROVINCES)},
    "Astana": "KZ", "Almaty": "KZ", "Bishkek": "KG", "Dushanbe": "TJ", "Tashkent": "UZ",
    "Ashgabat": "TM", "Moscow": "RU", "Tehran": "IR", "Islamabad": "PK",
}  # fmt: skip
FIRST_NAMES = (
    "Farid", "Nasrin", "Aibek", "Dilnoza", "Rustam", "Gulnara", "Habib", "Zarina",
    "Timur", "Sherzod", "Malika", "Yusuf", "Parwana", "Askar", "Madina", "Omid",
)  # fmt: skip
LAST_NAMES = (
    "Noorzai", "Sultanov", "Karimova", "Rahimzada", "Abenov", "Tursunov", "Safi",
    "Ergashev", "Nazarova", "Wardak", "Osmonov", "Jalili", "Akhmetov", "Qaderi",
)  # fmt: skip
TITLES = (
    "Deputy Foreign Minister", "Foreign Minister", "Health Minister", "Ambassador",
    "Special Envoy", "Governor", "Interior Minister",
)  # fmt: skip
TOPICS = (
    "border security", "rail freight", "water sharing on the Amu Darya",
    "counter-narcotics cooperation", "the humanitarian situation", "electricity imports",
    "trade through the Termez corridor", "the return of refugees",
)  # fmt: skip
ISSUES = (
    "food insecurity was rising in the north",
    "immunisation coverage had fallen since 2021",
    "returnees lacked shelter before winter",
    "drought had cut the wheat harvest",
)
PROJECTS = ("a new hospital", "the power line", "a water project", "flood defences", "a school")
AIRLINES = ("Kam Air", "Ariana Afghan Airlines", "Uzbekistan Airways", "Somon Air")
SOURCES = ("Sample Wire", "Steppe Courier", "Hindu Kush Herald", "Silk Road Daily", "Oxus News")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# AP style, as wire copy abbreviates them.
MONTHS_AP = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip

# (event type, template). {date} is a date phrase; {Date} the same phrase opening a sentence.
# The event types are the extractors' (timeline/extractors/triggers.yml).
EVENT_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("meeting", "Foreign ministers of the {org_full} met in {capital} {date} to discuss {topic}."),
    (
        "meeting",
        "{title} {person} held talks with {country}'s {title2} {person2} in {capital} {date}.",
    ),
    (
        "meeting",
        "{Date}, delegations from Afghanistan and {country} met in {city} and agreed to "
        "keep talking about {topic}.",
    ),
    (
        "attack",
        "A roadside bomb struck a police vehicle in {province} province {date}, killing "
        "{n} officers, local officials said.",
    ),
    (
        "attack",
        "Gunmen attacked a checkpoint on the outskirts of {city} {date} and wounded {n} "
        "people, the {ministry} said.",
    ),
    (
        "attack",
        "At least {n} worshippers were killed when a suicide bomber targeted a mosque in "
        "{province} {date}.",
    ),
    (
        "appointment",
        "The Taliban's supreme leader appointed {person} as acting minister of {portfolio} "
        "{date}, a government spokesman said.",
    ),
    ("appointment", "The {org} named {person} as its special envoy for Afghanistan {date}."),
    (
        "vaccination-campaign",
        "A polio vaccination campaign began in {province} {date} and aims to reach {big} "
        "children, the {agency} said.",
    ),
    (
        "vaccination-campaign",
        "Health workers launched a measles immunisation drive in {n} districts of {province} "
        "{date}.",
    ),
    ("arrival", "{country}'s new ambassador to Afghanistan, {person}, arrived in Kabul {date}."),
    (
        "arrival",
        "A delegation of the {org_full} arrived in {city} {date} for talks on {topic}.",
    ),
    ("membership", "{country} became a full member of the {org_full} {date}."),
    (
        "membership",
        "{country} joined the {org_full} as an observer {date}, the bloc's secretariat said.",
    ),
    ("report", "The {agency} published a report {date} warning that {issue}."),
    (
        "report",
        "According to a report released by the {agency} {date}, {big} Afghans returned "
        "from Iran and Pakistan.",
    ),
    (
        "flight",
        "{airline} resumed direct flights between Kabul and {capital} {date} after a pause "
        "of {n} months.",
    ),
    (
        "flight",
        "{airline} launched a second weekly flight from {city} to {capital} {date}, the "
        "airline said.",
    ),
    ("agreement", "Afghanistan and {country} signed a memorandum on {topic} in {capital} {date}."),
    ("visit", "{title} {person} visited {province} province {date} to inspect {project}."),
)
FILLER_TEMPLATES = (
    "Officials did not give further details.",
    "The talks were described as constructive by both sides.",
    "{person}, a spokesman for the {ministry}, declined to comment.",
    "Residents said {topic} remained their main concern.",
    "The {org} has {n} member states.",
)
HEADLINES = {
    "meeting": "Talks in {capital} on {topic}",
    "attack": "Violence in {province}",
    "appointment": "{person} appointed",
    "vaccination-campaign": "Vaccination drive in {province}",
    "arrival": "Delegation arrives in {city}",
    "membership": "{country} and the {org}",
    "report": "{agency} report on Afghanistan",
    "flight": "{airline} adds flights to {capital}",
    "agreement": "Afghanistan and {country} sign memorandum",
    "visit": "{person} visits {province}",
}
LABELS = {event_type: event_type.replace("-", " ").capitalize() for event_type in HEADLINES}
#: Fields whose value names an actor or a place of the event, for the synthetic database.
ACTOR_FIELDS = ("org", "org_full", "agency", "country", "person", "person2", "airline")
PLACE_FIELDS = ("capital", "city", "province")


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


# Parsed once: rendering a million sentences should not parse a million format strings.
_TEMPLATE_FIELDS = {t: _fields(t) for _, t in EVENT_TEMPLATES}
_TEMPLATE_FIELDS.update({t: _fields(t) for t in (*FILLER_TEMPLATES, *HEADLINES.values())})


@dataclass(frozen=True)
class DatePhrase:
    """A date as an article words it, with what it means (for the synthetic events table)."""

    text: str
    start: str | None  # ISO at its precision: 2025-03-05, 2025-W10, 2025-03, 2025
    start_date: date | None
    end_date: date | None
    precision: str
    basis: str


def _day(text: str, day: date, basis: str) -> DatePhrase:
    return DatePhrase(text, day.isoformat(), day, day, "day", basis)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _month(text: str, day: date, basis: str) -> DatePhrase:
    first = day.replace(day=1)
    return DatePhrase(text, first.isoformat()[:7], first, _month_end(first), "month", basis)


def date_phrase(rng: random.Random, published: date) -> DatePhrase:
    """A date before ``published`` in one of the forms news copy uses."""
    form = rng.randrange(13)
    if form == 0:  # on Monday
        day = published - timedelta(days=rng.randint(1, 6))
        return _day(f"on {WEEKDAYS[day.weekday()]}", day, "weekday")
    if form == 1:  # on Dec. 11
        day = published - timedelta(days=rng.randint(7, 80))
        return _day(f"on {MONTHS_AP[day.month - 1]} {day.day}", day, "year-inferred")
    if form == 2:  # on Wednesday, March 5
        day = published - timedelta(days=rng.randint(1, 40))
        text = f"on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
        return _day(text, day, "weekday-year")
    if form == 3:  # on March 5, 2024
        day = published - timedelta(days=rng.randint(20, 900))
        return _day(f"on {MONTHS[day.month - 1]} {day.day}, {day.year}", day, "explicit")
    if form == 4:  # on 5 March 2024
        day = published - timedelta(days=rng.randint(20, 900))
        return _day(f"on {day.day} {MONTHS[day.month - 1]} {day.year}", day, "explicit")
    if form == 5:  # in July 2024
        day = published - timedelta(days=rng.randint(35, 720))
        return _month(f"in {MONTHS[day.month - 1]} {day.year}", day, "explicit")
    if form == 6:  # in July
        day = published - timedelta(days=rng.randint(35, 300))
        return _month(f"in {MONTHS[day.month - 1]}", day, "year-inferred")
    if form == 7:  # last week
        monday = published - timedelta(days=published.weekday() + 7)
        year, week, _ = monday.isocalendar()
        start = f"{year}-W{week:02d}"
        return DatePhrase(
            "last week", start, monday, monday + timedelta(days=6), "week", "relative"
        )
    if form == 8:
        return _month("earlier this month", published, "relative")
    if form == 9:
        return _month("last month", published.replace(day=1) - timedelta(days=1), "relative")
    if form == 10:  # in 2023
        year = published.year - rng.randint(1, 6)
        return DatePhrase(
            f"in {year}", str(year), date(year, 1, 1), date(year, 12, 31), "year", "explicit"
        )
    if form == 11:
        return _day("yesterday", published - timedelta(days=1), "relative")
    year = published.year
    return DatePhrase(
        "earlier this year", str(year), date(year, 1, 1), date(year, 12, 31), "year", "relative"
    )


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


_CHOOSERS: dict[str, Callable[[random.Random], str]] = {
    "org": lambda rng: rng.choice(tuple(ORGS)),
    "agency": lambda rng: rng.choice(tuple(AGENCIES)),
    "ministry": lambda rng: rng.choice(MINISTRIES),
    "portfolio": lambda rng: rng.choice(PORTFOLIOS),
    "country": lambda rng: rng.choice(tuple(COUNTRIES)),
    "capital": lambda rng: rng.choice(tuple(CAPITALS)),
    "city": lambda rng: rng.choice(tuple(AFGHAN_CITIES)),
    "province": lambda rng: rng.choice(tuple(PROVINCES)),
    "person": _person,
    "person2": _person,
    "title": lambda rng: rng.choice(TITLES),
    "title2": lambda rng: rng.choice(TITLES),
    "topic": lambda rng: rng.choice(TOPICS),
    "issue": lambda rng: rng.choice(ISSUES),
    "project": lambda rng: rng.choice(PROJECTS),
    "airline": lambda rng: rng.choice(AIRLINES),
    "n": lambda rng: str(rng.randint(2, 30)),
    "big": lambda rng: f"{rng.randint(1, 40) * 50_000:,}",
}


@dataclass(frozen=True)
class Sentence:
    """One rendered sentence and what it is about."""

    text: str
    event_type: str | None
    date: DatePhrase | None
    values: dict[str, str]


def render(
    template: str, rng: random.Random, published: date, event_type: str | None = None
) -> Sentence:
    values: dict[str, str] = {}
    phrase: DatePhrase | None = None
    for name in _TEMPLATE_FIELDS[template]:
        if name in values:
            continue
        if name in ("date", "Date"):
            phrase = phrase or date_phrase(rng, published)
            values["date"] = phrase.text
            values["Date"] = phrase.text[:1].upper() + phrase.text[1:]
        elif name == "org_full":
            short = values.get("org") or _CHOOSERS["org"](rng)
            values["org"], values["org_full"] = short, ORGS[short][0]
        else:
            values[name] = _CHOOSERS[name](rng)
    return Sentence(template.format(**values), event_type, phrase, values)


@dataclass(frozen=True)
class Article:
    title: str
    published: date
    source: str
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[int, ...]  # sentences per paragraph

    @property
    def body(self) -> str:
        blocks, at = [], 0
        for size in self.paragraphs:
            blocks.append(" ".join(s.text for s in self.sentences[at : at + size]))
            at += size
        return "\n\n".join(blocks)

    def markdown(self) -> str:
        return (
            f"---\ntitle: {json.dumps(self.title)}\npublished: {self.published.isoformat()}\n"
            f"source: {self.source}\n---\n{self.body}\n"
        )


def article(seed: int, number: int) -> Article:
    """Article ``number`` of the corpus: the same whatever the corpus size, so 1k is in 10k."""
    rng = random.Random(seed * 1_000_003 + number)
    published = FIRST_PUBLISHED + timedelta(
        days=rng.randrange((LAST_PUBLISHED - FIRST_PUBLISHED).days + 1)
    )
    count = rng.randint(3, 8)
    fillers = rng.randint(0, min(2, count - 2))
    sentences: list[Sentence] = []
    for _ in range(count - fillers):
        event_type, template = rng.choice(EVENT_TEMPLATES)
        sentences.append(render(template, rng, published, event_type))
    for _ in range(fillers):
        # After the lead, never before it: the lead sentence carries the story.
        sentences.insert(
            rng.randint(1, len(sentences)), render(rng.choice(FILLER_TEMPLATES), rng, published)
        )
    lead = sentences[0]
    assert lead.event_type is not None
    headline = HEADLINES[lead.event_type]
    fill = {name: lead.values.get(name) or _CHOOSERS[name](rng) for name in _fields(headline)}
    paragraphs: list[int] = []
    left = len(sentences)
    while left:
        size = min(left, rng.randint(1, 2))
        paragraphs.append(size)
        left -= size
    return Article(
        headline.format(**fill), published, rng.choice(SOURCES), tuple(sentences), tuple(paragraphs)
    )


@dataclass(frozen=True)
class Corpus:
    directory: Path
    documents: int
    text_bytes: int  # article bodies, UTF-8, without front matter
    file_bytes: int


def write_corpus(directory: Path, size: int, seed: int) -> Corpus:
    """Write ``size`` articles as Markdown under ``directory``, in folders of SHARD files."""
    if directory.exists():
        shutil.rmtree(directory)
    text_bytes = file_bytes = 0
    for number in range(size):
        folder = directory / f"part-{number // SHARD:04d}"
        if number % SHARD == 0:
            folder.mkdir(parents=True)
        item = article(seed, number)
        content = item.markdown().encode("utf-8")
        (folder / f"article-{number:06d}.md").write_bytes(content)
        text_bytes += len(item.body.encode("utf-8"))
        file_bytes += len(content)
    return Corpus(directory, size, text_bytes, file_bytes)


# --------------------------------------------------------------------------------------------
# Build section

# Runs in a fresh interpreter per build, so ru_maxrss is this build's peak and nothing else's.
_BUILD_CHILD = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
from timeline.build import build
started = time.perf_counter()
report = build([Path(sys.argv[1])], Path(sys.argv[2]), jobs=int(sys.argv[3]),
               not_after=date.fromisoformat(sys.argv[4]))
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "documents": report.documents, "events": report.events, "facts": report.facts,
    "errors": len(report.errors), "seconds": seconds,
    "maxrss_self_kb": own.ru_maxrss, "maxrss_children_kb": children.ru_maxrss,
    "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
}))
"""


@dataclass(frozen=True)
class BuildRun:
    size: int
    jobs: int
    documents: int
    events: int
    facts: int
    errors: int
    text_mb: float
    seconds: float
    cpu_seconds: float
    docs_per_s: float
    mb_per_s: float
    mb_per_s_per_core: float
    peak_rss_mb: float  # the largest of the build process and its worker processes
    parent_rss_mb: float
    worker_rss_mb: float
    db_mb: float
    ratio_vs_peer: float | None = None  # our documents/s over dateparser's; above 1: faster


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def run_build(corpus: Corpus, db_path: Path, jobs: int) -> BuildRun:
    for stale in (db_path, db_path.with_name(db_path.name + "-journal")):
        stale.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_CHILD, str(corpus.directory), str(db_path), str(jobs),
         NOT_AFTER.isoformat()],
        cwd=REPO_ROOT, env=_child_env(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"build of {corpus.directory} failed:\n{done.stderr}")
    child = json.loads(done.stdout.strip().splitlines()[-1])
    seconds = max(child["seconds"], 1e-9)
    text_mb = corpus.text_bytes / MB
    cores = min(jobs, os.cpu_count() or 1)
    parent_mb = child["maxrss_self_kb"] / 1024  # Linux reports kilobytes
    worker_mb = child["maxrss_children_kb"] / 1024
    return BuildRun(
        size=corpus.documents,
        jobs=jobs,
        documents=child["documents"],
        events=child["events"],
        facts=child["facts"],
        errors=child["errors"],
        text_mb=text_mb,
        seconds=seconds,
        cpu_seconds=child["cpu_seconds"],
        docs_per_s=child["documents"] / seconds,
        mb_per_s=text_mb / seconds,
        mb_per_s_per_core=text_mb / seconds / cores,
        peak_rss_mb=max(parent_mb, worker_mb),
        parent_rss_mb=parent_mb,
        worker_rss_mb=worker_mb,
        db_mb=db_path.stat().st_size / MB if db_path.exists() else 0.0,
    )


@dataclass(frozen=True)
class PeerRun:
    corpus: str  # "1,000 synthetic" or the folder of real articles
    sample: int
    sample_mb: float
    peer_docs_per_s: float
    tag_docs_per_s: float
    analyse_docs_per_s: float
    analyse_mb_per_s: float
    peer_dates: int
    tag_timexes: int
    tag_ratio: float  # our tag() documents/s over dateparser's
    analyse_ratio: float  # our whole per-document pipeline over dateparser's date search


def _timed(function: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    found = function()
    return time.perf_counter() - started, found


def run_peer(seed: int, size: int, sample: int) -> PeerRun:
    """dateparser's search_dates, our tag() and our analyse() on a subsample of the corpus."""
    from timeline.sources import SourceDocument

    step = max(1, size // sample)
    articles = [article(seed, n) for n in range(0, size, step)][:sample]
    sources = [
        SourceDocument(f"a{n}.md", f"a{n}.md", a.body, a.title, a.published.isoformat(), a.source)
        for n, a in enumerate(articles)
    ]
    return compare_with_peer(f"{size:,} synthetic", sources, passes=1)


def run_real_peer(folder: Path, passes: int) -> PeerRun | None:
    """The same comparison on real articles (``../shared/corpus``), when they are there.

    Real news holds far fewer events per kilobyte than the synthetic articles, whose
    every sentence reports one; the figure shows what a build meets on real text."""
    from timeline.sources import read_documents

    if not folder.is_dir():
        return None
    paths = sorted(path for path in folder.iterdir() if path.suffix in (".txt", ".md"))
    sources = [doc for path in paths for doc in read_documents(path)]
    return compare_with_peer(str(folder), sources, passes) if sources else None


def compare_with_peer(label: str, sources: Sequence[Any], passes: int) -> PeerRun:
    """Time dateparser, tag() and analyse() on ``sources``, the fastest of ``passes`` each,
    taking turns so that a busy spell on the machine slows all three."""
    from dateparser.search import search_dates

    from timeline.pipeline import analyse
    from timeline.temporal import tag

    # Articles without a date are read against the latest day they may speak of.
    anchors = [date.fromisoformat(s.published) if s.published else NOT_AFTER for s in sources]

    def peer() -> int:
        found = 0
        for source, anchor in zip(sources, anchors, strict=True):
            base = datetime(anchor.year, anchor.month, anchor.day)
            hits = search_dates(
                source.text,
                languages=["en"],
                settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False},
            )
            found += len(hits or ())
        return found

    def ours_tag() -> int:
        return sum(
            len(tag(source.text, anchor, not_after=NOT_AFTER))
            for source, anchor in zip(sources, anchors, strict=True)
        )

    def ours_analyse() -> int:
        return sum(len(analyse(source, not_after=NOT_AFTER).events) for source in sources)

    # One-time costs (imports, vocabularies, compiled patterns) are not per-document speed.
    search_dates("on Monday, March 3, 2025", languages=["en"])
    analyse(sources[0], not_after=NOT_AFTER)
    seconds: dict[str, list[float]] = {"peer": [], "tag": [], "analyse": []}
    found: dict[str, int] = {}
    for _ in range(max(passes, 1)):
        for name, function in (("peer", peer), ("tag", ours_tag), ("analyse", ours_analyse)):
            elapsed, found[name] = _timed(function)
            seconds[name].append(elapsed)
    count = len(sources)
    rate = {name: count / max(min(times), 1e-9) for name, times in seconds.items()}
    sample_mb = sum(len(s.text.encode("utf-8")) for s in sources) / MB
    return PeerRun(
        corpus=label,
        sample=count,
        sample_mb=sample_mb,
        peer_docs_per_s=rate["peer"],
        tag_docs_per_s=rate["tag"],
        analyse_docs_per_s=rate["analyse"],
        analyse_mb_per_s=sample_mb / max(min(seconds["analyse"]), 1e-9),
        peer_dates=found["peer"],
        tag_timexes=found["tag"],
        tag_ratio=rate["tag"] / rate["peer"],
        analyse_ratio=rate["analyse"] / rate["peer"],
    )


@dataclass(frozen=True)
class LengthRun:
    articles: int  # synthetic articles joined into one document
    kb: float
    peer_mb_per_s: float
    analyse_mb_per_s: float
    ratio: float  # our analyse() MB/s over dateparser's search_dates MB/s


#: Articles joined into one document: throughput must not fall as a document grows.
DEFAULT_LENGTHS = (1, 8, 64)


def run_lengths(seed: int, lengths: Sequence[int], passes: int = 3) -> list[LengthRun]:
    """dateparser and ``analyse`` on one document made of each of ``lengths`` articles.

    A step that looks back to the start of the text for each mention costs time in
    proportion to the square of a document's length; this table shows it as MB/s
    falling along the rows."""
    from dateparser.search import search_dates

    from timeline.pipeline import analyse
    from timeline.sources import SourceDocument

    runs = []
    search_dates("on Monday, March 3, 2025", languages=["en"])
    for count in lengths:
        parts = [article(seed, n) for n in range(count)]
        body = "\n\n".join(part.body for part in parts)
        published = parts[0].published
        source = SourceDocument("long.md", "long.md", body, "long", published.isoformat(), None)
        base = datetime(published.year, published.month, published.day)
        settings = {"RELATIVE_BASE": base}
        peer_run = partial(search_dates, body, languages=["en"], settings=settings)
        our_run = partial(analyse, source, not_after=NOT_AFTER)
        our_run()
        peer, ours = [], []
        for _ in range(passes):
            peer.append(_timed(lambda run=peer_run: len(run() or ()))[0])
            ours.append(_timed(lambda run=our_run: len(run().events))[0])
        mb = len(body.encode("utf-8")) / MB
        peer_rate, our_rate = mb / max(min(peer), 1e-9), mb / max(min(ours), 1e-9)
        runs.append(LengthRun(count, mb * 1024, peer_rate, our_rate, our_rate / peer_rate))
    return runs


# --------------------------------------------------------------------------------------------
# Datasette section: the database


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _entities() -> tuple[list[tuple[Any, ...]], dict[str, str]]:
    """Entity rows (id, name, kind, country, latitude, longitude, aliases) and name -> id."""
    rows: list[tuple[Any, ...]] = []
    ids: dict[str, str] = {}

    def add(
        entity_id: str, name: str, kind: str, country: str | None = None,
        where: tuple[float, float] | None = None, aliases: Sequence[str] = (),
    ) -> None:  # fmt: skip
        latitude, longitude = where or (None, None)
        rows.append((entity_id, name, kind, country, latitude, longitude, json.dumps(aliases)))
        ids[name] = entity_id

    for short, (full, entity_id) in ORGS.items():
        add(entity_id, full, "organisation", aliases=[short])
        ids[short] = entity_id
    for name, entity_id in AGENCIES.items():
        add(entity_id, name, "organisation")
    for name in AIRLINES:
        add(f"org:{_slug(name)}", name, "organisation")
    for name, code in COUNTRIES.items():
        add(f"country:{code}", name, "country", code)
    add("country:AF", "Afghanistan", "country", "AF", aliases=["Islamic Republic of Afghanistan"])
    for places, country in ((CAPITALS, None), (AFGHAN_CITIES, "AF"), (PROVINCES, "AF")):
        for name, where in places.items():
            if name not in ids:
                add(f"place:{_slug(name)}", name, "place", country, where)
    for first in FIRST_NAMES:
        for last in LAST_NAMES:
            add(f"person:{_slug(first + ' ' + last)}", f"{first} {last}", "person")
    return rows, ids


def _hex_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}"


@dataclass
class _Rows:
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    places: list[tuple[Any, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.events)


_EVENT_COLUMNS = (
    "id", "document_id", "sentence_id", "event_type", "title", "start", "end", "start_date",
    "end_date", "year", "month", "precision", "date_basis", "date_text", "actors", "location",
    "places", "evidence", "evidence_start", "evidence_end", "extractor", "extractor_version",
    "confidence",
    # Columns a newer schema has; _insert leaves out those the table does not have.
    "country", "source", "sources", "mentions",
)  # fmt: skip
_DOCUMENT_COLUMNS = (
    "id", "name", "path", "title", "source", "published", "published_date", "published_start",
    "published_end", "published_precision", "published_basis", "text", "characters",
    "fingerprint",
)  # fmt: skip


def _named(values: Mapping[str, str], fields: Sequence[str]) -> list[str]:
    """The entity names a sentence's values give, in field order, once each, in full."""
    names = []
    for name in fields:
        value = values.get(name)
        if value is None or (name == "org" and "org_full" in values):
            continue
        names.append(ORGS[value][0] if name == "org" else value)
    return list(dict.fromkeys(names))


def _synthetic_rows(events: int, seed: int, ids: Mapping[str, str]) -> Iterator[_Rows]:
    """Documents with their events, actors and places, in batches of about BATCH events."""
    rng = random.Random(seed)
    batch = _Rows()
    made = number = 0
    while made < events:
        published = FIRST_PUBLISHED + timedelta(
            days=rng.randrange((LAST_PUBLISHED - FIRST_PUBLISHED).days + 1)
        )
        document_id = _hex_id(rng)
        source = rng.choice(SOURCES)
        sentences: list[str] = []
        offset = 0
        for position in range(min(rng.randint(2, 10), events - made)):
            event_type, template = rng.choice(EVENT_TEMPLATES)
            sentence = render(template, rng, published, event_type)
            phrase = sentence.date
            # A few events keep a date that could not be placed, as real extraction leaves.
            if phrase is not None and rng.random() < 0.04:
                phrase = DatePhrase(phrase.text, None, None, None, phrase.precision, "unresolved")
            actors = _named(sentence.values, ACTOR_FIELDS)
            places = _named(sentence.values, PLACE_FIELDS)
            location = places[0] if places else None
            event_id = _hex_id(rng)
            start_date = phrase.start_date if phrase else None
            title = f"{LABELS[event_type]}{f' in {location}' if location else ''}"
            if actors:
                title += ": " + ", ".join(actors[:2])
            batch.events.append((
                event_id, document_id, f"{document_id}:{position:04d}", event_type, title,
                phrase.start if phrase else None, None,
                start_date.isoformat() if start_date else None,
                phrase.end_date.isoformat() if phrase and phrase.end_date else None,
                start_date.year if start_date else None,
                start_date.isoformat()[:7]
                if start_date and phrase and phrase.precision in ("day", "week", "month") else None,
                phrase.precision if phrase else None, phrase.basis if phrase else "unresolved",
                phrase.text if phrase else None, json.dumps(actors), location, json.dumps(places),
                sentence.text, offset, offset + len(sentence.text), event_type, "1",
                round(rng.uniform(0.6, 0.95), 2), PLACE_COUNTRY.get(location or ""), source, 1, 1,
            ))  # fmt: skip
            for index, name in enumerate(actors):
                role = "agent" if index == 0 and event_type == "attack" else "participant"
                batch.actors.append((event_id, ids[name], role))
            for index, name in enumerate(places):
                batch.places.append((event_id, ids[name], "location" if index == 0 else "place"))
            sentences.append(sentence.text)
            offset += len(sentence.text) + 1
            made += 1
        text = " ".join(sentences)
        day = published.isoformat()
        batch.documents.append((
            document_id, f"article-{number:07d}.md", f"corpus/article-{number:07d}.md",
            f"Synthetic article {number}", source, day, day, day, day, "day",
            "metadata", text, len(text), _hex_id(rng),
        ))  # fmt: skip
        number += 1
        if len(batch) >= BATCH:
            yield batch
            batch = _Rows()
    if batch.events:
        yield batch


@dataclass(frozen=True)
class EventsDatabase:
    path: Path
    events: int
    documents: int
    seconds: float
    reused: bool


def _insert(connection: sqlite3.Connection, table: str, columns: Sequence[str],
            rows: list[tuple[Any, ...]]) -> None:  # fmt: skip
    # The schema is still growing: fill the columns this tree's table has, leave the rest.
    present = {row[1] for row in connection.execute(f'pragma table_info("{table}")')}
    keep = [i for i, column in enumerate(columns) if column in present]
    names = ", ".join(f'"{columns[i]}"' for i in keep)
    marks = ", ".join("?" for _ in keep)
    if len(keep) < len(columns):
        rows = [tuple(row[i] for i in keep) for row in rows]
    connection.executemany(f'insert into "{table}" ({names}) values ({marks})', rows)


def schema_digest() -> str:
    """A short hash of the schema this tree creates, so a kept database of another is rebuilt."""
    import hashlib

    import sqlite_utils

    from timeline.schema import ensure_schema

    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    sql = "\n".join(row[0] for row in db.execute("select sql from sqlite_master order by name")
                    if row[0])  # fmt: skip
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def make_events_db(path: Path, events: int, seed: int, *, reuse: bool = False) -> EventsDatabase:
    """A database with the real schema and views holding ``events`` synthetic events.

    Indexes and full-text triggers are dropped while rows go in and recreated from their own
    SQL afterwards (an index built once is far faster than one kept up row by row), so the
    file ends up with exactly the schema ``ensure_schema`` defines.
    """
    import sqlite_utils

    from timeline.schema import ensure_schema

    marker = path.with_suffix(".json")
    wanted = {"events": events, "seed": seed, "schema": schema_digest()}
    kept = json.loads(marker.read_text()) if marker.exists() else {}
    if reuse and path.exists() and kept.get("key") == wanted:
        return EventsDatabase(path, events, kept["documents"], 0.0, True)
    started = time.perf_counter()
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    try:
        from timeline.views import ensure_views
    except ImportError:  # an older tree without views: the tables alone are still measured
        pass
    else:
        ensure_views(db)
    db.close()
    connection = sqlite3.connect(path, isolation_level=None)
    # A throwaway file: nothing to lose if the machine dies mid-insert.
    connection.execute("pragma journal_mode = off")
    connection.execute("pragma synchronous = off")
    connection.execute("pragma cache_size = -200000")
    deferred = connection.execute(
        "select type, name, sql from sqlite_master where type in ('index', 'trigger') "
        "and sql is not null"
    ).fetchall()
    for kind, name, _ in deferred:
        connection.execute(f'drop {kind} "{name}"')
    entity_rows, ids = _entities()
    connection.execute("begin")
    entity_columns = ("id", "name", "kind", "country", "latitude", "longitude", "aliases")
    _insert(connection, "entities", entity_columns, entity_rows)
    documents = 0
    for rows in _synthetic_rows(events, seed, ids):
        _insert(connection, "documents", _DOCUMENT_COLUMNS, rows.documents)
        _insert(connection, "events", _EVENT_COLUMNS, rows.events)
        _insert(connection, "event_actors", ("event_id", "entity_id", "role"), rows.actors)
        _insert(connection, "event_places", ("event_id", "entity_id", "role"), rows.places)
        documents += len(rows.documents)
    connection.execute("commit")
    for _, _, sql in deferred:
        connection.execute(sql)
    fts_tables = [
        name
        for (name,) in connection.execute(
            "select name from sqlite_master where type = 'table' and name like '%\\_fts' "
            "escape '\\' and sql like 'create virtual table%'"
        )
    ]
    for name in fts_tables:
        connection.execute(f"insert into [{name}]([{name}]) values ('rebuild')")
    connection.close()
    try:
        from timeline.facet_counts import refresh_facet_counts
    except ImportError:  # an older tree: its events page counts every facet on each load
        pass
    else:
        counted = sqlite_utils.Database(path)
        refresh_facet_counts(counted)
        counted.close()
    seconds = time.perf_counter() - started
    marker.write_text(json.dumps({"key": wanted, "documents": documents}))
    return EventsDatabase(path, events, documents, seconds, False)


# --------------------------------------------------------------------------------------------
# Datasette section: serving and timing

FACETS = ("event_type", "year", "month", "precision", "date_basis")


@dataclass(frozen=True)
class Page:
    name: str
    path: str


@dataclass(frozen=True)
class Timing:
    name: str
    path: str
    status: int
    runs: int
    median_ms: float
    p95_ms: float
    timed_out_facets: tuple[str, ...] = ()
    rows: int | None = None
    note: str = ""


def load_metadata(metadata_path: Path | None) -> dict[str, Any]:
    """metadata.yml as ``timeline serve`` hands it to Datasette, for a database named DB_NAME."""
    if metadata_path is None or not metadata_path.is_file():
        return {}
    try:
        from timeline.serve import datasette_metadata, load_config
    except ImportError:
        import yaml

        loaded: dict[str, Any] = yaml.safe_load(metadata_path.read_text(encoding="utf-8")) or {}
        databases = dict(loaded.get("databases") or {})
        if "facts" in databases:
            databases[DB_NAME] = databases.pop("facts")
        return {**loaded, "databases": databases}
    plugins = load_config().get("plugins")
    result: dict[str, Any] = datasette_metadata(metadata_path, DB_NAME, plugins=plugins)
    return result


def served_settings() -> dict[str, Any]:
    """The Datasette settings ``timeline serve`` passes, or none on a tree that has none."""
    try:
        from timeline.serve import load_config
    except ImportError:
        return {}
    settings: dict[str, Any] = dict(load_config().get("settings") or {})
    return settings


def canned_queries(metadata: Mapping[str, Any]) -> dict[str, str]:
    """Name -> SQL of every canned query the metadata defines for DB_NAME."""
    database = (metadata.get("databases") or {}).get(DB_NAME) or {}
    queries = database.get("queries") or {}
    result = {}
    for name, query in queries.items():
        sql = query if isinstance(query, str) else query.get("sql")
        if sql:
            result[name] = sql
    return result


#: Plausible values for canned-query parameters, by name; an unknown one is left empty.
PARAMETER_VALUES = {
    "actor": "CSTO",
    "organisation": "SCO",
    "place": "Kabul",
    "person": f"{FIRST_NAMES[0]} {LAST_NAMES[0]}",
    "since": "2025",
    "until": "2025-06",
    "event_type": "meeting",
    "year": "2025",
    "month": "2025-03",
    "q": "Tashkent",
    "search": "Tashkent",
}


def query_parameters(sql: str) -> list[str]:
    # Same rule as Datasette's: ":name", not "::cast" or a time such as '10:30'.
    return list(dict.fromkeys(re.findall(r"(?<![:\w]):([A-Za-z_]\w*)", sql)))


def pages(metadata: Mapping[str, Any]) -> list[Page]:
    facets = urlencode([("_facet", f) for f in FACETS])
    result = [
        # The page as an analyst first opens it, with the facets metadata.yml configures.
        Page("events page (json)", f"/{DB_NAME}/events.json"),
        Page("events page (html)", f"/{DB_NAME}/events"),
        Page("events facets (json)", f"/{DB_NAME}/events.json?{facets}"),
        Page("events facets (html)", f"/{DB_NAME}/events?{facets}"),
        Page("filtered meeting+2025", f"/{DB_NAME}/events.json?event_type=meeting&year=2025"),
        Page("full-text search", f"/{DB_NAME}/events.json?_search=Tashkent"),
        Page("timeline page (plugin)", f"/{DB_NAME}/-/timeline"),
    ]
    for name, sql in canned_queries(metadata).items():
        arguments = {p: PARAMETER_VALUES.get(p, "") for p in query_parameters(sql)}
        query = f"?{urlencode(arguments)}" if arguments else ""
        result.append(Page(f"query: {name}", f"/{DB_NAME}/{name}.json{query}"))
    return result


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    # Nearest rank: with 10 runs p95 is the slowest run, which is what a user would notice.
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def _timed_out_facets(
    path: str, metadata: Mapping[str, Any], body: Mapping[str, Any]
) -> tuple[str, ...]:
    """Facets asked for (in metadata or ``_facet``) that the response has no results for.

    Datasette 0.65 lists timed-out facets only in the HTML page's context, not in its JSON,
    and a facet that ran out of time is simply missing from ``facet_results``.
    """
    results = body.get("facet_results")
    if not isinstance(results, dict) or "/events.json" not in path:
        return ()
    asked = [column for column, _ in table_facets(metadata)]
    asked += re.findall(r"[?&]_facet(?:_array)?=([^&]+)", path)
    return tuple(name for name in dict.fromkeys(asked) if name not in results)


def _error_text(html: str) -> str:
    # Datasette's error page says what went wrong in its first paragraph after the title.
    text = " ".join(re.sub(r"<[^>]+>", " ", html.split("</title>", 1)[-1]).split())
    return text[:100]


def _inspect_data(path: Path) -> dict[str, Any] | None:
    try:
        from timeline.serve import _inspect
    except ImportError:
        return None
    data: dict[str, Any] = asyncio.run(_inspect(path))
    return data


def _register_plugin() -> None:
    try:
        from timeline.serve import ensure_plugin_registered
    except ImportError:
        return
    ensure_plugin_registered()


async def _time_pages(
    path: Path,
    metadata: Mapping[str, Any],
    settings: Mapping[str, Any],
    inspect_data: Mapping[str, Any] | None,
    chosen: Sequence[Page],
    runs: int,
    *,
    immutable: bool = True,
) -> list[Timing]:
    from datasette.app import Datasette

    files = [] if immutable else [str(path)]
    immutables = [str(path)] if immutable else []
    ds = Datasette(
        files, immutables=immutables, metadata=dict(metadata), settings=dict(settings),
        inspect_data=dict(inspect_data) if inspect_data and immutable else None,
    )  # fmt: skip
    await ds.invoke_startup()
    results = []
    for page in chosen:
        samples = []
        # Datasette prints the traceback of every 500 to stderr; the status says enough here.
        with redirect_stderr(io.StringIO()):
            response = await ds.client.get(page.path)  # warm-up: page cache, plugin imports
            for _ in range(runs):
                started = time.perf_counter()
                response = await ds.client.get(page.path)
                samples.append((time.perf_counter() - started) * 1000)
        timed_out: tuple[str, ...] = ()
        rows: int | None = None
        note = ""
        if page.path.split("?")[0].endswith(".json") and response.status_code == 200:
            body = response.json()
            timed_out = _timed_out_facets(page.path, metadata, body)
            rows = body.get("filtered_table_rows_count")
            if rows is None and isinstance(body.get("rows"), list):
                rows = len(body["rows"])
            if body.get("truncated"):
                note = "truncated"
        elif response.status_code != 200:
            note = _error_text(response.text)
        results.append(
            Timing(
                page.name,
                page.path,
                response.status_code,
                runs,
                statistics.median(samples),
                _percentile(samples, 0.95),
                timed_out,
                rows,
                note,
            )
        )
    return results


def time_pages(
    path: Path,
    metadata: Mapping[str, Any],
    settings: Mapping[str, Any],
    chosen: Sequence[Page],
    runs: int,
    *,
    immutable: bool = True,
) -> list[Timing]:
    inspect_data = _inspect_data(path) if immutable else None
    return asyncio.run(
        _time_pages(path, metadata, settings, inspect_data, chosen, runs, immutable=immutable)
    )


# --------------------------------------------------------------------------------------------
# Datasette section: why the facet page is slow


@dataclass(frozen=True)
class FacetCost:
    facet: str
    kind: str  # column or array
    ms: float | None  # None: still running after the limit
    plan: str


def _facet_sql(column: str, array: bool, where: str = "") -> str:
    # Datasette 0.65's own facet SQL (datasette/facets.py), over the events table.
    inner = f"select * from events {where}".strip()
    if array:
        return (
            f"with inner as ({inner}), deduped_array_items as (select distinct j.value, "
            f"inner.* from json_each([inner].[{column}]) j join inner) select value as value, "
            f"count(*) as count from deduped_array_items group by value "
            f"order by count(*) desc, value limit 31"
        )
    return (
        f"select [{column}] as value, count(*) as count from ({inner}) where [{column}] "
        f"is not null group by [{column}] order by count desc, value limit 31"
    )


def _timed_query(
    connection: sqlite3.Connection, sql: str, limit_ms: float, repeat: int = 3
) -> float | None:
    """Median milliseconds of ``sql``, or None when one run takes longer than ``limit_ms``."""
    samples = []
    for _ in range(repeat):
        deadline = time.perf_counter() + limit_ms / 1000

        def past(deadline: float = deadline) -> int:
            return int(time.perf_counter() > deadline)

        connection.set_progress_handler(past, 10_000)
        started = time.perf_counter()
        try:
            connection.execute(sql).fetchall()
        except sqlite3.OperationalError:
            return None
        finally:
            connection.set_progress_handler(None, 0)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _plan(connection: sqlite3.Connection, sql: str) -> str:
    steps = [row[3] for row in connection.execute(f"explain query plan {sql}")]
    return "; ".join(steps)


def table_facets(metadata: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """The events table's facets from metadata, as (column, is an array facet)."""
    database = (metadata.get("databases") or {}).get(DB_NAME) or {}
    configured = ((database.get("tables") or {}).get("events") or {}).get("facets") or []
    result = []
    for facet in configured:
        if isinstance(facet, str):
            result.append((facet, False))
        elif isinstance(facet, dict) and "array" in facet:
            result.append((str(facet["array"]), True))
        elif isinstance(facet, dict):
            result.append((str(next(iter(facet.values()))), False))
    return result


def facet_costs(
    path: Path, metadata: Mapping[str, Any], limit_ms: float, where: str = ""
) -> list[FacetCost]:
    facets = list(dict.fromkeys([*table_facets(metadata), *((f, False) for f in FACETS)]))
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = []
        for column, array in facets:
            sql = _facet_sql(column, array, where)
            kind = "array" if array else "column"
            try:
                plan = _plan(connection, sql)
            except sqlite3.OperationalError as error:  # metadata ahead of the schema
                result.append(FacetCost(column, kind, None, f"error: {error}"))
                continue
            result.append(FacetCost(column, kind, _timed_query(connection, sql, limit_ms), plan))
        return result
    finally:
        connection.close()


def with_events_facets(metadata: Mapping[str, Any], keep: Callable[[Any], bool]) -> dict[str, Any]:
    """A copy of ``metadata`` whose events table keeps only the facets ``keep`` accepts."""
    copied: dict[str, Any] = json.loads(json.dumps(metadata))
    events = copied.get("databases", {}).get(DB_NAME, {}).get("tables", {}).get("events")
    if events is not None and "facets" in events:
        events["facets"] = [f for f in events["facets"] if keep(f)]
    return copied


@dataclass(frozen=True)
class Variant:
    name: str
    change: str
    timings: list[Timing]


# Candidate indexes tried on the throwaway database (never on the project's schema): each
# matches a page that filters or groups on two columns at once.
CANDIDATE_INDEXES: tuple[tuple[str, str], ...] = (
    ("filter by type and year, newest first",
     "create index scale_type_year_start on events (event_type, year, start_date)"),
    ("month x type histogram", "create index scale_month_type on events (month, event_type)"),
)  # fmt: skip


def _prepare_connection(conn: sqlite3.Connection) -> None:
    conn.execute("pragma cache_size = -262144")
    conn.execute("pragma mmap_size = 1073741824")


@contextmanager
def _larger_page_cache() -> Iterator[None]:
    """Give every connection Datasette opens a 256 MB page cache and a 1 GB mmap.

    Datasette leaves SQLite's default 2 MB cache per connection, so each facet's index scan
    decodes its pages from the OS cache again on every request.
    """
    from datasette import hookimpl
    from datasette.plugins import pm

    # Datasette lists plugins by module name, so the hook lives in a module of its own.
    plugin = ModuleType("scale_page_cache")
    plugin.prepare_connection = hookimpl(_prepare_connection)  # type: ignore[attr-defined]
    pm.register(plugin, name="scale-page-cache")
    try:
        yield
    finally:
        pm.unregister(name="scale-page-cache")


def investigate(
    path: Path,
    metadata: Mapping[str, Any],
    settings: Mapping[str, Any],
    runs: int,
    chosen: Sequence[Page],
) -> tuple[list[FacetCost], list[FacetCost], list[Variant]]:
    """Per-facet SQL costs, and the pages again under changes that could bring them down.

    The database is changed in place (ANALYZE, indexes) and put back afterwards, so a kept
    database stays what ``make_events_db`` made.
    """
    limit = float(settings.get("facet_time_limit_ms", 200)) * 10
    costs = facet_costs(path, metadata, limit)
    filtered = facet_costs(path, metadata, limit, "where event_type = 'meeting' and year = 2025")
    variants: list[Variant] = []

    def measure(name: str, change: str, meta: Mapping[str, Any],
                options: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        timings = time_pages(path, meta, {**settings, **(options or {})}, chosen, runs)
        variants.append(Variant(name, change, timings))

    measure("served (baseline)", "as timeline serve runs it", metadata)
    no_arrays = with_events_facets(metadata, lambda f: not (isinstance(f, dict) and "array" in f))
    measure("no array facets", "metadata: drop array facets actors, places", no_arrays)
    column_only = with_events_facets(metadata, lambda f: f in FACETS)
    measure("five column facets", "metadata: only " + ", ".join(FACETS), column_only)
    measure(
        "facet_time_limit_ms=100", "setting: facet_time_limit_ms 100 (slow facets give up)",
        metadata, {"facet_time_limit_ms": 100},
    )  # fmt: skip
    with _larger_page_cache():
        measure(
            "five column facets + page cache", "prepare_connection: cache_size 256 MB, mmap 1 GB",
            column_only,
        )  # fmt: skip
    names = ", ".join(sql.split()[2] for _, sql in CANDIDATE_INDEXES)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("analyze")
        measure("five column facets + ANALYZE", "sqlite_stat1 for the planner", column_only)
        connection.execute("drop table sqlite_stat1")
        for _, sql in CANDIDATE_INDEXES:
            connection.execute(sql)
        measure("five column facets + indexes", f"indexes {names}", column_only)
        connection.execute("analyze")
        measure("five column facets + indexes + ANALYZE", "both", column_only)
    finally:
        for _, sql in CANDIDATE_INDEXES:
            connection.execute(f"drop index if exists {sql.split()[2]}")
        connection.execute("drop table if exists sqlite_stat1")
        connection.execute("drop table if exists sqlite_stat4")
        connection.close()
    return costs, filtered, variants


# --------------------------------------------------------------------------------------------
# Tables


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]  # fmt: skip
    line = " | ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True))
    out = [title, line, "-" * len(line)]
    for row in cells:
        out.append(" | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    return "\n".join(out)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def format_build(builds: Sequence[BuildRun]) -> str:
    headers = ["docs", "jobs", "events", "facts", "text MB", "s", "docs/s", "MB/s",
               "MB/s/core", "peak RSS MB", "DB MB", f"x {PEER}"]  # fmt: skip
    rows = [
        [b.size, b.jobs, b.events, b.facts, b.text_mb, b.seconds, b.docs_per_s, b.mb_per_s,
         b.mb_per_s_per_core, b.peak_rss_mb, b.db_mb, b.ratio_vs_peer]
        for b in builds
    ]  # fmt: skip
    note = (
        f"x {PEER}: build documents/s over {PEER}.search_dates documents/s on a subsample "
        "of the same corpus (above 1: the whole build is faster than the peer's date search)"
    )
    return _table(headers, rows, "build (fresh process per row)") + "\n" + note


def format_peer(peers: Sequence[PeerRun]) -> str:
    headers = [
        "corpus",
        "sample",
        "sample MB",
        f"{PEER} docs/s",
        "tag docs/s",
        "analyse docs/s",
        "analyse MB/s",
        f"{PEER} dates",
        "timexes",
        "tag ratio",
        "analyse ratio",
    ]
    rows = [
        [p.corpus, p.sample, p.sample_mb, p.peer_docs_per_s, p.tag_docs_per_s,
         p.analyse_docs_per_s, p.analyse_mb_per_s, p.peer_dates, p.tag_timexes, p.tag_ratio,
         p.analyse_ratio]
        for p in peers
    ]  # fmt: skip
    note = f"ratios: ours over {PEER} in documents/s, same texts, same process (above 1: faster)"
    return _table(headers, rows, f"peer: {PEER}.search_dates in this process") + "\n" + note


def format_lengths(runs: Sequence[LengthRun]) -> str:
    headers = ["articles", "KB", f"{PEER} MB/s", "analyse MB/s", "ratio"]
    rows = [[r.articles, r.kb, r.peer_mb_per_s, r.analyse_mb_per_s, r.ratio] for r in runs]
    note = "one document of N synthetic articles; flat MB/s down the rows: cost grows linearly"
    return _table(headers, rows, "document length") + "\n" + note


def format_timings(timings: Sequence[Timing], title: str) -> str:
    headers = ["page", "status", "median ms", "p95 ms", "runs", "rows", "target", "timed out"]
    rows = []
    for t in timings:
        facet_page = t.name.startswith("events page")
        verdict = ("ok" if t.median_ms < TARGET_MS else "OVER") if facet_page else ""
        rows.append([t.name, t.status, t.median_ms, t.p95_ms, t.runs, t.rows, verdict,
                     ", ".join(t.timed_out_facets) or t.note])  # fmt: skip
    return _table(headers, rows, title)


def _short_plan(plan: str) -> str:
    short = plan.replace("USING COVERING INDEX", "covering").replace("USE TEMP B-TREE FOR", "temp")
    return short if len(short) <= 110 else short[:107] + "..."


def format_costs(costs: Sequence[FacetCost], title: str) -> str:
    rows = [
        [c.facet, c.kind, c.ms if c.ms is not None else "> limit", _short_plan(c.plan)]
        for c in costs
    ]
    return _table(["facet", "kind", "ms", "query plan"], rows, title)


def format_variants(variants: Sequence[Variant]) -> str:
    names = [t.name for t in variants[0].timings] if variants else []
    headers = ["variant", *names]
    rows = [[v.name, *(t.median_ms for t in v.timings)] for v in variants]
    changes = "\n".join(f"  {v.name}: {v.change}" for v in variants)
    return _table(headers, rows, "variants (median ms per page)") + "\n" + changes


# --------------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="corpus sizes in documents, comma-separated (default 1000,10000)",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="also build with this many worker processes"
    )
    parser.add_argument(
        "--events",
        type=int,
        default=DEFAULT_EVENTS,
        help="events in the Datasette database (default 1,000,000)",
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed runs per page")
    parser.add_argument(
        "--peer-sample",
        type=int,
        default=PEER_SAMPLE,
        help=f"documents given to {PEER} per corpus size",
    )
    parser.add_argument(
        "--lengths",
        type=_sizes,
        default=list(DEFAULT_LENGTHS),
        help="articles per document for the length table, comma-separated (default 1,8,64)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--workdir", type=Path, help="keep corpora and databases here (the events DB is reused)"
    )
    parser.add_argument("--metadata", type=Path, default=REPO_ROOT / "metadata.yml")
    parser.add_argument("--no-build", action="store_true", help="skip the build section")
    parser.add_argument("--no-peer", action="store_true", help=f"skip {PEER}")
    parser.add_argument(
        "--real",
        type=Path,
        default=REAL_CORPUS,
        help="real articles (.txt, .md) to time beside the synthetic ones, if the folder exists",
    )
    parser.add_argument("--no-datasette", action="store_true", help="skip the Datasette section")
    parser.add_argument(
        "--investigate",
        choices=("auto", "always", "never"),
        default="auto",
        help="explain the facet page: when over target (auto), always, never",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)  # fmt: skip

    temporary = None
    if args.workdir is None:
        temporary = tempfile.TemporaryDirectory(prefix="timeline-scale-")
        workdir = Path(temporary.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)

    def say(text: str) -> None:
        print(text, file=sys.stderr if args.json else sys.stdout, flush=True)

    def progress(text: str) -> None:
        print(f"[scale] {text}", file=sys.stderr, flush=True)

    result: dict[str, Any] = {
        "seed": args.seed,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                    "sqlite": sqlite3.sqlite_version},
    }  # fmt: skip
    try:
        if not args.no_build:
            builds, peers = build_section(args, workdir, progress)
            result["build"] = [asdict(b) for b in builds]
            result["peer"] = [asdict(p) for p in peers]
            say(format_build(builds) + "\n")
            if peers:
                say(format_peer(peers) + "\n")
            if not args.no_peer:
                progress("one document of many articles")
                lengths = run_lengths(args.seed, args.lengths)
                result["lengths"] = [asdict(r) for r in lengths]
                say(format_lengths(lengths) + "\n")
        if not args.no_datasette:
            result["datasette"] = datasette_section(args, workdir, progress, say)
    finally:
        if temporary is not None:
            temporary.cleanup()
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


def build_section(
    args: argparse.Namespace, workdir: Path, progress: Callable[[str], None]
) -> tuple[list[BuildRun], list[PeerRun]]:
    builds: list[BuildRun] = []
    peers: list[PeerRun] = []
    for size in args.sizes:
        progress(f"writing {size:,} articles")
        corpus = write_corpus(workdir / f"corpus-{size}", size, args.seed)
        peer = None
        if not args.no_peer:
            progress(f"{PEER} on {min(size, args.peer_sample)} of them")
            peer = run_peer(args.seed, size, min(size, args.peer_sample))
            peers.append(peer)
        for jobs in dict.fromkeys([1, args.jobs]):
            progress(f"building {size:,} articles with {jobs} job(s)")
            run = run_build(corpus, workdir / f"build-{size}-j{jobs}.db", jobs)
            if peer is not None:
                run = BuildRun(
                    **{**asdict(run), "ratio_vs_peer": run.docs_per_s / peer.peer_docs_per_s}
                )
            builds.append(run)
        if args.workdir is None:
            shutil.rmtree(corpus.directory)  # 100k files add up; keep only what was asked
    if not args.no_peer:
        progress(f"{PEER} on the real articles in {args.real}")
        real = run_real_peer(args.real, passes=5)
        if real is not None:
            peers.append(real)
    return builds, peers


def datasette_section(
    args: argparse.Namespace,
    workdir: Path,
    progress: Callable[[str], None],
    say: Callable[[str], None],
) -> dict[str, Any]:
    _register_plugin()
    progress(f"filling a database with {args.events:,} events")
    made = make_events_db(workdir / f"{DB_NAME}.db", args.events, args.seed,
                          reuse=args.workdir is not None)  # fmt: skip
    metadata = load_metadata(args.metadata)
    settings = served_settings()
    chosen = pages(metadata)
    progress(f"timing {len(chosen)} pages, {args.runs} runs each")
    timings = time_pages(made.path, metadata, settings, chosen, args.runs)
    size_mb = made.path.stat().st_size / MB
    title = (
        f"datasette: {made.events:,} events, {made.documents:,} documents, {size_mb:,.0f} MB "
        f"(filled in {made.seconds:.0f} s{', reused' if made.reused else ''}); "
        f"target: facet page under {TARGET_MS:.0f} ms"
    )
    say(format_timings(timings, title) + "\n")
    section: dict[str, Any] = {
        "events": made.events,
        "documents": made.documents,
        "db_mb": size_mb,
        "fill_seconds": made.seconds,
        "target_ms": TARGET_MS,
        "settings": settings,
        "pages": [asdict(t) for t in timings],
    }
    facet_ms = max(t.median_ms for t in timings if t.name.startswith("events page"))
    section["facet_page_ok"] = facet_ms < TARGET_MS
    if args.investigate == "always" or (args.investigate == "auto" and facet_ms >= TARGET_MS):
        progress("investigating the facet page")
        # The HTML page costs what the JSON one does plus rendering; the page without facets
        # shows what is left when no facet runs.
        wanted = ("events facets (json)", "filtered meeting+2025", "full-text search",
                  "query: events_per_month_by_type")  # fmt: skip
        facet_pages = [Page("no facets", f"/{DB_NAME}/events.json?_nofacet=1")]
        facet_pages += [p for p in chosen if p.name in wanted]
        costs, filtered, variants = investigate(
            made.path, metadata, settings, max(3, args.runs // 2), facet_pages
        )
        say(format_costs(costs, "facet SQL on its own, whole table (sqlite3, median of 3)") + "\n")
        say(format_costs(filtered, "facet SQL, where event_type = 'meeting' and year = 2025")
            + "\n")  # fmt: skip
        say(format_variants(variants) + "\n")
        section["investigation"] = {
            "facet_costs": [asdict(c) for c in costs],
            "filtered_facet_costs": [asdict(c) for c in filtered],
            "variants": [
                {"name": v.name, "change": v.change, "pages": [asdict(t) for t in v.timings]}
                for v in variants
            ],
        }
    return section


if __name__ == "__main__":
    sys.exit(main())
