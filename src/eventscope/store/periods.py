"""The calendar days a TIMEX3 date value covers, so date filters compare days, not strings.

``period("2023-W27")`` is ``("2023-07-03", "2023-07-09")``; ``period("2023-07")`` is the whole
month. Values that name no calendar period (``PAST_REF``, ``XXXX-WXX-1``, durations) give
None, and the store falls back to the article's publication date.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from eventscope.errors import InputError

# first and last month of each TIMEX3 season, quarter and half; winter runs into the next year
PART_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14),
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?$")
_PART = re.compile(r"^(\d{4})-(" + "|".join(PART_MONTHS) + r")$")
_YEARS = re.compile(r"^(\d{2,4})X*$")  # 2023, 202 or 202X (a decade), 20 or 20XX (a century)

Period = tuple[str, str]


def period(value: Optional[str]) -> Optional[Period]:
    """First and last ISO day covered by a TIMEX3 date ``value`` (or an ISO date/datetime)."""
    if not value:
        return None
    try:
        for pattern, days in ((_DAY, _day), (_MONTH, _month), (_WEEK, _week), (_PART, _part),
                              (_YEARS, _years)):
            match = pattern.match(value.strip())
            if match:
                first, last = days(match)
                return first.isoformat(), last.isoformat()
    except ValueError:  # 2023-02-30, week 54: not a real day
        return None
    return None


def _day(m: re.Match) -> tuple[date, date]:
    day = date(int(m[1]), int(m[2]), int(m[3]))
    return day, day


def _month(m: re.Match) -> tuple[date, date]:
    return _months(int(m[1]), int(m[2]), int(m[2]))


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return (date(year, first, 1),
            date(end_year, end_month, calendar.monthrange(end_year, end_month)[1]))


def _week(m: re.Match) -> tuple[date, date]:
    monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[3] == "WE":
        return monday + timedelta(days=5), monday + timedelta(days=6)
    if m[3]:
        day = monday + timedelta(days=int(m[3]) - 1)
        return day, day
    return monday, monday + timedelta(days=6)


def _part(m: re.Match) -> tuple[date, date]:
    first, last = PART_MONTHS[m[2]]
    return _months(int(m[1]), first, last)


def _years(m: re.Match) -> tuple[date, date]:
    digits = m[1]
    if len(digits) == 4 and not m[0].endswith("X"):
        return date(int(digits), 1, 1), date(int(digits), 12, 31)
    span = 10 ** (4 - len(digits))
    first = int(digits) * span
    return date(max(first, 1), 1, 1), date(first + span - 1, 12, 31)


def bounds(date_from: Optional[str], date_to: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Filter bounds as days: ``date_to="2023-07"`` means up to and including 31 July."""
    low = _bound("date_from", date_from)
    high = _bound("date_to", date_to)
    return (low[0] if low else None), (high[1] if high else None)


def _bound(name: str, value: Optional[str]) -> Optional[Period]:
    if not value:
        return None
    found = period(value)
    if found is None:
        raise InputError(f"{name} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return found
