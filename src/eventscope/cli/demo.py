"""`eventscope demo`: the bundled samples, processed and stored, summarised for a newcomer."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from rich.console import Console
from rich.panel import Panel

from eventscope.cli.options import err, shorten
from eventscope.cli.progress import progress_bar, samples_dir
from eventscope.errors import InputError
from eventscope.settings import Settings

NEXT_STEPS = """\
eventscope events --type ACCUSE          events of one PLOVER type
eventscope quotes --speaker minister      who said what, with sources
eventscope events --country ARM --json   JSON Lines for your own tools
eventscope export --format csv -o events.csv
eventscope extract PATH... > out.jsonl    records without a database
eventscope ingest PATH...                your own articles (txt, html, jsonl)"""


def run_demo(settings: Settings, samples: Optional[str]) -> None:
    from eventscope.store import EventFilter, QuoteFilter, Store
    from eventscope.workflow import ingest

    folder = Path(samples) if samples else samples_dir()
    if not folder.is_dir():
        raise InputError(f"sample folder not found: {folder}")
    console = Console(highlight=False)
    console.print(f"[bold]eventscope demo[/bold]: processing the sample articles in {folder}")
    with progress_bar(err, [str(folder)], "demo") as on_progress:
        summary = ingest([str(folder)], settings, on_progress=on_progress,
                         on_skip=lambda s: err.print(s.message(), markup=False))
    console.print(
        f"processed {summary.processed} article(s) ({summary.words:,} words, "
        f"{summary.words_per_second:,.0f} words/s), {summary.unchanged} already stored, "
        f"{len(summary.skipped)} skipped"
    )
    with Store.open(settings.db_url) as store:
        stats = store.stats()
        # the clearest examples: coded actor and recipient, direct quotes with named speakers
        events = sorted(store.events(EventFilter(limit=500)), key=lambda r: (
            -sum(bool(a.country) for a in (*r.event.actor, *r.event.recipient)),
            -r.event.confidence))[:5]
        quotes = sorted(store.quotes(QuoteFilter(limit=500)), key=lambda r: (
            r.quote.kind != "direct", r.quote.speaker_name is None, -r.quote.confidence))[:5]
    _print_counts(console, stats)
    _print_events(console, events)
    _print_quotes(console, quotes)
    console.print(f"\nrecords stored in [bold]{settings.db_url}[/bold]; the command is "
                  f"[bold]{_command()}[/bold]")
    console.print(Panel(NEXT_STEPS, title="what to run next", expand=False))


def _command() -> str:
    """How to call eventscope from here: the venv's script when it is not on PATH."""
    import shutil
    import sys
    from pathlib import Path

    if shutil.which("eventscope"):
        return "eventscope"
    script = Path(sys.executable).with_name("eventscope")
    return str(script) if script.exists() else "python -m eventscope.cli"


def _print_counts(console: Console, stats) -> None:
    names = ("articles", "entities", "quotes", "dates", "places", "events")
    parts = [f"{name} {getattr(stats, name, '?')}" for name in names]
    console.print("[bold]stored[/bold]: " + ", ".join(parts))


def _print_events(console: Console, rows) -> None:
    console.print("\n[bold]a few events[/bold] (type: actor → recipient, with the source text)")
    for row in rows:
        e = row.event
        actor = ", ".join(a.text for a in e.actor) or "?"
        recipient = ", ".join(a.text for a in e.recipient) or "-"
        console.print(f"  [cyan]{e.event_type}[/cyan] ({e.modality}): {actor} → {recipient}"
                      f"  date {e.date or '?'}", markup=True)
        console.print(f"    {row.source} [{e.trigger.start}:{e.trigger.end}] "
                      f"“{shorten(e.event_text, 100)}”", markup=False)


def _print_quotes(console: Console, rows) -> None:
    console.print("\n[bold]a few quotes[/bold] (speaker: content, with the source offsets)")
    for row in rows:
        q = row.quote
        speaker = q.speaker_name or (q.speaker.text if q.speaker else "unknown speaker")
        console.print(f"  [green]{speaker}[/green] ({q.kind}): “{shorten(q.content.text, 90)}”")
        console.print(f"    {row.source} [{q.content.start}:{q.content.end}]", markup=False)
