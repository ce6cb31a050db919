"""Commands that read the store: events, quotes, articles, export, stats, and the demo."""
from __future__ import annotations

import json
import sys
from typing import Optional

import click
from rich.console import Console

from eventscope.cli.choices import COUNTRY, EVENT_TYPE, MODE, SECTOR
from eventscope.cli.options import (
    database_url, date_from_option, date_to_option, db_option, err, json_option, limit_options,
    print_rows, report_cut, row_limit, shorten, source_ref, text_option,
)
from eventscope.records import to_json
from eventscope.settings import Settings


def open_store(settings: Settings, db_url: Optional[str]):
    """The store to read; a database that does not exist is an error, never created empty."""
    from eventscope.store import Store

    return Store.open(database_url(db_url, settings.db_url), create=False)


def list_rows(settings, db_url, f, fetch, as_json, columns, noun) -> None:
    """The rows ``fetch(store, f)`` gives, and a line on stderr if ``f`` left some out."""
    with open_store(settings, db_url) as store:
        rows = fetch(store, f)
        cut = f.offset or (f.limit is not None and len(rows) == f.limit)
        total = store.count(f) if cut else len(rows)
    print_rows(rows, as_json, columns, noun)
    report_cut(len(rows), total, f.offset, noun)


def _actors(actors) -> str:
    return "; ".join(
        f"{a.name or a.text}" + (f" [{a.code or a.country}]" if (a.code or a.country) else "")
        for a in actors
    )


# A column: (header, cell getter[, rich column options]). Codes, dates and ids never wrap;
# names wrap between words; a quote, an event's text and a title keep to one line, cut with
# "…" to what the terminal leaves them, so a row stays a line or two at any width.
NO_WRAP = {"no_wrap": True}
ONE_LINE = {"no_wrap": True, "overflow": "ellipsis", "min_width": 12, "max_width": 60}
TITLE = {**ONE_LINE, "max_width": 40}


def _type(event) -> str:
    return event.event_type + (f"/{event.mode}" if event.mode else "")


def _title(row) -> str:
    """The article's title, else its file name (a title names an article better than a path)."""
    if row.title:
        return row.title
    return source_ref(row.source).rsplit("/", 1)[-1] if row.source else ""


def _date(event) -> str:
    date = event.date or ""
    return date if event.modality == "asserted" else f"{date} ({event.modality})".strip()


EVENT_COLUMNS = (
    ("type", lambda r: _type(r.event), NO_WRAP),
    ("trigger", lambda r: r.event.trigger.text, NO_WRAP),
    ("actor", lambda r: _actors(r.event.actor)),
    ("recipient", lambda r: _actors(r.event.recipient)),
    ("date", lambda r: _date(r.event)),
    ("text", lambda r: shorten(r.event.event_text, 200), {**ONE_LINE, "drop": 1}),
    ("article", _title, {**TITLE, "drop": 2}),
    ("id", lambda r: r.article_id[:8], NO_WRAP),
)
QUOTE_COLUMNS = (
    ("speaker", lambda r: r.quote.speaker_name or (r.quote.speaker.text if r.quote.speaker else "?")),
    ("kind", lambda r: r.quote.kind, NO_WRAP),
    ("quote", lambda r: shorten(r.quote.content.text, 200), ONE_LINE),
    ("published", lambda r: r.published, NO_WRAP),
    ("article", _title, {**TITLE, "drop": 1}),
    ("id", lambda r: r.article_id[:8], NO_WRAP),
)
ARTICLE_COLUMNS = (
    ("id", lambda r: r.article.id if hasattr(r, "article") else r.id, NO_WRAP),
    ("published", lambda r: r.published, NO_WRAP),
    ("title", lambda r: shorten(r.title, 200), {**ONE_LINE, "max_width": 70}),
    ("events", lambda r: getattr(r, "events", None), {"justify": "right", "no_wrap": True}),
    ("quotes", lambda r: getattr(r, "quotes", None), {"justify": "right", "no_wrap": True}),
    ("source", lambda r: source_ref(r.source), {**TITLE, "drop": 1}),
)


def event_filter_options(command):
    """The options that filter events (``events``, ``counts``): parties, codes, dates, text."""
    for option in reversed((
        click.option("--actor", default=None,
                     help="Actor by any name (accents, titles aside; a surname will do) or code."),
        click.option("--recipient", default=None,
                     help="Recipient by any name (accents, titles aside; a surname will do) or "
                          "code."),
        click.option("--country", type=COUNTRY, default=None,
                     help="Actor or recipient country: ISO3 code, country name or demonym."),
        click.option("--type", "event_type", type=EVENT_TYPE, default=None,
                     help="PLOVER event type, e.g. ACCUSE."),
        click.option("--mode", type=MODE, default=None, help="PLOVER mode of the type, e.g. meet."),
        click.option("--sector", type=SECTOR, default=None,
                     help="Actor or recipient sector code, e.g. GOV, MIL, REB."),
        date_from_option, date_to_option, text_option,
    )):
        command = option(command)
    return command


def event_filter(limit=None, offset=0, *, actor, recipient, country, event_type, mode, sector,
                 date_from, date_to, text, like):
    """The EventFilter of :func:`event_filter_options`' values."""
    from eventscope.store import EventFilter

    return EventFilter(actor=actor, recipient=recipient, country=country, type=event_type,
                       sector=sector, mode=mode, date_from=date_from, date_to=date_to, text=text,
                       like=like, limit=limit, offset=offset)


@click.command()
@db_option
@event_filter_options
@limit_options
@json_option
@click.pass_obj
def events(settings, db_url, limit, offset, all_rows, as_json, **filters) -> None:
    """List stored events, filtered."""
    f = event_filter(row_limit(limit, all_rows, as_json), offset, **filters)
    list_rows(settings, db_url, f, lambda store, f: store.events(f), as_json, EVENT_COLUMNS,
              "events")


@click.command()
@db_option
@click.option("--speaker", default=None,
              help="Speaker by any name (accents, titles aside; a surname will do).")
@click.option("--country", type=COUNTRY, default=None,
              help="Speaker country: ISO3 code, country name or demonym.")
@date_from_option
@date_to_option
@text_option
@limit_options
@json_option
@click.pass_obj
def quotes(settings, db_url, speaker, country, date_from, date_to, text, like, limit, offset,
           all_rows, as_json) -> None:
    """List stored quotes with their speakers, filtered."""
    from eventscope.store import QuoteFilter

    f = QuoteFilter(speaker=speaker, country=country, text=text, like=like, date_from=date_from,
                    date_to=date_to, limit=row_limit(limit, all_rows, as_json), offset=offset)
    list_rows(settings, db_url, f, lambda store, f: store.quotes(f), as_json, QUOTE_COLUMNS,
              "quotes")


@click.command()
@db_option
@date_from_option
@date_to_option
@text_option
@limit_options
@json_option
@click.pass_obj
def articles(settings, db_url, date_from, date_to, text, like, limit, offset, all_rows,
             as_json) -> None:
    """List stored articles."""
    from eventscope.store import ArticleFilter

    f = ArticleFilter(text=text, like=like, date_from=date_from, date_to=date_to,
                      limit=row_limit(limit, all_rows, as_json), offset=offset)
    list_rows(settings, db_url, f, lambda store, f: store.articles(f), as_json,
              ARTICLE_COLUMNS, "articles")


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), required=True)
@click.option("--table", type=click.Choice(["events", "quotes", "articles"]), default="events",
              show_default=True, help="Rows for csv/parquet (jsonl writes whole articles).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              show_default=True, help="Output file, - for standard output.")
@click.pass_obj
def export(settings, db_url, fmt, table, output) -> None:
    """Export the store as JSON Lines, CSV or Parquet."""
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --output FILE")
    with open_store(settings, db_url) as store:
        if output == "-":
            rows = store.export(fmt, sys.stdout.buffer, table=table)
            sys.stdout.buffer.flush()
        else:  # all or nothing: a failed export leaves no truncated file
            from eventscope.store.export import export_file

            rows = export_file(store, fmt, output, table=table)
    err.print(f"exported {rows} row(s) as {fmt}" + ("" if output == "-" else f" to {output}"),
              markup=False)


@click.command()
@db_option
@json_option
@click.pass_obj
def stats(settings, db_url, as_json) -> None:
    """Counts of what the store holds."""
    with open_store(settings, db_url) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(to_json(figures), ensure_ascii=False))
        return
    console = Console(highlight=False)
    for key, value in to_json(figures).items():
        console.print(f"[bold]{key}[/bold]: {value}")


@click.command()
@db_option
@click.option("--samples", type=click.Path(exists=True), default=None,
              help="Folder of articles to use instead of the bundled samples.")
@click.pass_obj
def demo(settings, db_url, samples) -> None:
    """Process the bundled sample articles into the database and summarise the result."""
    from eventscope.cli.demo import run_demo

    run_demo(settings.replace(db_url=database_url(db_url, settings.db_url)), samples)
