"""`unbundle form`: lint and build form specs.

Exit codes: 0 clean (warnings allowed); 1 a spec has an error (schema or rule); 2 usage error.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli_options import format_option, secret_option
from .config import stored_secret
from .errors import Problem, SpecError
from .lint import has_errors, lint_file, lint_spec, severity
from .spec import Spec, load_spec


@click.group(epilog="Example: unbundle form lint examples/*.yaml")
def form() -> None:
    """Lint form specs and build compliant forms from them."""


def _emit(problems: list[Problem], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([{**p.as_dict(), "severity": severity(p)} for p in problems],
                              ensure_ascii=False, indent=2))
        return
    for p in problems:
        click.echo(p.line())


@form.command("lint", epilog="Example: unbundle form lint examples/*.yaml --format json")
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("text", "json")
def lint_command(specs: tuple[Path, ...], fmt: str) -> None:
    """Check form SPECS (YAML files, or folders of them) against the consent rules.

    Prints one line per problem, FILE: PATH: RULE-ID: message (warnings say "warning:" before
    the message). Exit 0 when no spec has an error (warnings are allowed), 1 otherwise.
    The rule ids are those of `docs/rules/`; "schema" marks a spec that does not follow the
    format (unknown key, missing translation, bad id…).
    """
    files = _spec_files(specs)
    problems: list[Problem] = []
    for path in files:
        problems += lint_file(path)
    _emit(problems, fmt)
    if fmt == "text" and not problems:
        click.echo(f"{len(files)} spec(s) clean.", err=True)
    if has_errors(problems):
        raise SystemExit(1)


def _spec_files(paths: tuple[Path, ...]) -> list[Path]:
    """The files to lint: each file as given, and the *.yaml / *.yml directly in each folder
    (as `unbundle serve --specs DIR` reads them)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            if not found:
                raise click.BadParameter(f"the folder {path} holds no *.yaml spec.", param_hint="SPECS")
            files += found
        else:
            files.append(path)
    return files


def _load_clean(path: Path) -> Spec:
    """Load a spec that lints clean, or print the lint lines and exit 1."""
    try:
        spec = load_spec(path)
    except SpecError as exc:
        _emit(list(exc.problems), "text")
        raise SystemExit(1) from None
    problems = lint_spec(spec)
    if has_errors(problems):
        _emit(problems, "text")
        click.echo(f"Error: {path} does not lint clean; nothing was built.", err=True)
        raise SystemExit(1)
    for p in problems:  # warnings
        click.echo(p.line(), err=True)
    return spec


@form.command("build", short_help="Build the forms of SPEC and print the embed code.",
              epilog="Example: unbundle form build examples/adhesion-parti.yaml --out out")
@click.argument("spec_path", metavar="SPEC", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write page.<lang>.html, embed.<lang>.html, snippet.<lang>.html and embed.js into.")
@click.option("--base-url", default="", metavar="URL",
              help="Where the --out folder will be published (https://…); used in the embed code "
                   "and as the form target BASE/f/ID (unbundle serve). Default: relative URLs, and "
                   "forms post to their own address.")
@secret_option
def build_command(spec_path: Path, out_dir: Path, base_url: str, secret: str | None) -> None:
    """Build the forms of SPEC in each of its languages, then print the embed code.

    Refuses (exit 1, with the lint lines) a spec that does not lint clean. With
    --base-url https://forms.example.org, forms post to https://forms.example.org/f/ID (the
    server's form endpoint) and the embed code uses absolute URLs. With the server's key
    (--secret, or instance/secret_key where `unbundle serve` keeps it), each form carries the
    signed token the server checks; without it, the first post is answered with the form to
    send again.
    """
    from .build import build

    spec = _load_clean(spec_path)
    key = stored_secret(secret)
    try:
        written = build(spec, out_dir, base_url=base_url, secret=key)
    except OSError as exc:
        raise click.ClickException(f"cannot write the forms into {out_dir}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {len(written)} files to {out_dir}:", err=True)
    if key is None:
        click.echo("note: no server key (--secret or instance/secret_key), so the forms carry no "
                   "token: the server will ask people to send them a second time.", err=True)
    for path in written:
        click.echo(f"  {path}", err=True)
    from .render import embed_code

    for lang in spec.languages:
        code = embed_code(spec, base_url, lang)
        click.echo(f"\nEmbed code ({lang}), iframe:\n{code['iframe']}")
        click.echo(f"Embed code ({lang}), script tag:\n{code['script']}")
