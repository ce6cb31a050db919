"""The stage contract and the pipeline's handling of batches and failures (no real model)."""
from __future__ import annotations

import pytest
import spacy

from eventscope.errors import PipelineError
from eventscope.execute import Pipeline, Stage
from eventscope.execute.stages import DOC, check_contracts
from eventscope.records import Article, Entity, content_id
from eventscope.settings import Settings


class BlankPipeline(Pipeline):
    """The pipeline with a blank English tokenizer instead of a trained model."""

    def warm_up(self):
        if self._nlp is None:
            self._nlp = spacy.blank("en")
        return self._nlp


def words_stage(doc, article, prior):
    return tuple(
        Entity(id=content_id(article.id, t.i), start=t.idx, end=t.idx + len(t), text=t.text,
               label="WORD", cluster=t.lower_, canonical=t.text)
        for t in doc if t.is_alpha
    )


def failing_stage(doc, article, prior):
    if "boom" in article.text:
        raise ValueError("cannot handle boom")
    return ("ok",)


def counting_stage(doc, article, prior):
    return (len(prior["entities"]),)


def article(text: str) -> Article:
    return Article(id=content_id(text), text=text)


def test_contracts_name_what_is_missing():
    stages = [Stage("quotes", 1, (DOC, "entities"), "quotes", words_stage)]
    with pytest.raises(PipelineError, match=r"quotes\.v1 requires entities \(available before it: doc\)"):
        Pipeline(stages, Settings())


def test_contracts_reject_a_second_provider():
    stages = [
        Stage("nlp", 1, (), DOC),
        Stage("a", 1, (DOC,), "entities", words_stage),
        Stage("b", 2, (DOC,), "entities", words_stage),
    ]
    with pytest.raises(PipelineError, match=r"b\.v2 provides 'entities', already provided"):
        check_contracts(stages)


def test_default_pipeline_is_well_formed(settings):
    pipeline = Pipeline.from_settings(settings)
    assert [s.label for s in pipeline.stages] == [
        "entities.v1", "quotes.v1", "dates.v1", "places.v1", "events.v1"
    ]


def test_results_keep_input_order_across_batches():
    pipeline = BlankPipeline([Stage("words", 1, (DOC,), "entities", words_stage)],
                             Settings(batch_size=2))
    texts = [f"Article number {n} here." for n in range(5)]
    results = list(pipeline.process(article(t) for t in texts))
    assert [r.article.text for r in results] == texts
    assert all(r.article.text[e.start:e.end] == e.text for r in results for e in r.entities)
    assert pipeline.timings.articles == 5
    assert set(pipeline.timings.seconds) == {"nlp.v1", "words.v1"}


def test_a_failing_stage_is_recorded_and_the_run_goes_on():
    pipeline = BlankPipeline(
        [Stage("words", 1, (DOC,), "entities", words_stage),
         Stage("fragile", 1, (DOC,), "quotes", failing_stage),
         Stage("count", 1, (DOC, "entities"), "events", counting_stage)],
        Settings(),
    )
    good, bad = pipeline.process([article("All fine."), article("Then boom went it.")])
    assert good.errors == () and good.quotes == ("ok",)
    assert bad.quotes == ()
    assert bad.errors == ("fragile.v1: ValueError: cannot handle boom",)
    assert bad.events == (4,)  # later stages still ran


def test_stages_see_a_read_only_view_of_earlier_output():
    def mutating(doc, article, prior):
        prior["entities"] = ()
        return ()

    pipeline = BlankPipeline(
        [Stage("words", 1, (DOC,), "entities", words_stage),
         Stage("mutate", 1, (DOC, "entities"), "quotes", mutating)],
        Settings(),
    )
    (result,) = pipeline.process([article("Some words.")])
    assert result.errors and "TypeError" in result.errors[0]
    assert len(result.entities) == 2


def test_pipeline_info_names_stages_and_model():
    pipeline = BlankPipeline([Stage("words", 1, (DOC,), "entities", words_stage)], Settings())
    info = pipeline.info
    assert [(s.name, s.version) for s in info.stages] == [("nlp", 1), ("words", 1)]
    assert all(s.label == f"{s.name}.v1-{s.fingerprint}" and len(s.fingerprint) == 10
               for s in info.stages)
    assert pipeline.labels() == [info.stages[1].label]
    assert info.model.startswith("en_")
