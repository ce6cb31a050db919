"""events.v1: PLOVER events from trigger verbs and their arguments in the dependency parse.

A trigger is a verb in :mod:`eventscope.lexicons.plover` (or a phrasal form: "call on", "hold
talks", "open fire"). The actor is its subject (the agent of a passive), the recipient its
object or the object of a preposition such as "on", "against", "with". Actors are coded from
overlapping entities, then the actor dictionary. Modality comes from negation, auxiliaries
and governing verbs; the date from the sentence's dates, else the publication date; the
location from a literal place in the sentence. Statements, refusals, threats and what is no
event are read by :mod:`eventscope.extract.statements`, who the parties are beyond the
dictionary by :mod:`eventscope.extract.parties`, modality and stated intent by
:mod:`eventscope.extract.modality`.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional, Sequence

from eventscope.extract.actors import ActorCode, ActorDictionary
from eventscope.extract.modality import (
    later_than, modality, purpose_clause, reported, salience, stated_intent,
)
from eventscope.extract.nominal import nominal_events, one_per_act, ranked
from eventscope.extract.offsets import PriorIndex, SpanIndex
from eventscope.extract.parties import (
    ETHNIC, WHERE_PREPOSITIONS, event_place, head_first, last_person_before, located,
    locative_country, name_start, names_a_party, venue_of,
)
from eventscope.extract.statements import (
    content_owner, content_subjects, demand, first_person, implied_subjects, judgement,
    not_an_event, stated_act,
)
from eventscope.lexicons.actors import SECTORS
from eventscope.lexicons.plover import (
    ARMED_SECTORS, BROAD_VERBS, CLAUSAL_TRIGGERS, COMMISSIVE_VERBS, DEMAND, EASE, EASE_PRESSURE,
    EASING_VERBS, LIGHT_OVERRIDES, LIGHT_VERBS, MILITARY_ONLY, NOUN_TRIGGERS, OBSTRUCTION, PHRASAL,
    PROTEST_OBSTRUCT, RECIPIENT_PREPOSITIONS, RESTRICTIONS, RETREAT_EASING, STATE_SECTORS, VERBS,
    Trigger,
)
from eventscope.records import Actor, Article, Event, Span, content_id

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY"})
_PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she"})  # "we" in a quote: first_person
_OTHER_CLAUSES = ("advcl", "relcl", "parataxis", "punct", "mark", "agent")
# Prepositions that set the scene rather than name a party: "freed after a week of talks".
_BACKGROUND_PREPOSITIONS = frozenset({
    "after", "before", "during", "since", "following", "until", "amid", "despite", "because",
})
_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos")
# Adverbs of the sentence the parser may hang on its subject: "Meanwhile(,) rebels attacked".
_SENTENCE_ADVERBS = frozenset({"meanwhile", "however", "also", "separately", "earlier", "later",
                               "then", "now", "still", "elsewhere", "instead", "additionally"})
# "ethnic Hungarians", "ethnic Greek villagers": the people, wherever they live
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|&)\s+)?$")


def _sentence_adverb(token) -> bool:
    return token.dep_ == "advmod" and token.lower_ in _SENTENCE_ADVERBS


def noun_phrase(token) -> tuple[int, int]:
    """Character bounds of the phrase headed by ``token``, without clauses or coordination."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _CUT and not _sentence_adverb(c)]
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children
                     if c.dep_ not in ("relcl", "acl", "advcl") and not _sentence_adverb(c))
    keep.sort(key=lambda t: t.i)
    run = [t for t in keep if keep[0].i <= t.i]  # contiguous from the left edge
    contiguous = [run[0]]
    for t in run[1:]:
        if t.i != contiguous[-1].i + 1:
            break
        contiguous.append(t)
    while len(contiguous) > 1 and contiguous[-1].is_punct:
        contiguous.pop()
    return contiguous[0].idx, contiguous[-1].idx + len(contiguous[-1])


def trigger_of(token) -> Optional[Trigger]:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return None
    if lemma in CLAUSAL_TRIGGERS and any(c.dep_ == "ccomp" for c in token.children):
        return CLAUSAL_TRIGGERS[lemma]  # "protested that ...": a protest voiced
    if lemma in PHRASAL:
        words = {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}
        words |= {m.lower_ for c in token.children if c.dep_ == "advcl"
                  for m in c.children if m.dep_ == "mark"}  # "pushing for Y to ..."
        found = next((t for word, t in PHRASAL[lemma].items() if word in words), None)
        if found is not None:
            return found
    eased = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")} \
        if lemma in EASING_VERBS else set()
    if eased & RESTRICTIONS:
        return EASE_PRESSURE if eased & RETREAT_EASING else EASE
    # the small model sometimes mislemmatises a past tense ("staged" -> "stag")
    if lemma in LIGHT_VERBS or token.lower_.rstrip("d") in LIGHT_VERBS:
        objects = _object_words(token)
        found = next((LIGHT_OVERRIDES.get((lemma, o)) or NOUN_TRIGGERS[o] for o in objects
                      if o in NOUN_TRIGGERS), None)
        if found is not None:
            return found
    return VERBS.get(lemma) or MILITARY_ONLY.get(lemma)


def _object_words(verb, obj=None) -> list[str]:
    """Lemma, form and noun modifiers of a verb's objects (or of ``obj``): "renewed
    [negotiations]", "launched a [mediation] effort"."""
    words = []
    for obj in [obj] if obj is not None else (c for c in verb.children if c.dep_ == "dobj"):
        words += [obj.lemma_.lower(), obj.lower_]
        words += [m.lemma_.lower() for m in obj.children if m.dep_ == "compound" and m.pos_ == "NOUN"]
    return words


def attributive(token) -> bool:
    """A participle modifying a noun describes it, it reports no act: "the seized cargo",
    "striking dockers"."""
    return token.dep_ == "amod"


def governed_by_trigger(token) -> bool:
    """"threatened to impose sanctions", "swore to fight", "called on X to withdraw": the
    governing verb is the event, not its complement."""
    if token.head.i == token.i:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ == "advcl" and token.head.lemma_.lower() in COMMISSIVE_VERBS:
        return infinitive
    if token.dep_ == "advcl" and infinitive:  # "call on X to lift ...": what is asked, not done
        asked = trigger_of(token.head)
        return asked is not None and asked.event_type == "REQUEST"
    return token.dep_ == "xcomp" and trigger_of(token.head) is not None


def arguments(verb) -> tuple[list, list]:
    """(actor heads, recipient heads) of a trigger verb.

    For a phrasal trigger whose object is part of it ("hold talks"), the recipient is the
    object of "with" instead.
    """
    children = list(verb.children)
    phrasal = dict(PHRASAL.get(verb.lemma_.lower(), {}))
    if verb.lemma_.lower() in LIGHT_VERBS or verb.lower_.rstrip("d") in LIGHT_VERBS:
        phrasal.update(NOUN_TRIGGERS)
    part = [c for c in children if c.dep_ == "dobj" and any(w in phrasal for w in _object_words(verb, c))]
    if part:  # "hold talks with X", "an attack on X": X may hang off the verb or the noun
        children = [c for c in children if c.i != part[0].i] + [
            c for c in part[0].children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPOSITIONS]
    subjects = [c for c in children if c.dep_ in _SUBJECTS] or inherited_subjects(verb)
    subjects = [speaker_of(s) for s in subjects]
    passive = any(c.dep_ == "nsubjpass" for c in children)
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    objects = [c for c in children if c.dep_ in ("dobj", "dative")
               and c.ent_type_ not in _TIME_ENTITIES]
    if not objects:
        objects = [p for c in children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPOSITIONS
                   for p in c.children
                   if p.dep_ == "pobj" and p.ent_type_ not in _TIME_ENTITIES][:1]
    if passive and verb.lower_ == "opposed" and not agents:  # "X is opposed to Y": X opposes Y
        against = [p for c in children if c.dep_ == "prep" and c.lower_ == "to"
                   for p in c.children if p.dep_ == "pobj"]
        return with_conjuncts(subjects), with_conjuncts(against)
    if passive:
        return with_conjuncts(agents), with_conjuncts([s for s in subjects if s.dep_ == "nsubjpass"])
    return with_conjuncts(subjects), with_conjuncts(objects)


def with_conjuncts(heads: list) -> list:
    """"Germany and France signed": every coordinated noun is a participant; heads the parser
    found inside one name ("Sheikh Faisal bin Tariq al-Harthi" as four subjects) are one."""
    out, names = [], set()
    for head in heads:
        for token in (head, *(c for c in head.conjuncts if c.pos_ in ("PROPN", "NOUN") and c.i > head.i)):
            name = name_start(token)
            if name is None or name not in names:
                out.append(token)
                if name is not None:
                    names.add(name)
    return out


def inherited_subjects(verb) -> list:
    """The subject a complement or conjunct shares with its governor: "X is set to reopen",
    "X agreed and signed", "X was forced to withdraw"; or its statement's (see
    :func:`~eventscope.extract.statements.implied_subjects`)."""
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and _party_word(verb.head):
        return [verb.head]  # "farmers protesting the tax": the farmers
    token = verb
    while (token.dep_ in ("conj", "xcomp", "acomp") or purpose_clause(token) or _participle_clause(token)) \
            and token.head.i != token.i:
        deps = ("nsubj", "nsubjpass") if token.dep_ == "xcomp" else ("nsubj",)
        token = token.head
        found = [c for c in token.children if c.dep_ in deps]
        if found:
            return found
    return implied_subjects(verb)


def speaker_of(token):
    """The party a pronoun subject stands for. A relative pronoun, the noun its clause
    modifies. Of a reported clause, its speaker: "Chile says it is ready to", "X was quoted as
    saying he would"; otherwise "he" or "she" is the last person named before it in its
    sentence, else the subject (or the last person) of the sentence before."""
    if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
        return token.head.head  # "the militants who seized it": the militants
    if token.lower_ not in _PRONOUN_SUBJECTS:
        return token
    clause = token.head
    while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    if reported(clause):
        speech = clause.head
        for _ in range(3):  # "as saying" and "in a statement saying" take their verb's subject
            found = [c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.lower_ not in _PRONOUN_SUBJECTS]
            if found:
                return found[0]
            if speech.dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp", "acl") \
                    or speech.head.i == speech.i:
                break
            speech = speech.head
    if token.lower_ in ("he", "she"):
        return last_person_before(token) or token
    return token


def nearby_objects(verb, exclude, venue: Optional[str] = None) -> list:
    """Objects in the trigger's clause and its complements, nearest first; subjects, other
    clauses and the ``exclude`` heads' phrases are skipped, and the places things happen in or
    at: with ``venue="any"`` anywhere ("talks in Geneva": where a meeting is held is no party
    to it), with ``venue="verb"`` on the verb itself ("agreed in Doha to ...")."""
    skip = {t.i for head in exclude for t in head.subtree}
    found, frontier = [], [verb]
    while frontier:
        token = frontier.pop(0)
        for child in token.children:
            if child.dep_ in _SUBJECTS or child.dep_ in _OTHER_CLAUSES or child.i in skip \
                    or (child.dep_ == "prep" and child.lower_ in _BACKGROUND_PREPOSITIONS) \
                    or (venue and child.dep_ == "prep" and child.lower_ in WHERE_PREPOSITIONS
                        and (venue == "any" or token.i == verb.i)):
                continue
            if child.dep_ in ("pobj", "dobj", "dative") and child.ent_type_ not in _TIME_ENTITIES:
                found.append(child)
            frontier.append(child)
    return found


def _party_word(token) -> bool:
    """A noun that names who acts: a name, or a role word ("demonstrators", "troops")."""
    return token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or token.lower_ in SECTORS \
        or token.lemma_.lower() in SECTORS


def _participle_clause(token) -> bool:
    """"shelled the town, killing twelve": a participle clause, whose doer is its governor's."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
        c.dep_ in _SUBJECTS for c in token.children)


class EventExtractor:
    """``(doc, article, prior) -> tuple[Event, ...]`` with actors coded by ``actors``."""

    def __init__(self, actors: ActorDictionary):
        self.actors = actors

    def __call__(self, doc, article: Article, prior) -> tuple[Event, ...]:
        prior = PriorIndex(prior, _NAMES)  # records by offset: no scan of them per trigger
        events = []
        for token in doc:
            stated = demand(token)
            if stated is not None:  # "X said Y must ...": X's request, the clause its content
                event = self._event(stated.speech, DEMAND, article, prior,
                                    (stated.speakers, stated.addressees))
                events.extend([event] if event is not None else [])
                continue
            judged = judgement(token)
            if judged is not None:  # "X called the vote illegal": X's ACCUSE (statements.py)
                event = self._event(judged.speech, judged.trigger, article, prior,
                                    (judged.speakers, judged.judged))
                events.extend([event] if event is not None else [])
                continue
            trigger = trigger_of(token)
            if trigger is None or attributive(token) or governed_by_trigger(token) \
                    or content_owner(token, trigger_of) is not None:
                continue
            event = self._event(token, trigger, article, prior)
            if event is not None:
                events.append(event)
        for noun in nominal_events(doc, trigger_of):  # "Chile's incursion into ...": nominal.py
            heads = (with_conjuncts(noun.actors), with_conjuncts(noun.recipients))
            events.extend(filter(None, [ranked(self._event(noun.noun, noun.trigger, article, prior, heads), noun)]))
        events = [each for event in events for each in _per_date(event, article, prior)]
        return one_per_act(doc, events)  # one act, one event (nominal.py)

    def _event(self, verb, trigger: Trigger, article: Article, prior,
               heads: Optional[tuple[list, list]] = None) -> Optional[Event]:
        actor_heads, recipient_heads = heads if heads is not None else arguments(verb)
        if heads is None and not_an_event(verb, actor_heads):
            return None
        if heads is None and not recipient_heads and trigger.event_type == "REQUEST":
            recipient_heads = content_subjects(verb)  # "demanded that Y withdraw"
        actors = tuple(self._actor(h, article, prior) for h in actor_heads)
        recipients = tuple(self._actor(h, article, prior) for h in recipient_heads)
        if not any(r.country for r in recipients):
            recipients += self._coded_recipient(verb, trigger, actor_heads, recipient_heads, article,
                                                prior)
        if verb.lemma_.lower() in MILITARY_ONLY and not any(a.sector in ARMED_SECTORS for a in actors):
            return None
        if not actors and not recipients and verb.pos_ != "VERB":
            return None
        # a broad verb on its own (not "gave aid", "cancelled the curfew") needs a country
        lemma = verb.lemma_.lower()
        if lemma in BROAD_VERBS and trigger is VERBS.get(lemma) and not _clausal(verb) and not any(
                p.country for p in actors + recipients):
            return None
        quote = prior.quote_at(verb.idx)
        if quote is not None:  # "we", "us" and "our" in a quote are its speaker's side
            actors = tuple(first_person(a, quote) for a in actors)
            recipients = tuple(first_person(r, quote) for r in recipients)
        sent = verb.sent
        sentence = Span(sent.start_char, sent.end_char, sent.text)
        start, end = verb.idx, verb.idx + len(verb)
        coded = sum(bool(a.country) for a in actors) + sum(bool(r.country) for r in recipients)
        mood = "asserted" if trigger is DEMAND else modality(verb)
        date = self._date(sentence, article, prior)
        if mood == "asserted" and verb.tag_ not in ("VBD", "VBN") and later_than(date, article.published):
            mood = "planned"  # "talks in Lisbon in late October", published in September
        if verb.lemma_.lower() in OBSTRUCTION and trigger.event_type == "COERCE" and not _state(actors):
            trigger = PROTEST_OBSTRUCT
        trigger = stated_intent(trigger, mood)
        trigger, mood = stated_act(verb, trigger, mood, trigger_of)
        in_sentence = prior.places.starting_in(sentence.start, sentence.end)
        place = event_place(verb, sentence, in_sentence, actors + recipients)
        where = locative_country(sentence, in_sentence, article.text)
        actors = tuple(located(a, where) for a in actors)
        recipients = tuple(located(r, where) for r in recipients)
        # what names no party is the act's target, not a recipient: "called for a halt to the
        # siege", "seized the airport"
        parties = tuple(r for r in recipients if names_a_party(r))
        target = next((Span(r.start, r.end, r.text) for r in recipients if r not in parties), None)
        return Event(
            id=content_id(article.id, "event", start, trigger.event_type),
            event_type=trigger.event_type, mode=trigger.mode, cameo=trigger.cameo,
            trigger=Span(start, end, verb.text), sentence=sentence, event_text=sent.text,
            actor=actors, recipient=parties, target=target, modality=mood,
            date=date, event_loc=place,
            quote_id=quote.id if quote is not None else None,
            confidence=round(max(0.05, min(0.95, 0.35 + 0.2 * bool(actors) + 0.15 * bool(recipients)
                                           + 0.1 * coded + salience(verb))), 2),
        )

    def _actor(self, head, article: Article, prior: PriorIndex) -> Actor:
        start, end = _whole_names(*noun_phrase(head), prior.names)
        text = article.text[start:end]
        inside = [e for e in prior.entities.within(start, end) if e.label != "DATE"]
        kin = [(m.start(1) + start, m.end(1) + start) for m in ETHNIC.finditer(text)]
        if kin:  # "ethnic Albanians": a people, not the state of that name (see _located)
            inside = [e for e in inside if not any(a <= e.start < b for a, b in kin)]
            text_for_codes = ETHNIC.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + "people", text)
        else:
            text_for_codes = text
        code = self.actors.lookup(text_for_codes, on=article.published)
        coded = head_first([e for e in inside if e.country], head)
        named = next((e for e in inside if e.label in ("PERSON", "ORG")), coded or (inside[0] if inside else None))
        country = (coded.country if coded else None) or (code.country if code else None)
        sector = (code.sector if code else None) or (coded.sector if coded else None)
        name = named.canonical if named else (code.name if code else None)
        return Actor(start, end, text, country=country, sector=sector,
                     code=ActorCode(country, sector).code, name=name)

    def _coded_recipient(self, verb, trigger, actor_heads, recipient_heads, article, prior) -> tuple:
        """The nearest coded party in the trigger's own clause and complements, when the
        syntactic recipient names none: "promised to return them to Peru", "curfew in Kharkiv";
        not the venue of a meeting or an agreement ("talks in Geneva", "agreed in Doha")."""
        venue = venue_of(verb, trigger)
        for head in nearby_objects(verb, [*actor_heads, *recipient_heads], venue):
            found = self._actor(head, article, prior)
            if venue and found.country and not any(  # "talks in Algiers": Algiers is the venue
                    e.country for e in prior.entities.within(found.start, head.idx + len(head))):
                continue
            if found.country:
                return (found,)
        return ()

    @staticmethod
    def _date(sentence: Span, article: Article, prior: PriorIndex) -> Optional[str]:
        for d in prior.dates.starting_in(sentence.start, sentence.end):
            if d.value and d.type in ("DATE", "TIME") \
                    and not d.value.endswith("_REF"):
                return d.value
        return article.published


def _whole_names(start: int, end: int, names: SpanIndex) -> tuple[int, int]:
    """A phrase the parse cut inside a name takes the whole name: each name (in text order)
    that overlaps the phrase as it has grown so far widens it."""
    last = -1
    while True:
        later = [i for i in names.overlapping_positions(start, end) if i > last]
        if not later:
            return start, end
        last = later[0]
        name = names.records[last]
        start, end = min(start, name.start), max(end, name.end)


def _per_date(event: Event, article: Article, prior: PriorIndex) -> list[Event]:
    """An act on coordinated days is one event per day: "shelled the town on May 2 and 8"."""
    sentence = event.sentence
    dated = [d for d in prior.dates.starting_in(sentence.start, sentence.end)
             if d.value and d.type in ("DATE", "TIME") and not d.value.endswith("_REF")]
    if len(dated) < 2 or dated[0].value != event.date:
        return [event]
    days = [dated[0]]
    for d in dated[1:]:
        if not _COORDINATION.match(article.text[days[-1].end:d.start]):
            break
        days.append(d)
    return [event] + [dataclasses.replace(
        event, date=d.value, id=content_id(article.id, "event", event.trigger.start,
                                           event.event_type, d.value)) for d in days[1:]]


def _clausal(verb) -> bool:
    """A verb with a clause or infinitive is not its everyday sense: "declined to attend",
    "denied that ...", unlike "prices declined"."""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _state(actors: Sequence[Actor]) -> bool:
    """Some actor is a state body: a state sector, or a bare country or IGO name."""
    return any(a.sector in STATE_SECTORS or (a.country and not a.sector) for a in actors)
