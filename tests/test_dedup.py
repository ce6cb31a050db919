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


# --- across runs: the store's near-duplicate index ------------------------------------------

THIRD = ("Volunteers planted four hundred trees along the canal path on Saturday, the parks "
         "office said, replacing elms lost to disease over the last ten years. The saplings "
         "were grown in the municipal nursery and will be watered by local schools through the "
         "summer. A second planting is planned for the autumn on the other bank, where the old "
         "towpath is being resurfaced with gravel from the quarry upstream.")
EDITED = STORY.replace("Monday", "Tuesday").replace("forty", "thirty") + " (Reporting by B.)"


class NoParse:
    """Stands in for :class:`eventscope.execute.Pipeline`: stores each article as it is."""

    @classmethod
    def from_settings(cls, settings):
        return cls()

    def labels(self) -> list[str]:
        return ["events.v1"]

    def process(self, articles):
        from eventscope.records import ArticleResult

        from test_claims import INFO

        for article in articles:
            yield ArticleResult(article=article, pipeline=INFO)


@pytest.fixture
def run(monkeypatch, tmp_path):
    """``run(articles)``: one ingest run of ``articles`` into one SQLite file, no parsing."""
    from eventscope import workflow

    monkeypatch.setattr(workflow, "Pipeline", NoParse)
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'dedup.db'}", batch_size=2)

    def ingest(articles):
        return workflow.ingest_items(articles, settings)

    ingest.db = settings.db_url
    return ingest


def stored(db):
    from sqlalchemy import func, select

    from eventscope.store.streams_schema import (
        article_copies, near_duplicate_bands, near_duplicate_signatures,
    )

    with Store.open(db) as store:
        with store.engine.connect() as connection:
            copies = sorted((r.article_id, r.member_id, r.source) for r in connection.execute(
                select(article_copies)))
            counts = [connection.execute(select(func.count()).select_from(t)).scalar_one()
                      for t in (near_duplicate_signatures, near_duplicate_bands)]
        return sorted(store.article_ids()), copies, counts


def test_an_edited_copy_in_a_later_run_is_a_copy_of_the_stored_article(run):
    first = run([art(STORY, "a.txt"), art(OTHER, "o.txt")])
    second = run([art(EDITED, "b.txt"), art(THIRD, "t.txt")])
    assert (first.processed, first.copies, second.processed, second.copies) == (2, 0, 1, 1)
    ids, copies, (signatures, bands) = stored(run.db)
    assert ids == sorted(content_id(t) for t in (STORY, OTHER, THIRD))
    assert copies == [(content_id(STORY), content_id(EDITED), "b.txt")]
    assert (signatures, bands) == (3, 3 * 32)


def test_a_run_split_in_two_groups_as_one_run(run, tmp_path):
    from eventscope import workflow

    cases = build_cases(sample_texts())
    articles = [art(c.text, f"{n}.txt") for n, c in enumerate(cases)]
    run(articles[:len(articles) // 2])
    run(articles[len(articles) // 2:])
    whole = Settings(db_url=f"sqlite:///{tmp_path / 'whole.db'}", batch_size=2)
    workflow.ingest_items(articles, whole)
    assert stored(run.db) == stored(whole.db_url)
    assert len(stored(run.db)[1]) == 48  # every edited copy, nothing else (as score() finds)


def test_repeated_runs_add_nothing(run):
    articles = [art(STORY, "a.txt"), art(EDITED, "b.txt"), art(OTHER, "o.txt")]
    run(articles)
    before = stored(run.db)
    again = run(articles)
    assert (again.processed, again.stored) == (0, 0)
    assert stored(run.db) == before and before[1] == [
        (content_id(STORY), content_id(EDITED), "b.txt")]


def _ingest_files(paths, db):
    """A child process: ingest ``paths`` without parsing (see :class:`NoParse`)."""
    from eventscope import workflow

    workflow.Pipeline = NoParse
    workflow.ingest([str(p) for p in paths], Settings(db_url=db, batch_size=1))


@pytest.mark.slow
def test_concurrent_runs_store_each_article_copy_and_signature_once(tmp_path):
    import multiprocessing

    texts = {"a.txt": STORY, "b.txt": EDITED, "o.txt": OTHER, "t.txt": THIRD}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [tmp_path / n for n in texts]
    db = f"sqlite:///{tmp_path / 'c.db'}"
    Store.open(db).close()
    fork = multiprocessing.get_context("fork")
    children = [fork.Process(target=_ingest_files, args=(order, db))
                for order in (paths, paths[::-1], paths[1:] + paths[:1])]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    ids, copies, (signatures, bands) = stored(db)
    assert len(ids) == len(set(ids)) and signatures == len(ids) and bands == 32 * len(ids)
    assert set(ids) | {m for _, m, _ in copies} == {content_id(t) for t in texts.values()}
    assert len(copies) == len(set(copies)) and {a for a, _, _ in copies} <= set(ids)


def check_a_store_from_before_0008_is_indexed(url):
    """Articles stored before revision 0008 are indexed by the migration: a later run's copy of
    one is grouped with it; its merged events are recomputed once."""
    import sqlalchemy as sa
    from alembic import command

    from eventscope import workflow
    from eventscope.store.engine import alembic_config, parse_url

    from test_merge import event, report

    old = report("a", "2024-03-01", event())
    old = old.__class__(article=art(STORY, "a.txt"), pipeline=old.pipeline, events=old.events)
    with Store.open(url) as store:
        store.write([old, make(OTHER)])
    engine = sa.create_engine(parse_url(url))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
        assert "near_duplicate_bands" not in sa.inspect(connection).get_table_names()
    engine.dispose()
    assert stored(url)[2] == [2, 64]  # opening migrates: both stored articles indexed
    summary = workflow.ingest_items([art(EDITED, "b.txt")], Settings(db_url=url))
    assert (summary.processed, summary.copies) == (0, 1)
    assert stored(url)[1] == [(content_id(STORY), content_id(EDITED), "b.txt")]
    from eventscope.store.merge import select_merged_events

    with Store.open(url) as store:
        (merged,) = select_merged_events(store.engine)
    assert (merged.event_type, merged.articles, merged.sources) == ("ASSAULT", 1, 2)


def test_a_store_from_before_revision_0008_is_indexed(tmp_path, monkeypatch):
    from eventscope import workflow

    monkeypatch.setattr(workflow, "Pipeline", NoParse)
    check_a_store_from_before_0008_is_indexed(f"sqlite:///{tmp_path / 'old.db'}")
