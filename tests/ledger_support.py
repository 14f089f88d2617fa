"""Specs and submissions shared by the tests/test_ledger*.py modules (holds no tests itself;
named test_ledger_* to stay among the ledger tests)."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
import yaml

from formkit.ledger.service import ConsentChoice, Ledger, Submission
from formkit.spec import Spec, parse_spec

SPEC_YAML = """
id: petition-eau
version: 3
languages: [fr, en]
action: petition
title: {fr: Pour l'eau publique, en: For public water}
submit: {fr: Je signe, en: Sign}
controller: {name: Collectif Eau, email: contact@eau.example, dpo: dpo@eau.example, address: "1 rue X, Lyon"}
privacy_url: https://eau.example/confidentialite
fields:
  - {name: first_name, required: true}
  - {name: email, required: true}
  - {name: phone, required: false}
attestations:
  - id: accuracy
    text: {fr: Je certifie l'exactitude de ces informations., en: I certify this information is accurate.}
purposes:
  - id: newsletter
    channel: email
    text: {fr: Je veux recevoir la lettre par e-mail., en: I want the newsletter by e-mail.}
    retention: until-withdrawn
  - id: sms
    channel: sms
    text: {fr: J'accepte les SMS de la campagne., en: I agree to campaign text messages.}
    retention: election-end
  - id: public-listing
    text: {fr: J'accepte que mon nom figure sur la liste publique., en: My name may be listed publicly.}
    retention: P1Y
retention:
  election_end: 2027-05-09
  core_action: P6M
recipients:
  - {name: Routage SAS, role: sending}
"""

ELECTION_END = dt.date(2027, 5, 9)
CORE_END = dt.date(2027, 11, 9)  # election_end + P6M
T0 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def make_spec(**changes) -> Spec:
    data = yaml.safe_load(textwrap.dedent(SPEC_YAML))
    data.update(changes)
    return parse_spec(data, "petition-eau.yaml")


def submission(spec: Spec, email: str | None, granted: set[str], *, phone: str | None = None,
               lang: str = "fr", name: str = "Camille", source: str = "hosted",
               page_url: str = "https://eau.example/signer") -> Submission:
    data = {"first_name": name}
    if email:
        data["email"] = email
    if phone:
        data["phone"] = phone
    return Submission(
        spec=spec, lang=lang, data=data,
        choices=tuple(ConsentChoice(p.id, p.id in granted, p.text[lang]) for p in spec.purposes),
        attestations=tuple(a.id for a in spec.attestations),
        notice_version="ab" * 32, source=source, page_url=page_url,
    )


IDENTITY = ("email", "phone", "first_name")
"""Fields that tell test people apart in any export (by default an SMS export has no e-mail)."""


def emails(rows: list[dict]) -> list[str]:
    return sorted(r["email"] for r in rows)


@pytest.fixture
def ledger(ledger_url: str):
    """A migrated, empty ledger on each backend (``ledger_url`` is parametrised)."""
    store = Ledger(ledger_url, lock_timeout=60)
    store.upgrade()
    yield store
    store.close()


def copy_database(url: str, request: pytest.FixtureRequest) -> str:
    """A copy of the ledger's database (the ledger must be closed): SQLite's backup API, or
    PostgreSQL's CREATE DATABASE … TEMPLATE on the session's server."""
    import sqlite3
    import uuid

    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        target = f"{parsed.database}.copy-{uuid.uuid4().hex[:6]}"
        src, dst = sqlite3.connect(parsed.database), sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        return f"sqlite:///{target}"
    cluster = request.getfixturevalue("postgres_cluster")
    name = "copy_" + uuid.uuid4().hex[:10]
    cluster.psql(f"CREATE DATABASE {name} TEMPLATE {parsed.database}")
    return cluster.url(name)


def execute(url: str, *statements: str, **params) -> None:
    """Run SQL on a database outside the ledger (what a tamperer with write access could do)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.execute(text(sql), params)
    finally:
        engine.dispose()


def query(url: str, sql: str, **params) -> list:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()


def stored_events(url: str) -> list[dict]:
    """The events as the ledger's own types read them (what a forger would hash)."""
    from sqlalchemy import create_engine, select

    from formkit.ledger.models import ConsentEvent

    table = ConsentEvent.__table__
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(table).order_by(table.c.seq)).mappings()]
    finally:
        engine.dispose()
