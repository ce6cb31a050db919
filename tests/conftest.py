"""Shared fixtures. Unit tests build Docs by hand; only `integration` tests load the model."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventscope.records import Article, content_id
from eventscope.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "eventscope" / "samples"
EVAL_DATA = Path(os.environ.get("EVENTSCOPE_EVAL_DATA", ROOT.parent / "shared" / "eval-data"))


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    """The real model (integration tests only)."""
    from eventscope.nlp import load_model

    return load_model(settings.model)


@pytest.fixture(scope="session")
def vocab():
    from spacy.vocab import Vocab

    return Vocab()


def make_article(text: str, **meta) -> Article:
    return Article(id=content_id(text), text=text, **meta)


@pytest.fixture
def article_of():
    """Build an Article from a string: ``article_of("text", published="2023-07-06")``."""
    return make_article


@pytest.fixture(scope="session")
def events_of(settings):
    """Events of one sentence, each as (type, mode, trigger, actor codes, recipient codes,
    modality), plus its date with ``with_date=True`` and its target's text with
    ``with_target=True``, by the real pipeline (integration); ``events_of.pipeline`` is it."""
    from eventscope.execute import Pipeline

    pipeline = Pipeline.from_settings(settings)

    def run(text, published="2023-07-06", with_date=False, with_target=False):
        result = pipeline.process_one(make_article(text, published=published))
        return [(e.event_type, e.mode, e.trigger.text, [a.code for a in e.actor],
                 [r.code for r in e.recipient], e.modality) + ((e.date,) if with_date else ())
                + ((e.target.text if e.target else None,) if with_target else ())
                for e in result.events]
    run.pipeline = pipeline
    return run


def write_re3d_source(root, name: str, **tables) -> None:
    """A re3d-format source folder: each keyword (documents, entities, relations) is a list of
    records written as ``<keyword>.json``, one JSON object per line."""
    import json

    folder = root / name
    folder.mkdir(parents=True)
    for table, rows in tables.items():
        (folder / f"{table}.json").write_text(
            "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


# --- service: a throwaway PostgreSQL server, Chromium, and a small store of our own sentences ---

def _needed(what: str, reason: str):
    """Skip for want of ``what`` on a developer's machine; in CI (``CI`` set) fail instead."""
    message = f"{what} unavailable: {reason}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI must run these tests: bash .ci/run installs it)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server():
    """An admin URL of a PostgreSQL server: ``EVENTSCOPE_TEST_POSTGRES_URL`` if set, else one
    started here from Debian's binaries in a temporary folder, loopback only, stopped at the
    end of the session (see tests/pg_server.py)."""
    from pg_server import TestServer, find_binaries

    given = os.environ.get("EVENTSCOPE_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    binaries = find_binaries()
    if binaries is None:
        _needed("PostgreSQL", "no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    import tempfile

    # not under pytest's basetemp: as root the server runs as "postgres", which cannot enter it
    server = TestServer(binaries, Path(tempfile.mkdtemp(prefix="eventscope-pg-")))
    try:
        server.start()
    except RuntimeError as exc:
        _needed("PostgreSQL", str(exc))
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database on the test server, dropped after the test."""
    from pg_server import fresh_database

    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="session")
def _postgres_session_store(postgres_server):
    from pg_server import fresh_database

    from eventscope.store import Store

    with fresh_database(postgres_server) as url, Store.open(url) as store:
        yield store


@pytest.fixture
def postgres_store(_postgres_session_store):
    """A migrated store on the test server, emptied for each test (faster than a new one)."""
    from pg_server import empty

    empty(_postgres_session_store)
    return _postgres_session_store


CHROMIUM = os.environ.get("EVENTSCOPE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        _needed("Chromium", f"no browser at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def service_results():
    """ArticleResults written by hand for the API and dashboard tests (service_data.py)."""
    from service_data import results

    return results()


@pytest.fixture
def service_store(service_results):
    from eventscope.store import Store

    with Store.open("sqlite://") as store:
        store.write(service_results)
        yield store


@pytest.fixture
def service_client(service_store):
    """A TestClient of the service over ``service_store``, read-only (no api_token)."""
    from fastapi.testclient import TestClient

    from eventscope.api import create_app

    with TestClient(create_app(Settings(), service_store), raise_server_exceptions=False) as client:
        yield client
