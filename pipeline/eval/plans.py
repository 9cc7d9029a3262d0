"""Measure the plan checker against the gold plans in ``corpora/plans``.

The gold names items by the notice's own wording as a path
(``详细实施方案/工作机制/责任单位、责任人以及职责分工``); the checker names them
the same way but may add levels (a ``试点县实施方案（2019年-2021年）`` material
above everything) or split one requirement in two (``责任单位、责任人`` +
``职责分工``). Items are therefore matched by name path, tolerantly: the last
components must match, and the gold's ancestors must appear, in order, among
the checker item's ancestors. When several checker items match one gold item
their statuses are merged (all present → present, all missing/empty → that,
else partial). A gold item nobody matches is an error of the checker's
rubric and counts as wrong.

Metrics: missing/empty detection P/R/F1 (positive class = missing or empty),
status accuracy for sections (materials, sections) and for sub-requirements,
Spearman between the checker's and the gold score, and mean absolute
difference of scores. The gold score formula is documented in
``corpora/plans/GUIDE.md`` and implemented by :func:`gold_score`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
PLANS_DIR = ROOT / "corpora" / "plans"
GOLD_DIR = PLANS_DIR / "gold"
SPLIT_FILE = PLANS_DIR / "split.yaml"
RUBRICS_FILE = PLANS_DIR / "rubrics.yaml"

STATUSES = ("present", "partial", "empty", "missing")
CREDIT = {"present": 1.0, "partial": 0.5, "empty": 0.0, "missing": 0.0}
POSITIVE = {"missing", "empty"}
FUZZY_MIN = 0.8  # char-overlap (Dice) ratio for two names to be the same item

# punctuation and spaces do not distinguish names: "年度工作计划（2019年-2021年）" == "年度工作计划 2019年—2021年"
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


# ---------------------------------------------------------------- gold files
def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DataFileError(path, str(exc).splitlines()[0]) from None


def load_rubrics() -> dict[str, dict[str, Any]]:
    """notice key -> {notice, scored: {item: weight}, items: [keys]} from corpora/plans/rubrics.yaml."""
    return _read_yaml(RUBRICS_FILE)


def load_plan_split(split: str = "test") -> list[str]:
    """Gold plan ids of ``split`` (train, test or all)."""
    if split not in ("train", "test", "all"):
        raise ValueError(f"The 'split' parameter must be one of train, test, all; got {split!r} instead.")
    data = _read_yaml(SPLIT_FILE) or {}
    names = ("train", "test") if split == "all" else (split,)
    return [pid for name in names for pid in (data.get(name) or [])]


def load_gold_plan(plan_id: str) -> dict[str, Any]:
    path = GOLD_DIR / f"{plan_id}.yaml"
    data = _read_yaml(path)
    for key in ("plan", "notice", "items", "score"):
        if key not in (data or {}):
            raise DataFileError(path, f"gold plan lacks '{key}'")
    bad = {k: v for k, v in data["items"].items() if v not in STATUSES}
    if bad:
        raise DataFileError(path, f"unknown status {bad}; use one of {', '.join(STATUSES)}")
    return data


def plan_path(gold: dict[str, Any]) -> Path:
    return ROOT / "corpora" / gold["plan"]


def notice_path(notice_key: str) -> Path:
    return ROOT / load_rubrics()[notice_key]["notice"]


def gold_score(statuses: dict[str, str], scored: dict[str, float]) -> int:
    """The documented gold formula: 0.5·own + 0.5·mean(children) per scored item, weighted, round half up."""
    num = den = 0.0
    for item, weight in scored.items():
        own = CREDIT[statuses[item]]
        subs = [CREDIT[v] for k, v in statuses.items() if k.startswith(item + "/")]
        credit = own if not subs else 0.5 * own + 0.5 * sum(subs) / len(subs)
        num += weight * credit
        den += weight
    return math.floor(100 * num / den + 0.5) if den else 0


def item_role(key: str, scored: dict[str, float]) -> str:
    """'sub' (sub-requirement of a scored item), 'section' (scored material or section) or 'container'.

    Containers (详细实施方案) carry no weight and their status is derived from
    their parts by a convention (GUIDE.md); they are kept out of the status
    accuracies so that a checker is not marked down for a different but
    equally valid convention (e.g. "partial when some part is missing").
    """
    if any(key.startswith(s + "/") for s in scored):
        return "sub"
    return "section" if key in scored else "container"


# ---------------------------------------------------------------- matching
def normalise_name(name: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", name))


def char_overlap(a: str, b: str) -> float:
    """Dice coefficient over character multisets."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def names_match(a: str, b: str) -> bool:
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) >= 2 and (a in b or b in a):
        return True
    return char_overlap(a, b) >= FUZZY_MIN


def path_matches(gold: list[str], checker: list[str]) -> bool:
    """Last components match and gold's ancestors occur in order among checker's ancestors."""
    if not gold or not checker or not names_match(gold[-1], checker[-1]):
        return False
    rest = iter(checker[:-1])
    return all(any(names_match(g, c) for c in rest) for g in gold[:-1])


def merge_statuses(statuses: Iterable[str]) -> str:
    found = list(statuses)
    if len(set(found)) == 1:
        return found[0]
    if set(found) <= POSITIVE:
        return "missing"
    return "partial"


def checker_paths(result_dict: dict[str, Any]) -> list[tuple[list[str], str]]:
    """[(name path, status)] for every item of a CheckResult.to_dict()."""
    by_id = {i["id"]: i for i in result_dict["items"]}
    out = []
    for item in result_dict["items"]:
        names, cur, seen = [], item, set()
        while cur is not None and cur["id"] not in seen:
            seen.add(cur["id"])
            names.append(cur["name"])
            cur = by_id.get(cur.get("parent")) if cur.get("parent") else None
        out.append((list(reversed(names)), item["status"]))
    return out


def match_gold(gold_items: dict[str, str], checked: list[tuple[list[str], str]]) -> dict[str, str | None]:
    """gold key -> the checker's (merged) status, or None when no checker item matches."""
    out: dict[str, str | None] = {}
    for key in gold_items:
        gpath = key.split("/")
        hits = [(p, s) for p, s in checked if path_matches(gpath, p)]
        exact = [(p, s) for p, s in hits if normalise_name(p[-1]) == normalise_name(gpath[-1])]
        chosen = exact or hits
        out[key] = merge_statuses(s for _, s in chosen) if chosen else None
    return out


# ---------------------------------------------------------------- metrics
@dataclass
class PlanEval:
    plan_id: str
    gold_score: float
    checker_score: float | None
    pairs: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # (key, role, gold, checker)
    error: str | None = None  # the checker failed on this plan

    @property
    def unmatched(self) -> list[str]:
        return [k for k, _, _, c in self.pairs if c is None]


@dataclass
class PlansReport:
    split: str
    plans: list[PlanEval]

    def _pairs(self, role: str | None = None) -> list[tuple[str, str, str, str | None]]:
        return [p for e in self.plans for p in e.pairs if role is None or p[1] == role]

    def detection(self) -> dict[str, float]:
        tp = fp = fn = 0
        for _, _, gold, got in self._pairs():
            g, c = gold in POSITIVE, got in POSITIVE
            tp += g and c
            fp += c and not g
            fn += g and not c
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}

    def accuracy(self, role: str) -> float:
        pairs = self._pairs(role)
        return sum(g == c for _, _, g, c in pairs) / len(pairs) if pairs else float("nan")

    def confusion(self) -> dict[str, dict[str, int]]:
        """gold status -> checker status ('unmatched' when no checker item) -> count, over all items."""
        out: dict[str, dict[str, int]] = {g: {} for g in STATUSES}
        for _, _, gold, got in self._pairs():
            key = got or "unmatched"
            out[gold][key] = out[gold].get(key, 0) + 1
        return out

    def score_agreement(self) -> dict[str, float]:
        scored = [(e.gold_score, e.checker_score) for e in self.plans if e.checker_score is not None]
        if len(scored) < 2:
            return {"spearman": float("nan"), "mad": float("nan"), "n": len(scored)}
        from scipy.stats import spearmanr

        gold, got = zip(*scored)
        rho = spearmanr(gold, got).statistic
        mad = sum(abs(a - b) for a, b in scored) / len(scored)
        return {"spearman": float(rho), "mad": mad, "n": len(scored)}

    def summary(self) -> dict[str, Any]:
        det = self.detection()
        agree = self.score_agreement()
        return {
            "split": self.split,
            "plans": len(self.plans),
            "items": len(self._pairs()),
            "missing_empty_precision": det["precision"],
            "missing_empty_recall": det["recall"],
            "missing_empty_f1": det["f1"],
            "section_accuracy": self.accuracy("section"),
            "subrequirement_accuracy": self.accuracy("sub"),
            "spearman": agree["spearman"],
            "mad": agree["mad"],
            "unmatched_gold_items": sum(len(e.unmatched) for e in self.plans),
            "failed_plans": [e.plan_id for e in self.plans if e.error],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "confusion": self.confusion(),
            "plans": [
                {
                    "plan": e.plan_id,
                    "gold_score": e.gold_score,
                    "checker_score": e.checker_score,
                    "error": e.error,
                    "unmatched": e.unmatched,
                    "disagreements": [
                        {"item": k, "gold": g, "checker": c} for k, _, g, c in e.pairs if g != c
                    ],
                }
                for e in self.plans
            ],
        }


TARGETS = {"missing_empty_f1": 0.95, "subrequirement_accuracy": 0.85, "spearman": 0.85, "mad": 8.0}


@contextmanager
def using_corpus(folder: str | Path | None) -> Iterator[None]:
    """Evaluate another gold-plan folder laid out like ``corpora/plans`` (gold/, split.yaml, rubrics.yaml),
    e.g. the independent held-out set ``corpora/plans_holdout``."""
    global PLANS_DIR, GOLD_DIR, SPLIT_FILE, RUBRICS_FILE
    if folder is None:
        yield
        return
    saved = (PLANS_DIR, GOLD_DIR, SPLIT_FILE, RUBRICS_FILE)
    base = Path(folder).resolve()
    if not (base / "split.yaml").exists() or not (base / "rubrics.yaml").exists():
        raise ValueError(f"{folder}: not a gold-plan folder (needs split.yaml, rubrics.yaml and gold/)")
    PLANS_DIR, GOLD_DIR, SPLIT_FILE, RUBRICS_FILE = base, base / "gold", base / "split.yaml", base / "rubrics.yaml"
    _rubric_for.cache_clear()
    try:
        yield
    finally:
        PLANS_DIR, GOLD_DIR, SPLIT_FILE, RUBRICS_FILE = saved
        _rubric_for.cache_clear()


def evaluate_plans(
    split: str = "test",
    *,
    checker: Callable[[Path, Any], dict[str, Any]] | None = None,
    progress: Callable[[str], None] | None = None,
    corpus: str | Path | None = None,
) -> PlansReport:
    """Run the checker on every gold plan of ``split`` and compare.

    ``checker(plan_path, rubric) -> CheckResult.to_dict()`` defaults to
    ``pipeline.check.check``; tests pass a fake one. ``corpus`` points at
    another gold-plan folder (default ``corpora/plans``).
    """
    with using_corpus(corpus):
        return _evaluate(split, checker, progress)


def _evaluate(
    split: str,
    checker: Callable[[Path, Any], dict[str, Any]] | None,
    progress: Callable[[str], None] | None,
) -> PlansReport:
    rubrics = load_rubrics()
    if checker is None:
        checker = _real_checker
    report = PlansReport(split, [])
    ids = load_plan_split(split)
    _require_notices(rubrics, {load_gold_plan(pid)["notice"] for pid in ids})
    for pid in ids:
        gold = load_gold_plan(pid)
        scored = rubrics[gold["notice"]]["scored"]
        ev = PlanEval(pid, float(gold["score"]), None)
        try:
            result = checker(plan_path(gold), _rubric_for(gold["notice"]))
            ev.checker_score = float(result["score"])
            got = match_gold(gold["items"], checker_paths(result))
        except Exception as exc:  # noqa: BLE001 - one failing plan is reported, the eval goes on
            ev.error = f"{type(exc).__name__}: {exc}".splitlines()[0]
            got = {k: None for k in gold["items"]}
        ev.pairs = [(k, item_role(k, scored), g, got[k]) for k, g in gold["items"].items()]
        report.plans.append(ev)
        if progress:
            progress(pid)
    return report


def _require_notices(rubrics: dict[str, Any], keys: set[str]) -> None:
    """Stop before checking anything when a notice is absent, instead of failing every plan.

    Real notices are not copied into the repo (licensing): corpora/plans_dev4 points at
    ``../shared/corpus/...`` (resolved against the repo root), which exists only beside the
    clone. Without it the eval cannot run at all, so say so in one line.
    """
    from pipeline.errors import UsageError

    for key in sorted(keys):
        path = notice_path(key)
        if not path.exists():
            shared = "shared" in str(rubrics[key]["notice"])
            where = " (the shared corpus lives beside the clone, in ../shared)" if shared else ""
            raise UsageError(detail=f"{path}: notice of '{key}' is absent{where}; cannot evaluate this corpus here")


@lru_cache(maxsize=8)
def _rubric_for(notice_key: str) -> Any:
    try:
        from pipeline.rubric import compile_rubric
    except ImportError:  # the rubric compiler is not installed: the fake checker gets the path
        return notice_path(notice_key)
    return compile_rubric(notice_path(notice_key))


def _real_checker(path: Path, rubric: Any) -> dict[str, Any]:
    from pipeline.check import check

    return check(path, rubric).to_dict()
