"""A throwaway PostgreSQL server on loopback, and ``ledger_url`` over SQLite and PostgreSQL.

Debian's binaries (``/usr/lib/postgresql/<v>/bin``) run ``initdb`` and ``pg_ctl`` in a temporary
folder. PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to
the ``postgres`` system user (``runuser``). Missing binaries skip the PostgreSQL tests with the
reason (``make system-deps`` / scripts/system-deps.sh installs them).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plugins.paths import missing


def postgres_bindir() -> Path | None:
    """Debian's PostgreSQL binaries (newest version), or $UNBUNDLE_PG_BINDIR; None if absent."""
    explicit = os.environ.get("UNBUNDLE_PG_BINDIR")
    candidates = [explicit] if explicit else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """One throwaway cluster: ``start()``, ``psql(sql)``, ``url(db)``, ``run(binary, *args)``,
    ``stop()``; ``base``, ``data``, ``sock``, ``port`` for tests that stop and restart it."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                import pwd

                entry = pwd.getpwnam("postgres")
            except KeyError:
                missing("running as root and there is no `postgres` user to run PostgreSQL as")
            self.uid, self.gid = entry.pw_uid, entry.pw_gid
        self.base = Path(tempfile.mkdtemp(prefix="unbundle-pg-"))
        self.data, self.sock = self.base / "data", self.base / "sock"
        self.sock.mkdir()
        if self.as_root:
            for p in (self.base, self.sock):
                os.chown(p, self.uid, self.gid)
        self.port = _free_port()

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.base)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")
        opts = (f"-k {self.sock} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=on "
                "-c max_connections=100 -c shared_buffers=32MB")
        self.run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.base / "log"), "-w",
                 "-t", "60", "start")

    def psql(self, sql: str) -> None:
        self.run("psql", "-h", str(self.sock), "-p", str(self.port), "-U", "postgres", "-d",
                 "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


# The names the server tests and benchmarks imported first.
_bindir = postgres_bindir
_Cluster = PostgresCluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A PostgreSQL server for the whole session (started on first use)."""
    bindir = postgres_bindir()
    if bindir is None:
        missing("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
                    "run `make system-deps` (scripts/system-deps.sh) to install Debian's postgresql")
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """A fresh, empty database on the session's server: its SQLAlchemy URL (psycopg 3)."""
    name = "t_" + uuid.uuid4().hex[:12]
    postgres_cluster.psql(f"CREATE DATABASE {name}")
    return postgres_cluster.url(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once per backend: the ledger suite runs against both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'instance' / 'unbundle.db'}"
    return request.getfixturevalue("postgres_url")
