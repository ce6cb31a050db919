"""``eventscope counts``: how many events, by type, mode, actor or recipient country, dyad,
and over time (day, ISO week, month, year), with the filters of ``eventscope events``; a
table, CSV or JSON Lines, cut as listings are."""
from __future__ import annotations

import csv
import json
from typing import Optional

import click
from rich.console import Console
from rich.table import Table

from eventscope.cli.options import db_option, json_option, limit_options, report_cut, row_limit
from eventscope.cli.query import event_filter, event_filter_options, open_store

BY = ("day", "week", "month", "year", "type", "mode", "actor-country", "recipient-country",
      "dyad")


def count_keys(by: tuple[str, ...], dyad: bool) -> tuple[str, ...]:
    """The store's count keys for ``--by`` values (``dyad`` is actor and recipient country)."""
    keys: list[str] = []
    for value in by + (("dyad",) if dyad else ()):
        names = ("actor-country", "recipient-country") if value == "dyad" else (value,)
        keys += [name.replace("-", "_") for name in names]
    return tuple(dict.fromkeys(keys or ["month"]))


@click.command()
@db_option
@click.option("--by", "by", type=click.Choice(BY, case_sensitive=False), multiple=True,
              help="Count by this (repeat for groups of several; default month).")
@click.option("--dyad", is_flag=True, help="Also by actor and recipient country (--by dyad).")
@event_filter_options
@limit_options
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV, not a table.")
@click.pass_obj
def counts(settings, db_url, by, dyad, limit, offset, all_rows, as_json, as_csv,
           **filters) -> None:
    """Count stored events by type, mode, country, dyad or over time (day, week, month, year)."""
    if as_json and as_csv:
        raise click.BadParameter("cannot be used with --json", param_hint="--csv")
    keys = count_keys(tuple(b.lower() for b in by), dyad)
    f = event_filter(row_limit(limit, all_rows, as_json or as_csv), offset, **filters)
    with open_store(settings, db_url) as store:
        found = store.counts(f, keys)
    if as_json:
        out = click.get_text_stream("stdout")
        for row in found.rows:
            out.write(json.dumps({**dict(zip(keys, row.key)), "events": row.events}) + "\n")
    elif as_csv:
        writer = csv.writer(click.get_text_stream("stdout"), lineterminator="\n")
        writer.writerow(keys + ("events",))
        writer.writerows(tuple(v or "" for v in row.key) + (row.events,) for row in found.rows)
    else:
        _table(found, keys)
    report_cut(len(found.rows), found.groups, offset, "counts")


def _table(found, keys) -> None:
    table = Table(title=f"events ({found.events}) by {', '.join(keys)}")
    for key in keys:
        table.add_column(key.replace("_", " "), no_wrap=True)
    table.add_column("events", justify="right", no_wrap=True)
    for row in found.rows:
        table.add_row(*(_cell(v) for v in row.key), str(row.events))
    Console(highlight=False).print(table)


def _cell(value: Optional[str]) -> str:
    return "—" if value is None else value
