"""Exports: streamed from the store in chunks, written to a file all or nothing."""
from __future__ import annotations

import csv
import errno
import io
import json
import os

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.errors import ExportError, StoreError
from eventscope.records import (
    Actor, Article, ArticleResult, Event, PipelineInfo, Quote, Span, StageInfo, content_id,
)
from eventscope.store import Store
from eventscope.store import export as export_module
from eventscope.store.export import FORMATS, TABLES, export_file

STAGES = tuple(StageInfo(name, 1) for name in ("entities", "quotes", "dates", "places", "events"))


def result_of(n: int, text: str = "") -> ArticleResult:
    """An article with one event and one quote, its text made of ``n`` (or ``text``)."""
    text = text or f"Ruritania accused Freedonia of a border incident, number {n}."
    span = Span(0, len(text), text)
    event = Event(id=content_id(text, "event"), event_type="ACCUSE", trigger=span,
                  sentence=span, event_text=text,
                  actor=(Actor(0, 9, "Ruritania", country="RUR", code="RURGOV"),),
                  recipient=(Actor(18, 27, "Freedonia", country="FRE"),))
    quote = Quote(id=content_id(text, "quote"), kind="indirect", content=span)
    article = Article(id=content_id(text), text=text, published=f"2024-01-{n % 28 + 1:02d}",
                      source=f"{n}.txt")
    return ArticleResult(article=article, pipeline=PipelineInfo(STAGES, "en_test", "1.0"),
                         events=(event,), quotes=(quote,))


@pytest.fixture
def seven(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'seven.db'}") as store:
        store.write([result_of(n) for n in range(7)])
        yield store


def exported(store, fmt: str, table: str = "events") -> bytes:
    raw = io.BytesIO()
    store.export(fmt, raw, table=table)
    return raw.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", TABLES)
def test_a_file_export_holds_what_a_stream_export_does(seven, tmp_path, fmt, table):
    target = tmp_path / f"out.{fmt}"
    assert export_file(seven, fmt, target, table=table) == 7
    assert target.read_bytes() == exported(seven, fmt, table)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out." + fmt, "seven.db",
                                                          "seven.db-shm", "seven.db-wal"]


@pytest.mark.parametrize("table", TABLES)
def test_rows_are_fetched_and_written_in_chunks(seven, monkeypatch, table):
    monkeypatch.setattr(export_module, "CHUNK", 3)
    parquet = pq.ParquetFile(io.BytesIO(exported(seven, "parquet", table)))
    assert [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)] \
        == [3, 3, 1]
    rows = list(csv.DictReader(io.StringIO(exported(seven, "csv", table).decode("utf-8"))))
    assert len(rows) == 7 and len({r["article_id"] for r in rows}) == 7


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(seven, tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("the previous export\n", encoding="utf-8")
    calls = []

    def failing_row(event):
        calls.append(event)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(event)

    original = export_module._event_row
    monkeypatch.setattr(export_module, "_event_row", failing_row)
    with pytest.raises(ExportError) as caught:
        export_file(seven, "csv", target)
    assert str(caught.value) == (f"cannot export to {target}: the disk is full: free some space "
                                 "and run the same command again; nothing was written there")
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_full_disk_at_the_end_leaves_no_file(seven, tmp_path, monkeypatch):
    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module.os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full"):
        export_file(seven, "parquet", tmp_path / "events.parquet")
    assert not (tmp_path / "events.parquet").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_an_export_error_of_another_kind_also_removes_the_temporary_file(seven, tmp_path):
    with pytest.raises(Exception, match="unknown export table"):
        export_file(seven, "csv", tmp_path / "x.csv", table="dates")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".x.csv")]


def test_a_missing_folder_or_a_folder_as_target_is_one_line(seven, tmp_path):
    with pytest.raises(ExportError) as caught:
        export_file(seven, "csv", tmp_path / "no" / "such" / "out.csv")
    assert str(caught.value) == (f"cannot export to {tmp_path / 'no' / 'such' / 'out.csv'}: its "
                                 f"folder {tmp_path / 'no' / 'such'} does not exist (create it "
                                 "or choose another --output)")
    with pytest.raises(ExportError, match="it is a folder"):
        export_file(seven, "csv", tmp_path)


def test_a_read_only_folder_is_one_line(seven, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(export_module.tempfile, "NamedTemporaryFile", refused)
    with pytest.raises(ExportError, match="the file system is read-only: choose a writable place"):
        export_file(seven, "jsonl", tmp_path / "out.jsonl")


def test_the_file_gets_the_usual_permissions(seven, tmp_path):
    target = tmp_path / "out.csv"
    export_file(seven, "csv", target)
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_database_failing_during_an_export_is_one_line_without_text(tmp_path):
    path = tmp_path / "broken.db"
    secret = "Confidential wording that must never reach an error message."
    with Store.open(f"sqlite:///{path}") as store:
        store.write([result_of(1, secret)])
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE events")
        with pytest.raises(StoreError) as caught:
            exported(store, "csv")
    message = str(caught.value)
    assert message.startswith(f"cannot read database sqlite:///{path}: no such table: events")
    assert "Confidential" not in message and "\n" not in message


@settings(max_examples=20, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
                min_size=0, max_size=6, unique=True))
def test_csv_and_jsonl_exports_round_trip_any_text(texts):
    with Store.open("sqlite://") as store:
        store.write([result_of(i, t) for i, t in enumerate(texts)])
        rows = list(csv.DictReader(io.StringIO(exported(store, "csv").decode("utf-8"),
                                               newline="")))
        assert sorted(r["event_text"] for r in rows) == sorted(texts)
        lines = exported(store, "jsonl").decode("utf-8").splitlines()
        assert sorted(json.loads(line)["article"]["text"] for line in lines) == sorted(texts)


def test_jsonl_keeps_one_record_per_line_whatever_the_text_holds():
    texts = ["a\u2028b", "c\u2029d", "e\x85f", "g\x1ch"]  # line breaks to splitlines()
    with Store.open("sqlite://") as store:
        store.write([result_of(i, t) for i, t in enumerate(texts)])
        lines = exported(store, "jsonl").decode("utf-8").splitlines()
    assert sorted(json.loads(line)["article"]["text"] for line in lines) == sorted(texts)
