"""Purge and erasure delete personal data for real (retention, GDPR art. 5(1)(e) and 17), while
the proof of consent still verifies: timelines on both backends, raw file bytes on SQLite."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.ledger_support import IDENTITY, CORE_END, T0, emails, execute, make_spec, query, submission


def contacts(ledger) -> list[str]:
    return sorted(r[0] for r in query(ledger.url, "SELECT email FROM ledger_contacts"))


@pytest.fixture
def people(ledger):
    spec = make_spec()
    ledger.record_submission(submission(spec, "alice@example.org", {"sms"}, phone="+33611111111"), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"newsletter"}), now=T0)
    ledger.record_submission(submission(spec, "carol@example.org", {"public-listing"}), now=T0)  # P1Y
    ledger.record_submission(submission(spec, "dave@example.org", set()), now=T0)
    erin = ledger.record_submission(submission(spec, "erin@example.org", {"newsletter"}), now=T0)
    ledger.withdraw(erin.contact_id, spec.id, None, "link", now=T0)
    return spec


def test_nothing_goes_while_the_core_action_record_is_kept(ledger, people):
    report = ledger.purge([people], today=CORE_END)
    assert report.items == () and report.kept == 5
    assert len(contacts(ledger)) == 5


def test_purge_after_core_retention_keeps_only_consents_still_in_force(ledger, people):
    day = CORE_END + dt.timedelta(days=1)
    dry = ledger.purge([people], today=day, dry_run=True)
    assert dry.dry_run and dry.deleted == 0 and len(dry.items) == 3
    assert len(contacts(ledger)) == 5  # a dry run deletes nothing
    events_before = ledger.verify().events_checked

    report = ledger.purge([people], today=day)
    assert report.deleted == 3 and report.kept == 2
    assert {i.contact_id for i in report.items} == {i.contact_id for i in dry.items}
    # bob: until-withdrawn newsletter; carol: public listing until 2027-12-01 (P1Y).
    assert contacts(ledger) == ["bob@example.org", "carol@example.org"]
    assert ledger.subject("alice@example.org")["records"] == []
    assert ledger.export(people.id, "sms", fields=IDENTITY, today=dt.date(2027, 1, 1)) == []
    verified = ledger.verify()
    assert verified.ok and verified.events_checked == events_before + 3  # one "erased" event each

    later = ledger.purge([people], today=dt.date(2027, 12, 2))
    assert later.deleted == 1 and contacts(ledger) == ["bob@example.org"]
    assert emails(ledger.export(people.id, "newsletter")) == ["bob@example.org"]
    assert ledger.verify().ok


def test_a_spec_may_shorten_retention_but_not_lengthen_it(ledger, people):
    earlier = make_spec(retention={"election_end": "2027-01-31", "core_action": "P1M"})
    assert ledger.purge([], today=dt.date(2027, 3, 2)).deleted == 0
    report = ledger.purge([earlier], today=dt.date(2027, 3, 2))
    assert report.deleted == 3  # alice (sms: election-end), dave, erin
    later = make_spec(retention={"election_end": "2030-01-01", "core_action": "P1Y"})
    ledger2 = ledger.purge([later], today=dt.date(2027, 12, 2))
    assert ledger2.deleted == 1  # carol: what the person was told (P1Y from 2026-12-01) still holds


def test_unconfirmed_double_opt_in_does_not_keep_data(ledger):
    spec = make_spec(double_opt_in=True, retention={"election_end": "2027-05-09", "core_action": "P1D"})
    confirmed = ledger.record_submission(submission(spec, "yes@example.org", {"newsletter"}), now=T0)
    ledger.confirm_email(confirmed.contact_id, spec.id, now=T0)
    ledger.record_submission(submission(spec, "never@example.org", {"newsletter"}), now=T0)
    report = ledger.purge([spec], today=dt.date(2027, 5, 11))
    assert report.deleted == 1 and contacts(ledger) == ["yes@example.org"]


def test_a_form_without_core_retention_is_kept_and_reported(ledger):
    spec = make_spec(retention=None, purposes=[{"id": "newsletter", "channel": "email",
                                                "text": {"fr": "Lettre.", "en": "Newsletter."}}])
    r = ledger.record_submission(submission(spec, "alice@example.org", set()), now=T0)
    report = ledger.purge([spec], today=dt.date(2040, 1, 1))
    assert report.deleted == 0 and report.kept == 1
    assert any("sets no retention" in n for n in report.notes)
    assert r.contact_id


SECRETS = ("zorglub.unique@example.org", "+33799887766", "Quuxbertine")


def _sqlite_files(url: str) -> list[Path]:
    db = Path(make_url(url).database)
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-journal"), Path(f"{db}-shm")) if p.exists()]


def _traces(url: str) -> set[str]:
    found = set()
    for path in _sqlite_files(url):
        data = path.read_bytes()
        found |= {s for s in SECRETS if s.encode() in data}
    return found


@pytest.mark.parametrize("how", ["purge", "erase"])
def test_no_trace_of_the_person_remains_in_the_sqlite_files(tmp_path, how):
    from formkit.ledger.service import Ledger

    url = f"sqlite:///{tmp_path / 'instance' / 'unbundle.db'}"
    store = Ledger(url)
    store.upgrade()
    spec = make_spec()
    store.record_submission(submission(spec, SECRETS[0], {"sms"}, phone=SECRETS[1], name=SECRETS[2],
                                       page_url=f"https://eau.example/s?e={SECRETS[0]}"), now=T0)
    for i in range(50):  # neighbours on the same pages, still kept
        store.record_submission(submission(spec, f"keep{i}@example.org", {"newsletter"}), now=T0)
    assert _traces(url) == set(SECRETS)  # honest: the test can see them before
    if how == "purge":
        assert store.purge([spec], today=CORE_END + dt.timedelta(days=1)).deleted == 1
    else:
        assert store.erase_subject(SECRETS[1]) == 1
    assert _traces(url) == set(), "personal data still readable in the database files"
    assert store.verify().ok
    assert len(store.export(spec.id, "newsletter")) == 50
    store.close()
    assert _traces(url) == set()


def test_a_reader_blocking_compaction_is_reported_and_the_next_purge_finishes_it(tmp_path):
    import sqlite3

    from formkit.ledger.service import Ledger

    url = f"sqlite:///{tmp_path / 'unbundle.db'}"
    store = Ledger(url, lock_timeout=0.5)
    store.upgrade()
    spec = make_spec()
    store.record_submission(submission(spec, SECRETS[0], {"sms"}, phone=SECRETS[1], name=SECRETS[2]), now=T0)
    for i in range(20):
        store.record_submission(submission(spec, f"keep{i}@example.org", {"newsletter"}), now=T0)
    reader = sqlite3.connect(tmp_path / "unbundle.db", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM ledger_contacts").fetchone()  # holds a snapshot open
    try:
        report = store.purge([spec], today=CORE_END + dt.timedelta(days=1))
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert report.deleted == 1
    assert report.notes, "a blocked compaction must be reported"
    assert store.purge([spec], today=CORE_END + dt.timedelta(days=1)).deleted == 0
    assert _traces(url) == set()
    assert store.verify().ok
    store.close()


def test_an_until_withdrawn_consent_lapses_three_years_after_it_was_last_given(ledger, people):
    # bob's newsletter (until-withdrawn) was given on 2026-12-01: counts until 2029-12-01.
    assert [r["expires_on"] for r in ledger.export(people.id, "newsletter")] == ["2029-12-01"]
    assert ledger.export(people.id, "newsletter", today=dt.date(2029, 12, 2)) == []
    kept = ledger.purge([people], today=dt.date(2029, 12, 1))
    assert contacts(ledger) == ["bob@example.org"] and kept.kept == 1
    assert ledger.purge([people], today=dt.date(2029, 12, 2)).deleted == 1
    assert contacts(ledger) == [] and ledger.verify().ok


def test_signing_again_renews_an_until_withdrawn_consent(ledger):
    spec = make_spec()
    ledger.record_submission(submission(spec, "bob@example.org", {"newsletter"}), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"newsletter"}),
                             now=T0.replace(year=2028))
    [row] = ledger.export(spec.id, "newsletter", today=dt.date(2030, 1, 1))
    assert row["expires_on"] == "2031-12-01"
    assert ledger.purge([spec], today=dt.date(2030, 1, 1)).deleted == 0


@pytest.mark.postgres
def test_no_trace_in_postgresql_table_files_after_purge(postgres_cluster, postgres_url):
    """PostgreSQL: VACUUM FULL rewrote the contacts table; after a checkpoint no file of the
    database holds the person (its WAL still may, until recycled: docs/ledger.md)."""
    from formkit.ledger.service import Ledger

    store = Ledger(postgres_url)
    store.upgrade()
    spec = make_spec()
    store.record_submission(submission(spec, SECRETS[0], {"sms"}, phone=SECRETS[1], name=SECRETS[2]), now=T0)
    for i in range(20):
        store.record_submission(submission(spec, f"keep{i}@example.org", {"newsletter"}), now=T0)

    def traces() -> set[str]:
        execute(postgres_url, "CHECKPOINT")
        [(oid,)] = query(postgres_url, "SELECT oid FROM pg_database WHERE datname = current_database()")
        found = set()
        for path in (postgres_cluster.data / "base" / str(oid)).iterdir():
            data = path.read_bytes()
            found |= {s for s in SECRETS if s.encode() in data}
        return found

    assert traces() == set(SECRETS)
    assert store.purge([spec], today=CORE_END + dt.timedelta(days=1)).deleted == 1
    assert traces() == set()
    assert store.verify().ok
    store.close()
