"""Plain-text articles, optionally opened by metadata header lines.

A header is one of a fixed set of keys at the top of the file::

    date 2023-07-06
    title: Talks planned
    url: https://example.org/talks
    author: A. Writer

    The ministry said ...

``title``, ``url`` and ``author`` need a colon; ``date`` (or ``published``) may go without one
but must be followed by a date, which may also open the first line of text
(``date 2023-07-06 The ministry said ...``). Only these keys are headers, so a first line
such as "Title fight ends in a draw" or "Date night in Paris" stays text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator, Optional

from eventscope.ingest.article import (
    Metadata, Skip, build_article, match_date, normalise_date, published_time,
)
from eventscope.records import Article
from eventscope.settings import Settings

# Header keys as data: key -> Metadata field. Date keys take a date; the others free text.
DATE_HEADER_KEYS: dict[str, str] = {"date": "published", "published": "published"}
TEXT_HEADER_KEYS: dict[str, str] = {"title": "title", "url": "url", "author": "author"}

_HEADER = re.compile(r"(?P<key>[A-Za-z]+)(?:(?P<colon>[ \t]*:)[ \t]*|[ \t]+)(?P<value>.*)")


def read_text(text: str, source: str, settings: Settings) -> Iterator[Article | Skip]:
    """One article from a plain-text document (headers, if any, become metadata)."""
    meta, body = split_headers(normalise_newlines(text))
    yield build_article(body, meta, settings, source)


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``, as a text-mode read would make them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_headers(text: str) -> tuple[Metadata, str]:
    """The metadata header lines at the top of ``text``, and the text without them."""
    meta = Metadata()
    lines = text.split("\n")
    index = _first_content_line(lines, 0)
    while index < len(lines):
        parsed = parse_header(lines[index])
        if parsed is None:
            break
        field, value, rest = parsed
        if getattr(meta, field) is None:
            meta = replace(meta, **{field: value})
            if field == "published" and not rest:  # a line holding only the date, and its time
                meta = replace(meta, published_at=published_time(_HEADER.fullmatch(
                    lines[index].strip())["value"]))
        if rest:
            # The date sat on the same line as the first words of the text.
            return meta, "\n".join([rest, *lines[index + 1:]])
        index += 1
    if index == _first_content_line(lines, 0):
        return meta, text
    return meta, "\n".join(lines[_first_content_line(lines, index):])


def parse_header(line: str) -> Optional[tuple[str, str, str]]:
    """``(Metadata field, value, rest of the line)`` if ``line`` is a header, else None."""
    found = _HEADER.fullmatch(line.strip())
    if found is None:
        return None
    key, value = found["key"].lower(), found["value"].strip()
    if key in TEXT_HEADER_KEYS and found["colon"] and value:
        return TEXT_HEADER_KEYS[key], value, ""
    if key in DATE_HEADER_KEYS and value:
        # A line holding only a date, in any form normalise_date reads ("date: Wed Nov 23,
        # 2016 | 3:02pm EST"); else a date opening the text, in one of match_date's forms.
        iso = normalise_date(value)
        if iso is not None:
            return DATE_HEADER_KEYS[key], iso, ""
        dated = match_date(value)
        if dated is not None:
            iso, end = dated
            return DATE_HEADER_KEYS[key], iso, value[end:].strip()
    return None


def _first_content_line(lines: list[str], start: int) -> int:
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index
