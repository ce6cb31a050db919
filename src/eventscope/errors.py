"""Errors with one shape: a message a user can act on.

A message is one line: what failed, on which file or database, and what to do. It never
holds article text (a database driver's error quotes the statement and its parameters, which
are article text: :func:`os_reason` and :func:`database_reason` keep only the driver's reason).
"""
import errno


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


class ExportError(EventscopeError):
    """An export that cannot be written (a missing folder, a full disk, no permission)."""


# What to do about an operating-system error, by errno.
_OS_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and run the same command again",
    errno.EDQUOT: "the disk quota is used up: free some space and run the same command again",
    errno.EROFS: "the file system is read-only: choose a writable place",
    errno.EACCES: "permission denied: check the permissions or choose another place",
    errno.EPERM: "not permitted: check the permissions or choose another place",
    errno.ENOENT: "no such file or folder: check the path",
    errno.ENOTDIR: "a part of the path is not a folder: check the path",
    errno.EISDIR: "it is a folder: give a file name",
}

# What to do about a database driver's error, by words of its message.
_DATABASE_HINTS = (
    ("readonly database", "the database file or its folder is read-only: make them writable "
                          "or use another --db"),
    ("read-only", "the database is read-only: make it writable or use another --db"),
    ("disk is full", "the disk is full: free some space and run the same command again "
                     "(what was stored is kept)"),
    ("disk i/o error", "the disk failed or is full: check it and run the same command again "
                       "(what was stored is kept)"),
    ("not a database", "the file is not an eventscope database or is corrupted: restore it "
                       "from a backup or use another --db"),
    ("malformed", "the database file is corrupted: restore it from a backup or use another --db"),
    ("unable to open database", "the file or its folder cannot be opened: check the path and "
                                "its permissions"),
    ("connection refused", "the database server is not reachable: check that it runs and the "
                           "URL's host and port"),
    ("could not translate host", "the database server's host name is unknown: check the URL"),
    ("timeout", "the database server did not answer: check that it runs and is reachable"),
    ("password authentication failed", "the server refused the user or password in the URL"),
    ("database is locked", "another process holds the database: wait for it and run again"),
)


def os_reason(exc: OSError) -> str:
    """The reason of an operating-system error and what to do, on one line."""
    hint = _OS_HINTS.get(exc.errno)
    return hint or (exc.strerror or exc.__class__.__name__)


def database_reason(exc: BaseException) -> str:
    """The reason of a database error (the driver's own message, first line only: never the
    statement or its parameters) and, when known, what to do."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, OSError) and original.errno in _OS_HINTS:
        return os_reason(original)
    text = (str(original).strip().splitlines() or [original.__class__.__name__])[0][:200]
    hint = next((h for words, h in _DATABASE_HINTS if words in text.lower()), None)
    return f"{text} ({hint})" if hint else text


def environment_line(exc: BaseException):
    """One line for an error of the environment that escaped to the command (a file system
    or database fault), or None for anything else (a bug, which keeps its traceback)."""
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        return f"cannot use{where}: {os_reason(exc)}"
    if type(exc).__module__.split(".")[0] == "sqlalchemy":
        return f"database error: {database_reason(exc)}"
    if isinstance(exc, MemoryError):
        return "out of memory: lower batch_size or max_chars, or give the process more memory"
    return None
