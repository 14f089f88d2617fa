"""The inbound SMS webhook: ``POST /sms/inbound`` with ``from`` and ``text``.

An SMS provider calls it for every message sent to the campaign's number. "STOP" (in any of
its forms, see replies.py) withdraws every SMS consent of the sender, at once; "OUI"/"YES"
answers a consent request the campaign sent. Anything else is acknowledged and ignored.

Authentication: ``Authorization: Bearer $UNBUNDLE_SMS_TOKEN`` (401 without, 403 when wrong).
Providers that can only put credentials in the URL's user-info may use HTTP Basic with the token
as password. With no token configured the endpoint does not exist (404): a webhook that anyone
could call would let anyone withdraw anyone's consent.

The sender is matched in E.164, so ``0612345678``, ``+33 6 12 34 56 78`` and ``33612345678``
(as some providers send it) are the same person. Field names of common providers (``From`` /
``Body``, ``msisdn`` / ``text``) are accepted as aliases.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging

from flask import Blueprint, Response, abort, current_app, jsonify, request

from formkit.ledger.service import LedgerUnavailable
from scanner.vocabulary import Channel

from .pages import json_error
from .replies import PhoneError, Reply, classify_reply, to_e164
from .store import ledger

log = logging.getLogger(__name__)

bp = Blueprint("sms", __name__)

FROM_FIELDS = ("from", "From", "msisdn", "sender")
TEXT_FIELDS = ("text", "Text", "Body", "body", "message")


def _token_given() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if scheme.lower() == "basic" and value.strip():
        try:
            _, _, password = base64.b64decode(value.strip()).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return ""
        return password
    return None


def _field(body: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = body.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


@bp.post("/sms/inbound")
def inbound() -> Response:
    expected = current_app.config.get("UNBUNDLE_SMS_TOKEN")
    if not expected:
        abort(404)
    given = _token_given()
    if given is None:
        response = json_error(401, "unauthorized", "Send Authorization: Bearer <UNBUNDLE_SMS_TOKEN>.")
        response.headers["WWW-Authenticate"] = 'Bearer realm="sms"'
        return response
    if not hmac.compare_digest(given.encode(), str(expected).encode()):
        return json_error(403, "forbidden", "The token is not the configured UNBUNDLE_SMS_TOKEN.")

    body = request.get_json(silent=True) if request.is_json else request.form.to_dict()
    if not isinstance(body, dict):
        body = {}
    sender, text = _field(body, FROM_FIELDS), _field(body, TEXT_FIELDS)
    if sender is None or text is None:
        return json_error(400, "missing-field", "Give the sender in `from` and the message in `text`.")
    if not sender.startswith(("+", "0")) and sender.isdigit() and len(sender) > 9:
        sender = "+" + sender  # international numbers sent without their plus sign
    try:
        phone = to_e164(sender)
    except PhoneError as exc:
        return json_error(400, "bad-sender", f"The `from` field is not usable: {exc}.")

    reply = classify_reply(text)
    try:
        if reply is Reply.STOP:
            count = ledger().withdraw_channel(phone, Channel.SMS, how="sms")
            log.info("SMS STOP: %d consent(s) withdrawn.", count)
            return jsonify({"action": "withdrawn", "count": count})
        if reply is Reply.YES:
            count = ledger().grant_by_reply(phone, how="sms")
            log.info("SMS yes: %d consent request(s) granted.", count)
            return jsonify({"action": "granted", "count": count})
    except LedgerUnavailable:
        log.warning("Database unavailable: an SMS reply was not recorded (503, the provider retries).")
        response = json_error(503, "unavailable", "The database is unavailable; retry later.")
        response.headers["Retry-After"] = "30"
        return response
    return jsonify({"action": "ignored", "count": 0})
