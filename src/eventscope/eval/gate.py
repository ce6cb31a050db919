"""The evaluation gate: pinned score floors per task, a fingerprint of each gold file.

A floor only moves up (:func:`update`); lowering one takes an explicit ``allow_lower`` and a
justification, which is kept in the baseline. :func:`check` fails when a headline figure falls
below its floor by more than the noise margin, or when the gold data is not the data the floors
were measured on::

    baseline = Baseline.load(DEFAULT_BASELINE)
    result = check(reports, baseline, margin=baseline.margin)
    for line in result.lines():
        print(line)
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Literal, Optional, Sequence

from eventscope.errors import InputError
from eventscope.eval.report import TaskReport

DEFAULT_BASELINE = Path(__file__).with_name("baseline.json")  # shipped with the package
DEFAULT_MARGIN = 0.005  # run-to-run noise we tolerate; the pipeline is deterministic, so small
FLOOR_DIGITS = 4


@dataclass(frozen=True)
class TaskBaseline:
    fingerprints: dict[str, str] = field(default_factory=dict)  # gold file -> sha256
    floors: dict[str, float] = field(default_factory=dict)  # headline figure -> floor


@dataclass(frozen=True)
class Baseline:
    tasks: dict[str, TaskBaseline] = field(default_factory=dict)
    justifications: tuple[str, ...] = ()
    margin: float = DEFAULT_MARGIN

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        """The baseline at ``path``; an empty one if the file does not exist yet."""
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            tasks = {
                name: TaskBaseline(dict(entry.get("fingerprints", {})),
                                   {k: float(v) for k, v in entry.get("floors", {}).items()})
                for name, entry in data.get("tasks", {}).items()
            }
            return cls(tasks, tuple(data.get("justifications", ())),
                       float(data.get("margin", DEFAULT_MARGIN)))
        except (ValueError, AttributeError, TypeError) as exc:
            raise InputError(f"baseline {path} is not a valid baseline file: {exc}") from None

    def to_json(self) -> dict:
        return {
            "margin": self.margin,
            "tasks": {
                name: {"fingerprints": dict(sorted(entry.fingerprints.items())),
                       "floors": dict(sorted(entry.floors.items()))}
                for name, entry in sorted(self.tasks.items())
            },
            "justifications": list(self.justifications),
        }

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Breach:
    """A headline figure below its floor by more than the margin (or missing, or undefined)."""

    task: str
    figure: str
    value: Optional[float]
    floor: float
    margin: float

    def message(self) -> str:
        if self.value is None:
            return (f"FAIL {self.task}: {self.figure} is missing or undefined "
                    f"(floor {self.floor:.4f})")
        return (f"FAIL {self.task}: {self.figure} = {self.value:.4f} is "
                f"{self.floor - self.value:.4f} below its floor {self.floor:.4f} "
                f"(margin {self.margin})")


@dataclass(frozen=True)
class DataChange:
    """Gold files that differ from the ones the task's floors were measured on."""

    task: str
    changed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def message(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in
                 (("changed", self.changed), ("added", self.added), ("removed", self.removed)) if v]
        example = (self.changed + self.added + self.removed)[0]
        return (f"DATA CHANGED {self.task}: gold files {', '.join(parts)} (e.g. {example}) since "
                f"the baseline; its floors may not apply (--update-baseline accepts the new data)")


@dataclass(frozen=True)
class GateResult:
    breaches: tuple[Breach, ...] = ()
    data_changes: tuple[DataChange, ...] = ()
    notes: tuple[str, ...] = ()  # tasks or figures without a floor yet, task errors
    errors: tuple[str, ...] = ()  # gated tasks that could not run
    data_changes_accepted: bool = False

    @property
    def passed(self) -> bool:
        blocking = self.data_changes and not self.data_changes_accepted
        return not (self.breaches or self.errors or blocking)

    def lines(self) -> list[str]:
        """One line per broken floor, data change, task error and note; then the verdict."""
        out = [b.message() for b in self.breaches]
        out += [c.message() for c in self.data_changes]
        out += [f"FAIL {e}" for e in self.errors]
        out += [f"note: {n}" for n in self.notes]
        out.append("gate: passed" if self.passed else "gate: FAILED")
        return out


@dataclass(frozen=True)
class FloorChange:
    task: str
    figure: str
    old: Optional[float]
    new: Optional[float]
    kind: Literal["added", "raised", "lowered", "kept", "removed"]

    def message(self) -> str:
        old = "none" if self.old is None else f"{self.old:.4f}"
        new = "none" if self.new is None else f"{self.new:.4f}"
        hint = " (lowering needs --allow-lower --justify)" if self.kind == "kept" else ""
        return f"{self.kind} {self.task}: {self.figure} {old} -> {new}{hint}"


def fingerprint(paths: Iterable[str], root: Optional[Path] = None) -> dict[str, str]:
    """sha256 of each file (directories expanded), keyed by its path relative to ``root``."""
    root = root.resolve() if root is not None else None
    out: dict[str, str] = {}
    for raw in paths:
        path = Path(raw).resolve()
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            out[_key(file, root)] = hashlib.sha256(file.read_bytes()).hexdigest()
    return out


def _key(path: Path, root: Optional[Path]) -> str:
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix()


def compare(task: str, pinned: dict[str, str], current: dict[str, str]) -> Optional[DataChange]:
    if not pinned or pinned == current:
        return None
    return DataChange(
        task,
        changed=tuple(sorted(k for k in pinned.keys() & current.keys() if pinned[k] != current[k])),
        added=tuple(sorted(current.keys() - pinned.keys())),
        removed=tuple(sorted(pinned.keys() - current.keys())),
    )


def check(
    reports: Sequence[TaskReport],
    baseline: Baseline,
    margin: float = DEFAULT_MARGIN,
    *,
    root: Optional[Path] = None,
    failed_tasks: Sequence[str] = (),
    accept_data_changes: bool = False,
) -> GateResult:
    """Compare headline figures with their floors and gold files with their fingerprints.

    ``failed_tasks`` are tasks that could not run: a failure if the baseline pins them.
    """
    breaches: list[Breach] = []
    changes: list[DataChange] = []
    notes: list[str] = []
    for report in reports:
        entry = baseline.tasks.get(report.task)
        if entry is None:
            notes.append(f"{report.task}: no floors yet (run with --update-baseline)")
            continue
        change = compare(report.task, entry.fingerprints, fingerprint(report.gold_files, root))
        changes += [change] if change else []
        figures = {f.name: f for f in report.figures}
        for name, floor in sorted(entry.floors.items()):
            value = figures[name].value if name in figures else None
            if value is None or value < floor - margin:
                breaches.append(Breach(report.task, name, value, floor, margin))
        notes += [f"{report.task}: {name} has no floor yet (run with --update-baseline)"
                  for name in report.headline() if name not in entry.floors]
    errors = [f"{task}: could not run, and the baseline pins its floors"
              for task in failed_tasks if baseline.tasks.get(task, TaskBaseline()).floors]
    return GateResult(tuple(breaches), tuple(changes), tuple(notes), tuple(errors),
                      accept_data_changes)


def floor_of(value: float) -> float:
    """``value`` rounded down, so a floor never sits above the score it was taken from."""
    scale = 10**FLOOR_DIGITS
    return math.floor(value * scale + 1e-9) / scale


def update(
    baseline: Baseline,
    reports: Sequence[TaskReport],
    *,
    allow_lower: bool = False,
    justification: Optional[str] = None,
    root: Optional[Path] = None,
    today: Optional[str] = None,
) -> tuple[Baseline, tuple[FloorChange, ...]]:
    """Raise floors to the current headline values and pin the current gold fingerprints.

    Floors are never lowered (a lower score is reported as ``kept``) unless ``allow_lower``,
    which needs a ``justification``; that line is appended to the baseline's justifications.
    """
    if allow_lower and not (justification and justification.strip()):
        raise InputError("lowering a floor needs a justification (--justify \"reason\")")
    tasks = dict(baseline.tasks)
    changes: list[FloorChange] = []
    for report in reports:
        entry = tasks.get(report.task, TaskBaseline())
        floors, task_changes = _new_floors(report, entry.floors, allow_lower)
        changes += task_changes
        tasks[report.task] = TaskBaseline(fingerprint(report.gold_files, root), floors)
    lowered = [c for c in changes if c.kind in ("lowered", "removed")]
    justifications = baseline.justifications
    if lowered:
        day = today or _dt.date.today().isoformat()
        what = "; ".join(c.message() for c in lowered)
        justifications += (f"{day}: {justification.strip()} [{what}]",)
    return Baseline(tasks, justifications, baseline.margin), tuple(changes)


def _new_floors(
    report: TaskReport, floors: dict[str, float], allow_lower: bool
) -> tuple[dict[str, float], list[FloorChange]]:
    new_floors = dict(floors)
    changes: list[FloorChange] = []
    headline = report.headline()
    for name, value in sorted(headline.items()):
        if value is None:
            continue
        new, old = floor_of(value), floors.get(name)
        if old is None:
            kind = "added"
        elif new > old:
            kind = "raised"
        elif new < old:
            kind = "lowered" if allow_lower else "kept"
        else:
            continue
        if kind != "kept":
            new_floors[name] = new
        changes.append(FloorChange(report.task, name, old, new, kind))
    if allow_lower:  # a figure no longer reported can only be dropped deliberately
        for name in sorted(set(floors) - set(headline)):
            del new_floors[name]
            changes.append(FloorChange(report.task, name, floors[name], None, "removed"))
    return new_floors, changes
