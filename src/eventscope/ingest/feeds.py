"""RSS and Atom feeds (feedparser): the items of a feed, and the article behind an item.

A feed is a file path or an http(s) URL. Each item has a stable key (its guid/id, else its
link, else a hash of its title and summary) by which a poll knows what it has already seen;
see :mod:`eventscope.streams` for polling. An item's page is fetched politely
(:class:`~eventscope.ingest.fetch.Fetcher`) and its main text extracted as for HTML files; an
item without a link, or whose feed carries the full text, is read from the feed itself.

::

    items = read_feed("https://example.org/rss.xml", fetcher)
    for item in items:
        article_or_skip = item_article(item, fetcher, settings)
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from eventscope.errors import InputError
from eventscope.ingest.article import Skip, normalise_date
from eventscope.ingest.fetch import Fetcher, FetchError
from eventscope.ingest.sources import read_bytes
from eventscope.records import Article
from eventscope.settings import Settings

log = logging.getLogger(__name__)

# Media types of pages read as HTML; anything else behind a link is skipped.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
# A feed's own content counts as the article when it is at least this long (characters of
# markup): short summaries are teasers, the page has the article.
FULL_TEXT_CHARS = 1500


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    feed: str  # the feed's path or URL, as given
    key: str  # guid/id, else link, else a hash of title and summary
    link: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO day, if the feed gives a readable one
    content: Optional[str] = None  # the feed's own markup for the item (content, else summary)


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def read_feed(location: str, fetcher: Fetcher) -> list[FeedItem]:
    """The items of the feed at ``location`` (file or URL), in feed order.

    Raises :class:`InputError` for a missing file, :class:`FetchError` for a URL that cannot be
    fetched, and InputError for a document that is not a feed.
    """
    import feedparser  # imported when a feed is read

    if is_url(location):
        data = fetcher.get(location).body
    else:
        path = Path(location)
        if not path.is_file():
            raise InputError(f"no such feed file: {location}")
        data = path.read_bytes()
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = getattr(parsed, "bozo_exception", None)
        detail = f" ({type(problem).__name__})" if problem is not None else ""
        raise InputError(f"{location}: not an RSS or Atom feed{detail}")
    return [_item(location, entry) for entry in parsed.entries]


def item_article(item: FeedItem, fetcher: Fetcher, settings: Settings) -> Article | Skip:
    """The article of ``item``: its page's main text, or the feed's own full text.

    A page that cannot be fetched raises :class:`FetchError` (the caller decides whether to try
    again next poll); a page that is fetched but not usable is a :class:`Skip`.
    """
    if item.content and (item.link is None or len(item.content) >= FULL_TEXT_CHARS):
        page = f"<html><body><article>{item.content}</article></body></html>"
        found = _first(read_bytes(page.encode("utf-8"), item.link or item.key, "html", settings))
    elif item.link is None:
        return Skip(item.key, None, "feed item has neither a link nor a text")
    else:
        page = fetcher.get(item.link)
        if page.content_type not in HTML_TYPES:
            return Skip(item.link, None, f"not an HTML page ({page.content_type})")
        found = _first(read_bytes(page.body, item.link, "html", settings))
    if isinstance(found, Skip):
        return found
    return dataclasses.replace(
        found, url=item.link or found.url, title=found.title or item.title,
        published=found.published or item.published, source=item.link or item.feed)


def _first(items) -> Article | Skip:
    for found in items:
        return found
    return Skip("feed item", None, "no main text found")


def _item(feed: str, entry) -> FeedItem:
    link = entry.get("link") or None
    if link is not None and not is_url(link):  # e.g. a guid that is no URL, taken for a link
        link = None
    title = entry.get("title") or None
    content = None
    if entry.get("content"):
        content = entry["content"][0].get("value") or None
    content = content or entry.get("summary") or None
    key = entry.get("id") or link
    if not key:
        digest = hashlib.sha1(f"{title}\n{content}".encode("utf-8")).hexdigest()[:20]
        key = f"sha1:{digest}"
    published = None
    for field in ("published", "updated"):
        if entry.get(field):
            published = normalise_date(entry[field])
            if published:
                break
    return FeedItem(feed=feed, key=key, link=link, title=title, published=published,
                    content=content)


__all__ = ["FeedItem", "FetchError", "is_url", "item_article", "read_feed"]
