"""Options shared by several subcommands, declared once so that they mean the same everywhere."""

from __future__ import annotations

import click


def format_option(*choices: str, default: str = "text"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


output_option = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
    help="Write the report to this file instead of standard output.",
)

fail_on_option = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
    show_default=True, help="Exit 1 when a finding at or above this severity is reported.",
)

db_option = click.option(
    "--db", envvar="UNBUNDLE_DB", default=None, metavar="URL",
    help="Database URL (SQLAlchemy form); default: SQLite in the instance folder. Env: UNBUNDLE_DB.",
)

secret_option = click.option(
    "--secret", envvar="UNBUNDLE_SECRET_KEY", default=None, metavar="TEXT",
    help="The server's secret key, which signs form tokens and seals the ledger. "
         "Env: UNBUNDLE_SECRET_KEY; default: instance/secret_key if present.",
)
