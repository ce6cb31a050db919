"""The quotes scorer on hand-made BRAT files and predictions whose figures are known."""
from __future__ import annotations

import pytest

from eventscope.eval import quotes
from eventscope.records import Quote, Span

A = quotes.Attribution
TEXT = ("“The ferry will run at dawn,” harbour chief Mira Holt said, “and it will carry "
        "bicycles.” Fishermen complained that the fares were too high.")


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


FIRST, SECOND = at("“The ferry will run at dawn,”"), at("“and it will carry bicycles.”")
SPEAKER, SAID = at("harbour chief Mira Holt"), at("said")
FARES, FISHERMEN, COMPLAINED = at("that the fares were too high"), at("Fishermen"), at("complained")
ANN = (f"T901\tSource {SPEAKER[0]} {SPEAKER[1]}\tharbour chief Mira Holt\n"
       f"T902\tCue {SAID[0]} {SAID[1]}\tsaid\n"
       f"T903\tContent {SECOND[0]} {SECOND[1]};{FIRST[0]} {FIRST[1]}\tthe ferry\n"
       f"T907\tAttribution {SAID[0]} {SAID[1]}\tsaid\n"
       "E901\tAttribution:T907 Content:T903 Cue:T902 Source:T901\n"
       f"T904\tSource {FISHERMEN[0]} {FISHERMEN[1]}\tFishermen\n"
       f"T905\tCue {COMPLAINED[0]} {COMPLAINED[1]}\tcomplained\n"
       f"T906\tContent {FARES[0]} {FARES[1]}\tthat the fares\n"
       f"T908\tAttribution {COMPLAINED[0]} {COMPLAINED[1]}\tcomplained\n"
       "E902\tAttribution:T908 Content:T906 Source:T904 Cue:T905\n")


def gold() -> quotes.GoldArticle:
    attributions, discontinuous = quotes.parse_ann(TEXT, ANN)
    return quotes.GoldArticle("ferry", TEXT, attributions, discontinuous)


def figures(pred) -> dict:
    return {f.name: f.value for f in quotes.score([gold()], [pred])}


def inner(span: tuple[int, int]) -> tuple[int, int]:
    """The text between a fragment's quotation marks, without a final comma (as quotes.v1)."""
    return span[0] + 1, span[1] - 1 - (TEXT[span[1] - 2] == ",")


# the product's reading: one quote per fragment, both with the same cue and speaker
PER_FRAGMENT = [A((inner(FIRST),), SPEAKER, SAID), A((inner(SECOND),), SPEAKER, SAID),
                A((FARES,), FISHERMEN, COMPLAINED)]


def test_brat_parsing_keeps_fragments_sorted():
    g = gold()
    assert g.discontinuous == 1
    assert g.attributions[0] == A((FIRST, SECOND), SPEAKER, SAID)
    assert g.attributions[1] == A((FARES,), FISHERMEN, COMPLAINED)
    without_cue_role = ANN.replace(" Cue:T905", "")  # the trigger's span stands for the cue
    assert quotes.parse_ann(TEXT, without_cue_role)[0] == g.attributions


def test_fragments_merge_when_only_whitespace_separates_them():
    text = "One two. Three four."
    assert quotes.fragments(text, [(9, 20), (0, 8)]) == ((0, 20),)
    assert quotes.fragments(text, [(0, 3), (8, 14)]) == ((0, 3), (8, 14))
    assert quotes.fragments(text, [(0, 5), (3, 8), (4, 4)]) == ((0, 8),)


def test_kind_is_decided_from_the_text_for_both_sides():
    g = gold()
    assert [quotes.kind(TEXT, a) for a in g.attributions] == ["direct", "indirect"]
    assert quotes.kind_of(TEXT, *inner(FIRST)) == "direct"
    # the product's own label plays no part: a quoted content labelled indirect is direct
    content = Span(*inner(SECOND), TEXT[slice(*inner(SECOND))])
    labelled = Quote("q", "indirect", content, cue=Span(*SAID, "said"))
    assert quotes.kind(TEXT, quotes.from_quote(labelled)) == "direct"
    f = figures([quotes.from_quote(labelled)])
    assert f["direct.precision_overlap"] == 0.0 and f["indirect.precision_overlap"] is None
    assert f["all.precision_overlap"] == 0.0  # one fragment alone is 27 of 58 gold characters


def test_split_content_per_fragment_predictions_are_one_attribution():
    f = figures(PER_FRAGMENT)
    assert f["all.f1_overlap"] == f["all.f1_exact"] == f["all.f1_cue"] == 1.0
    assert f["all.f1_attributed"] == f["direct.f1_attributed"] == 1.0
    assert f["all.speaker_accuracy"] == f["all.speaker_accuracy_any"] == 1.0


def test_split_content_whole_extent_prediction():
    whole = (inner(FIRST)[0], inner(SECOND)[1])  # runs over the cue between the fragments
    f = figures([A((whole,), SPEAKER, SAID)])
    assert f["direct.f1_overlap"] == 1.0 and f["direct.f1_exact"] == 0.0
    assert f["all.precision_overlap"] == 1.0 and f["all.recall_overlap"] == 0.5


def test_speaker_needs_half_of_the_source_and_half_inside_it():
    start = SPEAKER[0]  # the gold source has 23 characters
    forty, sixty = (start, start + 9), (start + 9, start + 23)  # 39% and 61% of it
    whole_sentence = (0, TEXT.index("Fishermen") - 1)
    for speaker, strict, any_overlap in ((forty, 0.5, 1.0), (sixty, 1.0, 1.0),
                                          (whole_sentence, 0.5, 1.0)):
        pred = [A(p.content, speaker if p.cue == SAID else p.source, p.cue) for p in PER_FRAGMENT]
        f = figures(pred)
        assert f["all.speaker_accuracy"] == strict
        assert f["all.speaker_accuracy_any"] == any_overlap
        assert f["all.f1_attributed"] == strict
        assert f["all.f1_cue"] == 1.0


def test_cue_must_overlap_the_gold_cue():
    wrong_cue = [A(PER_FRAGMENT[0].content, SPEAKER, at("chief")),
                 A(PER_FRAGMENT[1].content, SPEAKER, at("chief")), PER_FRAGMENT[2]]
    f = figures(wrong_cue)
    assert f["all.f1_overlap"] == 1.0
    assert f["all.precision_cue"] == 0.5 and f["all.recall_cue"] == 0.5
    no_cue = [A(p.content, p.source, None) for p in PER_FRAGMENT]
    f = figures(no_cue)  # no cue: each quote is an attribution of its own, and none has a cue
    assert f["all.precision_overlap"] == pytest.approx(1 / 3) and f["all.recall_overlap"] == 0.5
    assert f["all.f1_cue"] == 0.0


def test_gold_without_a_source_wants_a_prediction_without_a_speaker():
    ann = ANN.replace(" Source:T904", "")
    g = quotes.GoldArticle("ferry", TEXT, quotes.parse_ann(TEXT, ann)[0])
    for speaker, expected in ((None, 1.0), (FISHERMEN, 0.5)):
        pred = [*PER_FRAGMENT[:2], A((FARES,), speaker, COMPLAINED)]
        f = {x.name: x.value for x in quotes.score([g], [pred])}
        assert f["all.f1_attributed"] == expected
        assert f["all.speaker_accuracy"] == 1.0  # over matches whose gold has a source


def test_no_predictions_and_all_wrong():
    f = figures([])
    assert f["all.recall_overlap"] == 0.0 and f["all.precision_overlap"] is None
    assert f["all.speaker_accuracy"] is None and f["all.f1_cue"] == 0.0
    f = figures([A((at("bicycles"),), None, None)])
    assert f["all.f1_overlap"] == 0.0 and f["direct.recall_overlap"] == 0.0


def test_headline_figures():
    found = quotes.score([gold()], [PER_FRAGMENT])
    assert [x.name for x in found if x.headline] == [
        "all.f1_overlap", "all.f1_cue", "all.f1_attributed", "all.speaker_accuracy",
        "direct.f1_overlap", "direct.f1_attributed"]
