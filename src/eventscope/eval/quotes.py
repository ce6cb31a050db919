"""Quote evaluation: PolNeAR attributions (BRAT standoff: Source, Cue, Content).

One annotator's file per article (the first by name) is the gold. A gold attribution is
*direct* when its content is in quotation marks. A prediction matches a gold attribution
when their contents overlap by at least half of each one's length (*overlap*), or have the
same span once surrounding quotation marks, spaces and final punctuation are trimmed
(*exact*). Matching is one-to-one, greedy by overlap; direct and indirect figures match only
attributions of that kind on both sides. Speaker accuracy is over overlap matches: the
predicted speaker span overlaps the gold source span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport

QUOTE_MARKS = "\"“”„«»"
KINDS = ("all", "direct", "indirect")


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: Optional[tuple[int, int]]
    kind: str  # direct or indirect


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    attributions: tuple[Attribution, ...]
    discontinuous: int = 0


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in offsets.split(";")]


def kind_of(text: str, start: int, end: int) -> str:
    """direct when the content is inside quotation marks (ignoring spaces and commas)."""
    inside = text[start:end].strip()
    before = text[:start].rstrip(" \t,")[-1:]
    after = text[end:].lstrip(" \t,.")[:1]
    quoted = (inside[:1] in QUOTE_MARKS and inside[-1:] in QUOTE_MARKS + ".,") or (
        before in QUOTE_MARKS and (after in QUOTE_MARKS or inside[-1:] in QUOTE_MARKS))
    return "direct" if quoted else "indirect"


def parse_ann(text: str, ann: str) -> tuple[tuple[Attribution, ...], int]:
    spans: dict[str, tuple[int, int]] = {}
    discontinuous = 0
    for line in ann.splitlines():
        if line.startswith("T"):
            ident, info, *_ = line.split("\t")
            label, offsets = info.split(" ", 1)
            parts = _spans(offsets)
            discontinuous += len(parts) > 1 and label == "Content"
            spans[ident] = (parts[0][0], parts[-1][1])
    found = []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        roles = dict(reversed([r.split(":", 1) for r in line.split("\t")[1].split()]))
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        found.append(Attribution(content, source, kind_of(text, *content)))
    return tuple(found), discontinuous


def load_gold(path: Path, limit: Optional[int] = None) -> list[GoldArticle]:
    root = Path(path)
    articles = []
    for text_file in sorted((root / "text").glob("*.txt"))[:limit]:
        anns = sorted((root / "attributions").glob(f"{text_file.stem}_*.ann"))
        if not anns:
            continue
        text = text_file.read_text(encoding="utf-8")
        attributions, discontinuous = parse_ann(text, anns[0].read_text(encoding="utf-8"))
        articles.append(GoldArticle(text_file.stem, text, attributions, discontinuous))
    return articles


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    strip = QUOTE_MARKS + " \t\n,.;:"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _overlaps(g: tuple[int, int], p: tuple[int, int]) -> bool:
    shared = span_overlap(g, p)
    return shared >= 0.5 * (g[1] - g[0]) and shared >= 0.5 * (p[1] - p[0]) and shared > 0


def match(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution], exact: bool):
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if exact:
                ok = _trim(text, g.content) == _trim(text, p.content)
            else:
                ok = _overlaps(g.content, p.content)
            if ok:
                candidates.append((span_overlap(g.content, p.content), i, j))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def score(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[Attribution]]) -> tuple[Figure, ...]:
    figures = []
    for kind in KINDS:
        keep = (lambda a: True) if kind == "all" else (lambda a, k=kind: a.kind == k)
        overlap = exact = PRF(0, 0, 0)
        speakers = []
        for article, pred in zip(gold, predictions):
            g = [a for a in article.attributions if keep(a)]
            p = [a for a in pred if keep(a)]
            pairs = match(article.text, g, p, exact=False)
            overlap += PRF(len(pairs), len(p) - len(pairs), len(g) - len(pairs))
            exact_pairs = match(article.text, g, p, exact=True)
            exact += PRF(len(exact_pairs), len(p) - len(exact_pairs), len(g) - len(exact_pairs))
            speakers += [bool(ga.source and pa.source and span_overlap(ga.source, pa.source))
                         for ga, pa in pairs if ga.source]
        head = kind in ("all", "direct")
        figures += [
            Figure(f"{kind}.precision_overlap", overlap.precision, overlap.tp + overlap.fp),
            Figure(f"{kind}.recall_overlap", overlap.recall, overlap.tp + overlap.fn),
            Figure(f"{kind}.f1_overlap", overlap.f1, overlap.tp + overlap.fp + overlap.fn, head),
            Figure(f"{kind}.precision_exact", exact.precision, exact.tp + exact.fp),
            Figure(f"{kind}.recall_exact", exact.recall, exact.tp + exact.fn),
            Figure(f"{kind}.f1_exact", exact.f1, exact.tp + exact.fp + exact.fn),
            Figure(f"{kind}.speaker_accuracy", sum(speakers) / len(speakers) if speakers else None,
                   len(speakers), kind == "all"),
        ]
    return tuple(figures)


def predict(gold: Sequence[GoldArticle], settings) -> list[list[Attribution]]:
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings, only=["entities", "quotes"])
    docs = (Article(id=content_id(a.text), text=a.text) for a in gold)
    return [[Attribution((q.content.start, q.content.end),
                         (q.speaker.start, q.speaker.end) if q.speaker else None, q.kind)
             for q in r.quotes] for r in pipeline.process(docs)]


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    gold = load_gold(Path(gold_path), limit)
    figures = score(gold, predict(gold, settings))
    total = sum(len(a.attributions) for a in gold)
    direct = sum(x.kind == "direct" for a in gold for x in a.attributions)
    notes = (f"{len(gold)} articles, {total} gold attributions ({direct} direct), one annotator "
             f"file per article", f"{sum(a.discontinuous for a in gold)} discontinuous contents "
             "scored by their overall extent",
             "texts are used as written (not NFC-normalised) so gold offsets apply unchanged")
    files = sorted(str(p) for p in Path(gold_path).rglob("*") if p.suffix in (".txt", ".ann"))
    return TaskReport("quotes", tuple(files), figures, notes)
