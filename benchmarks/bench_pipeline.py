"""Whole-pipeline speed: ingest + every default stage, against reading alone.

The target is a full extraction of seed 004 (a 7k-character 实施意见) in well
under 0.5 s on one core once the process has started, so that ``policylens
extract`` on a dossier feels instant and a store of thousands of texts can be
rebuilt in minutes. The baseline measured in the same run is
``pipeline.ingest.load`` alone (read, detect encoding, normalise): the ratio
says how much the analysis costs on top of what any reader must pay.

Per-stage shares over the real corpus show where the time goes, so the next
optimisation goes to the stage that matters. The one-off start-up cost
(imports, the clause-kind model, jieba dictionary, data files) is reported
separately, from a fresh interpreter, because a one-shot CLI call pays it
every time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next(iter(sorted((ROOT / "corpora" / "seeds").glob("004_*.txt"))), None)
REAL = ROOT.parent / "shared" / "corpus" / "real"
TARGET_SECONDS = 0.5


def _median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _cold_start(path: Path) -> float:
    """Seconds for a fresh interpreter to import the pipeline and extract ``path`` once."""
    code = (
        "import time; t = time.perf_counter(); from pipeline.api import extract; "
        f"extract({str(path)!r}); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def _stage_times(paths: list[Path]) -> tuple[dict[str, float], int]:
    """Seconds per step (ingest + each stage) summed over ``paths``, and the characters read."""
    from pipeline.ingest import load
    from pipeline.stages import DEFAULT_STAGES, get_stage

    totals: dict[str, float] = {"ingest": 0.0, **{name: 0.0 for name in DEFAULT_STAGES}}
    chars = 0
    for path in paths:
        started = time.perf_counter()
        doc = load(path)
        totals["ingest"] += time.perf_counter() - started
        chars += len(doc.text)
        for name in DEFAULT_STAGES:
            stage = get_stage(name)
            started = time.perf_counter()
            doc = stage(doc)
            totals[name] += time.perf_counter() - started
    return totals, chars


def _corpus(quick: bool) -> tuple[list[Path], str]:
    if not REAL.exists():
        assert SEED is not None
        return [SEED], "seed 004 only (../shared absent)"
    paths = sorted(REAL.glob("*.txt"))
    if quick:
        return paths[::4], f"real corpus, every 4th ({len(paths[::4])} docs)"
    return paths, f"real corpus ({len(paths)} docs)"


def run(quick: bool = False) -> list[dict]:
    from pipeline.api import extract
    from pipeline.ingest import load

    if SEED is None:
        raise FileNotFoundError("corpora/seeds/004_*.txt is missing")
    rows: list[dict] = []
    runs = 5 if quick else 21

    rows.append(
        {
            "name": "cold start: import + 1st extract(seed 004)",
            "metric": "seconds",
            "value": _cold_start(SEED),
        }
    )
    paths, label = _corpus(quick)
    # warm-up on every measured document, not only the seed: some stages load lazily on
    # some texts only (the deadline actor finder loads jieba.posseg, ~1.5 s, on the first
    # period with an actor, and seed 004 has none), which would be charged to one file
    for path in [SEED, *paths]:
        extract(path)
    t_load = _median_seconds(lambda: load(SEED), runs)
    t_full = _median_seconds(lambda: extract(SEED), runs)
    chars = len(load(SEED).text)
    rows.append(
        {
            "name": f"seed 004 load() (baseline, {chars:,} chars)",
            "metric": f"s, median of {runs}",
            "value": t_load,
            "baseline": t_load,
            "ratio": 1.0,
        }
    )
    rows.append(
        {
            "name": "seed 004 extract() = load + all stages",
            "metric": f"s, median of {runs}",
            "value": t_full,
            "baseline": t_load,
            "ratio": t_full / t_load,
        }
    )
    rows.append(
        {
            "name": f"seed 004 extract() vs target {TARGET_SECONDS} s",
            "metric": "fraction of target",
            "value": t_full / TARGET_SECONDS,
            "ok": t_full < TARGET_SECONDS,
        }
    )

    totals, n_chars = _stage_times(paths)
    total = sum(totals.values())
    rows.append(
        {
            "name": f"{label}",
            "metric": f"chars/s ({n_chars:,} chars)",
            "value": n_chars / total,
            "baseline": n_chars / totals["ingest"],
            "ratio": totals["ingest"] / total,
        }
    )
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        rows.append(
            {"name": f"  {name}", "metric": "% of time", "value": 100 * seconds / total, "seconds": seconds}
        )
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
