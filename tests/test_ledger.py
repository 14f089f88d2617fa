"""The consent ledger's behaviour, on SQLite and on a real PostgreSQL server (``ledger_url``)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from formkit.ledger.service import InvalidSubmission, Ledger, LedgerError
from scanner.vocabulary import Channel
from tests.ledger_support import IDENTITY, ELECTION_END, T0, emails, make_spec, submission


def test_upgrade_is_idempotent_and_starts_an_empty_chain(ledger):
    ledger.upgrade()
    report = ledger.verify()
    assert report.ok and report.events_checked == 0


def test_each_purpose_exports_exactly_who_ticked_it(ledger):
    spec = make_spec()
    a = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    b = ledger.record_submission(submission(spec, "bob@example.org", {"sms", "public-listing"},
                                            phone="+33612345678", lang="en"), now=T0)
    assert a.granted == ("newsletter",) and a.refused == ("sms", "public-listing")
    assert b.granted == ("sms", "public-listing") and b.refused == ("newsletter",)
    today = dt.date(2026, 12, 2)
    assert emails(ledger.export(spec.id, "newsletter", today=today)) == ["alice@example.org"]
    assert emails(ledger.export(spec.id, "sms", fields=IDENTITY, today=today)) == ["bob@example.org"]
    assert emails(ledger.export(spec.id, "public-listing", fields=IDENTITY, today=today)) == ["bob@example.org"]
    assert ledger.export(spec.id, "no-such-purpose", today=today) == []
    assert ledger.export("other-form", "sms", fields=IDENTITY, today=today) == []


def test_export_rows_carry_provenance(ledger):
    spec = make_spec()
    receipt = ledger.record_submission(submission(spec, "Bob@Example.org", {"sms"}, phone="+33612345678",
                                                  lang="en", source="embed",
                                                  page_url="https://host.example/page?email=bob@example.org#x"),
                                       now=T0)
    [row] = ledger.export(spec.id, "sms", fields=IDENTITY, today=dt.date(2026, 12, 2))
    assert row["email"] == "bob@example.org"  # lower-cased
    assert row["phone"] == "+33612345678" and row["first_name"] == "Camille"
    assert row["form_id"] == "petition-eau" and row["form_version"] == 3
    assert row["consented_at"] == T0.isoformat()
    assert row["wording"] == "I agree to campaign text messages." and row["lang"] == "en"
    assert row["source"] == "embed" and row["receipt_id"] == receipt.receipt_id
    # The query string (which here carries the address) is not kept: it would outlive erasure.
    assert row["page_url"] == "https://host.example/page"
    assert row["expires_on"] == ELECTION_END.isoformat()


def test_receipt_round_trips_and_json_receipt_has_kantara_fields(ledger):
    spec = make_spec()
    made = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    assert ledger.receipt(made.receipt_id) == made
    assert ledger.receipt("r_unknown") is None and ledger.consent_receipt_json("r_unknown") is None
    assert made.created_at == T0 and made.created_at.tzinfo is not None
    assert made.controller == "Collectif Eau" and made.controller_contact == "dpo@eau.example"
    assert made.attestations == ("accuracy",) and len(made.event_hashes) == 5
    doc = ledger.consent_receipt_json(made.receipt_id)
    assert doc["version"] == "KI-CR-v1.1.0" and doc["consentReceiptID"] == made.receipt_id
    assert doc["consentTimestamp"] == int(T0.timestamp()) and doc["language"] == "fr"
    assert doc["piiControllers"][0]["piiController"] == "Collectif Eau"
    assert doc["policyUrl"] == "https://eau.example/confidentialite"
    [purpose] = doc["services"][0]["purposes"]  # only what was granted is a consent
    assert purpose["purpose"] == "Je veux recevoir la lettre par e-mail." and purpose["consentType"] == "EXPLICIT"
    states = {p["purposeId"]: p["state"] for p in doc["iso27560"]["purposes"]}
    assert states == {"newsletter": "given", "sms": "refused", "public-listing": "refused"}
    assert doc["iso27560"]["noticeId"] == "ab" * 32
    assert json.loads(json.dumps(doc)) == doc  # plain JSON, ready to serve
    assert "alice" not in json.dumps(doc)  # the receipt names the opaque contact id only


def test_withdrawal_removes_from_export_at_once(ledger):
    spec = make_spec()
    r = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter", "sms"},
                                            phone="+33611111111"), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"newsletter"}), now=T0)
    assert ledger.withdraw(r.contact_id, spec.id, "newsletter", "link") == 1
    assert emails(ledger.export(spec.id, "newsletter")) == ["bob@example.org"]
    assert emails(ledger.export(spec.id, "sms", fields=IDENTITY, today=dt.date(2027, 1, 1))) == ["alice@example.org"]
    assert ledger.withdraw(r.contact_id, spec.id, "newsletter", "link") == 0  # idempotent
    assert ledger.current_state(r.contact_id, spec.id) == {"newsletter": "withdrawn", "sms": "granted"}
    assert ledger.withdraw(r.contact_id, spec.id, None, "link") == 1  # all remaining: sms
    assert ledger.export(spec.id, "sms", fields=IDENTITY, today=dt.date(2027, 1, 1)) == []
    assert ledger.verify().ok


def test_sms_stop_withdraws_every_sms_consent_of_that_number_only(ledger):
    spec, other = make_spec(), make_spec(id="petition-air")
    ledger.record_submission(submission(spec, "alice@example.org", {"newsletter", "sms"}, phone="+33611111111"), now=T0)
    ledger.record_submission(submission(other, "alice@example.org", {"sms"}, phone="+33611111111"), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"sms"}, phone="+33622222222"), now=T0)
    # A number written the French way is matched in E.164.
    assert ledger.withdraw_channel("06 11 11 11 11", Channel.SMS) == 2
    day = dt.date(2027, 1, 1)
    assert emails(ledger.export(spec.id, "sms", fields=IDENTITY, today=day)) == ["bob@example.org"]
    assert ledger.export(other.id, "sms", fields=IDENTITY, today=day) == []
    assert emails(ledger.export(spec.id, "newsletter", today=day)) == ["alice@example.org"]  # e-mail untouched
    assert ledger.withdraw_channel("+33611111111") == 0


def test_double_opt_in_counts_email_purposes_only_once_confirmed(ledger):
    spec = make_spec(double_opt_in=True)
    r = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter", "sms"},
                                            phone="+33611111111"), now=T0)
    assert r.pending_confirmation == ("newsletter",) and r.granted == ("sms",)
    day = dt.date(2026, 12, 2)
    assert ledger.export(spec.id, "newsletter", today=day) == []
    assert emails(ledger.export(spec.id, "sms", fields=IDENTITY, today=day)) == ["alice@example.org"]  # not e-mail
    assert ledger.current_state(r.contact_id, spec.id) == {"newsletter": "pending", "sms": "granted"}
    later = T0 + dt.timedelta(minutes=5)
    assert ledger.confirm_email(r.contact_id, spec.id, now=later) == 1
    [row] = ledger.export(spec.id, "newsletter", today=day)
    assert row["confirmed_at"] == later.isoformat() and row["consented_at"] == T0.isoformat()
    assert ledger.confirm_email(r.contact_id, spec.id) == 0
    # Signing again with the same (confirmed) address needs no new confirmation.
    again = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=later)
    assert again.contact_id == r.contact_id and again.granted == ("newsletter",)


def test_a_later_refusal_on_the_same_form_withdraws(ledger):
    spec = make_spec()
    first = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter"}), now=T0)
    second = ledger.record_submission(submission(spec, "ALICE@example.org", set()), now=T0 + dt.timedelta(days=1))
    assert second.contact_id == first.contact_id
    assert ledger.current_state(first.contact_id, spec.id) == {"newsletter": "withdrawn"}
    assert ledger.export(spec.id, "newsletter") == []


def test_consent_request_then_yes_reply_is_a_consent_with_the_request_wording(ledger):
    spec = make_spec()
    r = ledger.record_submission(submission(spec, "alice@example.org", set(), phone="+33611111111"), now=T0)
    wording = "Camille: voulez-vous recevoir nos SMS de campagne ? Répondez OUI."
    assert ledger.request_consent(spec, r.contact_id, "sms", wording, "fr", now=T0) == 1
    assert ledger.current_state(r.contact_id, spec.id) == {"sms": "requested"}
    assert ledger.export(spec.id, "sms", fields=IDENTITY, today=dt.date(2026, 12, 2)) == []
    assert ledger.grant_by_reply("+33611111111", now=T0 + dt.timedelta(hours=1)) == 1
    [row] = ledger.export(spec.id, "sms", fields=IDENTITY, today=dt.date(2026, 12, 2))
    assert row["wording"] == wording and row["how"] == "sms"
    assert ledger.grant_by_reply("+33611111111") == 0  # nothing left to answer
    assert ledger.grant_by_reply("+33699999999") == 0
    assert ledger.request_consent(spec, r.contact_id, "sms", wording, "fr") == 0  # already granted
    with pytest.raises(LedgerError, match="No contact"):
        ledger.request_consent(spec, "c_unknown", "sms", wording, "fr")
    with pytest.raises(InvalidSubmission):
        ledger.request_consent(spec, r.contact_id, "carrier-pigeon", wording, "fr")


def test_retention_ends_consent_in_exports(ledger):
    spec = make_spec()
    ledger.record_submission(submission(spec, "alice@example.org", {"sms", "public-listing"},
                                        phone="+33611111111"), now=T0)
    assert ledger.export(spec.id, "sms", fields=IDENTITY, today=ELECTION_END)
    assert ledger.export(spec.id, "sms", fields=IDENTITY, today=ELECTION_END + dt.timedelta(days=1)) == []
    assert ledger.export(spec.id, "public-listing", fields=IDENTITY, today=dt.date(2027, 12, 1))  # P1Y: last day
    assert ledger.export(spec.id, "public-listing", fields=IDENTITY, today=dt.date(2027, 12, 2)) == []


def test_subject_access_finds_everything_by_email_or_phone(ledger):
    spec, other = make_spec(), make_spec(id="petition-air")
    ledger.record_submission(submission(spec, "alice@example.org", {"sms"}, phone="+33611111111"), now=T0)
    ledger.record_submission(submission(other, "alice@example.org", {"newsletter"}), now=T0)
    found = ledger.subject("Alice@Example.org")
    assert found["email"] == "alice@example.org"
    assert sorted(r["form_id"] for r in found["records"]) == ["petition-air", "petition-eau"]
    eau = next(r for r in found["records"] if r["form_id"] == "petition-eau")
    assert eau["data"]["phone"] == "+33611111111" and eau["consents"] == {"sms": "granted"}
    assert [e["action"] for e in eau["events"]] == ["submitted", "attested", "refused", "granted", "refused"]
    assert len(eau["receipts"]) == 1
    by_phone = ledger.subject("+33 6 11 11 11 11")
    assert [r["form_id"] for r in by_phone["records"]] == ["petition-eau"]
    assert ledger.subject("nobody@example.org")["records"] == []
    with pytest.raises(LedgerError):
        ledger.subject("not an identifier")


def test_erasure_deletes_personal_data_ends_consents_and_keeps_the_proof(ledger):
    spec = make_spec()
    r = ledger.record_submission(submission(spec, "alice@example.org", {"newsletter", "sms"},
                                            phone="+33611111111"), now=T0)
    ledger.record_submission(submission(spec, "bob@example.org", {"newsletter"}), now=T0)
    assert ledger.erase_subject("alice@example.org") == 1
    assert ledger.subject("alice@example.org")["records"] == []
    assert ledger.subject("+33611111111")["records"] == []
    assert emails(ledger.export(spec.id, "newsletter")) == ["bob@example.org"]
    assert ledger.current_state(r.contact_id, spec.id) == {"newsletter": "withdrawn", "sms": "withdrawn"}
    assert ledger.receipt(r.receipt_id) is not None  # the receipt holds no personal data
    report = ledger.verify()
    assert report.ok, report.problems
    assert ledger.erase_subject("alice@example.org") == 0


def test_invalid_submissions_are_refused_before_anything_is_written(ledger):
    spec = make_spec()
    good = submission(spec, "alice@example.org", {"sms"})
    from dataclasses import replace

    with pytest.raises(InvalidSubmission, match="one choice per purpose"):
        ledger.record_submission(replace(good, choices=good.choices[:1]))
    with pytest.raises(InvalidSubmission, match="source"):
        ledger.record_submission(replace(good, source="carrier-pigeon"))
    with pytest.raises(InvalidSubmission, match="language"):
        ledger.record_submission(replace(good, lang="de"))
    with pytest.raises(InvalidSubmission, match="E.164") as info:
        ledger.record_submission(replace(good, data={**good.data, "phone": "06 12 34 56 78"}))
    assert "06 12" not in str(info.value)  # errors reach logs: no personal data in them
    with pytest.raises(InvalidSubmission, match="no field religion"):
        ledger.record_submission(replace(good, data={**good.data, "religion": "x"}))
    assert ledger.verify().events_checked == 0


def test_bad_url_is_a_clear_error():
    with pytest.raises(LedgerError, match="Cannot use the database URL"):
        Ledger("nosuchdb://x")


def test_migrations_create_exactly_the_models(ledger):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from formkit.ledger.models import Base

    with ledger.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": "ledger_alembic_version"})
        diff = [d for d in compare_metadata(context, Base.metadata)
                if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "ledger_alembic_version")]
    assert diff == []


def test_migrations_ship_inside_the_package():
    from pathlib import Path

    import formkit.ledger

    folder = Path(formkit.ledger.__file__).parent / "migrations"
    assert (folder / "env.py").exists() and (folder / "script.py.mako").exists()
    assert list((folder / "versions").glob("0001_*.py"))


def test_a_form_field_named_like_a_provenance_column_does_not_hide_it(ledger):
    spec = make_spec(fields=[{"name": "email", "required": True},
                             {"name": "source", "label": {"fr": "Source", "en": "Source"}}])
    sub = submission(spec, "alice@example.org", {"newsletter"})
    from dataclasses import replace

    ledger.record_submission(replace(sub, data={"email": "alice@example.org", "source": "a friend"}), now=T0)
    [row] = ledger.export(spec.id, "newsletter", today=dt.date(2026, 12, 2), fields=["email", "source"])
    assert row["source"] == "hosted" and row["field_source"] == "a friend"


def test_exports_carry_only_what_the_channel_needs(ledger):
    """Data minimisation (art. 5(1)(c)): the e-mail export has no phone, the SMS one no e-mail;
    a purpose with no channel (public listing) gets every field held; --fields overrides."""
    ledger.upgrade()
    spec = make_spec()
    ledger.record_submission(submission(spec, "a@example.org", {"newsletter", "sms", "public-listing"},
                                        phone="+33612345678"), now=T0)
    [mail] = ledger.export(spec.id, "newsletter", today=T0.date())
    assert (mail["email"], mail["first_name"]) == ("a@example.org", "Camille") and "phone" not in mail
    [sms] = ledger.export(spec.id, "sms", today=T0.date())
    assert sms["phone"] == "+33612345678" and "email" not in sms
    [listing] = ledger.export(spec.id, "public-listing", today=T0.date())
    assert {"email", "phone", "first_name"} <= set(listing)
    [narrow] = ledger.export(spec.id, "public-listing", today=T0.date(), fields=["first_name"])
    assert "email" not in narrow and "phone" not in narrow and narrow["first_name"] == "Camille"
    assert narrow["wording"] and narrow["form_id"] == spec.id  # provenance stays
