"""CSV and JSON Lines downloads, streamed row by row."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from fastapi.responses import StreamingResponse

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


def _csv(rows: Iterable[dict], columns) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def download(rows: Iterable[dict], fmt: str, name: str, columns=()) -> StreamingResponse:
    body = _csv(rows, columns) if fmt == "csv" else _jsonl(rows)
    return StreamingResponse(body, media_type=MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
