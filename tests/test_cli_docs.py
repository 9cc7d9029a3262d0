"""Every command has help text and is documented in the README (sqlite-utils habit)."""

from __future__ import annotations

import re

import click
import typer.main

from pipeline.cli import app
from tests.conftest import ROOT


def all_commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    out: list[tuple[str, click.Command]] = []

    def walk(prefix: str, group: click.Group) -> None:
        for name, cmd in group.commands.items():
            full = f"{prefix} {name}".strip()
            if isinstance(cmd, click.Group):
                walk(full, cmd)
            else:
                out.append((full, cmd))

    walk("", root)
    return out


def test_cli_every_command_has_help():
    missing = [name for name, cmd in all_commands() if not (cmd.help or "").strip()]
    assert missing == []


def test_cli_every_command_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = [name for name, _ in all_commands() if not re.search(rf"policylens {re.escape(name)}\b", readme)]
    assert undocumented == []


def test_cli_every_option_has_help():
    missing = []
    for name, cmd in all_commands():
        for param in cmd.params:
            if isinstance(param, click.Option) and not (param.help or "").strip() and param.name not in ("help",):
                missing.append(f"{name} {param.opts[0]}")
    assert missing == []
