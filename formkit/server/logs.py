"""Logs without personal data: a redacted access log and a filter that scrubs every log line.

What people type never reaches the logs: we log no bodies and no query strings, and the paths
that carry a capability (withdrawal, confirmation and receipt tokens) are logged with the token
replaced by ``…``. As a second line of defence, a filter on our handler masks anything that
looks like an e-mail address or a phone number in any record, whoever emitted it (werkzeug,
waitress, SQLAlchemy, a traceback).
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterable
from typing import IO, Any

TOKEN_PATH = re.compile(r"^/(u|c)/[^/?#\s]+|^/r/[^/?#\s]+?(\.json)?$")
EMAIL = re.compile(r"[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# 9 to 15 digits (E.164 at most 15), optionally separated: a phone number, not a form id's year
# ("camille-2027"), a status code or a duration.
PHONE = re.compile(r"(?<![\w/-])(?:\+|%2B)?\d(?:[ .()-]?\d){8,14}(?!\w)")
TOKEN_IN_TEXT = re.compile(r"(/(?:u|c|r)/)[A-Za-z0-9_.\-]{12,}")

access_log = logging.getLogger("formkit.server.access")


def redact_path(path: str) -> str:
    """``/u/eyJj…`` → ``/u/…``: tokens are bearer capabilities and name a contact."""
    def repl(match: re.Match[str]) -> str:
        if match.group(1):
            return f"/{match.group(1)}/…"
        return "/r/…" + (match.group(2) or "")
    return TOKEN_PATH.sub(repl, path)


def scrub(text: str) -> str:
    text = TOKEN_IN_TEXT.sub(r"\1…", text)
    text = EMAIL.sub("[e-mail]", text)
    return PHONE.sub("[phone]", text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with e-mail addresses, numbers and tokens masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class AccessLog:
    """WSGI middleware: one line per request, method, redacted path, status, duration.

    waitress logs no requests by itself; werkzeug's development server does, and its own lines
    go through the same RedactingFilter once ``configure_logging`` has run.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        status_holder: list[str] = []

        def recording_start_response(status: str, headers: Any, exc_info: Any = None) -> Any:
            status_holder.append(status)
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        try:
            return self.app(environ, recording_start_response)
        finally:
            status = status_holder[0].split(" ", 1)[0] if status_holder else "-"
            access_log.info("%s %s %s %.0fms", environ.get("REQUEST_METHOD", "-"),
                            redact_path(environ.get("PATH_INFO", "")), status,
                            (time.perf_counter() - started) * 1000)


def configure_logging(stream: IO[str] | None = None, level: int = logging.INFO) -> logging.Handler:
    """One handler on the root logger, with the redacting filter; werkzeug's request lines too."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    logging.getLogger("alembic").setLevel(logging.WARNING)  # migration chatter at every start
    return handler
