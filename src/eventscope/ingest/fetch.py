"""Polite HTTP fetching for feeds and article pages.

Every request sends the ``user_agent`` setting, gives up after ``fetch_timeout`` seconds, stops
reading past ``fetch_max_bytes``, waits ``fetch_delay`` seconds (or the site's robots.txt
``Crawl-delay``, if longer) between two requests to one host, and asks robots.txt first when
``obey_robots`` is on. robots.txt is read once per site and process, as RFC 9309 says: a 4xx
answer allows everything, a 5xx or an unreachable site allows nothing (for now).

::

    fetcher = Fetcher(settings)
    page = fetcher.get("https://example.org/news/1.html")   # Fetched, or raises FetchError
    page.body, page.content_type
"""
from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urlsplit, urlunsplit

from eventscope.errors import EventscopeError
from eventscope.settings import Settings

log = logging.getLogger(__name__)

SCHEMES = frozenset({"http", "https"})
CHUNK = 64 * 1024


class FetchError(EventscopeError):
    """A URL that was not fetched, and why. ``permanent`` errors are not worth retrying
    (robots.txt forbids it, 404, too large); the others (timeouts, 5xx) may pass next time."""

    def __init__(self, url: str, reason: str, permanent: bool = True):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class Fetched:
    """A successful download."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type without parameters, lowercase ("text/html")
    body: bytes


Opener = Callable[..., object]  # urllib.request.urlopen's shape, swappable in tests


class Fetcher:
    """Downloads with timeouts, size limits, robots.txt and a per-host delay."""

    def __init__(self, settings: Settings, *, opener: Optional[Opener] = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.settings = settings
        self._open = opener or urllib.request.urlopen
        self._clock = clock
        self._sleep = sleep
        self._robots: dict[str, Optional[urllib.robotparser.RobotFileParser]] = {}
        self._last: dict[str, float] = {}  # host -> clock() of its last request
        self.requests = 0  # every request made, robots.txt included (for tests and the bench)

    def get(self, url: str) -> Fetched:
        """Download ``url``; raises :class:`FetchError` naming the URL and the reason."""
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        if self.settings.obey_robots and not self.allowed(url):
            raise FetchError(url, "robots.txt does not allow it")
        return self._download(url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url``."""
        parser = self._robots_of(url)
        if parser is None:  # robots.txt unreachable or a server error: nothing is allowed
            return False
        return parser.can_fetch(self.settings.user_agent, url)

    def _robots_of(self, url: str) -> Optional[urllib.robotparser.RobotFileParser]:
        parts = urlsplit(url)
        site = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if site in self._robots:
            return self._robots[site]
        parser: Optional[urllib.robotparser.RobotFileParser] = urllib.robotparser.RobotFileParser()
        try:
            page = self._download(site + "/robots.txt")
            parser.parse(page.body.decode("utf-8", "replace").splitlines())
        except FetchError as error:
            if error.permanent and not error.reason.startswith("HTTP 5"):
                parser.parse([])  # no robots.txt (4xx, too big...): everything is allowed
            else:
                log.warning("%s/robots.txt: %s; not fetching from this site", site, error.reason)
                parser = None
        self._robots[site] = parser
        return parser

    def _wait_for(self, host: str) -> None:
        delay = self.settings.fetch_delay
        parser = self._robots.get(urlunsplit(("http", host, "", "", ""))) or self._robots.get(
            urlunsplit(("https", host, "", "", "")))
        crawl_delay = parser.crawl_delay(self.settings.user_agent) if parser else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        last = self._last.get(host)
        if last is not None:
            remaining = last + delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()

    def _download(self, url: str) -> Fetched:
        host = urlsplit(url).netloc
        self._wait_for(host)
        self.requests += 1
        request = urllib.request.Request(url, headers={
            "User-Agent": self.settings.user_agent, "Accept-Encoding": "identity"})
        try:
            with self._open(request, timeout=self.settings.fetch_timeout) as response:
                return self._read(url, response)
        except urllib.error.HTTPError as error:
            raise FetchError(url, f"HTTP {error.code}", permanent=error.code < 500) from None
        except urllib.error.URLError as error:
            raise FetchError(url, f"cannot connect ({error.reason})", permanent=False) from None
        except (TimeoutError, OSError) as error:
            reason = "timed out" if isinstance(error, TimeoutError) else str(error)
            raise FetchError(url, f"{reason} (fetch_timeout {self.settings.fetch_timeout} s)"
                             if isinstance(error, TimeoutError) else reason,
                             permanent=False) from None

    def _read(self, url: str, response) -> Fetched:
        limit = self.settings.fetch_max_bytes
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > limit:
            raise FetchError(url, f"{int(length):,} bytes, over the {limit:,} byte limit "
                             "(fetch_max_bytes)")
        body = bytearray()
        deadline = self._clock() + self.settings.fetch_timeout
        while chunk := response.read(CHUNK):
            body += chunk
            if len(body) > limit:
                raise FetchError(url, f"over the {limit:,} byte limit (fetch_max_bytes)")
            if self._clock() > deadline:  # a server trickling bytes forever
                raise FetchError(url, f"timed out (fetch_timeout {self.settings.fetch_timeout} s)",
                                 permanent=False)
        content_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return Fetched(url=url, final_url=response.geturl() or url,
                       status=getattr(response, "status", 200), content_type=content_type,
                       body=bytes(body))
