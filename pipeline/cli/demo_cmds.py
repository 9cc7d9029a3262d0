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
from pipeline.cli.formatting import amounts_summary, deadline_summary

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpora" / "samples" / "dossiers"
NOTICE = ROOT / "corpora" / "seeds" / "000_3152260086050f01.txt"
OPINIONS = ROOT / "corpora" / "seeds" / "004_8ce19e87db4bba9c.txt"
MAX_ROWS = 15


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
    data = doc.to_dict()
    by_clause: dict[str, list[dict]] = {}
    for a in data["amounts"]:
        by_clause.setdefault(a.get("clause") or "", []).append(a)
    # one row per clause that gives money: a researcher reads "5亿→30万" as one rule, not four amounts
    reward_clauses = [c for c in data["clauses"] if c["kind"] == "funding_reward" and c["id"] in by_clause]
    table = Table(title=f"{doc.meta.title or OPINIONS.name}: 奖励条款（{len(reward_clauses)}）")
    table.add_column("条款", overflow="fold", ratio=3)
    table.add_column("金额（归一化；档位为 门槛→奖励）", overflow="fold", ratio=2)
    for c in reward_clauses[:MAX_ROWS]:
        table.add_row(_short(c["text"], 70), amounts_summary(by_clause[c["id"]]))
    stdout.print(table)
    if len(reward_clauses) > MAX_ROWS:
        stdout.print(
            f"… and {len(reward_clauses) - MAX_ROWS} more (policylens extract {OPINIONS})",
            markup=False,
            highlight=False,
        )
    dl = Table(title=f"期限（{len(doc.deadlines)}）")
    dl.add_column("原文", overflow="fold")
    dl.add_column("归一化")
    dl.add_column("谁", overflow="fold")
    dl.add_column("做什么", overflow="fold")
    for d in data["deadlines"][:MAX_ROWS]:
        dl.add_row(d["text"], deadline_summary(d), d.get("actor") or "", d.get("action") or "")
    stdout.print(dl)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
