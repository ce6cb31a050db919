"""Built-in actor vocabulary: demonyms, international organisations, and sector words.

Codes follow CAMEO/PETRARCH conventions: a three-letter country (ISO 3166-1 alpha-3) or IGO
code, then a three-letter sector.
"""

DEMONYMS = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS",
    "austrian": "AUT", "azerbaijani": "AZE", "azeri": "AZE", "bahraini": "BHR",
    "bangladeshi": "BGD", "belarusian": "BLR", "belgian": "BEL", "bosnian": "BIH",
    "brazilian": "BRA", "british": "GBR", "bulgarian": "BGR", "burkinabe": "BFA",
    "burmese": "MMR", "cambodian": "KHM", "cameroonian": "CMR", "canadian": "CAN",
    "chadian": "TCD", "chilean": "CHL", "chinese": "CHN", "colombian": "COL", "congolese": "COD",
    "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP", "czech": "CZE", "danish": "DNK",
    "dutch": "NLD", "egyptian": "EGY", "emirati": "ARE", "eritrean": "ERI", "estonian": "EST",
    "ethiopian": "ETH", "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU",
    "ghanaian": "GHA", "greek": "GRC", "hungarian": "HUN", "indian": "IND",
    "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ", "irish": "IRL", "israeli": "ISR",
    "italian": "ITA", "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN",
    "korean": "KOR", "kosovar": "XKX", "kuwaiti": "KWT", "kyrgyz": "KGZ", "latvian": "LVA",
    "lebanese": "LBN", "libyan": "LBY", "lithuanian": "LTU", "malian": "MLI",
    "mexican": "MEX", "moldovan": "MDA", "moroccan": "MAR", "nigerian": "NGA",
    "nigerien": "NER", "norwegian": "NOR", "pakistani": "PAK", "palestinian": "PSE",
    "polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU", "russian": "RUS",
    "rwandan": "RWA", "saudi": "SAU", "serbian": "SRB", "slovak": "SVK", "somali": "SOM",
    "spanish": "ESP", "sudanese": "SDN", "swedish": "SWE", "swiss": "CHE", "syrian": "SYR",
    "taiwanese": "TWN", "tajik": "TJK", "thai": "THA", "tunisian": "TUN", "turkish": "TUR",
    "turkmen": "TKM", "ugandan": "UGA", "ukrainian": "UKR", "uzbek": "UZB",
    "venezuelan": "VEN", "vietnamese": "VNM", "yemeni": "YEM", "zimbabwean": "ZWE",
    # nouns for a country's people that are not its adjective
    "serb": "SRB", "croat": "HRV", "turk": "TUR", "bosniak": "BIH", "kampuchean": "KHM",
}

ORGANISATIONS = {
    "united nations": "IGOUNO", "un": "IGOUNO", "u.n.": "IGOUNO", "security council": "IGOUNO",
    "european union": "IGOEEC", "eu": "IGOEEC", "nato": "IGOWSTNAT",
    "african union": "IGOAFRAFU", "osce": "IGOEUROSC", "arab league": "IGOARBARL",
    "collective security treaty organization": "IGOCSTO", "csto": "IGOCSTO",
    "red cross": "NGOIRC", "icrc": "NGOIRC", "amnesty international": "NGOAMN",
    "human rights watch": "NGOHRW", "world bank": "IGOWBK", "imf": "IGOIMF",
    "ecowas": "IGOWAFECO", "european community": "IGOEEC", "european commission": "IGOEEC",
    "apec": "IGOAPEC", "asia-pacific economic cooperation": "IGOAPEC", "asean": "IGOSEAASN",
    "organization of african unity": "IGOAFROAU", "oau": "IGOAFROAU", "opec": "IGOOPC",
    "gulf cooperation council": "IGOGCC", "interpol": "IGOCOPITP", "iaea": "IGOUNOIAEA",
    "unhcr": "IGOUNOHCR", "unicef": "IGOUNOUNICEF", "world food program": "IGOUNOWFP",
    "world food programme": "IGOUNOWFP", "wfp": "IGOUNOWFP", "world health organization": "IGOUNOWHO",
    "international criminal court": "IGOICC", "icc": "IGOICC", "commonwealth": "IGOCWN",
    "organization of american states": "IGOWSTOAS",
    "doctors without borders": "NGOMSF", "msf": "NGOMSF", "red crescent": "NGOIRC",
    "unesco": "IGOUNOUNESCO", "opcw": "IGOOPCW",
    "organisation for the prohibition of chemical weapons": "IGOOPCW",
    "organization for the prohibition of chemical weapons": "IGOOPCW",
}

# Seats of government and their institutions standing for them: "the White House said".
INSTITUTIONS = {
    "white house": "USAGOV", "state department": "USAGOV", "pentagon": "USAMIL",
    "kremlin": "RUSGOV", "downing street": "GBRGOV", "foreign office": "GBRGOV",
    "elysee": "FRAGOV", "élysée": "FRAGOV", "quai d'orsay": "FRAGOV", "knesset": "ISRLEG",
    "duma": "RUSLEG", "bundestag": "DEULEG", "congress": "USALEG", "capitol hill": "USALEG",
}

# Armed and political movements whose home country is unambiguous.
MOVEMENTS = {
    "taliban": "AFGREB", "hamas": "PSEREB", "hezbollah": "LBNREB", "hizbollah": "LBNREB",
    "hizbullah": "LBNREB", "houthis": "YEMREB", "houthi": "YEMREB", "al-shabaab": "SOMREB",
    "boko haram": "NGAREB", "farc": "COLREB", "plo": "PSEGOV",
    "palestine liberation organization": "PSEGOV",
    # transnational jihadist groups: CAMEO codes them IMG (international militarised group)
    "islamic state": "IMGREB", "isil": "IMGREB", "isis": "IMGREB", "daesh": "IMGREB",
    "da'esh": "IMGREB", "islamic state of iraq and the levant": "IMGREB",
    "islamic state of iraq and levant": "IMGREB", "islamic state of iraq and syria": "IMGREB",
    "al-qaeda": "IMGREB", "al-qaida": "IMGREB", "al qaeda": "IMGREB", "al qaida": "IMGREB",
    "al-nusra front": "SYRREB", "nusra front": "SYRREB", "jabhat al-nusra": "SYRREB",
    "hayat tahrir al-sham": "SYRREB", "ahrar al-sham": "SYRREB",
    "free syrian army": "SYRREB", "syrian democratic forces": "SYRREB", "sdf": "SYRREB",
    "ypg": "SYRREB", "pkk": "TURREB", "kurdistan workers' party": "TURREB",
    "peshmerga": "IRQMIL", "popular mobilization forces": "IRQMIL",
}

# Disputed and unrecognised entities (see docs/schema.md, "Actor codes"). As in CAMEO and the
# Phoenix dictionaries, a breakaway region is coded with the ISO3 of the state whose territory
# it is under international law, with no sector; the self-declared state it proclaims, and so
# its authorities and forces, with that ISO3 and sector REB. Partly recognised states with a
# code of their own in ISO 3166 or in wide use keep it (Kosovo XKX, Taiwan TWN, Palestine PSE).
DISPUTED = {
    "abkhazia": "GEO", "republic of abkhazia": "GEOREB",
    "south ossetia": "GEO", "republic of south ossetia": "GEOREB",
    "transnistria": "MDA", "pridnestrovie": "MDA", "pridnestrovian moldavian republic": "MDAREB",
    "nagorno-karabakh": "AZE", "nagorno karabakh": "AZE", "artsakh": "AZE",
    "republic of artsakh": "AZEREB", "nagorno-karabakh republic": "AZEREB",
    "donetsk people's republic": "UKRREB", "luhansk people's republic": "UKRREB",
    "lugansk people's republic": "UKRREB", "crimea": "UKR",
    "northern cyprus": "CYP", "turkish republic of northern cyprus": "CYPREB",
    "somaliland": "SOM", "republic of somaliland": "SOMREB",
}

# Country codes of older CAMEO dictionaries that have an ISO 3166 code today.
# ("ANG" and "FRN" are misspellings of AGO and FRA in the Phoenix files; USR is the USSR.)
CODE_ALIASES = {"KSV": "XKX", "TMP": "TLS", "ANG": "AGO", "FRN": "FRA", "BAH": "BHS", "USR": "SUN"}

# CAMEO region codes: a group coded by region ("West African rebels") has no country of its own.
REGIONS = frozenset({
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST", "WEU",
})

# Country codes no longer in ISO 3166-1 that dated dictionary entries still use (ISO 3166-3).
FORMER_STATES = frozenset({"DDR", "CSK", "YUG", "SUN", "SCG"})

# Transnational armed groups (IMG), international rebels (INT) and unidentified state actors
# (UIS): the country is the first country code after the prefix, if any ("IMGMUSRUS").
TRANSNATIONAL = frozenset({"IMG", "INT", "UIS"})

# Codes that are no country: organisations and groups keep their codes only while they hold.
NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "INT"})

# Sectors of a state's own bodies: a rebel entity's "government" or "army" stays REB.
STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

# Words that open a phrase, capitalised at a sentence's start, without naming anything.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                         "our", "his", "her", "such", "some", "any", "all", "every", "each"})

# Nouns that name parties without naming which: "called on both sides", "the rival factions".
PARTY_NOUNS = frozenset({
    "side", "sides", "party", "parties", "faction", "factions", "country", "countries",
    "nation", "nations", "state", "states", "neighbour", "neighbours", "neighbor", "neighbors",
    "ally", "allies", "rival", "rivals", "partner", "partners", "group", "groups", "them",
    "him", "her", "us", "everyone", "people", "community", "communities", "members",
})

# Words that are never names, however they are capitalised ("us" is not the U.S.).
PRONOUNS = frozenset({
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this",
    "that", "these", "those", "who", "which",
})

# Words that give an actor's sector (CAMEO role codes).
SECTORS = {
    "government": "GOV", "ministry": "GOV", "minister": "GOV", "president": "GOV",
    "prime minister": "GOV", "premier": "GOV", "spokesperson": "GOV", "spokesman": "GOV",
    "spokeswoman": "GOV", "official": "GOV", "officials": "GOV", "authorities": "GOV",
    "cabinet": "GOV", "diplomat": "GOV", "diplomats": "GOV", "ambassador": "GOV",
    "envoy": "GOV", "foreign ministry": "GOV", "foreign minister": "GOV", "leader": "GOV",
    "king": "GOV", "kremlin": "GOV", "administration": "GOV", "governor": "GOV",
    "parliament": "LEG", "lawmakers": "LEG", "legislators": "LEG", "senate": "LEG",
    "army": "MIL", "troops": "MIL", "soldiers": "MIL", "military": "MIL", "forces": "MIL",
    "armed forces": "MIL", "defence ministry": "MIL", "defense ministry": "MIL",
    "navy": "MIL", "air force": "MIL", "artillery": "MIL", "general": "MIL",
    "police": "COP", "policemen": "COP", "border guards": "COP", "security forces": "COP",
    "rebels": "REB", "separatists": "REB", "militants": "REB", "insurgents": "REB",
    "militia": "REB", "fighters": "REB", "guerrillas": "REB", "separatist": "REB",
    "breakaway": "REB", "self-proclaimed": "REB", "self-declared": "REB",
    "opposition": "OPP", "protesters": "CVL", "demonstrators": "CVL", "civilians": "CVL",
    "residents": "CVL", "villagers": "CVL", "refugees": "REF", "journalists": "MED",
    "media": "MED", "court": "JUD", "judge": "JUD", "prosecutor": "JUD",
    "peacekeepers": "PKO", "peacekeeping": "PKO", "business": "BUS", "company": "BUS",
    "workers": "LAB", "union": "LAB", "unions": "LAB", "trade union": "LAB", "strikers": "LAB",
    "students": "EDU", "teachers": "EDU", "farmers": "AGR", "youths": "CVL",
    "supporters": "CVL", "activists": "CVL", "crowd": "CVL", "crowds": "CVL", "mob": "CVL",
    "prisoners": "CVL", "detainees": "CVL", "settlers": "CVL", "doctors": "MED",
    "clergy": "REL", "cleric": "REL", "clerics": "REL", "bishop": "REL", "imam": "REL",
    # forms a plural "-s" does not give (names and role words match as whole words)
    "diplomatic": "GOV", "ministries": "GOV", "soldier": "MIL", "policeman": "COP",
    "militiaman": "REB", "militiamen": "REB", "leadership": "GOV",
    "emir": "GOV", "sultan": "GOV", "monarch": "GOV", "queen": "GOV",
    # people as victims and bystanders are civilians ("shelled families queuing for bread")
    "families": "CVL", "children": "CVL", "women": "CVL", "hostages": "CVL",
    "passengers": "CVL", "pilgrims": "CVL", "worshippers": "CVL", "shoppers": "CVL",
    "voters": "CVL", "tourists": "CVL", "victims": "CVL", "migrants": "REF",
}
