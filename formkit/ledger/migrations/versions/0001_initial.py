"""Initial ledger schema: chain head, consent events, contacts, receipts.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    head = op.create_table(
        "ledger_chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("seal", sa.String(64), nullable=True),
    )
    # The one row writers lock; it exists from the start so that locking it never races an insert.
    op.bulk_insert(head, [{"id": 1, "last_seq": 0, "last_hash": GENESIS, "seal": None}])

    op.create_table(
        "ledger_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("receipt_id", sa.String(40), nullable=True),
        sa.Column("contact_id", sa.String(40), nullable=False),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("form_version", sa.Integer, nullable=False),
        sa.Column("purpose_id", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("how", sa.String(20), nullable=False),
        sa.Column("wording", sa.Text, nullable=False),
        sa.Column("wording_sha256", sa.String(64), nullable=False),
        sa.Column("notice_version", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("page_url", sa.Text, nullable=False),
        sa.Column("confirmation_required", sa.Boolean, nullable=False),
        sa.Column("retention", sa.String(40), nullable=False),
        sa.Column("expires_on", sa.Date, nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_ledger_events_receipt_id", "ledger_events", ["receipt_id"])
    op.create_index("ix_ledger_events_contact_form", "ledger_events", ["contact_id", "form_id", "seq"])
    op.create_index("ix_ledger_events_form_purpose", "ledger_events", ["form_id", "purpose_id", "seq"])

    op.create_table(
        "ledger_contacts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ledger_contacts_form_email", "ledger_contacts", ["form_id", "email"])
    op.create_index("ix_ledger_contacts_phone", "ledger_contacts", ["phone"])
    op.create_index("ix_ledger_contacts_email", "ledger_contacts", ["email"])

    op.create_table(
        "ledger_receipts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("contact_id", sa.String(40), nullable=False),
        sa.Column("form_id", sa.String(100), nullable=False),
        sa.Column("form_version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
    )
    op.create_index("ix_ledger_receipts_contact_id", "ledger_receipts", ["contact_id"])


def downgrade() -> None:
    for table in ("ledger_receipts", "ledger_contacts", "ledger_events", "ledger_chain_head"):
        op.drop_table(table)
