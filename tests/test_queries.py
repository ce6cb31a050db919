"""Safe, forgiving queries: people found by any name, every filter value bound and escaped
(``%`` and ``_`` literal unless asked), lengths limited, one clear error per bad value, and
Hypothesis-made filter values that never raise anything else. Stores are written by hand."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from eventscope.errors import InputError
from eventscope.records import (
    Actor, Article, ArticleResult, Event, PipelineInfo, Quote, Span, StageInfo, content_id,
)
from eventscope.store import ActorFilter, ArticleFilter, EventFilter, QuoteFilter, Store
from eventscope.store.filters import MAX_NAME_CHARS, MAX_TEXT_CHARS, check_value, like_pattern
from eventscope.store.names import fold_name, name_matches, names_matching

INFO = PipelineInfo((StageInfo("quotes", 1), StageInfo("events", 1)), "en_test", "1.0")


def _quoted(text: str, speaker: str, name: str, country: str) -> ArticleResult:
    """An article whose one quote is said by ``speaker`` (resolved to ``name``) and whose one
    event has ``name`` as its actor."""
    at = text.index(speaker)
    opens, closes = text.index("'") + 1, text.rindex("'")
    quote = Quote(id=content_id(text, "q"), kind="direct",
                  content=Span(opens, closes, text[opens:closes]),
                  speaker=Span(at, at + len(speaker), speaker), speaker_name=name,
                  speaker_country=country)
    actor = Actor(at, at + len(speaker), speaker, country=country, sector="GOV",
                  code=f"{country}GOV", name=name)
    event = Event(id=content_id(text, "e"), event_type="ACCUSE", trigger=Span(0, 3, text[:3]),
                  sentence=Span(0, len(text), text), event_text=text, actor=(actor,),
                  date="2021-03-04")
    article = Article(id=content_id(text), text=text, title=f"About {name}",
                      published="2021-03-04", url=f"https://news.example/{content_id(text)}")
    return ArticleResult(article=article, pipeline=INFO, quotes=(quote,), events=(event,))


STORIES = [
    ("The president Recep Tayyip Erdoğan told reporters: 'we will answer firmly'.",
     "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "TUR"),
    ("Speaking in Ankara, Erdogan said: 'the border stays shut'.",
     "Erdogan", "Recep Tayyip Erdoğan", "TUR"),
    ("President Vladimir Putin told a briefing: 'nothing was agreed'.",
     "President Vladimir Putin", "Vladimir Putin", "RUS"),
    ("A spokesperson for 100% Renewables Ltd said: 'prices rose 100%, or 5_fold'.",
     "A spokesperson for 100% Renewables Ltd", "100% Renewables Ltd", None),
]


@pytest.fixture(scope="module")
def store():
    with Store.open("sqlite://") as opened:
        opened.write([_quoted(*story) for story in STORIES])
        yield opened


def _speakers(store, **f) -> list[str]:
    return [r.quote.speaker.text for r in store.quotes(QuoteFilter(**f))]


@pytest.mark.parametrize("query, found", [
    ("Erdogan", ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("Erdoğan", ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("ERDOĞAN", ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("President Erdogan", ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("Recep Tayyip Erdogan", ["Recep Tayyip Erdoğan", "Erdogan"]),
    ("President Putin", ["President Vladimir Putin"]),
    ("Putin", ["President Vladimir Putin"]),
    ("vladimir  putin", ["President Vladimir Putin"]),
    ("spokesperson", ["A spokesperson for 100% Renewables Ltd"]),
    ("Medvedev", []),
])
def test_a_speaker_is_found_by_any_name(store, query, found):
    assert sorted(_speakers(store, speaker=query)) == sorted(found)
    assert store.count(QuoteFilter(speaker=query)) == len(found)


@pytest.mark.parametrize("field", ["actor", "recipient"])
@pytest.mark.parametrize("query, found", [
    ("Erdogan", 2), ("President Putin", 1), ("TURGOV", 2), ("putin", 1), ("Medvedev", 0),
])
def test_event_parties_are_found_by_any_name(store, field, query, found):
    rows = store.events(EventFilter(**{field: query}))
    assert len(rows) == (found if field == "actor" else 0)  # the stories have no recipients


def test_the_actor_and_speaker_filters_match_as_actors_does():
    names = ["Recep Tayyip Erdoğan", "Ivo Marek", "General Grain Works", None, "Ivo Marek"]
    assert names_matching("President Marek", names) == ["Ivo Marek"]
    assert names_matching("erdogan", names) == ["Recep Tayyip Erdoğan"]
    assert names_matching("General", names) == ["General Grain Works"]
    assert fold_name("  José  PÉREZ ") == "jose perez"
    assert name_matches("Dr. Ivo Marék", "Ivo Marek") and not name_matches("Dr.", "Ivo Marek")


@pytest.mark.parametrize("text, like, found", [
    ("100%", False, 1),  # literal: only the text that has "100%"
    ("%", False, 1),
    ("5_fold", False, 1),
    ("_", False, 1),
    ("e_fold", False, 0),  # "_" is no wildcard unless asked
    ("e_fold", True, 0),
    ("5_fold", True, 1),
    ("rose _ fold", True, 0),
    ("prices%fold", True, 1),
    ("prices%fold", False, 0),
    ("%" * 400, True, 4),  # a run of % is one %: everything
    ("%" * 400, False, 0),
    ("\\", False, 0),
    ("'; DROP TABLE quotes; --", False, 0),
])
def test_wildcards_are_literal_unless_asked(store, text, like, found):
    assert len(store.quotes(QuoteFilter(text=text, like=like))) == found
    assert len(store.quotes()) == 4  # nothing was dropped


def test_like_patterns():
    assert like_pattern("a%b_c\\") == "%a\\%b\\_c\\\\%"
    assert like_pattern("a%%%b_", wildcards=True) == "%a%b_%"


@pytest.mark.parametrize("f, message", [
    (EventFilter(text="x" * (MAX_TEXT_CHARS + 1)),
     f"the text filter is {MAX_TEXT_CHARS + 1:,} characters long, over the {MAX_TEXT_CHARS} limit"),
    (QuoteFilter(speaker="x" * (MAX_NAME_CHARS + 1)),
     f"the speaker filter is {MAX_NAME_CHARS + 1} characters long, over the {MAX_NAME_CHARS} limit"),
    (EventFilter(country="ARM" * 20), "the country filter is 60 characters long, over the 32 limit"),
    (ArticleFilter(text="a\x00b"), "the text filter holds a control character or invalid Unicode"),
    (ActorFilter(name="\ud800"), "the name filter holds a control character or invalid Unicode"),
    (EventFilter(offset=-1), "the offset filter must be between 0 and 1,000,000,000, not -1"),
    (QuoteFilter(limit=10 ** 20), "the limit filter must be between 0 and 1,000,000,000"),
    (EventFilter(date_from="yesterday"), "date_from 'yesterday' is not a date"),
])
def test_a_bad_value_is_one_error_naming_the_filter(store, f, message):
    fetch = {EventFilter: store.events, QuoteFilter: store.quotes, ArticleFilter: store.articles,
             ActorFilter: store.actors}[type(f)]
    for call in (fetch, store.count):
        with pytest.raises(InputError) as caught:
            call(f)
        assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_name_filter_standing_for_too_many_names_is_refused(store, monkeypatch):
    monkeypatch.setattr("eventscope.store.queries.MAX_NAMES", 1)
    with pytest.raises(InputError, match="names 4 different speakers, over the 1 limit"):
        store.quotes(QuoteFilter(speaker="e"))


def test_check_value_takes_tab_and_newline():
    check_value("text", "two\twords\n")


filter_text = (st.text(max_size=60) | st.text(st.sampled_from("%_\\'\"[]*^$-"), max_size=600)
               | st.text(st.characters(categories=["Cs", "Cc", "Mn", "Lu"]), max_size=8))


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(value=filter_text, like=st.booleans(),
       field=st.sampled_from(["actor", "recipient", "text", "speaker", "qtext", "atext", "name",
                              "country", "date_from", "sector"]))
def test_generated_filter_values_never_raise_anything_but_input_error(store, value, field, like):
    if field in ("speaker", "qtext"):
        f = QuoteFilter(**{"speaker" if field == "speaker" else "text": value}, like=like)
        fetch = store.quotes
    elif field == "atext":
        f, fetch = ArticleFilter(text=value, like=like), store.articles
    elif field == "name":
        f, fetch = ActorFilter(name=value), store.actors
    else:
        f, fetch = EventFilter(**{field: value}, like=like), store.events
    try:
        rows = fetch(f)
        assert store.count(f) == len(rows)
    except InputError as exc:
        assert "\n" not in str(exc)
