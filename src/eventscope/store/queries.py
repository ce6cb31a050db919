"""Filtered reads: events, quotes, articles, and summary statistics. Portable SQL only."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Optional

from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import Engine

from eventscope.errors import InputError
from eventscope.records import Article, Event, Quote, StageInfo, from_json
from eventscope.store.filters import (
    MAX_NAMES, ActorFilter, ArticleFilter, EventFilter, QuoteFilter, check_filter, like_pattern,
)
from eventscope.store import name_index
from eventscope.store.names import fold_name, name_matches
from eventscope.store.periods import bounds
from eventscope.store.schema import (
    RECORD_TABLES, article_stages, articles, entities, events, quotes,
)


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
class ActorRow:
    """What the store knows of one actor: the mentions of one name (case and diacritics
    folded) with one label, country, sector and code source, and the words that gave them."""
    name: str  # the canonical name as stored, the group's most frequent spelling
    label: str
    country: Optional[str]
    sector: Optional[str]
    code: Optional[str]  # country + sector
    source: Optional[str]  # Entity.code_source
    evidence: Optional[str]  # the description ("Ruritanian Foreign Minister"), else the title
    mentions: int
    articles: int
    first: Optional[str]  # publication dates of the articles, None if none is known
    last: Optional[str]
    example_article: str  # the earliest article with the evidence
    example_span: tuple[int, int]  # its description's offsets, else the mention's
    example_published: Optional[str] = None


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


def count_matching(engine: Engine,
                   f: "EventFilter | QuoteFilter | ArticleFilter | ActorFilter") -> int:
    """How many rows ``f`` keeps without its limit and offset (to say when a listing is cut)."""
    check_filter(f)
    if isinstance(f, ActorFilter):  # grouped in Python: count the groups
        return len(select_actors(engine, replace(f, limit=None, offset=0)))
    with engine.connect() as connection:
        query = _QUERIES[type(f)](replace(f, limit=None, offset=0), connection).order_by(None)
        return connection.execute(select(func.count()).select_from(query.subquery())).scalar()


def _contains(column, f, value: str):
    """``column`` contains ``value``, case aside: literally, or as f's LIKE pattern."""
    return column.ilike(like_pattern(value, getattr(f, "like", False)), escape="\\")


def _has_code(column, code: str):
    return column.like(like_pattern(f"|{code.upper()}|"), escape="\\")


def _named(column, query: str, connection, what: str):
    """Rows whose ``column`` names ``query`` as :func:`names.name_matches` reads names (a
    value of several names when one of them does), found in the name index
    (:mod:`eventscope.store.name_index`); without a connection, a substring match."""
    if connection is None:
        return _contains(column, None, query)
    matched = name_index.values_named(connection, f"{column.table.name}.{column.name}", query)
    if len(matched) > MAX_NAMES:
        raise InputError(f"the {what} filter {query[:40]!r} names {len(matched):,} different "
                         f"{what}s, over the {MAX_NAMES:,} limit: give more of the name")
    return column.in_(matched)


def event_query(f: EventFilter, connection=None) -> Select:
    """The events (JSON plus article columns) that ``f`` keeps, in article and record order.

    Actor and recipient names are matched as :mod:`eventscope.store.names` says against the
    names stored, read through ``connection``; without one, as substrings."""
    q = select(events.c.data, *_article_columns()).join(articles, articles.c.id == events.c.article_id)
    return _page(event_conditions(q, f, connection)
                 .order_by(articles.c.published, articles.c.id, events.c.seq), f)


def event_conditions(q: Select, f: EventFilter, connection=None) -> Select:
    """``q`` (over the events table) keeping the events ``f`` keeps."""
    e = events.c
    if f.actor:
        q = q.where(_named(e.actors, f.actor, connection, "actor"))
    if f.recipient:
        q = q.where(_named(e.recipients, f.recipient, connection, "recipient"))
    if f.country:
        q = q.where(or_(_has_code(e.actor_countries, f.country),
                        _has_code(e.recipient_countries, f.country)))
    if f.type:
        q = q.where(e.event_type == f.type.upper())
    if f.sector:
        q = q.where(or_(_has_code(e.actor_sectors, f.sector),
                        _has_code(e.recipient_sectors, f.sector)))
    if f.mode:
        q = q.where(e.mode == f.mode.lower())
    if f.text:
        q = q.where(_contains(e.event_text, f, f.text))
    return _dated(q, e.date_first, e.date_last, f)


def select_events(engine: Engine, f: EventFilter) -> list[EventRow]:
    check_filter(f)
    with engine.connect() as connection:
        return [EventRow(from_json(Event, r.data), r.id, r.title, r.published, r.source)
                for r in connection.execute(event_query(f, connection))]


def quote_query(f: QuoteFilter, connection=None) -> Select:
    """The quotes ``f`` keeps; the speaker is matched by any name (as :func:`event_query`)
    against both the words naming them and the name they were resolved to."""
    q = select(quotes.c.data, *_article_columns()).join(articles, articles.c.id == quotes.c.article_id)
    if f.speaker:
        q = q.where(or_(_named(quotes.c.speaker, f.speaker, connection, "speaker"),
                        _named(quotes.c.speaker_name, f.speaker, connection, "speaker")))
    if f.country:
        q = q.where(quotes.c.speaker_country == f.country.upper())
    if f.text:
        q = q.where(_contains(quotes.c.content, f, f.text))
    q = _dated(q, articles.c.published_first, articles.c.published_last, f)
    return _page(q.order_by(articles.c.published, articles.c.id, quotes.c.seq), f)


def select_quotes(engine: Engine, f: QuoteFilter) -> list[QuoteRow]:
    check_filter(f)
    with engine.connect() as connection:
        return [QuoteRow(from_json(Quote, r.data), r.id, r.title, r.published, r.source)
                for r in connection.execute(quote_query(f, connection))]


def article_query(f: ArticleFilter, connection=None) -> Select:
    n_events = select(func.count()).where(events.c.article_id == articles.c.id).scalar_subquery()
    n_quotes = select(func.count()).where(quotes.c.article_id == articles.c.id).scalar_subquery()
    q = select(articles, n_events.label("n_events"), n_quotes.label("n_quotes"))
    if f.text:
        q = q.where(or_(_contains(articles.c.text, f, f.text),
                        _contains(articles.c.title, f, f.text)))
    q = _dated(q, articles.c.published_first, articles.c.published_last, f)
    return _page(q.order_by(articles.c.published, articles.c.id), f)


def select_articles(engine: Engine, f: ArticleFilter) -> list[ArticleRow]:
    check_filter(f)
    q = article_query(f)
    with engine.connect() as connection:
        rows = connection.execute(q)
        return [ArticleRow(Article(id=r.id, text=r.text, title=r.title, url=r.url,
                                   published=r.published, source=r.source, author=r.author,
                                   external_id=r.external_id, published_at=r.published_at),
                           r.n_events, r.n_quotes)
                for r in rows]


MAX_REF_CHARS = 2000
_HEX = frozenset("0123456789abcdef")


def resolve_article(engine: Engine, ref: str) -> str:
    """The id of the one stored article ``ref`` names: its id, the start of its id (at least
    four characters) or its URL; an :class:`InputError` naming ``ref`` if none or several do."""
    from eventscope.store.filters import check_value

    check_value("article", ref, MAX_REF_CHARS)
    ref = ref.strip()
    a = articles.c
    with engine.connect() as connection:
        if "://" in ref:
            found = connection.execute(select(a.id).where(a.url == ref).order_by(a.id).limit(6))
        elif len(ref) >= 4 and set(ref.lower()) <= _HEX:
            pattern = ref.lower() + "%"  # hex digits only: nothing to escape
            found = connection.execute(select(a.id).where(a.id.like(pattern))
                                       .order_by(a.id).limit(6))
        else:
            found = connection.execute(select(a.id).where(a.id == ref))
        ids = list(found.scalars())
    shown = ref if len(ref) <= 80 else ref[:79] + "…"
    if not ids:
        raise InputError(f"no stored article has the id or URL {shown!r} "
                         "(give an id, at least its first 4 characters, or the URL)")
    if len(ids) > 1:
        more = ", ..." if len(ids) > 5 else ""
        raise InputError(f"{shown!r} names {'more than 5' if more else len(ids)} articles "
                         f"({', '.join(ids[:5])}{more}): give the whole id")
    return ids[0]


# Actors: entity mentions grouped by name and codes, with the words that gave the codes.

ACTOR_LABELS = ("PERSON", "ORG")
_BATCH = 1000  # entity rows fetched at a time


def actor_query(f: ActorFilter) -> Select:
    """The entity mentions (selected columns) whose label and country ``f`` keeps."""
    e = entities.c
    q = (select(e.article_id, e.start, e.end, e.label, e.canonical, e.country, e.data,
                articles.c.published)
         .join(articles, articles.c.id == e.article_id))
    q = q.where(e.label == f.label.upper()) if f.label else q.where(e.label.in_(ACTOR_LABELS))
    if f.country:
        q = q.where(e.country == f.country.upper())
    return q  # unordered: the groups and their examples do not depend on the order read


class _Group:
    """The mentions of one actor row while they are read."""

    def __init__(self) -> None:
        self.spellings: Counter = Counter()
        self.mentions = 0
        self.article_ids: set[str] = set()
        self.dates: set[str] = set()
        self.example: Optional[tuple] = None  # (sort key, evidence, article, span, published)

    def add(self, r, data: dict) -> None:
        self.spellings[r.canonical] += 1
        self.mentions += 1
        self.article_ids.add(r.article_id)
        if r.published:
            self.dates.add(r.published)
        said = data.get("description") or data.get("title")
        span = said or {"start": r.start, "end": r.end}
        key = (said is None, r.published is None, r.published or "", r.article_id, r.start)
        if self.example is None or key < self.example[0]:
            self.example = (key, said["text"] if said else None, r.article_id,
                            (span["start"], span["end"]), r.published)

    def row(self, label, country, sector, source) -> ActorRow:
        name = min(self.spellings, key=lambda s: (-self.spellings[s], s))
        _, evidence, article_id, span, published = self.example
        return ActorRow(name=name, label=label, country=country, sector=sector,
                        code=(country or "") + (sector or "") or None, source=source,
                        evidence=evidence, mentions=self.mentions,
                        articles=len(self.article_ids), first=min(self.dates, default=None),
                        last=max(self.dates, default=None), example_article=article_id,
                        example_span=span, example_published=published)


def select_actors(engine: Engine, f: ActorFilter) -> list[ActorRow]:
    """Actors ``f`` keeps, the most articles first; only those with a country or a sector
    unless ``f.source`` is given. Label and country are filtered in SQL, the rest here."""
    check_filter(f)
    groups: dict[tuple, _Group] = {}
    named: dict[str, bool] = {}  # canonical -> whether f.name names it
    sector = f.sector.upper() if f.sector else None
    with engine.connect() as connection:
        for r in connection.execution_options(yield_per=_BATCH).execute(actor_query(f)):
            data = r.data
            source = data.get("code_source")
            if (f.source and source != f.source) or (sector and data.get("sector") != sector):
                continue
            if not f.source and not (r.country or data.get("sector")):
                continue
            if f.name:
                if r.canonical not in named:
                    named[r.canonical] = name_matches(f.name, r.canonical)
                if not named[r.canonical]:
                    continue
            key = (fold_name(r.canonical), r.label, r.country, data.get("sector"), source)
            groups.setdefault(key, _Group()).add(r, data)
    rows = sorted((group.row(*key[1:]) for key, group in groups.items()),
                  key=lambda a: (-a.articles, fold_name(a.name), a.name, a.label, a.code or "",
                                 a.source or ""))
    end = None if f.limit is None else f.offset + f.limit
    return rows[f.offset:end]


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
