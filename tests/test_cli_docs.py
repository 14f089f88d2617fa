"""Every command and option of `unbundle` is documented, and every help ends with an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from formkit.cli import cli


def walk(command: click.Command, path: tuple[str, ...] = ("unbundle",)):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


COMMANDS = list(walk(cli))


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_is_documented(path, command):
    assert command.help and len(command.help.strip()) > 10, f"{' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_ends_with_an_example(path, command):
    result = CliRunner().invoke(cli, [*path[1:], "--help"])
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1].strip()
    assert last.startswith("Example") and "unbundle" in last, f"{' '.join(path)} --help ends with {last!r}"


def test_readme_shows_what_form_build_prints(tmp_path):
    """The README's `form build` example prints exactly the embed code the README shows."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### `unbundle form build`"):readme.index("### `unbundle serve`")]
    shown = re.search(r"```html\n(.*?)```", section, re.S).group(1).strip().splitlines()
    result = CliRunner().invoke(cli, ["form", "build", "examples/parrainage-presidentielle.yaml",
                                      "--out", str(tmp_path), "--base-url", "https://forms.example.org"])
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    for line in shown:
        assert line in printed, f"README shows {line!r}, which `form build` does not print"
