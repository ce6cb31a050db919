"""``eventscope eval``: score the pipeline against gold data, optionally gated by the baseline."""
from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import click
from rich.console import Console

from eventscope.errors import EventscopeError
from eventscope.eval.gate import DEFAULT_BASELINE, Baseline, check, update
from eventscope.eval.render import print_report, reports_to_json, write_json
from eventscope.eval.report import TaskReport
from eventscope.eval.tasks import TASKS, default_gold, eval_data_root, run_task
from eventscope.settings import Settings

log = logging.getLogger(__name__)



@dataclass
class EvalRun:
    """What ``eval`` did: reports of the tasks that ran, tasks skipped or failed."""

    reports: list[TaskReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line each: task and why
    failed: dict[str, str] = field(default_factory=dict)  # task -> error


def _check_options(task, gold, limit, gate, update_baseline, allow_lower, justify) -> None:
    if task == "all" and gold is not None:
        raise click.UsageError("--gold needs a single task, not 'all'")
    if gold is not None and not gold.exists():
        raise click.UsageError(f"gold path not found: {gold}")
    if allow_lower and not update_baseline:
        raise click.UsageError("--allow-lower only makes sense with --update-baseline")
    if allow_lower and not (justify and justify.strip()):
        raise click.UsageError('--allow-lower needs --justify "reason"')
    if justify and not allow_lower:
        raise click.UsageError("--justify goes with --allow-lower")
    if limit is not None and (gate or update_baseline):
        raise click.UsageError("--limit scores a subset: it cannot be gated or become a floor")


def run_tasks(names: list[str], gold: Optional[Path], settings: Settings,
              limit: Optional[int], explicit: bool) -> EvalRun:
    """Run each task; missing data is skipped (an error if the task was named), failures noted."""
    run = EvalRun()
    for name in names:
        path = gold if gold is not None else default_gold(name)
        if not path.exists():
            if explicit:
                raise click.UsageError(f"gold data for {name} not found at {path}")
            run.skipped.append(f"{name}: no gold data at {path}")
            continue
        try:
            run.reports.append(run_task(name, path, settings, limit))
        except EventscopeError as exc:
            run.failed[name] = str(exc)
        except Exception as exc:  # one broken task must not hide the others' scores
            log.exception("task %s failed", name)
            run.failed[name] = f"task {name} failed: {exc.__class__.__name__}: {exc}"
    return run


def _write_json(reports: list[TaskReport], target: str, single: bool) -> None:
    if target == "-":
        click.echo(json.dumps(reports_to_json(reports, single), indent=2, ensure_ascii=False))
    else:
        write_json(reports, Path(target), single)


def _gate(run: EvalRun, baseline_path: Path, out: Console, update_baseline: bool,
          allow_lower: bool, justify: Optional[str]) -> bool:
    """Update the baseline if asked, then check; print one line per finding. True if passed."""
    baseline = Baseline.load(baseline_path)
    root = eval_data_root()
    if update_baseline:
        baseline, changes = update(baseline, run.reports, allow_lower=allow_lower,
                                   justification=justify, root=root)
        baseline.save(baseline_path)
        for change in changes:
            out.print(change.message(), markup=False)
        out.print(f"baseline written to {baseline_path}", markup=False)
    result = check(run.reports, baseline, baseline.margin, root=root,
                   failed_tasks=list(run.failed), accept_data_changes=update_baseline)
    for line in result.lines():
        out.print(line, markup=False)
    return result.passed


@click.command("eval")
@click.argument("task", type=click.Choice([*TASKS, "all"]))
@click.option("--gold", type=click.Path(path_type=Path), default=None,
              help="Gold data for TASK (default: under $EVENTSCOPE_EVAL_DATA, else "
                   "../shared/eval-data from the working directory).")
@click.option("--json", "json_file", default=None, metavar="FILE",
              help="Also write the figures as JSON to FILE (- for standard output).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N documents or items (not gateable).")
@click.option("--gate", is_flag=True, help="Fail (exit 1) if a headline figure breaks its floor.")
@click.option("--update-baseline", is_flag=True,
              help="Raise floors to the current scores and pin the gold data (never lowers).")
@click.option("--allow-lower", is_flag=True,
              help="With --update-baseline: also lower floors (needs --justify).")
@click.option("--justify", default=None, metavar="TEXT",
              help="Why floors are lowered; kept in the baseline's justifications.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path),
              default=DEFAULT_BASELINE, show_default="the floors shipped in the package",
              help="The baseline file.")
@click.pass_context
def eval_command(ctx: click.Context, task: str, gold: Optional[Path], json_file: Optional[str],
                 limit: Optional[int], gate: bool, update_baseline: bool, allow_lower: bool,
                 justify: Optional[str], baseline_path: Path) -> None:
    """Score eventscope against gold data: events, quotes, time, geo, entities, or all.

    'all' runs every task whose gold data is present. Headline figures (bold) are the ones the
    gate pins in the baseline.
    """
    _check_options(task, gold, limit, gate, update_baseline, allow_lower, justify)
    settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings.from_env()
    names = list(TASKS) if task == "all" else [task]
    run = run_tasks(names, gold, settings, limit, explicit=task != "all")
    out = Console(highlight=False, file=sys.stderr if json_file == "-" else None)
    floors = Baseline.load(baseline_path).tasks
    for report in run.reports:
        print_report(report, out, floors[report.task].floors if report.task in floors else None)
        if limit is not None:
            out.print(f"  note: limited to {limit}: not comparable with the floors", markup=False)
    for line in run.skipped:
        out.print(f"skipped {line}", markup=False)
    for message in run.failed.values():
        click.echo(f"eventscope: error: {message}", err=True)
    if json_file:
        _write_json(run.reports, json_file, single=task != "all")
    passed = True
    if gate or update_baseline:
        passed = _gate(run, baseline_path, out, update_baseline, allow_lower, justify)
    if not passed or run.failed:
        sys.exit(1)
