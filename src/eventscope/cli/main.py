"""The ``eventscope`` command: a thin layer over :mod:`eventscope.workflow` and the store."""
from __future__ import annotations

import json
import logging
import sys
from typing import Optional

import click
from eventscope import __version__
from eventscope.cli.options import database_url, db_option, err, strict_option  # noqa: F401
from eventscope.cli.progress import progress_bar
from eventscope.errors import EventscopeError, environment_line
from eventscope.records import to_json
from eventscope.settings import Settings


class OneLineFormatter(logging.Formatter):
    """Log records as one line each: a library's traceback (SQLAlchemy logs one when a
    connection is returned during Ctrl-C) becomes the exception's type, unless ``-vv``."""

    def __init__(self, tracebacks: bool) -> None:
        super().__init__("eventscope: %(levelname)s: %(message)s")
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        if self.tracebacks or not record.exc_info:
            return super().format(record)
        exc = record.exc_info[1]
        line = logging.LogRecord(
            record.name, record.levelno, record.pathname, record.lineno,
            f"{record.getMessage()} ({type(exc).__name__})", None, None,
        )
        return super().format(line)


def _not_an_interrupt(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], KeyboardInterrupt))


class EventscopeGroup(click.Group):
    """Turns eventscope's own errors into one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except EventscopeError as exc:
            click.echo(f"eventscope: error: {exc}", err=True)
            sys.exit(1)
        except click.BadParameter as exc:  # a checked option value: one line, not the usage
            click.echo(f"eventscope: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("eventscope: interrupted; run the same command again to resume", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except Exception as exc:  # a disk, folder or database fault: one line, no traceback
            line = environment_line(exc)
            if line is None:
                raise
            click.echo(f"eventscope: error: {line}", err=True)
            sys.exit(1)


@click.group(cls=EventscopeGroup)
@click.version_option(__version__, prog_name="eventscope")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.option("--model", default=None, help="spaCy model package or path (setting: model).")
@click.pass_context
def cli(ctx: click.Context, verbose: int, model: Optional[str]) -> None:
    """eventscope: sourced event data from news text."""
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineFormatter(tracebacks=verbose >= 2))
    handler.addFilter(_not_an_interrupt)  # Ctrl-C gets its own line from EventscopeGroup
    logging.basicConfig(level=level, handlers=[handler])
    ctx.obj = Settings.from_env(model=model)


def report_skip(skip) -> None:
    click.echo(skip.message(), err=True)  # one line each, never wrapped


def finish(summary, strict: bool, action: str) -> None:
    """Closing summary on stderr; ``--strict`` turns any skip into exit status 2."""
    click.echo(
        f"{action} {summary.processed} article(s), {summary.words:,} words in "
        f"{summary.seconds:.1f} s ({summary.words_per_second:,.0f} words/s); "
        f"skipped {len(summary.skipped)} input(s); duplicates {summary.duplicates}; "
        f"articles with stage errors {summary.article_errors}",
        err=True,
    )
    if strict and summary.skipped:
        click.echo(f"--strict: {len(summary.skipped)} input(s) skipped", err=True)
        sys.exit(2)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@strict_option
@click.pass_obj
def extract(settings: Settings, paths, strict: bool) -> None:
    """Print one JSON object per article (JSON Lines) for PATHS; no database.

    PATHS are files, directories, globs, or - for standard input.
    """
    from eventscope.workflow import RunSummary, extract as run_extract

    summary = RunSummary()
    settings = settings.replace(strict=strict or settings.strict)
    out = click.get_text_stream("stdout")
    with progress_bar(err, paths, "extract") as on_progress:
        for result in run_extract(
            paths, settings, on_skip=report_skip, on_progress=on_progress, summary=summary
        ):
            out.write(json.dumps(to_json(result), ensure_ascii=False) + "\n")
    finish(summary, settings.strict, "extracted")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@strict_option
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="Run the pipeline here (local) or on Dask workers (setting: executor).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address; none starts a local cluster (dask_scheduler).")
@click.option("--processes", type=click.IntRange(min=1), default=None,
              help="Worker processes (local), or workers of a local Dask cluster (processes).")
@click.pass_obj
def ingest(settings: Settings, paths, db_url: Optional[str], strict: bool,
           executor: Optional[str], scheduler: Optional[str], processes: Optional[int]) -> None:
    """Process PATHS and store the records in the database (resumable, idempotent)."""
    from eventscope.workflow import ingest as run_ingest

    if scheduler and (executor or settings.executor) != "dask":
        raise click.BadParameter("needs --executor dask", param_hint="--scheduler")
    settings = settings.replace(db_url=database_url(db_url, settings.db_url),
                                strict=strict or settings.strict,
                                executor=executor or settings.executor,
                                dask_scheduler=scheduler or settings.dask_scheduler,
                                processes=processes or settings.processes)
    with progress_bar(err, paths, "ingest") as on_progress:
        summary = run_ingest(paths, settings, on_skip=report_skip, on_progress=on_progress)
    click.echo(
        f"stored {summary.stored} new article(s), {summary.unchanged} already stored, "
        f"in {settings.db_url}",
        err=True,
    )
    if summary.copies:
        click.echo(f"{summary.copies} near-duplicate(s) kept as copies of a processed article",
                   err=True)
    finish(summary, settings.strict, "processed")


def _register() -> None:
    from eventscope.cli import actors, counts, gazetteer, query, serve, show, watch

    for command in (query.events, query.quotes, query.articles, actors.actors, query.export,
                    query.stats, query.demo, gazetteer.gazetteer, show.show, counts.counts,
                    watch.watch, watch.merged, serve.serve):
        cli.add_command(command)
    try:
        from eventscope.cli.eval_cmd import eval_command
    except ImportError as exc:
        logging.getLogger(__name__).warning("eval command unavailable: %s", exc)
    else:
        cli.add_command(eval_command, "eval")


_register()


def main() -> None:
    cli(prog_name="eventscope")
