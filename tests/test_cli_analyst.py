"""The CLI as an analyst uses it: --db paths, missing databases, checked option values, listings
that say when they are cut, and inputs refused at once. The store is written by hand (no model)."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli.choices import country_code, event_types_and_modes
from eventscope.cli.main import cli
from eventscope.records import (
    Actor, Article, ArticleResult, Event, PipelineInfo, Quote, Span, StageInfo, content_id,
)
from eventscope.store import Store

INFO = PipelineInfo((StageInfo("quotes", 1), StageInfo("events", 1)), "en_test", "1.0")
N_ARTICLES = 60  # more than a table's 50 rows


def run(*args: str, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _event(text: str, n: int, event_type: str, mode, actor: Actor, recipient: Actor) -> Event:
    trigger = Span(0, 3, text[:3])
    return Event(id=content_id(text, n), event_type=event_type, trigger=trigger,
                 sentence=Span(0, len(text), text), event_text=text, mode=mode,
                 actor=(actor,), recipient=(recipient,), date="2016-11-23")


def _result(n: int) -> ArticleResult:
    text = f"Turkey accused Syria of shelling, report {n}."
    article = Article(id=content_id(text), text=text, title=f"Report {n}", published="2016-11-23",
                      source=f"feed.jsonl:{n}")
    turkey = Actor(0, 6, "Turkey", country="TUR", sector="GOV", code="TURGOV", name="Turkey")
    syria = Actor(15, 20, "Syria", country="SYR", sector="MIL", code="SYRMIL", name="Syria")
    events = [_event(text, n, "ACCUSE", None, turkey, syria)]
    if n % 10 == 0:
        events.append(_event(text, n + 1000, "CONSULT", "meet", syria, turkey))
    quote = Quote(id=content_id(text, "q"), kind="indirect", content=Span(7, 14, text[7:14]),
                  speaker=Span(0, 6, "Turkey"), speaker_name="Turkey", speaker_country="TUR")
    return ArticleResult(article=article, pipeline=INFO, events=tuple(events), quotes=(quote,))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write([_result(n) for n in range(N_ARTICLES)])
    return path


# --- --db: a path or a URL; a missing database is an error --------------------------------------

@pytest.mark.parametrize("form", ["path", "url"])
def test_db_takes_a_path_or_a_url(db, form):
    value = str(db) if form == "path" else f"sqlite:///{db}"
    result = run("stats", "--db", value, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == N_ARTICLES


@pytest.mark.parametrize("command", [
    ["events"], ["quotes"], ["articles"], ["stats"], ["export", "--format", "jsonl"],
])
@pytest.mark.parametrize("form", ["path", "url"])
def test_querying_a_database_that_does_not_exist_is_an_error(tmp_path, command, form):
    missing = tmp_path / "typo" / "nwes.db"
    value = str(missing) if form == "path" else f"sqlite:///{missing}"
    result = run(*command, "--db", value)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert "no such file" in result.stderr and "nwes.db" in result.stderr
    assert not missing.exists() and not missing.parent.exists()


def test_an_empty_database_file_is_not_an_eventscope_store(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("events", "--db", str(empty))
    assert result.exit_code == 1 and "no eventscope records" in result.stderr
    with sqlite3.connect(empty) as connection:  # no tables were created in it
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_the_db_url_setting_may_be_a_path_too(db):
    result = CliRunner().invoke(cli, ["articles", "--json"], env={"EVENTSCOPE_DB_URL": str(db)})
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == N_ARTICLES


# --- checked values: --type, --mode, --sector, --country -----------------------------------------

@pytest.mark.parametrize("args, rows", [
    (["--type", "accuse"], N_ARTICLES),
    (["--type", "CONSULT"], 6),
    (["--mode", "MEET"], 6),
    (["--sector", "mil"], N_ARTICLES + 6),
    (["--country", "TUR"], N_ARTICLES + 6),
    (["--country", "Turkey"], N_ARTICLES + 6),
    (["--country", "türkiye"], N_ARTICLES + 6),
    (["--country", "Turkish"], N_ARTICLES + 6),
    (["--country", "syrian", "--type", "consult", "--sector", "GOV"], 6),
    (["--country", "Armenia"], 0),
])
def test_valid_values_filter_events(db, args, rows):
    result = run("events", "--db", str(db), "--json", *args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == rows


@pytest.mark.parametrize("args, expected", [
    (["--type", "PROTESTS"], "'PROTESTS' is not a PLOVER event type; choose one of: ACCUSE, "),
    (["--mode", "meeting"], "'meeting' is not a PLOVER mode; choose one of: "),
    (["--sector", "GOVT"], "'GOVT' is not a sector code; choose one of: "),
    (["--country", "Turkei"], "'Turkei' is not a country: give an ISO3 code (TUR), a country "
                              "name (Turkey) or a demonym (Turkish) (did you mean 'Turkey', TUR?)"),
    (["--country", "XYZ"], "'XYZ' is not a country: give an ISO3 code"),
])
def test_invalid_values_are_one_line_listing_the_choices(db, args, expected):
    result = run("events", "--db", str(db), *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("eventscope: error: Invalid value for") and expected in result.stderr


def test_quotes_country_is_checked_and_mapped(db):
    assert len(run("quotes", "--db", str(db), "--json", "--country", "Turkish").stdout
               .splitlines()) == N_ARTICLES
    assert run("quotes", "--db", str(db), "--country", "Narnia").exit_code == 2


def test_every_lexicon_type_is_a_plover_type():
    types, modes = event_types_and_modes()
    assert len(types) == 16 and {"PROTEST", "ASSAULT", "CONSULT"} <= types
    assert {"meet", "demonstrate"} <= modes


@pytest.mark.parametrize("value, code", [
    ("TUR", "TUR"), ("tur", "TUR"), ("Turkey", "TUR"), ("Türkiye", "TUR"), ("Turkish", "TUR"),
    ("United States", "USA"), ("U.S.", "USA"), ("American", "USA"), ("Britain", "GBR"),
    ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"), ("KSV", "XKX"), ("Narnia", None),
])
def test_country_names_and_demonyms_map_to_codes(value, code):
    assert country_code(value) == code


# --- listings say when they are cut ---------------------------------------------------------------

def test_a_table_is_cut_at_50_rows_and_says_so(db):
    result = run("events", "--db", str(db), "--type", "ACCUSE")
    assert result.exit_code == 0
    assert "events (50)" in result.stdout
    assert result.stderr == "showing 50 of 60 events; use --limit, --offset or --all\n"


@pytest.mark.parametrize("args, rows, note", [
    (["--all"], 60, ""),
    (["--limit", "60"], 60, ""),
    (["--limit", "10"], 10, "showing 10 of 60 events; use --limit, --offset or --all\n"),
    (["--limit", "10", "--offset", "55"], 5,
     "showing 5 of 60 events (rows 56-60); use --limit, --offset or --all\n"),
    (["--offset", "50"], 10, "showing 10 of 60 events (rows 51-60); use --limit, --offset or --all\n"),
    (["--all", "--offset", "58"], 2,
     "showing 2 of 60 events (rows 59-60); use --limit, --offset or --all\n"),
])
def test_limit_offset_and_all(db, args, rows, note):
    result = run("events", "--db", str(db), "--type", "ACCUSE", "--json", *args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == rows
    assert result.stderr == note


def test_json_is_never_cut_silently(db):
    everything = run("articles", "--db", str(db), "--json")
    assert len(everything.stdout.splitlines()) == N_ARTICLES and everything.stderr == ""
    cut = run("quotes", "--db", str(db), "--json", "--limit", "5")
    assert len(cut.stdout.splitlines()) == 5
    assert cut.stderr == "showing 5 of 60 quotes; use --limit, --offset or --all\n"


def test_a_listing_that_fits_says_nothing_more(db):
    result = run("events", "--db", str(db), "--type", "CONSULT")
    assert result.exit_code == 0 and result.stderr == "" and "events (6)" in result.stdout


def test_all_and_limit_together_is_an_error(db):
    result = run("articles", "--db", str(db), "--all", "--limit", "3")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "--limit" in result.stderr and "--all" in result.stderr


# --- inputs refused at once -----------------------------------------------------------------------

FEED = ('<?xml version="1.0"?>\n<rss version="2.0"><channel>'
        + "<item><title>T</title><description>Words words.</description></item>" * 2000
        + "</channel></rss>\n")


@pytest.mark.parametrize("name, content, kind", [
    ("feed.xml", FEED, "XML is not a format eventscope reads"),
    ("feed.rss", FEED, "XML (RSS) is not a format eventscope reads"),
    ("feed.txt", FEED, "XML is not a format eventscope reads"),
    ("feed", FEED, "XML is not a format eventscope reads"),
    ("report.pdf", b"%PDF-1.7\n...", "PDF is not a format eventscope reads"),
    ("notes.md", b"%PDF-1.7\n...", "PDF is not a format eventscope reads"),
    ("table.csv", "id,text\n1,Turkey accused Syria.\n", "CSV is not a format eventscope reads"),
    ("huge.txt", "Turkey accused Syria. " * 6000, "characters, over the 100,000 limit (max_chars"),
])
def test_unknown_formats_and_huge_texts_are_one_line_each(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    db = tmp_path / "new.db"
    started = time.perf_counter()
    result = run("ingest", str(path), "--db", str(db))
    assert time.perf_counter() - started < 30
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "skipped:" in line]
    assert len(lines) == 1 and lines[0].startswith(f"{path}: skipped: ") and kind in lines[0]
    assert "skipped 1 input(s)" in result.stderr


def test_xml_on_standard_input_is_refused(tmp_path):
    result = run("ingest", "-", "--db", str(tmp_path / "x.db"), input=FEED)
    assert "<stdin>: skipped: XML is not a format eventscope reads" in result.stderr


def test_a_page_in_a_text_file_is_read_as_html():
    from eventscope.ingest.sources import sniff_format

    assert sniff_format("<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff_format('<?xml version="1.0"?><html xmlns="x"><body/></html>') == "html"
    assert sniff_format('<?xml version="1.0"?><rss/>') == "xml"


@pytest.mark.integration
def test_ingest_creates_a_database_given_as_a_path(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date: Wed Nov 23, 2016 | 3:02pm EST\n\nTurkey accused Syria of shelling "
                       "a border town on Tuesday.\n", encoding="utf-8")
    db = tmp_path / "sub" / "new.db"
    done = subprocess.run([sys.executable, "-m", "eventscope.cli", "ingest", str(article),
                           "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert db.is_file() and "stored 1 new article(s)" in done.stderr
    listed = run("articles", "--db", str(db), "--json")
    assert json.loads(listed.stdout)["article"]["published"] == "2016-11-23"


def test_a_store_from_before_revision_0004_answers_sector_and_mode(tmp_path):
    import sqlalchemy as sa
    from alembic import command

    from eventscope.store.engine import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store.open(url) as store:
        store.write([_result(n) for n in (0, 1)])
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
        assert "mode" not in {c["name"] for c in sa.inspect(connection).get_columns("events")}
    engine.dispose()
    result = run("events", "--db", url, "--json", "--sector", "GOV", "--mode", "meet")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"]["event_type"] for line in result.stdout.splitlines()] == [
        "CONSULT"]


def test_a_folder_reports_each_file_of_an_unread_format(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.xml").write_text(FEED, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an input format: left out
    result = run("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    lines = [line for line in result.stderr.splitlines() if "skipped:" in line]
    assert [line.split(": skipped: ")[0] for line in lines] == [
        str(folder / "feed.xml"), str(folder / "scan.pdf")]
