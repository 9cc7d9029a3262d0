"""Matching checker items to gold items by name path, and the metrics."""

from __future__ import annotations

import math

import pytest

from pipeline.eval.plans import (
    PlanEval,
    PlansReport,
    checker_paths,
    evaluate_plans,
    load_gold_plan,
    match_gold,
    merge_statuses,
    names_match,
    path_matches,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("年度工作计划（2019年-2021年）", "年度工作计划 2019年—2021年"),  # punctuation and spaces
        ("试点基础条件", "基础条件"),  # containment
        ("责任单位、责任人以及职责分工", "职责分工"),  # a checker that splits the requirement
        ("公共服务服务体系建设情况", "公共服务体系建设情况"),  # the notice's typo vs. a corrected name
        ("近三年外贸运行情况分析报告（2016年-2018年）", "近三年外贸运行情况分析报告"),
    ],
)
def test_plans_names_match(a, b):
    assert names_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("目标设定", "工作机制"),
        ("资金", "项目实施主体"),
        ("申请表", "详细实施方案"),
        ("推进措施", "配套政策"),
        ("", "申请表"),
    ],
)
def test_plans_names_do_not_match(a, b):
    assert not names_match(a, b)


def test_plans_path_matches_allows_extra_checker_levels():
    checker = ["试点县实施方案（2019年-2021年）", "详细实施方案", "工作机制", "职责分工"]
    assert path_matches(["详细实施方案", "工作机制", "责任单位、责任人以及职责分工"], checker)
    # same leaf under another parent is another item
    assert not path_matches(["详细实施方案", "配套政策", "职责分工"], checker)
    # ancestors must appear in order
    assert not path_matches(["工作机制", "详细实施方案", "职责分工"], checker)


@pytest.mark.parametrize(
    ("statuses", "merged"),
    [
        (["present", "present"], "present"),
        (["missing", "missing"], "missing"),
        (["missing", "empty"], "missing"),
        (["present", "missing"], "partial"),
        (["partial"], "partial"),
    ],
)
def test_plans_merge_statuses(statuses, merged):
    assert merge_statuses(statuses) == merged


def _item(id_, name, parent, status, kind="section"):
    return {"id": id_, "name": name, "parent": parent, "status": status, "kind": kind}


def test_plans_match_gold_prefers_exact_leaf_and_merges_split_requirements():
    result = {
        "score": 50,
        "items": [
            _item("m", "详细实施方案", None, "present", "material"),
            _item("s", "推进措施", "m", "present"),
            _item("s.r", "操作性较强的推进措施", "s", "missing", "requirement"),
            _item("w", "工作机制", "m", "partial"),
            _item("w.a", "责任单位、责任人", "w", "present", "requirement"),
            _item("w.b", "职责分工", "w", "missing", "requirement"),
        ],
    }
    gold = {
        "详细实施方案/推进措施": "present",
        "详细实施方案/工作机制/责任单位、责任人以及职责分工": "partial",
        "申请表": "missing",
    }
    got = match_gold(gold, checker_paths(result))
    assert got["详细实施方案/推进措施"] == "present"  # not merged with the requirement "操作性较强的推进措施"
    assert got["详细实施方案/工作机制/责任单位、责任人以及职责分工"] == "partial"
    assert got["申请表"] is None  # unmatched gold item


def test_plans_report_metrics_by_hand():
    report = PlansReport(
        "test",
        [
            PlanEval(
                "a",
                90,
                80,
                [
                    ("x", "section", "missing", "missing"),
                    ("y", "sub", "present", "empty"),
                    ("z", "sub", "partial", "partial"),
                ],
            ),
            PlanEval("b", 50, 60, [("x", "section", "empty", None), ("y", "sub", "present", "present")]),
            PlanEval("c", 70, 75, []),
        ],
    )
    det = report.detection()
    assert (det["tp"], det["fp"], det["fn"]) == (1, 1, 1)
    assert det["f1"] == pytest.approx(0.5)
    assert report.accuracy("section") == pytest.approx(0.5)
    assert report.accuracy("sub") == pytest.approx(2 / 3)
    agree = report.score_agreement()
    assert agree["spearman"] == pytest.approx(1.0)
    assert agree["mad"] == pytest.approx((10 + 10 + 5) / 3)
    assert report.summary()["unmatched_gold_items"] == 1


def _checker_from_gold(statuses_for):
    """A fake checker that returns gold statuses (as a checker that names items like the notice)."""

    def checker(path, rubric):
        pid = next(p for p in _ALL if str(path).endswith(load_gold_plan(p)["plan"].split("/")[-1]))
        gold = load_gold_plan(pid)
        items, ids = [], {}
        for key, status in gold["items"].items():
            parts = key.split("/")
            ids[key] = f"i{len(ids)}"
            parent = ids.get("/".join(parts[:-1])) if len(parts) > 1 else None
            items.append(
                {"id": ids[key], "name": parts[-1], "parent": parent, "status": statuses_for(status)}
            )
        return {"score": gold["score"], "items": items}

    return checker


_ALL = [p.stem for p in __import__("pipeline.eval.plans", fromlist=["GOLD_DIR"]).GOLD_DIR.glob("*.yaml")]


def test_plans_evaluate_perfect_checker_scores_perfectly():
    report = evaluate_plans("test", checker=_checker_from_gold(lambda s: s))
    s = report.summary()
    assert s["missing_empty_f1"] == 1.0
    assert s["section_accuracy"] == 1.0 and s["subrequirement_accuracy"] == 1.0
    assert s["spearman"] == pytest.approx(1.0) and s["mad"] == 0
    assert s["unmatched_gold_items"] == 0


def test_plans_evaluate_all_present_checker_finds_nothing():
    report = evaluate_plans("test", checker=_checker_from_gold(lambda s: "present"))
    s = report.summary()
    assert s["missing_empty_recall"] == 0.0
    assert s["section_accuracy"] < 1.0


def test_plans_evaluate_failing_checker_is_reported_not_raised():
    def broken(path, rubric):
        raise RuntimeError("boom")

    report = evaluate_plans("test", checker=broken)
    assert len(report.summary()["failed_plans"]) == len(report.plans)
    assert math.isnan(report.summary()["spearman"])


@pytest.mark.parametrize(
    ("key", "role"),
    [
        ("申请表", "section"),
        ("详细实施方案", "container"),
        ("详细实施方案/工作机制", "section"),
        ("详细实施方案/工作机制/责任单位、责任人以及职责分工", "sub"),
        ("年度工作计划（2019年-2021年）", "section"),
    ],
)
def test_plans_item_role(key, role):
    from pipeline.eval.plans import item_role, load_rubrics

    assert item_role(key, load_rubrics()["seed_000"]["scored"]) == role


def test_plans_confusion_counts_by_hand():
    report = PlansReport(
        "test",
        [
            PlanEval(
                "a",
                90,
                80,
                [
                    ("x", "section", "missing", "missing"),
                    ("y", "sub", "present", "empty"),
                    ("z", "sub", "present", None),
                ],
            )
        ],
    )
    conf = report.confusion()
    assert conf["missing"] == {"missing": 1}
    assert conf["present"] == {"empty": 1, "unmatched": 1}
    assert conf["partial"] == {} and conf["empty"] == {}
