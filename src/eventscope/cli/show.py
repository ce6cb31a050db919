"""``eventscope show ARTICLE``: one stored article read with its records.

The text is printed with each event's trigger, quote, place and date marked in it (colours on
a terminal) and a label after it (``[E1]``, ``[Q1]``, ``[P1]``, ``[D1]``), then the records
under the same labels, each with its record id and span ``[start:end]``; ``--json`` prints the
article and its records as one JSON object, the shape ``eventscope extract`` writes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

import click
from rich.console import Console
from rich.text import Text

from eventscope.cli.options import db_option, json_option, shorten, source_ref
from eventscope.cli.query import open_store
from eventscope.records import to_json

# record kind -> (label letter, style of its span in the text)
MARKS = {"events": ("E", "bold red"), "quotes": ("Q", "green"), "places": ("P", "blue underline"),
         "dates": ("D", "magenta")}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    style: str
    label: str


def marks(result) -> list[Mark]:
    """The spans ``show`` marks in the text: triggers, quotes, places and dates, labelled."""
    found = []
    for kind, (letter, style) in MARKS.items():
        for n, record in enumerate(getattr(result, kind), 1):
            span = _span(kind, record)
            found.append(Mark(span[0], span[1], style, f"{letter}{n}"))
    return found


def _span(kind: str, record) -> tuple[int, int]:
    if kind == "events":
        return record.trigger.start, record.trigger.end
    if kind == "quotes":
        return record.content.start, record.content.end
    return record.start, record.end


def marked_text(text: str, found: list[Mark]) -> Text:
    """``text`` styled at each mark, each mark's label inserted after its span."""
    cuts = sorted({0, len(text)} | {m.start for m in found} | {m.end for m in found})
    out = Text()
    for start, end in zip(cuts, cuts[1:]):
        styles = [m.style for m in found if m.start <= start and end <= m.end and m.start < m.end]
        out.append(text[start:end], style=" ".join(styles) or None)
        labels = [m.label for m in found if m.end == end]
        if labels:
            out.append(f"[{','.join(labels)}]", style="dim")
    return out


def _parties(actors) -> str:
    return "; ".join((a.name or a.text) + (f" [{a.code or a.country}]" if a.code or a.country
                                            else "") for a in actors)


def record_lines(result) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each kind of record, every line with its label, id and span."""
    def line(label, record_id, start, end, rest):
        return f"{label:<4} {record_id}  [{start}:{end}]  {rest}"

    sections = [("events", [line(f"E{n}", e.id, e.trigger.start, e.trigger.end,
                                 f"{e.event_type}{'/' + e.mode if e.mode else ''} "
                                 f"{e.trigger.text!r} {_parties(e.actor) or '?'} -> "
                                 f"{_parties(e.recipient) or (e.target.text if e.target else '-')}"
                                 f"; {e.date or 'no date'}; {e.modality}")
                            for n, e in enumerate(result.events, 1)]),
                ("quotes", [line(f"Q{n}", q.id, q.content.start, q.content.end,
                                 f"{q.speaker_name or (q.speaker.text if q.speaker else '?')} "
                                 f"({q.kind}): “{shorten(q.content.text, 70)}”")
                            for n, q in enumerate(result.quotes, 1)]),
                ("places", [line(f"P{n}", p.id, p.start, p.end,
                                 f"{p.text!r} {p.name or '?'} ({p.feature or p.use}, "
                                 f"{p.country or '?'})")
                            for n, p in enumerate(result.places, 1)]),
                ("dates", [line(f"D{n}", d.id, d.start, d.end, f"{d.text!r} {d.type} {d.value}")
                           for n, d in enumerate(result.dates, 1)]),
                ("entities", [line(e.label, e.id, e.start, e.end,
                                   f"{e.text!r}" + (f" = {e.canonical}" if e.canonical != e.text
                                                    else "")
                                   + (f" [{(e.country or '') + (e.sector or '')}]"
                                      if e.country or e.sector else ""))
                              for e in result.entities])]
    return sections


def header(article) -> list[str]:
    where = [f"id {article.id}",
             f"published {article.published_at or article.published or 'unknown'}"]
    if article.source:
        where.append(f"source {source_ref(article.source)}")
    if article.url:
        where.append(f"url {article.url}")
    return [article.title or "(no title)", " · ".join(where)]


@click.command()
@click.argument("article")
@db_option
@json_option
@click.pass_obj
def show(settings, article, db_url: Optional[str], as_json: bool) -> None:
    """Print the stored ARTICLE (its id, the start of its id, or its URL) with its events,
    quotes, places and dates marked in the text, and every record with its id and span."""
    with open_store(settings, db_url) as store:
        result = store.find(article)
    if as_json:
        click.echo(json.dumps(to_json(result), ensure_ascii=False))
        return
    console = Console(highlight=False)
    title, line = header(result.article)
    console.print(Text(title, style="bold"))
    console.print(Text(line, style="dim"))
    console.print()
    console.print(marked_text(result.article.text, marks(result)))
    for heading, lines in record_lines(result):
        console.print()
        console.print(Text(f"{heading} ({len(lines)})", style="bold"))
        for text in lines:
            console.print(Text(text), overflow="fold")
