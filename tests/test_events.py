"""events.v1: triggers, arguments, modality and coding on sentences written for the tests."""
from __future__ import annotations

import pytest

from eventscope.lexicons.plover import VERBS


def test_lexicon_uses_plover_types():
    plover = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
              "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
              "ASSAULT"}
    assert {t.event_type for t in VERBS.values()} <= plover


@pytest.fixture(scope="module")
def events_of():
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    pipeline = Pipeline.from_settings(Settings())

    def run(text, published="2023-07-06"):
        result = pipeline.process_one(make_article(text, published=published))
        return [(e.event_type, e.trigger.text, [a.code for a in e.actor],
                 [r.code for r in e.recipient], e.modality, e.date) for e in result.events]
    return run


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Armenia accused Azerbaijan of shelling.", ("ACCUSE", "accused", ["ARM"], ["AZE"], "asserted")),
    ("Moscow called on Kyiv to withdraw.", ("REQUEST", "called", ["RUSGOV"], ["UKRGOV"], "asserted")),
    ("Azerbaijani troops did not attack the village.", ("ASSAULT", "attack", ["AZEMIL"], [None], "negated")),
    ("The two presidents will hold talks in Geneva.", ("CONSULT", "hold", ["GOV"], [], "planned")),
    ("Georgian police detained twenty protesters.", ("COERCE", "detained", ["GEOCOP"], ["CVL"], "asserted")),
])
def test_sentences(events_of, text, expected):
    assert expected in [e[:5] for e in events_of(text)]


@pytest.mark.integration
def test_date_comes_from_the_sentence_or_the_publication(events_of):
    (first,) = events_of("Russia sanctioned Georgian banks last week.")
    assert first[5] == "2023-W26"
    (second,) = events_of("Russia sanctioned Georgian banks.")
    assert second[5] == "2023-07-06"


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("Rebels launched an attack on the garrison.", "ASSAULT"),
    ("The opposition staged a protest in the capital.", "PROTEST"),
    ("Moscow threatened to impose sanctions on Tbilisi.", "THREATEN"),
])
def test_light_verbs_and_governing_verbs(events_of, text, expected):
    types = [e[0] for e in events_of(text)]
    assert types and types[0] == expected and "SANCTION" not in types


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    # "X said Y must ...": a demand by the speaker on the other party
    ("Northland said Ostravia must return the captured ship.", ("REQUEST", "said", "asserted")),
    # a stated plan in reported speech is planned, not hypothetical
    ("Russia said it would withdraw its troops.", ("RETREAT", "withdraw", "planned")),
    ("Turkey is willing to supply grain to Syria.", ("AID", "supply", "planned")),
    ("Armenia restored diplomatic ties with Georgia.", ("SUPPORT", "restored", "asserted")),
    ("Serbia lodged an official protest with Albania.", ("ACCUSE", "lodged", "asserted")),
    ("Hundreds of demonstrators blocked the main road.", ("PROTEST", "blocked", "asserted")),
    ("The army blocked the main road.", ("COERCE", "blocked", "asserted")),
    ("The teachers' union called off its strike.", ("CONCEDE", "called", "asserted")),
    ("The government cancelled the night curfew.", ("CONCEDE", "cancelled", "asserted")),
    ("Northland broke diplomatic relations with Ostravia.", ("SANCTION", "broke", "asserted")),
])
def test_general_constructions(events_of, text, expected):
    assert expected in [(e[0], e[1], e[4]) for e in events_of(text)]


@pytest.mark.integration
def test_demand_replaces_the_demanded_act(events_of):
    (event,) = events_of("Georgia said Russia must withdraw its forces.")
    assert event[:4] == ("REQUEST", "said", ["GEO"], ["RUS"])


@pytest.mark.integration
def test_main_clause_event_is_the_most_confident():
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article
    from eventscope.settings import Settings

    text = "Armenia accused Azerbaijan of violating the truce after troops attacked a village."
    result = Pipeline.from_settings(Settings()).process_one(make_article(text))
    top = max(result.events, key=lambda e: e.confidence)
    assert top.event_type == "ACCUSE"


@pytest.mark.integration
def test_pronoun_subject_of_a_statement_is_the_speaker(events_of):
    events = events_of("Syria says it is willing to withdraw its troops from Lebanon.")
    assert ("RETREAT", "withdraw", ["SYR"]) in [e[:3] for e in events]


@pytest.mark.integration
@pytest.mark.parametrize("text,recipient", [
    ("Libya offered to hand over two suspects to Britain.", "GBR"),
    ("The Iraqi president arrived in Amman for a visit.", "JOR"),
])
def test_coded_recipient_from_the_complement_or_a_place(events_of, text, recipient):
    assert any(recipient in [(c or "")[:3] for c in e[3]] for e in events_of(text))


@pytest.mark.integration
@pytest.mark.parametrize("text", [
    "The report provides details of the plan.",
    "He gave a long speech on Monday.",
    "The company cut prices.",
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
    from eventscope.extract.events import _later

    assert _later(value, published) is later


@pytest.mark.integration
def test_future_date_makes_a_present_tense_event_planned(events_of):
    events = events_of("Armenia and Azerbaijan hold talks in Brussels on 20 August.")
    assert [e[4] for e in events if e[0] == "CONSULT"] == ["planned"]


@pytest.mark.integration
@pytest.mark.parametrize("text,expected", [
    ("The rebels declared a unilateral ceasefire.", "RETREAT"),
    ("The army completed its withdrawal from the town.", "RETREAT"),
])
def test_nominal_events(events_of, text, expected):
    assert expected in [e[0] for e in events_of(text)]


@pytest.mark.integration
def test_coordinated_participants_are_all_kept(events_of):
    events = events_of("Germany and France signed a defence cooperation agreement.")
    assert any(e[2][:2] == ["DEU", "FRA"] for e in events)


@pytest.mark.integration
def test_background_phrases_give_no_recipient(events_of):
    events = events_of("Rebels released twelve hostages after talks mediated by Qatar.")
    released = next(e for e in events if e[1] == "released")
    assert "QAT" not in [(c or "")[:3] for c in released[3]]
