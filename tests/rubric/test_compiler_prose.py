"""Notice wording the compiler reads beyond seed 000's layout (issue 5: notices by other authors).

Every notice below is a short fictitious text written for these tests; each expected
item was worked out by reading the text as a reviewer would, not copied from output.
"""

from __future__ import annotations

import pytest
from rubric_helpers import compile_text, enumerated, item_tree

from pipeline.rubric.compiler import core


# ---------------------------------------------------------------- enumeration
@pytest.mark.parametrize(
    "text, expected",
    [
        # a shared attribute after a pair: both items are asked for it
        ("县级财政投入和争取上级资金的数额", ["县级财政投入", "争取上级资金"]),
        # the list ends at its 等-tail; the clause after it is not an item
        ("项目概况、服务内容、运营管理等部分，具体按附件2编写", ["项目概况", "服务内容", "运营管理"]),
        # two items of their own, one with 的 inside
        ("冷链物流设施现状和存在的主要问题", ["冷链物流设施现状", "存在的主要问题"]),
    ],
)
def test_compiler_enumeration_reads_shared_tails(text, expected):
    assert enumerated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "旅游业对县域经济和就业的带动作用",  # 对A和B的C: one head noun, two objects of 对
        "外贸进出口规模及增幅",
    ],
)
def test_compiler_enumeration_keeps_one_head_whole(text):
    assert enumerated(text) == [text]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("建设内容", "建设内容"),
        ("服务内容", "服务内容"),
        ("特色产业集群发展情况", "特色产业集群发展"),
        ("对外交流合作情况", "对外交流合作"),
    ],
)
def test_compiler_core_keeps_two_character_stems(name, expected):
    """建设内容 -> 建设 made 建设 a synonym that matched every heading with 建设 in it."""
    assert core(name) == expected


# ---------------------------------------------------------------- clause chains
CHAIN = (
    "三、申报材料\n"
    "（一）示范区申请表（附件1）。\n"
    "（二）创建工作方案。方案须说明创建基础，包括资源禀赋、发展现状和存在的主要问题；应明确创建目标，"
    "创建目标须量化，至少包括年接待游客人次、旅游总收入；重点阐述主要任务，包括产品体系建设、公共服务设施建设；"
    "应明确组织保障，说明领导小组组成及部门职责分工。\n"
    "（三）旅游发展情况报告（2022—2024年）。须说明2022年、2023年、2024年各年度接待游客人次，重点阐述旅游业对县域经济"
    "和就业的带动作用。\n"
    "（四）重点项目清单。应列明每个项目的建设内容、总投资、建设期限和责任单位，可以表格形式列示。\n"
    "四、其他\n联系人：张三。"
)


def test_compiler_clause_chain_names_the_plan_parts():
    tree = item_tree(compile_text(CHAIN))
    plan = "创建工作方案"
    assert [p.split("/")[1] for p, (k, _) in tree.items() if k == "section"] == [
        "创建基础",
        "创建目标",
        "主要任务",
        "组织保障",
    ]
    assert tree[f"{plan}/创建基础/资源禀赋"] == ("requirement", "mentions")
    assert tree[f"{plan}/创建基础/存在的主要问题"] == ("requirement", "mentions")
    # 须量化 makes the listed indicators number checks
    assert tree[f"{plan}/创建目标/年接待游客人次"] == ("requirement", "has_numbers")
    assert tree[f"{plan}/创建目标/旅游总收入"] == ("requirement", "has_numbers")
    assert tree[f"{plan}/组织保障/部门职责分工"] == ("requirement", "assigns_duties")


def test_compiler_material_sentences_give_its_requirements():
    tree = item_tree(compile_text(CHAIN))
    report = "旅游发展情况报告（2022—2024年）"
    # the years listed before the wording: each year needs its figures
    assert tree[f"{report}/各年度接待游客人次"] == ("requirement", "covers_years")
    assert tree[f"{report}/旅游业对县域经济和就业的带动作用"] == ("requirement", "mentions")
    assert tree["重点项目清单/建设内容"] == ("requirement", "mentions")
    assert tree["重点项目清单/总投资"] == ("requirement", "has_money")
    assert tree["重点项目清单/建设期限"] == ("requirement", "has_deadline")
    assert tree["重点项目清单/责任单位"] == ("requirement", "names_units")  # a unit, no person asked
    assert not any("表格" in p for p in tree)  # "可以表格形式列示" is advice


def test_compiler_one_clause_is_no_chain():
    """ "方案须说明建设基础" alone may be a plain demand: no sections from it."""
    text = (
        "三、申报材料\n（一）申请表。\n（二）建设方案。方案须说明建设基础，包括资源和现状。\n四、其他\n无。"
    )
    tree = item_tree(compile_text(text))
    assert not any(k == "section" for k, _ in tree.values())


# ---------------------------------------------------------------- prose materials and forms
PROSE = (
    "三、申报材料\n"
    "申报单位应当提交申报书和建设运营方案。申报书按附件1格式填写，主要内容：申报单位基本信息、服务场所情况、已获补助情况。\n"
    "建设运营方案应当包括项目概况、服务内容、运营管理、资金预算等部分，具体按附件2编写。资金预算应当分2025年、2026年"
    "两个年度列明建设资金和运营资金，并注明申请补助金额。方案须附服务场所租赁合同。\n"
    "四、申报时间\n6月30日前。\n"
    "附件2\n建设运营方案编写提纲\n一、项目概况。包括选址及建筑面积、床位数。\n二、服务内容。主要内容：日间照料、助餐服务。\n"
    "三、运营管理。包括人员配置、管理制度。\n四、资金预算。包括建设资金、运营资金，分年度列明。\n"
    "云州市民政局　　云州市财政局\n2025年5月6日"
)


def test_compiler_prose_materials_and_form_fields():
    rubric = compile_text(PROSE)
    tree = item_tree(rubric)
    tops = [i.name for i in rubric.top_level()]
    assert tops[:2] == ["申报书", "建设运营方案"]
    # a form filed beside a plan lists facts, not chapters
    assert tree["申报书/申报单位基本信息"][0] == "requirement"
    assert tree["申报书/已获补助情况"][0] == "requirement"
    # the plan's parts from the prose, their requirements from the 提纲
    assert [p.split("/")[1] for p, (k, _) in tree.items() if k == "section"] == [
        "项目概况",
        "服务内容",
        "运营管理",
        "资金预算",
    ]
    assert tree["建设运营方案/项目概况/床位数"] == ("requirement", "has_numbers")  # a count asks for a number
    assert tree["建设运营方案/服务内容/日间照料"] == ("requirement", "mentions")
    # "分年度列明" after the list asks every listed sum for each year of 2025—2026
    money = {i.name: (i.check, i.params.get("years")) for i in rubric.items if i.parent == "plan.funding"}
    assert money["建设资金"] == ("has_money_per_year", [2025, 2026])
    assert money["运营资金"] == ("has_money_per_year", [2025, 2026])
    # the issuer and the date under the 提纲 are no requirements
    assert not any("民政局" in p or "5月6日" in p for p in tree)


def test_compiler_attached_material_is_scored_and_marked():
    rubric = compile_text(PROSE)
    lease = next(i for i in rubric.top_level() if "租赁合同" in i.name)
    assert (lease.scope, lease.params.get("attach")) == ("plan", True)


# ---------------------------------------------------------------- outlines and tables
def test_compiler_outline_year_items_are_per_year_requirements():
    text = (
        "三、申报材料\n申报村应编制《示范村建设实施方案》，按下列提纲编写：\n"
        "（一）村庄基本情况\n1.人口和产业概况；\n2.基础设施现状。\n"
        "（二）进度安排\n1.2024年度；\n2.2025年度。\n"
        "实施方案须附村民代表大会决议。\n四、申报程序\n4月30日前报送。"
    )
    rubric = compile_text(text)
    years = [(i.name, i.check, i.params.get("years")) for i in rubric.items if i.parent == "plan.schedule"]
    assert years == [("2024年度", "covers_years", [2024]), ("2025年度", "covers_years", [2025])]


def test_compiler_table_rows_joined_by_normalisation_split_again():
    """A row's last cell without a full stop runs into the next row's number after normalisation."""
    text = (
        "五、申报材料\n申报材料清单\n序号\t材料名称\t要求\n1\t试点申报表\t附件1\n"
        "2\t居民意见汇总材料\t须附后\n3\t数据安全承诺书\t街道办事处出具\n六、时间安排\n6月30日前。"
    )
    names = [i.name for i in compile_text(text).top_level()]
    assert names == ["试点申报表", "居民意见汇总材料", "数据安全承诺书"]


# ---------------------------------------------------------------- check types from wording
@pytest.mark.parametrize(
    "wording, check",
    [
        ("逐项明确牵头单位", "names_units"),
        ("明确责任单位、责任人", "names_units_and_posts"),
        ("完成时限", "has_deadline"),
        ("项目总投资", "has_money"),
        ("申请补助金额", "has_money"),
        ("床位数", "has_numbers"),
    ],
)
def test_compiler_requirement_wording_picks_its_check(wording, check):
    text = (
        "三、申报材料\n（一）申请表。\n（二）实施方案。实施方案包括建设基础、建设目标等内容。"
        f"其中，建设基础部分要{wording}。\n四、其他\n无。"
    )
    reqs = [i for i in compile_text(text).items if i.parent == "plan.basis"]
    assert [r.check for r in reqs] == [check]


def test_compiler_requirement_sentence_finds_its_section_by_leading_words():
    """ "投资估算应当区分…" names the section 投资估算及资金筹措; "建设内容应当覆盖…" keeps 内容 in the name."""
    text = (
        "四、实施方案编制要求\n实施方案主要包括基本情况、建设内容、投资估算及资金筹措、保障措施等内容。"
        "建设内容应当覆盖智慧安防、智慧养老两个方面；投资估算应当区分硬件设备和软件平台，并说明资金来源。\n"
        "五、申报材料\n申报材料清单\n序号\t材料名称\t要求\n1\t试点实施方案\t按第四条编制\n六、其他\n无。"
    )
    tree = item_tree(compile_text(text))
    plan = next(p for p in tree if p.endswith("实施方案") and tree[p][0] == "material")
    assert f"{plan}/建设内容/智慧安防" in tree and f"{plan}/建设内容/智慧养老" in tree
    for name in ("硬件设备", "软件平台", "资金来源"):  # "并说明资金来源" is one more requirement
        assert f"{plan}/投资估算及资金筹措/{name}" in tree


def test_compiler_related_part_takes_the_missing_part_synonyms():
    """A notice with 保障措施 and no 工作机制: a plan's 组织实施 answers 保障措施."""
    text = (
        "三、申报材料\n（一）申请表。\n（二）实施方案。实施方案包括建设目标、保障措施等内容。\n四、其他\n无。"
    )
    rubric = compile_text(text)
    assert "组织实施" in rubric.get("plan.policies").synonyms
    seed_like = (
        "三、申报材料\n（一）申请表。\n（二）实施方案。实施方案包括工作机制、保障措施等内容。\n四、其他\n无。"
    )
    # both asked: each keeps its own words
    assert "组织实施" not in compile_text(seed_like).get("plan.policies").synonyms
