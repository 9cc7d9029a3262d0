"""Plan screening speed: `pipeline.check` on a long plan, after start-up.

A reviewer screens dozens of plans in a batch, so what matters is the time
per plan once the rubric is compiled and the classifier loaded. The plan is
the complete test plan (tests/check/conftest.py) repeated until it is about
30 pages (~800 CJK characters a page) — every section matched, every content
check run on long bodies. Baseline: loading the same plan's text, measured in
the same run.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

CHARS_PER_PAGE = 800


def _long_plan(pages: int) -> str:
    from tests.check.conftest import PARTS, make_plan

    plan = make_plan()
    filler = "\n".join(PARTS[k].partition("\n")[2] for k in ("basis", "goals", "measures", "projects"))
    body = []
    while sum(len(b) for b in body) < pages * CHARS_PER_PAGE:
        body.append(filler)
    # pad every section so the checks scan long bodies, keeping the headings intact
    lines = plan.split("\n")
    out = []
    for line in lines:
        out.append(line)
        if line.startswith(("一、", "四、", "六、")):
            out.append("\n".join(body[: max(1, len(body) // 3)]))
    return "\n".join(out)


def _time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run(quick: bool = False) -> list[dict]:
    from pipeline.check import check
    from pipeline.check.plan_parser import load_document
    from pipeline.rubric import compile_rubric
    from tests.conftest import SEED_NOTICE

    repeat = 3 if quick else 10
    rows: list[dict] = []
    t = time.perf_counter()
    rubric = compile_rubric(SEED_NOTICE)
    compile_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        for pages in (30,) if quick else (5, 30, 60):
            path = Path(tmp) / f"plan_{pages}p.txt"
            path.write_text(_long_plan(pages), encoding="utf-8")
            chars = len(path.read_text(encoding="utf-8"))
            check(path, rubric)  # start-up: classifier, patterns, data files
            load_s = _time(lambda p=path: load_document(p), repeat)
            check_s = _time(lambda p=path: check(p, rubric), repeat)
            rows.append(
                {
                    "name": f"check {pages}-page plan",
                    "metric": "seconds (median)",
                    "chars": chars,
                    "value": round(check_s, 4),
                    "baseline": round(load_s, 4),
                    "ratio": round(check_s / load_s, 1) if load_s else None,
                    "case": "baseline = load_document (ingest only)",
                }
            )
    rows.append(
        {"name": "compile_rubric seed 000", "metric": "seconds (first call)", "value": round(compile_s, 4)}
    )
    return rows


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
