"""Merged events kept up to date incrementally: only the groups new events can change.

An ingest queues the articles it stores, and those that gain near-duplicate copies, in
``merge_pending`` (in the transaction that stores them, so a crash loses nothing).
:func:`update_merged_events` then recomputes, for each merge key those articles' events have or
had, the groups from the one whose window holds the key's earliest changed day onwards, and
leaves every other group alone. That is the full result (:func:`merge.refresh_merged_events`)
because grouping is greedy per key in day order: a group starting before the recomputed one
holds only days before it, which nothing new touches, and the recomputed one starts afresh at
its first row, as it does in a full recompute. Group ids hash the group's first row, so
unchanged groups keep their ids.

The rule (``merge_keys``, ``merge_window_days``) the groups were made with is stored; when the
settings give another, the update is a full recompute. Updates are serialised (SQLite's write
transaction, PostgreSQL's advisory lock), so concurrent ingests each find the queue as the last
one left it.

::

    update_merged_events(store.engine, settings)    # after storing a batch
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection, Engine

from eventscope.settings import Settings
from eventscope.store import engine as engines
from eventscope.store.merge import (
    EVENT_COLUMNS, EventRow, event_row, group_rows, insert_groups, key_hash, lock, outlets_of,
    refill, rule_of,
)
from eventscope.store.schema import events
from eventscope.store.streams_schema import merge_pending, merged_event_mentions, merged_events
from eventscope.store.writer import chunks


@dataclass(frozen=True)
class MergeUpdate:
    """What one update did."""

    articles: int  # articles taken from the queue
    recomputed: int  # merged events deleted and made again (0 on a full recompute)
    full: bool  # the whole table was recomputed (no rule stored yet, or another rule)


def update_merged_events(engine: Engine, settings: Settings) -> MergeUpdate:
    """Bring the merged events up to date with the queued articles (see the module docstring)."""
    with engine.connect() as connection:
        with connection.execution_options(**engines.WRITE).begin():
            stored_rule = lock(connection)
            queued = list(connection.execute(select(merge_pending.c.article_id)).scalars())
            if stored_rule != rule_of(settings):
                refill(connection, settings)
                return MergeUpdate(len(queued), 0, True)
            if not queued:
                return MergeUpdate(0, 0, False)
            recomputed = _update(connection, settings, set(queued))
            for chunk in chunks(queued):
                connection.execute(delete(merge_pending)
                                   .where(merge_pending.c.article_id.in_(chunk)))
    return MergeUpdate(len(queued), recomputed, False)


def _update(connection: Connection, settings: Settings, touched: set[str]) -> int:
    keys = tuple(settings.merge_keys)
    new_rows = [event_row(r, keys) for r in _events_of(connection, touched)]
    old = _groups_with_mentions_of(connection, touched)  # id -> (merge key, first day)
    earliest: dict[str, str] = {}  # merge key -> earliest day it changes on
    changed = [(key_hash(r.key), r.day) for r in new_rows if r.mergeable]
    for key, day in changed + [v for v in old.values() if v[0] is not None]:
        earliest[key] = min(earliest.get(key, day), day)
    redo = set(old) | _groups_from(connection, earliest)
    kept = {(a, s) for chunk in chunks(sorted(redo)) for a, s in connection.execute(
        select(merged_event_mentions.c.article_id, merged_event_mentions.c.seq)
        .where(merged_event_mentions.c.merged_id.in_(chunk))) if a not in touched}
    kept_rows = [event_row(r, keys) for r in _events_of(connection, {a for a, _ in kept})
                 if (r.article_id, r.seq) in kept]
    for chunk in chunks(sorted(redo)):
        connection.execute(delete(merged_event_mentions)
                           .where(merged_event_mentions.c.merged_id.in_(chunk)))
        connection.execute(delete(merged_events).where(merged_events.c.id.in_(chunk)))
    rows: list[EventRow] = kept_rows + new_rows
    groups = group_rows(rows, settings.merge_window_days)
    insert_groups(connection, groups, outlets_of(connection, {r.mention.article_id for r in rows}))
    return len(redo)


def _events_of(connection: Connection, article_ids: Iterable[str]):
    for chunk in chunks(sorted(article_ids)):
        yield from connection.execute(select(*EVENT_COLUMNS).where(events.c.article_id.in_(chunk)))


def _groups_with_mentions_of(connection: Connection, article_ids: set[str]) -> dict:
    found, mentions = {}, merged_event_mentions
    for chunk in chunks(sorted(article_ids)):
        for r in connection.execute(
                select(merged_events.c.id, merged_events.c.merge_key, merged_events.c.date_first)
                .join(mentions, mentions.c.merged_id == merged_events.c.id)
                .where(mentions.c.article_id.in_(chunk))):
            found[r.id] = (r.merge_key, r.date_first)
    return found


def _groups_from(connection: Connection, earliest: dict[str, str]) -> set[str]:
    """The groups of each key in ``earliest`` from the one whose window holds that day on."""
    by_key: dict[str, list[tuple[str, str]]] = {}
    for chunk in chunks(sorted(earliest)):
        for r in connection.execute(
                select(merged_events.c.id, merged_events.c.merge_key, merged_events.c.date_first)
                .where(merged_events.c.merge_key.in_(chunk))):
            by_key.setdefault(r.merge_key, []).append((r.date_first, r.id))
    redo: set[str] = set()
    for key, groups in by_key.items():
        starts = [day for day, _ in groups if day <= earliest[key]]
        start = max(starts) if starts else None
        redo.update(i for day, i in groups if start is None or day >= start)
    return redo
