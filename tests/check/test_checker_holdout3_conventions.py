"""Conventions of plans by another author (issue 5, corpora/plans_holdout3 read as development data).

Every snippet below was written for this test (names, places and figures invented; nothing is copied
from the holdout3 plans); each expected status was decided by reading it against corpora/plans/GUIDE.md:

* a heading that carries its own placeholder ("申报表（略）") is ``empty`` whatever text follows it
  (GUIDE: "申请表 略" is empty) — attached.heading_defers;
* a template's bracketed fill-in hint left under a heading ("（说明……不超过1000字）") is the notice's
  text, not the applicant's: a heading followed only by its hint is ``empty`` — requirements.mask_template_hints;
* a government's policy document the notice names by kind ("…人民政府支持…的政策文件（复印件）") is
  attached when the plan's attachment list names an issued policy by its title and 文号 — attached.attached_status;
* 长效管护 / 建后管护 name a plan's 运营管护 part (section_synonyms.yaml), and a paragraph opened by
  "建后管护方面，" inside 保障措施 is that part, not content merely inside another chapter.
"""

from __future__ import annotations

import pytest

from pipeline.check import check
from pipeline.check.attached import attached_status, heading_defers, is_separate_document
from pipeline.check.requirements import body_state, mask_template_hints
from pipeline.data import load_data
from pipeline.rubric.schema import Rubric, RubricItem


def _material(rid: str, name: str, **params: object) -> RubricItem:
    return RubricItem(rid, name, "material", None, "present", dict(params), 1.0, [])


def _section(rid: str, name: str, synonyms: list[str] | None = None) -> RubricItem:
    return RubricItem(rid, name, "section", None, "present", {}, 1.0, list(synonyms or []))


def _req(rid: str, parent: str, name: str, check_: str = "mentions", **params: object) -> RubricItem:
    return RubricItem(rid, name, "requirement", parent, check_, {"keywords": [name], **params}, 1.0)


def _statuses(plan: str, items: list[RubricItem]) -> dict[str, str]:
    return {r.name: r.status for r in check(plan, Rubric(items=items)).items}


# ------------------------------------------------------------------ a heading's own placeholder
@pytest.mark.parametrize(
    "title",
    [
        "第二批省级智慧商圈申报表（略）",
        "一、项目申报表（见附件1）",
        "2023—2025年运行情况统计表（另行报送）",
        "申报书(略)",
    ],
)
def test_checker_holdout3_conventions_heading_defers(title: str) -> None:
    assert heading_defers(title)


@pytest.mark.parametrize(
    "title",
    [
        "（一）总体目标（2026—2028年）",  # a period, not a deferral
        "智慧商圈建设方案（试行）",
        "一、项目申报表",
        "附件：某县人民政府承诺函（附后）",  # attached, not deferred
        "三、资金安排（单位：万元）",
    ],
)
def test_checker_holdout3_conventions_heading_defers_must_not_match(title: str) -> None:
    assert not heading_defers(title)


def test_checker_holdout3_conventions_form_with_placeholder_heading_is_empty() -> None:
    # the line after "申报表（略）" is the next material's title and preamble, not the form's content
    plan = (
        "青垣县申报材料\n\n"
        "一、省级智慧商圈申报表（略）\n\n"
        "二、青垣县智慧商圈建设方案\n"
        "为加快商圈数字化改造，结合本县实际，制定本方案。全县现有商户1200家，年营业额35亿元。\n"
    )
    form = _material("m1", "省级智慧商圈申报表")
    assert _statuses(plan, [form])["省级智慧商圈申报表"] == "empty"


def test_checker_holdout3_conventions_form_with_content_stays_present() -> None:
    plan = (
        "一、省级智慧商圈申报表\n"
        "申报单位：青垣县商务局\t联系人：方明\t电话：0871-5550123\n"
        "商圈名称：青垣县城南商圈\t商户数量：1200家\t年营业额：35亿元\n\n"
        "二、建设方案\n略述。\n"
    )
    form = _material("m1", "省级智慧商圈申报表")
    assert _statuses(plan, [form])["省级智慧商圈申报表"] == "present"


# ------------------------------------------------------------------ template hints left in the plan
HINTS = [
    "（说明本县商圈的区位、面积和商户构成，不超过1000字）",
    "（提出2026年至2027年建设目标，目标须可量化）",
    "（按照硬件改造、平台建设两类分别列出建设任务，写明实施主体）",
    "（重点说明运营主体和运维经费来源）",
]


@pytest.mark.parametrize("hint", HINTS)
def test_checker_holdout3_conventions_hint_masked(hint: str) -> None:
    text = f"二、建设目标\n{hint}\n三、建设内容\n"
    masked = mask_template_hints(text)
    assert len(masked) == len(text)  # offsets kept
    assert hint not in masked and masked.strip().startswith("二、建设目标") and "三、建设内容" in masked


@pytest.mark.parametrize(
    "line",
    [
        "（单位：万元）",
        "（2025年7月—2026年12月）",
        "（说明：表中数据来源于县统计局2025年统计年鉴）",  # a note on the data, not an instruction
        "（一）建设目标",
        "（申报书见附件1）",  # a pointer: judged as a placeholder, not masked
        "到2027年，商圈数字化改造率达到80%（说明本县将分两年实施改造）。",  # a sentence, not a bracketed line
    ],
)
def test_checker_holdout3_conventions_hint_must_not_match(line: str) -> None:
    text = f"二、建设目标\n{line}\n"
    assert mask_template_hints(text) == text


def test_checker_holdout3_conventions_heading_with_only_its_hint_is_empty() -> None:
    text = "二、建设目标\n（提出2026年至2027年建设目标，目标须可量化，至少包含商户线上化率等指标）\n\n三、建设内容\n"
    start = text.index("（")
    end = text.index("三、")
    assert body_state(text, start, end) == "full"  # the hint alone reads as words…
    assert body_state(mask_template_hints(text), start, end) == "empty"  # …but holds none of the applicant's


def test_checker_holdout3_conventions_hint_section_in_a_plan() -> None:
    plan = (
        "青垣县智慧商圈建设方案\n\n"
        "第一部分 建设基础\n"
        "（说明本县商圈的区位、面积和商户构成，不超过1000字）\n"
        "城南商圈位于县城中心，面积0.8平方公里，现有商户1200家，其中餐饮类420家、零售类610家。\n\n"
        "第二部分 建设目标\n"
        "（提出2026年至2027年建设目标，目标须可量化，至少包含商户线上化率、商圈客流量两项指标）\n\n"
        "第三部分 建设内容\n"
        "建设商圈数字化管理平台1个，改造智慧停车场2处，由县商务局牵头、县城投公司实施。\n"
    )
    items = [
        _section("s1", "建设基础"),
        _section("s2", "建设目标"),
        _req("s2.r1", "s2", "商户线上化率", "has_numbers"),
        _section("s3", "建设内容"),
    ]
    got = _statuses(plan, items)
    # a hint above the applicant's own text changes nothing; a hint alone is an empty heading
    assert got["建设基础"] == "present"
    assert got["建设目标"] == "empty"
    assert got["商户线上化率"] == "missing"  # GUIDE: sub-requirements of an empty section are missing
    assert got["建设内容"] == "present"


# ------------------------------------------------------------------ policy documents named by kind
POLICY = "所在县（市、区）人民政府支持夜间经济发展的政策文件（复印件）"


def test_checker_holdout3_conventions_policy_document_is_separate() -> None:
    assert is_separate_document(_material("m", POLICY))
    assert not is_separate_document(_material("m", "夜间经济集聚区建设方案"))


@pytest.mark.parametrize(
    "plan",
    [
        "正文。\n\n附件：青垣县人民政府关于促进夜间经济发展的实施意见（青政发〔2025〕9号，复印件）\n",
        "正文。\n\n附件：\n1．统计数据\n2．青垣县人民政府办公室关于印发支持夜间消费若干措施的通知（青政办发〔2024〕31号）\n",
    ],
)
def test_checker_holdout3_conventions_policy_document_attached(plan: str) -> None:
    found = attached_status(_material("m", POLICY), plan)
    assert found is not None and found[0] == "present"


@pytest.mark.parametrize(
    "plan",
    [
        # a policy cited in the body is not attached
        "根据《青垣县人民政府关于促进夜间经济发展的实施意见》（青政发〔2025〕9号），制定本方案。\n",
        # an attachment list with no policy in it
        "正文。\n\n附件：\n1．申报表\n2．2023—2025年客流量统计数据（详见附件2）\n",
    ],
)
def test_checker_holdout3_conventions_policy_document_must_not_match(plan: str) -> None:
    assert attached_status(_material("m", POLICY), plan) is None


# ------------------------------------------------------------------ 运营管护 in other words
def _operation_synonyms() -> list[str]:
    return list(load_data("section_synonyms.yaml")["sections"]["operation"]["synonyms"])


@pytest.mark.parametrize("heading", ["五、长效管护", "五、建后管护", "五、运营管护"])
def test_checker_holdout3_conventions_upkeep_heading(heading: str) -> None:
    plan = (
        "四、资金安排\n项目总投资900万元。\n\n"
        f"{heading}\n项目建成后由青垣县农投公司负责运营，平台运维经费每年30万元由县级财政保障。\n\n"
        "六、保障措施\n成立工作专班，县农业农村局负责统筹。\n"
    )
    op = _section("op", "运营管护机制", _operation_synonyms())
    assert _statuses(plan, [op])["运营管护机制"] == "present"


UPKEEP_ITEMS = [
    RubricItem("op", "运营管护机制", "section", None, "present", {}, 1.0, _operation_synonyms(), "operation"),
    _req("op.r1", "op", "运营主体", "names_units"),
    _req("op.r2", "op", "运维经费", "mentions"),
    RubricItem("pol", "保障措施", "section", None, "present", {}, 1.0, ["保障措施"], "policies"),
]


def test_checker_holdout3_conventions_upkeep_paragraph_inside_safeguards() -> None:
    # "建后管护方面，" opens the part under its own words: the plan's 运营管护机制 (GUIDE: content counts
    # wherever it is)
    plan = (
        "【保障措施】\n"
        "成立由分管副县长任组长的工作专班，县农业农村局负责统筹调度。\n"
        "建后管护方面，基地设施建成后由青垣县农投有限公司负责运营，运维经费由县级财政每年安排40万元。\n"
    )
    assert _statuses(plan, UPKEEP_ITEMS)["运营管护机制"] == "present"


def test_checker_holdout3_conventions_upkeep_mentioned_without_label_is_partial() -> None:
    # the same facts run into a sentence about something else: content inside another chapter only
    plan = (
        "【保障措施】\n"
        "成立由分管副县长任组长的工作专班，县农业农村局负责统筹调度，"
        "基地设施建成后的运营管护由青垣县农投有限公司负责，运维经费由县级财政每年安排40万元。\n"
    )
    assert _statuses(plan, UPKEEP_ITEMS)["运营管护机制"] == "partial"


# ------------------------------------------------------------------ a government's consent named by kind
CONSENT = "县级人民政府同意申报的文件"


def test_checker_holdout3_conventions_consent_is_separate() -> None:
    assert is_separate_document(_material("m", CONSENT))


@pytest.mark.parametrize(
    "plan, expected",
    [
        (
            "正文。\n\n附件：青垣县人民政府关于同意申报县域物流配送中心项目的批复（青政复〔2026〕7号，复印件）\n",
            "present",
        ),
        (
            "正文。\n\n附件：\n1．申报表\n2．青垣县人民政府关于同意申报县域物流配送中心项目的函（附后）\n",
            "present",
        ),
        ("正文。\n\n县人民政府同意申报的文件正在履行签发程序，另行报送。\n", "empty"),
    ],
)
def test_checker_holdout3_conventions_consent_attached(plan: str, expected: str) -> None:
    found = attached_status(_material("m", CONSENT), plan)
    assert found is not None and found[0] == expected


def test_checker_holdout3_conventions_consent_must_not_match() -> None:
    # the plan's body saying the county agreed is no attached document
    plan = "县人民政府高度重视，专题研究同意实施本项目，成立工作专班。\n"
    assert attached_status(_material("m", CONSENT), plan) is None


# ------------------------------------------------------------------ a 目录 is not the plan's headings
TOC_PLAN = (
    "青垣县县域物流配送中心项目申报材料\n\n"
    "目　录\n"
    "一、项目申报表……………………………………1\n"
    "二、实施方案………………………………………2\n"
    "三、运营机制………………………………………5\n\n\n"
    "一、项目申报表\n"
    "申报单位\t青垣县商务局\n联系人\t方明\n联系电话\t0871-5550123\n项目总投资（万元）\t1850\n\n"
    "二、实施方案\n"
    "（一）建设内容\n新建县级物流配送中心1处，面积6000平方米，由青垣县供销物流有限公司实施。\n"
    "（二）工作机制\n成立工作专班，每月调度一次，县商务局负责统筹协调，县财政局负责资金监管。\n"
)


def test_checker_holdout3_conventions_toc_spans() -> None:
    from pipeline.check.plan_parser import toc_spans

    spans = toc_spans(TOC_PLAN)
    assert len(spans) == 1
    s, e = spans[0]
    assert TOC_PLAN[s:e].startswith("目　录") and TOC_PLAN[s:e].endswith("三、运营机制………………………………………5")


@pytest.mark.parametrize(
    "text",
    [
        "一、项目申报表\n申报单位：青垣县商务局\n",  # no 目录 at all
        "本方案目录如下：建设内容、运营机制。\n",  # 目录 in a sentence, not a line of its own
    ],
)
def test_checker_holdout3_conventions_toc_must_not_match(text: str) -> None:
    from pipeline.check.plan_parser import toc_spans

    assert toc_spans(text) == []


def test_checker_holdout3_conventions_toc_entry_is_not_the_form() -> None:
    # the 目录's "一、项目申报表" has no body; the form itself follows the 目录 and is filled in
    items = [_material("m1", "项目申报表")]
    assert _statuses(TOC_PLAN, items)["项目申报表"] == "present"


def test_checker_holdout3_conventions_toc_entry_does_not_stand_for_a_chapter() -> None:
    # the 目录 lists 运营机制 but the plan has no such chapter, and "（二）工作机制" (a working group)
    # shares only the bare head 机制 with it: 运营机制 is missing (GUIDE: nowhere in the plan)
    items = [
        _section("op", "运营机制", ["运营机制", "运营模式"]),
        _req("op.r1", "op", "运营主体", "names_units"),
        _req("op.r2", "op", "盈利模式", "mentions"),
    ]
    assert _statuses(TOC_PLAN, items)["运营机制"] == "missing"


@pytest.mark.parametrize(
    "title, name, expected",
    [
        ("工作机制", "运营模式", 0.0),  # only the bare head 机制 (family of 模式) in common
        ("组织保障", "工作机制", 0.0),
    ],
)
def test_checker_holdout3_conventions_bare_head_is_no_word_match(
    title: str, name: str, expected: float
) -> None:
    from pipeline.check.matcher import word_score

    assert word_score(title, [name]) == expected


@pytest.mark.parametrize(
    "title, name", [("运营机制", "运营模式"), ("运维机制", "运营模式"), ("经费测算", "资金预算")]
)
def test_checker_holdout3_conventions_shared_word_still_matches(title: str, name: str) -> None:
    from pipeline.check.matcher import word_score

    assert word_score(title, [name]) > 0.0


# ------------------------------------------------------------------ chapter styles: 评审内容一, ■
@pytest.mark.parametrize(
    "line, title",
    [
        ("评审内容一 项目基础", "项目基础"),
        ("评审内容三、绩效目标", "绩效目标"),
        ("评分项目二：建设内容", "建设内容"),
        ("■ 保障措施", "保障措施"),
        ("◆运营管理", "运营管理"),
    ],
)
def test_checker_holdout3_conventions_chapter_styles(line: str, title: str) -> None:
    from pipeline.check.plan_parser import find_headings

    heads = find_headings(load_document_text(f"{line}\n正文第一句，写明具体内容。\n"))
    assert [h.title for h in heads] == [title]


@pytest.mark.parametrize(
    "line",
    [
        "■ 加强宣传推广，营造良好氛围，确保各项工作落到实处，形成全社会共同关心支持的良好局面。",  # runs on: body
        "评审内容由专家组按评分标准逐项打分。",  # the words, no ordinal and no title
        "■",
    ],
)
def test_checker_holdout3_conventions_chapter_styles_must_not_match(line: str) -> None:
    from pipeline.check.plan_parser import find_headings

    assert find_headings(load_document_text(f"{line}\n")) == []


def load_document_text(text: str):  # type: ignore[no-untyped-def]
    from pipeline.check.plan_parser import load_document

    return load_document(text if "\n" in text else text + "\n")


def test_checker_holdout3_conventions_scoring_item_chapters_in_a_plan() -> None:
    plan = (
        "青垣县冷链物流项目实施方案\n（对照评审标准逐项编写）\n\n"
        "评审内容一 项目基础\n全县现有冷库28座，总库容1.6万吨，冷藏车31辆。\n\n"
        "评审内容二 投资与资金\n项目总投资及资金构成正在测算中，待可研批复后补充。\n\n"
        "评审内容三 保障条件\n县政府成立项目指挥部，县商务局负责日常调度，2026年6月底前完成立项。\n"
    )
    items = [_section("s1", "项目基础"), _section("s2", "投资与资金"), _section("s3", "保障条件")]
    got = _statuses(plan, items)
    # GUIDE: a body that is only a placeholder ("正在测算中…待…补充") is empty
    assert got == {"项目基础": "present", "投资与资金": "empty", "保障条件": "present"}


# ------------------------------------------------------------------ tables: a long title line, a deferred cell
def test_checker_holdout3_conventions_table_title_with_years_is_found() -> None:
    # the title line is long only for its years; the table under it is the material (GUIDE: present)
    plan = (
        "五、保障条件\n县商务局负责统筹，县财政局负责资金监管，2026年6月底前完成立项。\n\n"
        "2023年至2025年县域农产品冷链物流发展情况统计表\n"
        "指标\t2023年\t2024年\t2025年\n冷库总库容（吨）\t15200\t16800\t18100\n冷藏车保有量（辆）\t22\t27\t31\n"
    )
    items = [
        _material("m3", "2023年至2025年县域农产品冷链物流发展情况统计表"),
        _req("m3.years", "m3", "覆盖2023年-2025年", "covers_years", years=[2023, 2024, 2025]),
    ]
    got = _statuses(plan, items)
    assert got["2023年至2025年县域农产品冷链物流发展情况统计表"] == "present"
    assert got["覆盖2023年-2025年"] == "present"


@pytest.mark.parametrize(
    "rows, expected",
    [
        # one column put off: the years and the other column's figures still stand
        (
            "2023年\t96\t正在核实，待补充\n2024年\t118\t正在核实，待补充\n2025年\t131\t正在核实，待补充\n",
            "present",
        ),
        # a whole row put off, no cells: that year is not covered
        ("2023年数据待补充。\n2024年\t118\t3.1\n2025年\t131\t3.6\n", "partial"),
    ],
)
def test_checker_holdout3_conventions_deferred_cell_keeps_its_row(rows: str, expected: str) -> None:
    from pipeline.check.requirements import check_covers_years

    text = "附：近三年夜间客流量和营业额统计数据\n年份\t夜间客流量（万人次）\t营业额（亿元）\n" + rows
    item = _req("y", "m", "覆盖2023年-2025年", "covers_years", years=[2023, 2024, 2025])
    assert check_covers_years(item, text, 0, len(text)).status == expected


# ------------------------------------------------------------------ a demand to name the part itself
@pytest.mark.parametrize("heading", ["三、重点建设任务", "三、主要任务"])
def test_checker_holdout3_conventions_demand_met_by_its_heading(heading: str) -> None:
    # "重点建设任务：…每项任务须明确完成时限" compiles to a demand that the part mention its own name;
    # the chapter the plan heads for it answers that, under the notice's word or a synonym
    plan = (
        f"{heading}\n（一）街区改造\n改造沿街店招120处，2026年10月底前完成。\n"
        "（二）停车设施\n新增停车泊位300个，2027年6月底前完成。\n"
    )
    items = [
        _section("t", "重点建设任务", ["重点建设任务", "主要任务"]),
        RubricItem(
            "t.d",
            "重点建设任务",
            "requirement",
            "t",
            "mentions",
            {"keywords": ["重点建设任务", "任务"], "demand": True},
            0.0,
        ),
        _req("t.r1", "t", "完成时限", "has_deadline"),
    ]
    got = _statuses(plan, items)
    assert got["重点建设任务"] == "present"


def test_checker_holdout3_conventions_demand_for_other_words_still_checked() -> None:
    # a demand whose words are not the part's own name is judged on the body as before
    plan = "三、重点建设任务\n（一）街区改造\n改造沿街店招120处。\n"
    items = [
        _section("t", "重点建设任务", ["重点建设任务"]),
        RubricItem(
            "t.d",
            "可持续运营机制",
            "requirement",
            "t",
            "mentions",
            {"keywords": ["可持续运营机制"], "demand": True},
            0.0,
        ),
    ]
    assert _statuses(plan, items)["重点建设任务"] == "partial"


# ------------------------------------------------------------------ answers that do not name the requirement
ORG = (
    "成立县冷链物流项目推进工作领导小组，由常务副县长任组长，县商务局、县财政局为成员单位，统筹推进项目实施。"
)
SCHEDULE = (
    "2026年5月—2026年8月\t项目选址、立项\n2026年9月—2027年6月\t冷库和集配中心建设\n2027年10月底前\t竣工验收\n"
)


@pytest.mark.parametrize(
    "name, body, expected",
    [
        ("组织保障", ORG, "present"),  # a leading group, its head and member units: the organisation
        ("进度安排", SCHEDULE, "present"),  # dated steps: the schedule
        # words about organising, no organisation: one generic sentence (GUIDE: partial), not present
        ("组织保障", "加强组织领导，形成工作合力。", "partial"),
        ("进度安排", "项目将按计划有序推进。", "missing"),  # no date at all
    ],
)
def test_checker_holdout3_conventions_unnamed_answers(name: str, body: str, expected: str) -> None:
    from pipeline.check.requirements import check_mentions

    item = _req("r", "s", name, "mentions")
    assert check_mentions(item, body, 0, len(body)).status == expected


def test_checker_holdout3_conventions_cues_need_the_whole_requirement() -> None:
    # dates do not answer "每项任务的目标成果、进度安排、保障措施": it asks for targets and safeguards too
    from pipeline.check.requirements import _cue_spans

    assert _cue_spans("每项任务的目标成果、进度安排、保障措施", SCHEDULE, 0) == {}
    assert len(_cue_spans("进度安排", SCHEDULE, 0)) == 2


@pytest.mark.parametrize(
    "body, expected",
    [
        ("截至2025年底，全县拥有冷藏车74辆，其中第三方物流企业自有41辆。", "present"),
        ("新建游船码头2处，购置观光游船6艘。", "present"),
        ("冷藏车数量逐年增加，运力明显增强。", "partial"),  # named, no figure (GUIDE: qualitative)
    ],
)
def test_checker_holdout3_conventions_counters_are_figures(body: str, expected: str) -> None:
    from pipeline.check.requirements import check_has_numbers

    kw = "冷藏车" if "冷藏车" in body else "游船"
    item = _req("r", "s", kw, "has_numbers", keywords=[kw])
    assert check_has_numbers(item, body, 0, len(body)).status == expected


@pytest.mark.parametrize(
    "table, expected",
    [
        # a target table whose cells carry their units: figures for the indicator (GUIDE: present)
        ("年度\t夜间客流量\t夜间消费额\n2026年\t210万人次\t4.1亿元\n2027年\t240万人次\t4.8亿元\n", "present"),
        # the column is there but holds words only: named, no figure (GUIDE: partial)
        ("年度\t夜间客流量\t夜间消费额\n2026年\t稳步增长\t稳步增长\n2027年\t持续增长\t持续增长\n", "partial"),
    ],
)
def test_checker_holdout3_conventions_figure_cells_with_units(table: str, expected: str) -> None:
    from pipeline.check.requirements import check_has_numbers

    text = "发展目标：\n" + table
    item = _req("r", "s", "夜间客流量", "has_numbers", keywords=["夜间客流量"])
    assert check_has_numbers(item, text, 0, len(text)).status == expected


@pytest.mark.parametrize(
    "body, expected",
    [
        # assessed and checked on: 考核 + 督查 (+ 通报)
        ("将创建任务纳入部门年度目标考核，由县政府督查室每季度督查通报。", "present"),
        ("实行月调度、季考评，对进度滞后的单位进行约谈。", "present"),
        # one way of saying "we will check": 督促 and 检查 are one cue — a generic sentence, not an answer
        ("加强对创建工作的督促检查，确保各项任务按期完成。", "partial"),
    ],
)
def test_checker_holdout3_conventions_oversight_cues(body: str, expected: str) -> None:
    from pipeline.check.requirements import check_mentions

    item = _req("r", "s", "监督考核", "mentions")
    assert check_mentions(item, body, 0, len(body)).status == expected


@pytest.mark.parametrize(
    "rows, expected",
    [
        ("2026年\t420万元\t120万元\n2027年\t380万元\t100万元\n2028年\t200万元\t80万元\n", "present"),
        # one year left out: some years only (GUIDE: partial)
        ("2026年\t420万元\t120万元\n2027年\t380万元\t100万元\n", "partial"),
        # in a sentence: one year of three with its amounts (GUIDE: partial, "funding for 2019 only")
        ("2026年计划投入省级资金420万元、县级配套资金120万元，主要用于基地改造。\n", "partial"),
    ],
)
def test_checker_holdout3_conventions_money_per_year_in_a_table(rows: str, expected: str) -> None:
    from pipeline.check.requirements import check_has_money

    text = "项目总投资1500万元。\n年度\t省级资金\t县级配套\n" + rows
    item = _req(
        "r",
        "s",
        "2026年、2027年、2028年资金安排",
        "has_money",
        keywords=["资金安排"],
        years=[2026, 2027, 2028],
    )
    assert check_has_money(item, text, 0, len(text)).status == expected


def test_checker_holdout3_conventions_money_rows_must_not_match() -> None:
    from pipeline.check.requirements import check_has_money

    # year rows of counts, not amounts, and a past year's amount: no money per year for 2026—2028
    text = (
        "2025年全县农产品网络销售额3.2亿元。\n"
        "年度\t新建基地（个）\t接入主体（家）\n2026年\t3\t40\n2027年\t2\t35\n2028年\t1\t25\n"
    )
    item = _req(
        "r",
        "s",
        "2026年、2027年、2028年资金安排",
        "has_money",
        keywords=["资金安排"],
        years=[2026, 2027, 2028],
    )
    assert check_has_money(item, text, 0, len(text)).status == "missing"


# ------------------------------------------------------------------ 【】 chapters written as a numbered series
SERIES_PLAN = (
    "【建设目标】\n到2027年，全县数字化覆盖率达到50%。\n\n"
    "【建设任务一：智慧果园】\n在青垣镇建设智慧果园2个，面积1500亩，实施主体为青垣县果业合作社。\n\n"
    "【建设任务二：数据平台】\n建设县级果业大数据平台1个，由县农业农村局建设运营。\n\n"
    "【建设任务三：应用场景】\n建设病虫害智能识别和产销对接两个应用场景，覆盖经营主体60家。\n\n"
    "【保障措施】\n成立工作专班，县农业农村局负责统筹。\n"
)


def test_checker_holdout3_conventions_bracket_title_keeps_its_colon() -> None:
    from pipeline.check.plan_parser import load_document, plan_sections

    titles = [s.title for s in plan_sections(load_document(SERIES_PLAN))]
    assert "建设任务三：应用场景" in titles and "建设任务三" not in titles


def test_checker_holdout3_conventions_series_of_chapters_is_one_part() -> None:
    # 建设内容 written as 建设任务一/二/三: each requirement stands in one chapter of the series
    items = [
        _section("m", "建设内容", ["建设内容", "建设任务", "主要任务"]),
        _req("m.r1", "m", "智慧果园"),
        _req("m.r2", "m", "数据平台"),
        _req("m.r3", "m", "应用场景"),
    ]
    got = _statuses(SERIES_PLAN, items)
    assert got["智慧果园"] == "present" and got["数据平台"] == "present" and got["应用场景"] == "present"


def test_checker_holdout3_conventions_series_must_not_reach_other_chapters() -> None:
    # the series ends at the next chapter that is not 建设任务N: 保障措施 does not join 建设内容
    from pipeline.check.checker import _series_after
    from pipeline.check.matcher import candidates
    from pipeline.check.plan_parser import load_document, plan_sections

    doc = load_document(SERIES_PLAN)
    cands = [c for c in candidates(doc, plan_sections(doc)) if c.level < 98]
    first = next(c for c in cands if c.title.startswith("建设任务一"))
    assert [c.title for c in _series_after(first, cands)] == ["建设任务二：数据平台", "建设任务三：应用场景"]
    goals = next(c for c in cands if c.title == "建设目标")
    assert _series_after(goals, cands) == []
