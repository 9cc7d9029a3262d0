"""Abbreviations on one side spelled out on the other (文旅 = 文化和旅游)."""

from __future__ import annotations

import pytest

from pipeline.check.checker import OWN_HEADING_MIN
from pipeline.check.matcher import word_score


@pytest.mark.parametrize(
    "heading, name",
    [
        ("推动文化和旅游深度融合", "文旅融合发展"),  # plans_dev3 v1b, a sub-heading of 重点任务
        ("农村电商", "发展农村电子商务"),
        ("发展农村电子商务", "农村电商"),
    ],
)
def test_matcher_abbreviation_names_item(heading, name):
    assert word_score(heading, [name]) >= OWN_HEADING_MIN


@pytest.mark.parametrize(
    "heading, name",
    [
        ("文化旅游资源禀赋", "文旅融合发展"),  # 文旅 spelled out, but 融合 is not there
        ("日托服务", "日间照料"),  # no shared character order: not an abbreviation
        ("重点任务", "年度目标任务"),  # corpora/plans p09
        ("文明旅游宣传", "文旅融合发展"),  # 文明 is not 文化: only one of two name words, still not 融合
    ],
)
def test_matcher_abbreviation_does_not_match(heading, name):
    assert word_score(heading, [name]) < OWN_HEADING_MIN
