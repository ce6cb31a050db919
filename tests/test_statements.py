"""Statements as events of their speaker, refusals, threats, and what is no event.

Sentences written for these tests. Each case lists every event the sentence gives, as (type,
mode, trigger, actor codes, recipient codes, modality): no more, no fewer.
"""
from __future__ import annotations

import pytest

from eventscope.records import Actor, Quote, Span


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # a statement that another party must act is the speaker's request of that party
    ("Norway sent a formal note to Iceland that it must return the fishing boats.",
     [("REQUEST", None, "note", ["NOR"], ["ISL"], "asserted")]),
    # one request: what is demanded is its content, not an event of its own
    ("Senegal demanded that Gambia release the fishermen.",
     [("REQUEST", None, "demanded", ["SEN"], ["GMB"], "asserted")]),
    ("The farmers' union issued a statement demanding that the Danish cabinet publish the report.",
     [("REQUEST", None, "demanding", ["AGR"], ["DNKGOV"], "asserted")]),
    # "mediator" is no media word: names and role words match whole (plural aside)
    ("The Swiss mediator repeated her demand that Austria lift the curfew.",
     [("REQUEST", None, "repeated", ["CHE"], ["AUT"], "asserted")]),
    ("Lisbon is pressing hard for Madrid to reopen the crossing.",
     [("REQUEST", None, "pressing", ["PRTGOV"], ["ESPGOV"], "asserted")]),
    # a protest voiced in words is an accusation, not a demonstration
    ("A rights group protested that Slovak police are ignoring complaints.",
     [("ACCUSE", "disapprove", "protested", ["HRI"], [], "asserted")]),
    # the speaker's own duty is no request
    ("Ghana said it must protect its fishing grounds.", []),
])
def test_statements_are_events_of_their_speaker(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("The rebels swore to attack the capital.",
     [("THREATEN", "violence", "swore", ["REB"], [], "asserted")]),
    ("Peru will recall its ambassador unless Bolivia apologises.",
     [("THREATEN", "relations", "recall", ["PER"], ["GOV"], "planned")]),
    ("Finland would expel the diplomats if Estonia retaliated.",
     [("THREATEN", "expel", "expel", ["FIN"], ["GOV"], "hypothetical")]),
])
def test_promised_or_conditional_hostile_acts_are_threats(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Chile told reporters it would not accept the asylum quota.",
     [("REJECT", None, "accept", ["CHL"], [], "asserted")]),
    ("Latvia did not agree to the proposal.",
     [("REJECT", None, "agree", ["LVA"], [], "asserted")]),
    ("The two sides failed to reach a deal.",
     [("REJECT", None, "reach", [None], [], "asserted")]),
    ("The colonel declined to resign.",
     [("REJECT", None, "declined", ["MIL"], [], "asserted")]),
])
def test_refusals_are_rejections(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # CAMEO 085/0872: easing economic or military pressure is RETREAT; 081 (curfew) CONCEDE
    ("Italy lifted its embargo on Libyan oil.",
     [("RETREAT", "ease", "lifted", ["ITA"], ["LBY"], "asserted")]),
    ("Albania returned the seized weapons to Greece.",
     [("RETREAT", "return", "returned", ["ALB"], ["GRC"], "asserted")]),
    # what is permitted is the concession's content, not an event of its own
    ("Kosovo allowed Serbian pilgrims to visit the monastery.",
     [("CONCEDE", None, "allowed", ["XKX"], [], "asserted")]),
    ("Hungary and Slovakia struck a deal on the dam.",
     [("AGREE", "sign", "struck", ["HUN", "SVK"], [], "asserted")]),
])
def test_concessions_and_agreements(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text", [
    "The minister resigned herself to defeat.",
    "The army released a statement on the raid.",
    "The spokesman declined to comment.",
    "An earthquake killed 40 people in Peru.",
    "Nine villagers were killed in a landslide in Nepal.",
])
def test_idioms_and_natural_causes_are_not_events(events_of, text):
    assert events_of(text) == []


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Croatian police reportedly detained four Bosnian reporters.",
     [("COERCE", "arrest", "detained", ["HRVCOP"], ["BIHMED"], "reported")]),
    ("Libyan militias were reported to have shelled the town.",
     [("ASSAULT", "firearms", "shelled", ["LBYREB"], [], "reported")]),
    # the accusation is asserted; what it alleges is only reported
    # the country, not its capital's government ("Tunis" is no prefix of "Tunisia")
    ("Tunisia accused Libya of shelling the border post.",
     [("ACCUSE", "allege", "accused", ["TUN"], ["LBY"], "asserted"),
      ("ASSAULT", "firearms", "shelling", ["LBY"], [], "reported")]),
])
def test_alleged_acts_are_reported_not_asserted(events_of, text, expected):
    assert events_of(text) == expected


def _quote(country, name="Agnes Moreau"):
    return Quote(id="q", kind="direct", content=Span(0, 10, "x" * 10), speaker_name=name,
                 speaker_country=country)


@pytest.mark.parametrize("text,country,name", [
    ("We", "FRA", "Agnes Moreau"),
    ("our troops", "FRA", None),
    ("us", "FRA", "Agnes Moreau"),
    ("US", None, None),  # the country, not the pronoun
    ("the army", None, None),
])
def test_first_person_in_a_quote_is_the_speakers_side(text, country, name):
    from eventscope.extract.statements import first_person

    actor = first_person(Actor(0, len(text), text), _quote("FRA"))
    assert (actor.country, actor.name) == (country, name)


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # one threat: what is sworn is its content
    ("The militia has sworn to fight on until the dam is theirs, officials said.",
     [("THREATEN", "violence", "sworn", ["REB"], [], "asserted")]),
    ("Ankara confirmed on Monday it would tighten the blockade of the port.",
     [("THREATEN", "relations", "tighten", ["TURGOV"], [], "planned")]),
    # a noun modifier or a plural object names the event; "between" names both parties
    ("Oman began a mediation mission on Monday between Qatar and Bahrain.",
     [("CONSULT", None, "began", ["OMN"], ["QAT", "BHR"], "asserted")]),
    ("Spain and Morocco renewed negotiations today on fishing rights.",
     [("CONSULT", "meet", "renewed", ["ESP", "MAR"], [], "asserted")]),
    # willingness reaches through "to help": a stated intent, its doer the willing party
    ("Sudan is willing to send doctors to help defend Chad.",
     [("AGREE", "support", "defend", ["SDN"], ["TCD"], "planned")]),
])
def test_intents_and_light_verbs_through_complements(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # a judgement passed on a party's act is the speaker's ACCUSE of that party
    ("Chile branded the Peruvian claim baseless.",
     [("ACCUSE", "disapprove", "branded", ["CHL"], ["PER"], "asserted", None)]),
    ("The foreign minister said Russia's decision was a grave mistake.",
     [("ACCUSE", "disapprove", "said", ["GOV"], ["RUS"], "asserted", None)]),
    # on an act that names no party: the act is the target
    ("Moscow called the sanctions illegal.",
     [("ACCUSE", "disapprove", "called", ["RUSGOV"], [], "asserted", "the sanctions")]),
    ("The ministry described the move as a provocation.",
     [("ACCUSE", "disapprove", "described", ["GOV"], [], "asserted", "the move")]),
    # praise
    ("Lima said the talks were constructive.",
     [("SUPPORT", "praise", "said", ["PERGOV"], [], "asserted", "the talks")]),
    # neither a party nor an act is judged, or the judgement is denied: no event
    ("The mayor said the situation was dangerous.", []),
    ("Ankara said the vote was not illegal.", []),
])
def test_judgements_are_accusations_or_praise(events_of, text, expected):
    assert events_of(text, with_target=True) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # a deadline or an interview given is no aid
    ("The junta expelled the Danish envoy on Tuesday, giving him 48 hours to leave.",
     [("SANCTION", "expel", "expelled", ["GOV"], ["DNKGOV"], "asserted")]),
    ("The minister gave an interview to Chilean television.", []),
    ("Japan gave Kenya 20 million dollars in food aid.",
     [("AID", None, "gave", ["JPN"], ["KEN"], "asserted")]),
])
def test_what_is_given_decides_whether_it_is_aid(events_of, text, expected):
    assert events_of(text) == expected
