"""The consent ledger's public API: what the server, the CLI and the tests call.

Proof of consent (GDPR art. 7(1): the controller must be able to *demonstrate* consent) is kept
as an append-only chain of consent events, each hashed with the one before, so that any change
or deletion of a stored consent fact is detected by :meth:`Ledger.verify`. Personal data (e-mail,
phone, name…) lives apart from the chain, in a contacts table referenced by an opaque random
contact id, so that purge (art. 5(1)(e)) and erasure (art. 17) delete it for real while the chain
still verifies. See docs/ledger.md.

Everything here is thread-safe: one :class:`Ledger` per process, shared by all requests.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import phonenumbers
from sqlalchemy import Connection, Engine, bindparam, delete, exc, insert, select, text, update
from sqlalchemy.engine import make_url

from scanner.vocabulary import Channel

from ..config import default_db_url
from ..spec import Spec
from .db import UNAVAILABLE_ERRORS, make_engine, read_transaction, write_transaction
from .models import ConsentEvent, Contact, ReceiptRow
from .retention import FOREVER, core_retention, latest_spec, needed_until, purpose_expiry
from .receipts import consent_receipt, receipt_document, receipt_from_row
from .records import (
    HOW, SOURCES, STATES, ConsentChoice, InvalidSubmission, LedgerError, LedgerUnavailable,
    PurgeItem, PurgeReport, Receipt, ReceiptPurpose, Submission, VerifyProblem, VerifyReport,
)
from .state import ACTIVE, ContactState, PurposeState, fold
from .verify import verify_chain
from .writer import ChainWriter

__all__ = [
    "ConsentChoice", "Submission", "Receipt", "ReceiptPurpose", "VerifyProblem", "VerifyReport",
    "PurgeItem", "PurgeReport", "LedgerError", "LedgerUnavailable", "InvalidSubmission",
    "Ledger", "default_db_url", "normalise_phone", "SOURCES", "HOW", "STATES",
]

# --------------------------------------------------------------------------- the ledger

log = logging.getLogger(__name__)
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_EVENTS = ConsentEvent.__table__
_CONTACTS = Contact.__table__
_RECEIPTS = ReceiptRow.__table__
_MIGRATIONS = Path(__file__).with_name("migrations")

# The hot path's statements, built once (building them per call cost more than the SQL itself).
_INSERT_CONTACT = insert(_CONTACTS)
_INSERT_RECEIPT = insert(_RECEIPTS)
_CONTACT_BY_EMAIL = select(_CONTACTS.c.id, _CONTACTS.c.data).where(
    _CONTACTS.c.form_id == bindparam("form_id"), _CONTACTS.c.email == bindparam("email"))
_CONTACT_BY_PHONE = select(_CONTACTS.c.id, _CONTACTS.c.data).where(
    _CONTACTS.c.form_id == bindparam("form_id"), _CONTACTS.c.phone == bindparam("phone"),
    _CONTACTS.c.email.is_(None))
_UPDATE_CONTACT = update(_CONTACTS).where(_CONTACTS.c.id == bindparam("contact_id"))
_CONTACT_EVENTS = select(_EVENTS).where(
    _EVENTS.c.contact_id == bindparam("contact_id"), _EVENTS.c.form_id == bindparam("form_id")
).order_by(_EVENTS.c.seq)


CHANNEL_FIELDS: dict[str, tuple[str, ...]] = {
    "email": ("email",),
    "sms": ("phone",),
    "phone": ("phone",),
    "messaging": ("phone",),
    "post": ("address", "postal_code", "city", "country"),
}
"""The contact fields each channel needs. Data minimisation (art. 5(1)(c)): an e-mail export
carries the address and the name, not the phone number or the birth date."""
NAME_FIELDS = ("first_name", "last_name")

PROVENANCE_KEYS = ("contact_id", "form_id", "form_version", "purpose_id", "channel", "consented_at",
                   "confirmed_at", "wording", "lang", "how", "source", "page_url", "receipt_id",
                   "expires_on")
"""Export columns saying where a contact came from; a form field of the same name is exported as
``field_<name>`` so that it never hides its provenance."""


def _utc(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("pass an aware datetime (UTC) as now")
    return now.astimezone(dt.UTC)


def _clean_page_url(url: str) -> str:
    """Keep scheme, host and path only: query strings and fragments often carry personal data
    (mailing tools append e-mail addresses), and the page URL outlives erasure in the chain."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))[:2000]


def normalise_phone(value: str) -> str:
    """E.164 form of a phone number (French numbers may be given in national form)."""
    compact = re.sub(r"[\s.()-]", "", value)
    if _E164.match(compact):
        return compact
    try:
        number = phonenumbers.parse(compact, "FR")
    except phonenumbers.NumberParseException:
        raise LedgerError("This is neither an e-mail address nor a phone number; give an e-mail "
                          "address or a phone number in international form (+33…).") from None
    if not phonenumbers.is_possible_number(number):
        raise LedgerError("This phone number is not possible; give it in international form (+33…).")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _mask_password(url: str) -> str:
    """The URL as it may appear in messages and logs: any password replaced by ***."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def _identifier(value: str) -> tuple[str, str]:
    value = value.strip()
    if "@" in value:
        return "email", value.lower()
    return "phone", normalise_phone(value)


class Ledger:
    """The consent ledger on one database.

    ``url`` is a SQLAlchemy URL: ``sqlite:///path/to/unbundle.db`` (default, see
    :func:`default_db_url`) or ``postgresql+psycopg://user@host/db``. ``secret``, when given,
    seals the chain head with an HMAC so that someone able to write the database but not holding
    the secret cannot rewrite the whole chain undetected; give the same secret to ``verify``.
    ``lock_timeout`` (seconds) bounds how long an operation waits for the database before
    :class:`LedgerUnavailable`.
    """

    def __init__(self, url: str | None = None, *, secret: bytes | None = None,
                 lock_timeout: float = 15.0) -> None:
        self.url = url or default_db_url()
        self.secret = secret
        self.display_url = _mask_password(self.url)
        try:
            parsed = make_url(self.url)
            self.display_url = parsed.render_as_string(hide_password=True)
            self.engine: Engine = make_engine(self.url, lock_timeout=lock_timeout)
        except (exc.ArgumentError, exc.NoSuchModuleError, ValueError) as error:
            raise LedgerError(f"Cannot use the database URL {self.display_url!r}: {error}. Give a "
                              "SQLAlchemy URL such as sqlite:///instance/unbundle.db or "
                              "postgresql+psycopg://user@host/dbname.") from None
        except OSError as error:
            raise LedgerUnavailable(f"Cannot create the folder of {self.display_url!r}: {error}.") from None

    # ------------------------------------------------------------------ plumbing

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn driver errors into LedgerUnavailable / LedgerError, without SQL or parameters.

        Every write is one transaction, rolled back on any error: so "nothing was written".
        """
        reading = what.startswith(("reading", "exporting", "verifying"))
        consequence = "Try again." if reading else "Nothing was written; try again."
        try:
            yield
        except UNAVAILABLE_ERRORS as error:
            reason = _reason(error)
            if "no such table" in reason:
                raise LedgerError(f"The ledger at {self.display_url} has no schema yet ({reason}); "
                                  "start the server once or call Ledger.upgrade().") from None
            raise LedgerUnavailable(f"The ledger database at {self.display_url} is unavailable "
                                    f"while {what} ({reason}). {consequence}") from None
        except exc.ProgrammingError as error:
            raise LedgerError(f"The ledger at {self.display_url} failed while {what} ({_reason(error)}); "
                              "is its schema up to date? Call Ledger.upgrade().") from None
        except exc.DBAPIError as error:
            # Refused by the database (constraint, trigger…): rolled back, so nothing was written.
            raise LedgerError(f"The ledger database at {self.display_url} failed while {what} "
                              f"({_reason(error)}). {consequence}") from None

    def upgrade(self) -> None:
        """Create or migrate the schema (Alembic ``upgrade head``); safe to call at every start."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with self._guard("creating the schema"), write_transaction(self.engine) as conn:
            if conn.dialect.name == "postgresql":
                # Two processes starting at once: the second waits, then finds the schema current.
                conn.execute(text("SELECT pg_advisory_xact_lock(2760560)"))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # ------------------------------------------------------------------ writing

    def record_submission(self, sub: Submission, *, now: dt.datetime | None = None) -> Receipt:
        """Record one submission in ONE transaction; return only after it committed.

        Writes a ``submitted`` event (the core action), one ``attested`` event per attestation,
        and for each purpose a ``granted`` or ``refused`` event (a refusal of a purpose the same
        contact had granted on this form is recorded as ``withdrawn``: the latest choice wins,
        art. 7(3)). The contact is found by e-mail, else phone, within the form.
        Raises :class:`LedgerUnavailable` (nothing written) or :class:`InvalidSubmission`.
        """
        at = _utc(now)
        spec, data = sub.spec, self._check(sub)
        email, phone = data.get("email") or None, data.get("phone") or None
        page_url = _clean_page_url(sub.page_url)
        receipt_id = "r_" + secrets.token_hex(16)
        with self._guard("recording a submission"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            contact_id, before = self._upsert_contact(conn, spec.id, email, phone, data, at)
            common = dict(contact_id=contact_id, form_id=spec.id, form_version=spec.version,
                          occurred_at=at, how="form", receipt_id=receipt_id,
                          notice_version=sub.notice_version, lang=sub.lang, source=sub.source,
                          page_url=page_url)
            core_text, core_until = core_retention(spec.retention, at.date())
            hashes = [writer.append(action="submitted", wording=spec.title.get(sub.lang, spec.id),
                                    retention=core_text, expires_on=core_until, **common)]
            accepted = set(sub.attestations)
            for att in spec.attestations:
                if att.id in accepted:
                    hashes.append(writer.append(action="attested", purpose_id=att.id,
                                                wording=att.text.get(sub.lang, ""), **common))
            by_id = {c.purpose_id: c for c in sub.choices}
            purposes: list[ReceiptPurpose] = []
            for p in spec.consent_purposes:
                choice, channel = by_id[p.id], str(p.channel or "")
                until = purpose_expiry(p.retention, spec.retention.election_end, at.date())
                if choice.granted:
                    current = before.purposes.get(p.id)
                    already_confirmed = current is not None and current.state == "granted"
                    needs = spec.double_opt_in and p.channel == Channel.EMAIL and not already_confirmed
                    hashes.append(writer.append(action="granted", purpose_id=p.id, channel=channel,
                                                wording=choice.wording, confirmation_required=needs,
                                                retention=p.retention, expires_on=until, **common))
                    purposes.append(ReceiptPurpose(p.id, choice.wording, "pending" if needs else "granted",
                                                   channel or None, p.retention, until))
                else:
                    current = before.purposes.get(p.id)
                    action = "withdrawn" if current is not None and current.state in ACTIVE else "refused"
                    hashes.append(writer.append(action=action, purpose_id=p.id, channel=channel,
                                                wording=choice.wording, retention=p.retention, **common))
                    purposes.append(ReceiptPurpose(p.id, choice.wording, "refused", channel or None,
                                                   p.retention, None))
            writer.flush()
            receipt = self._make_receipt(sub, receipt_id, contact_id, at, page_url, purposes, hashes)
            conn.execute(_INSERT_RECEIPT, dict(
                id=receipt_id, contact_id=contact_id, form_id=spec.id, form_version=spec.version,
                created_at=at, lang=sub.lang, document=receipt_document(receipt, spec)))
        # Leaving the block committed the transaction: only now is the receipt true.
        return receipt

    def _check(self, sub: Submission) -> dict[str, str]:
        spec = sub.spec
        if sub.source not in SOURCES:
            raise InvalidSubmission(f"source must be one of {', '.join(SOURCES)}, got {sub.source!r}.")
        if sub.lang not in spec.languages:
            raise InvalidSubmission(f"language {sub.lang!r} is not one of form {spec.id!r}'s "
                                    f"languages ({', '.join(spec.languages)}).")
        ids = [c.purpose_id for c in sub.choices]
        expected = [p.id for p in spec.consent_purposes]
        if sorted(ids) != sorted(expected):
            raise InvalidSubmission(f"form {spec.id!r} needs exactly one choice per purpose "
                                    f"({', '.join(expected) or 'none'}), got {', '.join(ids) or 'none'}.")
        unknown = set(sub.attestations) - {a.id for a in spec.attestations}
        if unknown:
            raise InvalidSubmission(f"form {spec.id!r} has no attestation {', '.join(sorted(unknown))}.")
        extra = set(sub.data) - {f.name for f in spec.fields}
        if extra:
            # Data minimisation (art. 5(1)(c)): keep only what the form asked for.
            raise InvalidSubmission(f"form {spec.id!r} asks for no field {', '.join(sorted(extra))}.")
        data = {k: v.strip() for k, v in sub.data.items() if isinstance(v, str) and v.strip()}
        if "email" in data:
            data["email"] = data["email"].lower()
        if "phone" in data and not _E164.match(data["phone"]):
            # The number itself is left out of the message: errors end up in logs.
            raise InvalidSubmission("the phone field must be in E.164 form (+33612345678).")
        return data

    def _upsert_contact(self, conn: Connection, form_id: str, email: str | None, phone: str | None,
                        data: dict[str, str], at: dt.datetime) -> tuple[str, ContactState]:
        """Find the person on this form (by e-mail, else phone) or create them; merge the data."""
        row = None
        if email:
            row = conn.execute(_CONTACT_BY_EMAIL, {"form_id": form_id, "email": email}).first()
        elif phone:
            row = conn.execute(_CONTACT_BY_PHONE, {"form_id": form_id, "phone": phone}).first()
        if row is None:
            contact_id = "c_" + secrets.token_hex(16)
            conn.execute(_INSERT_CONTACT, dict(id=contact_id, form_id=form_id, email=email,
                                               phone=phone, data=data, created_at=at, updated_at=at))
            return contact_id, ContactState({})
        merged = {**row.data, **data}
        conn.execute(_UPDATE_CONTACT, {"contact_id": row.id, "data": merged,
                                       "phone": merged.get("phone"), "updated_at": at})
        return row.id, self._state(conn, row.id, form_id)

    def _make_receipt(self, sub: Submission, receipt_id: str, contact_id: str, at: dt.datetime,
                      page_url: str, purposes: list[ReceiptPurpose], hashes: list[str]) -> Receipt:
        spec, c = sub.spec, sub.spec.controller
        return Receipt(
            receipt_id=receipt_id, contact_id=contact_id, form_id=spec.id, form_version=spec.version,
            created_at=at, controller=(c.name if c and c.name else ""), lang=sub.lang,
            granted=tuple(p.purpose_id for p in purposes if p.state == "granted"),
            refused=tuple(p.purpose_id for p in purposes if p.state == "refused"),
            pending_confirmation=tuple(p.purpose_id for p in purposes if p.state == "pending"),
            controller_contact=(c.dpo or c.email or "") if c else "",
            controller_address=(c.address or "") if c else "",
            privacy_url=spec.privacy_url or "", notice_version=sub.notice_version,
            source=sub.source, page_url=page_url,
            attestations=tuple(a.id for a in spec.attestations if a.id in set(sub.attestations)),
            purposes=tuple(purposes),
            recipients=tuple(f"{r.name} ({r.role})" if r.role else r.name for r in spec.recipients),
            event_hashes=tuple(hashes),
        )

    def _events(self, conn: Connection, contact_id: str, form_id: str) -> list[Any]:
        return list(conn.execute(_CONTACT_EVENTS, {"contact_id": contact_id, "form_id": form_id}).mappings())

    def _state(self, conn: Connection, contact_id: str, form_id: str) -> ContactState:
        return fold(self._events(conn, contact_id, form_id))

    def _follow_up(self, writer: ChainWriter, source: Any, action: str, how: str, at: dt.datetime,
                   **extra: Any) -> str:
        """An event about the consent ``source`` established (same contact, form, purpose, wording)."""
        return writer.append(contact_id=source["contact_id"], form_id=source["form_id"],
                             form_version=source["form_version"], purpose_id=source["purpose_id"],
                             channel=source["channel"], action=action, occurred_at=at, how=how,
                             wording=source["wording"], lang=source["lang"],
                             notice_version=source["notice_version"], **extra)

    def withdraw(self, contact_id: str, form_id: str, purpose_id: str | None, how: str,
                 *, now: dt.datetime | None = None) -> int:
        """Withdraw one purpose (or all, when ``purpose_id`` is None) of a contact on a form.

        Idempotent; returns the number of ``withdrawn`` events written (0 if nothing was granted).
        Withdrawing is as easy as giving (art. 7(3)): no condition, effective at once in exports.
        """
        at = _utc(now)
        with self._guard("recording a withdrawal"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            state = self._state(conn, contact_id, form_id)
            for pid, ps in state.purposes.items():
                if (purpose_id is None or pid == purpose_id) and ps.state in ACTIVE:
                    self._follow_up(writer, ps.since, "withdrawn", how, at)
            written = writer.pending
            writer.flush()
        return written

    def withdraw_channel(self, phone_e164: str, channel: Channel | str = Channel.SMS,
                         how: str = "sms", *, now: dt.datetime | None = None) -> int:
        """SMS STOP: withdraw every consent on ``channel`` of every contact with that number."""
        at, phone, wanted = _utc(now), normalise_phone(phone_e164), str(channel)
        with self._guard("recording a STOP"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            for contact in conn.execute(select(_CONTACTS.c.id, _CONTACTS.c.form_id)
                                        .where(_CONTACTS.c.phone == phone).order_by(_CONTACTS.c.id)):
                for ps in self._state(conn, contact.id, contact.form_id).purposes.values():
                    if ps.state in ACTIVE and ps.since["channel"] == wanted:
                        self._follow_up(writer, ps.since, "withdrawn", how, at)
            written = writer.pending
            writer.flush()
        return written

    def request_consent(self, spec: Spec, contact_id: str, purpose_id: str, wording: str,
                        lang: str, how: str = "sms", *, now: dt.datetime | None = None) -> int:
        """Record that a consent request (``wording``, e.g. the SMS sent) went to a contact.

        A later "OUI"/"YES" (:meth:`grant_by_reply`) turns it into a consent with that wording.
        Returns 1, or 0 when the purpose is already granted or pending.
        """
        at = _utc(now)
        try:
            purpose = spec.purpose(purpose_id)
        except KeyError as error:
            raise InvalidSubmission(str(error.args[0])) from None
        with self._guard("recording a consent request"), write_transaction(self.engine) as conn:
            if conn.execute(select(_CONTACTS.c.id).where(_CONTACTS.c.id == contact_id,
                                                         _CONTACTS.c.form_id == spec.id)).first() is None:
                raise LedgerError(f"No contact {contact_id} on form {spec.id!r} (erased or never recorded).")
            writer = ChainWriter(conn, self.secret)
            current = self._state(conn, contact_id, spec.id).purposes.get(purpose_id)
            if current is not None and current.state in ("granted", "pending"):
                return 0
            writer.append(contact_id=contact_id, form_id=spec.id, form_version=spec.version,
                          purpose_id=purpose_id, channel=str(purpose.channel or ""), action="requested",
                          occurred_at=at, how=how, wording=wording, lang=lang,
                          retention=purpose.retention,
                          expires_on=spec.retention.election_end if purpose.retention == "election-end" else None)
            writer.flush()
        return 1

    def grant_by_reply(self, phone_e164: str, how: str = "sms", *,
                       now: dt.datetime | None = None) -> int:
        """"OUI"/"YES": grant every consent requested from that number and not yet answered."""
        at, phone = _utc(now), normalise_phone(phone_e164)
        with self._guard("recording a reply"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            for contact in conn.execute(select(_CONTACTS.c.id, _CONTACTS.c.form_id)
                                        .where(_CONTACTS.c.phone == phone).order_by(_CONTACTS.c.id)):
                for ps in self._state(conn, contact.id, contact.form_id).purposes.values():
                    if ps.state == "requested":
                        req = ps.since
                        until = purpose_expiry(req["retention"], req["expires_on"], at.date())
                        self._follow_up(writer, req, "granted", how, at, retention=req["retention"],
                                        expires_on=until)
            written = writer.pending
            writer.flush()
        return written

    def confirm_email(self, contact_id: str, form_id: str, *, now: dt.datetime | None = None) -> int:
        """Double opt-in: confirm the contact's pending e-mail purposes on that form."""
        at = _utc(now)
        with self._guard("recording a confirmation"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            for ps in self._state(conn, contact_id, form_id).purposes.values():
                if ps.state == "pending":
                    self._follow_up(writer, ps.since, "confirmed", "email", at)
            written = writer.pending
            writer.flush()
        return written

    # ------------------------------------------------------------------ reading

    def current_state(self, contact_id: str, form_id: str) -> dict[str, str]:
        """purpose_id -> ``granted`` | ``pending`` | ``requested`` | ``withdrawn``.

        Purposes the contact never granted (refused or never asked) are absent.
        """
        with self._guard("reading consents"), read_transaction(self.engine) as conn:
            state = self._state(conn, contact_id, form_id)
        return {pid: ps.state for pid, ps in state.purposes.items()}

    def receipt(self, receipt_id: str) -> Receipt | None:
        """The receipt of one submission, or None if unknown."""
        with self._guard("reading a receipt"), read_transaction(self.engine) as conn:
            row = conn.execute(select(_RECEIPTS).where(_RECEIPTS.c.id == receipt_id)).mappings().first()
        return None if row is None else receipt_from_row(row)

    def consent_receipt_json(self, receipt_id: str) -> dict[str, Any] | None:
        """The receipt as a Kantara Consent Receipt v1.1 / ISO/IEC 27560 record (a JSON dict)."""
        with self._guard("reading a receipt"), read_transaction(self.engine) as conn:
            row = conn.execute(select(_RECEIPTS).where(_RECEIPTS.c.id == receipt_id)).mappings().first()
        if row is None:
            return None
        return consent_receipt(receipt_from_row(row), row["document"].get("title", ""))

    def export(self, form_id: str, purpose_id: str, *, today: dt.date | None = None,
               fields: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Contacts who may be contacted for this purpose today, with provenance per row.

        Personal fields: ``fields`` when given; otherwise the name and what the purpose's
        channel needs (``CHANNEL_FIELDS``), or every field held for a purpose with no channel
        (sharing, publication: what goes out is the campaign's documented choice).

        A row appears only if the contact's current state for the purpose is ``granted`` (so
        confirmed where double opt-in applies), not withdrawn, its retention not past ``today``,
        and its personal data still held. Provenance (form, version, date, wording, source, page)
        lets every message say where the contact came from (CNIL).
        """
        day = today or dt.datetime.now(dt.UTC).date()
        with self._guard("exporting"), read_transaction(self.engine) as conn:
            by_contact: dict[str, list[Any]] = {}
            for e in conn.execute(select(_EVENTS).where(
                    _EVENTS.c.form_id == form_id, _EVENTS.c.purpose_id.in_([purpose_id, ""]))
                    .order_by(_EVENTS.c.seq)).mappings():
                by_contact.setdefault(e["contact_id"], []).append(e)
            eligible: dict[str, PurposeState] = {}
            for contact_id, events in by_contact.items():
                ps = fold(events).purposes.get(purpose_id)
                if ps is not None and ps.state == "granted" and (
                        ps.since["expires_on"] is None or day <= ps.since["expires_on"]):
                    eligible[contact_id] = ps
            contacts = {}
            ids = sorted(eligible)
            for start in range(0, len(ids), 500):
                for row in conn.execute(select(_CONTACTS.c.id, _CONTACTS.c.data).where(
                        _CONTACTS.c.id.in_(ids[start:start + 500]))):
                    contacts[row.id] = row.data
        rows = []
        for contact_id in ids:
            if contact_id not in contacts:
                continue  # erased or purged: no one left to contact
            g = eligible[contact_id].since
            confirmed = eligible[contact_id].confirmed_at
            wanted = (set(fields) if fields is not None
                      else set(NAME_FIELDS) | set(CHANNEL_FIELDS[g["channel"]]) if g["channel"] in CHANNEL_FIELDS
                      else None)
            personal = {(f"field_{k}" if k in PROVENANCE_KEYS else k): v
                        for k, v in contacts[contact_id].items() if wanted is None or k in wanted}
            rows.append({
                "contact_id": contact_id, **personal,
                "form_id": g["form_id"], "form_version": g["form_version"], "purpose_id": purpose_id,
                "channel": g["channel"], "consented_at": g["occurred_at"].isoformat(),
                "confirmed_at": confirmed.isoformat() if confirmed else "",
                "wording": g["wording"], "lang": g["lang"], "how": g["how"], "source": g["source"],
                "page_url": g["page_url"], "receipt_id": g["receipt_id"] or "",
                "expires_on": g["expires_on"].isoformat() if g["expires_on"] else "",
            })
        rows.sort(key=lambda r: (r["consented_at"], r["contact_id"]))
        return rows

    def verify(self, *, secret: bytes | None = None) -> VerifyReport:
        """Re-hash the whole chain; report every event whose stored facts changed or is missing.

        Proves: no hashed fact of any event was changed, and no event was deleted or inserted,
        unless someone rewrote every later event and the head too (a secret seal stops that).
        Does not prove anything about the contacts table (personal data is not chained).
        """
        with self._guard("verifying"), read_transaction(self.engine) as conn:
            return verify_chain(conn, secret or self.secret)

    # ------------------------------------------------------------------ personal data

    def subject(self, identifier: str) -> dict[str, Any]:
        """Everything held about the person with this e-mail or phone (GDPR art. 15).

        One record per form they used: their personal data, consents in force, every consent
        event (with the wording they were shown) and their receipts.
        """
        kind, value = _identifier(identifier)
        column = _CONTACTS.c.email if kind == "email" else _CONTACTS.c.phone
        records = []
        with self._guard("reading a subject's data"), read_transaction(self.engine) as conn:
            for c in conn.execute(select(_CONTACTS).where(column == value)
                                  .order_by(_CONTACTS.c.created_at)).mappings():
                events = self._events(conn, c["id"], c["form_id"])
                receipts = conn.execute(select(_RECEIPTS.c.id).where(
                    _RECEIPTS.c.contact_id == c["id"]).order_by(_RECEIPTS.c.created_at)).scalars().all()
                records.append({
                    "contact_id": c["id"], "form_id": c["form_id"], "data": dict(c["data"]),
                    "created_at": c["created_at"].isoformat(), "updated_at": c["updated_at"].isoformat(),
                    "consents": {p: s.state for p, s in fold(events).purposes.items()},
                    "events": [_event_json(e) for e in events],
                    "receipts": list(receipts),
                })
        return {kind: value, "records": records}

    def erase_subject(self, identifier: str, *, now: dt.datetime | None = None) -> int:
        """Erase the person's personal data (art. 17); returns the number of contacts erased.

        The contacts rows go (then SQLite is vacuumed, PostgreSQL's table rewritten), an ``erased``
        event records that it happened (accountability, art. 5(2)) and ends every consent. The
        chain keeps its facts, which hold no personal data, so ``verify`` still passes.
        """
        at = _utc(now)
        kind, value = _identifier(identifier)
        column = _CONTACTS.c.email if kind == "email" else _CONTACTS.c.phone
        with self._guard("erasing a subject"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            rows = conn.execute(select(_CONTACTS.c.id, _CONTACTS.c.form_id).where(column == value)
                                .order_by(_CONTACTS.c.id)).all()
            for row in rows:
                self._erase(conn, writer, row.id, row.form_id, "request", at,
                            "personal data erased at the person's request (GDPR art. 17)")
            writer.flush()
        if rows:
            self._compact()
        return len(rows)

    def _erase(self, conn: Connection, writer: ChainWriter, contact_id: str, form_id: str, how: str,
               at: dt.datetime, wording: str) -> None:
        version = conn.execute(select(_EVENTS.c.form_version).where(
            _EVENTS.c.contact_id == contact_id).order_by(_EVENTS.c.seq.desc()).limit(1)).scalar() or 0
        conn.execute(delete(_CONTACTS).where(_CONTACTS.c.id == contact_id))
        writer.append(contact_id=contact_id, form_id=form_id, form_version=version, action="erased",
                      occurred_at=at, how=how, wording=wording)

    def purge(self, specs: Iterable[Spec], *, today: dt.date, dry_run: bool = False,
              now: dt.datetime | None = None) -> PurgeReport:
        """Delete personal data no longer needed on ``today`` (storage limitation, art. 5(1)(e)).

        A contact's data is needed until the latest of: its core-action record's end
        (``election_end`` + ``core_action``), and the end of each consent still in force
        (granted: its purpose's retention, none for until-withdrawn; pending or requested: 30 days).
        Withdrawn and refused purposes keep nothing. Retention is the one stored with each event
        when it was given; a spec passed in may shorten it, never lengthen it. Contacts of a form
        with no core-action retention and not passed in ``specs`` are kept and reported in notes.
        """
        at = _utc(now)
        by_id = latest_spec(list(specs))
        candidates: list[PurgeItem] = []
        kept, notes = 0, set()
        # Judge everyone in a read transaction: writers are not blocked while the whole ledger is
        # scanned. Only the contacts to delete are judged again under the write lock (below).
        with self._guard("purging"), read_transaction(self.engine) as conn:
            contacts = conn.execute(select(_CONTACTS.c.id, _CONTACTS.c.form_id)
                                    .order_by(_CONTACTS.c.id)).all()
            for c in contacts:
                item, reason = self._purge_item(conn, c.id, c.form_id, by_id, today)
                if item is None:
                    kept += 1
                    if reason == "no-retention":
                        notes.add(f"form {c.form_id} sets no retention for its core-action record, "
                                  "so its contacts are kept: set retention.election_end or "
                                  "core_action in its spec and pass it with --specs")
                else:
                    candidates.append(item)
        if dry_run:
            return PurgeReport(True, today, tuple(candidates), kept, tuple(sorted(notes)))
        items: list[PurgeItem] = []
        with self._guard("purging"), write_transaction(self.engine) as conn:
            writer = ChainWriter(conn, self.secret)
            for candidate in candidates:
                # The person may have signed again or been erased since the scan.
                item, _ = self._purge_item(conn, candidate.contact_id, candidate.form_id, by_id, today)
                if item is None:
                    kept += 1
                    continue
                if conn.execute(select(_CONTACTS.c.id).where(_CONTACTS.c.id == item.contact_id)).first() is None:
                    continue
                items.append(item)
                self._erase(conn, writer, item.contact_id, item.form_id, "purge", at,
                            f"personal data deleted: retention ended ({item.reason})")
            writer.flush()
        # Also when nothing was deleted now: finishes a compaction an earlier run could not do.
        notes.update(self._compact())
        return PurgeReport(dry_run, today, tuple(items), kept, tuple(sorted(notes)))

    def _purge_item(self, conn: Connection, contact_id: str, form_id: str,
                    specs: dict[str, Spec], today: dt.date) -> tuple[PurgeItem | None, str]:
        """(a PurgeItem if the contact's data is no longer needed on ``today``, else None; why)."""
        needed, reason = needed_until(self._state(conn, contact_id, form_id), specs.get(form_id))
        if needed is FOREVER or (needed is not None and today <= needed):
            return None, reason
        return PurgeItem(contact_id, form_id, reason, needed), reason

    def _compact(self) -> list[str]:
        """Make deleted bytes unrecoverable from the database files (art. 17 "without undue delay").

        SQLite: secure_delete already zeroed the freed cells; VACUUM rebuilds the file and
        checkpoint(TRUNCATE) empties the WAL, which held copies of the old pages. PostgreSQL:
        VACUUM FULL rewrites the contacts table into a new file (dead tuples are otherwise kept
        until reused); its WAL and backups age out on the operator's schedule (docs/ledger.md).
        """
        notes = []
        try:
            self._compact_files(notes)
        except LedgerError as error:
            # The deletion itself is committed; only the rewrite of the files failed (e.g. a
            # long transaction elsewhere held the lock). Say so rather than fail the purge.
            notes.append(f"the deleted data was committed but the database files could not be "
                         f"compacted yet ({error}); run the purge again to compact them")
        for note in notes:
            log.warning("ledger: %s", note)
        return sorted(set(notes))

    def _compact_files(self, notes: list[str]) -> None:
        with self._guard("compacting after deletion"):
            if self.is_sqlite:
                raw = self.engine.raw_connection()
                try:
                    for sql in ("PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"):
                        row = raw.cursor().execute(sql).fetchone()
                        if sql.startswith("PRAGMA") and row and row[0]:
                            notes.append("another process kept the SQLite WAL busy; deleted pages may "
                                         "remain in the -wal file until its next checkpoint")
                finally:
                    raw.close()
            elif self.engine.dialect.name == "postgresql":
                with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM FULL ledger_contacts")


def _reason(error: Exception) -> str:
    orig = getattr(error, "orig", None) or error
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return first[:300]


def _event_json(e: Any) -> dict[str, Any]:
    return {
        "event_id": e["seq"], "action": e["action"], "form_id": e["form_id"],
        "form_version": e["form_version"], "purpose_id": e["purpose_id"], "channel": e["channel"],
        "occurred_at": e["occurred_at"].isoformat(), "how": e["how"], "wording": e["wording"],
        "lang": e["lang"], "source": e["source"], "page_url": e["page_url"],
        "notice_version": e["notice_version"], "receipt_id": e["receipt_id"],
        "expires_on": e["expires_on"].isoformat() if e["expires_on"] else None, "hash": e["hash"],
    }
