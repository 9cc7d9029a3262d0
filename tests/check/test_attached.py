"""Separate documents judged by whether the plan says they are attached (pipeline/check/attached.py).

GUIDE (corpora/plans): a material that is by nature a separate document is present when the
plan states it is attached; a line that only promises it ("另行报送") is a placeholder (empty).
"""

from __future__ import annotations

import warnings

import pytest

from pipeline.check import check
from pipeline.check.attached import attached_status, is_separate_document
from pipeline.check.plan_parser import load_document, own_sections
from pipeline.rubric import compile_rubric
from pipeline.rubric.schema import RubricItem


def _material(name: str) -> RubricItem:
    return RubricItem(
        "material.m1", name, "material", None, "present", {}, 1.0, [name], None, "dossier", None
    )


@pytest.mark.parametrize(
    "name, expected",
    [("村民代表大会决议", True), ("资金承诺函", True), ("镇政府推荐意见", True), ("营业执照复印件", True)],
)
def test_attached_separate_documents(name: str, expected: bool) -> None:
    assert is_separate_document(_material(name)) is expected


@pytest.mark.parametrize(
    "name", ["补助资金申请表", "示范村建设实施方案", "近三年运行情况分析报告", "绩效目标表"]
)
def test_attached_plan_content_is_not_a_separate_document(name: str) -> None:
    assert is_separate_document(_material(name)) is False


@pytest.mark.parametrize(
    "plan, name, expected",
    [
        (
            "正文。\n\n附件：1.村民代表大会决议\n      2.镇政府推荐意见（另行报送）\n",
            "村民代表大会决议",
            "present",
        ),
        (
            "正文。\n\n附件：1.村民代表大会决议\n      2.镇政府推荐意见（另行报送）\n",
            "镇政府推荐意见",
            "empty",
        ),
        ("正文。\n附件：村民代表大会决议（附后）\n", "村民代表大会决议", "present"),
        ("资金承诺函另附。\n", "资金承诺函", "present"),
        ("县财政局资金承诺函见附件2。\n", "资金承诺函", "present"),
    ],
)
def test_attached_status(plan: str, name: str, expected: str) -> None:
    found = attached_status(_material(name), plan)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "plan, name",
    [
        ("村里已于3月召开村民代表大会，讨论了建设方案。\n", "村民代表大会决议"),  # no document named
        ("村民代表大会决议正在起草。\n", "村民代表大会决议"),  # named, but not said to be attached
        ("附件：1.补助资金申请表\n", "村民代表大会决议"),  # another document in the list
    ],
)
def test_attached_status_not_stated(plan: str, name: str) -> None:
    assert attached_status(_material(name), plan) is None


NOTICE = (
    "二、申报材料\n各申报镇须报送《数字乡村示范镇申报书》一份。申报书包括申报单位基本信息、建设基础、"
    "进度安排三部分。其中，进度安排要分年度列明2025年度、2026年度的任务。申报时须附村民代表大会决议。\n"
    "三、报送时间\n6月30日前。\n"
)


def _statuses(plan: str) -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = check(load_document(plan), compile_rubric(NOTICE))
    return {i.name: i.status for i in result.items}


def test_attached_checker_resolution_attached_in_list() -> None:
    plan = (
        "青石镇数字乡村示范镇申报书\n一、申报单位基本信息\n申报单位：青石镇人民政府，常住人口3.2万人，联系人张伟。\n"
        "二、建设基础\n全镇12个行政村光纤和4G网络全覆盖，建成益农信息社12个。\n"
        "三、进度安排\n2025年度：完成服务中心建设和6个信息社改造，建成智慧农业示范基地1个。\n\n附件：村民代表大会决议（附后）\n"
    )
    got = _statuses(plan)
    assert got["村民代表大会决议"] == "present"
    # one year of two: the section stands, the missing year is its own gap (not a "generic" body)
    assert (got["进度安排"], got["2025年度"], got["2026年度"]) == ("present", "present", "missing")


def test_attached_checker_resolution_not_attached() -> None:
    plan = "青石镇申报书\n一、申报单位基本信息\n见附件1\n二、建设基础\n全镇光纤全覆盖，建成信息社12个。\n"
    got = _statuses(plan)
    assert got["村民代表大会决议"] == "missing"
    assert got["申报单位基本信息"] == "empty"  # 见附件1 is a placeholder for content the plan should hold


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I. 申报单位基本信息\n见附件1\nII. 发展现状\n全镇光纤全覆盖。\nIV、资金筹措\n总投资420万元。",
            [(1, "申报单位基本信息"), (1, "发展现状"), (1, "资金筹措")],
        ),
        (
            "Ⅰ 申报单位基本信息\n见附件1\nⅡ 发展现状\n全镇光纤全覆盖。",
            [(1, "申报单位基本信息"), (1, "发展现状")],
        ),
    ],
)
def test_attached_plan_parser_ascii_roman_headings(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(s.level, s.title) for s in own_sections(load_document(text + "\n"))] == expected


@pytest.mark.parametrize("text", ["I.e. 这不是标题\n", "V8发动机\n", "IVF技术说明\n"])
def test_attached_plan_parser_ascii_roman_not_headings(text: str) -> None:
    assert [s.title for s in own_sections(load_document(text))] == []
