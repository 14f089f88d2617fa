"""The hash chain: which stored facts are hashed, and how.

Each event's hash is SHA-256 over a canonical JSON serialisation of its consent facts plus the
previous event's hash and its own sequence number. Changing any hashed fact of any event, or
deleting or inserting an event, breaks the chain at that event. The facts hold the opaque
contact id, never an e-mail or phone, so deleting personal data does not break the chain
(GDPR art. 17 erasure and art. 7(1) proof of consent can both be honoured).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

GENESIS = "0" * 64
"""``prev_hash`` of the first event."""

HASHED_FIELDS: tuple[str, ...] = (
    "seq", "prev_hash", "receipt_id", "contact_id", "form_id", "form_version", "purpose_id",
    "channel", "action", "occurred_at", "how", "wording", "wording_sha256", "notice_version",
    "lang", "source", "page_url", "confirmation_required", "retention", "expires_on",
)
"""Every stored column except ``hash`` itself: nothing stored about a consent is unprotected."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        # Microseconds in UTC: what both SQLite and PostgreSQL store and give back unchanged.
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical(facts: dict[str, Any]) -> bytes:
    """Sorted-key, compact, UTF-8 JSON of exactly the hashed fields (a missing one is an error)."""
    payload = {name: _canonical_value(facts[name]) for name in HASHED_FIELDS}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def event_hash(facts: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(facts)).hexdigest()


def seal(secret: bytes, last_seq: int, last_hash: str) -> str:
    """HMAC of the chain head: without the secret, a rewritten chain cannot carry a valid seal."""
    return hmac.new(secret, f"{last_seq}:{last_hash}".encode(), hashlib.sha256).hexdigest()


def seal_ok(secret: bytes, last_seq: int, last_hash: str, stored: str | None) -> bool:
    return stored is not None and hmac.compare_digest(seal(secret, last_seq, last_hash), stored)
