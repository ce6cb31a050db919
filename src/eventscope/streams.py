"""Polling feeds into the store: the Python API behind ``eventscope watch``.

Each poll reads every feed, keeps the items no earlier poll has seen (by feed and item key,
remembered in the store's ``feed_items`` table), fetches their pages politely, and ingests the
articles like :func:`eventscope.workflow.ingest` (near-duplicates grouped with everything
stored before, by this or an earlier poll or run: see :mod:`eventscope.ingest.dedup`). An item
is remembered once it was stored, or found unusable or refused for good (robots.txt, HTTP 4xx,
too large, not HTML); one whose page could not be reached (a timeout, a 5xx answer) is tried
again at the next poll. A feed that cannot be read is one line and the other feeds go on.

::

    watcher = Watcher(["https://example.org/rss.xml", "saved/feed.xml"], settings)
    summary = watcher.poll()               # once
    watch(feeds, settings, every=900)      # every 15 minutes, until interrupted
"""
from __future__ import annotations

import contextlib
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from eventscope.errors import EventscopeError, InputError
from eventscope.ingest.article import Skip
from eventscope.ingest.feeds import FeedItem, is_url, item_article, read_feed
from eventscope.ingest.fetch import Fetcher, FetchError
from eventscope.records import Article
from eventscope.settings import Settings
from eventscope.workflow import OnProgress, OnSkip, RunSummary, ingest_items

log = logging.getLogger(__name__)

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``15m``, ``30s``, ``2h``, ``1d`` or a plain number of seconds."""
    found = _INTERVAL.match(text)
    if found is None or float(found[1]) <= 0:
        raise InputError(f"not an interval: {text!r} (e.g. 30s, 15m, 2h)")
    return float(found[1]) * _UNIT_SECONDS[found[2].lower()]


@dataclass
class PollSummary:
    """What one poll did."""

    feeds: int = 0  # feeds read
    items: int = 0  # items listed by the feeds
    new: int = 0  # items no earlier poll had seen
    fetched: int = 0  # HTTP requests made (pages, feeds and robots.txt)
    refused: int = 0  # items not fetched for good: robots.txt, HTTP 4xx, too large
    retry: int = 0  # items to try again next poll (timeouts, 5xx)
    feed_errors: list[str] = field(default_factory=list)
    run: RunSummary = field(default_factory=RunSummary)


class Watcher:
    """Polls a fixed list of feeds into ``settings.db_url`` (see the module docstring)."""

    def __init__(self, feeds: Sequence[str], settings: Settings,
                 fetcher: Optional[Fetcher] = None):
        from eventscope.ingest.dedup import NearDuplicates

        self.feeds = [f if is_url(f) else str(Path(f).resolve()) for f in feeds]
        self.settings = settings
        self.fetcher = fetcher or Fetcher(settings)
        self.grouping = NearDuplicates(settings) if settings.near_duplicates else None
        self._open = contextlib.ExitStack()
        self._executor = None  # opened at the first poll with articles: the model loads once

    def close(self) -> None:
        """Stop the executor (its worker processes, if any)."""
        self._open.close()
        self._executor = None

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _executor_for_poll(self):
        if self._executor is None:
            from eventscope.execute.executors import open_executor

            self._executor = self._open.enter_context(open_executor(self.settings))
        return self._executor

    def poll(self, on_skip: Optional[OnSkip] = None,
             on_progress: Optional[OnProgress] = None) -> PollSummary:
        from eventscope.store import Store
        from eventscope.store.copies import SeenItem, mark_seen, unseen_items

        summary = PollSummary()
        requests_before = self.fetcher.requests
        found: list[Article | Skip] = []
        seen: list[SeenItem] = []
        with Store.open(self.settings.db_url) as store:
            for feed in self.feeds:
                items = self._items(feed, summary)
                fresh = set(unseen_items(store.engine, feed, [i.key for i in items]))
                new = [i for i in items if i.key in fresh]
                summary.new += len(new)
                for item in new:
                    outcome = self._read_item(item, summary)
                    if outcome is not None:
                        found.append(outcome[0])
                        seen.append(outcome[1])
        summary.run = ingest_items(found, self.settings, on_skip=on_skip,
                                   on_progress=on_progress, grouping=self.grouping,
                                   executor=self._executor_for_poll())
        with Store.open(self.settings.db_url) as store:
            mark_seen(store.engine, seen)
        summary.fetched = self.fetcher.requests - requests_before
        return summary

    def _items(self, feed: str, summary: PollSummary) -> list[FeedItem]:
        try:
            items = read_feed(feed, self.fetcher)
        except (FetchError, InputError) as error:
            log.warning("feed %s not read: %s", feed, error)
            summary.feed_errors.append(f"{feed}: feed not read: {getattr(error, 'reason', error)}")
            return []
        summary.feeds += 1
        summary.items += len(items)
        return items

    def _read_item(self, item: FeedItem, summary: PollSummary):
        from eventscope.store.copies import SeenItem

        try:
            found = item_article(item, self.fetcher, self.settings)
        except FetchError as error:
            if not error.permanent:
                summary.retry += 1
                log.warning("%s", error)
                return None
            summary.refused += 1
            found = Skip(item.link or item.key, None, error.reason)
            return found, SeenItem(item.feed, item.key, "refused", item.link, None, error.reason)
        if isinstance(found, Skip):
            return found, SeenItem(item.feed, item.key, "skipped", item.link, None, found.reason)
        return found, SeenItem(item.feed, item.key, "article", item.link, found.id)


def watch(feeds: Sequence[str], settings: Settings, every: float, *,
          polls: Optional[int] = None, on_poll: Optional[Callable[[PollSummary], None]] = None,
          sleep: Callable[[float], None] = time.sleep, **callbacks) -> None:
    """Poll ``feeds`` every ``every`` seconds (``polls`` times, or until interrupted)."""
    with Watcher(feeds, settings) as watcher:
        _poll_loop(watcher, every, polls, on_poll, sleep, callbacks)


def _poll_loop(watcher: Watcher, every: float, polls: Optional[int],
               on_poll: Optional[Callable[[PollSummary], None]],
               sleep: Callable[[float], None], callbacks: dict) -> None:
    done = 0
    while polls is None or done < polls:
        started = time.monotonic()
        try:
            summary = watcher.poll(**callbacks)
        except EventscopeError as error:  # e.g. the database is briefly unreachable
            log.warning("poll failed: %s; trying again at the next poll", error)
        else:
            if on_poll:
                on_poll(summary)
        done += 1
        if polls is None or done < polls:
            sleep(max(0.0, every - (time.monotonic() - started)))
