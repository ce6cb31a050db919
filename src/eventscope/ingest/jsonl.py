"""JSON Lines (one article object a line) and JSON (one object, or a list of objects).

Field names come from :class:`~eventscope.settings.Settings` (``json_text_field``,
``json_title_field``, ``json_date_fields`` tried in order, ``json_url_field``). A malformed or
unusable record is a :class:`Skip` naming its line (or list item); the rest of the file goes on.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Optional

from eventscope.ingest.article import Metadata, Skip, build_article, date_field
from eventscope.records import Article
from eventscope.settings import Settings

# Settings has no field for the author, so the conventional name is used.
AUTHOR_FIELDS: tuple[str, ...] = ("author", "authors", "byline")


def read_json_lines(
    lines: Iterable[bytes | str], source: str, settings: Settings
) -> Iterator[Article | Skip]:
    """One article per non-blank line; line numbers are 1-based."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                yield Skip(source, number, f"not valid UTF-8 (byte {error.start + 1} of the line)")
                continue
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            yield Skip(source, number, f"malformed JSON ({error.msg})")
            continue
        yield record_to_article(value, settings, source, line=number)


def read_json(text: str, source: str, settings: Settings) -> Iterator[Article | Skip]:
    """A JSON document: one object or a list of objects.

    A document that does not parse as a whole but opens with a one-line object is JSON Lines
    under another name (common for ``.json`` files and piped input), and is read line by line.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if _looks_like_json_lines(text):
            yield from read_json_lines(text.split("\n"), source, settings)
        else:
            yield Skip(source, error.lineno, f"malformed JSON ({error.msg})")
        return
    if isinstance(value, list):
        for item, element in enumerate(value, start=1):
            yield record_to_article(element, settings, source, item=item)
    else:
        yield record_to_article(value, settings, source)


def record_to_article(
    value: Any,
    settings: Settings,
    source: str,
    *,
    line: Optional[int] = None,
    item: Optional[int] = None,
) -> Article | Skip:
    """An article from one decoded JSON value, or a Skip saying what is wrong with it."""
    prefix = f"item {item}: " if item is not None else ""
    if not isinstance(value, dict):
        return Skip(source, line, f"{prefix}not a JSON object ({type(value).__name__})")
    text = value.get(settings.json_text_field)
    if text is None or (isinstance(text, str) and not text.strip()):
        return Skip(source, line, f"{prefix}missing or empty {settings.json_text_field!r} field")
    if not isinstance(text, str):
        return Skip(source, line, f"{prefix}{settings.json_text_field!r} field is not a string")
    published, unread_date = _first_date(value, settings.json_date_fields)
    meta = Metadata(
        title=_string(value.get(settings.json_title_field)),
        url=_string(value.get(settings.json_url_field)),
        published=published,
        unread_date=unread_date,
        author=_author(value),
        external_id=_external_id(value.get(settings.json_id_field)),
    )
    return build_article(text, meta, settings, source, line=line, item=item)


def _first_date(
    value: dict[str, Any], fields: Iterable[str]
) -> tuple[Optional[str], Optional[str]]:
    """The first readable date of ``fields``, else the first value given but not readable."""
    unread = None
    for field in fields:
        published, not_read = date_field(value.get(field))
        if published is not None:
            return published, None
        unread = unread or not_read
    return None, unread


def _author(value: dict[str, Any]) -> Optional[str]:
    for field in AUTHOR_FIELDS:
        author = value.get(field)
        if isinstance(author, list):
            author = ", ".join(a for a in author if isinstance(a, str) and a.strip())
        if _string(author):
            return _string(author)
    return None


def _string(value: object) -> Optional[str]:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _looks_like_json_lines(text: str) -> bool:
    # A JSON Lines record is one object on one line; a pretty-printed document opens with a
    # bare "{" or "[" line instead.
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first.startswith("{") and first.endswith("}")


def _external_id(value: Any) -> Optional[str]:
    """The publisher's id as a string; numbers are kept, other types ignored."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return _string(value)
