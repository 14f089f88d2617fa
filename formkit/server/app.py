"""The application factory: ``create_app(config)`` builds one configured Flask app.

Blueprints per concern (public forms, confirmation, withdrawal, SMS, workbench) and extensions
bound with ``init_app``, as Flask's own tutorial does, so tests build as many apps as they need,
each on its own database and instance folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from flask import Flask, Response
from werkzeug.exceptions import BadRequest, HTTPException, NotFound, RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix

from formkit.config import instance_dir
from formkit.render import TEMPLATE_DIR

from . import confirm, public, sms, withdrawal, workbench
from .headers import SecurityHeaders
from .logs import AccessLog, RedactingFilter
from .mail import Mailer
from .messages import page_language, t
from .pages import json_error, message_page, wants_json
from .ratelimit import RateLimiter
from .registry import FormRegistry
from .settings import read_settings, secret_key
from .store import LedgerStore


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Settings: defaults < ``UNBUNDLE_*`` environment < ``config`` (see settings.py).

    ``config`` may also hold ``INSTANCE_PATH`` (default ``./instance``, shared with the ledger
    CLI) and ``UNBUNDLE_SPEC_OBJECTS`` (loaded Spec objects, served besides the folder's).
    """
    settings = read_settings(os.environ, config)
    instance = Path(settings.pop("INSTANCE_PATH", None) or instance_dir())
    # Templates live in the project's one template folder (templates/server/…), beside the forms'.
    app = Flask(__name__, instance_path=str(instance.resolve()), static_folder=None,
                template_folder=str(TEMPLATE_DIR))
    app.config.update(settings)
    app.config["SECRET_KEY"] = secret_key(settings.get("SECRET_KEY") or settings.get("UNBUNDLE_SECRET_KEY"),
                                          instance)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]

    SecurityHeaders(app)
    RateLimiter(app)
    Mailer(app)
    FormRegistry(app)
    LedgerStore(app)

    app.register_blueprint(public.bp)
    app.register_blueprint(confirm.bp)
    app.register_blueprint(withdrawal.bp)
    app.register_blueprint(sms.bp)
    app.register_blueprint(workbench.bp)
    _register_errors(app)
    _register_commands(app)

    proxies = int(app.config.get("UNBUNDLE_TRUSTED_PROXIES") or 0)
    if proxies:
        # Behind nginx/Caddy: take the client address (rate limits) and scheme (links) from the
        # proxy's X-Forwarded-* headers, trusting exactly that many hops.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    app.wsgi_app = AccessLog(app.wsgi_app)  # type: ignore[method-assign]
    # `flask run` (development only) logs each request line with its path: mask the tokens.
    werkzeug_log = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactingFilter) for f in werkzeug_log.filters):
        werkzeug_log.addFilter(RedactingFilter())
    return app


def _register_commands(app: Flask) -> None:
    @app.cli.command("forms")
    def forms() -> None:
        """List the forms served, and the specs refused with their problems.

        Example: flask --app 'formkit.server:create_app()' forms
        """
        registry = app.extensions["unbundle.forms"]
        for spec in sorted(registry.specs.values(), key=lambda s: s.id):
            click.echo(f"served   {spec.id} v{spec.version} ({', '.join(spec.languages)}) from {spec.source}")
        for source, lines in registry.refused.items():
            click.echo(f"refused  {source}: {lines[0] if lines else ''}")


def _register_errors(app: Flask) -> None:
    pages = {
        NotFound.code: ("not_found_title", "not_found"),
        RequestEntityTooLarge.code: ("too_large_title", "too_large"),
        BadRequest.code: ("bad_request_title", "bad_request"),
    }

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response | HTTPException:
        code = exc.code or 500
        if code not in pages:
            return exc
        title, body = pages[code]
        lang = page_language()
        if wants_json():
            return json_error(code, body.replace("_", "-"), t(body, lang))
        return message_page(lang, title, [body], code, alert=code != 404)
