"""Double opt-in: the confirmation e-mail and the signed link that confirms the address.

With ``double_opt_in: true`` the ledger keeps granted e-mail purposes *pending* until the
address is confirmed, so a typo or someone else's address never receives campaign mail.

Opening the link shows a page with one button; the POST confirms. A bare GET must not change
anything: mail security scanners and link previewers open every link in a message, and would
otherwise confirm addresses on behalf of people who never saw the mail.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage

from flask import Blueprint, Response, current_app, request

from formkit.ledger.service import LedgerUnavailable, Receipt
from formkit.spec import Spec

from .mail import MailError, mailer
from .messages import page_language, t
from .pages import message_page, public_url, unavailable
from .store import ledger, store
from .tokens import LinkTarget, TokenError, confirm_token, read_confirm_token

log = logging.getLogger(__name__)

bp = Blueprint("confirmation", __name__)


def send_confirmation(spec: Spec, receipt: Receipt, email: str | None, *, test: bool = False) -> bool:
    """Send the confirmation link; False (logged, without the address) when it could not go."""
    if not email:
        return False
    lang = receipt.lang
    token = confirm_token(current_app.secret_key,
                          LinkTarget(receipt.contact_id, receipt.form_id, None, lang, test))
    link = public_url("confirmation.confirm", token=token)
    message = EmailMessage()
    controller = spec.controller.name if spec.controller and spec.controller.name else spec.id
    sender = current_app.config.get("UNBUNDLE_MAIL_FROM") or (
        spec.controller.email if spec.controller and spec.controller.email else "no-reply@localhost")
    message["From"] = f"{controller} <{sender}>"
    message["To"] = email
    message["Subject"] = t("mail_subject", lang)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(t("mail_body", lang).format(controller=controller, title=spec.title[lang], link=link))
    try:
        mailer().send(message)
    except MailError as exc:
        log.error("Could not send a confirmation e-mail for form %s: %s", spec.id, exc)
        return False
    return True


@bp.route("/c/<token>", methods=["GET", "POST"])
def confirm(token: str) -> Response:
    try:
        target = read_confirm_token(current_app.secret_key, token,
                                    max_age=int(current_app.config["UNBUNDLE_CONFIRM_MAX_AGE"]))
    except TokenError as exc:
        lang = page_language()
        return message_page(lang, "link_invalid_title", ["confirm_expired" if exc.expired else "link_invalid"],
                            410 if exc.expired else 404, alert=True)
    lang = page_language(target.lang)
    if request.method == "GET":
        return message_page(lang, "confirm_title", ["confirm_intro"],
                            button={"action": request.path, "label": t("confirm_button", lang)})
    source = store().test_ledger() if target.test else ledger()
    try:
        source.confirm_email(target.contact_id, target.form_id)
    except LedgerUnavailable:
        return unavailable(lang)
    return message_page(lang, "confirmed_title", ["confirmed"])
