"""Engines for a database URL, and migrating them to the current schema with Alembic.

SQLite is the default (one file, WAL so readers do not block the writer). The SQLite driver's
own transaction handling is switched off so that SQLAlchemy's ``begin`` really begins a
transaction: writes take the write lock up front (``BEGIN IMMEDIATE``), so two writers wait for
each other (busy timeout) instead of failing halfway through a batch. Other databases get a
plain engine; nothing here or in the queries is SQLite-only SQL. A PostgreSQL URL without a
driver (``postgresql://user@host/db``, ``postgres://...``) uses psycopg 3, the driver installed
with eventscope, rather than SQLAlchemy's default psycopg2.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from eventscope.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_S = 60  # how long a writer waits for another writer's transaction
WRITE = {"sqlite_begin": "IMMEDIATE"}  # execution options of a writing connection


def as_url(value: str) -> str:
    """A database URL as given, or a file path as the URL of that SQLite file.

    ``news.db``, ``~/data/news.db`` and ``/tmp/news.db`` become ``sqlite:///...``; anything
    with a scheme (``sqlite:///x.db``, ``postgresql://host/db``) is already a URL.
    """
    if "://" in value or value.startswith("sqlite:"):
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def parse_url(url: str) -> URL:
    """``url`` parsed; a PostgreSQL URL without a driver names psycopg 3."""
    if url.startswith("postgres://"):  # the scheme Heroku and libpq also accept
        url = "postgresql://" + url[len("postgres://"):]
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (e.g. sqlite:///eventscope.db)") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def shown(url: str) -> str:
    """The URL as messages and statistics show it: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create(url: str, create_database: bool = True) -> Engine:
    """An engine for ``url``; for a SQLite file, its folder is created first.

    With ``create_database`` False a SQLite file that does not exist is a :class:`StoreError`
    (a mistyped path must not answer from a new, empty database).
    """
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot use database {shown(url)}: "
                             f"{str(exc).splitlines()[0]}") from None
    database = parsed.database
    in_memory = not database or database == ":memory:" or parsed.query.get("mode") == "memory"
    if in_memory:  # one shared connection, or each checkout would see an empty database
        engine = create_engine(parsed, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        if create_database:
            _make_folder(database)
        elif not database.startswith("file:") and not Path(database).expanduser().is_file():
            raise StoreError(f"cannot open database {shown(url)}: no such file "
                             "(ingest creates it; check --db)")
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _make_folder(database: str) -> None:
    if database.startswith("file:"):  # a SQLite URI: the driver resolves it
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for {database}: {exc.strerror}") from None


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # the driver must not BEGIN on its own
    # ilike compiles to lower(x) LIKE lower(y) on SQLite, whose lower() folds ASCII only;
    # PostgreSQL's ILIKE folds all of Unicode, and so must SQLite for names like "Şahin"
    dbapi_connection.create_function("lower", 1, _fold, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _fold(value):
    return value.casefold() if isinstance(value, str) else value


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def alembic_config(connection: Connection):
    """Alembic's configuration for the package's migrations, run on ``connection``."""
    from alembic.config import Config

    config = Config()
    # a ConfigParser value: a "%" in the install path would read as interpolation
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def migrate(connection: Connection, create_database: bool = True) -> None:
    """Bring the schema to the newest Alembic revision, in the caller's transaction.

    An empty database gets the current schema at once and is stamped with the newest revision
    (Alembic's recipe for new databases: replaying every revision is slower and ends the same,
    which a test checks); an existing one is upgraded revision by revision. With
    ``create_database`` False an empty database is a :class:`StoreError` instead.
    """
    from alembic import command
    from alembic.util import CommandError

    from eventscope.store.schema import metadata

    config = alembic_config(connection)
    try:
        if inspect(connection).get_table_names():
            command.upgrade(config, "head")
        elif not create_database:
            raise StoreError("no eventscope records in it (an empty database)")
        else:
            metadata.create_all(connection)
            command.stamp(config, "head")
    except CommandError as exc:  # e.g. a database made by a newer eventscope
        raise StoreError(f"cannot migrate the database: {str(exc).splitlines()[0]}") from None


STATISTICS_ROWS = 1000  # rows of each index SQLite's ANALYZE reads (its analysis_limit)


def refresh_statistics(connection: Connection, always: bool = False) -> None:
    """Refresh SQLite's planner statistics when the store has doubled since the last refresh.

    Without them SQLite sorts every event to list a page in article order instead of reading
    the articles' (published, id) index (1.3 s against 0.2 ms for a first page of 100,000
    events); with ``analysis_limit`` a refresh reads a sample, some 30 ms at that size.
    PostgreSQL's autovacuum keeps its own statistics.
    """
    if connection.dialect.name != "sqlite":
        return
    if not always:
        size = connection.exec_driver_sql("SELECT max(rowid) FROM articles").scalar() or 0
        has_stats = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
        known = has_stats and connection.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").scalar()
        if known and size <= 2 * int(known.split()[0]):
            return
    connection.exec_driver_sql(f"PRAGMA analysis_limit={STATISTICS_ROWS}")
    connection.exec_driver_sql("ANALYZE")
