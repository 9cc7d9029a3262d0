"""Commands: ``policylens eval …`` — measured quality on the held-out test split.

``eval_app`` is a sub-application so that each area registers its own
evaluation (``eval extraction``, ``eval plans``) from its own module.
"""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.app import app

eval_app = typer.Typer(help="Evaluate against the gold annotations in corpora/ (test split by default).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("extraction")
def extraction(
    split: str = typer.Option("test", "--split", help="Which documents: test (held out), train or all."),
    format: str = typer.Option("table", "--format", help="table (rich) or json."),
) -> None:
    """Per-field precision/recall/F1 of sections, metadata, clause kinds, amounts and deadlines."""
    from pipeline.cli.common import fail, print_json, stdout
    from pipeline.errors import UsageError
    from pipeline.eval.report import gather, render_table

    if split not in ("test", "train", "all"):
        fail(UsageError(detail=f"--split must be test, train or all; got {split!r}"))
    if format not in ("table", "json"):
        fail(UsageError(detail=f"--format must be table or json; got {format!r}"))
    try:
        report = gather(split)
    except Exception as err:  # noqa: BLE001 - one line, never a traceback
        fail(err)
    if format == "json":
        print_json(report)
    else:
        stdout.print(render_table(report))


@eval_app.command("rubric")
def rubric(
    split: str = typer.Option("test", "--split", help="Which notices: test (held out), train or all."),
    batch: str = typer.Option(
        "all", "--batch", help="Annotation batch: all, first (16 notices) or second (8 added 2026-11-23)."
    ),
    details: bool = typer.Option(False, "--details", help="List unmatched gold and unmatched compiled items."),
    format: str = typer.Option("table", "--format", help="table (rich) or json."),
    corpus: Path | None = typer.Option(
        None, "--corpus", help="Another gold-checklist folder with its own split.yaml (default corpora/gold/rubrics)."
    ),
) -> None:
    """Rubric compilation vs the gold checklists of real notices (corpora/gold/rubrics): item P/R per kind, parent accuracy."""
    from rich.progress import track

    from pipeline.cli.common import fail, print_json, stderr, stdout
    from pipeline.errors import UsageError
    from pipeline.eval.rubrics import evaluate, render_tables

    if split not in ("test", "train", "all"):
        fail(UsageError(detail=f"--split must be test, train or all; got {split!r}"))
    if format not in ("table", "json"):
        fail(UsageError(detail=f"--format must be table or json; got {format!r}"))
    if batch not in ("all", "first", "second"):
        fail(UsageError(detail=f"--batch must be all, first or second; got {batch!r}"))

    def progress(ids: list[str]) -> object:
        return track(ids, description="compiling notices", console=stderr, transient=True)

    folder = {} if corpus is None else {"gold_dir": corpus, "split_file": corpus / "split.yaml"}
    if corpus is not None and not (corpus / "split.yaml").is_file():
        fail(UsageError(detail=f"{corpus}: no split.yaml in this gold-checklist folder"))
    try:
        report = evaluate(split, batch=batch, details=details, progress=progress, **folder)  # type: ignore[arg-type]
    except Exception as err:  # noqa: BLE001 - one line, never a traceback
        fail(err)
    if format == "json":
        print_json(report)
    else:
        for renderable in render_tables(report, details=details):
            stdout.print(renderable)
