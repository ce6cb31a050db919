"""Counts behind the dashboard, in SQL on both SQLite and PostgreSQL: events by month and type
or dyad, event locations, who acts on whom, and one actor's profile. Each takes the same
:class:`EventFilter` as the event listing, so every chart follows the filters."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from eventscope.store import ActorFilter, EventFilter, QuoteFilter, Store, queries
from eventscope.store.filters import check_filter
from eventscope.store.schema import entities, events

TOP_DYADS = 8
MOST_POINTS = 2000
MOST_NODES = 40


def _filtered(f: EventFilter, connection, *columns):
    """``columns`` of the events ``f`` keeps (the listing's own query, other columns); names
    in ``f`` are matched against those stored, read through ``connection``."""
    f = replace(f, limit=None, offset=0)
    check_filter(f)
    return queries.event_query(f, connection).with_only_columns(*columns).order_by(None)


def _month():
    return func.substr(events.c.date_first, 1, 7)


@dataclass(frozen=True)
class Timeline:
    months: list[str]
    series: dict[str, list[int]]  # key (type or dyad) -> count per month
    by: str


def _span_of_months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def dyad_name(actors: Optional[str], recipients: Optional[str]) -> str:
    side = lambda codes: "+".join(filter(None, (codes or "").split("|"))) or "?"
    return f"{side(actors)} → {side(recipients)}"


def timeline(engine: Engine, f: EventFilter, by: str = "type") -> Timeline:
    """Events per month (of the day their date starts) by type, or by the top dyads."""
    keys = ((events.c.event_type,) if by == "type"
            else (events.c.actor_countries, events.c.recipient_countries))
    with engine.connect() as connection:
        query = _filtered(f, connection, _month().label("month"), *keys,
                          func.count().label("n")).where(
            events.c.date_first.is_not(None)).group_by(_month(), *keys)
        rows = connection.execute(query).all()
    counts: dict[str, Counter] = defaultdict(Counter)
    for month, *key, n in rows:
        name = key[0] if by == "type" else dyad_name(*key)
        counts[name or "?"][month] += n
    if by == "dyad":
        top = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))[:TOP_DYADS]
        counts = {k: counts[k] for k in top}
    months = sorted({m for c in counts.values() for m in c})
    months = _span_of_months(months[0], months[-1]) if months else []
    series = {k: [counts[k][m] for m in months] for k in sorted(counts)}
    return Timeline(months, series, by)


@dataclass(frozen=True)
class Point:
    name: str
    lat: float
    lon: float
    events: int


def event_locations(engine: Engine, f: EventFilter) -> list[Point]:
    """Where events happened (their ``event_loc``), one point per place with its count."""
    loc = events.c.data
    lat, lon = loc[("event_loc", "lat")].as_float(), loc[("event_loc", "lon")].as_float()
    name = func.coalesce(loc[("event_loc", "name")].as_string(),
                         loc[("event_loc", "text")].as_string())
    with engine.connect() as connection:
        query = (_filtered(f, connection, name.label("name"), lat.label("lat"), lon.label("lon"),
                           func.count().label("n"))
                 .where(lat.is_not(None)).where(lon.is_not(None))
                 .group_by(name, lat, lon).order_by(func.count().desc(), name, lat, lon)
                 .limit(MOST_POINTS))
        return [Point(r.name or "?", r.lat, r.lon, r.n) for r in connection.execute(query)]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    events: int


@dataclass(frozen=True)
class Network:
    nodes: dict[str, int]  # actor code -> events it takes part in
    edges: list[Edge]  # who acts on whom, weighted by events


def network(engine: Engine, f: EventFilter) -> Network:
    """Actors (country codes) linked by the events one directs at another."""
    a, r = events.c.actor_countries, events.c.recipient_countries
    weights: Counter = Counter()
    with engine.connect() as connection:
        query = _filtered(f, connection, a, r, func.count().label("n")).group_by(a, r)
        for actors, recipients, n in connection.execute(query):
            for source in filter(None, (actors or "").split("|")):
                for target in filter(None, (recipients or "").split("|")):
                    if source != target:
                        weights[(source, target)] += n
    nodes: Counter = Counter()
    for (source, target), n in weights.items():
        nodes[source] += n
        nodes[target] += n
    kept = dict(sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))[:MOST_NODES])
    edges = [Edge(s, t, n) for (s, t), n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
             if s in kept and t in kept]
    return Network(kept, edges)


@dataclass(frozen=True)
class ActorProfile:
    name: str
    rows: list  # ActorRow: the codes it was given, with evidence and counts
    spellings: list[tuple[str, int]]  # the words articles name it by, most used first
    statements_by_month: dict[str, int]
    statements: list  # QuoteRow, newest first
    events_by_type: dict[str, int]


def actor_profile(store: Store, name: str, most: int = 20) -> ActorProfile:
    rows = store.actors(ActorFilter(name=name))
    canon = sorted({r.name for r in rows})
    spellings: Counter = Counter()
    if canon:
        text = entities.c.data["text"].as_string()
        query = (select(text, func.count()).where(entities.c.canonical.in_(canon))
                 .group_by(text).order_by(func.count().desc()).limit(30))
        with store.engine.connect() as connection:
            spellings.update(dict(connection.execute(query).all()))
    quotes = store.quotes(QuoteFilter(speaker=name))
    by_month = Counter((q.published or "")[:7] or "undated" for q in quotes)
    with store.engine.connect() as connection:
        typed = _filtered(EventFilter(actor=name), connection, events.c.event_type,
                          func.count()).group_by(events.c.event_type)
        by_type = dict(sorted(connection.execute(typed).all(), key=lambda kv: (-kv[1], kv[0])))
    newest = sorted(quotes, key=lambda q: q.published or "", reverse=True)[:most]
    named = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
    return ActorProfile(name, rows, named, dict(sorted(by_month.items())),
                        newest, by_type)
