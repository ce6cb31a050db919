"""Small, pure scoring helpers shared by the evaluation tasks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> Optional[float]:
        """F1; 0 when there is something to find or found but no hit, None when neither."""
        if self.tp == 0:
            return 0.0 if self.fp + self.fn else None
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def accuracy(pairs: Iterable[tuple[object, object]]) -> Optional[float]:
    """Share of (gold, predicted) pairs that are equal; None for no pairs."""
    pairs = list(pairs)
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else None


def per_label_prf(gold: Sequence[Optional[str]], pred: Sequence[Optional[str]]) -> dict[str, PRF]:
    """Per-label counts for aligned single-label predictions (None means no label)."""
    labels = {x for x in (*gold, *pred) if x is not None}
    out = {}
    for label in sorted(labels):
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        fp = sum(g != label and p == label for g, p in zip(gold, pred))
        fn = sum(g == label and p != label for g, p in zip(gold, pred))
        out[label] = PRF(tp, fp, fn)
    return out


def macro_f1(scores: dict[str, PRF]) -> Optional[float]:
    """Mean F1 over labels, counting an undefined F1 (no gold, no prediction) as 0."""
    if not scores:
        return None
    return sum((s.f1 or 0.0) for s in scores.values()) / len(scores)


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by half-open spans a and b."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
