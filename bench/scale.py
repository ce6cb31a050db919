"""Scale benchmark (issue 11): parallel speed-up, memory per worker, near-duplicates, polling.

    .venv/bin/python bench/scale.py                  # 120 articles, copies 1 and 10
    .venv/bin/python bench/scale.py --articles 40 --copies 3 --skip-memory   # quicker

- articles/s with ``--processes 1`` and ``--processes 2`` (the same ProcessExecutor, so the
  same overheads), on the benchmark corpus (gold texts read by path, never copied; the
  samples when the gold data is absent); wall time includes starting the workers and loading
  the model, and the steady rate counts from the first result on;
- peak RSS per worker (the largest child) running 2 workers over the corpus and over
  ``--copies`` copies of it, in a child process each;
- near-duplicate precision and recall on the edited sample texts, across thresholds;
- feed polling: a loopback server serves a feed of the samples; the second poll's page
  requests (goal 0).

Writes bench/results/scale.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
EVAL_DATA = Path(os.environ.get("EVENTSCOPE_EVAL_DATA", HERE.parent.parent / "shared" / "eval-data"))


def corpus_articles(limit: int, copies: int = 1):
    from corpus import copy_text, load_corpus

    from eventscope.eval.near_duplicates import sample_texts
    from eventscope.ingest import make_article

    texts = [t.text for t in load_corpus(EVAL_DATA, limit)] if EVAL_DATA.is_dir() else []
    texts = texts or sample_texts()
    for copy in range(copies):
        for text in texts:
            yield make_article(copy_text(text, copy))


def rate(processes: int, limit: int) -> dict:
    from eventscope.execute.executors import ProcessExecutor
    from eventscope.settings import Settings

    settings = Settings(processes=processes, batch_size=8)
    articles = list(corpus_articles(limit))
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    executor = ProcessExecutor(settings)
    first = None
    done = 0
    try:
        for _ in executor.process(articles):
            done += 1
            first = first or time.perf_counter()
    finally:
        executor.close()
    ended = time.perf_counter()
    return {"processes": processes, "articles": done, "words": words,
            "wall_s": round(ended - started, 2),
            "articles_per_s": round(done / (ended - started), 3),
            "steady_articles_per_s": round((done - 1) / (ended - first), 3) if done > 1 else None}


def child_memory(copies: int, limit: int) -> None:
    """(child) 2 workers over ``copies`` copies; prints the largest worker's peak RSS."""
    from eventscope.execute.executors import ProcessExecutor
    from eventscope.settings import Settings

    executor = ProcessExecutor(Settings(processes=2, batch_size=8))
    count = sum(1 for _ in executor.process(corpus_articles(limit, copies)))
    executor.close()
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"copies": copies, "articles": count, "worker_peak_mb": round(peak_kib / 1024)}))


def memory(copies: int, limit: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child-memory", str(copies),
                          "--articles", str(limit)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def near_duplicates() -> list[dict]:
    from eventscope.eval.near_duplicates import score
    from eventscope.settings import Settings

    return [{"threshold": t, **score(Settings(near_duplicate_threshold=t)).__dict__}
            for t in (0.5, 0.6, 0.7, 0.8, 0.9)]


def polling(tmp: Path) -> dict:
    import http.server
    import threading

    from eventscope.eval.near_duplicates import sample_texts
    from eventscope.settings import Settings
    from eventscope.streams import Watcher

    texts = sample_texts()
    pages = {f"/{i}": ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in t.split("\n"))
                       + "</article></body></html>").encode() for i, t in enumerate(texts)}
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = feed if self.path == "/feed.xml" else pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml" if self.path == "/feed.xml"
                             else "text/html")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>b</title>' + "".join(
        f"<item><title>{i}</title><link>{base}{p}</link></item>" for i, p in enumerate(pages))
        + "</channel></rss>").encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = Watcher([base + "/feed.xml"], Settings(fetch_delay=0, db_url=f"sqlite:///{tmp}/poll.db"))
    first = watcher.poll()
    before = len(hits)
    second = watcher.poll()
    server.shutdown()
    again = [h for h in hits[before:] if h in pages]
    return {"items": first.items, "first_poll_requests": first.fetched,
            "first_poll_stored": first.run.stored, "second_poll_requests": second.fetched,
            "second_poll_page_requests": len(again)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--child-memory", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=HERE / "results" / "scale.json")
    args = parser.parse_args()
    if args.child_memory is not None:
        child_memory(args.child_memory, args.articles)
        return
    import tempfile

    results: dict = {"cpus": os.cpu_count(), "load_average": os.getloadavg()}
    results["near_duplicates"] = near_duplicates()
    print(json.dumps(results["near_duplicates"], indent=1), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        results["polling"] = polling(Path(tmp))
    print(json.dumps(results["polling"]), flush=True)
    results["rate"] = [rate(1, args.articles), rate(2, args.articles)]
    one, two = results["rate"]
    results["speedup"] = round(two["articles_per_s"] / one["articles_per_s"], 2)
    results["steady_speedup"] = round(two["steady_articles_per_s"] / one["steady_articles_per_s"], 2)
    print(json.dumps(results["rate"]), results["speedup"], results["steady_speedup"], flush=True)
    if not args.skip_memory:
        results["memory"] = [memory(1, args.articles), memory(args.copies, args.articles)]
        print(json.dumps(results["memory"]), flush=True)
    results["load_average_end"] = os.getloadavg()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
