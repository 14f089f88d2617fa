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
