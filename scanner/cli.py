"""`unbundle scan`: judge published pages and report, with documented exit codes.

Exit codes (the same as every unbundle command): 0 nothing at or above --fail-on was found;
1 something was; 2 usage error; 3 no target could be read at all. A page that cannot be read
is reported in the output with its status; it never crashes the command.

The option declarations shared with formkit's commands come from ``formkit.cli_options`` so
that --format, --output and --fail-on mean the same everywhere (the only import of formkit in
scanner, at the command-line boundary).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace

import click

from formkit.cli_options import fail_on_option, format_option, output_option

from .fetch import DEFAULT_SETTINGS, ScanError
from .report import render
from .rules import Severity
from .scan import ScanResult, scan as run_scan

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
_OTHER_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*)://", re.I)
"""A target written as a URL: scanned only when http(s) (or file), never read as a local path."""

EPILOG = "Example: unbundle scan https://example.org/soutien --format html -o r.html"


def exit_code(result: ScanResult, fail_on: str) -> int:
    """0, 1 or 3 as documented above (2 is click's, for usage errors)."""
    if result.pages and not result.readable:
        return EXIT_UNREADABLE
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    worst = max((Severity(f.severity).rank for f in result.findings
                 if f.severity in Severity.__members__.values()), default=0)
    return EXIT_FOUND if worst >= threshold else EXIT_OK


@click.command(epilog=EPILOG)
@click.argument("targets", nargs=-1, required=True, metavar="TARGET...")
@format_option("text", "json", "html", "sarif")
@output_option
@click.option("--depth", type=click.IntRange(min=0), default=0, show_default=True,
              help="Follow same-site links this many hops from each target (0: judge exactly the "
                   "targets, still reading each form's privacy notice and iframes). Deeper "
                   "crawling is a simple breadth-first crawl that obeys robots.txt; the full "
                   "crawler comes with the crawl issue.")
@click.option("--max-pages", type=click.IntRange(min=1), default=DEFAULT_SETTINGS.max_pages,
              show_default=True,
              help="Stop crawling after this many pages (the targets themselves are always judged).")
@click.option("--engine", type=click.Choice(["static", "browser", "auto"]), default="static",
              show_default=True,
              help="static: read the HTML as served; browser: render in headless Chromium and "
                   "record its requests; auto: static, then the browser for pages whose forms "
                   "are built by script.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_SETTINGS.timeout,
              show_default=True, help="Seconds to wait for a server before giving up on a page.")
@fail_on_option
def scan(targets: tuple[str, ...], fmt: str, output: str | None, depth: int, max_pages: int,
         engine: str, timeout: float, fail_on: str) -> None:
    """Scan campaign pages for invalid consent and missing information.

    TARGET is a URL (http, https) or a local HTML file. Each page's forms are judged against
    the rule catalog (docs/rules/); findings carry the rule, a plain-language message, the
    legal basis and evidence.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error;
    3 no target could be read at all.
    """
    for target in targets:
        scheme = _OTHER_SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in ("http", "https", "file"):
            raise click.BadParameter(f"{target}: only http://, https:// addresses and local files "
                                     "can be scanned.", param_hint="TARGET")
    settings = replace(DEFAULT_SETTINGS, depth=depth, max_pages=max_pages, engine=engine,
                       timeout=timeout, deadline=max(DEFAULT_SETTINGS.deadline, timeout * 3))
    # Progress on a terminal only, on stderr, so that redirected reports stay clean.
    log = (lambda message: click.echo(message, err=True)) if sys.stderr.isatty() else None
    try:
        result = run_scan(list(targets), settings, log=log)
    except ScanError as exc:
        raise click.ClickException(str(exc)) from None
    to_terminal = output is None
    color = to_terminal and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = render(result, fmt, color=color)
    if output is None:
        click.echo(report, nl=False)
    else:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as exc:
            raise click.ClickException(f"The report could not be written to {output}: {exc.strerror or exc}.") from None
        from .report.common import summarize

        click.echo(f"Report written to {output}. {summarize(result).line()}", err=True)
    code = exit_code(result, fail_on)
    if code != EXIT_OK:
        sys.exit(code)
