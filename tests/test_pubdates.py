"""Publication dates in every common format, and a warning naming an article whose date is not read."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from eventscope.ingest import read_path
from eventscope.ingest.article import normalise_date
from eventscope.ingest.text import split_headers
from eventscope.records import Article
from eventscope.settings import Settings

SETTINGS = Settings()
BODY = "The foreign ministry said on Tuesday that talks with its neighbour would resume."


@pytest.mark.parametrize("value", [
    "2016-11-23",
    "2016-11-23T15:02:00",
    "2016-11-23T15:02:00Z",
    "2016-11-23T15:02:00-05:00",
    "2016-11-23 15:02",
    "Wed, 23 Nov 2016 15:02:00 -0500",
    "Wed, 23 Nov 2016 15:02:00 GMT",
    "Wed Nov 23, 2016 | 3:02pm EST",
    "Wed Nov 23, 2016 · 3:02pm EST",
    "Nov 23 2016 3:02 PM ET",
    "23 November 2016",
    "November 23, 2016",
    "Wednesday, 23rd of November 2016",
    "2016/11/23",
    "23.11.2016",
    "23/11/2016",
    "  November 23, 2016\n",
])
def test_common_formats_keep_the_day(value):
    assert normalise_date(value) == "2016-11-23"


@pytest.mark.parametrize("value, expected", [
    ("Wed, 23 Nov 2016 23:30:00 -0500", "2016-11-23"),  # the publisher's day, not UTC's 24th
    ("2016-11-23T00:30:00+09:00", "2016-11-23"),
])
def test_the_day_is_the_one_written_in_its_own_zone(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", [
    "November 2016",  # no day
    "Wednesday",  # no year
    "3:02pm",
    "05/06/2016",  # 5 June or May 6: the value does not say
    "31 November 2016",
    "yesterday",
    "x" * 200,
    12345,
])
def test_incomplete_impossible_or_ambiguous_dates_are_not_read(value):
    assert normalise_date(value) is None


def test_a_header_line_in_wire_format_is_the_date(tmp_path):
    meta, body = split_headers(f"date: Wed Nov 23, 2016 | 3:02pm EST\ntitle: T\n\n{BODY}")
    assert (meta.published, meta.title, body) == ("2016-11-23", "T", BODY)


def test_unread_date_is_one_warning_naming_the_article_which_is_kept(tmp_path, caplog):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": BODY, "date": "sometime in autumn"}) + "\n"
        + json.dumps({"text": "Second.", "date": "not a date", "published": "23 November 2016"})
        + "\n" + json.dumps({"text": "Third."}) + "\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="eventscope.ingest"):
        items = list(read_path(path, SETTINGS))
    assert [type(i) for i in items] == [Article, Article, Article]
    assert [i.published for i in items] == [None, "2016-11-23", None]
    warnings = [r.getMessage() for r in caplog.records]
    assert warnings == [f"{path}:1: publication date 'sometime in autumn' not read; "
                        "article kept without a date"]


def test_html_date_that_cannot_be_read_is_a_warning(tmp_path, caplog, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda markup, **_: {"text": BODY, "date": "the other day"})
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventscope.ingest"):
        (article,) = read_path(path, SETTINGS)
    assert article.published is None
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: publication date 'the other day' not read; article kept without a date"]


@pytest.mark.integration
def test_cli_reads_feed_dates_and_warns_once_per_unread_article(tmp_path):
    feed = tmp_path / "feed.jsonl"
    dates = ["Wed, 23 Nov 2016 15:02:00 -0500", "Wed Nov 23, 2016 | 3:02pm EST",
             "23 November 2016", "November 23, 2016", "2016/11/23", "2016-11-23T15:02:00Z",
             "in the autumn"]
    feed.write_text("".join(
        json.dumps({"text": f"Article {n}. {BODY}", "date": d}) + "\n" for n, d in enumerate(dates)
    ), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eventscope.cli", "extract", str(feed)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    published = [json.loads(line)["article"]["published"] for line in done.stdout.splitlines()]
    assert published == ["2016-11-23"] * 6 + [None]
    warnings = [line for line in done.stderr.splitlines() if "not read" in line]
    assert warnings == [f"eventscope: WARNING: {feed}:7: publication date 'in the autumn' not "
                        "read; article kept without a date"]


# --- the time and its zone are kept beside the day ----------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("Wed Nov 23, 2016 | 3:02pm EST", "2016-11-23T15:02:00-05:00"),
    ("Wed, 23 Nov 2016 15:02:00 -0500", "2016-11-23T15:02:00-05:00"),
    ("Wed, 23 Nov 2016 15:02:00 GMT", "2016-11-23T15:02:00+00:00"),
    ("2016-11-23T15:02:00Z", "2016-11-23T15:02:00+00:00"),
    ("2016-11-23T00:30:00+09:00", "2016-11-23T00:30:00+09:00"),  # the day written, not UTC's
    ("Wed, 23 Nov 2016 23:30:00 -0500", "2016-11-23T23:30:00-05:00"),
    ("Nov 23 2016 3:02 PM ET", "2016-11-23T15:02:00-05:00"),  # New York in winter
    ("Jul 4 2016 3:02 PM ET", "2016-07-04T15:02:00-04:00"),  # and in summer
    ("23 November 2016 10:15 CET", "2016-11-23T10:15:00+01:00"),
    ("2016-11-23 15:02", "2016-11-23T15:02:00"),  # no zone named: none given
    ("Wed Nov 23, 2016 | 3:02pm IST", "2016-11-23T15:02:00"),  # India or Ireland: not guessed
    ("2016-11-23", None),  # no time
    ("23 November 2016", None),
    ("November 2016 3pm", None),  # no day: no date, so no time either
    ("05/06/2016 10:00 GMT", None),
    ("Wed, 23 Nov 2016 15:02:00 -2500", None),  # no offset of a day or more (found by atheris)
    ("Wed, 23 Nov 2016 15:02:00 +9999", None),
    (None, None),
])
def test_the_time_is_kept_with_its_zone(value, expected):
    from eventscope.ingest.article import published_time

    assert published_time(value) == expected
    if expected:
        assert expected[:10] == normalise_date(value)


def test_every_reader_keeps_the_time(tmp_path, monkeypatch):
    import trafilatura

    wire = "Wed Nov 23, 2016 | 3:02pm EST"
    (tmp_path / "a.txt").write_text(f"date: {wire}\ntitle: T\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": BODY + " B", "published": "not a date", "date": wire}) + "\n"
        + json.dumps({"text": BODY + " C", "date": "23 November 2016"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda markup, **_: {"text": BODY + " D", "date": "2016-11-23T15:02:00Z"})
    (tmp_path / "d.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    found = {a.source.rsplit("/", 1)[-1]: (a.published, a.published_at)
             for name in ("a.txt", "b.jsonl", "d.html") for a in read_path(tmp_path / name, SETTINGS)}
    assert found == {"a.txt": ("2016-11-23", "2016-11-23T15:02:00-05:00"),
                     "b.jsonl:1": ("2016-11-23", "2016-11-23T15:02:00-05:00"),
                     "b.jsonl:2": ("2016-11-23", None),
                     "d.html": ("2016-11-23", "2016-11-23T15:02:00+00:00")}


def test_the_time_is_stored_shown_and_valid_output(tmp_path):
    from click.testing import CliRunner

    from eventscope.cli.main import cli
    from eventscope.ingest.article import make_article
    from eventscope.records import ArticleResult, PipelineInfo, to_json
    from eventscope.schema import validate_article_result
    from eventscope.store import Store

    article = make_article(BODY, published="2016-11-23", published_at="2016-11-23T15:02:00-05:00")
    result = ArticleResult(article=article, pipeline=PipelineInfo((), "en_test", "1.0"))
    validate_article_result(json.loads(json.dumps(to_json(result))))
    url = f"sqlite:///{tmp_path / 'news.db'}"
    with Store.open(url) as store:
        store.write([result])
        assert store.get(article.id).article == article
        assert store.articles()[0].article.published_at == "2016-11-23T15:02:00-05:00"
    shown = CliRunner().invoke(cli, ["show", article.id[:6], "--db", url], env={"COLUMNS": "200"})
    assert "published 2016-11-23T15:02:00-05:00" in shown.stdout


def test_a_store_from_before_revision_0006_opens_without_times(tmp_path):
    import sqlalchemy as sa
    from alembic import command

    from eventscope.ingest.article import make_article
    from eventscope.records import ArticleResult, PipelineInfo
    from eventscope.store import Store
    from eventscope.store.engine import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    article = make_article(BODY, published="2016-11-23")
    with Store.open(url) as store:
        store.write([ArticleResult(article=article, pipeline=PipelineInfo((), "en_test", "1.0"))])
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005")
        assert "published_at" not in {c["name"] for c in sa.inspect(connection).get_columns("articles")}
    engine.dispose()
    with Store.open(url, create=False) as store:
        assert store.get(article.id).article == article  # published_at None
