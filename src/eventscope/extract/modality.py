"""How an event is told: its modality (asserted, planned, hypothetical, negated, reported),
the confidence its clause earns, and PLOVER's type for a planned act. Helpers of events.v1.
"""
from __future__ import annotations

from typing import Optional

from eventscope.extract.statements import alleged
from eventscope.lexicons.plover import (
    HYPOTHETICAL_AUX, INTENT_CAMEO, NEGATING_HEADS, PLANNED_AUX, PLANNING_HEADS, STATING_VERBS,
    THREAT_MODES, THREAT_MODES_BY_ACT, Trigger,
)


def modality(verb) -> str:
    children = {c.lower_: c.dep_ for c in verb.children}
    if "neg" in children.values():
        return "negated"
    head = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    if head is not None and head.lemma_.lower() in NEGATING_HEADS:
        return "negated"
    if head is not None and any(c.dep_ == "neg" for c in head.children):
        return "negated"
    if alleged(verb):
        return "reported"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if head is not None:
        auxes |= {c.lower_ for c in head.children if c.dep_ == "aux"}
    if "would" in auxes and reported(verb):  # "said it would withdraw": a stated plan
        return "planned"
    if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return "hypothetical"
    if auxes & PLANNED_AUX or any(g.lemma_.lower() in PLANNING_HEADS for g in governors(verb)):
        return "planned"
    return "asserted"


def governors(verb, depth: int = 3) -> list:
    """The verbs (or adjectives) a complement hangs from: "ready to send aid to help rebuild"."""
    out, token = [], verb
    while depth and token.head.i != token.i and (token.dep_ in ("xcomp", "ccomp") or purpose_clause(token)):
        token, depth = token.head, depth - 1
        out.append(token)
    return out


def reported(verb) -> bool:
    """The verb heads the content clause of a statement: "X said (that) Y ..."."""
    return verb.dep_ == "ccomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in STATING_VERBS


def salience(verb) -> float:
    """Confidence bonus for main-clause triggers, malus for those in subordinate clauses."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ in ("advcl", "relcl", "acl", "pcomp", "pobj", "amod", "npadvmod"):
            return -0.15
        token = token.head
    return 0.1 if verb.dep_ == "ROOT" else 0.0


def stated_intent(trigger: Trigger, mood: str) -> Trigger:
    """PLOVER's type for a planned act: AGREE to a cooperative act (mode: the act), THREATEN
    with a hostile one (mode: what is threatened); other acts and moods are unchanged."""
    if mood != "planned":
        return trigger
    if trigger.event_type in INTENT_CAMEO:
        return Trigger("AGREE", trigger.event_type.lower(), INTENT_CAMEO[trigger.event_type])
    if trigger.event_type in THREAT_MODES:
        mode = THREAT_MODES_BY_ACT.get((trigger.event_type, trigger.mode or ""))
        return Trigger("THREATEN", mode or THREAT_MODES[trigger.event_type], "13")
    return trigger


def later_than(value: Optional[str], published: Optional[str]) -> bool:
    """Whether a normalised date (2023-08, 2023-08-31, 2023-W35) is after the publication day."""
    if not value or not published or not value[:4].isdigit() or "W" in value:
        return False
    n = min(len(value), 10)  # compare at the coarser of the two precisions
    return value[:n] > published[:n]


def purpose_clause(token) -> bool:
    """"sent troops [to help]": an infinitive of purpose, whose doer is its governor's."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
