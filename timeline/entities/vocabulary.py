"""The curated vocabulary: entities and the surface forms that name them.

Everything comes from the data files beside this module; ``load_vocabulary``
reads them once per process.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from timeline.entities.types import Entity

DATA = Path(__file__).resolve().parent / "data"

# Lower values win when one surface names several entities ("Herat" the city
# before Herat province, a country before a city of the same name).
_PRIORITY = {"country": 0, "organisation": 1, "body": 2, "city": 3, "province": 4}

# Same-length replacements, so offsets into the normalised text are offsets
# into the original.
_SAME_LENGTH = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("–", "-"), ("—", "-"), ("‐", "-"))
TOKEN = re.compile(r"\w+|[^\w\s]")
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalise(text: str) -> str:
    """``text`` with typographic apostrophes and dashes made plain; same length."""
    # str.replace runs in C at memory speed; str.translate looks up every character.
    if text.isascii():
        return text
    for typographic, plain in _SAME_LENGTH:
        text = text.replace(typographic, plain)
    return text


def surface_key(text: str) -> str:
    """Tokens joined by a space where the text has space between them, else nothing."""
    text = normalise(text)
    parts: list[str] = []
    last_end = -1
    for match in TOKEN.finditer(text):
        if parts and match.start() > last_end:
            parts.append(" ")
        parts.append(match.group())
        last_end = match.end()
    return "".join(parts)


def slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")


@dataclass(frozen=True)
class Entry:
    """One entity a surface form may name, and how it names it."""

    entity: Entity
    form: str
    priority: int


@dataclass(frozen=True)
class RoleWords:
    heads: frozenset[str]
    modifiers: frozenset[str]
    not_names: frozenset[str]
    month_names_too: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    reporting_verbs: frozenset[str]
    appointment_verbs: frozenset[str]
    succession_words: frozenset[str]
    relation_nouns: frozenset[str]
    #: noun after "the" -> what it may stand for (an organisation category,
    #: "ministry", "body", "person" or "country")
    anaphors: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Vocabulary:
    entities: dict[str, Entity]
    #: surface key -> candidate entries, best first
    surfaces: dict[str, tuple[Entry, ...]]
    #: case-folded key of multi-word surfaces -> candidates
    folded: dict[str, tuple[Entry, ...]]
    #: every prefix (in tokens) of the keys above, to stop a scan early
    prefixes: frozenset[str]
    folded_prefixes: frozenset[str]
    #: the words where a name can begin (a superset: each is checked against the above)
    name_starts: tuple[re.Pattern[str], ...]
    longest: int
    #: organisation id -> category from organisations.yml ("bloc", "movement", ...)
    categories: dict[str, str]
    #: case-folded ministry variant -> canonical ministry name
    ministries: dict[str, str]
    roles: RoleWords


def _read_yaml(name: str) -> Any:
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_SafeLoader)


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


def _strip_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


class _Builder:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.surfaces: dict[str, list[Entry]] = {}
        self.categories: dict[str, str] = {}

    def add(self, entity: Entity, priority: int, names: tuple[str, ...] = ()) -> None:
        self.entities[entity.id] = entity
        for name in (entity.name, *entity.aliases, *names):
            self.surface(name, Entry(entity, "name", priority))

    def surface(self, name: str, entry: Entry) -> None:
        key = surface_key(_strip_article(name))
        if not key:
            return
        entries = self.surfaces.setdefault(key, [])
        if all(e.entity.id != entry.entity.id for e in entries):
            entries.append(entry)

    def countries(self) -> None:
        for row in _read_tsv("countries.tsv"):
            entity = Entity(
                row["id"], row["name"], "country", _split(row["aliases"]), country=row["code"]
            )
            self.add(entity, _PRIORITY["country"])
            for demonym in _split(row["demonyms"]):
                self.surface(demonym, Entry(entity, "demonym", _PRIORITY["country"]))

    def places(self) -> None:
        for row in _read_tsv("places.tsv"):
            aliases = _split(row["aliases"])
            entity = Entity(
                row["id"],
                row["name"],
                "place",
                aliases,
                country=row["country"],
                parent=row["parent"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
            )
            names: tuple[str, ...] = ()
            if row["kind"] == "province":
                names = tuple(
                    f"{n} {word}"
                    for n in (row["name"], *aliases)
                    for word in ("Province", "province")
                )
            self.add(entity, _PRIORITY[row["kind"]], names)

    def organisations(self, ministries: dict[str, str]) -> None:
        for record in _read_yaml("organisations.yml"):
            aliases = tuple(_strip_article(a) for a in record.get("aliases", []))
            org = Entity(
                record["id"],
                record["name"],
                "organisation",
                aliases,
                country=record.get("country"),
                parent=record.get("parent"),
            )
            self.add(org, _PRIORITY["organisation"])
            self.categories[org.id] = record["category"]
            owners = tuple(dict.fromkeys((org.name, *aliases)))
            bare = set(record.get("bare", []))
            for body in record.get("bodies", []):
                forms = body.get("forms", [])
                entity = Entity(
                    body["id"],
                    body["name"],
                    "body",
                    tuple(body.get("aliases", [])),
                    country=org.country,
                    parent=org.id,
                )
                names = [f for f in forms if f in bare]
                for form in forms:
                    for owner in owners:
                        names += [f"{owner} {form}", f"{owner}'s {form}", f"{form} of the {owner}"]
                        names.append(f"{form} of {owner}")
                self.add(entity, _PRIORITY["body"], tuple(names))
            for ministry in record.get("ministries", []):
                canonical = ministries[ministry.casefold()]
                name = f"Ministry of {canonical}"
                code = (org.country or "").lower()
                prefix = code or slug(org.id)
                ministry_id = f"body:{prefix}-{slug(name)}"
                self.entities[ministry_id] = Entity(
                    ministry_id, name, "body", country=org.country, parent=org.id
                )


def _prefixes(keys: list[str]) -> frozenset[str]:
    found: set[str] = set()
    for key in keys:
        for match in TOKEN.finditer(key):
            found.add(key[: match.end()])
    return frozenset(found)


def _name_starts(prefixes: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """Words that can begin a name: capitalised ones, and the few first words without a capital.

    Names in another case must begin with a capital too, so these find every
    word where a vocabulary name can start, and skip the many that cannot. Each
    pattern begins with a character (not a look-behind), which lets the search
    skip ahead to where it can match.
    """
    # A capital or any letter beyond ASCII, not preceded by a word character.
    patterns = [re.compile(r"[^\W\x00-\x40\x5b-\x7f](?<!\w\w)\w*")]
    others = []
    for word in sorted(p for p in prefixes if TOKEN.fullmatch(p) and not p[0].isupper()):
        escaped = re.escape(word)
        bounded = word[0].isalnum() or word[0] == "_"
        others.append(rf"{escaped}(?<!\w{escaped})(?!\w)" if bounded else escaped)
    if others:
        patterns.append(re.compile("|".join(others)))
    return tuple(patterns)


def _ministry_variants() -> dict[str, str]:
    variants: dict[str, str] = {}
    for canonical, names in _read_yaml("ministries.yml").items():
        for name in (canonical, *names):
            variants.setdefault(name.casefold(), canonical)
    return variants


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary, read from the data files on first use."""
    ministries = _ministry_variants()
    builder = _Builder()
    builder.places()
    builder.countries()
    builder.organisations(ministries)
    surfaces = {
        key: tuple(sorted(entries, key=lambda e: e.priority))
        for key, entries in builder.surfaces.items()
    }
    folded: dict[str, list[Entry]] = {}
    for key, entries in surfaces.items():
        # Only multi-word names may match in another case: "Ministry Of Health"
        # is a name, "turkey" or "chad" alone are not countries.
        if sum(1 for t in TOKEN.findall(key) if t[0].isalnum()) >= 2:
            bucket = folded.setdefault(key.casefold(), [])
            bucket += [e for e in entries if e not in bucket]
    prefixes = _prefixes(list(surfaces))
    roles = _read_yaml("roles.yml")
    role_words = RoleWords(
        heads=frozenset(h.casefold() for h in roles["heads"]),
        modifiers=frozenset(m.casefold() for m in roles["modifiers"]),
        not_names=frozenset(roles["not_names"]),
        month_names_too=frozenset(roles["month_names_too"]),
        honorifics=frozenset(roles["honorifics"]),
        particles=frozenset(roles["particles"]),
        reporting_verbs=frozenset(roles["reporting_verbs"]),
        appointment_verbs=frozenset(roles["appointment_verbs"]),
        succession_words=frozenset(roles["succession_words"]),
        relation_nouns=frozenset(roles["relation_nouns"]),
        anaphors={noun: tuple(targets) for noun, targets in roles["anaphors"].items()},
    )
    return Vocabulary(
        entities=builder.entities,
        surfaces=surfaces,
        folded={k: tuple(sorted(v, key=lambda e: e.priority)) for k, v in folded.items()},
        prefixes=prefixes,
        folded_prefixes=_prefixes(list(folded)),
        name_starts=_name_starts(prefixes),
        longest=max(len(TOKEN.findall(k)) for k in surfaces),
        categories=builder.categories,
        ministries=ministries,
        roles=role_words,
    )
