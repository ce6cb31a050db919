"""Reading articles: every format, header lines, bad input as Skips, paths, stdin, NFC."""
from __future__ import annotations

import io
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from eventscope.errors import InputError
from eventscope.ingest import Skip, expand_paths, iter_inputs, make_article, read_path
from eventscope.ingest.article import normalise_date
from eventscope.ingest.html import drop_repeated_tail
from eventscope.ingest.text import split_headers
from eventscope.records import Article
from eventscope.settings import Settings

SETTINGS = Settings()
BODY = "The foreign ministry said on Tuesday that talks with its neighbour would resume."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(path: Path, settings: Settings = SETTINGS) -> list[Article | Skip]:
    return list(read_path(path, settings))


def only_article(items: list[Article | Skip]) -> Article:
    (item,) = items
    assert isinstance(item, Article), item
    return item


def only_skip(items: list[Article | Skip]) -> Skip:
    (item,) = items
    assert isinstance(item, Skip), item
    return item


# --- plain text and header lines -------------------------------------------------------------

def test_header_lines_become_metadata_and_leave_the_text(tmp_path):
    content = (
        "date 2023-07-06\ntitle: Talks to resume\nurl: https://news.example/talks\n"
        "author: A. Writer\n\n" + BODY + "\nSecond paragraph.\n"
    )
    article = only_article(read(write(tmp_path, "a.txt", content)))
    assert article.text == BODY + "\nSecond paragraph."
    assert (article.published, article.title, article.url, article.author) == (
        "2023-07-06", "Talks to resume", "https://news.example/talks", "A. Writer",
    )
    assert article.source == str(tmp_path / "a.txt")
    assert article.id == make_article(article.text).id


@pytest.mark.parametrize("header", [
    "date: 2023-07-06", "Date 2023-07-06", "published: 2023-07-06", "date 6 July 2023",
    "date: July 6, 2023", "date 2023-07-06T09:30:00Z", "date: Thursday, 6th July 2023",
])
def test_date_headers_with_or_without_colon(header):
    meta, body = split_headers(f"{header}\n{BODY}")
    assert meta.published == "2023-07-06"
    assert body == BODY


@pytest.mark.parametrize("content, published, text", [
    (f" date 2023-07-06 {BODY}", "2023-07-06", BODY),
    (f"date 6 July 2023 {BODY}\nMore.", "2023-07-06", f"{BODY}\nMore."),
    (f"date: July 6, 2023 {BODY}", "2023-07-06", BODY),
    (f"title: Talks\ndate 2023-07-06 {BODY}", "2023-07-06", BODY),
])
def test_inline_date_header_opens_the_text(content, published, text):
    meta, body = split_headers(content)
    assert meta.published == published
    assert body == text


@pytest.mark.parametrize("first_line", [
    "Title fight ends in a draw",
    "Date night in Paris was cancelled.",
    "Published 6 July 2023, the report says the talks failed.",
    "Author of the peace plan resigns",
    "date: sometime last week, officials said",
    "Dated 2023-07-06 papers were found.",
    "URL shorteners were blocked",
])
def test_ordinary_first_lines_are_not_headers(tmp_path, first_line):
    content = f"{first_line}\n{BODY}\n"
    article = only_article(read(write(tmp_path, "a.txt", content)))
    assert article.text == content.strip()
    assert (article.published, article.title, article.url, article.author) == (None,) * 4


def test_windows_line_ends_and_utf8_bom(tmp_path):
    data = b"\xef\xbb\xbfdate 2023-07-06\r\ntitle: Talks\r\n\r\n" + BODY.encode() + b"\r\nMore.\r\n"
    article = only_article(read(write(tmp_path, "a.txt", data)))
    assert article.text == f"{BODY}\nMore."
    assert article.published == "2023-07-06" and article.title == "Talks"


@pytest.mark.parametrize("value, expected", [
    ("2023-07-06", "2023-07-06"),
    ("2023-07-06T23:30:00+05:00", "2023-07-06"),
    ("2023-07-06 10:00:00", "2023-07-06"),
    ("2023-07-06T10:00:00.123456789Z", "2023-07-06"),
    ("6 July 2023", "2023-07-06"),
    ("6 Jul. 2023", "2023-07-06"),
    ("July 6, 2023", "2023-07-06"),
    ("Sept. 6, 2023", "2023-09-06"),
    ("Thursday, 6th of July 2023", "2023-07-06"),
    ("Thu, 06 Jul 2023 10:00:00 GMT", "2023-07-06"),
    ("2023-02-30", None),
    ("31 June 2023", None),
    ("July 2023", None),
    ("2023-07", None),
    ("Someday, 6 July 2023", None),
    ("soon", None),
    ("", None),
    (None, None),
    (1688601600, None),
    ("Wed, 23 Nov 2016 15:0" + "5" * 34 + "2:00 -0500", None),  # dateutil: decimal error
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_written_form_of_a_date_normalises_to_it(day):
    month = MONTH_NAMES[day.month - 1]
    forms = [
        day.isoformat(), f"{day.isoformat()}T12:00:00Z", f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}", f"{month[:3]} {day.day} {day.year}",
        f"{day.strftime('%A')}, {day.day} {month} {day.year}",
    ]
    assert {normalise_date(form) for form in forms} == {day.isoformat()}
    meta, body = split_headers(f"date {forms[2]} {BODY}")
    assert (meta.published, body) == (day.isoformat(), BODY)


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<html><head><title>Talks to resume | Example News</title>
<meta name="author" content="Anna Writer">
<meta property="article:published_time" content="2023-07-06T08:00:00Z">
<link rel="canonical" href="https://news.example/talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="story"><h1>Talks to resume</h1>
<p>{body}</p>
<p>Diplomats from both sides said a first meeting could take place in Vienna next week,
although no date has been fixed and the agenda is still being discussed.</p>
<p>The announcement follows months of tension along the border between the two countries.</p>
</div><footer>Copyright Example News</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    article = only_article(read(write(tmp_path, "page.html", PAGE.format(body=BODY))))
    assert BODY in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.published == "2023-07-06"
    assert article.url == "https://news.example/talks"
    assert article.author == "Anna Writer"
    assert article.title and "Talks to resume" in article.title


def test_short_article_element_is_not_doubled(tmp_path):
    page = f"<html><body><article><p>{BODY}</p><p>More.</p></article></body></html>"
    article = only_article(read(write(tmp_path, "short.htm", page)))
    assert article.text.count(BODY) == 1


@pytest.mark.parametrize("page", [
    "<html><body></body></html>",
    "<html><head><title>Nothing here</title></head><body> <div> </div> </body></html>",
])
def test_html_without_main_text_is_skipped(tmp_path, page):
    skip = only_skip(read(write(tmp_path, "empty.html", page)))
    assert skip.source == str(tmp_path / "empty.html") and skip.line is None


def test_html_in_its_declared_encoding(tmp_path):
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').format(body="Café " + BODY)
    article = only_article(read(write(tmp_path, "latin.html", page.encode("latin-1"))))
    assert "Café" in article.text


def test_drop_repeated_tail():
    assert drop_repeated_tail("Title\nA\nB\nA\nB") == "Title\nA\nB"
    assert drop_repeated_tail("A\nB\nC") == "A\nB\nC"


# --- JSON Lines and JSON ---------------------------------------------------------------------

def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_json_lines_bad_records_are_skipped_and_the_rest_is_read(tmp_path):
    path = write(tmp_path, "a.jsonl", jsonl(
        {"text": BODY, "title": "T", "date": "2023-07-06T10:00:00Z", "url": "u", "author": "W"},
        '{"text": "broken" "x"}',
        {"title": "no text"},
        {"text": "   "},
        [1, 2],
        "",
        {"text": "Last one.", "published": "6 July 2023", "date": "not a date"},
    ))
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:7"]
    first, last = articles
    assert (first.title, first.published, first.url, first.author) == ("T", "2023-07-06", "u", "W")
    assert last.published == "2023-07-06"  # "date" unparseable, "published" tried next
    assert [(s.line, s.source) for s in skips] == [(n, str(path)) for n in (2, 3, 4, 5)]
    assert skips[0].reason == "malformed JSON (Expecting ',' delimiter)"
    assert skips[0].message() == f"{path}:2: skipped: malformed JSON (Expecting ',' delimiter)"
    assert "text" in skips[1].reason and "empty" in skips[2].reason
    assert "not a JSON object" in skips[3].reason


def test_json_field_names_come_from_settings(tmp_path):
    settings = SETTINGS.replace(
        json_text_field="body", json_title_field="headline", json_date_fields=("pubdate",),
        json_url_field="link",
    )
    path = write(tmp_path, "a.jsonl", jsonl(
        {"body": BODY, "headline": "H", "pubdate": "July 6, 2023", "link": "L", "text": "no"}
    ))
    article = only_article(read(path, settings))
    assert (article.text, article.title, article.published, article.url) == (
        BODY, "H", "2023-07-06", "L",
    )


def test_json_line_that_is_not_utf8_costs_only_that_line(tmp_path):
    data = jsonl({"text": "One."}).encode() + b'{"text": "caf\xe9"}\n' + jsonl({"text": "Two."}).encode()
    items = read(write(tmp_path, "a.jsonl", data))
    assert [type(i) for i in items] == [Article, Skip, Article]
    assert items[1].line == 2 and "UTF-8" in items[1].reason


def test_json_single_object_and_list(tmp_path):
    one = only_article(read(write(tmp_path, "one.json", json.dumps({"text": BODY}, indent=2))))
    assert one.source == str(tmp_path / "one.json")
    path = write(tmp_path, "many.json", json.dumps([{"text": "A."}, {"title": "x"}, "s", {"text": "B."}]))
    items = read(path)
    assert [i.source for i in items if isinstance(i, Article)] == [f"{path}#1", f"{path}#4"]
    assert [i.reason.split(":")[0] for i in items if isinstance(i, Skip)] == ["item 2", "item 3"]


def test_json_lines_named_json_and_malformed_json(tmp_path):
    items = read(write(tmp_path, "lines.json", jsonl({"text": "A."}, {"text": "B."})))
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "2"]
    skip = only_skip(read(write(tmp_path, "bad.json", '[\n  {"text": "A."},\n  oops\n]')))
    assert skip.line == 3 and skip.reason.startswith("malformed JSON")


# --- bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, reason", [
    ("bin.txt", b"\x00\x01\x02binary\xff\xfe", "binary or undecodable file"),
    ("latin.txt", "Café au lait".encode("latin-1"), "binary or undecodable file"),
    ("empty.txt", b"", "empty text"),
    ("blank.txt", b"  \n\t\n", "empty text"),
    ("headers-only.txt", b"date 2023-07-06\ntitle: T\n", "empty text"),
    ("bin.jsonl", b'{"text": "a\x00"}\n', "binary or undecodable file"),
    ("bin.html", b"<html>\x00</html>", "binary or undecodable file"),
])
def test_bad_files_are_one_skip_each(tmp_path, name, data, reason):
    skip = only_skip(read(write(tmp_path, name, data)))
    assert skip.source == str(tmp_path / name) and skip.line is None
    assert skip.reason.startswith(reason)
    assert skip.message().startswith(f"{tmp_path / name}: skipped: ")


def test_file_over_max_bytes_is_skipped_without_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 16_600)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before stat"))
    skip = only_skip(read(path, SETTINGS.replace(max_bytes=10_000)))
    assert skip.reason == "file is 16.6 kB, over the 10.0 kB limit (max_bytes)"


def test_text_over_max_chars_is_skipped(tmp_path):
    path = write(tmp_path, "a.jsonl", jsonl({"text": "x" * 50}, {"text": "short"}))
    items = read(path, SETTINGS.replace(max_chars=20))
    assert isinstance(items[0], Skip) and items[0].line == 1 and "max_chars" in items[0].reason
    assert isinstance(items[1], Article)


def test_unreadable_file_is_a_skip(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", BODY)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    # chmod cannot stop root from reading, so the refusal is simulated.
    monkeypatch.setattr(Path, "read_bytes", refuse)
    skip = only_skip(read(path))
    assert skip.reason == "cannot read file (Permission denied)"


def test_a_run_goes_on_past_bad_files(tmp_path):
    write(tmp_path, "a.txt", b"\x00binary")
    write(tmp_path, "b.txt", BODY)
    write(tmp_path, "c.jsonl", "{oops\n" + jsonl({"text": "Fine."}))
    items = list(iter_inputs([str(tmp_path)], SETTINGS))
    assert [type(i).__name__ for i in items] == ["Skip", "Article", "Skip", "Article"]


def test_unknown_extension_named_explicitly_is_text(tmp_path):
    path = write(tmp_path, "story.md", f"date 2023-07-06\n{BODY}")
    (article,) = iter_inputs([str(path)], SETTINGS)
    assert article.published == "2023-07-06" and article.text == BODY


# --- paths -----------------------------------------------------------------------------------

def test_directories_globs_and_stdin_marker(tmp_path):
    for name in ("b/x.jsonl", "a.txt", "b/y.HTML", "c.md", ".hidden.txt", ".git/z.txt", "d.json"):
        write(tmp_path, name, BODY)
    found = expand_paths([str(tmp_path), "-"])
    assert found == [tmp_path / n for n in ("a.txt", "b/x.jsonl", "b/y.HTML", "d.json")] + [Path("-")]
    assert expand_paths([str(tmp_path / "*.md")]) == [tmp_path / "c.md"]
    assert expand_paths([str(tmp_path / "**" / "*.jsonl")]) == [tmp_path / "b/x.jsonl"]
    assert expand_paths([str(tmp_path / "a.txt"), str(tmp_path)])[:2] == [
        tmp_path / "a.txt", tmp_path / "b/x.jsonl",
    ]


@pytest.mark.parametrize("missing", ["nope.txt", "nope/*.txt"])
def test_missing_paths_fail_before_anything_is_read(tmp_path, missing):
    good = write(tmp_path, "a.txt", BODY)
    items = iter_inputs([str(good), str(tmp_path / missing)], SETTINGS)
    with pytest.raises(InputError, match=f"no such file or directory: .*{re.escape(missing)}"):
        next(items)


# --- standard input --------------------------------------------------------------------------

@pytest.mark.parametrize("content, sources", [
    (f"date 2023-07-06\n{BODY}\n", ["<stdin>"]),
    (jsonl({"text": "A."}, {"text": "B."}), ["<stdin>:1", "<stdin>:2"]),
    ("  \n" + json.dumps([{"text": "A."}, {"text": "B."}]), ["<stdin>#1", "<stdin>#2"]),
    (json.dumps({"text": BODY}, indent=2), ["<stdin>"]),
    (PAGE.format(body=BODY), ["<stdin>"]),
])
def test_stdin_format_is_sniffed(content, sources):
    items = list(iter_inputs(["-"], SETTINGS, stdin=io.StringIO(content)))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.source for i in items] == sources
    assert BODY in items[0].text or items[0].text == "A."


def test_stdin_over_max_bytes_and_binary():
    (skip,) = iter_inputs(["-"], SETTINGS.replace(max_bytes=10), stdin=io.StringIO(BODY))
    assert skip.source == "<stdin>" and "max_bytes" in skip.reason
    (skip,) = iter_inputs(["-"], SETTINGS, stdin=io.StringIO("a\x00b"))
    assert "binary" in skip.reason
    raw = io.TextIOWrapper(io.BytesIO(b"caf\xe9"), encoding="utf-8")
    (skip,) = iter_inputs(["-"], SETTINGS, stdin=raw)
    assert "undecodable" in skip.reason


# --- normalisation ---------------------------------------------------------------------------

def test_decomposed_input_is_composed_and_hashes_like_composed(tmp_path):
    composed = "Le ministre a été reçu à Genève."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    from_text = only_article(read(write(tmp_path, "a.txt", decomposed)))
    from_json = only_article(read(write(tmp_path, "a.jsonl", jsonl({"text": decomposed}))))
    expected = make_article(composed)
    for article in (from_text, from_json):
        assert article.text == composed
        assert article.id == expected.id


def test_skip_message_without_line():
    assert Skip("data/a.txt", None, "empty text").message() == "data/a.txt: skipped: empty text"
    assert Skip("d.jsonl", 57, "malformed JSON (x)").message() == "d.jsonl:57: skipped: malformed JSON (x)"


def test_json_id_field_becomes_external_id(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"text": "First story.", "id": 42}\n{"text": "Second story.", "ref": "x-7"}\n',
                    encoding="utf-8")
    first, second = read(path, SETTINGS)
    assert first.external_id == "42"
    assert second.external_id is None
    (renamed, _) = read(path, SETTINGS.replace(json_id_field="ref")), None
    assert [a.external_id for a in renamed] == [None, "x-7"]
