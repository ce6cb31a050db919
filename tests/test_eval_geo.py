"""The geo scorer on hand-made gold/prediction pairs whose figures are known.

End-to-end figures count over every gold literal toponym (a miss is wrong); precision counts
over the places predicted as locations; resolution alone scores the resolver on gold spans.
"""
from __future__ import annotations

import pytest

from eventscope.eval import geo
from eventscope.settings import Settings

G = geo.GoldToponym
P = geo.PredictedPlace

# "Hail hit Bergen, Tromsø and Oslo; Narvik officials met at Hotel Nord."
BERGEN = G(9, 15, "Bergen", True, 60.39, 5.32, 3161732)
TROMSO = G(17, 23, "Tromsø", True, 69.65, 18.96, 3133880)
OSLO = G(28, 32, "Oslo", True, 59.91, 10.75, 3143244)
NARVIK = G(34, 40, "Narvik", False, 68.44, 17.43, 3144987)  # stands for its officials
HOTEL = G(58, 68, "Hotel Nord", True)  # a literal place without gold coordinates
ARTICLE = geo.GoldArticle("n", "Hail hit Bergen, Tromsø and Oslo; Narvik officials met at "
                               "Hotel Nord.", (BERGEN, TROMSO, OSLO, NARVIK, HOTEL))


def figures(found) -> dict:
    return {f.name: f.value for f in found}


def supports(found) -> dict:
    return {f.name: f.support for f in found}


def test_geo_perfect_prediction():
    pred = [P(9, 15, True, 60.40, 5.30, 3161732), P(17, 23, True, 69.65, 18.95, 3133880),
            P(28, 32, True, 59.91, 10.75, 3143244), P(34, 40, False, 68.44, 17.43),
            P(58, 68, True)]
    found = geo.score([ARTICLE], [pred], "x", metonymy=True)
    f = figures(found)
    assert f["x.acc161_e2e"] == 1.0 and supports(found)["x.acc161_e2e"] == 3
    assert f["x.precision"] == 1.0 and supports(found)["x.precision"] == 4
    assert f["x.precision161"] == 1.0 and supports(found)["x.precision161"] == 3
    assert f["x.recall"] == 1.0 and f["x.acc161_matched"] == 1.0
    assert f["x.geonameid_matched"] == 1.0 and f["x.metonymy_f1"] == 1.0


def test_geo_missed_toponym_counts_as_wrong_end_to_end():
    pred = [P(9, 15, True, 60.40, 5.30), P(28, 32, True, 59.91, 10.75)]  # Tromsø missed
    f = figures(geo.score([ARTICLE], [pred], "x"))
    assert f["x.acc161_e2e"] == pytest.approx(2 / 3)
    assert f["x.acc161_matched"] == 1.0  # the matched-only figure does not see the miss
    assert f["x.recall"] == 0.5  # 2 of 4 literal toponyms, Hotel Nord included
    assert f["x.precision"] == 1.0


def test_geo_false_locations_lower_precision():
    pred = [P(9, 15, True, 60.40, 5.30), P(17, 23, True, 69.65, 18.95),
            P(28, 32, True, 59.91, 10.75),
            P(34, 40, True, 68.44, 17.43),  # a location where the gold says "its officials"
            P(0, 4, True, 51.5, -0.1)]  # on no gold toponym at all
    found = geo.score([ARTICLE], [pred], "x", metonymy=True)
    f = figures(found)
    assert f["x.precision"] == 0.6 and supports(found)["x.precision"] == 5
    assert f["x.precision161"] == 0.6
    assert f["x.acc161_e2e"] == 1.0
    assert f["x.metonymy_recall"] == 0.0


def test_geo_metonymic_prediction_on_a_literal_toponym_gives_no_location():
    pred = [P(9, 15, False, 60.40, 5.30), P(17, 23, True, 69.65, 18.95),
            P(28, 32, True, 59.91, 10.75)]
    found = geo.score([ARTICLE], [pred], "x")
    f = figures(found)
    assert f["x.acc161_e2e"] == pytest.approx(2 / 3)
    assert f["x.acc161_e2e_any_use"] == 1.0  # its coordinates were right
    assert f["x.precision"] == 1.0 and supports(found)["x.precision"] == 2
    assert f["x.recall"] == 0.75 and f["x.acc161_matched"] == 1.0


def test_geo_unresolved_and_distant_places():
    pred = [P(9, 15, True), P(17, 23, True, 59.91, 10.75, 3143244),  # Tromsø put at Oslo
            P(28, 32, True, 59.91, 10.75, 3143244), P(58, 68, True, 60.0, 11.0)]
    found = geo.score([ARTICLE], [pred], "x")
    f = figures(found)
    assert f["x.acc161_e2e"] == pytest.approx(1 / 3)
    assert f["x.precision"] == 1.0 and supports(found)["x.precision"] == 4
    assert f["x.precision161"] == pytest.approx(1 / 3)  # Hotel Nord has no gold point
    assert f["x.acc161_matched"] == pytest.approx(1 / 3)
    assert f["x.median_km_matched"] == pytest.approx(574.19, abs=0.01)  # (1148.4 + 0) / 2
    assert supports(found)["x.median_km_matched"] == 2


def test_geo_empty_prediction():
    f = figures(geo.score([ARTICLE], [[]], "x", metonymy=True))
    assert f["x.acc161_e2e"] == 0.0 and f["x.acc161_e2e_any_use"] == 0.0
    assert f["x.precision"] is None and f["x.precision161"] is None
    assert f["x.recall"] == 0.0 and f["x.acc161_matched"] is None
    assert f["x.metonymy_f1"] is None


def test_geo_resolution_alone_on_gold_spans():
    resolved = [[P(9, 15, True, 60.40, 5.30, 3161732), None, P(28, 32, False, 59.0, 18.0, 1),
                 None, None]]
    found = geo.score_resolution([ARTICLE], resolved, "x")
    f = figures(found)
    assert f["x.resolution_acc161"] == pytest.approx(1 / 3)  # Oslo misplaced, Tromsø missing
    assert supports(found)["x.resolution_acc161"] == 3
    assert f["x.resolution_geonameid_match"] == pytest.approx(1 / 3)
    assert supports(found)["x.resolution_median_km"] == 2


@pytest.mark.slow  # loads the gazetteer
def test_geo_resolver_runs_on_gold_spans():
    text = "Crews cleared snow in Denver and Boulder; Colorado officials thanked them."
    article = geo.GoldArticle("c", text, (
        G(22, 28, "Denver", True, 39.74, -104.98), G(33, 40, "Boulder", True, 40.01, -105.27),
        G(42, 50, "Colorado", False, 39.0, -105.5),
        G(51, 60, "officials", False, names_place=False)))
    (places,) = geo.resolve_gold([article], Settings())
    denver, boulder, colorado, nothing = places
    assert (denver.start, denver.end, boulder.start, colorado.end) == (22, 28, 33, 50)
    assert geo.distance_km(39.74, -104.98, denver.lat, denver.lon) < 20
    assert geo.distance_km(40.01, -105.27, boulder.lat, boulder.lon) < 20
    assert nothing is None
    f = figures(geo.score_resolution([article], [places], "x"))
    assert f["x.resolution_acc161"] == 1.0


def test_geo_gwn_loader_marks_spans_naming_no_place(tmp_path):
    text = "Danish sailors left Aarhus."
    path = tmp_path / "gwn.xml"
    path.write_text(
        f'<articles><article file="7"><text>{text}</text><toponyms>'
        '<toponym><extractedName>Danish</extractedName><type>Demonym</type>'
        '<start>0</start><end>6</end><geonamesID/><latitude/><longitude/></toponym>'
        '<toponym><extractedName>Aarhus</extractedName><type>Literal</type>'
        '<start>20</start><end>26</end><geonamesID>2624652</geonamesID>'
        '<latitude>56.16</latitude><longitude>10.21</longitude></toponym>'
        '<toponym><extractedName>sailors</extractedName><type>Non_Lit_Expression</type>'
        '<start>7</start><end>14</end><geonamesID/><latitude/><longitude/></toponym>'
        '</toponyms></article></articles>', encoding="utf-8")
    anchoring = geo.Anchoring()
    (article,) = geo.load_gwn(path, anchoring)
    assert article.toponyms == (G(0, 6, "Danish", False, None, None, None, False),
                                G(20, 26, "Aarhus", True, 56.16, 10.21, 2624652, True))
    assert (anchoring.checked, anchoring.reanchored, anchoring.skipped) == (2, 0, 0)


def test_geo_distance_and_anchor():
    assert geo.distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)
    assert geo.anchor("xx Bergen yy", 4, 10, "Bergen") == (3, 9)
    assert geo.anchor("xx Bergen yy", 3, 9, "Oslo") is None
