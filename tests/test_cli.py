"""The command line: output contract, bad input, user errors, and interrupted runs."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli.main import cli
from eventscope.schema import validate_article_result

pytestmark = pytest.mark.integration

ARTICLE = (
    "date 2023-07-06\ntitle: Talks planned\n\n"
    "The Armenian foreign ministry accused Azerbaijan of blocking the road. "
    "“We call on Baku to lift the blockade,” spokesperson Ani Petrosyan said on Monday.\n"
)
EVENTSCOPE = [sys.executable, "-m", "eventscope.cli"]


def run(args, env=None, input=None):
    runner = CliRunner()
    return runner.invoke(cli, args, env=env, input=input, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"text": "Russia said it would send peacekeepers.", "date": "2023-07-01"})
        + "\n{not json\n"
        + json.dumps({"title": "no text here"}) + "\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (folder / "d.txt").write_text("   \n", encoding="utf-8")
    return folder


def test_extract_emits_schema_valid_records_with_exact_offsets(corpus):
    result = run(["extract", str(corpus / "a.txt")])
    assert result.exit_code == 0, result.output
    (line,) = [l for l in result.stdout.splitlines() if l.strip()]
    data = json.loads(line)
    validate_article_result(data)
    text = data["article"]["text"]
    assert data["article"]["published"] == "2023-07-06"
    assert text.startswith("The Armenian")
    for kind in ("entities", "dates", "places"):
        for record in data[kind]:
            assert text[record["start"]:record["end"]] == record["text"]
    for quote in data["quotes"]:
        for part in ("content", "speaker", "cue"):
            if quote[part]:
                assert text[quote[part]["start"]:quote[part]["end"]] == quote[part]["text"]
    assert any(q["content"]["text"] == "We call on Baku to lift the blockade," or
               q["content"]["text"] == "We call on Baku to lift the blockade"
               for q in data["quotes"])


def test_bad_inputs_are_one_line_each_and_the_run_goes_on(corpus):
    result = run(["extract", str(corpus)])
    assert result.exit_code == 0
    records = [json.loads(l) for l in result.stdout.splitlines() if l.strip()]
    assert len(records) == 2  # a.txt and the good JSON line
    messages = [l for l in result.stderr.splitlines() if "skipped" in l and ":" in l]
    assert any("b.jsonl:2" in m for m in messages)
    assert any("b.jsonl:3" in m for m in messages)
    assert any("c.txt" in m for m in messages)
    assert any("d.txt" in m for m in messages)
    assert "skipped 4 input(s)" in result.stderr
    assert "Traceback" not in result.output


def test_strict_makes_any_skip_an_error(corpus):
    result = run(["extract", "--strict", str(corpus)])
    assert result.exit_code == 2


def test_size_limit_is_a_setting(corpus):
    result = run(["extract", str(corpus / "a.txt")], env={"EVENTSCOPE_MAX_BYTES": "10"})
    assert result.exit_code == 0
    assert result.stdout.strip() == ""
    assert "a.txt" in result.stderr and "skipped" in result.stderr


def test_user_errors_are_one_line_without_traceback(tmp_path):
    result = run(["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0
    assert "missing.txt" in result.stderr and "Traceback" not in result.output


def test_stdin_is_read(corpus):
    result = run(["extract", "-"], input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["source"] == "<stdin>"


def test_ingest_is_idempotent_and_queries_read_the_store(corpus, tmp_path):
    db = f"sqlite:///{tmp_path / 'es.db'}"
    first = run(["ingest", str(corpus), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored 2 new article(s)" in first.stderr
    second = run(["ingest", str(corpus), "--db", db])
    assert "stored 0 new article(s), 2 already stored" in second.stderr
    stats = json.loads(run(["stats", "--db", db, "--json"]).stdout)
    assert stats["articles"] == 2
    arts = run(["articles", "--db", db, "--json"]).stdout.splitlines()
    assert len(arts) == 2
    quotes = run(["quotes", "--db", db, "--json"])
    assert quotes.exit_code == 0
    events = run(["events", "--db", db, "--json", "--country", "ARM"])
    assert events.exit_code == 0
    table = run(["events", "--db", db])
    assert table.exit_code == 0 and "events (" in table.stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(corpus, tmp_path, fmt):
    db = f"sqlite:///{tmp_path / 'es.db'}"
    run(["ingest", str(corpus), "--db", db])
    out = tmp_path / f"out.{fmt}"
    result = run(["export", "--db", db, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "jsonl":
        rows = [json.loads(l) for l in out.read_text().splitlines()]
        assert len(rows) == 2
        for row in rows:
            validate_article_result(row)


def _count_articles(db_path: Path) -> int:
    from eventscope.store import Store

    if not db_path.exists():
        return 0
    with Store.open(f"sqlite:///{db_path}") as store:
        return store.stats().articles


def _articles_dir(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"date 2023-07-{1 + i % 28:02d}\n\nArticle {i}. The Armenian foreign ministry "
            f"accused Azerbaijan of shelling the village of Sotk number {i}. “This must stop,” "
            f"spokesperson Ani Petrosyan said.\n",
            encoding="utf-8",
        )
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_ingest_resumes_to_exactly_once(tmp_path, sig):
    folder = _articles_dir(tmp_path, 60)
    db_path = tmp_path / "es.db"
    cmd = [*EVENTSCOPE, "ingest", str(folder), "--db", f"sqlite:///{db_path}"]
    env = {**os.environ, "EVENTSCOPE_BATCH_SIZE": "2"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count_articles(db_path) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, stderr
        assert b"interrupted" in stderr and b"Traceback" not in stderr
    stored_before = _count_articles(db_path)
    assert 0 < stored_before < 60
    again = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr
    from eventscope.store import ArticleFilter, Store

    with Store.open(f"sqlite:///{db_path}") as store:
        rows = store.articles(ArticleFilter(limit=1000))
        ids = [r.article.id if hasattr(r, "article") else r.id for r in rows]
        assert len(ids) == len(set(ids)) == 60
        for article_id in ids:
            result = store.get(article_id)
            assert result is not None and result.pipeline.stages


def test_source_ref_is_relative_below_the_working_folder(tmp_path, monkeypatch):
    from eventscope.cli.options import source_ref

    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path)
    assert source_ref(str(tmp_path / "news" / "a.txt"), 12) == "news/a.txt@12"
    assert source_ref("/elsewhere/b.html") == "/elsewhere/b.html"
    assert source_ref("-", 0) == "-@0"  # standard input
    assert source_ref(None) == ""


@pytest.mark.parametrize("name, value", [("GAZETTEER_MIN_POPULATION", "123"), ("BATCH_SIZE", "x")])
def test_a_bad_setting_is_one_line_without_traceback(name, value):
    result = run(["stats"], env={f"EVENTSCOPE_{name}": value})
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0
    assert name.lower() in result.stderr.lower() and "Traceback" not in result.output


def test_a_library_log_with_a_traceback_is_one_line():
    import logging

    from eventscope.cli.main import OneLineFormatter, _not_an_interrupt

    def record(exc: BaseException) -> logging.LogRecord:
        try:
            raise exc
        except BaseException:
            return logging.LogRecord("sqlalchemy.pool", logging.ERROR, __file__, 1,
                                     "Exception during reset", None, sys.exc_info())

    failed = record(OSError("disk full"))
    assert OneLineFormatter(tracebacks=False).format(failed) == (
        "eventscope: ERROR: Exception during reset (OSError)")
    assert "Traceback" in OneLineFormatter(tracebacks=True).format(failed)
    assert _not_an_interrupt(failed)
    assert not _not_an_interrupt(record(KeyboardInterrupt()))
