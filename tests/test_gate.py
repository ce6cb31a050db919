"""The evaluation gate: floors only go up, lowering needs a reason, data changes are caught."""
from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli.eval_cmd import eval_command
from eventscope.errors import InputError
from eventscope.eval.gate import Baseline, TaskBaseline, check, fingerprint, floor_of, update
from eventscope.eval.render import report_to_json
from eventscope.eval.report import Figure, TaskReport


@pytest.fixture
def gold(tmp_path) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text("a sentence written for this test\n", encoding="utf-8")
    return path


def report_of(gold: Path, f1: float | None = 0.80, extra: float = 0.5) -> TaskReport:
    return TaskReport(
        task="toy",
        gold_files=(str(gold),),
        figures=(Figure("toy.f1", f1, 100, headline=True), Figure("toy.recall", extra, 100)),
    )


def pinned(gold: Path, floor: float = 0.80) -> Baseline:
    return Baseline({"toy": TaskBaseline(fingerprint([str(gold)], gold.parent), {"toy.f1": floor})})


def test_a_lowered_score_fails_the_gate_and_says_by_how_much(gold):
    result = check([report_of(gold, f1=0.75)], pinned(gold), margin=0.005, root=gold.parent)
    assert not result.passed
    (breach,) = result.breaches
    assert (breach.task, breach.figure) == ("toy", "toy.f1")
    assert "0.0500 below its floor 0.8000" in breach.message()
    assert result.lines()[-1] == "gate: FAILED"


@pytest.mark.parametrize("f1, passed", [(0.80, True), (0.7951, True), (0.7949, False), (0.9, True)])
def test_noise_margin(gold, f1, passed):
    assert check([report_of(gold, f1)], pinned(gold), 0.005, root=gold.parent).passed is passed


def test_undefined_or_missing_headline_figure_breaks_its_floor(gold):
    assert not check([report_of(gold, f1=None)], pinned(gold), root=gold.parent).passed
    renamed = TaskReport("toy", (str(gold),), (Figure("toy.f1_new", 0.9, 1, headline=True),))
    result = check([renamed], pinned(gold), root=gold.parent)
    assert [b.figure for b in result.breaches] == ["toy.f1"]
    assert any("toy.f1_new has no floor yet" in n for n in result.notes)


def test_changed_gold_file_fails_unless_accepted(gold):
    baseline = pinned(gold)
    gold.write_text("different content\n", encoding="utf-8")
    result = check([report_of(gold)], baseline, root=gold.parent)
    assert not result.passed and not result.breaches
    assert result.data_changes[0].changed == ("gold.txt",)
    assert "floors may not apply" in result.data_changes[0].message()
    assert check([report_of(gold)], baseline, root=gold.parent, accept_data_changes=True).passed


def test_task_without_baseline_is_a_note_not_a_failure(gold):
    result = check([report_of(gold)], Baseline(), root=gold.parent)
    assert result.passed and "no floors yet" in result.notes[0]


def test_failed_task_fails_only_if_pinned(gold):
    assert not check([], pinned(gold), failed_tasks=["toy"]).passed
    assert check([], pinned(gold), failed_tasks=["other"]).passed


def test_update_raises_floors_and_never_lowers(gold):
    raised, changes = update(pinned(gold, 0.70), [report_of(gold, 0.81234)], root=gold.parent)
    assert raised.tasks["toy"].floors == {"toy.f1": 0.8123}
    assert [c.kind for c in changes] == ["raised"]
    kept, changes = update(pinned(gold, 0.90), [report_of(gold, 0.80)], root=gold.parent)
    assert kept.tasks["toy"].floors == {"toy.f1": 0.90}
    assert [c.kind for c in changes] == ["kept"] and "--allow-lower" in changes[0].message()
    assert kept.justifications == ()


def test_lowering_needs_a_justification_which_is_recorded(gold):
    with pytest.raises(InputError):
        update(pinned(gold, 0.90), [report_of(gold, 0.80)], allow_lower=True)
    lowered, changes = update(pinned(gold, 0.90), [report_of(gold, 0.80)], allow_lower=True,
                              justification="gold data corrected", root=gold.parent,
                              today="2024-01-02")
    assert lowered.tasks["toy"].floors == {"toy.f1": 0.80}
    assert [c.kind for c in changes] == ["lowered"]
    (line,) = lowered.justifications
    assert line.startswith("2024-01-02: gold data corrected [lowered toy: toy.f1 0.9000 -> 0.8000")


def test_update_pins_the_new_fingerprint(gold):
    baseline = pinned(gold)
    gold.write_text("new annotations\n", encoding="utf-8")
    updated, _ = update(baseline, [report_of(gold)], root=gold.parent)
    assert check([report_of(gold)], updated, root=gold.parent).passed


def test_floor_is_rounded_down():
    assert floor_of(0.123456) == 0.1234
    assert floor_of(0.5) == 0.5


def test_baseline_round_trip(tmp_path, gold):
    baseline = Baseline(pinned(gold).tasks, ("2024-01-01: why",), 0.01)
    baseline.save(tmp_path / "b.json")
    assert Baseline.load(tmp_path / "b.json") == baseline
    assert Baseline.load(tmp_path / "missing.json") == Baseline()
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError):
        Baseline.load(tmp_path / "bad.json")


def test_report_json_shape(gold):
    data = report_to_json(report_of(gold))
    assert data["task"] == "toy" and data["gold_files"] == [str(gold)]
    assert data["figures"]["toy.f1"] == {"value": 0.8, "support": 100, "headline": True}


# The command, with a fake task module standing in for a real one.

@pytest.fixture
def fake_task(monkeypatch, gold):
    """Register task 'entities' as a fake whose F1 is whatever the test sets."""
    module = types.ModuleType("fake_eval_task")
    module.f1 = 0.8

    def evaluate(gold_path, settings, limit=None):
        figures = (Figure("toy.f1", module.f1, 10, headline=True),)
        return TaskReport("entities", (str(gold_path),), figures, ("fake",))

    module.evaluate = evaluate
    monkeypatch.setitem(sys.modules, "fake_eval_task", module)
    from eventscope.eval import tasks

    for name, module_name in (("entities", "fake_eval_task"), ("geo", "no_such_eval_module")):
        spec = tasks.TASKS[name]
        monkeypatch.setitem(tasks.TASKS, name, spec.__class__(
            name, module_name, ".", ("*.txt",), spec.summary))
    monkeypatch.setenv("EVENTSCOPE_EVAL_DATA", str(gold.parent))
    return module


def invoke(*args):
    return CliRunner().invoke(eval_command, list(args))


def test_cli_update_then_gate_then_regression(fake_task, gold, tmp_path):
    baseline = str(tmp_path / "baseline.json")
    first = invoke("entities", "--gold", str(gold), "--update-baseline", "--baseline", baseline)
    assert first.exit_code == 0, first.output
    assert json.loads(Path(baseline).read_text())["tasks"]["entities"]["floors"] == {"toy.f1": 0.8}
    assert invoke("entities", "--gold", str(gold), "--gate", "--baseline", baseline).exit_code == 0
    fake_task.f1 = 0.7
    failed = invoke("entities", "--gold", str(gold), "--gate", "--baseline", baseline)
    assert failed.exit_code == 1
    assert "FAIL entities: toy.f1 = 0.7000 is 0.1000 below its floor 0.8000" in failed.output
    kept = invoke("entities", "--gold", str(gold), "--update-baseline", "--baseline", baseline)
    assert kept.exit_code == 1 and "kept entities: toy.f1" in kept.output
    lowered = invoke("entities", "--gold", str(gold), "--update-baseline", "--allow-lower",
                     "--justify", "annotation guidelines changed", "--baseline", baseline)
    assert lowered.exit_code == 0, lowered.output
    saved = json.loads(Path(baseline).read_text())
    assert saved["tasks"]["entities"]["floors"] == {"toy.f1": 0.7}
    assert "annotation guidelines changed" in saved["justifications"][0]


def test_cli_all_skips_tasks_without_data_and_reports_broken_ones(fake_task, tmp_path):
    result = invoke("all", "--baseline", str(tmp_path / "b.json"), "--json", str(tmp_path / "o.json"))
    assert "skipped events: no gold data" in result.output
    assert "task geo: cannot import no_such_eval_module" in result.output
    assert result.exit_code == 1
    assert [r["task"] for r in json.loads((tmp_path / "o.json").read_text())] == ["entities"]


@pytest.mark.parametrize("args, message", [
    (["nonsense"], "is not one of"),
    (["entities", "--gold", "/no/such/path"], "gold path not found"),
    (["all", "--gold", "."], "--gold needs a single task"),
    (["entities", "--allow-lower", "--update-baseline"], "--justify"),
    (["entities", "--allow-lower", "--justify", "x"], "with --update-baseline"),
    (["entities", "--limit", "3", "--gate"], "cannot be gated"),
])
def test_cli_user_errors(args, message):
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.output
