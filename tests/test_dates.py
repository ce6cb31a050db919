"""dates.v1: candidates, TimeML extents, tense and records, on hand-built Docs and the model."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventscope.extract.dates import candidates, extract_dates, publication_date, tense_of
from eventscope.records import Article, content_id

DCT = "2023-07-06"  # a Thursday


@pytest.fixture(scope="module")
def vocab():
    """An English vocabulary, so tokens know their lower case, punctuation and number shape."""
    return spacy.blank("en").vocab


def build(vocab, words, *, ents=None, heads=None, deps=None, pos=None, tags=None, lemmas=None):
    """A Doc with one space after each word except before final punctuation."""
    spaces = [i + 1 < len(words) and words[i + 1] not in ".,'s" for i in range(len(words))]
    n = len(words)
    return Doc(vocab, words=words, spaces=spaces, ents=ents or ["O"] * n,
               heads=heads or [0] * n, deps=deps or ["dep"] * n, pos=pos or ["X"] * n,
               tags=tags or ["XX"] * n, lemmas=lemmas or [w.lower() for w in words])


def article(doc, published=DCT) -> Article:
    return Article(id=content_id(doc.text), text=doc.text, published=published)


def run(doc, published=DCT):
    art = article(doc, published)
    found = extract_dates(doc, art, {})
    for d in found:
        assert art.text[d.start:d.end] == d.text
        assert d.id == content_id(art.id, "date", d.start, d.end)
    return [(d.text, d.type, d.value) for d in found]


def said_on(vocab, tag: str, aux: list[str] = ()):  # "Officials (aux) met on Monday ."
    words = ["Officials", *aux, "met", "on", "Monday", "."]
    verb = 1 + len(aux)
    heads = [verb, *([verb] * len(aux)), verb, verb, verb + 1, verb]
    deps = ["nsubj", *(["aux"] * len(aux)), "ROOT", "prep", "pobj", "punct"]
    pos = ["NOUN", *(["AUX"] * len(aux)), "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["NNS", *(["MD"] * len(aux)), tag, "IN", "NNP", "."]
    ents = ["O", *(["O"] * len(aux)), "O", "O", "B-DATE", "O"]
    return build(vocab, words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


@pytest.mark.parametrize("tag,aux,tense,value", [
    ("VBD", [], "past", "2023-07-03"),
    ("VB", ["will"], "future", "2023-07-10"),
    ("VBP", [], "present", "2023-07-10"),
    ("VB", ["would"], "present", "2023-07-10"),
    ("VBN", ["could", "have"], "past", "2023-07-03"),
])
def test_the_governing_verb_decides_the_weekday(vocab, tag, aux, tense, value):
    doc = said_on(vocab, tag, aux)
    assert tense_of(doc[len(doc) - 2]) == tense
    assert run(doc) == [("Monday", "DATE", value)]


def test_infinitive_under_a_plan_looks_ahead(vocab):
    words = ["They", "plan", "to", "meet", "Monday", "."]
    doc = build(vocab, words, heads=[1, 1, 3, 1, 3, 1],
                deps=["nsubj", "ROOT", "aux", "xcomp", "npadvmod", "punct"],
                pos=["PRON", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
                tags=["PRP", "VBP", "TO", "VB", "NNP", "."],
                lemmas=["they", "plan", "to", "meet", "monday", "."],
                ents=["O", "O", "O", "O", "B-DATE", "O"])
    assert tense_of(doc[4]) == "future"
    assert run(doc) == [("Monday", "DATE", "2023-07-10")]


def test_prepositions_are_outside_the_extent(vocab):
    doc = build(vocab, ["Prices", "climbed", "until", "the", "middle", "of", "October", "."],
                ents=["O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"])
    assert run(doc) == [("the middle of October", "DATE", "2023-10")]


@pytest.mark.parametrize("words,ents,expected", [
    (["The", "harvest", "ended", "a", "week", "earlier", "than", "planned", "."],
     ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O"], ("a week", "DURATION", "P1W")),
    (["Exports", "rose", "from", "a", "quarter", "earlier", "."],
     ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O"], ("a quarter earlier", "DATE", "2023-Q2")),
    (["Guests", "came", "three", "hours", "after", "the", "wedding", "."],
     ["O", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O"], ("three hours", "DURATION", "PT3H")),
])
def test_signals_after_a_length_are_outside_the_extent(vocab, words, ents, expected):
    assert run(build(vocab, words, ents=ents)) == [expected]


@pytest.mark.parametrize("years,expected", [
    ("2004-2006", [("2004", "DATE", "2004"), ("2006", "DATE", "2006")]),
    ("1983-85", [("1983", "DATE", "1983"), ("85", "DATE", "1985")]),
])
def test_a_year_range_is_two_timexes(vocab, years, expected):
    doc = build(vocab, ["A", "drought", "in", years, "hurt", "farms", "."],
                ents=["O", "O", "O", "B-DATE", "O", "O", "O"])
    assert run(doc) == expected


def test_a_number_range_shares_its_unit(vocab):
    doc = build(vocab, ["Repairs", "need", "between", "three", "and", "five", "weeks", "."],
                ents=["O", "O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O"])
    assert run(doc) == [("three", "DURATION", "P3W"), ("five weeks", "DURATION", "P5W")]


def test_a_plural_possessive_keeps_its_apostrophe(vocab):
    doc = build(vocab, ["She", "gave", "two", "weeks", "'", "notice", "."],
                ents=["O", "O", "B-DATE", "I-DATE", "I-DATE", "O", "O"])
    assert run(doc) == [("two weeks'", "DURATION", "P2W")]


def test_ages_are_not_timexes(vocab):
    doc = build(vocab, ["Her", "31-year-old", "niece", "moved", "."],
                ents=["O", "B-DATE", "O", "O", "O"])
    assert run(doc) == []


def test_patterns_find_what_the_tagger_missed(vocab):
    doc = build(vocab, ["Patrols", "run", "every", "week", "since", "2019", "and", "now",
                        "at", "11", "p.m.", "."],
                tags=["NNS", "VBP", "DT", "NN", "IN", "CD", "CC", "RB", "IN", "CD", "NN", "."])
    assert run(doc) == [("every week", "SET", "P1W"), ("2019", "DATE", "2019"),
                        ("now", "DATE", "PRESENT_REF"), ("11 p.m.", "TIME", "2023-07-06T23:00")]


def test_a_thousand_days_is_not_zero_days(vocab):
    doc = build(vocab, ["It", "lasted", "1,000", "days", "."])
    assert run(doc) == [("1,000 days", "DURATION", "P1000D")]


@pytest.mark.parametrize("ents", [None, ["O", "B-DATE", "O", "O", "O"]])
def test_counts_of_things_are_not_years(vocab, ents):
    doc = build(vocab, ["About", "2000", "troops", "arrived", "."],
                tags=["RB", "CD", "NNS", "VBD", "."], ents=ents)
    assert run(doc) == []


def test_without_a_publication_date_relative_values_are_unresolved(vocab):
    doc = build(vocab, ["Talks", "began", "last", "week", "and", "on", "6", "July", "2023", "."],
                ents=["O", "O", "B-DATE", "I-DATE", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O"])
    art = article(doc, published=None)
    found = extract_dates(doc, art, {})
    assert [(d.text, d.value, d.anchored) for d in found] == [
        ("last week", None, False), ("6 July 2023", "2023-07-06", False)]
    assert [d.anchored for d in extract_dates(doc, article(doc), {})] == [True, False]


def test_extraction_is_pure_and_repeatable(vocab):
    doc = said_on(vocab, "VBD")
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    art = article(doc)
    assert extract_dates(doc, art, {}) == extract_dates(doc, art, {})
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == ents


def test_candidates_are_unique_and_ordered(vocab):
    doc = build(vocab, ["Since", "Monday", "night", "."], ents=["O", "B-DATE", "O", "O"])
    found = candidates(doc)
    assert found == sorted(set(found), key=lambda c: (c.start, c.end))
    assert run(doc) == [("Monday night", "TIME", "2023-07-03TNI")]


@pytest.mark.parametrize("published,expected", [
    ("2023-07-06", "2023-07-06"), ("2023-07-06T10:00:00Z", "2023-07-06"), (None, None),
    ("not a date", None),
])
def test_publication_date(published, expected):
    art = Article(id="a", text="x", published=published)
    found = publication_date(art)
    assert (found.isoformat() if found else None) == expected


# --- with the model -------------------------------------------------------------------------

SENTENCES = [
    ("Negotiators agreed on Tuesday: talks would restart next month.",
     {("Tuesday", "2023-07-04"), ("next month", "2023-08")}),
    ("Shelling killed four people three days ago, and the ceasefire held for two weeks in May.",
     {("three days ago", "2023-07-03"), ("two weeks", "P2W"), ("May", "2023-05")}),
    ("Envoys will meet on Monday morning and again before the middle of October.",
     {("Monday morning", "2023-07-10TMO"), ("the middle of October", "2023-10")}),
    ("Ferries have sailed daily since 2018, though in recent months fewer left.",
     {("daily", "P1D"), ("2018", "2018"), ("recent months", "PXM")}),
    ("The 1990s were calmer; now the region is tense, and the coming weeks will tell.",
     {("The 1990s", "199"), ("now", "PRESENT_REF"), ("the coming weeks", "FUTURE_REF")}),
    ("The blockade began last week, on July 1, after a 2015-2017 truce, at 6 a.m. Friday.",
     {("last week", "2023-W26"), ("July 1", "2023-07-01"), ("2015", "2015"), ("2017", "2017"),
      ("6 a.m. Friday", "2023-06-30T06:00")}),
]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", SENTENCES)
def test_sentences(nlp, text, expected):
    doc = nlp(text)
    art = Article(id=content_id(text), text=text, published=DCT)
    found = {(d.text, d.value) for d in extract_dates(doc, art, {})}
    assert expected <= found, found - expected


def test_an_infinitive_root_does_not_recurse(vocab):
    """A "to" infinitive that is its own head (the root) ends the walk up the tree."""
    from spacy.tokens import Doc

    from eventscope.extract.dates import verb_tense

    doc = Doc(vocab, words=["To", "meet", "Friday"], heads=[1, 1, 1],
              deps=["aux", "ROOT", "npadvmod"], pos=["PART", "VERB", "PROPN"])
    assert verb_tense(doc[1]) is None


@pytest.mark.parametrize("words,expected", [
    # days coordinated with a dated day are dates of its month
    ("Ships docked on April 4 and 11 .", [("April 4", "2023-04-04"), ("11", "2023-04-11")]),
    ("Ships docked on April 4 , 7 and 11 .",
     [("April 4", "2023-04-04"), ("7", "2023-04-07"), ("11", "2023-04-11")]),
    ("Ships docked on 4 and 11 April .", [("4", "2023-04-04"), ("11 April", "2023-04-11")]),
    # a count after "and" is no day
    ("Ships docked on April 4 and 11 sailors left .", [("April 4", "2023-04-04")]),
])
def test_coordinated_days_take_the_month_of_the_dated_day(vocab, words, expected):
    doc = build(vocab, words.split())
    found = [(d.text, d.value) for d in extract_dates(doc, article(doc), {})]
    assert found == expected
