"""Normalise one temporal expression to a TIMEX3 (type, value), given the publication date.

Pure and table-driven: ``normalise("last week", date(2023, 7, 6))`` is ``("DATE", "2023-W26")``.
``tense`` ("past", "future" or None) decides the direction of bare weekdays and months.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from eventscope.lexicons.temporal import (
    FUTURE_REF, MONTHS, NUMBERS, PARTS_OF_DAY, PAST_REF, PRESENT_REF, SEASONS, SET_WORDS, UNITS,
    VAGUE_NUMBERS, WEEKDAYS,
)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?|" + "|".join(sorted((k for k in NUMBERS), key=len, reverse=True))
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True))

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
DAY_MONTH_YEAR = re.compile(rf"^(?:\w+,? )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH})\.?,?(?: (\d{{4}}))?$")
MONTH_DAY_YEAR = re.compile(rf"^(?:\w+,? )?({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?$")
MONTH_YEAR = re.compile(rf"^(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of) )?(?:-)?({_MONTH})\.?,?(?: of)?(?: (\d{{4}}))?$")
YEAR = re.compile(r"^(?:(?:early|mid|late|the end of|the beginning of|in) )?(\d{4})$")
DECADE = re.compile(r"^(?:the )?(?:early |mid-|late )?(\d{3})0s$")
AGO = re.compile(rf"^({_NUM}|{_VAGUE}) ({_UNIT})s? (?:ago|earlier|before)$")
DURATION = re.compile(rf"^(?:the )?(?:(?:past|last|next|coming|first|previous|following) )?({_NUM}|{_VAGUE})[- ]({_UNIT})s?(?:[- ]long| old)?$")
RELATIVE = re.compile(rf"^(?:the )?(last|past|previous|this|next|coming|current|following|same) ({_UNIT}|{'|'.join(WEEKDAYS)}|{'|'.join(SEASONS)}|{_MONTH})$")
SEASON_YEAR = re.compile(rf"^(?:the )?({'|'.join(SEASONS)})(?: of)? (\d{{4}})$")
EVERY = re.compile(rf"^(?:every|each) ({_UNIT}|{'|'.join(WEEKDAYS)})$")
QUARTER = re.compile(r"^(?:the )?(first|second|third|fourth|last) quarter(?: of (\d{4}))?$")


@dataclass(frozen=True)
class Timex:
    type: str
    value: Optional[str]
    anchored: bool = False


def _number(word: str) -> Optional[float]:
    word = word.lower()
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word)
    except ValueError:
        return None


def _fmt_num(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def _weekday(dct: date, weekday: int, tense: Optional[str]) -> date:
    delta = (dct.weekday() - weekday) % 7
    if tense == "future":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    return dct - timedelta(days=delta)


def normalise(text: str, dct: Optional[date], tense: Optional[str] = None) -> Timex:
    """The TIMEX3 type and value of ``text``; value None when it cannot be resolved."""
    t = " ".join(text.lower().replace("’", "'").split()).strip(" .,")
    t = re.sub(r"^(?:on|in|at|by|since|until|from|during|for|of) ", "", t)
    for rule in (_absolute, _references, _relative_words, _ago, _relative_unit, _sets, _duration):
        found = rule(t, dct, tense)
        if found is not None:
            return found
    return Timex("DATE", None)


def _absolute(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    if m := ISO.match(t):
        return Timex("DATE", m.group(0))
    m = DAY_MONTH_YEAR.match(t) or MONTH_DAY_YEAR.match(t)
    if m:
        day, month, year = ((m.group(1), m.group(2), m.group(3)) if m.re is DAY_MONTH_YEAR
                            else (m.group(2), m.group(1), m.group(3)))
        year = year or (str(dct.year) if dct else "XXXX")
        return Timex("DATE", f"{year}-{MONTHS[month]:02d}-{int(day):02d}", anchored=not m.group(3) and dct is not None)
    if m := MONTH_YEAR.match(t):
        year = m.group(2) or (str(dct.year) if dct else "XXXX")
        return Timex("DATE", f"{year}-{MONTHS[m.group(1)]:02d}", anchored=not m.group(2) and dct is not None)
    if m := YEAR.match(t):
        return Timex("DATE", m.group(1))
    if m := DECADE.match(t):
        return Timex("DATE", m.group(1))
    if m := SEASON_YEAR.match(t):
        return Timex("DATE", f"{m.group(2)}-{SEASONS[m.group(1)]}")
    if m := QUARTER.match(t):
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[m.group(1)]
        year = m.group(2) or (str(dct.year) if dct else "XXXX")
        return Timex("DATE", f"{year}-Q{n}", anchored=not m.group(2) and dct is not None)
    return None


def _references(t: str, dct, tense) -> Optional[Timex]:
    if t in PRESENT_REF:
        return Timex("DATE", "PRESENT_REF", anchored=False)
    if t in PAST_REF or t.startswith("recent "):
        return Timex("DATE", "PAST_REF")
    if t in FUTURE_REF or t.startswith("the coming "):
        return Timex("DATE", "FUTURE_REF")
    return None


def _relative_words(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    if t in offsets:
        return Timex("DATE", (dct + timedelta(days=offsets[t])).isoformat() if dct else None, dct is not None)
    if t in WEEKDAYS:
        return Timex("DATE", _weekday(dct, WEEKDAYS[t], tense).isoformat() if dct else "XXXX-WXX-" + str(WEEKDAYS[t] + 1), dct is not None)
    words = t.split()
    if len(words) == 2 and words[1] in PARTS_OF_DAY and words[0] in ("this", "last", "yesterday", "tomorrow", "today", *WEEKDAYS):
        if dct is None:
            return Timex("TIME", None)
        shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(words[0], 0)
        base = _weekday(dct, WEEKDAYS[words[0]], tense) if words[0] in WEEKDAYS else dct + timedelta(days=shift)
        return Timex("TIME", f"{base.isoformat()}T{PARTS_OF_DAY[words[1]]}", True)
    if t == "tonight":
        return Timex("TIME", f"{dct.isoformat()}TNI" if dct else None, dct is not None)
    return None


def _ago(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = AGO.match(t)
    if not m:
        return None
    n = _number(m.group(1))
    letter, is_time, grain = UNITS[m.group(2)]
    if dct is None or n is None or is_time:
        return Timex("DATE", "PAST_REF" if n is None else None)
    n = int(n)
    if grain == "day":
        return Timex("DATE", (dct - timedelta(days=n)).isoformat(), True)
    if grain == "week":
        return Timex("DATE", _week(dct - timedelta(weeks=n)), True)
    if grain == "month":
        year, month = _shift_month(dct, -n)
        return Timex("DATE", f"{year}-{month:02d}", True)
    if grain == "year":
        return Timex("DATE", str(dct.year - n), True)
    return Timex("DATE", "PAST_REF")


def _relative_unit(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = RELATIVE.match(t)
    if not m:
        return None
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(m.group(1), 0)
    unit = m.group(2)
    if dct is None:
        return Timex("DATE", None)
    if unit in WEEKDAYS:
        base = _weekday(dct, WEEKDAYS[unit], "future" if shift > 0 else "past")
        return Timex("DATE", base.isoformat(), True)
    if unit in MONTHS:
        year = dct.year + (shift if shift < 0 and MONTHS[unit] >= dct.month else 0) + (
            shift if shift > 0 and MONTHS[unit] <= dct.month else 0)
        return Timex("DATE", f"{year}-{MONTHS[unit]:02d}", True)
    if unit in SEASONS:
        return Timex("DATE", f"{dct.year + shift}-{SEASONS[unit]}", True)
    grain = UNITS[unit][2]
    if grain == "day":
        return Timex("DATE", (dct + timedelta(days=shift)).isoformat(), True)
    if grain == "week":
        value = _week(dct + timedelta(weeks=shift))
        return Timex("DATE", value + ("-WE" if unit == "weekend" else ""), True)
    if grain == "month":
        year, month = _shift_month(dct, shift)
        return Timex("DATE", f"{year}-{month:02d}", True)
    if grain == "year":
        return Timex("DATE", str(dct.year + shift), True)
    if grain == "quarter":
        quarter = (dct.month - 1) // 3 + shift
        year = dct.year + quarter // 4
        return Timex("DATE", f"{year}-Q{quarter % 4 + 1}", True)
    return Timex("DATE", None)


def _sets(t: str, dct, tense) -> Optional[Timex]:
    if t in SET_WORDS:
        return Timex("SET", SET_WORDS[t])
    if m := EVERY.match(t):
        unit = m.group(1)
        if unit in WEEKDAYS:
            return Timex("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}")
        letter, is_time, _ = UNITS[unit]
        return Timex("SET", f"P{'T' if is_time else ''}1{letter}")
    return None


def _duration(t: str, dct, tense) -> Optional[Timex]:
    m = DURATION.match(t)
    if not m:
        return None
    n = None if m.group(1) in VAGUE_NUMBERS else _number(m.group(1))
    letter, is_time, _ = UNITS[m.group(2)]
    return Timex("DURATION", f"P{'T' if is_time else ''}{_fmt_num(n)}{letter}")
