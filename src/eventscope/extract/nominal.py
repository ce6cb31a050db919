"""Events said in nouns, outside a light verb: helpers of events.v1.

"Chile's incursion into the valley", "the shelling of the outposts by Bolivian troops",
"military threats against Peru" report an act in a noun phrase, often as the subject or object
of another verb. Such a noun is an event when its own dependents name a party: the doer from
a possessor ("Chile's"), a national adjective or a named modifier ("Chilean", "NATO"), a "by"
phrase or, for an act done by someone, an "of" phrase ("the withdrawal of the troops"); the
target from "against", "on", "into", "with" phrases or, for an act done to someone, "of"
("the shelling of the outposts"). events.v1 keeps it only when some party is a coded country.

What is coded once already is skipped: the object of a light verb ("launched an attack" is the
verb's event) and a noun under a trigger of its own type ("attacked with a raid"). A noun that
is what another act is about ("Peru condemned Chile's incursion") is its own event: the
condemnation is an ACCUSE and the incursion, which it takes as given, an ASSAULT. Being said in
passing, a nominal event ranks below the verbal events of its sentence
(``NOMINAL_CONFIDENCE_PENALTY``), so a sentence's top event stays the verb's.

The rules are data in :mod:`eventscope.lexicons.plover`; these functions read a parsed
sentence and never change it.
"""
from __future__ import annotations

import dataclasses
from typing import Callable, NamedTuple, Optional

from eventscope.lexicons.plover import (
    EASING_VERBS, LIGHT_VERBS, NOMINAL_AGENT_PREPOSITIONS, NOMINAL_CONFIDENCE_PENALTY,
    NOMINAL_MOOD_MODIFIERS, NOMINAL_MOOD_NOUNS, NOMINAL_MOOD_VERBS, NOMINAL_OF_TARGET_TYPES,
    NOMINAL_TARGET_PREPOSITIONS, NOMINAL_TRIGGERS, Trigger,
)
from eventscope.records import Event

TriggerOf = Callable[[object], Optional[Trigger]]
_NAMED_MODIFIERS = frozenset({"NORP", "GPE", "ORG"})  # "Chilean shelling", "NATO airstrikes"


class NominalEvent(NamedTuple):
    """An event noun, its type, the heads of its doers and targets, and its modality when the
    noun phrase says the act did not (yet) happen."""

    noun: object
    trigger: Trigger
    actors: list
    recipients: list
    mood: Optional[str] = None


def nominal_events(doc, trigger_of: TriggerOf) -> list[NominalEvent]:
    """The event nouns of ``doc`` that name a party and no verb codes already."""
    found = []
    for token in doc:
        trigger = NOMINAL_TRIGGERS.get(token.lemma_.lower())
        if trigger is None or token.pos_ != "NOUN" or token.dep_ == "compound" \
                or coded_by_verb(token, trigger, trigger_of):
            continue
        actors, recipients = parties(token, trigger)
        if actors or recipients:
            found.append(NominalEvent(token, trigger, actors, recipients, mood(token)))
    return found


def coded_by_verb(noun, trigger: Trigger, trigger_of: TriggerOf) -> bool:
    """"launched an attack": the light verb's event; "attacked with a raid", "agreed to a
    ceasefire" with a trigger of the same type: the verb's event too; "lifted the embargo":
    an act ended is no act done."""
    head = noun.head
    if head.i != noun.i and head.pos_ == "ADP":
        head = head.head
    if head.i == noun.i or head.pos_ != "VERB":
        return False
    if noun.dep_ == "dobj" and (head.lemma_.lower() in LIGHT_VERBS
                                or head.text.lower().rstrip("d") in LIGHT_VERBS):
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in EASING_VERBS:
        return True  # "lifted its embargo", "halted the raids": the ending is the event
    verbal = trigger_of(head)
    return verbal is not None and verbal.event_type == trigger.event_type


def parties(noun, trigger: Trigger) -> tuple[list, list]:
    """(doer heads, target heads) named by an event noun's own dependents."""
    children = list(noun.children)
    actors = [c for c in children if c.dep_ == "poss" and c.pos_ != "PRON"]
    actors += [c for c in children if c.dep_ in ("amod", "compound", "nmod")
               and c.ent_type_ in _NAMED_MODIFIERS]
    phrases = [(c.text.lower(), p) for c in children if c.dep_ == "prep"
               for p in c.children if p.dep_ == "pobj"]
    actors += [p for word, p in phrases if word in NOMINAL_AGENT_PREPOSITIONS]
    targets = [p for word, p in phrases if word in NOMINAL_TARGET_PREPOSITIONS]
    of = [p for word, p in phrases if word == "of"]
    if trigger.event_type in NOMINAL_OF_TARGET_TYPES:
        targets += of
    elif not actors:
        actors = of
    return actors[:1], targets[:1]


def mood(noun) -> Optional[str]:
    """"the planned incursion", "fears of an invasion", "feared a blockade", "the visit was
    postponed": the act's modality; None when nothing says so. A negated governing verb says
    nothing of the act: "did not condemn the incursion"."""
    for child in noun.children:
        words = {child.lemma_.lower(), child.text.lower()} & NOMINAL_MOOD_MODIFIERS.keys()
        if child.dep_ in ("amod", "compound") and words:
            return NOMINAL_MOOD_MODIFIERS[words.pop()]
    head = noun.head
    if head.i == noun.i:
        return None
    if noun.dep_ == "pobj" and head.text.lower() == "of" and head.head.i != head.i:
        return NOMINAL_MOOD_NOUNS.get(head.head.lemma_.lower())
    if head.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass"):
        return NOMINAL_MOOD_VERBS.get(head.lemma_.lower())
    return None


def ranked(event: Optional[Event], found: NominalEvent) -> Optional[Event]:
    """A nominal event naming a coded country, ranked below verbal ones, with the modality its
    phrase gives; else None."""
    if event is None or not any(p.country for p in event.actor + event.recipient):
        return None
    return dataclasses.replace(
        event, confidence=round(max(0.05, event.confidence - NOMINAL_CONFIDENCE_PENALTY), 2),
        modality=found.mood or event.modality)


def one_per_act(doc, events: list[Event]) -> tuple[Event, ...]:
    """One event per act: an article that reports the same act again (same type, modality and
    date, same trigger lemma, the same coded parties on each side) keeps its most confident
    mention, the first at a tie, where the first was, with the other mentions' triggers in its
    ``mentions``. Events naming no coded country are kept as they are: nothing says two of
    them are one act."""
    best: dict[tuple, int] = {}
    for i, event in enumerate(events):
        key = _act_key(doc, event)
        if key is None:
            continue
        if key not in best or event.confidence > events[best[key]].confidence:
            best[key] = i
    first, others = {}, {}
    for i, event in enumerate(events):
        key = _act_key(doc, event)
        first.setdefault(key, i)
        if key is not None and i != best[key]:
            others.setdefault(key, []).append(event.trigger)
    chosen = {first[key]: dataclasses.replace(events[i], mentions=tuple(others.get(key, ())))
              for key, i in best.items()}
    return tuple(chosen.get(i, event) for i, event in enumerate(events)
                 if _act_key(doc, event) is None or i in chosen)


def _act_key(doc, event: Event) -> Optional[tuple]:
    # whole codes, not only countries: expelling a state's diplomats and its reporters differ
    actors = frozenset(a.code for a in event.actor if a.country)
    recipients = frozenset(r.code for r in event.recipient if r.country)
    if not actors and not recipients:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end)
    lemma = span.root.lemma_.lower() if span is not None else event.trigger.text.lower()
    return event.event_type, event.modality, event.date, lemma, actors, recipients
