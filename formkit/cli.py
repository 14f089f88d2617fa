"""The `unbundle` command. Subcommands live beside what they drive:

- ``unbundle form …``   formkit/form_cli.py    (lint and build form specs)
- ``unbundle scan …``   scanner/cli.py         (judge published pages)
- ``unbundle serve``    formkit/server/cli.py  (preview server and form backend)
- ``unbundle ledger …`` formkit/ledger/cli.py  (consent proof, export, purge)

Exit codes, the same everywhere: 0 success / nothing found; 1 problems found (lint errors,
findings at or above --fail-on) or a command failed; 2 usage error; 3 nothing could be read.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import UnbundleError
from .form_cli import form
from .ledger.cli import ledger
from .server.cli import serve
from scanner.cli import scan

EPILOG = "Example: unbundle form lint examples/*.yaml"


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="unbundle")
def cli() -> None:
    """Get political sign-up consent right: generate compliant forms, keep proof of consent,
    and scan campaign sites for invalid consent.

    Exit codes: 0 ok, 1 problems found or failure, 2 usage error, 3 nothing could be read.
    """


cli.add_command(form)
cli.add_command(scan)
cli.add_command(serve)
cli.add_command(ledger)


def main() -> None:
    try:
        # Not standalone, so that our errors become clean messages; then ctx.exit(n) comes
        # back as the return value rather than as SystemExit.
        result = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except UnbundleError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    else:
        sys.exit(result if isinstance(result, int) else 0)
