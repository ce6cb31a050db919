"""Claims (issue 13): concurrent ingests into one store never parse an article twice.

The pipeline is replaced by one that parses nothing: it appends each article id it is given
to a log file (one line per parse call) and sleeps a little, so that runs overlap. Several
processes then ingest overlapping inputs into one SQLite file.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from eventscope import workflow
from eventscope.records import Article, ArticleResult, PipelineInfo, StageInfo, content_id
from eventscope.settings import Settings
from eventscope.store import Store
from eventscope.store.claims import Claims

LABELS = ["events.v1"]
INFO = PipelineInfo((StageInfo("nlp", 1), StageInfo("events", 1)), "counting", "0")
FORK = multiprocessing.get_context("fork")


class CountingPipeline:
    """Stands in for :class:`eventscope.execute.Pipeline`: logs every article it parses."""

    log: str = ""
    delay: float = 0.0

    @classmethod
    def from_settings(cls, settings):
        return cls()

    def labels(self) -> list[str]:
        return list(LABELS)

    def process(self, articles):
        for article in articles:
            with open(self.log, "a", encoding="utf-8") as log:
                log.write(article.id + "\n")
            time.sleep(self.delay)
            yield ArticleResult(article=article, pipeline=INFO)


def result_of(text: str) -> ArticleResult:
    return ArticleResult(article=Article(id=content_id(text), text=text), pipeline=INFO)


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"a{n:03d}.txt"
        path.write_text(f"Ferry timetable number {n} was posted at the quay.", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_counting(paths: list[str], db: str, log: str, delay: float, out: str) -> None:
    """A child process: ingest ``paths`` with the counting pipeline; its summary to ``out``."""
    CountingPipeline.log, CountingPipeline.delay = log, delay
    workflow.Pipeline = CountingPipeline
    settings = Settings(db_url=db, batch_size=4)
    summary = workflow.ingest(paths, settings)
    Path(out).write_text(json.dumps({"processed": summary.processed, "stored": summary.stored,
                                     "unchanged": summary.unchanged}))


def parse_calls(log: Path) -> Counter:
    return Counter(log.read_text().split()) if log.exists() else Counter()


def stored_ids(db: str) -> list[str]:
    with Store.open(db) as store:
        return store.article_ids()


@pytest.fixture
def store():
    with Store.open("sqlite://") as opened:
        yield opened


# --- claims on one store ---------------------------------------------------------------------

def test_a_claim_holds_an_article_until_it_is_stored(store):
    first, second = Claims(store, LABELS), Claims(store, LABELS)
    a, b = result_of("Alpha text."), result_of("Beta text.")
    assert first.claim([a.article.id, b.article.id]).claimed == {a.article.id, b.article.id}
    taken = second.claim([a.article.id, b.article.id])
    assert (taken.claimed, taken.held) == (set(), {a.article.id, b.article.id})
    store.write([a])  # storing deletes the claim: the second run now finds it done
    taken = second.claim([a.article.id, b.article.id])
    assert (taken.done, taken.held, taken.claimed) == ({a.article.id}, {b.article.id}, set())
    first.release()
    assert second.claim([b.article.id]).claimed == {b.article.id}


def test_claiming_again_is_idempotent_for_the_owner(store):
    claims = Claims(store, LABELS)
    assert claims.claim(["x1", "x1"]).claimed == {"x1"}
    assert claims.claim(["x1"]).claimed == {"x1"}


def test_a_claim_older_than_the_ttl_is_taken_over(store):
    now = [1000.0]
    elsewhere = Claims(store, LABELS, owner="another-host:1:abc", ttl=60, clock=lambda: now[0])
    here = Claims(store, LABELS, ttl=60, clock=lambda: now[0])
    elsewhere.claim(["x1"])
    now[0] += 59
    assert here.claim(["x1"]).held == {"x1"}
    now[0] += 2
    assert here.claim(["x1"]).claimed == {"x1"}
    assert elsewhere.claim(["x1"]).held == {"x1"}


def test_a_claim_of_a_process_of_this_host_that_is_gone_is_taken_over_at_once(store):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = Claims(store, LABELS, owner=f"{socket.gethostname()}:{gone}:abc")
    dead.claim(["x1"])
    assert Claims(store, LABELS).claim(["x1"]).claimed == {"x1"}


def test_release_deletes_only_the_owners_claims(store):
    mine, theirs = Claims(store, LABELS), Claims(store, LABELS)
    mine.claim(["x1", "x2"])
    theirs.claim(["x3"])
    mine.release(["x1"])
    assert theirs.claim(["x1", "x2", "x3"]).held == {"x2"}
    mine.release()
    assert theirs.claim(["x2"]).claimed == {"x2"}


# --- concurrent ingests ------------------------------------------------------------------------

@pytest.mark.slow
def test_concurrent_ingests_on_overlapping_inputs_parse_each_article_once(tmp_path):
    paths = [str(p) for p in write_articles(tmp_path / "in", 40)]
    db, log = f"sqlite:///{tmp_path / 'es.db'}", tmp_path / "parses.log"
    Store.open(db).close()
    inputs = [paths[:30], paths[10:], paths[::-1], paths[5:35][::2] + paths]  # all overlap
    children = [FORK.Process(target=ingest_counting,
                             args=(chunk, db, str(log), 0.02, str(tmp_path / f"out{n}")))
                for n, chunk in enumerate(inputs)]
    for child in children:
        child.start()
    for child in children:
        child.join(300)
        assert child.exitcode == 0
    calls = parse_calls(log)
    assert len(calls) == 40 and set(calls.values()) == {1}, calls.most_common(3)
    ids = stored_ids(db)
    assert sorted(ids) == sorted(calls) and len(set(ids)) == 40
    summaries = [json.loads((tmp_path / f"out{n}").read_text()) for n in range(len(inputs))]
    assert sum(s["processed"] for s in summaries) == 40
    for summary, chunk in zip(summaries, inputs):
        assert summary["stored"] + summary["unchanged"] == len(set(chunk))


@pytest.mark.slow
def test_the_claims_of_a_killed_ingest_do_not_stop_the_next_one(tmp_path):
    paths = [str(p) for p in write_articles(tmp_path / "in", 12)]
    db, log = f"sqlite:///{tmp_path / 'es.db'}", tmp_path / "parses.log"
    Store.open(db).close()
    slow = FORK.Process(target=ingest_counting, args=(paths, db, str(log), 30.0,
                                                      str(tmp_path / "slow")))
    slow.start()
    deadline = time.monotonic() + 60
    while not parse_calls(log) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(slow.pid, signal.SIGKILL)
    slow.join()  # reaped: its pid no longer runs, so its claims are stale at once
    started = time.monotonic()
    again = FORK.Process(target=ingest_counting, args=(paths, db, str(log), 0.0,
                                                       str(tmp_path / "next")))
    again.start()
    again.join(60)
    assert again.exitcode == 0 and time.monotonic() - started < 30
    assert len(set(stored_ids(db))) == 12
    assert json.loads((tmp_path / "next").read_text())["processed"] == 12
