"""Dyads against re3d's relations (``ner/re3d/<source>/{documents,relations}.json``).

re3d annotates relations between two entity spans of one sentence. Three of its types say how
two parties deal with each other, which is what an event coder's (actor, recipient, type)
triple says too; each is given the polarity of the PLOVER events that would show it::

    re3d relation     re3d's definition                                polarity       direction
    FightingAgainst   "in armed conflict against another entity"       conflict       source acts
    AlliesOf          "fighting alongside another entity"              cooperation    either way
    CommWith          "direct or indirect contact (met, spoke, ...)"   consultation   either way

PLOVER types by polarity (:data:`EVENT_POLARITY`); the other types (CONCEDE, RETREAT) have
none, so an event of those types links a dyad without agreeing with any relation::

    conflict      ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT
    cooperation   AGREE SUPPORT COOPERATE AID
    consultation  CONSULT REQUEST

Conflict is PLOVER's whole hostile half, verbal and material: re3d's armed conflict shows in
the news as attacks but also as threats, accusations and sanctions between the same parties.
REQUEST is consultation because an appeal is addressed to its recipient: it is contact.
Speech verbs are not events in eventscope (statements are quotes, which have no recipient), so
a dyad shown only by "told" or "spoke to" cannot be found. Negated events link nothing.

A relation is *found* when some event has an actor span overlapping the relation's source and
a recipient span (or its ``target``, what the act is aimed at when that names no party: re3d
relates attackers to the places they hit too) overlapping its target, and the event's polarity is
the relation's; for the
symmetric AlliesOf and CommWith either assignment counts. re3d often lists a symmetric pair
twice, once each way: those are merged into one relation (the notes say how many).

Figures, over relations with confidence >= 0.5 of the three types:

- ``dyads.recall`` (headline): found / relations; ``<type>.recall`` per relation type.
- ``dyads.recall_undirected``: as recall, either assignment for every type.
- ``dyads.linked``: share of relations that some event links (either way, any polarity).
- ``dyads.polarity_agreement``: among linked relations, the share linked by an event of the
  relation's polarity.
- ``dyads.same_sentence``: share of relations whose two spans lie in one sentence of
  eventscope's parse, the ceiling for a coder that codes one sentence at a time.

Offsets index the NFC-normalised article text: gold spans are re-anchored into it with
:func:`eventscope.eval.entities.anchor`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from eventscope.eval.entities import MIN_CONFIDENCE, anchor, json_lines
from eventscope.eval.metrics import span_overlap
from eventscope.eval.report import Figure, TaskReport
from eventscope.ingest.article import normalise_text
from eventscope.settings import Settings

Spans = tuple[tuple[int, int], ...]

RELATION_POLARITY = {"FightingAgainst": "conflict", "AlliesOf": "cooperation",
                     "CommWith": "consultation"}
SYMMETRIC = frozenset({"AlliesOf", "CommWith"})
FIGURE_PREFIX = {"FightingAgainst": "fighting_against", "AlliesOf": "allies_of",
                 "CommWith": "comm_with"}
EVENT_POLARITY = {
    **dict.fromkeys(("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                     "COERCE", "ASSAULT"), "conflict"),
    **dict.fromkeys(("AGREE", "SUPPORT", "COOPERATE", "AID"), "cooperation"),
    **dict.fromkeys(("CONSULT", "REQUEST"), "consultation"),
}
NO_POLARITY = "none"
# pipeline components that set no sentence boundary: left out of the parse for sentences
NOT_FOR_SENTENCES = frozenset({"tagger", "attribute_ruler", "lemmatizer", "ner"})


@dataclass(frozen=True)
class Relation:
    """A gold dyad: ``kind`` is the re3d type; spans index the normalised text."""

    kind: str
    source: tuple[int, int]
    target: tuple[int, int]

    @property
    def polarity(self) -> str:
        return RELATION_POLARITY[self.kind]


@dataclass(frozen=True)
class Link:
    """What the scorer needs of an event: its participants' spans and its polarity."""

    actors: Spans
    recipients: Spans
    polarity: str  # a RELATION_POLARITY value or NO_POLARITY


@dataclass(frozen=True)
class DyadDoc:
    id: str
    source: str
    text: str  # NFC-normalised, as the pipeline sees it
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class DyadGold:
    docs: tuple[DyadDoc, ...]
    files: tuple[str, ...]
    other_types: tuple[tuple[str, int], ...] = ()  # unscored relation types (conf >= 0.5)
    low_confidence: int = 0
    merged: int = 0  # records that repeat a relation (a symmetric pair listed both ways)
    reanchored: int = 0  # spans whose offsets or text differed from the gold record
    skipped: int = 0  # relations with a span not found near its offsets


@dataclass(frozen=True)
class Outcome:
    """How eventscope did on one relation."""

    kind: str
    found: bool
    found_undirected: bool
    linked: bool
    same_sentence: bool
    link_polarities: tuple[str, ...] = ()  # polarities of the events that link it, sorted


def _span(text: str, begin: int, end: int, value: str) -> tuple[Optional[tuple[int, int]], str]:
    return anchor(text, int(begin), int(end), normalise_text(value))


def _relation(record: dict, text: str, counts: Counter) -> Optional[Relation]:
    """The scored relation of a re3d record, or None (counted in ``counts`` by reason)."""
    kind = record.get("type", "")
    if float(record.get("confidence", 0.0)) < MIN_CONFIDENCE:
        counts["low"] += kind in RELATION_POLARITY
        return None
    if kind not in RELATION_POLARITY:
        counts[f"type:{kind}"] += 1
        return None
    source, how_s = _span(text, record["sourceBegin"], record["sourceEnd"], record["source"])
    target, how_t = _span(text, record["targetBegin"], record["targetEnd"], record["target"])
    if source is None or target is None:
        counts["skipped"] += 1
        return None
    counts["reanchored"] += (how_s != "exact") + (how_t != "exact")
    if kind in SYMMETRIC:
        source, target = sorted((source, target))
    return Relation(kind, source, target)


def _source_docs(source: Path, counts: Counter) -> list[DyadDoc]:
    texts = {d["_id"]: normalise_text(d["text"]) for d in json_lines(source / "documents.json")}
    found: dict[str, list[Relation]] = {doc_id: [] for doc_id in texts}
    for record in json_lines(source / "relations.json"):
        if record.get("documentId") not in texts:
            continue
        relation = _relation(record, texts[record["documentId"]], counts)
        if relation is not None:
            found[record["documentId"]].append(relation)
    docs = []
    for doc_id, text in texts.items():
        unique = sorted(set(found[doc_id]), key=lambda r: (r.source, r.target, r.kind))
        counts["merged"] += len(found[doc_id]) - len(unique)
        if unique:
            docs.append(DyadDoc(doc_id, source.name, text, tuple(unique)))
    return docs


def load_gold(root: Path, limit: Optional[int] = None) -> DyadGold:
    """Documents with at least one scored relation, sources in name order, at most ``limit``."""
    sources = sorted(p.parent for p in root.glob("*/relations.json"))
    if root.joinpath("relations.json").is_file():
        sources = [root]
    counts: Counter = Counter()
    docs: list[DyadDoc] = []
    files: list[str] = []
    for source in sources:
        files += [str(source / "documents.json"), str(source / "relations.json")]
        docs += _source_docs(source, counts)
    docs = docs[:limit] if limit is not None else docs
    other = tuple(sorted(((k[5:], n) for k, n in counts.items() if k.startswith("type:")),
                         key=lambda item: (-item[1], item[0])))
    return DyadGold(tuple(docs), tuple(files), other, counts["low"], counts["merged"],
                    counts["reanchored"], counts["skipped"])


def links_of(events: Iterable) -> tuple[Link, ...]:
    """Links from :class:`~eventscope.records.Event` records; negated events are left out."""
    return tuple(
        Link(tuple((a.start, a.end) for a in e.actor),
             tuple((r.start, r.end) for r in (*e.recipient, *_target(e))),
             EVENT_POLARITY.get(e.event_type, NO_POLARITY))
        for e in events if e.modality != "negated" and e.actor and (e.recipient or _target(e))
    )


def _target(event) -> tuple:
    target = getattr(event, "target", None)  # records made before targets have none
    return (target,) if target is not None else ()


def _touches(spans: Spans, span: tuple[int, int]) -> bool:
    return any(span_overlap(s, span) for s in spans)


def _joins(link: Link, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The link's actor overlaps ``first`` and its recipient ``second``."""
    return _touches(link.actors, first) and _touches(link.recipients, second)


def _inside_one(sentences: Spans, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return any(s <= min(a[0], b[0]) and max(a[1], b[1]) <= e for s, e in sentences)


def _agrees(links: Sequence[Link], polarity: str) -> bool:
    return any(k.polarity == polarity for k in links)


def judge(relation: Relation, links: Sequence[Link], sentences: Spans) -> Outcome:
    """The outcome of one relation given a document's links and sentence spans."""
    src, tgt = relation.source, relation.target
    forward = [k for k in links if _joins(k, src, tgt)]
    backward = [k for k in links if _joins(k, tgt, src)]
    directed = forward + backward if relation.kind in SYMMETRIC else forward
    return Outcome(
        relation.kind,
        found=_agrees(directed, relation.polarity),
        found_undirected=_agrees(forward + backward, relation.polarity),
        linked=bool(forward or backward),
        same_sentence=_inside_one(sentences, src, tgt),
        link_polarities=tuple(sorted({k.polarity for k in forward + backward})),
    )


def score(docs: Sequence[Sequence[Relation]], links: Sequence[Sequence[Link]],
          sentences: Sequence[Spans]) -> tuple[Outcome, ...]:
    """Outcomes of every relation over aligned documents (docs[i] with links[i], sentences[i])."""
    return tuple(
        judge(relation, doc_links, doc_sentences)
        for relations, doc_links, doc_sentences in zip(docs, links, sentences, strict=True)
        for relation in relations
    )


def _share(outcomes: Sequence[Outcome], hit: str) -> Optional[float]:
    return sum(getattr(o, hit) for o in outcomes) / len(outcomes) if outcomes else None


def figures(outcomes: Sequence[Outcome]) -> tuple[Figure, ...]:
    """Headline ``dyads.recall``; see the module docstring for every figure."""
    n = len(outcomes)
    linked = [o for o in outcomes if o.linked]
    out = [
        Figure("dyads.recall", _share(outcomes, "found"), n, headline=True),
        Figure("dyads.recall_undirected", _share(outcomes, "found_undirected"), n),
        Figure("dyads.linked", _share(outcomes, "linked"), n),
        Figure("dyads.polarity_agreement", _share(linked, "found_undirected"), len(linked)),
        Figure("dyads.same_sentence", _share(outcomes, "same_sentence"), n),
    ]
    for kind, prefix in FIGURE_PREFIX.items():
        of_kind = [o for o in outcomes if o.kind == kind]
        out += [Figure(f"{prefix}.recall", _share(of_kind, "found"), len(of_kind)),
                Figure(f"{prefix}.recall_undirected", _share(of_kind, "found_undirected"),
                       len(of_kind))]
    return tuple(out)


def outcome_notes(outcomes: Sequence[Outcome]) -> list[str]:
    """Per relation type: relations, found, same sentence, and the polarities linking them."""
    notes = []
    for kind in FIGURE_PREFIX:
        of_kind = [o for o in outcomes if o.kind == kind]
        polarities = Counter(p for o in of_kind for p in o.link_polarities)
        linked = ", ".join(f"{p} {n}" for p, n in sorted(polarities.items())) or "none"
        notes.append(
            f"{kind} ({RELATION_POLARITY[kind]}): {len(of_kind)} relations, "
            f"{sum(o.found for o in of_kind)} found, {sum(o.linked for o in of_kind)} linked "
            f"by some event, {sum(o.same_sentence for o in of_kind)} within one sentence; "
            f"polarities of linking events: {linked}")
    return notes


def gold_notes(gold: DyadGold) -> list[str]:
    other = ", ".join(f"{kind} {n}" for kind, n in gold.other_types) or "none"
    return [
        f"{len(gold.docs)} documents with scored relations; relations of the three types with "
        f"confidence < {MIN_CONFIDENCE}: {gold.low_confidence} ignored",
        f"{gold.merged} record(s) repeating a relation merged (symmetric pairs listed both ways)",
        f"gold spans: {gold.reanchored} re-anchored (offsets or text differed), "
        f"{gold.skipped} relation(s) skipped (a span not found)",
        f"relation types not scored (confidence >= {MIN_CONFIDENCE}): {other}",
        "polarity: conflict = ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT; "
        "cooperation = AGREE SUPPORT COOPERATE AID; consultation = CONSULT REQUEST",
    ]


def sentence_spans(nlp, texts: Sequence[str]) -> list[Spans]:
    """Sentence spans of each text. The Doc never leaves the pipeline, so this parses again,
    without the components that set no sentence boundary (a third of the full parse's time)."""
    disable = [name for name in nlp.pipe_names if name in NOT_FOR_SENTENCES]
    return [tuple((s.start_char, s.end_char) for s in doc.sents)
            for doc in nlp.pipe(texts, disable=disable)]


def evaluate(gold_path: Path, settings: Settings, limit: Optional[int] = None) -> TaskReport:
    """Run the whole pipeline over re3d's documents and score its dyads (module docstring)."""
    from eventscope.execute import Pipeline
    from eventscope.ingest.article import make_article

    gold = load_gold(gold_path, limit)
    pipeline = Pipeline.from_settings(settings)
    articles = [make_article(doc.text, source=f"re3d:{doc.source}:{doc.id}") for doc in gold.docs]
    links = [links_of(result.events) for result in pipeline.process(articles)]
    sentences = sentence_spans(pipeline.warm_up(), [a.text for a in articles])
    outcomes = score([d.relations for d in gold.docs], links, sentences)
    notes = gold_notes(gold) + outcome_notes(outcomes)
    return TaskReport("dyads", gold.files, figures(outcomes), tuple(notes))
