"""The ledger's value records and errors: what goes in and comes out of :mod:`.service`.

Plain frozen dataclasses, no database: the server builds ``Submission`` objects and shows
``Receipt`` objects; reports (``VerifyReport``, ``PurgeReport``) hold no personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import UnbundleError
from ..spec import Spec

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
