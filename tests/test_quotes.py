"""quotes.v1: quotation-mark pairing, speaker resolution, and sentences with the real model."""
from __future__ import annotations

import pytest

from eventscope.extract.quotes import extract_quotes, quote_spans, resolve_speaker
from eventscope.records import Entity, Span


@pytest.mark.parametrize("text,expected", [
    ("He said “we will go” today.", ["we will go"]),
    ('Two "first" and "second" quotes.', ["first", "second"]),
    ("«Nous partons» dit-il.", ["Nous partons"]),
    ('An "unclosed quote\n\nNext paragraph.', []),
    ("“Outer ‘inner’ text”", ["Outer ‘inner’ text"]),
])
def test_quote_spans_pair_marks_and_refuse_unclosed(text, expected):
    assert [text[s:e] for s, e in quote_spans(text)] == expected


def entity(start, end, text, label, cluster="c", country=None):
    return Entity(id=text, start=start, end=end, text=text, label=label, cluster=cluster,
                  canonical=text, country=country)


def test_speaker_resolution_overlap_and_pronoun():
    ents = [entity(0, 13, "Ani Petrosyan", "PERSON", "p"), entity(20, 27, "Armenia", "GPE", "a", "ARM")]
    assert resolve_speaker(Span(0, 13, "Ani Petrosyan"), ents).cluster == "p"
    assert resolve_speaker(Span(40, 42, "He"), ents).cluster == "p"
    assert resolve_speaker(Span(40, 44, "They"), ents).cluster == "a"
    assert resolve_speaker(Span(40, 48, "analysts"), ents) is None
    assert resolve_speaker(None, ents) is None


@pytest.fixture
def quotes_of(nlp):
    from eventscope.extract.entities import EntityExtractor
    from eventscope.extract.actors import ActorDictionary
    from eventscope.ingest.article import make_article

    extractor = EntityExtractor(ActorDictionary.load())

    def run(text):
        article = make_article(text)
        doc = nlp(article.text)
        quotes = extract_quotes(doc, article, {"entities": extractor(doc, article, {})})
        for q in quotes:
            for part in (q.content, q.speaker, q.cue):
                assert part is None or article.text[part.start:part.end] == part.text
        return quotes
    return run


@pytest.mark.integration
def test_direct_quote_with_named_speaker(quotes_of):
    (q,) = quotes_of("“The talks will continue next week,” said Olga Ivanova, a Kremlin spokeswoman.")
    assert (q.kind, q.content.text, q.cue.text) == ("direct", "The talks will continue next week", "said")
    assert q.speaker_name == "Olga Ivanova"


@pytest.mark.integration
def test_indirect_and_according_to(quotes_of):
    quotes = quotes_of("The minister said that the border would reopen. According to the ministry, "
                       "two soldiers were wounded in the attack.")
    assert [(q.kind, q.content.text, q.speaker.text) for q in quotes] == [
        ("indirect", "the border would reopen", "The minister"),
        ("indirect", "two soldiers were wounded in the attack", "the ministry"),
    ]


@pytest.mark.integration
def test_speaker_in_the_next_sentence_and_scare_quotes(quotes_of):
    quotes = quotes_of('Peskov spoke after the meeting.\n"We have no plans to withdraw." '
                       'The so-called "buffer zone" was not discussed.')
    assert [q.content.text for q in quotes] == ["We have no plans to withdraw."]


@pytest.mark.parametrize("text,partial", [
    ("He said the plan was “dead on arrival”.", True),
    ("“We are ready,” he said.", False),
    ("He said: “We are ready.”", False),
    ("He said, “We are ready.”", False),
    ("He called it, “a mistake”.", True),
])
def test_partial_quotes_belong_to_their_clause(text, partial):
    from eventscope.extract.quotes import is_partial

    (start, end), = quote_spans(text)
    assert is_partial(text, start, end) is partial


def indirect(quotes):
    return [(q.content.text, q.speaker.text if q.speaker else None, q.cue.text)
            for q in quotes if q.kind == "indirect"]


@pytest.mark.integration
def test_clause_interrupted_by_the_reporting_verb(quotes_of):
    quotes = quotes_of("The new bridge, the mayor said, would open to traffic in the spring.")
    assert indirect(quotes) == [
        ("The new bridge, the mayor said, would open to traffic in the spring", "the mayor", "said"),
    ]


@pytest.mark.integration
def test_infinitive_complement_with_its_object(quotes_of):
    quotes = quotes_of("The senator urged Congress to pass the farm bill before the recess.")
    assert indirect(quotes) == [
        ("Congress to pass the farm bill before the recess", "The senator", "urged"),
    ]


@pytest.mark.integration
def test_infinitive_of_a_plain_saying_verb_is_not_content(quotes_of):
    assert indirect(quotes_of("The old mill is said to be haunted by its former owner.")) == []


@pytest.mark.integration
def test_phrases_reported_by_call_for_and_object_verbs(quotes_of):
    quotes = quotes_of("The union called for a general strike across the region. "
                       "The group cited rising fuel costs as the main reason for the delay.")
    assert indirect(quotes) == [
        ("a general strike across the region", "The union", "called"),
        ("rising fuel costs as the main reason for the delay", "The group", "cited"),
    ]


@pytest.mark.integration
def test_naming_with_an_object_predicate(quotes_of):
    quotes = quotes_of("The opposition leader called the new budget a reckless gamble.")
    assert indirect(quotes) == [
        ("the new budget a reckless gamble", "The opposition leader", "called"),
    ]


@pytest.mark.integration
def test_findings_of_a_report(quotes_of):
    quotes = quotes_of("The audit found that most rural clinics lacked basic equipment.")
    assert indirect(quotes) == [
        ("most rural clinics lacked basic equipment", "The audit", "found"),
    ]


@pytest.mark.integration
def test_speaker_of_a_gerund_after_a_preposition(quotes_of):
    quotes = quotes_of("The governor ended the debate by saying that the new tax was unfair.")
    assert indirect(quotes) == [("the new tax was unfair", "The governor", "saying")]


@pytest.mark.integration
def test_first_person_hedge_is_not_an_attribution(quotes_of):
    quotes = quotes_of("I think the river will flood again this year. "
                       "The farmers think the river will flood again this year.")
    assert indirect(quotes) == [("the river will flood again this year", "The farmers", "think")]


@pytest.mark.integration
def test_call_on_reports_the_party_and_the_infinitive_not_the_preposition(quotes_of):
    quotes = quotes_of("The council called on the province to reopen the mountain road.")
    assert indirect(quotes) == [
        ("the province to reopen the mountain road", "The council", "called"),
    ]
