"""A :class:`TaskReport` as a table for people and as JSON for machines (same content)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

from rich.console import Console
from rich.table import Table

from eventscope.eval.report import TaskReport


def report_to_json(report: TaskReport) -> dict:
    """``{"task", "figures": {name: {"value", "support", "headline"}}, "notes", "gold_files"}``."""
    return {
        "task": report.task,
        "figures": {
            f.name: {"value": f.value, "support": f.support, "headline": f.headline}
            for f in report.figures
        },
        "notes": list(report.notes),
        "gold_files": list(report.gold_files),
    }


def reports_to_json(reports: Sequence[TaskReport], single: bool) -> dict | list:
    """The one task's object if ``single`` (a task was named), else a list of them ('all')."""
    objects = [report_to_json(r) for r in reports]
    return objects[0] if single and objects else objects


def write_json(reports: Sequence[TaskReport], path: Path, single: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(reports_to_json(reports, single), indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def report_table(report: TaskReport, floors: Optional[dict[str, float]] = None) -> Table:
    """Figures in report order; headline figures in bold, with their floor if one is pinned."""
    floors = floors or {}
    table = Table(title=f"eval: {report.task}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("support", justify="right")
    table.add_column("floor", justify="right")
    for figure in report.figures:
        style = "bold" if figure.headline else None
        floor = floors.get(figure.name)
        table.add_row(
            figure.name,
            "n/a" if figure.value is None else f"{figure.value:.4f}",
            "" if figure.support is None else f"{figure.support:,}",
            "" if floor is None else f"{floor:.4f}",
            style=style,
        )
    return table


def print_report(
    report: TaskReport, console: Console, floors: Optional[dict[str, float]] = None
) -> None:
    console.print(report_table(report, floors))
    for note in report.notes:
        console.print(f"  note: {note}", markup=False)
