"""Near-duplicate grouping scored on a test set built from eventscope's own sample texts.

Each sample article (``src/eventscope/samples``, written for eventscope) yields edited copies of
the kinds news republishing makes: a wire credit and a related-links footer added, words
substituted, a sentence dropped, the last paragraph cut, a headline-style first sentence
prepended. They should join their original's group. Texts that only share a paragraph (a
follow-up that reuses the background paragraph of another report), and the other samples,
should not. Precision and recall are over the pairs (copy, original) the grouping decides.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from eventscope.records import Article, content_id
from eventscope.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CREDIT = "\n\n(Reporting by our correspondents; editing by the world desk.)"
FOOTER = "\n\nRead more: regional news, analysis and opinion, newsletters and podcasts."
LEAD = "UPDATE 1 - Officials respond as the situation develops. "
FILLERS = ("reportedly", "officially", "meanwhile", "however", "also")


@dataclass(frozen=True)
class Case:
    text: str
    original: Optional[int]  # index of the original it copies, None for a distinct text
    kind: str


def sample_texts(settings: Optional[Settings] = None) -> list[str]:
    """The article texts of the bundled samples, in file order."""
    from eventscope.ingest import iter_inputs

    settings = settings or Settings()
    return [a.text for a in iter_inputs([str(SAMPLES)], settings) if isinstance(a, Article)]


def edits(text: str, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, edited text) copies of ``text``."""
    words = text.split(" ")
    swapped = list(words)
    for i in rng.sample(range(len(words)), k=max(1, len(words) // 40)):
        swapped[i] = rng.choice(FILLERS)
    sentences = text.split(". ")
    dropped = ". ".join(s for i, s in enumerate(sentences) if i != len(sentences) // 2)
    paragraphs = text.split("\n")
    cut = "\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else text[: int(len(text) * 0.85)]
    return [("wire credit", text + CREDIT), ("footer", text + FOOTER),
            ("words changed", " ".join(swapped)), ("sentence dropped", dropped),
            ("end cut", cut), ("lead added", LEAD + text)]


def build_cases(texts: list[str], seed: int = 11) -> list[Case]:
    """Originals, their edited copies, and shared-paragraph texts that are distinct stories."""
    rng = random.Random(seed)
    cases = [Case(t, None, "original") for t in texts]
    for i, text in enumerate(texts):
        cases.extend(Case(edited, i, kind) for kind, edited in edits(text, rng))
    for i, text in enumerate(texts):  # a follow-up reusing the opening of another story
        other = texts[(i + 1) % len(texts)]
        half = other[len(other) // 2:]
        cases.append(Case(text[: len(text) // 3] + "\n" + half, None, "shared paragraph"))
    return cases


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int


def score(settings: Optional[Settings] = None, seed: int = 11) -> Score:
    """Group the test set in its order with :class:`NearDuplicates` and score it."""
    from eventscope.ingest.dedup import NearDuplicates

    settings = settings or Settings()
    texts = sample_texts(settings)
    cases = build_cases(texts, seed)
    grouping = NearDuplicates(settings)
    originals = {content_id(t): i for i, t in enumerate(texts)}
    tp = fp = fn = 0
    for case in cases:
        copy = grouping.group_of(Article(id=content_id(case.text), text=case.text))
        joined = originals.get(copy.article_id) if copy else None
        if case.original is None:
            fp += copy is not None
        elif joined == case.original:
            tp += 1
        else:
            fn += 1
            fp += copy is not None
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Score(round(precision, 4), round(recall, 4), tp, fp, fn)
