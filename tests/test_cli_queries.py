"""Query options as an analyst types them: people by any name, literal text, and one line for
each bad value (never a traceback). The store is written by hand (no model)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventscope.cli.main import cli
from eventscope.store import Store

from test_queries import STORIES, _quoted


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write([_quoted(*story) for story in STORIES])
    return str(path)


@pytest.mark.parametrize("command, option, value, names", [
    ("quotes", "--speaker", "Erdoğan", ["Erdogan", "Recep Tayyip Erdoğan"]),
    ("quotes", "--speaker", "Erdogan", ["Erdogan", "Recep Tayyip Erdoğan"]),
    ("quotes", "--speaker", "President Putin", ["President Vladimir Putin"]),
    ("events", "--actor", "erdogan", ["Erdogan", "Recep Tayyip Erdoğan"]),
    ("events", "--actor", "President Putin", ["President Vladimir Putin"]),
])
def test_people_are_found_by_any_name(db, command, option, value, names):
    result = run(command, "--db", db, option, value, "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    found = [r["quote"]["speaker"]["text"] if command == "quotes" else r["event"]["actor"][0]["text"]
             for r in rows]
    assert sorted(found) == names


def test_text_is_literal_unless_like_is_given(db):
    literal = run("quotes", "--db", db, "--text", "%", "--json")
    pattern = run("quotes", "--db", db, "--text", "%", "--like", "--json")
    assert len(literal.stdout.splitlines()) == 1 and len(pattern.stdout.splitlines()) == 4


@pytest.mark.parametrize("args, message", [
    (["events", "--text", "%" * 60000], "the text filter is 60,000 characters long, over the 500 limit"),
    (["events", "--text", "%" * 400, "--like"], None),  # one % in effect: no 'pattern too complex'
    (["quotes", "--speaker", "x" * 201], "the speaker filter is 201 characters long, over the 200 limit"),
    (["articles", "--text", "a\x01b"], "the text filter holds a control character or invalid Unicode"),
    (["actors", "\udce9"], "the name filter holds a control character or invalid Unicode"),
    (["events", "--country", "T" * 40], "Invalid value for '--country': 40 characters, over the 32 limit"),
    (["events", "--from", "last spring"], "date_from 'last spring' is not a date"),
    (["events", "--offset", "1" * 30], "Invalid value for '--offset'"),
])
def test_a_bad_value_is_one_line(db, args, message):
    result = run(args[0], "--db", db, *args[1:])
    if message is None:
        assert result.exit_code == 0 and "events (4)" in result.stdout
        return
    assert result.exit_code in (1, 2) and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("eventscope: error: ")
