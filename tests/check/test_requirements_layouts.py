"""Content checks for wording other notices use: deadlines, table columns, pointer sentences, joined items.

Texts are fictitious; each expected status was decided by reading the text.
"""

from __future__ import annotations

import warnings

import pytest

from pipeline.check import check
from pipeline.check.plan_parser import load_document
from pipeline.check.requirements import body_state, is_break, run_check
from pipeline.rubric import compile_rubric
from pipeline.rubric.schema import RubricItem


def _req(name: str, check: str, **params) -> RubricItem:
    return RubricItem("plan.s1.r1", name, "requirement", "plan.s1", check, params)


def _run(item: RubricItem, text: str) -> str:
    return run_check(item, text, 0, len(text)).status


@pytest.mark.parametrize(
    "text",
    [
        "推进政务云二期扩容。牵头单位：县大数据中心。2025年底前完成。",
        "牵头单位：县政务服务中心，完成时限：2026年6月。",
        "启动部署阶段（2025年1月—6月），成立工作专班。",
        "各乡镇6月底前完成摸底。",
    ],
)
def test_requirements_deadline_found(text):
    assert _run(_req("完成时限", "has_deadline"), text) == "present"


@pytest.mark.parametrize(
    "text",
    [
        "县共享交换平台2024年共享调用量680万次。",  # a year, no deadline
        "2023年公司营业收入1.92亿元。",
        "牵头单位：县行政审批服务局。",
    ],
)
def test_requirements_deadline_not_found(text):
    assert _run(_req("完成时限", "has_deadline"), text) == "missing"


TABLE = "项目名称  建设内容  总投资（亿元）  建设期限  责任单位\n{rows}\n"


@pytest.mark.parametrize(
    "rows, expected",
    [
        (
            "景区提质扩容  观光栈桥、游客中心  6.8  2025—2026年  县文旅局\n环湾公路  二级公路18公里  7.2  2025—2027年  县交通局",
            "present",
        ),
        (
            "景区提质扩容  观光栈桥、游客中心  6.8  2025—2026年  县文旅局\n环湾公路  二级公路18公里  7.2  2025—2027年  待定",
            "partial",
        ),
    ],
)
def test_requirements_table_column_judged_by_its_cells(rows, expected):
    assert _run(_req("责任单位", "names_units"), TABLE.format(rows=rows)) == expected


def test_requirements_row_of_figures_is_no_header():
    """A per-year item is no column, and a row of numbers names no column."""
    text = "落霞湾景区  6.8  2025—2026年  旅游公司\n环湾公路  7.2  2025—2027年  交通局\n"
    item = _req("2026年", "has_money_per_year", years=[2026], per_year=True)
    assert _run(item, text) == "missing"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("2025—2027年资金投入计划详见附件2。", "empty"),  # a sentence that only points elsewhere
        ("详见附件3《试点资金筹措表》", "empty"),
        ("项目清单见附件3，共建设冷链项目12个，总投资5亿元，覆盖全县8个乡镇和34个行政村。", "full"),
    ],
)
def test_requirements_pointer_sentence_is_a_placeholder(body, expected):
    assert body_state(body, 0, len(body)) == expected


def test_requirements_table_rows_end_at_their_line():
    text = "环湾旅游公路  二级公路18公里、驿站4处  7.2  2025—2027年  县交通运输局\n资金筹措方面，2025年财政投入0.8亿元。"
    assert is_break(text, text.index("\n"))


NOTICE = (
    "三、申报材料\n（一）项目实施方案。按照附件编写大纲编制。\n四、其他\n无。\n附件\n项目实施方案编写大纲\n"
    "第一章　运营模式和效益分析\n1.运营模式。说明运营主体、服务对象和收费方式。\n2.经济效益。测算年营业收入、利润和投资回收期。\n"
    "第二章　建设进度安排\n按季度列明开工和投入运营等关键节点。\n"
)
PLAN = (
    "某冷链项目实施方案\n一、实施计划\n2025年第四季度开工建设，2026年第四季度竣工验收并投入运营。\n"
    "二、运营及效益\n（一）运营方式\n项目由公司冷链事业部负责运营，服务批发市场经营户，仓储服务按托盘·天收费。\n"
    "（二）经济效益\n项目建成后年新增营业收入8600万元，年新增利润总额1250万元，静态投资回收期约8.5年。\n"
)


def test_requirements_chapter_wins_over_its_sub_heading():
    """ "（一）运营方式" names 运营模式 exactly, but the chapter "运营及效益" holding it names both halves."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rubric = compile_rubric(NOTICE)
    result = check(load_document(PLAN), rubric)
    item = next(i for i in result.items if i.name == "运营模式和效益分析")
    assert (item.status, item.section_title) == ("present", "运营及效益")
    assert next(i for i in result.items if i.name == "经济效益").status == "present"
