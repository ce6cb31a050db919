"""places.v1 and the gazetteer: folding, ranking, metonymy."""
from __future__ import annotations

import pytest

from eventscope.extract.gazetteer import Candidate, fold, load_gazetteer
from eventscope.extract.places import choose


def test_fold_ignores_case_accents_and_the():
    assert fold("Şuşa") == fold("SUSA") == "susa"
    assert fold("the Hague") == "hague"


def cand(gid, country, feature="city", population=0, capital_of=None):
    return Candidate(gid, str(gid), 0.0, 0.0, country, feature, population, capital_of)


def test_choose_prefers_countries_capitals_then_context_then_population():
    big_elsewhere, small_here = cand(1, "USA", population=100_000), cand(2, "ARM", population=5_000)
    assert choose([big_elsewhere, small_here], {"ARM"})[0] is small_here
    assert choose([big_elsewhere, small_here], set())[0] is big_elsewhere
    country = cand(3, "GEO", "country")
    assert choose([cand(4, "USA", "admin1"), country], set())[0] is country
    assert choose([], set()) == (None, 0.0)


@pytest.mark.slow
def test_gazetteer_finds_countries_capitals_and_aliases():
    g = load_gazetteer()
    assert g.lookup("Armenia")[0].feature == "country"
    assert g.lookup("Baku")[0].capital_of == "AZE"
    assert g.lookup("Britain")[0].country == "GBR"


@pytest.mark.integration
def test_capitals_as_subjects_are_metonymic(nlp):
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    pipeline = Pipeline.from_settings(Settings(), only=["entities", "places"])
    result = pipeline.process_one(make_article(
        "Moscow said the talks had failed. Refugees arrived in Paris on Monday."))
    uses = {p.text: (p.use, p.country) for p in result.places}
    assert uses["Moscow"] == ("metonymic", "RUS")
    assert uses["Paris"] == ("literal", "FRA")


def test_region_points_are_the_centre_of_their_cities():
    from eventscope.extract.gazetteer_index import central_point as _central_point

    cities = [(0.0, 0.0), (10.0, 20.0)] + [(5.0, 10.0)] * 18  # one outlier at each end
    assert _central_point(cities) == (5.0, 10.0)
    assert _central_point([]) == (None, None)


@pytest.mark.integration
@pytest.mark.parametrize("text, place, use", [
    ("Chicago approved a new budget on Tuesday.", "Chicago", "metonymic"),
    ("Texas saw heavy snow overnight.", "Texas", "literal"),
    ("Denver police arrested two men.", "Denver", "metonymic"),
    ("Protesters gathered in a Paris suburb.", "Paris", "literal"),
    ("Kansas farmers fear the new tariffs.", "Kansas", "literal"),
    ("Analysts expect Japan's policy to change.", "Japan", "metonymic"),
    ("Russia's war has displaced millions.", "Russia", "metonymic"),
    ("Reporters covered the Ukraine war for months.", "Ukraine", "literal"),
    ("The talks were held in Geneva on Monday.", "Geneva", "literal"),
])
def test_places_standing_for_people_or_institutions(text, place, use):
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    pipeline = Pipeline.from_settings(Settings(), only=["entities", "places"])
    uses = {p.text: p.use for p in pipeline.process_one(make_article(text)).places}
    assert uses.get(place) == use, uses


@pytest.mark.slow
def test_gazetteer_has_continents_and_ap_state_abbreviations():
    g = load_gazetteer()
    europe = g.lookup("Europe")[0]
    assert (europe.feature, europe.country) == ("continent", None)
    assert g.lookup("Ore.")[0].name == "Oregon"
    assert g.lookup("Tenn.")[0].feature == "admin1"


@pytest.mark.slow
def test_country_points_come_from_countryinfo():
    russia = load_gazetteer().lookup("Russia")[0]
    assert (russia.feature, russia.lat, russia.lon) == ("country", 60.0, 100.0)
