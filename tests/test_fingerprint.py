"""Stage fingerprints change whenever a stage's output can: code, lexicons, settings, earlier stages."""
from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from eventscope.execute.fingerprint import _imported, code_closure, digest, stage_fingerprints
from eventscope.execute.registry import default_stages
from eventscope.execute.stages import DOC, Stage
from eventscope.settings import Settings

MODEL = ("en_test", "1.0")


def write_package(root: Path, greeting: str) -> None:
    """A tiny package: an extractor that reads a lexicon module, and one that reads nothing."""
    pkg = root / "fpkg"
    pkg.mkdir(exist_ok=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "lexicon.py").write_text(f"WORDS = {{'hello': {greeting!r}}}\n")
    (pkg / "uses_lexicon.py").write_text(textwrap.dedent("""
        def extract(doc, article, prior):
            from fpkg.lexicon import WORDS  # a lazy import counts as well
            return tuple(WORDS)
    """))
    (pkg / "plain.py").write_text("def extract(doc, article, prior):\n    return ()\n")


def fingerprints_of(root: Path) -> dict[str, str]:
    for name in ("fpkg.uses_lexicon", "fpkg.plain", "fpkg.lexicon", "fpkg"):
        sys.modules.pop(name, None)
    sys.path.insert(0, str(root))
    try:
        stages = [Stage("lex", 1, (DOC,), "entities", importlib.import_module("fpkg.uses_lexicon").extract),
                  Stage("plain", 1, (DOC,), "dates", importlib.import_module("fpkg.plain").extract),
                  Stage("after", 1, (DOC, "entities"), "events",
                        importlib.import_module("fpkg.plain").extract)]
        return dict(stage_fingerprints(stages, MODEL))
    finally:
        sys.path.remove(str(root))


def test_editing_a_lexicon_entry_changes_the_stages_that_read_it(tmp_path):
    write_package(tmp_path, "salut")
    before = fingerprints_of(tmp_path)
    assert before == fingerprints_of(tmp_path)  # stable
    write_package(tmp_path, "hola")
    after = fingerprints_of(tmp_path)
    assert after["lex"] != before["lex"]
    assert after["after"] != before["after"]  # it reads the changed stage's output
    assert after["plain"] == before["plain"] and after["nlp"] == before["nlp"]


def test_imports_are_read_in_every_form():
    source = textwrap.dedent("""
        import fpkg.a, fpkg.b as bee
        from fpkg.c import (one,
                            two as deux)
        from . import d
        from ..e import f  # a comment
        def later():
            import fpkg.g
    """)
    assert _imported("fpkg.sub.mod", source) == {
        "fpkg.a", "fpkg.b", "fpkg.c", "fpkg.c.one", "fpkg.c.two", "fpkg.sub", "fpkg.sub.d",
        "fpkg.e", "fpkg.e.f", "fpkg.g"}


def test_the_closure_follows_imports_within_the_package_only(tmp_path):
    write_package(tmp_path, "salut")
    sys.path.insert(0, str(tmp_path))
    try:
        assert list(code_closure("fpkg.uses_lexicon")) == [
            "fpkg", "fpkg.lexicon", "fpkg.uses_lexicon"]
    finally:
        sys.path.remove(str(tmp_path))


def test_settings_model_and_dictionaries_change_the_stages_they_reach(tmp_path):
    def labels(settings, model=MODEL):
        return dict(stage_fingerprints(default_stages(settings), model))

    base = labels(Settings())
    smaller = labels(Settings(gazetteer_min_population=15000))
    assert {k for k in base if base[k] != smaller[k]} == {"places", "events"}
    other_model = labels(Settings(), ("en_test", "1.1"))
    assert all(other_model[k] != base[k] for k in base)
    dictionary = tmp_path / "actors.txt"
    dictionary.write_text("RURITANIA [RUR]\n")
    with_user = labels(Settings(actor_dictionaries=(str(dictionary),)))
    assert {k for k in base if base[k] != with_user[k]} == {"entities", "quotes", "places", "events"}
    dictionary.write_text("RURITANIA [RUX]\n")
    edited = labels(Settings(actor_dictionaries=(str(dictionary),)))
    assert edited["entities"] != with_user["entities"] and edited["dates"] == base["dates"]


def test_digest_separates_its_parts():
    assert digest(["ab", "c"]) != digest(["a", "bc"])
    assert len(digest(["x"])) == 10


@pytest.mark.integration
def test_a_lexicon_edit_in_the_real_package_changes_the_events_label(tmp_path):
    """The installed code, copied and edited: the events label moves, the quotes label does not."""
    import eventscope

    source = Path(eventscope.__file__).parent
    script = ("import json; from eventscope.settings import Settings; "
              "from eventscope.execute.registry import default_stages; "
              "from eventscope.execute.fingerprint import stage_fingerprints; "
              "print(json.dumps(dict(stage_fingerprints(default_stages(Settings()), ('m', '1')))))")

    def run(root: Path) -> dict:
        env = {**os.environ, "PYTHONPATH": str(root)}
        out = subprocess.run([sys.executable, "-c", script], env=env, check=True,
                             capture_output=True, text=True, cwd=root).stdout
        return json.loads(out)

    copy = tmp_path / "eventscope"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = run(tmp_path)
    plover = copy / "lexicons" / "plover.py"
    plover.write_text(plover.read_text() + "\n_EXTRA_ENTRY = {'parley': 'CONSULT'}\n")
    after = run(tmp_path)
    assert after["events"] != before["events"]
    assert {k for k in before if k != "events"} == {k for k in before if after[k] == before[k]}


@pytest.mark.integration
def test_reingesting_after_a_settings_change_recomputes_only_the_stages_it_reaches(tmp_path):
    from eventscope.store import Store
    from eventscope.workflow import ingest

    (tmp_path / "a.txt").write_text("Ruritanian troops entered Lisbon on Monday, the army said.")
    (tmp_path / "b.txt").write_text("The minister of Ruritania visited Porto and Braga.")
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'store.db'}")
    inputs = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    first = ingest(inputs, settings)
    assert (first.processed, first.stored, first.unchanged) == (2, 2, 0)
    again = ingest(inputs, settings)
    assert (again.processed, again.stored, again.unchanged) == (0, 0, 2)
    smaller = settings.replace(gazetteer_min_population=15000)
    changed = ingest(inputs, smaller)
    assert (changed.processed, changed.stored, changed.unchanged) == (2, 2, 0)
    with Store.open(settings.db_url) as store:
        labels = store.stats().stage_labels
    by_stage = {label.split(".v")[0]: label for label in labels}
    assert set(labels.values()) == {2} and len(labels) == 5  # one label per stage, both articles
    before, after = _live(settings), _live(smaller)
    assert {name for name in after if after[name] != before[name]} == {"places", "events"}
    assert {name: label.rsplit("-", 1)[1] for name, label in by_stage.items()} == {
        name: after[name] for name in by_stage}


def _live(settings: Settings) -> dict[str, str]:
    from eventscope.execute import Pipeline

    return {s.name: s.fingerprint for s in Pipeline.from_settings(settings).info.stages}
