"""The benchmark harness: corpus helpers (fast) and a --quick smoke run (slow, real model)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EVAL_DATA, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import CorpusText, copy_text, load_corpus, write_corpus  # noqa: E402
from eventscope.ingest.article import make_article  # noqa: E402


def test_copies_get_distinct_ids_and_copy_zero_is_the_text():
    text = "The harbour authority said on Tuesday that ferries would resume."
    assert copy_text(text, 0) == text
    ids = {make_article(copy_text(text, c)).id for c in range(10)}
    assert len(ids) == 10


def test_write_corpus_writes_one_file_per_article_and_copy(tmp_path):
    texts = [CorpusText("a", "First short text."), CorpusText("b", "Second short text.")]
    paths = write_corpus(texts, tmp_path / "out", copies=3)
    assert len(paths) == 6 and all(p.suffix == ".txt" for p in paths)
    assert paths[0].read_text(encoding="utf-8") == "First short text."


def test_load_corpus_interleaves_sources_when_limited(tmp_path):
    geo = tmp_path / "geo"
    geo.mkdir()
    articles = "".join(f"<article><text>Local story {i}.</text></article>" for i in range(3))
    (geo / "lgl.xml").write_text(f"<articles>{articles}</articles>", encoding="utf-8")
    polnear = tmp_path / "quotes" / "polnear" / "dev" / "text"
    polnear.mkdir(parents=True)
    for i in range(3):
        (polnear / f"{i}.txt").write_text(f"Political story {i}.", encoding="utf-8")
    assert len(load_corpus(tmp_path)) == 6
    assert [t.source for t in load_corpus(tmp_path, limit=3)] == ["lgl", "polnear", "lgl"]


@pytest.mark.slow
@pytest.mark.integration
@pytest.mark.skipif(not EVAL_DATA.exists(), reason="no eval data")
def test_quick_benchmark_runs_and_writes_json(tmp_path):
    # a smoke test of the harness: it runs and writes its figures (no timed assertion)
    out = tmp_path / "latest.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["raw_spacy"]["words_per_second"] > 0
    assert result["pipeline"]["words_per_second"] > 0
    assert abs(sum(result["stage_shares"].values()) - 1.0) < 0.01
    assert [r["copies"] for r in result["memory"]["runs"]] == [1, 10]
    assert "pipeline / raw spaCy" in done.stdout
