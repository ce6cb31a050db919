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
    ("1995", None, "DATE", "1995"),
    ("in 1995", None, "DATE", "1995"),
    ("the 1990s", None, "DATE", "199"),
    ("the mid-1980s", None, "DATE", "198"),
    ("the '90s", None, "DATE", "199"),
    ("the 20th century", None, "DATE", "19"),
    ("the summer of 2021", None, "DATE", "2021-SU"),
    ("the first quarter of 2022", None, "DATE", "2022-Q1"),
    ("the first half of 2022", None, "DATE", "2022-H1"),
    ("fiscal 2022", None, "DATE", "FY2022"),
    ("the third quarter of next year", None, "DATE", "2024-Q3"),
    ("the second half of last year", None, "DATE", "2022-H2"),
    # holidays: fixed dates and n-th weekdays
    ("Christmas", None, "DATE", "2023-12-25"),
    ("last Christmas", None, "DATE", "2022-12-25"),
    ("Thanksgiving 2016", None, "DATE", "2016-11-24"),
    ("Memorial Day", "past", "DATE", "2023-05-29"),
    ("New Year's Eve", None, "DATE", "2023-12-31"),
    # month and day without a year: the tense says which way
    ("July 6", None, "DATE", "2023-07-06"),
    ("Feb. 28", "past", "DATE", "2023-02-28"),
    ("Dec.14th", "past", "DATE", "2022-12-14"),
    ("one day", None, "DURATION", "P1D"),
    ("December 3", "past", "DATE", "2022-12-03"),
    ("March 3", "future", "DATE", "2024-03-03"),
    ("August", "past", "DATE", "2022-08"),
    ("August", "future", "DATE", "2023-08"),
    ("January", None, "DATE", "2023-01"),
    ("early December", "past", "DATE", "2022-12"),
    ("the end of August", None, "DATE", "2023-08"),
    ("by the end of August", "future", "DATE", "2023-08"),
    ("late last July", None, "DATE", "2022-07"),
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
    ("the last week", None, "DATE", "2023-W26"),
    ("this week", None, "DATE", "2023-W27"),
    ("earlier this week", None, "DATE", "2023-W27"),
    ("next month", None, "DATE", "2023-08"),
    ("later this month", None, "DATE", "2023-07"),
    ("last year", None, "DATE", "2022"),
    ("this fiscal year", None, "DATE", "2023"),
    ("early this year", None, "DATE", "2023"),
    ("the end of the year", None, "DATE", "2023"),
    ("next quarter", None, "DATE", "2023-Q4"),
    ("the first quarter", None, "DATE", "2023-Q1"),
    ("this summer", None, "DATE", "2023-SU"),
    ("last summer", None, "DATE", "2022-SU"),
    ("last June", None, "DATE", "2023-06"),
    ("last August", None, "DATE", "2022-08"),
    ("next March", None, "DATE", "2024-03"),
    ("three days ago", None, "DATE", "2023-07-03"),
    ("two weeks ago", None, "DATE", "2023-W25"),
    ("six months ago", None, "DATE", "2023-01"),
    ("two years ago", None, "DATE", "2021"),
    ("just six years ago", None, "DATE", "2017"),
    ("a year ago", None, "DATE", "2022"),
    ("two weeks from now", None, "DATE", "2023-W29"),
    ("years ago", None, "DATE", "PAST_REF"),
    # times of day
    ("last night", None, "TIME", "2023-07-05TNI"),
    ("tonight", None, "TIME", "2023-07-06TNI"),
    ("this morning", None, "TIME", "2023-07-06TMO"),
    ("yesterday afternoon", None, "TIME", "2023-07-05TAF"),
    ("Monday evening", "past", "TIME", "2023-07-03TEV"),
    ("3 p.m.", None, "TIME", "2023-07-06T15:00"),
    ("10:30 a.m. Tuesday", "future", "TIME", "2023-07-11T10:30"),
    ("15:00 GMT", None, "TIME", "2023-07-06T15:00"),
    ("noon", None, "TIME", "2023-07-06T12:00"),
    # durations (TimeML: decades in years, vague amounts as X)
    ("three days", None, "DURATION", "P3D"),
    ("two years", None, "DURATION", "P2Y"),
    ("several months", None, "DURATION", "PXM"),
    ("the past several months", None, "DURATION", "PXM"),
    ("the next few weeks", None, "DURATION", "PXW"),
    ("the past two years", None, "DURATION", "P2Y"),
    ("72 hours", None, "DURATION", "PT72H"),
    ("half an hour", None, "DURATION", "PT30M"),
    ("a decade", None, "DURATION", "P10Y"),
    ("two decades", None, "DURATION", "P20Y"),
    ("the next decade", None, "DURATION", "P10Y"),
    ("four-week", None, "DURATION", "P4W"),
    ("a year earlier", None, "DATE", "2022"),
    ("two days before", None, "DURATION", "P2D"),
    ("days later", None, "DURATION", "PXD"),
    ("almost seven years", None, "DURATION", "P7Y"),
    ("five years'", None, "DURATION", "P5Y"),
    ("years", None, "DURATION", "PXY"),
    ("minutes", None, "DURATION", "PTXM"),
    ("recent weeks", None, "DURATION", "PXW"),
    ("3:07:35", None, "DURATION", "PT3H7M35S"),
    # sets
    ("every week", None, "SET", "P1W"),
    ("each year", None, "SET", "P1Y"),
    ("every two weeks", None, "SET", "P2W"),
    ("twice a month", None, "SET", "P1M"),
    ("every Sunday", None, "SET", "XXXX-WXX-7"),
    ("every morning", None, "SET", "XXXX-XX-XXTMO"),
    ("daily", None, "SET", "P1D"),
    ("weekly", None, "SET", "P1W"),
    # references
    ("recently", None, "DATE", "PAST_REF"),
    ("the past", None, "DATE", "PAST_REF"),
    ("at the time", None, "DATE", "PAST_REF"),
    ("now", None, "DATE", "PRESENT_REF"),
    ("currently", None, "DATE", "PRESENT_REF"),
    ("the coming weeks", None, "DATE", "FUTURE_REF"),
    ("the future", None, "DATE", "FUTURE_REF"),
])
def test_normalise(text, tense, kind, value):
    found = normalise(text, DCT, tense)
    assert (found.type, found.value) == (kind, value)


@pytest.mark.parametrize("text", ["the day", "the same week", "former", "the time", "early",
                                  "forty", "2 1/2", "the second half",
                                  "the first half of the match"])
def test_unresolvable_text_has_no_value(text):
    assert normalise(text, DCT).value is None


@pytest.mark.parametrize("text,value", [
    ("6 July 2023", "2023-07-06"), ("last week", None), ("July 6", "XXXX-07-06"),
    ("three days", "P3D"), ("Monday", "XXXX-WXX-1"), ("the end of August", "XXXX-08"),
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
    ("On Monday,", "monday"), ("by the end of August", "august"), ("just over a week", "a week"),
    ("about a month", "a month"), ("early 2011", "2011"), ("This year\u2019s", "this year"),
    ("the end of year", "this year"),
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


WORDS = ["last", "next", "the", "end", "of", "August", "3", "p.m.", "12:30", "1,000", "days",
         "ago", "every", "Monday", "1990s", "'90s", "first", "quarter", "half", "Christmas",
         "mid-", "early", "a", "year", "earlier", "twice", "fiscal", "2013", "now", "-", ",", "."]


@given(st.lists(st.sampled_from(WORDS), max_size=8), st.sampled_from([None, "past", "present",
                                                                      "future"]),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
@settings(max_examples=400, deadline=None)
def test_normalise_never_fails(words, tense, dct):
    found = normalise(" ".join(words), dct, tense)
    assert found.type in ("DATE", "TIME", "DURATION", "SET")
    assert not found.anchored or dct is not None
