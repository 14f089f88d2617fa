"""The server's small parts on their own: SMS replies, tokens, messages, settings, mail, limits."""

from __future__ import annotations

import email
import email.policy
import logging
import os
import socketserver
import stat
import threading
from email.message import EmailMessage
from pathlib import Path

import pytest

from formkit.server.mail import Mailer, smtp_settings
from formkit.server.messages import MESSAGES
from formkit.server.ratelimit import MemoryCounter, parse_limit
from formkit.server.replies import PhoneError, Reply, classify_reply, to_e164
from formkit.server.settings import SettingsError, read_settings, secret_key
from formkit.server.tokens import (
    LinkTarget, TokenError, confirm_token, read_confirm_token, read_withdraw_token, withdraw_token,
)


@pytest.mark.parametrize("text", ["STOP", "stop", " Stop ", "STOP SMS", "stop  sms", "StopSMS",
                                  "STOP PROSPECTION", "ARRET", "ARRÊT", "arrêt", "Arrêt.", "UNSUBSCRIBE",
                                  "unsubscribe!", "S T O P"])
def test_stop_words(text):
    assert classify_reply(text) is Reply.STOP


@pytest.mark.parametrize("text", ["oui", "OUI", "Oui !", "yes", "YES"])
def test_yes_words(text):
    assert classify_reply(text) is Reply.YES


@pytest.mark.parametrize("text", ["stop the car", "non", "ne pas arrêter", "", "stopper", "ouiii"])
def test_other_words(text):
    assert classify_reply(text) is Reply.OTHER


def test_phone_numbers_to_e164():
    assert to_e164("06 12 34 56 78") == "+33612345678"
    assert to_e164("+33 6 12 34 56 78") == "+33612345678"
    assert to_e164("+32 470 12 34 56") == "+32470123456"
    with pytest.raises(PhoneError):
        to_e164("hello")
    with pytest.raises(PhoneError):
        to_e164("12")


def test_link_tokens_round_trip_and_do_not_cross():
    target = LinkTarget("c-123", "form-a", "newsletter", "en")
    token = withdraw_token("k", target)
    assert read_withdraw_token("k", token) == target
    assert read_withdraw_token("k", withdraw_token("k", LinkTarget("c", "f"))).purpose_id is None
    with pytest.raises(TokenError):
        read_withdraw_token("another key", token)
    with pytest.raises(TokenError):  # a confirmation link is no withdrawal link, and back
        read_withdraw_token("k", confirm_token("k", target))
    with pytest.raises(TokenError):
        read_confirm_token("k", token, max_age=60)
    assert read_confirm_token("k", confirm_token("k", target), max_age=60).contact_id == "c-123"


def test_every_message_has_french_and_english():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"fr", "en"}, key
        assert all(text.strip() for text in texts.values()), key


def test_settings_precedence_and_types():
    settings = read_settings({"UNBUNDLE_MIN_FILL_SECONDS": "2.5", "UNBUNDLE_WORKBENCH": "off",
                              "UNBUNDLE_RATE_LIMIT": "5/minute"}, {"UNBUNDLE_RATE_LIMIT": "9/hour"})
    assert settings["UNBUNDLE_MIN_FILL_SECONDS"] == 2.5
    assert settings["UNBUNDLE_WORKBENCH"] is False
    assert settings["UNBUNDLE_RATE_LIMIT"] == "9/hour"  # config beats the environment
    with pytest.raises(SettingsError, match="UNBUNDLE_TOKEN_MAX_AGE"):
        read_settings({"UNBUNDLE_TOKEN_MAX_AGE": "soon"}, None)


def test_secret_key_generated_once_0600_with_a_warning(tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING):
        first = secret_key(None, tmp_path / "instance")
    assert "UNBUNDLE_SECRET_KEY" in caplog.text
    path = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert secret_key(None, tmp_path / "instance") == first  # kept, not regenerated
    assert secret_key("given", tmp_path / "instance") == "given"


def test_rate_limit_parsing_and_counting():
    assert parse_limit("30/minute") == (30, 60)
    assert parse_limit("5 per second") == (5, 1)
    assert parse_limit("off") is None and parse_limit("0") is None
    with pytest.raises(ValueError, match="30/minute"):
        parse_limit("thirty")
    counter = MemoryCounter()
    assert [counter.hit("a", 3600) for _ in range(3)] == [1, 2, 3]
    assert counter.hit("b", 3600) == 1


def test_smtp_settings():
    assert smtp_settings({}) is None
    assert smtp_settings({"UNBUNDLE_SMTP_URL": "smtp://u%40x:p@mail.example:2525"}) == \
        ("mail.example", 2525, "u@x", "p", "starttls")
    assert smtp_settings({"UNBUNDLE_SMTP_URL": "smtps://mail.example"})[1:] == (465, None, None, "ssl")
    assert smtp_settings({"UNBUNDLE_SMTP_HOST": "h", "UNBUNDLE_SMTP_TLS": "none"}) == ("h", 587, None, None, "none")
    with pytest.raises(ValueError):
        smtp_settings({"UNBUNDLE_SMTP_URL": "http://mail.example"})


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to accept one message: a real socket, a real client."""

    received: list[bytes] = []

    def handle(self) -> None:
        self.wfile.write(b"220 test ESMTP\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 test\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go\r\n")
                data = b""
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk
                self.received.append(data)
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


def test_mail_goes_through_smtp_when_configured(tmp_path: Path):
    from flask import Flask

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        app = Flask(__name__, instance_path=str(tmp_path))
        app.config.update(UNBUNDLE_SMTP_HOST="127.0.0.1", UNBUNDLE_SMTP_PORT=server.server_address[1],
                          UNBUNDLE_SMTP_TLS="none")
        mailer = Mailer(app)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Confirmez"
        message.set_content("Bonjour")
        mailer.send(message)
    finally:
        server.shutdown()
        server.server_close()
    received = email.message_from_bytes(_SMTPHandler.received[-1], policy=email.policy.default)
    assert received["Subject"] == "Confirmez" and received.get_content().strip() == "Bonjour"
    assert not (tmp_path / "outbox").exists()
