"""Near-duplicate articles: republished wire copy and lightly edited versions of one text.

Each article's text is cut into word 3-grams (case folded, punctuation dropped) and summarised
by a MinHash of ``NUM_PERM`` permutations; an LSH index (datasketch) finds earlier articles
whose estimated Jaccard similarity may pass ``near_duplicate_threshold``, and the best one that
really does (by the two MinHashes) is the article's group. The first article of a group is its
representative and the only one processed; the later ones become :class:`Copy` records, kept
in the store as sources of the representative's text. Articles under
``near_duplicate_min_words`` words are never grouped: short texts share too many 3-grams by
chance. The index lives as long as the :class:`NearDuplicates` object (one ingest run, or one
``watch`` process across its polls).

::

    grouping = NearDuplicates(settings)
    for article in grouping.representatives(articles):
        ...                                   # process it
    copies = grouping.take_copies()           # the copies seen so far, to store
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from eventscope.records import Article
from eventscope.settings import Settings

NUM_PERM = 128  # permutations per MinHash: error of the Jaccard estimate about 1/sqrt(128)
SHINGLE_WORDS = 3
LSH_MAX_THRESHOLD = 0.9
SEED = 1  # fixed, so signatures are comparable across processes and runs
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copy:
    """A near-duplicate of a processed article: another source of (almost) the same text."""

    article_id: str  # the representative, processed and stored
    member_id: str  # the copy's own content hash
    similarity: float  # estimated Jaccard similarity of their 3-gram sets
    source: str = ""  # where the copy was read ("" if unknown)
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of word ``size``-grams of ``text`` (casefolded), as bytes for hashing."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str):
    """The MinHash of ``text``'s shingles."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    return minhash


class NearDuplicates:
    """Groups near-duplicate articles as they stream past (see the module docstring)."""

    def __init__(self, settings: Settings):
        from datasketch import MinHashLSH

        self.threshold = settings.near_duplicate_threshold
        self.min_words = settings.near_duplicate_min_words
        # candidates by LSH, then checked against the threshold itself; datasketch cannot band
        # for thresholds near 1
        self._lsh = MinHashLSH(threshold=min(self.threshold, LSH_MAX_THRESHOLD), num_perm=NUM_PERM)
        self._signatures: dict = {}  # representative id -> MinHash
        self._copies: list[Copy] = []
        self.copies_seen = 0
        self._member_of: dict[str, str] = {}  # copy id -> the article processed for it

    def group_of(self, article: Article) -> Optional[Copy]:
        """The :class:`Copy` record if ``article`` copies an earlier one, else None (and the
        article becomes a representative that later copies can join)."""
        if len(article.text.split()) < self.min_words or article.id in self._signatures:
            return None
        minhash = signature(article.text)
        best: Optional[tuple[float, str]] = None
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, candidate)
        if best is None:
            self._lsh.insert(article.id, minhash)
            self._signatures[article.id] = minhash
            return None
        return _copy(best[1], article, round(best[0], 4))

    def same_text(self, article: Article) -> None:
        """Keep ``article``, a repeat of an earlier article's very text from another source,
        as a copy of it (similarity 1)."""
        processed = self._member_of.get(article.id, article.id)
        self._copies.append(_copy(processed, article, 1.0))
        self.copies_seen += 1

    def representatives(self, articles: Iterable[Article]) -> Iterator[Article]:
        """``articles`` without the near-duplicates of earlier ones, which are kept as copies."""
        for article in articles:
            copy = self.group_of(article)
            if copy is None:
                yield article
            else:
                self._copies.append(copy)
                self._member_of[copy.member_id] = copy.article_id
                self.copies_seen += 1

    def take_copies(self) -> list[Copy]:
        """The copies found since the last call."""
        copies, self._copies = self._copies, []
        return copies

    def __len__(self) -> int:
        return len(self._signatures)


def _copy(article_id: str, member: Article, similarity: float) -> Copy:
    return Copy(article_id=article_id, member_id=member.id, similarity=similarity,
                source=member.source or "", url=member.url, title=member.title,
                published=member.published)
