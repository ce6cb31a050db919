"""Near-duplicate copies and feed items in the store (see :mod:`streams_schema`).

Both writes are idempotent: a copy or a feed item already stored is left as it is, so a run
started again, or a feed polled again, adds nothing twice.

::

    write_copies(store.engine, grouping.take_copies())
    copies_of(store.engine, article_id)        # the other sources of that article's text
    new = unseen_items(store.engine, feed, [item.key for item in items])
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from eventscope.ingest.dedup import Copy
from eventscope.store import engine as engines
from eventscope.store.schema import articles
from eventscope.store.streams_schema import article_copies, feed_items
from eventscope.store.writer import chunks, mark_merge_pending


@dataclass(frozen=True)
class SeenItem:
    """What a poll did with a feed item: stored (an article), copy (a near-duplicate of one),
    skipped (unusable page), or refused (robots.txt, HTTP 4xx, too large)."""

    feed: str
    key: str
    status: str
    link: Optional[str] = None
    article_id: Optional[str] = None
    reason: Optional[str] = None


def write_copies(engine: Engine, copies: Sequence[Copy]) -> list[Copy]:
    """Store ``copies`` not stored yet; returns those whose article is not stored yet (to be
    written later, once it is)."""
    if not copies:
        return []
    with engine.connect() as connection:
        with connection.execution_options(**engines.WRITE).begin():
            ids = list({c.article_id for c in copies})
            present = {i for chunk in chunks(ids) for i in connection.execute(
                select(articles.c.id).where(articles.c.id.in_(chunk))).scalars()}
            known = {tuple(r) for chunk in chunks(ids) for r in connection.execute(
                select(article_copies.c.article_id, article_copies.c.member_id,
                       article_copies.c.source).where(article_copies.c.article_id.in_(chunk)))}
            rows = {}
            for c in copies:
                key = (c.article_id, c.member_id, c.source or "")
                if c.article_id in present and key not in known:
                    rows[key] = dict(
                        article_id=c.article_id, member_id=c.member_id, similarity=c.similarity,
                        source=c.source or "", url=c.url, title=c.title, published=c.published)
            if rows:
                connection.execute(insert(article_copies), list(rows.values()))
                # a new source changes the counts of the article's merged events
                mark_merge_pending(connection, [article_id for article_id, _, _ in rows])
    return [c for c in copies if c.article_id not in present]


def copies_of(engine: Engine, article_id: str) -> list[Copy]:
    """The near-duplicate copies stored for ``article_id``, most similar first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(article_copies).where(article_copies.c.article_id == article_id)
            .order_by(article_copies.c.similarity.desc(), article_copies.c.member_id)).all()
    return [Copy(article_id=r.article_id, member_id=r.member_id, similarity=r.similarity,
                 source=r.source, url=r.url, title=r.title, published=r.published) for r in rows]


def count_copies(engine: Engine) -> int:
    from sqlalchemy import func

    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(article_copies)).scalar_one()


def unseen_items(engine: Engine, feed: str, keys: Iterable[str]) -> list[str]:
    """The keys of ``feed`` not seen by an earlier poll, in the order given."""
    keys = list(dict.fromkeys(keys))
    seen: set[str] = set()
    with engine.connect() as connection:
        for chunk in chunks(keys):
            seen.update(connection.execute(select(feed_items.c.item_key).where(
                (feed_items.c.feed == feed) & feed_items.c.item_key.in_(chunk))).scalars())
    return [k for k in keys if k not in seen]


def mark_seen(engine: Engine, items: Sequence[SeenItem]) -> None:
    """Remember ``items`` so that later polls pass them over."""
    if not items:
        return
    now = dt.datetime.now(dt.timezone.utc)
    rows = {(i.feed, i.key): dict(feed=i.feed, item_key=i.key, link=i.link, status=i.status,
                                  article_id=i.article_id, reason=i.reason, seen_at=now)
            for i in items}
    with engine.connect() as connection:
        with connection.execution_options(**engines.WRITE).begin():
            for feed in {f for f, _ in rows}:
                known = set(connection.execute(select(feed_items.c.item_key).where(
                    (feed_items.c.feed == feed)
                    & feed_items.c.item_key.in_([k for f, k in rows if f == feed]))).scalars())
                for key in known:
                    rows.pop((feed, key), None)
            if rows:
                connection.execute(insert(feed_items), list(rows.values()))
