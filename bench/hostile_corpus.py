"""A hostile corpus, made on the spot, mixed with good files (issue 13).

:func:`build_corpus` writes it into a folder and returns one :class:`Case` per input: a file,
or one record of a JSON Lines file. A bad case must give exactly one skip line naming it; a
good case must be stored with ``text`` equal to its normalised text (or, for an HTML page,
holding its paragraphs and none of its scripts). Every sentence here is made up for the
purpose. Used by ``tests/test_hostile*.py`` and ``bench/hostile.py``.
"""
from __future__ import annotations

import json
import os
import socket
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from eventscope.ingest.sources import shown_path


@dataclass(frozen=True)
class Case:
    group: str
    source: str  # as a skip line or the stored article names it: shown path, ":LINE" for JSONL
    bad: bool
    text: Optional[str] = None  # a good case's normalised text, when known exactly
    contains: tuple[str, ...] = ()  # a good page: what its stored text must hold ...
    absent: tuple[str, ...] = ()  # ... and must not


GROUPS = ("encodings", "control characters", "sizes", "nesting", "HTML scripts", "file names",
          "special files", "tiny files")

PAGE = ("<html><head><title>Pier vote</title>{head}</head><body{body_attr}><article>"
        "<p>The borough pier committee voted eleven to two for a longer jetty on Tuesday.</p>"
        "<p>Carpenters from three villages will start the timber work in early spring.</p>"
        "{inner}</article></body></html>")
PAGE_PARAGRAPHS = ("voted eleven to two for a longer jetty", "Carpenters from three villages")
INJECTED = ("INJECTED", "alert(", "onerror", "<script", "javascript:", "document.write")


def normalised(text: str) -> str:
    """What ingest stores for a plain text or JSON text: NFC, newlines unified, stripped."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").strip())


def sentence(tag: str) -> str:
    """A distinct good sentence (distinct texts, so no case is an in-run duplicate)."""
    return f"The lighthouse keeper logged sample {tag} before the evening ferry left port."


class _Writer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.cases: list[Case] = []

    def file(self, group: str, name: str | bytes, data: bytes, good: Optional[str] = None,
             **page) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(self.folder), os.fsencode(name))))
        path.write_bytes(data)
        text = normalised(good) if good is not None else None
        self.cases.append(Case(group, shown_path(path), good is None and not page, text,
                               **page))
        return path

    def jsonl(self, group: str, name: str, records: list[tuple[str, Optional[str]]]) -> None:
        """Records as (raw line, good text or None for a bad one)."""
        path = self.folder / name
        path.write_bytes("\n".join(line for line, _ in records).encode("utf-8") + b"\n")
        for number, (_, good) in enumerate(records, start=1):
            self.cases.append(Case(group, f"{shown_path(path)}:{number}", good is None,
                                   normalised(good) if good is not None else None))

    def special(self, group: str, name: str, make) -> None:
        path = self.folder / name
        try:
            make(path)
        except OSError:  # e.g. a socket path too long on this system: not a case then
            return
        self.cases.append(Case(group, shown_path(path), True))


def build_corpus(folder: Path, tiny: int = 1000, huge_chars: int = 150_000) -> list[Case]:
    """Write the corpus into ``folder`` (created) and return its cases, in no particular order."""
    folder.mkdir(parents=True, exist_ok=True)
    w = _Writer(folder)
    _encodings(w)
    _controls(w)
    _sizes(w, huge_chars)
    _nesting(w)
    _pages(w)
    _names(w)
    _specials(w)
    _tiny(w, tiny)
    return w.cases


def _encodings(w: _Writer) -> None:
    g = "encodings"
    w.file(g, "png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    w.file(g, "latin1.txt", sentence("caf\u00e9").encode("latin-1"))
    w.file(g, "mixed.txt", sentence("m\u00fcnchen").encode("utf-8") + " Caf\u00e9".encode("cp1252"))
    w.file(g, "truncated.txt", sentence("cut").encode("utf-8") + "\u20ac".encode("utf-8")[:2])
    w.file(g, "utf16.txt", sentence("sixteen").encode("utf-16"))
    w.file(g, "lying.html", PAGE.format(head='<meta charset="utf-8">', body_attr="", inner="")
           .encode("cp1252") + "\u00e9t\u00e9".encode("cp1252"))
    w.file(g, "escape.html", b'<html><head><meta charset="unicode_escape"></head><body>'
           b"<p>\\ud800 \\x00 caf\xe9</p></body></html>")
    w.file(g, "bom.txt", b"\xef\xbb\xbf" + sentence("bom").encode("utf-8"), sentence("bom"))
    w.file(g, "crlf.txt", (sentence("crlf") + "\r\nSecond line.\r\n").encode("utf-8"),
           sentence("crlf") + "\nSecond line.")
    w.file(g, "cp1252.html", PAGE.format(head='<meta charset="windows-1252">', body_attr="",
                                         inner="<p>Caf\u00e9 owners \u2018cheered\u2019.</p>")
           .encode("cp1252"), contains=PAGE_PARAGRAPHS + ("Caf\u00e9 owners",))


def _controls(w: _Writer) -> None:
    g = "control characters"
    w.file(g, "nul.txt", sentence("nul").encode("utf-8") + b"\x00 tail")
    w.file(g, "zero-width.txt", sentence("z\u200bw\u200d\ufeffj").encode("utf-8"),
           sentence("z\u200bw\u200d\ufeffj"))
    bidi = sentence("\u202eevil\u202c \u2066iso\u2069 \u200fmark")
    w.file(g, "bidi.txt", bidi.encode("utf-8"), bidi)
    combining = sentence("cafe\u0301 n\u0303")  # stored composed (NFC)
    w.file(g, "combining.txt", combining.encode("utf-8"), combining)
    w.file(g, "controls.txt", sentence("bell\x07 esc\x1b[31m").encode("utf-8"),
           sentence("bell\x07 esc\x1b[31m"))
    emoji = sentence("\U0001f6a2")
    w.jsonl(g, "escapes.jsonl", [
        ('{"text": "' + sentence("lone") + ' \\ud800"}', None),
        ('{"text": "' + sentence("low") + '", "title": "\\udfff"}', None),
        ('{"text": "' + sentence("nul-escape") + '\\u0000"}', None),
        (json.dumps({"text": emoji}), emoji),
        ('{"text": "' + sentence("pair") + ' \\ud83d\\ude80"}', sentence("pair") + " \U0001f680"),
        (json.dumps({"text": bidi + " json"}), bidi + " json"),
    ])


def _sizes(w: _Writer, huge_chars: int) -> None:
    g = "sizes"
    words = "harbour " * (huge_chars // 8 + 1)
    w.file(g, "huge-line.txt", words.encode("ascii"))
    w.jsonl(g, "numbers.jsonl", [
        (json.dumps({"text": sentence("int")})[:-1] + ', "views": ' + "9" * 5000 + "}", None),
        (json.dumps({"text": sentence("neg")})[:-1] + ', "id": -' + "1" * 5000 + "}", None),
        (json.dumps({"text": sentence("float")})[:-1] + ', "score": 1.' + "5" * 5000 + "}",
         sentence("float")),
        (json.dumps({"text": sentence("exp")})[:-1] + ', "score": 1e999999}', sentence("exp")),
        (json.dumps({"text": words}), None),
        (json.dumps({"text": sentence("after-huge")}), sentence("after-huge")),
    ])
    long_line = ("tide " * 1200).strip()  # 6,000 characters on one line: long but allowed
    w.file(g, "long-line.txt", long_line.encode("ascii"), long_line)


def _nesting(w: _Writer) -> None:
    g, deep = "nesting", 100_000
    w.file(g, "deep-list.json", b"[" * deep + b"]" * deep)
    w.file(g, "deep-object.json", b'{\n"text": "x", "a": ' + b'{"a": ' * deep + b"1" + b"}" * deep
           + b"}")
    w.jsonl(g, "deep.jsonl", [
        ('{"text": "' + sentence("deep") + '", "a": ' + "[" * deep + "]" * deep + "}", None),
        (json.dumps({"text": sentence("shallow")}), sentence("shallow")),
    ])
    w.file(g, "deep.html", ("<html><body>" + "<div>" * deep + "<p>" + sentence("nested")
                            + "</p>" + "</div>" * deep + "</body></html>").encode("ascii"))
    w.file(g, "unclosed.html", ("<html><body>" + "<span><b><i>" * (deep // 3)).encode("ascii"))


def _pages(w: _Writer) -> None:
    g = "HTML scripts"
    head = "<script>document.write('INJECTED')</script><style>p{x:expression(alert(1))}</style>"
    inner = ('<img src="x" onerror="alert(\'INJECTED\')"><script>var s = "INJECTED";</script>'
             '<a href="javascript:alert(1)">More pier news</a><iframe src="javascript:1">'
             "</iframe><svg onload=\"alert('INJECTED')\"></svg>")
    w.file(g, "scripts.html", PAGE.format(head=head, body_attr=' onload="alert(1)"',
                                          inner=inner).encode("utf-8"),
           contains=PAGE_PARAGRAPHS, absent=INJECTED)
    w.file(g, "only-script.html", b"<html><body><script>alert('INJECTED')</script></body></html>")
    w.file(g, "not-html.htm", b"<<<>>><!-- -- --!><![CDATA[ ]]>&#xffffffff;&#0;")


def _names(w: _Writer) -> None:
    g = "file names"
    for number, name in enumerate((b"caf\xe9.txt", b"new\nline.txt", "\u202etxt.exe.txt",
                                   "zero\u200bwidth.txt", "sp ace ;rm -rf ~ $(x) `y`.txt",
                                   "-dash.txt", "x" * 251 + ".txt", "\u65e5\u672c.txt",
                                   b"tab\tbell\x07.txt")):
        w.file(g, name, sentence(f"name-{number}").encode("utf-8"), sentence(f"name-{number}"))
    sub = w.folder / "deeper" / "and deeper"
    sub.mkdir(parents=True)
    (sub / "up").symlink_to("..")  # a folder loop: not followed
    w.file(g, os.path.join("deeper", "and deeper", "inner.txt"), sentence("inner").encode(),
           sentence("inner"))


def _specials(w: _Writer) -> None:
    g = "special files"
    w.special(g, "fifo.txt", os.mkfifo)
    w.special(g, "zero.txt", lambda p: p.symlink_to("/dev/zero"))
    w.special(g, "urandom.txt", lambda p: p.symlink_to("/dev/urandom"))
    w.special(g, "null.txt", lambda p: p.symlink_to("/dev/null"))
    w.special(g, "loop.txt", lambda p: p.symlink_to(p.name))
    w.special(g, "dangling.txt", lambda p: p.symlink_to("no-such-file-anywhere"))
    w.special(g, "sock.txt", _make_socket)


def _make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    finally:
        server.close()


def _tiny(w: _Writer, count: int) -> None:
    g = "tiny files"
    folder = w.folder / "tiny"
    folder.mkdir()
    for number in range(count):
        if number % 2:
            w.file(g, os.path.join("tiny", f"{number:05d}.txt"), f"Note {number}.".encode(),
                   f"Note {number}.")
        else:
            w.file(g, os.path.join("tiny", f"{number:05d}.txt"), b" \n" if number % 4 else b"")


@dataclass
class GroupResult:
    """One row of the table: inputs tried, bad ones with exactly one clear line, tracebacks,
    good ones not stored as expected."""

    group: str
    tried: int = 0
    bad: int = 0
    clear: int = 0
    tracebacks: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)


def judge(cases: list[Case], skip_lines: list[str], stored: dict[str, str],
          tracebacks: int = 0) -> dict[str, GroupResult]:
    """Results per group, from the skip lines printed and the stored ``source -> text``.

    A bad case is clear when exactly one printed line starts with its source and
    ``": skipped: "``, and no good case was stored under its source; a good case is lost
    unless stored under its source with its normalised text (or, for a page, with the wanted
    paragraphs and no injected code). Skip lines naming no case are problems of every group.
    """
    results = {g: GroupResult(g) for g in dict.fromkeys(c.group for c in cases)}
    named = {c.source + ": skipped: " for c in cases}
    for line in skip_lines:
        if not any(line.startswith(prefix) for prefix in named):
            results[next(iter(results))].problems.append(f"unexpected line: {line[:120]}")
    for case in cases:
        row = results[case.group]
        row.tried += 1
        lines = [line for line in skip_lines if line.startswith(case.source + ": skipped: ")]
        if case.bad:
            row.bad += 1
            ok = len(lines) == 1 and "\n" not in lines[0] and case.source not in stored
            row.clear += ok
            if not ok:
                row.problems.append(f"{case.source}: {len(lines)} line(s)")
        elif not _stored_as_expected(case, stored.get(case.source)) or lines:
            row.lost += 1
            row.problems.append(f"{case.source}: lost ({lines[:1]})")
    if results:
        results[next(iter(results))].tracebacks = tracebacks
    return results


def _stored_as_expected(case: Case, text: Optional[str]) -> bool:
    if text is None:
        return False
    if case.text is not None:
        return text == case.text
    return all(p in text for p in case.contains) and not any(a in text for a in case.absent)
