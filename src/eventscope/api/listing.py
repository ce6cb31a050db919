"""The listed resources: for each, its query (the store's own, reordered), sort keys, JSON row
and flat (CSV) row. A page is a count and one query (its rows' keys paged first, see
:func:`one_page`); a download streams every row.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Optional

from sqlalchemy import Select, and_, func, select
from sqlalchemy.engine import Engine

from eventscope.api.errors import ApiError
from eventscope.records import Event, Quote, from_json, to_json
from eventscope.store import queries
from eventscope.store.filters import check_filter, like_pattern
from eventscope.store.export import COLUMNS, _event_row
from eventscope.store.schema import articles, entities, events, places, quotes

_BATCH = 2000  # rows fetched at a time by a download


@dataclass(frozen=True)
class Resource:
    name: str
    query: Callable[..., Select]  # (filter, connection) -> the filter's rows, any order
    sorts: dict[str, tuple]  # sort key -> columns, the first being the default
    row: Callable[[Any], dict]  # a result row as JSON
    flat: Callable[[Any], dict]  # a result row as a CSV row
    columns: tuple[str, ...]
    keys: tuple  # the columns naming one row


def _source(r) -> dict:
    return {"article_id": r.id, "title": r.title, "published": r.published, "source": r.source}


def _event_json(r) -> dict:
    return {**_source(r), "seq": r.seq, "event": r.data}


def _event_flat(r) -> dict:
    return {**_event_row(from_json(Event, r.data)), "article_id": r.id, "published": r.published,
            "title": r.title, "source": r.source}


def _quote_json(r) -> dict:
    return {**_source(r), "seq": r.seq, "quote": r.data}


def _quote_flat(r) -> dict:
    q = from_json(Quote, r.data)
    return {"article_id": r.id, "quote_id": q.id, "kind": q.kind,
            "speaker": q.speaker.text if q.speaker else None, "speaker_name": q.speaker_name,
            "speaker_country": q.speaker_country, "content": q.content.text,
            "content_start": q.content.start, "content_end": q.content.end,
            "cue": q.cue.text if q.cue else None, "confidence": q.confidence,
            "published": r.published, "title": r.title, "source": r.source}


def _article_flat(r) -> dict:
    return {"article_id": r.id, "published": r.published, "title": r.title, "url": r.url,
            "source": r.source, "author": r.author, "external_id": r.external_id,
            "words": len(r.text.split()), "events": r.n_events, "quotes": r.n_quotes}


def _article_json(r) -> dict:
    row = _article_flat(r)
    return {"id": row.pop("article_id"), **row}


@dataclass(frozen=True)
class PlaceFilter:
    name: Optional[str] = None
    country: Optional[str] = None
    use: Optional[str] = None


def place_query(f: PlaceFilter, connection=None) -> Select:
    p = places.c
    q = (select(p.article_id, p.seq, p.name, p.start, p.end, p.use, p.country, p.lat, p.lon,
                p.geonameid, p.data, articles.c.id, articles.c.title, articles.c.published,
                articles.c.source)
         .join(articles, articles.c.id == p.article_id))
    if f.name:
        q = q.where(p.name.ilike(like_pattern(f.name), escape="\\"))
    if f.country:
        q = q.where(p.country == f.country)
    if f.use:
        q = q.where(p.use == f.use)
    return q


def _place_json(r) -> dict:
    return {**_source(r), "seq": r.seq, "place": r.data}


def _place_flat(r) -> dict:
    return {"article_id": r.id, "name": r.name, "text": r.data.get("text"), "use": r.use,
            "country": r.country, "lat": r.lat, "lon": r.lon, "geonameid": r.geonameid,
            "start": r.start, "end": r.end, "published": r.published, "title": r.title,
            "source": r.source}


@dataclass(frozen=True)
class EntityFilter:
    text: Optional[str] = None
    label: Optional[str] = None
    country: Optional[str] = None


def entity_query(f: EntityFilter, connection=None) -> Select:
    e = entities.c
    q = (select(e.article_id, e.seq, e.label, e.canonical, e.country, e.start, e.end, e.data,
                articles.c.id, articles.c.title, articles.c.published, articles.c.source)
         .join(articles, articles.c.id == e.article_id))
    if f.text:
        q = q.where(e.canonical.ilike(like_pattern(f.text), escape="\\"))
    if f.label:
        q = q.where(e.label == f.label)
    if f.country:
        q = q.where(e.country == f.country)
    return q


def _entity_flat(r) -> dict:
    return {"article_id": r.id, "text": r.data.get("text"), "label": r.label,
            "canonical": r.canonical, "country": r.country, "sector": r.data.get("sector"),
            "start": r.start, "end": r.end, "published": r.published, "title": r.title,
            "source": r.source}


def _entity_json(r) -> dict:
    return {**_source(r), "seq": r.seq, "entity": r.data}


def _event_query(f, connection=None) -> Select:
    return queries.event_query(f, connection).add_columns(events.c.seq)


def _quote_query(f, connection=None) -> Select:
    return queries.quote_query(f, connection).add_columns(quotes.c.seq)


_in_article = lambda table: (articles.c.published, articles.c.id, table.c.seq)
_record_key = lambda table: (table.c.article_id, table.c.seq)
RESOURCES = {r.name: r for r in (
    Resource("events", _event_query,
             {"published": _in_article(events),
              "date": (events.c.date_first, *_in_article(events)),
              "type": (events.c.event_type, *_in_article(events))},
             _event_json, _event_flat, tuple(name for name, _ in COLUMNS["events"]),
             _record_key(events)),
    Resource("quotes", _quote_query,
             {"published": _in_article(quotes),
              "speaker": (quotes.c.speaker_name, *_in_article(quotes))},
             _quote_json, _quote_flat, tuple(name for name, _ in COLUMNS["quotes"]),
             _record_key(quotes)),
    Resource("articles", queries.article_query,
             {"published": (articles.c.published, articles.c.id),
              "title": (articles.c.title, articles.c.id)},
             _article_json, _article_flat, tuple(name for name, _ in COLUMNS["articles"]),
             (articles.c.id,)),
    Resource("places", place_query,
             {"published": _in_article(places), "name": (places.c.name, *_in_article(places))},
             _place_json, _place_flat,
             ("article_id", "name", "text", "use", "country", "lat", "lon", "geonameid", "start",
              "end", "published", "title", "source"), _record_key(places)),
    Resource("entities", entity_query,
             {"published": _in_article(entities),
              "name": (entities.c.canonical, *_in_article(entities))},
             _entity_json, _entity_flat,
             ("article_id", "text", "label", "canonical", "country", "sector", "start", "end",
              "published", "title", "source"), _record_key(entities)),
)}


def sort_order(resource: Resource, sort: Optional[str]) -> list:
    """The ORDER BY of ``resource`` for ``sort`` ("date", "-date"; None for the default)."""
    key = (sort or next(iter(resource.sorts))).strip()
    descending = key.startswith("-")
    columns = resource.sorts.get(key.lstrip("-"))
    if columns is None:
        valid = ", ".join(f"{k}, -{k}" for k in resource.sorts)
        raise ApiError(400, f"parameter 'sort': {key[:40]!r} is not a sort key of "
                       f"{resource.name}; choose one of: {valid}", "sort")
    # each database's own place for NULLs (first ascending on SQLite, last on PostgreSQL): an
    # explicit NULLS LAST keeps SQLite from reading an index in order and sorts every row
    return [c.desc() if descending else c.asc() for c in columns]


def ordered(resource: Resource, f, sort: Optional[str], connection) -> Select:
    """The resource's query for ``f`` (without its limit) in the order ``sort`` names; names
    in ``f`` are matched against those stored, read through ``connection``."""
    order = sort_order(resource, sort)
    if hasattr(f, "limit"):  # one of the store's filters: checked as the CLI checks it
        f = replace(f, limit=None, offset=0)
        check_filter(f)
    query = resource.query(f, connection)
    return query.order_by(None).limit(None).offset(None).order_by(*order)


def page(engine: Engine, resource: Resource, f, sort: Optional[str], limit: int,
         offset: int, cache=None) -> tuple[int, list[dict]]:
    """(rows ``f`` keeps, the JSON rows of one page of them); the count is kept in ``cache``
    (a :class:`~eventscope.api.cache.StoreCache`) when given."""
    with engine.connect() as connection:
        query = ordered(resource, f, sort, connection)
        counted = lambda: connection.execute(
            select(func.count()).select_from(query.order_by(None).subquery())).scalar()
        total = (cache.get(("count", resource.name, f), counted, connection) if cache
                 else counted())
        chosen = one_page(query, resource.keys, sort_order(resource, sort), limit, offset)
        rows = [resource.row(r) for r in connection.execute(chosen)]
    return total, rows


def one_page(query: Select, keys: tuple, order: list, limit: int, offset: int) -> Select:
    """The columns of ``query`` (ordered by ``order``) for its rows ``offset`` to ``offset +
    limit``, whose keys are found first: from indexes alone where the order has one, so the
    rows a deep offset skips are never read whole (offset 50,000 of 100,000 events: 40 ms on
    SQLite, against 200 ms for the same query with LIMIT and OFFSET). The filters are applied
    once, in the query finding the keys."""
    chosen = (query.with_only_columns(*keys, maintain_column_froms=True)
              .limit(limit).offset(offset or None).subquery("page"))
    return (select(*query.selected_columns).select_from(*query.get_final_froms())
            .join(chosen, and_(*(key == chosen.c[key.name] for key in keys))).order_by(*order))


def stream(engine: Engine, resource: Resource, f, sort: Optional[str], limit: Optional[int],
           offset: int, make_row: Callable) -> Iterator[dict]:
    """Every row ``f`` keeps (or the ``limit`` after ``offset``), read in batches on one
    connection. The query is built before the first row is asked for, so a bad filter is an
    error response, not a broken download."""
    connection = engine.connect()
    try:
        query = ordered(resource, f, sort, connection)
    except BaseException:
        connection.close()
        raise
    if limit is not None or offset:
        query = query.limit(limit).offset(offset or None)

    def rows() -> Iterator[dict]:
        with connection:
            for r in connection.execution_options(yield_per=_BATCH).execute(query):
                yield make_row(r)
    return rows()
