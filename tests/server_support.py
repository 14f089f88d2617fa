"""Fixtures and a small HTTP visitor for the server tests (tests/test_server*.py).

The fixtures follow Flask's testing guide: ``app`` (a fresh app on a temporary instance folder
and database), ``client`` and ``runner``. ``live`` serves that app with waitress on a free
loopback port, for the tests that go through real HTTP. ``Visitor`` does what a person's
browser does: open the form page, read its hidden fields, post it.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from formkit.ledger.service import Ledger
from formkit.server import create_app
from formkit.server.wsgi import running_server

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "parrainage-presidentielle.yaml"
FORM = "parrainage-camille-2027"
DOI_FORM = "lettre-camille-2027"
SMS_TOKEN = "sms-secret-for-tests"
SECRET = "test-secret-key"

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def write_specs(folder: Path) -> Path:
    """The presidential example, plus a double opt-in variant of it under another id."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["id"] = DOI_FORM
    data["double_opt_in"] = True
    (folder / "double-opt-in.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def make_config(tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    instance = tmp_path / "instance"
    config: dict[str, Any] = {
        "INSTANCE_PATH": str(instance),
        "UNBUNDLE_DB": f"sqlite:///{instance / 'unbundle.db'}",
        "UNBUNDLE_SPECS": str(write_specs(tmp_path / "specs")),
        "UNBUNDLE_SECRET_KEY": SECRET,
        "UNBUNDLE_SMS_TOKEN": SMS_TOKEN,
        "UNBUNDLE_MIN_FILL_SECONDS": 0.0,
        "UNBUNDLE_RATE_LIMIT": "off",
        "TESTING": True,
    }
    config.update(overrides)
    return config


@pytest.fixture
def app_config(tmp_path: Path) -> dict[str, Any]:
    return make_config(tmp_path)


@pytest.fixture
def app(app_config: dict[str, Any]):
    app = create_app(app_config)
    yield app
    app.extensions["unbundle.ledger"].ledger.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def live(app) -> Iterator[str]:
    """The app on waitress, on a free loopback port: its base URL."""
    with running_server(app, threads=8) as base:
        yield base


def ledger_of(app) -> Ledger:
    """A second Ledger on the app's database, as `unbundle ledger` would open it."""
    return Ledger(app.config["UNBUNDLE_DB"])


def person(n: int, **extra: str) -> dict[str, str]:
    data = {"first_name": f"Prénom{n}", "last_name": f"Nom{n}", "email": f"person{n}@example.org",
            "postal_code": "69001", "attest_eligibility": "y"}
    data.update(extra)
    return data


def hidden_fields(html: str) -> dict[str, str]:
    import html as html_lib

    return {name: html_lib.unescape(value) for name, value in HIDDEN.findall(html)}


class Visitor:
    """A person's browser, over real HTTP: opens a form, fills it in, posts it."""

    def __init__(self, base: str, **client_options: Any) -> None:
        self.base = base
        self.http = httpx.Client(base_url=base, timeout=30, **client_options)

    def close(self) -> None:
        self.http.close()

    def open(self, path: str, **params: str) -> dict[str, str]:
        response = self.http.get(path, params=params)
        assert response.status_code == 200, response.text
        return hidden_fields(response.text)

    def submit(self, form_id: str, data: dict[str, str], *, path: str | None = None,
               wait: float = 0.0, json: bool = False, **params: str) -> httpx.Response:
        page = path or f"/f/{form_id}"
        hidden = self.open(page, **params)
        if wait:
            time.sleep(wait)
        headers = {"Accept": "application/json"} if json else {}
        return self.http.post(page, data={**hidden, **data}, headers=headers)
