"""Near-duplicate articles: republished wire copy and lightly edited versions of one text.

Each article's text is summarised by a MinHash signature and its LSH band keys
(:mod:`eventscope.ingest.minhash`); articles sharing a band key are candidates, and the most
similar candidate whose estimated Jaccard similarity reaches ``near_duplicate_threshold`` is the
article's group (on equal similarity, the smaller id). The first article of a group is its
representative and the only one processed; the later ones become :class:`Copy` records, kept
in the store as sources of the representative's text. Articles under
``near_duplicate_min_words`` words are never grouped: short texts share too many 3-grams by
chance.

Candidates come from two places with one banding, so a run split in two groups exactly as one
run does: the representatives of this run not stored yet (in memory), and, with ``engine``
given, every article already in the store (its band keys are stored with it, see
:mod:`eventscope.store.signatures`), looked up once per batch of ``batch_size`` articles. A
representative leaves memory once it is stored (:meth:`NearDuplicates.release`) or the run
ends (:meth:`NearDuplicates.end_run`), so memory holds the articles in flight, not the store,
and a ``watch`` process polling for weeks does not grow. Without ``engine`` (the evaluation)
the index is in memory only and lives as long as the object.

::

    grouping = NearDuplicates(settings)
    for article in grouping.representatives(articles, store.engine):
        ...                                   # process and store it
    copies = grouping.take_copies()           # the copies seen so far, to store
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

import numpy as np

from eventscope.ingest.minhash import band_keys, shingles, signature, similarity, word_count
from eventscope.records import Article
from eventscope.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from eventscope.store.signatures import Candidates

__all__ = ["Copy", "NearDuplicates", "shingles"]


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


@dataclass(frozen=True)
class _Signed:
    signature: np.ndarray
    keys: tuple[int, ...]


class NearDuplicates:
    """Groups near-duplicate articles as they stream past (see the module docstring)."""

    def __init__(self, settings: Settings):
        self.threshold = settings.near_duplicate_threshold
        self.min_words = settings.near_duplicate_min_words
        self.batch_size = settings.batch_size
        self._bands: dict[int, set[str]] = {}  # band key -> representatives not stored yet
        self._pending: dict[str, _Signed] = {}  # representative id -> its signature and keys
        self._copies: list[Copy] = []
        self.copies_seen = 0
        self._member_of: dict[str, str] = {}  # copy id -> the article processed for it

    def group_of(self, article: Article) -> Optional[Copy]:
        """The :class:`Copy` record if ``article`` copies an earlier one of this object, else
        None (and the article becomes a representative that later copies can join)."""
        return self._decide(article, self._signed(article), None)

    def representatives(self, articles: Iterable[Article],
                        engine: Optional["Engine"] = None) -> Iterator[Article]:
        """``articles`` without the near-duplicates of earlier ones (of this run, and with
        ``engine`` of the store), which are kept as copies."""
        iterator = iter(articles)
        while batch := list(islice(iterator, self.batch_size)):
            signed = {a.id: s for a in batch if (s := self._signed(a)) is not None}
            stored = self._stored(signed, engine)
            for article in batch:
                copy = self._decide(article, signed.get(article.id), stored)
                if copy is None:
                    yield article
                else:
                    self._copies.append(copy)
                    self._member_of[copy.member_id] = copy.article_id
                    self.copies_seen += 1

    def same_text(self, article: Article) -> None:
        """Keep ``article``, a repeat of an earlier article's very text from another source,
        as a copy of it (similarity 1)."""
        processed = self._member_of.get(article.id, article.id)
        self._copies.append(_copy(processed, article, 1.0))
        self.copies_seen += 1

    def take_copies(self) -> list[Copy]:
        """The copies found since the last call."""
        copies, self._copies = self._copies, []
        return copies

    def release(self, stored_ids: Iterable[str]) -> None:
        """Forget the representatives ``stored_ids``: the store's index has them now."""
        for article_id in stored_ids:
            signed = self._pending.pop(article_id, None)
            for key in signed.keys if signed else ():
                ids = self._bands[key]
                ids.discard(article_id)
                if not ids:
                    del self._bands[key]

    def end_run(self) -> None:
        """Forget this run's representatives (stored by now, or failed) and copies' owners."""
        self._bands.clear()
        self._pending.clear()
        self._member_of.clear()

    def __len__(self) -> int:
        """Representatives held in memory."""
        return len(self._pending)

    def _signed(self, article: Article) -> Optional[_Signed]:
        if word_count(article.text) < self.min_words:
            return None
        sig = signature(article.text)
        return _Signed(sig, tuple(band_keys(sig)))

    def _stored(self, signed: dict[str, _Signed], engine: Optional["Engine"]) -> "Candidates":
        from eventscope.store.signatures import Candidates, stored_candidates

        if engine is None or not signed:
            return Candidates()
        keys = chain.from_iterable(s.keys for s in signed.values())
        return stored_candidates(engine, keys, self.min_words)

    def _decide(self, article: Article, signed: Optional[_Signed],
                stored: Optional["Candidates"]) -> Optional[Copy]:
        """The copy record of ``article``, or None once it is a representative."""
        stored_sigs = stored.signatures if stored else {}
        if signed is None or article.id in self._pending or article.id in stored_sigs:
            return None  # too short, or already a representative (a repeat, or stored)
        candidates: set[str] = set()
        for key in signed.keys:
            candidates.update(self._bands.get(key, ()))
            if stored:
                candidates.update(stored.by_key.get(key, ()))
        best: Optional[tuple[float, str]] = None
        for candidate in sorted(candidates):
            pending = self._pending.get(candidate)
            other = pending.signature if pending else stored_sigs[candidate]
            found = similarity(signed.signature, other)
            if found >= self.threshold and (best is None or found > best[0]):
                best = (found, candidate)
        if best is None:
            self._pending[article.id] = signed
            for key in signed.keys:
                self._bands.setdefault(key, set()).add(article.id)
            return None
        return _copy(best[1], article, round(best[0], 4))


def _copy(article_id: str, member: Article, similarity: float) -> Copy:
    return Copy(article_id=article_id, member_id=member.id, similarity=similarity,
                source=member.source or "", url=member.url, title=member.title,
                published=member.published)
