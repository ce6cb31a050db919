"""Export the store: whole articles as JSON Lines, or flat tables as CSV or Parquet.

The flat tables have declared columns (:data:`COLUMNS`), so an export has the same header and
Parquet schema whether it holds a million rows or none. Rows are streamed in chunks.
"""
from __future__ import annotations

import csv
import io
import json
from itertools import islice
from typing import Any, BinaryIO, Iterator

from eventscope.errors import InputError
from eventscope.records import to_json
from eventscope.store.queries import ArticleFilter, EventFilter, QuoteFilter
from eventscope.store.rows import codes

FORMATS = ("jsonl", "csv", "parquet")
_CHUNK = 5000  # rows per Parquet row group

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
        ("article_id", "string"), ("published", "string"), ("title", "string"),
        ("url", "string"), ("source", "string"), ("author", "string"),
        ("external_id", "string"), ("words", "int64"), ("events", "int64"),
        ("quotes", "int64"),
    ],
}
TABLES = tuple(COLUMNS)


def export(store, fmt: str, out: BinaryIO, table: str = "events") -> int:
    """Write the store to ``out``; returns the number of rows (or articles) written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if table not in TABLES:
        raise InputError(f"unknown export table {table!r} (tables: {', '.join(TABLES)})")
    if fmt == "jsonl":
        return _jsonl(store, out)
    rows = flat_rows(store, table)
    return _csv(rows, out, table) if fmt == "csv" else _parquet(rows, out, table)


def _jsonl(store, out: BinaryIO) -> int:
    n = 0
    for article_id in store.article_ids():
        result = store.get(article_id)
        out.write((json.dumps(to_json(result), ensure_ascii=False) + "\n").encode("utf-8"))
        n += 1
    return n


def flat_rows(store, table: str) -> Iterator[dict[str, Any]]:
    """One flat dict per event, quote or article, keyed by the columns of :data:`COLUMNS`."""
    if table == "events":
        for row in store.events(EventFilter()):
            yield {**_event_row(row.event), "article_id": row.article_id,
                   "published": row.published, "title": row.title, "source": row.source}
    elif table == "quotes":
        for row in store.quotes(QuoteFilter()):
            q = row.quote
            yield {
                "article_id": row.article_id, "quote_id": q.id, "kind": q.kind,
                "speaker": q.speaker.text if q.speaker else None, "speaker_name": q.speaker_name,
                "speaker_country": q.speaker_country, "content": q.content.text,
                "content_start": q.content.start, "content_end": q.content.end,
                "cue": q.cue.text if q.cue else None, "confidence": q.confidence,
                "published": row.published, "title": row.title, "source": row.source,
            }
    else:
        for row in store.articles(ArticleFilter()):
            a = row.article
            yield {
                "article_id": a.id, "published": a.published, "title": a.title, "url": a.url,
                "source": a.source, "author": a.author, "external_id": a.external_id,
                "words": len(a.text.split()), "events": row.events, "quotes": row.quotes,
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
        while chunk := list(islice(rows, _CHUNK)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:  # a file with the schema and no rows, rather than no file at all
            writer.write_table(schema.empty_table())
    return n
