"""A database that is locked or down: the person gets a clear 503 and nothing is half-written.

SQLite: another connection holds an exclusive lock on the file. PostgreSQL: a server of our own
(started like the session's, by tests/plugins/postgres.py) is stopped under the running app.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from formkit.ledger.service import Ledger
from formkit.server import create_app
from formkit.server.wsgi import running_server
from tests.plugins.paths import missing
from tests.server_support import FORM, Visitor, make_config, person


def _counts(url: str) -> tuple[int, list]:
    ledger = Ledger(url)
    try:
        report = ledger.verify()
        assert report.ok, report.problems
        return report.events_checked, ledger.export(FORM, "newsletter")
    finally:
        ledger.close()


def test_sqlite_locked_gives_503_then_works(tmp_path: Path):
    config = make_config(tmp_path, UNBUNDLE_DB_LOCK_TIMEOUT=1.0)
    app = create_app(config)
    db_file = Path(config["UNBUNDLE_DB"].removeprefix("sqlite:///"))
    with running_server(app) as base:
        visitor = Visitor(base)
        first = visitor.submit(FORM, person(1, purpose_newsletter="y"))
        assert first.status_code == 200
        before = _counts(config["UNBUNDLE_DB"])

        blocker = sqlite3.connect(db_file, timeout=0, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            locked = visitor.submit(FORM, person(2, purpose_newsletter="y"))
            as_json = visitor.submit(FORM, person(2, purpose_newsletter="y"), json=True)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()

        assert locked.status_code == 503
        assert locked.headers["Retry-After"] == "30"
        assert "rien n'a été enregistré" in locked.text.replace("&#39;", "'")
        assert 'value="person2@example.org"' in locked.text  # what they typed is still there
        assert as_json.status_code == 503 and as_json.json()["error"] == "unavailable"
        assert _counts(config["UNBUNDLE_DB"]) == before  # not one event of the refused submission

        # The page they got carries a fresh token: sending it again once the lock is gone works.
        from tests.server_support import hidden_fields

        again = visitor.http.post(f"/f/{FORM}", data={**hidden_fields(locked.text), **person(2, purpose_newsletter="y")})
        assert again.status_code == 200
        events, rows = _counts(config["UNBUNDLE_DB"])
        assert events > before[0] and {r["email"] for r in rows} == {"person1@example.org", "person2@example.org"}
        visitor.close()
    app.extensions["unbundle.ledger"].ledger.close()


def test_withdrawal_while_locked_gives_503(tmp_path: Path):
    config = make_config(tmp_path, UNBUNDLE_DB_LOCK_TIMEOUT=1.0)
    app = create_app(config)
    db_file = Path(config["UNBUNDLE_DB"].removeprefix("sqlite:///"))
    with running_server(app) as base:
        visitor = Visitor(base)
        receipt = visitor.submit(FORM, person(3, purpose_newsletter="y"), json=True).json()
        link = receipt["withdraw"]["newsletter"]
        blocker = sqlite3.connect(db_file, timeout=0, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            response = httpx.post(link)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert response.status_code == 503 and "Rien n'a été enregistré" in response.text.replace("&#39;", "'")
        assert len(_counts(config["UNBUNDLE_DB"])[1]) == 1  # still granted
        assert httpx.post(link).status_code == 200
        assert _counts(config["UNBUNDLE_DB"])[1] == []
        visitor.close()
    app.extensions["unbundle.ledger"].ledger.close()


@pytest.mark.postgres
def test_postgresql_stopped_gives_503(tmp_path: Path):
    from tests.plugins.postgres import PostgresCluster, postgres_bindir

    bindir = postgres_bindir()
    if bindir is None:
        missing("PostgreSQL is not installed (make system-deps)")
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
        cluster.psql("CREATE DATABASE unbundle")
        url = cluster.url("unbundle")
        app = create_app(make_config(tmp_path, UNBUNDLE_DB=url, UNBUNDLE_DB_LOCK_TIMEOUT=2.0))
        with running_server(app) as base:
            visitor = Visitor(base)
            assert visitor.submit(FORM, person(4, purpose_newsletter="y")).status_code == 200
            hidden = visitor.open(f"/f/{FORM}")
            cluster.run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "stop")
            down = visitor.http.post(f"/f/{FORM}", data={**hidden, **person(5, purpose_newsletter="y")})
            assert down.status_code == 503, down.text[:300]
            assert 'value="person5@example.org"' in down.text
            cluster.run("pg_ctl", "-D", str(cluster.data), "-o",
                        f"-k {cluster.sock} -p {cluster.port} -c listen_addresses=127.0.0.1",
                        "-l", str(cluster.base / "log"), "-w", "start")
            events, rows = _counts(url)
            assert {r["email"] for r in rows} == {"person4@example.org"}
            back = visitor.submit(FORM, person(5, purpose_newsletter="y"))
            assert back.status_code == 200
            visitor.close()
        app.extensions["unbundle.ledger"].ledger.close()
    finally:
        cluster.stop()
