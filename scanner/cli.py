"""`unbundle scan`."""

import click


@click.command(epilog="Example: unbundle scan https://example.org/soutien")
def scan() -> None:
    """Scan pages for invalid consent (not yet available)."""
    raise click.ClickException("the scanner is not built yet")
