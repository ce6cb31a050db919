"""Reading articles: plain text (with optional header lines), HTML, JSON Lines, JSON, stdin.

::

    from eventscope.ingest import Skip, iter_inputs
    for item in iter_inputs(["data/"], settings):
        if isinstance(item, Skip):
            print(item.message())      # data/a.jsonl:57: skipped: malformed JSON (...)
        else:
            print(item.id, item.published, item.text[:60])
"""
from eventscope.ingest.article import Metadata, Skip, make_article, normalise_date
from eventscope.ingest.sources import expand_paths, iter_inputs, read_path

__all__ = [
    "Metadata", "Skip", "expand_paths", "iter_inputs", "make_article", "normalise_date",
    "read_path",
]
