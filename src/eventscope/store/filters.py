"""What a query may ask: the filters as frozen records, and the checks every value passes.

Every value reaches the database as a bound parameter. A text filter is a literal substring
(``%`` and ``_`` are characters like any other) unless the filter's ``like`` is set, when
``%`` stands for any run of characters and ``_`` for one. Values are limited in length and
may hold no control characters or invalid Unicode; a value that breaks a rule is one
:class:`~eventscope.errors.InputError` naming the filter and the reason, before any query runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Optional

from eventscope.errors import InputError

MAX_NAME_CHARS = 200  # actor, recipient, speaker, name
MAX_TEXT_CHARS = 500  # text
MAX_CODE_CHARS = 32  # country, type, sector, mode, source, label, dates
MAX_ROWS = 1_000_000_000  # limit and offset
MAX_NAMES = 20_000  # different stored names one name filter may stand for
NAME_FIELDS = frozenset({"actor", "recipient", "speaker", "name"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_PERCENTS = re.compile(r"%{2,}")


@dataclass(frozen=True)
class EventFilter:
    actor: Optional[str] = None  # any name of an actor (see eventscope.store.names), or code
    recipient: Optional[str] = None
    country: Optional[str] = None
    type: Optional[str] = None
    sector: Optional[str] = None  # actor or recipient sector: GOV, MIL, REB, ...
    mode: Optional[str] = None  # PLOVER mode of the event type
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    text: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0
    like: bool = False  # text is a LIKE pattern: % any characters, _ one


@dataclass(frozen=True)
class QuoteFilter:
    speaker: Optional[str] = None  # any name of the speaker, or the words naming them
    country: Optional[str] = None
    text: Optional[str] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0
    like: bool = False


@dataclass(frozen=True)
class ArticleFilter:
    text: Optional[str] = None
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    limit: Optional[int] = None
    offset: int = 0
    like: bool = False


@dataclass(frozen=True)
class ActorFilter:
    name: Optional[str] = None  # a full name, a surname, or part of a name; titles ignored
    country: Optional[str] = None
    sector: Optional[str] = None
    source: Optional[str] = None  # code_source: description, dictionary, spelling, surname
    label: Optional[str] = None  # PERSON or ORG (default: both)
    limit: Optional[int] = None
    offset: int = 0


def _limit(name: str) -> int:
    if name in NAME_FIELDS:
        return MAX_NAME_CHARS
    return MAX_TEXT_CHARS if name == "text" else MAX_CODE_CHARS


def check_value(name: str, value: object, limit: Optional[int] = None) -> None:
    """Raise :class:`InputError` if the filter value ``value`` of ``name`` breaks a rule."""
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not 0 <= value <= MAX_ROWS:
            raise InputError(f"the {name} filter must be between 0 and {MAX_ROWS:,}, not {value}")
        return
    if not isinstance(value, str):
        raise InputError(f"the {name} filter must be text, not {type(value).__name__}")
    limit = limit or _limit(name)
    if len(value) > limit:
        raise InputError(f"the {name} filter is {len(value):,} characters long, "
                         f"over the {limit:,} limit")
    if _CONTROL.search(value):
        raise InputError(f"the {name} filter holds a control character or invalid Unicode")


def check_filter(f) -> None:
    """Check every value of the filter record ``f``; the first bad one raises."""
    for item in fields(f):
        check_value(item.name, getattr(f, item.name))


def like_pattern(value: str, wildcards: bool = False) -> str:
    """A LIKE pattern (escape character backslash) for rows containing ``value``: taken
    literally, or with ``wildcards`` its ``%`` and ``_`` as LIKE's, runs of ``%`` as one."""
    if wildcards:
        escaped = _PERCENTS.sub("%", value.replace("\\", "\\\\"))
    else:
        escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
