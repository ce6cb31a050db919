"""Hostile input, end to end (issue 13): the table of inputs tried, clear errors, tracebacks and
articles lost, per group.

    .venv/bin/python bench/hostile.py                    # ~5 min on 2 cores (real model)
    .venv/bin/python bench/hostile.py --tiny 200 --fuzz-seconds 10 --concurrent 60

Every figure comes from running the ``eventscope`` command as a user would, in a temporary
folder: ``ingest --strict`` over the generated corpus of :mod:`hostile_corpus` (its eight
groups), ``ingest`` of special files named on the command line (each under a time limit, so a
hang shows), ``ingest -`` of hostile standard input, three ``ingest`` runs at once on
overlapping inputs (articles parsed twice: the sum of their "processed" counts over the
distinct articles), and the atheris fuzz targets for a bounded time. Writes
bench/results/hostile.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from hostile_corpus import GroupResult, build_corpus, judge, sentence

HERE = Path(__file__).resolve().parent
EVENTSCOPE = [sys.executable, "-m", "eventscope.cli"]
FUZZER = HERE.parent / "tests" / "fuzz" / "fuzz_ingest.py"
SKIPPED = re.compile(r"skipped (\d+) input")
PROCESSED = re.compile(r"processed (\d+) article")
STDIN_CASES: list[tuple[bytes, bool]] = [  # (input, good?)
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", False),
    ("caf\u00e9 latin-1 \u00e9t\u00e9".encode("latin-1"), False),
    (sentence("stdin-nul").encode() + b"\x00", False),
    (b'{"text": "lone \\ud800 surrogate"}\n', False),
    (b'{"text": "x", "n": ' + b"9" * 5000 + b"}", False),
    (b"[" * 100_000 + b"]" * 100_000, False),
    (b"", False),
    (sentence("stdin-good").encode(), True),
    (json.dumps({"text": sentence("stdin-json")}).encode(), True),
]


def run(args: list[str], timeout: float = 1800, stdin: bytes | None = None):
    """(exit status, stderr lines) of one ``eventscope`` command; status None if it timed out."""
    try:
        done = subprocess.run([*EVENTSCOPE, *args], input=stdin, capture_output=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        return None, (expired.stderr or b"").decode("utf-8", "replace").splitlines()
    return done.returncode, done.stderr.decode("utf-8", "replace").splitlines()


def stored(db: Path) -> dict[str, str]:
    if not db.exists():
        return {}
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT source, text FROM articles"))


def corpus_groups(work: Path, tiny: int) -> list[GroupResult]:
    cases = build_corpus(work / "corpus", tiny=tiny)
    status, lines = run(["ingest", str(work / "corpus"), "--db", str(work / "c.db"), "--strict"])
    skips = [line for line in lines if ": skipped: " in line]
    results = judge(cases, skips, stored(work / "c.db"),
                    tracebacks=sum("Traceback" in line for line in lines))
    first = next(iter(results.values()))
    counted = [int(m[1]) for line in lines for m in [SKIPPED.search(line)] if m]
    if status != 2 or counted != [sum(c.bad for c in cases)]:
        first.problems.append(f"exit status {status}, summary skipped {counted}")
    return list(results.values())


def named_specials(work: Path) -> GroupResult:
    """Special files named on the command line: each alone, under a time limit."""
    row = GroupResult("special files named")
    folder = work / "corpus"
    for name in ("fifo.txt", "zero.txt", "urandom.txt", "null.txt", "loop.txt", "dangling.txt",
                 "sock.txt"):
        if not os.path.lexists(folder / name):
            continue
        row.tried += 1
        row.bad += 1
        status, lines = run(["ingest", str(folder / name), "--db", str(work / "n.db")], 120)
        row.tracebacks += sum("Traceback" in line for line in lines)
        skips = [line for line in lines if ": skipped: " in line]
        if status == 0 and len(skips) == 1 and name in skips[0]:
            row.clear += 1
        else:
            row.problems.append(f"{name}: status {status}, {len(skips)} skip line(s)")
    return row


def stdin_group(work: Path) -> GroupResult:
    row = GroupResult("standard input")
    for number, (data, good) in enumerate(STDIN_CASES):
        db = work / f"stdin{number}.db"
        status, lines = run(["ingest", "-", "--db", str(db), "--strict"], 600, stdin=data)
        row.tried += 1
        row.tracebacks += sum("Traceback" in line for line in lines)
        skips = [line for line in lines if line.startswith("<stdin>") and ": skipped: " in line]
        if good:
            row.lost += int(status != 0 or len(stored(db)) != 1)
        else:
            row.bad += 1
            row.clear += int(status == 2 and len(skips) == 1)
    return row


def concurrent_group(work: Path, count: int) -> tuple[GroupResult, dict]:
    """Three ingests at once on overlapping thirds-and-more of ``count`` articles."""
    folder = work / "shared"
    folder.mkdir()
    paths = []
    for n in range(count):
        paths.append(folder / f"s{n:04d}.txt")
        paths[-1].write_text(sentence(f"shared-{n}") + " The tide turned at noon.",
                             encoding="utf-8")
    third = count // 3
    inputs = [paths[: 2 * third], paths[third:], paths[::-1]]
    db = work / "shared.db"
    env = {**os.environ, "EVENTSCOPE_BATCH_SIZE": "4"}  # small batches: the runs interleave
    procs = [subprocess.Popen([*EVENTSCOPE, "ingest", *map(str, chunk), "--db", str(db)],
                              stderr=subprocess.PIPE, env=env) for chunk in inputs]
    errs = [p.communicate(timeout=3600)[1].decode("utf-8", "replace") for p in procs]
    processed = [int(m[1]) for e in errs for m in [PROCESSED.search(e)] if m]
    row = GroupResult("concurrent ingests", tried=sum(len(c) for c in inputs),
                      tracebacks=sum(e.count("Traceback") for e in errs),
                      lost=count - len(stored(db)))
    twice = sum(processed) - count
    if any(p.returncode for p in procs) or len(processed) != 3:
        row.problems.append(f"exit statuses {[p.returncode for p in procs]}")
    return row, {"articles": count, "processed_per_run": processed, "parsed_twice": twice}


def fuzz_group(work: Path, seconds: int) -> tuple[GroupResult, dict]:
    row, runs = GroupResult("fuzzing (atheris)"), {}
    for target in ("jsonl", "json", "html", "text", "dispatch"):
        corpus = work / f"fuzz-{target}"
        corpus.mkdir()
        done = subprocess.run([sys.executable, str(FUZZER), target, str(corpus),
                               f"-max_total_time={seconds}", f"-artifact_prefix={work}/{target}-"],
                              capture_output=True, text=True, timeout=seconds + 600)
        found = re.search(r"Done (\d+) runs", done.stderr + done.stdout)
        runs[target] = int(found[1]) if found else 0
        row.tried += runs[target]
        crashed = done.returncode != 0 or "Uncaught Python exception" in done.stderr
        row.tracebacks += int(crashed)
        if crashed:
            row.problems.append(f"{target}: crash, see {work}/{target}-crash-*")
    return row, runs


def print_table(rows: list[GroupResult]) -> None:
    print("| group | inputs tried | bad inputs | clear errors | tracebacks | articles lost |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r.group} | {r.tried:,} | {r.bad:,} | {r.clear:,} | {r.tracebacks} | {r.lost} |")
    for r in rows:
        for problem in r.problems[:10]:
            print(f"PROBLEM {r.group}: {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", type=int, default=1000, help="tiny files in the corpus")
    parser.add_argument("--concurrent", type=int, default=150, help="articles shared by 3 runs")
    parser.add_argument("--fuzz-seconds", type=int, default=30, help="per fuzz target")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eventscope-hostile-") as tmp:
        work = Path(tmp)
        rows = corpus_groups(work, args.tiny)
        rows += [named_specials(work), stdin_group(work)]
        concurrent, shared = concurrent_group(work, args.concurrent)
        fuzz, runs = fuzz_group(work, args.fuzz_seconds)
        rows += [concurrent, fuzz]
        print_table(rows)
        print(f"concurrent ingests: {shared}")
        print(f"fuzz runs per target ({args.fuzz_seconds} s each): {runs}")
    out = HERE / "results" / "hostile.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"rows": [asdict(r) for r in rows], "concurrent": shared,
                               "fuzz_runs": runs, "args": vars(args)}, indent=2))
    failed = any(r.problems or r.tracebacks or r.lost or r.clear != r.bad for r in rows)
    return 1 if failed or shared["parsed_twice"] else 0


if __name__ == "__main__":
    sys.exit(main())
