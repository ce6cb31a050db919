"""Quote evaluation: PolNeAR attributions (BRAT standoff: Source, Cue, Content).

One annotator's file per article (the first by name) is the gold. Both sides are read the same
way before scoring:

- *An attribution is what one cue reports.* Its content is a tuple of fragments: a gold
  content split around its cue (``"A," she said, "B."``) keeps its fragments, and the
  product's quotes that share a cue and a speaker span (one record per fragment) are one
  attribution whose fragments are their contents. Fragments are sorted and merged when they
  overlap or only whitespace separates them. A quote with no cue is an attribution of its own.
- *Kind* is decided by :func:`kind_of` from the text around each fragment, for gold and
  predictions alike: an attribution is direct when every fragment is in quotation marks.

Content figures (the field's own definitions, on fragments):

- *overlap*: the characters the two contents share are at least half of each content's
  characters. Only fragment characters are content: a prediction that runs over the cue
  between two gold fragments counts those characters in its own size, not as shared.
- *exact*: the same fragments once quotation marks, spaces and ``,.;:`` are trimmed from each.

End-to-end figures (what a user gets), each an overlap match that also needs:

- *cue*: the predicted cue shares a character (or more) with the gold Cue span. A prediction
  with no cue (a quote with no reporting verb) or a gold one with no Cue nor trigger never matches.
- *attributed*: the cue as above and the speaker: a predicted speaker span that covers at least
  half of the gold Source span and lies at least half inside it; when the gold has no Source,
  a prediction with no speaker.

Matching is one-to-one, greedy by shared content characters, among the pairs that meet the
figure's condition; direct and indirect figures match only attributions of that kind on both
sides. *speaker_accuracy* is over overlap matches whose gold has a Source: the predicted
speaker covers at least half of the Source and lies at least half inside it;
*speaker_accuracy_any* only needs the two to share a character.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional, Sequence

from eventscope.eval.metrics import PRF, span_overlap
from eventscope.eval.report import Figure, TaskReport

QUOTE_MARKS = "\"“”„«»"
KINDS = ("all", "direct", "indirect")
TRIM = QUOTE_MARKS + " \t\n,.;:"

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """What one cue reports: content fragments in text order, the source and the cue."""

    content: tuple[Span, ...]
    source: Optional[Span] = None
    cue: Optional[Span] = None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    attributions: tuple[Attribution, ...]
    discontinuous: int = 0  # gold contents with more than one fragment


def fragments(text: str, spans: Sequence[Span]) -> tuple[Span, ...]:
    """Spans sorted, merged when they overlap or only whitespace lies between them."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def kind_of(text: str, start: int, end: int) -> str:
    """direct when the span is inside quotation marks (ignoring spaces and commas)."""
    inside = text[start:end].strip()
    before = text[:start].rstrip(" \t,")[-1:]
    after = text[end:].lstrip(" \t,.")[:1]
    quoted = (inside[:1] in QUOTE_MARKS and inside[-1:] in QUOTE_MARKS + ".,") or (
        before in QUOTE_MARKS and (after in QUOTE_MARKS or inside[-1:] in QUOTE_MARKS))
    return "direct" if quoted else "indirect"


def kind(text: str, attribution: Attribution) -> str:
    """direct when every fragment of the content is in quotation marks, else indirect."""
    kinds = {kind_of(text, *f) for f in attribution.content}
    return "direct" if kinds == {"direct"} else "indirect"


def by_cue(text: str, attributions: Sequence[Attribution]) -> tuple[Attribution, ...]:
    """One attribution per (cue, source): the contents of those sharing both become fragments."""
    groups: dict[object, list[Attribution]] = {}
    for i, a in enumerate(attributions):
        groups.setdefault((a.cue, a.source) if a.cue else i, []).append(a)
    merged = (replace(g[0], content=fragments(text, [f for a in g for f in a.content]))
              for g in groups.values())
    return tuple(sorted(merged, key=lambda a: a.content))


def _spans(offsets: str) -> list[Span]:
    return [tuple(int(x) for x in part.split()) for part in offsets.split(";")]


def _extent(parts: Sequence[Span]) -> Span:
    return min(s for s, _ in parts), max(e for _, e in parts)


def parse_ann(text: str, ann: str) -> tuple[tuple[Attribution, ...], int]:
    """The attributions of one BRAT file (``E`` lines with a Content) and how many of their
    contents are discontinuous. Source and Cue spans are read as their extent; with no Cue
    role, the event's trigger span (which PolNeAR places on the cue) is the cue."""
    spans: dict[str, list[Span]] = {}
    for line in ann.splitlines():
        if line.startswith("T"):
            ident, info, *_ = line.split("\t")
            spans[ident] = _spans(info.split(" ", 1)[1])
    found, discontinuous = [], 0
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        roles = dict(reversed([r.split(":", 1) for r in line.split("\t")[1].split()]))
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        discontinuous += len(content) > 1
        source = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", "")) or spans.get(roles.get("Attribution", ""))
        found.append(Attribution(fragments(text, content), source and _extent(source),
                                 cue and _extent(cue)))
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


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def shared(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two sets of disjoint fragments."""
    return sum(span_overlap(x, y) for x in a for y in b)


def _size(parts: Sequence[Span]) -> int:
    return sum(e - s for s, e in parts)


def half_each(a: Sequence[Span], b: Sequence[Span]) -> bool:
    """The shared characters are at least half of each side's characters (and not none)."""
    common = shared(a, b)
    return common > 0 and common >= 0.5 * _size(a) and common >= 0.5 * _size(b)


Condition = Callable[[str, Attribution, Attribution], bool]


def overlap(text: str, g: Attribution, p: Attribution) -> bool:
    return half_each(g.content, p.content)


def exact(text: str, g: Attribution, p: Attribution) -> bool:
    trimmed = lambda a: [t for t in (_trim(text, f) for f in a.content) if t[1] > t[0]]
    return trimmed(g) == trimmed(p)


def cue(text: str, g: Attribution, p: Attribution) -> bool:
    return bool(g.cue and p.cue and span_overlap(g.cue, p.cue)) and overlap(text, g, p)


def speaker(g: Attribution, p: Attribution) -> bool:
    """The predicted speaker covers half of the gold Source and lies half inside it."""
    if g.source is None:
        return p.source is None
    return p.source is not None and half_each((g.source,), (p.source,))


def attributed(text: str, g: Attribution, p: Attribution) -> bool:
    return cue(text, g, p) and speaker(g, p)


def match(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution],
          condition: Condition) -> list[tuple[Attribution, Attribution]]:
    """One-to-one pairs meeting ``condition``, greedy by shared content characters."""
    candidates = sorted((-shared(g.content, p.content), i, j) for i, g in enumerate(gold)
                        for j, p in enumerate(pred) if condition(text, g, p))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


CONDITIONS: dict[str, Condition] = {"overlap": overlap, "exact": exact, "cue": cue,
                                    "attributed": attributed}
HEADLINE = {("all", "cue"), ("all", "attributed"), ("direct", "attributed"),
            ("all", "overlap"), ("direct", "overlap")}  # the field's definition keeps its floors


def _prf_figures(kind_name: str, name: str, counts: PRF) -> list[Figure]:
    head = (kind_name, name) in HEADLINE
    return [Figure(f"{kind_name}.precision_{name}", counts.precision, counts.tp + counts.fp),
            Figure(f"{kind_name}.recall_{name}", counts.recall, counts.tp + counts.fn),
            Figure(f"{kind_name}.f1_{name}", counts.f1, counts.tp + counts.fp + counts.fn, head)]


def _share(flags: Sequence[bool]) -> Optional[float]:
    return sum(flags) / len(flags) if flags else None


def score(gold: Sequence[GoldArticle],
          predictions: Sequence[Sequence[Attribution]]) -> tuple[Figure, ...]:
    """Figures for all, direct and indirect attributions; both sides grouped by cue first."""
    sides = [(a.text, by_cue(a.text, a.attributions), by_cue(a.text, p))
             for a, p in zip(gold, predictions)]
    figures: list[Figure] = []
    for kind_name in KINDS:
        keep = lambda text, a: kind_name == "all" or kind(text, a) == kind_name
        counts = {name: PRF(0, 0, 0) for name in CONDITIONS}
        strict, lenient = [], []
        for text, g_all, p_all in sides:
            g = [a for a in g_all if keep(text, a)]
            p = [a for a in p_all if keep(text, a)]
            for name, condition in CONDITIONS.items():
                n = len(match(text, g, p, condition))
                counts[name] += PRF(n, len(p) - n, len(g) - n)
            pairs = [(ga, pa) for ga, pa in match(text, g, p, overlap) if ga.source]
            strict += [speaker(ga, pa) for ga, pa in pairs]
            lenient += [bool(pa.source and span_overlap(ga.source, pa.source)) for ga, pa in pairs]
        for name in CONDITIONS:
            figures += _prf_figures(kind_name, name, counts[name])
        figures += [Figure(f"{kind_name}.speaker_accuracy", _share(strict), len(strict),
                           kind_name == "all"),
                    Figure(f"{kind_name}.speaker_accuracy_any", _share(lenient), len(lenient))]
    return tuple(figures)


def from_quote(quote) -> Attribution:
    """A product :class:`~eventscope.records.Quote` as a one-fragment attribution."""
    span = lambda s: (s.start, s.end) if s else None
    return Attribution(((quote.content.start, quote.content.end),), span(quote.speaker),
                       span(quote.cue))


def predict(gold: Sequence[GoldArticle], settings) -> list[list[Attribution]]:
    from eventscope.execute import Pipeline
    from eventscope.records import Article, content_id

    pipeline = Pipeline.from_settings(settings, only=["entities", "quotes"])
    docs = (Article(id=content_id(a.text), text=a.text) for a in gold)
    return [[from_quote(q) for q in r.quotes] for r in pipeline.process(docs)]


def evaluate(gold_path: Path, settings, limit: Optional[int] = None) -> TaskReport:
    gold = load_gold(Path(gold_path), limit)
    predicted = predict(gold, settings)
    figures = score(gold, predicted)
    total = sum(len(a.attributions) for a in gold)
    direct = sum(kind(a.text, x) == "direct" for a in gold for x in by_cue(a.text, a.attributions))
    quotes = sum(len(p) for p in predicted)
    grouped = sum(len(by_cue(a.text, p)) for a, p in zip(gold, predicted))
    no_cue = sum(x.cue is None for p in predicted for x in p)
    notes = (f"{len(gold)} articles, {total} gold attributions ({direct} direct), one annotator "
             "file per article",
             f"{sum(a.discontinuous for a in gold)} discontinuous gold contents scored by their "
             "fragments",
             f"{quotes} predicted quotes read as {grouped} attributions (quotes sharing a cue and "
             f"a speaker are one); {no_cue} have no cue and never match the cue figures",
             "texts are used as written (not NFC-normalised) so gold offsets apply unchanged")
    files = sorted(str(p) for p in Path(gold_path).rglob("*") if p.suffix in (".txt", ".ann"))
    return TaskReport("quotes", tuple(files), figures, notes)
