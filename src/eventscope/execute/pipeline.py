"""The linear pipeline: parse articles in batches with ``nlp.pipe``, then run each stage."""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator, Optional, Sequence

from eventscope.execute.fingerprint import stage_fingerprints
from eventscope.execute.stages import DOC, Stage, check_contracts, frozen_prior
from eventscope.nlp.model import load_model, model_info
from eventscope.records import Article, ArticleResult, PipelineInfo
from eventscope.settings import Settings

log = logging.getLogger(__name__)

NLP_STAGE = Stage(name="nlp", version=1, requires=(), provides=DOC)


@dataclass
class StageTimings:
    """Seconds spent per stage label, and articles and words seen (for the benchmark).

    Words are whitespace-separated tokens of the article text, the unit of every words-per-second
    figure eventscope reports.
    """

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    articles: int = 0
    words: int = 0

    def shares(self) -> dict[str, float]:
        total = sum(self.seconds.values()) or 1.0
        return {name: secs / total for name, secs in self.seconds.items()}


class Pipeline:
    """Stages checked against their contracts when built; the model loads on first use.

    >>> pipeline = Pipeline.from_settings(Settings())           # doctest: +SKIP
    >>> for result in pipeline.process(articles): ...           # doctest: +SKIP
    """

    def __init__(self, stages: Sequence[Stage], settings: Settings):
        self.stages = tuple(stages)
        check_contracts((NLP_STAGE, *self.stages))
        self.settings = settings
        self.timings = StageTimings()
        self._nlp = None
        self._info: Optional[PipelineInfo] = None

    @classmethod
    def from_settings(cls, settings: Settings, only: Optional[Sequence[str]] = None) -> "Pipeline":
        """The default stages (see :mod:`eventscope.execute.registry`), optionally a subset."""
        from eventscope.execute.registry import default_stages

        stages = default_stages(settings)
        if only is not None:
            stages = [s for s in stages if s.name in only or s.label in only]
        return cls(stages, settings)

    def warm_up(self):
        """Load the spaCy model (once per process) and return it."""
        if self._nlp is None:
            self._nlp = load_model(self.settings.model)
        return self._nlp

    @property
    def info(self) -> PipelineInfo:
        """What made this pipeline's records: each stage with its fingerprint, and the model."""
        if self._info is None:
            import spacy

            name, version = model_info(self.warm_up())
            prints = stage_fingerprints(self.stages, (self.settings.model, name, version,
                                                      spacy.__version__))
            stages = (NLP_STAGE, *self.stages)
            self._info = PipelineInfo(stages=tuple(s.info(prints[s.name]) for s in stages),
                                      model=name, model_version=version)
        return self._info

    def labels(self) -> list[str]:
        """The stored labels of this pipeline's extracting stages (``quotes.v1-<fingerprint>``)."""
        return [s.label for s in self.info.stages if s.name != NLP_STAGE.name]

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Yield one :class:`ArticleResult` per article, in input order."""
        info = self.info
        iterator = iter(articles)
        while batch := list(islice(iterator, self.settings.batch_size)):
            for article, doc, error in self._parse(batch):
                yield self._run_stages(article, doc, error, info)

    def process_one(self, article: Article) -> ArticleResult:
        return next(iter(self.process([article])))

    def _parse(self, batch: list[Article]):
        nlp = self.warm_up()
        started = time.perf_counter()
        try:
            docs = list(nlp.pipe([a.text for a in batch], batch_size=len(batch)))
        except Exception:  # one bad text must not lose the batch: parse one by one
            log.warning("batch parse failed; retrying %d articles one at a time", len(batch))
            docs = None
        self.timings.seconds[NLP_STAGE.label] += time.perf_counter() - started
        for i, article in enumerate(batch):
            if docs is not None:
                yield article, docs[i], None
                continue
            started = time.perf_counter()
            try:
                yield article, nlp(article.text), None
            except Exception as exc:
                log.warning("article %s: parse failed: %s", article.id, exc)
                yield article, None, f"{NLP_STAGE.label}: {exc.__class__.__name__}: {exc}"
            finally:
                self.timings.seconds[NLP_STAGE.label] += time.perf_counter() - started

    def _run_stages(self, article, doc, parse_error, info: PipelineInfo) -> ArticleResult:
        found: dict[str, tuple] = {}
        errors = [parse_error] if parse_error else []
        prior = frozen_prior(found)
        for stage in self.stages:
            if doc is None:
                found[stage.provides] = ()
                continue
            started = time.perf_counter()
            try:
                found[stage.provides] = tuple(stage.extract(doc, article, prior))
            except Exception as exc:  # logged, recorded on the article, and the run goes on
                log.warning("article %s: stage %s failed: %s", article.id, stage.label, exc)
                errors.append(f"{stage.label}: {exc.__class__.__name__}: {exc}")
                found[stage.provides] = ()
            self.timings.seconds[stage.label] += time.perf_counter() - started
        self.timings.articles += 1
        self.timings.words += len(article.text.split())  # words as whitespace-separated tokens
        outputs = {k: v for k, v in found.items() if k in _RESULT_FIELDS}
        return ArticleResult(article=article, pipeline=info, errors=tuple(errors), **outputs)


_RESULT_FIELDS = ("entities", "quotes", "dates", "places", "events")
