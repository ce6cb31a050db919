"""Roles articles stated for persons, written as a PETRARCH actor dictionary.

For every person whose codes an article's own words gave ("Ruritanian Foreign Minister Ivo
Marek" -> RUTGOV, code source "description"), one entry in the format the actor dictionary
reads (:mod:`eventscope.extract.actor_files`), each role from the first day an article stated
it, and where it was learned::

    IVO_MAREK_
    [RUTGOV >160302]  # "Ruritanian Foreign Minister" in article 3fa2c91b0e4d5a6b of 2016-03-02

Given back as a user actor dictionary (the ``actor_dictionaries`` setting), the roles code the
name in other articles. A name with several roles lists the newest first: the reader takes
the first listed of the periods a day falls in, and the newest for a lookup without a date.
Left out: names of one word (a surname alone could be anyone's) and roles with no country
(a sector alone would be read as a country code).
"""
from __future__ import annotations

import datetime
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union

from eventscope.store.queries import ActorRow, fold_name

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")  # as the reader tokenises, without periods
HEADER = ("# Actor roles stated in stored articles, learned by eventscope "
          "(eventscope actors --dictionary).\n"
          "# Give this file as a user actor dictionary (setting actor_dictionaries).\n")


@dataclass(frozen=True)
class DictionarySummary:
    entries: int  # names written
    roles: int  # role lines written
    skipped: int  # actor rows left out: one-word names, roles with no country
    path: str


def entry_name(name: str) -> Optional[str]:
    """A dictionary entry for ``name``: upper case, words joined by "_", a trailing "_" (a
    whole word); None for a name of fewer than two words. "Ivo Marék" -> "IVO_MAREK_"."""
    words = _WORD.findall(fold_name(name).upper())
    return "_".join(words) + "_" if len(words) >= 2 else None


def day_code(published: Optional[str]) -> Optional[str]:
    """A publication date as the reader takes it: YYMMDD for 1931-2030 (its two-digit
    years), YYYYMMDD otherwise; None when the date is unknown or unreadable."""
    try:
        day = datetime.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    return day.strftime("%y%m%d" if 1931 <= day.year <= 2030 else "%Y%m%d")


def role_line(row: ActorRow) -> str:
    """``[CODE >YYMMDD]`` (``[CODE]`` when no date is known) and where it was learned."""
    day = day_code(row.first)
    evidence = " ".join((row.evidence or "").split())
    where = f"article {row.example_article}" + (
        f" of {row.example_published[:10]}" if row.example_published else "")
    said = f'"{evidence}" in ' if evidence else ""
    return f"[{row.code} >{day}]\t# {said}{where}" if day else f"[{row.code}]\t# {said}{where}"


def dictionary_text(rows: Iterable[ActorRow]) -> tuple[str, int, int, int]:
    """(file text, entries, role lines, rows left out) for the description-coded persons in
    ``rows``; other rows are ignored."""
    by_name: dict[str, dict[str, ActorRow]] = {}  # entry -> code -> its earliest row
    skipped = 0
    for row in rows:
        if row.label != "PERSON" or row.source != "description":
            continue
        name = entry_name(row.name)
        if name is None or not row.country:
            skipped += 1
            continue
        codes = by_name.setdefault(name, {})
        known = codes.get(row.code)
        if known is None or _since(row) < _since(known):
            codes[row.code] = row
    lines = [HEADER]
    for name in sorted(by_name):
        # newest first: the reader gives a day the first listed period it falls in
        dated = sorted((r for r in by_name[name].values() if r.first), key=_since, reverse=True)
        found = dated + [r for r in by_name[name].values() if not r.first]
        lines.append(f"{name}\n")
        lines += [role_line(r) + "\n" for r in found]
    roles = sum(len(codes) for codes in by_name.values())
    return "".join(lines), len(by_name), roles, skipped


def _since(row: ActorRow) -> tuple[bool, str, str]:
    """Order of roles by their first date; an undated role after every dated one."""
    return (row.first is None, row.first or "", row.code or "")


def write_actor_dictionary(rows: Iterable[ActorRow], path: Union[str, Path]) -> DictionarySummary:
    """Write ``rows``' learned roles to ``path``: a temporary file in the same folder, moved
    into place only once complete, so a reader never sees half a dictionary."""
    path = Path(path)
    text, entries, roles, skipped = dictionary_text(rows)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent or ".",
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return DictionarySummary(entries, roles, skipped, str(path))
