"""The TempEval-3 scorer on tiny hand-made gold/prediction pairs whose scores are worked out
by hand, and the TimeML loader on a document written for the test."""
from __future__ import annotations

import pytest

from conftest import EVAL_DATA
from eventscope.eval import timex

T = timex.Timex
TEXT = "Rain fell on Monday and lasted three days."
MONDAY = T(13, 19, "Monday", "DATE", "2023-07-03")
THREE_DAYS = T(31, 41, "three days", "DURATION", "P3D")
GOLD = timex.GoldDoc("d", TEXT, "2023-07-06", (MONDAY, THREE_DAYS))


def figures(gold, predictions) -> dict:
    return {f.name: f.value for f in timex.score(gold, predictions)}


def test_perfect_predictions_score_one():
    f = figures([GOLD], [[MONDAY, THREE_DAYS]])
    assert all(v == 1.0 for v in f.values())


def test_partial_overlap_wrong_value_and_a_spurious_prediction():
    # strict: 1 of 3 predicted, 1 of 2 gold; relaxed: 2 of 3, 2 of 2 -> F1 = 0.8;
    # values: Monday right, "lasted three days" wrong -> accuracy 0.5, value F1 = 0.4;
    # types: both right -> type F1 = 0.8
    pred = [MONDAY, T(24, 41, "lasted three days", "DURATION", "P2D"),
            T(0, 4, "Rain", "DATE", None)]
    f = figures([GOLD], [pred])
    assert f["strict.precision"] == pytest.approx(1 / 3) and f["strict.recall"] == 0.5
    assert f["strict.f1"] == pytest.approx(0.4)
    assert f["relaxed.precision"] == pytest.approx(2 / 3) and f["relaxed.recall"] == 1.0
    assert f["relaxed.f1"] == pytest.approx(0.8)
    assert f["value.accuracy"] == 0.5 and f["value.f1"] == pytest.approx(0.4)
    assert f["type.accuracy"] == 1.0 and f["type.f1"] == pytest.approx(0.8)


def test_one_long_prediction_matches_only_one_gold_span():
    pred = [T(13, 41, "Monday and lasted three days", "DATE", "2023-07-03")]
    f = figures([GOLD], [pred])
    # relaxed: 1 tp, 0 fp, 1 fn -> P 1, R 0.5, F1 2/3; it pairs with the larger overlap
    assert f["relaxed.precision"] == 1.0 and f["relaxed.recall"] == 0.5
    assert f["relaxed.f1"] == pytest.approx(2 / 3)
    assert f["type.accuracy"] == 0.0 and f["value.accuracy"] == 0.0
    assert f["strict.f1"] == 0.0


def test_no_predictions():
    f = figures([GOLD], [[]])
    assert f["relaxed.recall"] == 0.0 and f["relaxed.precision"] is None
    assert f["relaxed.f1"] == 0.0 and f["strict.f1"] == 0.0
    assert f["value.accuracy"] is None and f["value.f1"] is None


def test_all_predictions_wrong():
    f = figures([GOLD], [[T(0, 4, "Rain", "DATE", "2023")]])
    assert f["strict.precision"] == 0.0 and f["relaxed.precision"] == 0.0
    assert f["relaxed.f1"] == 0.0 and f["value.f1"] is None


def test_no_gold_and_no_predictions_is_undefined_not_zero():
    empty = timex.GoldDoc("e", "Nothing happened.", None, ())
    f = figures([empty], [[]])
    assert f["strict.f1"] is None and f["relaxed.f1"] is None


def test_documents_are_scored_together():
    other = timex.GoldDoc("o", "Now.", None, (T(0, 3, "Now", "DATE", "PRESENT_REF"),))
    f = figures([GOLD, other], [[MONDAY], [T(0, 3, "Now", "DATE", "PAST_REF")]])
    # 2 of 3 gold found, both predictions right spans; values 1 of 2
    assert f["strict.precision"] == 1.0 and f["strict.recall"] == pytest.approx(2 / 3)
    assert f["value.accuracy"] == 0.5


def test_headline_figures():
    headline = {f.name for f in timex.score([GOLD], [[MONDAY]]) if f.headline}
    assert headline == {"strict.f1", "relaxed.f1", "value.f1"}


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-07-06" temporalFunction="false"
 functionInDocument="CREATION_TIME">July 6, 2023</TIMEX3></DCT>
<TEXT>Troops <EVENT eid="e1" class="OCCURRENCE">left</EVENT> <TIMEX3 tid="t1" type="DATE"
 value="2023-07-05">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION"
 value="P3D">three days</TIMEX3>.</TEXT>
</TimeML>
"""


def test_loader_reads_timeml(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    (doc,) = timex.load_gold(tmp_path)
    assert doc.id == "doc" and doc.dct == "2023-07-06"
    assert doc.text == "Troops left yesterday after three days."
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "2023-07-05"), ("three days", "DURATION", "P3D")]


def test_a_creation_time_inside_the_text_is_not_scored(tmp_path):
    path = tmp_path / "inline.tml"
    path.write_text('<TimeML><TEXT><TIMEX3 tid="t0" type="DATE" value="2023-07-06" '
                    'functionInDocument="CREATION_TIME">6 July</TIMEX3>: calm '
                    '<TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">now</TIMEX3>.'
                    '</TEXT></TimeML>',
                    encoding="utf-8")
    doc = timex.load_doc(path)
    assert doc.dct == "2023-07-06" and doc.text == "6 July: calm now."
    assert [t.text for t in doc.timexes] == ["now"]


# Gold marks "three days of talks" (the system finds "three days": relaxed, not strict) and
# gives Friday a value a week too late (the system's next Friday is 2023-07-07).
HAND_MADE = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-07-06" '
             'functionInDocument="CREATION_TIME">July 6, 2023</TIMEX3></DCT><TEXT>Troops left '
             '<TIMEX3 tid="t1" type="DATE" value="2023-07-05">yesterday</TIMEX3> after '
             '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days of talks</TIMEX3>. They '
             'will return on <TIMEX3 tid="t3" type="DATE" value="2023-07-14">Friday</TIMEX3>.'
             '</TEXT></TimeML>')


@pytest.mark.integration
def test_evaluate_scores_the_pipeline_against_a_hand_made_document(tmp_path, settings):
    (tmp_path / "hand.tml").write_text(HAND_MADE, encoding="utf-8")
    report = timex.evaluate(tmp_path, settings)
    f = {x.name: x.value for x in report.figures}
    # strict: "yesterday" and "Friday" of 3 predicted and 3 gold; relaxed: all 3;
    # values: "three days" P3D right, Friday wrong -> 2 of 3
    assert f["strict.precision"] == pytest.approx(2 / 3)
    assert f["strict.recall"] == pytest.approx(2 / 3)
    assert f["relaxed.f1"] == 1.0 and f["type.accuracy"] == 1.0
    assert f["value.accuracy"] == pytest.approx(2 / 3)
    assert report.headline() == pytest.approx(
        {"strict.f1": 2 / 3, "relaxed.f1": 1.0, "value.f1": 2 / 3})
    assert report.notes == ("1 documents, 3 gold TIMEX3 (creation time excluded)",)


TE3 = EVAL_DATA / "temporal" / "te3_platinum"


@pytest.mark.eval
@pytest.mark.integration
@pytest.mark.skipif(not TE3.exists(), reason="TempEval-3 data not available")
def test_evaluate_runs_on_two_documents_of_the_development_set(settings):
    report = timex.evaluate(TE3, settings, limit=2)
    assert report.task == "time"
    assert set(report.headline()) == {"strict.f1", "relaxed.f1", "value.f1"}
    assert report.notes[0].startswith("2 documents, ")
