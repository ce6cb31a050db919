"""The TIMEX3 normaliser, table-driven against a publication date of Thursday 2023-07-06."""
from __future__ import annotations

from datetime import date

import pytest

from eventscope.extract.timenorm import normalise

DCT = date(2023, 7, 6)


@pytest.mark.parametrize("text,tense,kind,value", [
    ("2023-07-01", None, "DATE", "2023-07-01"),
    ("6 July 2023", None, "DATE", "2023-07-06"),
    ("July 6, 2023", None, "DATE", "2023-07-06"),
    ("July 6", None, "DATE", "2023-07-06"),
    ("March 2022", None, "DATE", "2022-03"),
    ("the end of August", None, "DATE", "2023-08"),
    ("by the end of August", None, "DATE", "2023-08"),
    ("1995", None, "DATE", "1995"),
    ("the 1990s", None, "DATE", "199"),
    ("today", None, "DATE", "2023-07-06"),
    ("yesterday", None, "DATE", "2023-07-05"),
    ("tomorrow", None, "DATE", "2023-07-07"),
    ("Monday", "past", "DATE", "2023-07-03"),
    ("Monday", "future", "DATE", "2023-07-10"),
    ("last week", None, "DATE", "2023-W26"),
    ("this week", None, "DATE", "2023-W27"),
    ("next month", None, "DATE", "2023-08"),
    ("last year", None, "DATE", "2022"),
    ("three days ago", None, "DATE", "2023-07-03"),
    ("two years ago", None, "DATE", "2021"),
    ("three days", None, "DURATION", "P3D"),
    ("several months", None, "DURATION", "PXM"),
    ("72 hours", None, "DURATION", "PT72H"),
    ("every week", None, "SET", "P1W"),
    ("daily", None, "SET", "P1D"),
    ("recently", None, "DATE", "PAST_REF"),
    ("now", None, "DATE", "PRESENT_REF"),
    ("the coming weeks", None, "DATE", "FUTURE_REF"),
    ("the first quarter", None, "DATE", "2023-Q1"),
    ("this summer", None, "DATE", "2023-SU"),
    ("last night", None, "TIME", "2023-07-05TNI"),
])
def test_normalise(text, tense, kind, value):
    found = normalise(text, DCT, tense)
    assert (found.type, found.value) == (kind, value)


@pytest.mark.parametrize("text,value", [("6 July 2023", "2023-07-06"), ("last week", None),
                                        ("July 6", "XXXX-07-06"), ("three days", "P3D")])
def test_without_a_publication_date_only_absolute_values(text, value):
    found = normalise(text, None)
    assert found.value == value and not found.anchored
