"""The TIMEX3 normaliser, table-driven against a publication date of Thursday 2023-07-06."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.extract.timenorm import clean, core_of, normalise, number, year_for

DCT = date(2023, 7, 6)  # a Thursday


@pytest.mark.parametrize("text,tense,kind,value", [
    # absolute
    ("2023-07-01", None, "DATE", "2023-07-01"),
    ("6 July 2023", None, "DATE", "2023-07-06"),
    ("July 6, 2023", None, "DATE", "2023-07-06"),
    ("Thursday, July 6, 2023", None, "DATE", "2023-07-06"),
    ("the 4th of July", None, "DATE", "2023-07-04"),
    ("March 2022", None, "DATE", "2022-03"),
    ("1987", None, "DATE", "1987"),
    ("in 1987", None, "DATE", "1987"),
    ("the 1990s", None, "DATE", "199"),
    ("the mid-1980s", None, "DATE", "198"),
    ("the '90s", None, "DATE", "199"),
    ("the 19th century", None, "DATE", "18"),
    ("the summer of 2021", None, "DATE", "2021-SU"),
    ("the fourth quarter of 2021", None, "DATE", "2021-Q4"),
    ("first half of 2019", None, "DATE", "2019-H1"),
    ("fiscal 2022", None, "DATE", "FY2022"),
    ("the third quarter of next year", None, "DATE", "2024-Q3"),
    ("the second half of last year", None, "DATE", "2022-H2"),
    # holidays: fixed dates and n-th weekdays
    ("Christmas", None, "DATE", "2023-12-25"),
    ("last Christmas", None, "DATE", "2022-12-25"),
    ("Thanksgiving 2019", None, "DATE", "2019-11-28"),
    ("Memorial Day", "past", "DATE", "2023-05-29"),
    ("New Year's Eve", None, "DATE", "2023-12-31"),
    # month and day without a year: the tense says which way
    ("July 6", None, "DATE", "2023-07-06"),
    ("Apr. 27", "past", "DATE", "2023-04-27"),
    ("Oct.9th", "past", "DATE", "2022-10-09"),
    ("one day", None, "DURATION", "P1D"),
    ("December 3", "past", "DATE", "2022-12-03"),
    ("March 3", "future", "DATE", "2024-03-03"),
    ("August", "past", "DATE", "2022-08"),
    ("August", "future", "DATE", "2023-08"),
    ("January", None, "DATE", "2023-01"),
    ("early November", "past", "DATE", "2022-11"),
    ("the end of October", None, "DATE", "2023-10"),
    ("until the middle of October", "future", "DATE", "2023-10"),
    ("late last September", None, "DATE", "2022-09"),
    ("mid-September", "future", "DATE", "2023-09"),
    # days and weekdays
    ("today", None, "DATE", "2023-07-06"),
    ("yesterday", None, "DATE", "2023-07-05"),
    ("tomorrow", None, "DATE", "2023-07-07"),
    ("Monday", "past", "DATE", "2023-07-03"),
    ("Monday", None, "DATE", "2023-07-03"),
    ("Monday", "future", "DATE", "2023-07-10"),
    ("Monday", "present", "DATE", "2023-07-10"),
    ("Thursday", "past", "DATE", "2023-07-06"),
    ("next Tuesday", None, "DATE", "2023-07-11"),
    ("last Friday", None, "DATE", "2023-06-30"),
    ("the weekend", "past", "DATE", "2023-W26-WE"),
    ("this weekend", None, "DATE", "2023-W27-WE"),
    # weeks, months, years relative to the DCT
    ("last week", None, "DATE", "2023-W26"),
    ("the past week", None, "DATE", "2023-W26"),
    ("this week", None, "DATE", "2023-W27"),
    ("earlier this week", None, "DATE", "2023-W27"),
    ("next month", None, "DATE", "2023-08"),
    ("later this month", None, "DATE", "2023-07"),
    ("last year", None, "DATE", "2022"),
    ("current fiscal year", None, "DATE", "2023"),
    ("late this year", None, "DATE", "2023"),
    ("the close of this month", None, "DATE", "2023-07"),
    ("next quarter", None, "DATE", "2023-Q4"),
    ("next decade", None, "DATE", "203"),
    ("last century", None, "DATE", "19"),
    ("the first quarter", None, "DATE", "2023-Q1"),
    ("this summer", None, "DATE", "2023-SU"),
    ("last winter", None, "DATE", "2022-WI"),
    ("last April", None, "DATE", "2023-04"),
    ("last August", None, "DATE", "2022-08"),
    ("next March", None, "DATE", "2024-03"),
    ("three days ago", None, "DATE", "2023-07-03"),
    ("two weeks ago", None, "DATE", "2023-W25"),
    ("six months ago", None, "DATE", "2023-01"),
    ("five years ago", None, "DATE", "2018"),
    ("only nine years ago", None, "DATE", "2014"),
    ("a month ago", None, "DATE", "2023-06"),
    ("two weeks from now", None, "DATE", "2023-W29"),
    ("years ago", None, "DATE", "PAST_REF"),
    # times of day
    ("last night", None, "TIME", "2023-07-05TNI"),
    ("tonight", None, "TIME", "2023-07-06TNI"),
    ("this morning", None, "TIME", "2023-07-06TMO"),
    ("yesterday afternoon", None, "TIME", "2023-07-05TAF"),
    ("Monday evening", "past", "TIME", "2023-07-03TEV"),
    ("3 p.m.", None, "TIME", "2023-07-06T15:00"),
    ("8:45 a.m. Wednesday", "future", "TIME", "2023-07-12T08:45"),
    ("17:30 UTC", None, "TIME", "2023-07-06T17:30"),
    ("14:05:20", None, "TIME", "2023-07-06T14:05:20"),
    ("noon", None, "TIME", "2023-07-06T12:00"),
    # durations (TimeML: decades in years, vague amounts as X)
    ("three days", None, "DURATION", "P3D"),
    ("eleven years", None, "DURATION", "P11Y"),
    ("several months", None, "DURATION", "PXM"),
    ("the past several weeks", None, "DURATION", "PXW"),
    ("the next few days", None, "DURATION", "PXD"),
    ("the past four years", None, "DURATION", "P4Y"),
    ("72 hours", None, "DURATION", "PT72H"),
    ("half an hour", None, "DURATION", "PT30M"),
    ("half a decade", None, "DURATION", "P5Y"),
    ("four decades", None, "DURATION", "P40Y"),
    ("six-month", None, "DURATION", "P6M"),
    ("a year earlier", None, "DATE", "2022"),
    ("two days before", None, "DURATION", "P2D"),
    ("weeks later", None, "DURATION", "PXW"),
    ("nearly nine months", None, "DURATION", "P9M"),
    ("only 40 minutes", None, "DURATION", "PT40M"),
    ("two weeks'", None, "DURATION", "P2W"),
    ("decades", None, "DURATION", "PXDE"),
    ("hours", None, "DURATION", "PTXH"),
    ("recent months", None, "DURATION", "PXM"),
    # sets
    ("every week", None, "SET", "P1W"),
    ("each year", None, "SET", "P1Y"),
    ("every two weeks", None, "SET", "P2W"),
    ("twice a month", None, "SET", "P1M"),
    ("every Sunday", None, "SET", "XXXX-WXX-7"),
    ("every evening", None, "SET", "XXXX-XX-XXTEV"),
    ("daily", None, "SET", "P1D"),
    ("weekly", None, "SET", "P1W"),
    # references
    ("recently", None, "DATE", "PAST_REF"),
    ("lately", None, "DATE", "PAST_REF"),
    ("historically", None, "DATE", "PAST_REF"),
    ("now", None, "DATE", "PRESENT_REF"),
    ("at the moment", None, "DATE", "PRESENT_REF"),
    ("presently", None, "DATE", "PRESENT_REF"),
    ("the coming weeks", None, "DATE", "FUTURE_REF"),
    ("the future", None, "DATE", "FUTURE_REF"),
])
def test_normalise(text, tense, kind, value):
    found = normalise(text, DCT, tense)
    assert (found.type, found.value) == (kind, value)


@pytest.mark.parametrize("text", ["that day", "the same week", "former", "the time", "early",
                                  "forty", "3 1/4", "the second half", "9:15:60",
                                  "the second half of play", "a mere 40 minutes"])
def test_unresolvable_text_has_no_value(text):
    assert normalise(text, DCT).value is None


@pytest.mark.parametrize("text,value", [
    ("6 July 2023", "2023-07-06"), ("last week", None), ("July 6", "XXXX-07-06"),
    ("three days", "P3D"), ("Monday", "XXXX-WXX-1"), ("the end of October", "XXXX-10"),
    ("1990s", "199"), ("yesterday", None),
])
def test_without_a_publication_date_only_absolute_values(text, value):
    found = normalise(text, None)
    assert found.value == value and not found.anchored


@pytest.mark.parametrize("text,anchored", [
    ("last week", True), ("July 6", True), ("6 July 2023", False), ("three days", False),
    ("2021", False), ("tomorrow", True),
])
def test_anchored_means_the_publication_date_was_used(text, anchored):
    assert normalise(text, DCT).anchored is anchored


@pytest.mark.parametrize("text,core", [
    ("On Monday,", "monday"), ("until the middle of October", "october"),
    ("just under a fortnight", "a fortnight"), ("around a year", "a year"), ("late 2016", "2016"),
    ("Next month\u2019s", "next month"), ("the start of month", "this month"),
    ("year-end", "this year"),
])
def test_core_drops_prepositions_and_modifiers(text, core):
    assert core_of(clean(text)) == core


@pytest.mark.parametrize("month,day,tense,year", [
    (12, None, "past", 2022), (12, None, "future", 2023), (1, None, "future", 2024),
    (7, 20, "past", 2023), (6, None, None, 2023), (11, None, None, 2023), (8, None, None, 2023),
    (2, None, None, 2023),
])
def test_year_for_a_month_without_one(month, day, tense, year):
    assert year_for(month, day, DCT, tense) == year


@pytest.mark.parametrize("word,value", [("three", 3.0), ("a", 1.0), ("1,500", 1500.0),
                                        ("several", None), (None, None)])
def test_number(word, value):
    assert number(word) == value


WORDS = ["last", "next", "the", "end", "of", "October", "3", "p.m.", "12:30", "1,000", "days",
         "ago", "every", "Monday", "1990s", "'90s", "first", "quarter", "half", "Christmas",
         "mid-", "early", "a", "year", "earlier", "twice", "fiscal", "2031", "now", "-", ",", "."]


@given(st.lists(st.sampled_from(WORDS), max_size=8), st.sampled_from([None, "past", "present",
                                                                      "future"]),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
@settings(max_examples=400, deadline=None)
def test_normalise_never_fails(words, tense, dct):
    found = normalise(" ".join(words), dct, tense)
    assert found.type in ("DATE", "TIME", "DURATION", "SET")
    assert not found.anchored or dct is not None
