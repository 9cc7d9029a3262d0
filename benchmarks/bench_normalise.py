"""Ingestion speed: load + normalise + re-join, against plain ``read_text`` of the same files.

Rows: chars/s of each path over the real corpus (../shared/corpus/real) or, when
that is absent, the two bundled seeds; ``ratio`` is the slowdown against the
baseline measured in the same run.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real"
SEEDS = ROOT / "corpora" / "seeds"


def _corpus(quick: bool) -> tuple[str, list[Path]]:
    if REAL.exists():
        files = sorted(REAL.glob("*.txt"))
        return ("real" if not quick else "real (8 files)"), (files[:8] if quick else files)
    return "seeds", sorted(SEEDS.glob("*.txt"))


def _timed(fn, files: list[Path], repeat: int) -> tuple[float, int]:
    best = float("inf")
    chars = 0
    for _ in range(repeat):
        start = time.perf_counter()
        chars = sum(fn(f) for f in files)
        best = min(best, time.perf_counter() - start)
    return best, chars


def run(quick: bool = False) -> list[dict]:
    from pipeline.ingest import load
    from pipeline.ingest.normalise import normalise_text

    corpus, files = _corpus(quick)
    repeat = 1 if quick else 3
    load(files[0])  # warm caches: rule files, compiled patterns

    def baseline(f: Path) -> int:
        return len(f.read_text(encoding="utf-8-sig"))

    def normalise_only(f: Path) -> int:
        return len(normalise_text(f.read_text(encoding="utf-8-sig")))

    def full(f: Path) -> int:
        return len(load(f).text)

    rows = []
    base_t, base_chars = _timed(baseline, files, repeat)
    base_rate = base_chars / base_t
    rows.append({"name": "read_text (baseline)", "metric": "chars/s", "value": base_rate, "ratio": 1.0,
                 "files": len(files), "chars": base_chars, "corpus": corpus})
    for name, fn in (("normalise_text", normalise_only), ("load (sniff+decode+normalise+rejoin)", full)):
        t, chars = _timed(fn, files, repeat)
        rate = base_chars / t  # per source character, so rows compare the same work
        rows.append({"name": name, "metric": "chars/s", "value": rate, "ratio": base_rate / rate,
                     "files": len(files), "chars": chars, "corpus": corpus})
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
