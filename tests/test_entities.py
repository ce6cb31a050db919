"""entities.v1: mentions from the parse and in-document clusters (hand-built Docs)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span as SpacySpan

from eventscope.extract.entities import (
    EntityExtractor, acronym, cluster_mentions, normalise_name, spelling_variants,
)
from eventscope.records import Article, content_id


class FakeActors:
    def lookup(self, name, on=None):
        from eventscope.extract.actors import ActorCode

        return ActorCode("ARM", "GOV") if "Armenia" in name else None


def doc_with_ents(vocab, words, ents):
    doc = Doc(vocab, words=words)
    doc.ents = [SpacySpan(doc, start, end, label=label) for start, end, label in ents]
    return doc


@pytest.mark.parametrize("text,expected", [
    ("the Foreign Ministry", "foreign ministry"),
    ("Pashinyan's", "pashinyan"),
    ("  Baku ", "baku"),
])
def test_normalise_name(text, expected):
    assert normalise_name(text) == expected


def test_acronym_uses_capitalised_words():
    assert acronym("Collective Security Treaty Organization") == "csto"
    assert acronym("Ministry of Foreign Affairs") == "mfa"


def test_surnames_and_acronyms_join_the_fuller_name():
    mentions = [("PERSON", "Ani Petrosyan"), ("ORG", "CSTO"), ("PERSON", "Petrosyan"),
                ("ORG", "the Collective Security Treaty Organization"), ("PERSON", "Ani Smith")]
    assigned, clusters = cluster_mentions(mentions)
    assert assigned[0] == assigned[2]
    assert assigned[1] == assigned[3]
    assert len({assigned[0], assigned[4]}) == 2
    assert clusters[assigned[1]].canonical == "Collective Security Treaty Organization"


def test_labels_do_not_mix_except_places():
    assigned, _ = cluster_mentions([("PERSON", "Georgia"), ("GPE", "Georgia"), ("LOC", "Georgia")])
    assert assigned[1] == assigned[2] != assigned[0]


def test_extractor_offsets_clusters_and_codes(vocab):
    words = ["Ani", "Petrosyan", "of", "Armenia", "spoke", ".", "Petrosyan", "left", "."]
    doc = doc_with_ents(vocab, words, [(0, 2, "PERSON"), (3, 4, "GPE"), (6, 7, "PERSON")])
    article = Article(id=content_id(doc.text), text=doc.text)
    records = EntityExtractor(FakeActors())(doc, article, {})
    assert [article.text[e.start:e.end] for e in records] == ["Ani Petrosyan", "Armenia", "Petrosyan"]
    assert records[0].cluster == records[2].cluster != records[1].cluster
    assert records[2].canonical == "Ani Petrosyan"
    assert (records[1].country, records[1].sector) == ("ARM", "GOV")
    assert records == EntityExtractor(FakeActors())(doc, article, {})  # pure and stable


def extract(vocab, words, ents, spaces=None):
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [SpacySpan(doc, start, end, label=label) for start, end, label in ents]
    article = Article(id=content_id(doc.text), text=doc.text)
    records = EntityExtractor(FakeActors())(doc, article, {})
    for e in records:
        assert e.text == article.text[e.start:e.end]
    return [(e.text, e.label) for e in records]


def test_dictionary_organisations_spacy_missed_are_added(vocab):
    words = ["Fighters", "of", "ISIL", "and", "the", "un", "met", "Un", "Tuesday", "."]
    assert extract(vocab, words, [(8, 9, "DATE")]) == [("ISIL", "ORG"), ("Tuesday", "DATE")]


def test_dictionary_organisation_typed_as_group_or_place_becomes_org(vocab):
    words = ["ISIL", "fighters", "fled", "Daesh", "positions", "near", "Armenia", "."]
    ents = [(0, 1, "NORP"), (3, 4, "GPE"), (6, 7, "GPE")]
    assert extract(vocab, words, ents) == [("ISIL", "ORG"), ("Daesh", "ORG"), ("Armenia", "GPE")]


def test_longer_dictionary_name_replaces_fragments(vocab):
    words = ["Troops", "fought", "the", "Islamic", "State", "of", "Iraq", "and", "the", "Levant",
             "."]
    ents = [(3, 7, "ORG"), (9, 10, "LOC")]
    assert extract(vocab, words, ents) == [("the Islamic State of Iraq and the Levant", "ORG")]


def test_acronym_defined_in_text_names_the_organisation(vocab):
    words = ["The", "Northern", "Valley", "Brigade", "(", "NVB", ")", "said", "NVB", "units",
             "left", ";", "Reuters", "(", "UK", ")", "reported", "from", "UK", "."]
    spaces = [True, True, True, True, False, False, True, True, True, True, True, True, True,
              False, False, True, True, True, False, False]
    ents = [(0, 4, "ORG"), (8, 9, "NORP"), (12, 13, "ORG"), (14, 15, "GPE"), (18, 19, "GPE")]
    assert extract(vocab, words, ents, spaces) == [
        ("The Northern Valley Brigade", "ORG"), ("NVB", "ORG"), ("NVB", "ORG"),
        ("Reuters", "ORG"), ("UK", "GPE"), ("UK", "GPE"),
    ]


def test_possessive_endings_are_trimmed_and_org_keeps_the(vocab):
    words = ["the", "Valley", "Council", "'s", "envoy", "met", "Petrosyan", "’s", "aide", "."]
    spaces = [True, True, False, True, True, True, False, True, False, False]
    ents = [(1, 4, "ORG"), (6, 8, "PERSON")]
    assert extract(vocab, words, ents, spaces) == [
        ("the Valley Council", "ORG"), ("Petrosyan", "PERSON"),
    ]


@pytest.mark.parametrize("words,start,end,expected", [
    (["Foreign", "Minister", "Ani", "Petrosyan", "spoke"], 2, 4, "Foreign Minister Ani Petrosyan"),
    (["said", "Lt.", "Gen.", "Ani", "Petrosyan", "today"], 3, 5, "Lt. Gen. Ani Petrosyan"),
    (["said", "Mr", "Petrosyan", "today"], 2, 3, "Mr Petrosyan"),
    (["of", "State", "Ani", "Petrosyan", "today"], 2, 4, "Ani Petrosyan"),  # no head word
    (["Minister", ",", "Ani", "Petrosyan", "spoke"], 2, 4, "Ani Petrosyan"),
])
def test_person_spans_take_in_a_preceding_title(vocab, words, start, end, expected):
    assert extract(vocab, words, [(start, end, "PERSON")]) == [(expected, "PERSON")]


def test_titles_stay_out_of_cluster_names(vocab):
    words = ["Foreign", "Minister", "Ani", "Petrosyan", "spoke", ";", "Petrosyan", "left", "."]
    doc = doc_with_ents(vocab, words, [(2, 4, "PERSON"), (6, 7, "PERSON")])
    article = Article(id=content_id(doc.text), text=doc.text)
    records = EntityExtractor(FakeActors())(doc, article, {})
    assert records[0].text == "Foreign Minister Ani Petrosyan"
    assert records[0].cluster == records[1].cluster
    assert records[0].canonical == "Ani Petrosyan"


def test_the_before_an_organisation_does_not_split_its_cluster(vocab):
    words = ["Valley", "Council", "met", ".", "The", "Valley", "Council", "left", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [SpacySpan(doc, 0, 2, label="ORG"), SpacySpan(doc, 5, 7, label="ORG")]
    article = Article(id=content_id(doc.text), text=doc.text)
    first, second = EntityExtractor(FakeActors())(doc, article, {})
    assert (first.text, second.text) == ("Valley Council", "The Valley Council")
    assert first.cluster == second.cluster and second.canonical == "Valley Council"


@pytest.mark.parametrize("a,b,expected", [
    ("marek", "mareck", True),  # one letter added
    ("petrosyan", "petrosian", True),  # one letter replaced
    ("khalilov", "halilov", True),  # Kh / H
    ("aliyev", "aliev", True),  # -yev / -ev
    ("ivanov", "ivanova", False),  # the feminine form is another person
    ("marek", "darek", False),  # another initial
    ("lenk", "link", False),  # too short to tell
    ("marek", "marek", False),  # the same spelling is no variant
    ("marek", "marecki", False),  # two letters apart
])
def test_spelling_variants_of_a_surname(a, b, expected):
    assert spelling_variants(a, b) is expected


def test_spelling_variants_join_a_cluster_unless_the_first_names_differ():
    mentions = [("PERSON", "Ivo Marek"), ("PERSON", "Ivo Mareck"), ("PERSON", "Mareck"),
                ("PERSON", "Ana Mareck"), ("PERSON", "Ivo Khalilov"), ("PERSON", "Halilov"),
                ("ORG", "Khalilov"), ("PERSON", "Teodor Marek")]
    assigned, clusters = cluster_mentions(mentions)
    assert [clusters[i].canonical for i in assigned] == [
        "Ivo Mareck", "Ivo Mareck", "Ivo Mareck", "Ana Mareck", "Ivo Khalilov", "Ivo Khalilov",
        "Khalilov", "Teodor Marek",
    ]
