"""The checker's score follows corpora/plans/GUIDE.md "Gold score".

credit: present 1, partial 0.5, empty/missing 0; a scored item with
sub-requirements: 0.5·own + 0.5·mean(sub-requirements); without: own.
Seed 000 scores 申请表, the six sections, 年度工作计划 and 分析报告 (Σw = 9).
Requirements that judge their parent (a year range, 具体化、可量化, 操作性较强,
配套政策 restated, 有无/是否 questions) are not sub-requirements in the mean.
"""

from __future__ import annotations

import pytest

from pipeline.check import check
from tests.check.conftest import make_plan


def test_scoring_complete_plan_is_100(seed_rubric, write_plan):
    assert check(write_plan(make_plan()), seed_rubric).score == pytest.approx(100.0)


def test_scoring_annual_plan_one_year_is_partial_not_a_sub_requirement(seed_rubric, write_plan):
    # GUIDE: "年度工作计划 must cover each year 2019–2021; one year only is partial" and it has no
    # sub-requirements, so its credit is its own 0.5: score = 100·(8 + 0.5)/9 = 94.4
    annual = "第三部分 年度工作计划（2019年-2021年）\n2019年：完成试点启动，培育外贸主体20家，出口增长8%。"
    result = check(write_plan(make_plan(annual=annual)), seed_rubric)
    assert result.item("material.annual_plan").status == "partial"
    assert result.item("material.annual_plan.years").status == "partial"
    assert result.score == pytest.approx(100 * 8.5 / 9, abs=0.05)


def test_scoring_qualitative_targets(seed_rubric, write_plan):
    # 目标设定 with no number: own partial (fails 具体化、可量化); 外贸进出口规模及增幅 partial (growth in
    # words), 重点任务完成情况 partial (qualitative): 0.5·0.5 + 0.5·0.5 = 0.5 → 100·8.5/9 = 94.4
    goals = "二、目标设定\n试点期间，全县外贸规模明显扩大，结构持续优化，重点任务完成情况良好，试点示范作用充分发挥。"
    result = check(write_plan(make_plan(goals=goals)), seed_rubric)
    assert result.item("plan.goals").status == "partial"
    assert result.item("plan.goals.growth").status == "partial"
    assert result.item("plan.goals.task_completion").status == "partial"
    assert result.score == pytest.approx(100 * 8.5 / 9, abs=0.05)


def test_scoring_missing_section_counts_once(seed_rubric, write_plan):
    # no 工作机制 anywhere: own 0 and its sub-requirements missing → credit 0 → 100·8/9 = 88.9;
    # the container 详细实施方案 stays present and adds no second penalty
    result = check(write_plan(make_plan(mechanism=None)), seed_rubric)
    assert result.item("plan.mechanism").status == "missing"
    assert result.item("material.detailed_plan").status == "present"
    assert result.score == pytest.approx(100 * 8 / 9, abs=0.05)


def test_scoring_weightless_items_are_reported_but_not_scored(seed_rubric):
    weightless = {i.id for i in seed_rubric.items if i.kind == "requirement" and i.weight == 0}
    assert weightless == {
        "material.plan.years",
        "material.annual_plan.years",
        "material.analysis_report.years",
        "plan.basis.incidents",
        "plan.basis.violations",
        "plan.goals.quantified",
        "plan.measures.operable",
        "plan.policies.policies",
    }
