"""Command: ``policylens demo --out DIR`` — the main job on bundled material only.

What `make demo` runs on a fresh machine: screen the bundled sample dossiers
(corpora/samples/dossiers) against the bundled seed notice 000, print the
ranking and where the reports are, then extract seed 004 and print its
reward amounts and deadlines. Nothing is downloaded; nothing outside the
repository is read.
"""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli.app import app
from pipeline.cli.common import fail, stderr, stdout

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpora" / "samples" / "dossiers"
NOTICE = ROOT / "corpora" / "seeds" / "000_3152260086050f01.txt"
OPINIONS = ROOT / "corpora" / "seeds" / "004_8ce19e87db4bba9c.txt"
MAX_ROWS = 15


def _yuan(value: float | None) -> str:
    if value is None:
        return ""
    if value >= 1e8 and value % 1e6 == 0:
        return f"{value / 1e8:g} 亿元"
    if value >= 1e4:
        return f"{value / 1e4:g} 万元"
    return f"{value:g} 元"


def _extract_part() -> None:
    from rich.table import Table

    try:
        from pipeline.api import extract

        with stderr.status(f"extracting {OPINIONS.name}…"):
            doc = extract(OPINIONS)
    except Exception as err:  # noqa: BLE001 - the extraction stages may not be installed yet
        stdout.print(
            f"(skipping the extraction part: {type(err).__name__}: {str(err).splitlines()[0][:160]})",
            markup=False,
            highlight=False,
        )
        return
    rewards = [a for a in doc.amounts if a.role == "reward"] or [
        a for a in doc.amounts if a.role != "threshold"
    ]
    table = Table(title=f"{doc.meta.title or OPINIONS.name}: 奖励金额（{len(rewards)}）")
    table.add_column("金额原文")
    table.add_column("数值", justify="right")
    table.add_column("类型")
    table.add_column("所在条款", overflow="fold")
    for a in rewards[:MAX_ROWS]:
        clause = doc.clause_at(a.start)
        context = clause.text if clause else doc.text[max(0, a.start - 30) : a.end + 10]
        value = (
            f"{a.percent:g}%" if a.percent is not None else _yuan(a.value if a.value is not None else a.cap)
        )
        table.add_row(a.text, value, a.kind, context.replace("\n", " ")[:60])
    stdout.print(table)
    if len(rewards) > MAX_ROWS:
        stdout.print(
            f"… and {len(rewards) - MAX_ROWS} more (policylens extract {OPINIONS})",
            markup=False,
            highlight=False,
        )
    dl = Table(title=f"期限（{len(doc.deadlines)}）")
    dl.add_column("原文", overflow="fold")
    dl.add_column("日期")
    dl.add_column("类型")
    for d in doc.deadlines[:MAX_ROWS]:
        due = d.date or (f"{d.duration.value:g} {d.duration.unit}" if d.duration else (d.recurrence or ""))
        dl.add_row(d.text, due, d.kind)
    stdout.print(dl)


@app.command("demo")
def demo_cmd(
    out: Path = typer.Option(Path("demo-out"), "--out", "-o", help="Where to write the reports."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="Parallel worker processes."),
) -> None:
    """Screen the bundled sample dossiers against seed notice 000, then extract seed 004."""
    from pipeline.report import summary_table
    from pipeline.screen import screen

    for needed in (SAMPLES, NOTICE):
        if not needed.exists():
            from pipeline.errors import FileMissingError

            fail(FileMissingError(needed))
    stdout.print(
        f"Screening {SAMPLES.relative_to(ROOT)} against {NOTICE.relative_to(ROOT)} …",
        markup=False,
        highlight=False,
    )
    try:
        with stderr.status("screening sample dossiers…"):
            summary = screen(SAMPLES, NOTICE, out, workers=workers)
    except Exception as err:  # noqa: BLE001 - one line, not a traceback
        fail(err, str(SAMPLES))
        return
    stdout.print(summary_table(summary.rows, title="示例申报材料初筛（第二批外贸转型升级试点县）"))
    for applicant, line in summary.failures:
        stdout.print(f"  unreadable file in {applicant}: {line}", markup=False, highlight=False)
    stdout.print(
        f"Reports: {out / 'index.html'} (one HTML per applicant in {out / 'reports'}), "
        f"{summary.summary_xlsx}, {summary.summary_json}",
        markup=False,
        highlight=False,
    )
    stdout.print()
    _extract_part()
