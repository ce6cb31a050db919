"""Near-duplicate grouping (MinHash LSH): copies join the first article, distinct texts do not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from eventscope.eval.near_duplicates import build_cases, sample_texts, score
from eventscope.ingest.dedup import NearDuplicates, shingles
from eventscope.records import Article, content_id
from eventscope.settings import Settings
from eventscope.store import Store
from eventscope.store.copies import copies_of, write_copies

from test_store import make

STORY = ("Officials in the northern province said on Monday that the bridge over the river "
         "would stay closed for repairs until the end of the month, after inspectors found "
         "cracks in two of its supports. Traffic is being sent along the coast road, which adds "
         "about forty minutes to the journey, and the ferry service will run every hour instead "
         "of every two hours. The transport ministry said the repairs would cost less than "
         "first feared and that no one had been hurt.")
OTHER = ("The football club announced a new coach on Friday, ending a search that began when "
         "the previous coach left in the spring. The new coach, who led a rival team to the "
         "cup final two years ago, signed a contract for three seasons and will meet the "
         "players next week. Supporters gathered outside the stadium, and tickets for the first "
         "home match sold out within an hour, the club said in a statement.")


def art(text, source=None, url=None):
    return Article(id=content_id(text), text=text, source=source, url=url)


def test_shingles_are_case_and_punctuation_blind_word_trigrams():
    assert shingles("The Bridge, closed. the bridge closed") == {
        b"the bridge closed", b"bridge closed the", b"closed the bridge"}
    assert shingles("two words") == {b"two words"} and shingles("") == set()


@pytest.mark.parametrize("copy", [
    STORY + " (Reporting by the city desk.)",
    STORY.replace("Monday", "Tuesday").replace("forty", "thirty"),
    "UPDATE 1 - " + STORY,
    STORY.rsplit(". ", 1)[0] + ".",
])
def test_an_edited_copy_joins_the_first_article(copy):
    grouping = NearDuplicates(Settings())
    assert list(grouping.representatives([art(STORY, "a.txt"), art(copy, "b.txt", "https://b/1"),
                                          art(OTHER)])) == [art(STORY, "a.txt"), art(OTHER)]
    (found,) = grouping.take_copies()
    assert (found.article_id, found.member_id, found.source, found.url) == (
        content_id(STORY), content_id(copy), "b.txt", "https://b/1")
    assert 0.6 <= found.similarity < 1 and grouping.take_copies() == []


def test_short_texts_and_different_stories_are_never_grouped():
    grouping = NearDuplicates(Settings())
    short = "The bridge stays closed, officials said."
    texts = [short, short + " More soon.", STORY, OTHER]
    assert [a.text for a in grouping.representatives(map(art, texts))] == texts


def test_the_threshold_is_a_setting():
    copy = STORY.replace("Monday", "Tuesday").replace("forty", "thirty")
    strict = NearDuplicates(Settings(near_duplicate_threshold=1.0))
    assert len(list(strict.representatives([art(STORY), art(copy)]))) == 2


@hsettings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=70), st.sampled_from(["today", "reportedly", "also"]))
def test_one_changed_word_in_a_long_text_is_always_a_copy(position, word):
    words = STORY.split(" ")
    words[position] = word
    edited = " ".join(words)
    grouping = NearDuplicates(Settings())
    kept = list(grouping.representatives([art(STORY), art(edited)]))
    assert kept == [art(STORY)] or edited == STORY


def test_precision_and_recall_on_edited_sample_texts():
    cases = build_cases(sample_texts())
    assert {c.kind for c in cases} >= {"words changed", "sentence dropped", "shared paragraph"}
    found = score()
    assert (found.precision, found.false_positives) == (1.0, 0)
    assert found.recall >= 0.9


def test_copies_are_stored_once_and_wait_for_their_article():
    with Store.open("sqlite://") as store:
        result = make(STORY)
        grouping = NearDuplicates(Settings())
        copy_text = STORY + " (Reporting by the city desk.)"
        list(grouping.representatives([result.article, art(copy_text, "b.txt")]))
        copies = grouping.take_copies()
        assert write_copies(store.engine, copies) == copies  # its article is not stored yet
        store.write([result])
        assert write_copies(store.engine, copies) == []
        assert write_copies(store.engine, copies) == []  # idempotent
        assert [(c.member_id, c.source) for c in copies_of(store.engine, result.article.id)] == [
            (content_id(copy_text), "b.txt")]


def test_an_exact_repeat_from_another_source_is_a_copy_of_what_was_processed():
    grouping = NearDuplicates(Settings())
    copy = STORY + " (Reporting by the city desk.)"
    list(grouping.representatives([art(STORY, "a.txt"), art(copy, "b.txt")]))
    grouping.same_text(art(copy, "c.txt"))
    assert [(c.article_id, c.source, c.similarity) for c in grouping.take_copies()][1] == (
        content_id(STORY), "c.txt", 1.0)
