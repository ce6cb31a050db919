"""Building an Article: the text is NFC-normalised once, and the id is a hash of that text."""
from __future__ import annotations

import unicodedata
from typing import Optional

from eventscope.records import Article, content_id


def normalise_text(text: str) -> str:
    """NFC-normalise; every later offset indexes into the returned string."""
    return unicodedata.normalize("NFC", text)


def make_article(
    text: str,
    *,
    title: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str] = None,
    source: Optional[str] = None,
    author: Optional[str] = None,
) -> Article:
    """An :class:`Article` whose id is the content hash of its normalised text.

    The same text ingested twice gets the same id, whatever file or metadata it came with.
    """
    text = normalise_text(text)
    return Article(
        id=content_id(text),
        text=text,
        title=title,
        url=url,
        published=published,
        source=source,
        author=author,
    )
