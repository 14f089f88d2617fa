"""The ledger bound to the app: one thread-safe Ledger per process, plus the workbench's own.

Workbench test submissions go to a separate ledger file (``<instance>/workbench-test.db``): the
ledger has no "test" mark on events, and a test must never appear in a campaign's exports nor
in the proof it may one day hand to the CNIL.
"""

from __future__ import annotations

import logging
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
        ledger = Ledger(url, secret=secret)
        ledger.upgrade()
        test_path = Path(app.instance_path) / "workbench-test.db"
        self.ledger = ledger
        self.url = url
        self._test_url = f"sqlite:///{test_path}"
        self._test_ledger: Ledger | None = None
        self._secret = secret
        app.extensions["unbundle.ledger"] = self

    def test_ledger(self) -> Ledger:
        if self._test_ledger is None:
            ledger = Ledger(self._test_url, secret=self._secret)
            ledger.upgrade()
            self._test_ledger = ledger
        return self._test_ledger


def store() -> LedgerStore:
    return current_app.extensions["unbundle.ledger"]


def ledger() -> Ledger:
    return store().ledger
