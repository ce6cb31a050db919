"""Export the store: whole articles as JSON Lines, or flat tables as CSV or Parquet."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO, Iterator

from eventscope.errors import InputError
from eventscope.records import to_json
from eventscope.store.queries import ArticleFilter, EventFilter, QuoteFilter
from eventscope.store.rows import codes

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("events", "quotes", "articles")


def export(store, fmt: str, out: BinaryIO, table: str = "events") -> int:
    """Write the store to ``out``; returns the number of rows (or articles) written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (formats: {', '.join(FORMATS)})")
    if table not in TABLES:
        raise InputError(f"unknown export table {table!r} (tables: {', '.join(TABLES)})")
    if fmt == "jsonl":
        return _jsonl(store, out)
    rows = list(flat_rows(store, table))
    if fmt == "csv":
        return _csv(rows, out, table)
    return _parquet(rows, out, table)


def _jsonl(store, out: BinaryIO) -> int:
    n = 0
    for article_id in store.article_ids():
        result = store.get(article_id)
        out.write((json.dumps(to_json(result), ensure_ascii=False) + "\n").encode("utf-8"))
        n += 1
    return n


def flat_rows(store, table: str) -> Iterator[dict[str, Any]]:
    if table == "events":
        for row in store.events(EventFilter()):
            e = row.event
            loc = e.event_loc
            yield {
                "article_id": row.article_id, "event_id": e.id, "event_type": e.event_type,
                "mode": e.mode, "context": ";".join(e.context), "modality": e.modality,
                "date": e.date, "actor": " | ".join(a.text for a in e.actor),
                "actor_code": codes(a.code for a in e.actor).strip("|"),
                "recipient": " | ".join(a.text for a in e.recipient),
                "recipient_code": codes(a.code for a in e.recipient).strip("|"),
                "location": loc.name or loc.text if loc else None,
                "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                "trigger": e.trigger.text, "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end, "sentence_start": e.sentence.start,
                "sentence_end": e.sentence.end, "event_text": e.event_text,
                "quote_id": e.quote_id, "confidence": e.confidence,
                "published": row.published, "title": row.title, "source": row.source,
            }
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


def _csv(rows: list[dict], out: BinaryIO, table: str) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.DictWriter(text, fieldnames=list(rows[0]) if rows else _empty_header(table))
        writer.writeheader()
        writer.writerows(rows)
        text.flush()
    finally:
        text.detach()  # leave ``out`` open for the caller
    return len(rows)


def _parquet(rows: list[dict], out: BinaryIO, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(rows[0]) if rows else _empty_header(table)
    arrow = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string())
                                                               for c in columns})
    pq.write_table(arrow, out)
    return len(rows)


def _empty_header(table: str) -> list[str]:
    return {"events": ["article_id", "event_id", "event_type"],
            "quotes": ["article_id", "quote_id", "content"],
            "articles": ["article_id", "published", "title"]}[table]
