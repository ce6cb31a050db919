"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temporary data folder,
loopback only, fast and unsafe settings (no fsync), stopped and removed afterwards.

PostgreSQL refuses to run as root; as root (CI) the server runs as the ``postgres`` user that
Debian's package creates.
"""
from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Iterator, Optional

USER = "eventscope"
_names = itertools.count()


def find_binaries() -> Optional[Path]:
    """The folder holding initdb and pg_ctl, newest PostgreSQL first, or None."""
    candidates = [os.environ.get("EVENTSCOPE_PG_BIN")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    found = shutil.which("pg_ctl")
    candidates.append(str(Path(found).resolve().parent) if found else None)
    for folder in filter(None, candidates):
        if all((Path(folder) / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TestServer:
    __test__ = False  # not a test class

    def __init__(self, binaries: Path, folder: Path) -> None:
        self.binaries, self.folder = binaries, Path(folder)
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.binaries / args[0]), *args[1:]]
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user") from None
            shutil.chown(self.folder, "postgres")
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise RuntimeError(f"{args[0]} failed: {last[0]}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError, OSError, subprocess.TimeoutExpired):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server of ``admin_url``; its URL, dropped afterwards."""
    import sqlalchemy as sa

    from eventscope.store.engine import parse_url

    name = f"t{os.getpid()}_{next(_names)}"
    admin = sa.create_engine(parse_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        yield str(parse_url(admin_url).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def empty(store) -> None:
    """Delete every row of ``store`` (its schema and Alembic stamp stay)."""
    import sqlalchemy as sa

    from eventscope.store.schema import metadata

    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    with store.engine.begin() as connection:
        connection.execute(sa.text(f"TRUNCATE {names} CASCADE"))
