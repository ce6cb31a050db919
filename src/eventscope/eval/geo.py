"""Geo evaluation: LGL and GeoWebNews toponyms (recall, accuracy at 161 km, metonymy).

Gold spans are checked against their text and re-anchored nearby (or skipped) where the
offsets do not match; the counts are in the report's notes. GeoWebNews types are grouped as in
its authors' guide: *literal* (Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal)
and *not a location* (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym, Language,
Homonym, Non_Toponym); common-noun expressions (Literal_Expression, Non_Lit_Expression) are not
toponyms and are left out.
"""
from __future__ import annotations

import math
import statistics
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport

LITERAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"})
NOT_LOCATION = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym",
                          "Language", "Homonym", "Non_Toponym"})
KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    literal: bool
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class PredictedPlace:
    start: int
    end: int
    literal: bool
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class Anchoring:
    checked: int = 0
    reanchored: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


def anchor(text: str, start: int, end: int, phrase: str, window: int = 60) -> Optional[tuple[int, int]]:
    """The span of ``phrase`` at or near [start, end), or None."""
    if text[start:end] == phrase:
        return start, end
    lo = max(0, start - window)
    found = text.find(phrase, lo, end + window + len(phrase))
    return (found, found + len(phrase)) if found != -1 else None


def _float(node, tag) -> Optional[float]:
    value = node.findtext(tag)
    return float(value) if value not in (None, "") else None


def _int(value: Optional[str]) -> Optional[int]:
    return int(value) if value and value.strip().isdigit() else None


def _anchored(text: str, raw: list[tuple], anchoring: Anchoring) -> tuple[GoldToponym, ...]:
    out = []
    for start, end, phrase, literal, lat, lon, gid in raw:
        anchoring.checked += 1
        span = anchor(text, start, end, phrase)
        if span is None:
            anchoring.skipped += 1
            continue
        anchoring.reanchored += span != (start, end)
        out.append(GoldToponym(span[0], span[1], phrase, literal, lat, lon, gid))
    return tuple(out)


def load_lgl(path: Path, anchoring: Anchoring, limit: Optional[int] = None) -> list[GoldArticle]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = unicodedata.normalize("NFC", node.findtext("text") or "")
        raw = []
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            raw.append((int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "",
                        True, _float(tag, "lat") if tag is not None else None,
                        _float(tag, "lon") if tag is not None else None,
                        _int(tag.get("geonameid")) if tag is not None else None))
        articles.append(GoldArticle(node.get("docid") or str(len(articles)), text,
                                    _anchored(text, raw, anchoring)))
        if limit and len(articles) >= limit:
            break
    return articles


def load_gwn(path: Path, anchoring: Anchoring, limit: Optional[int] = None) -> list[GoldArticle]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = unicodedata.normalize("NFC", node.findtext("text") or "")
        raw = []
        for t in node.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind not in LITERAL and kind not in NOT_LOCATION:
                continue
            raw.append((int(t.findtext("start")), int(t.findtext("end")),
                        t.findtext("extractedName") or "", kind in LITERAL,
                        _float(t, "latitude"), _float(t, "longitude"), _int(t.findtext("geonamesID"))))
        articles.append(GoldArticle(node.get("file") or str(len(articles)), text,
                                    _anchored(text, raw, anchoring)))
        if limit and len(articles) >= limit:
            break
    return articles


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _best(gold: GoldToponym, predicted: Sequence[PredictedPlace]) -> Optional[PredictedPlace]:
    overlapping = [p for p in predicted if span_overlap((gold.start, gold.end), (p.start, p.end))]
    return max(overlapping, key=lambda p: span_overlap((gold.start, gold.end), (p.start, p.end)),
               default=None)


def score(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[PredictedPlace]],
          prefix: str, metonymy: bool = False) -> tuple[Figure, ...]:
    """Figures for one corpus; ``predictions[i]`` are the places predicted in ``gold[i]``."""
    literal = matched = 0
    within, errors, ids = [], [], []
    use = PRF(0, 0, 0)
    for article, predicted in zip(gold, predictions):
        for g in article.toponyms:
            p = _best(g, predicted)
            if metonymy and p is not None:
                use += PRF(int(not g.literal and not p.literal), int(g.literal and not p.literal),
                           int(not g.literal and p.literal))
            if not g.literal:
                continue
            literal += 1
            matched += p is not None
            if p is None or g.lat is None:
                continue
            if p.lat is None:
                within.append(False)
            else:
                km = distance_km(g.lat, g.lon, p.lat, p.lon)
                errors.append(km)
                within.append(km <= KM)
            if g.geonameid is not None:
                ids.append(p.geonameid == g.geonameid)
    figures = [
        Figure(f"{prefix}.recall", matched / literal if literal else None, literal, True),
        Figure(f"{prefix}.acc161", sum(within) / len(within) if within else None, len(within), True),
        Figure(f"{prefix}.median_km", statistics.median(errors) if errors else None, len(errors)),
        Figure(f"{prefix}.geonameid_match", sum(ids) / len(ids) if ids else None, len(ids)),
    ]
    if metonymy:
        figures += [Figure(f"{prefix}.metonymy_precision", use.precision, use.tp + use.fp),
                    Figure(f"{prefix}.metonymy_recall", use.recall, use.tp + use.fn),
                    Figure(f"{prefix}.metonymy_f1", use.f1, use.tp + use.fp + use.fn, True)]
    return tuple(figures)


def predict(articles: Sequence[GoldArticle], settings) -> list[list[PredictedPlace]]:
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings, only=["entities", "places"])
    docs = (Article(id=content_id(a.text), text=a.text) for a in articles)
    return [[PredictedPlace(p.start, p.end, p.use == "literal", p.lat, p.lon, p.geonameid)
             for p in result.places] for result in pipeline.process(docs)]


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    figures, notes, files = [], [], []
    for prefix, name, loader, metonymy in (("lgl", "lgl.xml", load_lgl, False),
                                           ("gwn", "GeoWebNews_GWN.xml", load_gwn, True)):
        path = Path(gold_path) / name
        if not path.exists():
            notes.append(f"{prefix}: {path} not found, skipped")
            continue
        anchoring = Anchoring()
        gold = loader(path, anchoring, limit)
        figures += score(gold, predict(gold, settings), prefix, metonymy)
        files.append(str(path))
        notes.append(f"{prefix}: {len(gold)} articles, {anchoring.checked} gold spans, "
                     f"{anchoring.reanchored} re-anchored, {anchoring.skipped} skipped (text mismatch)")
    notes.append("acc161 and median_km are over gold literal toponyms matched by a predicted place "
                 "that have gold coordinates; an unresolved match counts as wrong")
    return TaskReport("geo", tuple(files), tuple(figures), tuple(notes))
