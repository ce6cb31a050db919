"""places.v1 and the gazetteer: folding, ranking, metonymy."""
from __future__ import annotations

import re

import pytest

from eventscope.extract.gazetteer import Candidate, fold, load_gazetteer
from eventscope.extract.places import choose


def test_fold_ignores_case_accents_and_the():
    assert fold("Şuşa") == fold("SUSA") == "susa"
    assert fold("the Hague") == "hague"
    assert fold("St. Cloud") == fold("Saint Cloud") == "saint cloud"
    assert fold("Mt. Pleasant") == "mount pleasant" and fold("St.") == "st."  # a lone word stays


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
    ("Ohio Governor Ann Reyes signed the bill.", "Ohio", "metonymic"),  # a person's office
    ("New sanctions against Iran took effect.", "Iran", "metonymic"),  # a party
    ("The ships sailed past Iran overnight.", "Iran", "literal"),
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


def test_choose_prefers_the_homonym_near_the_articles_other_places():
    far_big = Candidate(11, "Vada", 48.0, 2.0, "FRA", "city", 900_000)
    near_small = Candidate(12, "Vada", 32.0, -95.0, "USA", "city", 20_000)
    assert choose([far_big, near_small], set())[0] is far_big
    assert choose([far_big, near_small], set(), near=[(32.5, -95.5)])[0] is near_small
    assert choose([far_big, near_small], set(), near=[(40.0, -80.0)])[0] is far_big  # 1,400 km


def hand_gazetteer():
    """A few rows: a town in two countries, one country's region, the countries, a town Eu."""
    from eventscope.extract.gazetteer import Gazetteer

    rows = ["1\tVada\t10.0\t10.0\tAAA\tcity\t50000\t\tAA.01",
            "2\tVada\t20.0\t20.0\tBBB\tcity\t1000\t\tBB.02",
            "3\tVada Oblast\t20.5\t20.5\tBBB\tadmin1\t0\t\t",
            "4\tBorduria\t20.0\t21.0\tBBB\tcountry\t0\t\t",
            "5\tEu\t50.0\t1.4\tFRA\tcity\t8000\t\t"]
    index = {"vada": "0,1", "vada oblast": "2", "vada region": "2", "borduria": "3", "eu": "4"}
    return Gazetteer(rows, index, {"BBB": 3})


@pytest.mark.parametrize("text, name, geonameid", [
    ("Shells fell on Vada overnight.", "Vada", 1),  # the larger
    ("Borduria's Vada district was shelled.", "Vada", 2),  # X's Y
    ("Shells fell on Vada, Borduria.", "Vada", 2),  # Town, Country
    ("Fighting spread across the Vada region.", "Vada", 3),  # a kind of place after the name
    ("EU ministers met.", "EU", None),  # a short acronym is no town
])
def test_candidates_read_the_words_around_a_name(text, name, geonameid):
    from eventscope.extract.places import _candidates, choose

    mentions = [(m.start(), m.end(), m.group(), None)
                for m in re.finditer(r"Vada|Borduria|EU", text)]
    i = next(i for i, m in enumerate(mentions) if m[2] == name)
    best = choose(_candidates(hand_gazetteer(), mentions, i, text)[0], set())[0]
    assert (best.geonameid if best else None) == geonameid


@pytest.mark.parametrize("name, expected", [
    ("Bordurian", "Borduria"), ("Bordurians", "Borduria"),  # a country's name and -n
    ("Vadan", None),  # towns have no demonyms here: only countries and regions
    ("bordurian", None), ("Borduria", None),  # lower case; a name that is no demonym
])
def test_demonyms_name_their_country_or_region(name, expected):
    from eventscope.extract.places import demonym_places

    found = demonym_places(hand_gazetteer(), name)
    assert (found[0].name if found else None) == expected


def test_a_demonym_resolves_only_where_no_place_has_its_name():
    from eventscope.extract.places import _candidates

    text = "Bordurian troops left Vada."
    mentions = [(0, 9, "Bordurian", None), (22, 26, "Vada", None)]
    found, demonym = _candidates(hand_gazetteer(), mentions, 0, text)
    assert ([c.name for c in found], demonym) == (["Borduria"], True)
    found, demonym = _candidates(hand_gazetteer(), mentions, 1, text)
    assert ([c.geonameid for c in found], demonym) == ([1, 2], False)


def test_the_region_most_names_share_reads_a_local_papers_towns():
    from eventscope.extract.places import shared_region

    def town(gid, region, population=1000):
        return Candidate(gid, "x", 0.0, 0.0, "USA", "city", population, region=region)

    mentions = [(0, 1, name, None) for name in ("Alda", "Brin", "Cove", "Alda")]
    found = [[town(1, "US.AA", 90_000), town(2, "US.BB")], [town(3, "US.BB"), town(4, "US.CC")],
             [town(5, "US.BB")], [town(1, "US.AA", 90_000), town(2, "US.BB")]]
    assert shared_region(mentions, found) == "US.BB"  # three names; "Alda" counted once
    assert shared_region(mentions[:2], found[:2]) is None  # two names are not enough
    tied = [[town(1, "US.AA"), town(2, "US.BB")]] * 3
    assert shared_region([(0, 1, n, None) for n in "XYZ"], tied) is None  # no region leads


@pytest.mark.integration
@pytest.mark.parametrize("text, place, country, feature", [
    ("Heavy fighting went on in the Kherson region on Sunday.", "Kherson", "UKR", "admin1"),
    ("Aid convoys waited at the Rafah crossing for a week.", "Rafah crossing", "PSE", "landmark"),
    ("Tankers were stopped in the Strait of Hormuz.", "Strait of Hormuz", None, "water"),
])
def test_supplement_places_resolve_in_sentences(text, place, country, feature):
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    pipeline = Pipeline.from_settings(Settings(), only=["entities", "places"])
    places = pipeline.process_one(make_article(text)).places
    found = {p.text: (p.country, p.feature) for p in places}
    assert any(place in text_ or text_ in place for text_ in found), found
    match = next(v for t, v in found.items() if place in t or t in place)
    assert match[1] == feature and (country is None or match[0] == country), found


def _places_of(text: str, entities: list[tuple[str, str]]):
    """places.v1 on ``text`` (tokenised only) with hand-made entity mentions (text, label)."""
    import spacy

    from eventscope.extract.places import PlaceExtractor
    from eventscope.records import Article, Entity, content_id

    article = Article(id=content_id(text), text=text)
    mentions, at = [], 0
    for name, label in entities:
        start = text.index(name, at)
        at = start + len(name)
        mentions.append(Entity(content_id(text, start), start, at, name, label, name, name))
    return PlaceExtractor()(spacy.blank("en")(text), article, {"entities": tuple(mentions)})


@pytest.mark.slow
def test_a_persons_name_is_no_place_and_a_people_names_its_country():
    text = "Ruth Kelso met Sri Lankan envoys in Jaffna. Kelso said Iraqi officials came too."
    places = _places_of(text, [("Ruth Kelso", "PERSON"), ("Sri Lankan", "NORP"),
                               ("Jaffna", "GPE"), ("Kelso", "GPE"), ("Iraqi", "NORP")])
    assert [(p.text, p.use, p.country, p.feature) for p in places] == [
        ("Jaffna", "literal", "LKA", "city"),  # "Kelso" is the woman named before, no town
        ("Sri Lankan", "demonym", "LKA", "country"), ("Iraqi", "demonym", "IRQ", "country")]


@pytest.mark.parametrize("name, geonameids", [
    ("South Vada", [1, 2]), ("Vada city", [1, 2]), ("W. Vada", [1, 2]),  # a part of Vada
    ("South Borduria", []),  # a part of a country is no country
    ("Southern Vadaville", []),
])
def test_a_part_of_a_place_the_gazetteer_lacks_is_the_place(name, geonameids):
    from eventscope.extract.places import _lookup

    assert [c.geonameid for c in _lookup(hand_gazetteer(), name)] == geonameids


def test_the_region_after_a_comma_places_a_town_even_unrecognised():
    from eventscope.extract.places import _candidates

    text = "Shells fell on Vada, Borduria overnight."
    found, _ = _candidates(hand_gazetteer(), [(15, 19, "Vada", None)], 0, text)
    assert [c.geonameid for c in found] == [2]  # "Borduria" is no mention here
    found, _ = _candidates(hand_gazetteer(), [(15, 19, "Vada", None)], 0, "Shells fell on Vada, Monday.")
    assert [c.geonameid for c in found] == [1, 2]


def test_a_place_named_many_times_is_one_point_near_a_candidate():
    from eventscope.extract.place_index import PointGrid

    points = PointGrid([("varnok", 32.1, -95.1)] * 500 + [("ostel", 32.3, -95.0),
                                                          ("ostel", 48.0, 2.0)])
    assert sum(len(cell) for cell in points.cells.values()) == 3
    vada = Candidate(12, "Vada", 32.0, -95.0, "USA", "city", 20_000)
    assert points.near([vada], "vada") == [(32.1, -95.1), (32.3, -95.0)]
    assert points.near([vada], "varnok") == [(32.3, -95.0)]
