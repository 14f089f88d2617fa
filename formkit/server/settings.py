"""The server's settings: documented defaults, read from the environment, overridden by flags.

One place says what every setting means (docs/server.md repeats this table for operators).
Precedence, lowest first: these defaults, ``UNBUNDLE_*`` environment variables, the ``config``
mapping given to ``create_app`` (which is where ``unbundle serve`` puts its flags).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from formkit.config import SECRET_FILE

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    # Ledger database URL (SQLAlchemy form); None: SQLite in the instance folder.
    "UNBUNDLE_DB": None,
    # Seconds a write waits for a busy or locked database before the person gets a 503.
    "UNBUNDLE_DB_LOCK_TIMEOUT": 10.0,
    "UNBUNDLE_SPECS": "examples",
    # Bearer token of the SMS webhook; None disables POST /sms/inbound (404).
    "UNBUNDLE_SMS_TOKEN": None,
    # Public URL of this server for links in e-mails and snippets; None: the request's.
    "UNBUNDLE_BASE_URL": None,
    # smtp://user:password@host:587 (STARTTLS) or smtps://…:465; None with no SMTP_HOST: outbox.
    "UNBUNDLE_SMTP_URL": None,
    "UNBUNDLE_SMTP_HOST": None,
    "UNBUNDLE_SMTP_PORT": 587,
    "UNBUNDLE_SMTP_USER": None,
    "UNBUNDLE_SMTP_PASSWORD": None,
    # starttls | ssl | none
    "UNBUNDLE_SMTP_TLS": "starttls",
    # Sender of confirmation e-mails; None: the spec controller's address.
    "UNBUNDLE_MAIL_FROM": None,
    # Submissions (POST) per client address; "0" or "off" disables it.
    "UNBUNDLE_RATE_LIMIT": "30/minute",
    # redis://… to share rate-limit counters between processes; None: in memory.
    "UNBUNDLE_REDIS_URL": None,
    # A form posted sooner than this after it was served is refused (bots fill instantly).
    "UNBUNDLE_MIN_FILL_SECONDS": 3.0,
    # Seconds a form token stays valid; an expired one re-shows the form with what was typed.
    "UNBUNDLE_TOKEN_MAX_AGE": 6 * 3600,
    # Seconds a double opt-in confirmation link stays valid.
    "UNBUNDLE_CONFIRM_MAX_AGE": 30 * 24 * 3600,
    # Reverse proxies in front of us whose X-Forwarded-For/-Proto we trust (werkzeug ProxyFix).
    "UNBUNDLE_TRUSTED_PROXIES": 0,
    # Serve the workbench at /. `unbundle serve` turns it off on a non-loopback host.
    "UNBUNDLE_WORKBENCH": True,
    "UNBUNDLE_SECRET_KEY": None,
    # Request limits (werkzeug): a sign-up form is a few hundred bytes.
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_FORM_MEMORY_SIZE": 16 * 1024,
    "MAX_FORM_PARTS": 64,
}

_INTEGERS = {"UNBUNDLE_SMTP_PORT", "UNBUNDLE_TOKEN_MAX_AGE", "UNBUNDLE_CONFIRM_MAX_AGE",
             "UNBUNDLE_TRUSTED_PROXIES", "MAX_CONTENT_LENGTH", "MAX_FORM_MEMORY_SIZE",
             "MAX_FORM_PARTS"}
_FLOATS = {"UNBUNDLE_MIN_FILL_SECONDS", "UNBUNDLE_DB_LOCK_TIMEOUT"}
_BOOLEANS = {"UNBUNDLE_WORKBENCH"}
_ENV_ONLY_PREFIX = "UNBUNDLE_"


class SettingsError(ValueError):
    """A setting has a value we cannot use; the message names it."""


def read_settings(environ: Mapping[str, str], config: Mapping[str, Any] | None) -> dict[str, Any]:
    """Defaults, then the environment, then ``config``; values converted to their types."""
    settings = dict(DEFAULTS)
    for key in DEFAULTS:
        env_key = key if key.startswith(_ENV_ONLY_PREFIX) else f"UNBUNDLE_{key}"
        if environ.get(env_key) not in (None, ""):
            settings[key] = environ[env_key]
    settings.update(config or {})
    for key, value in list(settings.items()):
        if value is None or not isinstance(value, str):
            continue
        try:
            if key in _INTEGERS:
                settings[key] = int(value)
            elif key in _FLOATS:
                settings[key] = float(value)
            elif key in _BOOLEANS:
                settings[key] = _boolean(value)
        except ValueError:
            raise SettingsError(f"setting {key} is {value!r}, which is not a valid value for it") from None
    return settings


def _boolean(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(value)


def secret_key(given: str | None, instance: Path) -> str:
    """The key that signs every token; generated once into the instance folder when not given.

    Losing it invalidates every withdrawal link already sent, so it is kept, not regenerated
    per start; and it is a secret, so the file is created 0600 (owner only).
    """
    if given:
        return given
    path = instance / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    log.warning("No UNBUNDLE_SECRET_KEY given: generated one and kept it in %s (mode 0600). "
                "Back it up: withdrawal links sent so far stop working if it is lost.", path)
    return key
