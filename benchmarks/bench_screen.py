"""Batch screening throughput: `policylens screen` with 1 vs 2 worker processes.

A reviewer screens a whole call's dossiers at once (often 50–150 counties),
so the number that matters is plans per second over a batch, and whether
the second core pays for the process start-up. The batch is generated from
the TRAIN gold plans (corpora/plans): each dossier is a folder with a plan
(sections dropped at random, seeded) as txt, docx or PDF in turn and, for
every third one, a separate 申请表 file. Baseline: the same batch with workers=1 (in-process), measured
in the same run; ratio = plans/s with 2 workers ÷ plans/s with 1.
"""

from __future__ import annotations

import importlib.util
import random
import re
import tempfile
import time
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN_PLANS = [
    "p01_hongchuan_complete",
    "p02_daixi_synonyms",
    "p09_xinyuan_no_annual_plan",
    "p18_jinsha_long_brackets",
    "p20_pingchuan_policy_layout",
]
_TOP = re.compile(r"^(?:[一二三四五六七八九十]+、|【)", re.MULTILINE)


@lru_cache(maxsize=1)
def _build():
    """corpora/plans/build.py (the docx/pdf writers the gold plans are built with)."""
    spec = importlib.util.spec_from_file_location("plans_build", ROOT / "corpora" / "plans" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _items(text: str) -> list[tuple[str, object]]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return [("title", lines[0])] + [("p", ln) for ln in lines[1:]]


def make_batch(root: Path, n: int, seed: int = 7) -> Path:
    """``n`` dossier folders under ``root``; deterministic for a seed."""
    rng = random.Random(seed)
    texts = [(ROOT / "corpora" / "plans" / f"{p}.txt").read_text(encoding="utf-8") for p in TRAIN_PLANS]
    for i in range(n):
        text = texts[i % len(texts)]
        cuts = [m.start() for m in _TOP.finditer(text)] + [len(text)]
        parts = [text[: cuts[0]]] + [text[a:b] for a, b in pairwise(cuts)]
        kept = [parts[0]] + [p for p in parts[1:] if rng.random() > 0.15]
        folder = root / f"申报单位{i:03d}"
        folder.mkdir(parents=True)
        plan = "".join(kept)
        # as received: a third each txt, Word and PDF (ingesting docx/pdf is most of the real cost)
        if i % 3 == 0:
            (folder / "材料.txt").write_text(plan, encoding="utf-8")
        elif i % 3 == 1:
            _build().build_docx(_items(plan), folder / "材料.docx", styles=False)
        else:
            _build().build_pdf(_items(plan), folder / "材料.pdf")
        if i % 3 == 0:
            (folder / "附件1.txt").write_text(
                "外贸转型升级试点县申请表\n申报单位：某县\n联系人：某某\n", encoding="utf-8"
            )
    return root


def run(quick: bool = False) -> list[dict]:
    from pipeline.rubric import compile_rubric
    from pipeline.screen import screen

    n = 12 if quick else 100
    rubric = compile_rubric(ROOT / "corpora" / "seeds" / "000_3152260086050f01.txt")
    import pipeline.screen.warm  # noqa: F401 - the one-off checker start-up is paid before either timing
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        batch = make_batch(Path(tmp) / "in", n)
        rates: dict[int, float] = {}
        for workers in (1, 2):
            started = time.perf_counter()
            # min_parallel=0: measure the pool even on the quick batch, where it does not pay
            summary = screen(batch, rubric, Path(tmp) / f"out{workers}", workers=workers, min_parallel=0)
            elapsed = time.perf_counter() - started
            assert len(summary.rows) == n and not summary.failures
            rates[workers] = n / elapsed
            rows.append(
                {
                    "name": f"screen {n} dossiers",
                    "metric": "plans/s",
                    "workers": workers,
                    "seconds": elapsed,
                    "value": rates[workers],
                }
            )
    rows[0]["ratio"] = 1.0
    rows[1]["ratio"] = rates[2] / rates[1]
    return rows
