"""Run ``pipeline.eval.plans.evaluate_plans`` on this held-out folder.

Why a script: ``pipeline/eval/plans.py`` reads its gold, split and rubrics from
module constants that point at ``corpora/plans``; this repoints them here for
one process, without changing the evaluator. Prints the summary, the
confusion matrix and, per plan, gold vs checker score and every item whose
checker status differs from the gold (``None`` = no checker item matched).

Usage: .venv/bin/python corpora/plans_holdout/evaluate.py [--json OUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pipeline.eval.plans as ep

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    ep.PLANS_DIR, ep.GOLD_DIR = HERE, HERE / "gold"
    ep.SPLIT_FILE, ep.RUBRICS_FILE = HERE / "split.yaml", HERE / "rubrics.yaml"
    result = ep.evaluate_plans("test").to_dict()
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result["summary"], ensure_ascii=False, indent=1))
    print("confusion (gold -> checker):", json.dumps(result["confusion"], ensure_ascii=False))
    for plan in result["plans"]:
        print(f"\n{plan['plan']}: gold {plan['gold_score']:.0f}  checker {plan['checker_score']}  {plan['error'] or ''}")
        for d in plan["disagreements"]:
            print(f"    {d['item']}: gold {d['gold']} / checker {d['checker']}")


if __name__ == "__main__":
    main(sys.argv[1:])
