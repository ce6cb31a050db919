"""A progress bar with rate and ETA on a terminal; silent when output is not a terminal."""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
)

from eventscope.workflow import OnProgress


def estimate_articles(paths: Sequence[str]) -> int | None:
    """A cheap estimate of how many articles ``paths`` hold (JSON Lines: non-empty lines)."""
    from eventscope.ingest import expand_paths

    total = 0
    for path in expand_paths(paths):
        if str(path) == "-":
            return None
        total += _records(path) if path.suffix.lower() == ".jsonl" else 1
    return total


def _records(path: Path) -> int:
    """Non-empty lines of a regular file; 1 for anything else (a FIFO would wait, a link to
    /dev/zero never end, an unreadable file is skipped later with its reason)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


@contextlib.contextmanager
def progress_bar(console: Console, paths: Sequence[str], label: str) -> Iterator[OnProgress]:
    """Yield an ``on_progress(articles, words)`` callback drawing a bar on ``console``."""
    if not console.is_terminal:
        yield lambda articles, words: None
        return
    columns = (
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=estimate_articles(paths), rate="")
        words_seen = [0]

        def advance(articles: int, words: int) -> None:
            words_seen[0] += words
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{words_seen[0] / elapsed:,.0f} words/s" if elapsed > 0 else ""
            bar.update(task, advance=articles, rate=rate)

        yield advance


def samples_dir() -> Path:
    """The sample articles shipped inside the package (``eventscope/samples``)."""
    from importlib import resources

    return Path(str(resources.files("eventscope") / "samples"))
