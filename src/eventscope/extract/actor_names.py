"""Name forms the actor dictionary matches beyond the exact words: plurals of nouns for
people ("Peruvians"), and its full names indexed by their consonants (misspellings, "Nelson
Mandella") and by their surnames ("President Marek"). Helpers of
:class:`eventscope.extract.actors.ActorDictionary`; the indexes are kept in its cache.
"""
from __future__ import annotations

import re

# Endings of nouns for people, whose plural "-s" matches the singular entry ("Peruvians").
_PEOPLE_ENDINGS = ("AN", "EN", "IA", "I", "ER", "IST", "ITE", "OT", "ARD", "ON", "INO", "AR", "EK",
                   "AKH", "IK", "OR", "EE", "ENT", "MAN")
_PEOPLE_NOUNS = frozenset({"SERB", "CROAT", "TURK", "KURD", "ARAB", "BOSNIAK", "SCOT", "DANE",
                           "SWEDE", "FINN", "SLAV", "GREEK", "TAMIL", "PASHTUN", "BALUCH"})


def singulars(token: str) -> tuple[str, ...]:
    """What a plural noun for people may be the plural of: "PERUVIANS" -> PERUVIAN, "IRAQIS"
    -> IRAQI, "SERBS" -> SERB. Only nouns shaped like words for people (demonyms, agents):
    "TARAS" is a name, not two Taras; words under four letters are never plurals ("US")."""
    if len(token) < 4 or not token.endswith("S") or token.endswith("SS"):
        return ()
    found = (token[:-1], token[:-2]) if token.endswith("ES") else (token[:-1],)
    return tuple(one for one in found if one.endswith(_PEOPLE_ENDINGS) or one in _PEOPLE_NOUNS)


def skeleton(word: str) -> str:
    """A word's first letter and its consonants, each once: the part of a transliterated name
    spellings keep ("MANDELA", "MANDELLA" -> "MNDL")."""
    word = word.upper().replace("CK", "K")
    consonants = word[:1] + "".join(c for c in word[1:] if c not in "AEIOUY'’.-")
    return re.sub(r"(.)\1+", r"\1", consonants)


def surnames_of(words_index: dict) -> dict[str, str]:
    """Full names (two or more whole words) by their last word, where every name ending in
    that word is of one country; "" marks a last word names of several countries share."""
    found: dict[str, tuple[str, str]] = {}
    for entries in words_index.values():
        for _, p in entries:
            if len(p[0]) < 2 or not all(w.endswith("_") for w in p[0]) or len(p[0][-1]) < 5:
                continue
            name = " ".join(w[:-1] for w in p[0])
            known = found.setdefault(p[0][-1][:-1], (name, p[1][:3]))
            if known[1] != p[1][:3]:
                found[p[0][-1][:-1]] = ("", "")
    return {key: name for key, (name, _) in found.items() if name}


def spellings_of(words_index: dict) -> dict[str, str]:
    """Names of two or more whole words by their words' skeletons; a skeleton names of
    different codes share is left out (no guessing between them), one that spellings of one
    entry share keeps the first ("Hosni Mubarak", "Hosny Mubarak")."""
    found: dict[str, tuple[str, str]] = {}
    for entries in words_index.values():
        for _, p in entries:
            if len(p[0]) < 2 or not all(w.endswith("_") for w in p[0]):
                continue
            name = " ".join(w[:-1] for w in p[0])
            key = " ".join(skeleton(w[:-1]) for w in p[0])
            known = found.setdefault(key, (name, p[1]))
            if known[1] != p[1]:
                found[key] = ("", "")
    return {key: name for key, (name, _) in found.items() if name}
