"""Evaluation against gold data: task modules, the score gate and its baseline, rendering.

``eventscope.eval.tasks.run_task(name, gold, settings)`` runs one task and returns a
:class:`~eventscope.eval.report.TaskReport`; :mod:`eventscope.eval.gate` compares reports with
the pinned floors in ``eventscope/eval/baseline.json`` (shipped with the package).
"""
from eventscope.eval.report import Figure, TaskReport

__all__ = ["Figure", "TaskReport"]
