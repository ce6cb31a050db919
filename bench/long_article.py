"""Benchmark: cost of one article as its length doubles (issue 14: every stage linear).

    .venv/bin/python bench/long_article.py                       # 100k, 200k, 400k, 800k chars
    .venv/bin/python bench/long_article.py --sizes 50000,100000  # any sizes
    .venv/bin/python bench/long_article.py --profile 200000      # cProfile of the stages
    .venv/bin/python bench/long_article.py --without places      # every stage but places

One article is made by repeating the texts of our own samples (src/eventscope/samples) to the
size asked for; each size runs in a fresh child process, pinned to one core, which parses it
once and runs every stage. Printed per size: seconds of the parse and of each stage, peak RSS,
and the ratio of time (and of each stage's time) to the previous size's. A linear stage has a
ratio near 2 per doubling; a quadratic one near 4.
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                  "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Optional  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "src" / "eventscope" / "samples"
SIZES = (100_000, 200_000, 400_000, 800_000)


def sample_texts() -> list[str]:
    """The normalised texts of the sample articles, as ingest reads them."""
    from eventscope.ingest import Skip, iter_inputs
    from eventscope.settings import Settings

    paths = [str(p) for p in sorted(SAMPLES.iterdir()) if p.name != "README.md"]
    return [a.text for a in iter_inputs(paths, Settings()) if not isinstance(a, Skip)]


def long_text(size: int, texts: Optional[list[str]] = None) -> str:
    """Sample texts repeated, paragraph after paragraph, and cut at a paragraph to ``size``."""
    texts = texts or sample_texts()
    parts, total, i = [], 0, 0
    while total < size:
        text = texts[i % len(texts)]
        parts.append(text)
        total += len(text) + 2
        i += 1
    return "\n\n".join(parts)[:size].rstrip()


def run_one(size: int, without: tuple[str, ...] = ()) -> dict:
    """Parse and extract one article of ``size`` characters; seconds per stage, peak RSS.

    Stages named in ``without`` are left out (later stages see no records of theirs). Each
    stage first runs once on a short article, so what loads once per process (the
    gazetteer, the actor dictionary) is not counted as the long article's cost.
    """
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    settings = Settings.from_env(max_chars=max(size, 1))
    pipeline = Pipeline.from_settings(settings)
    nlp = pipeline.warm_up()
    nlp.max_length = max(nlp.max_length, size + 1)
    run_stages(nlp, pipeline, make_article(long_text(2_000)), without)  # warm-up
    article = make_article(long_text(size))
    started = time.perf_counter()
    stages, found = run_stages(nlp, pipeline, article, without)
    seconds = time.perf_counter() - started
    return {"chars": len(article.text), "words": len(article.text.split()), "seconds": seconds,
            "stages": stages, "without": list(without),
            "records": {name: len(found.get(name, ())) for name in
                        ("entities", "quotes", "dates", "places", "events")},
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_stages(nlp, pipeline, article, without: tuple[str, ...]) -> tuple[dict, dict]:
    """Seconds of the parse and of each stage on ``article``, and what each found."""
    started = time.perf_counter()
    doc = nlp(article.text)
    stages = {"nlp.v1": time.perf_counter() - started}
    found: dict[str, tuple] = {}
    for stage in pipeline.stages:
        if stage.name in without:
            found[stage.provides] = ()
            continue
        started = time.perf_counter()
        found[stage.provides] = tuple(stage.extract(doc, article, found))
        stages[stage.label] = time.perf_counter() - started
    return stages, found


def profile_one(size: int, without: tuple[str, ...], top: int = 25) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    run_one(size, without)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def child(size: int, without: tuple[str, ...]) -> dict:
    command = [sys.executable, __file__, "--child", str(size)]
    command += ["--without", ",".join(without)] if without else []
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"long_article: the {size:,}-character run failed: "
                         f"{(done.stderr.strip().splitlines() or ['no output'])[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def ratios(runs: list[dict]) -> list[dict]:
    """Each run with the ratio of its time (total and per stage) to the previous run's."""
    out = []
    for before, run in zip([None, *runs], runs):
        row = dict(run)
        if before:
            row["ratio"] = run["seconds"] / before["seconds"] if before["seconds"] else None
            row["stage_ratios"] = {name: secs / before["stages"][name]
                                   for name, secs in run["stages"].items()
                                   if before["stages"].get(name)}
        out.append(row)
    return out


def print_table(runs: list[dict]) -> None:
    stages = list(runs[0]["stages"]) if runs else []
    print(f"{'chars':>9} {'words':>8} {'seconds':>8} {'x prev':>6} {'peak MiB':>9}  "
          + "  ".join(f"{s:>14}" for s in stages))
    for run in runs:
        ratio = f"{run['ratio']:.2f}" if run.get("ratio") else "-"
        cells = []
        for s in stages:
            r = run.get("stage_ratios", {}).get(s)
            cells.append(f"{run['stages'].get(s, 0):7.2f}s" + (f" x{r:4.1f}" if r else "      "))
        print(f"{run['chars']:>9,} {run['words']:>8,} {run['seconds']:>8.2f} {ratio:>6} "
              f"{run['peak_rss_mib']:>9.0f}  " + "  ".join(f"{c:>14}" for c in cells))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="article sizes in characters, comma-separated")
    parser.add_argument("--json", type=Path, default=None, help="also write the runs here")
    parser.add_argument("--profile", type=int, default=None, help="cProfile one size instead")
    parser.add_argument("--without", default="", help="stages to leave out, comma-separated")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    without = tuple(s.strip() for s in args.without.split(",") if s.strip())
    if args.child is not None:
        print(json.dumps(run_one(args.child, without)))
        return 0
    if args.profile is not None:
        profile_one(args.profile, without)
        return 0
    runs = []
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        runs.append(child(size, without))
        print(f"long_article: {size:,} chars in {runs[-1]['seconds']:.1f} s", file=sys.stderr)
    runs = ratios(runs)
    print_table(runs)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
