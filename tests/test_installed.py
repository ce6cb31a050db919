"""The package works when installed from a wheel, away from the checkout: the demo finds its
samples, and the eval finds its baseline and scores gold data it is pointed at."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TIMEML = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-12" '
          'functionInDocument="CREATION_TIME">March 12, 2024</TIMEX3></DCT><TEXT>The envoys met '
          '<TIMEX3 tid="t1" type="DATE" value="2024-03-11">yesterday</TIMEX3>.</TEXT></TimeML>')


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel and unpacked into a folder of its own (no checkout paths)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--disable-pip-version-check", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = out.glob("eventscope-*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(target)
    for needed in ("eventscope/eval/baseline.json", "eventscope/schema/article_result.schema.json",
                   "eventscope/samples/README.md", "eventscope/store/migrations/env.py"):
        assert needed in names
    return target


def run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("EVENTSCOPE_EVAL_DATA", None)
    code = "import sys; from eventscope.cli.main import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.integration
def test_the_installed_package_runs_the_demo_and_an_eval(installed, tmp_path):
    probe = run(installed, tmp_path, "--help")
    assert probe.returncode == 0
    where = subprocess.run([sys.executable, "-c", "import eventscope; print(eventscope.__file__)"],
                           env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(installed))  # the wheel's copy, not the checkout's
    demo = run(installed, tmp_path, "demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}")
    assert demo.returncode == 0, demo.stderr
    assert "processed 8 article(s)" in demo.stdout and "stored: articles 8" in demo.stdout
    gold = tmp_path / "timeml"
    gold.mkdir()
    (gold / "one.tml").write_text(TIMEML, encoding="utf-8")
    scored = run(installed, tmp_path, "eval", "time", "--gold", str(gold), "--json", "-")
    assert scored.returncode == 0, scored.stderr
    figures = json.loads(scored.stdout)
    assert figures["figures"]["strict.f1"]["value"] == 1.0
    missing = run(installed, tmp_path, "eval", "all", "--gate")
    assert "no gold data at" in missing.stdout + missing.stderr
