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

The tables are refilled from the ``events`` table after each ingest (:func:`refresh_merged_events`);
the extractors' records are never changed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Optional, Sequence
from urllib.parse import urlsplit

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

from eventscope.settings import Settings
from eventscope.store import engine as engines
from eventscope.store.schema import articles, events
from eventscope.store.streams_schema import article_copies, merged_event_mentions, merged_events


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
class _Row:
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


def event_row(row, keys: Sequence[str]) -> _Row:
    data = row.data
    values = dict(event_type=row.event_type, mode=row.mode, modality=row.modality,
                  actors=party_key(data.get("actor")), recipients=party_key(data.get("recipient")),
                  place=place_key(data.get("event_loc")))
    parts = {"type": values["event_type"], "dyad": (values["actors"], values["recipients"]),
             "place": values["place"], "mode": values["mode"], "modality": values["modality"]}
    has_party = bool(values["actors"] or values["recipients"]) or "dyad" not in keys
    return _Row(key=tuple(parts[k] for k in keys), mergeable=has_party and bool(row.date_first),
                day=row.date_first, last=row.date_last or row.date_first,
                mention=Mention(row.article_id, row.seq, row.start, row.end), values=values)


def group_rows(rows: list[_Row], window_days: int) -> list[list[_Row]]:
    """Rows grouped by key and date window; unmergeable rows alone."""
    groups: list[list[_Row]] = [[r] for r in rows if not r.mergeable]
    mergeable = sorted((r for r in rows if r.mergeable),
                       key=lambda r: (repr(r.key), r.day, r.mention.article_id, r.mention.seq))
    current: list[_Row] = []
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
    """Refill the merged events from the stored events; returns how many there are."""
    keys = tuple(settings.merge_keys)
    with engine.connect() as connection:
        with connection.execution_options(**engines.WRITE).begin():
            rows = [event_row(r, keys) for r in connection.execute(select(
                events.c.article_id, events.c.seq, events.c.start, events.c.end,
                events.c.event_type, events.c.mode, events.c.modality, events.c.date_first,
                events.c.date_last, events.c.data))]
            outlets = _outlets(connection)
            groups = group_rows(rows, settings.merge_window_days)
            connection.execute(delete(merged_event_mentions))
            connection.execute(delete(merged_events))
            merged, mentions = _merged_rows(groups, outlets)
            if merged:
                connection.execute(insert(merged_events), merged)
                connection.execute(insert(merged_event_mentions), mentions)
    return len(groups)


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


def _merged_rows(groups: list[list[_Row]], outlets: dict[str, set[str]]):
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
                           articles=len(article_ids), sources=len(sources)))
        mentions.extend(dict(merged_id=digest, article_id=r.mention.article_id, seq=r.mention.seq,
                             start=r.mention.start, end=r.mention.end) for r in group)
    return merged, mentions


def _outlets(connection: Connection) -> dict[str, set[str]]:
    """Article id -> the outlets it stands for: its own, and its near-duplicate copies'."""
    found: dict[str, set[str]] = {}
    for r in connection.execute(select(articles.c.id, articles.c.url, articles.c.source)):
        found[r.id] = {_outlet(r.url, r.source, r.id)}
    for r in connection.execute(select(article_copies.c.article_id, article_copies.c.url,
                                       article_copies.c.source, article_copies.c.member_id)):
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
