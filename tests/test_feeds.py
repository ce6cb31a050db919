"""Feeds and polite fetching, against a web server on loopback run by the test in a thread."""
from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass, field

import pytest

from eventscope.errors import InputError
from eventscope.ingest.feeds import FeedItem, item_article, read_feed
from eventscope.ingest.fetch import Fetcher, FetchError
from eventscope.ingest.article import Skip
from eventscope.settings import Settings
from eventscope.streams import parse_interval

BODY = ("The harbour council of Ruritania met on Tuesday to review the budget of the port. Its "
        "members agreed to delay the vote until the port authority publishes its accounts, "
        "which are expected before the end of the month, the council's chair told reporters.")


def page(title: str, body: str = BODY) -> bytes:
    paragraphs = "".join(f"<p>{body} (part {i})</p>" for i in range(3))
    return (f"<html><head><title>{title}</title></head><body><nav>Home</nav><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>").encode()


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Teaser.</description></item>"
        for path, title in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
            f"{entries}</channel></rss>").encode()


@dataclass
class Site:
    """What the loopback server answers: path -> (status, content type, body, delay)."""

    routes: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)  # (path, user agent)
    base: str = ""

    def add(self, path, body, status=200, kind="text/html; charset=utf-8", delay=0.0):
        self.routes[path] = (status, kind, body, delay)

    def pages(self) -> list[str]:
        return [p for p, _ in self.requests if p not in ("/robots.txt", "/feed.xml")]


@pytest.fixture
def site():
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            state.requests.append((self.path, self.headers.get("User-Agent")))
            status, kind, body, delay = state.routes.get(self.path, (404, "text/plain", b"no", 0))
            time.sleep(delay)
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def fast(**changes) -> Settings:
    return Settings(**{"fetch_delay": 0.0, "fetch_timeout": 5, **changes})


def test_pages_are_fetched_with_the_user_agent_after_asking_robots(site):
    site.add("/a", page("Harbour vote delayed"))
    fetcher = Fetcher(fast(user_agent="probe/1.0"))
    assert b"Harbour vote delayed" in fetcher.get(site.base + "/a").body
    assert site.requests == [("/robots.txt", "probe/1.0"), ("/a", "probe/1.0")]
    fetcher.get(site.base + "/a")
    assert [p for p, _ in site.requests].count("/robots.txt") == 1  # read once per site


def test_robots_txt_is_obeyed_unless_switched_off(site):
    site.add("/robots.txt", b"User-agent: *\nDisallow: /private/\n", kind="text/plain")
    site.add("/private/a", page("Secret"))
    with pytest.raises(FetchError, match="robots.txt does not allow it") as caught:
        Fetcher(fast()).get(site.base + "/private/a")
    assert caught.value.permanent and "/private/a" not in [p for p, _ in site.requests]
    assert Fetcher(fast(obey_robots=False)).get(site.base + "/private/a").status == 200


def test_a_robots_txt_server_error_allows_nothing(site):
    site.add("/robots.txt", b"down", status=503, kind="text/plain")
    site.add("/a", page("A"))
    with pytest.raises(FetchError, match="robots.txt"):
        Fetcher(fast()).get(site.base + "/a")


@pytest.mark.parametrize("route,settings,reason,permanent", [
    (("/big", b"x" * 5000), fast(fetch_max_bytes=1000), "over the 1,000 byte limit", True),
    (("/slow", b"late", 200, "text/html", 3.0), fast(fetch_timeout=1), "timed out", False),
    (("/err", b"oops", 500), fast(), "HTTP 500", False),
    (("/other", b"x"), fast(), "HTTP 404", True),
])
def test_fetch_failures_are_one_reason_each(site, route, settings, reason, permanent):
    path, *rest = route
    if path != "/other":
        site.add(path, *rest)
    with pytest.raises(FetchError) as caught:
        Fetcher(settings.replace(obey_robots=False)).get(site.base + path)
    assert reason in caught.value.reason and caught.value.permanent is permanent
    assert str(caught.value).startswith(site.base + path + ": ")


def test_requests_to_one_host_are_spaced_by_fetch_delay(site):
    site.add("/a", page("A"))
    slept = []
    fetcher = Fetcher(fast(fetch_delay=2.0, obey_robots=False), clock=lambda: 100.0,
                      sleep=slept.append)
    fetcher.get(site.base + "/a")
    fetcher.get(site.base + "/a")
    assert slept == [2.0]


def test_a_feed_lists_its_items_with_keys_links_and_dates(site, tmp_path):
    site.add("/feed.xml", rss(site.base, [("/a", "A"), ("/b", "B")]), kind="application/rss+xml")
    items = read_feed(site.base + "/feed.xml", Fetcher(fast()))
    assert [(i.key, i.link, i.title, i.published) for i in items] == [
        (site.base + "/a", site.base + "/a", "A", "2024-03-05"),
        (site.base + "/b", site.base + "/b", "B", "2024-03-05")]
    saved = tmp_path / "feed.xml"
    saved.write_bytes(rss("https://n.example", [("/c", "C")]))
    assert [i.link for i in read_feed(str(saved), Fetcher(fast()))] == ["https://n.example/c"]


def test_atom_feeds_and_items_without_guid_have_stable_keys(tmp_path):
    atom = tmp_path / "feed.atom"
    atom.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T'
                    "</title><entry><title>No id</title><summary>Short.</summary>"
                    '<updated>2024-03-05T10:00:00Z</updated></entry></feed>')
    first, again = read_feed(str(atom), Fetcher(fast())), read_feed(str(atom), Fetcher(fast()))
    assert first[0].key.startswith("sha1:") and first[0].key == again[0].key
    assert first[0].link is None and first[0].published == "2024-03-05"


@pytest.mark.parametrize("content,reason", [
    (b"<html><body>Not a feed</body></html>", "not an RSS or Atom feed"),
    (None, "no such feed file"),
])
def test_a_file_that_is_not_a_feed_is_one_error(tmp_path, content, reason):
    path = tmp_path / "feed.xml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        read_feed(str(path), Fetcher(fast()))


def test_an_item_page_becomes_an_article_with_the_item_metadata(site):
    site.add("/a", page("Harbour vote delayed"))
    item = FeedItem(feed="f", key="k", link=site.base + "/a", title="Feed title",
                    published="2024-03-05", content="Teaser.")
    article = item_article(item, Fetcher(fast()), fast())
    assert (article.url, article.published, article.title) == (
        site.base + "/a", "2024-03-05", "Harbour vote delayed")
    assert "port authority" in article.text and "Home" not in article.text


def test_an_item_that_is_not_a_page_is_a_skip(site):
    site.add("/a.pdf", b"%PDF-1.4", kind="application/pdf")
    item = FeedItem(feed="f", key="k", link=site.base + "/a.pdf")
    found = item_article(item, Fetcher(fast()), fast())
    assert isinstance(found, Skip) and found.reason == "not an HTML page (application/pdf)"


def test_a_full_text_feed_item_needs_no_fetch():
    item = FeedItem(feed="f", key="k", link=None, content="<p>" + BODY * 3 + "</p>")
    article = item_article(item, Fetcher(fast(), opener=lambda *a, **k: pytest.fail("fetch")),
                           fast())
    assert article.text.startswith("The harbour council")


@pytest.mark.parametrize("text,seconds", [("15m", 900), ("30s", 30), ("2h", 7200), ("1d", 86400),
                                          ("45", 45), ("0.5m", 30)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "soon", "15 minutes", "-5m"])
def test_bad_intervals(text):
    with pytest.raises(InputError, match="not an interval"):
        parse_interval(text)


# --- polling into a store (the real pipeline) --------------------------------------------------

OTHER = ("Farmers in the southern valley began the wheat harvest a week early this year after a "
         "dry and warm spring, the agriculture office said. Yields are expected to be close to "
         "last year's, and the office advised growers to store grain in the new silos by the "
         "river, which opened in May with room for the whole district's crop.")


@pytest.mark.integration
def test_polling_again_fetches_nothing_already_seen(site, tmp_path):
    from eventscope.store import Store
    from eventscope.store.copies import copies_of
    from eventscope.streams import Watcher

    site.add("/feed.xml", rss(site.base, [("/a", "A"), ("/b", "B")]), kind="application/rss+xml")
    site.add("/a", page("Harbour vote delayed"))
    site.add("/b", page("Harbour vote delayed, update", BODY + " More to follow."))
    settings = fast(db_url=f"sqlite:///{tmp_path / 'w.db'}")
    watcher = Watcher([site.base + "/feed.xml"], settings)
    first = watcher.poll()
    assert (first.items, first.new, first.run.stored, first.run.copies) == (2, 2, 1, 1)
    assert site.pages() == ["/a", "/b"]
    second = watcher.poll()
    assert (second.new, second.fetched, site.pages()) == (0, 1, ["/a", "/b"])  # the feed only
    site.add("/feed.xml", rss(site.base, [("/c", "C"), ("/a", "A")]), kind="application/rss+xml")
    site.add("/c", page("Early harvest", OTHER))
    third = Watcher([site.base + "/feed.xml"], settings).poll()  # a new process: state is stored
    assert (third.new, third.run.stored, site.pages()) == (1, 1, ["/a", "/b", "/c"])
    with Store.open(settings.db_url) as store:
        (harbour,) = [a for a in store.articles() if "Harbour" in (a.title or "")]
        assert [c.url for c in copies_of(store.engine, harbour.id)] == [site.base + "/b"]


@pytest.mark.integration
def test_watch_once_on_the_command_line(site, tmp_path):
    from click.testing import CliRunner

    from eventscope.cli.main import cli

    site.add("/robots.txt", b"User-agent: *\nDisallow: /b\n", kind="text/plain")
    site.add("/feed.xml", rss(site.base, [("/a", "A"), ("/b", "B")]), kind="application/rss+xml")
    site.add("/a", page("Harbour vote delayed"))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(cli, ["watch", site.base + "/feed.xml", "--once", "--db", str(db)],
                                env={"EVENTSCOPE_FETCH_DELAY": "0"})
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"{site.base}/b: skipped: robots.txt does not allow it" in lines
    assert lines[-1] == ("polled 1 feed(s): 2 item(s), 2 new, 3 request(s); stored 1 article(s), "
                         "0 near-duplicate copies, 1 skipped (1 refused), 0 to retry")


@pytest.mark.integration
def test_watch_polls_on_schedule_and_reads_full_text_feeds_from_a_file(tmp_path):
    from eventscope.streams import watch

    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
                    f"<guid>one</guid><title>Harvest</title><description><![CDATA[<p>{OTHER}</p>"
                    f"<p>{OTHER}</p><p>{OTHER}</p>]]></description></item></channel></rss>")
    polls, slept = [], []
    watch([str(feed)], fast(db_url=f"sqlite:///{tmp_path / 'w.db'}"), every=60, polls=2,
          on_poll=polls.append, sleep=slept.append)
    assert [(p.new, p.run.stored, p.fetched) for p in polls] == [(1, 1, 0), (0, 0, 0)]
    assert len(slept) == 1 and 0 < slept[0] <= 60
