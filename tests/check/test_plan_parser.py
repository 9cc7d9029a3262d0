"""The fallback heading detector: numbering styles, levels, run-in headings, list items that are not headings."""

from __future__ import annotations

import pytest

from pipeline.check.plan_parser import load_document, own_sections


def _titles(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in own_sections(load_document(text + "\n"))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "一、目标设定\n到2021年出口增长10%。\n二、工作机制\n成立领导小组。",
            [(1, "目标设定"), (1, "工作机制")],
        ),
        (
            "第一部分 申请表\n略\n第二部分 详细实施方案\n一、目标设定\n（一）总体目标\n内容",
            [(1, "申请表"), (1, "详细实施方案"), (2, "目标设定"), (3, "总体目标")],
        ),
        # a plan that starts at （一）: the first style seen is level 1
        ("（一）目标设定\n内容\n（二）工作机制\n内容", [(1, "目标设定"), (1, "工作机制")]),
        # run-in heading: the title ends at the colon / full stop
        ("三、目标设定：到2021年，全区进出口额达到105亿元。", [(1, "目标设定")]),
        ("（一）强化组织领导。成立由县长任组长的领导小组。", [(1, "强化组织领导")]),
        (
            "【试点基础条件】\n一、特色产业集群发展情况。内容",
            [(1, "试点基础条件"), (2, "特色产业集群发展情况")],
        ),
        ("1. 基本情况\n内容\n2. 发展目标\n内容", [(1, "基本情况"), (1, "发展目标")]),
        # decimal outline: depth is the level; "1申请表" (ingestion drops the space) tops it
        (
            "1申请表\n内容\n2详细实施方案\n2.1试点基础条件\n2.1.1特色产业集群发展情况\n内容\n2.2 目标设定\n内容",
            [
                (1, "申请表"),
                (1, "详细实施方案"),
                (2, "试点基础条件"),
                (3, "特色产业集群发展情况"),
                (2, "目标设定"),
            ],
        ),
    ],
)
def test_plan_parser_headings(text, expected):
    assert _titles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. 2019年完成试点启动，全县新增有进出口实绩企业20家，出口增长8%，跨境电商交易额达到1亿元。",
        "2019年全县进出口30亿元。",
        "我县将积极推进外贸转型升级工作。",
        "3.5亿元用于项目建设。",
        # a bare number before a short line is a heading only in a plan with "2.1" headings
        "10家企业完成改造",
    ],
)
def test_plan_parser_not_headings(text):
    assert _titles(text) == []


def test_plan_parser_section_spans_nest():
    text = "一、目标设定\n（一）总体目标\n甲\n（二）具体目标\n乙\n二、工作机制\n丙\n"
    doc = load_document(text)
    secs = own_sections(doc)
    top, sub1, sub2, nxt = secs
    assert (sub1.parent, sub2.parent, nxt.parent) == (top.id, top.id, None)
    assert top.end == nxt.start and sub2.end == nxt.start
    assert doc.text[top.heading_start : top.heading_end] == "目标设定"


def _stage_titles(text: str) -> list[tuple[str, str]]:
    """(title, body start) of plan_sections(): the structure stage's tree after split_run_in."""
    from pipeline.check.plan_parser import plan_sections

    doc = load_document(text + "\n")
    return [(s.title, doc.text[s.heading_end : s.heading_end + 4]) for s in plan_sections(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # corpora/plans p10 style: the title ends at the colon and the body starts on the same line
        (
            "二、试点基础条件\n我县产业基础较好。\n三、目标设定：到2021年，全区进出口额达到105亿元。",
            [("试点基础条件", "\n我县产"), ("目标设定", "：到20")],
        ),
        ("（一）强化组织领导。成立由县长任组长的领导小组。", [("强化组织领导", "。成立由")]),
        # a heading without a run-in body is left as the stage found it
        ("一、工作机制\n成立领导小组。", [("工作机制", "\n成立领")]),
    ],
)
def test_plan_parser_run_in_headings_with_structure_stage(text, expected):
    assert _stage_titles(text) == expected


def test_plan_parser_long_numbered_list_item_is_body_text():
    # "1.…，实施主体为…" is an item of 重点项目, not a heading of its own
    text = (
        "六、重点项目\n1.发制品跨境电商产业园项目，实施主体为鹤鸣县城投公司，建设孵化中心、直播中心和仓储中心，"
        "已投入1500万元\n七、年度工作计划\n2019年：启动建设。"
    )
    assert [t for t, _ in _stage_titles(text)] == ["重点项目", "年度工作计划"]
