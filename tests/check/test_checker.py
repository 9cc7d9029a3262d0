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


@pytest.mark.parametrize("body", ["略", "（略）", "见附件3", "待补充。", "此处省略", "（暂无）", ""])
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


def test_checker_projects_without_funding_are_partial(seed_rubric, write_plan):
    projects = (
        "六、重点项目\n项目一：某某纺织有限公司智能工厂项目。实施主体为某某纺织有限公司，基本情况：占地200亩。"
        "发展目标：提升智能制造水平。附县商务局、财政局支持项目证明材料。"
    )
    result = check(write_plan(make_plan(projects=projects)), seed_rubric)
    assert result.item("plan.projects").status == "partial"
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
