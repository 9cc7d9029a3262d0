"""A short value under a field's own heading answers it (checker.judge_under_heading, issue 5).

企业投资项目核准和备案管理条例 第六条 asks the 项目申请书 for "项目情况，包括项目名称、建设地点、建设规模、
建设内容". A name or a place is one line by nature: plans_dev4 a1 "第一节 项目名称\\n年产5万吨聚乳酸及制品
项目。" is what the gold calls present; the checker called it "only a few words" (partial). Prose parts
(建设内容) stay partial when thin. The plan below was written for this test; each expected status
was decided by reading it against the GUIDE (corpora/plans/GUIDE.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.check.requirements import is_named_field, real_value
from pipeline.rubric.schema import Rubric, RubricItem


def _application() -> RubricItem:
    """The material both rubrics check: an application whose fields are its sections or requirements."""
    return RubricItem("m.app", "项目申请书", "material", None, "present", {}, 1.0, ["项目申请书"], "application_form")


def _rubric() -> Rubric:
    def req(rid: str, name: str) -> RubricItem:
        return RubricItem(rid, name, "requirement", "s.project", "mentions", {"keywords": [name]})

    return Rubric(
        items=[
            _application(),
            RubricItem("s.project", "项目情况", "section", "m.app", "present", {}, 1.0, ["项目情况"]),
            req("r.name", "项目名称"),
            req("r.site", "建设地点"),
            req("r.scale", "建设规模"),
            req("r.content", "建设内容"),
        ]
    )


SCALE = (
    "（三）建设规模\n项目总用地面积186亩，总建筑面积9.6万平方米，建成后年产聚乳酸树脂5万吨、制品1.2万吨。\n"
)
CONTENT = (
    "（四）建设内容\n新建乳酸提纯车间、丙交酯合成车间、聚合车间各1座，制品车间2座；配套建设原料及成品仓库、"
    "污水处理站和研发办公楼；购置聚合反应釜、双螺杆挤出机等主要设备326台（套）。\n"
)


def _plan(name: str, site: str, content: str = CONTENT) -> str:
    return (
        "青禾生物材料有限公司年产5万吨聚乳酸及制品项目申请书\n"
        "一、项目情况\n"
        f"（一）项目名称\n{name}\n"
        f"（二）建设地点\n{site}\n" + SCALE + content
    )


def _statuses(tmp_path: Path, text: str) -> dict[str, str]:
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    return {r.name: r.status for r in check(plan, _rubric()).items}


def test_checker_named_fields_one_line_values_are_present(tmp_path: Path) -> None:
    got = _statuses(tmp_path, _plan("年产5万吨聚乳酸及制品项目。", "江岙县临港产业园纬三路以南地块。"))
    # before the fix: 项目名称 and 建设地点 partial ("only a few words")
    assert got["项目名称"] == "present"
    assert got["建设地点"] == "present"
    assert got["建设规模"] == "present"
    assert got["建设内容"] == "present"


@pytest.mark.parametrize(
    "name, site, field, expected",
    [
        (
            "XX项目。",
            "江岙县临港产业园纬三路以南地块。",
            "项目名称",
            "partial",
        ),  # a template mark: no real value
        ("年产5万吨聚乳酸及制品项目。", "待定。", "建设地点", "empty"),  # a placeholder only (GUIDE)
        ("年产5万吨聚乳酸及制品项目。", "", "建设地点", "missing"),  # heading with no body
    ],
)
def test_checker_named_fields_unfilled_values_are_not_present(
    tmp_path: Path, name: str, site: str, field: str, expected: str
) -> None:
    assert _statuses(tmp_path, _plan(name, site))[field] == expected


def test_checker_named_fields_thin_prose_part_stays_partial(tmp_path: Path) -> None:
    """建设内容 is described, not named: one clause under its heading is thin (GUIDE partial)."""
    got = _statuses(
        tmp_path,
        _plan("年产5万吨聚乳酸及制品项目。", "江岙县临港产业园。", "（四）建设内容\n新建生产车间。\n"),
    )
    assert got["建设内容"] == "partial"


@pytest.mark.parametrize(
    "name",
    [
        "项目名称",
        "拟建学校的名称",
        "建设地点",
        "校址",
        "联系方式",
        "项目负责人",
        "建设期限",
        "申报单位",
        "建设地点（具体到乡镇）",
    ],
)
def test_checker_named_fields_names(name: str) -> None:
    assert is_named_field(name)


@pytest.mark.parametrize(
    "name",
    ["建设内容", "建设规模", "人才培养目标", "经费来源", "名称变更情况", "申报单位基本信息", "企业基本情况"],
)
def test_checker_named_fields_not_fields(name: str) -> None:
    assert not is_named_field(name)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("年产5万吨聚乳酸及制品项目。", True),
        ("西湾科技职业学院", True),
        ("XX项目", False),
        ("××市××区", False),
        ("【请填写】", False),
        ("。", False),
    ],
)
def test_checker_named_fields_real_value(value: str, expected: bool) -> None:
    assert real_value(value) is expected


def test_checker_named_fields_as_sections(tmp_path: Path) -> None:
    """The same fields compiled as sections of their own (no sub-requirements): a one-line place with no
    figure in it is the place, not "one generic sentence"; a one-line description stays partial."""
    rubric = Rubric(
        items=[
            _application(),
            RubricItem("s.site", "建设地点", "section", "m.app", "present", {}, 1.0, ["建设地点"]),
            RubricItem(
                "s.env", "生态环境影响分析", "section", "m.app", "present", {}, 1.0, ["生态环境影响分析"]
            ),
        ]
    )
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "青禾公司项目申请书\n一、建设地点\n江岙县临港产业园。\n二、生态环境影响分析\n影响较小。\n",
        encoding="utf-8",
    )
    got = {r.name: r.status for r in check(plan, rubric).items}
    assert got["建设地点"] == "present"  # before the fix: partial ("very little content")
    assert got["生态环境影响分析"] == "partial"
