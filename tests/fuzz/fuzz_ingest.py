"""Atheris (libFuzzer) fuzzing of the ingest parsers; issue 13.

    .venv/bin/python tests/fuzz/fuzz_ingest.py TARGET [CORPUS_DIR...] [-max_total_time=300]
    make fuzz              # every target for FUZZ_SECONDS (300) each; crashes in .fuzz/

TARGET is one of :data:`TARGETS`: ``jsonl`` (JSON Lines, line by line), ``json`` (a JSON
document), ``html`` (a page through trafilatura), ``text`` (plain text with header lines; a
page or feed in disguise is sniffed), ``dispatch`` (a file with a suffix the input chooses,
read by :func:`read_path`, and the same bytes on standard input). The property checked for
every input: the readers yield only articles and skips, never raise; a skip is one line; an
article is non-empty stripped Unicode without NUL or lone surrogates, its id the hash of its
text. Every run also reads the seeds in :data:`SEEDS` (written to a temporary folder); new
inputs go to the first CORPUS_DIR given. ``tests/test_hostile_fuzz.py`` runs each target for
a few seconds, so CI exercises them.

Crashes found and fixed: ``dispatch``, at once: ``read_stdin`` given a temporary text wrapper
read its buffer after the wrapper was collected, which had closed it (``ValueError: I/O
operation on closed file``); the wrapper is now kept, and a closed stream is a skip. ``json``,
in seconds: a publication date with a zone offset of a day or more ("-4500") passed dateutil
but made ``datetime.isoformat`` raise in ``published_time``; such a date now has no time.
"""
from __future__ import annotations

import io
import logging
import re
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["eventscope"]):
    from eventscope.ingest import Skip
    from eventscope.ingest.jsonl import read_json_lines
    from eventscope.ingest.sources import FORMATS, UNSUPPORTED_SUFFIXES, read_bytes, read_path
    from eventscope.ingest.sources import read_stdin
    from eventscope.records import Article, content_id
    from eventscope.settings import Settings

SETTINGS = Settings(max_chars=20_000, max_bytes=200_000)
SUFFIXES = sorted({*FORMATS, *UNSUPPORTED_SUFFIXES, "", ".md", ".TXT", ".Json"})
_NOT_TEXT = re.compile("[\ud800-\udfff\x00]")
SEEDS: dict[str, list[bytes]] = {
    "jsonl": [b'{"text": "Tugboats idled.", "date": "2024-03-01", "title": "Port"}\n{"text": 1}',
              b'{"text": "a \\ud800", "id": 12345678901234567890}\n[1, {"text": ""}]\n\xff'],
    "json": [b'[{"text": "Tugboats idled.", "author": ["A", "B"]}, {"body": "x"}]',
             b'{\n "text": "Gulls circled.",\n "published": "Wed, 23 Nov 2016 15:02:00 -0500"\n}'],
    "html": [b'<html><head><meta charset="latin-1"><title>T</title></head><body><article>'
             b"<p>Gulls circled the pier at dawn.</p><script>x()</script></article></body></html>",
             b"<!DOCTYPE html><div><div><p>Deep \xe9</p></div>"],
    "text": [b"date: 2024-03-01\ntitle: Pier\n\nTugboats idled in the harbour.",
             b"<?xml version='1.0'?><rss></rss>", b"date 6 July 2023 Gulls circled.\r\n"],
    "dispatch": [b"\x00Tugboats idled.", b"\x02{\"text\": \"Gulls.\"}", b"\x05%PDF-1.4",
                 b"\x01<html><p>Ferry.</p></html>"],
}


def check(items) -> None:
    """Fail (raise) unless every item is a sound Article or a one-line Skip."""
    for item in items:
        if isinstance(item, Skip):
            message = item.message()
            if "\n" in message or _NOT_TEXT.search(message):
                raise AssertionError(f"skip is not one clean line: {message[:200]!r}")
        elif isinstance(item, Article):
            text = item.text
            if not text or text != text.strip() or _NOT_TEXT.search(text):
                raise AssertionError("article text empty, unstripped, or not storable")
            if item.id != content_id(text):
                raise AssertionError("article id is not the hash of its text")
        else:
            raise AssertionError(f"reader yielded {type(item).__name__}")


def fuzz_jsonl(data: bytes) -> None:
    check(read_json_lines(data.split(b"\n"), "fuzz.jsonl", SETTINGS))


def fuzz_json(data: bytes) -> None:
    check(read_bytes(data, "fuzz.json", "json", SETTINGS))


def fuzz_html(data: bytes) -> None:
    check(read_bytes(data, "fuzz.html", "html", SETTINGS))


def fuzz_text(data: bytes) -> None:
    check(read_bytes(data, "fuzz.txt", "text", SETTINGS))


def fuzz_dispatch(data: bytes) -> None:
    """The first byte picks the suffix; the rest is the file, and standard input."""
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ""
    body = data[1:]
    path = Path(_FOLDER.name) / f"input{suffix}"
    path.write_bytes(body)
    check(read_path(path, SETTINGS))
    check(read_stdin(io.TextIOWrapper(io.BytesIO(body), encoding="utf-8"), SETTINGS))


TARGETS = {"jsonl": fuzz_jsonl, "json": fuzz_json, "html": fuzz_html, "text": fuzz_text,
           "dispatch": fuzz_dispatch}
_FOLDER = tempfile.TemporaryDirectory(prefix="eventscope-fuzz-")


def seed_folder(target: str) -> str:
    folder = Path(_FOLDER.name) / f"corpus-{target}"
    folder.mkdir(exist_ok=True)
    for number, seed in enumerate(SEEDS[target]):
        (folder / f"seed{number}").write_bytes(seed)
    return str(folder)


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: {argv[0]} {{{','.join(TARGETS)}}} [CORPUS_DIR...] [libFuzzer options]")
    logging.disable(logging.WARNING)  # an unread date is a warning by design, not a finding
    # new inputs go to the first corpus folder given; the seeds are always read too
    target, options = argv[1], [*argv[2:], seed_folder(argv[1])]
    # libFuzzer's own arguments; a per-input timeout turns a hang into a reported crash
    atheris.Setup([argv[0], "-timeout=30", "-rss_limit_mb=3072", *options], TARGETS[target])
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
