"""Heading ↔ rubric item matching: synonyms, fuzzy, and headings that must not match."""

from __future__ import annotations

import pytest

from pipeline.check.matcher import norm_title, title_score


@pytest.fixture(scope="module")
def names(seed_rubric):
    return {i.id: [i.name, *i.synonyms] for i in seed_rubric.items if i.kind != "requirement"}


@pytest.mark.parametrize(
    "heading, item_id, how",
    [
        ("工作机制", "plan.mechanism", "synonym"),
        ("组织保障", "plan.mechanism", "synonym"),
        ("加强组织领导", "plan.mechanism", "synonym"),
        ("保障机制", "plan.mechanism", "synonym"),
        ("政策支持", "plan.policies", "synonym"),
        ("保障措施", "plan.policies", "synonym"),
        ("项目支撑", "plan.projects", "synonym"),
        ("重大项目清单", "plan.projects", "synonym"),
        ("发展基础", "plan.basis", "synonym"),
        ("现状基础", "plan.basis", "synonym"),
        ("主要目标", "plan.goals", "synonym"),
        ("工作举措", "plan.measures", "synonym"),
        ("分年度工作计划（2019—2021年）", "material.annual_plan", "synonym"),
        ("近三年外贸运行情况分析", "material.analysis_report", "synonym"),
        ("附件1：申请表", "material.application_form", "synonym"),
        ("试点基础", "plan.basis", "synonym"),
        ("领导机构", "plan.mechanism", "fuzzy"),
    ],
)
def test_matcher_heading_names_item(names, heading, item_id, how):
    score, got = title_score(heading, names[item_id])
    assert score >= 0.4 and got == how


@pytest.mark.parametrize(
    "heading, item_id",
    [
        ("指导思想", "plan.mechanism"),
        ("基本原则", "plan.goals"),
        ("附则", "plan.policies"),
        ("联系方式", "material.application_form"),
        ("存在的问题", "plan.basis"),
        ("宣传引导", "plan.measures"),
    ],
)
def test_matcher_heading_does_not_name_item(names, heading, item_id):
    assert title_score(heading, names[item_id])[0] < 0.4


@pytest.mark.parametrize(
    "title, expected",
    [
        ("附件1：申请表", "申请表"),
        ("（一）工作机制。", "一工作机制"),
        ("年度工作计划（2019年-2021年）", "年度工作计划"),
        ("【重点项目】", "重点项目"),
    ],
)
def test_matcher_norm_title(title, expected):
    assert norm_title(title) == expected
