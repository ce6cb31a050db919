"""The store's query tests (any name of a person, literal or LIKE text search, checked values)
and the name index's again on PostgreSQL: text search behaves the same on both databases."""
from __future__ import annotations

import pytest

from eventscope.store import Store

from test_queries import (  # noqa: F401 - collected again here, on PostgreSQL
    STORIES, _quoted, test_a_bad_value_is_one_error_naming_the_filter,
    test_a_speaker_is_found_by_any_name, test_event_parties_are_found_by_any_name,
    test_wildcards_are_literal_unless_asked,
)
from test_name_index import (  # noqa: F401
    STORIES as NAMED_STORIES, check_the_migration_fills_the_index,
    test_a_name_filter_finds_what_matching_every_value_found, test_the_filters_read_the_index,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def store(postgres_server):
    from pg_server import fresh_database

    with fresh_database(postgres_server) as url, Store.open(url) as opened:
        opened.write([_quoted(*story) for story in STORIES])
        yield opened


@pytest.fixture(scope="module")
def named_store(postgres_server):
    from pg_server import fresh_database

    with fresh_database(postgres_server) as url, Store.open(url) as opened:
        opened.write(NAMED_STORIES)
        yield opened


def test_the_migration_fills_the_name_index_on_postgresql(postgres_url):
    check_the_migration_fills_the_index(postgres_url)
