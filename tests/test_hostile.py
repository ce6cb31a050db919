"""Hostile input at ingest (issue 13): one skip line per bad input, every good one kept whole.

The corpus is made by ``bench/hostile_corpus.py`` in a temporary folder: binary and broken
encodings, lone surrogates, NUL, zero-width and bidi controls, huge lines and numbers, JSON and
HTML nested 100,000 deep, scripts in pages, odd file names, special files, symbolic link loops,
many tiny files. Hypothesis feeds generated text, bytes and JSON through the readers (and a few
texts through the real pipeline): no exception escapes.
"""
from __future__ import annotations

import functools
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st

from conftest import ROOT
from eventscope.ingest import Skip, iter_inputs
from eventscope.ingest.jsonl import read_json, read_json_lines
from eventscope.ingest.sources import read_bytes, read_stdin, shown_path
from eventscope.records import Article, content_id
from eventscope.settings import Settings

sys.path.insert(0, str(ROOT / "bench"))
from hostile_corpus import GROUPS, build_corpus, judge, sentence  # noqa: E402

SETTINGS = Settings()
EVENTSCOPE = [sys.executable, "-m", "eventscope.cli"]
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_all(paths, settings=SETTINGS, stdin=None) -> tuple[list[str], dict[str, str]]:
    """(skip lines, source -> text of each article) of ``paths``."""
    lines, stored = [], {}
    for item in iter_inputs([str(p) for p in paths], settings, stdin=stdin):
        if isinstance(item, Skip):
            lines.append(item.message())
        else:
            stored.setdefault(item.source, item.text)
    return lines, stored


def in_thread(function, seconds: float = 60):
    """``function()``'s value, or fail if it has not returned in ``seconds`` (a hang)."""
    box = []
    thread = threading.Thread(target=lambda: box.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading hung"
    return box[0]


def assert_checked(cases, lines, stored) -> None:
    results = judge(cases, lines, stored)
    assert set(results) == set(GROUPS)
    for row in results.values():
        assert row.problems == [], row.problems
        assert (row.clear, row.lost) == (row.bad, 0), row


# --- the corpus, read ------------------------------------------------------------------------

def test_every_bad_input_is_one_line_and_every_good_one_is_read_whole(tmp_path):
    cases = build_corpus(tmp_path / "corpus", tiny=300)
    lines, stored = in_thread(lambda: read_all([tmp_path / "corpus"]))
    assert_checked(cases, lines, stored)
    assert len(lines) == sum(c.bad for c in cases)
    assert all("\n" not in line and line.isprintable() for line in lines)


@pytest.mark.parametrize("name", ["fifo.txt", "zero.txt", "urandom.txt", "loop.txt",
                                  "dangling.txt", "sock.txt"])
def test_a_special_file_named_directly_is_one_skip_and_does_not_hang(tmp_path, name):
    cases = build_corpus(tmp_path, tiny=0)
    (case,) = [c for c in cases if c.source.endswith("/" + name)] or [None]
    if case is None:
        pytest.skip(f"{name} cannot be made here")
    lines, stored = in_thread(lambda: read_all([tmp_path / name]), 20)
    assert len(lines) == 1 and lines[0].startswith(case.source + ": skipped: ") and not stored


def test_the_progress_estimate_does_not_read_special_files(tmp_path):
    from eventscope.cli.progress import estimate_articles

    os.mkfifo(tmp_path / "fifo.jsonl")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "loop.jsonl").symlink_to("loop.jsonl")
    (tmp_path / "two.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n')
    names = [str(tmp_path / n) for n in ("fifo.jsonl", "zero.jsonl", "loop.jsonl", "two.jsonl")]
    assert in_thread(lambda: estimate_articles(names), 20) == 5


@pytest.mark.parametrize("name, shown", [
    (b"caf\xe9.txt", "caf\\xe9.txt"),
    ("new\nline.txt", "new\\u000aline.txt"),
    ("\u202etxt.exe", "\\u202etxt.exe"),
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("\u65e5\u672c caf\u00e9.txt", "\u65e5\u672c caf\u00e9.txt"),
])
def test_a_file_name_is_shown_as_one_printable_line(name, shown):
    assert shown_path(os.fsdecode(name)) == shown


def test_an_undecodable_file_name_is_read_and_its_source_escaped(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(path, "wb") as f:
        f.write(sentence("latin name").encode())
    (article,) = iter_inputs([os.fsdecode(path)], SETTINGS)
    assert article.source == str(tmp_path) + "/caf\\xe9.txt"
    assert article.source.encode("utf-8")  # storable and printable


@pytest.mark.parametrize("line, reason", [
    ('{"text": "Ok \\ud800"}', "'text' field holds a lone surrogate (\\ud800), not Unicode text, "
                               "at character 4"),
    ('{"text": "Ok", "author": ["A", "\\udc80"]}', "'author' field holds a lone surrogate "
                                                  "(\\udc80), not Unicode text, at character 1"),
    ('{"text": "Ok\\u0000"}', "'text' field holds a NUL character at character 3"),
    ('{"text": "Ok", "n": ' + "7" * 5000 + "}",
     "malformed JSON (a number of 5,000 digits, over the 4,300-digit limit)"),
    ('{"text": "Ok", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "malformed JSON (nested too deeply)"),
])
def test_hostile_json_lines_are_one_skip_each(line, reason):
    good = json.dumps({"text": sentence("after")})
    skip, article = read_json_lines([line, good], "in.jsonl", SETTINGS)
    assert skip == Skip("in.jsonl", 1, reason)
    assert article.text == sentence("after") and article.source == "in.jsonl:2"


@pytest.mark.parametrize("offset", ["-4500", "+2400", "+9999"])
def test_a_zone_offset_of_a_day_or_more_keeps_the_article_without_a_time(offset):
    # found by fuzzing: datetime.isoformat raised on the offset dateutil accepted
    line = json.dumps({"text": "Ok", "published": f"Wed, 23 Nov 2016 15:02:00 {offset}"})
    (article,) = read_json_lines([line], "in.jsonl", SETTINGS)
    assert article.text == "Ok" and article.published_at is None


def test_a_long_number_that_python_reads_is_kept():
    line = json.dumps({"text": "Ok"})[:-1] + ', "n": 1.' + "2" * 5000 + ', "m": 1e99999}'
    (article,) = read_json_lines([line], "in.jsonl", SETTINGS)
    assert article.text == "Ok"


@pytest.mark.parametrize("stream", [
    io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"),
    io.TextIOWrapper(io.BytesIO(b"caf\xe9 \xff\xfe"), encoding="utf-8", errors="surrogateescape"),
    io.StringIO("caf\udce9"),
])
def test_binary_on_stdin_is_one_skip(stream):
    (skip,) = iter_inputs(["-"], SETTINGS, stdin=stream)
    assert skip.source == "<stdin>" and "undecodable" in skip.reason


def test_good_bytes_on_stdin_are_read():
    stream = io.TextIOWrapper(io.BytesIO(sentence("piped").encode()), encoding="utf-8")
    (article,) = iter_inputs(["-"], SETTINGS, stdin=stream)
    assert article.text == sentence("piped") and article.source == "<stdin>"


def test_stdin_given_as_a_temporary_text_wrapper_is_read():
    # found by fuzzing: the wrapper, once collected, closed the buffer being read
    wrapped = read_stdin(io.TextIOWrapper(io.BytesIO(sentence("wrapped").encode())), SETTINGS)
    (article,) = wrapped
    assert article.text == sentence("wrapped")


def test_a_page_declaring_an_escape_codec_is_not_decoded_with_it():
    page = b'<html><head><meta charset="unicode_escape"></head><body><p>\\ud800 \xe9</p>'
    (skip,) = read_bytes(page, "p.html", "html", SETTINGS)
    assert "undecodable" in skip.reason


# --- generated input: nothing escapes ----------------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=300)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "date", "published", "url", "id", "author"]) | ANY_TEXT,
        inner, max_size=5),
    max_leaves=20)


def assert_sound(items) -> None:
    for item in items:
        if isinstance(item, Skip):
            message = item.message()
            assert "\n" not in message and not _SURROGATE.search(message)
        else:
            assert isinstance(item, Article) and item.text.strip() == item.text != ""
            assert item.id == content_id(item.text) and not _SURROGATE.search(item.text)
            assert "\x00" not in item.text


@hyp_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400) | ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
       fmt=st.sampled_from(["text", "jsonl", "json"]))
def test_generated_bytes_never_raise(data, fmt):
    assert_sound(list(read_bytes(data, "gen", fmt, SETTINGS)))


@hyp_settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES)
def test_generated_json_never_raises(value):
    raw = json.dumps(value)  # ensure_ascii: a generated surrogate becomes a "\ud800" escape
    assert_sound(list(read_json(raw, "gen.json", SETTINGS)))
    assert_sound(list(read_json_lines([raw, raw.encode("utf-8")], "gen.jsonl", SETTINGS)))


@hyp_settings(max_examples=25, deadline=None)
@given(text=ANY_TEXT)
def test_generated_pages_never_raise(text):
    page = f"<html><body><article><p>{text}</p><p>{text[::-1]}</p></article></body></html>"
    assert_sound(list(read_bytes(page.encode("utf-8", "surrogatepass"), "g.html", "html",
                                 SETTINGS)))


@functools.cache
def memory_store():
    from eventscope.store import Store

    return Store.open("sqlite://")  # one for every example: ids are content hashes


@hyp_settings(max_examples=100, deadline=None)
@given(texts=st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_generated_text_is_stored_as_read(texts):
    from eventscope.records import ArticleResult, PipelineInfo, StageInfo

    info = PipelineInfo((StageInfo("nlp", 1), StageInfo("events", 1)), "none", "0")
    items = [i for t in texts for i in read_bytes(t.encode("utf-8", "surrogatepass"), "g.txt",
                                                   "text", SETTINGS)]
    assert_sound(items)
    articles = list({i.id: i for i in items if isinstance(i, Article)}.values())
    store = memory_store()
    store.write([ArticleResult(article=a, pipeline=info) for a in articles])
    assert [store.get(a.id).article for a in articles] == articles


@pytest.mark.integration
@pytest.mark.slow
@hyp_settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_generated_text_through_the_real_pipeline_never_raises(events_of, text):
    items = list(read_bytes(text.encode("utf-8"), "gen.txt", "text", SETTINGS))
    assert_sound(items)
    articles = [i for i in items if isinstance(i, Article)]
    results = list(events_of.pipeline.process(articles))
    assert [r.article for r in results] == articles


# --- the command, end to end -------------------------------------------------------------------

def run_ingest(paths, db, *options, stdin=None):
    return subprocess.run([*EVENTSCOPE, "ingest", *map(str, paths), "--db", str(db), *options],
                          input=stdin, capture_output=True, timeout=900)


def stored_texts(db) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT source, text FROM articles"))


@pytest.mark.integration
@pytest.mark.slow
def test_ingest_of_the_corpus_stores_every_good_input_and_strict_fails(tmp_path):
    cases = build_corpus(tmp_path / "corpus", tiny=60)
    done = run_ingest([tmp_path / "corpus"], tmp_path / "es.db", "--strict")
    err = done.stderr.decode("utf-8")
    lines = [line for line in err.splitlines() if ": skipped: " in line]
    bad, good = sum(c.bad for c in cases), sum(not c.bad for c in cases)
    assert done.returncode == 2 and "Traceback" not in err
    assert len(err.splitlines()) == len(lines) + 3, err  # skips, stored, summary, --strict
    assert_checked(cases, lines, stored_texts(tmp_path / "es.db"))
    assert f"stored {good} new article(s)" in err and f"skipped {bad} input(s)" in err


@pytest.mark.integration
def test_binary_on_stdin_is_one_line_and_strict_fails(tmp_path):
    done = run_ingest(["-"], tmp_path / "es.db", "--strict", stdin=b"\xff\xfe\x00\x01 binary")
    err = done.stderr.decode("utf-8").splitlines()
    assert done.returncode == 2 and err[0].startswith("<stdin>: skipped: binary")
    assert not any("Traceback" in line for line in err)
