"""Benchmark: peak memory of exports as the store grows (issue 14: exports stream).

    .venv/bin/python bench/export_memory.py                    # 2,000 and 20,000 articles
    .venv/bin/python bench/export_memory.py --articles 500,5000 --formats csv

Builds SQLite stores of synthetic articles (made up here: each with a text of about 2,000
characters, eight events and two quotes), then exports every table in every format, each in a
fresh child process, and prints rows, seconds and the child's peak RSS. Memory that stays flat
from the small store to the large one is what streaming means.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

SIZES = (2_000, 20_000)
FORMATS = ("csv", "jsonl", "parquet")
EVENTS, QUOTES = 8, 2
_WORDS = ("the ministry said border talks would resume after the envoy visited the capital "
          "and officials reported that convoys crossed the checkpoint on Tuesday").split()


def synthetic_result(n: int):
    """Article ``n``: a text of about 2,000 characters with its events and quotes."""
    from eventscope.records import (
        Actor, Article, ArticleResult, Event, PipelineInfo, Quote, Span, StageInfo, content_id,
    )

    sentences = [f"Sentence {i} of report {n}: " + " ".join(_WORDS[(n + i) % 7:][:18]) + "."
                 for i in range(16)]
    text = " ".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append(Span(at, at + len(sentence), sentence))
        at += len(sentence) + 1
    events = tuple(Event(
        id=content_id(str(n), "event", i), event_type="CONSULT", trigger=spans[i],
        sentence=spans[i], event_text=spans[i].text, date="2024-03-05",
        actor=(Actor(0, 8, "Sentence", country="RUR", code="RURGOV"),),
        recipient=(Actor(0, 8, "Sentence", country="FRE"),)) for i in range(EVENTS))
    quotes = tuple(Quote(id=content_id(str(n), "quote", i), kind="indirect",
                         content=spans[EVENTS + i]) for i in range(QUOTES))
    stages = tuple(StageInfo(s, 1) for s in ("entities", "quotes", "dates", "places", "events"))
    article = Article(id=content_id("synthetic", n), text=text, source=f"{n}.txt",
                      published=f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}")
    return ArticleResult(article=article, pipeline=PipelineInfo(stages, "en_bench", "1.0"),
                         events=events, quotes=quotes)


def build(path: Path, articles: int, batch: int = 500) -> None:
    from eventscope.store import Store

    with Store.open(f"sqlite:///{path}") as store:
        for start in range(0, articles, batch):
            store.write([synthetic_result(n) for n in range(start, min(articles, start + batch))])


def child(db: Path, fmt: str, table: str, out: Path) -> dict:
    from eventscope.store import Store

    started = time.perf_counter()
    with Store.open(f"sqlite:///{db}", create=False) as store, open(out, "wb") as handle:
        rows = store.export(fmt, handle, table=table)
    return {"rows": rows, "seconds": time.perf_counter() - started,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(db: Path, fmt: str, table: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(db), fmt, table, str(out)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no output"]
        raise SystemExit(f"export_memory: the {fmt} export of {table} failed: {lines[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default=",".join(map(str, SIZES)),
                        help="store sizes in articles, comma-separated")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--tables", default="events,quotes,articles")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--folder", type=Path, default=None,
                        help="keep the stores here and reuse them on the next run")
    parser.add_argument("--child", nargs=4, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        db, fmt, table, out = args.child
        print(json.dumps(child(Path(db), fmt, table, Path(out))))
        return 0
    figures = []
    with tempfile.TemporaryDirectory(prefix="eventscope-export-bench-") as tmp:
        for articles in (int(a) for a in args.articles.split(",")):
            db = (args.folder or Path(tmp)) / f"store-{articles}.db"
            if not db.exists():
                db.parent.mkdir(parents=True, exist_ok=True)
                started = time.perf_counter()
                build(db.with_suffix(".part"), articles)
                db.with_suffix(".part").rename(db)
                print(f"export_memory: built {articles:,} articles in "
                      f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
            for table in args.tables.split(","):
                for fmt in args.formats.split(","):
                    if fmt == "jsonl" and table != "events":
                        continue  # JSON Lines exports whole articles, whatever the table
                    found = measure(db, fmt, table, Path(tmp) / f"out.{fmt}")
                    figures.append({"articles": articles, "format": fmt,
                                    "table": "articles (whole)" if fmt == "jsonl" else table,
                                    **found})
                    print(f"{articles:>7,} {figures[-1]['table']:<17} {fmt:<8} "
                          f"{found['rows']:>8,} rows {found['seconds']:7.1f} s "
                          f"{found['peak_rss_mib']:7.0f} MiB peak")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
