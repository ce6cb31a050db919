"""Export the store: whole articles as JSON Lines, or flat tables as CSV or Parquet.

The flat tables have declared columns (:data:`COLUMNS`), so an export has the same header and
Parquet schema whether it holds a million rows or none. Rows are streamed from the database in
chunks (:data:`CHUNK` rows fetched at a time, one Parquet row group each), so memory stays flat
however large the store. :func:`export_file` writes a temporary file beside the target and
renames it into place only when the export is complete: a failed export leaves no truncated
file, and the file it would have replaced is untouched.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from sqlalchemy.exc import SQLAlchemyError

from eventscope.errors import ExportError, InputError, StoreError, database_reason, os_reason
from eventscope.records import Event, Quote, from_json, to_json
from eventscope.store.queries import (
    ArticleFilter, EventFilter, QuoteFilter, article_query, event_query, quote_query,
)
from eventscope.store.rows import codes

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 2000  # rows fetched from the database at a time, and rows per Parquet row group

# flat table -> (column, Arrow type name); the order is the CSV and Parquet column order
_ROW_SOURCE = [("published", "string"), ("title", "string"), ("source", "string")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "events": [
        ("article_id", "string"), ("event_id", "string"), ("event_type", "string"),
        ("mode", "string"), ("context", "string"), ("modality", "string"), ("date", "string"),
        ("actor", "string"), ("actor_code", "string"), ("actor_country", "string"),
        ("recipient", "string"), ("recipient_code", "string"), ("recipient_country", "string"),
        ("target", "string"), ("location", "string"), ("lat", "float64"), ("lon", "float64"), ("trigger", "string"),
        ("trigger_start", "int64"), ("trigger_end", "int64"), ("sentence_start", "int64"),
        ("sentence_end", "int64"), ("event_text", "string"), ("quote_id", "string"),
        ("confidence", "float64"), *_ROW_SOURCE,
    ],
    "quotes": [
        ("article_id", "string"), ("quote_id", "string"), ("kind", "string"),
        ("speaker", "string"), ("speaker_name", "string"), ("speaker_country", "string"),
        ("content", "string"), ("content_start", "int64"), ("content_end", "int64"),
        ("cue", "string"), ("confidence", "float64"), *_ROW_SOURCE,
    ],
    "articles": [
        ("article_id", "string"), ("published", "string"), ("published_at", "string"),
        ("title", "string"), ("url", "string"), ("source", "string"), ("author", "string"),
        ("external_id", "string"), ("words", "int64"), ("events", "int64"),
        ("quotes", "int64"),
    ],
}
TABLES = tuple(COLUMNS)


# Characters a JSON string may hold raw but that many line readers (Python's splitlines, some
# editors and JavaScript) take for line breaks: escaped, so one record is always one line.
_LINE_BREAKING = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(record) -> str:
    """``record`` as one line of JSON Lines, non-ASCII text kept readable."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKING)


def export(store, fmt: str, out: BinaryIO, table: str = "events") -> int:
    """Write the store to ``out``; returns the number of rows (or articles) written.

    A database that fails while it is read is one :class:`StoreError` line.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if table not in TABLES:
        raise InputError(f"unknown export table {table!r} (tables: {', '.join(TABLES)})")
    try:
        if fmt == "jsonl":
            return _jsonl(store, out)
        rows = flat_rows(store, table)
        return _csv(rows, out, table) if fmt == "csv" else _parquet(rows, out, table)
    except SQLAlchemyError as exc:
        from eventscope.store.engine import shown

        raise StoreError(f"cannot read database {shown(store.url)}: "
                         f"{database_reason(exc)}") from None


def export_file(store, fmt: str, path: "str | os.PathLike", table: str = "events") -> int:
    """Export to the file ``path``, all or nothing: written to a temporary file in the same
    folder, flushed to disk, then renamed over ``path``. Any failure removes the temporary
    file, leaves ``path`` as it was and is one :class:`ExportError` (or :class:`StoreError`)
    line naming the file and what to do."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot export to {target}: its folder {folder} does not exist "
                          "(create it or choose another --output)")
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a folder (give a file name)")
    try:
        handle = tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{target.name}.",
                                             suffix=".part", delete=False)
    except OSError as exc:
        raise ExportError(f"cannot export to {target}: {os_reason(exc)}") from None
    try:
        with handle:
            n = export(store, fmt, handle, table)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o666 & ~_umask())  # as open() would have made it
        os.replace(handle.name, target)
    except OSError as exc:
        _remove(handle.name)
        raise ExportError(f"cannot export to {target}: {os_reason(exc)}; nothing was written "
                          "there") from None
    except BaseException:
        _remove(handle.name)
        raise
    return n


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _jsonl(store, out: BinaryIO) -> int:
    """One article at a time; only the list of ids (a few dozen bytes each) is held."""
    n = 0
    for article_id in store.article_ids():
        result = store.get(article_id)
        out.write((json_line(to_json(result)) + "\n").encode("utf-8"))
        n += 1
    return n


def _stream(store, query) -> Iterator[Any]:
    """The rows of ``query``, fetched :data:`CHUNK` at a time (a server-side cursor where the
    database has them), never all at once."""
    with store.engine.connect() as connection:
        yield from connection.execution_options(yield_per=CHUNK).execute(query)


def flat_rows(store, table: str) -> Iterator[dict[str, Any]]:
    """One flat dict per event, quote or article, keyed by the columns of :data:`COLUMNS`,
    streamed from the database."""
    if table == "events":
        for r in _stream(store, event_query(EventFilter())):
            yield {**_event_row(from_json(Event, r.data)), "article_id": r.id,
                   "published": r.published, "title": r.title, "source": r.source}
    elif table == "quotes":
        for r in _stream(store, quote_query(QuoteFilter())):
            q = from_json(Quote, r.data)
            yield {
                "article_id": r.id, "quote_id": q.id, "kind": q.kind,
                "speaker": q.speaker.text if q.speaker else None, "speaker_name": q.speaker_name,
                "speaker_country": q.speaker_country, "content": q.content.text,
                "content_start": q.content.start, "content_end": q.content.end,
                "cue": q.cue.text if q.cue else None, "confidence": q.confidence,
                "published": r.published, "title": r.title, "source": r.source,
            }
    else:
        for r in _stream(store, article_query(ArticleFilter())):
            yield {
                "article_id": r.id, "published": r.published, "published_at": r.published_at,
                "title": r.title, "url": r.url,
                "source": r.source, "author": r.author, "external_id": r.external_id,
                "words": len(r.text.split()), "events": r.n_events, "quotes": r.n_quotes,
            }


def _event_row(e) -> dict[str, Any]:
    loc = e.event_loc
    joined = lambda values: codes(values).strip("|") or None
    return {
        "event_id": e.id, "event_type": e.event_type, "mode": e.mode,
        "context": ";".join(e.context), "modality": e.modality, "date": e.date,
        "actor": " | ".join(a.text for a in e.actor), "actor_code": joined(a.code for a in e.actor),
        "actor_country": joined(a.country for a in e.actor),
        "recipient": " | ".join(a.text for a in e.recipient),
        "recipient_code": joined(a.code for a in e.recipient),
        "recipient_country": joined(a.country for a in e.recipient),
        "target": e.target.text if e.target else None,
        "location": (loc.name or loc.text) if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "trigger": e.trigger.text, "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end, "sentence_start": e.sentence.start,
        "sentence_end": e.sentence.end, "event_text": e.event_text, "quote_id": e.quote_id,
        "confidence": e.confidence,
    }


def _csv(rows: Iterator[dict], out: BinaryIO, table: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    n = 0
    try:
        writer = csv.DictWriter(text, fieldnames=[name for name, _ in COLUMNS[table]])
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return n


def _parquet(rows: Iterator[dict], out: BinaryIO, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        while chunk := list(islice(rows, CHUNK)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:  # a file with the schema and no rows, rather than no file at all
            writer.write_table(schema.empty_table())
    return n
