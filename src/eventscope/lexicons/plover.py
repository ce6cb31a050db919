"""Event triggers: verb lemmas to PLOVER 2.0 (type, mode) and the CAMEO root they map from.

Conditional triggers need a particle, object or subject to count; see ``PHRASAL`` and
``MILITARY_ONLY``. Speech verbs ("say", "tell") are not events: statements are quotes.
"""
from typing import NamedTuple, Optional


class Trigger(NamedTuple):
    event_type: str
    mode: Optional[str]
    cameo: str


def _all(event_type: str, cameo: str, mode: Optional[str], *lemmas: str) -> dict:
    return {lemma: Trigger(event_type, mode, cameo) for lemma in lemmas}


VERBS: dict[str, Trigger] = {
    **_all("AGREE", "03", None, "agree", "pledge", "promise", "commit"),
    **_all("AGREE", "05", "sign", "sign", "ratify", "conclude"),
    **_all("CONSULT", "04", "meet", "meet", "visit", "host", "negotiate", "discuss", "consult",
           "confer", "phone", "mediate"),
    **_all("SUPPORT", "05", "praise", "praise", "commend", "welcome", "thank", "applaud",
           "congratulate"),
    **_all("SUPPORT", "05", "endorse", "support", "back", "endorse", "defend", "recognise",
           "recognize", "apologise", "apologize"),
    **_all("COOPERATE", "06", None, "cooperate", "collaborate", "coordinate", "partner", "ally"),
    **_all("AID", "07", None, "aid", "assist", "donate", "supply", "fund", "evacuate",
           "rescue"),
    **_all("CONCEDE", "08", "release", "release", "free", "pardon", "ease", "lift", "reopen",
           "concede", "yield", "relax", "compensate"),
    **_all("RETREAT", "08", "withdraw", "withdraw", "retreat", "demobilise", "demobilize",
           "disarm", "evacuate"),
    **_all("ACCUSE", "11", "disapprove", "blame", "condemn", "criticise", "criticize",
           "denounce", "deplore", "slam", "censure", "rebuke", "fault"),
    **_all("ACCUSE", "11", "allege", "accuse", "allege", "charge"),
    **_all("ACCUSE", "09", "investigate", "investigate", "probe", "inspect"),
    **_all("REQUEST", "10", None, "urge", "demand", "ask", "appeal", "request", "plead",
           "implore", "press"),
    **_all("REJECT", "12", None, "reject", "refuse", "veto", "dismiss", "rebuff", "decline",
           "deny", "oppose", "resist"),
    **_all("THREATEN", "13", None, "threaten", "warn", "menace"),
    **_all("PROTEST", "14", "demonstrate", "protest", "rally", "demonstrate", "march",
           "boycott", "picket"),
    **_all("MOBILIZE", "15", None, "mobilise", "mobilize", "deploy", "mass", "reinforce",
           "station", "dispatch"),
    **_all("SANCTION", "16", None, "sanction", "expel", "sever", "suspend", "embargo",
           "freeze", "downgrade"),
    **_all("COERCE", "17", "arrest", "arrest", "detain", "jail", "imprison", "abduct",
           "kidnap", "deport"),
    **_all("COERCE", "17", "restrict", "block", "blockade", "seize", "confiscate", "ban",
           "censor", "raid", "besiege", "impose", "close"),
    **_all("ASSAULT", "19", "firearms", "shoot", "fire", "shell", "gun"),
    **_all("ASSAULT", "19", "aerial", "bomb", "bombard", "airstrike"),
    **_all("ASSAULT", "18", None, "attack", "assault", "strike", "kill", "wound", "injure",
           "ambush", "invade", "storm", "massacre", "torture", "assassinate", "murder",
           "clash", "fight", "target", "hit"),
    **_all("ASSAULT", "19", "occupy", "occupy", "capture", "overrun"),
}

# Triggers that count only with a particle or object: lemma -> {required word: trigger}.
PHRASAL: dict[str, dict[str, Trigger]] = {
    "call": {"on": Trigger("REQUEST", None, "10"), "for": Trigger("REQUEST", None, "10"),
             "upon": Trigger("REQUEST", None, "10")},
    "hold": {"talks": Trigger("CONSULT", "meet", "04"), "meeting": Trigger("CONSULT", "meet", "04"),
             "negotiations": Trigger("CONSULT", "meet", "04"),
             "consultations": Trigger("CONSULT", "meet", "04")},
    "open": {"fire": Trigger("ASSAULT", "firearms", "19")},
    "send": {"troops": Trigger("MOBILIZE", None, "15"), "forces": Trigger("MOBILIZE", None, "15"),
             "aid": Trigger("AID", None, "07"), "peacekeepers": Trigger("MOBILIZE", None, "15")},
    "provide": {"aid": Trigger("AID", None, "07"), "assistance": Trigger("AID", None, "07"),
                "weapons": Trigger("AID", None, "07")},
    "pull": {"out": Trigger("RETREAT", "withdraw", "08"), "back": Trigger("RETREAT", "withdraw", "08")},
    "break": {"ceasefire": Trigger("ASSAULT", None, "19"), "truce": Trigger("ASSAULT", None, "19")},
}

# Movement verbs that are an assault only when the actor is armed: "troops entered the village".
MILITARY_ONLY: dict[str, Trigger] = {
    "enter": Trigger("ASSAULT", "occupy", "19"), "advance": Trigger("ASSAULT", "occupy", "19"),
    "cross": Trigger("ASSAULT", "occupy", "19"), "move": Trigger("MOBILIZE", None, "15"),
}
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "PKO"})

# Auxiliaries and heads that set an event's modality.
PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must"})
PLANNING_HEADS = frozenset({"plan", "intend", "expect", "prepare", "aim", "schedule", "agree",
                            "decide", "promise", "pledge", "vow", "hope", "want", "seek"})
NEGATING_HEADS = frozenset({"refuse", "fail", "deny", "decline", "stop", "halt", "cease"})
RECIPIENT_PREPOSITIONS = frozenset({"on", "against", "with", "to", "at", "upon", "from", "for"})

# Light verbs whose object names the event: "launched an attack", "imposed sanctions",
# "staged a protest", "signed an agreement". The noun gives the type.
LIGHT_VERBS = frozenset({
    "hold", "launch", "stage", "sign", "impose", "carry", "conduct", "mount", "reach", "begin",
    "start", "announce", "make", "issue", "lodge", "file", "deliver", "offer", "extend",
    "organise", "organize", "resume", "open", "seal", "conclude", "declare", "call",
})
NOUN_TRIGGERS: dict[str, Trigger] = {
    **_all("CONSULT", "04", "meet", "talks", "meeting", "negotiations", "consultations",
           "summit", "visit", "dialogue"),
    **_all("AGREE", "05", "sign", "agreement", "deal", "accord", "treaty", "ceasefire", "truce",
           "pact", "memorandum"),
    **_all("ASSAULT", "19", None, "attack", "offensive", "assault", "airstrike", "strike",
           "bombardment", "raid", "ambush", "incursion", "invasion"),
    **_all("PROTEST", "14", "demonstrate", "protest", "demonstration", "rally", "march",
           "strike", "boycott", "sit-in", "hunger-strike"),
    **_all("SANCTION", "16", None, "sanction", "embargo", "ban", "blockade"),
    **_all("REQUEST", "10", None, "appeal", "request", "demand", "plea", "ultimatum"),
    **_all("THREATEN", "13", None, "threat", "warning"),
    **_all("ACCUSE", "11", "allege", "complaint", "accusation", "charge"),
    **_all("AID", "07", None, "aid", "assistance", "relief", "loan", "donation"),
    **_all("CONCEDE", "08", None, "apology", "amnesty", "concession"),
}
