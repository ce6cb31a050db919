"""events.v1: triggers, arguments, modality and coding on sentences written for the tests.

Each case lists every event the sentence gives, as (type, mode, trigger, actor codes,
recipient codes, modality): no more, no fewer.
"""
from __future__ import annotations

import pytest

from eventscope.lexicons.plover import VERBS, Trigger

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
          "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


def test_lexicon_uses_plover_types():
    assert {t.event_type for t in VERBS.values()} <= PLOVER


@pytest.mark.parametrize("act,mood,expected", [
    (Trigger("CONSULT", "meet", "04"), "planned", Trigger("AGREE", "consult", "036")),
    (Trigger("AID", None, "07"), "planned", Trigger("AGREE", "aid", "033")),
    (Trigger("RETREAT", "withdraw", "08"), "planned", Trigger("AGREE", "retreat", "035")),
    (Trigger("ASSAULT", None, "18"), "planned", Trigger("THREATEN", "violence", "13")),
    (Trigger("ASSAULT", "occupy", "19"), "planned", Trigger("THREATEN", "territory", "13")),
    (Trigger("COERCE", "arrest", "17"), "planned", Trigger("THREATEN", "arrest", "13")),
    (Trigger("SANCTION", None, "16"), "planned", Trigger("THREATEN", "relations", "13")),
    (Trigger("ACCUSE", "allege", "11"), "planned", Trigger("ACCUSE", "allege", "11")),
    (Trigger("CONSULT", "meet", "04"), "negated", Trigger("CONSULT", "meet", "04")),
    (Trigger("ASSAULT", None, "18"), "hypothetical", Trigger("ASSAULT", None, "18")),
])
def test_stated_intent_follows_plover(act, mood, expected):
    from eventscope.extract.events import stated_intent

    assert stated_intent(act, mood) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Bolivia accused Paraguay of smuggling cattle across the border.",
     [("ACCUSE", "allege", "accused", ["BOL"], ["PRY"], "asserted")]),
    ("Lima called on Quito to reopen the border crossing.",
     [("REQUEST", None, "called", ["PERGOV"], ["ECUGOV"], "asserted")]),
    ("Bolivian soldiers did not attack the convoy.",
     [("ASSAULT", None, "attack", ["BOLMIL"], [], "negated")]),
    ("Peruvian police detained eleven miners.",
     [("COERCE", "arrest", "detained", ["PERCOP"], [], "asserted")]),
])
def test_sentences(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_date_comes_from_the_sentence_or_the_publication(events_of):
    assert events_of("Chile sanctioned Argentine fishing firms last week.", with_date=True) == [
        ("SANCTION", None, "sanctioned", ["CHL"], ["ARG"], "asserted", "2023-W26")]
    assert events_of("Chile sanctioned Argentine fishing firms.", with_date=True) == [
        ("SANCTION", None, "sanctioned", ["CHL"], ["ARG"], "asserted", "2023-07-06")]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Insurgents launched an assault on the airbase.",
     [("ASSAULT", None, "launched", ["REB"], [], "asserted")]),
    ("Pensioners staged a rally outside parliament.",
     [("PROTEST", "demonstrate", "staged", [None], [], "asserted")]),
    # the governing verb is the event, not the sanction it threatens
    ("Ankara threatened to impose tariffs on Athens.",
     [("THREATEN", None, "threatened", ["TURGOV"], ["GRCGOV"], "asserted")]),
])
def test_light_verbs_and_governing_verbs(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # "X said Y must ...": a demand by the speaker on the other party
    ("Ghana said Togo must hand back the trawler.",
     [("REQUEST", None, "said", ["GHA"], ["TGO"], "asserted")]),
    ("Kenya restored diplomatic relations with Somalia.",
     [("SUPPORT", "recognize", "restored", ["KEN"], ["SOM"], "asserted")]),
    # a protest lodged in writing is an accusation
    ("Peru filed a formal protest with Ecuador over the border incident.",
     [("ACCUSE", "disapprove", "filed", ["PER"], ["ECU"], "asserted")]),
    # obstruction: protest by civilians, coercion by the state
    ("Riot police blocked the motorway.",
     [("COERCE", "restrict", "blocked", ["COP"], [], "asserted")]),
    ("The authorities lifted the overnight curfew.",
     [("CONCEDE", "ease", "lifted", ["GOV"], [None], "asserted")]),
    ("Ecuador severed diplomatic relations with Nicaragua.",
     [("SANCTION", None, "severed", ["ECU"], ["NICGOV"], "asserted")]),
])
def test_general_constructions(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_calling_off_a_stoppage_is_a_concession(events_of):
    events = events_of("The nurses' association called off the stoppage planned for Friday.")
    assert [e[:3] for e in events] == [("CONCEDE", None, "called")]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # PLOVER AGREE: cooperative acts reported as intended or in the future
    ("The two foreign ministers will hold talks in Vienna.",
     [("AGREE", "consult", "hold", ["GOV"], [], "planned")]),
    ("Japan said it would withdraw its coast guard vessels.",
     [("AGREE", "retreat", "withdraw", ["JPN"], ["MIL"], "planned")]),
    ("Brazil is ready to supply vaccines to Paraguay.",
     [("AGREE", "aid", "supply", ["BRA"], ["PRY"], "planned")]),
    # PLOVER THREATEN: hostile acts stated as intended; the mode says what is threatened
    ("Serbia will impose tariffs on Croatian steel.",
     [("THREATEN", "restrict", "impose", ["SRB"], ["HRV"], "planned")]),
    ("Turkey said it would expel the Dutch ambassador.",
     [("THREATEN", "expel", "expel", ["TUR"], ["NLDGOV"], "planned")]),
    ("Thailand plans to arrest the smugglers.",
     [("THREATEN", "arrest", "arrest", ["THA"], ["CRM"], "planned")]),
    # a negated act keeps its type; a refusal is REJECT by its own verb
    ("Chile did not withdraw its warships.",
     [("RETREAT", "withdraw", "withdraw", ["CHL"], ["MIL"], "negated")]),
    ("Argentina refused to meet the Chilean envoy.",
     [("REJECT", None, "refused", ["ARG"], ["CHLGOV"], "asserted")]),
    ("Cambodia could send troops to the border.",
     [("MOBILIZE", None, "send", ["KHM"], [], "hypothetical")]),
])
def test_planned_acts_are_coded_as_stated_intent(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_stated_intent_keeps_the_act_in_its_cameo_code():
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    text = "The two foreign ministers will hold talks in Vienna."
    (event,) = Pipeline.from_settings(Settings()).process_one(make_article(text)).events
    assert (event.event_type, event.mode, event.cameo) == ("AGREE", "consult", "036")


@pytest.mark.integration
def test_main_clause_event_is_the_most_confident():
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    text = "Bolivia accused Paraguay of breaking the accord after soldiers shelled a border post."
    result = Pipeline.from_settings(Settings()).process_one(make_article(text))
    assert [(e.event_type, e.trigger.text) for e in result.events] == [
        ("ACCUSE", "accused"), ("ASSAULT", "shelled")]
    top = max(result.events, key=lambda e: e.confidence)
    assert top.event_type == "ACCUSE"


@pytest.mark.integration
def test_pronoun_subject_of_a_statement_is_the_speaker(events_of):
    events = events_of("Vietnam says it stands ready to release the detained fishermen.")
    assert [e[:4] for e in events] == [("AGREE", "retreat", "release", ["VNM"])]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Estonia promised to send aid to Moldova.",
     [("AGREE", None, "promised", ["EST"], ["MDA"], "asserted")]),
    ("The Kenyan foreign minister arrived in Kampala on Tuesday for two days of talks.",
     [("CONSULT", "meet", "arrived", ["KENGOV"], ["UGAGOV"], "asserted")]),
])
def test_coded_recipient_from_the_complement_or_a_place(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
@pytest.mark.parametrize("text", [
    "The survey provides figures on rainfall.",
    "She gave a short interview on Friday.",
    "The bakery cut its opening hours.",
])
def test_everyday_uses_of_broad_verbs_are_not_events(events_of, text):
    assert events_of(text) == []


@pytest.mark.parametrize("value,published,later", [
    ("2023-08", "2023-07-06", True), ("2023-07", "2023-07-06", False),
    ("2023-07-10", "2023-07-06T09:00:00", True), ("2024", "2023-07-06", True),
    ("2023", "2023-07-06", False), ("PRESENT_REF", "2023-07-06", False),
    ("2023-W30", "2023-07-06", False), (None, "2023-07-06", False), ("2023-08", None, False),
])
def test_later_than_publication(value, published, later):
    from eventscope.extract.modality import later_than

    assert later_than(value, published) is later


@pytest.mark.integration
def test_future_date_makes_a_present_tense_event_planned(events_of):
    assert events_of("Chile and Peru meet in Santiago on 14 September.") == [
        ("AGREE", "consult", "meet", ["CHL", "PER"], [], "planned")]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("The militia announced a three-day truce.",
     [("RETREAT", "ceasefire", "announced", ["REB"], [], "asserted")]),
    ("The battalion began its withdrawal from the hills.",
     [("RETREAT", "withdraw", "began", ["MIL"], [], "asserted")]),
])
def test_nominal_events(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_coordinated_participants_are_all_kept(events_of):
    assert events_of("Hungary and Austria signed a water-sharing agreement.") == [
        ("SUPPORT", "sign", "signed", ["HUN", "AUT"], [], "asserted")]


@pytest.mark.integration
def test_background_phrases_give_no_recipient(events_of):
    assert events_of("Rebels released nine hostages after talks brokered by Oman.") == [
        ("RETREAT", "release", "released", ["REB"], ["CVL"], "asserted")]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # obstruction by civilians is protest; "striking" describes them, it is no assault
    ("Striking farmers blocked the motorway with tractors.",
     [("PROTEST", "obstruct", "blocked", ["AGR"], [], "asserted")]),
    ("Norway promised to return the seized paintings to Poland.",
     [("AGREE", None, "promised", ["NOR"], ["POL"], "asserted")]),
    ("The wounded soldiers were flown to Madrid.", []),
])
def test_participles_modifying_a_noun_are_not_events(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_an_act_on_coordinated_days_is_one_event_per_day(events_of):
    assert events_of("Ecuadorian troops raided two border villages on 3 and 5 June.",
                     with_date=True) == [
        ("COERCE", "restrict", "raided", ["ECUMIL"], ["CVL"], "asserted", "2023-06-03"),
        ("COERCE", "restrict", "raided", ["ECUMIL"], ["CVL"], "asserted", "2023-06-05")]
    # a date that is not coordinated with the first is no second act
    assert events_of("Chile and Peru signed the accord on May 2, a day before the vote on May 3.",
                     with_date=True) == [
        ("SUPPORT", "sign", "signed", ["CHL", "PER"], [], "asserted", "2023-05-02")]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # destroying property is coercion (CAMEO 1712), not an assault on people
    ("Insurgents blew up a railway bridge on Sunday.",
     [("COERCE", None, "blew", ["REB"], [], "asserted")]),
    ("Gunmen took twelve aid workers hostage in Darfur.",
     [("COERCE", "arrest", "took", ["SDNUAF"], ["SDNLAB"], "asserted")]),
    ("Turkey sent weapons to Azerbaijan last year.",
     [("AID", None, "sent", ["TUR"], ["AZE"], "asserted")]),
])
def test_cameo_phrasal_acts(events_of, text, expected):
    assert events_of(text) == expected


@pytest.mark.integration
def test_a_planned_act_keeps_its_target_period(events_of):
    # "by the end of August": the month, a period the store keeps as its first and last day
    assert events_of("Chile and Peru plan to hold talks by the end of August.", with_date=True) == [
        ("AGREE", "consult", "hold", ["CHL", "PER"], [], "planned", "2023-08")]


@pytest.mark.integration
def test_a_sentence_adverb_is_not_part_of_the_actor(events_of):
    from tests.conftest import make_article

    result = events_of.pipeline.process_one(make_article(
        "Meanwhile suspected rebels attacked a border post, killing four soldiers."))
    assert [[a.text for a in e.actor] for e in result.events] == [
        ["suspected rebels"], ["suspected rebels"]]


@pytest.mark.integration
@pytest.mark.parametrize("text, trigger, place", [
    # the act's own phrase, not the first place of the sentence
    ("In Kyiv, officials said artillery shelled two villages near Kramatorsk.", "shelled",
     "Kramatorsk"),
    # a sentence whose act names no place of its own: its nearest literal place
    ("Police arrested dozens of protesters on Friday outside the court in Lyon.", "arrested",
     "Lyon"),
])
def test_an_events_place_is_its_own_phrases(events_of, text, trigger, place):
    from eventscope.ingest.article import make_article

    events = events_of.pipeline.process_one(make_article(text)).events
    found = {e.trigger.text: e.event_loc.text if e.event_loc else None for e in events}
    assert found.get(trigger) == place, found
