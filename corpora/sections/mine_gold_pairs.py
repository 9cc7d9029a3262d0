"""Mine heading -> canonical section pairs from the development gold plans.

    python corpora/sections/mine_gold_pairs.py            # writes corpora/sections/gold_pairs.tsv
    python corpora/sections/mine_gold_pairs.py --by-corpus  # also prints leave-one-corpus-out accuracy

Hand-written pairs (pairs.tsv) cover the headings one author thought of; real plans written
by other counties name the same parts otherwise (社区概况, 经费测算, 运维机制). The gold
plans say which rubric item each plan has and in what state; the checker says which heading
it took for the item. Where the two agree on a section that is in the plan (present,
partial or empty), the heading (and the first sentence under it) is a pair for the item's
canonical section. Where they disagree the heading may be wrong, so the pair is left out.

Only development gold is read: the ``train`` split of corpora/plans and every plan of
corpora/plans_dev2, corpora/plans_holdout, corpora/plans_dev3, corpora/plans_dev4 and
corpora/plans_holdout2 (DEV_CORPORA; holdout2 became development data in issue 5). The
``test`` plans of corpora/plans and the blind corpora/plans_holdout3 are never read here.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpora" / "sections" / "gold_pairs.tsv"
# (folder, split): development data only (see the module docstring)
DEV_CORPORA = [
    ("corpora/plans", "train"),
    ("corpora/plans_dev2", "all"),
    ("corpora/plans_holdout", "all"),
    ("corpora/plans_dev3", "all"),
    # development data since issue 5 (2026-11-23): dev4 answers real notices; holdout2's blind
    # numbers are recorded in its README and its failures were read to guide fixes
    ("corpora/plans_dev4", "all"),
    ("corpora/plans_holdout2", "all"),
]
IN_PLAN = ("present", "partial", "empty")


def mine_corpus(folder: str, split: str) -> list[dict[str, str]]:
    """Pairs from one gold-plan folder: label, heading, first_sentence, source (corpus/plan)."""
    from pipeline.check import check
    from pipeline.check.matcher import _first_sentence
    from pipeline.check.plan_parser import load_document
    from pipeline.eval import plans as ev
    from pipeline.rubric import compile_rubric

    rows: list[dict[str, str]] = []
    with ev.using_corpus(ROOT / folder):
        rubrics: dict[str, object] = {}
        for pid in ev.load_plan_split(split):
            gold = ev.load_gold_plan(pid)
            key = gold["notice"]
            if key not in rubrics:
                rubrics[key] = compile_rubric(ev.notice_path(key))
            rub = rubrics[key]
            doc = load_document(ev.plan_path(gold))
            result = check(doc, rub)  # type: ignore[arg-type]
            paths = ev.checker_paths(result.to_dict())
            got = ev.match_gold(gold["items"], paths)
            for gkey, gstatus in gold["items"].items():
                gpath = gkey.split("/")
                hits = [r for (p, _), r in zip(paths, result.items) if ev.path_matches(gpath, p)]
                res = hits[0] if len(hits) == 1 else None  # one checker item for the gold one, or none
                if res is None or res.kind != "section" or gstatus not in IN_PLAN or got[gkey] != gstatus:
                    continue
                item = rub.get(res.id)  # type: ignore[attr-defined]
                if item is None or not item.canonical or not res.section_title or res.section_start is None:
                    continue
                if res.match in ("content", "shared"):
                    continue  # the heading names another part; it is no example of this one
                heading_end = doc.text.find("\n", res.section_start)
                heading_end = res.section_end if heading_end < 0 else min(heading_end, res.section_end)
                first = _first_sentence(doc.text, heading_end, res.section_end)
                rows.append(
                    {
                        "label": item.canonical,
                        "heading": res.section_title.strip(),
                        "first_sentence": first.strip().replace("\t", " ")[:60],
                        "source": f"{Path(folder).name}/{pid}",
                    }
                )
    return rows


def mine() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for folder, split in DEV_CORPORA:
        rows += mine_corpus(folder, split)
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in rows:
        k = (r["label"], r["heading"], r["first_sentence"])
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def write(rows: list[dict[str, str]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["label", "heading", "first_sentence", "source"], delimiter="\t")
        w.writeheader()
        w.writerows(rows)


def by_corpus(rows: list[dict[str, str]]) -> None:
    """Accuracy on each corpus's pairs of a model trained without them: hand pairs only vs hand + the others."""
    from pipeline.check.section_classifier import feature_text
    from pipeline.check.train_section_classifier import build, load_pairs

    hand_x, hand_y = load_pairs()
    for folder, _ in DEV_CORPORA:
        name = Path(folder).name
        test = [r for r in rows if r["source"].startswith(name + "/")]
        rest = [r for r in rows if not r["source"].startswith(name + "/")]
        if not test:
            continue
        tx = [feature_text(r["heading"], r["first_sentence"]) for r in test]
        ty = [r["label"] for r in test]
        base = build().fit(hand_x, hand_y)
        more = build().fit(
            hand_x + [feature_text(r["heading"], r["first_sentence"]) for r in rest],
            hand_y + [r["label"] for r in rest],
        )
        acc = [sum(p == y for p, y in zip(m.predict(tx), ty)) / len(ty) for m in (base, more)]
        print(f"{name}: {len(test)} pairs; hand only {acc[0]:.3f}, hand + other corpora {acc[1]:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python corpora/sections/mine_gold_pairs.py")
    parser.add_argument("--by-corpus", action="store_true", help="print leave-one-corpus-out accuracy")
    args = parser.parse_args(argv)
    rows = mine()
    write(rows)
    labels: dict[str, int] = {}
    for r in rows:
        labels[r["label"]] = labels.get(r["label"], 0) + 1
    print(f"wrote {len(rows)} pairs to {OUT.relative_to(ROOT)}: {dict(sorted(labels.items()))}")
    if args.by_corpus:
        by_corpus(rows)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
