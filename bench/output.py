"""The benchmark's table: each figure next to its goal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def print_results(result: dict, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    corpus = result["corpus"]
    table = Table(title=f"eventscope bench: {corpus['articles']:,} articles, "
                        f"{corpus['words']:,} words, model {result['model']}, one core, "
                        f"median of {result['runs']} run(s)", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("goal")
    raw, pipe = result["raw_spacy"], result["pipeline"]
    table.add_row("raw spaCy nlp.pipe (words/s)", f"{raw['words_per_second']:,.0f}", "")
    table.add_row(f"pipeline, {pipe['mode']} (words/s)", f"{pipe['words_per_second']:,.0f}", "")
    ratio = result["ratio"]
    if ratio is not None:
        table.add_row("pipeline / raw spaCy", f"{ratio:.1%}",
                      f"≥ {result['goal_ratio']:.0%}: {_verdict(ratio >= result['goal_ratio'])}")
    for name, share in sorted(result["stage_shares"].items(), key=lambda kv: -kv[1]):
        table.add_row(f"  share of time: {name}", f"{share:.1%}", "")
    memory = result.get("memory")
    if memory:
        for run in memory["runs"]:
            table.add_row(f"peak RSS, {run['copies']}x corpus ({run['articles']:,} articles)",
                          f"{run['peak_rss_mib']:,.0f} MiB", "")
        growth = memory["growth"]
        table.add_row("peak RSS growth", f"{growth:+.1%}",
                      f"< {memory['goal_growth']:.0%}: {_verdict(growth < memory['goal_growth'])}")
    gazetteer = result.get("gazetteer")
    if gazetteer:
        table.add_row(f"gazetteer load, {gazetteer['min_population']}+ people "
                      f"({gazetteer['names']:,} names)", f"{gazetteer['seconds']:.2f} s",
                      f"≤ {gazetteer['goal_seconds']:.0f} s: "
                      f"{_verdict(gazetteer['seconds'] <= gazetteer['goal_seconds'])}")
        if gazetteer["peak_rss_mib"] is not None:  # Linux only
            table.add_row("gazetteer load, peak RSS", f"{gazetteer['peak_rss_mib']:,.0f} MiB",
                          f"≤ {gazetteer['goal_mib']} MiB: "
                          f"{_verdict(gazetteer['peak_rss_mib'] <= gazetteer['goal_mib'])}")
    console.print(table)
    for note in result.get("notes", []):
        console.print(f"note: {note}", markup=False)
