"""Public forms: the hosted page, the iframe page, the loader, the snippet, submissions, receipts.

A submission is answered "saved" only after ``Ledger.record_submission`` returned, which is
after its one transaction committed. When the database is down or locked the person gets a 503
with the form and what they typed, and nothing is half-written (the ledger rolls back).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from werkzeug.datastructures import MultiDict

from formkit.forms import SpecForm, attested, error_messages, form_class, person_data, purpose_choices
from formkit.ledger.service import ConsentChoice, LedgerUnavailable, Receipt, Submission
from formkit.render import build_notice, render_embed, render_embed_js, render_page, render_snippet
from formkit.spec import Spec

from .confirm import send_confirmation
from .headers import allow_framing, csp_nonce
from .messages import choose_language, t
from .pages import base_url, json_error, public_url, render, unavailable, wants_json
from .protection import Refusal, check_post, protection
from .registry import registry
from .store import ledger, store
from .tokens import FormTicket, LinkTarget, now, withdraw_token

log = logging.getLogger(__name__)

bp = Blueprint("public", __name__)

FRAME_URL = "{base}/f/{form}/embed?lang={lang}"


# --- Showing forms ------------------------------------------------------------------------


@bp.get("/f/<form_id>")
def page(form_id: str) -> Response:
    spec = registry().get(form_id)
    lang = choose_language(spec.languages, request.args.get("lang"))
    return _form_response(spec, lang, new_ticket(spec, lang, "page", "hosted"), embed=False)


@bp.get("/f/<form_id>/embed")
def embed(form_id: str) -> Response:
    allow_framing()
    spec = registry().get(form_id)
    lang = choose_language(spec.languages, request.args.get("lang"))
    # The iframe's Referer is the embedding page (its origin, under the default policy).
    ticket = new_ticket(spec, lang, "page", "embed", page_url=request.referrer)
    return _form_response(spec, lang, ticket, embed=True)


@bp.get("/f/<form_id>/snippet")
def snippet(form_id: str) -> Response:
    """The no-JS fragment as text, to copy into a page; its token has no clock (see CSRF design)."""
    spec = registry().get(form_id)
    lang = choose_language(spec.languages, request.args.get("lang"))
    ticket = new_ticket(spec, lang, "snippet", "snippet")
    html = render_snippet(spec, lang, action=public_url("public.submit", form_id=spec.id),
                          **protection(current_app.secret_key, ticket))
    response = current_app.response_class(html, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/embed.js")
def embed_js() -> Response:
    script = render_embed_js(base_url(), frame_url=FRAME_URL)
    response = current_app.response_class(script, mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=3600"
    # Loaded by <script> from the campaign's site: let pages with COEP load it too.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def new_ticket(spec: Spec, lang: str, kind: str, source: str, page_url: str | None = None) -> FormTicket:
    return FormTicket(spec.id, spec.version, lang, kind, source, now(), page_url)


def _form_response(spec: Spec, lang: str, ticket: FormTicket, *, embed: bool,
                   form: SpecForm | None = None, banner: str | None = None,
                   status: int = 200) -> Response:
    protect = protection(current_app.secret_key, ticket)
    if embed:
        html = render_embed(spec, lang, form=form, action=_action(spec, embed=True), **protect,
                            nonce=csp_nonce(), banner=banner)
    else:
        alternates = {code: url_for("public.page", form_id=spec.id, lang=code) for code in spec.languages}
        html = render_page(spec, lang, form=form, action=_action(spec, embed=False), **protect,
                           nonce=csp_nonce(), alternates=alternates, banner=banner)
    return current_app.response_class(html, status=status, mimetype="text/html")


def _action(spec: Spec, *, embed: bool) -> str:
    return url_for("public.submit_embed" if embed else "public.submit", form_id=spec.id)


# --- Submissions --------------------------------------------------------------------------


@bp.post("/f/<form_id>")
def submit(form_id: str) -> Response:
    return _submit(form_id, embed=False)


@bp.post("/f/<form_id>/embed")
def submit_embed(form_id: str) -> Response:
    allow_framing()
    return _submit(form_id, embed=True)


def submitted_data() -> MultiDict:
    """The posted fields: a urlencoded form, or a flat JSON object for API clients."""
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return MultiDict()
        pairs = []
        for key, value in body.items():
            if isinstance(value, bool):
                if value:
                    pairs.append((str(key), "y"))
            elif isinstance(value, (str, int, float)):
                pairs.append((str(key), str(value)))
        return MultiDict(pairs)
    return request.form


def _submit(form_id: str, *, embed: bool) -> Response:
    spec = registry().get(form_id)
    data = submitted_data()
    config = current_app.config
    checked = check_post(current_app.secret_key, data, form_id=spec.id, version=spec.version,
                         max_age=int(config["UNBUNDLE_TOKEN_MAX_AGE"]),
                         min_fill_seconds=float(config["UNBUNDLE_MIN_FILL_SECONDS"]))
    source = "embed" if embed else "hosted"
    if isinstance(checked, Refusal):
        lang = choose_language(spec.languages, request.args.get("lang"))
        log.info("Refused a submission to form %s: %s", spec.id, checked.reason)
        form = spec_form(spec, lang)(formdata=data)
        if wants_json():
            return json_error(400, checked.reason, t(checked.message_key, lang))
        return _form_response(spec, lang, new_ticket(spec, lang, "page", source), embed=embed,
                              form=form, banner=t(checked.message_key, lang), status=400)

    ticket = checked
    lang = ticket.lang if ticket.lang in spec.languages else spec.default_language
    form = spec_form(spec, lang)(formdata=data)
    if not form.validate():
        if wants_json():
            return json_error(422, "invalid", t("invalid", lang), fields=error_messages(form))
        return _form_response(spec, lang, _renewed(ticket), embed=embed, form=form, status=422)

    test = ticket.kind == "test"
    choices = purpose_choices(form)
    submission = Submission(
        spec=spec, lang=lang, data=person_data(form),
        # A newsletter-only form's subscription is granted by submitting; the rest, box by box.
        choices=tuple(ConsentChoice(p.id, True if p == spec.subscription else choices[p.id], p.text[lang])
                      for p in spec.consent_purposes),
        attestations=tuple(attested(form)), notice_version=notice_version(spec, lang),
        source=ticket.source if ticket.source in ("hosted", "embed", "snippet") else source,
        page_url=ticket.page_url or _page_url(spec, ticket),
    )
    target = store().test_ledger() if test else ledger()
    try:
        receipt = target.record_submission(submission)
    except LedgerUnavailable:
        log.warning("Database unavailable: a submission to form %s was not saved (503).", spec.id)
        if wants_json():
            return unavailable(lang)
        response = _form_response(spec, lang, _renewed(ticket), embed=embed, form=form,
                                  banner=t("unavailable_form", lang), status=503)
        response.headers["Retry-After"] = "30"
        return response
    log.info("Recorded a submission to form %s (source %s%s).", spec.id, submission.source,
             ", workbench test" if test else "")
    if receipt.pending_confirmation:
        send_confirmation(spec, receipt, submission.data.get("email"), test=test)
    return receipt_response(spec, receipt, test=test, embed=embed)


def _page_url(spec: Spec, ticket: FormTicket) -> str:
    """Where the form was: our own page, or for a snippet the page it was pasted on, as the
    browser tells it on the POST (Referer, else Origin; usually just the site's origin)."""
    if ticket.source == "snippet":
        return request.referrer or request.headers.get("Origin", "")
    return public_url("public.page", form_id=spec.id) if ticket.source == "hosted" else ""


def _renewed(ticket: FormTicket) -> FormTicket:
    """A fresh token for a re-shown form, keeping its kind (test stays test) and origin."""
    return dataclasses.replace(ticket, issued_at=now(),
                               kind="page" if ticket.kind == "snippet" else ticket.kind)


_PER_SPEC: dict[tuple[str, int, str], tuple[Spec, Any]] = {}
"""(what, id(spec), lang) → (spec, value): a spec is immutable, so what is derived from it is
computed once per served spec and language rather than on every submission."""


def _once(what: str, spec: Spec, lang: str, make: Any) -> Any:
    key = (what, id(spec), lang)
    cached = _PER_SPEC.get(key)
    if cached is None or cached[0] is not spec:
        cached = _PER_SPEC[key] = (spec, make())
    return cached[1]


def spec_form(spec: Spec, lang: str) -> type[SpecForm]:
    return _once("form", spec, lang, lambda: form_class(spec, lang))


def notice_version(spec: Spec, lang: str) -> str:
    """SHA-256 of the information notice as rendered in ``lang`` (what the person was told)."""
    def digest() -> str:
        notice = dataclasses.asdict(build_notice(spec, lang))
        return hashlib.sha256(json.dumps(notice, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return _once("notice", spec, lang, digest)


# --- Receipts -----------------------------------------------------------------------------


def _link(receipt: Receipt, purpose_id: str | None, test: bool) -> str:
    token = withdraw_token(current_app.secret_key,
                           LinkTarget(receipt.contact_id, receipt.form_id, purpose_id, receipt.lang, test))
    return public_url("withdrawal.confirm", token=token)


def receipt_response(spec: Spec, receipt: Receipt, *, test: bool, embed: bool = False) -> Response:
    lang = receipt.lang
    json_url = public_url("public.receipt_json", receipt_id=receipt.receipt_id, **({"test": 1} if test else {}))
    items: dict[str, list[dict[str, Any]]] = {"granted": [], "pending": [], "refused": []}
    for purpose in receipt.purposes:
        item = {"purpose_id": purpose.purpose_id, "wording": purpose.wording,
                "expires_on": purpose.expires_on}
        if purpose.state in ("granted", "pending"):
            item["withdraw_url"] = _link(receipt, purpose.purpose_id, test)
        items.get(purpose.state, items["refused"]).append(item)
    withdraw_all = _link(receipt, None, test)
    if wants_json():
        body = {
            "receipt_id": receipt.receipt_id, "form_id": receipt.form_id,
            "form_version": receipt.form_version, "created_at": receipt.created_at.isoformat(),
            "controller": receipt.controller, "lang": lang, "test": test,
            "granted": list(receipt.granted), "refused": list(receipt.refused),
            "pending_confirmation": list(receipt.pending_confirmation),
            "withdraw": {**{i["purpose_id"]: i["withdraw_url"] for i in items["granted"] + items["pending"]},
                         "*": withdraw_all},
            "receipt_url": json_url,
        }
        response = jsonify(body)
        response.status_code = 201
        return response
    attestations = {a.id: a.text[lang] for a in spec.attestations}
    return render("server/receipt.html", lang, 200, title=t("receipt_title", lang), spec=spec,
                  receipt=receipt, granted=items["granted"], pending=items["pending"],
                  refused=items["refused"], withdraw_all_url=withdraw_all, json_url=json_url,
                  attested=[attestations.get(a, a) for a in receipt.attestations],
                  date_text=receipt.created_at.strftime("%d/%m/%Y %H:%M UTC" if lang == "fr"
                                                        else "%Y-%m-%d %H:%M UTC"),
                  test=test, embed_frame=embed)  # in the iframe: keep its height right


@bp.get("/r/<receipt_id>.json")
def receipt_json(receipt_id: str) -> Response:
    """The Kantara / ISO/IEC 27560 consent receipt. The id is random and unguessable; it is the
    person's own copy, so knowing it is what lets one read it (like the withdrawal links)."""
    test = request.args.get("test") == "1" and current_app.config.get("UNBUNDLE_WORKBENCH")
    source = store().test_ledger() if test else ledger()
    try:
        body = source.consent_receipt_json(receipt_id)
    except LedgerUnavailable:
        return unavailable(choose_language(("fr", "en"), request.args.get("lang")))
    if body is None:
        return json_error(404, "not-found", "No receipt has this number.")
    response = current_app.response_class(json.dumps(body, ensure_ascii=False, indent=2, default=str),
                                          mimetype="application/json")
    return response
