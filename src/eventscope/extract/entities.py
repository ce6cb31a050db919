"""entities.v1: named-entity mentions from the parse, grouped into in-document clusters.

Clustering is deliberately simple and explainable: two mentions of the same label corefer when
their names match ignoring case and a leading "the", when one is the other's surname (or first
name) for persons, or when one is the other's acronym for organisations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from eventscope.records import Article, Entity, content_id

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME"})
_CLUSTERED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def normalise_name(text: str) -> str:
    """Case-folded name without a leading article or trailing possessive."""
    return _POSSESSIVE.sub("", _LEADING.sub("", text.strip())).strip().casefold()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words).casefold()


@dataclass
class _Cluster:
    label: str
    canonical: str
    key: str

    def accepts(self, label: str, key: str, text: str) -> bool:
        if label != self.label and {label, self.label} - {"GPE", "LOC"}:
            return False
        if key == self.key:
            return True
        tokens = self.key.split()
        if label == "PERSON" and len(key.split()) == 1 and len(tokens) > 1:
            return key in (tokens[0], tokens[-1])
        if label == "ORG" and text.isupper() and len(text) >= 2:
            return acronym(self.canonical) == key
        return False


def cluster_mentions(mentions: list[tuple[str, str]]) -> tuple[list[int], list[_Cluster]]:
    """Cluster index for each (label, text) mention, and the clusters; longest names seed."""
    order = sorted(range(len(mentions)), key=lambda i: -len(mentions[i][1]))
    clusters: list[_Cluster] = []
    assigned = [0] * len(mentions)
    for i in order:
        label, text = mentions[i]
        key = normalise_name(text)
        match = next(
            (n for n, c in enumerate(clusters) if label in _CLUSTERED and c.accepts(label, key, text)),
            None,
        )
        if match is None:
            clusters.append(_Cluster(label, _LEADING.sub("", text.strip()), key))
            match = len(clusters) - 1
        assigned[i] = match
    return assigned, clusters


class EntityExtractor:
    """``(doc, article, prior) -> tuple[Entity, ...]``, codes from an actor dictionary."""

    def __init__(self, actors):
        self.actors = actors

    def __call__(self, doc, article: Article, prior) -> tuple[Entity, ...]:
        ents = [e for e in doc.ents if e.label_ in LABELS and e.text.strip()]
        assigned, clusters = cluster_mentions([(e.label_, e.text) for e in ents])
        records = []
        for ent, index in zip(ents, assigned):
            cluster = clusters[index]
            code = self._code(cluster.canonical, ent.label_)
            records.append(
                Entity(
                    id=content_id(article.id, "entity", ent.start_char, ent.end_char),
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    label=ent.label_,
                    cluster=content_id(article.id, "cluster", cluster.label, cluster.key),
                    canonical=cluster.canonical,
                    country=code.country if code else None,
                    sector=code.sector if code else None,
                )
            )
        return tuple(records)

    def _code(self, name: str, label: str) -> Optional[object]:
        if label in {"DATE", "TIME", "EVENT"}:
            return None
        return self.actors.lookup(name)
