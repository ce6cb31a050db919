"""Web archives: WARC and WARC.gz files (warcio), streamed record by record.

Only ``response`` records of HTML pages with status 200 are read (requests, metadata, images,
redirects and errors are passed over silently); each page's main text is extracted as for HTML
files. The record's target URL becomes the article's URL and its source ``FILE#OFFSET``; the
page's own publication date is kept when it states one, else the day of the capture
(``WARC-Date``). A record larger than ``max_bytes`` is one Skip; a damaged archive ends with one
Skip naming the offset where reading stopped, after every record before it was read. The file
is never read whole, so a news crawl's gigabyte files go through in constant memory.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import stat
from pathlib import Path
from typing import Iterator, Optional

from eventscope.ingest.article import Skip, normalise_date
from eventscope.records import Article
from eventscope.settings import Settings

log = logging.getLogger(__name__)

SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a web archive (``.warc`` or ``.warc.gz``, any case)."""
    return path.name.lower().endswith(SUFFIXES)


def read_warc(path: Path, settings: Settings, source: Optional[str] = None
              ) -> Iterator[Article | Skip]:
    """The articles of the HTML responses in the archive at ``path``, in archive order;
    ``source`` is how the path is shown (default: as given)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = source or str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or device would never end
            yield Skip(source, None, "not a regular file")
            return
        stream = path.open("rb")
    except OSError as error:
        yield Skip(source, None, f"cannot read file ({error.strerror or error})")
        return
    with stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if _is_html_response(record):
                    # read the body first: asking the offset skips to the record's end
                    body = record.content_stream().read(settings.max_bytes + 1)
                    where = f"{source}#{records.get_record_offset()}"
                    yield from _read_record(record, body, where, settings)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
            log.warning("%s: archive damaged: %s", source, error)
            yield Skip(source, None, f"damaged web archive, reading stopped "
                                     f"({type(error).__name__}: {str(error)[:120]})")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status == "200" and media in HTML_TYPES


def _read_record(record, body: bytes, where: str, settings: Settings
                 ) -> Iterator[Article | Skip]:
    from eventscope.ingest.sources import read_bytes  # sources dispatches to this module

    if len(body) > settings.max_bytes:
        yield Skip(where, None, f"record over the {settings.max_bytes:,} byte limit (max_bytes)")
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    captured = normalise_date(record.rec_headers.get_header("WARC-Date"))
    for found in read_bytes(body, where, "html", settings):
        if isinstance(found, Article):
            found = dataclasses.replace(found, url=url or found.url,
                                        published=found.published or captured)
        yield found
