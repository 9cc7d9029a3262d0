"""Command: ``policylens extract`` — the full analysis of files as JSON, tables or CSV.

JSON for one document is ``Document.to_dict()`` (documented by
``pipeline/data/schema/document.schema.json``); several documents give a JSON
list, or one object per line with ``--jsonl`` (streamed as each finishes).
``table`` shows clauses by kind, amounts and deadlines; ``csv`` has one row
per clause with the amounts and deadlines found inside it.

Odd but readable input (a notice with no headings, text without dates, a
table-only file) gives valid output with empty lists; unreadable input is one
line on stderr while the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import typer

from pipeline.cli.app import app
from pipeline.cli.common import OutputFormat, finish_batch, print_json, run_batch, stdout
from pipeline.cli.formatting import amount_figure, amount_summary, deadline_summary
from pipeline.model import Document

CSV_COLUMNS = (
    "source", "clause", "kind", "confidence", "section", "start", "end", "text", "amounts", "deadlines",
)


def analyse_document(doc: Document) -> Document:
    from pipeline.stages import analyse

    return analyse(doc)


def _label(doc: Document) -> str:
    return doc.source.display_name


def clause_rows(data: dict[str, Any], confidence: dict[str, float | None] | None = None) -> list[dict[str, Any]]:
    """One dict per clause with the amounts/deadlines whose start lies inside it."""
    confidence = confidence or {}
    rows = []
    for c in data["clauses"]:
        def inside(x: dict[str, Any], c: dict[str, Any] = c) -> bool:
            return c["start"] <= x["start"] < c["end"]

        rows.append(
            {
                "source": data["source"]["path"] + (f"!{data['source']['member']}" if data["source"].get("member") else ""),
                "clause": c["id"],
                "kind": c["kind"],
                "confidence": confidence.get(c["id"]),
                "section": c["section"] or "",
                "start": c["start"],
                "end": c["end"],
                "text": c["text"],
                "amounts": "; ".join(amount_summary(a) for a in data["amounts"] if inside(a)),
                "deadlines": "; ".join(deadline_summary(d) for d in data["deadlines"] if inside(d)),
            }
        )
    return rows


def print_tables(data: dict[str, Any]) -> None:
    from rich.table import Table

    title = data["meta"].get("title") or data["source"]["path"]
    stdout.print(f"[bold]{title}[/bold]  ({data['source']['path']})", highlight=False)
    clauses = Table(title="Clauses by kind", show_lines=False)
    for col in ("kind", "id", "section", "text"):
        clauses.add_column(col, overflow="fold")
    for c in sorted(data["clauses"], key=lambda c: (c["kind"], c["start"])):
        text = c["text"].replace("\n", " ")
        clauses.add_row(c["kind"], c["id"], c["section"] or "", text if len(text) <= 120 else text[:119] + "…")
    stdout.print(clauses)
    amounts = Table(title="Amounts")
    for col in ("text", "kind", "normalised", "tier", "clause"):
        amounts.add_column(col, overflow="fold")
    for a in data["amounts"]:
        tier = f"{a['tier_group']}#{a['tier_index']} {a.get('role') or ''}" if a.get("tier_group") else ""
        amounts.add_row(a["text"], a.get("kind") or "", amount_figure(a), tier.strip(), a.get("clause") or "")
    stdout.print(amounts)
    deadlines = Table(title="Deadlines")
    for col in ("text", "when", "actor", "action"):
        deadlines.add_column(col, overflow="fold")
    for d in data["deadlines"]:
        deadlines.add_row(d["text"], deadline_summary(d), d.get("actor") or "", d.get("action") or "")
    stdout.print(deadlines)


@app.command("extract")
def extract_cmd(
    files: list[str] = typer.Argument(..., help="Files, folders or zip dossiers to analyse; '-' reads stdin."),
    fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, table or csv."),
    jsonl: bool = typer.Option(False, "--jsonl", help="With json: one document per line, printed as each finishes."),
    blocks: bool = typer.Option(False, "--blocks", help="With json: include the layout blocks."),
    max_bytes: int | None = typer.Option(None, "--max-bytes", help="Refuse input files larger than this many bytes."),
    timeout: int | None = typer.Option(None, "--timeout", help="Seconds allowed for one LibreOffice conversion."),
) -> None:
    """Analyse documents: structure, typed clauses, amounts in yuan and deadlines."""
    from pipeline.cli.ingest_cmds import _limits, work_items

    items = work_items(list(files), _limits(max_bytes, timeout))
    loaders = {str(i): (label, loader) for i, (label, loader) in enumerate(items)}
    collected: list[dict[str, Any]] = []
    writer: csv.DictWriter | None = None
    if fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()

    def process(key: str) -> None:
        _, loader = loaders[key]
        for doc in loader():
            doc = analyse_document(doc)
            data = doc.to_dict(include_blocks=blocks)
            if fmt is OutputFormat.json and jsonl:
                sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
                sys.stdout.flush()
            elif fmt is OutputFormat.json:
                collected.append(data)
            elif fmt is OutputFormat.table:
                print_tables(data)
            elif writer is not None:
                writer.writerows(clause_rows(data, {c.id: c.confidence for c in doc.clauses}))
                sys.stdout.flush()

    # run_batch reports failures by the item it was given: give it the label (made unique)
    labels: dict[str, str] = {}
    for key, (label, _) in loaders.items():
        labels[label if label not in labels else f"{label}#{key}"] = key
    result = run_batch(list(labels), lambda label: process(labels[label]))
    if fmt is OutputFormat.json and not jsonl and (collected or result.ok):
        print_json(collected[0] if len(collected) == 1 and len(loaders) == 1 else collected)
    finish_batch(result, "documents")
