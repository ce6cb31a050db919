"""Who an event's parties are, beyond the dictionary: helpers of events.v1.

The entity that names a phrase's head gives its code ("Baltic-state Latvia" is Latvia); "ethnic
X" is a people, not X's state; a party named by a local role alone ("police", "protesters")
is of the country where the sentence puts things; "he" or "she" is the person named before; a
phrase that names no party is the event's target, not a recipient; the venue of a meeting is
no party to it, the place of a visit its host; an act happened at the place of its own phrase.
Pure functions over the parse and records.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Optional

from eventscope.extract.actors import ActorCode
from eventscope.lexicons.actors import DETERMINERS, PARTY_NOUNS, PRONOUNS
from eventscope.records import Actor, Entity, Place, Span

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"})

# Sectors of parties that are of the country where they act when no name says otherwise
# ("protesters", "police", "the opposition"); not governments, armies, envoys, monitors or
# the press, which act abroad as often as at home.
LOCAL_SECTORS = frozenset({"CVL", "PPL", "OPP", "COP", "JUD", "LEG", "REB", "EDU", "LAB", "REF",
                           "REL", "AGR", "HLH", "BUS", "CRM", "MUS", "CHR", "SPY", "UAF"})

# A visit's place is its host: "arrived in Lima" (but "talks in Geneva" are no visit to it).
ARRIVAL_VERBS = frozenset({"arrive", "land", "visit", "travel", "fly", "come", "return", "tour"})

WHERE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "around", "across",
                                "throughout", "within"})

ETHNIC = re.compile(r"\b[Ee]thnic\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)")


def head_first(coded: list, head) -> Optional[Entity]:
    """The entity whose code an actor's phrase takes: the one naming its head ("Baltic-state
    Latvia" is Latvia), else the premodifier nearest the head, else the first."""
    at = head.idx
    holding = [e for e in coded if e.start <= at < e.end]
    before = [e for e in coded if e.end <= at]
    return (holding or before[-1:] or coded[:1] or [None])[0]


def name_start(token) -> Optional[int]:
    """Where the named entity a token is part of starts; None outside one."""
    if not token.ent_type_ or token.ent_type_ in TIME_ENTITIES:
        return None
    start = token.i
    while start > token.sent.start and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def last_person_before(token):
    """The last person named before ``token`` in its sentence, else the subject (or the last
    person) of the sentence before: what "he" or "she" stands for."""
    sentence = token.sent
    people = persons_in(token.doc, sentence.start, token.i)
    if not people and sentence.start > 0:
        before = token.doc[sentence.start - 1].sent
        people = persons_in(token.doc, before.start, before.end)
        # the sentence's subject first: "Ana Ruiz met Ivo Marek. She said ..." is Ana Ruiz
        people = [p for p in people if p.root.dep_ in SUBJECTS][:1] or people
    return people[-1].root if people else None


def persons_in(doc, start: int, end: int) -> list:
    """The PERSON spans of ``doc.ents`` that lie within tokens [start, end), read from the
    tokens' entity tags there: ``doc.ents`` builds every entity of the document on each use,
    which for each pronoun of a long article would cost the square of its length."""
    found, i = [], start
    while i < end:
        token = doc[i]
        if token.ent_iob_ != "B" or not token.ent_type_:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= end and token.ent_type_ == "PERSON":
            found.append(doc[i:j])
        i = j
    return found


def venue_of(verb, trigger) -> Optional[str]:
    """Where a place is no party, for ``trigger`` (a :class:`~eventscope.lexicons.plover.Trigger`;
    see :func:`eventscope.extract.events.nearby_objects`): anywhere in a meeting's clause, on
    the verb of an agreement; a visit's place is its host."""
    if verb.lemma_.lower() in ARRIVAL_VERBS:
        return None
    if trigger.event_type == "CONSULT" or trigger.mode in ("consult", "meet"):
        return "any"
    return "verb" if trigger.event_type in ("AGREE", "SUPPORT", "COOPERATE") else None


def located(party: Actor, where: Optional[str]) -> Actor:
    """A party named by a local role alone ("protesters", "police", "opposition leaders") is of
    the country where the event happens, as event coders code local actors: ``where`` is the
    country of a place the sentence puts something in, at or near."""
    if party.country or where is None or party.sector not in LOCAL_SECTORS \
            or party.text.strip().lower() in PRONOUNS:
        return party
    return dataclasses.replace(party, country=where, code=ActorCode(where, party.sector).code)


def names_a_party(actor: Actor) -> bool:
    """A phrase names a party when it has a code or a name, a capitalised word ("RSF
    positions") or a word for parties ("both sides"); "the siege", "a drone" do not."""
    if actor.country or actor.sector or actor.name:
        return True
    words = actor.text.split()
    return any(w[:1].isupper() for w in words if w.lower() not in DETERMINERS) or (
        bool(words) and words[-1].lower().strip(".,;:") in PARTY_NOUNS)


def locative_country(sentence: Span, places: Iterable[Place], text: str) -> Optional[str]:
    """The country of the first literal place the sentence puts something in, at or near
    ("students in Caracas"), wherever it hangs; not where one goes or comes from, nor a place
    named otherwise ("talks brokered by Oman"). ``places`` in text order; those outside the
    sentence are passed over."""
    for p in places:
        if sentence.start <= p.start < sentence.end and p.use == "literal" and p.country:
            before = text[max(sentence.start, p.start - 12):p.start].split()
            if before and before[-1].lower() in WHERE_PREPOSITIONS:
                return p.country
    return None


def event_place(verb, sentence: Span, places: Iterable[Place], participants) -> Optional[Place]:
    """Where the act happened: the literal place in the act's own phrase ("shelled villages in
    the Vada district"), else the sentence's literal place nearest the act's word; a place in a
    party's phrase only after a preposition of place ("protesters outside the court in Vada"),
    not as its name ("the Vada police"). None when the sentence names no literal place.
    ``places`` in text order; those outside the sentence are passed over."""
    text = sentence.text
    places = [p for p in places if sentence.start <= p.start < sentence.end
              and p.use == "literal" and (_after_where(text, p.start - sentence.start) or not any(
                  a.start <= p.start < a.end for a in participants))]
    if not places:
        return None
    lo, hi = _phrase_bounds(verb)
    own = [p for p in places if lo <= p.start and p.end <= hi]
    return min(own or places, key=lambda p: abs(p.start - verb.idx))


def _after_where(text: str, at: int) -> bool:
    before = text[max(0, at - 12):at].split()
    return bool(before) and before[-1].lower() in WHERE_PREPOSITIONS


def _phrase_bounds(verb) -> tuple[int, int]:
    """The characters of the act's own phrase: its word and what hangs on it, but not its
    subject, nor a clause of its own (",  the ministry said after talks in Oslo")."""
    parts = [verb] + [t for child in verb.children if child.dep_ not in SUBJECTS
                      and child.dep_ not in ("ccomp", "advcl", "conj", "parataxis", "relcl")
                      for t in child.subtree]
    return min(t.idx for t in parts), max(t.idx + len(t) for t in parts)
