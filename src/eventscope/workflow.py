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

import contextlib
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
# merged events are updated every this many articles stored, and at the end: one update per
# batch recomputes the recent days of the busiest keys again and again (1.8 s against 0.3 s a run
# of 500 articles, bench/streams.py), while one per run of any length would hold all its keys
MERGE_EVERY = 1000
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
    copies: int = 0  # near-duplicates of an article processed in this run, stored as its copies
    skipped: list[Skip] = field(default_factory=list)
    article_errors: int = 0  # articles where some stage logged an error
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def articles_only(
    items: Iterable[Article | Skip], summary: RunSummary, on_skip: Optional[OnSkip],
    on_duplicate: Optional[Callable[[Article], None]] = None,
) -> Iterator[Article]:
    """Pass articles through once each; count and report skips and in-run duplicates
    (``on_duplicate`` is told of each repeat that came from another source or URL)."""
    seen: dict[str, tuple] = {}
    for item in items:
        if isinstance(item, Skip):
            summary.skipped.append(item)
            if on_skip:
                on_skip(item)
            continue
        summary.read += 1
        if item.id in seen:
            summary.duplicates += 1
            if on_duplicate and seen[item.id] != (item.source, item.url):
                on_duplicate(item)
            continue
        seen[item.id] = (item.source, item.url)
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
    See :func:`ingest_items`.
    """
    return ingest_items(iter_inputs(paths, settings, stdin=stdin), settings,
                        on_skip=on_skip, on_progress=on_progress)


def ingest_items(
    items: Iterable[Article | Skip],
    settings: Settings,
    *,
    on_skip: Optional[OnSkip] = None,
    on_progress: Optional[OnProgress] = None,
    grouping=None,
    summary: Optional[RunSummary] = None,
    executor=None,
) -> RunSummary:
    """Process and store ``items`` (articles and skips from any reader), as :func:`ingest`.

    With ``near_duplicates`` on, near-duplicates of an earlier article are not processed but
    stored as copies of it (``grouping``, a :class:`~eventscope.ingest.dedup.NearDuplicates`,
    carries the index across calls). The pipeline runs here, in ``processes`` local processes
    or on Dask (the ``executor`` setting; see :func:`eventscope.execute.executors.open_executor`),
    or on ``executor`` when one is given (and left open). The merged events are brought up to
    date at the end and every ``MERGE_EVERY`` articles stored
    (:mod:`eventscope.store.merge_update`).
    """
    from eventscope.execute.executors import open_executor
    from eventscope.store import Store
    from eventscope.store.claims import Claims

    summary = summary if summary is not None else RunSummary()
    started = time.perf_counter()
    if settings.near_duplicates and grouping is None:
        from eventscope.ingest.dedup import NearDuplicates

        grouping = NearDuplicates(settings)
    articles = articles_only(items, summary, on_skip,
                             grouping.same_text if grouping is not None else None)
    with Store.open(settings.db_url) as store, contextlib.ExitStack() as stack:
        if grouping is not None:  # copies of this run's articles, and of the stored ones
            articles = grouping.representatives(articles, store.engine)
        if executor is None:  # else the caller's, kept open across calls (watch's polls)
            executor = stack.enter_context(open_executor(settings, Pipeline.from_settings))
        claims = Claims(store, executor.labels())
        writer = _Writer(store, settings, summary, on_progress, grouping)
        try:
            held: list[Article] = []
            writer.write(executor.process(_claimed(articles, claims, settings.batch_size,
                                                   summary, on_progress, held)))
            while held:  # held by other runs: wait until they store them or their claims expire
                time.sleep(CLAIM_POLL_S)
                retry, held = held, []
                writer.write(executor.process(_claimed(retry, claims, settings.batch_size,
                                                       summary, on_progress, held)))
        finally:
            claims.release()
        writer.finish()
    summary.seconds = time.perf_counter() - started
    return summary


def _claimed(articles: Iterable[Article], claims, batch_size: int, summary: RunSummary,
             on_progress: Optional[OnProgress], held: list[Article]) -> Iterator[Article]:
    """The articles this run claimed, one batch at a time; those another run holds go to
    ``held``, those already stored are counted as unchanged."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        claim = claims.claim(a.id for a in batch)
        summary.unchanged += len(claim.done)
        if on_progress and claim.done:
            on_progress(len(claim.done), 0)
        held.extend(a for a in batch if a.id in claim.held)
        yield from (a for a in batch if a.id in claim.claimed)


class _Writer:
    """Stores results one batch per transaction, the near-duplicate copies once their
    article is stored, and brings the merged events up to date every ``MERGE_EVERY``
    articles and at the end."""

    def __init__(self, store, settings: Settings, summary: RunSummary,
                 on_progress: Optional[OnProgress], grouping):
        self.store, self.settings, self.summary = store, settings, summary
        self.on_progress, self.grouping = on_progress, grouping
        self.waiting: list = []  # copies whose article is not stored yet
        self.unmerged = 0  # articles stored since the merged events were last updated

    def write(self, results: Iterable[ArticleResult]) -> None:
        results = iter(results)
        while batch := list(islice(results, self.settings.batch_size)):
            for result in batch:
                _count(self.summary, result, self.on_progress)
            written = self.store.write(batch)
            self.summary.stored += getattr(written, "written", len(batch))
            if self.grouping is not None:
                self.grouping.release(r.article.id for r in batch)
            self._copies()
            self.unmerged += len(batch)
            if self.unmerged >= MERGE_EVERY:
                self._merge()

    def finish(self) -> None:
        self._copies()
        self._merge()
        if self.grouping is not None:
            self.summary.copies = self.grouping.copies_seen
            self.grouping.end_run()

    def _merge(self) -> None:
        from eventscope.store.merge_update import update_merged_events

        update_merged_events(self.store.engine, self.settings)
        self.unmerged = 0

    def _copies(self) -> None:
        if self.grouping is not None:
            from eventscope.store.copies import write_copies

            self.waiting = write_copies(self.store.engine,
                                        self.waiting + self.grouping.take_copies())


def _count(summary: RunSummary, result: ArticleResult, on_progress: Optional[OnProgress]) -> None:
    words = len(result.article.text.split())
    summary.processed += 1
    summary.words += words
    summary.article_errors += bool(result.errors)
    if on_progress:
        on_progress(1, words)
