"""`unbundle ledger …` from the outside: exit codes, files written, clean errors (both backends)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from formkit.cli import cli
from formkit.ledger.service import Ledger
from tests.ledger_support import (
    CORE_END, SPEC_YAML, T0, copy_database, execute, make_spec, submission,
)


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, ["ledger", *args], env=env, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def db(ledger, ledger_url):
    spec = make_spec()
    ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"sms"}, phone="+33612345678"), now=T0)
    ledger.close()  # the CLI opens its own; PostgreSQL copies need no open connection
    return ledger_url


def test_verify_ok_and_failed(db, request):
    ok = run("verify", "--db", db)
    assert ok.exit_code == 0 and "ok: 10 events checked" in ok.output
    copy = copy_database(db, request)
    execute(copy, "UPDATE ledger_events SET wording = 'Autre chose' WHERE seq = 4")
    bad = run("verify", "--db", copy)
    assert bad.exit_code == 1
    assert "event 4: its wording was changed" in bad.output and "FAILED" in bad.output
    as_json = json.loads(run("verify", "--db", copy, "--format", "json").stdout)
    assert as_json["ok"] is False and as_json["problems"][0]["event_id"] == 4


def test_db_from_the_environment(db):
    assert run("verify", env={"UNBUNDLE_DB": db}).exit_code == 0


def test_export_csv_and_json(db, tmp_path):
    out = tmp_path / "sms.csv"
    result = run("export", "--db", db, "--form", "petition-eau", "--purpose", "sms",
                 "--format", "csv", "--output", str(out), "--today", "2026-12-02")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["phone"] for r in rows] == ["+33612345678"] and "email" not in rows[0]  # minimised
    assert rows[0]["wording"] == "J'accepte les SMS de la campagne." and rows[0]["form_version"] == "3"
    assert list(rows[0])[:3] == ["contact_id", "phone", "first_name"]
    wide = run("export", "--db", db, "--form", "petition-eau", "--purpose", "sms", "--format", "json",
               "--fields", "email,phone", "--today", "2026-12-02")
    assert [(r["email"], r["phone"]) for r in json.loads(wide.stdout)] == [("bob@example.org", "+33612345678")]
    as_json = json.loads(run("export", "--db", db, "--form", "petition-eau", "--purpose",
                             "newsletter", "--format", "json").stdout)
    assert [r["email"] for r in as_json] == ["alice@example.org"]


def test_purge_dry_run_then_real(db):
    day = (CORE_END + dt.timedelta(days=1)).isoformat()
    dry = run("purge", "--db", db, "--today", day, "--dry-run")
    assert dry.exit_code == 0 and "1 contact(s) would be deleted, 1 kept" in dry.output
    real = run("purge", "--db", db, "--today", day, "--format", "json")
    report = json.loads(real.stdout)
    assert report["deleted"] == 1 and report["kept"] == 1
    assert "bob@example.org" not in real.output  # reports name opaque ids, not people
    assert run("verify", "--db", db).exit_code == 0


def test_purge_reads_specs(db, tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "eau.yaml").write_text(SPEC_YAML.replace("election_end: 2027-05-09", "election_end: 2027-01-01"))
    result = run("purge", "--db", db, "--specs", str(specs), "--today", "2027-07-03")
    assert result.exit_code == 0 and "1 contact(s) deleted" in result.output


def test_subject_and_erase(db, tmp_path):
    out = tmp_path / "bob.json"
    result = run("subject", "06 12 34 56 78", "--db", db, "--output", str(out))
    assert result.exit_code == 0
    found = json.loads(out.read_text())
    assert found["phone"] == "+33612345678" and found["records"][0]["data"]["email"] == "bob@example.org"
    erased = run("subject", "bob@example.org", "--db", db, "--erase")
    assert erased.exit_code == 0 and "erased 1 record(s)" in erased.output
    assert json.loads(run("subject", "bob@example.org", "--db", db).stdout)["records"] == []
    assert run("verify", "--db", db).exit_code == 0


def test_clean_errors(tmp_path):
    missing = run("verify", "--db", f"sqlite:///{tmp_path / 'nope.db'}")
    assert missing.exit_code == 1 and "There is no ledger database" in missing.output
    assert not (tmp_path / "nope.db").exists()  # looking did not create an empty ledger
    bad_url = run("verify", "--db", "nosuch://x")
    assert bad_url.exit_code == 1 and "Cannot use the database URL" in bad_url.output
    db = f"sqlite:///{tmp_path / 'l.db'}"
    Ledger(db).upgrade()
    bad_id = run("subject", "not-a-person", "--db", db)
    assert bad_id.exit_code == 1 and "neither an e-mail address nor a phone number" in bad_id.output
    assert run("purge", "--db", db, "--today", "tomorrow").exit_code == 2


def test_default_database_is_instance_unbundle_db(tmp_path, monkeypatch):
    from formkit.config import default_db_url

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UNBUNDLE_DB", raising=False)
    assert default_db_url() == f"sqlite:///{tmp_path.resolve() / 'instance' / 'unbundle.db'}"
    Ledger().upgrade()
    assert (tmp_path / "instance" / "unbundle.db").exists()
    assert run("verify").exit_code == 0


def test_verify_checks_the_seal_with_the_servers_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UNBUNDLE_SECRET_KEY", raising=False)
    db = f"sqlite:///{tmp_path / 'instance' / 'unbundle.db'}"
    store = Ledger(db, secret=b"the-server-key")
    store.upgrade()
    store.record_submission(submission(make_spec(), "alice@example.org", {"sms"}), now=T0)
    store.close()
    assert "seal NOT checked" in run("verify", "--db", db).output
    assert "seal checked" in run("verify", "--db", db, env={"UNBUNDLE_SECRET_KEY": "the-server-key"}).output
    wrong = run("verify", "--db", db, "--secret", "another-key")
    assert wrong.exit_code == 1 and "seal does not match" in wrong.output
    (tmp_path / "instance" / "secret_key").write_text("the-server-key\n")  # where the server keeps it
    found = run("verify", "--db", db)
    assert found.exit_code == 0 and "seal checked" in found.output


def test_purge_and_erase_keep_the_chain_head_sealed(tmp_path, monkeypatch):
    """Deleting data appends `erased` events: the CLI must seal the new head with the server's
    key, or the next verify could no longer detect a rewrite of the whole chain."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UNBUNDLE_SECRET_KEY", raising=False)
    db = f"sqlite:///{tmp_path / 'instance' / 'unbundle.db'}"
    store = Ledger(db, secret=b"the-server-key")
    store.upgrade()
    spec = make_spec()
    store.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    store.record_submission(submission(spec, "bob@example.org", {"sms"}, phone="+33612345678"), now=T0)
    store.close()
    (tmp_path / "instance" / "secret_key").write_text("the-server-key\n")
    assert run("subject", "bob@example.org", "--erase").exit_code == 0
    after_erase = run("verify")
    assert after_erase.exit_code == 0 and "seal checked" in after_erase.output
    day = (CORE_END + dt.timedelta(days=1)).isoformat()
    assert run("purge", "--today", day).exit_code == 0
    after_purge = run("verify")
    assert after_purge.exit_code == 0 and "seal checked" in after_purge.output


def test_verify_fails_when_the_head_carries_no_seal_but_a_key_is_given(db):
    """Whoever rewrites the whole chain can clear the seal too: with the key, that fails."""
    unsealed = run("verify", "--db", db, "--secret", "the-server-key")
    assert unsealed.exit_code == 1 and "carries no seal" in unsealed.output
    assert run("verify", "--db", db).exit_code == 0  # without a key, the chain alone is checked


def test_export_warns_when_the_form_or_purpose_is_not_in_the_ledger(db):
    typo = run("export", "--db", db, "--form", "petition-eaux", "--purpose", "sms")
    assert typo.exit_code == 0 and typo.stdout.count("\n") == 1  # the CSV header only
    assert "no form 'petition-eaux' (forms in it: petition-eau)" in typo.stderr
    purpose = run("export", "--db", db, "--form", "petition-eau", "--purpose", "sns")
    assert "has no purpose 'sns'" in purpose.stderr and "(its purposes: newsletter, public-listing, sms)" in purpose.stderr
    found = run("export", "--db", db, "--form", "petition-eau", "--purpose", "sms")
    assert "warning" not in found.stderr
