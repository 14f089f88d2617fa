"""`unbundle ledger`."""

import click


@click.group(epilog="Example: unbundle ledger verify")
def ledger() -> None:
    """Prove, export and purge consents (not yet available)."""
