"""One event, many reports: stored events grouped by type, dyad, place and a date window."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from eventscope.records import (
    Actor, Article, ArticleResult, Event, Place, Span, StageInfo, content_id,
)
from eventscope.settings import Settings
from eventscope.store import Store
from eventscope.store.copies import write_copies
from eventscope.ingest.dedup import Copy
from eventscope.store.merge import refresh_merged_events, select_merged_events

from test_store import INFO


def event(event_type="ASSAULT", actor="RUSMIL", recipient="UKR", place=(703448, "Kyiv"),
          date=None, start=0):
    text = f"{event_type} {actor} {recipient} {start}"
    span = Span(start, start + 5, text[:5])
    loc = Place("p", 0, 4, place[1], geonameid=place[0], name=place[1]) if place else None
    actors = (Actor(0, 1, "a", country=actor[:3], code=actor),) if actor else ()
    recipients = (Actor(0, 1, "r", country=recipient[:3], code=recipient),) if recipient else ()
    return Event(id=content_id(text), event_type=event_type, trigger=span, sentence=span,
                 event_text=text, actor=actors, recipient=recipients, event_loc=loc, date=date)


def report(name, published, *events, url=None):
    text = f"Report {name} of {published}."
    article = Article(id=content_id(text), text=text, published=published, source=f"{name}.txt",
                      url=url)
    return ArticleResult(article=article, pipeline=INFO, events=tuple(events))


def merged(results, **settings):
    with Store.open("sqlite://") as store:
        store.write(results)
        refresh_merged_events(store.engine, Settings(**settings))
        return [(m.event_type, len(m.mentions), m.articles, m.sources)
                for m in select_merged_events(store.engine)]


def test_reports_of_one_event_by_several_outlets_become_one_merged_event():
    results = [report("a", "2024-03-01", event(start=3), url="https://www.one.example/x"),
               report("b", "2024-03-02", event(start=7), url="https://two.example/y"),
               report("c", "2024-03-02", event(start=9), url="https://one.example/z")]
    with Store.open("sqlite://") as store:
        store.write(results)
        assert refresh_merged_events(store.engine, Settings()) == 1
        (found,) = select_merged_events(store.engine)
    assert (found.event_type, found.actors, found.recipients, found.place) == (
        "ASSAULT", "RUSMIL", "UKR", "geonames:703448")
    assert (found.date_first, found.date_last, found.articles, found.sources) == (
        "2024-03-01", "2024-03-02", 3, 2)  # one.example twice: two distinct sources
    assert sorted((m.article_id, m.start) for m in found.mentions) == sorted(
        (r.article.id, r.events[0].trigger.start) for r in results)


@pytest.mark.parametrize("second", [
    event(event_type="PROTEST"),  # another type
    event(recipient="BLR"),  # another dyad
    event(actor="UKRMIL", recipient="RUS"),  # the dyad reversed
    event(place=(706483, "Kharkiv")),  # another place
    event(date="2024-03-09"),  # outside the window
])
def test_events_differing_in_a_key_or_far_apart_stay_apart(second):
    found = merged([report("a", "2024-03-01", event()), report("b", "2024-03-01", second)])
    assert sorted(found) == sorted([("ASSAULT", 1, 1, 1), (second.event_type, 1, 1, 1)])


def test_the_window_is_counted_from_the_first_report():
    results = [report(n, d, event()) for n, d in
               (("a", "2024-03-01"), ("b", "2024-03-03"), ("c", "2024-03-05"))]
    assert sorted(merged(results)) == [("ASSAULT", 1, 1, 1), ("ASSAULT", 2, 2, 2)]
    assert merged(results, merge_window_days=4) == [("ASSAULT", 3, 3, 3)]


def test_the_rule_is_a_setting():
    results = [report("a", "2024-03-01", event()),
               report("b", "2024-03-01", event(place=(706483, "Kharkiv")))]
    assert len(merged(results)) == 2
    assert merged(results, merge_keys=("type", "dyad")) == [("ASSAULT", 2, 2, 2)]


def test_events_without_parties_or_dates_are_never_merged():
    results = [report("a", "2024-03-01", event(actor=None, recipient=None)),
               report("b", "2024-03-01", event(actor=None, recipient=None)),
               report("c", None, event()), report("d", None, event())]
    assert merged(results) == [("ASSAULT", 1, 1, 1)] * 4


def test_near_duplicate_copies_count_as_sources():
    first = report("a", "2024-03-01", event(), url="https://one.example/1")
    with Store.open("sqlite://") as store:
        store.write([first])
        write_copies(store.engine, [Copy(first.article.id, "f" * 32, 0.9, "x.html",
                                         "https://three.example/1")])
        refresh_merged_events(store.engine, Settings())
        (found,) = select_merged_events(store.engine)
    assert (found.articles, found.sources) == (1, 2)


def test_refreshing_again_gives_the_same_ids_and_rows():
    results = [report("a", "2024-03-01", event()), report("b", "2024-03-02", event())]
    with Store.open("sqlite://") as store:
        store.write(results)
        refresh_merged_events(store.engine, Settings())
        before = select_merged_events(store.engine)
        refresh_merged_events(store.engine, Settings())
        assert select_merged_events(store.engine) == before


def test_unknown_merge_keys_are_a_settings_error():
    from eventscope.errors import SettingsError

    with pytest.raises(SettingsError, match="merge_keys: unknown key"):
        Settings(merge_keys=("type", "weather"))


def test_merged_on_the_command_line_prints_json_lines(tmp_path):
    import json

    from click.testing import CliRunner

    from eventscope.cli.main import cli

    db = f"sqlite:///{tmp_path / 'm.db'}"
    with Store.open(db) as store:
        store.write([report("a", "2024-03-01", event(), url="https://one.example/1"),
                     report("b", "2024-03-02", event(), url="https://two.example/1"),
                     report("c", "2024-03-02", event(event_type="PROTEST"))])
        refresh_merged_events(store.engine, Settings())
    result = CliRunner().invoke(cli, ["merged", "--db", db, "--json", "--min-sources", "2"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    found = json.loads(line)
    assert (found["event_type"], found["sources"], len(found["mentions"])) == ("ASSAULT", 2, 2)


# --- incremental updates ------------------------------------------------------------------------

def snapshot(store):
    return sorted((m.id, m.event_type, m.actors, m.recipients, m.place, m.date_first, m.date_last,
                   m.mentions, m.articles, m.sources) for m in select_merged_events(store.engine))


def incremental_equals_full(runs, settings=Settings(), copies=(), url="sqlite://"):
    """Write ``runs`` (lists of results) one after another, updating after each; True if the
    merged events are then those a full recompute makes. ``copies``: (run, Copy) pairs."""
    from eventscope.store.merge_update import update_merged_events

    with Store.open(url) as store:
        updates = []
        for n, results in enumerate(runs):
            store.write(results)
            write_copies(store.engine, [c for at, c in copies if at == n])
            updates.append(update_merged_events(store.engine, settings))
        incremental = snapshot(store)
        refresh_merged_events(store.engine, settings)
        return incremental == snapshot(store), incremental, updates


def test_an_update_recomputes_only_the_groups_new_events_touch():
    day = [f"2024-03-{d:02d}" for d in range(1, 20)]
    runs = [[report("a", day[0], event()), report("b", day[0], event(event_type="PROTEST")),
             report("c", day[6], event()), report("d", day[12], event())],
            [report("e", day[7], event())],  # joins c's group; a's and d's stay
            [report("f", day[1], event(place=(706483, "Kharkiv")))]]  # a new key
    same, found, updates = incremental_equals_full(runs)
    assert same
    assert [(u.articles, u.recomputed, u.full) for u in updates] == [
        (4, 0, True), (1, 2, False), (1, 0, False)]  # c's group and d's (after it) redone
    assert sorted((m[1], m[4], m[5], len(m[7])) for m in found) == [
        ("ASSAULT", "geonames:703448", "2024-03-01", 1),
        ("ASSAULT", "geonames:703448", "2024-03-07", 2),
        ("ASSAULT", "geonames:703448", "2024-03-13", 1),
        ("ASSAULT", "geonames:706483", "2024-03-02", 1), ("PROTEST", "geonames:703448",
                                                          "2024-03-01", 1)]


def test_an_event_that_bridges_two_groups_moves_the_later_windows():
    runs = [[report("a", "2024-03-01", event()), report("c", "2024-03-04", event()),
             report("d", "2024-03-06", event())],
            [report("b", "2024-03-03", event())]]  # a+b, then c starts afresh with d
    same, found, _ = incremental_equals_full(runs)
    assert same and sorted((m[5], len(m[7])) for m in found) == [
        ("2024-03-01", 2), ("2024-03-04", 2)]


def test_reprocessed_articles_and_late_copies_update_their_groups():
    first = report("a", "2024-03-01", event(), url="https://one.example/1")
    second = report("b", "2024-03-02", event(), url="https://two.example/1")
    stages = tuple(StageInfo(s.name, 2 if s.name == "events" else s.version)
                   for s in first.pipeline.stages)
    redone = replace(first, pipeline=replace(first.pipeline, stages=stages),
                     events=(event(event_type="PROTEST"),))
    copy = Copy(second.article.id, "f" * 32, 0.9, "x.html", "https://three.example/1")
    same, found, _ = incremental_equals_full([[first, second], [redone], []],
                                             copies=[(2, copy)])
    assert same and sorted((m[1], m[8], m[9]) for m in found) == [
        ("ASSAULT", 1, 2), ("PROTEST", 1, 1)]


def test_another_rule_recomputes_everything():
    from eventscope.store.merge_update import update_merged_events

    results = [report("a", "2024-03-01", event()), report("b", "2024-03-04", event())]
    with Store.open("sqlite://") as store:
        store.write(results)
        assert update_merged_events(store.engine, Settings()).full
        assert len(snapshot(store)) == 2
        update = update_merged_events(store.engine, Settings(merge_window_days=4))
        assert (update.full, len(snapshot(store))) == (True, 1)
        assert not update_merged_events(store.engine, Settings(merge_window_days=4)).full


EVENTS = st.builds(
    lambda kind, actor, place, day: (kind, actor, place, day),
    st.sampled_from(["ASSAULT", "PROTEST"]), st.sampled_from(["RUSMIL", "UKRMIL", None]),
    st.sampled_from([(703448, "Kyiv"), (706483, "Kharkiv"), None]), st.integers(1, 12))


@hsettings(max_examples=40, deadline=None)
@given(st.lists(st.lists(EVENTS, min_size=0, max_size=5), min_size=1, max_size=5),
       st.integers(0, 3))
def test_incremental_updates_equal_a_full_recompute(runs, window):
    built, n = [], 0
    for run in runs:
        results = []
        for kind, actor, place, day in run:
            n += 1
            results.append(report(f"r{n}", f"2024-05-{day:02d}",
                                  event(kind, actor, "UKR", place, start=n)))
        built.append(results)
    same, _, _ = incremental_equals_full(built, Settings(merge_window_days=window))
    assert same
