"""Reporting expressions and quotation marks: data for quotes.v1."""

# Lemmas of verbs that introduce speech or a stated position.
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "declare", "claim", "accuse", "warn", "urge",
    "insist", "deny", "note", "stress", "write", "ask", "reply", "explain", "argue", "allege",
    "assert", "acknowledge", "admit", "confirm", "report", "suggest", "emphasise", "emphasize",
    "underline", "comment", "remark", "respond", "demand", "vow", "pledge", "promise",
    "threaten", "predict", "caution", "contend", "maintain", "reiterate", "recall", "believe",
    "think", "estimate", "conclude", "agree", "complain", "tweet", "post", "quote", "cite",
    "describe", "call", "mention", "observe", "point", "signal", "indicate", "reveal",
    "concede", "boast", "blame", "condemn", "criticise", "criticize", "encourage",
    "propose", "endorse", "reject", "praise", "show", "find",
})

# Reporting verbs whose infinitive complement is what they report: "urged [Congress to act]",
# "vowed [to fight]".
INFINITIVE_REPORTING = frozenset({
    "call", "urge", "tell", "ask", "vow", "pledge", "promise", "agree", "warn", "encourage",
    "demand",
})

# Verbs that report speech only with a clausal complement ("think that ..."); never the speaker
# of a direct quote on their own.
WEAK_REPORTING = frozenset({
    "believe", "think", "agree", "describe", "call", "point", "signal", "show", "find",
})

# Reporting verbs whose reported content is a phrase after a preposition: "called for [a strike]".
PREPOSITIONAL_REPORTING = frozenset({("call", "for"), ("ask", "for"), ("argue", "for"),
                                     ("point", "to")})

# Reporting verbs whose object is the stance they report: "criticized [the plan as naive]".
OBJECT_REPORTING = frozenset({
    "cite", "criticize", "criticise", "condemn", "blame", "accuse", "deny", "propose",
    "endorse", "reject", "praise",
})

# Subjects that make a weak reporting verb a hedge in someone's speech, not a report: "I think".
HEDGE_SUBJECTS = frozenset({"i", "you", "we"})

# Opening mark -> closing mark. Straight double quotes pair with themselves.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "it", "we"})

# A direct quote this short needs a reporting verb next to it to count as a statement.
MIN_STATEMENT_WORDS = 4
