"""One batch of ArticleResults written in one transaction, with a few statements per table.

The batch is planned first, against what the database holds and what earlier results of the
same batch planned: per article, which stages need (re)writing. Then stale rows are deleted and
the new rows inserted, table by table (executemany), so a batch of 32 articles costs a dozen
statements instead of twenty per article. Replacing is delete-then-insert, which every database
supports, unlike INSERT OR REPLACE.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from eventscope.records import ArticleResult, StageInfo, to_json
from eventscope.store import name_index
from eventscope.store.periods import period
from eventscope.store.rows import record_columns
from eventscope.store.schema import RECORD_TABLES, article_stages, articles, claims
from eventscope.store.signatures import write_signatures
from eventscope.store.streams_schema import merge_pending

# the parse ("nlp") has no records and pending() is asked about extracting stages only; its
# version still round-trips in the stored pipeline info
UNSTORED_STAGES = frozenset({"nlp"})
CHUNK = 500  # ids per IN (...) clause


@dataclass
class Plan:
    existing: set[str]  # article ids in the database before this batch
    versions: dict[str, dict[str, str]]  # article id -> stage -> stored label, as planned so far
    articles: dict[str, dict] = field(default_factory=dict)  # id -> article row to write
    stages: dict[tuple[str, str], tuple[StageInfo, ArticleResult]] = field(default_factory=dict)
    written: int = 0
    unchanged: int = 0

    def add(self, result: ArticleResult) -> None:
        article_id = result.article.id
        stored = self.versions.setdefault(article_id, {})
        changed = [s for s in result.pipeline.stages
                   if s.name not in UNSTORED_STAGES and stored.get(s.name) != s.label]
        known = article_id in self.existing or article_id in self.articles
        if known and not changed:
            self.unchanged += 1
            return
        self.written += 1
        self.articles[article_id] = article_row(result)
        for stage in changed:
            stored[stage.name] = stage.label
            self.stages[(article_id, stage.name)] = (stage, result)


def write_batch(connection: Connection, results: Sequence[ArticleResult]) -> tuple[int, int]:
    """Write ``results`` on ``connection`` (inside the caller's transaction): (written, unchanged)."""
    ids = list(dict.fromkeys(r.article.id for r in results))
    plan = Plan(existing=_existing(connection, ids), versions=stored_versions(connection, ids))
    for result in results:
        plan.add(result)
    names = _delete_stale(connection, plan)
    _write_articles(connection, plan)
    names.update(_insert_stages(connection, plan))
    name_index.update_names(connection, names)
    # in this transaction, so a stored article is always in the near-duplicate index and always
    # reaches the merged events, whatever stops the run after it
    write_signatures(connection, {i: row["text"] for i, row in plan.articles.items()
                                  if i not in plan.existing})
    mark_merge_pending(connection, list(plan.articles))
    for chunk in chunks(ids):  # stored: whoever claimed these articles is done with them
        connection.execute(delete(claims).where(claims.c.article_id.in_(chunk)))
    return plan.written, plan.unchanged


def mark_merge_pending(connection: Connection, ids: list[str]) -> None:
    """Queue ``ids`` for the next merged-events update (see eventscope.store.merge_update)."""
    ids = list(dict.fromkeys(ids))
    queued = {i for chunk in chunks(ids) for i in connection.execute(
        select(merge_pending.c.article_id).where(merge_pending.c.article_id.in_(chunk))).scalars()}
    fresh = [{"article_id": i} for i in ids if i not in queued]
    if fresh:
        connection.execute(insert(merge_pending), fresh)


def stored_versions(connection: Connection, ids: list[str]) -> dict[str, dict[str, str]]:
    """Article id -> stage name -> the label its records were stored under."""
    found: dict[str, dict[str, str]] = {}
    for chunk in chunks(ids):
        for row in connection.execute(
                select(article_stages).where(article_stages.c.article_id.in_(chunk))):
            label = StageInfo(row.stage, row.version, row.fingerprint or "").label
            found.setdefault(row.article_id, {})[row.stage] = label
    return found


def _existing(connection: Connection, ids: list[str]) -> set[str]:
    return {i for chunk in chunks(ids)
            for i in connection.execute(select(articles.c.id).where(articles.c.id.in_(chunk)))
            .scalars()}


def _delete_stale(connection: Connection, plan: Plan) -> Counter:
    """Delete the records of the stages ``plan`` replaces: the names they held, negative."""
    lost: Counter = Counter()
    stale = [(a, s) for (a, s) in plan.stages if a in plan.existing]
    if not stale:
        return lost
    connection.execute(
        delete(article_stages).where((article_stages.c.article_id == bindparam("a"))
                                     & (article_stages.c.stage == bindparam("s"))),
        [{"a": a, "s": s} for a, s in stale])
    for name, table in RECORD_TABLES.items():
        ids = [{"a": a} for a, s in stale if s == name]
        if ids:
            lost.subtract(name_index.stored_values(connection, name, [i["a"] for i in ids]))
            connection.execute(delete(table).where(table.c.article_id == bindparam("a")), ids)
    return lost


def _write_articles(connection: Connection, plan: Plan) -> None:
    new = [{"id": i, **row} for i, row in plan.articles.items() if i not in plan.existing]
    old = [{"a": i, **row} for i, row in plan.articles.items() if i in plan.existing]
    if new:
        connection.execute(insert(articles), new)
    if old:  # SET takes every column named in the parameters
        connection.execute(update(articles).where(articles.c.id == bindparam("a")), old)


def _insert_stages(connection: Connection, plan: Plan) -> Counter:
    """Insert the records of the stages ``plan`` writes: the names they hold."""
    rows: dict[str, list[dict]] = {name: [] for name in RECORD_TABLES}
    for (article_id, name), (stage, result) in plan.stages.items():
        if name in rows:
            rows[name].extend(record_rows(result, stage))
    for name, table_rows in rows.items():
        if table_rows:
            connection.execute(insert(RECORD_TABLES[name]), table_rows)
    if plan.stages:
        connection.execute(insert(article_stages), [
            {"article_id": a, "stage": stage.name, "version": stage.version,
             "fingerprint": stage.fingerprint or None}
            for (a, _name), (stage, _result) in plan.stages.items()])
    gained: Counter = Counter()
    for name, table_rows in rows.items():
        gained.update(name_index.row_values(name, table_rows))
    return gained


def record_rows(result: ArticleResult, stage: StageInfo) -> list[dict]:
    records = getattr(result, stage.name, None) or ()
    published = result.article.published
    return [
        {"article_id": result.article.id, "seq": seq, "stage": stage.label,
         **record_columns(stage.name, record, published), "data": to_json(record)}
        for seq, record in enumerate(records)
    ]


def article_row(result: ArticleResult) -> dict:
    a = result.article
    days = period(a.published) or (None, None)
    return dict(
        text=a.text, title=a.title, url=a.url, published=a.published, source=a.source,
        author=a.author, external_id=a.external_id, published_at=a.published_at,
        published_first=days[0],
        published_last=days[1], model=result.pipeline.model,
        model_version=result.pipeline.model_version, pipeline=to_json(result.pipeline),
        errors=list(result.errors), stored_at=dt.datetime.now(dt.timezone.utc),
    )


def chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
