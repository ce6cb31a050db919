"""Streams benchmark: near-duplicate grouping within and across runs, and the merge step's cost.

    .venv/bin/python bench/streams.py                      # all, writes bench/results/streams.json
    .venv/bin/python bench/streams.py --runs 10 --articles 400 --texts 200

- near-duplicates: the edited-copy test set of :mod:`eventscope.eval.near_duplicates` built
  from the bundled samples and from ``--texts`` benchmark corpus texts (read by path, never
  copied), scored as ``score()`` scores it, (1) in one run (``score()`` itself) and (2) across
  runs: the originals ingested in a first run, the copies and distinct texts in a second, into
  one SQLite store, the copies read back from ``article_copies``;
- merge cost: ``--runs`` runs of ``--articles`` synthetic articles (3 events each, on 4 types, 12
  dyads and 6 places) stored into one SQLite file, in two scenarios: ``stream``, each run the
  news of its day (events dated that day or up to 4 days before: a feed or a daily crawl),
  and ``archive``, each run's events on any of 120 days (a back catalogue loaded in slices,
  the worst case for an incremental update); the merge step of each run is timed as a full
  recompute (``refresh_merged_events``, what every run did before) and, when the code has it,
  as incremental updates (``update_merged_events``): one after the run (as ``ingest`` does for
  up to ``MERGE_EVERY`` articles), and one after every batch of 32 articles (summed; the
  choice ``MERGE_EVERY`` avoids), each on its own identical store.

The pipeline is replaced by one that stores each article as it is (no model): the figures are
the grouping's and the store's. Runs on the code on PYTHONPATH, so the same script measures
another checkout.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
EVAL_DATA = Path(os.environ.get("EVENTSCOPE_EVAL_DATA", HERE.parent.parent / "shared" / "eval-data"))


class NoParse:
    """Stands in for the pipeline: each article stored as it is."""

    @classmethod
    def from_settings(cls, settings):
        return cls()

    def labels(self) -> list[str]:
        return ["events.v1"]

    def process(self, articles):
        from eventscope.records import ArticleResult, PipelineInfo, StageInfo

        info = PipelineInfo((StageInfo("nlp", 1), StageInfo("events", 1)), "none", "0")
        for article in articles:
            yield ArticleResult(article=article, pipeline=info)


def across_runs(texts: list[str], folder: Path) -> dict:
    """Originals in one run, their copies and the distinct texts in the next; scored as
    eventscope.eval.near_duplicates.score scores one run."""
    from sqlalchemy import select

    from eventscope import workflow
    from eventscope.eval.near_duplicates import build_cases
    from eventscope.records import Article, content_id
    from eventscope.settings import Settings
    from eventscope.store import Store
    from eventscope.store.streams_schema import article_copies

    workflow.Pipeline = NoParse
    cases = build_cases(texts)
    settings = Settings(db_url=f"sqlite:///{folder / 'runs.db'}")
    originals = [Article(id=content_id(c.text), text=c.text) for c in cases if c.kind == "original"]
    later = [Article(id=content_id(c.text), text=c.text) for c in cases if c.kind != "original"]
    started = time.perf_counter()
    workflow.ingest_items(originals, settings)
    second = workflow.ingest_items(later, settings)
    seconds = time.perf_counter() - started
    with Store.open(settings.db_url) as store, store.engine.connect() as connection:
        joined = {r.member_id: r.article_id for r in connection.execute(select(article_copies))}
    index = {content_id(t): i for i, t in enumerate(texts)}
    tp = fp = fn = 0
    for case in (c for c in cases if c.kind != "original"):
        found = joined.get(content_id(case.text))
        if case.original is None:
            fp += found is not None
        elif found is not None and index.get(found) == case.original:
            tp += 1
        else:
            fn += 1
            fp += found is not None
    return {"originals": len(originals), "later": len(later), "second_run_processed":
            second.processed, "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0, "true_positives": tp,
            "false_positives": fp, "false_negatives": fn, "seconds": round(seconds, 2)}


def near_duplicates(corpus_texts: int, folder: Path) -> dict:
    from eventscope.eval.near_duplicates import build_cases, sample_texts, score

    samples = sample_texts()
    found = {"samples": {"one_run": score().__dict__,
                         "across_runs": across_runs(samples, folder / "s")}}
    if corpus_texts and EVAL_DATA.is_dir():
        from corpus import load_corpus

        texts = [t.text for t in load_corpus(EVAL_DATA, corpus_texts)]
        texts = [t for t in texts if len(t.split()) >= 40]
        found["corpus"] = {"texts": len(texts), "one_run": _score_texts(texts, build_cases),
                           "across_runs": across_runs(texts, folder / "c")}
    return found


def _score_texts(texts: list[str], build_cases) -> dict:
    """score() on other texts: the same loop, its NearDuplicates, its pairs."""
    from eventscope.eval import near_duplicates as nd

    original = nd.sample_texts
    nd.sample_texts = lambda settings=None: texts
    try:
        return nd.score().__dict__
    finally:
        nd.sample_texts = original


def synthetic_results(run: int, count: int, rng: random.Random, scenario: str) -> list:
    """``count`` articles of 3 events each: 4 types, 12 dyads, 6 places (see ``main``)."""
    import datetime as dt

    from eventscope.records import (
        Actor, Article, ArticleResult, Event, PipelineInfo, Place, Span, StageInfo, content_id,
    )

    info = PipelineInfo((StageInfo("nlp", 1), StageInfo("events", 1)), "none", "0")
    results = []
    for n in range(count):
        text = f"Synthetic report {run}-{n} for the merge benchmark."
        offset = rng.randrange(120) if scenario == "archive" else run + 4 - rng.randrange(5)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=offset)
        events = []
        for k in range(3):
            a, r = rng.randrange(4), rng.randrange(3)
            geonameid = rng.randrange(6)
            span = Span(k, k + 1, text[k])
            events.append(Event(
                id=content_id(f"{text}{k}"), event_type=rng.choice(["ASSAULT", "PROTEST",
                                                                    "ACCUSE", "CONSULT"]),
                trigger=span, sentence=span, event_text=text,
                actor=(Actor(0, 1, "a", country=f"A{a}", code=f"A{a}GOV"),),
                recipient=(Actor(0, 1, "r", country=f"R{r}", code=f"R{r}"),),
                event_loc=Place("p", 0, 1, "x", geonameid=1000 + geonameid, name=f"p{geonameid}"),
                date=day.isoformat()))
        article = Article(id=content_id(text), text=text, published=day.isoformat(),
                          source=f"s{n % 30}.txt", url=f"https://outlet{n % 30}.example/{run}/{n}")
        results.append(ArticleResult(article=article, pipeline=info, events=tuple(events)))
    return results


def merge_cost(runs: int, per_run: int, folder: Path, scenario: str) -> list[dict]:
    """The merge step per run on one growing store, three ways on three identical stores: a
    full recompute after the run (as before), one incremental update after the run (as now),
    and an incremental update after every batch of 32, summed over the run."""
    from eventscope.settings import Settings
    from eventscope.store import EventFilter, Store
    from eventscope.store.merge import refresh_merged_events

    try:
        from eventscope.store.merge_update import update_merged_events
    except ImportError:  # code from before incremental updates
        update_merged_events = None
    settings = Settings()
    rng = random.Random(7)
    urls = {way: f"sqlite:///{folder / f'{scenario}-{way}.db'}" for way in
            (("full", "run", "batch") if update_merged_events else ("full",))}
    rows = []
    for run in range(runs):
        results = synthetic_results(run, per_run, rng, scenario)
        row: dict = {"scenario": scenario, "run": run + 1, "articles": (run + 1) * per_run}
        for way, url in urls.items():
            merge_s = 0.0
            with Store.open(url) as store:
                for start in range(0, len(results), 32):
                    store.write(results[start:start + 32])
                    if way == "batch" or (way == "run" and start + 32 >= len(results)):
                        started = time.perf_counter()
                        update_merged_events(store.engine, settings)
                        merge_s += time.perf_counter() - started
                if way == "full":
                    started = time.perf_counter()
                    row["merged_events"] = refresh_merged_events(store.engine, settings)
                    merge_s = time.perf_counter() - started
                    row["events"] = store.count(EventFilter())
            row[f"{way}_s"] = round(merge_s, 4)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--articles", type=int, default=400, help="articles per run")
    parser.add_argument("--texts", type=int, default=200, help="corpus texts for near-duplicates")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "streams.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for sub in ("s", "c"):
            (folder / sub).mkdir()
        results = {"near_duplicates": near_duplicates(args.texts, folder)}
        print(json.dumps(results["near_duplicates"], indent=1), flush=True)
        results["merge_cost"] = [row for scenario in ("stream", "archive")
                                 for row in merge_cost(args.runs, args.articles, folder, scenario)]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
