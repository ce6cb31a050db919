"""Parallel executors: N local processes and Dask workers store what a local run stores."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventscope.errors import SettingsError
from eventscope.execute.dask_executor import read_part
from eventscope.execute.executors import LocalExecutor, ProcessExecutor, open_executor
from eventscope.records import to_json
from eventscope.settings import Settings
from eventscope.store import Store
from eventscope.workflow import ingest

from conftest import SAMPLES
from test_store import make, accuse


def test_a_parquet_part_gives_back_the_results_it_holds(tmp_path):
    results = [make("Armenia accused Baku.", events=[accuse("Armenia accused Baku.")]),
               make("Nothing happened today.")]
    pq.write_table(pa.table({"article_id": [r.article.id for r in results],
                             "result": [json.dumps(to_json(r)) for r in results]}),
                   tmp_path / "part.parquet")
    assert read_part(str(tmp_path / "part.parquet")) == results


@pytest.mark.parametrize("changes,kind", [({}, LocalExecutor), ({"processes": 2}, ProcessExecutor)])
def test_the_settings_choose_the_executor(changes, kind, monkeypatch):
    monkeypatch.setattr(kind, "__init__", lambda self, *args: None)
    monkeypatch.setattr(kind, "close", lambda self: None)
    with open_executor(Settings(**changes)) as executor:
        assert type(executor) is kind


@pytest.mark.parametrize("changes", [{"executor": "spark"}, {"processes": 0}])
def test_bad_executor_settings(changes):
    with pytest.raises(SettingsError):
        Settings(**changes)


def stored(url: str) -> dict:
    with Store.open(url) as store:
        return {i: store.get(i) for i in store.article_ids()}


@pytest.mark.integration
@pytest.mark.slow
def test_processes_and_dask_store_the_records_of_a_local_run(tmp_path):
    base = Settings(batch_size=2, near_duplicates=False)
    runs = {"local": base, "processes": base.replace(processes=2),
            "dask": base.replace(executor="dask", processes=2, parts_dir=str(tmp_path / "parts"))}
    found = {}
    for name, settings in runs.items():
        settings = settings.replace(db_url=f"sqlite:///{tmp_path / name}.db")
        summary = ingest([str(SAMPLES)], settings)
        assert (summary.processed, summary.stored) == (8, 8), name
        found[name] = stored(settings.db_url)
    assert len(found["local"]) == 8
    assert found["processes"] == found["local"]
    assert found["dask"] == found["local"]
    assert list((tmp_path / "parts").iterdir()) == []  # the driver deleted every part it loaded


def test_a_scheduler_needs_the_dask_executor(tmp_path):
    from click.testing import CliRunner

    from eventscope.cli.main import cli

    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--scheduler", "tcp://h:8786",
                                      "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert result.stderr.strip() == "eventscope: error: Invalid value for --scheduler: needs --executor dask"
