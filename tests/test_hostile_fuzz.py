"""The atheris fuzz targets of the ingest parsers, each run briefly (``make fuzz`` runs them
for minutes): no input makes a reader raise or yield an unsound article or skip."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

FUZZER = ROOT / "tests" / "fuzz" / "fuzz_ingest.py"
SECONDS = {"jsonl": 4, "json": 4, "html": 6, "text": 4, "dispatch": 4}


@pytest.mark.slow
@pytest.mark.parametrize("target", sorted(SECONDS))
def test_a_brief_fuzz_run_finds_no_crash(tmp_path, target):
    (tmp_path / "corpus").mkdir()
    done = subprocess.run(
        [sys.executable, str(FUZZER), target, str(tmp_path / "corpus"),
         f"-max_total_time={SECONDS[target]}", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=300)
    output = done.stderr + done.stdout
    assert done.returncode == 0 and "Uncaught Python exception" not in output, output[-3000:]
    assert "Done " in output and not list(tmp_path.glob("crash-*"))


def test_an_unknown_target_is_one_usage_line():
    done = subprocess.run([sys.executable, str(FUZZER), "pdf"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode != 0 and done.stderr.strip().splitlines()[-1].startswith("usage:")
