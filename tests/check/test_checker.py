"""Screening plans against seed 000's rubric: statuses, reasons, score."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.check import check
from tests.check.conftest import PARTS, make_plan

SECTIONS = ["plan.basis", "plan.goals", "plan.mechanism", "plan.measures", "plan.policies", "plan.projects"]


def test_checker_complete_plan_scores_high(seed_rubric, write_plan):
    result = check(write_plan(make_plan()), seed_rubric)
    assert result.score >= 95
    for sid in SECTIONS + ["material.application_form", "material.annual_plan", "material.analysis_report"]:
        assert result.item(sid).status == "present", result.item(sid).reason


def test_checker_missing_mechanism_is_missing_and_drops_score(seed_rubric, write_plan):
    full = check(write_plan(make_plan(), "full.txt"), seed_rubric).score
    result = check(write_plan(make_plan(mechanism=None)), seed_rubric)
    assert result.item("plan.mechanism").status == "missing"
    assert result.item("plan.mechanism.units_posts").status == "missing"
    assert result.score <= full - 8
    assert any("plan.mechanism" in f and f.startswith("MISSING") for f in result.flags)


@pytest.mark.parametrize(
    "body", ["略", "（略）", "见附件3", "待补充。", "此处省略", "（暂无）", "", "另行报送。", "详见附表2"]
)
def test_checker_placeholder_body_is_empty(seed_rubric, write_plan, body):
    result = check(write_plan(make_plan(mechanism=f"三、工作机制\n{body}")), seed_rubric)
    assert result.item("plan.mechanism").status == "empty"
    assert "no content" in result.item("plan.mechanism").reason


@pytest.mark.parametrize(
    "part, heading, expected_id",
    [
        ("mechanism", "三、组织保障", "plan.mechanism"),
        ("mechanism", "三、加强组织领导", "plan.mechanism"),
        ("policies", "五、政策支持", "plan.policies"),
        ("projects", "六、重大项目清单", "plan.projects"),
        ("basis", "一、发展基础", "plan.basis"),
        ("goals", "二、主要目标", "plan.goals"),
        ("measures", "四、重点任务", "plan.measures"),
    ],
)
def test_checker_synonym_heading_is_present(seed_rubric, write_plan, part, heading, expected_id):
    rest = PARTS[part].partition("\n")[2]
    result = check(write_plan(make_plan(**{part: f"{heading}\n{rest}"})), seed_rubric)
    item = result.item(expected_id)
    assert item.status == "present", item.reason
    assert item.section_title == heading.split("、", 1)[1]


def test_checker_out_of_order_sections(seed_rubric, write_plan):
    text = "\n".join(
        [
            PARTS["title"],
            "一、重点项目" + PARTS["projects"].partition("\n")[1] + PARTS["projects"].partition("\n")[2],
            "二、工作机制\n" + PARTS["mechanism"].partition("\n")[2],
            "三、目标设定\n" + PARTS["goals"].partition("\n")[2],
            "四、试点基础条件\n" + PARTS["basis"].partition("\n")[2],
            "五、配套政策\n" + PARTS["policies"].partition("\n")[2],
            "六、推进措施\n" + PARTS["measures"].partition("\n")[2],
        ]
    )
    result = check(write_plan(text), seed_rubric)
    for sid in SECTIONS:
        assert result.item(sid).status == "present", (sid, result.item(sid).reason)
    # the projects section ends where the mechanism heading starts
    projects, mechanism = result.item("plan.projects"), result.item("plan.mechanism")
    assert projects.section_end == mechanism.section_start


def test_checker_targets_without_numbers_are_partial_with_reason(seed_rubric, write_plan):
    goals = "二、目标设定\n外贸规模明显扩大，结构持续优化，重点任务完成情况良好，试点示范作用充分发挥。"
    result = check(write_plan(make_plan(goals=goals)), seed_rubric)
    item = result.item("plan.goals")
    assert item.status == "partial"
    assert result.item("plan.goals.quantified").status == "missing"
    assert "no quantified target" in item.reason
    assert item.reason.startswith("目标设定:")


def test_checker_projects_without_funding_stay_present_gap_in_funding(seed_rubric, write_plan):
    # GUIDE: a section with content is present; "specific gaps show in its sub-requirements"
    projects = (
        "六、重点项目\n项目一：某某纺织有限公司智能工厂项目。实施主体为某某纺织有限公司，基本情况：占地200亩。"
        "发展目标：提升智能制造水平。附县商务局、财政局支持项目证明材料。"
    )
    result = check(write_plan(make_plan(projects=projects)), seed_rubric)
    section = result.item("plan.projects")
    assert section.status == "present"
    assert "gaps in its sub-requirements" in section.reason
    funding = result.item("plan.projects.funding")
    assert funding.status == "missing"
    assert "no funding figures" in funding.reason


def test_checker_funding_for_some_years_only_is_partial(seed_rubric, write_plan):
    projects = (
        "六、重点项目\n某某纺织有限公司智能工厂项目，实施主体为某某纺织有限公司，基本情况良好，发展目标明确。"
        "2019年拟投入5000万元。附支持项目证明材料。"
    )
    funding = check(write_plan(make_plan(projects=projects)), seed_rubric).item("plan.projects.funding")
    assert funding.status == "partial"
    assert "2020/2021" in funding.reason


def test_checker_mechanism_without_posts_is_partial(seed_rubric, write_plan):
    mechanism = "三、工作机制\n建立县商务局牵头、县财政局配合的工作机制，明确职责分工，定期调度。"
    result = check(write_plan(make_plan(mechanism=mechanism)), seed_rubric)
    units_posts = result.item("plan.mechanism.units_posts")
    assert units_posts.status == "partial"
    assert "no responsible post" in units_posts.reason


def test_checker_annual_plan_missing_years(seed_rubric, write_plan):
    annual = "第三部分 年度工作计划\n2019年：完成试点启动，出口增长8%。2020年：全面推进。"
    result = check(write_plan(make_plan(annual=annual)), seed_rubric)
    years = result.item("material.annual_plan.years")
    assert years.status == "partial"
    assert "2021" in years.reason


def test_checker_evidence_offsets_index_the_plan_text(seed_rubric, write_plan):
    path = write_plan(make_plan())
    doc = pipeline.load(path) if hasattr(pipeline, "load") else None
    result = check(path, seed_rubric)
    from pipeline.check.plan_parser import load_document

    text = load_document(path).text if doc is None else doc.text
    spans = [e for i in result.items for e in i.evidence]
    assert spans
    for e in spans:
        assert text[e["start"] : e["end"]] == e["text"]


def test_checker_docx_plan_with_heading_styles(seed_rubric, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某某县外贸转型升级试点县实施方案（2019年-2021年）")
    for part in ("basis", "goals", "mechanism", "measures", "policies", "projects", "annual", "report"):
        heading, _, body = PARTS[part].partition("\n")
        heading = heading.split("、", 1)[-1].split(" ", 1)[
            -1
        ]  # drop the numbering: the style carries the level
        d.add_heading(heading, level=1)
        for line in body.split("\n"):
            d.add_paragraph(line)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    result = check(path, seed_rubric)
    for sid in SECTIONS:
        assert result.item(sid).status == "present", (sid, result.item(sid).reason)
    assert result.score >= 80


def test_checker_score_contributions_add_up(seed_rubric, write_plan):
    result = check(write_plan(make_plan(goals="二、目标设定\n略", mechanism=None)), seed_rubric)
    tops = [i for i in result.items if i.parent is None and i.scope == "plan"]
    assert sum(i.contribution for i in tops) == pytest.approx(result.score)


def test_checker_to_frame_columns(seed_rubric, write_plan):
    frame = pipeline.check(write_plan(make_plan()), seed_rubric).to_frame()
    for col in (
        "plan",
        "id",
        "name",
        "parent",
        "kind",
        "status",
        "weight",
        "contribution",
        "reason",
        "evidence",
    ):
        assert col in frame.columns
    assert len(frame) == len(seed_rubric.items)
    assert set(frame["status"]) <= {"present", "partial", "empty", "missing"}


def test_checker_to_dict_shape(seed_rubric, write_plan):
    data = check(write_plan(make_plan()), seed_rubric).to_dict()
    assert set(data) >= {"plan", "score", "items", "flags", "rubric"}
    assert data["rubric"]["sha256"] == seed_rubric.sha256
    assert set(data["items"][0]) >= {"id", "name", "parent", "kind", "status", "weight", "evidence", "reason"}
    assert "text" not in data


def test_checker_accepts_notice_path_as_rubric(write_plan, seed_notice):
    result = check(write_plan(make_plan()), seed_notice)
    assert result.score >= 95


def test_checker_mechanism_inside_safeguards_is_partial(seed_rubric, write_plan):
    # no 工作机制 heading: the working group is described inside 保障措施 (which answers 配套政策)
    policies = (
        "五、保障措施\n成立由县长任组长的试点工作领导小组，县商务局局长任办公室主任，各成员单位明确职责分工。"
        "县政府出台《关于支持外贸转型升级的若干政策》，设立外贸发展专项资金每年2000万元。"
    )
    result = check(write_plan(make_plan(mechanism=None, policies=policies)), seed_rubric)
    assert result.item("plan.policies").status == "present"
    mechanism = result.item("plan.mechanism")
    assert mechanism.status == "partial"
    assert mechanism.match == "content"
    assert "no heading of its own" in mechanism.reason
    assert result.item("plan.mechanism.units_posts").status == "present"


def test_checker_bracket_headings(seed_rubric, write_plan):
    text = make_plan()
    for part in ("basis", "goals", "mechanism", "measures", "policies", "projects"):
        heading = PARTS[part].partition("\n")[0]
        text = text.replace(heading, f"【{heading.split('、', 1)[1]}】")
    result = check(write_plan(text), seed_rubric)
    for sid in SECTIONS:
        assert result.item(sid).status == "present", (sid, result.item(sid).reason)


def test_checker_labelled_paragraph_counts_as_section(seed_rubric, write_plan):
    # "重点项目：…" inside 推进措施 instead of a heading of its own
    projects_body = PARTS["projects"].partition("\n")[2]
    measures = PARTS["measures"] + "\n重点项目：" + projects_body
    result = check(write_plan(make_plan(measures=measures, projects=None)), seed_rubric)
    assert result.item("plan.projects").status == "present"
    assert result.item("plan.projects").section_title == "重点项目"


def test_checker_attachment_reference_is_empty(seed_rubric, write_plan):
    result = check(write_plan(make_plan(form="附：申请表（见附件1，已随文报送）")), seed_rubric)
    assert result.item("material.application_form").status == "empty"


def test_checker_plan_without_headings_scores_zero_sections(seed_rubric, write_plan):
    result = check(write_plan("我县将积极推进外贸转型升级工作，力争取得实效。\n"), seed_rubric)
    assert all(result.item(s).status == "missing" for s in SECTIONS)
    assert result.score < 10


def test_checker_empty_rubric(write_plan):
    from pipeline.rubric import Rubric

    result = check(write_plan(make_plan()), Rubric(items=[], source="x.txt"))
    assert result.score == 0 and result.items == [] and len(result.to_frame()) == 0


@pytest.mark.parametrize(
    "deferral",
    ["以上项目资金投入情况正在测算中。", "各项目年度投资计划待项目进展情况确定。", "项目资金安排另行上报。"],
)
def test_checker_deferred_funding_is_empty(seed_rubric, write_plan, deferral):
    projects = (
        "六、重点项目\n某某纺织有限公司智能工厂项目，实施主体为某某纺织有限公司，基本情况：占地200亩，"
        f"发展目标：出口额三年翻一番。附县商务局支持项目证明材料。{deferral}"
    )
    funding = check(write_plan(make_plan(projects=projects)), seed_rubric).item("plan.projects.funding")
    assert funding.status == "empty"
    assert funding.reason.startswith("deferred")
    assert funding.evidence[0]["text"].endswith(deferral.rstrip("。"))


def test_checker_deferral_of_something_else_does_not_empty_funding(seed_rubric, write_plan):
    projects = (
        "六、重点项目\n某某纺织有限公司智能工厂项目，实施主体为某某纺织有限公司，基本情况：占地200亩，"
        "发展目标待论证后确定。附县商务局支持项目证明材料。"
    )
    funding = check(write_plan(make_plan(projects=projects)), seed_rubric).item("plan.projects.funding")
    assert funding.status == "missing"


def test_checker_run_in_headings(seed_rubric, write_plan):
    # "二、目标设定：到2021年…" — heading and body on one line
    parts = {}
    for part in ("basis", "goals", "mechanism", "measures", "policies", "projects"):
        heading, _, body = PARTS[part].partition("\n")
        parts[part] = f"{heading}：{body.replace(chr(10), '')}"
    result = check(write_plan(make_plan(**parts)), seed_rubric)
    for sid in SECTIONS:
        assert result.item(sid).status == "present", (sid, result.item(sid).reason)
    assert result.item("plan.goals").section_title == "目标设定"


def test_checker_demand_or_majority_rule(seed_rubric, write_plan, monkeypatch):
    from pipeline.check import checker

    monkeypatch.setattr(checker, "SECTION_PARTIAL_RULE", "demand_or_majority")
    projects = (
        "六、重点项目\n项目一：某某纺织有限公司智能工厂项目。实施主体为某某纺织有限公司，基本情况：占地200亩。"
        "发展目标：提升智能制造水平。附县商务局、财政局支持项目证明材料。"
    )
    goals = "二、目标设定\n外贸规模明显扩大，结构持续优化，重点任务完成情况良好。"
    result = check(write_plan(make_plan(projects=projects, goals=goals)), seed_rubric)
    # one of five sub-requirements fails: the section stays present, the gap shows in its reason
    assert result.item("plan.projects").status == "present"
    assert "gaps in its sub-requirements" in result.item("plan.projects").reason
    # 具体化、可量化 judges the whole section: failing it makes the section partial
    assert result.item("plan.goals").status == "partial"


def test_checker_policy_section_with_money_but_no_policy_is_partial(seed_rubric, write_plan):
    # GUIDE: 配套政策's only sub-requirement is 资金; the policy itself is the section's own content
    # (corpora/plans p16: "a 300万元 fund with no policy: section partial, funding present")
    policies = "五、配套政策\n县财政每年安排外贸发展专项资金2000万元，主要用于开拓国际市场和培育外贸主体。"
    result = check(write_plan(make_plan(policies=policies)), seed_rubric)
    assert result.item("plan.policies").status == "partial"
    assert result.item("plan.policies.funds").status == "present"


def test_checker_unanswered_question_does_not_make_section_partial(seed_rubric, write_plan):
    # "有无发生…事故" explains 特色产业集群; not answering it is reported, not a section gap
    basis = PARTS["basis"].replace(
        "近年来未发生重大产品质量案件、环保和生产安全事故，不存在严重违法经营情况。", ""
    )
    result = check(write_plan(make_plan(basis=basis)), seed_rubric)
    assert result.item("plan.basis.incidents").status == "missing"
    assert result.item("plan.basis").status == "present"


@pytest.mark.parametrize(
    "policies, expected",
    [
        # GUIDE "one generic sentence": one short sentence that also leaves 资金 unanswered
        ("五、配套政策\n县政府出台政策支持外贸发展。", "partial"),
        # the same gap in a section with substance: present, the gap shows in 资金 alone
        (
            (
                "五、配套政策\n县政府出台《关于支持外贸转型升级的若干政策》，对企业境外参展给予补助。"
                "县里对新设海外仓、跨境电商平台给予奖励，并在用地、用电方面优先保障试点企业。"
            ),
            "present",
        ),
    ],
)
def test_checker_one_generic_sentence(seed_rubric, write_plan, policies, expected):
    result = check(write_plan(make_plan(policies=policies)), seed_rubric)
    assert result.item("plan.policies.funds").status == "missing"
    assert result.item("plan.policies").status == expected


def test_checker_one_sentence_that_answers_everything_is_present(seed_rubric, write_plan):
    # 配套政策 in one sentence naming a policy document and an amount is not "generic"
    policies = "五、配套政策\n县政府出台《若干政策》，设立专项资金每年2000万元。"
    assert (
        check(write_plan(make_plan(policies=policies)), seed_rubric).item("plan.policies").status == "present"
    )


@pytest.mark.parametrize(
    "replace, expected",
    [
        ({}, "present"),
        # GUIDE: a container is present when any of its sections is
        ({"basis": None, "goals": None, "mechanism": None}, "present"),
        # every section only a heading: there in name only
        (
            {
                "basis": "一、试点基础条件\n略",
                "goals": "二、目标设定\n略",
                "mechanism": "三、工作机制\n略",
                "measures": "四、推进措施\n略",
                "policies": "五、配套政策\n略",
                "projects": "六、重点项目\n略",
            },
            "empty",
        ),
    ],
)
def test_checker_container_status(seed_rubric, write_plan, replace, expected):
    result = check(write_plan(make_plan(**replace)), seed_rubric)
    assert result.item("material.detailed_plan").status == expected


ANOTHER_STYLE = """某县外贸转型升级试点县实施方案（2019—2021年）
一、申请表
另行报送。
二、详细实施方案
（一）发展现状
我县是全国重要的轴承生产基地，现有轴承企业380家，形成了锻造、车加工、热处理到装配的完整产业链，2018年轴承出口9.6亿元。县里建有省级轴承质量检测中心和轴承产业公共技术服务平台，与中国轴承工业协会签订合作协议。近三年组织企业参加德国汉诺威工业博览会、上海国际轴承展，在印度举办轴承产品推介会。2016年以来，全县企业新增发明专利45项，自主品牌出口占比由12%提高到21%，跨境电商出口年均增长40%。
（二）发展目标
到2021年，全县进出口额突破30亿元，其中出口达到25亿元；培育自主品牌出口企业20家。
（三）组织保障
成立县外贸转型升级试点工作领导小组，县长任组长，县商务局局长任办公室主任。县商务局负责统筹协调；县财政局负责资金保障；县市场监管局负责质量提升。
（四）重点任务
1.实施轴承企业智能化改造。2.建设轴承跨境电商产业园。3.培育自主品牌。4.开拓“一带一路”市场。
（五）政策支持
县政府出台《关于促进轴承产业外贸发展的若干意见》，县财政每年安排外贸发展资金800万元。
（六）项目支撑
高端轴承智能工厂项目，实施主体为某某精工轴承有限公司，新建智能生产线6条，建成后新增出口1亿元，已投入4000万元，2019年、2020年、2021年分别拟投入3000万元、2000万元、1000万元。项目支持证明材料附后。
三、分年度推进安排
2019年：完成10家企业智能化改造。2020年：跨境电商产业园运营。
四、近三年外贸运行情况分析报告（2016年-2018年）
2016年、2017年、2018年全县进出口分别为18.2亿元、20.5亿元、23.1亿元，年均增长12.6%，主要受轴承出口带动；对美出口占比下降，“一带一路”市场占比上升。
"""


def test_checker_plan_in_another_style(seed_rubric, write_plan):
    # statuses reasoned from GUIDE.md before running the checker
    result = check(write_plan(ANOTHER_STYLE), seed_rubric)
    expected = {
        "material.application_form": "empty",  # "另行报送": not in this file
        "plan.basis": "present",
        "plan.basis.industry_cluster": "present",  # 生产基地, 完整产业链, figures
        "plan.basis.public_services": "present",  # 检测中心, 服务平台, 协会
        "plan.basis.exchange": "present",  # 博览会, 推介会
        "plan.basis.results": "present",
        "plan.goals": "present",  # has a number: meets 具体化、可量化
        "plan.goals.growth": "partial",  # scale but no 增幅
        "plan.goals.task_completion": "present",  # 培育自主品牌出口企业20家
        "plan.mechanism": "present",
        "plan.mechanism.units_posts": "present",
        "plan.mechanism.division": "present",
        "plan.measures": "present",
        "plan.policies": "present",
        "plan.policies.funds": "present",
        "plan.projects": "present",
        "plan.projects.funding": "present",
        "plan.projects.proof": "present",  # "附后": a separate document stated as attached
        "material.annual_plan": "partial",  # 2019 and 2020 only
        "material.analysis_report": "present",
    }
    got = {k: result.item(k).status for k in expected}
    assert got == expected
    # 申请表 0; 目标设定 0.5 + 0.5·mean(0.5, 1) = 0.875; 年度工作计划 0.5; six others 1
    # → 100·(6 + 0.875 + 0.5)/9 = 81.9
    assert result.score == pytest.approx(100 * 7.375 / 9, abs=0.05)


DECIMAL_OUTLINE = """某县外贸转型升级试点县实施方案（2019年-2021年）
1 申请表
申报单位：某县商务局；联系人：李四；电话：0531-7654321；申报类别：外贸转型升级试点县；特色产业：轴承。
2 详细实施方案
2.1 试点基础条件
2.1.1 特色产业集群发展情况
我县轴承产业集群有企业380家，2018年出口9.6亿元。
2.1.2 公共服务体系建设情况
建有省级轴承质量检测中心和公共技术服务平台，与中国轴承工业协会开展合作。
2.1.3 对外交流合作情况
组织企业参加汉诺威工业博览会，在印度举办推介会。
2.1.4 2016年以来转型升级成效
自主品牌出口占比由12%提高到21%，新增发明专利45项。
2.2 目标设定
到2021年，全县进出口额达到30亿元，年均增长9%；培育自主品牌出口企业20家。
2.3 工作机制
成立领导小组，县长任组长，县商务局局长任办公室主任，县财政局负责资金保障，县市场监管局负责质量提升。
2.4 推进措施
（1）实施智能化改造；（2）建设跨境电商产业园；（3）培育自主品牌；（4）开拓新兴市场。
2.5 配套政策
县政府出台《若干意见》，每年安排外贸发展资金800万元。
2.6 重点项目
表1 重点项目表
项目名称\t实施主体\t基本情况\t发展目标\t已投入\t2019年\t2020年\t2021年
智能工厂\t某某精工轴承有限公司\t新建生产线6条\t新增出口1亿元\t4000万元\t3000万元\t2000万元\t1000万元
项目支持证明材料附后。
3 年度工作计划（2019年-2021年）
2019年：完成10家企业改造。2020年：产业园运营。2021年：全面完成试点任务。
4 近三年外贸运行情况分析报告（2016年-2018年）
2016年、2017年、2018年全县进出口分别为18.2亿元、20.5亿元、23.1亿元，年均增长12.6%，出口结构持续优化。
"""


def test_checker_decimal_outline_plan_is_complete(seed_rubric, write_plan):
    # every part the notice asks for is there, numbered 1 / 2.1 / 2.1.1, projects in a table
    result = check(write_plan(DECIMAL_OUTLINE), seed_rubric)
    for sid in SECTIONS + ["material.application_form", "material.annual_plan", "material.analysis_report"]:
        assert result.item(sid).status == "present", (sid, result.item(sid).reason)
    assert result.item("plan.projects.funding").status == "present"
    assert result.score == pytest.approx(100.0)


N000_BODY = """某县县域商业体系建设方案
一、建设基础
全县有乡镇商贸中心9个，农贸市场15个，县级物流配送中心1个，村级快递服务站点覆盖率70%。
二、建设目标
到2025年，改造乡镇商贸中心5个，村级快递服务站点覆盖率达到95%。
三、主要任务
1.改造乡镇商贸中心5个，实施主体为某县供销集团。
2.建设村级快递服务站点40个，实施主体为县邮政分公司。
四、资金使用计划
申请中央财政资金1500万元，用于商贸中心改造；地方配套资金500万元，用于站点建设；引导社会资本投入2000万元。
五、保障措施
成立县域商业体系建设领导小组，县长任组长。县商务局负责统筹，县财政局负责资金监管，各乡镇负责项目落地。
"""


@pytest.mark.parametrize(
    "tail, form, table",
    [
        # attachment lines with placeholders: each ends at the next, and neither has a body
        ("附件1：示范县申报表（略）\n附件2：绩效目标表（另附）\n", "empty", "empty"),
        (
            (
                "附件1：示范县申报表\n申报县：某县；申报单位：某县人民政府；联系人：王五；电话：0530-1234567；"
                "县域常住人口52万人。\n附件2：绩效目标表\n待补充\n"
            ),
            "present",
            "empty",
        ),
        ("附件2：绩效目标表\n乡镇商贸中心改造数量5个；村级快递服务站点覆盖率95%。\n", "missing", "present"),
    ],
)
def test_checker_attachment_lines_end_the_section_before(write_plan, tail, form, table):
    from tests.conftest import ROOT

    result = check(
        write_plan(N000_BODY + tail), ROOT / "corpora/plans/notices/n000_county_commerce_demo_notice.txt"
    )
    assert result.item("material.application_form").status == form
    assert result.item("material.m3").status == table
    # 保障措施 ends where the attachments start
    assert (
        "附件"
        not in write_plan(N000_BODY + tail).read_text(encoding="utf-8")[
            result.item("plan.policies").section_start : result.item("plan.policies").section_end
        ]
    )


@pytest.mark.parametrize(
    "part, body, item_id",
    [
        # GUIDE: content the notice expects inside the plan, only referred to an attachment, is empty
        ("projects", "六、重点项目\n详见附件3《重点项目表》", "plan.projects"),
        # GUIDE lists 正在测算中 / 待…研究确定 among placeholders: a body that only defers is empty
        ("goals", "二、目标设定\n目标正在测算中，待县政府研究确定后另行上报。", "plan.goals"),
    ],
)
def test_checker_placeholder_sentences_make_a_section_empty(seed_rubric, write_plan, part, body, item_id):
    result = check(write_plan(make_plan(**{part: body})), seed_rubric)
    assert result.item(item_id).status == "empty"
    # GUIDE: sub-requirements of an empty section are missing
    assert {r.status for r in result.items if r.parent == item_id} == {"missing"}
