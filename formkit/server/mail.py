"""Sending the double opt-in e-mail: through SMTP when configured, else into an outbox folder.

The outbox (``<instance>/outbox/*.eml``) lets ``make run`` work offline and lets tests read the
message a person would receive. Each file holds an address, so it is created 0600.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app

log = logging.getLogger(__name__)


class MailError(Exception):
    """The message could not be handed to the SMTP server (the message says why, no address)."""


class Mailer:
    """Flask extension; ``mailer().send(message)``."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.extensions["unbundle.mailer"] = self
        self.smtp = smtp_settings(app.config)
        self.outbox = Path(app.instance_path) / "outbox"
        if self.smtp is None:
            app.logger.info("No SMTP configured: confirmation e-mails go to %s", self.outbox)

    def send(self, message: EmailMessage) -> None:
        if "Date" not in message:
            message["Date"] = formatdate(localtime=False)
        if "Message-ID" not in message:
            message["Message-ID"] = make_msgid(domain="unbundle.invalid")
        if self.smtp is None:
            self._to_outbox(message)
        else:
            self._to_smtp(message)

    def _to_outbox(self, message: EmailMessage) -> None:
        try:
            self.outbox.mkdir(parents=True, exist_ok=True)
            path = self.outbox / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}.eml"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_readable(message).as_bytes())
        except OSError as exc:
            raise MailError(f"cannot write to the outbox {self.outbox} ({exc.strerror})") from None

    def _to_smtp(self, message: EmailMessage) -> None:
        host, port, user, password, tls = self.smtp
        try:
            if tls == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=15,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(host, port, timeout=15)
            with client:
                if tls == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if user:
                    client.login(user, password or "")
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            # The exception text may quote the recipient; log its type only.
            raise MailError(f"the SMTP server {host}:{port} did not accept the message "
                            f"({type(exc).__name__})") from None


def _readable(message: EmailMessage) -> EmailMessage:
    """The message with its text body in 8bit rather than quoted-printable, so that a person who
    opens the .eml file in a text editor (as docs/server.md says to) can copy the link whole:
    quoted-printable cuts it with soft line breaks. Mail readers parse both the same."""
    if message.is_multipart() or message.get_content_type() != "text/plain":
        return message
    copy = EmailMessage(policy=message.policy)
    for name, value in message.items():
        if name.lower() not in ("content-type", "content-transfer-encoding", "mime-version"):
            copy[name] = value
    copy.set_content(message.get_content(), cte="8bit")
    return copy


def smtp_settings(config: dict) -> tuple[str, int, str | None, str | None, str] | None:
    """(host, port, user, password, tls) from UNBUNDLE_SMTP_URL or the separate settings."""
    url = config.get("UNBUNDLE_SMTP_URL")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise ValueError(f"UNBUNDLE_SMTP_URL must look like smtp://user:password@host:587 "
                             f"or smtps://…:465, got scheme {parts.scheme!r}")
        tls = "ssl" if parts.scheme == "smtps" else str(config.get("UNBUNDLE_SMTP_TLS") or "starttls")
        port = parts.port or (465 if tls == "ssl" else 587)
        return (parts.hostname, port, unquote(parts.username) if parts.username else None,
                unquote(parts.password) if parts.password else None, tls)
    host = config.get("UNBUNDLE_SMTP_HOST")
    if not host:
        return None
    tls = str(config.get("UNBUNDLE_SMTP_TLS") or "starttls")
    if tls not in {"starttls", "ssl", "none"}:
        raise ValueError(f"UNBUNDLE_SMTP_TLS must be starttls, ssl or none, got {tls!r}")
    return (host, int(config.get("UNBUNDLE_SMTP_PORT") or 587), config.get("UNBUNDLE_SMTP_USER"),
            config.get("UNBUNDLE_SMTP_PASSWORD"), tls)


def mailer() -> Mailer:
    return current_app.extensions["unbundle.mailer"]
