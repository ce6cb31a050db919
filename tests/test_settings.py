"""Settings: defaults, environment overrides, and the documentation table."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventscope.errors import SettingsError
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


@pytest.mark.parametrize("variable, value, message", [
    ("BATCH_SIZE", "0", "EVENTSCOPE_BATCH_SIZE (setting batch_size) must be at least 1, got 0"),
    ("BATCH_SIZE", "-5", "EVENTSCOPE_BATCH_SIZE (setting batch_size) must be at least 1, got -5"),
    ("BATCH_SIZE", "2.5", "EVENTSCOPE_BATCH_SIZE must be an integer (at least 1), got '2.5'"),
    ("MAX_BYTES", "-1", "EVENTSCOPE_MAX_BYTES (setting max_bytes) must be at least 1, got -1"),
    ("MAX_CHARS", "0", "EVENTSCOPE_MAX_CHARS (setting max_chars) must be at least 1, got 0"),
    ("STRICT", "maybe", "EVENTSCOPE_STRICT must be one of true, false, 1, 0, yes, no, on, off, "
                        "got 'maybe'"),
    ("GAZETTEER_MIN_POPULATION", "7", "EVENTSCOPE_GAZETTEER_MIN_POPULATION (setting "
     "gazetteer_min_population) must be one of 500, 1000, 5000, 15000, got 7"),
    ("MODEL", "  ", "EVENTSCOPE_MODEL (setting model) must be a non-empty text, got '  '"),
    ("DB_URL", "", "EVENTSCOPE_DB_URL (setting db_url) must be a non-empty text, got ''"),
])
def test_bad_values_are_one_line_naming_the_setting_and_what_it_takes(variable, value, message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({f"EVENTSCOPE_{variable}": value})
    assert str(caught.value) == message


@pytest.mark.parametrize("word, expected", [
    ("true", True), ("TRUE", True), (" 1 ", True), ("yes", True), ("On", True),
    ("false", False), ("0", False), ("no", False), ("off", False),
])
def test_booleans_take_the_usual_words(word, expected):
    assert Settings.from_env({"EVENTSCOPE_STRICT": word}).strict is expected


def test_overrides_are_checked_too():
    with pytest.raises(SettingsError, match="batch_size.*at least 1, got 0"):
        Settings.from_env({}, batch_size=0)
    with pytest.raises(SettingsError, match="strict.*must be true or false, got 'yes'"):
        Settings(strict="yes")
    with pytest.raises(SettingsError, match="max_chars.*must be an integer"):
        Settings().replace(max_chars=True)


def test_a_long_bad_value_is_cut_short_in_the_message():
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"EVENTSCOPE_STRICT": "x" * 500})
    assert len(str(caught.value)) < 160


@given(st.integers(min_value=1, max_value=10**12))
def test_any_positive_size_round_trips_from_the_environment(n):
    settings = Settings.from_env({"EVENTSCOPE_BATCH_SIZE": str(n), "EVENTSCOPE_MAX_BYTES": str(n),
                                  "EVENTSCOPE_MAX_CHARS": str(n)})
    assert (settings.batch_size, settings.max_bytes, settings.max_chars) == (n, n, n)
