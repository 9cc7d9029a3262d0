"""Commands: ``policylens screen`` (batch pre-screening) and ``policylens eval plans``.

Thin layer over :func:`pipeline.screen.screen` and :mod:`pipeline.eval.plans`:
option checking, a progress bar, the summary table, clean one-line errors.
"""

from __future__ import annotations

import math
from pathlib import Path

import typer

from pipeline.cli.app import app
from pipeline.cli.common import OutputFormat, fail, print_json, stderr, stdout
from pipeline.cli.eval_cmds import eval_app
from pipeline.errors import BatchFailedError, PolicyLensError, UsageError


def _rubric_arg(notice: Path | None, rubric: Path | None) -> Path:
    if (notice is None) == (rubric is None):
        raise UsageError(
            detail="give exactly one of --notice NOTICE (a 申报通知 to compile) or --rubric RUBRIC.yaml"
        )
    return notice if notice is not None else rubric  # type: ignore[return-value]


@app.command("screen")
def screen_cmd(
    dossiers: Path = typer.Argument(
        ..., help="Folder or zip of dossiers: one sub-folder or zip per applicant."
    ),
    notice: Path | None = typer.Option(
        None, "--notice", "-n", help="The 申报通知 the plans answer (compiled to a checklist)."
    ),
    rubric: Path | None = typer.Option(
        None, "--rubric", "-r", help="A checklist YAML (from `policylens rubric`), instead of --notice."
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output folder: summary.json, summary.xlsx, index.html, reports/*.html."
    ),
    workers: int = typer.Option(
        2, "--workers", "-w", min=1, help="Parallel worker processes (1 = in this process)."
    ),
    fmt: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table (default), json or csv summary on stdout."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Exit 3 when any file of any dossier could not be read."
    ),
) -> None:
    """Pre-screen a batch of application dossiers against a notice's checklist.

    Each applicant's plan is found by content; materials in other files are
    credited; unreadable files are listed in the reports and the summary.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline.report import summary_table
    from pipeline.screen import as_rubric, screen

    try:
        source = _rubric_arg(notice, rubric)
        if not source.exists():
            from pipeline.errors import FileMissingError

            raise FileMissingError(source)
        rub = as_rubric(source)
        progress = Progress(
            TextColumn("[bold]screening"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=stderr,
            transient=True,
        )
        with progress:
            task = progress.add_task("", total=None)
            summary = screen(
                dossiers,
                rub,
                out,
                workers=workers,
                on_start=lambda n: progress.update(task, total=n),
                on_progress=lambda name: progress.update(task, advance=1, description=name),
            )
    except typer.Exit:
        raise
    except (PolicyLensError, OSError) as err:
        fail(err, str(dossiers))
        return
    except Exception as err:  # noqa: BLE001 - an internal error is one line, not a traceback
        fail(err, str(dossiers))
        return
    if fmt == OutputFormat.json:
        print_json(summary.to_dict(include_results=False))
    elif fmt == OutputFormat.csv:
        _write_csv(
            [
                "rank",
                "applicant",
                "plan_file",
                "score",
                "missing_items",
                "empty_items",
                "flags_count",
                "errors",
            ],
            summary.rows,
        )
    else:
        stdout.print(summary_table(summary.rows))
        stdout.print(
            f"reports: {summary.out_dir / 'index.html'}  ·  {summary.summary_xlsx}  ·  {summary.summary_json}",
            markup=False,
            highlight=False,
        )
    if summary.failures:
        stderr.print(
            f"{len(summary.failures)} file(s) could not be read (listed in the reports):", markup=False
        )
        for applicant, line in summary.failures:
            stderr.print(f"  {applicant}: {line}", markup=False, highlight=False)
        if strict:
            err = BatchFailedError(detail=f"{len(summary.failures)} unreadable file(s)")
            stderr.print(str(err), markup=False)
            raise typer.Exit(err.exit_code)


def _write_csv(columns: list[str], rows: list[dict]) -> None:
    """Rows as CSV on stdout; list values joined with '；' so a cell stays one cell."""
    import csv
    import sys

    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for r in rows:
        writer.writerow(
            ["；".join(map(str, v)) if isinstance(v, list) else v for v in (r.get(c) for c in columns)]
        )


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return "n/a" if math.isnan(v) else f"{v:.3f}"
    return str(v)


@eval_app.command("plans")
def eval_plans_cmd(
    split: str = typer.Option("test", "--split", "-s", help="train, test (default) or all."),
    fmt: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table, json or csv (one row per plan)."
    ),
    details: bool = typer.Option(False, "--details", help="List every disagreement with the gold."),
    corpus: Path | None = typer.Option(
        None, "--corpus", help="Another gold-plan folder, e.g. corpora/plans_holdout (default corpora/plans)."
    ),
) -> None:
    """Plan checker vs. the gold plans in corpora/plans (missing/empty F1, status accuracy, score Spearman)."""
    from rich.table import Table

    from pipeline.eval.plans import TARGETS, evaluate_plans

    try:
        with stderr.status("checking gold plans…"):
            report = evaluate_plans(split, corpus=corpus)
    except (PolicyLensError, ValueError) as err:
        fail(err if isinstance(err, PolicyLensError) else UsageError(detail=str(err)))
        return
    summary = report.summary()
    if fmt == OutputFormat.json:
        print_json(report.to_dict())
        return
    if fmt == OutputFormat.csv:
        rows = [
            {**p, "unmatched": len(p["unmatched"]), "disagreements": len(p["disagreements"])}
            for p in report.to_dict()["plans"]
        ]
        _write_csv(["plan", "gold_score", "checker_score", "unmatched", "disagreements", "error"], rows)
        return
    table = Table(
        title=f"eval plans — split {split} ({summary['plans']} plans, {summary['items']} gold items)"
    )
    for col in ("metric", "value", "target"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for key in (
        "missing_empty_precision",
        "missing_empty_recall",
        "missing_empty_f1",
        "section_accuracy",
        "subrequirement_accuracy",
        "spearman",
        "mad",
        "unmatched_gold_items",
    ):
        target = TARGETS.get(key)
        value = summary[key]
        ok = None
        if target is not None and isinstance(value, float) and not math.isnan(value):
            ok = value <= target if key == "mad" else value >= target
        mark = "" if ok is None else (" [green]✓[/]" if ok else " [red]✗[/]")
        table.add_row(
            key, _fmt(value) + mark, ("≤ " if key == "mad" else "≥ ") + _fmt(target) if target else ""
        )
    stdout.print(table)
    per = Table(title="per plan")
    for col in ("plan", "gold", "checker", "unmatched", "disagreements"):
        per.add_column(col, justify="left" if col == "plan" else "right")
    for p in report.to_dict()["plans"]:
        per.add_row(
            p["plan"],
            _fmt(p["gold_score"]),
            _fmt(p["checker_score"]) if p["checker_score"] is not None else p["error"] or "—",
            str(len(p["unmatched"])),
            str(len(p["disagreements"])),
        )
    stdout.print(per)
    conf = Table(title="gold status (rows) × checker status (columns)")
    conf.add_column("gold \\ checker")
    cols = ["present", "partial", "empty", "missing", "unmatched"]
    for c in cols:
        conf.add_column(c, justify="right")
    for gold, row in report.confusion().items():
        conf.add_row(gold, *[str(row.get(c, 0)) for c in cols])
    stdout.print(conf)
    if details:
        for p in report.to_dict()["plans"]:
            for d in p["disagreements"]:
                stdout.print(
                    f"{p['plan']}: {d['item']}: gold {d['gold']}, checker {d['checker']}",
                    markup=False,
                    highlight=False,
                )
    if summary["failed_plans"]:
        stderr.print(f"checker failed on: {', '.join(summary['failed_plans'])}", markup=False)
