"""Chart geometry for server-rendered SVG: the offline world map, stacked monthly bars and a
circular network. Only numbers and codes come out of here; templates escape whatever they show.

Country outlines are the GeoJSON shapes the ``countryinfo`` package ships (already installed
for the actor and place lexicons; MIT licence, drawn from Natural Earth's public-domain data),
drawn in an equirectangular projection: no tile server, nothing fetched.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

MAP_W, MAP_H = 720, 360
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd",
           "#8c564b", "#17becf")


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon + 180) * MAP_W / 360, 1), round((90 - lat) * MAP_H / 180, 1)


def _ring(points: Iterable) -> str:
    out, last = [], None
    for lon, lat, *_ in points:
        x, y = project(lat, lon)
        if last is None or abs(x - last[0]) + abs(y - last[1]) >= 0.6:
            out.append(f"{x:g},{y:g}")
            last = (x, y)
    return ("M" + "L".join(out) + "Z") if len(out) > 2 else ""


def _polygons(geometry: dict) -> list:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["coordinates"]
    return []


@functools.lru_cache(maxsize=1)
def world() -> tuple[tuple[str, str], ...]:
    """(ISO3, SVG path) of every country outline countryinfo has, once per process."""
    shapes = []
    folder = resources.files("countryinfo") / "data"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for feature in (data.get("geoJSON") or {}).get("features", ()):
            path = "".join(_ring(ring) for polygon in _polygons(feature.get("geometry") or {})
                           for ring in polygon[:1])
            if path:
                shapes.append((str(feature.get("id") or data.get("ISO", {}).get("alpha3", "")),
                               path))
    return tuple(shapes)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    color: str
    label: str  # "2023-07 ACCUSE: 3"


@dataclass(frozen=True)
class Bars:
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # x, month label
    legend: list[tuple[str, str]]  # key, color
    width: int
    height: int
    most: int


def stacked(months: list[str], series: dict[str, list[int]], width: int = 720,
            height: int = 240) -> Bars:
    """Monthly bars, each stacked by series, scaled to the busiest month."""
    colors = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(series)}
    totals = [sum(values[i] for values in series.values()) for i in range(len(months))]
    most = max(totals, default=0) or 1
    step = width / max(len(months), 1)
    bars = []
    for i, month in enumerate(months):
        top = height
        for key, values in series.items():
            if values[i]:
                h = values[i] * height / most
                top -= h
                bars.append(Bar(round(i * step + step * 0.1, 2), round(top, 2),
                                round(step * 0.8, 2), round(h, 2), colors[key],
                                f"{month} {key}: {values[i]}"))
    every = max(1, math.ceil(len(months) / 12))
    ticks = [(round(i * step + step / 2, 1), m) for i, m in enumerate(months) if i % every == 0]
    return Bars(bars, ticks, list(colors.items()), width, height, most)


@dataclass(frozen=True)
class Node:
    code: str
    x: float
    y: float
    r: float
    events: int


def circle_layout(nodes: dict[str, int], size: int = 600) -> dict[str, Node]:
    """Nodes on a circle, the busiest first, sized by the square root of their events."""
    most = max(nodes.values(), default=1)
    centre, radius = size / 2, size / 2 - 50
    placed = {}
    for i, (code, n) in enumerate(nodes.items()):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        placed[code] = Node(code, round(centre + radius * math.cos(angle), 1),
                            round(centre + radius * math.sin(angle), 1),
                            round(4 + 14 * math.sqrt(n / most), 1), n)
    return placed
