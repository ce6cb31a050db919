"""``eventscope gazetteer load FILE``: a GeoNames dump into the user gazetteer every index
includes (see :mod:`eventscope.extract.geonames`)."""
from __future__ import annotations

from pathlib import Path

import click


@click.group()
def gazetteer() -> None:
    """The gazetteer places are geocoded with."""


@gazetteer.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--min-population", type=click.IntRange(min=0), default=0, show_default=True,
              help="Leave out populated places smaller than this (divisions, regions and "
                   "border posts are always kept).")
def load(file: Path, min_population: int) -> None:
    """Add the places of a GeoNames dump (allCountries or one country, .zip or .txt) to the
    user gazetteer; the index is rebuilt on next use and the places stage recomputes."""
    from eventscope.extract.gazetteer import user_gazetteer_path
    from eventscope.extract.geonames import load_dump

    summary = load_dump(file, user_gazetteer_path(), min_population)
    click.echo(
        f"read {summary.read:,} GeoNames line(s) from {file}: kept {summary.kept:,} place(s), "
        f"{summary.added:,} new and {summary.replaced:,} replaced by GeoNames id; "
        f"{summary.malformed:,} malformed line(s) skipped; user gazetteer {summary.path}",
        err=True)
