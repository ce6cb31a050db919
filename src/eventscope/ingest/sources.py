"""Where articles come from: paths, directories, globs and standard input.

Bad input never stops a run: an unreadable, binary, undecodable, oversized or empty file, or a
malformed JSON Lines record, becomes one :class:`Skip` naming the file (and line) and why, and
the iteration goes on. Only a path that does not exist stops the run, before anything is read.
"""
from __future__ import annotations

import glob
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, TextIO

from eventscope.errors import InputError
from eventscope.ingest.article import Skip
from eventscope.ingest.html import declared_charset, read_html
from eventscope.ingest.jsonl import read_json, read_json_lines
from eventscope.ingest.text import read_text
from eventscope.records import Article
from eventscope.settings import Settings

log = logging.getLogger(__name__)

STDIN = "-"  # the path that means standard input
STDIN_SOURCE = "<stdin>"
# Formats by file suffix; a file named explicitly with any other suffix is read as text.
FORMATS: dict[str, str] = {
    ".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json",
}
_GLOB_CHARS = frozenset("*?[")

Reader = Callable[[str, str, Settings], Iterator["Article | Skip"]]
_READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "json": read_json}


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files to read, in order, each once: files as given, directories recursively (only
    known suffixes, hidden entries left out, sorted), globs sorted; ``-`` stays as a marker.

    Raises :class:`InputError` for a path that does not exist or a glob matching nothing, so
    a typo stops the run before anything is read.
    """
    seen: set[Path] = set()
    found: list[Path] = []
    for raw in paths:
        for path in _expand_one(raw):
            if path not in seen:
                seen.add(path)
                found.append(path)
    return found


def iter_inputs(
    paths: Sequence[str], settings: Settings, stdin: Optional[TextIO] = None
) -> Iterator[Article | Skip]:
    """Every article (or skip) from ``paths``; ``-`` reads ``stdin`` (default ``sys.stdin``)."""
    for path in expand_paths(paths):
        if str(path) == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin, settings)
        else:
            yield from read_path(path, settings)


def read_path(path: Path, settings: Settings) -> Iterator[Article | Skip]:
    """The articles in one file; its format comes from its suffix (unknown suffix: text)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield _too_big(source, size, settings)
            return
        data = path.read_bytes()
    except OSError as error:
        log.warning("%s: cannot read: %s", source, error)
        yield Skip(source, None, f"cannot read file ({error.strerror or error})")
        return
    if len(data) > settings.max_bytes:  # grew since stat, or a pipe with no size
        yield _too_big(source, len(data), settings)
        return
    yield from read_bytes(data, source, FORMATS.get(path.suffix.lower(), "text"), settings)


def read_bytes(data: bytes, source: str, fmt: str, settings: Settings) -> Iterator[Article | Skip]:
    """The articles in ``data`` read as ``fmt`` (text, html, json or jsonl)."""
    if b"\x00" in data:
        yield Skip(source, None, "binary or undecodable file (contains NUL bytes)")
        return
    if fmt == "jsonl":
        # Decoded line by line, so one bad line costs that line only.
        yield from read_json_lines(data.split(b"\n"), source, settings)
        return
    text = _decode(data, source, fmt)
    if isinstance(text, Skip):
        yield text
        return
    yield from _READERS[fmt](text, source, settings)


def read_stdin(stream: TextIO, settings: Settings) -> Iterator[Article | Skip]:
    """Standard input, its format sniffed: ``{``/``[`` JSON or JSON Lines, ``<`` HTML, else text."""
    try:
        text = stream.read(settings.max_bytes + 1)
    except UnicodeDecodeError:
        yield Skip(STDIN_SOURCE, None, "binary or undecodable input (not UTF-8)")
        return
    except OSError as error:
        yield Skip(STDIN_SOURCE, None, f"cannot read input ({error.strerror or error})")
        return
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "replace"))
    if size > settings.max_bytes:
        # Only max_bytes + 1 characters were read, so the true size is unknown.
        yield Skip(STDIN_SOURCE, None,
                   f"input is over the {_human(settings.max_bytes)} limit (max_bytes)")
        return
    if isinstance(text, bytes):  # a binary stream was passed
        fmt = sniff_format(text.lstrip()[:8].decode("utf-8", "replace"))
        yield from read_bytes(text, STDIN_SOURCE, fmt, settings)
        return
    if "\x00" in text:
        yield Skip(STDIN_SOURCE, None, "binary or undecodable input (contains NUL bytes)")
        return
    text = text.removeprefix("\ufeff")
    yield from _READERS[sniff_format(text)](text, STDIN_SOURCE, settings)


def sniff_format(text: str) -> str:
    """The format of unnamed input, from its first non-space character."""
    first = text.lstrip("\ufeff \t\r\n")[:1]
    if first in ("{", "["):
        return "json"
    if first == "<":
        return "html"
    return "text"


def _expand_one(raw: str) -> list[Path]:
    if raw == STDIN:
        return [Path(STDIN)]
    path = Path(raw)
    if path.is_dir():
        return _walk(path)
    if path.exists():
        return [path]
    if _GLOB_CHARS.intersection(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        if matches:
            return [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
    raise InputError(f"no such file or directory: {raw}")


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=_log_walk_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name) for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS
        )
    return sorted(found)


def _log_walk_error(error: OSError) -> None:
    log.warning("cannot list %s: %s", error.filename, error.strerror or error)


def _decode(data: bytes, source: str, fmt: str) -> str | Skip:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A web page may declare another encoding for itself; plain text has no way to.
        charset = declared_charset(data) if fmt == "html" else None
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return Skip(
            source, None,
            f"binary or undecodable file (not UTF-8: byte 0x{data[error.start]:02x} "
            f"at offset {error.start})",
        )


def _too_big(source: str, size: int, settings: Settings) -> Skip:
    return Skip(
        source, None,
        f"file is {_human(size)}, over the {_human(settings.max_bytes)} limit (max_bytes)",
    )


def _human(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"
