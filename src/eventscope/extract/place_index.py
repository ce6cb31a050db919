"""Indexes that keep places.v1 linear in an article's length: the article's mentions by offset
(:class:`Neighbours`) and its places' points in cells of two degrees (:class:`PointGrid`)."""
from __future__ import annotations

import math
from typing import Sequence

from eventscope.extract.gazetteer import Candidate

NEAR_KM = 200  # a homonym this close to another place the article names is the one it means


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Neighbours:
    """The article's mentions by where they start and end, so that a mention's neighbours are
    found without a scan of every mention (places.v1 stays linear in the article's length)."""

    def __init__(self, mentions: Sequence[tuple]):
        self.starts: dict[int, list[int]] = {}
        self.ends: dict[int, list[int]] = {}
        for j, (start, end, _, _) in enumerate(mentions):
            self.starts.setdefault(start, []).append(j)
            self.ends.setdefault(end, []).append(j)

    def around(self, start: int, end: int) -> list[int]:
        """Mentions that may say where [start, end) is: one starting a comma after it, one ending
        a possessive before it; in the mentions' order."""
        found = self.starts.get(end + 1, []) + self.starts.get(end + 2, []) + \
            self.ends.get(start - len("'s "), [])
        return sorted(set(found))


class PointGrid:
    """The points of the article's places in cells of two degrees, so that the places near a
    candidate are found without measuring the distance to every point. A place named many
    times is one point: a long article repeating its places costs no more per candidate."""

    CELL = 2.0

    def __init__(self, points):
        self.cells: dict[tuple[int, int], dict[tuple[str, float, float], None]] = {}
        for name, lat, lon in points:
            self.cells.setdefault(self._cell(lat, lon), {})[(name, lat, lon)] = None

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.CELL), math.floor(lon / self.CELL) % int(360 / self.CELL)

    def near(self, candidates: Sequence[Candidate], name: str) -> list[tuple[float, float]]:
        """The points of other names within :data:`NEAR_KM` of any of ``candidates``."""
        found: dict[tuple[float, float], None] = {}
        for c in candidates:
            if c.lat is None or c.lon is None or not self.cells:
                continue
            row, col = self._cell(c.lat, c.lon)
            widest = math.cos(math.radians(min(89.0, abs(c.lat) + 2 * self.CELL)))
            span = math.ceil(NEAR_KM / (111.0 * widest) / self.CELL) + 1
            for r in range(row - 1, row + 2):
                for k in range(col - span, col + span + 1):
                    for other, lat, lon in self.cells.get((r, k % int(360 / self.CELL)), ()):
                        if other != name and distance_km(c.lat, c.lon, lat, lon) <= NEAR_KM:
                            found[(lat, lon)] = None
        return list(found)
