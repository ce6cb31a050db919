"""The store: transactional, idempotent writes of ArticleResults, and reads back."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Optional, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from eventscope.errors import InputError, StoreError
from eventscope.records import (
    RECORD_TYPES, Article, ArticleResult, PipelineInfo, StageInfo, from_json, to_json,
)
from eventscope.store import engine as engines
from eventscope.store import queries
from eventscope.store.periods import period
from eventscope.store.rows import record_columns
from eventscope.store.schema import RECORD_TABLES, article_stages, articles

_CHUNK = 500  # ids per IN (...) clause
_LABEL = re.compile(r"^(.+)\.v(\d+)$")


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
    def open(cls, url: str) -> "Store":
        """Open (creating the SQLite file and its folder if needed) and migrate to the newest
        schema; any failure is one :class:`StoreError` naming the database and the reason."""
        engine = engines.create(url)
        try:
            with engine.connect() as connection:
                with connection.execution_options(**engines.WRITE).begin():
                    engines.migrate(connection)
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
        """Ids not yet stored with every one of ``stage_labels`` (``name.vN``)."""
        wanted = {_stage_of(label) for label in stage_labels}
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, set] = {i: set() for i in ids}
        with self.engine.connect() as connection:
            for chunk in _chunks(ids):
                rows = connection.execute(
                    select(article_stages).where(article_stages.c.article_id.in_(chunk)))
                for row in rows:
                    found[row.article_id].add((row.stage, row.version))
        return {i for i in ids if not wanted <= found[i]}

    def write(self, results: Sequence[ArticleResult]) -> WriteSummary:
        """Write a batch in one transaction; per (article, stage version) it is idempotent."""
        written = unchanged = 0
        with self.engine.connect() as connection:
            with connection.execution_options(**engines.WRITE).begin():
                for result in results:
                    if _write_one(connection, result):
                        written += 1
                    else:
                        unchanged += 1
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

    def stats(self) -> "queries.StoreStats":
        return queries.stats(self.engine, engines.shown(self.url))

    def article_ids(self) -> list[str]:
        with self.engine.connect() as connection:
            return list(connection.execute(
                select(articles.c.id).order_by(articles.c.published, articles.c.id)).scalars())

    def export(self, fmt: str, out: BinaryIO, table: str = "events") -> int:
        from eventscope.store.export import export

        return export(self, fmt, out, table)


def _write_one(connection: Connection, result: ArticleResult) -> bool:
    """Insert or update one article; False when it is stored with these stage versions."""
    article = result.article
    stored = dict(connection.execute(
        select(article_stages.c.stage, article_stages.c.version)
        .where(article_stages.c.article_id == article.id)).all())
    # the parse ("nlp") has no records and pending() is asked about extracting stages only;
    # its version still round-trips in the stored pipeline info
    stages = [s for s in result.pipeline.stages if s.name != "nlp"]
    changed = [s for s in stages if stored.get(s.name) != s.version]
    exists = connection.execute(
        select(articles.c.id).where(articles.c.id == article.id)).first() is not None
    if exists and not changed:
        return False
    if exists:
        connection.execute(articles.update().where(articles.c.id == article.id)
                           .values(**_article_values(result)))
    else:
        connection.execute(insert(articles).values(id=article.id, **_article_values(result)))
    for stage in changed:
        _replace_stage(connection, result, stage)
    return True


def _replace_stage(connection: Connection, result: ArticleResult, stage: StageInfo) -> None:
    """Delete-then-insert (portable, unlike INSERT OR REPLACE) inside the batch transaction."""
    article_id = result.article.id
    connection.execute(delete(article_stages).where(
        (article_stages.c.article_id == article_id) & (article_stages.c.stage == stage.name)))
    table = RECORD_TABLES.get(stage.name)
    if table is not None:
        connection.execute(delete(table).where(table.c.article_id == article_id))
        records = getattr(result, stage.name, None) or ()
        published = result.article.published
        rows = [
            {"article_id": article_id, "seq": seq, "stage": stage.label,
             **record_columns(stage.name, record, published), "data": to_json(record)}
            for seq, record in enumerate(records)
        ]
        if rows:
            connection.execute(insert(table), rows)
    connection.execute(insert(article_stages).values(
        article_id=article_id, stage=stage.name, version=stage.version))


def _article_values(result: ArticleResult) -> dict:
    a = result.article
    days = period(a.published) or (None, None)
    return dict(
        text=a.text, title=a.title, url=a.url, published=a.published, source=a.source,
        author=a.author, external_id=a.external_id, published_first=days[0],
        published_last=days[1], model=result.pipeline.model,
        model_version=result.pipeline.model_version, pipeline=to_json(result.pipeline),
        errors=list(result.errors), stored_at=dt.datetime.now(dt.timezone.utc),
    )


def _article(row) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url,
                   published=row.published, source=row.source, author=row.author,
                   external_id=row.external_id)


def _stage_of(label: str) -> tuple[str, int]:
    match = _LABEL.match(label)
    if match is None:
        raise InputError(f"not a stage label: {label!r} (expected name.vN, e.g. quotes.v1)")
    return match[1], int(match[2])


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    return str(original or exc).splitlines()[0]


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]
