"""The article view's spans: every record with character offsets, cut into non-overlapping
segments of the text, each linked to the innermost record that covers it. The text stays text:
templates escape every segment.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from eventscope.records import ArticleResult


@dataclass(frozen=True)
class Marked:
    """One record's span: ``anchor`` is its id on the page (``event-3``)."""
    kind: str  # entity, quote, date, place, event
    anchor: str
    start: int
    end: int
    label: str  # what the record says, shown as the segment's title


@dataclass(frozen=True)
class Segment:
    text: str
    kinds: tuple[str, ...]  # kinds of every record covering it, outermost first
    anchor: Optional[str]  # the innermost record covering it
    first_of: tuple[str, ...] = ()  # anchors of records that begin here (the text's link target)


def marked(result: ArticleResult) -> list[Marked]:
    out = []
    for i, e in enumerate(result.entities):
        code = "".join(filter(None, (e.country, e.sector)))
        out.append(Marked("entity", f"entity-{i}", e.start, e.end,
                          f"{e.label} {e.canonical}" + (f" [{code}]" if code else "")))
    for i, q in enumerate(result.quotes):
        who = q.speaker_name or (q.speaker.text if q.speaker else "?")
        out.append(Marked("quote", f"quote-{i}", q.content.start, q.content.end,
                          f"{q.kind} quote of {who}"))
    for i, d in enumerate(result.dates):
        out.append(Marked("date", f"date-{i}", d.start, d.end, f"{d.type} {d.value or '?'}"))
    for i, p in enumerate(result.places):
        out.append(Marked("place", f"place-{i}", p.start, p.end,
                          f"{p.use} place {p.name or p.text}" + (f" [{p.country}]" if p.country else "")))
    for i, e in enumerate(result.events):
        out.append(Marked("event", f"event-{i}", e.trigger.start, e.trigger.end,
                          f"{e.event_type} ({e.modality})"))
    length = len(result.article.text)
    return [m for m in out if 0 <= m.start < m.end <= length]


def segments(text: str, spans: list[Marked]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece knows the spans covering it."""
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    starts: dict[int, list[str]] = {}
    for m in spans:
        starts.setdefault(m.start, []).append(m.anchor)
    out = []
    for begin, end in zip(cuts, cuts[1:]):
        covering = sorted((m for m in spans if m.start <= begin and end <= m.end),
                          key=lambda m: (-(m.end - m.start), m.anchor))
        out.append(Segment(text[begin:end], tuple(dict.fromkeys(m.kind for m in covering)),
                           covering[-1].anchor if covering else None,
                           tuple(starts.get(begin, ()))))
    return out
