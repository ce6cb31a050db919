"""Helper for the store's kill test: write synthetic ArticleResults in batches, resumably.

    python tests/store_interrupt_worker.py DB_URL ARTICLES BATCH_SIZE [STALL_AT_BATCH]

Like ``eventscope ingest``, each batch asks the store which articles are still pending and
writes only those, in one transaction; after each commit it prints ``committed N W`` (articles
seen, articles written) so the test can kill it mid-run. With STALL_AT_BATCH, the write of that
batch (0-based) prints ``stalled`` and sleeps halfway through its transaction, after some rows
are in, so a kill is sure to land inside the transaction. No spaCy model: the records are built
by hand, deterministically from the article number, so the test can rebuild what every stored
article must look like.
"""
from __future__ import annotations

import sys
import time

from eventscope.records import (
    Actor, Article, ArticleResult, DateExpr, Entity, Event, PipelineInfo, Place, Quote, Span,
    StageInfo, content_id,
)

STAGES = tuple(StageInfo(n, 1) for n in ("nlp", "entities", "quotes", "dates", "places", "events"))
LABELS = [s.label for s in STAGES[1:]]
INFO = PipelineInfo(STAGES, "synthetic", "0")
SENTENCE = "Délégation {n} of Armenia accused Azerbaijan in Yerevan on 6 July 2023. "


def _span(text: str, word: str, after: int = 0) -> Span:
    start = text.index(word, after)
    return Span(start, start + len(word), word)


def synthetic_result(n: int) -> ArticleResult:
    """Article number ``n``: (n % 4) + 1 sentences, one record of each kind per sentence."""
    text = "".join(SENTENCE.format(n=f"{n}.{i}") for i in range(n % 4 + 1))
    article = Article(id=content_id("synthetic", n), text=text, title=f"Synthetic {n}",
                      published="2023-07-06", source=f"synthetic:{n}")
    found: dict[str, list] = {name: [] for name in ("entities", "quotes", "dates", "places",
                                                    "events")}
    offset = 0
    for i in range(n % 4 + 1):
        arm, aze = _span(text, "Armenia", offset), _span(text, "Azerbaijan", offset)
        city, day = _span(text, "Yerevan", offset), _span(text, "6 July 2023", offset)
        sentence = Span(offset, day.end + 1, text[offset:day.end + 1])
        found["entities"].append(Entity(content_id(n, i, "e"), arm.start, arm.end, arm.text, "GPE",
                                        "c1", "Armenia", country="ARM"))
        found["quotes"].append(Quote(content_id(n, i, "q"), "indirect", content=sentence,
                                     speaker=arm, speaker_name="Armenia", speaker_country="ARM"))
        found["dates"].append(DateExpr(content_id(n, i, "d"), day.start, day.end, day.text,
                                       value="2023-07-06"))
        place = Place(content_id(n, i, "p"), city.start, city.end, city.text, name="Yerevan",
                      geonameid=616052, lat=40.18, lon=44.51, country="ARM", feature="city")
        found["places"].append(place)
        found["events"].append(Event(
            content_id(n, i, "v"), "ACCUSE", _span(text, "accused", offset), sentence,
            sentence.text, actor=(Actor(arm.start, arm.end, arm.text, "ARM", "GOV", "ARMGOV"),),
            recipient=(Actor(aze.start, aze.end, aze.text, "AZE"),), date="2023-07-06",
            event_loc=place, cameo="112"))
        offset = sentence.end + 1
    return ArticleResult(article=article, pipeline=INFO,
                         **{name: tuple(records) for name, records in found.items()})


def stall_inside(engine, should_stall) -> None:
    """Sleep before the first events insert of a batch for which ``should_stall()`` is true."""
    from sqlalchemy import event

    def before_execute(_conn, _cursor, statement, *_args) -> None:
        if should_stall() and statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            print("stalled", flush=True)
            time.sleep(60)

    event.listen(engine, "before_cursor_execute", before_execute)


def check_stored(url: str, total: int) -> list[str]:
    """Ids of the stored articles, after checking that each is stored once, whole (every stage
    and every record), and exactly as written; no record outlives its article."""
    from sqlalchemy import text

    from eventscope.store import Store

    expected = {synthetic_result(n).article.id: n for n in range(total)}
    with Store.open(url) as store, store.engine.connect() as connection:
        ids = store.article_ids()
        assert len(ids) == len(set(ids)) and set(ids) <= set(expected)
        stages = dict(connection.execute(text(
            "SELECT article_id, COUNT(*) FROM article_stages GROUP BY article_id")).all())
        assert stages == {i: len(LABELS) for i in ids}
        for article_id in ids:
            assert store.get(article_id) == synthetic_result(expected[article_id])
        counts = {name: connection.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar()
                  for name in ("entities", "quotes", "dates", "places", "events")}
    sentences = sum(expected[i] % 4 + 1 for i in ids)  # one record of each kind per sentence
    assert counts == dict.fromkeys(counts, sentences), counts
    return ids


def main(url: str, total: int, batch_size: int, stall_at: int = -1) -> None:
    from eventscope.store import Store

    with Store.open(url) as store:
        current = {"batch": 0}
        stall_inside(store.engine, lambda: current["batch"] == stall_at)
        for number, first in enumerate(range(0, total, batch_size)):
            current["batch"] = number
            batch = [synthetic_result(n) for n in range(first, min(first + batch_size, total))]
            pending = store.pending([r.article.id for r in batch], LABELS)
            summary = store.write([r for r in batch if r.article.id in pending])
            print(f"committed {first + len(batch)} {summary.written}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], *(int(arg) for arg in sys.argv[2:]))
