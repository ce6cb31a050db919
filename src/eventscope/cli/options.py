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
    """Rows as JSON Lines, or as a table whose cells are ``getter(row)``, its columns fitted
    to the terminal (see :func:`fit_widths`)."""
    rows = list(rows)
    if as_json:
        out = click.get_text_stream("stdout")
        for row in rows:
            out.write(json.dumps(to_json(row), ensure_ascii=False) + "\n")
        return
    console = Console(highlight=False)
    cells = [[_cell(column[1](row)) for column in columns] for row in rows]
    options = [{"overflow": "fold", **(rest[1] if len(rest) > 1 else {})} for _, *rest in columns]
    natural = [max([len(name)] + [len(line) for row in cells for line in row[i].splitlines()])
               for i, (name, *_) in enumerate(columns)]
    natural = [min(n, o.get("max_width") or n) for n, o in zip(natural, options)]
    kept = fitting_columns(natural, options, console.width)
    widths = fit_widths([natural[i] for i in kept], [options[i] for i in kept], console.width)
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for i, width in zip(kept, widths):
        option = {k: v for k, v in options[i].items() if k not in ("max_width", "min_width", "drop")}
        table.add_column(columns[i][0], **option, width=width)
    for row in cells:
        table.add_row(*(row[i] for i in kept))
    console.print(table)


WRAP_MIN = 10  # a column of names wraps between words down to this width


def _narrowest(natural: int, option: dict) -> int:
    """A column's narrowest width with its padding and border."""
    if option.get("overflow") == "ellipsis":
        return min(natural, option.get("min_width") or 8) + 3
    return (natural if option.get("no_wrap") else min(natural, WRAP_MIN)) + 3


def fitting_columns(natural: Sequence[int], options: Sequence[dict], total: int) -> list[int]:
    """The indexes of the columns to show: without those marked ``drop`` (1 first, then 2...)
    that a terminal of ``total`` characters has no room for at their narrowest."""
    kept = list(range(len(natural)))
    droppable = sorted((i for i in kept if options[i].get("drop")), key=lambda i: options[i]["drop"])
    while droppable and sum(_narrowest(natural[i], options[i]) for i in kept) + 1 > total:
        kept.remove(droppable.pop(0))
    return kept


def fit_widths(natural: Sequence[int], options: Sequence[dict], total: int) -> list[int]:
    """Column widths that fit ``total`` characters with a table's borders and padding.

    Columns that never wrap (codes, dates, ids) keep their width; one-line columns (cut with
    "…") give up width first, down to their ``min_width``, then columns that wrap between
    words, down to ten characters. What still does not fit is left for the terminal to wrap.
    """
    widths = list(natural)
    excess = sum(widths) + 3 * len(widths) + 1 - total
    cut = [i for i, o in enumerate(options) if o.get("overflow") == "ellipsis"]
    wrap = [i for i, o in enumerate(options) if not o.get("no_wrap")]
    for group, floor in ((cut, lambda i: options[i].get("min_width") or 8), (wrap, lambda i: WRAP_MIN)):
        if excess <= 0:
            break
        spare = {i: max(widths[i] - floor(i), 0) for i in group}
        available = sum(spare.values())
        take = min(excess, available)
        for i in group:
            share = take * spare[i] // available if available else 0
            widths[i] -= share
            excess -= share
        for i in sorted(group, key=lambda i: -widths[i]):  # the remainder of the shares
            if excess > 0 and widths[i] > floor(i):
                widths[i] -= 1
                excess -= 1
    return widths


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
