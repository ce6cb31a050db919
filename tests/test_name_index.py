"""The name index answers a name filter exactly as matching every stored value in Python did
(diacritics, the surname alone, titles, several names in one value split at " | "), keeps
itself right as stages are rewritten, and is filled for a store made before it existed."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.records import (
    Actor, Article, ArticleResult, Event, PipelineInfo, Quote, Span, StageInfo, content_id,
)
from eventscope.store import EventFilter, QuoteFilter, Store
from eventscope.store.name_index import (
    KEY_CHARS, NAMED_COLUMNS, names_query, update_names, values_named,
)
from eventscope.store.schema import metadata, names


def _info(version: int = 1) -> PipelineInfo:
    return PipelineInfo((StageInfo("quotes", 1), StageInfo("events", version)), "en_test", "1.0")


def _party(text: str, words: str) -> Actor:
    at = text.index(words)
    return Actor(at, at + len(words), words)  # no name or code: the stored value is the words


def story(text: str, actors=(), recipients=(), speaker=None, speaker_name=None,
          version: int = 1) -> ArticleResult:
    """One article: one event of ``actors`` on ``recipients`` (words of ``text``), and a quote
    by ``speaker`` when given."""
    event = Event(id=content_id(text, "e"), event_type="ACCUSE", trigger=Span(0, 1, text[0]),
                  sentence=Span(0, len(text), text), event_text=text,
                  actor=tuple(_party(text, a) for a in actors),
                  recipient=tuple(_party(text, r) for r in recipients))
    quotes = ()
    if speaker:
        at = text.index(speaker)
        quotes = (Quote(id=content_id(text, "q"), kind="direct", content=Span(0, 1, text[0]),
                        speaker=Span(at, at + len(speaker), speaker), speaker_name=speaker_name),)
    return ArticleResult(article=Article(id=content_id(text), text=text, published="2024-02-03"),
                         pipeline=_info(version), quotes=quotes, events=(event,))


STORIES = [
    story("Ivo Marék blamed Ruritania.", ["Ivo Marék"], ["Ruritania"]),
    story("President Ana Novak and Lina Okafor met Ivo Marek.",
          ["President Ana Novak", "Lina Okafor"], ["Ivo Marek"]),
    story("Mira Şahin visited Osterlich.", ["Mira Şahin"], ["Osterlich"],
          speaker="Mira Şahin", speaker_name="Mira Sahin"),
    story("General Grain Works sued Tomas Marekova.", ["General Grain Works"],
          ["Tomas Marekova"], speaker="Tomas Marekova", speaker_name="Tomas Marekova"),
    story("Dr. Ana Novak said it.", [], [], speaker="Dr. Ana Novak", speaker_name="Ana Novak"),
]


@pytest.fixture(scope="module")
def named_store():
    with Store.open("sqlite://") as opened:
        opened.write(STORIES)
        yield opened


def _found(store, field: str, query: str) -> list[str]:
    with store.engine.connect() as connection:
        return sorted(values_named(connection, field, query))


def _scanned(store, field: str, query: str) -> list[str]:
    """What the filter matched before the index: every distinct value, matched in Python."""
    table, column = field.split(".")
    with store.engine.connect() as connection:
        values = connection.execute(sa.select(metadata.tables[table].c[column]).distinct())
        return sorted(v for v in values.scalars() if names_query(field, v, query))


@pytest.mark.parametrize("field, query, expected", [
    ("events.actors", "Marek", ["Ivo Marék"]),  # diacritics folded, the surname alone
    ("events.actors", "MARÉK", ["Ivo Marék"]),
    ("events.actors", "President Marek", ["Ivo Marék"]),  # a title left out
    ("events.actors", "Dr. Ivo  Marek", ["Ivo Marék"]),
    ("events.actors", "Novak", ["President Ana Novak | Lina Okafor"]),  # one of several names
    ("events.actors", "Okafor", ["President Ana Novak | Lina Okafor"]),
    ("events.actors", "President Ana Novak", ["President Ana Novak | Lina Okafor"]),
    ("events.actors", "Novak | Lina", []),  # across the " | " between two names: no name
    ("events.actors", "sahin", ["Mira Şahin"]),
    ("events.actors", "General", ["General Grain Works"]),  # a title word as the whole query
    ("events.actors", "ra", ["General Grain Works", "Mira Şahin"]),  # part of a word
    ("events.actors", "Dr.", []),
    ("events.actors", "   ", []),
    ("events.recipients", "Marek", ["Ivo Marek", "Tomas Marekova"]),
    ("events.recipients", "Tomas Marekova", ["Tomas Marekova"]),  # longer than a key
    ("events.recipients", "Tomas Marekovich", []),  # its first KEY_CHARS match, the rest not
    ("quotes.speaker", "Novak", ["Dr. Ana Novak"]),
    ("quotes.speaker", "Ana Novak | Dr", []),
    ("quotes.speaker_name", "Şahin", ["Mira Sahin"]),
    ("quotes.speaker_name", "President Tomas Marekova", ["Tomas Marekova"]),
])
def test_a_name_filter_finds_what_matching_every_value_found(named_store, field, query,
                                                            expected):
    assert _found(named_store, field, query) == expected == _scanned(named_store, field, query)


@pytest.mark.parametrize("f, expected", [
    (EventFilter(actor="Marek"), 1), (EventFilter(recipient="marek"), 2),
    (EventFilter(actor="Okafor", recipient="Ivo Marek"), 1), (QuoteFilter(speaker="Novak"), 1),
    (QuoteFilter(speaker="sahin"), 1), (QuoteFilter(speaker="Lina"), 0),
])
def test_the_filters_read_the_index(named_store, f, expected):
    fetch = named_store.events if isinstance(f, EventFilter) else named_store.quotes
    assert len(fetch(f)) == named_store.count(f) == expected


def test_keys_are_short_enough_for_the_long_query_case():
    assert len("tomas marekova") > KEY_CHARS  # the case above checks candidates in Python


def _records(store) -> dict[tuple[str, str], int]:
    with store.engine.connect() as connection:
        return {(r.field, r.value): r.records for r in connection.execute(sa.select(names))}


def test_rewriting_a_stage_moves_the_names_with_its_records():
    with Store.open("sqlite://") as store:
        store.write([story("Ivo Marek met Ana Novak.", ["Ivo Marek"], ["Ana Novak"]),
                     story("Ivo Marek met Lina Okafor.", ["Ivo Marek"], ["Lina Okafor"])])
        assert _records(store) == {("events.actors", "Ivo Marek"): 2,
                                   ("events.recipients", "Ana Novak"): 1,
                                   ("events.recipients", "Lina Okafor"): 1}
        store.write([story("Ivo Marek met Ana Novak.", ["Ana Novak"], ["Ivo Marek"],
                           version=2)])  # the events stage again: its records replaced
        assert _records(store) == {("events.actors", "Ivo Marek"): 1,
                                   ("events.actors", "Ana Novak"): 1,
                                   ("events.recipients", "Ivo Marek"): 1,
                                   ("events.recipients", "Lina Okafor"): 1}
        assert _found(store, "events.recipients", "Novak") == []
        assert store.write([story("Ivo Marek met Ana Novak.", ["Ana Novak"], ["Ivo Marek"],
                                  version=2)]).unchanged == 1
        assert len(_records(store)) == 4


def _without_the_index(url: str) -> None:
    """The store as revision 0008 left it: no name index, no (published, id) index."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE name_keys"))
        connection.execute(sa.text("DROP TABLE names"))
        connection.execute(sa.text("DROP INDEX ix_articles_published_id"))
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0008'"))
    engine.dispose()


def check_the_migration_fills_the_index(url: str) -> None:
    with Store.open(url) as store:
        store.write(STORIES)
        before = {q: _found(store, "events.actors", q) for q in ("Marek", "Novak", "ar")}
    _without_the_index(url)
    with Store.open(url) as store:  # migrated to the newest revision, the index filled
        assert {q: _found(store, "events.actors", q) for q in before} == before
        assert len(store.events(EventFilter(actor="Okafor"))) == 1
        assert _records(store)[("quotes.speaker", "Dr. Ana Novak")] == 1


def test_the_migration_fills_the_index_of_a_store_with_data(tmp_path):
    check_the_migration_fills_the_index(f"sqlite:///{tmp_path / 'old.db'}")


def test_sqlite_planner_statistics_follow_the_store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'stats.db'}") as store:
        stat = lambda: store.engine.connect().exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' "
            "AND idx = 'ix_articles_published_id'").scalar()
        store.write(STORIES[:2])
        assert stat().split()[0] == "2"
        store.write(STORIES[2:4])  # four articles: not more than twice two
        assert stat().split()[0] == "2"
        store.write(STORIES[4:])
        assert stat().split()[0] == "5"


names_text = st.text(st.sampled_from("ab éÉşŞ|.-"), max_size=14).map(str.strip)
name_values = st.lists(names_text | st.sampled_from(["Dr. Ab", "Ab | Şa", "President a"]),
                       max_size=12)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=name_values, query=names_text | st.sampled_from(["Dr. ab", "president ş"]))
def test_the_index_matches_as_name_matches_on_any_values(values, query):
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        metadata.create_all(connection)
        update_names(connection, {(field, v): 1 for field in NAMED_COLUMNS for v in values if v})
        for field in NAMED_COLUMNS:
            expected = sorted({v for v in values if names_query(field, v, query)})
            assert sorted(values_named(connection, field, query)) == expected
    engine.dispose()
