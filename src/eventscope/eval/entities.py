"""Entity spans against re3d (``ner/re3d/<source>/{documents,entities}.json``).

re3d types and spaCy labels are compared on four scored types::

    re3d          spaCy              scored as
    Person        PERSON             person
    Organisation  ORG                organisation
    Location      GPE, LOC, FAC      location
    Temporal      DATE, TIME         date

NORP is deliberately not scored as an organisation: re3d annotates nationalities and religious
or ethnic groups as a separate type (Nationality), so counting NORP ("Syrian", "Kurdish") as
organisations would charge every demonym as a false positive. Other re3d types (Weapon, Money,
Quantity, ...) have no counterpart among eventscope's entity labels and are ignored, as are
gold entities with confidence below 0.5.

Scores are span precision, recall and F1 per type and micro-averaged over the four: exact (same
start and end) and overlap (one-to-one, sharing at least one character).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport
from eventscope.settings import Settings

KINDS = ("person", "organisation", "location", "date")
GOLD_KINDS = {"Person": "person", "Organisation": "organisation", "Location": "location",
              "Temporal": "date"}
PREDICTED_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "location",
                   "LOC": "location", "FAC": "location", "DATE": "date", "TIME": "date"}
MIN_CONFIDENCE = 0.5
ANCHOR_WINDOW = 200  # characters searched either side of a gold offset that does not match

# Quotation marks of any style compare equal when checking a gold offset against its value.
_QUOTES = str.maketrans({c: "'" for c in "\"“”‘’`´"})


@dataclass(frozen=True)
class Mention:
    """A scored span: gold or predicted."""

    start: int
    end: int
    kind: str  # one of KINDS


@dataclass(frozen=True)
class GoldDoc:
    id: str
    source: str
    text: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class GoldSet:
    docs: tuple[GoldDoc, ...]
    files: tuple[str, ...]
    matched_loosely: int = 0  # offsets right, text differs only in quotes or whitespace
    reanchored: int = 0  # offsets wrong, text found nearby
    skipped: int = 0  # offsets wrong, text not found nearby
    low_confidence: int = 0


@dataclass(frozen=True)
class KindScores:
    exact: PRF
    overlap: PRF


@dataclass(frozen=True)
class EntityScores:
    by_kind: dict[str, KindScores]

    @property
    def micro(self) -> KindScores:
        exact, overlap = PRF(0, 0, 0), PRF(0, 0, 0)
        for scores in self.by_kind.values():
            exact, overlap = exact + scores.exact, overlap + scores.overlap
        return KindScores(exact, overlap)


def _loose(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def anchor(text: str, start: int, end: int, value: str) -> tuple[Optional[tuple[int, int]], str]:
    """Where ``value`` is in ``text`` near ``start``: ((start, end), how) or (None, "skipped")."""
    if text[start:end] == value:
        return (start, end), "exact"
    if _loose(text[start:end]) == _loose(value):
        return (start, end), "loose"
    lo = max(0, start - ANCHOR_WINDOW)
    hits = [m.start() + lo for m in re.finditer(re.escape(value), text[lo:end + ANCHOR_WINDOW])]
    if not hits:
        return None, "skipped"
    best = min(hits, key=lambda h: abs(h - start))
    return (best, best + len(value)), "reanchored"


def json_lines(path: Path) -> Iterator[dict]:
    """re3d files are ``mongoexport`` output: one JSON object per line."""
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_gold(root: Path, limit: Optional[int] = None) -> GoldSet:
    """Documents and their scored gold mentions, sources in name order, at most ``limit`` docs."""
    sources = sorted(p.parent for p in root.glob("*/documents.json"))
    if root.joinpath("documents.json").is_file():
        sources = [root]
    docs: list[GoldDoc] = []
    files: list[str] = []
    counts = {"loose": 0, "reanchored": 0, "skipped": 0, "low": 0}
    for source in sources:
        files += [str(source / "documents.json"), str(source / "entities.json")]
        texts = {d["_id"]: d["text"] for d in json_lines(source / "documents.json")}
        found: dict[str, set[Mention]] = {doc_id: set() for doc_id in texts}
        for ent in json_lines(source / "entities.json"):
            mention = _gold_mention(ent, texts, counts)
            if mention is not None:
                found[ent["documentId"]].add(mention)
        for doc_id, text in texts.items():
            ordered = tuple(sorted(found[doc_id], key=lambda m: (m.start, m.end, m.kind)))
            docs.append(GoldDoc(doc_id, source.name, text, ordered))
    docs = docs[:limit] if limit is not None else docs
    return GoldSet(tuple(docs), tuple(files), counts["loose"], counts["reanchored"],
                   counts["skipped"], counts["low"])


def _gold_mention(ent: dict, texts: dict[str, str], counts: dict[str, int]) -> Optional[Mention]:
    kind = GOLD_KINDS.get(ent.get("type", ""))
    if kind is None or ent.get("documentId") not in texts:
        return None
    if float(ent.get("confidence", 0.0)) < MIN_CONFIDENCE:
        counts["low"] += 1
        return None
    span, how = anchor(texts[ent["documentId"]], int(ent["begin"]), int(ent["end"]), ent["value"])
    if how != "exact":
        counts[how] += 1
    return Mention(span[0], span[1], kind) if span else None


def predicted_mentions(entities: Iterable) -> tuple[Mention, ...]:
    """Scored mentions from :class:`~eventscope.records.Entity` records (others dropped)."""
    return tuple(
        Mention(e.start, e.end, PREDICTED_KINDS[e.label])
        for e in entities if e.label in PREDICTED_KINDS
    )


def _overlap_matches(gold: Sequence[Mention], pred: Sequence[Mention]) -> int:
    """Size of a greedy one-to-one matching of overlapping spans, largest overlaps first."""
    pairs = sorted(
        ((span_overlap((g.start, g.end), (p.start, p.end)), i, j)
         for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for size, i, j in pairs:
        if size and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
    return len(used_gold)


def score(
    gold: Sequence[Sequence[Mention]], predicted: Sequence[Sequence[Mention]]
) -> EntityScores:
    """Per-type exact and overlap counts over aligned documents (gold[i] with predicted[i])."""
    by_kind: dict[str, KindScores] = {}
    for kind in KINDS:
        exact, overlap = PRF(0, 0, 0), PRF(0, 0, 0)
        for gold_doc, pred_doc in zip(gold, predicted, strict=True):
            g = sorted({m for m in gold_doc if m.kind == kind}, key=lambda m: (m.start, m.end))
            p = sorted({m for m in pred_doc if m.kind == kind}, key=lambda m: (m.start, m.end))
            tp = len({(m.start, m.end) for m in g} & {(m.start, m.end) for m in p})
            exact += PRF(tp, len(p) - tp, len(g) - tp)
            tp = _overlap_matches(g, p)
            overlap += PRF(tp, len(p) - tp, len(g) - tp)
        by_kind[kind] = KindScores(exact, overlap)
    return EntityScores(by_kind)


def figures(scores: EntityScores) -> tuple[Figure, ...]:
    """Headline: micro exact F1 ``entities.f1`` and exact F1 per type (``person.f1``, ...)."""
    out: list[Figure] = []
    for prefix, kind_scores in (("entities", scores.micro), *scores.by_kind.items()):
        exact, overlap = kind_scores.exact, kind_scores.overlap
        support = exact.tp + exact.fn
        out += [
            Figure(f"{prefix}.f1", exact.f1, support, headline=True),
            Figure(f"{prefix}.precision", exact.precision, exact.tp + exact.fp),
            Figure(f"{prefix}.recall", exact.recall, support),
            Figure(f"{prefix}.f1_overlap", overlap.f1, support),
        ]
    return tuple(out)


def evaluate(gold_path: Path, settings: Settings, limit: Optional[int] = None) -> TaskReport:
    """Run the entities stage over re3d and score it (see the module docstring)."""
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article

    gold = load_gold(gold_path, limit)
    pipeline = Pipeline.from_settings(settings, only=["entities"])
    articles = [make_article(doc.text, source=f"re3d:{doc.source}:{doc.id}") for doc in gold.docs]
    shifted = sum(a.text != d.text for a, d in zip(articles, gold.docs))
    predicted = [predicted_mentions(r.entities) for r in pipeline.process(articles)]
    scores = score([d.mentions for d in gold.docs], predicted)
    notes = [
        f"{len(gold.docs)} documents; gold entities with confidence < {MIN_CONFIDENCE}: "
        f"{gold.low_confidence} ignored",
        f"gold offsets: {gold.matched_loosely} matched ignoring quote style/whitespace, "
        f"{gold.reanchored} re-anchored nearby, {gold.skipped} skipped",
        "types: Person=PERSON, Organisation=ORG, Location=GPE/LOC/FAC, Temporal=DATE/TIME; "
        "NORP not scored (re3d's Nationality is a separate type)",
    ]
    if shifted:
        notes.append(f"{shifted} document(s) changed by NFC normalisation: offsets may shift")
    return TaskReport("entities", gold.files, figures(scores), tuple(notes))
