"""Counts of stored events by type, mode, country, dyad and over time (store/counts.py), and
``store.find``: an article by its id, an id prefix or its URL. Stores are written by hand."""
from __future__ import annotations

import pytest

from eventscope.errors import InputError
from eventscope.records import (
    Actor, Article, ArticleResult, Event, PipelineInfo, Span, StageInfo, content_id,
)
from eventscope.store import EventFilter, Store
from eventscope.store.counts import CountRow, check_keys, time_key

INFO = PipelineInfo((StageInfo("events", 1),), "en_test", "1.0")


def _party(name: str, country) -> Actor:
    return Actor(0, 1, name, country=country, code=country, name=name)


# (event type, mode, actor countries, recipient countries, event date)
PLAN = [
    ("ACCUSE", "allege", ["TUR"], ["SYR"], "2016-11-23"),
    ("ACCUSE", "allege", ["TUR"], ["SYR"], "2016-11-28"),
    ("ACCUSE", None, ["SYR"], ["TUR", "RUS"], "2016-12-01"),
    ("CONSULT", "meet", ["TUR", "RUS"], [], "2016-12"),  # a month: no day, no week
    ("ASSAULT", None, [], ["SYR"], None),  # no date: its article's (none here either)
]


def _result(n: int, plan) -> ArticleResult:
    event_type, mode, actors, recipients, date = plan
    text = f"Report {n} of an act between the parties named in it."
    event = Event(id=content_id(text, "e"), event_type=event_type, trigger=Span(0, 6, text[:6]),
                  sentence=Span(0, len(text), text), event_text=text, mode=mode, date=date,
                  actor=tuple(_party(f"A{c}", c) for c in actors),
                  recipient=tuple(_party(f"R{c}", c) for c in recipients))
    article = Article(id=content_id(text), text=text, title=f"Report {n}",
                      url=f"https://news.example/{n}")
    return ArticleResult(article=article, pipeline=INFO, events=(event,))


@pytest.fixture(scope="module")
def store():
    with Store.open("sqlite://") as opened:
        opened.write([_result(n, plan) for n, plan in enumerate(PLAN)])
        yield opened


def _rows(found) -> list[tuple]:
    return [row.key + (row.events,) for row in found.rows]


@pytest.mark.parametrize("by, rows", [
    (("type",), [("ACCUSE", 3), ("ASSAULT", 1), ("CONSULT", 1)]),
    (("mode",), [("allege", 2), (None, 2), ("meet", 1)]),  # the most first, None last
    (("month",), [("2016-11", 2), ("2016-12", 2), (None, 1)]),
    (("week",), [("2016-W47", 1), ("2016-W48", 2), (None, 2)]),
    (("day",), [("2016-11-23", 1), ("2016-11-28", 1), ("2016-12-01", 1), (None, 2)]),
    (("year",), [("2016", 4), (None, 1)]),
    (("actor_country",), [("TUR", 3), ("RUS", 1), ("SYR", 1), (None, 1)]),
    (("actor_country", "recipient_country"),
     [("TUR", "SYR", 2), ("RUS", None, 1), ("SYR", "RUS", 1), ("SYR", "TUR", 1),
      ("TUR", None, 1), (None, "SYR", 1)]),
    (("month", "type"), [("2016-11", "ACCUSE", 2), ("2016-12", "ACCUSE", 1),
                         ("2016-12", "CONSULT", 1), (None, "ASSAULT", 1)]),
])
def test_counts_by_keys(store, by, rows):
    found = store.counts(EventFilter(), by)
    assert _rows(found) == rows
    assert found.groups == len(rows) and found.events == len(PLAN) and found.by == by


def test_counts_take_the_filters_of_events_and_a_page(store):
    found = store.counts(EventFilter(type="ACCUSE", country="RUS"), ("type",))
    assert _rows(found) == [("ACCUSE", 1)] and found.events == 1
    page = store.counts(EventFilter(limit=1, offset=1), ("type",))
    assert page.rows == (CountRow(("ASSAULT",), 1),) and page.groups == 3


@pytest.mark.parametrize("key, first, last, expected", [
    ("day", "2016-11-23", "2016-11-23", "2016-11-23"),
    ("day", "2016-11-01", "2016-11-30", None),
    ("week", "2016-11-21", "2016-11-27", "2016-W47"),
    ("week", "2021-01-03", "2021-01-03", "2020-W53"),  # the ISO year of the week
    ("month", "2016-11-01", "2016-11-30", "2016-11"),
    ("month", "2016-11-28", "2016-12-04", None),
    ("year", "2016-12-01", "2016-12-31", "2016"),
    ("year", None, None, None),
    ("year", "20xx", "2016-01-01", None),
])
def test_time_keys(key, first, last, expected):
    assert time_key(key, first, last) == expected


def test_an_unknown_or_missing_key_is_one_error():
    with pytest.raises(InputError, match="'fortnight' is not a count key; choose from: type, "):
        check_keys(["fortnight"])
    with pytest.raises(InputError, match="no count key given"):
        check_keys([])
    assert check_keys(["type", "month", "type"]) == ("type", "month")


@pytest.mark.parametrize("ref", ["url", "id", "prefix", "upper"])
def test_an_article_is_found_by_id_prefix_or_url(store, ref):
    article_id = content_id(f"Report 2 of an act between the parties named in it.")
    value = {"url": "https://news.example/2", "id": article_id, "prefix": article_id[:6],
             "upper": article_id[:6].upper()}[ref]
    assert store.find(value).article.id == article_id


@pytest.mark.parametrize("ref, message", [
    ("https://news.example/9", "no stored article has the id or URL 'https://news.example/9'"),
    ("abc", "no stored article has the id or URL 'abc'"),  # under four characters: whole ids only
    ("Report 2", "no stored article has the id or URL 'Report 2'"),
    ("x" * 3000, "the article filter is 3,000 characters long, over the 2,000 limit"),
    ("a\x00", "the article filter holds a control character"),
])
def test_an_unknown_article_is_one_error(store, ref, message):
    with pytest.raises(InputError) as caught:
        store.find(ref)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_prefix_of_several_articles_names_them():
    results = [_result(n, plan) for n, plan in enumerate(PLAN[:2])]
    results = [ArticleResult(article=Article(id=f"beef00000000000{n}", text=r.article.text),
                             pipeline=INFO) for n, r in enumerate(results)]
    with Store.open("sqlite://") as other:
        other.write(results)
        with pytest.raises(InputError) as caught:
            other.find("beef")
    assert str(caught.value) == ("'beef' names 2 articles (beef000000000000, beef000000000001): "
                                 "give the whole id")
