"""Security headers on every response: a strict Content-Security-Policy with per-request nonces.

The policy allows nothing from anywhere else (a form page makes no third-party request: no
fonts, analytics or CDN, which would tell a third party who is signing up), inline style and
script only with this response's nonce, and form posts only to ourselves. Pages are framed by
nobody (``frame-ancestors 'none'``) except the routes a view marks as embeddable, which allow any
ancestor: the point of the iframe is to sit on the campaign's own site, whatever its address.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, g, request

EMBEDDABLE = "_unbundle_embeddable"


def csp_nonce() -> str:
    """This response's nonce (created on first use); pass it to the renderer."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def allow_framing() -> None:
    """Called by the views of the iframe routes (and their submission responses)."""
    setattr(g, EMBEDDABLE, True)


def content_security_policy(nonce: str, *, embeddable: bool) -> str:
    directives = [
        "default-src 'none'",
        f"script-src 'self' 'nonce-{nonce}'",
        f"style-src 'self' 'nonce-{nonce}'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-src 'self'",  # the workbench previews our own iframe page
        "frame-ancestors *" if embeddable else "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


class SecurityHeaders:
    """Flask extension adding the headers after every request."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.after_request(self._add)
        app.jinja_env.globals["csp_nonce"] = csp_nonce

    @staticmethod
    def _add(response: Response) -> Response:
        embeddable = bool(getattr(g, EMBEDDABLE, False))
        headers = response.headers
        headers.setdefault("Content-Security-Policy",
                           content_security_policy(csp_nonce(), embeddable=embeddable))
        headers.setdefault("X-Content-Type-Options", "nosniff")
        # no-referrer: our URLs carry withdrawal and confirmation tokens, which must not leak to
        # the campaign's privacy page or anywhere a link on our pages leads.
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not embeddable:
            headers.setdefault("X-Frame-Options", "DENY")  # for browsers without frame-ancestors
        if request.method == "POST" or request.path.startswith(("/f/", "/u/", "/c/", "/r/")):
            # Form pages carry a fresh token and receipts personal data: never cache them.
            headers.setdefault("Cache-Control", "no-store")
        return response
