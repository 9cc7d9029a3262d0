"""Batch screening of application dossiers: ``screen(dossiers, rubric, out_dir)``.

Each applicant (a sub-folder or zip of the batch) is screened in a worker
process: its plan is found by content, checked against the rubric, credited
for materials provided as separate files, and written up as an HTML report.
The batch writes ``summary.json``, ``summary.xlsx`` and ``index.html``. A
broken file is listed in its applicant's report and in the summary; it never
stops the batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from pipeline.screen.batch import safe_filename, screen_applicant
from pipeline.screen.dossier import Applicant, find_applicants

__all__ = ["Applicant", "ScreenSummary", "as_rubric", "find_applicants", "rank_rows", "screen"]


@dataclass
class ScreenSummary:
    out_dir: Path
    rubric_source: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failures(self) -> list[tuple[str, str]]:
        """(applicant, error line) for every unreadable file or failed applicant."""
        return [(r["applicant"], e) for r in self.rows for e in r.get("errors", [])]

    @property
    def summary_json(self) -> Path:
        return self.out_dir / "summary.json"

    @property
    def summary_xlsx(self) -> Path:
        return self.out_dir / "summary.xlsx"

    def to_dict(self, *, include_results: bool = True) -> dict[str, Any]:
        rows = [dict(r) for r in self.rows]
        if not include_results:
            for r in rows:
                r.pop("result", None)
        return {
            "rubric": self.rubric_source,
            "applicants": len(rows),
            "screened": sum(1 for r in rows if r.get("score") is not None),
            "failures": [{"applicant": a, "error": e} for a, e in self.failures],
            "rows": rows,
        }


MIN_PARALLEL = 20  # applicants; below this a process pool costs more than it saves


def as_rubric(rubric: Any) -> Any:
    """A Rubric from a Rubric, a rubric YAML path, or a notice path (compiled on the fly)."""
    from pipeline.rubric import Rubric, compile_rubric, load_rubric

    if isinstance(rubric, Rubric):
        return rubric
    path = Path(rubric)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_rubric(path)
    return compile_rubric(path)


def rank_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sort by score (best first, unscored last) and give competition ranks (1, 2, 2, 4)."""
    rows.sort(key=lambda r: (r.get("score") is None, -(r.get("score") or 0), r["applicant"]))
    prev, rank = None, 0
    for i, r in enumerate(rows, start=1):
        if r.get("score") is None:
            r["rank"] = None
            continue
        if r["score"] != prev:
            rank, prev = i, r["score"]
        r["rank"] = rank
    return rows


def _report_names(apps: list[Applicant]) -> list[str]:
    names, seen = [], set()
    for app in apps:
        base = safe_filename(app.name)
        name, n = f"{base}.html", 1
        while name in seen:
            n += 1
            name = f"{base}_{n}.html"
        seen.add(name)
        names.append(name)
    return names


def screen(
    dossiers: str | Path,
    rubric: Any,
    out_dir: str | Path,
    workers: int = 2,
    *,
    min_parallel: int = MIN_PARALLEL,
    on_progress: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> ScreenSummary:
    """Screen every applicant in ``dossiers`` against ``rubric`` (a Rubric, rubric YAML or notice).

    ``workers`` > 1 runs applicants in parallel processes; 1 runs in this process.
    Batches smaller than ``min_parallel`` run in this process anyway: each
    worker pays the checker's start-up (~4 s) before its first plan, which a
    dozen plans never earn back (benchmarks/bench_screen.py on a busy 2-core
    machine: 12 dossiers 7.1 s with 1 worker, 7.8 s with 2; 100 dossiers
    8.1 s with 1, 7.3 s with 2).
    ``on_start(n)`` / ``on_progress(applicant)`` drive a progress bar.
    """
    from pipeline.errors import FileMissingError
    from pipeline.report import render_index, write_summary_xlsx

    dossiers = Path(dossiers)
    if not dossiers.exists():
        raise FileMissingError(dossiers)
    rub = as_rubric(rubric)
    out = Path(out_dir)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    apps = find_applicants(dossiers)
    names = _report_names(apps)
    if on_start:
        on_start(len(apps))
    rows: list[dict[str, Any]] = []
    if workers <= 1 or len(apps) < max(2, min_parallel):
        for app, name in zip(apps, names):
            rows.append(screen_applicant(app, rub, str(out), name))
            if on_progress:
                on_progress(app.name)
    else:
        # Warm the checker here (classifier, lexicons: seconds, once), then fork:
        # workers inherit it copy-on-write and start at once. A forkserver paid
        # that start-up again in a fresh process, which made 2 workers slower than
        # 1 on a 100-dossier batch (bench_screen: 0.54x). Workers never touch the
        # console, so rich's refresh-thread lock held at fork time is not taken.
        import pipeline.screen.warm  # noqa: F401 - runs the warm-up once per process

        ctx = get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            futures = {
                pool.submit(screen_applicant, app, rub, str(out), name): app for app, name in zip(apps, names)
            }
            for fut in as_completed(futures):
                app = futures[fut]
                try:
                    rows.append(fut.result())
                except Exception as err:  # noqa: BLE001 - a dead worker is this applicant's error
                    rows.append(
                        {
                            "applicant": app.name,
                            "score": None,
                            "rank": None,
                            "errors": [f"{app.name}: worker failed ({type(err).__name__}: {err})"],
                            "missing_items": [],
                            "empty_items": [],
                            "flags_count": 0,
                            "report": None,
                            "plan_file": None,
                        }
                    )
                if on_progress:
                    on_progress(app.name)
    summary = ScreenSummary(out, getattr(rub, "source", None), rank_rows(rows))
    summary.summary_json.write_text(
        json.dumps(summary.to_dict(), ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    write_summary_xlsx(summary.rows, summary.summary_xlsx)
    render_index(summary.rows, out / "index.html")
    return summary
