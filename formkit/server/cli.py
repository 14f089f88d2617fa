"""`unbundle serve`."""

import click


@click.command(epilog="Example: unbundle serve --specs examples")
def serve() -> None:
    """Start the preview server and form backend (not yet available)."""
    raise click.ClickException("the server is not built yet")
