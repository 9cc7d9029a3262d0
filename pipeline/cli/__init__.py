"""Command-line entry point: ``policylens``.

Each command family lives in its own module and registers on the shared
Typer app; this module only imports them and runs the app.
"""

from __future__ import annotations

# Importing a module registers its commands on ``app``.
from pipeline.cli import (  # noqa: F401
    demo_cmds,
    eval_cmds,
    extract_cmds,
    ingest_cmds,
    rubric_cmds,
    screen_cmds,
    store_cmds,
)
from pipeline.cli.app import app


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Our own warnings are one line for the user; library warnings only in debug mode."""
    from pipeline.cli.common import debug_enabled, stderr

    if category.__module__.startswith("pipeline") or debug_enabled():
        stderr.print(f"warning: {message}", markup=False, highlight=False)


def main() -> None:
    import warnings

    warnings.showwarning = _show_warning
    app()


__all__ = ["app", "main"]
