"""The store: exact round trips (Hypothesis), idempotence, stage versions, filters, export."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.errors import InputError, StoreError
from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id,
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

    stages = tuple(StageInfo(s.name, draw(st.integers(1, 3))) for s in STAGES)
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


def test_event_filters(store):
    a = make("Armenia accused Baku.", "2023-07-06", events=[accuse("Armenia accused Baku.")])
    b = make("Russia threatened Kyiv.", "2023-08-01", events=[
        accuse("Russia threatened Kyiv.", "Moscow", "RUS", "Kyiv", "UKR", "2023-07-30", "THREATEN")])
    store.write([a, b])
    pick = lambda **kw: [r.event.event_type for r in store.events(EventFilter(**kw))]
    assert pick() == ["ACCUSE", "THREATEN"]
    assert pick(country="ukr") == ["THREATEN"]
    assert pick(actor="armenia") == ["ACCUSE"]
    assert pick(actor="ARMGOV") == ["ACCUSE"]
    assert pick(recipient="kyiv") == ["THREATEN"]
    assert pick(type="accuse") == ["ACCUSE"]
    assert pick(date_from="2023-07-07") == ["THREATEN"]
    assert pick(date_to="2023-07-06") == ["ACCUSE"]
    assert pick(text="THREAT") == ["THREATEN"]
    assert pick(text="100%") == []
    assert pick(limit=1) == ["ACCUSE"]
    rows = store.events(EventFilter(type="THREATEN"))
    assert rows[0].source == "Russi.txt" and rows[0].published == "2023-08-01"


def test_quote_and_article_filters(store):
    text = "“Lift it,” the spokesperson said."
    quote = Quote(id="q", kind="direct", content=Span(1, 8, "Lift it"), speaker=Span(11, 26, "the spokesperson"[:15]),
                  speaker_name="Ani Petrosyan", speaker_country="ARM")
    store.write([make(text, quotes=[quote]), make("Nothing said here.", "2022-01-01")])
    assert [r.quote.id for r in store.quotes(QuoteFilter(speaker="petrosyan"))] == ["q"]
    assert store.quotes(QuoteFilter(country="AZE")) == []
    assert [r.quote.id for r in store.quotes(QuoteFilter(text="lift"))] == ["q"]
    rows = store.articles(ArticleFilter(date_from="2023-01-01"))
    assert [(r.title, r.quotes) for r in rows] == [(None, 1)]
    assert len(store.articles(ArticleFilter(text="nothing"))) == 1


@pytest.mark.parametrize("table", ["events", "quotes", "articles"])
def test_export_csv_and_parquet(store, table):
    store.write([make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])])
    raw = io.BytesIO()
    n = store.export("csv", raw, table=table)
    rows = list(csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8"))))
    assert len(rows) == n
    raw = io.BytesIO()
    assert store.export("parquet", raw, table=table) == n
    raw.seek(0)
    assert pq.read_table(raw).num_rows == n


def test_export_jsonl_is_the_extract_shape(store):
    result = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])
    store.write([result])
    raw = io.BytesIO()
    assert store.export("jsonl", raw) == 1
    data = json.loads(raw.getvalue())
    assert data["article"]["id"] == result.article.id and data["events"][0]["event_type"] == "ACCUSE"


def test_unknown_export_format(store):
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        store.export("xml", io.BytesIO())


@pytest.mark.parametrize("url", ["not a url", "nosuchdriver://x", "sqlite:////proc/forbidden/x.db"])
def test_bad_database_urls_are_one_clear_error(url):
    with pytest.raises((StoreError, Exception)) as info:
        Store.open(url)
    assert isinstance(info.value, StoreError), repr(info.value)
    assert "\n" not in str(info.value)


def test_file_database_survives_reopening(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'es.db'}"
    result = make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")])
    with Store.open(url) as store:
        store.write([result])
    with Store.open(url) as store:
        assert store.get(result.article.id) == result
