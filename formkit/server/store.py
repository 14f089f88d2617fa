"""The ledger bound to the app: one thread-safe Ledger per process, plus the workbench's own.

Workbench test submissions go to a separate ledger file (``<instance>/workbench-test.db``): the
ledger has no "test" mark on events, and a test must never appear in a campaign's exports nor
in the proof it may one day hand to the CNIL.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from flask import Flask, current_app

from formkit.config import default_db_url
from formkit.ledger.service import Ledger

log = logging.getLogger(__name__)


class LedgerStore:
    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        url = app.config.get("UNBUNDLE_DB") or default_db_url()
        secret = app.config["SECRET_KEY"].encode()
        self._lock_timeout = float(app.config.get("UNBUNDLE_DB_LOCK_TIMEOUT") or 10.0)
        ledger = Ledger(url, secret=secret, lock_timeout=self._lock_timeout)
        ledger.upgrade()
        test_path = Path(app.instance_path) / "workbench-test.db"
        self.ledger = ledger
        self.url = url
        self._test_url = f"sqlite:///{test_path}"
        self._test_ledger: Ledger | None = None
        self._secret = secret
        self._lock = threading.Lock()
        app.extensions["unbundle.ledger"] = self

    def test_ledger(self) -> Ledger:
        with self._lock:
            if self._test_ledger is None:
                ledger = Ledger(self._test_url, secret=self._secret, lock_timeout=self._lock_timeout)
                ledger.upgrade()
                self._test_ledger = ledger
            return self._test_ledger


def store() -> LedgerStore:
    return current_app.extensions["unbundle.ledger"]


def ledger() -> Ledger:
    return store().ledger
