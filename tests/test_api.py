"""The JSON API: filters, paging, sorting, downloads, the one error shape, read-only by default,
and the token-guarded upload."""
from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.records import to_json
from eventscope.settings import Settings
from eventscope.store.export import COLUMNS

from service_data import XSS

TYPES = ["ACCUSE", "ASSAULT", "CONSULT"]  # the events of service_data, in published order


def types(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["event"]["event_type"] for row in response.json()["rows"]]


def error_of(response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message",
                                                            "parameter"}
    assert body["error"]["status"] == status and "\n" not in body["error"]["message"]
    assert "Traceback" not in response.text and "<script>" not in response.text
    return body["error"]


@pytest.mark.parametrize("query, expected", [
    ("", TYPES),
    ("?type=accuse", ["ACCUSE"]),
    ("?actor=marek", ["ACCUSE", "CONSULT"]),
    ("?recipient=border+post", ["ASSAULT"]),
    ("?sector=mil", ["ASSAULT"]),
    ("?from=2023-08&to=2023-08", ["ASSAULT"]),
    ("?text=shelling", ["ACCUSE"]),
    ("?country=Armenia", []),
    ("?type=&actor=", TYPES),  # empty form fields filter nothing
    ("?sort=-published", TYPES[::-1]),
    ("?sort=type", ["ACCUSE", "ASSAULT", "CONSULT"]),
    ("?sort=-date", ["CONSULT", "ASSAULT", "ACCUSE"]),
])
def test_event_filters_and_sorting(service_client, query, expected):
    assert types(service_client.get(f"/api/events{query}")) == expected


def test_pages_say_how_many_and_where_the_next_is(service_client):
    body = service_client.get("/api/events?limit=2").json()
    assert (body["total"], body["limit"], body["offset"]) == (3, 2, 0)
    assert [r["event"]["event_type"] for r in body["rows"]] == TYPES[:2]
    last = service_client.get(body["next"]).json()
    assert [r["event"]["event_type"] for r in last["rows"]] == TYPES[2:] and last["next"] is None
    assert body["rows"][0]["seq"] == 0 and body["rows"][0]["published"] == "2023-07-06"


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(1, 4))
def test_paging_through_gives_every_row_once(service_client, limit):
    seen, url = [], f"/api/events?limit={limit}"
    while url:
        body = service_client.get(url).json()
        seen += [r["event"]["id"] for r in body["rows"]]
        url = body["next"]
    everything = service_client.get("/api/events?format=jsonl").text.splitlines()
    assert seen == [json.loads(line)["event"]["id"] for line in everything]


@pytest.mark.parametrize("route, sorts", [
    ("events", ["published", "date", "type"]), ("quotes", ["published", "speaker"]),
    ("articles", ["published", "title"]), ("places", ["published", "name"]),
    ("entities", ["published", "name"]),
])
def test_every_page_at_every_offset_is_that_slice_of_the_whole_listing(service_client, route,
                                                                       sorts):
    """A page's rows are found by their keys first (listing.one_page); a download is not."""
    for sort in sorts + [f"-{s}" for s in sorts]:
        whole = service_client.get(f"/api/{route}?format=jsonl&sort={sort}").text.splitlines()
        whole = [json.loads(line) for line in whole]
        assert whole
        for offset in range(len(whole) + 1):
            body = service_client.get(f"/api/{route}?limit=2&offset={offset}&sort={sort}").json()
            assert body["rows"] == whole[offset:offset + 2], (sort, offset)


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=30))
def test_any_text_in_a_text_filter_is_an_answer_not_a_failure(service_client, value):
    for route in ("events", "quotes", "articles", "actors", "places", "entities"):
        param = {"actors": "name", "quotes": "speaker"}.get(route, "text")
        response = service_client.get(f"/api/{route}", params={param: value})
        if response.status_code != 200:  # the store's own check of filter values
            assert "control character" in error_of(response, 400)["message"]


def test_csv_and_jsonl_downloads_hold_every_matching_row(service_client):
    response = service_client.get("/api/events?format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [name for name, _ in COLUMNS["events"]]
    assert [r["event_type"] for r in rows] == TYPES
    assert rows[0]["actor_code"] == "RUTGOV" and rows[0]["location"] == "Zenda"
    lines = service_client.get("/api/quotes?format=jsonl").text.splitlines()
    assert [json.loads(line)["quote"]["speaker_name"] for line in lines] == ["Ivo Marek"]
    limited = service_client.get("/api/events?format=csv&limit=1&offset=1").text
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(limited))] == ["ASSAULT"]


@pytest.mark.parametrize("route, key, expected", [
    ("/api/quotes?speaker=marek", lambda r: r["quote"]["content"]["text"], ["We will answer"]),
    ("/api/articles?text=border", lambda r: r["title"], ["Border post attacked"]),
    ("/api/articles?sort=-published", lambda r: r["published"],
     ["2023-09-01", "2023-08-20", "2023-07-06"]),
    ("/api/actors", lambda r: (r["name"], r["code"], r["articles"]), [("Ivo Marek", "RUTGOV", 2)]),
    ("/api/actors?label=org", lambda r: r["name"], []),
    ("/api/places?name=kl", lambda r: (r["place"]["name"], r["place"]["lat"]), [("Kladno", 50.14)]),
    ("/api/places?use=literal", lambda r: r["place"]["name"], ["Zenda", "Kladno"]),
    ("/api/entities?label=PERSON", lambda r: r["entity"]["text"],
     ["Foreign Minister Ivo Marek", "Marek"]),
])
def test_other_listings(service_client, route, key, expected):
    response = service_client.get(route)
    assert response.status_code == 200
    assert [key(r) for r in response.json()["rows"]] == expected


def test_one_article_whole_and_the_stats(service_client, service_results):
    article = service_results[0]
    assert service_client.get(f"/api/articles/{article.article.id}").json() == to_json(article)
    stats = service_client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["quotes"]) == (3, 3, 1)


@pytest.mark.parametrize("route, status, parameter, words", [
    ("/api/events?type=PROTESTS", 400, "type", "is not a PLOVER event type"),
    ("/api/events?country=Atlantis", 400, "country", "is not a country"),
    ("/api/events?sector=XYZ", 400, "sector", "is not a sector code"),
    ("/api/events?mode=dance", 400, "mode", "is not a PLOVER mode"),
    ("/api/events?limit=1001", 400, "limit", "api_max_page"),
    ("/api/events?limit=0", 400, "limit", "greater than or equal to 1"),
    ("/api/events?offset=-1", 400, "offset", "greater than or equal to 0"),
    ("/api/events?sort=colour", 400, "sort", "not a sort key of events"),
    ("/api/events?format=xml", 400, "format", "'json', 'csv' or 'jsonl'"),
    ("/api/events?from=yesterday", 400, None, "date_from 'yesterday' is not a date"),
    ("/api/events?actor=%07", 400, None, "the actor filter holds a control character"),
    ("/api/actors?sort=name", 400, "sort", "cannot be sorted"),
    ("/api/articles/0000", 404, "article_id", "no article '0000'"),
    ("/api/articles/not%20an%20id", 400, "article_id", "string should match pattern"),
    ("/api/nothing", 404, None, "no such page: /api/nothing"),
    (f"/api/events?text={'x' * 201}", 400, "text", "at most 200 characters"),
    (f"/api/events?type={XSS}", 400, "type", "is not a PLOVER event type"),
])
def test_errors_have_one_shape(service_client, route, status, parameter, words):
    error = error_of(service_client.get(route), status)
    assert error["parameter"] == parameter and words in error["message"]


def test_the_openapi_spec_lists_every_route_and_the_error_shape(service_client):
    spec = service_client.get("/openapi.json").json()
    assert {"/api/events", "/api/quotes", "/api/articles", "/api/actors", "/api/places",
            "/api/entities", "/api/articles/{article_id}", "/api/stats",
            "/api/ingest"} <= set(spec["paths"])
    assert "ErrorResponse" in spec["components"]["schemas"]
    assert not any(path.startswith(("/events", "/map")) for path in spec["paths"])
    assert service_client.get("/docs").status_code == 404  # no page that loads a CDN


# --- writes ---------------------------------------------------------------------------------

def _upload(client, token=None, body=b"Ruritania accused Borduria.", name="a.txt"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/api/ingest", files={"files": (name, body, "text/plain")}, headers=headers)


def test_the_service_is_read_only_without_a_token(service_client):
    assert "read-only" in error_of(_upload(service_client, "anything"), 403)["message"]
    assert error_of(service_client.post("/api/events"), 405)["code"] == "method_not_allowed"


@pytest.fixture
def writable(tmp_path):
    from fastapi.testclient import TestClient

    from eventscope.api import create_app
    from eventscope.store import Store

    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store.open(url).close()
    settings = Settings(db_url=url, api_token="s3cret", api_max_upload_bytes=2000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def test_a_wrong_or_missing_token_and_a_body_too_large_are_refused(writable):
    assert "wrong token" in error_of(_upload(writable), 401)["message"]
    assert "wrong token" in error_of(_upload(writable, "guess"), 401)["message"]
    error = error_of(_upload(writable, "s3cret", b"x" * 5000), 413)
    assert "api_max_upload_bytes" in error["message"] and error["code"] == "too_large"


@pytest.mark.integration
def test_an_upload_with_the_token_is_stored(writable):
    text = b"date 2023-07-06\nRuritania accused Borduria of shelling the border town on Monday."
    response = _upload(writable, "s3cret", text, "../../etc/passwd")
    assert response.status_code == 200, response.text
    assert response.json()["stored"] == 1 and response.json()["skipped"] == []
    assert writable.get("/api/articles").json()["total"] == 1
    assert _upload(writable, "s3cret", text).json()["unchanged"] == 1
    empty = _upload(writable, "s3cret", b"", "empty.txt").json()
    assert empty["stored"] == 0 and len(empty["skipped"]) == 1 and "eventscope-upload" not in empty["skipped"][0]


def test_kept_answers_follow_a_write_to_the_store(service_client, service_store):
    from eventscope.records import Article, ArticleResult
    from service_data import INFO

    assert service_client.get("/api/stats").json()["articles"] == 3
    assert service_client.get("/api/events?type=accuse").json()["total"] == 1
    text = "A note with no events at all."
    service_store.write([ArticleResult(Article(id="f" * 16, text=text, published="2023-10-01"),
                                       INFO)])
    assert service_client.get("/api/stats").json()["articles"] == 4
    assert service_client.get("/api/articles").json()["total"] == 4
