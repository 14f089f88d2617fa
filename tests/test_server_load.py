"""200 people submit at the same moment, through waitress on loopback: every one is recorded
exactly once, each with its own receipt, and the hash chain verifies afterwards.

Runs on SQLite and on PostgreSQL (the ``ledger_url`` fixture of tests/plugins/postgres.py).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from formkit.ledger.service import Ledger
from formkit.server import create_app
from formkit.server.wsgi import running_server
from tests.ledger_support import IDENTITY
from tests.server_support import FORM, hidden_fields, make_config, person

PEOPLE = 200


def test_200_concurrent_submissions_are_all_recorded(tmp_path: Path, ledger_url: str):
    app = create_app(make_config(tmp_path, UNBUNDLE_DB=ledger_url, UNBUNDLE_DB_LOCK_TIMEOUT=60.0))
    with running_server(app, threads=16) as base:
        # Each person opens the form first (their own token), then all post at once.
        with httpx.Client(base_url=base, timeout=60) as client:
            tokens = [hidden_fields(client.get(f"/f/{FORM}").text) for _ in range(PEOPLE)]
        start = threading.Barrier(PEOPLE)

        def one(n: int) -> tuple[int, str]:
            choice = {"purpose_newsletter": "y"} if n % 2 else {"purpose_sms": "y", "phone": f"06{n:08d}"}
            with httpx.Client(base_url=base, timeout=120) as client:
                start.wait()
                response = client.post(f"/f/{FORM}", data={**tokens[n], **person(n, **choice)},
                                       headers={"Accept": "application/json"})
            return response.status_code, response.text

        with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
            results = list(pool.map(one, range(PEOPLE)))

    statuses = [status for status, _ in results]
    assert statuses.count(201) == PEOPLE, [r for r in results if r[0] != 201][:3]
    receipts = {httpx.Response(201, text=text).json()["receipt_id"] for _, text in results}
    assert len(receipts) == PEOPLE

    ledger = Ledger(ledger_url)
    try:
        newsletter = {row["email"] for row in ledger.export(FORM, "newsletter")}
        sms = {row["email"] for row in ledger.export(FORM, "sms", fields=IDENTITY)}
        assert newsletter == {f"person{n}@example.org" for n in range(PEOPLE) if n % 2}
        assert sms == {f"person{n}@example.org" for n in range(PEOPLE) if not n % 2}
        report = ledger.verify(secret=app.config["SECRET_KEY"].encode())
        assert report.ok, report.problems
        # submitted + attested + 2 purposes = 4 events per person
        assert report.events_checked == 4 * PEOPLE
    finally:
        ledger.close()
        app.extensions["unbundle.ledger"].ledger.close()
