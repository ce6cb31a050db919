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
    **_all("AGREE", "03", None, "agree", "pledge", "promise", "commit", "offer", "accept",
           "vow", "volunteer", "swear"),
    # CAMEO 057 "sign formal agreement" is SUPPORT in the CAMEO-to-PLOVER table.
    **_all("SUPPORT", "05", "sign", "sign", "ratify"),
    **_all("CONSULT", "04", "meet", "meet", "visit", "host", "negotiate", "discuss", "consult",
           "confer", "phone", "mediate", "arrive", "receive", "talk"),
    **_all("SUPPORT", "05", "praise", "praise", "commend", "welcome", "thank", "applaud",
           "congratulate"),
    **_all("SUPPORT", "05", "endorse", "support", "back", "endorse", "defend", "recognise",
           "recognize", "apologise", "apologize", "forgive"),
    **_all("COOPERATE", "06", None, "cooperate", "collaborate", "coordinate", "partner", "ally",
           "share", "extradite"),
    **_all("AID", "07", None, "aid", "assist", "donate", "supply", "fund", "rescue", "provide",
           "give", "grant", "contribute", "shelter"),
    # PLOVER: "the actual release or exchange of prisoners should be coded as RETREAT"
    **_all("RETREAT", "08", "release", "release", "free"),
    **_all("CONCEDE", "08", None, "allow", "permit"),
    **_all("CONCEDE", "08", None, "pardon", "ease", "lift", "reopen", "concede", "yield", "relax",
           "compensate"),
    **_all("RETREAT", "08", "withdraw", "withdraw", "retreat", "demobilise", "demobilize",
           "disarm", "evacuate", "surrender", "resign"),
    **_all("ACCUSE", "11", "disapprove", "blame", "condemn", "criticise", "criticize",
           "denounce", "deplore", "slam", "censure", "rebuke", "fault", "complain", "decry"),
    **_all("ACCUSE", "11", "allege", "accuse", "allege", "charge", "sue", "indict"),
    **_all("ACCUSE", "09", "investigate", "investigate", "probe", "inspect"),
    **_all("REQUEST", "10", None, "urge", "demand", "ask", "appeal", "request", "plead",
           "implore", "press", "order", "insist", "pressure", "pressurise",
           "pressurize", "seek"),
    **_all("REJECT", "12", None, "reject", "refuse", "veto", "dismiss", "rebuff", "decline",
           "deny", "oppose", "resist", "renege", "defy", "violate",
           "breach"),
    **_all("THREATEN", "13", None, "threaten", "warn", "menace"),
    **_all("PROTEST", "14", "demonstrate", "protest", "rally", "demonstrate", "march",
           "boycott", "picket", "riot"),
    **_all("MOBILIZE", "15", None, "mobilise", "mobilize", "deploy", "mass", "reinforce",
           "station", "dispatch", "patrol", "strengthen"),
    **_all("SANCTION", "16", "expel", "expel"),
    **_all("SANCTION", "16", None, "sanction", "sever", "suspend", "embargo",
           "freeze", "downgrade", "halt", "cancel", "recall", "cut"),
    **_all("COERCE", "17", "arrest", "arrest", "detain", "jail", "imprison", "abduct",
           "kidnap", "deport"),
    **_all("COERCE", "17", "restrict", "block", "blockade", "seize", "confiscate", "ban",
           "censor", "raid", "besiege", "impose", "close", "outlaw", "prohibit", "prevent",
           "demolish", "bulldoze", "raze", "hack", "expropriate", "cordon"),
    # repression of crowds (CAMEO 175)
    **_all("COERCE", "17", None, "disperse", "suppress", "repress"),
    **_all("ASSAULT", "19", "firearms", "shoot", "fire", "shell", "gun"),
    **_all("ASSAULT", "19", "aerial", "bomb", "bombard", "airstrike"),
    **_all("ASSAULT", "18", None, "attack", "assault", "strike", "kill", "wound", "injure", "beat",
           "ambush", "invade", "storm", "massacre", "torture", "assassinate", "murder",
           "clash", "fight", "target", "hit", "abuse"),
    **_all("ASSAULT", "19", "occupy", "occupy", "capture", "overrun"),
}

# Triggers that count only with a particle or object: lemma -> {required word: trigger}.
PHRASAL: dict[str, dict[str, Trigger]] = {
    "call": {"off": Trigger("CONCEDE", None, "08"), "on": Trigger("REQUEST", None, "10"), "for": Trigger("REQUEST", None, "10"),
             "upon": Trigger("REQUEST", None, "10")},
    "hold": {"talks": Trigger("CONSULT", "meet", "04"), "meeting": Trigger("CONSULT", "meet", "04"),
             "negotiations": Trigger("CONSULT", "meet", "04"),
             "consultations": Trigger("CONSULT", "meet", "04")},
    "open": {"fire": Trigger("ASSAULT", "firearms", "19")},
    "send": {"troops": Trigger("MOBILIZE", None, "15"), "forces": Trigger("MOBILIZE", None, "15"),
             "aid": Trigger("AID", None, "07"), "peacekeepers": Trigger("MOBILIZE", None, "15"),
             # CAMEO 07: material aid, of arms too (PLOVER AID)
             **{word: Trigger("AID", None, "07") for word in (
                 "arms", "weapons", "supplies", "food", "medicine", "medicines", "equipment")}},
    # CAMEO 1712 "destroy property": "blew up the pipeline", "set fire to the depot"
    "blow": {"up": Trigger("COERCE", None, "17")},
    "set": {"fire": Trigger("COERCE", None, "17"), "ablaze": Trigger("COERCE", None, "17")},
    # CAMEO 181 "abduct, hijack or take hostage", coded here with abduction (COERCE arrest)
    "take": {word: Trigger("COERCE", "arrest", "17") for word in ("hostage", "hostages", "captive")},
    "provide": {"aid": Trigger("AID", None, "07"), "assistance": Trigger("AID", None, "07"),
                "weapons": Trigger("AID", None, "07")},
    "pull": {"out": Trigger("RETREAT", "withdraw", "08"), "back": Trigger("RETREAT", "withdraw", "08")},
    "push": {"for": Trigger("REQUEST", None, "10")},
    # CAMEO 083: accepting or meeting the other side's demands is accession, a concession
    "accept": {word: Trigger("CONCEDE", None, "08") for word in ("demands", "demand", "conditions")},
    "meet": {word: Trigger("CONCEDE", None, "08") for word in ("demands", "demand", "conditions")},
    # CAMEO 0842: giving back property is RETREAT; "return home" (no object) is no event
    "return": {word: Trigger("RETREAT", "return", "08") for word in (
        "weapons", "equipment", "property", "land", "territory", "remains", "bodies", "prisoners",
        "hostages", "detainees", "assets", "vessels", "ships", "boats", "aircraft", "artefacts",
        "paintings", "funds")},
    "break": {"ceasefire": Trigger("ASSAULT", None, "19"), "truce": Trigger("ASSAULT", None, "19"),
              "relations": Trigger("SANCTION", "withdraw", "16"),
              "ties": Trigger("SANCTION", "withdraw", "16")},
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
                            "decide", "promise", "pledge", "vow", "hope", "want", "seek",
                            "willing", "ready", "prepared", "offer", "swear", "determined",
                            "threaten"})
NEGATING_HEADS = frozenset({"refuse", "fail", "deny", "decline", "stop", "halt", "cease"})
RECIPIENT_PREPOSITIONS = frozenset({"on", "against", "with", "to", "at", "upon", "from", "for",
                                    "between"})

# Light verbs whose object names the event: "launched an attack", "imposed sanctions",
# "staged a protest", "sealed a deal". The noun gives the type.
LIGHT_VERBS = frozenset({
    "hold", "launch", "stage", "impose", "carry", "conduct", "mount", "reach", "begin",
    "start", "announce", "make", "issue", "lodge", "file", "deliver", "extend", "give", "pay",
    "organise", "organize", "resume", "open", "seal", "declare", "call", "establish",
    "restore", "upgrade", "normalise", "normalize", "renew", "grant", "undertake", "set",
    "register", "continue", "step", "strike", "broker", "reiterate", "repeat", "tighten",
    "reimpose", "intensify", "expand", "finalise", "finalize",
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
    **_all("REQUEST", "10", None, "appeal", "request", "demand", "plea"),
    **_all("THREATEN", "13", None, "threat", "warning", "ultimatum"),
    **_all("ACCUSE", "11", "allege", "complaint", "accusation", "charge", "lawsuit"),
    **_all("ACCUSE", "09", "investigate", "investigation", "inquiry", "probe", "hearing"),
    **_all("AID", "07", None, "aid", "assistance", "relief", "loan", "donation", "grant"),
    **_all("AID", "07", "asylum", "asylum", "refuge", "sanctuary"),
    **_all("CONSULT", "04", None, "mediation"),
    # CAMEO 054: establishing, restoring or upgrading diplomatic ties is SUPPORT.
    **_all("SUPPORT", "05", "recognize", "ties", "tie", "relations", "relation"),
    **_all("AGREE", "03", None, "consensus", "understanding", "compromise"),
    **_all("COERCE", "17", "restrict", "curfew", "crackdown", "martial"),
    **_all("RETREAT", "08", "withdraw", "withdrawal", "pullout", "pullback", "retreat"),
    **_all("SANCTION", "16", None, "suspension", "expulsion"),
    **_all("CONCEDE", "08", None, "apology", "amnesty", "concession"),
}

# A light verb that changes its noun's type: a protest lodged in writing is an accusation
# (PLOVER ACCUSE covers "written and institutionalized protests").
LIGHT_OVERRIDES: dict[tuple[str, str], Trigger] = {
    **{(verb, "protest"): Trigger("ACCUSE", "disapprove", "11")
       for verb in ("lodge", "file", "register")},
    # declaring a truce ends fighting (CAMEO 0871): RETREAT, not an agreement
    **{(verb, noun): Trigger("RETREAT", "ceasefire", "08")
       for verb in ("declare", "announce") for noun in ("ceasefire", "truce")},
}

# PLOVER codes a stated intention by its kind. AGREE: "agree to, offer, promise, or otherwise
# indicate willingness or commitment to cooperate ... All cooperative actions reported in future
# tense are also taken to imply intentions"; THREATEN: "all threats, coercive or forceful
# warnings", its mode saying what is threatened. So a planned cooperative act ("will hold
# talks") is AGREE, its mode naming the act and its CAMEO code the matching "express intent to"
# code (03x); a planned hostile act ("will impose sanctions") is THREATEN with the THREATEN mode
# of the act. A negated act keeps its type and says so in its modality: PLOVER puts negation in
# the context, and REJECT is a refusal ("refused to meet"), which its own trigger codes.
INTENT_CAMEO: dict[str, str] = {
    "CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
    "RETREAT": "035",
}
THREAT_MODES: dict[str, str] = {  # hostile act type -> THREATEN mode (PLOVER table)
    "ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations",
    "PROTEST": "restrict",
}
THREAT_MODES_BY_ACT: dict[tuple[str, str], str] = {  # (type, mode) of the act -> THREATEN mode
    ("ASSAULT", "occupy"): "territory", ("COERCE", "arrest"): "arrest",
    ("SANCTION", "expel"): "expel",
}

# "X said Y must leave": a statement that another party must act is a demand by the speaker.
STATING_VERBS = frozenset({
    "say", "declare", "insist", "reiterate", "state", "stress", "announce", "tell", "conclude",
    "warn", "add", "argue", "maintain", "emphasise", "emphasize", "repeat", "write", "confirm",
})
OBLIGATION_AUX = frozenset({"must"})

# Judgements a statement passes on an act or a party: "called the vote illegal", "described the
# move as a provocation", "said the decision was a mistake" are the speaker's ACCUSE (CAMEO 111
# criticise or denounce); "said the talks were constructive" its SUPPORT (CAMEO 051 praise).
LABELLING_VERBS = frozenset({"call", "describe", "brand", "label", "term", "dub", "characterise",
                             "characterize", "deem", "consider", "declare"})
DISAPPROVAL = Trigger("ACCUSE", "disapprove", "11")
PRAISE = Trigger("SUPPORT", "praise", "05")
JUDGEMENTS: dict[str, Trigger] = {
    **{word: DISAPPROVAL for word in (
        "illegal", "illegitimate", "unlawful", "unacceptable", "provocative", "irresponsible",
        "unjustified", "unjustifiable", "baseless", "groundless", "unfounded", "absurd",
        "aggressive", "biased", "unfair", "reckless", "destabilising", "destabilizing", "invalid",
        "outrageous", "shameful", "disgraceful", "deplorable", "counterproductive", "cynical",
        "hypocritical", "politicised", "politicized", "fabricated", "provocation", "violation",
        "aggression", "crime", "mistake", "blunder", "farce", "sham", "lie", "fabrication",
        "insult", "blackmail", "interference", "travesty")},
    **{word: PRAISE for word in (
        "constructive", "fruitful", "productive", "positive", "successful", "useful", "helpful",
        "encouraging", "commendable", "praiseworthy")},
}
# What a judgement is passed on when it names no party: an act, a decision, words said.
JUDGED_ACTS = frozenset({
    "decision", "move", "vote", "referendum", "election", "elections", "sanctions", "sanction",
    "claim", "claims", "statement", "statements", "remarks", "comments", "accusation",
    "accusations", "allegation", "allegations", "law", "bill", "resolution", "policy", "plan",
    "deployment", "attack", "strike", "strikes", "action", "actions", "behaviour", "behavior",
    "talks", "meeting", "visit", "deal", "agreement", "accord", "annexation", "occupation",
    "blockade", "exercise", "exercises", "test", "launch", "ban", "ruling", "verdict", "measures",
})
DEMAND = Trigger("REQUEST", None, "10")

# Obstruction by non-state actors is protest (CAMEO 144); by the state it is coercion.
OBSTRUCTION = frozenset({"block", "blockade", "barricade"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
PROTEST_OBSTRUCT = Trigger("PROTEST", "obstruct", "14")

# Ending a restriction is a concession whatever the verb: "cancelled the curfew".
EASING_VERBS = frozenset({
    "cancel", "end", "scrap", "remove", "suspend", "halt", "drop", "shorten", "reduce",
    "abolish", "revoke", "relax", "ease", "lift", "loosen", "stop",
})
RESTRICTIONS = frozenset({
    "restriction", "curfew", "ban", "sanction", "embargo", "blockade", "emergency", "siege",
    "checkpoint", "censorship", "limit", "boycott", "strike", "closure", "tariff",
})
EASE = Trigger("CONCEDE", "ease", "08")
# CAMEO 085 (ease economic sanctions, boycott, embargo) and 0872 (ease a military blockade) are
# de-escalation, RETREAT in the CAMEO-to-PLOVER table; easing political restrictions (081) is
# CONCEDE.
RETREAT_EASING = frozenset({"blockade", "siege", "embargo", "sanction", "boycott", "tariff"})
EASE_PRESSURE = Trigger("RETREAT", "ease", "08")

# Everyday verbs that are events only when a party names a country: "the report provides
# details", "he gave a speech", "the company cut prices" are not events; "Russia gave Syria
# weapons" is.
BROAD_VERBS = frozenset({
    "give", "provide", "share", "receive", "arrive", "talk", "seek", "order", "cut", "end",
    "press", "accept", "offer", "close", "back", "charge", "free", "ease", "cancel", "halt",
    "prevent", "support", "host", "deny", "decline", "allow", "permit", "abuse",
})

# Statements as events of their speaker: see eventscope.extract.statements.
# Nouns naming a statement whose clause is its content: "sent a reminder that Y must leave".
STATEMENT_NOUNS = frozenset({
    "statement", "reminder", "warning", "declaration", "message", "letter", "communique",
    "note", "call", "appeal", "demand", "insistence", "ultimatum", "resolution", "request",
    "plea", "position", "view",
})
# Triggers whose clause is what they ask, threaten or permit, one act with it: "demanded that
# Y withdraw" is one REQUEST, not a REQUEST and a withdrawal; "warned it would strike" is one
# THREATEN; "allowed Y to hold a rally" one CONCEDE.
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "CONCEDE"})
# Speech verbs that are a different act when they report a clause: a protest voiced ("a group
# protested that the police ...") is PLOVER ACCUSE ("verbal protest"), not a demonstration.
CLAUSAL_TRIGGERS: dict[str, Trigger] = {
    "protest": Trigger("ACCUSE", "disapprove", "11"),
    "object": Trigger("ACCUSE", "disapprove", "11"),
}
# Verbs whose content is only alleged: "accused Y of shelling", "claimed that Y shelled".
ALLEGING_VERBS = frozenset({"accuse", "allege", "claim", "charge", "blame", "suspect"})
ALLEGING_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                              "reputedly"})
# "Y was reported to have shelled": the raising verbs of hearsay.
HEARSAY_VERBS = frozenset({"report", "say", "allege", "believe", "think", "suspect", "rumour",
                           "rumor", "claim"})
# Promises of a hostile act are threats: "vowed to attack" (PLOVER THREATEN).
COMMISSIVE_VERBS = frozenset({"promise", "vow", "pledge", "swear", "commit"})
# A stated act made conditional on the other party is a threat: "will pull out unless ...".
COERCIVE_CONDITIONS = frozenset({"unless"})
HOSTILE_CONDITIONS = frozenset({"if", "unless"})  # for a hostile act: "would retaliate if ..."
REFUSED_TYPES = frozenset({"AGREE", "CONCEDE"})  # negated, a refusal: "did not accept" = REJECT
REFUSAL = Trigger("REJECT", None, "12")

# Not events. A natural hazard or an accident as the doer of a harm is no political act.
NATURAL_CAUSES = frozenset({
    "earthquake", "quake", "tremor", "storm", "flood", "flooding", "hurricane", "typhoon",
    "cyclone", "landslide", "mudslide", "avalanche", "tsunami", "wildfire", "bushfire",
    "drought", "heatwave", "tornado", "eruption", "lightning", "blizzard", "rain", "rains",
    "monsoon", "snowstorm", "heat", "disease", "epidemic", "outbreak", "virus",
    "crash", "accident", "collision", "derailment", "stampede", "blaze", "gale",
})
# Idioms: a trigger with one of these objects means something else ("released a statement",
# "resigned herself to", "struck a chord", "hit a record").
IDIOM_OBJECTS: dict[str, frozenset] = {
    "release": frozenset({"statement", "report", "video", "footage", "figure", "data", "detail",
                          "result", "list", "album", "film", "book", "photo", "image",
                          "document", "recording", "communique", "transcript", "song",
                          "version", "update", "budget", "forecast", "plan", "name"}),
    "resign": frozenset({"herself", "himself", "themselves", "itself", "myself", "ourselves",
                         "yourself"}),
    "strike": frozenset({"chord", "balance", "note", "tone", "pose", "gold", "oil"}),
    "hit": frozenset({"record", "high", "low", "mark", "headline", "jackpot", "market",
                      "shelf", "peak"}),
    "beat": frozenset({"record", "deadline", "odds", "expectation", "forecast"}),
    "shoot": frozenset({"film", "video", "scene", "footage", "movie"}),
    "fire": frozenset({"question", "coach", "manager", "employee", "staff", "worker", "ceo",
                       "director", "executive", "imagination"}),
    # "gave him 72 hours to leave": a deadline, no aid
    **{verb: frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months",
                        "deadline", "ultimatum", "time", "chance", "warning", "interview",
                        "speech", "statement", "details", "press", "briefing", "reason", "way"})
       for verb in ("give", "grant")},
}
# "declined to comment": a refusal to speak is no rejection.
SILENT_COMPLEMENTS = frozenset({"comment", "elaborate", "speculate", "say", "specify",
                                "answer", "discuss", "disclose", "name", "identify"})
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my", "ours"})

# Events said in nouns outside a light verb (eventscope.extract.nominal): "Chile's incursion
# into the valley", "Peruvian shelling of the outposts", "threats against Bolivia". Only nouns
# that name one act count; "relations", "ties", "charge" or "strike" name a state, a fee or
# either of two acts. Nominalised verbs that are not light-verb objects are added here.
NOMINAL_TRIGGERS: dict[str, Trigger] = {
    **{noun: t for noun, t in NOUN_TRIGGERS.items() if noun not in {
        "relations", "relation", "ties", "tie", "charge", "strike", "hearing", "grant",
        "understanding", "relief", "deal", "aid", "assistance", "loan", "march", "meeting",
        "summit", "consensus", "compromise", "martial", "refuge", "sanctuary", "memorandum",
        "ban", "request", "appeal", "demand", "plea", "warning"}},
    **_all("ASSAULT", "18", None, "shelling", "bombing", "shootout", "skirmish", "clash"),
    **_all("ASSAULT", "19", "occupy", "occupation", "annexation"),
}
# Dependents of an event noun that name its doer ("by" phrase) and its target; "of" names the
# target of an act done to someone ("shelling of the outposts") and the doer of one done by
# someone ("the withdrawal of the troops").
NOMINAL_AGENT_PREPOSITIONS = frozenset({"by"})
NOMINAL_TARGET_PREPOSITIONS = frozenset({"against", "on", "upon", "into", "with", "to", "at",
                                         "between"})
NOMINAL_OF_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE"})
# A nominal event is reported in passing: it ranks below any verbal event of its sentence.
NOMINAL_CONFIDENCE_PENALTY = 0.25
# A nominal act that is not said to have happened: "the planned incursion", "fears of an
# invasion", "the visit was postponed", "feared a blockade". Its modality, by modifier, by the
# noun it is "of", and by the verb it is the object (or passive subject) of; the type is kept
# (a planned nominal act is not recoded as AGREE or THREATEN: the noun is no stated intent).
NOMINAL_MOOD_MODIFIERS: dict[str, str] = {
    **dict.fromkeys(("planned", "proposed", "intended", "scheduled", "threatened", "imminent",
                     "expected", "upcoming", "promised"), "planned"),
    **dict.fromkeys(("possible", "potential", "feared", "likely", "hypothetical"), "hypothetical"),
    **dict.fromkeys(("alleged", "reported", "suspected", "purported", "claimed"), "reported"),
    **dict.fromkeys(("failed", "aborted", "cancelled", "canceled", "postponed"), "negated"),
}
NOMINAL_MOOD_NOUNS: dict[str, str] = {
    **dict.fromkeys(("fear", "possibility", "risk", "prospect", "danger", "spectre", "specter",
                     "likelihood", "threat", "rumour", "rumor"), "hypothetical"),
    **dict.fromkeys(("plan", "proposal", "preparation"), "planned"),
}
NOMINAL_MOOD_VERBS: dict[str, str] = {
    **dict.fromkeys(("fear", "expect", "risk", "consider", "discuss", "predict"), "hypothetical"),
    **dict.fromkeys(("plan", "propose", "schedule", "prepare", "threaten"), "planned"),
    **dict.fromkeys(("postpone", "delay", "cancel", "prevent", "avert", "deny", "avoid",
                     "thwart", "foil"), "negated"),
}
