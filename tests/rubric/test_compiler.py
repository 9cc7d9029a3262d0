"""The compiler reads seed 000's notice into the checklist a reviewer would write by hand.

Expected names below were checked by reading corpora/seeds/000_*.txt, 三、申报材料 (二).
"""

from __future__ import annotations

import pytest

from pipeline.rubric import compile_rubric
from pipeline.rubric.compiler import enumeration, keywords, years_in
from tests.conftest import REAL, ROOT, SEED_NOTICE, need_shared


@pytest.fixture(scope="module")
def rubric():
    return compile_rubric(SEED_NOTICE)


def _names(rubric, parent):
    return [i.name for i in rubric.children(parent)]


def test_compiler_finds_plan_materials(rubric):
    assert _names(rubric, "material.plan") == [
        "覆盖2019年-2021年",
        "申请表",
        "详细实施方案",
        "年度工作计划（2019年-2021年）",
        "近三年外贸运行情况分析报告（2016年-2018年）",
    ]
    assert rubric.get("material.application_form").params["attachment"] == "附件1"
    # "（三）试点县评价指标体系完成情况。（见附件2）": the pointer after the full stop
    assert rubric.get("material.m7").params["attachment"] == "附件2"


def test_compiler_finds_sections_of_detailed_plan(rubric):
    assert _names(rubric, "material.detailed_plan") == [
        "试点基础条件",
        "目标设定",
        "工作机制",
        "推进措施",
        "配套政策",
        "重点项目",
    ]
    assert [i.id for i in rubric.children("material.detailed_plan")] == [
        "plan.basis",
        "plan.goals",
        "plan.mechanism",
        "plan.measures",
        "plan.policies",
        "plan.projects",
    ]


@pytest.mark.parametrize(
    "section, expected",
    [
        (
            "plan.goals",
            [
                ("具体化、可量化", "has_numbers"),
                ("外贸进出口规模及增幅", "has_growth_rate"),
                ("重点任务完成情况", "has_numbers"),
            ],
        ),
        # 职责分工: several bodies each given a duty (GUIDE, corpora/plans: "each bureau's duty")
        ("plan.mechanism", [("责任单位、责任人", "names_units_and_posts"), ("职责分工", "assigns_duties")]),
        ("plan.measures", [("操作性较强的推进措施", "has_items")]),
        ("plan.policies", [("当地用于推动该项工作的配套政策", "mentions"), ("资金", "has_money")]),
        (
            "plan.projects",
            [
                ("项目实施主体", "names_units"),
                ("基本情况", "present"),
                ("发展目标", "mentions"),
                ("已投入及三年拟投入资金情况（2019年-2021年）", "has_money_per_year"),
                ("本地商务和财政部门支持项目证明材料", "mentions"),
            ],
        ),
        (
            "plan.basis",
            [
                ("特色产业集群发展情况", "mentions"),
                ("有无发生重大产品质量案件、环保和生产安全事故", "mentions"),
                ("是否存在严重违法经营情况", "mentions"),
                ("公共服务服务体系建设情况", "mentions"),
                ("对外交流合作情况", "mentions"),
                ("2016年以来转型升级取得的成效", "mentions"),
            ],
        ),
    ],
)
def test_compiler_sub_requirements(rubric, section, expected):
    assert [(i.name, i.check) for i in rubric.children(section)] == expected


def test_compiler_year_ranges_become_checks(rubric):
    assert rubric.get("plan.projects.funding").params["years"] == [2019, 2020, 2021]
    assert rubric.get("material.annual_plan.years").params["years"] == [2019, 2020, 2021]
    assert rubric.get("material.analysis_report.years").params["years"] == [2016, 2017, 2018]


def test_compiler_provenance_points_into_notice(rubric):
    text = SEED_NOTICE.read_text(encoding="utf-8")
    for item in rubric.items:
        p = item.provenance
        assert p and text[p["start"] : p["end"]] == p["text"], item.id
    assert rubric.get("plan.goals").provenance["text"] == "目标设定"


def test_compiler_other_materials_are_dossier_scope(rubric):
    dossier = [i.name for i in rubric.top_level() if i.scope == "dossier"]
    assert dossier[0].endswith("的请示（正本）")
    assert "试点县评价指标体系完成情况" in dossier
    # "（五）其他相关证明材料。" is a catch-all (corpora/gold/rubrics/GUIDE.md rule 2): no item
    assert all(not i.name.startswith("其他") for i in rubric.items)
    assert rubric.get("material.plan").scope == "plan"


def test_compiler_sections_carry_synonyms(rubric):
    assert "组织保障" in rubric.get("plan.mechanism").synonyms
    assert "政策支持" in rubric.get("plan.policies").synonyms


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "试点基础条件、目标设定、工作机制、推进措施、配套政策及重点项目等",
            ["试点基础条件", "目标设定", "工作机制", "推进措施", "配套政策", "重点项目"],
        ),
        (
            "外贸进出口规模及增幅、重点任务完成情况等具体量化指标",
            ["外贸进出口规模及增幅", "重点任务完成情况"],
        ),
        ("责任单位、责任人以及职责分工", ["责任单位", "责任人", "职责分工"]),
        (
            "证明文件、本地商务和财政部门支持项目证明材料等",
            ["证明文件", "本地商务和财政部门支持项目证明材料"],
        ),
        (
            "申请表（见附件1），详细实施方案，年度工作计划（2019年-2021年）",
            ["申请表（见附件1）", "详细实施方案", "年度工作计划（2019年-2021年）"],
        ),
        ("营业执照", ["营业执照"]),
    ],
)
def test_compiler_enumeration(text, expected):
    assert [text[s:e] for s, e in enumeration(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("年度工作计划（2019年-2021年）", [2019, 2020, 2021]),
        ("（2016年-2018年）", [2016, 2017, 2018]),
        ("2019至2020年", [2019, 2020]),
    ],
)
def test_compiler_years_in(text, expected):
    assert years_in(text) == expected


@pytest.mark.parametrize("text", ["2019年", "申请表", "2021-2019年", "1990年-2030年"])
def test_compiler_years_in_no_range(text):
    assert years_in(text) == []


def test_compiler_keywords_use_head_noun():
    assert keywords("当地用于推动该项工作的配套政策") == ["配套政策"]
    assert "证明材料" in keywords("本地商务和财政部门支持项目证明材料")


# ---- notices written by others -------------------------------------------------
def test_compiler_guangzhou_internship_measures_materials():
    path = need_shared(REAL / "guangzhou_employment_internship_base_measures_2019.txt")
    rubric = compile_rubric(path)
    names = [i.name for i in rubric.top_level()]
    # three materials lists, one per thing applied for (三、申请资料 （一）（二）（三）: "申请就业见习基地
    # 提交材料：", "申请就业见习示范基地提交材料：", "申请就业见习示范基地补贴提交材料："): GUIDE rule 6
    # groups; 第六条 "申请认定就业见习基地，…提交下列材料：" restates the first group's list
    assert names == ["就业见习基地", "就业见习示范基地", "就业见习示范基地补贴"]
    base = next(i for i in rubric.top_level() if i.name == "就业见习基地")
    # 第六条 （一）《广州市就业见习基地申请表》；（二）《…见习岗位需求信息表》；（三）…说明，…制度。
    assert [i.name for i in rubric.children(base.id)] == [
        "《广州市就业见习基地申请表》",
        "《广州市就业见习基地见习岗位需求信息表》",
        "申请单位的培训条件和师资情况说明",
        "见习人员见习管理制度",
    ]
    assert rubric.get("material.application_form") is not None


def test_compiler_shenzhen_inline_material():
    path = need_shared(REAL / "shenzhen_new_materials_special_fund_performance_data_notice_2017.txt")
    rubric = compile_rubric(path)
    assert [i.name for i in rubric.top_level()] == ["2011-2016年新材料产业专项资金资助项目单位基础信息表"]
    assert rubric.items[0].params["attachment"] == "附件2"


def test_compiler_notice_without_materials_gives_empty_rubric():
    path = need_shared(REAL / "chengdu_hitech_new_economy_enterprise_registration_notice_2018.txt")
    rubric = compile_rubric(path)  # online registration: no list of materials
    assert rubric.items == []


@pytest.mark.parametrize(
    "name",
    [
        # read 2026-11-23: policy texts that ask nobody to hand in a document (no 提交/报送/申报材料/
        # 应当包括 anywhere), so a reviewer's checklist is empty and the reader is told so
        "anhui_industrial_internet_policy_2021.txt",
        "changshun_poverty_alleviation_policy_digest_2017.txt",
    ],
)
def test_compiler_policy_texts_without_submissions_give_an_empty_checklist(name):
    rubric = compile_rubric(need_shared(REAL / name))
    assert rubric.items == []
    assert any("empty" in w for w in rubric.warnings)


@pytest.mark.parametrize(
    "name",
    [
        # these name a document to hand in (aba: 验收报告…应当包括…; sc: 实施办法…报送国务院办公厅) inside
        # long policy texts; whatever is compiled must point back at the notice's own words
        "aba_gov_data_mgmt_measures_2021.txt",
        "sc_incentive_measures_notice_2018.txt",
    ],
)
def test_compiler_items_on_policy_texts_point_into_the_text(name):
    from pipeline.ingest import load

    path = need_shared(REAL / name)
    text = load(path).text
    for item in compile_rubric(path).items:
        assert item.provenance is not None, item.name
        assert text[item.provenance["start"] : item.provenance["end"]] == item.provenance["text"], item.name


def test_compiler_numbered_sublist_of_parts():
    # a fictional notice in another style: the plan's parts as （1）…（5） lines under "应包括以下内容："
    rubric = compile_rubric(ROOT / "tests/fixtures/notices/fictional_sublist_notice.txt")
    assert [i.name for i in rubric.top_level()] == [
        "智慧农业示范园区申报书",
        "园区建设方案",
        "营业执照复印件",
        "近两年财务审计报告",
    ]
    assert [i.name for i in rubric.children("material.plan")] == [
        "园区基本情况",
        "建设目标",
        "建设内容及进度安排（2025年-2027年）",
        "投资估算及资金筹措",
        "运营管理机制",
    ]
    assert [i.id for i in rubric.children("material.plan")] == [
        "plan.basis",
        "plan.goals",
        "plan.schedule",
        "plan.funding",
        "plan.mechanism",
    ]
    assert [(i.name, i.check) for i in rubric.children("plan.funding")] == [
        ("财政资金", "has_money"),
        ("自筹资金", "has_money"),
    ]
    assert rubric.get("plan.schedule.years").params["years"] == [2025, 2026, 2027]
    assert rubric.get("plan.goals.quantified").check == "has_numbers"
    assert ("责任人", "names_units_and_posts") in [
        (i.name, i.check) for i in rubric.children("plan.mechanism")
    ]
    assert all(
        i.scope == "plan" for i in rubric.items
    )  # no wrapper of materials: forms may sit in the plan file


def test_compiler_n000_style_clauses_without_bufen():
    # "建设基础部分要说明…；建设目标要求量化…；主要任务要明确…": later clauses omit 部分
    rubric = compile_rubric(ROOT / "corpora/plans/notices/n000_county_commerce_demo_notice.txt")
    assert [i.name for i in rubric.children("plan.basis")] == ["县乡村商业网点现状", "物流配送现状"]
    assert [i.name for i in rubric.children("plan.funding")] == [
        "中央财政资金",
        "地方配套资金",
        "社会资本投入",
    ]
    assert [i.name for i in rubric.children("plan.policies")] == ["组织领导", "责任分工"]
    assert (
        "组织实施" in rubric.get("plan.policies").synonyms
    )  # it holds 组织领导, so mechanism headings answer it


@pytest.mark.parametrize(
    "notice, expected",
    [
        # inline list after the heading's colon
        (
            "关于申报某某项目的通知\n一、申报条件\n企业注册满一年。\n二、申报材料：1.项目申请表；2.项目实施方案；3.营业执照复印件。\n",
            ["项目申请表", "项目实施方案", "营业执照复印件"],
        ),
        # a heading of its own, items numbered 1、
        (
            "某某通知\n三、申报材料\n1、申请书（见附件1）\n2、企业近三年财务报表\n四、其他\n联系人：王某\n",
            ["申请书", "企业近三年财务报表"],
        ),
        # a lead-in sentence inside an article
        (
            "第六条 申请认定，应当提交下列材料：\n（一）认定申请表；\n（二）法定代表人身份证明复印件。\n申请单位应当加盖公章。\n",
            ["认定申请表", "法定代表人身份证明复印件"],
        ),
    ],
)
def test_compiler_material_list_styles(notice, expected):
    assert [i.name for i in compile_rubric(notice).top_level()] == expected


@pytest.mark.parametrize(
    "notice",
    [
        "关于做好安全生产工作的通知\n一、提高认识\n各单位要高度重视。\n二、落实责任\n（一）明确责任。\n",
        # "申请材料" mentioned, but as a condition list, not materials
        "第七条 收到申请材料后，应当根据下列情况分别作出处理：\n（一）材料不齐全的，出具补正通知；\n（二）材料齐全的，予以受理。\n",
        "",
    ],
)
def test_compiler_no_materials(notice):
    assert compile_rubric(notice + "\n").items == []


def test_compiler_regression_you_is_not_an_enumeration():
    # "由A、B…" means "by A, B": it must not turn into plan sections
    notice = "某某通知\n二、申报材料\n（一）申请表（见附件1）。以上材料由企业负责人核对、审核属实后加盖公章。\n（二）营业执照复印件。\n"
    rubric = compile_rubric(notice)
    assert [i.name for i in rubric.items] == ["申请表", "营业执照复印件"]


def test_compiler_keeps_explanations_as_aspects():
    # "公共服务服务体系建设情况，要说明公共服务平台建设和与国家及省级相关商协会合作情况": what a
    # reviewer looks for when the plan does not repeat the head's words
    rubric = compile_rubric(SEED_NOTICE)
    exchange = rubric.get("plan.basis.exchange").params["aspects"]
    assert exchange == ["组织开展的境外推介", "贸易促进"]
    cluster = rubric.get("plan.basis.industry_cluster").params["aspects"]
    assert "符合国家和我省产业结构调整" in cluster


def test_compiler_questions_and_demands_judge_their_parent():
    # GUIDE (corpora/plans): a demand on the whole section, a material's year range and 有无/是否
    # questions carry no weight of their own; the parts a section must contain do
    rubric = compile_rubric(SEED_NOTICE)
    assert rubric.get("plan.basis.incidents").params.get("question") is True
    assert rubric.get("plan.basis.incidents").weight == 0
    assert rubric.get("plan.goals.quantified").weight == 0
    assert rubric.get("material.annual_plan.years").params.get("demand") is True
    assert rubric.get("plan.policies.policies").params.get("demand") is True  # restates 配套政策
    for kept in (
        "plan.basis.industry_cluster",
        "plan.goals.growth",
        "plan.policies.funds",
        "plan.projects.proof",
    ):
        assert rubric.get(kept).weight == 1, kept
        assert not rubric.get(kept).params.get("demand"), kept


def test_compiler_hints_come_from_the_rules_file():
    rubric = compile_rubric(ROOT / "corpora/plans/notices/n000_county_commerce_demo_notice.txt")
    outlets = rubric.get("plan.basis.commercial_outlets")
    assert outlets.name == "县乡村商业网点现状"
    assert "商贸中心" in outlets.params["hints"]
    assert "领导小组" in rubric.get("plan.policies.leadership").params["hints"]


# ---------------------------------------------------------------- issue 5 (plans_dev4, real notices)
def _quiet(notice: str):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile_rubric(notice)


def _by_name(rubric, name):
    return next(i for i in rubric.items if i.name == name)


# bulk 00089 第六条 as a short notice of our own: two parts a synonym table calls alike
APPROVAL = (
    "第六条 企业办理项目核准手续，应当向核准机关提交项目申请书。项目申请书应当包括下列内容：\n"
    "（一）企业基本情况；\n"
    "（二）项目情况，包括项目名称、建设地点、建设规模、建设内容；\n"
    "（三）项目利用资源情况分析以及对生态环境的影响分析；\n"
    "（四）项目对经济和社会的影响分析。\n"
)


def test_compiler_project_name_is_no_list_regression_issue5():
    """项目名称 asks for one name: no "numbered list of measures" check (plans_dev4 a1, a2, a4 partial)."""
    req = _by_name(_quiet(APPROVAL), "项目名称")
    assert req.kind == "requirement"
    assert req.check != "has_items"


def test_compiler_project_list_still_a_list():
    """Must not lose: notice n000 主要任务 "明确具体项目及实施主体" asks for a list of projects."""
    rubric = _quiet(str(ROOT / "corpora/plans/notices/n000_county_commerce_demo_notice.txt"))
    assert [i.check for i in rubric.items if i.name.startswith("具体项目")] == ["has_items"]


def test_compiler_no_synonym_names_another_item_regression_issue5():
    """企业基本情况 must not answer to 项目概况 (the words of 项目情况), nor 项目情况 to 建设内容 (the words
    of its own part): plans_dev4 a2's "二、项目概况" went to the company, "（二）规模与建设内容" to 项目情况."""
    rubric = _quiet(APPROVAL)
    company = _by_name(rubric, "企业基本情况")
    project = _by_name(rubric, "项目情况")
    assert "项目概况" not in company.synonyms
    assert "基本情况" in company.synonyms  # its own words stay
    assert "建设内容" not in project.synonyms
    assert "主要建设内容" not in project.synonyms
    # the same subject in other words (plans_dev4 a4 "一、项目基本信息")
    assert {"项目概况", "项目基本信息"} <= set(project.synonyms)


def test_compiler_seed_sections_keep_their_synonyms(rubric):
    """Must not drop: a synonym that names no other item of seed 000's checklist."""
    by_canon = {i.canonical: i for i in rubric.items if i.kind == "section"}
    assert "组织保障" in by_canon["mechanism"].synonyms
    assert "保障措施" in by_canon["policies"].synonyms or "政策支持" in by_canon["policies"].synonyms


def test_compiler_weights_count_scored_parts_issue5():
    """Each listed part counts one (GUIDE "Gold score"): 项目申请书 with four sections weighs 4."""
    rubric = _quiet(APPROVAL)
    assert _by_name(rubric, "项目申请书").weight == 4.0


ZERO_WASTE_LIKE = (
    "五、实施步骤\n"
    "（二）制定实施方案。试点城市负责编制乡村振兴试点实施方案，明确试点目标，确定任务清单和分工，"
    "做好年度任务分解。实施方案按程序报送农业农村部。\n"
    "（四）开展评估总结。2021年3月底前，试点城市政府对本地区试点总体情况、主要做法和成效、"
    "存在的问题及建议等进行评估总结，形成试点工作总结报告报送农业农村部。\n"
)


def test_compiler_demand_plan_weighs_its_demands_and_later_report_zero():
    """sc zero waste 2018 in our own words: the plan scored by its three demands, the summary report
    due after the pilot listed with weight 0 (it weighed 3 against the plan's 1: a complete plan scored 25)."""
    rubric = _quiet(ZERO_WASTE_LIKE)
    plan = _by_name(rubric, "乡村振兴试点实施方案")
    report = _by_name(rubric, "试点工作总结报告")
    assert [i.name for i in rubric.children(plan.id)] == ["试点目标", "任务清单和分工", "年度任务分解"]
    assert plan.weight == 3.0
    assert report.weight == 0.0
    assert [i.name for i in rubric.children(report.id)] == [
        "本地区试点总体情况",
        "主要做法和成效",
        "存在的问题及建议",
    ]


def test_compiler_self_inspection_report_keeps_its_weight():
    """Must not match: a self-inspection report (自查, no plan of the same work) is the submission itself."""
    notice = "二、工作要求\n各企业对原料进货查验、生产过程控制、出厂检验等情况进行全面自查，形成自查报告报送市局。\n"
    rubric = _quiet(notice)
    report = next((i for i in rubric.items if i.name.endswith("自查报告")), None)
    assert report is not None and report.weight == 3.0


def test_compiler_other_procedure_materials_weigh_zero_issue5():
    """bulk 00417: 筹建 (第十八、十九条: 申请书 + 论证报告 with fourteen elements) is one submission;
    正式建校招生申请书 and 筹建情况报告 (第二十一条, after 筹建 is approved) are listed, not scored."""
    from tests.conftest import BULK

    rubric = _quiet(need_shared(BULK / "lawrefbook_laws" / "00417.txt"))
    weight = {i.name: i.weight for i in rubric.items if i.parent is None}
    assert weight["论证报告"] == 14.0  # one per listed element, as plans_dev4 dev4_b's gold scores them
    assert weight["筹建普通高等学校申请书"] == 1.0
    assert weight["正式建校招生申请书"] == 0.0
    assert weight["筹建情况报告"] == 0.0


ARTICLES = (
    "第一条 为规范示范园区认定，制定本办法。\n"
    "第二条 申请认定的，应当提交认定申请书，并附交建设方案。建设方案应当包括下列内容：\n"
    "（一）园区概况；\n（二）建设目标；\n（三）主要任务；\n（四）保障措施。\n"
    "第三条 申请人还应当提交营业执照复印件。\n"
    "第四条 认定后每年3月底前，园区应当报送年度运行报告。\n"
)


def test_compiler_other_procedure_needs_the_main_document_unnamed():
    """An article that never names the main document (第四条, a yearly report after 认定) is another
    procedure; must not match: 第二条's 申请书, named beside the 建设方案, nor 第三条's "还应当提交"."""
    rubric = _quiet(ARTICLES)
    weight = {i.name: i.weight for i in rubric.items if i.parent is None}
    assert [w for n, w in weight.items() if n.endswith("建设方案")] == [4.0]
    assert weight["认定申请书"] == 1.0
    assert weight["营业执照复印件"] == 1.0  # 第三条 "还应当提交": the same submission
    assert weight["年度运行报告"] == 0.0
