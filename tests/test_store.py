"""The store: exact round trips (Hypothesis), idempotence, stage versions, filters, export."""
from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.errors import InputError, StoreError
from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id, from_json, to_json,
)
from eventscope.store import ArticleFilter, EventFilter, QuoteFilter, Store, WriteSummary

STAGES = tuple(StageInfo(n, 1) for n in ("nlp", "entities", "quotes", "dates", "places", "events"))
INFO = PipelineInfo(STAGES, "en_test", "1.0")
LABELS = [s.label for s in STAGES[1:]]


@pytest.fixture
def store():
    with Store.open("sqlite://") as opened:
        yield opened


# --- strategies -----------------------------------------------------------------------------

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80)
maybe = lambda s: st.none() | s
codes3 = st.sampled_from(["ARM", "AZE", "RUS", "IGOUNO"])
ids = st.sampled_from(["a1", "b2", "c3"])  # few, so one article can repeat a record id
timex = st.sampled_from(["2023-07-06", "2023-07", "2023-W27", "2023-Q3", "PAST_REF", "P3D"])
few = lambda s: st.lists(s, max_size=3).map(tuple)


@st.composite
def spans(draw, text):
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span(start, end, text[start:end])


@st.composite
def actors(draw, text):
    s = draw(spans(text))
    return Actor(s.start, s.end, s.text, country=draw(maybe(codes3)),
                 sector=draw(maybe(st.just("GOV"))), code=draw(maybe(st.just("ARMGOV"))),
                 name=draw(maybe(texts)))


@st.composite
def places(draw, text):
    s = draw(spans(text))
    return Place(draw(ids), s.start, s.end, s.text,
                 use=draw(st.sampled_from(["literal", "metonymic", "demonym", "unknown"])),
                 name=draw(maybe(texts)), geonameid=draw(maybe(st.integers(1, 10**8))),
                 lat=draw(maybe(st.floats(-90, 90))), lon=draw(maybe(st.floats(-180, 180))),
                 country=draw(maybe(codes3)), confidence=draw(st.floats(0, 1)))


@st.composite
def results(draw):
    text = draw(texts)
    article = Article(id=content_id(text), text=text, title=draw(maybe(texts)),
                      url=draw(maybe(texts)), author=draw(maybe(texts)),
                      published=draw(maybe(st.sampled_from(["2023-07-06", "2024-01-31T08:00Z"]))),
                      source=draw(maybe(texts)), external_id=draw(maybe(texts)))
    span = lambda: draw(spans(text))

    def entity():
        s = span()
        return Entity(draw(ids), s.start, s.end, s.text, "GPE", draw(texts), draw(texts),
                      country=draw(maybe(codes3)), sector=draw(maybe(st.just("MIL"))))

    def quote():
        return Quote(draw(ids), draw(st.sampled_from(["direct", "indirect"])), span(),
                     speaker=draw(maybe(spans(text))), cue=draw(maybe(spans(text))),
                     speaker_cluster=draw(maybe(texts)), speaker_name=draw(maybe(texts)),
                     speaker_country=draw(maybe(codes3)), confidence=draw(st.floats(0, 1)))

    def date():
        s = span()
        return DateExpr(draw(ids), s.start, s.end, s.text, value=draw(maybe(timex)),
                        anchored=draw(st.booleans()))

    def event():
        return Event(draw(ids), draw(st.sampled_from(["ACCUSE", "ASSAULT"])), span(), span(),
                     draw(texts), mode=draw(maybe(texts)), context=draw(few(texts)),
                     cameo=draw(maybe(st.just("112"))), actor=draw(few(actors(text))),
                     recipient=draw(few(actors(text))), date=draw(maybe(timex)),
                     event_loc=draw(maybe(places(text))), quote_id=draw(maybe(ids)),
                     modality=draw(st.sampled_from(["asserted", "negated", "planned"])))

    fingerprints = st.text("0123456789abcdef", max_size=10)
    stages = tuple(StageInfo(s.name, draw(st.integers(1, 3)), draw(fingerprints)) for s in STAGES)
    pipeline = PipelineInfo(stages, draw(texts), draw(texts))
    many = lambda make: tuple(make() for _ in range(draw(st.integers(0, 3))))
    return ArticleResult(article=article, pipeline=pipeline, entities=many(entity),
                         quotes=many(quote), dates=many(date),
                         places=draw(few(places(text))), events=many(event),
                         errors=draw(few(texts)))


@hsettings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=results())
def test_results_round_trip_exactly(result):
    with Store.open("sqlite://") as store:
        assert store.write([result]).written == 1
        assert store.get(result.article.id) == result
        assert store.write([result]).unchanged == 1  # idempotent
        assert store.stats().articles == 1
        labels = [s.label for s in result.pipeline.stages if s.name != "nlp"]
        assert store.pending([result.article.id], labels) == set()
        assert len(store.events()) == len(result.events)


# --- behaviour ------------------------------------------------------------------------------

def make(text, published="2023-07-06", version=1, events=(), quotes=()):
    article = Article(id=content_id(text), text=text, published=published, source=f"{text[:5]}.txt")
    stages = tuple(StageInfo(s.name, version if s.name == "events" else 1) for s in STAGES)
    return ArticleResult(article=article, pipeline=PipelineInfo(stages, "en_test", "1.0"),
                         events=tuple(events), quotes=tuple(quotes))


def accuse(text, actor="Armenia", actor_country="ARM", recipient="Baku", recipient_country="AZE",
           date=None, event_type="ACCUSE"):
    span = Span(0, len(text), text)
    return Event(id=content_id(text, event_type), event_type=event_type, trigger=span,
                 sentence=span, event_text=text, date=date,
                 actor=(Actor(0, 1, actor, country=actor_country, code=f"{actor_country}GOV"),),
                 recipient=(Actor(0, 1, recipient, country=recipient_country),))


QUOTE = Quote(id="q", kind="indirect", content=Span(0, 7, "Armenia"))


def test_a_new_stage_version_replaces_only_that_stage(store):
    first = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")], quotes=[QUOTE])
    store.write([first])
    assert store.pending([first.article.id], LABELS) == set()
    assert store.pending([first.article.id], ["events.v2"]) == {first.article.id}
    second = make("Armenia accused Baku.", version=2, events=[])  # and no quotes: quotes.v1 kept
    assert store.write([second]) == WriteSummary(written=1, unchanged=0)
    stored = store.get(first.article.id)
    assert stored.events == () and stored.quotes == (QUOTE,)
    assert stored.pipeline == second.pipeline
    assert store.pending([first.article.id], ["events.v2", "quotes.v1"]) == set()
    assert store.write([second, second]).unchanged == 2
    assert (store.stats().events, store.stats().quotes) == (0, 1)


def test_one_article_twice_in_a_batch_ends_as_written_in_order(store):
    v1 = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")], quotes=[QUOTE])
    v2 = make("Armenia accused Baku.", version=2, events=[])
    assert store.write([v1, v1, v2]) == WriteSummary(written=2, unchanged=1)
    stored = store.get(v1.article.id)
    assert (stored.events, stored.quotes, stored.pipeline) == ((), (QUOTE,), v2.pipeline)
    assert store.pending([v1.article.id], ["events.v2", "quotes.v1"]) == set()


def test_a_batch_is_one_transaction(store):
    good = make("Armenia accused Baku.")
    with pytest.raises(AttributeError):
        store.write([good, "not a result"])
    assert store.get(good.article.id) is None and store.stats().articles == 0


def test_repeated_record_ids_in_one_article_are_kept_in_order(store):
    twice = accuse("Armenia accused Baku.")
    other = accuse("Armenia accused Baku.", event_type="THREATEN")
    result = make("Armenia accused Baku.", events=[twice, other, twice])
    store.write([result])
    assert store.get(result.article.id).events == (twice, other, twice)


def test_pending_rejects_labels_without_a_version(store):
    with pytest.raises(InputError, match="not a stage label: 'quotes'"):
        store.pending(["x"], ["quotes"])


# --- filters --------------------------------------------------------------------------------

@pytest.fixture
def filled(store):
    """Four articles whose events are dated by a day, a week, a month, or only by publication."""
    store.write([
        make("Armenia accused Baku.", "2023-07-06", events=[accuse("Armenia accused Baku.")]),
        make("Russia threatened Kyiv.", "2023-08-01T09:30:00+03:00", events=[accuse(
            "Russia threatened Kyiv.", "Moscow", "RUS", "Kyiv", "UKR", "2023-07-30", "THREATEN")]),
        make("Şahin's ministry sanctioned Tbilisi.", "2023-09-02", events=[accuse(
            "Şahin's ministry sanctioned Tbilisi.", "Şahin", "TUR", "Tbilisi", "GEO", "2023-W27",
            "SANCTION")]),
        make("Rebels attacked a convoy last year, 100% sure.", "2024-01-10", events=[accuse(
            "Rebels attacked a convoy last year, 100% sure.", "rebels", None, "convoy", None,
            "PAST_REF", "ASSAULT")], quotes=[QUOTE]),
    ])
    return store


@pytest.mark.parametrize("kwargs, expected", [
    ({}, ["ACCUSE", "THREATEN", "SANCTION", "ASSAULT"]),
    ({"country": "ukr"}, ["THREATEN"]),
    ({"country": "AZE"}, ["ACCUSE"]),
    ({"actor": "armenia"}, ["ACCUSE"]),
    ({"actor": "ARMGOV"}, ["ACCUSE"]),
    ({"actor": "ŞAHIN"}, ["SANCTION"]),  # case folded beyond ASCII on SQLite too
    ({"recipient": "kyiv"}, ["THREATEN"]),
    ({"recipient": "armenia"}, []),
    ({"type": "accuse"}, ["ACCUSE"]),
    ({"text": "THREAT"}, ["THREATEN"]),
    ({"text": "100%"}, ["ASSAULT"]),  # LIKE wildcards in the search are literal
    ({"text": "0_"}, []),
    ({"date_from": "2023-07-07"}, ["THREATEN", "SANCTION", "ASSAULT"]),  # ASSAULT: PAST_REF
    ({"date_to": "2023-07-06"}, ["ACCUSE", "SANCTION"]),  # week 27 starts on 3 July
    ({"date_from": "2023-07-09", "date_to": "2023-07-09"}, ["SANCTION"]),
    ({"date_from": "2023-07", "date_to": "2023-07"}, ["ACCUSE", "THREATEN", "SANCTION"]),
    ({"date_from": "2024"}, ["ASSAULT"]),
    ({"type": "ACCUSE", "country": "UKR"}, []),
    ({"limit": 2}, ["ACCUSE", "THREATEN"]),
])
def test_event_filters(filled, kwargs, expected):
    assert [r.event.event_type for r in filled.events(EventFilter(**kwargs))] == expected


def test_event_rows_carry_their_article(filled):
    (row,) = filled.events(EventFilter(type="THREATEN"))
    assert (row.source, row.published, row.title) == ("Russi.txt", "2023-08-01T09:30:00+03:00", None)
    assert row.article_id == content_id("Russia threatened Kyiv.")
    assert row.event == accuse(
        "Russia threatened Kyiv.", "Moscow", "RUS", "Kyiv", "UKR", "2023-07-30", "THREATEN")


def test_a_date_bound_that_is_not_a_date_is_an_input_error(filled):
    with pytest.raises(InputError, match="date_from 'yesterday' is not a date"):
        filled.events(EventFilter(date_from="yesterday"))


def test_quote_and_article_filters(store):
    text = "“Lift it,” the spokesperson said."
    quote = Quote(id="q", kind="direct", content=Span(1, 8, "Lift it"),
                  speaker=Span(11, 27, "the spokesperson"), speaker_name="Ani Petrosyan",
                  speaker_country="ARM")
    store.write([make(text, "2023-07", quotes=[quote]), make("Nothing said here.", "2022-01-01")])
    ids = lambda f: [r.quote.id for r in store.quotes(f)]
    assert ids(QuoteFilter(speaker="petrosyan")) == ids(QuoteFilter(speaker="SPOKES")) == ["q"]
    assert ids(QuoteFilter(country="arm")) == ["q"] and ids(QuoteFilter(country="AZE")) == []
    assert ids(QuoteFilter(text="lift")) == ["q"] and ids(QuoteFilter(text="said")) == []
    assert ids(QuoteFilter(date_from="2023-07-31")) == ["q"]  # published "2023-07": all July
    assert ids(QuoteFilter(date_to="2023-06-30")) == []
    rows = store.articles(ArticleFilter(date_from="2023-01-01"))
    assert [(r.id, r.quotes, r.events) for r in rows] == [(content_id(text), 1, 0)]
    assert [r.article.text for r in store.articles(ArticleFilter(text="NOTHING"))] == [
        "Nothing said here."]
    assert len(store.articles(ArticleFilter(limit=1))) == 1


def test_stats(filled):
    stats = filled.stats()
    assert (stats.articles, stats.events, stats.quotes, stats.entities) == (4, 4, 1, 0)
    assert stats.events_by_type == {"ACCUSE": 1, "ASSAULT": 1, "SANCTION": 1, "THREATEN": 1}
    assert stats.top_actor_countries == {"ARM": 1, "RUS": 1, "TUR": 1}
    assert (stats.first_published, stats.last_published) == ("2023-07-06", "2024-01-10")
    assert stats.database == "sqlite://"


# --- export ---------------------------------------------------------------------------------

@pytest.mark.parametrize("table, key, expected", [
    ("events", "event_type", ["ACCUSE", "THREATEN", "SANCTION", "ASSAULT"]),
    ("quotes", "quote_id", ["q"]),
    ("articles", "published", ["2023-07-06", "2023-08-01T09:30:00+03:00", "2023-09-02",
                               "2024-01-10"]),
])
def test_export_csv_and_parquet_rows(filled, table, key, expected):
    raw = io.BytesIO()
    assert filled.export("csv", raw, table=table) == len(expected)
    rows = list(csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8"))))
    assert [r[key] for r in rows] == expected
    raw = io.BytesIO()
    assert filled.export("parquet", raw, table=table) == len(expected)
    raw.seek(0)
    assert pq.read_table(raw).column(key).to_pylist() == expected


def test_the_articles_export_keeps_the_publication_time(store):
    text = "Varnia closed its border post."
    store.write([ArticleResult(
        article=Article(id=content_id(text), text=text, published="2023-08-01",
                        published_at="2023-08-01T09:30:00+03:00", source="wire.txt"),
        pipeline=PipelineInfo(tuple(StageInfo(s.name, 1) for s in STAGES), "en_test", "1.0"))])
    raw = io.BytesIO()
    assert store.export("csv", raw, table="articles") == 1
    [row] = csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8")))
    assert (row["published"], row["published_at"]) == ("2023-08-01", "2023-08-01T09:30:00+03:00")


@pytest.mark.parametrize("table", ["events", "quotes", "articles"])
def test_empty_and_full_exports_have_the_same_columns(filled, table):
    def export(source, fmt):
        raw = io.BytesIO()
        source.export(fmt, raw, table=table)
        return raw.getvalue()

    with Store.open("sqlite://") as empty:
        assert export(empty, "csv").splitlines()[0] == export(filled, "csv").splitlines()[0]
        tables = [pq.read_table(io.BytesIO(export(s, "parquet"))) for s in (empty, filled)]
    assert tables[0].schema == tables[1].schema and tables[0].num_rows == 0


def test_export_jsonl_is_one_article_result_per_line(filled):
    raw = io.BytesIO()
    assert filled.export("jsonl", raw) == 4
    lines = raw.getvalue().decode("utf-8").splitlines()
    for line in lines:
        result = from_json(ArticleResult, json.loads(line))
        assert result == filled.get(result.article.id)
        assert json.loads(line) == to_json(result)


def test_unknown_export_format_or_table(store):
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        store.export("xml", io.BytesIO())
    with pytest.raises(InputError, match="unknown export table 'dates'"):
        store.export("csv", io.BytesIO(), table="dates")


# --- opening and migrating ------------------------------------------------------------------

@pytest.mark.parametrize("url, reason", [
    ("not a url", "not a database URL"),
    ("nosuchdriver://x", "cannot use database"),
    ("postgresql://user:secret@127.0.0.1:1/x", "cannot"),
    ("sqlite:////proc/forbidden/x.db", "cannot create the folder"),
])
def test_bad_database_urls_are_one_clear_error(url, reason):
    with pytest.raises(StoreError, match=reason) as info:
        Store.open(url)
    assert "\n" not in str(info.value) and "secret" not in str(info.value)


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not SQLite" * 100)
    with pytest.raises(StoreError, match="cannot open database .*notes.db: file is not a database"):
        Store.open(f"sqlite:///{path}")


def test_a_database_from_a_newer_eventscope(tmp_path):
    url = f"sqlite:///{tmp_path / 'es.db'}"
    Store.open(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="cannot migrate the database: .*9999"):
        Store.open(url)


def test_file_database_survives_reopening(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'es.db'}"
    result = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])
    with Store.open(url) as store:
        store.write([result])
    with Store.open(url) as store:
        assert store.get(result.article.id) == result
        assert store.url == url


def _tables(connection):
    inspector = sa.inspect(connection)
    return {name: (sorted(c["name"] for c in inspector.get_columns(name)),
                   inspector.get_pk_constraint(name)["constrained_columns"],
                   sorted(i["name"] for i in inspector.get_indexes(name)))
            for name in inspector.get_table_names()}


def test_replaying_every_migration_gives_the_schema_of_a_new_database():
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from eventscope.store.engine import alembic_config
    from eventscope.store.schema import metadata

    replayed = sa.create_engine("sqlite://")
    with replayed.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
        tables = _tables(connection)
    assert tables["events"][1] == ["article_id", "seq"]
    with Store.open("sqlite://") as fresh, fresh.engine.connect() as connection:
        assert _tables(connection) == tables


def test_upgrading_a_0001_database_keeps_its_data(tmp_path):
    from alembic import command

    from eventscope.store.engine import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    result = make("Armenia accused Baku.", "2023-07-06", events=[
        accuse("Armenia accused Baku.", date="2023-W27")], quotes=[QUOTE])
    old = sa.create_engine(url)
    with old.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        _write_0001(connection, result)
    old.dispose()
    with Store.open(url) as store:
        assert store.get(result.article.id) == result
        assert store.pending([result.article.id], LABELS) == set()
        assert len(store.events(EventFilter(date_from="2023-07-09"))) == 1  # week 27, not 2023-W
        assert len(store.quotes(QuoteFilter(date_to="2023-07-06"))) == 1


def _write_0001(connection, result):
    """Rows as the first schema held them (written by hand: the code that wrote them is gone)."""
    a = result.article
    table = lambda name, *cols: sa.table(name, *(sa.column(c) for c in cols))
    connection.execute(sa.insert(table(
        "articles", "id", "text", "published", "source", "model", "model_version", "pipeline",
        "errors", "stored_at")).values(
        id=a.id, text=a.text, published=a.published, source=a.source, model="en_test",
        model_version="1.0", pipeline=json.dumps(to_json(result.pipeline)), errors="[]",
        stored_at="2023-07-06 00:00:00"))
    for stage in result.pipeline.stages[1:]:
        connection.execute(sa.insert(table("article_stages", "article_id", "stage", "version"))
                           .values(article_id=a.id, stage=stage.name, version=stage.version))
    for name, extra in (("events", {"date": result.events[0].date}), ("quotes", {})):
        for seq, record in enumerate(getattr(result, name)):
            values = dict(article_id=a.id, id=record.id, seq=seq, stage=f"{name}.v1",
                          data=json.dumps(to_json(record)), **extra)
            connection.execute(sa.insert(table(name, *values)).values(**values))


# --- interrupted and concurrent runs --------------------------------------------------------

WORKER = Path(__file__).with_name("store_interrupt_worker.py")


def _worker_module():
    spec = importlib.util.spec_from_file_location("store_interrupt_worker", WORKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _start(url, total, batch, stall_at=-1):
    return subprocess.Popen([sys.executable, str(WORKER), url, str(total), str(batch),
                             str(stall_at)], stdout=subprocess.PIPE, text=True)


def _read_until(process, marker):
    lines = []
    while not (lines and lines[-1].startswith(marker)):
        line = process.stdout.readline()
        assert line, f"worker ended before {marker!r}: {lines}"
        lines.append(line)
    return lines


def _stored_whole(url, total):
    return _worker_module().check_stored(url, total)


@pytest.mark.parametrize("signal_", [signal.SIGKILL, signal.SIGINT])
def test_a_run_killed_mid_transaction_resumes_with_every_article_once(tmp_path, signal_):
    url, total, batch = f"sqlite:///{tmp_path / 'run.db'}", 120, 10
    process = _start(url, total, batch, stall_at=3)
    committed = _read_until(process, "stalled")[:-1]
    process.send_signal(signal_)
    process.wait(timeout=30)
    assert process.returncode != 0 and len(committed) == 3
    assert len(_stored_whole(url, total)) == 3 * batch  # nothing of the fourth batch
    # killed again at whatever point it has reached, then run to the end
    process = _start(url, total, batch)
    _read_until(process, "committed")
    process.kill()
    process.wait(timeout=30)
    assert len(_stored_whole(url, total)) % batch == 0
    process = _start(url, total, batch)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert len(_stored_whole(url, total)) == total


def test_two_runs_writing_the_same_articles_at_once(tmp_path):
    url, total, batch = f"sqlite:///{tmp_path / 'shared' / 'run.db'}", 120, 10
    processes = [_start(url, total, batch) for _ in range(2)]
    outputs = [p.communicate(timeout=60)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0]
    written = sum(int(line.split()[2]) for out in outputs for line in out.splitlines())
    assert written == total  # each article written by exactly one of them
    assert len(_stored_whole(url, total)) == total


def test_schema_and_queries_compile_for_postgresql():
    """No SQLite-only SQL: the schema and every filter compile on the PostgreSQL dialect."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from eventscope.store import queries
    from eventscope.store.schema import metadata

    dialect = postgresql.dialect()
    for table in metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
    full = dict(date_from="2023", date_to="2023-07", text="x", limit=3)
    statements = [queries.event_query(EventFilter(actor="a", recipient="b", country="ARM",
                                                  type="ACCUSE", **full)),
                  queries.quote_query(QuoteFilter(speaker="s", country="ARM", **full)),
                  queries.article_query(ArticleFilter(**full))]
    for statement in statements:
        sql = str(statement.compile(dialect=dialect))
        assert "ILIKE" in sql and "lower(" not in sql


def test_a_new_fingerprint_recomputes_that_stage_and_stats_list_the_labels(store):
    text = "Armenia accused Baku."
    old = make(text, events=[accuse(text)])
    store.write([old])
    events = next(s for s in old.pipeline.stages if s.name == "events")
    new_label = StageInfo("events", 1, "0123abcdef").label
    assert new_label == "events.v1-0123abcdef"
    assert store.pending([old.article.id], [new_label]) == {old.article.id}
    assert store.pending([old.article.id], [events.label]) == set()
    stages = tuple(StageInfo(s.name, 1, "0123abcdef" if s.name == "events" else "")
                   for s in old.pipeline.stages)
    new = dataclasses.replace(old, pipeline=PipelineInfo(stages, "en_test", "1.0"), events=())
    assert store.write([new]) == WriteSummary(written=1, unchanged=0)
    assert store.pending([old.article.id], [new_label]) == set()
    labels = store.stats().stage_labels
    assert labels["events.v1-0123abcdef"] == 1 and "events.v1" not in labels
    assert labels["quotes.v1"] == 1


def test_a_label_that_is_not_one_is_refused(store):
    with pytest.raises(InputError, match="not a stage label"):
        store.pending(["x"], ["events-v1"])
