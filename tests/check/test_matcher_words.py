"""Headings worded in the plan's own words: word families, joined headings, plain title lines.

Pairs are headings from fictitious plans set against the notice wording they answer, judged
by reading both; the second tables hold headings a reviewer would not take for the item.
"""

from __future__ import annotations

import pytest

from pipeline.check.matcher import MATCH_MIN, candidates, title_parts, title_score, word_score
from pipeline.check.plan_parser import load_document, plan_sections


@pytest.mark.parametrize(
    "heading, name",
    [
        ("运营及效益", "运营模式和效益分析"),  # the words of both parts
        ("经费测算", "资金预算"),  # 经费 = 资金, 测算 = 预算 (one family each)
        ("运维机制", "运营模式"),
        ("社区概况", "基本情况"),  # 基本情况 = 概况
        ("服务项目", "服务内容"),  # 服务项目 is 服务 + a generic head
        ("投资与融资", "投资估算和资金筹措"),
    ],
)
def test_matcher_word_score_names_item(heading, name):
    assert word_score(heading, [name]) >= MATCH_MIN


@pytest.mark.parametrize(
    "heading, name",
    [
        ("重点任务", "年度目标任务"),  # one word of three: not the annual plan
        ("基础设施", "基础条件"),  # 基础 in 基础设施 is another thing
        ("特色产业集群发展情况", "发展情况分析"),  # 发展/情况 say nothing
        ("指导思想", "运营模式"),
    ],
)
def test_matcher_word_score_does_not_name_item(heading, name):
    assert word_score(heading, [name]) < MATCH_MIN


@pytest.mark.parametrize(
    "heading, names",
    [
        ("项目背景与目标", ["建设目标", "主要目标"]),  # 目标 is the head of 主要目标
        ("建设目标和主要内容", ["建设目标"]),
    ],
)
def test_matcher_joined_heading_names_each_part(heading, names):
    assert title_parts(heading) and title_score(heading, names)[0] >= MATCH_MIN


@pytest.mark.parametrize(
    "heading, names",
    [
        ("人口与产业", ["村庄基本情况", "产业基础"]),  # 产业 is the modifier of 产业基础, not its head
        ("组织领导", ["资金预算"]),
    ],
)
def test_matcher_joined_heading_part_must_be_a_head(heading, names):
    assert title_score(heading, names)[0] < MATCH_MIN


def test_matcher_title_parts_need_two_characters_each():
    assert title_parts("村情与目标") == ("村情", "目标")
    assert title_parts("目标任务") == ()  # no joining word
    assert title_parts("A和目标") == ()


PLAIN = (
    "某县冷链物流中心项目实施方案\n\n"
    "项目单位情况\n某某冷链有限公司成立于2015年，注册资本6800万元，主营水产品收购、冷冻加工和冷链运输。\n\n"
    "项目名称：某县冷链物流中心\n"
    "建设目标\n通过项目建设，冷链仓储和运输能力显著增强，全县水产品冷链流通率明显提高。\n\n"
    "进度安排\n2025年7月开工建设，2026年12月竣工投产，2027年全面达产达效。\n\n"
    "某某冷链有限公司\n2025年6月\n"
)


def test_matcher_plain_title_lines_head_an_unnumbered_plan():
    doc = load_document(PLAIN)
    got = [(c.title, c.level) for c in candidates(doc, plan_sections(doc)) if c.level < 98]
    # not the plan's title, a label line, the signature or the date
    assert got == [("项目单位情况", 1), ("建设目标", 1), ("进度安排", 1)]


def test_matcher_plain_lines_stay_plain_in_a_numbered_plan():
    text = "一、建设目标\n到2026年建成冷库2万吨。\n二、进度安排\n2025年开工。\n三、保障措施\n成立专班。\n附则说明\n本方案自印发之日起施行，由县商务局负责解释。\n"
    doc = load_document(text)
    assert [c.title for c in candidates(doc, plan_sections(doc)) if c.level < 98] == [
        "建设目标",
        "进度安排",
        "保障措施",
    ]
