"""Records found by their character offsets in O(log n + k), not by a scan of every record.

An extractor that asks, for each of its candidates, which entities overlap a phrase or which
dates a sentence holds would cost the square of the article's length if it scanned every
record each time (issue 14: a 900,000-character article took minutes). :class:`SpanIndex`
answers those questions from sorted offsets, with the records in their original order, so a
``for`` loop over the records and a query of the index give the same answer in the same order.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import Callable, Generic, Iterable, Optional, Sequence, TypeVar

T = TypeVar("T")
Bounds = Callable[[T], tuple[int, int]]


def _start_end(record) -> tuple[int, int]:
    return record.start, record.end


class SpanIndex(Generic[T]):
    """Records with (start, end) offsets (``bounds`` gives them; ``record.start``/``.end`` by
    default). Every query returns records in the order they were given.

    >>> from eventscope.records import Span
    >>> index = SpanIndex([Span(0, 4, "Lima"), Span(10, 15, "Quito")])
    >>> [s.text for s in index.overlapping(3, 12)], index.last_ending_by(9).text
    (['Lima', 'Quito'], 'Lima')
    """

    def __init__(self, records: Iterable[T], bounds: Bounds = _start_end):
        self.records: tuple[T, ...] = tuple(records)
        spans = [bounds(r) for r in self.records]
        self._spans = spans
        self._by_start = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._by_start]
        self._longest = max((max(0, e - s) for s, e in spans), default=0)
        by_end = sorted(range(len(spans)), key=lambda i: spans[i][1])
        self._ends = [spans[i][1] for i in by_end]
        self._latest: list[int] = []  # latest position among the first k records by end
        for i in by_end:
            self._latest.append(max(i, self._latest[-1]) if self._latest else i)

    def __len__(self) -> int:
        return len(self.records)

    def _positions(self, low: int, high: int, keep: Callable[[int, int], bool]) -> list[int]:
        """Positions of records starting in [low, high] whose (start, end) ``keep`` accepts."""
        first, last = bisect_left(self._starts, low), bisect_right(self._starts, high)
        return sorted(i for i in self._by_start[first:last] if keep(*self._spans[i]))

    def overlapping_positions(self, start: int, end: int) -> list[int]:
        """Positions of the records with ``r.start < end and start < r.end``."""
        return self._positions(start - self._longest, end - 1,
                               lambda s, e: s < end and start < e)

    def overlapping(self, start: int, end: int) -> list[T]:
        return [self.records[i] for i in self.overlapping_positions(start, end)]

    def within(self, start: int, end: int) -> list[T]:
        """Records with ``start <= r.start and r.end <= end``."""
        found = self._positions(start, end, lambda s, e: start <= s and e <= end)
        return [self.records[i] for i in found]

    def starting_in(self, start: int, end: int) -> list[T]:
        """Records with ``start <= r.start < end``."""
        return [self.records[i] for i in self._positions(start, end - 1, lambda s, e: True)]

    def containing_positions(self, offset: int) -> list[int]:
        """Positions of the records with ``r.start <= offset < r.end``."""
        return self._positions(offset - self._longest, offset,
                               lambda s, e: s <= offset < e)

    def last_ending_by(self, offset: int) -> Optional[T]:
        """The last record (in the given order) with ``r.end <= offset``, or None."""
        count = bisect_right(self._ends, offset)
        return self.records[self._latest[count - 1]] if count else None


class DisjointSpans:
    """Non-overlapping (start, end) spans added one by one, with an overlap test in
    O(log n): what a "keep the longest of overlapping candidates" loop asks each time."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # non-empty, sorted, disjoint
        self._empty: list[tuple[int, int]] = []  # (s, s): overlaps what strictly holds s

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some added span has ``s < end and start < e``."""
        at = bisect_right(self._spans, (start, float("inf")))
        near = self._spans[max(0, at - 1):at + 1]
        return any(s < end and start < e for s, e in near + self._empty)

    def add(self, start: int, end: int) -> None:
        insort(self._empty if end <= start else self._spans, (start, end))


def covered(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies in one of the closed intervals [start, end]."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[0] <= s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [m[0] for m in merged]

    def inside(offset: int) -> bool:
        at = bisect_right(starts, offset) - 1
        return at >= 0 and offset <= merged[at][1]

    return inside


class PriorIndex:
    """Earlier stages' records (a stage's ``prior``) indexed by their offsets: the entities,
    the ``names`` among them (entities with a label in ``name_labels``), dates, places and
    quotes (by their content, and by their cue's start)."""

    def __init__(self, prior, name_labels: frozenset = frozenset()):
        self.entities = SpanIndex(prior.get("entities", ()))
        self.names = SpanIndex(e for e in self.entities.records if e.label in name_labels)
        self.dates = SpanIndex(prior.get("dates", ()))
        self.places = SpanIndex(prior.get("places", ()))
        self.quotes = SpanIndex(prior.get("quotes", ()),
                                bounds=lambda q: (q.content.start, q.content.end))
        self._cues: dict[int, int] = {}
        for position, quote in enumerate(self.quotes.records):
            if quote.cue:
                self._cues.setdefault(quote.cue.start, position)

    def quote_at(self, offset: int):
        """The first quote whose content holds ``offset`` or whose cue starts there."""
        positions = self.quotes.containing_positions(offset)[:1]
        if offset in self._cues:
            positions.append(self._cues[offset])
        return self.quotes.records[min(positions)] if positions else None
