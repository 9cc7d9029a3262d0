"""Plans written in other styles than corpora/plans, checked against a small fictitious notice.

The notice asks for a 申报表, a plan of five parts (outline lead-in "按下列提纲编写："), a
self-assessment report and a villagers' resolution. Each plan below changes one thing; the
expected statuses were decided by reading the plan as a reviewer would (corpora/plans/GUIDE.md).
"""

from __future__ import annotations

import warnings

import pytest

from pipeline.check import check
from pipeline.check.attached import alternatives, names_it
from pipeline.check.plan_parser import load_document
from pipeline.rubric import compile_rubric

NOTICE = """关于申报示范村建设项目的通知
一、申报材料
申报村须报送下列材料：
（一）示范村申报表（附件1）。
（二）示范村建设实施方案（2025—2026年）。方案按下列提纲编写：
1.村庄基本情况，包括人口和产业概况、基础设施现状；
2.建设目标，须量化，包括村集体经营性收入目标、人居环境整治目标；
3.建设任务，逐项明确牵头单位和完成时限；
4.资金安排，分年度列明申请市级补助资金和村集体自筹资金；
5.保障措施。
（三）村级发展自评报告（2023—2024年）。
（四）村民代表大会决议。
二、申报程序
请于4月30日前报送。
"""

FORM = "示范村申报表\n申报村：柳岸村，户籍人口1200人，联系人王明，电话0000-1234567。\n"
BASIS = (
    "一、村庄基本情况\n柳岸村户籍人口1200人，以茶叶种植为主导产业，茶园1500亩。村内道路全部硬化，自来水入户率100%，"
    "光纤宽带覆盖全村。\n"
)
GOALS = (
    "二、建设目标\n到2026年，村集体经营性收入达到30万元；生活污水处理率达到90%，人居环境整治目标全部完成。\n"
)
TASKS = (
    "三、建设任务\n（一）改造低产茶园500亩。牵头单位：镇农业服务中心，完成时限：2025年底。\n"
    "（二）建设茶叶加工车间1处。牵头单位：村股份经济合作社，完成时限：2026年6月。\n"
    "（三）硬化机耕道8公里。牵头单位：镇建设办，完成时限：2026年10月。\n"
)
FUNDS = (
    "四、资金安排\n2025年申请市级补助资金120万元，村集体自筹资金30万元；2026年申请市级补助资金80万元，"
    "村集体自筹资金20万元。\n"
)
SAFEGUARD = "五、保障措施\n成立以村党支部书记为组长的工作专班，镇纪委全程监督补助资金使用，每季度公开一次。\n"
REPORT = "六、村级发展自评报告（2023—2024年）\n2023年村集体经营性收入12万元，2024年15万元，茶叶产值分别为800万元和950万元。\n"
TAIL = "附件：村民代表大会决议（复印件）\n"


def _plan(**parts: str | None) -> str:
    base = {
        "form": FORM,
        "basis": BASIS,
        "goals": GOALS,
        "tasks": TASKS,
        "funds": FUNDS,
        "safeguard": SAFEGUARD,
        "report": REPORT,
        "tail": TAIL,
    }
    base.update(parts)
    return "柳岸村示范村建设实施方案\n" + "".join(v for v in base.values() if v)


@pytest.fixture(scope="module")
def rubric():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile_rubric(NOTICE)


def _statuses(rubric, text: str) -> dict[str, str]:
    return {i.name: i.status for i in check(load_document(text), rubric).items}


def test_checker_layouts_complete_plan_scores_full(rubric):
    result = check(load_document(_plan()), rubric)
    assert {i.name: i.status for i in result.items if i.status != "present"} == {}
    assert round(result.score) == 100


def test_checker_layouts_joined_heading_serves_both_parts(rubric):
    """ "一、村情与目标" holds the village's situation and its targets: both parts are there."""
    joined = "一、村情与目标\n" + BASIS.split("\n", 1)[1] + GOALS.split("\n", 1)[1]
    got = _statuses(rubric, _plan(basis=joined, goals=None))
    assert (got["村庄基本情况"], got["建设目标"]) == ("present", "present")
    assert (got["人口和产业概况"], got["村集体经营性收入目标"]) == ("present", "present")


def test_checker_layouts_qualitative_targets_fail_the_demand_for_numbers(rubric):
    """Targets in words only: the indicators and the section are partial, although the village's
    facts under the same heading carry numbers."""
    words = "二、建设目标\n通过两年建设，村集体经营性收入稳步增长，人居环境明显改善。\n"
    got = _statuses(rubric, _plan(goals=words))
    assert got["村集体经营性收入目标"] == "partial"
    assert got["建设目标"] == "partial"


def test_checker_layouts_per_item_deadlines(rubric):
    """逐项明确完成时限: one task of three without a date makes it partial; units are all given."""
    tasks = TASKS.replace("，完成时限：2026年10月", "")
    got = _statuses(rubric, _plan(tasks=tasks))
    assert (got["牵头单位"], got["完成时限"]) == ("present", "partial")


@pytest.mark.parametrize(
    "funds, expected",
    [
        # one year given, the other put off: partial for both sources
        (
            "四、资金安排\n2025年申请市级补助资金120万元，村集体自筹资金30万元；2026年资金安排待定。\n",
            "partial",
        ),
        # a source named with no amount of its own
        ("四、资金安排\n2025年、2026年共申请市级补助资金200万元，其余由村集体自筹解决。\n", "partial"),
    ],
)
def test_checker_layouts_money_per_source_and_year(rubric, funds, expected):
    got = _statuses(rubric, _plan(funds=funds))
    assert got["村集体自筹资金"] == expected


def test_checker_layouts_sub_heading_judged_on_its_own_body(rubric):
    """A sub-item with a heading of its own: one bare sentence is partial, 待定 is empty."""
    basis = "一、村庄基本情况\n（一）人口和产业概况\n户籍人口1200人。\n（二）基础设施现状\n待定。\n"
    got = _statuses(rubric, _plan(basis=basis))
    assert (got["人口和产业概况"], got["基础设施现状"]) == ("partial", "empty")


def test_checker_layouts_generic_sentence_section(rubric):
    """A section with no sub-requirements that is one generic sentence is partial; with facts it stands."""
    generic = "五、保障措施\n村两委将切实加强组织领导，确保各项工作顺利推进。\n"
    assert _statuses(rubric, _plan(safeguard=generic))["保障措施"] == "partial"
    short_fact = "五、保障措施\n镇财政每年安排配套资金50万元，专项用于示范村建设和村级公益设施管护。\n"
    assert _statuses(rubric, _plan(safeguard=short_fact))["保障措施"] == "present"


@pytest.mark.parametrize(
    "report, expected",
    [
        ("六、其他\n村级发展自评报告（2023—2024年）另行报送。\n", "empty"),  # named and put off
        ("六、其他\n自评报告详见附件2。\n", "empty"),
        (None, "missing"),
    ],
)
def test_checker_layouts_material_only_promised_is_empty(rubric, report, expected):
    assert _statuses(rubric, _plan(report=report))["村级发展自评报告（2023—2024年）"] == expected


def test_checker_layouts_form_label_pointing_to_attachment_is_empty(rubric):
    """Regression: "示范村申报表：见附件1。" was judged on the text after the label's offset in its line."""
    assert _statuses(rubric, _plan(form="示范村申报表：见附件1。\n"))["示范村申报表"] == "empty"


def test_checker_layouts_report_years_put_off_are_not_covered(rubric):
    report = "六、村级发展自评报告（2023—2024年）\n2024年村集体经营性收入15万元。2023年情况待统计后补充。\n"
    assert _statuses(rubric, _plan(report=report))["村级发展自评报告（2023—2024年）"] == "partial"


@pytest.mark.parametrize(
    "tail, expected",
    [
        ("附件：村民代表大会决议（复印件）\n", "present"),
        ("村民代表大会决议另行报送。\n", "empty"),
        ("", "missing"),
    ],
)
def test_checker_layouts_separate_document(rubric, tail, expected):
    assert _statuses(rubric, _plan(tail=tail))["村民代表大会决议"] == expected


def test_checker_layouts_unnumbered_plan(rubric):
    plain = (
        "柳岸村示范村建设实施方案\n\n村庄基本情况\n"
        + BASIS.split("\n", 1)[1]
        + "\n建设目标\n"
        + GOALS.split("\n", 1)[1]
        + "\n柳岸村村民委员会\n2025年3月\n"
    )
    got = _statuses(rubric, plain)
    assert (got["村庄基本情况"], got["建设目标"], got["建设任务"]) == ("present", "present", "missing")


# ---------------------------------------------------------------- naming a document
@pytest.mark.parametrize(
    "name, expected",
    [
        ("服务场所产权证明或租赁合同", ["服务场所产权证明", "租赁合同"]),
        ("营业执照或者登记证书", ["营业执照", "登记证书"]),
    ],
)
def test_checker_layouts_alternatives(name, expected):
    assert alternatives(name) == expected


@pytest.mark.parametrize(
    "line, names, expected",
    [
        ("1.青岑丰链冷链物流有限公司2023年、2024年财务审计报告", ["财务审计报告"], True),
        ("2.项目用地批复和环评批复复印件", ["项目用地、环评批复文件复印件"], True),  # most character pairs
        ("服务场所：西苑社区服务中心一层", ["服务场所产权证明或租赁合同", "租赁合同"], False),
        ("2.项目建设用地情况说明", ["项目用地、环评批复文件复印件"], False),
    ],
)
def test_checker_layouts_line_names_document(line, names, expected):
    assert names_it(line, names) is expected
