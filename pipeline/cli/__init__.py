"""Command-line entry point: ``policylens``.

Each command family lives in its own module and registers on the shared
Typer app; this module only imports them and runs the app.
"""

from __future__ import annotations

from pipeline.cli.app import app

# Importing a module registers its commands on ``app``.
from pipeline.cli import (  # noqa: E402,F401
    ingest_cmds,
    extract_cmds,
    rubric_cmds,
    store_cmds,
    eval_cmds,
    screen_cmds,
    demo_cmds,
)


def main() -> None:
    app()


__all__ = ["app", "main"]
