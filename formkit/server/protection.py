"""Cookie-free protection of public forms: a signed form token, a minimum fill time, a honeypot.

Why not Flask-WTF's CSRF: it keeps its secret in the session cookie, and inside a third-party
iframe Safari, Brave (and Chrome with third-party cookies blocked) never send that cookie, so
every embedded submission would fail. Everything we need travels in the form instead:

- ``_token`` (hidden): signed by the server, it names the form id and version, the language,
  the kind of page and when it was served. A post for another form, an altered token or an
  expired one is refused; the person sees the form again with what they typed and a fresh token.
- the minimum fill time, measured from the time inside the token (no clock on the client);
- ``website`` (a text field inside a ``hidden`` element, must stay empty): a honeypot that
  naive bots fill in.

These fields are rendered by formkit.render through its ``hidden`` mapping.
"""

from __future__ import annotations

from typing import Any

from collections.abc import Mapping
from dataclasses import dataclass

from .tokens import FormTicket, TokenError, issue_form_token, now, read_form_token

TOKEN_FIELD = "_token"
HONEYPOT_FIELD = "website"
PROTECTION_FIELDS = (TOKEN_FIELD, HONEYPOT_FIELD)


@dataclass(frozen=True)
class Refusal:
    """Why a post was refused; ``reason`` is a stable code (tests, logs, JSON clients)."""

    reason: str
    """token-missing | token-invalid | token-expired | wrong-form | stale-version | honeypot | too-fast"""
    message_key: str
    """The key in formkit.server.messages of what the person reads."""


def protection(secret: str, ticket: FormTicket) -> dict[str, Any]:
    """The render arguments that protect a form: its signed token and the honeypot's name."""
    return {"hidden": {TOKEN_FIELD: issue_form_token(secret, ticket)}, "honeypot": HONEYPOT_FIELD}


def check_post(secret: str, form: Mapping[str, str], *, form_id: str, version: int,
               max_age: int, min_fill_seconds: float) -> FormTicket | Refusal:
    """The ticket of an acceptable post, or the first reason to refuse it."""
    try:
        ticket = read_form_token(secret, form.get(TOKEN_FIELD), max_age=max_age)
    except TokenError as exc:
        if form.get(TOKEN_FIELD) is None:
            return Refusal("token-missing", "refused_token")
        return Refusal("token-expired" if exc.expired else "token-invalid", "refused_token")
    if ticket.form_id != form_id:
        return Refusal("wrong-form", "refused_token")
    if ticket.version != version:
        # The wording may have changed since this copy was served: never record a consent to
        # text the person did not see (the ledger stores the wording of the current version).
        return Refusal("stale-version", "refused_stale")
    if form.get(HONEYPOT_FIELD):
        return Refusal("honeypot", "refused_honeypot")
    if ticket.kind != "snippet" and now() - ticket.issued_at < min_fill_seconds:
        return Refusal("too-fast", "refused_too_fast")
    return ticket
