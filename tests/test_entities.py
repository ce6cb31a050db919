"""entities.v1: mentions from the parse and in-document clusters (hand-built Docs)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span as SpacySpan

from eventscope.extract.entities import EntityExtractor, acronym, cluster_mentions, normalise_name
from eventscope.records import Article, content_id


class FakeActors:
    def lookup(self, name):
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
