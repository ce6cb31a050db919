"""JSON Lines (one article object a line) and JSON (one object, or a list of objects).

Field names come from :class:`~eventscope.settings.Settings` (``json_text_field``,
``json_title_field``, ``json_date_fields`` tried in order, ``json_url_field``). A malformed or
unusable record is a :class:`Skip` naming its line (or list item); the rest of the file goes on.
Hostile JSON is refused the same way: nesting deeper than Python's recursion limit, an integer
longer than its 4,300-digit conversion limit, and a field eventscope reads holding a lone
surrogate escape (``"\\ud800"``, not Unicode text) or a NUL character.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator, Optional

from eventscope.ingest.article import Metadata, Skip, build_article, date_field, first_time
from eventscope.records import Article
from eventscope.settings import Settings

# Settings has no field for the author, so the conventional name is used.
AUTHOR_FIELDS: tuple[str, ...] = ("author", "authors", "byline")
MAX_INT_DIGITS = 4300  # Python's int-from-string limit (sys.get_int_max_str_digits default)
_NOT_TEXT = re.compile("[\ud800-\udfff\x00]")


class _HugeNumber(ValueError):
    def __init__(self, digits: int):
        super().__init__(f"a number of {digits:,} digits, over the {MAX_INT_DIGITS:,}-digit limit")


def loads(text: str) -> tuple[Any, Optional[str], Optional[int]]:
    """``(value, None, None)`` for JSON that parses, else ``(None, reason, line)``."""
    try:
        return json.loads(text, parse_int=_bounded_int), None, None
    except json.JSONDecodeError as error:
        return None, f"malformed JSON ({error.msg})", error.lineno
    except _HugeNumber as error:
        return None, f"malformed JSON ({error})", None
    except RecursionError:
        return None, "malformed JSON (nested too deeply)", None


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
        value, reason, _ = loads(raw)
        if reason is not None:
            yield Skip(source, number, reason)
            continue
        yield record_to_article(value, settings, source, line=number)


def read_json(text: str, source: str, settings: Settings) -> Iterator[Article | Skip]:
    """A JSON document: one object or a list of objects.

    A document that does not parse as a whole but opens with a one-line object is JSON Lines
    under another name (common for ``.json`` files and piped input), and is read line by line.
    """
    value, reason, line = loads(text)
    if reason is not None:
        if _looks_like_json_lines(text):
            yield from read_json_lines(text.split("\n"), source, settings)
        else:
            yield Skip(source, line, reason)
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
    problem = _not_text(value, settings)
    if problem is not None:
        return Skip(source, line, prefix + problem)
    published, unread_date = _first_date(value, settings.json_date_fields)
    meta = Metadata(
        title=_string(value.get(settings.json_title_field)),
        url=_string(value.get(settings.json_url_field)),
        published=published,
        published_at=first_time(value.get(f) for f in settings.json_date_fields),
        unread_date=unread_date,
        author=_author(value),
        external_id=_external_id(value.get(settings.json_id_field)),
    )
    return build_article(text, meta, settings, source, line=line, item=item)


def _not_text(value: dict[str, Any], settings: Settings) -> Optional[str]:
    """What is wrong with the first field read that is not storable text, if any."""
    fields = (settings.json_text_field, settings.json_title_field, settings.json_url_field,
              settings.json_id_field, *settings.json_date_fields, *AUTHOR_FIELDS)
    for field in fields:
        field_value = value.get(field)
        strings = field_value if isinstance(field_value, list) else [field_value]
        for string in strings:
            found = _NOT_TEXT.search(string) if isinstance(string, str) else None
            if found is None:
                continue
            what = ("a NUL character" if found[0] == "\x00"
                    else f"a lone surrogate (\\u{ord(found[0]):04x}), not Unicode text,")
            return f"{field!r} field holds {what} at character {found.start() + 1}"
    return None


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _HugeNumber(len(digits.lstrip("-")))
    return int(digits)


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
