"""Options and output helpers shared by the CLI commands."""
from __future__ import annotations

import json
from pathlib import Path
import sys
from typing import Any, Iterable, Optional, Sequence

import click
from rich.console import Console
from rich.table import Table

from eventscope.records import to_json
from eventscope.store.filters import MAX_ROWS

err = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db", "db_url", default=None, metavar="PATH|URL",
    help="SQLite file path or database URL (setting: db_url).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Exit with status 2 if any input was skipped."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, not a table.")
DEFAULT_LIMIT = 50  # rows of a table unless --limit or --all says otherwise


def limit_options(command):
    """``--limit``, ``--offset`` and ``--all``: how much of a listing to show.

    A table shows the first 50 rows by default; ``--json`` prints every row unless ``--limit``
    or ``--offset`` is given. Whenever rows are left out, a line on stderr says how many.
    """
    command = click.option("--all", "all_rows", is_flag=True,
                           help="Every matching row (a table shows 50 by default).")(command)
    command = click.option("--offset", type=click.IntRange(min=0, max=MAX_ROWS), default=0,
                           show_default=True,
                           help="Skip this many rows first.")(command)
    return click.option("--limit", type=click.IntRange(min=1, max=MAX_ROWS), default=None,
                        help=f"At most this many rows (default: {DEFAULT_LIMIT} in a table, "
                             "all with --json).")(command)


def row_limit(limit: Optional[int], all_rows: bool, as_json: bool) -> Optional[int]:
    """The number of rows to fetch (None: all) for the options given."""
    if all_rows and limit is not None:
        raise click.BadParameter("cannot be used with --all", param_hint="--limit")
    if all_rows or (as_json and limit is None):
        return None
    return limit or DEFAULT_LIMIT


def report_cut(shown: int, total: int, offset: int, noun: str) -> None:
    """One line on stderr when a listing leaves rows out: ``showing 50 of 312 events; ...``."""
    if shown + offset >= total and offset == 0:
        return
    where = f" (rows {offset + 1}-{offset + shown})" if offset and shown else ""
    click.echo(f"showing {shown} of {total} {noun}{where}; use --limit, --offset or --all",
               err=True)


def database_url(db_url: Optional[str], default: str) -> str:
    """``--db`` (or the db_url setting) as a URL: a plain path is a SQLite file."""
    from eventscope.store.engine import as_url

    return as_url(db_url or default)
date_from_option = click.option("--from", "date_from", default=None, metavar="DATE",
                                help="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")
date_to_option = click.option("--to", "date_to", default=None, metavar="DATE",
                              help="On or before this date: YYYY, YYYY-MM or YYYY-MM-DD (a month or year covers all its days).")


def text_option(command):
    """``--text`` (a literal, case-insensitive substring) and ``--like`` (read it as a LIKE
    pattern instead: ``%`` any run of characters, ``_`` one character)."""
    command = click.option("--like", is_flag=True,
                           help="Read --text as a pattern: % any characters, _ one.")(command)
    return click.option("--text", default=None,
                        help="Case-insensitive text search; % and _ are literal unless --like.")(command)


def print_rows(rows: Iterable[Any], as_json: bool, columns: Sequence[tuple[str, Any]],
               title: str) -> None:
    """Rows as JSON Lines, or as a table whose cells are ``getter(row)``."""
    rows = list(rows)
    if as_json:
        out = click.get_text_stream("stdout")
        for row in rows:
            out.write(json.dumps(to_json(row), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for name, *rest in columns:
        options = {"overflow": "fold", **(rest[1] if len(rest) > 1 else {})}
        table.add_column(name, **options)
    for row in rows:
        table.add_row(*(_cell(column[1](row)) for column in columns))
    Console(highlight=False).print(table)


def _cell(value: Optional[Any]) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def source_ref(source: Optional[str], offset: Optional[int] = None) -> str:
    """A record's source as ``path@offset``, the path relative to here when it lies below."""
    if not source:
        return ""
    try:
        path = Path(source).resolve()
        source = str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else source
    except (OSError, ValueError):
        pass
    return source if offset is None else f"{source}@{offset}"


def shorten(text: Optional[str], width: int = 90) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def fail(message: str) -> None:
    click.echo(f"eventscope: error: {message}", err=True)
    sys.exit(1)
