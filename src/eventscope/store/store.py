"""The store: transactional, idempotent writes of ArticleResults, and reads back."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, BinaryIO, Iterable, Optional, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from eventscope.errors import InputError, StoreError, database_reason
from eventscope.records import RECORD_TYPES, Article, ArticleResult, PipelineInfo, from_json
from eventscope.store import engine as engines
from eventscope.store import queries
from eventscope.store.schema import RECORD_TABLES, articles
from eventscope.store.writer import stored_versions, write_batch

if TYPE_CHECKING:
    from eventscope.store.counts import EventCounts
    from eventscope.store.learned import DictionarySummary

_LABEL = re.compile(r"^(.+)\.v(\d+)(?:-([0-9a-f]+))?$")


@dataclass(frozen=True)
class WriteSummary:
    written: int  # articles inserted or with at least one stage replaced
    unchanged: int  # articles already stored with the same stage versions


class Store:
    """A database of ArticleResults. ``Store.open(url)`` creates and migrates it.

    >>> with Store.open("sqlite://") as store:      # in memory; a path makes a file
    ...     store.write([]).written
    0
    """

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str, create: bool = True) -> "Store":
        """Open (creating the SQLite file and its folder if needed) and migrate to the newest
        schema; any failure is one :class:`StoreError` naming the database and the reason.

        With ``create`` False (for reading) a database that does not exist, or holds no
        tables, is an error instead.
        """
        engine = engines.create(url, create_database=create)
        try:
            with engine.connect() as connection:
                with connection.execution_options(**engines.WRITE).begin():
                    engines.migrate(connection, create_database=create)
        except (SQLAlchemyError, StoreError) as exc:
            engine.dispose()
            reason = str(exc) if isinstance(exc, StoreError) else _reason(exc)
            raise StoreError(f"cannot open database {engines.shown(url)}: {reason}") from None
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def pending(self, article_ids: Iterable[str], stage_labels: Sequence[str]) -> set[str]:
        """Ids not yet stored with every one of ``stage_labels`` (``name.vN-fingerprint``)."""
        wanted = {_stage_of(label) for label in stage_labels}
        ids = list(dict.fromkeys(article_ids))
        try:
            with self.engine.connect() as connection:
                stored = stored_versions(connection, ids)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database {engines.shown(self.url)}: "
                             f"{_reason(exc)}") from None
        return {i for i in ids
                if any(stored.get(i, {}).get(name) != label for name, label in wanted)}

    def write(self, results: Sequence[ArticleResult]) -> WriteSummary:
        """Write a batch in one transaction; per (article, stage version) it is idempotent.

        A failure (a read-only or full disk, a corrupted file, a lost server) rolls the batch
        back, keeps every earlier batch, and is one :class:`StoreError` line: running the same
        ingest again completes it.
        """
        try:
            with self.engine.connect() as connection:
                with connection.execution_options(**engines.WRITE).begin():
                    written, unchanged = write_batch(connection, results)
                    engines.refresh_statistics(connection)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to database {engines.shown(self.url)}: "
                             f"{_reason(exc)}") from None
        return WriteSummary(written, unchanged)

    def get(self, article_id: str) -> Optional[ArticleResult]:
        with self.engine.connect() as connection:
            row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
            if row is None:
                return None
            found = {}
            for name, table in RECORD_TABLES.items():
                data = connection.execute(
                    select(table.c.data).where(table.c.article_id == article_id)
                    .order_by(table.c.seq)).scalars()
                found[name] = tuple(from_json(RECORD_TYPES[name], d) for d in data)
        return ArticleResult(article=_article(row), pipeline=from_json(PipelineInfo, row.pipeline),
                             errors=tuple(row.errors), **found)

    def articles(self, f: "queries.ArticleFilter" = None) -> list["queries.ArticleRow"]:
        return queries.select_articles(self.engine, f or queries.ArticleFilter())

    def events(self, f: "queries.EventFilter" = None) -> list["queries.EventRow"]:
        return queries.select_events(self.engine, f or queries.EventFilter())

    def quotes(self, f: "queries.QuoteFilter" = None) -> list["queries.QuoteRow"]:
        return queries.select_quotes(self.engine, f or queries.QuoteFilter())

    def actors(self, f: "queries.ActorFilter" = None) -> list["queries.ActorRow"]:
        """People and organisations named in stored articles, with the codes the store has for
        them and the words that gave them; see :func:`queries.select_actors`."""
        return queries.select_actors(self.engine, f or queries.ActorFilter())

    def write_actor_dictionary(self, path, f: "queries.ActorFilter" = None) -> "DictionarySummary":
        """Write the roles articles stated for persons (``f``'s PERSON rows whose source is
        "description") to ``path`` as a PETRARCH actor dictionary; see
        :mod:`eventscope.store.learned`."""
        from eventscope.store.learned import write_actor_dictionary

        f = replace(f or queries.ActorFilter(), label="PERSON", source="description",
                    limit=None, offset=0)
        return write_actor_dictionary(self.actors(f), path)

    def count(self, f: "queries.EventFilter | queries.QuoteFilter | queries.ArticleFilter "
                       "| queries.ActorFilter") -> int:
        """Rows ``f`` matches, whatever its limit and offset."""
        return queries.count_matching(self.engine, f)

    def counts(self, f: "queries.EventFilter" = None, by=("month",)) -> "EventCounts":
        """The events ``f`` keeps counted by ``by`` (type, mode, actor_country,
        recipient_country, day, week, month, year); see :mod:`eventscope.store.counts`."""
        from eventscope.store.counts import count_events

        return count_events(self.engine, f or queries.EventFilter(), by)

    def find(self, ref: str) -> ArticleResult:
        """The article ``ref`` names (its id, an id prefix or its URL) with its records; an
        :class:`InputError` if none or several match."""
        return self.get(queries.resolve_article(self.engine, ref))

    def stats(self) -> "queries.StoreStats":
        return queries.stats(self.engine, engines.shown(self.url))

    def article_ids(self) -> list[str]:
        with self.engine.connect() as connection:
            return list(connection.execute(
                select(articles.c.id).order_by(articles.c.published, articles.c.id)).scalars())

    def export(self, fmt: str, out: BinaryIO, table: str = "events") -> int:
        from eventscope.store.export import export

        return export(self, fmt, out, table)


def _article(row) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url,
                   published=row.published, source=row.source, author=row.author,
                   external_id=row.external_id, published_at=row.published_at)


def _stage_of(label: str) -> tuple[str, str]:
    """(stage name, label) of a label ``name.vN`` or ``name.vN-fingerprint``."""
    match = _LABEL.match(label)
    if match is None:
        raise InputError(f"not a stage label: {label!r} "
                         "(expected name.vN or name.vN-fingerprint, e.g. quotes.v1-3fa2c91b0e)")
    return match[1], label


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's reason and what to do; never the statement or its parameters."""
    return database_reason(exc)
