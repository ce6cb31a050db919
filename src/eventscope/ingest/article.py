"""Building an Article: the text is NFC-normalised once, and the id is a hash of that text.

Every reader (plain text, HTML, JSON) ends in :func:`build_article`, so the same checks (empty
text, ``max_chars``) and the same date normalisation apply whatever the format; an input that
fails them becomes a :class:`Skip`, never an exception. A publication date that cannot be read
is a warning naming the article, which is kept without a date.
"""
from __future__ import annotations

import functools
import logging
import re
import warnings
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Optional

from dateutil import parser as date_parser

from eventscope.records import Article, content_id
from eventscope.settings import Settings

log = logging.getLogger(__name__)

# Month and weekday names as data: parsing them ourselves keeps dates locale-independent
# (strptime's %B follows the process locale).
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = frozenset({
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
    "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
})

_WEEKDAY = r"(?:(?P<weekday>[A-Za-z]+)\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
# A date must end at whitespace or the end of the string, so "6 July 2023," is not a date
# prefix and "Published 6 July 2023, the report said" stays text.
_END = r"(?=\s|$)"
_DATE_PATTERNS = (
    re.compile(
        r"(?P<iso>(?P<year>\d{4})-(?P<mon>\d{2})-(?P<dd>\d{2}))"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?" + _END
    ),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})" + _END),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+(?P<y>\d{4})" + _END),
)
# Wire services separate a date from its time with a bar or a dot:
# "Wed Nov 23, 2016 | 3:02pm EST".
_DATE_SEPARATORS = re.compile(r"\s*[|\u00b7\u2022]\s*")
# Day and month both given as numbers up to 12, year last ("05/06/2023"): the order is the
# publisher's convention, which the value does not say.
_NUMERIC_DAY_MONTH = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
# Two defaults differing in every field: a field that dateutil filled from the default differs
# between the two readings, so a value without a day, month or year is told apart.
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))
MAX_DATE_CHARS = 100  # longer values are text, not a date field
# Two clocks differing in hour, minute and second: a value whose time differs between the two
# readings names no time.
_CLOCKS = (datetime(1901, 1, 1, 0, 0, 0), datetime(1901, 1, 1, 1, 1, 1))
# Zone names news feeds write after a time: a UTC offset in hours, or a tz database zone
# where the offset depends on the date (summer time). Ambiguous names (IST, CST in Asia) are
# left out: such a time is kept without an offset.
ZONES: dict[str, float | str] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "GST": 4, "PKT": 5, "HKT": 8, "SGT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10,
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}


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
    external_id: Optional[str] = None,
    published_at: Optional[str] = None,
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
        external_id=external_id,
        published_at=published_at,
    )


@dataclass(frozen=True)
class Skip:
    """An input (a file, or one JSON Lines record) that was not read, and why."""

    source: str  # path, or "<stdin>"
    line: Optional[int]  # 1-based line for JSON Lines, else None
    reason: str

    def message(self) -> str:
        """One line for the user: ``data/a.jsonl:57: skipped: malformed JSON (...)``."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: skipped: {self.reason}"


@dataclass(frozen=True)
class Metadata:
    """What a format says about an article besides its text; every field optional."""

    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO YYYY-MM-DD
    published_at: Optional[str] = None  # date and time with its offset, see published_time
    author: Optional[str] = None
    external_id: Optional[str] = None
    unread_date: Optional[str] = None  # a date value given but not readable, for the warning


def match_date(text: str) -> Optional[tuple[str, int]]:
    """The date at the start of ``text`` as ``(YYYY-MM-DD, end offset)``, or None.

    Accepts ISO dates and datetimes (the date part is kept) and written dates in either
    order ("6 July 2023", "Thursday, July 6th, 2023").
    """
    for pattern in _DATE_PATTERNS:
        found = pattern.match(text)
        if found is None:
            continue
        iso = _iso_of(found)
        if iso is not None:
            return iso, found.end()
    return None


def normalise_date(value: object) -> Optional[str]:
    """``value`` as an ISO day (YYYY-MM-DD) if it is one complete date, else None.

    Reads every common form through dateutil: ISO 8601 with or without time and zone, RFC 2822
    ("Wed, 23 Nov 2016 15:02:00 -0500"), wire style ("Wed Nov 23, 2016 | 3:02pm EST"),
    "23 November 2016", "November 23, 2016", "2016/11/23". The day is the one written, in the
    publisher's own time zone (not moved to UTC). A value missing its day, month or year
    ("July 2023"), an impossible day, and an all-numeric day/month order that could be read
    either way ("05/06/2023") are None: refused, not guessed.
    """
    if not isinstance(value, str):
        return None
    value = _DATE_SEPARATORS.sub(" ", value.strip())
    if not value or len(value) > MAX_DATE_CHARS or _ambiguous_day_month(value):
        return None
    try:
        readings = {date_parser.parse(value, default=d, ignoretz=True).date() for d in _DEFAULTS}
    # dateutil's ParserError is a ValueError; a seconds field of 40 digits is a decimal
    # InvalidOperation, an ArithmeticError like OverflowError
    except (ValueError, ArithmeticError):
        return None
    return readings.pop().isoformat() if len(readings) == 1 else None


def published_time(value: object) -> Optional[str]:
    """The date and time ``value`` gives, in ISO 8601 with its zone's UTC offset as written
    ("Wed Nov 23, 2016 | 3:02pm EST" -> "2016-11-23T15:02:00-05:00"), without an offset when
    no zone is named or the zone is not one of :data:`ZONES`; None when it gives no time or is
    no date :func:`normalise_date` reads. Its day is always :func:`normalise_date`'s."""
    day = normalise_date(value)
    if day is None:
        return None
    value = _DATE_SEPARATORS.sub(" ", str(value).strip())
    try:
        with warnings.catch_warnings():  # an unknown zone name: the time is kept without one
            warnings.simplefilter("ignore")
            readings = [date_parser.parse(value, default=d, tzinfos=_zones()) for d in _CLOCKS]
    except (ValueError, ArithmeticError, TypeError):
        return None
    first, second = readings
    if (first.hour, first.minute) != (second.hour, second.minute) or first.date().isoformat() != day:
        return None  # no time given (or a zone that moves the day: not the day written)
    try:
        return first.isoformat(timespec="seconds")
    except ValueError:  # an offset of a day or more ("-4500"), found by fuzzing: no time then
        return None


def first_time(values) -> Optional[str]:
    """:func:`published_time` of the first of ``values`` that is a readable date."""
    return next((published_time(v) for v in values if normalise_date(v) is not None), None)


@functools.lru_cache(maxsize=1)
def _zones() -> dict[str, object]:
    """:data:`ZONES` as dateutil takes them: offsets in seconds, or tz database zones."""
    from dateutil import tz

    found: dict[str, object] = {}
    for name, zone in ZONES.items():
        found[name] = zone * 3600 if isinstance(zone, (int, float)) else tz.gettz(zone)
    return {name: zone for name, zone in found.items() if zone is not None}


def date_field(value: object) -> tuple[Optional[str], Optional[str]]:
    """``(ISO day, None)`` for a readable date, ``(None, value as text)`` for a value given but
    not readable (to be reported), ``(None, None)`` for no value."""
    published = normalise_date(value)
    if published is not None or value is None or (isinstance(value, str) and not value.strip()):
        return published, None
    return None, " ".join(str(value).split())[:MAX_DATE_CHARS]


def build_article(
    text: str,
    meta: Metadata,
    settings: Settings,
    source: str,
    *,
    line: Optional[int] = None,
    item: Optional[int] = None,
) -> Article | Skip:
    """An :class:`Article`, or a :class:`Skip` naming ``source`` if the text is unusable.

    ``line`` is the 1-based line of a JSON Lines record (source becomes ``path:LINE``);
    ``item`` the 1-based position in a JSON list (source ``path#ITEM``). Leading and trailing
    whitespace is dropped so that one text gets one id in any format.
    """
    text = text.strip()
    reason = None
    if not text:
        reason = "empty text"
    elif len(text) > settings.max_chars:
        reason = (
            f"text is {len(text):,} characters, over the {settings.max_chars:,} limit "
            "(max_chars; one file of many articles? give them as JSON Lines, one a line)"
        )
    if reason is not None:
        return Skip(source, line, f"item {item}: {reason}" if item else reason)
    if line is not None:
        source = f"{source}:{line}"
    elif item is not None:
        source = f"{source}#{item}"
    if meta.published is None and meta.unread_date is not None:
        log.warning("%s: publication date %r not read; article kept without a date",
                    source, meta.unread_date)
    return make_article(
        text, title=meta.title, url=meta.url, published=meta.published, source=source,
        author=meta.author, external_id=meta.external_id,
        published_at=meta.published_at if meta.published else None,
    )


def _iso_of(found: re.Match[str]) -> Optional[str]:
    groups = found.groupdict()
    if groups.get("iso"):
        return _valid(int(groups["year"]), int(groups["mon"]), int(groups["dd"]))
    weekday = groups.get("weekday")
    if weekday and weekday.lower() not in WEEKDAYS:
        return None
    month = MONTHS.get(groups["month"].lower())
    if month is None:
        return None
    return _valid(int(groups["y"]), month, int(groups["day"]))


def _valid(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _ambiguous_day_month(value: str) -> bool:
    found = _NUMERIC_DAY_MONTH.match(value)
    return found is not None and found[1] != found[2] and max(int(found[1]), int(found[2])) <= 12
