"""Statements as events of their speaker, and what is no event: helpers of events.v1.

Most of what conflict news reports is speech. A statement whose content is an act is one event
of its speaker: "X said Y must withdraw" and "X sent Y a reminder that it must withdraw" are
X's REQUEST of Y; "X demanded that Y withdraw" is one REQUEST, not also a withdrawal; "X vowed
to attack" is a THREATEN, "X will pull out unless Y ..." too; "X did not accept" is a REJECT;
"X called Y's decision illegal" is X's ACCUSE of Y, "X said the talks were fruitful" its praise.
"We" and "our" in a quote are the speaker's side. A natural hazard or an accident harming
people, and idioms ("released a statement", "declined to comment"), are no events; what is
only alleged ("reportedly shelled", "accused Y of shelling") has the modality ``reported``.

The rules are data in :mod:`eventscope.lexicons.plover`; these functions read a parsed
sentence and never change it.
"""
from __future__ import annotations

from typing import Callable, NamedTuple, Optional

from eventscope.extract.actors import ActorCode
from eventscope.lexicons.plover import (
    ALLEGING_ADVERBS, ALLEGING_VERBS, COERCIVE_CONDITIONS, COMMISSIVE_VERBS, CONTENT_TYPES,
    FIRST_PERSON, HEARSAY_VERBS, HOSTILE_CONDITIONS, IDIOM_OBJECTS, JUDGED_ACTS, JUDGEMENTS,
    LABELLING_VERBS, NATURAL_CAUSES, NOUN_TRIGGERS, OBLIGATION_AUX, REFUSAL, REFUSED_TYPES,
    SILENT_COMPLEMENTS, STATEMENT_NOUNS, STATING_VERBS, THREAT_MODES, THREAT_MODES_BY_ACT, Trigger,
)
from eventscope.records import Actor

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSES = ("ccomp", "xcomp", "acl")  # a clause that is what its head says
_SPEAKER_PRONOUNS = frozenset({"it"}) | FIRST_PERSON  # "X said it must": X's own duty

TriggerOf = Callable[[object], Optional[Trigger]]


class Demand(NamedTuple):
    """"X said Y must V": the statement (a verb or a statement noun), X's and Y's heads."""

    speech: object
    speakers: list
    addressees: list


def subjects(token) -> list:
    return [c for c in token.children if c.dep_ in _SUBJECTS]


def demand(verb) -> Optional[Demand]:
    """The demand a clause with "must" makes, when a statement reports it about another party.

    "Ghana said Togo must hand back the trawler" (the clause of a stating verb) and "Peru sent
    Chile a note that it must pay" (the clause of a statement noun, addressed to Chile) are
    demands; "Ghana said it must act" is Ghana's own duty, none.
    """
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children) \
            or verb.head.i == verb.i:
        return None
    head, content = verb.head, subjects(verb)
    if verb.dep_ == "ccomp" and head.lemma_.lower() in STATING_VERBS:
        speech, speakers = head, subjects(head)
    elif verb.dep_ in _CLAUSES and head.pos_ == "NOUN" and head.lemma_.lower() in STATEMENT_NOUNS:
        speech, speakers = head, subjects(head.head) if head.dep_ == "dobj" else []
    else:
        return None
    teller = head.head if speech is head and head.dep_ == "dobj" else speech
    addressees = [p for c in teller.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                  for p in c.children if p.dep_ == "pobj"]
    addressees += [c for c in teller.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    if addressees:
        return Demand(speech, speakers, addressees)
    if not content or any(s.pos_ == "PRON" and s.lower_ in _SPEAKER_PRONOUNS for s in content):
        return None
    return Demand(speech, speakers, content)


class Judgement(NamedTuple):
    """A statement judging an act or a party: the stating verb, who speaks, what is judged."""
    speech: object  # spaCy Token
    speakers: list
    judged: list
    trigger: Trigger


def judgement(verb) -> Optional[Judgement]:
    """"Moscow called the sanctions illegal", "described the move as a provocation", "Ankara
    said the vote was illegitimate": the speaker's ACCUSE of what is judged (or SUPPORT, for
    praise: "said the talks were constructive"). What is judged must be a party or an act
    ("the situation was dangerous" judges neither); a negated judgement is none."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if lemma in LABELLING_VERBS:
        judged = [c for c in verb.children if c.dep_ == "dobj"]
        words = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp")]
        words += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for p in c.children if p.dep_ == "pobj"]
        for clause in verb.children:  # "branded the claim baseless", parsed as a clause
            if clause.dep_ == "ccomp" and clause.pos_ in ("ADJ", "NOUN"):
                words.append(clause)
                judged += [c for c in clause.children if c.dep_ == "nsubj"]
    elif lemma in STATING_VERBS:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        if clause is None or any(c.dep_ == "neg" for c in clause.children):
            return None
        judged = [c for c in clause.children if c.dep_ == "nsubj"]
        words = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
    else:
        return None
    words += [c for w in words for c in w.conjuncts]
    found = next((JUDGEMENTS[w.lemma_.lower()] for w in words if w.lemma_.lower() in JUDGEMENTS), None)
    judged = [j for j in judged if _judgeable(j)]
    if found is None or not judged:
        return None
    return Judgement(verb, subjects(verb), judged, found)


def _judgeable(token) -> bool:
    """A party (a name, or whose act it is: "Russia's decision") or an act."""
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lemma_.lower() in JUDGED_ACTS \
        or token.lower_ in JUDGED_ACTS or any(c.dep_ == "poss" and c.ent_type_ for c in token.children)


def _owns(head, clause, trigger_of: TriggerOf) -> bool:
    """Whether ``clause`` is what ``head`` says as one act: a request or a threat."""
    if head.pos_ == "VERB":
        found = trigger_of(head)
    elif head.pos_ == "NOUN" and clause.dep_ in ("acl", "ccomp"):
        found = NOUN_TRIGGERS.get(head.lemma_.lower())
    else:
        return False
    return found is not None and found.event_type in CONTENT_TYPES


def content_owner(token, trigger_of: TriggerOf):
    """The statement whose content ``token`` is in, or None: "demanded that Y [withdraw]",
    "its demand that Y [ease] ...", "called on Y to unite and [mobilise]", "said Y must
    [leave]". A clause joined by "and" to the statement's own verb is not its content."""
    node = token
    while node.head.i != node.i and (node.dep_ in (*_CLAUSES, "conj", "acomp") or _purpose(node)):
        head = node.head
        if node.dep_ != "conj" and (_owns(head, node, trigger_of) or demand(node) is not None):
            return head
        node = head
    return None


def _purpose(clause) -> bool:
    """"pushing for Y [to] support": an adverbial clause introduced by "for"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def content_subjects(verb) -> list:
    """Who a request without an object is made of: "demanded that [Y] withdraw", "repeated
    its demand that [Y] withdraw"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or _purpose(c)]
    clauses += [c for n in verb.children if n.dep_ == "dobj" and n.lemma_.lower() in STATEMENT_NOUNS
                for c in n.children if c.dep_ in ("acl", "ccomp")]
    return [s for c in clauses for s in subjects(c)]


def implied_subjects(verb) -> list:
    """The doer a verb without a subject takes from its statement: "[X] issued a statement
    demanding ...", "accused [Y] of shelling ..."."""
    head = verb.head
    if verb.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
        return subjects(head.head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for") \
            and head.head.lemma_.lower() in ALLEGING_VERBS:
        return [c for c in head.head.children if c.dep_ == "dobj"]
    return []


def stated_act(verb, trigger: Trigger, mood: str, trigger_of: TriggerOf) -> tuple[Trigger, str]:
    """The act a statement is: a promise of a hostile act is a threat ("vowed to attack"), a
    stated act on a condition a threat ("will pull out unless ..."), a negated agreement a
    refusal ("did not accept"). Other triggers and moods are unchanged."""
    if verb.lemma_.lower() in COMMISSIVE_VERBS:
        act = next((trigger_of(c) for c in verb.children if c.dep_ == "xcomp" or (
            c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))), None)
        if act is not None and act.event_type in THREAT_MODES:
            return _threat(act), mood
    if mood == "negated" and trigger.event_type in REFUSED_TYPES:
        return REFUSAL, "asserted"
    if mood in ("planned", "hypothetical") and trigger.event_type != "THREATEN":
        marks = {m.lower_ for c in verb.children if c.dep_ == "advcl"
                 for m in c.children if m.dep_ == "mark"}
        if marks & COERCIVE_CONDITIONS or (marks & HOSTILE_CONDITIONS
                                           and trigger.event_type in THREAT_MODES):
            return _threat(trigger), mood
    return trigger, mood


def _threat(act: Trigger) -> Trigger:
    mode = THREAT_MODES_BY_ACT.get((act.event_type, act.mode or "")) or THREAT_MODES.get(act.event_type)
    return Trigger("THREATEN", mode, "13")


def alleged(verb) -> bool:
    """Only alleged: "reportedly shelled", "was said to have shelled", "accused Y of
    shelling", "claimed that Y shelled"."""
    if any(c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS for c in verb.children):
        return True
    node = verb
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return False
        lemma = head.lemma_.lower()
        if node.dep_ == "xcomp" and lemma in HEARSAY_VERBS and any(c.dep_ == "nsubjpass" for c in head.children):
            return True
        if node.dep_ == "ccomp" and lemma in ALLEGING_VERBS:
            return True
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in ALLEGING_VERBS:
            return True
        if node.dep_ not in ("conj", "xcomp"):
            return False
        node = head
    return False


def not_an_event(verb, actor_heads) -> bool:
    """An idiom ("released a statement", "resigned herself to", "declined to comment") or a
    harm done by a natural hazard or an accident ("a storm killed", "killed in a crash")."""
    lemma = verb.lemma_.lower()
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass")}
    objects |= {c.lower_ for c in verb.children if c.dep_ == "dobj"}
    if objects & IDIOM_OBJECTS.get(lemma, frozenset()):
        return True
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in SILENT_COMPLEMENTS for c in verb.children):
        return True
    causes = [h.lemma_.lower() for h in actor_heads]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        causes += [p.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "agent")
                   and c.lower_ in ("in", "by", "during") for p in c.children if p.dep_ == "pobj"]
    return any(c in NATURAL_CAUSES for c in causes)


def first_person(actor: Actor, quote) -> Actor:
    """"We", "us" and "our forces" in a quote are the speaker's side."""
    words = actor.text.split()
    if not words or not _first_person_word(words[0]) or not (quote.speaker_name or quote.speaker_country):
        return actor
    country = actor.country or quote.speaker_country
    name = quote.speaker_name if len(words) == 1 else actor.name
    return Actor(actor.start, actor.end, actor.text, country=country, sector=actor.sector,
                 code=ActorCode(country, actor.sector).code, name=name)


def _first_person_word(word: str) -> bool:
    """"we", "Our", "I"; not "US", the country."""
    return word == "I" or (word.lower() in FIRST_PERSON and word != word.upper())
