"""The evaluation tasks: where each one's code and gold data live, and how to run one.

Task modules are imported lazily by name, so a missing or broken task is reported on its own
and the other tasks still run::

    from eventscope.eval.tasks import run_task
    report = run_task("entities", None, Settings.from_env())   # default gold data
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Optional

from eventscope.errors import EventscopeError, InputError
from eventscope.eval.report import TaskReport
from eventscope.settings import Settings

EVAL_DATA_ENV = "EVENTSCOPE_EVAL_DATA"
# relative to the working directory: a project checkout has the shared data beside it; an
# installed package names its data with $EVENTSCOPE_EVAL_DATA or --gold
DEFAULT_EVAL_DATA = Path("..") / "shared" / "eval-data"


@dataclass(frozen=True)
class TaskSpec:
    """One evaluation task: its module, its default gold data and the files that define it."""

    name: str
    module: str  # exposes evaluate(gold_path, settings, limit=None) -> TaskReport
    gold: str  # default gold path, relative to the eval-data root
    patterns: tuple[str, ...]  # globs under the gold path whose content the baseline pins
    summary: str


TASKS: dict[str, TaskSpec] = {
    spec.name: spec
    for spec in (
        TaskSpec("events", "eventscope.eval.events", "events", ("**/*.txt", "**/*.xml"),
                 "PLOVER GSR and PETRARCH2 unit tests: event type and actors"),
        TaskSpec("quotes", "eventscope.eval.quotes", "quotes/polnear/dev",
                 ("text/*.txt", "attributions/*.ann"), "PolNeAR: direct and indirect quotes"),
        TaskSpec("time", "eventscope.eval.timex", "temporal/te3_platinum", ("*.tml",),
                 "TempEval-3 platinum: TIMEX3 spans, types and values"),
        TaskSpec("geo", "eventscope.eval.geo", "geo", ("*.xml",),
                 "LGL and GeoWebNews: toponyms resolved within 161 km"),
        TaskSpec("entities", "eventscope.eval.entities", "ner/re3d",
                 ("*/documents.json", "*/entities.json"),
                 "re3d: person, organisation, location and date spans"),
        TaskSpec("dyads", "eventscope.eval.dyads", "ner/re3d",
                 ("*/documents.json", "*/relations.json"),
                 "re3d relations: conflict, alliance and contact dyads coded as events"),
    )
}


class TaskUnavailable(EventscopeError):
    """A task whose module cannot be imported or has no ``evaluate``."""


def eval_data_root(environ: Optional[Mapping[str, str]] = None) -> Path:
    """``$EVENTSCOPE_EVAL_DATA``, else ``../shared/eval-data`` from the working directory."""
    environ = os.environ if environ is None else environ
    configured = environ.get(EVAL_DATA_ENV)
    return (Path(configured) if configured else DEFAULT_EVAL_DATA).resolve()


def task_spec(name: str) -> TaskSpec:
    try:
        return TASKS[name]
    except KeyError:
        raise InputError(f"unknown task {name!r} (tasks: {', '.join(TASKS)})") from None


def default_gold(name: str, environ: Optional[Mapping[str, str]] = None) -> Path:
    return eval_data_root(environ) / task_spec(name).gold


def gold_files(name: str, gold: Path) -> tuple[str, ...]:
    """The files under ``gold`` that define the task's data (``gold`` itself if a file)."""
    if gold.is_file():
        return (str(gold.resolve()),)
    found = {p.resolve() for pattern in task_spec(name).patterns for p in gold.glob(pattern)}
    return tuple(sorted(str(p) for p in found if p.is_file()))


def load_task(name: str):
    """Import the task's module; :class:`TaskUnavailable` names what went wrong."""
    spec = task_spec(name)
    try:
        module = importlib.import_module(spec.module)
    except ImportError as exc:
        raise TaskUnavailable(f"task {name}: cannot import {spec.module}: {exc}") from None
    if not callable(getattr(module, "evaluate", None)):
        raise TaskUnavailable(f"task {name}: {spec.module} has no evaluate()")
    return module


def run_task(
    name: str, gold: Optional[Path], settings: Settings, limit: Optional[int] = None
) -> TaskReport:
    """Score task ``name`` on ``gold`` (default: its data under :func:`eval_data_root`).

    The report's ``gold_files`` always include every file the registry pins for the task, so
    the gate's fingerprint does not depend on which files a task module chose to list.
    """
    path = Path(gold) if gold is not None else default_gold(name)
    if not path.exists():
        raise InputError(f"task {name}: gold data not found at {path}")
    module = load_task(name)
    report = module.evaluate(path, settings, limit=limit)
    if not isinstance(report, TaskReport):
        raise TaskUnavailable(f"task {name}: evaluate() returned {type(report).__name__}")
    files = {str(Path(f).resolve()) for f in report.gold_files} | set(gold_files(name, path))
    return replace(report, task=report.task or name, gold_files=tuple(sorted(files)))
