"""Headings that run two part heads together with no joining word ("目标任务")."""

from __future__ import annotations

import pytest

from pipeline.check.matcher import MATCH_MIN, heading_parts, item_names, merged_parts, title_score
from pipeline.rubric.schema import RubricItem


@pytest.mark.parametrize(
    "heading, parts",
    [
        ("目标任务", ("目标", "任务")),  # plans_dev3 v3b: its 建设目标 and its 建设内容 under one heading
        ("发展目标任务", ("发展目标", "任务")),
        ("任务目标", ("任务", "目标")),
        ("进度效益", ("进度", "效益")),
    ],
)
def test_matcher_merged_parts_split_two_heads(heading, parts):
    assert merged_parts(heading) == parts
    assert heading_parts(heading) == parts


@pytest.mark.parametrize(
    "heading",
    [
        "保障措施",  # one thing: 保障 is no part head
        "任务措施",  # both halves are tasks
        "任务分工",
        "资金保障",
        "目标",
        "目标目标",
        "主要任务",
        "目标任务完成情况",  # the heads are not at the end: a heading about something else
    ],
)
def test_matcher_merged_parts_not_split(heading):
    assert merged_parts(heading) == ()


def test_matcher_merged_heading_names_second_part():
    """ "目标任务" names a 建设内容 item through its 任务 half (a synonym 建设任务 ends with it)."""
    assert title_score("目标任务", ["建设内容", "建设任务", "主要任务"])[0] >= MATCH_MIN


def test_matcher_item_name_is_not_split_by_heads():
    """Regression (corpora/plans p09): the item 年度目标任务 must not take "任务" as a name of its own."""
    item = RubricItem(id="x", name="年度目标任务", kind="section")
    assert "任务" not in item_names(item)
    assert title_score("重点任务", item_names(item))[0] < MATCH_MIN
