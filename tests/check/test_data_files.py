"""The rule files screening reads: valid against their schemas, patterns compile, placeholders behave."""

from __future__ import annotations

import re

import pytest

from pipeline.check.requirements import body_state, patterns
from pipeline.data import load_data


@pytest.mark.parametrize(
    "name", ["rubric_rules.yaml", "section_synonyms.yaml", "requirement_checks.yaml", "placeholders.yaml"]
)
def test_data_files_validate(name):
    assert load_data(name)


def test_data_files_rule_patterns_compile():
    rules = load_data("rubric_rules.yaml")
    for rule in rules["checks"] + rules["slugs"]:
        re.compile(rule["match"])
    assert set(patterns()) >= {"money", "growth_rate", "posts", "year"}


@pytest.mark.parametrize(
    "body, state",
    [
        ("略", "empty"),
        ("（略）", "empty"),
        ("另附。", "empty"),
        ("详见附件2", "empty"),
        ("待补充", "empty"),
        ("此处省略。", "empty"),
        ("（暂无）", "empty"),
        ("\n\n", "empty"),
        ("XXX", "empty"),
        ("成立领导小组。", "thin"),
        (
            "成立由县长任组长的试点工作领导小组，办公室设在县商务局，局长任办公室主任，各成员单位明确职责分工。",
            "full",
        ),
    ],
)
def test_data_files_placeholder_states(body, state):
    assert body_state(body, 0, len(body)) == state


@pytest.mark.parametrize(
    "pattern, text, expected",
    [
        ("money", "设立专项资金每年2000万元", "2000万元"),
        ("money", "出口达到5亿美元", "5亿美元"),
        ("money", "投资3480.83万元", "3480.83万元"),
        ("growth_rate", "年均增长10%", "增长10%"),
        ("growth_rate", "同比提高2个百分点", "提高2个百分点"),
        ("posts", "分管副县长任副组长", "副县长"),
        ("posts", "县商务局局长", "局长"),
        ("number_with_unit", "培育自主品牌10个", "10个"),
    ],
)
def test_data_files_patterns_match(pattern, text, expected):
    m = patterns()[pattern].search(text)
    assert m and m.group(0).endswith(expected)


@pytest.mark.parametrize(
    "pattern, text",
    [
        ("money", "新增企业20家"),
        ("growth_rate", "外贸规模稳步扩大"),
        ("posts", "各部门密切配合"),
        ("number_with_unit", "外贸质量明显提升"),
    ],
)
def test_data_files_patterns_do_not_match(pattern, text):
    assert patterns()[pattern].search(text) is None
