"""Normalise one temporal expression to a TIMEX3 (type, value), given the publication date.

Pure and table-driven: ``normalise("last week", date(2023, 7, 6))`` is ``("DATE", "2023-W26")``.
``tense`` ("past", "present", "future" or None) decides the direction of expressions that do
not say it themselves: bare weekdays, months and days of a month. Past tense looks back from
the publication date, future forward; present and unknown take the nearest reading (news
mostly reports what happened, so an unknown weekday looks back).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

from eventscope.lexicons.temporal import (
    AGO, CENTURY, CLOCK, DAY_MONTH_YEAR, DECADE, DURATION, EVERY, FISCAL, FIXED_PHRASES,
    FUTURE_REF, HALF, HALVES, HOLIDAY, HOLIDAYS, ISO, LEADING_NOISE, MONTH_DAY_YEAR, MONTH_YEAR,
    MONTHS, NUMBERS, ORDINALS, PART_OF_DAY, PARTS_OF_DAY, PAST_REF, POSITION_MODS, PRESENT_REF,
    QUANTITY_MODS, QUARTER, RELATIVE, RELATIVE_SHIFTS, SEASON, SEASONS, SET_WORDS, UNIT_PLURALS,
    UNITS, WEEKDAYS, YEAR,
)

_NOISE = sorted(LEADING_NOISE, key=len, reverse=True)
_POSITION = sorted(POSITION_MODS, key=len, reverse=True)
_QUANTITY = sorted(QUANTITY_MODS, key=len, reverse=True)
_BARE_UNITS = {"year", "month", "week", "day", "decade", "century", "quarter"}
_NUMBER_START = re.compile(
    r"^(?:\d|(?:" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")\b)")


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 reading: ``type`` DATE/TIME/DURATION/SET, ``value`` None when unresolved."""

    type: str
    value: Optional[str]
    anchored: bool = False  # the value was computed from the publication date


Rule = Callable[[str, Optional[date], Optional[str]], Optional[Timex]]


def normalise(text: str, dct: Optional[date], tense: Optional[str] = None) -> Timex:
    """The TIMEX3 type and value of ``text``; value None when it cannot be resolved."""
    t = clean(text)
    if t not in FIXED_PHRASES:
        t = core_of(t)
    for rule in RULES:
        found = rule(t, dct, tense)
        if found is not None:
            return found
    return Timex("DATE", None)


# --- text helpers --------------------------------------------------------------------------


def clean(text: str) -> str:
    """Lower-cased, one space between words, typographic quotes and dashes made plain."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"(?<=[a-z])\.(?=\d)", ". ", re.sub(r"[\u2010-\u2015]", "-", t))  # "Dec.14"
    t = " ".join(t.split()).strip(" ,;:!?\"()[]")
    return t if re.search(r"[ap]\.m\.$", t) else t.rstrip(".")


def _strip_prefix(t: str, words: list[str], need_number: bool = False) -> tuple[str, bool]:
    for word in words:
        if t.startswith(word + " ") or (word.endswith("-") and t.startswith(word)):
            rest = t[len(word):].lstrip()
            if rest and (not need_number or _NUMBER_START.match(rest)):
                return rest, True
    return t, False


def core_of(t: str) -> str:
    """What decides the value: no preposition, quantity or position modifier, possessive."""
    t = re.sub(r"'s?$", "", t).strip()
    position = False
    changed = True
    while changed:
        t, a = _strip_prefix(t, _NOISE)
        t, b = _strip_prefix(t, _QUANTITY, need_number=True)
        t, c = _strip_prefix(t, _POSITION)
        position = position or c
        changed = a or b or c
    if t in ("year-end", "year end"):
        return "this year"
    bare = t[4:] if t.startswith("the ") else t
    if position and bare in _BARE_UNITS:
        return "this " + bare
    return t


def number(word: Optional[str]) -> Optional[float]:
    """The number a word or numeral stands for; None for vague quantities ("several")."""
    if word is None:
        return None
    word = word.lower().strip()
    try:
        return float(NUMBERS[word]) if word in NUMBERS else float(word.replace(",", ""))
    except ValueError:
        return None


def unit_of(word: str) -> str:
    """The singular unit of a unit word: "centuries" -> "century"."""
    word = word.lower()
    singular = word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
    return UNIT_PLURALS.get(word, singular)


# --- calendar helpers ---------------------------------------------------------------------


def week(d: date) -> str:
    year, number_, _ = d.isocalendar()
    return f"{year}-W{number_:02d}"


def shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def weekday_date(dct: date, weekday: int, tense: Optional[str]) -> date:
    """The weekday nearest the publication date in the direction the tense points."""
    if tense == "future":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7 or 7)
    if tense == "present":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7)
    return dct - timedelta(days=(dct.weekday() - weekday) % 7)


def year_for(month: int, day: Optional[int], dct: date, tense: Optional[str]) -> int:
    """The year of a month (and day) written without one."""
    here, there = (dct.month, dct.day if day else 1), (month, day or 1)
    if tense == "past":
        return dct.year - 1 if there > here and month != dct.month else dct.year
    if tense == "future":
        return dct.year + 1 if there < here and month != dct.month else dct.year
    months_ahead = (month - dct.month) % 12
    if months_ahead == 0:
        return dct.year
    return dct.year + 1 if months_ahead <= 2 and month < dct.month else (
        dct.year - 1 if months_ahead > 6 and month > dct.month else dct.year)


def _date_value(dct: Optional[date], make: Callable[[date], str]) -> Timex:
    """A DATE computed from the publication date, or unresolved without one."""
    return Timex("DATE", make(dct), True) if dct else Timex("DATE", None)


# --- rules, most specific first ---------------------------------------------------------


def _absolute(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    if m := ISO.match(t):
        return Timex("DATE", m.group(0))
    m = DAY_MONTH_YEAR.match(t) or MONTH_DAY_YEAR.match(t)
    if m:
        month, day, year = MONTHS[m.group("month")], int(m.group("day")), m.group("year")
        if not 1 <= day <= 31:
            return None
        anchored = year is None and dct is not None
        year = year or (str(year_for(month, day, dct, tense)) if dct else "XXXX")
        return Timex("DATE", f"{year}-{month:02d}-{day:02d}", anchored)
    if m := MONTH_YEAR.match(t):
        month, year = MONTHS[m.group(1)], m.group(2)
        anchored = year is None and dct is not None
        year = year or (str(year_for(month, None, dct, tense)) if dct else "XXXX")
        return Timex("DATE", f"{year}-{month:02d}", anchored)
    return _years(t)


def holiday_date(name: str, year: int) -> date:
    rule = HOLIDAYS[name]
    if len(rule) == 2:
        return date(year, rule[0], rule[1])
    month, weekday, nth = rule
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = HOLIDAY.match(t)
    if not m:
        return None
    word, name, year = m.groups()
    if year:
        return Timex("DATE", holiday_date(name, int(year)).isoformat())
    if dct is None:
        rule = HOLIDAYS[name]
        return Timex("DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if len(rule) == 2 else None)
    this_year = holiday_date(name, dct.year)
    direction = {"last": "past", "this past": "past", "next": "future"}.get(word, tense)
    found = holiday_date(name, year_for(this_year.month, this_year.day, dct, direction))
    return Timex("DATE", found.isoformat(), True)


def _years(t: str) -> Optional[Timex]:
    if m := YEAR.match(t):
        return Timex("DATE", m.group(1))
    if m := FISCAL.match(t):
        return Timex("DATE", f"FY{m.group(1)}")
    if m := DECADE.match(t):
        digits = next(g for g in m.groups() if g)
        if len(digits) == 1:  # "the '90s" is the 1990s, "the '20s" the 2020s
            digits = ("19" if digits > "2" else "20") + digits
        return Timex("DATE", digits)
    if m := CENTURY.match(t):
        n = ORDINALS.get(m.group(1)) or int(re.sub(r"\D", "", m.group(1)) or 0)
        return Timex("DATE", f"{n - 1:02d}") if n > 0 else None
    return None


def _parts_of_year(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = SEASON.match(t) or QUARTER.match(t) or HALF.match(t)
    if not m:
        return None
    word, of = m.group(1), next((g for g in m.groups()[1:] if g), None)
    if m.re is SEASON:
        code = SEASONS[word]
    elif m.re is QUARTER:
        n = ORDINALS.get(word, 4)
        code = f"Q{4 if n < 0 else n}"
    else:
        code = HALVES[word]
    if of:
        year = normalise(of, dct, tense)
        if year.value is None or not re.fullmatch(r"\d{4}|FY\d{4}", year.value):
            return None
        return Timex("DATE", f"{year.value.removeprefix('FY')}-{code}", year.anchored)
    return Timex("DATE", f"{dct.year}-{code}", True) if dct else Timex("DATE", f"XXXX-{code}")


def _clock(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = CLOCK.match(t)
    if not m:
        return None
    ampm = (m.group("ampm") or "").replace(".", "")
    if not (ampm or m.group("m") or m.group("noon")):
        return None  # a bare number is not a time of day
    hour, minute = int(m.group("h") or 0), int(m.group("m") or 0)
    second = f":{m.group('s')}" if m.group("s") else ""
    if m.group("noon"):
        hour, minute = (12, 0) if m.group("noon") == "noon" else (24, 0)
    elif ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59 or int(m.group("s") or 0) > 59:
        return None
    rest = " ".join(p for p in (m.group("pre"), m.group("post")) if p)
    day = normalise(rest, dct, tense) if rest else _date_value(dct, date.isoformat)
    base = day.value if day.type == "DATE" and day.value and len(day.value) == 10 else "XXXX-XX-XX"
    return Timex("TIME", f"{base}T{hour:02d}:{minute:02d}{second}", day.anchored)


def _references(t: str, dct, tense) -> Optional[Timex]:
    for words, value in ((PRESENT_REF, "PRESENT_REF"), (PAST_REF, "PAST_REF"),
                         (FUTURE_REF, "FUTURE_REF")):
        if t in words:
            return Timex("DATE", value)
    return None


_DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2, "tonight": 0, "overnight": 0, "this": 0,
                "last": -1}


def _days(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    if t in ("tonight", "overnight"):
        return Timex("TIME", f"{dct.isoformat()}TNI", True) if dct else Timex("TIME", None)
    if t in _DAY_OFFSETS and t not in ("this", "last"):
        return _date_value(dct, lambda d: (d + timedelta(days=_DAY_OFFSETS[t])).isoformat())
    if t in ("the weekend", "weekend"):
        if dct is None:
            return Timex("DATE", None)
        saturday = weekday_date(dct, 5, "present" if tense in ("future", "present") else "past")
        return Timex("DATE", week(saturday) + "-WE", True)
    if t in WEEKDAYS:
        if dct is None:
            return Timex("DATE", f"XXXX-WXX-{WEEKDAYS[t] + 1}")
        return Timex("DATE", weekday_date(dct, WEEKDAYS[t], tense).isoformat(), True)
    if m := PART_OF_DAY.match(t):
        head, part = m.group(1), PARTS_OF_DAY[m.group(2)]
        if head in WEEKDAYS or head in ("today", "yesterday", "tomorrow"):
            day = _days(head, dct, tense)
        elif head in ("this", "last", "the"):
            back = _DAY_OFFSETS.get(head, 0) if part == "NI" else 0  # "last night" only
            day = _date_value(dct, lambda d: (d + timedelta(days=back)).isoformat())
        else:
            day = normalise(head, dct, tense)
        if day.value and len(day.value) >= 10 and day.type == "DATE":
            return Timex("TIME", f"{day.value}T{part}", day.anchored)
        return Timex("TIME", None)
    return None


def _ago(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = AGO.match(t)
    if not m:
        return None
    n, unit = number(m.group(1)), unit_of(m.group(2))
    if m.group(3) in ("before", "after") or (n is None and m.group(3) in ("earlier", "later")):
        # anchored on another event, not on the DCT: only the length is known
        return _duration_value(n, unit)
    sign = -1 if m.group(3) in ("ago", "earlier") else 1
    if n is None:
        return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if dct is None:
        return Timex("DATE", None)
    return Timex("DATE", _offset(dct, sign * n, unit), True)


def _offset(dct: date, n: float, unit: str) -> str:
    """The date ``n`` units from ``dct``, at the granularity of the unit."""
    grain, size = UNITS[unit][2], UNITS[unit][3]
    whole = int(round(n * size))
    if grain in ("second", "minute", "hour", "day"):
        days = whole if grain == "day" else 0
        return (dct + timedelta(days=days)).isoformat()
    if grain == "week":
        return week(dct + timedelta(weeks=whole))
    if grain == "month":
        year, month = shift_month(dct, whole)
        return f"{year}-{month:02d}"
    if grain == "quarter":
        year, month = shift_month(dct, 3 * whole)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    year = dct.year + whole
    return str(year) if grain == "year" else str(year)[:3 if grain == "decade" else 2]


def _relative(t: str, dct: Optional[date], tense) -> Optional[Timex]:
    m = RELATIVE.match(t)
    if not m:
        return None
    shift, word = RELATIVE_SHIFTS[m.group(1)], m.group(2)
    unit = unit_of(word)
    if shift is None or dct is None:
        return Timex("DATE", None)
    if word in WEEKDAYS:
        direction = {-1: "past", 1: "future"}.get(shift, "past" if tense == "past" else "present")
        return Timex("DATE", weekday_date(dct, WEEKDAYS[word], direction).isoformat(), True)
    if word in MONTHS:
        month = MONTHS[word]
        year = dct.year + (-1 if shift < 0 and month >= dct.month else 0) + (
            1 if shift > 0 and month <= dct.month else 0)
        return Timex("DATE", f"{year}-{month:02d}", True)
    if word in SEASONS:
        return Timex("DATE", f"{dct.year + shift}-{SEASONS[word]}", True)
    value = _offset(dct, shift, unit)
    return Timex("DATE", value + ("-WE" if unit == "weekend" else ""), True)


def _duration_value(n: Optional[float], unit: str) -> Timex:
    letter, is_time, _grain, size = UNITS[unit]
    total = None if n is None else n * size
    if total is not None and total < 1 and unit == "hour":
        return Timex("DURATION", f"PT{int(total * 60)}M")
    amount = "X" if total is None else f"{total:g}"
    if unit in ("decade", "century") and n is None:
        letter = "DE" if unit == "decade" else "CE"
    return Timex("DURATION", f"P{'T' if is_time else ''}{amount}{letter}")


def _sets(t: str, dct, tense) -> Optional[Timex]:
    if t in SET_WORDS:
        return Timex("SET", SET_WORDS[t])
    m = EVERY.match(t)
    if not m:
        return None
    n, word = number(m.group(1)) if m.group(1) else 1.0, m.group(2)
    if word in WEEKDAYS:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}")
    if word in PARTS_OF_DAY:
        return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
    if word in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[word]}")
    return Timex("SET", _duration_value(n, unit_of(word)).value)


def _duration(t: str, dct, tense) -> Optional[Timex]:
    m = DURATION.match(t)
    if not m or (m.group(1) is None and unit_of(m.group(2)) == m.group(2)):
        return None  # "the day" is anaphoric; a bare plural ("years") is a vague duration
    return _duration_value(number(m.group(1)) if m.group(1) else None, unit_of(m.group(2)))


RULES: tuple[Rule, ...] = (_absolute, _holiday, _parts_of_year, _sets, _clock, _references,
                           _days, _ago, _relative, _duration)
