"""Commands: ``policylens eval …`` — measured quality on the held-out test split.

``eval_app`` is a sub-application so that each area registers its own
evaluation (``eval extraction``, ``eval plans``) from its own module.
"""

from __future__ import annotations

import typer

from pipeline.cli.app import app

eval_app = typer.Typer(help="Evaluate against the gold annotations in corpora/ (test split by default).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
