"""`unbundle serve`: the form backend and workbench, on waitress."""

from __future__ import annotations

import ipaddress
import logging

import click

from ..cli_options import db_option

EXAMPLE = "Example: unbundle serve --specs examples --port 5000"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command(short_help="Serve the forms, keep proof of consent, run the workbench.", epilog=EXAMPLE)
@click.option("--specs", "specs", envvar="UNBUNDLE_SPECS", default="examples", show_default=True,
              type=click.Path(file_okay=False, exists=True), metavar="DIR",
              help="Folder of form specs to publish (only those that lint clean). Env: UNBUNDLE_SPECS.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep loopback behind a reverse proxy.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Worker threads of the WSGI server (waitress).")
@click.option("--workbench/--no-workbench", default=None,
              help="Serve the workbench at / (default: only when --host is loopback). Env: UNBUNDLE_WORKBENCH.")
def serve(specs: str, db: str | None, host: str, port: int, threads: int, workbench: bool | None) -> None:
    """Publish the forms of a folder and keep proof of consent: hosted and embedded forms,
    receipts, withdrawal links, double opt-in, the SMS STOP webhook, and a workbench.

    Runs on waitress, a production WSGI server. Every setting can also come from the
    environment (UNBUNDLE_SECRET_KEY, UNBUNDLE_SMS_TOKEN, UNBUNDLE_SMTP_URL,
    UNBUNDLE_RATE_LIMIT, UNBUNDLE_REDIS_URL…): see docs/server.md.
    """
    import os

    from ..errors import UsageError
    from .app import create_app
    from .logs import configure_logging
    from .settings import SettingsError
    from .wsgi import make_server, run_forever

    configure_logging()
    config: dict[str, object] = {"UNBUNDLE_SPECS": specs}
    if db:
        config["UNBUNDLE_DB"] = db
    if workbench is not None:
        config["UNBUNDLE_WORKBENCH"] = workbench
    elif not os.environ.get("UNBUNDLE_WORKBENCH"):
        config["UNBUNDLE_WORKBENCH"] = is_loopback(host)
    try:
        app = create_app(config)
    except (SettingsError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    try:
        server = make_server(app, host, port, threads=threads)
    except OSError as exc:  # the port is taken, or the host is not an address of this machine
        raise click.ClickException(
            f"Cannot listen on {host}:{port}: {exc.strerror or exc}. Another server may already "
            "use that port: stop it, or choose another --port.") from None
    log = logging.getLogger("formkit.server")
    log.info("Serving %d form(s) on http://%s:%d (workbench %s)", len(app.extensions["unbundle.forms"].specs),
             host, port, "on" if app.config["UNBUNDLE_WORKBENCH"] else "off")
    run_forever(server)
