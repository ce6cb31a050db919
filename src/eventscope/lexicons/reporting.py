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
    "concede", "boast", "blame", "condemn", "criticise", "criticize",
})

# Verbs that report speech only with a clausal complement ("think that ..."); never the speaker
# of a direct quote on their own.
WEAK_REPORTING = frozenset({"believe", "think", "agree", "describe", "call", "point", "signal"})

# Opening mark -> closing mark. Straight double quotes pair with themselves.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "it", "we"})

# A direct quote this short needs a reporting verb next to it to count as a statement.
MIN_STATEMENT_WORDS = 4
