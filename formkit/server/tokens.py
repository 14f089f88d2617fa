"""Signed tokens: what a form, a withdrawal link and a confirmation link carry.

Every token is signed with the app's secret key (itsdangerous, HMAC-SHA256 via its default
signer) under its own *salt*, so a token made for one purpose never validates for another: a
withdrawal link cannot be replayed as a form token, nor a form token as a withdrawal link.
None of them carries personal data in clear: contact ids are the ledger's opaque ids.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadData, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

FORM_SALT = "unbundle.form"
WITHDRAW_SALT = "unbundle.withdraw"
CONFIRM_SALT = "unbundle.confirm"
ALL_PURPOSES = "*"
"""The purpose a withdraw-everything link names."""

PAGE_URL_MAX = 500


class TokenError(Exception):
    """A token is missing, altered, made for something else, or expired (``expired``)."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


@dataclass(frozen=True)
class FormTicket:
    """What a form token says: which form and version it was served for, when, how, where.

    ``kind`` is ``page`` (hosted page or iframe: issued per render, time-limited, minimum fill
    time applies), ``snippet`` (the static fragment pasted elsewhere: issued per build, bound to
    the form version, no clock; see docs/server.md, "CSRF design") or ``test`` (the workbench:
    the submission goes to the separate test ledger, ``workbench-test.db``).
    """

    form_id: str
    version: int
    lang: str
    kind: str
    source: str
    """hosted | embed | snippet | workbench"""
    issued_at: float
    page_url: str | None = None


def _form_serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=FORM_SALT)


def issue_form_token(secret: str, ticket: FormTicket) -> str:
    payload: dict[str, Any] = {"f": ticket.form_id, "v": ticket.version, "l": ticket.lang,
                               "k": ticket.kind, "s": ticket.source, "i": round(ticket.issued_at, 3)}
    if ticket.page_url:
        payload["p"] = ticket.page_url[:PAGE_URL_MAX]
    return _form_serializer(secret).dumps(payload)


def read_form_token(secret: str, token: str | None, *, max_age: int) -> FormTicket:
    """The ticket, if the token is ours and intact; page tokens must also be younger than max_age.

    Snippet tokens have no age limit: a snippet is pasted once and served from the campaign's
    own site for months. They are bound to the form *version* instead (checked by the caller),
    so wording edited since the snippet was built is never recorded as what the person saw.
    """
    if not token:
        raise TokenError("the form token is missing")
    try:
        payload, signed_at = _form_serializer(secret).loads(token, return_timestamp=True)
    except BadData:
        raise TokenError("the form token is not valid") from None
    if not isinstance(payload, dict) or not {"f", "v", "l", "k", "s", "i"} <= payload.keys():
        raise TokenError("the form token is not valid")
    ticket = FormTicket(str(payload["f"]), int(payload["v"]), str(payload["l"]), str(payload["k"]),
                        str(payload["s"]), float(payload["i"]), payload.get("p"))
    if ticket.kind != "snippet" and time.time() - signed_at.timestamp() > max_age:
        raise TokenError("the form token has expired", expired=True)
    return ticket


@dataclass(frozen=True)
class LinkTarget:
    """Whom and what a withdrawal or confirmation link is about (purpose None: all of them)."""

    contact_id: str
    form_id: str
    purpose_id: str | None = None
    lang: str | None = None
    """The person's language, so the pages the link opens speak it."""
    test: bool = False
    """A workbench test submission: the link acts on the workbench's test ledger."""


def withdraw_token(secret: str, target: LinkTarget) -> str:
    """Never expires: withdrawing must stay as easy as giving, for as long as we hold consent."""
    payload = {"c": target.contact_id, "f": target.form_id, "p": target.purpose_id or ALL_PURPOSES,
               "l": target.lang}
    if target.test:
        payload["t"] = 1
    return URLSafeSerializer(secret, salt=WITHDRAW_SALT).dumps(payload)


def read_withdraw_token(secret: str, token: str) -> LinkTarget:
    try:
        payload = URLSafeSerializer(secret, salt=WITHDRAW_SALT).loads(token)
        purpose = payload["p"]
        return LinkTarget(str(payload["c"]), str(payload["f"]),
                          None if purpose == ALL_PURPOSES else str(purpose), payload.get("l"),
                          bool(payload.get("t")))
    except (BadData, KeyError, TypeError):
        raise TokenError("the withdrawal link is not valid") from None


def confirm_token(secret: str, target: LinkTarget) -> str:
    payload = {"c": target.contact_id, "f": target.form_id, "l": target.lang}
    if target.test:
        payload["t"] = 1
    return URLSafeTimedSerializer(secret, salt=CONFIRM_SALT).dumps(payload)


def read_confirm_token(secret: str, token: str, *, max_age: int) -> LinkTarget:
    try:
        payload = URLSafeTimedSerializer(secret, salt=CONFIRM_SALT).loads(token, max_age=max_age)
        return LinkTarget(str(payload["c"]), str(payload["f"]), None, payload.get("l"),
                          bool(payload.get("t")))
    except SignatureExpired:
        raise TokenError("the confirmation link has expired", expired=True) from None
    except (BadData, KeyError, TypeError):
        raise TokenError("the confirmation link is not valid") from None


def now() -> float:
    return time.time()
