"""The pipeline on Dask workers: each batch's results come back as a Parquet part.

``eventscope ingest --executor dask [--scheduler ADDRESS]`` sends batches of ``batch_size``
articles to the workers of the cluster at ``dask_scheduler``, or of a local cluster of
``processes`` workers (one thread each) started for the run when no address is given. A
worker builds its pipeline once (the model loads once per worker, see
:func:`~eventscope.execute.executors.worker_pipeline`), runs a batch, and writes its results
as one Parquet file (``article_id``, ``result`` as JSON) to ``parts_dir``, a folder the driver
can read (shared storage on a real cluster); the driver reads each part as it completes, hands
the results to the store, and deletes the part. No spaCy object crosses the network.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Iterable, Iterator

from eventscope.errors import EventscopeError
from eventscope.execute.executors import batches, labels_of, pipeline_info, process_batch
from eventscope.records import Article, ArticleResult, from_json, to_json
from eventscope.settings import Settings

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = "30s"


def write_part(articles: list[Article], settings: Settings, folder: str) -> str:
    """Process ``articles`` (in a worker) and write their results as a Parquet part; its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    results = process_batch(articles, settings)
    table = pa.table({
        "article_id": [r.article.id for r in results],
        "result": [json.dumps(to_json(r), ensure_ascii=False) for r in results],
    })
    path = Path(folder) / f"part-{uuid.uuid4().hex}.parquet"
    pq.write_table(table, path)
    return str(path)


def read_part(path: str) -> list[ArticleResult]:
    """The results in one Parquet part."""
    import pyarrow.parquet as pq

    column = pq.read_table(path, columns=["result"]).column("result").to_pylist()
    return [from_json(ArticleResult, json.loads(text)) for text in column]


class DaskExecutor:
    """Batches to Dask workers, results back through Parquet parts (see the module docstring)."""

    def __init__(self, settings: Settings):
        from distributed import Client, LocalCluster

        self.settings = settings
        self.cluster = None
        try:
            if settings.dask_scheduler:
                self.client = Client(settings.dask_scheduler, timeout=CONNECT_TIMEOUT)
            else:
                workers = settings.processes if settings.processes > 1 else (os.cpu_count() or 1)
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=True, dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as error:
            raise EventscopeError(f"cannot reach the Dask scheduler "
                                  f"{settings.dask_scheduler or '(local cluster)'}: "
                                  f"{str(error).splitlines()[0]}") from None
        self._own_folder = not settings.parts_dir
        self.folder = settings.parts_dir or tempfile.mkdtemp(prefix="eventscope-parts-")
        Path(self.folder).mkdir(parents=True, exist_ok=True)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def labels(self) -> list[str]:
        return labels_of(self.client.submit(pipeline_info, self.settings, pure=False).result())

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        from distributed import as_completed

        window = 2 * self.workers
        pending = as_completed()
        feed = batches(articles, self.settings.batch_size)
        for batch in feed:
            pending.add(self.client.submit(write_part, batch, self.settings, self.folder,
                                           pure=False))
            if pending.count() >= window:
                yield from self._collect(next(pending))
        for future in pending:
            yield from self._collect(future)

    def _collect(self, future) -> list[ArticleResult]:
        path = future.result()
        results = read_part(path)
        Path(path).unlink(missing_ok=True)
        return results

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)
