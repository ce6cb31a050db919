"""Reading actor dictionaries in the PETRARCH/TABARI format (``NAME_`` lines, ``+SYNONYM``
lines, ``[CODE DATE-DATE]`` role lines, ``!MACRO!`` definitions) into :class:`Pattern` rows.

The dictionaries themselves, their precedence and lookups are :mod:`eventscope.extract.actors`::

    actors, agents = parse_dictionary(Path("my.actors.txt"))
"""
from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Optional

from eventscope.errors import InputError
from eventscope.extract.actors import Pattern, Period, Roles, fold
from eventscope.lexicons.actors import CODE_ALIASES

_ENTRY = re.compile(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*((?:\[[^\]]*\]\s*)*)$")
_CODES = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_DATED = re.compile(r"^(\S+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+)|(.*))$")


def parse_dictionary(path: Path, whole_words: bool = False) -> tuple[list[Pattern], list[Pattern]]:
    """Actor and agent patterns from one PETRARCH/TABARI dictionary file.

    An entry is a name line (``NAME {PLURALS} [CODE]``, or several codes ``[CODE] [CODE]``), its
    ``+SYNONYM`` lines and, when the code is not on the name line, one or more code lines (``[CODE]``, date-bounded
    ``[CODE < 19950601]``, ``[CODE 950601-990815]``, ``[CODE > 19990816]``). Agent codes
    start with ``~`` (a sector); ``[NGO~]`` is an agent that stands in for the country code.
    ``whole_words`` reads the file as PETRARCH2 does: every word whole, names capitalised,
    agents also in their regular plural unless ``{}`` lists the plurals.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read actor dictionary {path}: {exc.strerror}") from None
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    macros: dict[str, list[str]] = {}
    found: tuple[list[Pattern], list[Pattern]] = ([], [])
    forms: list[str] = []
    codes: list[str] = []
    regular = False  # the entry's agent noun also matches in its regular plural
    for raw in [*text.splitlines(), "END_OF_FILE"]:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line[0] == "+":
            forms.append(re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", line[1:]).strip())
        elif line[0] == "[":  # one or more codes: "[USAGOV 010120-050120] [IGOUNO >050501]"
            codes += [c.strip() for c in _CODES.findall(line)] or [line.strip("[] ")]
        elif m := _MACRO.match(line):
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
        else:
            _add_entry(forms, codes, macros, found, whole_words, regular)
            forms, codes, regular = [], [], False
            if m := _ENTRY.match(line):
                name, plural, listed = m.groups()
                forms = [name, *(p.strip() for p in (plural or "").split(",") if p.strip())]
                regular = whole_words and plural is None and "!" not in name
                codes = [c.strip() for c in _CODES.findall(listed or "")]
    return found


def entry_code(codes: list[str]) -> Optional[str]:
    """The code of an entry for lookups without a date: the latest, open-ended one (the role
    the dictionary last knew), else the undated one, else the last listed. ``---`` and ``+++``
    mean "no code"; of alternatives ``A/B`` the first is kept."""
    return entry_roles(codes)[0]


def entry_roles(codes: list[str]) -> tuple[Optional[str], Optional[Roles]]:
    """(code without a date, :class:`Roles` when some codes are date-bounded)."""
    parsed = [_role(raw) for raw in codes if raw.strip()]
    if not parsed:
        return None, None
    undated = [code for code, dated, _, _ in parsed if not dated]
    latest = [code for code, _, open_ended, _ in parsed if open_ended]
    code = (latest or undated or [parsed[-1][0]])[0]
    periods = tuple(p for _, _, _, p in parsed if p is not None)
    if code is None:
        return None, None
    return code, Roles(periods, undated[0] if undated else None) if periods else None


def _role(raw: str) -> tuple[Optional[str], bool, bool, Optional[Period]]:
    """(code, dated, open-ended, period) of one code line's text."""
    m = _DATED.match(raw.strip())
    if m is None:
        return None, False, False, None
    code = _code(m.group(1))
    if not (m.group(2) or m.group(4) or (m.group(6) or "").strip()):
        return code, False, False, None
    if m.group(2):
        bounds = (m.group(3), None) if m.group(2) == ">" else (None, m.group(3))
    else:
        bounds = (m.group(4), m.group(5)) if m.group(4) else ("?", "?")  # unreadable: never in force
    return code, True, m.group(2) == ">", _period(*bounds, code)


def _code(raw: str) -> Optional[str]:
    """One code: the first of alternatives ``A/B``; ``---`` and ``+++`` are none; agent codes
    keep their ``~`` (``~GOV``, ``NGO~``); old country codes become current ones."""
    code = raw.split("/")[0].upper()
    if len(code.strip("~")) < 3 or not code.strip("~").isalnum():
        return None
    return code if code[0] == "~" else CODE_ALIASES.get(code[:3], code[:3]) + code[3:]


def _period(start: Optional[str], end: Optional[str], code: Optional[str]) -> Optional[Period]:
    begin = _ordinal(start) if start else datetime.date.min.toordinal()
    finish = _ordinal(end) if end else datetime.date.max.toordinal()
    if code is None or begin is None or finish is None:
        return None
    return Period(begin, finish, code)


def _ordinal(digits: str) -> Optional[int]:
    """TABARI dates: YYMMDD (00-30 are 20YY, others 19YY) up to 7 digits, else YYYYMMDD."""
    try:
        if len(digits) <= 7:
            year = int(digits[:2])
            year += 2000 if year <= 30 else 1900
            return datetime.date(year, int(digits[2:4]), int(digits[4:6])).toordinal()
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).toordinal()
    except ValueError:
        return None


def _plural(name: str) -> str:
    """PETRARCH's regular plural of an agent noun: ``-Y`` to ``-IES``, sibilants ``-ES``."""
    stem = name.rstrip("_ ")
    if re.search(r"[^AEIOU]Y$", stem):
        return stem[:-1] + "IES"
    return stem + ("ES" if re.search(r"(S|X|Z|CH|SH)$", stem) else "S")


def _add_entry(forms: list[str], codes: list[str], macros: dict[str, list[str]],
               found: tuple[list[Pattern], list[Pattern]], whole_words: bool,
               regular: bool = False) -> None:
    code, roles = entry_roles(codes)
    if code is None or not forms:
        return
    actors, agents = found
    if code.endswith("~"):  # an agent standing in for the country: "human rights group" -> NGO
        target, code, proper = actors, code.rstrip("~"), False
    elif code.startswith("~"):
        target, code, proper = agents, code.lstrip("~"), False
        forms = forms + [_plural(forms[0])] if regular else forms
    else:
        target, proper = actors, whole_words
    for form in forms:
        target.extend(_patterns(form, code, roles, macros, whole_words, proper))


def _patterns(form: str, code: str, roles: Optional[Roles], macros: dict[str, list[str]],
              whole_words: bool, proper: bool) -> list[Pattern]:
    forms = [form.strip()]
    for macro, values in macros.items():
        if any(macro in f for f in forms):
            forms = [f.replace(macro, v) for f in forms for v in values]
    out = []
    for f in forms:
        words = tuple(sys.intern(w) for w in re.split(r"[\s_]+", fold(f).upper()) if w)
        if whole_words:
            words = tuple(sys.intern(w.rstrip("_").rstrip(",.'’") + "_") for w in words
                          if w.strip("_,.'’"))
        elif f.strip().endswith("_") and words:
            words = words[:-1] + (words[-1] + "_",)
        if words:
            out.append(Pattern(words, code, roles, proper))
    return out
