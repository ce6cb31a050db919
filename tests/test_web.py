"""The dashboard: every page and its JSON twin, escaping, the article's highlighted spans, and
the chart geometry."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from eventscope.web import charts
from eventscope.web.highlight import Marked, Segment, segments

from service_data import XSS

PAGES = ["/", "/events", "/timeline", "/timeline?by=dyad", "/map", "/network", "/actors",
         "/actors/Ivo%20Marek", "/articles"]


def twin_of(path: str) -> str:
    route, _, query = path.partition("?")
    return (route.rstrip("/") or "/index") + ".json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_with_a_json_twin(service_client, path):
    page = service_client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "<script" not in page.text  # no page runs a script
    assert "http://" not in page.text.replace("http://testserver", "")  # nothing from elsewhere
    twin = service_client.get(twin_of(path))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert f'href="{twin_of(path).replace("&", "&amp;")}"' in page.text


def test_the_timeline_counts_by_type_and_by_dyad(service_client):
    by_type = service_client.get("/timeline.json").json()["timeline"]
    assert by_type == {"months": ["2023-07", "2023-08", "2023-09"], "by": "type", "series": {
        "ACCUSE": [1, 0, 0], "ASSAULT": [0, 1, 0], "CONSULT": [0, 0, 1]}}
    by_dyad = service_client.get("/timeline.json?by=dyad&actor=marek").json()["timeline"]
    assert by_dyad["series"] == {"RUT → BRD": [1, 0, 1]}


def test_the_map_network_and_actor_page(service_client):
    points = service_client.get("/map.json").json()["points"]
    assert points == [{"name": "Kladno", "lat": 50.14, "lon": 14.1, "events": 1},
                      {"name": "Zenda", "lat": 48.2, "lon": 16.37, "events": 1}]
    assert service_client.get("/map.json?type=assault").json()["points"][0]["name"] == "Kladno"
    html = service_client.get("/map").text
    assert html.count('class="land"') > 150 and html.count('class="dot"') == 2
    network = service_client.get("/network.json").json()["network"]
    assert network == {"nodes": {"BRD": 3, "RUT": 3}, "edges": [
        {"source": "RUT", "target": "BRD", "events": 2},
        {"source": "BRD", "target": "RUT", "events": 1}]}
    actor = service_client.get("/actors/Marek.json").json()
    assert [(c["name"], c["code"]) for c in actor["codes"]] == [("Ivo Marek", "RUTGOV")]
    assert actor["spellings"] == [["Foreign Minister Ivo Marek", 1], ["Marek", 1]]
    assert actor["statements_by_month"] == {"2023-07": 1}
    assert actor["events_by_type"] == {"ACCUSE": 1, "CONSULT": 1}


def test_the_article_view_escapes_its_text_and_links_every_span(service_client, service_results):
    attack = service_results[2]
    page = service_client.get(f"/articles/{attack.article.id}").text
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert 'href="javascript:' not in page  # a URL that is not http(s) is text, not a link
    first = service_results[0]
    page = service_client.get(f"/articles/{first.article.id}").text
    for anchor in ("entity-0", "entity-1", "quote-0", "date-0", "place-0", "event-0"):
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
        assert f'id="at-{anchor}"' in page and f'href="#at-{anchor}"' in page
    twin = service_client.get(f"/articles/{first.article.id}.json").json()
    assert [s["anchor"] for s in twin["spans"]] == [
        "entity-0", "entity-1", "quote-0", "date-0", "place-0", "event-0"]


@pytest.mark.parametrize("path", ["/events?actor=", "/timeline?text=", "/actors?name=",
                                  "/articles?text="])
def test_query_parameters_are_shown_escaped(service_client, path):
    page = service_client.get(path + quote(f'"><{XSS[1:]}')).text
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page


def test_page_errors_are_pages_and_json_errors_json(service_client):
    page = service_client.get("/events?type=PROTESTS")
    assert page.status_code == 400 and "is not a PLOVER event type" in page.text
    assert page.headers["content-type"].startswith("text/html")
    twin = service_client.get("/events.json?type=PROTESTS")
    assert twin.status_code == 400 and twin.json()["error"]["parameter"] == "type"
    assert service_client.get("/actors/Nobody%20Known").status_code == 404
    assert service_client.get("/articles/ffff.json").json()["error"]["code"] == "not_found"


# --- highlighting and charts ----------------------------------------------------------------

def test_segments_cut_the_text_at_every_boundary_and_link_the_innermost_record():
    text = "Marek said we will answer today."
    spans = [Marked("quote", "quote-0", 11, 25, "q"), Marked("entity", "entity-0", 0, 5, "e"),
             Marked("date", "date-0", 26, 31, "d"), Marked("event", "event-0", 19, 25, "v")]
    assert segments(text, spans) == [
        Segment("Marek", ("entity",), "entity-0", ("entity-0",)),
        Segment(" said ", (), None),
        Segment("we will ", ("quote",), "quote-0", ("quote-0",)),
        Segment("answer", ("quote", "event"), "event-0", ("event-0",)),
        Segment(" ", (), None),
        Segment("today", ("date",), "date-0", ("date-0",)),
        Segment(".", (), None),
    ]
    assert "".join(s.text for s in segments(text, spans)) == text


def test_chart_geometry():
    assert charts.project(0, 0) == (360.0, 180.0)
    assert charts.project(90, -180) == (0.0, 0.0)
    bars = charts.stacked(["2023-07", "2023-08"], {"A": [2, 0], "B": [2, 1]}, width=200, height=100)
    assert [(b.x, b.y, b.height, b.label) for b in bars.bars] == [
        (10.0, 50.0, 50.0, "2023-07 A: 2"), (10.0, 0.0, 50.0, "2023-07 B: 2"),
        (110.0, 75.0, 25.0, "2023-08 B: 1")]
    assert bars.most == 4 and bars.ticks == [(50.0, "2023-07"), (150.0, "2023-08")]
    layout = charts.circle_layout({"RUT": 4, "BRD": 1}, size=200)
    assert (layout["RUT"].x, layout["RUT"].y, layout["RUT"].r) == (100.0, 50.0, 18.0)
    assert layout["BRD"].r == 11.0
    assert len(charts.world()) > 150
