"""`unbundle form`: lint and build form specs."""

import click


@click.group(epilog="Example: unbundle form lint examples/*.yaml")
def form() -> None:
    """Lint form specs and build compliant forms from them."""
