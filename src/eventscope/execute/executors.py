"""Where the pipeline runs: in this process, in N local processes, or on Dask workers.

Every executor has the same two methods: ``labels()``, the stored labels of the stages (as
:meth:`Pipeline.labels`), and ``process(articles)``, one :class:`ArticleResult` per article.
The parallel ones send batches of ``batch_size`` articles to workers, each of which builds its
pipeline, and so loads the model, once (:func:`worker_pipeline`); records are the same as a
local run's, only their order may differ.

::

    with open_executor(settings.replace(processes=2)) as executor:
        for result in executor.process(articles): ...
"""
from __future__ import annotations

import contextlib
import logging
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from eventscope.execute.pipeline import NLP_STAGE, Pipeline
from eventscope.records import Article, ArticleResult, PipelineInfo
from eventscope.settings import Settings

log = logging.getLogger(__name__)

# Batches submitted and not yet yielded, per worker: results come back in input order, so a
# long batch at the head must not leave the other workers idle (with 2, 2 workers ran 1.67x as
# fast as 1 on 480 benchmark articles; with 4, 1.73x and 1.87x in two runs: bench/scale.py).
IN_FLIGHT_PER_WORKER = 4

# One pipeline per worker process and settings: a worker keeps its model between batches.
_PIPELINES: dict[Settings, Pipeline] = {}


def worker_pipeline(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, built (and its model loaded) on first use."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        pipeline = _PIPELINES[settings] = Pipeline.from_settings(settings)
        pipeline.warm_up()
    return pipeline


def process_batch(articles: list[Article], settings: Settings) -> list[ArticleResult]:
    """Run the pipeline over one batch in a worker."""
    return list(worker_pipeline(settings).process(articles))


def pipeline_info(settings: Settings) -> PipelineInfo:
    return worker_pipeline(settings).info


def labels_of(info: PipelineInfo) -> list[str]:
    return [s.label for s in info.stages if s.name != NLP_STAGE.name]


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    from itertools import islice

    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


class LocalExecutor:
    """The pipeline in this process (``make_pipeline(settings)``, by default
    :meth:`Pipeline.from_settings`)."""

    def __init__(self, settings: Settings,
                 make_pipeline: Optional[Callable[[Settings], Pipeline]] = None):
        self.pipeline = (make_pipeline or Pipeline.from_settings)(settings)

    def labels(self) -> list[str]:
        return self.pipeline.labels()

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        return self.pipeline.process(articles)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """``settings.processes`` local worker processes (spawned), results in input order."""

    def __init__(self, settings: Settings):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.settings = settings
        self.pool = ProcessPoolExecutor(max_workers=settings.processes,
                                        mp_context=multiprocessing.get_context("spawn"))

    def labels(self) -> list[str]:
        return labels_of(self.pool.submit(pipeline_info, self.settings).result())

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        in_flight: deque = deque()
        for batch in batches(articles, self.settings.batch_size):
            in_flight.append(self.pool.submit(process_batch, batch, self.settings))
            if len(in_flight) >= IN_FLIGHT_PER_WORKER * self.settings.processes:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def open_executor(settings: Settings,
                  make_pipeline: Optional[Callable[[Settings], Pipeline]] = None):
    """The executor ``settings`` ask for (``executor``, ``processes``), closed on exit;
    ``make_pipeline`` builds the local one's pipeline."""
    if settings.executor == "dask":
        from eventscope.execute.dask_executor import DaskExecutor

        executor = DaskExecutor(settings)
    elif settings.processes > 1:
        executor = ProcessExecutor(settings)
    else:
        executor = LocalExecutor(settings, make_pipeline)
    try:
        yield executor
    finally:
        executor.close()
