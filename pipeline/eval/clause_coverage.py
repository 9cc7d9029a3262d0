"""Which amounts and deadlines fall in no clause, and what kind of line holds them.

Researchers find amounts through their clause (``policylens query --min-amount``
joins amounts to clauses); an amount whose ``clause`` is None is invisible to
them. Gold clause files cannot measure this (they quote sentences, not amounts),
so this diagnostic counts the orphans over any set of texts and sorts them by
the shape of the line they sit on, which is what a segmentation fix targets:
form lines ("申报时间：2025年8月11日至8月22日"), table rows, lead-ins ending in
"：", headings, furniture.

Run: ``python -m pipeline.eval.clause_coverage [--bulk-sample N] [--examples K] [PATH…]``
(default: the real corpus, the seeds and a fixed sample of the bulk corpus). Test-split
documents are counted but their lines are never shown: nobody may tune a rule on them.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.model import BlockKind, Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpora" / "seeds"
SHARED = ROOT.parent / "shared" / "corpus"

_FORM_LINE = re.compile(r"^[^，。；：:]{1,12}[：:]\s*\S")


@dataclass(slots=True)
class Coverage:
    """Counts of amounts/deadlines, the uncovered ones by category, and examples."""

    docs: int = 0
    amounts: int = 0
    deadlines: int = 0
    amounts_uncovered: int = 0
    deadlines_uncovered: int = 0
    categories: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    failed: list[str] = field(default_factory=list)


def _line_at(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def categorise(doc: Document, start: int) -> str:
    """The shape of the line holding an uncovered span at ``start`` (why no clause took it)."""
    from pipeline.extract.clauses import _is_heading_line, _number_prefix, segment_rules

    rules = segment_rules()
    ls, le = _line_at(doc.text, start)
    line = doc.text[ls:le].strip()
    for b in doc.blocks:
        if (
            b.kind in (BlockKind.TABLE, BlockKind.TABLE_CELL)
            and b.start is not None
            and b.start <= start < (b.end or 0)
        ):
            return "table"
    if "\t" in doc.text[ls:le]:
        return "table"
    if any(p.search(line) for p in rules.furniture):
        return "furniture"
    if any(c.start < le and ls < c.end for c in doc.clauses):
        return "line_partly_covered"  # e.g. a run-in title, or trimmed edges
    if line.endswith(("：", ":")):
        return "leadin"
    if _FORM_LINE.match(line[_number_prefix(line, rules) :]):
        return "form_line"
    if _is_heading_line(line, rules):
        return "heading"
    return "other"


def _test_paths() -> set[Path]:
    from pipeline.eval.gold import load_split

    try:
        return {p.resolve() for p in load_split("test").values()}
    except Exception:  # noqa: BLE001 - no split file: nothing to hide
        return set()


def measure(paths: Iterable[Path], examples: int = 3) -> Coverage:
    from pipeline.api import extract

    cov = Coverage()
    held_out = _test_paths()
    for path in paths:
        try:
            doc = extract(path)
        except Exception as err:  # noqa: BLE001 - a diagnostic reports and goes on
            cov.failed.append(f"{path.name}: {err}")
            continue
        cov.docs += 1
        for kind, items in (("amount", doc.amounts), ("deadline", doc.deadlines)):
            for item in items:
                if kind == "amount":
                    cov.amounts += 1
                else:
                    cov.deadlines += 1
                if item.clause is not None:
                    continue
                if kind == "amount":
                    cov.amounts_uncovered += 1
                else:
                    cov.deadlines_uncovered += 1
                cat = categorise(doc, item.start)
                cov.categories[f"{kind}:{cat}"] += 1
                ls, le = _line_at(doc.text, item.start)
                line = (
                    "(test-split document: line withheld)"
                    if path.resolve() in held_out
                    else doc.text[ls:le].strip()[:90]
                )
                if len(cov.examples[f"{kind}:{cat}"]) < examples:
                    cov.examples[f"{kind}:{cat}"].append(f"{path.parent.name}/{path.name}: {line}")
    return cov


def bulk_sample(n: int) -> list[Path]:
    """A fixed, evenly spread sample of the bulk corpus (MANIFEST order), same every run."""
    manifest = SHARED / "bulk" / "MANIFEST.csv"
    if not manifest.exists() or n <= 0:
        return []
    with manifest.open(encoding="utf-8") as fh:
        files = [row["file"] for row in csv.DictReader(fh)]
    step = max(1, len(files) // n)
    return [SHARED / "bulk" / f for f in files[::step][:n]]


def default_paths(bulk: int) -> list[Path]:
    return sorted((SHARED / "real").glob("*.txt")) + sorted(SEEDS.glob("*.txt")) + bulk_sample(bulk)


def main(argv: list[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--bulk-sample", type=int, default=150)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    paths = args.paths or default_paths(args.bulk_sample)
    from rich.progress import track

    console = Console()
    cov = measure(track(paths, description="extracting", console=console, transient=True), args.examples)
    console.print(
        f"docs {cov.docs}  amounts {cov.amounts} (no clause {cov.amounts_uncovered})  "
        f"deadlines {cov.deadlines} (no clause {cov.deadlines_uncovered})"
    )
    table = Table("category", "count", "examples")
    for cat, n in cov.categories.most_common():
        table.add_row(cat, str(n), "\n".join(cov.examples[cat]))
    console.print(table)
    for f in cov.failed:
        console.print(f"[red]failed[/red] {f}")


if __name__ == "__main__":
    main()


__all__ = ["Coverage", "bulk_sample", "categorise", "measure"]
