"""Parts of a 论证报告 given as run-in labels, table rows and 一是 prose (pipeline/check).

普通高等学校设置暂行条例 第十八条 lists what a 论证报告 contains in three lines of 、-separated
elements (名称、校址、学科门类…), with no heading of their own. Real reports answer them as
【校址】… paragraphs, as a 项目/内容 table, or in 一是…二是… prose (plans_dev4 b1, b3, b4).
Plans below are written for these tests; statuses are what a reviewer would tick.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.rubric.schema import Rubric, RubricItem

SECTIONS = ["拟建学校的名称", "校址", "学科门类", "规模", "人才培养目标", "领导体制", "拟建学校的师资来源"]


def _report_rubric() -> Rubric:
    items = [RubricItem("material.report", "论证报告", "material", None, "present", {}, 1.0, ["论证报告"])]
    items += [
        RubricItem(f"plan.s{i}", name, "section", "material.report", "present", {}, 1.0, [name])
        for i, name in enumerate(SECTIONS)
    ]
    return Rubric(items=items)


def _statuses(tmp_path: Path, text: str) -> dict[str, str]:
    plan = tmp_path / "report.txt"
    plan.write_text(text, encoding="utf-8")
    return {r.name: r.status for r in check(plan, _report_rubric()).items}


BRACKETS = (
    "澄江理工学院论证报告\n第一部分 基本设想\n"
    "【校址】澜州市北湖新区科教大道以东，规划用地1200亩。\n"
    "【学科门类】设工学、理学、管理学3个学科门类，以工学为主。\n"
    "【规模】全日制本科在校生近期6000人，远期10000人。\n"
    "【领导体制】实行党委领导下的校长负责制，由省人民政府举办。\n"
)


@pytest.mark.parametrize("name", ["校址", "学科门类", "规模", "领导体制"])
def test_matcher_labels_bracketed_run_in_label(tmp_path: Path, name: str) -> None:
    assert _statuses(tmp_path, BRACKETS)[name] == "present"  # before: missing (【】 not read as a label)


# a .txt two-column table as the ingest normalises it (one space between cells)
TABLE = (
    "西湾科技职业学院设置论证报告\n一、学校基本情况\n项目 内容\n"
    "学校名称 西湾科技职业学院\n"
    "校址 待定\n"
    "学科门类 工学、管理学、艺术学\n"
    "规模 全日制在校生5000人\n"
    "人才培养目标【请填写】\n"
    "领导体制 ××\n"
    "二、办学条件\n（一）师资来源。从市内中职学校选调骨干教师80人，面向社会公开招聘专任教师150人。\n"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("拟建学校的名称", "present"),  # "学校名称": the name without 拟建 and 的; a name is short by nature
        ("校址", "empty"),  # 待定
        ("人才培养目标", "empty"),  # 【请填写】 run into the label
        ("领导体制", "empty"),  # ××
        ("学科门类", "present"),  # a short cell, but a list: the field is filled
        ("规模", "present"),  # a short cell with a figure
        ("拟建学校的师资来源", "present"),  # （一）师资来源, the part without its 拟建学校的
    ],
)
def test_matcher_labels_table_rows(tmp_path: Path, name: str, expected: str) -> None:
    assert _statuses(tmp_path, TABLE)[name] == expected


RUN_IN = (
    "东海应用技术学院筹建论证报告\n一、基本情况\n"
    "学校定名为东海应用技术学院，校址位于东海市滨江大道1号原师专校区，占地680亩。"
    "一是人才培养目标为服务地方产业的应用型高级专门人才；二是办学规模为全日制本科在校生8000人。\n"
    "二、师资来源\n"
    "三、经费和基建\n建设经费由市财政安排3亿元，新建实训中心3.2万平方米。\n"
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("校址", "present"),  # "，校址位于…"
        ("人才培养目标", "present"),  # "一是人才培养目标为…"
        ("规模", "present"),  # "二是办学规模为…"
        ("拟建学校的师资来源", "empty"),  # a heading followed directly by the next one
        ("领导体制", "missing"),  # nowhere
    ],
)
def test_matcher_labels_run_in_prose(tmp_path: Path, name: str, expected: str) -> None:
    assert _statuses(tmp_path, RUN_IN)[name] == expected


def test_matcher_labels_ordinary_sentence_is_no_run_in_label(tmp_path: Path) -> None:
    """The name inside a sentence ("…的校址选择") is no answer: it must open a clause with a copula."""
    text = "论证报告\n一、基本情况\n学校将在后续工作中研究校址选择和学科门类设置问题，届时另行报告。\n"
    got = _statuses(tmp_path, text)
    assert got["校址"] == "missing"
    assert got["学科门类"] == "missing"


SYNONYMS = (
    "澜川健康医学院设置论证报告\n一、办学定位\n（一）校名与校址\n学校定名为澜川健康医学院，校址位于岚州市南山新区康园路88号，规划用地900亩。\n"
    "（二）管理体制\n实行党委领导下的校长负责制，由岚州市人民政府举办，省卫生健康委员会和省教育厅共同指导。\n"
    "二、办学条件\n（一）师资队伍\n以三所三甲医院高级职称医师为基础，兼职转专职120人，另公开招聘专任教师200人。\n"
)


@pytest.mark.parametrize(
    "name",
    [
        "拟建学校的名称",  # 校名 (校名与校址, plans_dev4 b2): 校名 is a school's 名称
        "校址",
        "领导体制",  # 管理体制
        "拟建学校的师资来源",  # 师资队伍: the head after 的 is 师资来源, and 师资队伍 is 师资
    ],
)
def test_matcher_labels_paraphrased_headings(tmp_path: Path, name: str) -> None:
    assert _statuses(tmp_path, SYNONYMS)[name] == "present"


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        # plans_dev4 a3: each part of the heading inside its own part of the 条例's wording
        ("资源和环境影响", "项目利用资源情况分析以及对生态环境的影响分析", True),
        ("投资与融资", "投资估算和资金筹措", False),  # 融资 is not inside 资金筹措: words, not substrings
        ("资源和环境影响", "项目对经济和社会的影响分析", False),
        ("环境影响", "项目利用资源情况分析以及对生态环境的影响分析", False),  # one part only
        ("资源与资源利用", "项目利用资源情况分析以及对生态环境的影响分析", False),  # both parts in one part
    ],
)
def test_matcher_labels_joined_heading_abridges_joined_name(title: str, name: str, expected: bool) -> None:
    from pipeline.check.matcher import _parts_inside

    assert _parts_inside(title, name) is expected
