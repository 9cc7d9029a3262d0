"""A plan whose contents the notice gives only as demands is scored by its demands (scoring.py).

国办发〔2018〕128号 asks for one 实施方案 that must "明确试点目标，确定任务清单和分工，做好年度任务
分解…": three verb demands and no sections. plans_dev4's gold scores the demands as the scored items
and the 实施方案 as an unweighted container (GUIDE "Containers … carry no weight"): the score is the
demands' mean. Before the fix the checker blended half the plan's own status in (c3: 70 vs gold 30).

The plan below was written for this test and read by a person: 试点目标 gives figures (present),
任务分工 names a bureau for each task (present), and nothing in it breaks the tasks down by year
(年度任务分解 missing) — 2 of 3 demands, score 66.7. A report detailed by sub-requirements keeps
the blend (plans_dev3 旅游发展情况报告): 0.5·1 + 0.5·2/3 = 83.3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.check.scoring import credits_from_parts, is_container
from pipeline.rubric.schema import Rubric, RubricItem

PLAN_NAME = "“无废城市”建设试点实施方案"

PLAN = (
    "南湖市“无废城市”建设试点实施方案\n"
    "第一章 试点目标\n到2020年底，全市一般工业固体废物综合利用率达到85%以上，生活垃圾回收利用率达到35%。\n"
    "第二章 任务清单和分工\n市生态环境局负责危险废物规范化管理；市住房城乡建设局负责建筑垃圾资源化利用；"
    "市农业农村局负责秸秆综合利用。\n"
)


def _rubric(canonical: str | None, name: str = PLAN_NAME) -> Rubric:
    mat = RubricItem("material.plan", name, "material", None, "present", {}, 3.0, [name], canonical)
    demands = [
        RubricItem(
            "plan.goal", "试点目标", "requirement", "material.plan", "mentions", {"keywords": ["试点目标"]}
        ),
        RubricItem("plan.duty", "任务清单和分工", "requirement", "material.plan", "assigns_duties"),
        RubricItem(
            "plan.annual",
            "年度任务分解",
            "requirement",
            "material.plan",
            "mentions",
            {"keywords": ["年度任务"]},
        ),
    ]
    return Rubric(items=[mat, *demands])


def _check(tmp_path: Path, rubric: Rubric):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    return check(plan, rubric)


def test_scoring_demand_only_plan_scores_as_its_demands(tmp_path: Path) -> None:
    result = _check(tmp_path, _rubric("plan"))
    got = {r.name: r.status for r in result.items}
    assert got == {
        PLAN_NAME: "present",
        "试点目标": "present",
        "任务清单和分工": "present",
        "年度任务分解": "missing",
    }
    assert result.score == pytest.approx(100 * 2 / 3, abs=0.05)  # before the fix: 83.3


def test_scoring_demand_only_plan_contributions_add_up(tmp_path: Path) -> None:
    result = _check(tmp_path, _rubric("plan"))
    by_name = {r.name: r for r in result.items}
    assert by_name["试点目标"].contribution == pytest.approx(100 / 3, abs=0.05)
    assert by_name["年度任务分解"].contribution == pytest.approx(0.0)
    assert by_name[PLAN_NAME].contribution == pytest.approx(result.score, abs=0.05)


def test_scoring_report_with_sub_requirements_keeps_own_share(tmp_path: Path) -> None:
    # no canonical plan kind: a report whose sub-requirements detail it is a scored item of its own
    result = _check(tmp_path, _rubric(None))
    assert result.score == pytest.approx(100 * (0.5 + 0.5 * 2 / 3), abs=0.05)


@pytest.mark.parametrize(
    "rubric, expected",
    [
        (_rubric("plan"), True),  # the plan made of demands
        (_rubric(None), False),  # a material of no plan kind
        (_rubric("analysis_report"), False),
    ],
)
def test_scoring_credits_from_parts(rubric: Rubric, expected: bool) -> None:
    assert credits_from_parts(rubric, "material.plan") is expected
    # still matched and checked as a body: not a structural container
    assert is_container(rubric, "material.plan") is False


def test_scoring_plan_with_a_weightless_demand_only_is_no_container() -> None:
    """Demands of weight 0 judge the plan's own status (a year range): no scored part, credit = own."""
    mat = RubricItem("material.plan", PLAN_NAME, "material", None, "present", {}, 1.0, [], "plan")
    years = RubricItem("plan.years", "2019年-2020年", "requirement", "material.plan", "covers_years", {}, 0.0)
    assert credits_from_parts(Rubric(items=[mat, years]), "material.plan") is False
