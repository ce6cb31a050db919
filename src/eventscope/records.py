"""Typed, frozen records that cross module boundaries.

Every record that names a piece of article text carries ``start``/``end`` character offsets
into ``Article.text`` (the NFC-normalised text), so ``article.text[start:end] == text``.
Records are plain frozen dataclasses: they pickle, compare by value and convert to JSON with
:func:`to_json` and back with :func:`from_json`.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Optional, Union

Modality = Literal["asserted", "planned", "hypothetical", "negated", "reported"]
QuoteKind = Literal["direct", "indirect"]
PlaceUse = Literal["literal", "metonymic", "demonym", "unknown"]


def content_id(*parts: object, length: int = 16) -> str:
    """Return a short, stable hexadecimal hash of ``parts`` (used for every record id)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One ingested article. ``id`` is a content hash of the normalised text."""

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 date (YYYY-MM-DD) or datetime, if known
    source: Optional[str] = None  # where it came from: path, path:line, or "<stdin>"
    author: Optional[str] = None
    external_id: Optional[str] = None  # the publisher's own id (JSON field `id`), if given
    # the publication time as written, ISO 8601 with the UTC offset of the zone it names
    # ("2016-11-23T15:02:00-05:00"), without one if it names none; None if no time was given
    published_at: Optional[str] = None


@dataclass(frozen=True)
class Entity:
    """A named-entity mention. Mentions of one referent share a ``cluster`` id."""

    id: str
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, ...
    cluster: str  # in-document cluster id
    canonical: str  # the cluster's fullest name
    country: Optional[str] = None  # ISO 3166-1 alpha-3 (or IGO code) if the dictionary knows it
    sector: Optional[str] = None  # GOV, MIL, REB, ... if known
    title: Optional[Span] = None  # the title the mention opens with ("Foreign Minister")
    description: Optional[Span] = None  # the words of the article that gave a person's codes
    code_source: Optional[str] = None  # dictionary, description, spelling, surname (persons)


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker: direct (in quotation marks) or indirect."""

    id: str
    kind: QuoteKind
    content: Span
    speaker: Optional[Span] = None
    cue: Optional[Span] = None  # the reporting verb ("said", "told")
    speaker_cluster: Optional[str] = None  # Entity.cluster of the speaker, if resolved
    speaker_name: Optional[str] = None  # canonical name of the speaker
    speaker_country: Optional[str] = None
    confidence: float = 0.5


@dataclass(frozen=True)
class DateExpr:
    """A temporal expression, normalised TIMEX3-style against the publication date."""

    id: str
    start: int
    end: int
    text: str
    type: str = "DATE"  # DATE, TIME, DURATION or SET (TIMEX3 types)
    value: Optional[str] = None  # e.g. 2023-07-06, 2023-08, 2023-W27, P3D, PAST_REF
    anchored: bool = False  # True when the value was computed from the publication date


@dataclass(frozen=True)
class Place:
    """A toponym with its gazetteer match, or unresolved (``geonameid`` None)."""

    id: str
    start: int
    end: int
    text: str
    use: PlaceUse = "literal"  # metonymic: a capital standing for its government
    name: Optional[str] = None  # gazetteer name
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None  # ISO3 of the containing country
    feature: Optional[str] = None  # country, city, admin1, ...
    confidence: float = 0.5


@dataclass(frozen=True)
class Actor:
    """An event participant: the text naming it plus its codes."""

    start: int
    end: int
    text: str
    country: Optional[str] = None  # ISO3 or IGO code
    sector: Optional[str] = None  # GOV, MIL, REB, ...
    code: Optional[str] = None  # country+sector, PETRARCH style, e.g. ARMGOV
    name: Optional[str] = None  # canonical name (cluster)


@dataclass(frozen=True)
class Event:
    """A PLOVER-shaped event with eventscope's provenance fields."""

    id: str
    event_type: str  # PLOVER 2.0 type: ACCUSE, REQUEST, ASSAULT, ...
    trigger: Span
    sentence: Span
    event_text: str
    mode: Optional[str] = None
    context: tuple[str, ...] = ()
    cameo: Optional[str] = None  # the CAMEO root code the PLOVER type maps from
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    target: Optional[Span] = None  # what the act is aimed at when that names no party
    date: Optional[str] = None  # normalised date value
    event_loc: Optional[Place] = None
    modality: Modality = "asserted"
    quote_id: Optional[str] = None
    confidence: float = 0.5
    mentions: tuple[Span, ...] = ()  # triggers of the same act reported again in the article


@dataclass(frozen=True)
class StageInfo:
    """Which code made a stage's records: ``quotes.v1-3fa2c91b0e`` (name, version, fingerprint).

    The fingerprint changes whenever the stage's output can: its code and lexicons, the model,
    the settings and data it reads, and the stages before it (see
    :mod:`eventscope.execute.fingerprint`).
    """

    name: str  # e.g. "quotes"
    version: int  # e.g. 1
    fingerprint: str = ""  # e.g. "3fa2c91b0e"; empty in records made before fingerprints

    @property
    def label(self) -> str:
        base = f"{self.name}.v{self.version}"
        return f"{base}-{self.fingerprint}" if self.fingerprint else base


@dataclass(frozen=True)
class PipelineInfo:
    stages: tuple[StageInfo, ...]
    model: str
    model_version: str


@dataclass(frozen=True)
class ArticleResult:
    """Everything eventscope found in one article: the output contract of ``extract``."""

    article: Article
    pipeline: PipelineInfo
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateExpr, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = ()


RECORD_TYPES: dict[str, type] = {
    "entities": Entity,
    "quotes": Quote,
    "dates": DateExpr,
    "places": Place,
    "events": Event,
}


def to_json(record: Any) -> Any:
    """Convert a record (or tuple of records) to JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_json(r) for r in record]
    return record


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)  # slow to compute, fixed per class


def from_json(cls: type, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from :func:`to_json` output."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return tuple(_coerce(item, v) for v in value)
    if dataclasses.is_dataclass(hint):
        return from_json(hint, value)
    return value


__all__ = [
    "Actor", "Article", "ArticleResult", "DateExpr", "Entity", "Event", "Modality", "Place",
    "PipelineInfo", "Quote", "RECORD_TYPES", "Span", "StageInfo", "content_id", "from_json",
    "to_json",
]
