"""A database that is down or locked gives LedgerUnavailable, and nothing is half-written."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from formkit.ledger.service import Ledger, LedgerError, LedgerUnavailable
from tests.ledger_support import T0, execute, make_spec, query, submission


def assert_nothing_written(url: str) -> None:
    for table in ("ledger_events", "ledger_contacts", "ledger_receipts"):
        assert query(url, f"SELECT count(*) FROM {table}")[0][0] == 0, table
    assert query(url, "SELECT last_seq FROM ledger_chain_head")[0][0] == 0


class Locker:
    """Another client holding the database (SQLite) or the chain head (PostgreSQL) locked."""

    def __init__(self, url: str):
        self.url = url
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            self.sqlite = sqlite3.connect(parsed.database, isolation_level=None,
                                          check_same_thread=False)
            self.sqlite.execute("BEGIN EXCLUSIVE")
        else:
            self.sqlite = None
            self.engine = create_engine(url)
            self.conn = self.engine.connect()
            self.tx = self.conn.begin()
            self.conn.execute(text("SELECT * FROM ledger_chain_head FOR UPDATE"))

    def release(self) -> None:
        if self.sqlite is not None:
            self.sqlite.execute("ROLLBACK")
            self.sqlite.close()
        else:
            self.tx.rollback()
            self.conn.close()
            self.engine.dispose()


def test_locked_database_gives_unavailable_and_writes_nothing(ledger, ledger_url):
    impatient = Ledger(ledger_url, lock_timeout=0.5)
    locker = Locker(ledger_url)
    try:
        with pytest.raises(LedgerUnavailable, match="Nothing was written") as info:
            impatient.record_submission(submission(make_spec(), "alice@example.org", {"sms"},
                                                   phone="+33611111111"), now=T0)
        # The message goes to logs: no SQL parameters, so no personal data in it.
        assert "alice" not in str(info.value) and "+33611111111" not in str(info.value)
    finally:
        locker.release()
    assert_nothing_written(ledger_url)
    # Once the lock is gone the same ledger object works again.
    impatient.record_submission(submission(make_spec(), "alice@example.org", {"sms"}), now=T0)
    assert impatient.verify().ok
    impatient.close()


def test_a_waiting_submission_goes_through_when_the_lock_is_released_in_time(ledger, ledger_url):
    locker = Locker(ledger_url)
    timer = threading.Timer(0.5, locker.release)
    timer.start()
    try:
        receipt = ledger.record_submission(submission(make_spec(), "alice@example.org", {"sms"}), now=T0)
    finally:
        timer.join()
    assert ledger.receipt(receipt.receipt_id) == receipt


def test_failure_inside_the_transaction_leaves_nothing_half_written(ledger, ledger_url):
    # The receipt is the last row a submission writes: make the database refuse it, after the
    # contact and the events were already inserted in the same transaction.
    if make_url(ledger_url).get_backend_name() == "sqlite":
        execute(ledger_url, "CREATE TRIGGER no_receipts BEFORE INSERT ON ledger_receipts "
                            "BEGIN SELECT RAISE(ABORT, 'receipts refused'); END")
    else:
        execute(ledger_url,
                "CREATE FUNCTION no_receipts() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'receipts refused'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER no_receipts BEFORE INSERT ON ledger_receipts "
                "FOR EACH ROW EXECUTE FUNCTION no_receipts()")
    with pytest.raises(LedgerError, match="receipts refused"):
        ledger.record_submission(submission(make_spec(), "alice@example.org", {"sms"}), now=T0)
    assert_nothing_written(ledger_url)
    assert ledger.verify().ok


def test_server_down_gives_unavailable(postgres_cluster):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    down = Ledger(f"postgresql+psycopg://postgres@127.0.0.1:{port}/none", lock_timeout=2)
    with pytest.raises(LedgerUnavailable, match="unavailable"):
        down.record_submission(submission(make_spec(), "alice@example.org", {"sms"}), now=T0)
    with pytest.raises(LedgerUnavailable):
        down.verify()


def test_unopenable_sqlite_file_gives_unavailable(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "unbundle.db").mkdir()  # a directory where the file should be
    store = Ledger(f"sqlite:///{folder / 'unbundle.db'}", lock_timeout=0.5)
    with pytest.raises(LedgerUnavailable):
        store.upgrade()


def test_missing_schema_says_what_to_do(tmp_path):
    store = Ledger(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(LedgerError, match="upgrade"):
        store.verify()
