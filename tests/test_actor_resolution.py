"""Who an event's parties are: the head of a phrase, ethnic groups, local roles coded by where
they act, pronouns, and names the dictionary knows under another spelling. Our own sentences."""
from __future__ import annotations

import pytest

from eventscope.extract.actor_names import skeleton, spellings_of
from eventscope.extract.actors import ActorDictionary, Pattern, index_of
from tests.conftest import make_article


@pytest.mark.parametrize("word,expected", [
    ("MANDELA", "MNDL"), ("Mandella", "MNDL"), ("MOUSSAKA", "MSK"),
    ("Musaka", "MSK"), ("Yeltsyn", "YLTSN"), ("al-Assad", "ALSD"),
])
def test_a_skeleton_keeps_the_first_letter_and_each_consonant_once(word, expected):
    assert skeleton(word) == expected


def test_spellings_leave_out_skeletons_two_names_share():
    index = index_of([Pattern(("IVO_", "MAREK_"), "RURGOV"), Pattern(("IVO_", "MARAK_"), "VELGOV"),
                      Pattern(("ANA_", "LENKOVA_"), "RURMIL"), Pattern(("LENKOVA_",), "RURMIL")])
    assert spellings_of(index[0]) == {"AN LNKV": "ANA LENKOVA"}


@pytest.fixture(scope="module")
def phoenix():
    return ActorDictionary.load()


@pytest.mark.parametrize("name,code", [
    ("Hosni Mubarek", "EGY"),  # one vowel changed
    ("Nelson Mandella", "ZAF"),  # a letter doubled
    ("Vladimir Poutin", "RUS"),  # the French spelling
])
def test_a_misspelt_full_name_finds_the_one_name_it_stands_for(phoenix, name, code):
    assert phoenix.similar(name).country == code


@pytest.mark.parametrize("name", [
    "Mandella",  # one word: too little to go on
    "Nelsen Mandolo",  # no word the same
    "Toni Blair",  # a word spelt otherwise under five letters: common names collide
    "Ana Ruiz",  # nobody the dictionary knows
])
def test_no_guess_without_a_full_name_sharing_a_word(phoenix, name):
    assert phoenix.similar(name) is None


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # the phrase's head names the party, not a premodifier
    ("Baltic-state Latvia expelled two Belarusian diplomats.",
     [("SANCTION", "expel", "expelled", ["LVA"], ["BLRGOV"], "asserted")]),
    # an ethnic group is of the country it lives in, not of its kin state
    ("Ethnic Greeks in southern Albania demanded new schools from the government.",
     [("REQUEST", None, "demanded", ["ALBPPL"], ["EDU"], "asserted")]),
    ("Hundreds of ethnic Hungarians protested in Bucharest on Sunday.",
     [("PROTEST", "demonstrate", "protested", ["ROUPPL"], ["ROUGOV"], "asserted")]),
    # local roles take the country of the place the sentence puts them in
    ("Riot police fired tear gas at students in Caracas on Monday.",
     [("ASSAULT", "firearms", "fired", ["VENCOP"], ["VENEDU"], "asserted")]),
    ("Striking teachers rallied outside the education ministry in Accra.",
     [("PROTEST", "demonstrate", "rallied", ["GHAEDU"], ["GHAGOV"], "asserted")]),
    # ... but not governments and envoys, who meet abroad, nor from a country named otherwise
    ("The two foreign ministers will hold talks in Vienna.",
     [("AGREE", "consult", "hold", ["GOV"], [], "planned")]),
    ("Opposition leaders accused the Zambian government of fraud.",
     [("ACCUSE", "allege", "accused", ["OPP"], ["ZMBGOV"], "asserted")]),
    # a pronoun in what someone is quoted as saying is the speaker
    ("The Chilean foreign minister, Ana Ruiz, was quoted as saying she would meet the Peruvian "
     "envoy next week.",
     [("AGREE", "consult", "meet", ["CHLGOV"], ["PERGOV"], "planned")]),
    # "she" with no speech around it: the last person named before
    ("Chilean senator Ana Ruiz arrived in Lima on Monday. She criticised the Bolivian government.",
     [("CONSULT", "meet", "arrived", ["CHLLEG"], ["PERGOV"], "asserted"),
      ("ACCUSE", "disapprove", "criticised", ["CHLLEG"], ["BOLGOV"], "asserted")]),
    # a role before a comma describes the name after it, where the parse keeps them apart;
    # the parser's four subjects inside one name are one party
    ("Oman's sultan, Sheikh Faisal bin Tariq al-Harthi began a mediation mission on Monday "
     "between Yemen and Djibouti.",
     [("CONSULT", None, "began", ["OMNGOV", "OMNGOV"], ["YEM", "DJIGOV"], "asserted")]),
    # a relative pronoun is the noun its clause modifies
    ("Soldiers attacked the militants who had seized the airport in Mopti.",
     [("ASSAULT", None, "attacked", ["MIL"], ["MLIREB"], "asserted"),
      ("COERCE", "restrict", "seized", ["MLIREB"], [], "asserted")]),
    # ... and in the sentence before, its subject rather than whoever was named last
    ("Chilean senator Ana Ruiz met Bolivian envoy Marco Paz on Monday. She criticised the "
     "Peruvian government.",
     [("CONSULT", "meet", "met", ["CHLLEG"], ["BOLGOV"], "asserted"),
      ("ACCUSE", "disapprove", "criticised", ["CHLLEG"], ["PERGOV"], "asserted")]),
    # a full name the dictionary spells otherwise
    ("Nelson Mandella criticised the government of Zimbabwe.",
     [("ACCUSE", "disapprove", "criticised", ["ZAFELI"], ["ZWEGOV"], "asserted")]),
])
def test_parties(events_of, text, expected):
    assert events_of(text, published="2012-05-10") == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # what names no party is the target, not a recipient
    ("The Chilean envoy called for a halt to the siege of the old town.",
     [("REQUEST", None, "called", ["CHLGOV"], [], "asserted",
       "a halt to the siege of the old town")]),
    ("Guerrillas shot down a drone over the valley.",
     [("ASSAULT", "firearms", "shot", ["REB"], [], "asserted", "a drone over the valley")]),
    # words for parties, and capitalised names the dictionary lacks, stay recipients
    ("The mediators called on both sides to respect the ceasefire.",
     [("REQUEST", None, "called", [None], [None], "asserted", None)]),
    ("Jets bombed KLF positions near the dam.",
     [("ASSAULT", "aerial", "bombed", [None], [None], "asserted", None)]),
])
def test_recipients_are_parties_and_the_rest_is_the_target(events_of, text, expected):
    assert events_of(text, with_target=True) == expected


@pytest.mark.integration
def test_person_entities_say_where_their_codes_came_from(events_of):
    from tests.conftest import make_article

    result = events_of.pipeline.process_one(make_article(
        "Chilean Foreign Minister Ana Ruiz met President Mugabe in Harare. "
        "Later, Ruiz criticised Nelson Mandella.", published="2012-05-10"))
    people = [(e.text, e.country, e.sector, e.title and e.title.text,
               e.description and e.description.text, e.code_source)
              for e in result.entities if e.label == "PERSON"]
    assert people == [
        ("Foreign Minister Ana Ruiz", "CHL", "GOV", "Foreign Minister",
         "Chilean Foreign Minister", "description"),
        ("President Mugabe", "ZWE", "GOV", "President", None, "surname"),
        ("Ruiz", "CHL", "GOV", None, "Chilean Foreign Minister", "description"),
        ("Nelson Mandella", "ZAF", "ELI", None, None, "spelling"),
    ]
    for e in result.entities:  # every span slices the text
        for span in (e.title, e.description):
            assert span is None or result.article.text[span.start:span.end] == span.text


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # a meeting's venue is no party to it; a visit's place is its host
    ("Negotiators from Chad held talks in Algiers.",
     [("CONSULT", "meet", "held", ["TCD"], [], "asserted")]),
    ("The Bolivian president arrived in Lima on Monday.",
     [("CONSULT", "meet", "arrived", ["BOLGOV"], ["PERGOV"], "asserted")]),
    # where an agreement is reached is no party to it either
    ("The two sides agreed in Doha to a week-long truce.",
     [("AGREE", None, "agreed", [None], [], "asserted")]),
])
def test_venues_and_hosts(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # a participle clause's doer is its governor's subject
    ("Militants shelled the market, killing nine civilians.",
     [("ASSAULT", "firearms", "shelled", ["REB"], [], "asserted"),
      ("ASSAULT", None, "killing", ["REB"], ["CVL"], "asserted")]),
    # a participle describing a party: that party does it
    ("Police dispersed farmers protesting the new tax.",
     [("COERCE", None, "dispersed", ["COP"], ["AGR"], "asserted"),
      ("PROTEST", "demonstrate", "protesting", ["AGR"], [], "asserted")]),
    # "X is opposed to Y" is X opposing Y, no passive
    ("Norway is opposed to Danish membership of the council.",
     [("REJECT", None, "opposed", ["NOR"], ["DNK"], "asserted")]),
])
def test_doers_of_participles_and_adjectival_passives(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_a_body_named_earlier_gives_its_spokesperson_a_country_and_requests_are_not_acts(events_of):
    text = ("The Peruvian foreign ministry on Monday called on Ecuador to reopen the border. "
            "“We call on Quito to reopen the crossing without delay,” foreign ministry "
            "spokesperson Marta Vidal told reporters.")
    # a later mention without the country ("The foreign ministry") does not hide the earlier one
    told_again = text.replace(" “We", " The foreign ministry said talks would follow. “We")
    later = events_of.pipeline.process_one(make_article(told_again))
    assert [(e.text, e.country) for e in later.entities if e.label == "PERSON"] == [
        ("Marta Vidal", "PER")]
    # "we" in the quote is the spokesperson's side; what is asked ("to reopen") is no act
    assert events_of(text) == [
        ("REQUEST", None, "called", ["PERGOV"], ["ECU"], "asserted"),
        ("REQUEST", None, "call", ["PER"], ["ECUGOV"], "asserted")]
    result = events_of.pipeline.process_one(make_article(text))
    assert [(e.text, e.country, e.code_source) for e in result.entities if e.label == "PERSON"] == [
        ("Marta Vidal", "PER", "description")]


@pytest.mark.integration
def test_a_capitalised_determiner_names_no_party(events_of):
    text = "“This ruling is a mistake,” Chilean trade envoy Ana Ruiz said in Lima."
    assert events_of(text, with_target=True) == [
        ("ACCUSE", "disapprove", "said", ["CHLGOV"], ["PERGOV"], "asserted", "This ruling")]
