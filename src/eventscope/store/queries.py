"""Filtered reads: events, quotes, articles, and summary statistics. Portable SQL only."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import Engine

from eventscope.records import Article, Event, Quote, StageInfo, from_json
from eventscope.store.periods import bounds
from eventscope.store.schema import RECORD_TABLES, article_stages, articles, events, quotes


@dataclass(frozen=True)
class EventFilter:
    actor: Optional[str] = None
    recipient: Optional[str] = None
    country: Optional[str] = None
    type: Optional[str] = None
    sector: Optional[str] = None  # actor or recipient sector: GOV, MIL, REB, ...
    mode: Optional[str] = None  # PLOVER mode of the event type
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    text: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0


@dataclass(frozen=True)
class QuoteFilter:
    speaker: Optional[str] = None
    country: Optional[str] = None
    text: Optional[str] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0


@dataclass(frozen=True)
class ArticleFilter:
    text: Optional[str] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0


@dataclass(frozen=True)
class EventRow:
    event: Event
    article_id: str
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]


@dataclass(frozen=True)
class QuoteRow:
    quote: Quote
    article_id: str
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]


@dataclass(frozen=True)
class ArticleRow:
    article: Article
    events: int
    quotes: int

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> Optional[str]:
        return self.article.title

    @property
    def published(self) -> Optional[str]:
        return self.article.published

    @property
    def source(self) -> Optional[str]:
        return self.article.source


@dataclass(frozen=True)
class StoreStats:
    database: str
    articles: int
    entities: int
    quotes: int
    dates: int
    places: int
    events: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    top_actor_countries: dict[str, int] = field(default_factory=dict)
    first_published: Optional[str] = None
    last_published: Optional[str] = None
    stage_labels: dict[str, int] = field(default_factory=dict)  # label -> articles stored with it


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _dated(query, first, last, f):
    """Keep rows whose days [first, last] overlap the filter's days (a month value such as
    2023-07 is in a filter from 2023-07-15; a filter to 2023-07 runs to 31 July)."""
    low, high = bounds(f.date_from, f.date_to)
    if low:
        query = query.where(last >= low)
    if high:
        query = query.where(first <= high)
    return query


def _article_columns():
    return (articles.c.id, articles.c.title, articles.c.published, articles.c.source)


def _page(query: Select, f) -> Select:
    return query.limit(f.limit).offset(f.offset or None)


def count_matching(engine: Engine, f: "EventFilter | QuoteFilter | ArticleFilter") -> int:
    """How many rows ``f`` keeps without its limit and offset (to say when a listing is cut)."""
    query = _QUERIES[type(f)](replace(f, limit=None, offset=0)).order_by(None)
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(query.subquery())).scalar()


def event_query(f: EventFilter) -> Select:
    """The events (JSON plus article columns) that ``f`` keeps, in article and record order."""
    q = select(events.c.data, *_article_columns()).join(articles, articles.c.id == events.c.article_id)
    if f.actor:
        q = q.where(events.c.actors.ilike(_like(f.actor), escape="\\"))
    if f.recipient:
        q = q.where(events.c.recipients.ilike(_like(f.recipient), escape="\\"))
    if f.country:
        code = _like(f"|{f.country.upper()}|")
        q = q.where(or_(events.c.actor_countries.like(code, escape="\\"),
                        events.c.recipient_countries.like(code, escape="\\")))
    if f.type:
        q = q.where(events.c.event_type == f.type.upper())
    if f.sector:
        code = _like(f"|{f.sector.upper()}|")
        q = q.where(or_(events.c.actor_sectors.like(code, escape="\\"),
                        events.c.recipient_sectors.like(code, escape="\\")))
    if f.mode:
        q = q.where(events.c.mode == f.mode)
    if f.text:
        q = q.where(events.c.event_text.ilike(_like(f.text), escape="\\"))
    q = _dated(q, events.c.date_first, events.c.date_last, f)
    return _page(q.order_by(articles.c.published, articles.c.id, events.c.seq), f)


def select_events(engine: Engine, f: EventFilter) -> list[EventRow]:
    q = event_query(f)
    with engine.connect() as connection:
        return [EventRow(from_json(Event, r.data), r.id, r.title, r.published, r.source)
                for r in connection.execute(q)]


def quote_query(f: QuoteFilter) -> Select:
    q = select(quotes.c.data, *_article_columns()).join(articles, articles.c.id == quotes.c.article_id)
    if f.speaker:
        pattern = _like(f.speaker)
        q = q.where(or_(quotes.c.speaker.ilike(pattern, escape="\\"),
                        quotes.c.speaker_name.ilike(pattern, escape="\\")))
    if f.country:
        q = q.where(quotes.c.speaker_country == f.country.upper())
    if f.text:
        q = q.where(quotes.c.content.ilike(_like(f.text), escape="\\"))
    q = _dated(q, articles.c.published_first, articles.c.published_last, f)
    return _page(q.order_by(articles.c.published, articles.c.id, quotes.c.seq), f)


def select_quotes(engine: Engine, f: QuoteFilter) -> list[QuoteRow]:
    q = quote_query(f)
    with engine.connect() as connection:
        return [QuoteRow(from_json(Quote, r.data), r.id, r.title, r.published, r.source)
                for r in connection.execute(q)]


def article_query(f: ArticleFilter) -> Select:
    n_events = select(func.count()).where(events.c.article_id == articles.c.id).scalar_subquery()
    n_quotes = select(func.count()).where(quotes.c.article_id == articles.c.id).scalar_subquery()
    q = select(articles, n_events.label("n_events"), n_quotes.label("n_quotes"))
    if f.text:
        q = q.where(or_(articles.c.text.ilike(_like(f.text), escape="\\"),
                        articles.c.title.ilike(_like(f.text), escape="\\")))
    q = _dated(q, articles.c.published_first, articles.c.published_last, f)
    return _page(q.order_by(articles.c.published, articles.c.id), f)


def select_articles(engine: Engine, f: ArticleFilter) -> list[ArticleRow]:
    q = article_query(f)
    with engine.connect() as connection:
        rows = connection.execute(q)
        return [ArticleRow(Article(id=r.id, text=r.text, title=r.title, url=r.url,
                                   published=r.published, source=r.source, author=r.author,
                                   external_id=r.external_id), r.n_events, r.n_quotes)
                for r in rows]


_QUERIES = {EventFilter: event_query, QuoteFilter: quote_query, ArticleFilter: article_query}


def stats(engine: Engine, url: str) -> StoreStats:
    with engine.connect() as connection:
        count = lambda table: connection.execute(select(func.count()).select_from(table)).scalar()
        by_type = connection.execute(
            select(events.c.event_type, func.count()).group_by(events.c.event_type)
            .order_by(func.count().desc())).all()
        countries: dict[str, int] = {}
        for (value,) in connection.execute(select(events.c.actor_countries)):
            for code in filter(None, (value or "").split("|")):
                countries[code] = countries.get(code, 0) + 1
        first, last = connection.execute(
            select(func.min(articles.c.published), func.max(articles.c.published))).one()
        counts = {name: count(table) for name, table in RECORD_TABLES.items()}
        labels = _stage_labels(connection)
    top = dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))[:10])
    return StoreStats(database=url, articles=count_articles(engine), **counts,
                      events_by_type=dict(by_type), top_actor_countries=top,
                      first_published=first, last_published=last, stage_labels=labels)


def _stage_labels(connection) -> dict[str, int]:
    """How many articles each stage label (code, lexicons, model, settings) made, by label."""
    s = article_stages.c
    rows = connection.execute(select(s.stage, s.version, s.fingerprint, func.count())
                              .group_by(s.stage, s.version, s.fingerprint)).all()
    return {StageInfo(stage, version, fingerprint or "").label: n
            for stage, version, fingerprint, n in sorted(rows, key=lambda r: (r[0], r[1], r[2] or ""))}


def count_articles(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(articles)).scalar()
