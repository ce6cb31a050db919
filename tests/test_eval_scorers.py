"""The evaluation scorers on tiny hand-made gold/prediction pairs whose scores are known."""
from __future__ import annotations

import pytest

from eventscope.eval import events, timex


def figures(found) -> dict:
    return {f.name: f.value for f in found}


# --- time -----------------------------------------------------------------------------------

T = timex.Timex
DOC = timex.GoldDoc("d", "On Monday, for three days.", "2023-07-06",
                    (T(3, 9, "Monday", "DATE", "2023-07-03"), T(15, 25, "three days", "DURATION", "P3D")))


def test_time_perfect_and_partial():
    perfect = figures(timex.score([DOC], [list(DOC.timexes)]))
    assert perfect["strict.f1"] == perfect["relaxed.f1"] == perfect["value.f1"] == 1.0
    # one exact match with a wrong value, one relaxed-only match, one spurious prediction
    pred = [T(3, 9, "Monday", "DATE", "2023-07-10"), T(21, 25, "days", "DURATION", "P3D"),
            T(0, 2, "On", "DATE", None)]
    f = figures(timex.score([DOC], [pred]))
    assert f["strict.precision"] == pytest.approx(1 / 3) and f["strict.recall"] == 0.5
    assert f["relaxed.precision"] == pytest.approx(2 / 3) and f["relaxed.recall"] == 1.0
    assert f["relaxed.f1"] == pytest.approx(0.8)
    assert f["value.accuracy"] == 0.5 and f["value.f1"] == pytest.approx(0.4)
    assert f["type.accuracy"] == 1.0


def test_time_empty_and_all_wrong():
    empty = figures(timex.score([DOC], [[]]))
    assert empty["relaxed.recall"] == 0.0 and empty["relaxed.precision"] is None
    assert empty["value.f1"] is None
    wrong = figures(timex.score([DOC], [[T(0, 2, "On", "DATE", "2023")]]))
    assert wrong["relaxed.f1"] == 0.0 and wrong["strict.precision"] == 0.0


def test_time_loader_reads_timeml(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text('<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" '
                    'value="2013-03-22" functionInDocument="CREATION_TIME">March 22</TIMEX3></DCT>'
                    '<TEXT>It rained <TIMEX3 tid="t1" type="DATE" value="2013-03-21">yesterday'
                    '</TIMEX3> in <EVENT eid="e1">town</EVENT>.</TEXT></TimeML>')
    doc = timex.load_doc(path)
    assert doc.dct == "2013-03-22" and doc.text == "It rained yesterday in town."
    (t,) = doc.timexes
    assert doc.text[t.start:t.end] == "yesterday" and t.value == "2013-03-21"


# --- events ---------------------------------------------------------------------------------

C = events.Coding
GOLDE = [events.GoldSentence("1", "a", (C("ACCUSE", ("ARM",), ("AZE",)),)),
         events.GoldSentence("2", "b", (C("ASSAULT", ("RUS",), ("UKR",)),)),
         events.GoldSentence("3", "c", ())]


def test_events_accuracy_triples_and_no_event():
    pred = [C("ACCUSE", ("ARM",), ("AZE",)), C("ACCUSE", ("RUS",), ("POL",)), None]
    f = figures(events.score(GOLDE, pred, "x"))
    assert f["x.type_accuracy"] == 0.5
    assert f["x.triple_accuracy"] == 0.5
    assert f["x.actor_country_accuracy"] == 1.0 and f["x.recipient_country_accuracy"] == 0.5
    assert f["x.no_event_precision"] == 1.0
    assert f["x.f1.ACCUSE"] == pytest.approx(2 / 3) and f["x.f1.ASSAULT"] == 0.0
    assert f["x.macro_f1"] == pytest.approx(1 / 3)
    # every sentence counted: one hit, one wrong type (a false positive and a false negative)
    assert f["x.top_event_precision"] == f["x.top_event_recall"] == f["x.top_event_f1"] == 0.5
    assert f["x.top_triple_f1"] == 0.5


def test_events_empty_and_all_wrong():
    f = figures(events.score(GOLDE, [None, None, None], "x"))
    assert f["x.type_accuracy"] == 0.0 and f["x.no_event_precision"] == pytest.approx(1 / 3)
    assert f["x.macro_f1"] == 0.0
    assert f["x.top_event_precision"] is None and f["x.top_event_f1"] == 0.0
    wrong = [C("AID", ("USA",), ()), C("AID", (), ()), C("AID", (), ())]
    f = figures(events.score(GOLDE, wrong, "x"))
    assert f["x.type_accuracy"] == 0.0 and f["x.triple_accuracy"] == 0.0
    assert f["x.no_event_precision"] is None
    assert f["x.top_event_precision"] == f["x.top_event_recall"] == f["x.top_event_f1"] == 0.0


@pytest.mark.parametrize("code,plover", [("042", "CONSULT"), ("0831", "CONCEDE"),
                                         ("0871", "RETREAT"), ("112", "ACCUSE"),
                                         ("190", "ASSAULT"), ("010", None), ("020", None)])
def test_cameo_roots_map_to_plover(code, plover):
    assert events.cameo_to_plover(code) == plover
