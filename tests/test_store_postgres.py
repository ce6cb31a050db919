"""The store on PostgreSQL: the store tests that take a ``store`` run again on a fresh database
of a throwaway server (see ``postgres_server`` in conftest.py), plus round trips, migrations and
text search there."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.store import ActorFilter, ArticleFilter, EventFilter, QuoteFilter, Store
from eventscope.store.engine import parse_url

import test_store
from test_store import (  # noqa: F401 - collected again here, on PostgreSQL
    accuse, filled, make, test_a_batch_is_one_transaction, test_a_date_bound_that_is_not_a_date_is_an_input_error,
    test_a_label_that_is_not_one_is_refused,
    test_a_new_fingerprint_recomputes_that_stage_and_stats_list_the_labels,
    test_a_new_stage_version_replaces_only_that_stage, test_event_filters,
    test_event_rows_carry_their_article, test_export_csv_and_parquet_rows,
    test_export_jsonl_is_one_article_result_per_line,
    test_one_article_twice_in_a_batch_ends_as_written_in_order,
    test_pending_rejects_labels_without_a_version, test_quote_and_article_filters,
    test_repeated_record_ids_in_one_article_are_kept_in_order, test_unknown_export_format_or_table,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def store(postgres_store):
    return postgres_store


@pytest.mark.parametrize("url, driver", [
    ("postgresql://u@h/db", "postgresql+psycopg"),
    ("postgres://u@h/db", "postgresql+psycopg"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
    ("sqlite:///x.db", "sqlite"),
])
def test_a_postgresql_url_without_a_driver_uses_psycopg(url, driver):
    assert parse_url(url).drivername == driver


def test_stats_on_postgresql(filled):
    stats = filled.stats()
    assert (stats.articles, stats.events, stats.quotes) == (4, 4, 1)
    assert stats.events_by_type == {"ACCUSE": 1, "ASSAULT": 1, "SANCTION": 1, "THREATEN": 1}
    assert stats.database.startswith("postgresql+psycopg://eventscope@127.0.0.1")


# PostgreSQL text cannot hold NUL characters (documented in docs/service.md)
_no_nul = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00")


@hsettings(max_examples=15, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_results_round_trip_exactly_on_postgresql(postgres_store, data, monkeypatch):
    from pg_server import empty

    monkeypatch.setattr(test_store, "texts", st.text(_no_nul, min_size=1, max_size=80))
    result = data.draw(test_store.results())
    store = postgres_store
    empty(store)
    assert store.write([result]).written == 1
    assert store.get(result.article.id) == result
    assert store.write([result]).unchanged == 1


def test_text_search_folds_case_beyond_ascii(store):
    store.write([make("Şahin's ministry sanctioned Tbilisi.", events=[accuse(
        "Şahin's ministry sanctioned Tbilisi.", "Şahin", "TUR", "Tbilisi", "GEO")])])
    assert len(store.events(EventFilter(text="ŞAHIN'S MINISTRY"))) == 1
    assert len(store.events(EventFilter(actor="şahin"))) == 1
    assert len(store.articles(ArticleFilter(text="sanctioned tbilisi"))) == 1
    assert store.events(EventFilter(text="100%")) == []  # LIKE wildcards stay literal


def test_replaying_every_migration_on_postgresql_gives_the_current_schema(postgres_url):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from eventscope.store.engine import alembic_config
    from eventscope.store.schema import metadata

    engine = sa.create_engine(parse_url(postgres_url))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    engine.dispose()
    with Store.open(postgres_url) as store:  # and a replayed database opens as it is
        store.write([make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])])
        assert store.count(EventFilter(country="ARM")) == 1


def test_a_store_reopened_on_postgresql_keeps_its_rows(postgres_url):
    result = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])
    with Store.open(postgres_url) as store:
        store.write([result])
    with Store.open(postgres_url, create=False) as store:
        assert store.get(result.article.id) == result
        assert store.count(QuoteFilter()) == 0 and store.actors(ActorFilter()) == []


def test_a_store_from_before_revision_0008_is_indexed_on_postgresql(postgres_url, monkeypatch):
    from eventscope import workflow

    from test_dedup import NoParse, check_a_store_from_before_0008_is_indexed

    monkeypatch.setattr(workflow, "Pipeline", NoParse)
    check_a_store_from_before_0008_is_indexed(postgres_url)


def test_incremental_merged_events_equal_a_full_recompute_on_postgresql(postgres_url):
    from eventscope.ingest.dedup import Copy

    from test_merge import event, incremental_equals_full, report

    runs = [[report("a", "2024-03-01", event()), report("c", "2024-03-04", event()),
             report("d", "2024-03-06", event(place=None))],
            [report("b", "2024-03-03", event()), report("e", "2024-03-05", event())]]
    copy = Copy(runs[0][0].article.id, "f" * 32, 0.9, "x.html", "https://three.example/1")
    same, found, updates = incremental_equals_full(runs, copies=[(1, copy)], url=postgres_url)
    assert same and [u.full for u in updates] == [True, False]
    assert sorted((m[5], len(m[7]), m[9]) for m in found) == [
        ("2024-03-01", 2, 3), ("2024-03-04", 2, 2), ("2024-03-06", 1, 1)]
