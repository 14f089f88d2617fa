"""Withdrawal by signed link: ``GET /u/<token>`` asks once, ``POST /u/<token>`` withdraws.

GDPR art. 7(3): withdrawing must be as easy as giving. Giving took one click on a form, so
withdrawing takes one click on a button, with no login and no question asked. The link is the
credential: signed, naming the contact (by the ledger's opaque id), the form and the purpose or
all purposes. A bare GET changes nothing, because mail scanners open every link they see; the
POST accepts any body, so a mail client's RFC 8058 one-click unsubscribe works too.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request

from formkit.ledger.service import LedgerUnavailable

from .messages import page_language, t
from .pages import json_error, message_page, unavailable, wants_json
from .registry import registry
from .store import ledger, store
from .tokens import LinkTarget, TokenError, read_withdraw_token

log = logging.getLogger(__name__)

bp = Blueprint("withdrawal", __name__)


@bp.route("/u/<token>", methods=["GET", "POST"])
def confirm(token: str) -> Response:
    try:
        target = read_withdraw_token(current_app.secret_key, token)
    except TokenError:
        lang = page_language()
        if wants_json():
            return json_error(404, "invalid-link", t("link_invalid", lang))
        return message_page(lang, "link_invalid_title", ["link_invalid"], 404, alert=True)
    lang = page_language(target.lang)
    if request.method == "GET":
        return message_page(lang, "withdraw_title",
                            ["withdraw_all" if target.purpose_id is None else "withdraw_one"],
                            details=_wordings(target, lang),
                            button={"action": request.path, "label": t("withdraw_button", lang)})
    source = store().test_ledger() if target.test else ledger()
    try:
        count = source.withdraw(target.contact_id, target.form_id, target.purpose_id, how="link")
    except LedgerUnavailable:
        log.warning("Database unavailable: a withdrawal on form %s was not saved (503).", target.form_id)
        return unavailable(lang)
    log.info("Withdrawal by link on form %s: %d consent(s) withdrawn.", target.form_id, count)
    if wants_json():
        return current_app.json.response({"withdrawn": count})
    return message_page(lang, "withdrawn_title",
                        ["withdrawn_all" if target.purpose_id is None else "withdrawn"],
                        details=_wordings(target, lang))


def _wordings(target: LinkTarget, lang: str) -> list[str]:
    """What the link withdraws, in the words of the form, when the form is still served."""
    spec = registry().specs.get(target.form_id)
    if spec is None:
        return [target.purpose_id] if target.purpose_id else []
    text_lang = lang if lang in spec.languages else spec.default_language
    purposes = [p for p in spec.consent_purposes if target.purpose_id in (None, p.id)]
    return [p.text[text_lang] for p in purposes]
