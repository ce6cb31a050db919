"""``eventscope watch`` (feeds into the store) and ``eventscope merged`` (one event, many
reports): thin layers over :mod:`eventscope.streams` and :mod:`eventscope.store.merge`."""
from __future__ import annotations

import click

from eventscope.cli.choices import EVENT_TYPE
from eventscope.cli.options import (
    database_url, db_option, json_option, print_rows, shorten, strict_option,
)
from eventscope.settings import Settings


def report_poll(summary) -> None:
    """One line per poll on stderr, plus one per feed that could not be read."""
    for line in summary.feed_errors:
        click.echo(line, err=True)
    run = summary.run
    click.echo(
        f"polled {summary.feeds} feed(s): {summary.items} item(s), {summary.new} new, "
        f"{summary.fetched} request(s); stored {run.stored} article(s), "
        f"{run.copies} near-duplicate copies, {len(run.skipped)} skipped "
        f"({summary.refused} refused), {summary.retry} to retry",
        err=True,
    )


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, metavar="INTERVAL",
              help="Time between polls: 30s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@db_option
@strict_option
@click.pass_obj
def watch(settings: Settings, feeds, every: str, once: bool, db_url, strict: bool) -> None:
    """Poll RSS/Atom FEEDS (files or URLs) and ingest the articles of new items.

    Only items no earlier poll has seen are fetched; pages are fetched politely (user_agent,
    fetch_timeout, fetch_max_bytes, fetch_delay, obey_robots settings).
    """
    from eventscope.cli.main import report_skip
    from eventscope.streams import parse_interval, watch as run_watch

    seconds = parse_interval(every)
    settings = settings.replace(db_url=database_url(db_url, settings.db_url),
                                strict=strict or settings.strict)
    skipped = []

    def on_poll(summary) -> None:
        report_poll(summary)
        skipped.extend(summary.run.skipped)

    run_watch(feeds, settings, seconds, polls=1 if once else None, on_poll=on_poll,
              on_skip=report_skip)
    if settings.strict and skipped:
        click.echo(f"--strict: {len(skipped)} input(s) skipped", err=True)
        raise SystemExit(2)


MERGED_COLUMNS = (
    ("type", lambda m: m.event_type),
    ("actors", lambda m: m.actors),
    ("recipients", lambda m: m.recipients),
    ("place", lambda m: m.place),
    ("first", lambda m: m.date_first),
    ("last", lambda m: m.date_last),
    ("mentions", lambda m: len(m.mentions)),
    ("articles", lambda m: m.articles),
    ("sources", lambda m: m.sources),
    ("id", lambda m: shorten(m.id, 12)),
)


@click.command()
@db_option
@click.option("--type", "event_type", type=EVENT_TYPE, default=None,
              help="PLOVER event type, e.g. ASSAULT.")
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only merged events reported by at least this many sources.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@json_option
@click.pass_obj
def merged(settings: Settings, db_url, event_type, min_sources: int, limit: int,
           as_json: bool) -> None:
    """Merged events: one per real event, with every mention (article and span) and counts."""
    from eventscope.cli.query import open_store
    from eventscope.store.merge import select_merged_events

    with open_store(settings, db_url) as store:
        rows = select_merged_events(store.engine, event_type, min_sources, limit)
    print_rows(rows, as_json, MERGED_COLUMNS, "merged events")
