"""The benchmark corpus: real news article texts from the gold data, read by path, never copied.

LGL (local US news), GeoWebNews (international news) and PolNeAR (political news), about 870
articles and 330,000 words. Copies for the memory test get a varying suffix so that their
content-hash ids differ and the store cannot deduplicate them.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

XML_SOURCES = (("lgl", "geo/lgl.xml"), ("geowebnews", "geo/GeoWebNews_GWN.xml"))
TEXT_SOURCES = (("polnear", "quotes/polnear/dev/text"),)


@dataclass(frozen=True)
class CorpusText:
    source: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())  # eventscope's word: a whitespace-separated token


def _xml_texts(path: Path) -> Iterator[str]:
    for article in ET.parse(path).getroot().iter("article"):
        text = (article.findtext("text") or "").strip()
        if text:
            yield text


def load_corpus(root: Path, limit: Optional[int] = None) -> list[CorpusText]:
    """All sources' texts; with ``limit``, an interleaved sample so every source is represented."""
    per_source: list[list[CorpusText]] = []
    for name, rel in XML_SOURCES:
        if (root / rel).is_file():
            per_source.append([CorpusText(name, t) for t in _xml_texts(root / rel)])
    for name, rel in TEXT_SOURCES:
        files = sorted((root / rel).glob("*.txt")) if (root / rel).is_dir() else []
        per_source.append([CorpusText(name, f.read_text(encoding="utf-8")) for f in files])
    if limit is None:
        return [t for texts in per_source for t in texts]
    mixed: list[CorpusText] = []
    for i in range(max((len(t) for t in per_source), default=0)):
        mixed += [texts[i] for texts in per_source if i < len(texts)]
    return mixed[:limit]


def copy_text(text: str, copy: int) -> str:
    """Copy 0 is the text itself; later copies end with a short, distinct line."""
    return text if copy == 0 else f"{text}\n\nRepublished, copy {copy}."


def write_corpus(texts: Sequence[CorpusText], folder: Path, copies: int = 1) -> list[Path]:
    """One UTF-8 .txt file per article and copy, written one at a time (nothing accumulates)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for copy in range(copies):
        for i, item in enumerate(texts):
            path = folder / f"{copy:03d}-{i:05d}-{item.source}.txt"
            path.write_text(copy_text(item.text, copy), encoding="utf-8")
            paths.append(path)
    return paths
