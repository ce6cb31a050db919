"""Web archives: WARC and WARC.gz files built here with warcio, read record by record."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventscope.ingest import Skip, iter_inputs
from eventscope.ingest.warc import is_warc, read_warc
from eventscope.records import Article
from eventscope.settings import Settings

PARAGRAPH = ("The council of Ruritania met on Tuesday to review the harbour budget. Its members "
             "agreed to delay the vote until the port authority publishes its annual accounts, "
             "which are expected before the end of the month.")


def page(title: str, body: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{body} ({i})</p>" for i in range(4))
    return (f"<html><head><title>{title}</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer>"
            "</body></html>").encode("utf-8")


def response(writer, url, body, status="200 OK", content_type="text/html; charset=utf-8",
             date="2024-03-05T10:11:12Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=headers, warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def build_warc(path: Path, gzip: bool = True) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response(writer, "https://news.example/a", page("Harbour vote delayed", PARAGRAPH))
        response(writer, "https://news.example/logo.png", b"\x89PNG....", content_type="image/png")
        response(writer, "https://news.example/gone", page("Gone", PARAGRAPH), status="404 Not Found")
        response(writer, "https://news.example/b",
                 page("Ferry strike ends", PARAGRAPH.replace("harbour", "ferry"), "2024-02-28"),
                 date="2024-03-06T00:00:00Z")
    return path


@pytest.mark.parametrize("name,gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_articles_with_url_and_date(tmp_path, name, gzip):
    path = build_warc(tmp_path / name, gzip)
    found = list(read_warc(path, Settings()))
    assert all(isinstance(a, Article) for a in found)
    assert [(a.url, a.published) for a in found] == [
        ("https://news.example/a", "2024-03-05"),  # no date in the page: the capture's day
        ("https://news.example/b", "2024-02-28"),  # the page's own date wins
    ]
    assert found[0].title == "Harbour vote delayed"
    assert "port authority" in found[0].text and "Contact us" not in found[0].text
    assert found[0].source.startswith(f"{path}#")


def test_archives_are_read_from_folders_and_by_name(tmp_path):
    build_warc(tmp_path / "one.warc.gz")
    build_warc(tmp_path / "two.WARC", gzip=False)
    found = list(iter_inputs([str(tmp_path)], Settings()))
    assert len(found) == 4 and all(isinstance(a, Article) for a in found)
    assert is_warc(Path("x.warc.gz")) and is_warc(Path("X.WARC")) and not is_warc(Path("x.gz"))


def test_a_damaged_archive_keeps_what_came_before_and_says_where_it_stopped(tmp_path):
    path = build_warc(tmp_path / "cut.warc.gz")
    data = path.read_bytes()
    path.write_bytes(data + b"\x1f\x8b\x08\x00garbage that is not a record" * 3)
    found = list(read_warc(path, Settings()))
    assert [type(f) for f in found] == [Article, Article, Skip]
    assert "damaged web archive" in found[-1].reason


def test_a_record_over_max_bytes_is_one_skip(tmp_path):
    path = build_warc(tmp_path / "big.warc.gz")
    found = list(read_warc(path, Settings(max_bytes=200)))
    assert [type(f) for f in found] == [Skip, Skip]
    assert found[0].message().endswith("skipped: record over the 200 byte limit (max_bytes)")


def test_an_archive_is_streamed_not_read_whole(tmp_path, monkeypatch):
    path = build_warc(tmp_path / "stream.warc.gz")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    assert len(list(read_warc(path, Settings(max_bytes=10)))) == 2  # larger than max_bytes: fine
