"""Documentation kept in step with the code: every command has an example and a README entry."""

from __future__ import annotations

import click
import pytest
from conftest import ROOT

from cablekit.cli import cli

COMMANDS = sorted(cli.commands)


def test_there_are_commands() -> None:
    assert "parse" in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_carries_an_example(name: str) -> None:
    command = cli.commands[name]
    with click.Context(command, info_name=name) as ctx:
        text = command.get_help(ctx)
    assert "Example" in text and f"cablekit {name}" in text, text


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"cablekit {name}" in readme, f"README.md does not document 'cablekit {name}'"


def test_readme_opens_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:600]
    assert "make run" in head and "make test" in head
