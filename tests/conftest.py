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
