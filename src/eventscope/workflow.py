"""The Python API: extract records from paths, or ingest them into a store.

These functions are what the CLI calls; they are usable on their own::

    from eventscope import workflow
    from eventscope.settings import Settings

    settings = Settings.from_env()
    for result in workflow.extract(["articles/"], settings):
        print(result.article.title, len(result.events))

    summary = workflow.ingest(["articles/"], settings)   # into settings.db_url
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional, Sequence

from eventscope.execute import Pipeline
from eventscope.ingest import Skip, iter_inputs
from eventscope.records import Article, ArticleResult
from eventscope.settings import Settings

log = logging.getLogger(__name__)

CLAIM_POLL_S = 0.5  # how often a run looks again at articles another run has claimed
OnSkip = Callable[[Skip], None]
OnProgress = Callable[[int, int], None]  # (articles done in this step, words in this step)


@dataclass
class RunSummary:
    """What a run did, for the closing summary line and ``--strict``."""

    read: int = 0  # articles read from the inputs
    processed: int = 0  # articles run through the pipeline
    stored: int = 0  # articles newly written (or rewritten with new stage versions)
    unchanged: int = 0  # articles already stored with the same stage versions
    duplicates: int = 0  # the same article more than once in this run's inputs
    skipped: list[Skip] = field(default_factory=list)
    article_errors: int = 0  # articles where some stage logged an error
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def articles_only(
    items: Iterable[Article | Skip], summary: RunSummary, on_skip: Optional[OnSkip]
) -> Iterator[Article]:
    """Pass articles through once each; count and report skips and in-run duplicates."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skip):
            summary.skipped.append(item)
            if on_skip:
                on_skip(item)
            continue
        summary.read += 1
        if item.id in seen:
            summary.duplicates += 1
            continue
        seen.add(item.id)
        yield item


def extract(
    paths: Sequence[str],
    settings: Settings,
    *,
    on_skip: Optional[OnSkip] = None,
    on_progress: Optional[OnProgress] = None,
    summary: Optional[RunSummary] = None,
    stdin=None,
) -> Iterator[ArticleResult]:
    """Run the pipeline over ``paths`` and yield one result per distinct article; no database."""
    summary = summary if summary is not None else RunSummary()
    pipeline = Pipeline.from_settings(settings)
    started = time.perf_counter()
    articles = articles_only(iter_inputs(paths, settings, stdin=stdin), summary, on_skip)
    for result in pipeline.process(articles):
        _count(summary, result, on_progress)
        yield result
    summary.seconds = time.perf_counter() - started


def ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    on_skip: Optional[OnSkip] = None,
    on_progress: Optional[OnProgress] = None,
    stdin=None,
) -> RunSummary:
    """Read, process and store ``paths`` into ``settings.db_url``, one transaction per batch.

    Articles already stored with the current stage versions are not processed again, so an
    interrupted run can simply be started again. Runs at the same time into one store claim
    each batch before parsing it (:mod:`eventscope.store.claims`), so none parses an article
    another is parsing; articles another run holds are done at the end, if it has not.
    """
    from eventscope.store import Store
    from eventscope.store.claims import Claims

    summary = RunSummary()
    pipeline = Pipeline.from_settings(settings)
    started = time.perf_counter()
    articles = articles_only(iter_inputs(paths, settings, stdin=stdin), summary, on_skip)
    with Store.open(settings.db_url) as store:
        claims = Claims(store, pipeline.labels())
        try:
            held: list[Article] = []
            while batch := list(islice(articles, settings.batch_size)):
                held.extend(_ingest_batch(batch, claims, pipeline, summary, on_progress))
            while held:  # held by other runs: wait until they store them or their claims expire
                time.sleep(CLAIM_POLL_S)
                held = _ingest_batch(held, claims, pipeline, summary, on_progress)
        finally:
            claims.release()
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_batch(batch: list[Article], claims, pipeline: Pipeline, summary: RunSummary,
                  on_progress: Optional[OnProgress]) -> list[Article]:
    """Claim, process and store what is pending of ``batch``; return what another run holds."""
    claim = claims.claim(a.id for a in batch)
    todo = [a for a in batch if a.id in claim.claimed]
    summary.unchanged += len(claim.done)
    if on_progress and claim.done:
        on_progress(len(claim.done), 0)
    results = []
    for result in pipeline.process(todo):
        _count(summary, result, on_progress)
        results.append(result)
    if results:
        written = claims.store.write(results)
        summary.stored += getattr(written, "written", len(results))
    return [a for a in batch if a.id in claim.held]


def _count(summary: RunSummary, result: ArticleResult, on_progress: Optional[OnProgress]) -> None:
    words = len(result.article.text.split())
    summary.processed += 1
    summary.words += words
    summary.article_errors += bool(result.errors)
    if on_progress:
        on_progress(1, words)
