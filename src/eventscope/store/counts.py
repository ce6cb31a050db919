"""Counts of stored events by type, mode, actor or recipient country, and over time.

``count_events(engine, f, ("month", "type"))`` counts the events ``f`` keeps (the filter of
``eventscope events``) in groups of those keys. An event is counted once in each group it
belongs to: under each of its actors' countries for ``actor_country``, under each (actor
country, recipient country) pair for both. A time key is the day, ISO week (``2023-W27``),
month or year of the event's date (else its article's publication date); an event whose date
covers more than one of them ("2023-07" for ``day``), or that has no date, is counted under
None. Grouped in Python over the few columns needed, so the SQL stays portable.
"""
from __future__ import annotations

import datetime
import itertools
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine

from eventscope.errors import InputError
from eventscope.store.filters import EventFilter, check_filter
from eventscope.store.queries import event_conditions
from eventscope.store.schema import events

TIME_KEYS = ("day", "week", "month", "year")
COUNT_KEYS = ("type", "mode", "actor_country", "recipient_country") + TIME_KEYS
_BATCH = 5000


@dataclass(frozen=True)
class CountRow:
    key: tuple[Optional[str], ...]  # one value per key of EventCounts.by, None: none/no date
    events: int


@dataclass(frozen=True)
class EventCounts:
    by: tuple[str, ...]
    rows: tuple[CountRow, ...]  # the page the filter's limit and offset ask for
    groups: int  # every group, whatever the limit and offset
    events: int  # events the filter keeps


def time_key(key: str, first: Optional[str], last: Optional[str]) -> Optional[str]:
    """The ``key`` (day, week, month, year) the days ``first``..``last`` fall in, or None if
    they fall in more than one or are unknown."""
    if not first or not last:
        return None
    try:
        low, high = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    except ValueError:
        return None
    values = {_bucket(key, day) for day in (low, high)}
    return values.pop() if len(values) == 1 else None


def _bucket(key: str, day: datetime.date) -> str:
    if key == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()[:{"day": 10, "month": 7, "year": 4}[key]]


def _codes(value: Optional[str]) -> list[Optional[str]]:
    return [c for c in (value or "").split("|") if c] or [None]


def _keys(r, by: Sequence[str]) -> list[tuple[Optional[str], ...]]:
    """Every group key of one event row."""
    values = []
    for key in by:
        if key == "type":
            values.append([r.event_type])
        elif key == "mode":
            values.append([r.mode])
        elif key in ("actor_country", "recipient_country"):
            column = r.actor_countries if key == "actor_country" else r.recipient_countries
            values.append(list(dict.fromkeys(_codes(column))))
        else:
            values.append([time_key(key, r.date_first, r.date_last)])
    return list(itertools.product(*values))


def check_keys(by: Sequence[str]) -> tuple[str, ...]:
    """``by`` without repeats; an unknown key, or none, is an :class:`InputError`."""
    keys = tuple(dict.fromkeys(by))
    unknown = [k for k in keys if k not in COUNT_KEYS]
    if unknown or not keys:
        what = f"{unknown[0]!r} is not a count key" if unknown else "no count key given"
        raise InputError(f"{what}; choose from: {', '.join(COUNT_KEYS)}")
    return keys


def _order(keys: tuple[str, ...]):
    """Groups over time in time order, others the largest first; None last either way."""
    timed = any(k in TIME_KEYS for k in keys)

    def order(item):
        key, n = item
        values = tuple((v is None, v or "") for v in key)
        return values + (-n,) if timed else (-n,) + values
    return order


def count_events(engine: Engine, f: EventFilter, by: Sequence[str]) -> EventCounts:
    """The events ``f`` keeps counted in groups of the keys ``by`` (see the module)."""
    check_filter(f)
    keys = check_keys(by)
    e = events.c
    q = select(e.event_type, e.mode, e.actor_countries, e.recipient_countries, e.date_first,
               e.date_last)
    counts: Counter = Counter()
    total = 0
    with engine.connect() as connection:
        q = event_conditions(q, replace(f, limit=None, offset=0), connection)
        for r in connection.execution_options(yield_per=_BATCH).execute(q):
            total += 1
            counts.update(_keys(r, keys))
    ordered = sorted(counts.items(), key=_order(keys))
    end = None if f.limit is None else f.offset + f.limit
    rows = tuple(CountRow(key, n) for key, n in ordered[f.offset:end])
    return EventCounts(by=keys, rows=rows, groups=len(ordered), events=total)
