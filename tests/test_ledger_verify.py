"""`verify` proves the chain intact, and names the event when a stored consent fact was changed
or an event deleted — checked on copies of real SQLite and PostgreSQL databases."""

from __future__ import annotations

import datetime as dt

import pytest

from formkit.ledger import chain
from formkit.ledger.service import Ledger
from tests.ledger_support import T0, copy_database, execute, make_spec, stored_events, submission


@pytest.fixture
def filled(ledger, ledger_url, request):
    """Three submissions and a withdrawal (16 events); returns (url, seq of Bob's SMS grant)."""
    spec = make_spec()
    ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    bob = ledger.record_submission(submission(spec, "bob@example.org", {"sms"}, phone="+33612345678"),
                                   now=T0 + dt.timedelta(minutes=1))
    ledger.record_submission(submission(spec, "carol@example.org", {"public-listing"}),
                             now=T0 + dt.timedelta(minutes=2))
    ledger.withdraw(bob.contact_id, spec.id, "sms", "link", now=T0 + dt.timedelta(days=1))
    report = ledger.verify()
    assert report.ok and report.events_checked == 16, report.problems
    [seq] = [e["event_id"] for e in ledger.subject("bob@example.org")["records"][0]["events"]
             if e["action"] == "granted"]
    ledger.close()
    return ledger_url, seq


def verify_copy(url: str, request, *statements: str, secret: bytes | None = None, **params):
    copy = copy_database(url, request)
    execute(copy, *statements, **params)
    store = Ledger(copy, secret=secret)
    try:
        return store.verify()
    finally:
        store.close()


def test_verify_fails_naming_the_event_whose_wording_was_altered(filled, request):
    url, seq = filled
    report = verify_copy(url, request, "UPDATE ledger_events SET wording = :w WHERE seq = :s",
                         w="J'accepte tout, y compris la revente de mes données.", s=seq)
    assert not report.ok
    assert {p.event_id for p in report.problems} == {seq}
    assert any("wording was changed" in p.message for p in report.problems)
    assert Ledger(url).verify().ok  # the original is untouched


@pytest.mark.parametrize(("column", "value"), [
    ("wording", "Texte remplacé"),  # with its SHA-256 recomputed below, as a careful forger would
    ("purpose_id", "newsletter"),
    ("contact_id", "c_00000000000000000000000000000000"),
    ("occurred_at", "2020-01-01 00:00:00"),
    ("action", "confirmed"),
])
def test_verify_names_the_event_when_any_consent_fact_changed(filled, request, column, value):
    url, seq = filled
    statements = [f"UPDATE ledger_events SET {column} = :v WHERE seq = :s"]
    if column == "wording":
        statements.append("UPDATE ledger_events SET wording_sha256 = :h WHERE seq = :s")
    report = verify_copy(url, request, *statements, v=value, s=seq, h=chain.sha256_text(value))
    assert not report.ok
    assert {p.event_id for p in report.problems} == {seq}, report.problems
    assert any("no longer match its hash" in p.message for p in report.problems)


def test_verify_names_a_deleted_event(filled, request):
    url, seq = filled
    report = verify_copy(url, request, "DELETE FROM ledger_events WHERE seq = :s", s=seq)
    assert not report.ok
    assert report.problems[0].event_id == seq and "deleted" in report.problems[0].message


def test_verify_detects_deleting_the_newest_events(filled, request):
    url, _ = filled
    report = verify_copy(url, request, "DELETE FROM ledger_events WHERE seq >= 15")
    assert not report.ok
    assert report.problems[0].event_id == 15 and "15 to 16 were deleted" in report.problems[0].message


def test_verify_names_the_next_event_when_one_was_rewritten_with_a_fresh_hash(filled, request):
    url, seq = filled
    [facts] = [e for e in stored_events(url) if e["seq"] == seq]
    facts.update(wording="Autre texte", wording_sha256=chain.sha256_text("Autre texte"))
    forged = chain.event_hash(facts)
    report = verify_copy(url, request,
                         "UPDATE ledger_events SET wording = :w, wording_sha256 = :ws, hash = :h WHERE seq = :s",
                         w="Autre texte", ws=facts["wording_sha256"], h=forged, s=seq)
    assert not report.ok
    assert [p.event_id for p in report.problems] == [seq + 1]
    assert f"event {seq} was rewritten" in report.problems[0].message


def test_the_seal_catches_a_whole_rewritten_chain_only_with_the_secret(ledger_url, request):
    secret = b"s3cret-for-tests"
    store = Ledger(ledger_url, secret=secret)
    store.upgrade()
    spec = make_spec()
    store.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    assert store.verify().sealed is True and store.verify().ok
    store.close()
    # A forger with write access rewrites event 3 and re-hashes every later event and the head.
    rows = stored_events(ledger_url)
    prev = chain.GENESIS
    for r in rows:
        if r["seq"] == 3:
            r["wording"] = "Forged"
            r["wording_sha256"] = chain.sha256_text("Forged")
        r["prev_hash"] = prev
        r["hash"] = prev = chain.event_hash(r)
    statements = [f"UPDATE ledger_events SET wording = :w{r['seq']}, wording_sha256 = :ws{r['seq']}, "
                  f"prev_hash = :p{r['seq']}, hash = :h{r['seq']} WHERE seq = {r['seq']}" for r in rows]
    params = {}
    for r in rows:
        params.update({f"w{r['seq']}": r["wording"], f"ws{r['seq']}": r["wording_sha256"],
                       f"p{r['seq']}": r["prev_hash"], f"h{r['seq']}": r["hash"]})
    statements.append(f"UPDATE ledger_chain_head SET last_hash = '{prev}'")
    no_key = verify_copy(ledger_url, request, *statements, **params)
    # Without the secret a full rewrite is undetectable (documented in docs/ledger.md) …
    assert no_key.ok and no_key.sealed is False
    # … with it, the seal no longer matches.
    keyed = verify_copy(ledger_url, request, *statements, secret=secret, **params)
    assert not keyed.ok and "seal" in keyed.problems[0].message
