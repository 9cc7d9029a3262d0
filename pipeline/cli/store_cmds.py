"""Commands: ``index``, ``query``, ``stats``, ``export``, ``browse`` — the researchers' clause store."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from pipeline.cli.app import app
from pipeline.cli.common import OutputFormat, fail, stderr, stdout
from pipeline.cli.formatting import amounts_summary, deadline_summary
from pipeline.errors import PolicyLensError

DB_OPTION = typer.Option("policylens.db", "--db", help="SQLite store file.")


@app.command("index")
def index_cmd(
    paths: list[str] = typer.Argument(..., help="Files, folders or zips to index."),
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes (local) or Dask workers."),
    engine: str = typer.Option("local", "--engine", help="local | dask"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786)."),
    parquet: Path | None = typer.Option(None, "--parquet", help="With --engine dask: Parquet output folder."),
) -> None:
    """Index documents into the store; unchanged files (same sha256) are skipped."""
    from pipeline.store.indexer import index

    if engine not in ("local", "dask"):
        fail(PolicyLensError(detail=f"--engine must be 'local' or 'dask'; got {engine!r}"))
    try:
        with Progress(
            TextColumn("[bold]indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), console=stderr, transient=True,
        ) as progress:
            task = progress.add_task("", total=None)

            def on_progress(res, n: int, total: int) -> None:
                progress.update(task, completed=n, total=total, description=escape(Path(res.path).name[:40]))

            report = index(paths, db, workers=workers, engine=engine, scheduler=scheduler,
                           parquet_dir=parquet, on_progress=on_progress)
    except PolicyLensError as err:
        fail(err)
    stderr.print(
        f"indexed {report.indexed} files ({report.documents} documents), skipped {report.skipped} unchanged, "
        f"{len(report.failures)} failed, in {report.seconds:.1f} s → {db}",
        markup=False, highlight=False,
    )
    if report.failures:
        stderr.print(f"{len(report.failures)} files failed:", markup=False, highlight=False)
        for _, line in report.failures:
            stderr.print(f"  {line}", markup=False, highlight=False)
        raise typer.Exit(3)


@app.command("query")
def query_cmd(
    text: str | None = typer.Argument(None, help="Text the clause must contain (any length; Chinese ok)."),
    db: Path = DB_OPTION,
    kind: str | None = typer.Option(None, "--kind", help="Clause kind, e.g. funding_reward, deadline."),
    min_amount: float | None = typer.Option(None, "--min-amount", help="Clause states an amount ≥ this (yuan)."),
    max_amount: float | None = typer.Option(None, "--max-amount", help="Clause states an amount ≤ this (yuan)."),
    currency: str | None = typer.Option(None, "--currency", help="CNY, USD, …"),
    deadline_after: str | None = typer.Option(None, "--deadline-after", help="yyyy-mm-dd"),
    deadline_before: str | None = typer.Option(None, "--deadline-before", help="yyyy-mm-dd"),
    issuer: str | None = typer.Option(None, "--issuer", help="Issuer name contains this (e.g. 山东)."),
    year: str | None = typer.Option(None, "--year", help="2019, 2019:2021, 2019: or :2021"),
    cites: str | None = typer.Option(None, "--cites", help="Cites this 文号 or title (鲁商字〔2018〕191号)."),
    doc: str | None = typer.Option(None, "--doc", help="Document path, title or 文号 contains this."),
    limit: int = typer.Option(50, "--limit", help="Maximum rows."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Find clauses by text, kind, amounts, deadlines, issuer, year and citations."""
    from pipeline.store import Store

    try:
        frame = Store(db).query(
            text, kind=kind, min_amount=min_amount, max_amount=max_amount, currency=currency,
            deadline_after=deadline_after, deadline_before=deadline_before, issuer=issuer, year=year,
            cites=cites, doc=doc, limit=limit,
        )
    except PolicyLensError as err:
        fail(err)
    records = frame.to_dict(orient="records")
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt is OutputFormat.csv:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["title", "doc_number", "issuer", "date", "section_path", "kind", "text", "amounts", "deadlines", "path"])
        for r in records:
            writer.writerow([r["title"], r["doc_number"], r["issuer"], r["date"], r["section_path"], r["kind"],
                             r["text"], amounts_summary(r["amounts"]), _deadlines_summary(r["deadlines"]), r["path"]])
        sys.stdout.write(buf.getvalue())
    else:
        _print_table(records, text)


def _deadlines_summary(deadlines: list[dict]) -> str:
    return "; ".join(deadline_summary(d) for d in deadlines)


def _print_table(records: list[dict], text: str | None) -> None:
    table = Table(show_lines=True, title=f"{len(records)} clauses")
    table.add_column("document", ratio=2, overflow="fold")
    table.add_column("section", ratio=2, overflow="fold")
    table.add_column("kind", overflow="fold")
    table.add_column("clause", ratio=5, overflow="fold")
    table.add_column("amounts / deadlines", ratio=2, overflow="fold")
    for r in records:
        clause = escape(r["text"])
        if text and r.get("match_start") is not None and r["match_start"] >= 0:
            s = r["match_start"]
            clause = escape(r["text"][:s]) + "[black on yellow]" + escape(r["text"][s : s + len(text)]) + "[/]" + escape(r["text"][s + len(text):])
        doc = "\n".join(x for x in (r["title"] or Path(r["path"]).name, r["doc_number"], r["issuer"], r["date"]) if x)
        extras = "\n".join(x for x in (amounts_summary(r["amounts"]), _deadlines_summary(r["deadlines"])) if x)
        table.add_row(escape(doc), escape(r["section_path"] or ""), r["kind"], clause, escape(extras))
    stdout.print(table)


@app.command("stats")
def stats_cmd(
    db: Path = DB_OPTION,
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """Counts of documents and clauses by kind, issuer and year."""
    from pipeline.store import Store

    try:
        stats = Store(db).stats()
    except PolicyLensError as err:
        fail(err)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps({k: v.to_dict(orient="records") for k, v in stats.items()}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        for name, frame in stats.items():
            sys.stdout.write(f"# {name}\n{frame.to_csv(index=False)}")
        return
    for name, frame in stats.items():
        table = Table(title=f"by {name}" if name != "totals" else "totals")
        for col in frame.columns:
            table.add_column(str(col), justify="right" if frame[col].dtype.kind in "iuf" else "left")
        for row in frame.head(30).itertuples(index=False):
            table.add_row(*[escape(str(v)) for v in row])
        stdout.print(table)


@app.command("export")
def export_cmd(
    out: Path = typer.Argument(..., help="Folder for the Parquet files."),
    db: Path = DB_OPTION,
    by_year: bool = typer.Option(False, "--by-year", help="Write year-partitioned datasets."),
) -> None:
    """Write every table as Parquet (pandas, DuckDB and Dask read them directly)."""
    from pipeline.store import Store

    try:
        written = Store(db).export(out, partition_by_year=by_year)
    except PolicyLensError as err:
        fail(err)
    for path in written:
        stdout.print(str(path), markup=False, highlight=False)


@app.command("browse")
def browse_cmd(
    db: Path = DB_OPTION,
    port: int = typer.Option(8001, "--port"),
    host: str = typer.Option("127.0.0.1", "--host"),
) -> None:
    """Open the store in Datasette on localhost (views and canned queries included)."""
    from pipeline.store.browse import serve

    try:
        serve(db, host=host, port=port)
    except PolicyLensError as err:
        fail(err)
