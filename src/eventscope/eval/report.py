"""The shape every evaluation task returns, shared by the CLI, the gate and the tests."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Figure:
    """One measured number. ``headline`` figures are the ones the gate pins floors for."""

    name: str  # dotted, stable: "gsr.type_accuracy", "direct.f1_overlap"
    value: Optional[float]  # None when undefined (e.g. no predictions to score)
    support: Optional[int] = None  # how many items the figure was computed over
    headline: bool = False


@dataclass(frozen=True)
class TaskReport:
    task: str  # events, quotes, time, geo, entities
    gold_files: tuple[str, ...]  # paths read, for the fingerprint
    figures: tuple[Figure, ...]
    notes: tuple[str, ...] = field(default=())  # caveats: skipped/re-anchored items, etc.

    def value(self, name: str) -> Optional[float]:
        return next((f.value for f in self.figures if f.name == name), None)

    def headline(self) -> dict[str, Optional[float]]:
        return {f.name: f.value for f in self.figures if f.headline}
