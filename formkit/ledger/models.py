"""SQLAlchemy 2 models of the ledger. Changes go through an Alembic migration (migrations/).

Three kinds of rows, kept apart on purpose:

- ``ledger_events``: the append-only, hash-chained consent facts. They hold no personal data in
  clear, only the opaque ``contact_id`` (art. 25: data protection by design), so that they can
  outlive the person's data as proof that consent was obtained and honoured (art. 7(1), 5(2)).
- ``ledger_contacts``: the personal data, one row per person and form (each form has its own
  controller and retention). Purge and erasure DELETE these rows.
- ``ledger_receipts``: what each submission showed (controller, notice, recipients), no personal
  data beyond the contact id.

``ledger_chain_head`` is a single row: the last sequence number and hash. Writers lock it, which
keeps the chain linear under concurrency, and ``verify`` compares it with the last event so that
deleting the newest events is detected too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite (naive text) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the ledger stores aware datetimes only (UTC)")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class ChainHead(Base):
    __tablename__ = "ledger_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    """Always 1."""
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    last_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    seal: Mapped[str | None] = mapped_column(String(64), nullable=True)
    """HMAC-SHA256(secret, "last_seq:last_hash") when the ledger runs with a secret."""


class ConsentEvent(Base):
    __tablename__ = "ledger_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    """Position in the chain, from 1, without gaps: the event's id in reports."""
    receipt_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    contact_id: Mapped[str] = mapped_column(String(40), nullable=False)
    form_id: Mapped[str] = mapped_column(String(100), nullable=False)
    form_version: Mapped[int] = mapped_column(Integer, nullable=False)
    purpose_id: Mapped[str] = mapped_column(String(100), nullable=False)
    """Empty for events about the whole submission (submitted, attested, erased)."""
    channel: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    """submitted | attested | granted | refused | requested | confirmed | withdrawn | erased"""
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    how: Mapped[str] = mapped_column(String(20), nullable=False)
    wording: Mapped[str] = mapped_column(Text, nullable=False)
    wording_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    notice_version: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    lang: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    page_url: Mapped[str] = mapped_column(Text, nullable=False, default="")
    confirmation_required: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    """A grant that counts only once the e-mail address is confirmed (double opt-in)."""
    retention: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    """Last day this consent (or core-action record) may be used; None = until withdrawn."""
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (Index("ix_ledger_events_contact_form", "contact_id", "form_id", "seq"),
                      Index("ix_ledger_events_form_purpose", "form_id", "purpose_id", "seq"))


class Contact(Base):
    __tablename__ = "ledger_contacts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    """Opaque and random: the only link from the chain to a person."""
    form_id: Mapped[str] = mapped_column(String(100), nullable=False)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    data: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False)
    """Every validated personal field of the latest submission."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)

    __table_args__ = (Index("ix_ledger_contacts_form_email", "form_id", "email"),
                      Index("ix_ledger_contacts_phone", "phone"),
                      Index("ix_ledger_contacts_email", "email"))


class ReceiptRow(Base):
    __tablename__ = "ledger_receipts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    contact_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    form_id: Mapped[str] = mapped_column(String(100), nullable=False)
    form_version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    lang: Mapped[str] = mapped_column(String(8), nullable=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    """The receipt's remaining fields (controller, purposes, recipients, event hashes…)."""
