"""Events said in nouns (extract/nominal.py): who the noun names, what a verb codes already.

Sentences written for these tests. Each integration case lists every event the sentence
gives, as (type, mode, trigger, actor codes, recipient codes, modality): no more, no fewer.
"""
from __future__ import annotations

import dataclasses

import pytest
from spacy.tokens import Doc

from eventscope.lexicons.plover import NOMINAL_TRIGGERS, VERBS


def doc_of(vocab, rows, ents=None):
    """A Doc from (word, pos, dep, head index, lemma) rows: no model."""
    words, pos, deps, heads, lemmas = zip(*rows)
    return Doc(vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads),
               lemmas=list(lemmas), ents=ents)


def trigger_of(token):
    return VERBS.get(token.lemma_) if token.pos_ == "VERB" else None


def test_possessor_is_the_doer_and_of_phrase_the_target(vocab):
    from eventscope.extract.nominal import nominal_events

    doc = doc_of(vocab, [
        ("Valdora", "PROPN", "poss", 2, "Valdora"), ("'s", "PART", "case", 0, "'s"),
        ("invasion", "NOUN", "nsubj", 5, "invasion"), ("of", "ADP", "prep", 2, "of"),
        ("Ruritania", "PROPN", "pobj", 3, "Ruritania"), ("stunned", "VERB", "ROOT", 5, "stun"),
        ("diplomats", "NOUN", "dobj", 5, "diplomat"), (".", "PUNCT", "punct", 5, "."),
    ])
    (found,) = nominal_events(doc, trigger_of)
    assert (found.noun.text, found.trigger, [a.text for a in found.actors],
            [r.text for r in found.recipients]) == (
        "invasion", NOMINAL_TRIGGERS["invasion"], ["Valdora"], ["Ruritania"])


def test_of_phrase_is_the_doer_of_an_act_done_by_someone(vocab):
    from eventscope.extract.nominal import nominal_events

    doc = doc_of(vocab, [
        ("The", "DET", "det", 1, "the"), ("withdrawal", "NOUN", "nsubj", 4, "withdrawal"),
        ("of", "ADP", "prep", 1, "of"), ("Valdora", "PROPN", "pobj", 2, "Valdora"),
        ("surprised", "VERB", "ROOT", 4, "surprise"), ("Ruritania", "PROPN", "dobj", 4, "Ruritania"),
    ])
    (found,) = nominal_events(doc, trigger_of)
    assert ([a.text for a in found.actors], found.recipients) == (["Valdora"], [])


@pytest.mark.parametrize("verb,lemma,dep", [
    ("launched", "launch", "dobj"),  # a light verb: its own event
    ("attacked", "attack", "dobj"),  # a trigger of the same type codes it
])
def test_a_noun_a_verb_codes_already_is_skipped(vocab, verb, lemma, dep):
    from eventscope.extract.nominal import nominal_events

    doc = doc_of(vocab, [
        ("Valdora", "PROPN", "nsubj", 1, "Valdora"), (verb, "VERB", "ROOT", 1, lemma),
        ("an", "DET", "det", 3, "an"), ("assault", "NOUN", dep, 1, "assault"),
        ("on", "ADP", "prep", 3, "on"), ("Ruritania", "PROPN", "pobj", 4, "Ruritania"),
    ])
    assert nominal_events(doc, trigger_of) == []


def test_a_noun_naming_no_party_is_no_event(vocab):
    from eventscope.extract.nominal import nominal_events

    doc = doc_of(vocab, [
        ("The", "DET", "det", 1, "the"), ("raid", "NOUN", "nsubj", 2, "raid"),
        ("ended", "VERB", "ROOT", 2, "end"), ("quickly", "ADV", "advmod", 2, "quickly"),
    ])
    assert nominal_events(doc, trigger_of) == []


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # subject noun phrases: the doer from a possessor, a "by" phrase, a national adjective
    ("Peru's invasion of Bolivia shocked the region.",
     [("ASSAULT", None, "invasion", ["PER"], ["BOL"], "asserted")]),
    ("The shelling by Bolivian forces continued.",
     [("ASSAULT", None, "shelling", ["BOLMIL"], [], "asserted")]),
    ("The withdrawal of Argentine troops began on Monday.",
     [("RETREAT", "withdraw", "withdrawal", ["ARGMIL"], [], "asserted")]),
    # a noun naming no coded country is no event
    ("The night raid ended before dawn.", []),
])
def test_event_nouns_naming_a_party(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # what a condemnation is about is its own event, after the condemnation
    ("Bolivia condemned Chile's incursion into the valley.",
     [("ACCUSE", "disapprove", "condemned", ["BOL"], ["CHL"], "asserted"),
      ("ASSAULT", None, "incursion", ["CHL"], [], "asserted")]),
    # a light verb's object and a noun under a trigger of its type are the verb's event
    ("Insurgents launched an assault on the airbase.",
     [("ASSAULT", None, "launched", ["REB"], [], "asserted")]),
    ("Chilean airstrikes on the port killed nine.",
     [("ASSAULT", None, "killed", ["CHL"], [], "asserted")]),
    # an act ended is no act done: the ending is the event
    ("Uruguay lifted its blockade of the Paraguayan border.",
     [("RETREAT", "ease", "lifted", ["URY"], ["PRY"], "asserted")]),
])
def test_no_double_coding(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_a_nominal_event_ranks_below_the_verbal_one():
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    text = "Bolivia condemned Chile's incursion into the valley."
    result = Pipeline.from_settings(Settings()).process_one(make_article(text))
    verbal, nominal = result.events
    assert verbal.confidence > nominal.confidence


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # the same act told twice is one event
    ("Chilean troops shelled Peruvian outposts. Chilean artillery shelled the outposts in Peru "
     "for hours.",
     [("ASSAULT", "firearms", "shelled", ["CHLMIL"], ["PER"], "asserted")]),
    # the same verb on other targets is another act
    ("Argentina expelled two Uruguayan diplomats. Then Argentina expelled three Uruguayan "
     "journalists.",
     [("SANCTION", "expel", "expelled", ["ARG"], ["URYGOV"], "asserted"),
      ("SANCTION", "expel", "expelled", ["ARG"], ["URYMED"], "asserted")]),
])
def test_one_act_one_event(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_the_act_told_again_is_a_mention_of_the_one_event(events_of):
    from tests.conftest import make_article

    text = "Chilean troops shelled Peruvian outposts. Chilean artillery shelled the outposts in Peru."
    (event,) = events_of.pipeline.process_one(make_article(text)).events
    assert [(m.start, m.text) for m in event.mentions] == [(text.rindex("shelled"), "shelled")]


def test_one_per_act_keeps_the_most_confident_mention_where_the_first_was(vocab):
    from eventscope.extract.nominal import one_per_act
    from eventscope.records import Actor, Event, Span

    doc = doc_of(vocab, [
        ("Valdora", "PROPN", "nsubj", 1, "Valdora"), ("raided", "VERB", "ROOT", 1, "raid"),
        ("Ruritania", "PROPN", "dobj", 1, "Ruritania"), ("and", "CCONJ", "cc", 1, "and"),
        ("met", "VERB", "conj", 1, "meet"), ("it", "PRON", "dobj", 4, "it"),
        ("then", "ADV", "advmod", 7, "then"), ("raids", "VERB", "conj", 1, "raid"),
    ])

    def event(i, event_type, confidence, recipient="RUR"):
        word = doc[i]
        return Event(id=str(i), event_type=event_type,
                     trigger=Span(word.idx, word.idx + len(word), word.text),
                     sentence=Span(0, len(doc.text), doc.text), event_text=doc.text,
                     actor=(Actor(0, 7, "Valdora", country="VAL", code="VAL"),),
                     recipient=(Actor(8, 17, "Ruritania", country=recipient, code=recipient),),
                     confidence=confidence)

    first, meeting, again = event(1, "ASSAULT", 0.6), event(4, "CONSULT", 0.7), event(7, "ASSAULT", 0.9)
    other = event(7, "ASSAULT", 0.9, recipient="ZEM")
    # the kept mention lists the others' triggers
    assert one_per_act(doc, [first, meeting, again]) == (
        dataclasses.replace(again, mentions=(first.trigger,)), meeting)
    assert one_per_act(doc, [first, meeting, other]) == (first, meeting, other)


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # an act the phrase says did not (yet) happen keeps its type, with that modality
    ("The visit of the Peruvian president was postponed.",
     [("CONSULT", "meet", "visit", ["PERGOV"], [], "negated")]),
    ("Fears of a Russian invasion grew.",
     [("ASSAULT", None, "invasion", ["RUS"], [], "hypothetical")]),
    ("Brazil feared an Argentine blockade of its ports.",
     [("SANCTION", None, "blockade", ["ARG"], [], "hypothetical")]),
    # a negated condemnation says nothing of the act condemned
    ("Peru did not condemn Chile's incursion into the valley.",
     [("ACCUSE", "disapprove", "condemn", ["PER"], ["CHL"], "negated"),
      ("ASSAULT", None, "incursion", ["CHL"], [], "asserted")]),
])
def test_modality_of_nominal_events(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.parametrize("rows,noun,expected", [
    ([("the", "DET", "det", 2, "the"), ("planned", "VERB", "amod", 2, "plan"),
      ("raid", "NOUN", "ROOT", 2, "raid")], 2, "planned"),
    ([("risk", "NOUN", "ROOT", 0, "risk"), ("of", "ADP", "prep", 0, "of"),
      ("invasion", "NOUN", "pobj", 1, "invasion")], 2, "hypothetical"),
    ([("they", "PRON", "nsubj", 1, "they"), ("averted", "VERB", "ROOT", 1, "avert"),
      ("blockade", "NOUN", "dobj", 1, "blockade")], 2, "negated"),
    ([("they", "PRON", "nsubj", 1, "they"), ("condemned", "VERB", "ROOT", 1, "condemn"),
      ("invasion", "NOUN", "dobj", 1, "invasion")], 2, None),
])
def test_mood_of_an_event_noun(vocab, rows, noun, expected):
    from eventscope.extract.nominal import mood

    assert mood(doc_of(vocab, rows)[noun]) == expected
