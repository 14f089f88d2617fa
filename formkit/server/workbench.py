"""The workbench at ``/``: the campaign's own view of what this server publishes.

It lists the forms, previews each in each language, gives the embed code to copy (iframe,
script tag, plain snippet), lets the team send a test submission (recorded in the separate
workbench ledger, never in the real one: see store.py) and, when the scanner is installed, runs
a scan of a URL. It is meant for the team on loopback or behind the reverse proxy's
authentication: `unbundle serve` turns it off on a public address unless asked (docs/server.md).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request, url_for
from markupsafe import Markup

from formkit.i18n import LANGUAGE_NAMES
from formkit.i18n import t as formkit_text
from formkit.render import render_page, render_snippet

from .headers import csp_nonce
from .pages import base_url, public_url, render
from .protection import protection
from .public import new_ticket
from .registry import registry

log = logging.getLogger(__name__)

bp = Blueprint("workbench", __name__)

TEST_BANNER = {
    "fr": "Mode test : cet envoi sera enregistré dans le registre de test de l'atelier, pas dans le vrai.",
    "en": "Test mode: this submission goes to the workbench's test ledger, not the real one.",
}


def frame_title(lang: str, title: str) -> str:
    return formkit_text(lang, "frame_title", title=title)


@bp.before_request
def only_when_enabled() -> None:
    if not current_app.config.get("UNBUNDLE_WORKBENCH"):
        from flask import abort

        abort(404)


def scanner_available() -> bool:
    try:
        from scanner.scan import scan  # noqa: F401
        from scanner.report import render as _  # noqa: F401
    except ImportError:
        return False
    return True


@bp.get("/")
def index() -> Response:
    forms = sorted(registry().specs.values(), key=lambda s: s.id)
    return render("server/workbench/index.html", "en", title="unbundle workbench", forms=forms,
                  refused=registry().refused, scanner=scanner_available(),
                  specs_folder=current_app.config.get("UNBUNDLE_SPECS"))


@bp.get("/forms/<form_id>")
def form(form_id: str) -> Response:
    spec = registry().get(form_id)
    base = base_url()
    codes = []
    for lang in spec.languages:
        ticket = new_ticket(spec, lang, "snippet", "snippet")
        snippet = render_snippet(spec, lang, action=public_url("public.submit", form_id=spec.id),
                                 **protection(current_app.secret_key, ticket))
        # formkit.render.embed_code points at the files `form build` writes; ours are routes.
        iframe = Markup('<iframe src="{}" title="{}" width="100%" height="1400" loading="lazy" '
                        'referrerpolicy="strict-origin-when-cross-origin"></iframe>').format(
            f"{base}/f/{spec.id}/embed?lang={lang}", frame_title(lang, spec.title[lang]))
        script = Markup('<script src="{}" data-form="{}" data-lang="{}" async></script>').format(
            f"{base}/embed.js", spec.id, lang)
        codes.append({"lang": lang, "language": LANGUAGE_NAMES.get(lang, lang), "page": public_url("public.page", form_id=spec.id, lang=lang),
                      "embed": url_for("public.embed", form_id=spec.id, lang=lang),
                      "test": url_for("workbench.test", form_id=spec.id, lang=lang),
                      # plain strings, so that the template escapes them into the <textarea>
                      "iframe": str(iframe), "script": str(script), "snippet": snippet})
    return render("server/workbench/form.html", "en", title=f"{spec.id} — unbundle workbench",
                  spec=spec, codes=codes)


@bp.get("/forms/<form_id>/test")
def test(form_id: str) -> Response:
    """The hosted page with a *test* token: its submission is recorded in the test ledger."""
    spec = registry().get(form_id)
    lang = request.args.get("lang") if request.args.get("lang") in spec.languages else spec.default_language
    ticket = new_ticket(spec, lang, "test", "hosted")
    html = render_page(spec, lang, action=url_for("public.submit", form_id=spec.id),
                       **protection(current_app.secret_key, ticket), nonce=csp_nonce(),
                       banner=TEST_BANNER[lang])
    return current_app.response_class(html, mimetype="text/html")


@bp.route("/scan", methods=["GET", "POST"])
def scan() -> Response:
    if not scanner_available():
        from flask import abort

        abort(404)
    url = (request.form.get("url") or "").strip()
    error = None
    if request.method == "POST":
        parts = urlsplit(url)
        # Only web addresses: the scanner also reads local files, which a web form must not reach.
        if parts.scheme not in ("http", "https") or not parts.hostname:
            error = "Give an address starting with http:// or https://."
        else:
            from scanner.report import render as render_report
            from scanner.scan import scan as run_scan

            result = run_scan([url])
            report = render_report(result, "html")
            # The report's own inline style needs this response's nonce to pass our CSP.
            report = report.replace("<style>", Markup('<style nonce="{}">').format(csp_nonce()), 1)
            return current_app.response_class(report, mimetype="text/html")
    return render("server/workbench/scan.html", "en", 400 if error else 200,
                  title="Scan a page — unbundle workbench", url=url, error=error)
