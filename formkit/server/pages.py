"""The server's own pages (not the forms): messages, errors, and the public URLs they link to.

Each function returns a complete response in the person's language; views and error handlers
call them so that every refusal reads the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import Response, current_app, jsonify, render_template, request, url_for

from .messages import t


def public_url(endpoint: str, **values: Any) -> str:
    """An absolute URL, on UNBUNDLE_BASE_URL when set (links in e-mails must not depend on the
    Host header a request happened to carry)."""
    base = current_app.config.get("UNBUNDLE_BASE_URL")
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def base_url() -> str:
    base = current_app.config.get("UNBUNDLE_BASE_URL")
    return (base or request.host_url).rstrip("/")


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes["application/json"] > \
        request.accept_mimetypes["text/html"]


def render(template: str, lang: str, status: int = 200, **context: Any) -> Response:
    html = render_template(template, lang=lang, t=lambda key: t(key, lang), **context)
    response = current_app.response_class(html, status=status, mimetype="text/html")
    return response


def message_page(lang: str, title_key: str, paragraph_keys: Sequence[str], status: int = 200, *,
                 alert: bool = False, details: Sequence[str] = (), button: dict | None = None,
                 back: dict | None = None) -> Response:
    return render("server/message.html", lang, status, title=t(title_key, lang),
                  paragraphs=[t(k, lang) for k in paragraph_keys], alert=alert, details=details,
                  button=button, back=back)


def json_error(status: int, error: str, message: str, **extra: Any) -> Response:
    response = jsonify({"error": error, "message": message, **extra})
    response.status_code = status
    return response


def unavailable(lang: str) -> Response:
    """503: the database did not answer; nothing was written (the ledger's transaction rolled back)."""
    if wants_json():
        response = json_error(503, "unavailable", t("unavailable", lang))
    else:
        response = message_page(lang, "unavailable_title", ["unavailable"], 503, alert=True)
    response.headers["Retry-After"] = "30"
    return response


def too_many_requests(lang: str, retry_after: int) -> Response:
    if wants_json():
        response = json_error(429, "rate-limited", t("too_many", lang))
    else:
        response = message_page(lang, "too_many_title", ["too_many"], 429, alert=True)
    response.headers["Retry-After"] = str(max(1, retry_after))
    return response
