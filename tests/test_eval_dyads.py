"""The re3d dyads task: loading relations, polarity and direction, the figures, evaluate()."""
from __future__ import annotations


import pytest

from conftest import write_re3d_source

from eventscope.eval.dyads import (
    DyadDoc, Link, Outcome, Relation, figures, judge, links_of, load_gold, outcome_notes, score,
)
from eventscope.eval.tasks import TASKS, gold_files
from eventscope.records import Actor, Event, Span

# Invented places and people. Offsets:  The Valdoran army 0-17, rebel positions 26-41,
# Premier Lina Osk 67-83, President Tomas Brek 88-108, Ardena 112-118.
FIRST = ("The Valdoran army shelled rebel positions near Kestrel on Tuesday. "
         "Premier Lina Osk met President Tomas Brek in Ardena.")
# Soldiers of Marovia 0-19, the Tessel Front 29-45, The Front 62-71 (second sentence).
SECOND = ("Soldiers of Marovia attacked the Tessel Front outside Brivik. "
          "The Front answered with mortars.")


def write_source(root, name, docs, relations):
    write_re3d_source(root, name, documents=docs, relations=relations)


def relation(doc, kind, text, source, target, confidence=1.0, shift=0):
    """A re3d relation record between the first occurrences of ``source`` and ``target``."""
    s, t = text.index(source), text.index(target)
    return {"_id": f"{doc}-{s}-{t}-{kind}", "documentId": doc, "type": kind,
            "sourceBegin": s + shift, "sourceEnd": s + len(source) + shift, "source": source,
            "targetBegin": t, "targetEnd": t + len(target), "target": target,
            "begin": 0, "end": 1, "value": "x", "confidence": confidence}


GOLD_RELATIONS = [
    relation("d1", "FightingAgainst", FIRST, "The Valdoran army", "rebel positions"),
    relation("d1", "FightingAgainst", FIRST, "rebel positions", "The Valdoran army"),
    relation("d1", "CommWith", FIRST, "President Tomas Brek", "Premier Lina Osk"),
    relation("d1", "CommWith", FIRST, "Premier Lina Osk", "President Tomas Brek"),  # same pair
    relation("d1", "AlliesOf", FIRST, "Lina Osk", "Tomas Brek"),
    relation("d1", "CoLocated", FIRST, "Tomas Brek", "Ardena"),
    relation("d1", "CommWith", FIRST, "Kestrel", "Ardena", confidence=0.4),
    relation("d2", "FightingAgainst", SECOND, "Soldiers of Marovia", "the Tessel Front", shift=3),
    relation("d2", "FightingAgainst", SECOND, "The Front", "Soldiers of Marovia"),
    relation("d3", "IsSynonymOf", "Brivik is Brivik.", "Brivik", "Brivik"),
]
DOCS = [{"_id": "d1", "text": FIRST}, {"_id": "d2", "text": SECOND},
        {"_id": "d3", "text": "Brivik is Brivik."}]


def test_load_gold_keeps_three_types_merges_symmetric_pairs_and_reanchors(tmp_path):
    broken = relation("d2", "AlliesOf", SECOND, "Brivik", "The Front")
    broken["source"] = "Nowhere"
    write_source(tmp_path, "own", DOCS, GOLD_RELATIONS + [broken])
    gold = load_gold(tmp_path)
    assert [d.id for d in gold.docs] == ["d1", "d2"]  # d3 has no scored relation
    assert gold.docs[0].relations == (
        Relation("FightingAgainst", (0, 17), (26, 41)),
        Relation("FightingAgainst", (26, 41), (0, 17)),
        Relation("CommWith", (67, 83), (88, 108)),  # symmetric: stored in text order
        Relation("AlliesOf", (75, 83), (98, 108)),
    )
    assert gold.docs[1].relations == (Relation("FightingAgainst", (0, 19), (29, 45)),
                                      Relation("FightingAgainst", (62, 71), (0, 19)))
    assert (gold.low_confidence, gold.merged, gold.reanchored, gold.skipped) == (1, 1, 1, 1)
    assert gold.other_types == (("CoLocated", 1), ("IsSynonymOf", 1))
    assert len(gold.files) == 2
    assert len(load_gold(tmp_path, limit=1).docs) == 1


def test_the_registry_pins_documents_and_relations(tmp_path):
    write_source(tmp_path, "own", DOCS, GOLD_RELATIONS)
    (tmp_path / "own" / "entities.json").write_text("\n", encoding="utf-8")
    assert [p.rsplit("/", 1)[1] for p in gold_files("dyads", tmp_path)] == [
        "documents.json", "relations.json"]
    assert TASKS["dyads"].gold == "ner/re3d"


A, B, C = (0, 5), (10, 15), (20, 25)
ONE_SENTENCE = ((0, 30),)


@pytest.mark.parametrize("rel, links, expected", [
    # conflict coded from the relation's source to its target
    (Relation("FightingAgainst", A, B), [Link((A,), (B,), "conflict")],
     Outcome("FightingAgainst", True, True, True, True, ("conflict",))),
    # conflict coded the other way: found only when direction is ignored
    (Relation("FightingAgainst", A, B), [Link((B,), (A,), "conflict")],
     Outcome("FightingAgainst", False, True, True, True, ("conflict",))),
    # symmetric relations count either way; a participant list may hold several spans
    (Relation("CommWith", A, B), [Link((C, B), (A,), "consultation")],
     Outcome("CommWith", True, True, True, True, ("consultation",))),
    # linked, but by an event of another polarity (or none)
    (Relation("AlliesOf", A, B), [Link((A,), (B,), "conflict"), Link((B,), (A,), "none")],
     Outcome("AlliesOf", False, False, True, True, ("conflict", "none"))),
    # an event joining one end to a third party links nothing
    (Relation("AlliesOf", A, B), [Link((A,), (C,), "cooperation")],
     Outcome("AlliesOf", False, False, False, True)),
    # a span overlapping by one character is enough
    (Relation("FightingAgainst", A, B), [Link(((4, 6),), ((14, 30),), "conflict")],
     Outcome("FightingAgainst", True, True, True, True, ("conflict",))),
])
def test_judge(rel, links, expected):
    assert judge(rel, links, ONE_SENTENCE) == expected


def test_same_sentence_needs_both_spans_inside_one_sentence():
    rel = Relation("CommWith", A, C)
    assert not judge(rel, [], ((0, 12), (13, 30))).same_sentence
    assert judge(rel, [], ((0, 12), (0, 30))).same_sentence


def event(event_type, actors, recipients, modality="asserted"):
    def actor(span):
        return Actor(span[0], span[1], "x")
    return Event(id="e", event_type=event_type, trigger=Span(0, 1, "x"),
                 sentence=Span(0, 30, "x"), event_text="x", modality=modality,
                 actor=tuple(actor(s) for s in actors),
                 recipient=tuple(actor(s) for s in recipients))


def test_links_need_both_roles_and_drop_negated_events():
    events = [event("ASSAULT", [A], [B]), event("REQUEST", [A, C], [B]),
              event("RETREAT", [A], [B]), event("AID", [A], [B], modality="negated"),
              event("AGREE", [A], []), event("COOPERATE", [], [B])]
    assert links_of(events) == (Link((A,), (B,), "conflict"),
                                Link((A, C), (B,), "consultation"),
                                Link((A,), (B,), "none"))


def test_a_target_that_names_no_party_is_linked_like_a_recipient():
    import dataclasses

    hit = dataclasses.replace(event("ASSAULT", [A], []), target=Span(*B, "the depot"))
    assert links_of([hit, event("ASSAULT", [A], [])]) == (Link((A,), (B,), "conflict"),)


def test_score_figures_and_notes():
    docs = [[Relation("FightingAgainst", A, B), Relation("FightingAgainst", B, A)],
            [Relation("CommWith", A, B), Relation("AlliesOf", A, C)]]
    links = [[Link((A,), (B,), "conflict")], [Link((B,), (A,), "cooperation")]]
    outcomes = score(docs, links, [ONE_SENTENCE, ((0, 15),)])
    named = {f.name: f for f in figures(outcomes)}
    assert {name: (f.value, f.support) for name, f in named.items()} == {
        "dyads.recall": (0.25, 4), "dyads.recall_undirected": (0.5, 4),
        "dyads.linked": (0.75, 4), "dyads.polarity_agreement": (2 / 3, 3),
        "dyads.same_sentence": (0.75, 4),
        "fighting_against.recall": (0.5, 2), "fighting_against.recall_undirected": (1.0, 2),
        "allies_of.recall": (0.0, 1), "allies_of.recall_undirected": (0.0, 1),
        "comm_with.recall": (0.0, 1), "comm_with.recall_undirected": (0.0, 1),
    }
    assert [f.name for f in named.values() if f.headline] == ["dyads.recall"]
    assert outcome_notes(outcomes)[2] == (
        "CommWith (consultation): 1 relations, 0 found, 1 linked by some event, "
        "1 within one sentence; polarities of linking events: cooperation 1")


def test_figures_of_nothing_are_undefined():
    assert {f.value for f in figures(())} == {None}


@pytest.mark.integration
def test_evaluate_scores_the_pipeline_against_a_hand_made_source(tmp_path, settings):
    """Two attacks coded source to target, one listed the other way round, a meeting that shows
    the contact but not the alliance, and a relation across two sentences that nothing links."""
    from eventscope.eval.dyads import evaluate

    write_source(tmp_path, "own", DOCS, GOLD_RELATIONS)
    report = evaluate(tmp_path, settings)
    assert report.task == "dyads"
    assert {f.name: f.value for f in report.figures} == {
        "dyads.recall": 0.5, "dyads.recall_undirected": 4 / 6, "dyads.linked": 5 / 6,
        "dyads.polarity_agreement": 0.8, "dyads.same_sentence": 5 / 6,
        "fighting_against.recall": 0.5, "fighting_against.recall_undirected": 0.75,
        "allies_of.recall": 0.0, "allies_of.recall_undirected": 0.0,
        "comm_with.recall": 1.0, "comm_with.recall_undirected": 1.0,
    }
    assert report.headline() == {"dyads.recall": 0.5}
    assert "CoLocated 1, IsSynonymOf 1" in " ".join(report.notes)


def test_a_document_without_links_or_sentences_finds_nothing():
    doc = DyadDoc("d", "s", "text", (Relation("CommWith", A, B),))
    assert score([doc.relations], [[]], [()]) == (Outcome("CommWith", False, False, False, False),)


@pytest.mark.integration
def test_sentence_spans_match_the_full_parse(nlp):
    from eventscope.eval.dyads import sentence_spans

    texts = [FIRST,
             "Harbour talks\nThe Ardena council met on Friday. It agreed to reopen the port."]
    assert sentence_spans(nlp, texts) == [
        tuple((s.start_char, s.end_char) for s in doc.sents) for doc in nlp.pipe(texts)]
