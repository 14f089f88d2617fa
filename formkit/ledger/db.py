"""Engines and transactions for the ledger, on SQLite and PostgreSQL.

Two properties matter and are set here, not left to defaults:

- Durability: a submission is reported saved only after COMMIT returned, and on SQLite COMMIT
  waits for fsync (``synchronous=FULL``), so a power cut cannot lose a receipt already shown.
- Linearity: writers serialise on the chain head. On SQLite a write transaction starts with
  ``BEGIN IMMEDIATE`` (the write lock is taken up front, so two writers never read the same head);
  on PostgreSQL the head row is locked with ``SELECT … FOR UPDATE``.

Erasure: SQLite runs with ``secure_delete=ON`` so deleted rows are overwritten with zeros.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

WRITE = "ledger_write"
"""Execution option marking a connection whose transaction writes (BEGIN IMMEDIATE on SQLite)."""


def make_engine(url: str, *, lock_timeout: float) -> Engine:
    """An engine with the pragmas and timeouts the ledger relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        connect_args = {"timeout": lock_timeout, "check_same_thread": False}
        if database in ("", ":memory:"):
            # One shared in-memory database (tests, experiments): a single connection.
            engine = create_engine(url, connect_args=connect_args, poolclass=StaticPool,
                                   hide_parameters=True)
            _sqlite_setup(engine)
            return engine
        if not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args=connect_args, pool_size=8, max_overflow=8, pool_timeout=lock_timeout,
            hide_parameters=True,  # SQL errors and logs never carry personal data in clear
        )
        _sqlite_setup(engine)
        return engine
    connect_args: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql":
        # Waiting for the chain head longer than lock_timeout means the database is stuck: 503.
        connect_args = {"connect_timeout": max(1, int(lock_timeout)),
                        "options": f"-c lock_timeout={int(lock_timeout * 1000)} -c timezone=UTC"}
    engine = create_engine(url, connect_args=connect_args, pool_size=8, max_overflow=8,
                           pool_timeout=lock_timeout, pool_pre_ping=True, hide_parameters=True)
    return engine


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
        cur.execute("PRAGMA synchronous=FULL")  # COMMIT returns after fsync: durable receipts
        cur.execute("PRAGMA secure_delete=ON")  # deleted personal data overwritten (art. 17)
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the write lock; commits on exit, rolls back on error."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


@contextlib.contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A consistent snapshot for reads (one transaction)."""
    with engine.connect() as conn:
        with conn.begin():
            yield conn


UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (exc.OperationalError, exc.InterfaceError,
                                                   exc.TimeoutError, exc.DisconnectionError)
"""Errors meaning "the database is down, unreachable or locked", as opposed to a bug."""
