"""profiles.v1: a person's country and sector from the descriptions in the parse (hand-built
Docs with heads and dependencies, invented names and countries)."""
from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc, Span as SpacySpan

from eventscope.extract.actors import ActorCode
from eventscope.extract.entities import EntityExtractor
from eventscope.extract.profiles import Profile, profile_of
from eventscope.records import Article, content_id

_COUNTRIES = {"ruritania": "RUR", "ruritanian": "RUR", "veldia": "VEL", "veldian": "VEL"}
_ROLES = {"minister": "GOV", "president": "GOV", "spokesman": "GOV", "colonel": "MIL",
          "army": "MIL", "diplomat": "GOV"}


class FakeActors:
    """Countries from their names and demonyms, sectors from role words, one known person."""

    def lookup(self, text, on=None):
        words = [re.sub(r"['’]s$", "", w).strip(",.").casefold() for w in text.split()]
        if text == "Pia Sorel":
            return ActorCode("XEN", None)
        country = next((_COUNTRIES[w] for w in words if w in _COUNTRIES), None)
        sector = next((_ROLES[w] for w in words if w in _ROLES), None)
        return ActorCode(country, sector) if country or sector else None


def parsed(vocab, rows, persons):
    """A Doc from ``(word, head, dep, pos)`` rows (heads absolute) and PERSON token ranges."""
    words, heads, deps, pos = (list(column) for column in zip(*rows))
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s"} for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    doc.ents = [SpacySpan(doc, start, end, label="PERSON") for start, end in persons]
    return doc


def coded(vocab, rows, persons):
    doc = parsed(vocab, rows, persons)
    article = Article(id=content_id(doc.text), text=doc.text)
    return [(e.text, e.country, e.sector) for e in EntityExtractor(FakeActors())(doc, article, {})]


PREMODIFIED = [  # Ruritanian Foreign Minister Ivo Marek spoke .
    ("Ruritanian", 4, "amod", "ADJ"), ("Foreign", 2, "compound", "PROPN"),
    ("Minister", 4, "compound", "PROPN"), ("Ivo", 4, "compound", "PROPN"),
    ("Marek", 5, "nsubj", "PROPN"), ("spoke", 5, "ROOT", "VERB"), (".", 5, "punct", "PUNCT"),
]
POSSESSOR_ROLE = [  # the Ruritanian army 's spokesman Ivo Marek denied it .
    ("the", 2, "det", "DET"), ("Ruritanian", 2, "amod", "ADJ"), ("army", 4, "poss", "NOUN"),
    ("'s", 2, "case", "PART"), ("spokesman", 7, "nsubj", "NOUN"), ("Ivo", 6, "compound", "PROPN"),
    ("Marek", 4, "appos", "PROPN"), ("denied", 7, "ROOT", "VERB"), ("it", 7, "dobj", "PRON"),
    (".", 7, "punct", "PUNCT"),
]
APPOSITIONS = [  # Ivo Marek , Ruritania 's president , met Ana Lenk , a minister of Veldia .
    ("Ivo", 1, "compound", "PROPN"), ("Marek", 7, "nsubj", "PROPN"), (",", 1, "punct", "PUNCT"),
    ("Ruritania", 5, "poss", "PROPN"), ("'s", 3, "case", "PART"), ("president", 1, "appos", "NOUN"),
    (",", 1, "punct", "PUNCT"), ("met", 7, "ROOT", "VERB"), ("Ana", 9, "compound", "PROPN"),
    ("Lenk", 7, "dobj", "PROPN"), (",", 9, "punct", "PUNCT"), ("a", 12, "det", "DET"),
    ("minister", 9, "appos", "NOUN"), ("of", 12, "prep", "ADP"), ("Veldia", 13, "pobj", "PROPN"),
    (".", 7, "punct", "PUNCT"),
]
OF_PHRASE = [  # Colonel Ivo Marek of Veldia arrived ; Marek left .
    ("Colonel", 2, "compound", "PROPN"), ("Ivo", 2, "compound", "PROPN"),
    ("Marek", 5, "nsubj", "PROPN"), ("of", 2, "prep", "ADP"), ("Veldia", 3, "pobj", "PROPN"),
    ("arrived", 5, "ROOT", "VERB"), (";", 5, "punct", "PUNCT"), ("Marek", 8, "nsubj", "PROPN"),
    ("left", 5, "conj", "VERB"), (".", 8, "punct", "PUNCT"),
]
NAME_IN_APPOSITION = [  # Ruritania 's president , Ivo Marek , arrived .
    ("Ruritania", 2, "poss", "PROPN"), ("'s", 0, "case", "PART"), ("president", 7, "nsubj", "NOUN"),
    (",", 2, "punct", "PUNCT"), ("Ivo", 5, "compound", "PROPN"), ("Marek", 2, "appos", "PROPN"),
    (",", 2, "punct", "PUNCT"), ("arrived", 7, "ROOT", "VERB"), (".", 7, "punct", "PUNCT"),
]
LISTED = [  # Ivo Marek , Ana Lenk met Veldian farmers .
    ("Ivo", 1, "compound", "PROPN"), ("Marek", 5, "nsubj", "PROPN"), (",", 1, "punct", "PUNCT"),
    ("Ana", 4, "compound", "PROPN"), ("Lenk", 1, "appos", "PROPN"), ("met", 5, "ROOT", "VERB"),
    ("Veldian", 7, "amod", "ADJ"), ("farmers", 5, "dobj", "NOUN"), (".", 5, "punct", "PUNCT"),
]
KNOWN = [  # Ruritanian spokesman Pia Sorel spoke .
    ("Ruritanian", 3, "amod", "ADJ"), ("spokesman", 3, "compound", "NOUN"),
    ("Pia", 3, "compound", "PROPN"), ("Sorel", 4, "nsubj", "PROPN"), ("spoke", 4, "ROOT", "VERB"),
    (".", 4, "punct", "PUNCT"),
]


@pytest.mark.parametrize("rows,persons,expected", [
    (PREMODIFIED, [(3, 5)], [("Foreign Minister Ivo Marek", "RUR", "GOV")]),
    (POSSESSOR_ROLE, [(5, 7)], [("Ivo Marek", "RUR", "MIL")]),
    (APPOSITIONS, [(0, 2), (8, 10)], [("Ivo Marek", "RUR", "GOV"), ("Ana Lenk", "VEL", "GOV")]),
    (OF_PHRASE, [(1, 3), (7, 8)], [("Colonel Ivo Marek", "VEL", "MIL"), ("Marek", "VEL", "MIL")]),
    (NAME_IN_APPOSITION, [(4, 6)], [("Ivo Marek", "RUR", "GOV")]),
    (LISTED, [(0, 2), (3, 5)], [("Ivo Marek", None, None), ("Ana Lenk", None, None)]),
    # what the article says of the person beats the dictionary's country for the name (a
    # namesake, or an official of an organisation the dictionary gives a nationality); the
    # dictionary's dated role keeps the sector
    (KNOWN, [(2, 4)], [("Pia Sorel", "RUR", "GOV")]),
])
def test_person_country_and_sector_from_descriptions(vocab, rows, persons, expected):
    assert coded(vocab, rows, persons) == expected


def test_profile_of_an_unaligned_span_is_empty(vocab):
    doc = parsed(vocab, PREMODIFIED, [(3, 5)])
    assert profile_of(doc, 0, 0, FakeActors().lookup) == Profile()


def test_profiles_merge_field_by_field():
    assert Profile("RUR").merged(Profile("VEL", "GOV")) == Profile("RUR", "GOV")

