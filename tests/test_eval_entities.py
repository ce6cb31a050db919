"""The re3d entities task: loading, offset re-anchoring, type mapping and span scoring."""
from __future__ import annotations


import pytest

from eventscope.eval.entities import (
    Mention, anchor, figures, load_gold, predicted_mentions, score,
)
from eventscope.records import Entity

from conftest import EVAL_DATA, write_re3d_source

TEXT = "Minister Ana Ruiz met the Harbour Council in Portvale on Monday."


def write_source(root, name, docs, entities):
    write_re3d_source(root, name, documents=docs, entities=entities)


def gold_entity(doc, begin, end, kind, value, confidence=1.0):
    return {"_id": f"{doc}-{begin}", "documentId": doc, "begin": begin, "end": end,
            "type": kind, "value": value, "confidence": confidence}


@pytest.mark.parametrize("start, end, value, expected, how", [
    (9, 17, "Ana Ruiz", (9, 17), "exact"),
    (3, 11, "Ana Ruiz", (9, 17), "reanchored"),  # offsets a few characters off
    (9, 17, "Ana  Ruiz", (9, 17), "loose"),  # same text but for whitespace
    (9, 17, "Bo Lind", None, "skipped"),
])
def test_anchor(start, end, value, expected, how):
    assert anchor(TEXT, start, end, value) == (expected, how)


def test_anchor_ignores_quote_style():
    text = "Colonel Sam \u201cRed\u201d Okoro spoke."
    assert anchor(text, 0, 23, "Colonel Sam 'Red' Okoro")[1] == "loose"


def test_load_gold_maps_types_and_drops_low_confidence(tmp_path):
    entities = [
        gold_entity("d1", 9, 17, "Person", "Ana Ruiz"),
        gold_entity("d1", 22, 41, "Organisation", "the Harbour Council"),
        gold_entity("d1", 45, 53, "Location", "Portvale"),
        gold_entity("d1", 57, 63, "Temporal", "Monday"),
        gold_entity("d1", 0, 8, "Person", "Minister", confidence=0.3),
        gold_entity("d1", 0, 8, "Weapon", "Minister"),  # unscored type
        gold_entity("d1", 40, 48, "Location", "Nowhere"),
    ]
    write_source(tmp_path, "src", [{"_id": "d1", "text": TEXT}], entities)
    gold = load_gold(tmp_path)
    (doc,) = gold.docs
    assert [(m.kind, TEXT[m.start:m.end]) for m in doc.mentions] == [
        ("person", "Ana Ruiz"), ("organisation", "the Harbour Council"),
        ("location", "Portvale"), ("date", "Monday")]
    assert (gold.low_confidence, gold.skipped) == (1, 1)
    assert len(gold.files) == 2


def test_limit_counts_documents(tmp_path):
    docs = [{"_id": f"d{i}", "text": TEXT} for i in range(3)]
    write_source(tmp_path, "src", docs, [])
    assert len(load_gold(tmp_path, limit=2).docs) == 2


def entity(start, end, label):
    return Entity(id="x", start=start, end=end, text=TEXT[start:end], label=label,
                  cluster="c", canonical=TEXT[start:end])


def test_spacy_labels_map_to_scored_types_and_norp_is_not_scored():
    ents = [entity(9, 17, "PERSON"), entity(45, 53, "GPE"), entity(0, 8, "NORP"),
            entity(57, 63, "DATE"), entity(26, 41, "FAC")]
    assert [m.kind for m in predicted_mentions(ents)] == ["person", "location", "date", "location"]


def test_score_exact_and_overlap():
    gold = [[Mention(9, 17, "person"), Mention(22, 41, "organisation"), Mention(45, 53, "location")]]
    pred = [[Mention(0, 17, "person"), Mention(22, 41, "organisation"), Mention(45, 53, "person")]]
    scores = score(gold, pred)
    person = scores.by_kind["person"]
    assert (person.exact.tp, person.exact.fp, person.exact.fn) == (0, 2, 1)
    assert (person.overlap.tp, person.overlap.fp, person.overlap.fn) == (1, 1, 0)
    assert scores.by_kind["organisation"].exact.f1 == 1.0
    assert scores.micro.exact.tp == 1
    named = {f.name: f for f in figures(scores)}
    assert named["entities.f1"].headline and named["person.f1"].headline
    assert not named["entities.f1_overlap"].headline
    assert named["organisation.f1"].support == 1


def test_overlap_matching_is_one_to_one():
    gold = [[Mention(0, 10, "date")]]
    pred = [[Mention(0, 4, "date"), Mention(5, 10, "date")]]
    overlap = score(gold, pred).by_kind["date"].overlap
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 1, 0)


@pytest.mark.eval
@pytest.mark.integration
@pytest.mark.skipif(not (EVAL_DATA / "ner" / "re3d").exists(), reason="no eval data")
def test_re3d_end_to_end(settings):
    from eventscope.eval.entities import evaluate

    report = evaluate(EVAL_DATA / "ner" / "re3d", settings, limit=5)
    assert report.task == "entities"
    assert set(report.headline()) == {"entities.f1", "person.f1", "organisation.f1",
                                      "location.f1", "date.f1"}


@pytest.mark.integration
def test_evaluate_scores_the_pipeline_against_a_hand_made_source(tmp_path, settings):
    """The gold leaves titles and articles out of names; the pipeline keeps them on persons and
    organisations: exact matches only for the place and the day, every span overlaps."""
    from eventscope.eval.entities import evaluate

    write_source(tmp_path, "own", [{"_id": "d1", "text": TEXT}], [
        gold_entity("d1", 9, 17, "Person", "Ana Ruiz"),
        gold_entity("d1", 26, 41, "Organisation", "Harbour Council"),
        gold_entity("d1", 45, 53, "Location", "Portvale"),
        gold_entity("d1", 57, 63, "Temporal", "Monday"),
        gold_entity("d1", 0, 8, "DocumentReference", "Minister", confidence=0.4),
    ])
    report = evaluate(tmp_path, settings)
    assert report.headline() == {"entities.f1": 0.5, "person.f1": 0.0, "organisation.f1": 0.0,
                                 "location.f1": 1.0, "date.f1": 1.0}
    assert report.value("entities.f1_overlap") == 1.0
