"""Words of time: data for dates.v1's normaliser."""

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
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a couple of": 2, "couple of": 2,
}
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "the past", "the last"})
# unit word -> (TIMEX duration letter, is it a time unit, granularity for "N units ago")
UNITS = {
    "second": ("S", True, "day"), "minute": ("M", True, "day"), "hour": ("H", True, "day"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"), "month": ("M", False, "month"),
    "year": ("Y", False, "year"), "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"), "quarter": ("Q", False, "quarter"),
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI"}
PAST_REF = frozenset({"recently", "recent days", "recent weeks", "recent months", "recent years",
                      "the past", "former", "previously", "earlier", "lately", "in the past"})
PRESENT_REF = frozenset({"now", "currently", "at present", "presently", "at the moment",
                         "nowadays", "today's", "right now", "these days", "the moment"})
FUTURE_REF = frozenset({"soon", "the future", "in the future", "future", "the coming days",
                        "the coming weeks", "the coming months", "the coming years", "later",
                        "the days ahead", "the weeks ahead", "the months ahead"})
SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
             "yearly": "P1Y", "hourly": "PT1H"}
