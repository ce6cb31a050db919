"""``eventscope show``, ``eventscope counts`` and tables that fit the terminal: the commands an
analyst reads with. The store is written by hand (no model)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from eventscope.cli.main import cli
from eventscope.cli.options import fit_widths, fitting_columns
from eventscope.cli.show import Mark, marked_text
from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id, to_json,
)
from eventscope.store import Store

INFO = PipelineInfo(tuple(StageInfo(name, 1) for name in
                          ("entities", "quotes", "dates", "places", "events")), "en_test", "1.0")
TEXT = ("Ruritania accused Borduria on Monday of shelling Varna. "
        "'We will answer,' said the Ruritanian minister Ivo Marek.")


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def _article() -> ArticleResult:
    rur, bor = _span("Ruritania"), _span("Borduria")
    event = Event(id=content_id(TEXT, "e"), event_type="ACCUSE", mode="allege",
                  trigger=_span("accused"), sentence=_span(TEXT.split(". ")[0]),
                  event_text=TEXT.split(". ")[0], date="2016-11-21",
                  actor=(Actor(rur.start, rur.end, rur.text, country="RUT", code="RUTGOV"),),
                  recipient=(Actor(bor.start, bor.end, bor.text, country="BOR"),))
    quote = Quote(id=content_id(TEXT, "q"), kind="direct", content=_span("We will answer,"),
                  speaker=_span("the Ruritanian minister Ivo Marek"), speaker_name="Ivo Marek")
    place = Place(id=content_id(TEXT, "p"), start=_span("Varna").start, end=_span("Varna").end,
                  text="Varna", name="Varna", country="BGR", feature="city")
    date = DateExpr(id=content_id(TEXT, "d"), start=_span("Monday").start,
                    end=_span("Monday").end, text="Monday", value="2016-11-21")
    marek = _span("Ivo Marek")
    person = Entity(id=content_id(TEXT, "n"), start=marek.start, end=marek.end, text=marek.text,
                    label="PERSON", cluster="c1", canonical="Ivo Marek", country="RUT")
    article = Article(id=content_id(TEXT), text=TEXT, title="Ruritania accuses its neighbour",
                      published="2016-11-23", url="https://news.example/rur", source="wire.jsonl:3")
    return ArticleResult(article=article, pipeline=INFO, events=(event,), quotes=(quote,),
                         places=(place,), dates=(date,), entities=(person,))


def run(*args: str, width: int = 120):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False,
                              env={"COLUMNS": str(width)})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write([_article()])
    return str(path)


# --- show -------------------------------------------------------------------------------------

@pytest.mark.parametrize("ref", [content_id(TEXT), content_id(TEXT)[:5], "https://news.example/rur"])
def test_show_prints_the_article_with_its_records_labelled(db, ref):
    result = run("show", ref, "--db", db, width=300)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Ruritania accuses its neighbour"
    assert lines[1] == (f"id {content_id(TEXT)} · published 2016-11-23 · source wire.jsonl:3 · "
                        "url https://news.example/rur")
    assert lines[3] == ("Ruritania accused[E1] Borduria on Monday[D1] of shelling Varna[P1]. "
                        "'We will answer,[Q1]' said the Ruritanian minister Ivo Marek.")
    body = result.stdout
    event, quote = _article().events[0], _article().quotes[0]
    assert (f"E1   {event.id}  [10:17]  ACCUSE/allege 'accused' Ruritania [RUTGOV] -> "
            "Borduria [BOR]; 2016-11-21; asserted") in body
    assert f"Q1   {quote.id}  [57:72]  Ivo Marek (direct): “We will answer,”" in body
    assert "P1" in body and "'Varna' Varna (city, BGR)" in body
    assert "D1" in body and "'Monday' DATE 2016-11-21" in body
    assert "'Ivo Marek' [RUT]" in body
    for heading in ("events (1)", "quotes (1)", "places (1)", "dates (1)", "entities (1)"):
        assert heading in lines


def test_show_json_is_the_article_result(db):
    result = run("show", content_id(TEXT)[:8], "--db", db, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(to_json(_article())))


@pytest.mark.parametrize("ref, message", [
    ("ffff", "no stored article has the id or URL 'ffff'"),
    ("https://news.example/none", "no stored article has the id or URL"),
])
def test_show_of_an_unknown_article_is_one_line(db, ref, message):
    result = run("show", ref, "--db", db)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_marks_overlap_and_labels_follow_their_spans():
    text = marked_text("abcdef", [Mark(0, 4, "red", "Q1"), Mark(2, 3, "bold", "E1")])
    assert text.plain == "abc[E1]d[Q1]ef"
    styles = {(s.start, s.end, str(s.style)) for s in text.spans}
    assert (2, 3, "red bold") in styles and (0, 2, "red") in styles


# --- counts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, rows", [
    ([], [{"month": "2016-11", "events": 1}]),
    (["--by", "type", "--by", "week"], [{"type": "ACCUSE", "week": "2016-W47", "events": 1}]),
    (["--dyad"], [{"actor_country": "RUT", "recipient_country": "BOR", "events": 1}]),
    (["--by", "Actor-Country", "--type", "ASSAULT"], []),
])
def test_counts_json(db, args, rows):
    result = run("counts", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == rows


def test_counts_csv_and_table(db):
    as_csv = run("counts", "--db", db, "--csv", "--by", "type")
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["type", "events"], ["ACCUSE", "1"]]
    table = run("counts", "--db", db, "--by", "day")
    assert "events (1) by day" in table.stdout and "2016-11-21" in table.stdout
    both = run("counts", "--db", db, "--csv", "--json")
    assert both.exit_code == 2 and both.stderr.count("\n") == 1


def test_counts_bad_key_is_one_line(db):
    result = run("counts", "--db", db, "--by", "fortnight")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "'fortnight' is not one of 'day', 'week', 'month'" in result.stderr


# --- tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [80, 100, 200])
def test_event_tables_fit_the_terminal_with_trigger_and_title(db, width):
    result = run("events", "--db", db, width=width)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= width
    assert "trigger" in result.stdout and "accused" in result.stdout
    assert "RUTGOV" in result.stdout and "BOR" in result.stdout
    assert content_id(TEXT)[:8] in result.stdout
    if width == 100:
        assert "Ruritania a…" in result.stdout  # the title, not the file
    if width == 200:
        assert "Ruritania accuses its neighbour" in result.stdout
    assert "wire.jsonl" not in result.stdout


def test_quote_and_article_tables_show_titles(db):
    quotes = run("quotes", "--db", db, width=140)
    assert "Ruritania accuses its neighbour" in quotes.stdout and "Ivo Marek" in quotes.stdout
    articles = run("articles", "--db", db, width=140)
    assert "Ruritania accuses its neighbour" in articles.stdout


def test_fit_widths_shrinks_one_line_columns_then_wrapping_ones():
    options = [{"no_wrap": True}, {"overflow": "fold"}, {"overflow": "ellipsis", "no_wrap": True,
                                                         "min_width": 12}]
    assert fit_widths([10, 30, 60], options, 200) == [10, 30, 60]
    assert fit_widths([10, 30, 60], options, 80) == [10, 30, 30]
    assert fit_widths([10, 30, 60], options, 50) == [10, 18, 12]
    assert fit_widths([10, 30, 60], options, 20) == [10, 10, 12]  # as narrow as they go
    droppable = options + [{"overflow": "ellipsis", "no_wrap": True, "drop": 1}]
    assert fitting_columns([10, 30, 60, 20], droppable, 200) == [0, 1, 2, 3]
    assert fitting_columns([10, 30, 60, 20], droppable, 40) == [0, 1, 2]
