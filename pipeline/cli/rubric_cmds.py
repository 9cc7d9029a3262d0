"""Commands: ``policylens rubric`` (notice -> checklist YAML) and ``policylens check`` (screen one plan)."""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import Any

import typer

from pipeline.cli.app import app
from pipeline.cli.common import fail, print_json, stdout
from pipeline.errors import UsageError


class RubricFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    table = "table"


class CheckFormat(StrEnum):
    json = "json"
    table = "table"
    html = "html"
    xlsx = "xlsx"


@app.command("rubric")
def rubric_cmd(
    notice: str = typer.Argument(..., help="The notice (申报通知) to compile: txt, docx, pdf ..."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the rubric YAML here."),
    fmt: RubricFormat = typer.Option(
        RubricFormat.yaml, "--format", "-f", help="yaml, json or table (stdout)."
    ),
) -> None:
    """Compile a notice into an editable checklist: materials, plan sections, sub-requirements."""
    try:
        from pipeline.rubric import compile_rubric

        rubric = compile_rubric(notice)
        if output is not None:
            rubric.to_yaml(output)
            stdout.print(f"wrote {output} ({len(rubric.items)} items)", markup=False, highlight=False)
            return
        if fmt == RubricFormat.json:
            print_json(rubric.to_dict())
        elif fmt == RubricFormat.table:
            _rubric_table(rubric)
        else:
            typer.echo(rubric.to_yaml(), nl=False)
    except typer.Exit:
        raise
    except BaseException as err:  # noqa: BLE001 - one line, distinct exit code
        fail(err, notice)


def _rubric_table(rubric: Any) -> None:
    from rich.table import Table

    table = Table(title=f"rubric: {rubric.source}")
    for col in ("id", "kind", "check", "weight", "scope", "name"):
        table.add_column(col)
    for i in rubric.items:
        table.add_row(i.id, i.kind, i.check, f"{i.weight:g}", i.scope, i.name)
    stdout.print(table)


@app.command("check")
def check_cmd(
    plan: str = typer.Argument(..., help="The plan (实施方案) to screen: txt, docx, pdf ..."),
    notice: str | None = typer.Option(None, "--notice", "-n", help="Notice to compile the checklist from."),
    rubric: Path | None = typer.Option(
        None, "--rubric", "-r", help="A rubric YAML (from `policylens rubric`)."
    ),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table, json, html or xlsx."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write the report here (html/xlsx need it)."
    ),
) -> None:
    """Screen one plan against a notice's checklist: status per item, evidence, score 0-100."""
    try:
        if (notice is None) == (rubric is None):
            raise UsageError(detail="give exactly one of --notice NOTICE or --rubric RUBRIC.yaml")
        from pipeline.check import check
        from pipeline.rubric import compile_rubric, load_rubric

        rub = load_rubric(rubric) if rubric is not None else compile_rubric(notice)  # type: ignore[arg-type]
        result = check(plan, rub)
        if fmt == CheckFormat.json:
            if output is not None:
                import json

                output.write_text(
                    json.dumps(result.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
                )
            else:
                print_json(result.to_dict())
        elif fmt == CheckFormat.table:
            _result_table(result)
        else:
            _render_report(result, fmt.value, output, plan)
    except typer.Exit:
        raise
    except BaseException as err:  # noqa: BLE001
        fail(err, plan)


def _result_table(result: Any) -> None:
    from rich.table import Table

    style = {"present": "green", "partial": "yellow", "empty": "red", "missing": "red"}
    table = Table(title=f"{result.plan}: score {result.score:.1f}/100")
    for col in ("id", "name", "status", "points", "reason"):
        table.add_column(col)
    for i in result.items:
        table.add_row(
            i.id, i.name[:30], f"[{style[i.status]}]{i.status}[/]", f"{i.contribution:.1f}", i.reason[:80]
        )
    stdout.print(table)
    for flag in result.flags:
        stdout.print(f"- {flag}", markup=False, highlight=False)


def _render_report(result: Any, fmt: str, output: Path | None, plan: str) -> None:
    """html/xlsx come from pipeline.report (the report renderers)."""
    if output is None:
        raise UsageError(detail=f"--format {fmt} writes a file; add -o REPORT.{fmt}")
    try:
        report = import_module("pipeline.report")
    except ImportError:
        raise UsageError(detail=f"--format {fmt} needs the report renderers (pipeline.report)") from None
    if fmt == "html":
        from pipeline.check.plan_parser import load_document

        report.render_html(result, load_document(plan).text, output)  # evidence offsets index this text
    else:
        report.render_xlsx(result, output)
    stdout.print(f"wrote {output}", markup=False, highlight=False)
