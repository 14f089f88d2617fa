"""Rate limiting of submissions per client address: in memory, or in Redis when configured.

A fixed window per address ("30/minute": at most 30 posts from one address per clock minute).
Addresses are personal data, so counters are keyed by a keyed hash of the address (HMAC with the
app's secret), never by the address itself; in memory they vanish with the window.

Only state-changing requests are counted (POST to forms, withdrawal and confirmation links);
reading a page is not, and the SMS webhook is not (it comes from the provider's few addresses
and is authenticated).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from typing import Protocol

from flask import Flask, current_app, request

from .messages import page_language

WINDOWS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
LIMIT_RE = re.compile(r"^\s*(\d+)\s*(?:/|per)\s*(second|minute|hour|day)\s*$")


def parse_limit(text: str | int | None) -> tuple[int, int] | None:
    """``"30/minute"`` → (30, 60); ``"off"``, ``"0"`` or None → None (no limit)."""
    if text is None or str(text).strip().lower() in {"", "0", "off", "none"}:
        return None
    match = LIMIT_RE.match(str(text).lower())
    if not match:
        raise ValueError(f"rate limit {text!r} is not of the form N/second|minute|hour|day (e.g. 30/minute)")
    return int(match.group(1)), WINDOWS[match.group(2)]


class Counter(Protocol):
    def hit(self, key: str, window: int) -> int:
        """Count one hit for ``key`` in the current window; return the window's count."""


class MemoryCounter:
    """Per-process counters; enough for one waitress process (its threads share them)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, int], int] = {}

    def hit(self, key: str, window: int) -> int:
        slot = int(time.time() // window)
        with self._lock:
            if len(self._counts) > 10_000:  # drop finished windows so memory stays bounded
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= slot}
            count = self._counts.get((key, slot), 0) + 1
            self._counts[(key, slot)] = count
            return count


class RedisCounter:
    """Counters shared by every process (gunicorn workers, several hosts): INCR + EXPIRE."""

    def __init__(self, url: str) -> None:
        try:
            import redis  # optional: only deployments with several processes need it
        except ImportError:
            raise ValueError("UNBUNDLE_REDIS_URL is set but the redis package is not installed: "
                             "run `pip install redis`, or unset UNBUNDLE_REDIS_URL to count in memory") from None
        self._redis = redis.Redis.from_url(url)

    def hit(self, key: str, window: int) -> int:
        slot = int(time.time() // window)
        name = f"unbundle:rl:{key}:{slot}"
        pipe = self._redis.pipeline()
        pipe.incr(name)
        pipe.expire(name, window + 1)
        count, _ = pipe.execute()
        return int(count)


class RateLimiter:
    """Flask extension: refuses the N+1th POST of a window with 429 and Retry-After."""

    def __init__(self, app: Flask | None = None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        limit = parse_limit(app.config.get("UNBUNDLE_RATE_LIMIT"))  # ValueError names a bad value
        url = app.config.get("UNBUNDLE_REDIS_URL")
        counter: Counter = RedisCounter(url) if url else MemoryCounter()
        app.extensions["unbundle.ratelimit"] = (limit, counter)
        app.before_request(self._check)

    @staticmethod
    def _check():
        limit, counter = current_app.extensions["unbundle.ratelimit"]
        if limit is None or request.method != "POST" or request.endpoint in EXEMPT_ENDPOINTS:
            return None
        allowed, window = limit
        key = hmac.new(current_app.secret_key.encode(), (request.remote_addr or "?").encode(),
                       hashlib.sha256).hexdigest()[:32]
        if counter.hit(key, window) <= allowed:
            return None
        from .pages import too_many_requests  # late: pages imports blueprints' helpers

        return too_many_requests(page_language(), retry_after=window - int(time.time()) % window)


# Withdrawals are never rate limited (GDPR art. 7(3): as easy as giving). A mail provider's
# one-click unsubscribe (RFC 8058) posts from the provider's few servers, so after a mailing
# hundreds of them share an address; refusing them would lose withdrawals. The signed link is
# the credential, and an invalid one writes nothing. The SMS webhook is the same case (STOP).
EXEMPT_ENDPOINTS = {"sms.inbound", "withdrawal.confirm"}
