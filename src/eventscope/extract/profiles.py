"""profiles.v1: a person's country and sector from the words that describe them in the parse.

A person the actor dictionary does not know is often described where they are named:

- premodifiers in their noun phrase: "Ruritanian Foreign Minister Ivo Marek", "the Ruritanian
  defence ministry's spokesman Ivo Marek", "Ruritania's Ivo Marek";
- an apposition to the name: "Ivo Marek, Ruritania's foreign minister", "Ivo Marek, the
  foreign minister of Ruritania";
- the name as an apposition to a role: "Ruritania's president, Ivo Marek" (also where the
  parse leaves the two apart, if the words before the comma name a role);
- an "of" phrase on the name: "President Ivo Marek of Ruritania".

Each description is looked up in the actor dictionary as a phrase of its own, so a demonym or a
country name gives the country and a role word ("minister", "colonel") the sector, exactly as
for an actor's noun phrase. The first description (in the order above) that names a country
gives it; the first that names a sector gives that.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

# Dependencies of the words before a head that belong to its description.
_LEFT_DEPS = frozenset({"amod", "compound", "nmod", "poss", "det", "nummod"})
_NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Profile:
    """What the descriptions of one mention say: country (ISO3 or IGO code) and sector."""

    country: Optional[str] = None
    sector: Optional[str] = None
    source: Optional[tuple[int, int]] = None  # characters of the first description that gave one

    def merged(self, other: "Profile") -> "Profile":
        """This profile's fields, the other's where this one has none."""
        adds = (not self.country and other.country) or (not self.sector and other.sector)
        return Profile(self.country or other.country, self.sector or other.sector,
                       self.source or (other.source if adds else None))


def _subtree(token) -> list:
    return list(token.subtree)


def _premodifiers(head, name: set[int]) -> list:
    """Words before ``head`` in its noun phrase that are not the name itself."""
    words = []
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            words += [t for t in _subtree(child) if t.i not in name]
    return words


def _of_phrases(head) -> list:
    words = []
    for child in head.rights:
        if child.dep_ == "prep" and child.text.casefold() == "of":
            words += _subtree(child)
    return words


def _role_phrase(role, name: set[int]) -> list:
    """A role noun with its premodifiers and "of" phrases: "the deputy minister of Ruritania"."""
    if role.pos_ not in _NOUNS or role.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return []  # a list of names ("Ivo Marek, Ana Lenk") is no description
    return sorted([*_premodifiers(role, name), role, *_of_phrases(role)], key=lambda t: t.i)


def descriptions(head, name: set[int]) -> list[list]:
    """The phrases describing the name whose syntactic head is ``head``, most local first."""
    found = [_premodifiers(head, name)]
    found += [_role_phrase(child, name) for child in head.rights if child.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.i not in name:
        found.append(_role_phrase(head.head, name))
    found.append(_of_phrases(head))
    return [sorted(words, key=lambda t: t.i) for words in found if words]


def _text(words: list) -> str:
    return "".join(t.text_with_ws for t in words).strip()


def profile_of(doc, start: int, end: int, lookup: Callable[[str], object]) -> Profile:
    """The profile of the person named at ``text[start:end]``; ``lookup(phrase)`` gives an
    ``ActorCode`` or None. Empty when the span does not align with the parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Profile()
    name = {t.i for t in span}
    found = Profile()
    for words in descriptions(span.root, name):
        code = lookup(_text(words))
        if code is not None:
            found = found.merged(Profile(code.country, code.sector, _bounds(words)))
        if found.country and found.sector:
            return found
    role = _role_before(span, name)
    code = lookup(_text(role)) if role else None
    if code is not None and code.sector:  # a role word, not any noun before a comma
        found = found.merged(Profile(code.country, code.sector, _bounds(role)))
    return found


def _bounds(words: list) -> tuple[int, int]:
    return words[0].idx, words[-1].idx + len(words[-1])


def _role_before(span, name: set[int]) -> list:
    """"Ruritania's foreign minister, Ivo Marek, said": a role the parse did not attach to the
    name that follows it after a comma."""
    first = span.start
    while first > 0 and span.doc[first - 1].dep_ == "compound" and span.doc[first - 1].head.i in name:
        first -= 1  # a title before the name: "sultan, Sheikh Faisal"
    if first < 2 or span.doc[first - 1].text != "," or span.doc[first - 2].pos_ != "NOUN":
        return []
    role = span.doc[first - 2]
    return sorted([*_premodifiers(role, name), role], key=lambda t: t.i)


def cluster_profiles(
    doc, mentions: Iterable[tuple[int, int, int]], lookup: Callable[[str], object]
) -> dict[int, Profile]:
    """The profile of each cluster from its mentions ``(cluster, start, end)`` in text order:
    the earliest description of a field wins, and every mention of the cluster shares it."""
    profiles: dict[int, Profile] = {}
    for cluster, start, end in sorted(mentions, key=lambda m: m[1]):
        known = profiles.get(cluster, Profile())
        if known.country and known.sector:
            continue
        profiles[cluster] = known.merged(profile_of(doc, start, end, lookup))
    return profiles
