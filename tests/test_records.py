"""Records convert to JSON and back without loss."""
from __future__ import annotations

from eventscope.records import (
    Actor, ArticleResult, Event, Place, PipelineInfo, Quote, Span, StageInfo, from_json, to_json,
    Article,
)


def test_nested_records_round_trip():
    text = "Baku blames Yerevan."
    result = ArticleResult(
        article=Article(id="0" * 16, text=text, published="2023-07-06"),
        pipeline=PipelineInfo((StageInfo("nlp", 1),), "en_x", "1.0"),
        quotes=(Quote(id="q", kind="direct", content=Span(0, 4, "Baku"), speaker=None),),
        events=(Event(id="e", event_type="ACCUSE", trigger=Span(5, 11, "blames"),
                      sentence=Span(0, 20, text), event_text=text, context=("political",),
                      actor=(Actor(0, 4, "Baku", country="AZE", sector="GOV", code="AZEGOV"),),
                      event_loc=Place(id="p", start=12, end=19, text="Yerevan", lat=40.2,
                                      lon=44.5)),),
        errors=("x",),
    )
    assert from_json(ArticleResult, to_json(result)) == result
