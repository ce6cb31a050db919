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


def write_re3d_source(root, name: str, **tables) -> None:
    """A re3d-format source folder: each keyword (documents, entities, relations) is a list of
    records written as ``<keyword>.json``, one JSON object per line."""
    import json

    folder = root / name
    folder.mkdir(parents=True)
    for table, rows in tables.items():
        (folder / f"{table}.json").write_text(
            "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
