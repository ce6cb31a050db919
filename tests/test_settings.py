"""Settings: defaults, environment overrides, and the documentation table."""
from __future__ import annotations

import pytest

from eventscope.settings import Settings, describe


def test_environment_overrides_defaults():
    env = {"EVENTSCOPE_BATCH_SIZE": "8", "EVENTSCOPE_STRICT": "yes",
           "EVENTSCOPE_ACTOR_DICTIONARIES": "a.txt, b.txt"}
    settings = Settings.from_env(env)
    assert settings.batch_size == 8
    assert settings.strict is True
    assert settings.actor_dictionaries == ("a.txt", "b.txt")


def test_explicit_overrides_win_and_none_means_unset():
    settings = Settings.from_env({"EVENTSCOPE_MODEL": "en_core_web_md"}, model=None, db_url="sqlite://")
    assert settings.model == "en_core_web_md"
    assert settings.db_url == "sqlite://"


def test_bad_integer_names_the_variable():
    with pytest.raises(ValueError, match="EVENTSCOPE_BATCH_SIZE must be an integer"):
        Settings.from_env({"EVENTSCOPE_BATCH_SIZE": "many"})


def test_every_setting_has_help():
    table = describe()
    assert table and all(help_text for _, _, help_text in table)


def test_gazetteer_size_must_be_a_shipped_file():
    assert Settings.from_env({"EVENTSCOPE_GAZETTEER_MIN_POPULATION": "1000"}).gazetteer_min_population == 1000
    with pytest.raises(ValueError, match="500, 1000, 5000, 15000"):
        Settings.from_env({"EVENTSCOPE_GAZETTEER_MIN_POPULATION": "123"})
