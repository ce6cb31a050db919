"""Time evaluation: TempEval-3 TIMEX3 extraction and normalisation (TimeML gold).

As TempEval-3 defines them: strict (same span) and relaxed (overlapping span) precision,
recall and F1 of extraction; over relaxed matches, type and value accuracy; and type F1 and
value F1 as accuracy times relaxed F1. The DCT (``functionInDocument="CREATION_TIME"``) is the
publication date and is not scored.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    dct: Optional[str]
    timexes: tuple[Timex, ...]


def load_doc(path: Path) -> GoldDoc:
    """Plain text of the TEXT element with TIMEX3 spans; other tags are dropped, text kept."""
    root = ET.parse(path).getroot()
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value")[:10] if dct_node is not None and dct_node.get("value") else None
    body = root.find("TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []

    def walk(node) -> None:
        start = sum(map(len, parts))
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            timexes.append(Timex(start, end, text, node.get("type", "DATE"), node.get("value")))

    walk(body)
    return GoldDoc(path.stem, "".join(parts), dct, tuple(sorted(timexes, key=lambda t: t.start)))


def load_gold(path: Path, limit: Optional[int] = None) -> list[GoldDoc]:
    files = sorted(Path(path).glob("*.tml")) if Path(path).is_dir() else [Path(path)]
    return [load_doc(f) for f in files[:limit]]


def _match(gold: Sequence[Timex], pred: Sequence[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one matches, by exact span (strict) or by largest overlap (relaxed)."""
    pairs, used = [], set()
    for g in gold:
        best = None
        for i, p in enumerate(pred):
            if i in used:
                continue
            ok = (g.start, g.end) == (p.start, p.end) if strict else span_overlap((g.start, g.end), (p.start, p.end)) > 0
            if ok and (best is None or span_overlap((g.start, g.end), (p.start, p.end)) >
                       span_overlap((g.start, g.end), (pred[best].start, pred[best].end))):
                best = i
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def _norm_value(value: Optional[str]) -> Optional[str]:
    return re.sub(r"\s+", "", value) if value else value


def score(gold: Sequence[GoldDoc], predictions: Sequence[Sequence[Timex]]) -> tuple[Figure, ...]:
    strict = relaxed = PRF(0, 0, 0)
    type_ok = value_ok = matched = 0
    for doc, pred in zip(gold, predictions):
        for name in ("strict", "relaxed"):
            pairs = _match(doc.timexes, pred, name == "strict")
            counts = PRF(len(pairs), len(pred) - len(pairs), len(doc.timexes) - len(pairs))
            if name == "strict":
                strict += counts
            else:
                relaxed += counts
                matched += len(pairs)
                type_ok += sum(g.type == p.type for g, p in pairs)
                value_ok += sum(_norm_value(g.value) == _norm_value(p.value) for g, p in pairs)
    type_acc = type_ok / matched if matched else None
    value_acc = value_ok / matched if matched else None
    rf1 = relaxed.f1
    return (
        Figure("strict.precision", strict.precision, strict.tp + strict.fp),
        Figure("strict.recall", strict.recall, strict.tp + strict.fn),
        Figure("strict.f1", strict.f1, strict.tp + strict.fp + strict.fn, True),
        Figure("relaxed.precision", relaxed.precision, relaxed.tp + relaxed.fp),
        Figure("relaxed.recall", relaxed.recall, relaxed.tp + relaxed.fn),
        Figure("relaxed.f1", rf1, relaxed.tp + relaxed.fp + relaxed.fn, True),
        Figure("type.accuracy", type_acc, matched),
        Figure("value.accuracy", value_acc, matched),
        Figure("type.f1", type_acc * rf1 if type_acc is not None and rf1 is not None else None, matched),
        Figure("value.f1", value_acc * rf1 if value_acc is not None and rf1 is not None else None, matched, True),
    )


def predict(gold: Sequence[GoldDoc], settings) -> list[list[Timex]]:
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings, only=["dates"])
    docs = (Article(id=content_id(d.text), text=d.text, published=d.dct) for d in gold)
    return [[Timex(d.start, d.end, d.text, d.type, d.value) for d in r.dates]
            for r in pipeline.process(docs)]


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    gold = load_gold(Path(gold_path), limit)
    figures = score(gold, predict(gold, settings))
    notes = (f"{len(gold)} documents, {sum(len(d.timexes) for d in gold)} gold TIMEX3 (DCT excluded)",
             "texts are used as written in the TimeML (no NFC change: offsets are the gold's)")
    return TaskReport("time", tuple(str(p) for p in sorted(Path(gold_path).glob("*.tml"))),
                      figures, notes)
