"""Alembic environment, run programmatically by ``Ledger.upgrade()`` (no alembic.ini).

The caller passes an open connection, already inside a transaction, in
``config.attributes["connection"]``: on SQLite that transaction is BEGIN IMMEDIATE and on
PostgreSQL it holds an advisory lock, so two processes starting together migrate once.
"""

from alembic import context

from formkit.ledger.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    version_table="ledger_alembic_version",  # leave "alembic_version" to the rest of the app
)
with context.begin_transaction():
    context.run_migrations()
