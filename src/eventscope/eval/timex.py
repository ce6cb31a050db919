"""Time evaluation: TempEval-3 TIMEX3 extraction and normalisation (TimeML gold).

As TempEval-3 defines them: strict (same span) and relaxed (overlapping span) precision,
recall and F1 of extraction; over relaxed matches, type and value accuracy; and type F1 and
value F1 as accuracy times relaxed F1 (TE3's attribute F1). The DCT (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) is the publication date and is not scored.

>>> gold = load_gold(Path("te3_platinum"))                      # doctest: +SKIP
>>> report = evaluate(Path("te3_platinum"), Settings())         # doctest: +SKIP
>>> report.headline()                                           # doctest: +SKIP
{'strict.f1': ..., 'relaxed.f1': ..., 'value.f1': ...}
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport

CREATION_TIME = "CREATION_TIME"


@dataclass(frozen=True)
class Timex:
    """A scored TIMEX3, gold or predicted: offsets into the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: Optional[str]


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    dct: Optional[str]  # ISO date (YYYY-MM-DD) of the creation time, if the document has one
    timexes: tuple[Timex, ...]


def _creation_time(root) -> Optional[str]:
    for node in root.iter("TIMEX3"):
        if node.get("functionInDocument") == CREATION_TIME and node.get("value"):
            return node.get("value")[:10]
    return None


def load_doc(path: Path) -> GoldDoc:
    """Plain text of the TEXT element with its TIMEX3 spans; other tags dropped, text kept."""
    root = ET.parse(path).getroot()
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
        if node.tag == "TIMEX3" and node.get("functionInDocument") != CREATION_TIME:
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            timexes.append(Timex(start, end, text, node.get("type", "DATE"), node.get("value")))

    body = root.find("TEXT")
    if body is not None:
        walk(body)
    ordered = tuple(sorted(timexes, key=lambda t: (t.start, t.end)))
    return GoldDoc(Path(path).stem, "".join(parts), _creation_time(root), ordered)


def load_gold(path: Path, limit: Optional[int] = None) -> list[GoldDoc]:
    """Every ``*.tml`` under ``path`` (or the one file), in name order, at most ``limit``."""
    path = Path(path)
    files = sorted(path.glob("*.tml")) if path.is_dir() else [path]
    return [load_doc(f) for f in files[:limit]]


def match(gold: Sequence[Timex], pred: Sequence[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one (gold, predicted) pairs: same span (strict) or overlapping (relaxed).

    Relaxed pairs are chosen greedily, largest overlap first, so one long prediction cannot
    claim two gold spans.
    """
    if strict:
        spans = {(p.start, p.end): p for p in pred}
        return [(g, spans[(g.start, g.end)]) for g in gold if (g.start, g.end) in spans]
    scored = sorted(
        ((span_overlap((g.start, g.end), (p.start, p.end)), i, j)
         for i, g in enumerate(gold) for j, p in enumerate(pred)),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for size, i, j in scored:
        if size and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((gold[i], pred[j]))
    return sorted(pairs, key=lambda pair: pair[0].start)


def _same_value(gold: Optional[str], pred: Optional[str]) -> bool:
    def norm(value):
        return re.sub(r"\s+", "", value) if value else value

    return norm(gold) == norm(pred)


def _times(accuracy: Optional[float], f1: Optional[float]) -> Optional[float]:
    return accuracy * f1 if accuracy is not None and f1 is not None else None


def score(gold: Sequence[GoldDoc], predictions: Sequence[Sequence[Timex]]) -> tuple[Figure, ...]:
    """TempEval-3 figures for aligned documents (``predictions[i]`` belongs to ``gold[i]``)."""
    strict = relaxed = PRF(0, 0, 0)
    matched = type_ok = value_ok = 0
    for doc, pred in zip(gold, predictions, strict=True):
        exact = match(doc.timexes, pred, strict=True)
        strict += PRF(len(exact), len(pred) - len(exact), len(doc.timexes) - len(exact))
        pairs = match(doc.timexes, pred, strict=False)
        relaxed += PRF(len(pairs), len(pred) - len(pairs), len(doc.timexes) - len(pairs))
        matched += len(pairs)
        type_ok += sum(g.type == p.type for g, p in pairs)
        value_ok += sum(_same_value(g.value, p.value) for g, p in pairs)
    type_acc = type_ok / matched if matched else None
    value_acc = value_ok / matched if matched else None
    return (
        Figure("strict.precision", strict.precision, strict.tp + strict.fp),
        Figure("strict.recall", strict.recall, strict.tp + strict.fn),
        Figure("strict.f1", strict.f1, strict.tp + strict.fp + strict.fn, True),
        Figure("relaxed.precision", relaxed.precision, relaxed.tp + relaxed.fp),
        Figure("relaxed.recall", relaxed.recall, relaxed.tp + relaxed.fn),
        Figure("relaxed.f1", relaxed.f1, relaxed.tp + relaxed.fp + relaxed.fn, True),
        Figure("type.accuracy", type_acc, matched),
        Figure("value.accuracy", value_acc, matched),
        Figure("type.f1", _times(type_acc, relaxed.f1), matched),
        Figure("value.f1", _times(value_acc, relaxed.f1), matched, True),
    )


def articles_of(gold: Sequence[GoldDoc]) -> tuple[list, int]:
    """One article per document, dated by its DCT, and how many needed their raw text.

    ``make_article`` NFC-normalises; if that would change a text, its offsets would no longer
    be the gold's, so that document keeps its text exactly as written.
    """
    from eventscope.ingest.article import make_article
    from eventscope.records import Article

    articles, raw = [], 0
    for doc in gold:
        article = make_article(doc.text, published=doc.dct, source=doc.id)
        if article.text != doc.text:
            article = Article(id=article.id, text=doc.text, published=doc.dct, source=doc.id)
            raw += 1
        articles.append(article)
    return articles, raw


def predict(gold: Sequence[GoldDoc], settings) -> tuple[list[list[Timex]], int]:
    """dates.v1's timexes for each document, and how many texts were kept un-normalised."""
    from eventscope.execute import Pipeline

    pipeline = Pipeline.from_settings(settings, only=["dates"])
    articles, raw = articles_of(gold)
    found = [[Timex(d.start, d.end, d.text, d.type, d.value) for d in result.dates]
             for result in pipeline.process(articles)]
    return found, raw


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    """Score dates.v1 on the TimeML files under ``gold_path``."""
    gold = load_gold(Path(gold_path), limit)
    predictions, raw = predict(gold, settings)
    notes = [f"{len(gold)} documents, {sum(len(d.timexes) for d in gold)} gold TIMEX3 "
             "(creation time excluded)"]
    if raw:
        notes.append(f"{raw} texts are not NFC: scored as written so gold offsets hold")
    undated = sum(d.dct is None for d in gold)
    if undated:
        notes.append(f"{undated} documents have no creation time: relative values unresolved")
    files = sorted(Path(gold_path).glob("*.tml")) if Path(gold_path).is_dir() else [Path(gold_path)]
    return TaskReport("time", tuple(str(p) for p in files), score(gold, predictions), tuple(notes))
