"""Errors with one shape: a message a user can act on."""


class EventscopeError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits non-zero."""


class InputError(EventscopeError):
    """Bad user input (a path that does not exist, an unknown format, a bad option)."""


class PipelineError(EventscopeError):
    """A pipeline that cannot be built: stages whose requirements are not met."""


class ModelError(EventscopeError):
    """The configured spaCy model cannot be loaded."""


class StoreError(EventscopeError):
    """The database cannot be opened or migrated."""


class SettingsError(EventscopeError, ValueError):
    """A setting with a value it cannot take (from the environment or an option)."""
