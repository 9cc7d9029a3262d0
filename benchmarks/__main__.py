"""Run every benchmark module and print one rich table per module.

Usage: python -m benchmarks [--quick] [NAME ...]   (NAME = module suffix, e.g. amounts)
Results also go to bench-out/results.json for the README.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import time
import traceback
from pathlib import Path

from rich.console import Console
from rich.table import Table

import benchmarks


def _modules(names: list[str]) -> list[str]:
    found = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    if names:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in names}
        found = [m for m in found if m in wanted]
    return found


def _table(title: str, rows: list[dict]) -> Table:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, justify="right" if col not in ("name", "metric", "engine", "case") else "left")
    for row in rows:
        table.add_row(*[_fmt(row.get(c)) for c in columns])
    return table


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    console = Console()
    results: dict[str, object] = {}
    failed = 0
    for name in _modules(args.names):
        started = time.perf_counter()
        console.rule(name)
        try:
            rows = importlib.import_module(f"benchmarks.{name}").run(quick=args.quick)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            failed += 1
            console.print(f"[red]{name} failed: {type(exc).__name__}: {exc}[/red]")
            traceback.print_exc()
            continue
        console.print(_table(f"{name} ({time.perf_counter() - started:.1f} s)", rows))
        results[name] = rows
    out = Path("bench-out")
    out.mkdir(exist_ok=True)
    previous = out / "results.json"
    if previous.exists():  # a run of some modules keeps the others' last results
        try:
            results = {**json.loads(previous.read_text(encoding="utf-8")), **results}
        except ValueError:
            pass
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    console.print(f"results written to {out / 'results.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
