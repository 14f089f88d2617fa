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

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from scanner.vocabulary import Channel

from ..config import default_db_url
from ..errors import UnbundleError
from ..spec import Spec

__all__ = [
    "ConsentChoice", "Submission", "Receipt", "ReceiptPurpose", "VerifyProblem", "VerifyReport",
    "PurgeItem", "PurgeReport", "LedgerError", "LedgerUnavailable", "InvalidSubmission",
    "Ledger", "default_db_url", "SOURCES", "HOW",
]

SOURCES = ("hosted", "embed", "snippet")
"""Where a submission came from: the hosted page, the iframe, or the plain HTML snippet."""

HOW = ("form", "link", "sms", "email", "admin", "request", "purge")
"""How an event happened: the form itself, a withdrawal link, an SMS reply, a confirmation
e-mail link, an administrator, a data subject's request (art. 17), retention purge."""

STATES = ("granted", "pending", "requested", "withdrawn")
"""Values of :meth:`Ledger.current_state`: ``pending`` = granted but awaiting e-mail
confirmation (double opt-in); ``requested`` = a consent request was sent, no answer yet."""


# --------------------------------------------------------------------------- input / output


@dataclass(frozen=True)
class ConsentChoice:
    """One optional purpose's box as the person left it."""

    purpose_id: str
    granted: bool
    wording: str
    """The exact text shown next to the box, in the language shown (kept as proof, art. 7(1))."""


@dataclass(frozen=True)
class Submission:
    """One validated form submission, as the server hands it to the ledger."""

    spec: Spec
    """The form (id, version, purposes, retention) the person saw."""
    lang: str
    data: dict[str, str]
    """Validated personal fields; ``email`` lower-cased, ``phone`` in E.164 (``+33612345678``)."""
    choices: tuple[ConsentChoice, ...]
    """Exactly one per purpose of the spec, granted or not."""
    attestations: tuple[str, ...]
    """Ids of the attestations accepted (statements that are not consents)."""
    notice_version: str
    """SHA-256 (hex) of the information notice as rendered (art. 13)."""
    source: str
    """``hosted`` | ``embed`` | ``snippet``."""
    page_url: str = ""
    """Where the form was (Referer or embedding page); may be empty."""


@dataclass(frozen=True)
class ReceiptPurpose:
    """One purpose on a receipt, with what the person was told about it."""

    purpose_id: str
    wording: str
    state: str
    """``granted`` | ``refused`` | ``pending`` (awaiting e-mail confirmation)."""
    channel: str | None = None
    retention: str = "until-withdrawn"
    expires_on: dt.date | None = None
    """When this consent lapses by retention; None = until withdrawn."""


@dataclass(frozen=True)
class Receipt:
    """What a person agreed to and refused in one submission (shown after submitting)."""

    receipt_id: str
    contact_id: str
    form_id: str
    form_version: int
    created_at: dt.datetime
    """UTC, timezone-aware."""
    controller: str
    lang: str
    granted: tuple[str, ...]
    refused: tuple[str, ...]
    pending_confirmation: tuple[str, ...]
    """Granted e-mail purposes that count only once the address is confirmed (double opt-in)."""
    controller_contact: str = ""
    """Where rights are exercised: the DPO, else the controller's e-mail (art. 13(1)(a)-(b))."""
    controller_address: str = ""
    privacy_url: str = ""
    notice_version: str = ""
    source: str = ""
    page_url: str = ""
    attestations: tuple[str, ...] = ()
    purposes: tuple[ReceiptPurpose, ...] = ()
    """Every purpose of the form with its wording and outcome, in spec order."""
    recipients: tuple[str, ...] = ()
    """Recipients named by the spec ("name (role)")."""
    event_hashes: tuple[str, ...] = ()
    """Hashes of the chain events this submission wrote: the person's copy anchors the chain."""


@dataclass(frozen=True)
class VerifyProblem:
    """One thing :meth:`Ledger.verify` found wrong."""

    event_id: int | None
    """The event (its sequence number in the chain); None for problems of the chain head."""
    message: str

    def line(self) -> str:
        return f"event {self.event_id}: {self.message}" if self.event_id is not None else self.message


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    events_checked: int
    problems: tuple[VerifyProblem, ...] = ()
    sealed: bool | None = None
    """True: the head's HMAC seal was checked; False: a seal exists but no secret was given;
    None: the ledger is not sealed."""


@dataclass(frozen=True)
class PurgeItem:
    """One contact whose personal data goes (or went). Holds no personal data itself."""

    contact_id: str
    form_id: str
    reason: str
    needed_until: dt.date | None


@dataclass(frozen=True)
class PurgeReport:
    dry_run: bool
    today: dt.date
    items: tuple[PurgeItem, ...] = ()
    kept: int = 0
    """Contacts still within a retention period."""
    notes: tuple[str, ...] = ()
    """Things the operator should know (e.g. forms with no retention set)."""

    @property
    def deleted(self) -> int:
        return 0 if self.dry_run else len(self.items)


class LedgerError(UnbundleError):
    """A ledger operation failed in a way the user can act on."""


class LedgerUnavailable(LedgerError):
    """The database is down, unreachable or locked: nothing was written. Show a 503."""


class InvalidSubmission(LedgerError, ValueError):
    """The submission does not match its spec (a bug in the caller, not the person's fault)."""


# --------------------------------------------------------------------------- the ledger


class Ledger:
    """The consent ledger on one database.

    ``url`` is a SQLAlchemy URL: ``sqlite:///path/to/unbundle.db`` (default, see
    :func:`default_db_url`) or ``postgresql+psycopg://user@host/db``. ``secret``, when given,
    seals the chain head with an HMAC so that someone able to write the database but not holding
    the secret cannot rewrite the whole chain undetected; give the same secret to ``verify``.
    ``lock_timeout`` bounds how long a write waits for the database before
    :class:`LedgerUnavailable`.
    """

    def __init__(self, url: str | None = None, *, secret: bytes | None = None,
                 lock_timeout: float = 15.0) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release the connection pool."""
        raise NotImplementedError

    def upgrade(self) -> None:
        """Create or migrate the schema (Alembic ``upgrade head``); safe to call at every start."""
        raise NotImplementedError

    def record_submission(self, sub: Submission, *, now: dt.datetime | None = None) -> Receipt:
        """Record one submission in ONE transaction; return only after it committed.

        Writes a ``submitted`` event (the core action), one ``attested`` event per attestation,
        and for each purpose a ``granted`` or ``refused`` event (a refusal of a purpose the same
        contact had granted on this form is recorded as ``withdrawn``: the latest choice wins,
        art. 7(3)). The contact is found by e-mail, else phone, within the form.
        Raises :class:`LedgerUnavailable` (nothing written) or :class:`InvalidSubmission`.
        """
        raise NotImplementedError

    def receipt(self, receipt_id: str) -> Receipt | None:
        """The receipt of one submission, or None if unknown."""
        raise NotImplementedError

    def consent_receipt_json(self, receipt_id: str) -> dict[str, Any] | None:
        """The receipt as a Kantara Consent Receipt v1.1 / ISO/IEC 27560 record (a JSON dict)."""
        raise NotImplementedError

    def withdraw(self, contact_id: str, form_id: str, purpose_id: str | None, how: str,
                 *, now: dt.datetime | None = None) -> int:
        """Withdraw one purpose (or all, when ``purpose_id`` is None) of a contact on a form.

        Idempotent; returns the number of ``withdrawn`` events written (0 if nothing was granted).
        """
        raise NotImplementedError

    def withdraw_channel(self, phone_e164: str, channel: Channel | str = Channel.SMS,
                         how: str = "sms", *, now: dt.datetime | None = None) -> int:
        """SMS STOP: withdraw every consent on ``channel`` of every contact with that number."""
        raise NotImplementedError

    def request_consent(self, spec: Spec, contact_id: str, purpose_id: str, wording: str,
                        lang: str, how: str = "sms", *, now: dt.datetime | None = None) -> int:
        """Record that a consent request (``wording``, e.g. the SMS sent) went to a contact."""
        raise NotImplementedError

    def grant_by_reply(self, phone_e164: str, how: str = "sms", *,
                       now: dt.datetime | None = None) -> int:
        """"OUI"/"YES": grant every consent requested from that number and not yet answered."""
        raise NotImplementedError

    def confirm_email(self, contact_id: str, form_id: str, *, now: dt.datetime | None = None) -> int:
        """Double opt-in: confirm the contact's pending e-mail purposes on that form."""
        raise NotImplementedError

    def current_state(self, contact_id: str, form_id: str) -> dict[str, str]:
        """purpose_id -> ``granted`` | ``pending`` | ``requested`` | ``withdrawn``.

        Purposes the contact never granted (refused or never asked) are absent.
        """
        raise NotImplementedError

    def export(self, form_id: str, purpose_id: str, *, today: dt.date | None = None) -> list[dict[str, Any]]:
        """Contacts who may be contacted for this purpose today, with provenance per row."""
        raise NotImplementedError

    def verify(self, *, secret: bytes | None = None) -> VerifyReport:
        """Re-hash the whole chain; report every event whose stored facts changed or is missing."""
        raise NotImplementedError

    def purge(self, specs: Iterable[Spec], *, today: dt.date, dry_run: bool = False) -> PurgeReport:
        """Delete personal data past its retention (see docs/ledger.md for the rules)."""
        raise NotImplementedError

    def subject(self, identifier: str) -> dict[str, Any]:
        """Everything held about the person with this e-mail or phone (GDPR art. 15)."""
        raise NotImplementedError

    def erase_subject(self, identifier: str, *, now: dt.datetime | None = None) -> int:
        """Erase the person's personal data (art. 17); returns the number of contacts erased."""
        raise NotImplementedError
