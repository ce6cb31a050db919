"""One event, many reports: stored events of different articles grouped into merged events.

The rule is data (settings): events join one merged event when they agree on every key of
``merge_keys`` (``type``, ``dyad``, ``place``, and optionally ``mode`` and ``modality``) and
their first day is at most ``merge_window_days`` after the group's first day. A dyad is the set
of the actors' codes and the set of the recipients' (code, else country, else name); a place is
the event location's GeoNames id, else its name, else none. An event with no party (when
``dyad`` is a key) or no date is never merged: too little says it is the same act. Each merged
event lists its mentions (article and trigger span) and counts its mentions, its articles and
its distinct sources (the host of each article's URL, else its source, the near-duplicate copies
of those articles included).

After each batch an ingest stores, only the groups the new events (or new copies) can change
are recomputed (:func:`eventscope.store.merge_update.update_merged_events`), with the same result
as refilling the tables from the whole ``events`` table (:func:`refresh_merged_events`), which is
what happens when the rule (keys, window) differs from the one the tables were made with. The
extractors' records are never changed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Optional, Sequence
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import Connection, Engine

from eventscope.settings import Settings
from eventscope.store import engine as engines
from eventscope.store.schema import articles, events
from eventscope.store.streams_schema import (
    article_copies, merge_pending, merge_rules, merged_event_mentions, merged_events,
)
from eventscope.store.writer import chunks

RULE = "merged_events"  # merge_rules row of the rule the merged events were made with
_LOCK = 110_008  # PostgreSQL advisory lock serialising merged-event updates
EVENT_COLUMNS = (events.c.article_id, events.c.seq, events.c.start, events.c.end,
                 events.c.event_type, events.c.mode, events.c.modality, events.c.date_first,
                 events.c.date_last, events.c.data)


@dataclass(frozen=True)
class Mention:
    article_id: str
    seq: int  # the event's row in the article (events.seq)
    start: int  # trigger span in the article text
    end: int


@dataclass(frozen=True)
class MergedEvent:
    id: str
    event_type: str
    mode: Optional[str]
    modality: Optional[str]
    actors: str  # "|"-joined party keys
    recipients: str
    place: Optional[str]
    date_first: Optional[str]
    date_last: Optional[str]
    mentions: tuple[Mention, ...]
    articles: int
    sources: int


@dataclass(frozen=True)
class EventRow:
    key: tuple
    mergeable: bool
    day: Optional[str]
    last: Optional[str]
    mention: Mention
    values: dict


def party_key(parties: Sequence[dict]) -> str:
    names = {p.get("code") or p.get("country") or (p.get("name") or p.get("text") or "").casefold()
             for p in parties or ()}
    return "|".join(sorted(n for n in names if n))


def place_key(place: Optional[dict]) -> Optional[str]:
    if not place:
        return None
    if place.get("geonameid") is not None:
        return f"geonames:{place['geonameid']}"
    return (place.get("name") or place.get("text") or "").casefold() or None


def event_row(row, keys: Sequence[str]) -> EventRow:
    data = row.data
    values = dict(event_type=row.event_type, mode=row.mode, modality=row.modality,
                  actors=party_key(data.get("actor")), recipients=party_key(data.get("recipient")),
                  place=place_key(data.get("event_loc")))
    parts = {"type": values["event_type"], "dyad": (values["actors"], values["recipients"]),
             "place": values["place"], "mode": values["mode"], "modality": values["modality"]}
    has_party = bool(values["actors"] or values["recipients"]) or "dyad" not in keys
    return EventRow(key=tuple(parts[k] for k in keys), mergeable=has_party and bool(row.date_first),
                day=row.date_first, last=row.date_last or row.date_first,
                mention=Mention(row.article_id, row.seq, row.start, row.end), values=values)


def group_rows(rows: list[EventRow], window_days: int) -> list[list[EventRow]]:
    """Rows grouped by key and date window; unmergeable rows alone."""
    groups: list[list[EventRow]] = [[r] for r in rows if not r.mergeable]
    mergeable = sorted((r for r in rows if r.mergeable),
                       key=lambda r: (repr(r.key), r.day, r.mention.article_id, r.mention.seq))
    current: list[EventRow] = []
    for row in mergeable:
        if current and row.key == current[0].key and _days(current[0].day, row.day) <= window_days:
            current.append(row)
            continue
        if current:
            groups.append(current)
        current = [row]
    if current:
        groups.append(current)
    return groups


def refresh_merged_events(engine: Engine, settings: Settings) -> int:
    """Refill the merged events from all stored events; returns how many there are."""
    with engine.connect() as connection:
        with connection.execution_options(**engines.WRITE).begin():
            lock(connection)
            return refill(connection, settings)


def refill(connection: Connection, settings: Settings) -> int:
    """Refill the merged events on ``connection`` (locked), record the rule, empty the queue."""
    keys = tuple(settings.merge_keys)
    rows = [event_row(r, keys) for r in connection.execute(select(*EVENT_COLUMNS))]
    groups = group_rows(rows, settings.merge_window_days)
    connection.execute(delete(merged_event_mentions))
    connection.execute(delete(merged_events))
    insert_groups(connection, groups, outlets_of(connection))
    connection.execute(delete(merge_pending))
    connection.execute(delete(merge_rules).where(merge_rules.c.name == RULE))
    connection.execute(insert(merge_rules), [{"name": RULE, "rule": rule_of(settings)}])
    return len(groups)


def rule_of(settings: Settings) -> str:
    """The merge rule as stored: a different one means the merged events are recomputed."""
    return json.dumps({"keys": list(settings.merge_keys),
                       "window_days": settings.merge_window_days})


def lock(connection: Connection) -> Optional[str]:
    """Serialise merged-event updates (SQLite: the write transaction already does); the rule
    the merged events were made with, None if none is stored."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
    return connection.execute(select(merge_rules.c.rule).where(merge_rules.c.name == RULE)
                              ).scalar_one_or_none()


def key_hash(key: tuple) -> str:
    return hashlib.md5(repr(key).encode("utf-8")).hexdigest()


def insert_groups(connection: Connection, groups: list[list[EventRow]],
                  outlets: dict[str, set[str]]) -> None:
    merged, mentions = _merged_rows(groups, outlets)
    if merged:
        connection.execute(insert(merged_events), merged)
        connection.execute(insert(merged_event_mentions), mentions)


def select_merged_events(engine: Engine, event_type: Optional[str] = None, min_sources: int = 1,
                         limit: Optional[int] = None) -> list[MergedEvent]:
    """Merged events, most sources first, then by first day."""
    query = select(merged_events).where(merged_events.c.sources >= min_sources)
    if event_type:
        query = query.where(merged_events.c.event_type == event_type.upper())
    query = query.order_by(merged_events.c.sources.desc(), merged_events.c.date_first,
                           merged_events.c.id).limit(limit)
    with engine.connect() as connection:
        found = connection.execute(query).all()
        mentions: dict[str, list[Mention]] = {}
        ids = [r.id for r in found]
        for start in range(0, len(ids), 500):
            for m in connection.execute(select(merged_event_mentions).where(
                    merged_event_mentions.c.merged_id.in_(ids[start:start + 500]))
                    .order_by(merged_event_mentions.c.article_id, merged_event_mentions.c.seq)):
                mentions.setdefault(m.merged_id, []).append(
                    Mention(m.article_id, m.seq, m.start, m.end))
    return [MergedEvent(id=r.id, event_type=r.event_type, mode=r.mode, modality=r.modality,
                        actors=r.actors, recipients=r.recipients, place=r.place,
                        date_first=r.date_first, date_last=r.date_last,
                        mentions=tuple(mentions.get(r.id, ())), articles=r.articles,
                        sources=r.sources) for r in found]


def _merged_rows(groups: list[list[EventRow]], outlets: dict[str, set[str]]):
    merged, mentions = [], []
    for group in groups:
        first = group[0]
        digest = hashlib.md5(repr((first.key, first.day, first.mention.article_id,
                                   first.mention.seq)).encode("utf-8")).hexdigest()
        article_ids = {r.mention.article_id for r in group}
        sources = set().union(*(outlets.get(a, {a}) for a in article_ids))
        lasts = [r.last for r in group if r.last]
        merged.append(dict(id=digest, **first.values, date_first=first.day,
                           date_last=max(lasts) if lasts else None, mentions=len(group),
                           articles=len(article_ids), sources=len(sources),
                           merge_key=key_hash(first.key) if first.mergeable else None))
        mentions.extend(dict(merged_id=digest, article_id=r.mention.article_id, seq=r.mention.seq,
                             start=r.mention.start, end=r.mention.end) for r in group)
    return merged, mentions


def outlets_of(connection: Connection, ids: Optional[set[str]] = None) -> dict[str, set[str]]:
    """Article id -> the outlets it stands for: its own, and its near-duplicate copies'
    (of the articles ``ids``, or of all)."""
    found: dict[str, set[str]] = {}
    article_query = select(articles.c.id, articles.c.url, articles.c.source)
    copy_query = select(article_copies.c.article_id, article_copies.c.url,
                        article_copies.c.source, article_copies.c.member_id)
    wanted = [None] if ids is None else list(chunks(sorted(ids)))
    for chunk in wanted:
        a_query, c_query = article_query, copy_query
        if chunk is not None:
            a_query = a_query.where(articles.c.id.in_(chunk))
            c_query = c_query.where(article_copies.c.article_id.in_(chunk))
        for r in connection.execute(a_query):
            found[r.id] = {_outlet(r.url, r.source, r.id)}
        for r in connection.execute(c_query):
            found.setdefault(r.article_id, set()).add(_outlet(r.url, r.source, r.member_id))
    return found


def _outlet(url: Optional[str], source: Optional[str], fallback: str) -> str:
    if url:
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        if host:
            return host
    return source or fallback


def _days(first: str, day: str) -> int:
    return (dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(first[:10])).days
