"""Clause-kind speed: the shipped clause stage against the one it replaced, in the same run.

The clause stage (segmentation + kinds) was ~75% of extraction time. The
stage before (commit ``BEFORE``) tokenised every clause with jieba and ran
scikit-learn's char-n-gram vectorizers, whose analyzers slice every n-gram in
Python; the shipped one computes the same kind of TF-IDF features with numpy
over all clauses of a document at once (``clause_kind.FastModel``) and has no
jieba column. The baseline is that old stage, rebuilt from git (its module and
its model file) into a temporary directory, so both run in this process on
the same prepared documents; without git history the baseline rows are
skipped and said so.

Rows: kinds alone (the classifier part of the stage), the whole clause stage
(``extract_clauses``: segmentation + kinds), and whole extraction
(``pipeline.api.extract``: ingest + every stage) in documents per second —
before and now, with the speed-up ratio. Corpus: the real corpus and the two
seeds (quick: every 4th real document).
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT / "corpora" / "seeds"
BEFORE = "64e3d40"  # the last commit with the jieba/scikit-learn clause stage
_FILES = ("pipeline/extract/clause_kind.py", "models/clause_kind/model.skops")


def _corpus(quick: bool) -> tuple[list[Path], str]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not REAL.exists():
        return seeds, f"seeds only ({len(seeds)} docs; ../shared absent)"
    real = sorted(REAL.glob("*.txt"))
    if quick:
        real = real[::4]
    return [*real, *seeds], f"{len(real)} real docs + {len(seeds)} seeds"


def _old_classify_many(workdir: Path) -> Callable[..., Any] | None:
    """``classify_many`` of commit BEFORE with its own model, or None without git history."""
    for rel in _FILES:
        out = subprocess.run(["git", "show", f"{BEFORE}:{rel}"], cwd=ROOT, capture_output=True, timeout=60, check=False)
        if out.returncode != 0:
            return None
        target = workdir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out.stdout)
    spec = importlib.util.spec_from_file_location("clause_kind_before", workdir / _FILES[0])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)  # its ROOT is workdir, so it loads the old model file
    return module.classify_many


def _prepared(paths: list[Path]) -> list[Any]:
    """Documents as the clause stage receives them (ingest + the stages before it)."""
    from pipeline.ingest import load
    from pipeline.stages import DEFAULT_STAGES, get_stage

    before = DEFAULT_STAGES[: DEFAULT_STAGES.index("extract.clauses.v1")]
    docs = []
    for path in paths:
        doc = load(path)
        for name in before:
            doc = get_stage(name)(doc)
        docs.append(doc)
    return docs


def _best_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times) if runs < 3 else statistics.median(times)


def run(quick: bool = False) -> list[dict]:
    from pipeline.api import extract
    from pipeline.extract import clause_kind
    from pipeline.extract.clauses import extract_clauses, segment, table_spans

    paths, label = _corpus(quick)
    docs = _prepared(paths)
    segmented = [
        [(d.text[r.start : r.end], r.context) for r in segment(d.text, table_spans(d))] for d in docs
    ]
    positions = [[0.5] * len(items) for items in segmented]
    n_clauses = sum(map(len, segmented))
    runs = 1 if quick else 3
    shipped = clause_kind.classify_many

    def kinds(fn: Callable[..., Any]) -> Callable[[], None]:
        return lambda: [fn(items, pos) for items, pos in zip(segmented, positions)]

    def stage() -> None:
        for d in docs:
            extract_clauses(d)

    def whole() -> None:
        for p in paths:
            extract(p)

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        old = _old_classify_many(Path(tmp))
        timings: dict[str, dict[str, float]] = {}
        variants = [("now", shipped)] + ([("before", old)] if old else [])
        for name, fn in variants:
            clause_kind.classify_many = fn  # extract_clauses imports it at call time
            try:
                kinds(fn)()  # warm-up: model load, jieba dictionary, caches
                whole()
                timings[name] = {
                    "kinds": _best_of(kinds(fn), runs),
                    "stage": _best_of(stage, runs),
                    "whole": _best_of(whole, runs),
                }
            finally:
                clause_kind.classify_many = shipped
    now = timings["now"]
    base = timings.get("before")
    what = {
        "kinds": f"clause kinds ({n_clauses:,} clauses)",
        "stage": "clause stage (segment + kinds)",
        "whole": "whole extraction, pipeline.api.extract",
    }
    for key, title in what.items():
        if base:
            rows.append(
                {
                    "name": f"{title}, before ({BEFORE})",
                    "metric": "s",
                    "value": base[key],
                    "baseline": base[key],
                    "ratio": 1.0,
                }
            )
        rows.append(
            {
                "name": f"{title}, now",
                "metric": "s",
                "value": now[key],
                "baseline": base[key] if base else None,
                "ratio": base[key] / now[key] if base else None,  # speed-up: > 1 is faster
            }
        )
    for name, t in [("now", now)] + ([("before", base)] if base else []):
        rows.append({"name": f"{label}: docs/s, whole extraction, {name}", "metric": "docs/s", "value": len(paths) / t["whole"]})
    if not base:
        rows.append({"name": f"baseline skipped: git history without {BEFORE}", "metric": "", "value": None})
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
