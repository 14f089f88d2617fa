"""Appending to the chain: the only code that writes consent events.

A :class:`ChainWriter` is created inside a write transaction; creating it locks the chain head,
so that writers take turns and the chain stays linear (SELECT … FOR UPDATE on PostgreSQL; on
SQLite the transaction already began with BEGIN IMMEDIATE, and SQLAlchemy omits FOR UPDATE).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, insert, select, update

from . import chain
from .models import ChainHead, ConsentEvent

_EVENTS = ConsentEvent.__table__
_HEAD = ChainHead.__table__
_LOCK_HEAD = select(_HEAD.c.last_seq, _HEAD.c.last_hash).where(_HEAD.c.id == 1).with_for_update()
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == 1)
_INSERT_EVENTS = insert(_EVENTS)


class ChainWriter:
    """Appends events to the chain inside one write transaction (the head is locked on creation)."""

    def __init__(self, conn: Connection, secret: bytes | None):
        self.conn, self.secret = conn, secret
        # FOR UPDATE serialises PostgreSQL writers on this row; SQLite's BEGIN IMMEDIATE already
        # holds the database write lock (SQLAlchemy leaves FOR UPDATE out there).
        head = conn.execute(_LOCK_HEAD).one()
        self.seq, self.hash = head.last_seq, head.last_hash
        self.rows: list[dict[str, Any]] = []

    @property
    def pending(self) -> int:
        """Events appended and not yet flushed."""
        return len(self.rows)

    def append(self, *, contact_id: str, form_id: str, form_version: int, action: str,
               occurred_at: dt.datetime, how: str, wording: str, purpose_id: str = "",
               channel: str = "", receipt_id: str | None = None, notice_version: str = "",
               lang: str = "", source: str = "", page_url: str = "",
               confirmation_required: bool = False, retention: str = "",
               expires_on: dt.date | None = None) -> str:
        self.seq += 1
        facts: dict[str, Any] = dict(
            seq=self.seq, prev_hash=self.hash, receipt_id=receipt_id, contact_id=contact_id,
            form_id=form_id, form_version=form_version, purpose_id=purpose_id, channel=channel,
            action=action, occurred_at=occurred_at, how=how, wording=wording,
            wording_sha256=chain.sha256_text(wording), notice_version=notice_version, lang=lang,
            source=source, page_url=page_url, confirmation_required=confirmation_required,
            retention=retention, expires_on=expires_on,
        )
        facts["hash"] = self.hash = chain.event_hash(facts)
        self.rows.append(facts)
        return self.hash

    def flush(self) -> None:
        """Insert the appended events and move the head (and its seal) in the same transaction."""
        if not self.rows:
            return
        self.conn.execute(_INSERT_EVENTS, self.rows)
        seal = chain.seal(self.secret, self.seq, self.hash) if self.secret else None
        self.conn.execute(_MOVE_HEAD, {"last_seq": self.seq, "last_hash": self.hash, "seal": seal})
        self.rows = []
