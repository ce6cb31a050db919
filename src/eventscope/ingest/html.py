"""HTML pages: main text and metadata (title, date, URL, author) by trafilatura."""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from eventscope.ingest.article import (
    Metadata, Skip, build_article, date_field, published_time,
)
from eventscope.records import Article
from eventscope.settings import Settings

log = logging.getLogger(__name__)

# The encoding a page declares for itself, for pages that are not UTF-8.
# Libraries that log lines of their own about a page they cannot read ("discarding data",
# "empty HTML tree"); the page's one Skip line says it, so they are quiet unless debugging.
QUIET_LOGGERS: tuple[str, ...] = ("trafilatura", "htmldate", "courlan", "justext")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def read_html(markup: str, source: str, settings: Settings) -> Iterator[Article | Skip]:
    """One article from an HTML page; a page with no extractable main text is a Skip."""
    document = _extract(markup, source)
    if isinstance(document, Skip):
        yield document
        return
    text = drop_repeated_tail(document.get("text") or "")
    if not text.strip():
        yield Skip(source, None, "no main text found in HTML")
        return
    published, unread_date = date_field(document.get("date"))
    meta = Metadata(
        title=_clean(document.get("title")),
        url=_clean(document.get("url")),
        published=published,
        published_at=published_time(document.get("date")),
        unread_date=unread_date,
        author=_clean(document.get("author")),
    )
    yield build_article(text, meta, settings, source)


def declared_charset(data: bytes) -> Optional[str]:
    """The ``<meta charset>`` (or http-equiv content type) near the top of a page, if any."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def drop_repeated_tail(text: str) -> str:
    """Remove a block of paragraphs that merely repeats the block just before it.

    trafilatura 2.0 can return the paragraphs of a short ``<article>`` twice (its rescue of
    "wild" paragraphs appends what the main pass already found); a run of paragraphs repeated
    back to back at the very end is that artefact, not the article.
    """
    lines = text.split("\n")
    for size in range(len(lines) // 2, 0, -1):
        # the cheap test first: a page of many paragraphs would otherwise cost quadratic time
        if lines[-1] == lines[-size - 1] and lines[-size:] == lines[-2 * size:-size]:
            return "\n".join(lines[:-size])
    return text


def _extract(markup: str, source: str) -> dict[str, Any] | Skip:
    import trafilatura  # heavy import, only when a page is read

    try:
        with _quiet_libraries():
            document = trafilatura.bare_extraction(markup, with_metadata=True)
    # trafilatura and lxml raise a variety of errors on malformed pages (RecursionError on deep
    # nesting among them); one page must not stop the run, so any of them becomes one Skip. Its
    # reason is the error's type only: lxml's messages can quote the page.
    except Exception as error:  # noqa: BLE001
        log.debug("%s: HTML extraction failed: %r", source, error)
        return Skip(source, None, f"HTML extraction failed ({type(error).__name__})")
    if document is None:
        return Skip(source, None, "no main text found in HTML")
    # 2.x returns a Document object; 1.x returned a dict.
    return document if isinstance(document, dict) else document.as_dict()


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    if log.isEnabledFor(logging.DEBUG):
        yield
        return
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _clean(value: object) -> Optional[str]:
    if not isinstance(value, str):
        return None
    return value.strip() or None
