"""A plan's 公文 title says which checklist material the file is (pipeline/check/doc_title.py).

Inputs are short plans written for these tests after the layouts of plans_dev4 (real notices):
the checklist of 国办发〔2018〕128号 asks for one 实施方案 whose contents are verb demands
(明确试点目标, 确定任务清单和分工), so the plan's own title is the only heading that names it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.check import check
from pipeline.rubric.schema import Rubric, RubricItem

PLAN_NAME = "“无废城市”建设试点实施方案"


def _zero_waste_rubric(extra: list[RubricItem] | None = None) -> Rubric:
    items = [
        RubricItem("material.plan", PLAN_NAME, "material", None, "present", {}, 1.0, [PLAN_NAME]),
        RubricItem(
            "plan.goal", "试点目标", "requirement", "material.plan", "mentions", {"keywords": ["试点目标"]}
        ),
        RubricItem("plan.duty", "任务清单和分工", "requirement", "material.plan", "assigns_duties"),
    ]
    return Rubric(items=items + (extra or []))


BODY = (
    "第一章 总体要求\n第一节 试点目标\n到2020年底，全市一般工业固体废物综合利用率达到85%以上，"
    "生活垃圾回收利用率达到35%。\n"
    "第二章 任务分工\n市生态环境局负责危险废物监管；市住房城乡建设局负责生活垃圾分类。\n"
)


def _status(tmp_path: Path, text: str, rubric: Rubric) -> dict[str, str]:
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    return {r.name: r.status for r in check(plan, rubric).items}


@pytest.mark.parametrize(
    "title",
    [
        "临溪市“无废城市”建设试点实施方案",  # plans_dev4 c1: the notice's words after the city name
        "白水县“无废城市”建设试点推进方案",  # plans_dev4 c4: another 方案, same head
        "附件\n青石市“无废城市”建设试点工作方案",  # a 附件 label before the title
    ],
)
def test_doc_title_names_the_whole_file(tmp_path: Path, title: str) -> None:
    got = _status(tmp_path, f"{title}\n{BODY}", _zero_waste_rubric())
    assert got[PLAN_NAME] == "present"  # before the fix: "empty" (title has no body before 第一章)
    assert got["试点目标"] == "present"
    assert got["任务清单和分工"] == "present"


def test_doc_title_two_materials_with_the_head_stay_unresolved(tmp_path: Path) -> None:
    """Two 方案 in the checklist: "…推进方案" does not say which one the file is."""
    other = RubricItem("material.other", "垃圾分类工作方案", "material", None, "present", {}, 1.0, [])
    got = _status(tmp_path, f"白水县“无废城市”建设试点推进方案\n{BODY}", _zero_waste_rubric([other]))
    assert got[PLAN_NAME] == "missing"


def test_doc_title_other_plan_is_not_the_only_material_with_its_head(tmp_path: Path) -> None:
    """The checklist's one 方案 is an annex (应急处置方案); a file titled "…实施方案" is not it."""
    rubric = Rubric(
        items=[RubricItem("material.annex", "突发事件应急处置方案", "material", None, "present", {}, 1.0, [])]
    )
    got = _status(tmp_path, f"临溪市“无废城市”建设试点实施方案\n{BODY}", rubric)
    assert got["突发事件应急处置方案"] == "missing"


def test_doc_title_a_body_sentence_is_no_title(tmp_path: Path) -> None:
    """A first line that is a sentence (。) is no title, whatever it ends with."""
    text = "现将我市试点工作安排报告如下。\n" + BODY
    got = _status(tmp_path, text, _zero_waste_rubric())
    assert got[PLAN_NAME] == "missing"


APPLICATION = "筹建普通高等学校申请书"


def _application_rubric() -> Rubric:
    return Rubric(
        items=[RubricItem("material.app", APPLICATION, "material", None, "present", {}, 1.0, [APPLICATION])]
    )


LETTER_BODY = (
    "\n国家教育委员会：\n为适应我省先进制造业发展对工程技术人才的需求，拟设置澄江理工学院，现申请筹建，"
    "筹建期三年，建设资金已落实。\n澜川省人民政府\n2025年4月10日\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "澜川省人民政府关于申请筹建澄江理工学院的函",  # plans_dev4 b1
        "西湾市人民政府关于筹建西湾科技职业学院的申请",  # plans_dev4 b3
        "关于筹建澄江理工学院的请示",
    ],
)
def test_doc_title_request_letter_is_the_application(tmp_path: Path, title: str) -> None:
    assert _status(tmp_path, title + LETTER_BODY, _application_rubric())[APPLICATION] == "present"


@pytest.mark.parametrize(
    "title",
    [
        "关于申请专项资金的函",  # a request, but for something else: no word of 筹建普通高等学校
        "澜川省人民政府关于澄江理工学院建设情况的报告",  # a report, not a request
    ],
)
def test_doc_title_other_letters_are_not_the_application(tmp_path: Path, title: str) -> None:
    assert _status(tmp_path, title + LETTER_BODY, _application_rubric())[APPLICATION] == "missing"
