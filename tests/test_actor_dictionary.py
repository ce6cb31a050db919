"""The bundled Phoenix actor dictionaries: office holders by date, precedence and the cache."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span as SpacySpan

from eventscope.extract import actor_cache as cache_module
from eventscope.extract.actors import ActorDictionary
from eventscope.extract.entities import EntityExtractor
from eventscope.records import Article, content_id


@pytest.fixture(scope="module")
def phoenix():
    return ActorDictionary.load()


@pytest.mark.parametrize("text,on,code", [
    # heads of state and government of the 2010s, on a day in office
    ("President Barack Obama", "2012-11-07", "USAGOV"),
    ("Vladimir Putin", "2014-12-04", "RUSGOV"),
    ("German Chancellor Angela Merkel", "2013-09-23", "DEUGOV"),
    ("François Hollande", "2015-11-16", "FRAGOV"),  # accents as the dictionary spells them
    ("Recep Tayyip Erdoğan", "2016-07-21", "TURGOV"),
    ("Benjamin Netanyahu", "2015-03-18", "ISRGOV"),
    ("Narendra Modi", "2016-11-08", "INDGOV"),
    ("Petro Poroshenko", "2015-02-12", "UKRGOV"),
    ("David Cameron", "2014-09-19", "GBRGOV"),
    # foreign ministers of the 2010s
    ("Sergey Lavrov", "2016-04-12", "RUSGOV"),
    ("Secretary of State John Kerry", "2015-07-14", "USAGOV"),
    ("Hillary Clinton", "2010-06-01", "USAGOV"),
    ("Mohammad Javad Zarif", "2015-07-14", "IRNGOV"),
    ("Ahmet Davutoglu", "2012-05-30", "TURGOV"),
])
def test_office_holders_in_office_are_their_government(phoenix, text, on, code):
    assert phoenix.lookup(text, on=on).code == code


@pytest.mark.parametrize("text,on,code", [
    ("Hillary Clinton", "2016-06-01", "USAELI"),  # the entry's own code outside its periods
    ("Angela Merkel", "1998-03-01", "DEUELI"),
    ("Benjamin Netanyahu", "2002-01-10", "ISRELI"),
    ("Vladimir Putin", "1995-05-05", "RUSELI"),  # a period listed as elite
    ("Mohammad Javad Zarif", "2010-01-01", "IRNELI"),  # between two terms: a former official
    ("Narendra Modi", "2010-01-01", "IND"),  # before the first listed office: the country
    ("David Cameron", "2004-01-01", "GBR"),
])
def test_outside_their_term_they_get_the_dictionary_s_other_code(phoenix, text, on, code):
    assert phoenix.lookup(text, on=on).code == code


@pytest.mark.parametrize("on", [None, "", "unknown", "2015-13-45"])
def test_without_a_readable_date_the_latest_role_applies(phoenix, on):
    assert phoenix.lookup("Vladimir Putin", on=on).code == "RUSGOV"
    assert phoenix.lookup("Hillary Clinton", on=on).code == "USAELI"


@pytest.mark.parametrize("text,code", [
    ("Russia's foreign minister", "RUSGOV"),
    ("Lavrov's", "RUSGOV"),  # a possessive matches the whole word
    ("riot police", "COP"),
    ("a total of forty vehicles", None),  # company names match only where capitalised
    ("Nigeria", "NGA"),  # whole words: "Niger" is not a stem of it
    ("Niger", "NER"),
])
def test_whole_words_and_capitalised_names(phoenix, text, code):
    found = phoenix.lookup(text, on="2015-01-01")
    assert (found.code if found else None) == code


def test_user_dictionaries_win_and_the_bundle_can_be_left_out(tmp_path):
    (tmp_path / "mine.txt").write_text("ANGELA_MERKEL_ [XYZGOV]\n")
    assert ActorDictionary.load([str(tmp_path / "mine.txt")]).lookup("Angela Merkel").code == "XYZGOV"
    assert ActorDictionary.load(bundled=False).lookup("Sergey Lavrov") is None


def test_entities_take_roles_on_the_publication_date(vocab, phoenix):
    words = ["Sergey", "Lavrov", "met", "Hillary", "Clinton", "in", "Geneva", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [SpacySpan(doc, 0, 2, label="PERSON"), SpacySpan(doc, 3, 5, label="PERSON")]
    codes = []
    for published in ("2011-03-06", "2015-03-06", None):
        article = Article(id=content_id(doc.text), text=doc.text, published=published)
        codes.append([(e.country, e.sector) for e in EntityExtractor(phoenix)(doc, article, {})])
    assert codes == [
        [("RUS", "GOV"), ("USA", "GOV")],
        [("RUS", "GOV"), ("USA", "ELI")],
        [("RUS", "GOV"), ("USA", "ELI")],
    ]


@pytest.mark.slow  # parses the bundle (about 2 s)
def test_the_parsed_bundle_is_cached_by_digest(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache_module.bundled_index.cache_clear()
    try:
        first = ActorDictionary.load().lookup("Sergey Lavrov", on="2016-01-01")
        [cached] = (tmp_path / "eventscope").glob("phoenix-*.json")

        def no_parse():
            raise AssertionError("parsed again")

        monkeypatch.setattr(cache_module, "_parse_bundled", no_parse)
        cache_module.bundled_index.cache_clear()
        assert ActorDictionary.load().lookup("Sergey Lavrov", on="2016-01-01") == first
        assert cached.exists() and first.code == "RUSGOV"
    finally:
        cache_module.bundled_index.cache_clear()


@pytest.mark.slow  # parses the bundle (about 2 s)
def test_an_unwritable_cache_folder_only_costs_the_parse(tmp_path, monkeypatch):
    (tmp_path / "eventscope").write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache_module.bundled_index.cache_clear()
    try:
        assert ActorDictionary.load().lookup("Petro Poroshenko", on="2015-01-01").code == "UKRGOV"
    finally:
        cache_module.bundled_index.cache_clear()


@pytest.mark.parametrize("text,code", [
    # plurals of whole-word names, in every source: built-in, Phoenix, user
    ("Nigerians", "NGA"), ("Nigeriens", "NER"), ("Peruvians", "PER"), ("Filipinos", "PHL"),
    ("South Africans", "ZAF"), ("Serbs", "SRB"), ("Croats", "HRV"), ("Bosnian Serbs", "BIH"),
    ("the PRC", "CHN"), ("Russia's", "RUS"),
])
def test_plurals_match_whole_names_but_names_are_no_prefixes(phoenix, text, code):
    assert phoenix.lookup(text).country == code


@pytest.mark.parametrize("text", ["Limassol", "bus", "Nigerton"])
def test_a_name_is_not_a_prefix_of_a_longer_word(phoenix, text):
    found = phoenix.lookup(text)
    assert found is None or found.country not in {"PER", "NER"}


def test_region_codes_are_no_country_and_old_codes_become_iso(tmp_path):
    dictionary = tmp_path / "groups.txt"
    dictionary.write_text("COASTAL_LIBERATION_FRONT_ [WAFREB]\nHIGHLAND_UNION_ [ANGREB]\n"
                          "RIVER_TRADERS_LEAGUE_ [FRNBUS]\n", encoding="utf-8")
    found = ActorDictionary.load([str(dictionary)], bundled=False)
    assert (found.lookup("the Coastal Liberation Front").country,
            found.lookup("the Coastal Liberation Front").sector) == (None, "REB")
    assert found.lookup("Highland Union").code == "AGOREB"
    assert found.lookup("River Traders League").code == "FRABUS"


def test_several_codes_on_the_name_line_are_each_a_role(tmp_path):
    dictionary = tmp_path / "officials.txt"
    dictionary.write_text("IVO_MAREK_\t[RURGOV 050101-091231] [IGOUNO >100101]  # envoy later\n"
                          "ANA_LENK_ [VELMIL]\n[VELGOV >120101] [VELELI]\n", encoding="utf-8")
    found = ActorDictionary.load([str(dictionary)], bundled=False)
    assert found.lookup("Ivo Marek", on="2007-06-01").code == "RURGOV"
    assert found.lookup("Ivo Marek", on="2011-06-01").code == "IGOUNO"
    assert found.lookup("Ana Lenk", on="2013-06-01").code == "VELGOV"


@pytest.mark.parametrize("text", [
    "the ministry of the self-declared republic", "the separatist army", "the rebel government",
])
def test_state_bodies_of_rebel_entities_are_rebels(phoenix, text):
    assert phoenix.lookup(text).sector == "REB"


@pytest.mark.parametrize("text,on,code", [
    # heads of state and government and foreign ministers after the Phoenix files end
    ("President Volodymyr Zelenskyy", "2023-02-24", "UKRGOV"),
    ("Masoud Pezeshkian", "2025-01-10", "IRNGOV"),
    ("Prime Minister Keir Starmer", "2025-03-01", "GBRGOV"),
    ("Keir Starmer", "2022-03-01", "GBROPP"),
    ("Annalena Baerbock", "2023-05-01", "DEUGOV"),
    ("Abbas Araghchi", "2025-06-01", "IRNGOV"),
    ("Ahmed al-Sharaa", "2023-06-01", "SYRREB"),  # a rebel leader, then head of state
    ("Ahmed al-Sharaa", "2025-06-01", "SYRGOV"),
    ("Donald Trump", "2023-06-01", "USAELI"),  # between his terms
    ("Donald Trump", "2025-06-01", "USAGOV"),
    # the Phoenix files' open-ended terms, ended since
    ("Angela Merkel", "2023-01-01", "DEUELI"),
    ("Barack Obama", "2019-01-01", "USAELI"),
    ("Omar al-Bashir", "2021-01-01", "SDNELI"),
])
def test_office_holders_since_2016(phoenix, text, on, code):
    assert phoenix.lookup(text, on=on).code == code


def test_a_group_coded_by_region_takes_the_country_its_name_says(tmp_path):
    dictionary = tmp_path / "groups.txt"
    dictionary.write_text("CHILEAN_LIBERATION_FRONT_ [LAMREB]\nHIGHLAND_BRIGADES_ [IMGSEAMUS]\n",
                          encoding="utf-8")
    found = ActorDictionary.load([str(dictionary)], bundled=False)
    assert found.lookup("the Chilean Liberation Front").code == "CHLREB"
    assert found.lookup("the Highland Brigades").code == "IMGREB"


@pytest.mark.parametrize("text", ["Taras Kachka", "Marias"])
def test_a_name_ending_in_s_is_no_plural_of_another_name(phoenix, text):
    found = phoenix.lookup(text)
    assert found is None or found.country not in {"IRL"}
