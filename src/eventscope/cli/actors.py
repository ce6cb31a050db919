"""``eventscope actors``: the people and organisations stored articles name, the codes the
store has for them and the words that gave them; ``--dictionary`` writes what articles stated
about persons as an actor dictionary."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from eventscope.cli.choices import ACTOR_LABEL, CODE_SOURCE, COUNTRY, SECTOR
from eventscope.cli.options import (
    db_option, err, json_option, limit_options, row_limit, shorten,
)
from eventscope.cli.query import NO_WRAP, list_rows, open_store
from eventscope.errors import InputError



def _dates(row) -> str:
    if row.first is None:
        return ""
    return row.first if row.first == row.last else f"{row.first} – {row.last}"  # wraps as one


ACTOR_COLUMNS = (
    ("name", lambda r: r.name),
    ("label", lambda r: r.label),
    ("code", lambda r: r.code, NO_WRAP),
    ("source", lambda r: r.source),
    ("evidence", lambda r: shorten(r.evidence, 50)),
    ("articles", lambda r: r.articles, {"justify": "right"}),
    ("first–last", _dates),
)


@click.command()
@click.argument("name", required=False)
@db_option
@click.option("--country", type=COUNTRY, default=None,
              help="Actor country: ISO3 code, country name or demonym.")
@click.option("--sector", type=SECTOR, default=None, help="Sector code, e.g. GOV, MIL, REB.")
@click.option("--source", type=CODE_SOURCE, default=None,
              help="Where the codes came from: description, dictionary, spelling, surname.")
@click.option("--label", type=ACTOR_LABEL, default=None,
              help="PERSON or ORG only (default: both).")
@click.option("--dictionary", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="Write the roles articles stated for persons to FILE as a "
                                   "PETRARCH actor dictionary, instead of listing.")
@limit_options
@json_option
@click.pass_obj
def actors(settings, name, db_url, country, sector, source, label, dictionary, limit, offset,
           all_rows, as_json) -> None:
    """List what the store knows of the people and organisations NAME (a full name, a
    surname or part of a name, titles and accents ignored) or all stored articles name, and
    why: the codes, where they came from, the article's words that gave them."""
    from eventscope.store import ActorFilter

    if dictionary is not None:
        _check_dictionary_options(source, label, limit, offset, all_rows, as_json)
        f = ActorFilter(name=name, country=country, sector=sector)
        write_dictionary(settings, db_url, f, dictionary)
        return
    f = ActorFilter(name=name, country=country, sector=sector, source=source, label=label,
                    limit=row_limit(limit, all_rows, as_json), offset=offset)
    list_rows(settings, db_url, f, lambda store, f: store.actors(f), as_json, ACTOR_COLUMNS,
              "actors")


def _check_dictionary_options(source, label, limit, offset, all_rows, as_json) -> None:
    if source not in (None, "description") or label not in (None, "PERSON"):
        raise click.UsageError("--dictionary writes persons coded from their descriptions: "
                               "--source and --label cannot ask for others")
    if limit is not None or offset or all_rows or as_json:
        raise click.UsageError("--dictionary writes every matching person: --limit, --offset, "
                               "--all and --json do not apply")


def write_dictionary(settings, db_url: Optional[str], f, path: Path) -> None:
    """The learned roles to ``path``, and one line on stderr saying how many and where."""
    with open_store(settings, db_url) as store:
        try:
            summary = store.write_actor_dictionary(path, f)
        except OSError as exc:
            raise InputError(f"cannot write actor dictionary {path}: "
                             f"{exc.strerror or exc}") from None
    left = f"; left out {summary.skipped} (one-word names or no country)" if summary.skipped else ""
    entries = "entry" if summary.entries == 1 else "entries"
    err.print(f"wrote {summary.entries} actor dictionary {entries} ({summary.roles} role(s)) "
              f"to {summary.path}{left}", markup=False, soft_wrap=True)
