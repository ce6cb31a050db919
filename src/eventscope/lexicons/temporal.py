"""Words of time: data for dates.v1's candidate finder and TIMEX3 normaliser.

Conventions follow the TimeML/TIMEX3 guidelines as used in TempEval-3: durations use the
ISO 8601 letters (decades and centuries written out in years), vague quantities become ``X``,
and references to the past, present and future are PAST_REF, PRESENT_REF and FUTURE_REF.
"""
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "last": -1, "final": -1,
}
VAGUE_NUMBERS = frozenset({
    "several", "few", "a few", "many", "some", "the past", "the last", "recent", "a number of",
    "numerous", "countless", "the next", "the coming", "the past few", "the last few",
    "the next few", "the coming few",
})
# unit word -> (TIMEX duration letter, is it a time-of-day unit, granularity, size multiplier)
UNITS = {
    "second": ("S", True, "second", 1), "minute": ("M", True, "minute", 1),
    "hour": ("H", True, "hour", 1), "day": ("D", False, "day", 1),
    "night": ("D", False, "day", 1), "week": ("W", False, "week", 1),
    "weekend": ("WE", False, "week", 1), "fortnight": ("W", False, "week", 2),
    "month": ("M", False, "month", 1), "quarter": ("Q", False, "quarter", 1),
    "year": ("Y", False, "year", 1), "decade": ("Y", False, "decade", 10),
    "century": ("Y", False, "century", 100),
}
UNIT_PLURALS = {"centuries": "century", "nights": "night", "days": "day"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI", "midday": "MI", "noon": "MI"}
HALVES = {"first": "H1", "second": "H2"}
# Holidays: (month, day) for fixed dates, (month, weekday, n) for "the n-th weekday of the
# month" (n = -1: the last one). Lunar and Easter-based feasts are left unresolved.
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year's": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "bastille day": (7, 14), "armistice day": (11, 11),
    "veterans day": (11, 11), "remembrance day": (11, 11), "may day": (5, 1),
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "columbus day": (10, 0, 2),
}

# Words in front of an expression that change its TIMEX3 "mod", not its value.
POSITION_MODS = (  # any order: timenorm tries the longest first
    "the end of", "end of", "end-", "the beginning of", "beginning of", "the start of",
    "start of", "the middle of", "mid-", "mid", "the rest of", "early", "the close of", "late",
    "the turn of", "earlier", "later", "the early", "the late", "the mid-", "the mid",
)
QUANTITY_MODS = (
    "about", "around", "roughly", "approximately", "nearly", "almost", "more than", "less than",
    "fewer than", "over", "under", "at least", "at most", "up to", "some", "only",
    "just", "just over", "just under", "barely", "well over", "close to",
)
# Prepositions and focus particles are outside TimeML extents ("on Monday" -> "Monday").
LEADING_NOISE = frozenset({
    "on", "in", "at", "by", "since", "until", "till", "from", "during", "for", "of", "to",
    "through", "throughout", "within", "before", "after", "between", "and", "or", "just",
    "as", "as of", "starting", "beginning", "ending", "over", "into", "around",
})
TRAILING_NOISE = frozenset({"before", "after", "earlier", "later", "and", "or", "to", "from"})

PAST_REF = frozenset({"recently", "the past", "lately", "in the past", "at the time",
                      "formerly", "in recent times", "historically"})
PRESENT_REF = frozenset({"now", "currently", "at present", "presently", "at the moment",
                         "nowadays", "right now", "these days", "the moment", "today's",
                         "for now", "by now", "until now", "so far", "to date", "yet",
                         "this time", "the present"})
FUTURE_REF = frozenset({"the future", "in the future", "future", "the coming days",
                        "the coming weeks", "the coming months", "the coming years",
                        "the days ahead", "the weeks ahead", "the months ahead",
                        "the years ahead", "soon", "eventually", "someday"})
# References whose preposition belongs to the phrase (TimeML keeps it in the extent).
FIXED_PHRASES = frozenset({"at the time", "at present", "at the moment", "for now", "by now",
                           "until now", "up to now", "to date", "so far", "right now"})
# Reference words the tagger rarely marks, matched as text; ambiguous ones ("once", "yet",
# "soon", "so far", "to date") are left out of the matcher: they are annotated less than half
# the time in TimeML corpora.
MATCHED_REFS = frozenset({"now", "currently", "recently", "lately", "nowadays", "presently",
                          "at present", "at the moment", "right now", "these days",
                          "in the past", "the future", "in the future", "at the time"})
SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
             "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}

# Lone words the tagger marks DATE that are not temporal expressions in TimeML.
NOT_TIMEX = frozenset({
    "former", "previous", "one", "first", "second", "third", "once", "the day",
    "that day", "day", "the time", "time", "period", "the period", "age", "ages", "old",
    "annual", "term", "the term", "the season", "season",
})
AGE_SUFFIX = r"(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)old\b"

# Relative words before a unit, weekday, month or season: how many units they shift by
# (None: anaphoric, "the same week", resolved only against another expression).
RELATIVE_SHIFTS = {
    "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0,
    "current": 0, "the current": 0, "this past": -1, "the past": -1, "the last": -1,
    "the previous": -1, "the next": 1, "the coming": 1, "the following": 1, "this coming": 1,
    "the same": None, "that": None, "same": None,
}
DIRECTIONS = ("ago", "earlier", "later", "before", "after", "from now", "hence")
TIMEZONES = ("gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt", "et",
             "pt", "local time", "local")

# --- patterns over the cleaned, lower-cased core of an expression (see timenorm.core_of) ---


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MON = _alt(MONTHS)
_WD = _alt(WEEKDAYS)
_NUM = r"\d+(?:[.,]\d+)?|" + _alt(NUMBERS)
_VAGUE = _alt(VAGUE_NUMBERS)
_UNIT = _alt([*UNITS, *UNIT_PLURALS]) + r"|" + _alt(f"{u}s" for u in UNITS)
_SEASON = _alt(SEASONS)
_PART = _alt(PARTS_OF_DAY)
_ORD = _alt(ORDINALS)

HOLIDAY = re.compile(rf"^(?:(this|last|next|this past) )?({_alt(HOLIDAYS)})(?: (\d{{4}}))?$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:t\d{2}:\d{2}(?::\d{2})?)?$")
DAY_MONTH_YEAR = re.compile(
    rf"^(?:(?:{_WD}),? )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month>{_MON})\.?"
    rf"(?:,? (?P<year>\d{{4}}))?$")
MONTH_DAY_YEAR = re.compile(
    rf"^(?:(?:{_WD}),? )?(?P<month>{_MON})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,? (?P<year>\d{{4}}))?$")
MONTH_YEAR = re.compile(rf"^({_MON})\.?,?(?: of)?(?: (\d{{4}}))?$")
YEAR = re.compile(r"^(?:the year )?(1[0-9]{3}|20[0-9]{2})$")
FISCAL = re.compile(r"^fiscal (?:year )?(\d{4})$")
DECADE = re.compile(r"^(?:the )?(?:(\d{3})0's|(\d{3})0s|'(\d)0s|(\d)0s)$")
CENTURY = re.compile(rf"^(?:the )?(\d{{1,2}}(?:st|nd|rd|th)|{_ORD})[- ]century$")
SEASON = re.compile(rf"^(?:the )?({_SEASON})(?: of (.+)|(?: (\d{{4}})))?$")
# "the third quarter of 2022", "the second half of last year": any year expression.
QUARTER = re.compile(rf"^(?:the )?({_ORD})[- ](?:fiscal )?quarter(?: of (?:fiscal )?(.+))?$")
HALF = re.compile(r"^(?:the )?(first|second) half of (.+)$")  # a bare "second half" is sport
CLOCK = re.compile(
    rf"^(?:(?P<pre>.+?),? (?:at )?)??"
    rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?(?::(?P<s>\d{{2}}))? ?"
    rf"(?P<ampm>a\.?m\.?|p\.?m\.?)?|(?P<noon>noon|midnight))(?: (?:{_alt(TIMEZONES)}))?"
    rf"(?:,? (?:on )?(?P<post>.+))?$")
PART_OF_DAY = re.compile(rf"^(.+?) ({_PART})$")
AGO = re.compile(rf"^(?:({_NUM}|{_VAGUE})[ -])?({_UNIT}) ({_alt(DIRECTIONS)})$")
RELATIVE = re.compile(
    rf"^({_alt(RELATIVE_SHIFTS)}) (?:fiscal )?({_alt(UNITS)}|{_WD}|{_MON}|{_SEASON})$")
EVERY = re.compile(
    rf"^(?:every|each|per|(?:once|twice|thrice|[a-z0-9]+ times) (?:a|an|per|every|each))(?: other)?"
    rf" (?:({_NUM}) )?({_UNIT}|{_WD}|{_PART}|{_SEASON})s?$")
DURATION = re.compile(
    rf"^(?:the )?(?:(?:past|last|next|coming|first|previous|following|additional|further"
    rf"|other|more|entire|whole|full) )?(?:({_NUM}|{_VAGUE})(?: |-|-and-a-half[- ]| more ))?"
    rf"({_UNIT})(?:[- ]long)?$")

# --- patterns over article text, for what the tagger misses (offsets are kept exact) -------
_CAP_MON = _alt(m.capitalize() for m in MONTHS)
_CAP_WD = _alt(w.capitalize() for w in WEEKDAYS)
_DIGITS = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"  # never a tail of "1,000"
_PLAIN_NUM = _DIGITS + "|" + _alt(n for n in NUMBERS if not n.startswith(("a", "half")))
_TZ = _alt(TIMEZONES)
_UNIT_S = rf"(?:{_alt(UNITS)})s?|{_alt(UNIT_PLURALS)}"
# A clock time and the day right after it are one TIMEX3: "08:15 UTC Sunday".
_DAY_AFTER = (rf"(?:,?\s+(?:{_CAP_WD}|(?i:today|tomorrow|yesterday)\b"
              rf"|(?:{_CAP_MON})\.?\s+\d{{1,2}}\b(?:,\s+\d{{4}}\b)?))?")
_OF_YEAR = r"\s+of\s+(?:(?:last|next|this)\s+year|(?:fiscal\s+)?\d{4})"
# Days coordinated with a dated day: "on May 2 and 8", "May 2, 5 and 9", "on 3 and 5 June".
# Group "days" holds the other days; the last word must not start a noun ("May 2 and 8 people").
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NOT_A_COUNT = r"(?![\w%-]|\s+(?!(?:in|at|on|near|when|while|after|before|during|and|but|as|" \
    r"from|to|with|against|amid|this|last|next)\b)[a-z])"
DAYS_AFTER_MONTH = re.compile(
    rf"\b(?P<month>{_CAP_MON})\.?\s+{_DAY}(?P<days>(?:\s*,\s*{_DAY})*,?\s+(?:and|or|&)\s+{_DAY})"
    + _NOT_A_COUNT)
DAYS_BEFORE_MONTH = re.compile(
    rf"\b(?P<days>{_DAY}(?:\s*,\s*{_DAY})*),?\s+(?:and|or|&)\s+{_DAY}\s+(?:of\s+)?"
    rf"(?P<month>{_CAP_MON})\b")
DAY_NUMBER = re.compile(_DAY)

TEXT_PATTERNS = tuple(re.compile(p) for p in (
    rf"(?i:\b(?:{_alt(MATCHED_REFS)})\b)",
    rf"(?i:\b(?:{_alt(SET_WORDS)})\b)",
    rf"(?i:\b(?:every|each)\s+(?:other\s+)?(?:(?:{_PLAIN_NUM})\s+)?"
    rf"(?:{_UNIT_S}|{_alt(PARTS_OF_DAY)}))\b",
    rf"\b(?:every|each)\s+(?:{_CAP_WD})\b",
    rf"\b\d{{1,2}}(?::\d{{2}})?\s?(?i:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?i:{_TZ})\b)?{_DAY_AFTER}",
    rf"(?<![:.\d])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![:\d])(?:\s+(?i:{_TZ})\b)?{_DAY_AFTER}",
    rf"(?i:\b(?:last|next|this|coming|past|early|late)\s+)?\b(?:{_CAP_WD})"
    rf"(?:\s+(?i:morning|afternoon|evening|night))?\b",
    rf"\b(?:{_CAP_MON})(?:\.\s*|\s+)\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_CAP_MON})\b(?:,?\s+\d{{4}}\b)?",
    rf"\b(?:{_CAP_MON})\s+\d{{4}}\b",
    rf"(?i:\b(?:(?:earlier|later)\s+)?(?:last|next|this|past|coming|previous)\s+(?:fiscal\s+)?"
    rf"(?:week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b)",
    rf"\b(?i:last|next|this)\s+(?:{_CAP_MON})\b",
    rf"(?i:\b(?:the\s+)?(?:{_ORD})[\s-]+(?:half(?={_OF_YEAR})|quarter)(?:{_OF_YEAR})?\b)",
    rf"(?:\b(?i:last|next|this)\s+)?\b(?:{_alt(h.title() for h in HOLIDAYS)})\b(?:\s+\d{{4}}\b)?",
    rf"(?i:\b(?:today|yesterday|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b)",
    rf"(?i:\b(?:this|last)\s+(?:morning|afternoon|evening|night)\b)",
    rf"(?i:\b(?:(?:{_NUM}|{_VAGUE})[\s-]+)?(?:{_UNIT_S})\s+ago\b)",
    rf"(?i:\b(?:{_PLAIN_NUM})[\s-]+(?:{_UNIT_S})\b)",
    rf"(?i:\b(?:(?:once|twice|thrice|\w+ times)\s+)?an?\s+"
    rf"(?:hour|day|week|fortnight|month|year|decade)\b)",
    r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:1[89]|20)\d0s\b",
))
# Range joints: "2004-2006", "1983-85", "three to five weeks", "between March and May".
YEAR_RANGE = re.compile(r"^(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})$")
NUMBER_RANGE = re.compile(
    rf"^({_NUM})\s*(?:-|\u2013|to|and|or)\s*({_NUM})[\s-]+((?:{_UNIT_S})\b.*)$", re.IGNORECASE)
# Heads whose infinitive complement is in the future: "plans to meet on Friday".
FUTURE_GOVERNORS = frozenset({
    "plan", "expect", "schedule", "due", "set", "hope", "intend", "aim", "want", "go", "agree",
    "promise", "vow", "threaten", "prepare", "seek", "pledge", "propose", "decide",
})
