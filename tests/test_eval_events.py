"""eval.events: label mappings, loaders on files written here, and the pure scorer."""
from __future__ import annotations

import json

import pytest

from eventscope.eval.events import (
    Coding, GoldSentence, cameo_to_plover, evaluate, load_gsr, load_petrarch, party_code,
    same_party, score, sentence_prf,
)
from eventscope.eval.metrics import PRF
from conftest import EVAL_DATA


def _figures(gold, pred, prefix="gsr"):
    return {f.name: f.value for f in score(gold, pred, prefix)}


def _gold(event_type, actors=(), recipients=(), id="s"):
    return GoldSentence(id, "text", (Coding(event_type, actors, recipients),) if event_type else ())


@pytest.mark.parametrize("code,expected", [
    ("036", "AGREE"), ("043", "CONSULT"), ("051", "SUPPORT"), ("064", "COOPERATE"),
    ("073", "AID"), ("081", "CONCEDE"), ("083", "CONCEDE"), ("084", "RETREAT"),
    ("0874", "RETREAT"), ("090", "ACCUSE"), ("112", "ACCUSE"), ("100", "REQUEST"),
    ("120", "REJECT"), ("138", "THREATEN"), ("141", "PROTEST"), ("154", "MOBILIZE"),
    ("163", "SANCTION"), ("173", "COERCE"), ("180", "ASSAULT"), ("190", "ASSAULT"),
    ("202", "ASSAULT"), ("010", None), ("020", None), ("", None),
])
def test_cameo_roots_map_to_plover(code, expected):
    assert cameo_to_plover(code) == expected


def test_perfect_predictions_score_one():
    gold = [_gold("ACCUSE", ("ARM",), ("AZE",)), _gold("ASSAULT", ("RUS",), ("UKR",))]
    pred = [Coding("ACCUSE", ("ARM",), ("AZE",)), Coding("ASSAULT", ("RUS",), ("UKR",))]
    f = _figures(gold, pred)
    assert f["gsr.type_accuracy"] == f["gsr.macro_f1"] == f["gsr.triple_accuracy"] == 1.0
    assert f["gsr.actor_country_accuracy"] == f["gsr.recipient_country_accuracy"] == 1.0
    assert f["gsr.f1.ACCUSE"] == f["gsr.f1.ASSAULT"] == 1.0
    assert f["gsr.no_event_precision"] is None  # we never said "no event"


def test_all_wrong_predictions_score_zero():
    gold = [_gold("ACCUSE", ("ARM",), ("AZE",)), _gold("ASSAULT", ("RUS",), ("UKR",))]
    pred = [Coding("REQUEST", ("GEO",), ("TUR",)), None]
    f = _figures(gold, pred)
    assert f["gsr.type_accuracy"] == f["gsr.macro_f1"] == f["gsr.triple_accuracy"] == 0.0
    assert f["gsr.actor_country_accuracy"] == 0.0
    assert f["gsr.no_event_precision"] == 0.0  # the one "no event" had an event


def test_empty_input_is_undefined_not_zero():
    f = _figures([], [])
    assert f["gsr.type_accuracy"] is None and f["gsr.macro_f1"] is None


def test_no_event_sentences_count_only_for_no_event_precision():
    gold = [_gold(None), _gold(None), _gold("AID", ("USA",), ("PAK",))]
    pred = [None, Coding("AID"), Coding("AID", ("USA",), ("PAK",))]
    f = _figures(gold, pred, "petr")
    assert f["petr.type_accuracy"] == 1.0  # only the sentence with a gold event is scored
    assert f["petr.no_event_precision"] == 1.0


def test_best_of_several_gold_codings_is_scored():
    gold = [GoldSentence("s", "t", (Coding("AGREE", ("NRL",), ("OST",)),
                                    Coding("AGREE", ("OST",), ("NRL",))))]
    f = _figures(gold, [Coding("AGREE", ("OST",), ("NRL",))], "petr")
    assert f["petr.triple_accuracy"] == 1.0


def test_triple_needs_countries_only_where_gold_has_them():
    gold = [_gold("PROTEST", ("FRA",), ())]
    f = _figures(gold, [Coding("PROTEST", ("FRA",), ("DEU",))])
    assert f["gsr.triple_accuracy"] == 1.0
    assert f["gsr.recipient_country_accuracy"] is None


def test_load_gsr_maps_old_labels_and_skips_documentation(tmp_path):
    records = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "about this file"},
        {"id": "A", "event": "DISAPPROVE", "text": "Northland criticised Ostravia.",
         "source": [{"actorText": "Northland", "code": "NRLGOV"}],
         "target": [{"actorText": "Ostravia", "code": "OST"}]},
        {"id": "B", "event": "FIGHT", "text": "Rebels fought troops.", "source": {"code": "REB"},
         "target": ""},
        {"id": "C", "event": "DEMAND", "text": "They demanded a vote.", "source": "---"},
    ]
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(records))
    gold = load_gsr(path)
    assert [g.id for g in gold] == ["A", "B", "C"]
    assert gold[0].codings == (Coding("ACCUSE", ("NRL",), ("OST",)),)
    assert gold[1].codings == (Coding("ASSAULT", ("REB",), ()),)
    assert gold[2].codings == (Coding("REQUEST", (), ()),)


PETR_XML = """<Validation><Sentences>
<Sentence date="20200101" id="T-1" category="DEMO">
<EventCoding sourcecode="NRLGOV" targetcode="OST" eventcode="112"></EventCoding>
<EventCoding sourcecode="NRL" targetcode="OST" eventcode="010"></EventCoding>
<Text>
Northland officials accused
Ostravia of lying.
</Text>
</Sentence>
<Sentence date="20200101" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
</Sentences></Validation>"""


def test_load_petrarch_keeps_plover_codings_only(tmp_path):
    path = tmp_path / "records.xml"
    path.write_text(PETR_XML)
    first, second = load_petrarch(path)
    assert first.text == "Northland officials accused Ostravia of lying."
    assert first.codings == (Coding("ACCUSE", ("NRL",), ("OST",)),)
    assert second.codings == ()


@pytest.mark.eval
@pytest.mark.integration
def test_evaluate_on_a_few_gold_sentences():
    if not (EVAL_DATA / "events").exists():
        pytest.skip("no eval data")
    report = evaluate(EVAL_DATA / "events", _settings(), limit=5)
    names = {f.name for f in report.figures}
    assert {"gsr.type_accuracy", "gsr.macro_f1", "petr.type_accuracy",
            "petr.triple_accuracy"} <= set(report.headline())
    assert "petr.no_event_precision" in names and report.task == "events"


def _settings():
    from eventscope.settings import Settings

    return Settings()


@pytest.mark.parametrize("code,expected", [
    ("ARMGOV", "ARM"), ("arm", "ARM"), ("IGOUNOWFP", "IGOUNOWFP"), ("IGOEEC", "IGOEEC"),
    ("IGO", "IGO"), ("---", None), ("---GOV", None), ("", None), (None, None),
])
def test_party_code_keeps_igo_codes_whole(code, expected):
    assert party_code(code) == expected


@pytest.mark.parametrize("gold,predicted,same", [
    (("IGOUNO",), ("IGOUNO",), True), (("IGOUNO",), ("IGOEEC",), False),
    (("IGO",), ("IGOAFRAFU",), True),  # the gold names no organisation
    (("IGOUNO",), ("IGO",), False), (("ARM",), ("ARM", "AZE"), True), (("ARM",), (), False),
])
def test_same_party(gold, predicted, same):
    assert same_party(gold, predicted) is same


def test_igo_parties_are_compared_whole():
    gold = [_gold("CONSULT", ("IGOUNO",), ("ARM",)), _gold("CONSULT", ("IGO",), ())]
    pred = [Coding("CONSULT", ("IGOEEC",), ("ARM",)), Coding("CONSULT", ("IGOEEC",), ())]
    f = _figures(gold, pred)
    assert f["gsr.actor_country_accuracy"] == 0.5 and f["gsr.triple_accuracy"] == 0.5


def test_every_sentence_counts_for_the_top_event_figures():
    gold = [_gold(None), _gold(None), _gold("AID", ("USA",), ("PAK",)),
            _gold("ACCUSE", ("ARM",), ("AZE",)), _gold("ASSAULT")]
    pred = [None, Coding("AID"), Coding("AID", ("USA",), ("IND",)),
            Coding("REJECT", ("ARM",), ("AZE",)), None]
    assert sentence_prf(gold, pred) == PRF(tp=1, fp=2, fn=2)
    assert sentence_prf(gold, pred, triple=True) == PRF(tp=0, fp=3, fn=3)
    f = _figures(gold, pred, "petr")
    assert f["petr.top_event_precision"] == pytest.approx(1 / 3)
    assert f["petr.top_event_recall"] == pytest.approx(1 / 3)
    assert f["petr.top_event_f1"] == pytest.approx(1 / 3)
    assert f["petr.top_triple_f1"] == 0.0
    assert f["petr.type_accuracy"] == pytest.approx(1 / 3)  # event sentences only


def test_several_gold_codings_give_one_hit_at_most():
    gold = [GoldSentence("s", "t", (Coding("AGREE", ("NRL",)), Coding("CONSULT", ("NRL",))))]
    assert sentence_prf(gold, [Coding("CONSULT", ("NRL",))], triple=True) == PRF(1, 0, 0)
    assert sentence_prf(gold, [Coding("AID", ("NRL",))]) == PRF(0, 1, 1)


@pytest.mark.parametrize("code,expected", [
    ("JAP", "JPN"), ("ITLGOV", "ITA"), ("VTN", "VNM"),  # older CAMEO codes in the GSR gold
    ("JPNGOV", "JPN"), ("IGOUNO", "IGOUNO"), ("---", None), (None, None),
])
def test_parties_compare_by_iso_country_or_whole_igo_code(code, expected):
    from eventscope.eval.events import party_code

    assert party_code(code) == expected
