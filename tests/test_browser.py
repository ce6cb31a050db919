"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright (no
browser download). Every page at desktop and phone width, screenshots kept in tests/artifacts/,
and script in article text or in query parameters must stay text."""
from __future__ import annotations

import socket
import threading
import time
from urllib.parse import quote

import pytest

from conftest import ARTIFACTS
from service_data import XSS

pytestmark = [pytest.mark.integration, pytest.mark.slow]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The service over a SQLite file of service_data's articles, on a free loopback port."""
    import uvicorn

    from eventscope.api import create_app
    from eventscope.settings import Settings
    from eventscope.store import Store
    from service_data import results

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'dash.db'}"
    with Store.open(url) as store:
        store.write(results())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(Settings(db_url=url))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", results()
    server.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def _pages(results):
    return {"overview": "/", "events": "/events", "timeline": "/timeline",
            "timeline-dyads": "/timeline?by=dyad", "map": "/map", "network": "/network",
            "actors": "/actors", "actor": "/actors/Ivo%20Marek", "articles": "/articles",
            "article": f"/articles/{results[0].article.id}",
            "article-xss": f"/articles/{results[2].article.id}"}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_renders_at_desktop_and_phone_width(server, page, width):
    base, results = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(WIDTHS[width])
    for name, path in _pages(results).items():
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("main h1").count() == 1
        assert page.evaluate("document.styleSheets.length") == 1  # our stylesheet loaded
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is wider than the {width} screen by {overflow}px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert page.dialogs == []


def test_script_in_article_text_stays_text(server, page):
    base, results = server
    page.goto(f"{base}/articles/{results[2].article.id}")
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    assert XSS in page.locator(".article-text").inner_text()
    assert page.locator(".article-text script, .article-text img").count() == 0
    assert XSS in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0


@pytest.mark.parametrize("path", ["/events?actor=", "/map?text=", "/actors?name=",
                                  "/timeline?by=type&recipient=", "/articles?text="])
def test_script_in_query_parameters_stays_text(server, page, path):
    base, _ = server
    attack = '"><' + XSS[1:]
    page.goto(base + path + quote(attack))
    assert page.evaluate("window.__xss") is None and page.dialogs == []
    values = page.eval_on_selector_all("form input", "inputs => inputs.map(i => i.value)")
    assert attack in values


def test_highlighted_spans_link_to_their_records(server, page):
    base, results = server
    page.goto(f"{base}/articles/{results[0].article.id}")
    page.click("a.hl.event")
    assert page.evaluate("location.hash") == "#event-0"
    assert "ACCUSE" in page.locator("#event-0").inner_text()
    kinds = page.eval_on_selector_all("a.hl", "links => links.map(a => a.className)")
    for kind in ("entity", "quote", "date", "place", "event"):
        assert any(kind in k for k in kinds), kind
