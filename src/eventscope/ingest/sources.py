"""Where articles come from: paths, directories, globs and standard input.

Bad input never stops a run: an unreadable, binary, undecodable, oversized or empty file, a
special file (FIFO, device, a link to one), a symbolic link loop, or a malformed JSON Lines
record, becomes one :class:`Skip` naming the file (and line) and why, and the iteration goes
on. Only a path that does not exist stops the run, before anything is read. A special file is
refused from its status, before it is opened, so a FIFO or ``/dev/zero`` never hangs or fills
memory; a name that is not valid UTF-8 or holds control characters is shown (and stored as the
article's source) with those escaped, so each skip stays one printable line.
"""
from __future__ import annotations

import glob
import logging
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, TextIO

from eventscope.errors import InputError
from eventscope.ingest.article import Skip
from eventscope.ingest.html import declared_charset, read_html
from eventscope.ingest.jsonl import read_json, read_json_lines
from eventscope.ingest.text import read_text
from eventscope.ingest.warc import is_warc, read_warc
from eventscope.records import Article
from eventscope.settings import Settings

log = logging.getLogger(__name__)

STDIN = "-"  # the path that means standard input
STDIN_SOURCE = "<stdin>"
# Formats by file suffix; a file named explicitly with any other suffix is read as text (or as
# HTML when it opens as a page), unless it is of a format in UNSUPPORTED_SUFFIXES.
FORMATS: dict[str, str] = {
    ".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json",
    ".warc": "warc",  # and .warc.gz: web archives, streamed by eventscope.ingest.warc
}
_GLOB_CHARS = frozenset("*?[")
# Formats eventscope does not read. Read as text, an XML feed of hundreds of articles became one
# article that ran for minutes with no output; such a file is refused at once, one line saying
# what to give instead. Known by suffix, or, for a file read as text, by how it opens.
UNSUPPORTED_SUFFIXES: dict[str, str] = {
    ".xml": "XML", ".rss": "XML (RSS)", ".atom": "XML (Atom)", ".rdf": "XML (RDF)",
    ".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".rtf": "RTF",
    ".csv": "CSV", ".tsv": "TSV", ".xls": "Excel", ".xlsx": "Excel", ".zip": "ZIP",
    ".gz": "gzip", ".tgz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".7z": "7-Zip", ".epub": "EPUB",
}
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP (or Word, Excel, EPUB)"), (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "RTF"),
)
_XML_START = re.compile(r"<(\?xml|rss\b|feed\b|rdf:RDF\b|!DOCTYPE\s+(rss|feed)\b)",
                        re.IGNORECASE)
_HTML_START = re.compile(r"<(!DOCTYPE\s+html\b|html\b)", re.IGNORECASE)
UNSUPPORTED_HINT = ("eventscope reads plain text, HTML, JSON and JSON Lines; convert it, "
                    "e.g. to JSON Lines with one article per line and a \"text\" field")

# Characters a file name shows escaped: controls (a newline would split the skip line), format
# characters (zero-width, bidi overrides that reorder what the terminal shows), separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPECIAL_FILES: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)
# Codecs Python has that no page is written in: they turn escapes into any code point.
_NOT_PAGE_ENCODINGS = frozenset({"unicode_escape", "raw_unicode_escape", "punycode", "idna"})

Reader = Callable[[str, str, Settings], Iterator["Article | Skip"]]
_READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "json": read_json}


def expand_paths(paths: Sequence[str]) -> list[Path]:
    """Files to read, in order, each once: files as given, directories recursively (only
    known suffixes, readable or refused, hidden entries left out, sorted), globs sorted; ``-``
    stays as a marker.

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
    """The articles in one file; its format comes from its suffix (unknown suffix: text,
    unless the file opens as another format). A format eventscope does not read is one Skip."""
    source = shown_path(path)
    if is_warc(path):  # streamed record by record, whatever the archive's size
        yield from read_warc(path, settings, source)
        return
    refused = unsupported(path, source)
    if refused is not None:
        yield refused
        return
    data = read_regular_file(path, source, settings.max_bytes)
    if isinstance(data, Skip):
        yield data
        return
    yield from read_bytes(data, source, FORMATS.get(path.suffix.lower(), "text"), settings)


def read_regular_file(path: Path, source: str, max_bytes: int) -> bytes | Skip:
    """The bytes of a regular file of at most ``max_bytes``, else a Skip saying why not.

    The file's status is checked before it is opened: opening a FIFO waits for a writer, and
    a device such as ``/dev/zero`` never ends.
    """
    try:
        info = os.stat(path)
        refused = _not_regular(source, info.st_mode)
        if refused is not None:
            return refused
        if info.st_size > max_bytes:
            return _too_big(source, info.st_size, max_bytes)
        data = path.read_bytes()
    except OSError as error:
        log.debug("%s: cannot read: %s", source, error)
        return Skip(source, None, f"cannot read file ({error.strerror or type(error).__name__})")
    if len(data) > max_bytes:  # grew since stat
        return _too_big(source, len(data), max_bytes)
    return data


def shown_path(path: Path | str) -> str:
    """``path`` as one printable line: bytes that are not UTF-8 as ``\\xNN``, control, format
    (zero-width, bidi) and line-separator characters as ``\\uNNNN``."""
    raw = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(_escaped(c) if unicodedata.category(c) in _HIDDEN_CATEGORIES else c
                   for c in raw)


def unsupported(path: Path, source: Optional[str] = None) -> Optional[Skip]:
    """A Skip for a file whose suffix names a format eventscope does not read, else None."""
    kind = UNSUPPORTED_SUFFIXES.get(path.suffix.lower())
    return None if kind is None else _unsupported(source or shown_path(path), kind)


def read_bytes(data: bytes, source: str, fmt: str, settings: Settings) -> Iterator[Article | Skip]:
    """The articles in ``data`` read as ``fmt`` (text, html, json or jsonl)."""
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            yield _unsupported(source, kind)
            return
    if b"\x00" in data:
        what = "input" if source == STDIN_SOURCE else "file"
        yield Skip(source, None, f"binary or undecodable {what} (contains NUL bytes)")
        return
    if fmt == "jsonl":
        # Decoded line by line, so one bad line costs that line only.
        yield from read_json_lines(data.split(b"\n"), source, settings)
        return
    text = _decode(data, source, fmt)
    if isinstance(text, Skip):
        yield text
        return
    if fmt == "text":  # a suffix that says nothing of the content, or a misnamed file
        fmt = _markup_format(text) or fmt
    if fmt == "xml":  # standard input sniffed as XML comes here too
        yield _unsupported(source, "XML")
        return
    yield from _READERS[fmt](text, source, settings)


def read_stdin(stream: TextIO, settings: Settings) -> Iterator[Article | Skip]:
    """Standard input, its format sniffed: ``{``/``[`` JSON or JSON Lines, ``<`` HTML, else text.

    The bytes under a text stream are read when there are any, so input that is not UTF-8 is
    refused by the same checks as a file, whatever error handler the text stream has.
    """
    # ``stream`` stays referenced: a text wrapper closes its buffer when it is collected
    raw = getattr(stream, "buffer", None)
    try:
        text = (raw if raw is not None else stream).read(settings.max_bytes + 1)
    except UnicodeDecodeError:
        yield Skip(STDIN_SOURCE, None, "binary or undecodable input (not UTF-8)")
        return
    except (OSError, ValueError) as error:  # ValueError: a closed stream
        reason = getattr(error, "strerror", None) or error
        yield Skip(STDIN_SOURCE, None, f"cannot read input ({reason})")
        return
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "replace"))
    if size > settings.max_bytes:
        # Only max_bytes + 1 characters were read, so the true size is unknown.
        yield Skip(STDIN_SOURCE, None,
                   f"input is over the {_human(settings.max_bytes)} limit (max_bytes)")
        return
    if isinstance(text, bytes):
        fmt = sniff_format(text.lstrip()[:8].decode("utf-8", "replace"))
        yield from read_bytes(text, STDIN_SOURCE, fmt, settings)
        return
    if "\x00" in text:
        yield Skip(STDIN_SOURCE, None, "binary or undecodable input (contains NUL bytes)")
        return
    if _SURROGATE.search(text):  # a text stream decoding with surrogateescape
        yield Skip(STDIN_SOURCE, None, "binary or undecodable input (not UTF-8)")
        return
    text = text.removeprefix("\ufeff")
    fmt = sniff_format(text)
    if fmt == "xml":
        yield _unsupported(STDIN_SOURCE, "XML")
        return
    yield from _READERS[fmt](text, STDIN_SOURCE, settings)


def sniff_format(text: str) -> str:
    """The format of unnamed input, from how it opens: json, html, xml (not read) or text."""
    first = text.lstrip("\ufeff \t\r\n")[:1]
    if first in ("{", "["):
        return "json"
    if first == "<":
        return _markup_format(text) or "html"
    return "text"


def _markup_format(text: str) -> Optional[str]:
    """"xml" for an XML document that is not XHTML, "html" for a page, None for neither."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    if _HTML_START.match(head) or (head.startswith("<?xml") and "<html" in head.lower()):
        return "html"
    if _XML_START.match(head):
        return "xml"
    return None


def _unsupported(source: str, kind: str) -> Skip:
    return Skip(source, None, f"{kind} is not a format eventscope reads ({UNSUPPORTED_HINT})")


def _expand_one(raw: str) -> list[Path]:
    if raw == STDIN:
        return [Path(STDIN)]
    path = Path(raw)
    try:
        if path.is_dir():
            return _walk(path)
    except OSError:  # a name too long, or a folder we may not look into: read, and skipped
        return [path]
    if os.path.lexists(path):  # a link to nothing, or a link loop: skipped when read
        return [path]
    if _GLOB_CHARS.intersection(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        if matches:
            return [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
    raise InputError(f"no such file or directory: {shown_path(raw)}")


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=_log_walk_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # Files of a format eventscope does not read are listed too, to be reported as skipped.
        found.extend(
            Path(root, name) for name in files
            if not name.startswith(".") and (Path(name).suffix.lower() in FORMATS
                                             or Path(name).suffix.lower() in UNSUPPORTED_SUFFIXES)
        )
    return sorted(found)


def _log_walk_error(error: OSError) -> None:
    log.warning("cannot list %s: %s", shown_path(error.filename or "?"), error.strerror or error)


def _decode(data: bytes, source: str, fmt: str) -> str | Skip:
    what = "input" if source == STDIN_SOURCE else "file"
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A web page may declare another encoding for itself; plain text has no way to.
        charset = declared_charset(data) if fmt == "html" else None
        if charset and charset.lower().replace("-", "_") not in _NOT_PAGE_ENCODINGS:
            try:
                text = data.decode(charset)
            except (LookupError, UnicodeError):
                pass
            else:
                if not _SURROGATE.search(text) and "\x00" not in text:
                    return text
        return Skip(
            source, None,
            f"binary or undecodable {what} (not UTF-8: byte 0x{data[error.start]:02x} "
            f"at offset {error.start})",
        )


def _not_regular(source: str, mode: int) -> Optional[Skip]:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "special file")
    return Skip(source, None, f"not a regular file ({kind})")


def _escaped(char: str) -> str:
    return f"\\u{ord(char):04x}"


def _too_big(source: str, size: int, max_bytes: int) -> Skip:
    return Skip(
        source, None,
        f"file is {_human(size)}, over the {_human(max_bytes)} limit (max_bytes)",
    )


def _human(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"
