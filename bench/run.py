"""Benchmark: words per second of raw spaCy and of the whole eventscope pipeline, on one core.

    .venv/bin/python bench/run.py            # ~870 news articles, 3 runs, medians (make bench)
    .venv/bin/python bench/run.py --quick    # a dozen articles, one run (the smoke test)

Reports raw ``nlp.pipe`` words/s with the configured model, the pipeline's words/s from files
to stored records (ingest → Pipeline.process → Store.write into a temporary SQLite database),
their ratio, each stage's share of the time, and the peak RSS of a child process running the
whole pipeline over the corpus and over ten copies of it. Writes bench/results/latest.json.
"""
import os

# One core: pin the math libraries to one thread before anything imports numpy or spaCy.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS", "BLIS_NUM_THREADS")
for _variable in THREAD_VARIABLES:
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Optional  # noqa: E402

from corpus import load_corpus  # noqa: E402
from measure import Timed, end_to_end_missing, peak_rss_run, time_pipeline, time_raw_spacy  # noqa: E402
from output import print_results  # noqa: E402

HERE = Path(__file__).resolve().parent
GOAL_RATIO = 0.75  # the pipeline keeps at least 75% of raw spaCy's words per second
GOAL_GROWTH = 0.10  # peak memory grows less than 10% from 1x to 10x the corpus
QUICK_ARTICLES = 12


def parse_args(argv: Optional[list[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs (medians reported)")
    parser.add_argument("--articles", type=int, default=None, help="use only N articles")
    parser.add_argument("--copies", type=int, default=10, help="corpus copies for the memory run")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_ARTICLES} articles, one run (smoke test)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--child-memory", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cpu", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.articles = 1, args.articles or QUICK_ARTICLES
    return args


def pin_to_one_core(cpu: Optional[int] = None) -> Optional[int]:
    """Run this process on one CPU (Linux); returns the CPU, or None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0)) if cpu is None else cpu
    os.sched_setaffinity(0, {cpu})
    return cpu


def eval_data_root() -> Path:
    from eventscope.eval.tasks import eval_data_root as root

    return root()


def memory_runs(args: argparse.Namespace, cpu: Optional[int], cpus: list[int]) -> list[dict]:
    """Peak RSS of 1x and Nx the corpus, each in a fresh child process (on spare cores if any).

    ``cpus`` are the processors this process had before it pinned itself to one.
    """
    spare = sorted(cpus)
    children = []
    for i, copies in enumerate((1, args.copies)):
        command = [sys.executable, __file__, "--child-memory", str(copies)]
        command += ["--articles", str(args.articles)] if args.articles else []
        child_cpu = spare[i % len(spare)] if spare else cpu
        command += ["--cpu", str(child_cpu)] if child_cpu is not None else []
        # Timing is done by now, so the two children may run side by side on separate cores.
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True))
    results = []
    for child in children:
        out, _ = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"bench: memory run failed (exit {child.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def timed_runs(args, settings, texts, end_to_end: bool) -> tuple[list[Timed], list[Timed]]:
    """Warm-up, then timed runs interleaved, in alternating order, so drift hits both alike.

    The warm-up parses the whole corpus once: the first pass over new text also fills spaCy's
    vocabulary, which a long-running process has long done.
    """
    from eventscope.nlp import load_model

    nlp = load_model(settings.model)
    time_raw_spacy(nlp, texts, settings.batch_size)
    time_pipeline(settings, texts[: max(3, len(texts) // 20)], end_to_end)
    raw, pipeline = [], []
    for run in range(args.runs):
        if run % 2:
            pipeline.append(time_pipeline(settings, texts, end_to_end))
        raw.append(time_raw_spacy(nlp, texts, settings.batch_size))
        if not run % 2:
            pipeline.append(time_pipeline(settings, texts, end_to_end))
        print(f"bench: run {run + 1}/{args.runs}: raw {raw[-1].words_per_second:,.0f} words/s, "
              f"pipeline {pipeline[-1].words_per_second:,.0f} words/s", file=sys.stderr)
    return raw, pipeline


def summarise(args, settings, texts, cpu, raw, pipeline, memory, missing) -> dict:
    raw_wps = statistics.median(r.words_per_second for r in raw)
    pipe_wps = statistics.median(r.words_per_second for r in pipeline)
    middle = sorted(pipeline, key=lambda r: r.seconds)[len(pipeline) // 2]
    sources: dict[str, int] = {}
    for t in texts:
        sources[t.source] = sources.get(t.source, 0) + 1
    result = {
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "model": settings.model, "cpu": cpu, "threads": 1, "runs": args.runs,
        "batch_size": settings.batch_size,
        "corpus": {"articles": len(texts), "words": sum(t.words for t in texts),
                   "sources": sources},
        "raw_spacy": {"words_per_second": raw_wps, "runs": [r.words_per_second for r in raw]},
        "pipeline": {"mode": "stages only" if missing else "files → ingest → pipeline → store",
                     "words_per_second": pipe_wps,
                     "runs": [r.words_per_second for r in pipeline],
                     "skipped_inputs": middle.skipped},
        "ratio": pipe_wps / raw_wps if raw_wps else None,
        "goal_ratio": GOAL_RATIO,
        "stage_shares": middle.shares(),
        "notes": [f"ingest/store unavailable, pipeline measured without them: {missing}"]
        if missing else [],
    }
    if len(texts) < 4 * settings.batch_size:
        result["notes"].append("corpus of only a few batches: memory growth reflects the "
                               "batch size more than accumulation; use the full corpus")
    if memory:
        one, many = memory
        growth = (many["peak_rss_mib"] - one["peak_rss_mib"]) / one["peak_rss_mib"]
        result["memory"] = {"runs": memory, "growth": growth, "goal_growth": GOAL_GROWTH}
    return result


GAZETTEER_GOAL_SECONDS, GAZETTEER_GOAL_MIB = 2.0, 500
# the child's own peak (VmHWM): ru_maxrss would count the bench process's RSS at the fork
_GAZETTEER_LOAD = (
    "import json, re, sys, time\n"
    "start = time.perf_counter()\n"
    "from eventscope.extract.gazetteer import load_gazetteer\n"
    "names = len(load_gazetteer(int(sys.argv[1])))\n"
    "seconds = time.perf_counter() - start\n"
    "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())\n"
    "print(json.dumps({'seconds': seconds, 'names': names,\n"
    "                  'peak_rss_mib': int(hwm.group(1)) / 1024 if hwm else None}))\n")


def gazetteer_load(settings) -> dict:
    """Loading the default gazetteer index in a fresh process, from the cache the pipeline runs
    left (import included): seconds and peak RSS, the best of three."""
    runs = [json.loads(subprocess.run(
        [sys.executable, "-c", _GAZETTEER_LOAD, str(settings.gazetteer_min_population)],
        check=True, capture_output=True, text=True).stdout) for _ in range(3)]
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "min_population": settings.gazetteer_min_population,
            "goal_seconds": GAZETTEER_GOAL_SECONDS, "goal_mib": GAZETTEER_GOAL_MIB}


def child_main(args: argparse.Namespace) -> None:
    from eventscope.settings import Settings

    pin_to_one_core(args.cpu)
    texts = load_corpus(eval_data_root(), args.articles)
    result = peak_rss_run(Settings.from_env(), texts, args.child_memory,
                          end_to_end_missing() is None)
    print(json.dumps(result))


def main(argv: Optional[list[str]] = None) -> int:
    args = parse_args(argv)
    if args.child_memory is not None:
        child_main(args)
        return 0
    from eventscope.settings import Settings

    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    cpu = pin_to_one_core()
    settings = Settings.from_env()
    root = eval_data_root()
    texts = load_corpus(root, args.articles)
    if not texts:
        print(f"bench: no article texts under {root} (set EVENTSCOPE_EVAL_DATA)", file=sys.stderr)
        return 2
    missing = end_to_end_missing()
    raw, pipeline = timed_runs(args, settings, texts, missing is None)
    memory = [] if args.no_memory else memory_runs(args, cpu, cpus)
    result = summarise(args, settings, texts, cpu, raw, pipeline, memory, missing)
    result["gazetteer"] = gazetteer_load(settings)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_results(result)
    print(f"bench: results written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
