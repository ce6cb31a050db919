"""Timed runs: raw spaCy ``nlp.pipe``, the eventscope pipeline, peak memory of a whole run.

Heavy modules (spaCy, eventscope's pipeline, the store) are imported inside the functions, so
``run.py`` can pin the thread counts before anything loads them.
"""
from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Optional, Sequence

from corpus import CorpusText, copy_text, write_corpus

OTHER = "ingest+store"  # wall time not spent inside a pipeline stage


@dataclass(frozen=True)
class Timed:
    """One timed pass over the corpus."""

    articles: int
    words: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    skipped: int = 0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def shares(self) -> dict[str, float]:
        """Share of wall time per stage; the rest is reading, article building and storing."""
        if not self.stage_seconds or not self.seconds:
            return {}
        out = {name: secs / self.seconds for name, secs in self.stage_seconds.items()}
        out[OTHER] = max(0.0, 1.0 - sum(out.values()))
        return out


def end_to_end_missing() -> Optional[str]:
    """Why the ingest→store path cannot run (its modules are missing), or None."""
    try:
        from eventscope.ingest import Skip, iter_inputs  # noqa: F401
        from eventscope.store import Store  # noqa: F401
    except ImportError as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return None


def time_raw_spacy(nlp, texts: Sequence[CorpusText], batch_size: int) -> Timed:
    started = time.perf_counter()
    for _doc in nlp.pipe((t.text for t in texts), batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    return Timed(len(texts), sum(t.words for t in texts), seconds)


def time_stages_only(settings, texts: Sequence[CorpusText], copies: int = 1) -> Timed:
    """The pipeline on articles built from in-memory texts: no files, no database."""
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article

    pipeline = Pipeline.from_settings(settings)
    pipeline.warm_up()
    articles = (make_article(copy_text(t.text, c)) for c in range(copies) for t in texts)
    started = time.perf_counter()
    for _result in pipeline.process(articles):
        pass
    seconds = time.perf_counter() - started
    timings = pipeline.timings
    return Timed(timings.articles, timings.words, seconds, dict(timings.seconds))


def time_end_to_end(settings, folder: Path, db_url: str) -> Timed:
    """Files in ``folder`` → ingest → pipeline → store, in batches, into a fresh database."""
    from eventscope.execute import Pipeline
    from eventscope.ingest import Skip, iter_inputs
    from eventscope.store import Store

    pipeline = Pipeline.from_settings(settings)
    pipeline.warm_up()
    labels = [s.label for s in pipeline.stages]
    skipped = 0
    with Store.open(db_url) as store:
        started = time.perf_counter()
        items = iter_inputs([str(folder)], settings)
        while batch := list(islice(items, settings.batch_size)):
            articles = [a for a in batch if not isinstance(a, Skip)]
            skipped += len(batch) - len(articles)
            pending = store.pending([a.id for a in articles], labels)
            results = list(pipeline.process([a for a in articles if a.id in pending]))
            if results:
                store.write(results)
        seconds = time.perf_counter() - started
    timings = pipeline.timings
    return Timed(timings.articles, timings.words, seconds, dict(timings.seconds), skipped)


def time_pipeline(settings, texts: Sequence[CorpusText], end_to_end: bool) -> Timed:
    """A whole-pipeline pass in a fresh temporary folder and database."""
    if not end_to_end:
        return time_stages_only(settings, texts)
    with tempfile.TemporaryDirectory(prefix="eventscope-bench-") as tmp:
        folder = Path(tmp) / "articles"
        write_corpus(texts, folder)
        return time_end_to_end(settings, folder, f"sqlite:///{Path(tmp) / 'bench.db'}")


def peak_rss_run(settings, texts: Sequence[CorpusText], copies: int, end_to_end: bool) -> dict:
    """Run the whole pipeline over ``copies`` × the corpus; report this process's peak RSS.

    Meant to run in a child process of its own, so the peak belongs to this run alone.
    """
    with tempfile.TemporaryDirectory(prefix="eventscope-bench-mem-") as tmp:
        folder = Path(tmp) / "articles"
        if end_to_end:
            write_corpus(texts, folder, copies)
            timed = time_end_to_end(settings, folder, f"sqlite:///{Path(tmp) / 'bench.db'}")
        else:
            timed = time_stages_only(settings, texts, copies)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"copies": copies, "articles": timed.articles, "words": timed.words,
            "seconds": timed.seconds, "peak_rss_mib": peak_kib / 1024}
