"""The bundled actor dictionaries (Phoenix, from PETRARCH2, MIT, and eventscope's office
holders), parsed once and kept packed in the user's cache folder under a digest of the files
and of the code that reads them (:func:`bundled_index`)."""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from pathlib import Path

from eventscope.extract.actor_names import spellings_of, surnames_of
from eventscope.extract.actors import (
    Pattern, Period, Roles, _Index, _longest_first, index_of, parse_dictionary,
)

BUNDLED = Path(__file__).resolve().parent.parent / "data"
# eventscope's office holders of 2016-2026 first (they win over Phoenix's for the same name),
# then the Phoenix dictionaries (see the README beside each)
BUNDLED_FILES = ("leaders/eventscope.leaders.actors.txt", "phoenix/Phoenix.Countries.actors.txt",
                 "phoenix/Phoenix.International.actors.txt",
                 "phoenix/Phoenix.MilNonState.actors.txt", "phoenix/Phoenix.agents.txt")
log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def bundled_index() -> tuple[_Index, _Index]:
    """The Phoenix dictionaries' (actor, agent) indexes. Parsing them takes about a second, so
    their packed form is kept in the user's cache folder under a digest of the files and of
    the code that reads them; a folder that cannot be written only costs the parse again."""
    digest = hashlib.sha256()
    for source in _bundled_sources():
        digest.update(source.read_bytes())
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventscope"
    path = folder / f"phoenix-{digest.hexdigest()[:20]}.json"
    try:  # JSON, not pickle: a file in a cache folder must not be able to run code
        packed = json.loads(path.read_bytes())
    except (OSError, ValueError, TypeError):
        parsed = _parse_bundled()
        packed = (*(_pack(index) for index in parsed),
                  (spellings_of(parsed[0][0]), surnames_of(parsed[0][0])))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.partial")
            partial.write_text(json.dumps(packed, separators=(",", ":")), encoding="utf-8")
            os.replace(partial, path)
            for stale in (*folder.glob("phoenix-*.json"), *folder.glob("phoenix-*.pickle")):
                if stale != path:  # made by other versions of the code
                    stale.unlink(missing_ok=True)
        except OSError as exc:
            log.info("actor dictionary cache not written to %s: %s", folder, exc.strerror)
    return (_Packed(packed[0]), {}), (_Packed(packed[1]), {}), packed[2]


class _Packed:
    """Whole-word patterns by first word, each word's entries packed in one string (lines of
    ``WORDS\tCODE\tPROPER\tDEFAULT|START,END,CODE;...``) and unpacked when a text uses the
    word: tens of thousands of entries load as one dictionary of strings."""

    def __init__(self, packed: dict[str, str]):
        self._packed = packed
        self._unpacked: dict[str, list[tuple[int, Pattern]]] = {}

    def get(self, word: str, default: list) -> list[tuple[int, Pattern]]:
        found = self._unpacked.get(word)
        if found is None:
            lines = self._packed.get(word)
            if lines is None:
                return default
            found = self._unpacked[word] = sorted(
                ((rank, _unpack(line)) for rank, line in enumerate(lines.split("\n"))),
                key=_longest_first)
        return found


def _pack(index: _Index) -> dict[str, str]:
    words, _ = index  # the bundled dictionaries have whole words only
    return {word: "\n".join(_pack_one(p) for _, p in entries) for word, entries in words.items()}


def _pack_one(p: Pattern) -> str:
    roles = "" if p.roles is None else (p.roles.default or "") + "|" + ";".join(
        f"{start},{end},{code}" for start, end, code in p.roles.periods)
    return "\t".join((" ".join(p.words), p.code, "1" if p.proper else "", roles))


def _unpack(line: str) -> Pattern:
    words, code, proper, roles = line.split("\t")
    if roles:
        default, _, periods = roles.partition("|")
        found = tuple(Period(int(a), int(b), c) for a, b, c in
                      (p.split(",") for p in periods.split(";") if p))
        return Pattern(tuple(words.split(" ")), code, Roles(found, default or None), bool(proper))
    return Pattern(tuple(words.split(" ")), code, None, bool(proper))


def _bundled_sources() -> tuple[Path, ...]:
    import eventscope.extract.actor_files as reader
    import eventscope.extract.actors as actors
    import eventscope.extract.actor_names as names
    import eventscope.lexicons.actors as lexicon

    return (*(BUNDLED / name for name in BUNDLED_FILES), Path(__file__), Path(actors.__file__), Path(reader.__file__),
            Path(names.__file__), Path(lexicon.__file__))


def _parse_bundled() -> tuple[_Index, _Index]:
    actors: list[Pattern] = []
    agents: list[Pattern] = []
    for name in BUNDLED_FILES:
        found_actors, found_agents = parse_dictionary(BUNDLED / name, whole_words=True)
        actors += found_actors
        agents += found_agents
    return index_of(actors), index_of(agents)
