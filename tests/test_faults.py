"""Faults of the environment (issue 13 item 4, issue 14 item 4): a read-only, full, corrupted
or unreachable database, a missing or read-only folder. Each is one line naming what failed,
which file and what to do, with no traceback and no article text, and nothing stored is lost:
running again completes."""
from __future__ import annotations

import errno
import sqlite3

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from eventscope.cli.main import cli
from eventscope.errors import StoreError, database_reason, environment_line
from eventscope.records import Article, ArticleResult, PipelineInfo, StageInfo, content_id
from eventscope.store import Store

SECRET = "Words of an article that no error message may ever repeat"
STAGES = tuple(StageInfo(name, 1) for name in ("entities", "quotes", "dates", "places", "events"))


def result_of(text: str) -> ArticleResult:
    return ArticleResult(article=Article(id=content_id(text), text=text),
                         pipeline=PipelineInfo(STAGES, "en_test", "1.0"))


def run(*args: str):
    done = CliRunner().invoke(cli, list(args))
    return done.exit_code, done.output


def assert_one_line(message: str) -> None:
    assert message.count("\n") <= 1 and "Traceback" not in message
    assert SECRET[:20] not in message


def test_a_full_database_loses_nothing_and_a_rerun_completes(tmp_path):
    url = f"sqlite:///{tmp_path / 'full.db'}"
    first = [result_of(f"{SECRET} {i}.") for i in range(3)]
    second = [result_of(f"{SECRET} {i} {'x' * 20_000}.") for i in range(40)]
    with Store.open(url) as store:
        store.write(first)
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        limit = {"pages": pages + 3}

        @event.listens_for(store.engine, "connect")
        def _cap(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA max_page_count={limit['pages']}")

        store.engine.dispose()
        with pytest.raises(StoreError) as caught:
            store.write(second)
        message = str(caught.value)
        assert message.startswith(f"cannot write to database {url}: database or disk is full "
                                  "(the disk is full: free some space")
        assert_one_line(message)
        assert sorted(store.article_ids()) == sorted(r.article.id for r in first)
        limit["pages"] = 1_000_000  # space freed: the same write again completes
        store.engine.dispose()
        assert store.write(first + second).written == len(second)
        assert len(store.article_ids()) == len(first) + len(second)


def test_a_read_only_database_is_one_line(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write([result_of(SECRET)])
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    with pytest.raises(StoreError) as caught:
        with Store.open(read_only) as store:
            store.write([result_of(SECRET + " again")])
    assert "readonly database" in str(caught.value)
    assert "make them writable or use another --db" in str(caught.value)
    assert_one_line(str(caught.value))
    with Store.open(f"sqlite:///{path}") as store:  # nothing lost
        assert len(store.article_ids()) == 1


def test_a_corrupted_database_file_is_one_line_from_the_command(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"\x00garbage that is no SQLite header" * 200)
    code, output = run("stats", "--db", str(path))
    assert code == 1
    assert output.startswith(f"eventscope: error: cannot open database sqlite:///{path}: "
                             "file is not a database (the file is not an eventscope database "
                             "or is corrupted")
    assert_one_line(output)


def test_an_unreachable_database_server_is_one_line_without_the_password():
    code, output = run("stats", "--db", "postgresql+psycopg://reader:s3cret@127.0.0.1:9/news")
    assert code == 1
    assert output.startswith("eventscope: error: cannot open database "
                             "postgresql+psycopg://reader:***@127.0.0.1:9/news: ")
    assert "s3cret" not in output
    assert_one_line(output)


def test_an_export_into_a_missing_folder_is_one_line(tmp_path):
    path = tmp_path / "store.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write([result_of(SECRET)])
    target = tmp_path / "missing" / "out.csv"
    code, output = run("export", "--db", str(path), "--format", "csv", "--output", str(target))
    assert code == 1
    assert output == (f"eventscope: error: cannot export to {target}: its folder "
                      f"{target.parent} does not exist (create it or choose another --output)\n")


def test_a_driver_error_keeps_its_reason_and_drops_the_statement_and_text():
    error = OperationalError("INSERT INTO articles (text) VALUES (?)", (SECRET,),
                             sqlite3.OperationalError("database or disk is full"))
    assert SECRET in str(error)  # what SQLAlchemy would print
    assert database_reason(error) == ("database or disk is full (the disk is full: free some "
                                      "space and run the same command again (what was stored "
                                      "is kept))")
    assert environment_line(error).startswith("database error: database or disk is full")


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only"),
    (errno.EACCES, "permission denied"), (errno.ENOENT, "no such file or folder"),
])
def test_os_errors_name_the_file_and_what_to_do(code, words):
    line = environment_line(OSError(code, "strerror", "/data/news.db"))
    assert line.startswith("cannot use /data/news.db: ") and words in line


def test_other_exceptions_are_not_environment_faults():
    assert environment_line(ValueError("a bug")) is None
