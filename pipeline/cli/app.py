"""The Typer application object that command modules register on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="policylens",
    help="Read Chinese policy documents, extract clauses, amounts and deadlines, and screen plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """Read Chinese policy documents, extract clauses, amounts and deadlines, and screen plans."""


@app.command("version")
def version() -> None:
    """Print the PolicyLens version and the extraction version it writes."""
    from pipeline import __version__
    from pipeline.stages import EXTRACTION_VERSION

    typer.echo(f"policylens {__version__}\nextraction {EXTRACTION_VERSION}")
