"""Place names beside NER: gazetteer names the small model missed or took for a person or an
organisation ("shelling near Kreminna" with Kreminna unlabelled or a PERSON).

A token-level dictionary lookup, longest name first, of up to four proper-noun tokens. It adds
only what the text itself says is a place, so that it never costs precision: the name follows
a preposition of place ("in", "near", "outside", ...) or "the village of", or comes before
a word for a kind of place ("the Bakhmut district", "X, Syria"), and the name ends there; or
it opens a dateline ("KHARTOUM — ...").
Names of fewer than four letters, lowercase text, words the tagger does not take for proper
nouns, common first names, capitalised words for institutions ("in Congress"), a place's
alternate names and single words naming only hamlets are left out, as are spans NER gave
another label (dates, nationalities, ...) and names the article also uses as part of a
person's name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from eventscope.extract.gazetteer import Gazetteer, fold
from eventscope.lexicons.places import (
    DIRECTIONS, FIRST_NAMES, LOCATIVE_PREPOSITIONS, NOT_PLACE_WORDS, PLACE_KIND_NOUNS,
)

MAX_WORDS = 4
MIN_LETTERS = 4
SINGLE_WORD_MIN_POPULATION = 5000
# lowercase particles inside names ("Ras al-Ain", "Rio de Janeiro")
CONNECTORS = frozenset({"al", "el", "de", "del", "la", "di", "du", "da", "ul", "-"})
# NER labels whose spans the matcher may take as places: the ones the small model gives
# place names by mistake
MISTAKEN_LABELS = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True)
class NameMatch:
    start: int  # character offsets into the article text
    end: int
    text: str


def match_places(doc, gazetteer: Gazetteer, entities: Sequence) -> list[NameMatch]:
    """Place names in ``doc`` that ``entities`` (the article's entity mentions) do not cover."""
    if not doc.has_annotation("POS"):  # without tags no proper nouns to tell from words
        return []
    covered = _covered_tokens(doc, entities)
    person_words = person_name_words(entities)
    found, i = [], 0
    while i < len(doc):
        match = _longest(doc, i, gazetteer, covered, person_words)
        if match is None:
            i += 1
            continue
        found.append(NameMatch(doc[i].idx, doc[match - 1].idx + len(doc[match - 1]),
                               doc[i:match].text))
        i = match
    return found


def person_name_words(entities: Sequence) -> frozenset[str]:
    """The folded words of the article's names of persons of two words or more: "Modi" after
    "Narendra Modi" is the man, not a town of that name."""
    return frozenset(w for e in entities if e.label == "PERSON" and len(e.text.split()) > 1
                     for w in fold(e.text).split())


def _covered_tokens(doc, entities: Iterable) -> dict[int, tuple[int, int] | None]:
    """Tokens inside a mention: to the mention's token range when its label may be mistaken
    (a PERSON or ORG that is a place name as a whole), else to None (never matched)."""
    covered: dict[int, tuple[int, int] | None] = {}
    for e in entities:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None:
            whole = (span.start, span.end) if e.label in MISTAKEN_LABELS else None
            covered.update(dict.fromkeys(range(span.start, span.end), whole))
    return covered


def _longest(doc, i: int, gazetteer: Gazetteer, covered, person_words) -> int | None:
    """The end token of the longest place name starting at token ``i``, if it passes."""
    if not _proper(doc[i]):
        return None
    sentence_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    for end in range(min(i + MAX_WORDS, sentence_end), i, -1):
        words = doc[i:end]
        if not _proper(words[-1]) or any(
                not _proper(t) and t.lower_ not in CONNECTORS for t in words):
            continue
        if any(t.i in covered for t in words) and covered.get(i) != (i, end):
            continue  # inside a mention, unless a person or organisation is all of it
        key = fold(words.text)
        if key in gazetteer and _passes(words, key, person_words) and _likely(
                gazetteer.lookup_key(key), key, len(words)):
            return end
    return None


def _likely(candidates, key: str, words: int) -> bool:
    """A name a place goes by (not only one of its alternate names, unless curated as a
    division, region or landmark); a single word must name a town of some size, since a
    capitalised word is far more often something else than a hamlet."""
    named = [c for c in candidates if c.feature != "city" or fold(c.name) == key]
    if words > 1:
        return bool(named)
    return any(c.feature != "city" or c.population >= SINGLE_WORD_MIN_POPULATION for c in named)


def _proper(token) -> bool:
    return token.text.isalpha() and token.text[:1].isupper() and token.pos_ == "PROPN"


def _passes(words, key: str, person_words) -> bool:
    letters = sum(c.isalpha() for c in key)
    if _dateline(words):
        return letters >= MIN_LETTERS
    if letters < MIN_LETTERS or words.text.isupper() and letters < 6:
        return False
    if len(words) == 1 and (key in FIRST_NAMES or key in NOT_PLACE_WORDS or key in person_words):
        return False
    return _dateline(words) or _whole_name(words) and _said_to_be_place(words)


# what follows a dateline's place: "BEIRUT —", "NEWARK, N.J. (AP) -", "LAGOS:"
DATELINE_MARKS = frozenset({"-", "–", "—", ":", ",", "(", "--"})


def _dateline(words) -> bool:
    """A name in capitals opening the text or one of its lines and followed by a dash, colon,
    comma or bracket: a dateline ("KHARTOUM — Troops ..."), which names the place reported from."""
    doc = words.doc
    opens = words.start == 0 or "\n" in doc[words.start - 1].whitespace_ + doc[words.start - 1].text
    after = doc[words.end] if words.end < len(doc) else None
    return opens and words.text.isupper() and after is not None and after.text in DATELINE_MARKS


def _whole_name(words) -> bool:
    """The name ends here: no capitalised word, number or possessive follows ("Goose Creek
    High School", "Section 2", "McDonald's")."""
    after = words.doc[words.end] if words.end < len(words.doc) else None
    return after is None or not (after.text[:1].isupper() or after.text[:1].isdigit()
                                 or after.lower_ in ("'s", "’s"))


def _said_to_be_place(words) -> bool:
    """A preposition of place (with a direction between: "in northern X") or "the village of"
    before the name, or a word for a kind of place (or ", Country") after it."""
    doc = words.doc
    at = words.start - 1
    if at > 0 and doc[at].lower_ in DIRECTIONS:  # "in northern Mali"
        at -= 1
    before = doc[at] if at >= 0 else None
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS and before.lower_ not in (
            "from", "to"):  # "a letter from Jackson", "wrote to Marshall" name people
        return True
    if before is not None and before.lower_ == "of" and words.start > 1 and \
            doc[words.start - 2].text in PLACE_KIND_NOUNS:  # "the village of X", not "City of"
        return True
    after = doc[words.end] if words.end < len(doc) else None
    if after is not None and after.text in PLACE_KIND_NOUNS:  # lowercase: not part of the name
        return True
    return after is not None and after.text == "," and words.end + 1 < len(doc) and \
        doc[words.end + 1].ent_type_ == "GPE"
