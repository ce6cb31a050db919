"""Answers worth keeping between requests (charts, actor groupings, counts), for as long as the
store holds the same articles: the key includes the number of articles and the time of the last
write, read with one cheap query per request, so an ingest makes every kept answer stale."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

from sqlalchemy import func, select

from eventscope.store.schema import articles

SIZE = 256  # answers kept, least recently used dropped first


class StoreCache:
    def __init__(self, store, size: int = SIZE) -> None:
        self.store, self.size = store, size
        self._kept: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def version(self, connection=None) -> tuple:
        query = select(func.count(), func.max(articles.c.stored_at))
        if connection is not None:  # the caller's (one SQLite connection may be all there is)
            return tuple(connection.execute(query).one())
        with self.store.engine.connect() as own:
            return tuple(own.execute(query).one())

    def get(self, key: Hashable, compute: Callable[[], Any], connection=None) -> Any:
        """``compute()``'s answer for ``key``, computed once per version of the store (read
        through ``connection`` when the caller has one open)."""
        full = (self.version(connection), key)
        with self._lock:
            if full in self._kept:
                self._kept.move_to_end(full)
                return self._kept[full]
        value = compute()
        with self._lock:
            self._kept[full] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value
